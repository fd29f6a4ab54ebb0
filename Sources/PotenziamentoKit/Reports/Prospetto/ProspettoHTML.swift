/// The prospetto as one self-contained XHTML page (no external CSS, fonts or scripts) to print on
/// A4 and sign: summary, the figures to type into SIOSS, the chart, entities and comuni of both
/// years, excluded persons, parameters, the signature block with the date of production, page
/// numbers, and (unless left out) the annex of persons on its own pages. Print rules keep headings
/// with what follows them and table rows whole. Well-formed XML for any data (``CellEscaping/xml(_:)``).
enum ProspettoHTML {
    static let style = """
        @page { size: A4; margin: 13mm 13mm 16mm 13mm;
          @top-left { content: ""; } @top-center { content: ""; } @top-right { content: ""; } @bottom-left { content: ""; } @bottom-center { content: ""; }
          @bottom-right { content: "Pagina " counter(page) " di " counter(pages); font-family: "DejaVu Sans", Arial, sans-serif; font-size: 8pt; color: #555; } }
        body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 9pt; color: #111; margin: 0 auto; max-width: 184mm; }
        h1 { font-size: 14pt; margin: 0 0 1.5mm 0; }
        h2 { font-size: 10pt; margin: 3mm 0 1mm 0; border-bottom: 1px solid #999; break-after: avoid; page-break-after: avoid; }
        p { margin: 0.8mm 0; }
        p.meta { margin: 0.3mm 0; }
        p.note { font-size: 8pt; color: #333; }
        table { border-collapse: collapse; width: 100%; margin: 1mm 0 2mm 0; }
        tr, figure, .signature, .keep { break-inside: avoid; page-break-inside: avoid; }
        th, td { border: 1px solid #bbb; padding: 0.6mm 1.5mm; vertical-align: top; }
        th { background: #eef2f5; text-align: left; font-weight: bold; }
        table.small { table-layout: fixed; }
        table.small th, table.small td { font-size: 7.8pt; padding: 0.4mm 1mm; overflow-wrap: break-word; }
        table.small th:first-child { width: 50mm; }
        th { overflow-wrap: normal; word-break: keep-all; hyphens: none; }
        table.small td.n { white-space: normal; overflow-wrap: normal; overflow: hidden; }
        table.small th { overflow-wrap: normal; }
        table th.n { white-space: normal; }
        td.h { font-weight: bold; background: #fff6d6; }
        td { white-space: pre-line; }
        td.n, th.n { text-align: right; white-space: nowrap; }
        tr.total td { font-weight: bold; background: #f6f6f6; }
        tr.sioss td { font-weight: bold; background: #fff0b3; }
        .sioss-box { border: 2px solid #b8860b; padding: 1.5mm 2.5mm; margin: 2mm 0; }
        .sioss-box h2 { margin-top: 0.5mm; border-bottom: none; }
        h2 span.aside { font-size: 8pt; font-weight: normal; color: #333; }
        figure { margin: 1mm 0; text-align: center; }
        figure svg { max-width: 100%; height: auto; }
        figcaption { font-size: 8pt; color: #444; text-align: left; }
        ul.compact { margin: 0.5mm 0 1mm 5mm; padding: 0; font-size: 7.8pt; }
        .signature { margin-top: 4mm; display: flex; justify-content: space-between; }
        .signature .line { margin-top: 9mm; border-top: 1px solid #111; width: 70mm; text-align: center; font-size: 8pt; }
        footer { margin-top: 3mm; font-size: 7.5pt; color: #444; }
        section.annex, section.warnings, section.explain { break-before: page; page-break-before: always; }
        ul.explanation { margin: 0.5mm 0 0.5mm 4mm; padding: 0; font-size: 7.8pt; list-style: disc; }
        ul.explanation li { margin: 0.6mm 0; }
        section.explain > ul.explanation { margin-left: 0; list-style: none; }
        span.parameter { color: #444; }
        """

    /// `text` as the inside of a CSS string: quotes, backslashes and control characters escaped,
    /// and `<`, `&`, `>` too (no `</style>` ends the style sheet, no `]]>` breaks the XML).
    static func cssString(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\", "\"": escaped += "\\" + String(scalar)
            case "<", "&", ">": escaped += "\\" + String(scalar.value, radix: 16) + " "
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: escaped += "\\" + String(scalar.value, radix: 16) + " "
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// The most rows of the SIOSS table (entities and total) whose box is kept on one page: with
    /// the title above it, about 45 rows of 7,8 pt fit the first A4 page; 40 leave a margin.
    static let siossBoxRowsOnAPage = 40

    static func e(_ text: String) -> String { CellEscaping.xml(text) }

    /// A table written straight to `output`, a line per row; cells from the data are escaped here.
    static func table(
        _ header: [String], _ rows: [[String]], numericFrom: Int = 1, classes: [Int: String] = [:], small: Bool = false, highlight: Set<Int> = [],
        widths: [Int: String] = [:], to output: ReportOutput
    ) {
        tableHead(header, numericFrom: numericFrom, small: small, widths: widths, to: output)
        for (offset, row) in rows.enumerated() {
            tableRow(row, numericFrom: numericFrom, rowClass: classes[offset], highlight: highlight, to: output)
        }
        output.write("</table>\n")
    }

    /// The opening of a ``table(_:_:numericFrom:classes:small:highlight:widths:to:)`` and its header row.
    private static func tableHead(_ header: [String], numericFrom: Int, small: Bool, widths: [Int: String], to output: ReportOutput) {
        // The header row in `thead`: printed again at the top of each page a long table runs on.
        output.write(small ? "<table class=\"small\">\n<thead><tr>" : "<table>\n<thead><tr>")
        for (index, cell) in header.enumerated() {
            output.write(index >= numericFrom ? "<th class=\"n\"" : "<th")
            if let width = widths[index] { output.write(" style=\"width: \(width)\"") }
            output.write(byte: UInt8(ascii: ">"))
            output.write(e(cell))
            output.write("</th>")
        }
        output.write("</tr></thead>\n")
    }

    /// One row of a ``table(_:_:numericFrom:classes:small:highlight:widths:to:)``.
    private static func tableRow(_ row: [String], numericFrom: Int, rowClass: String? = nil, highlight: Set<Int> = [], to output: ReportOutput) {
        tableRow(cells: row.count, numericFrom: numericFrom, rowClass: rowClass, highlight: highlight, to: output) { index in
            output.write(e(index >= numericFrom ? figure(row[index]) : row[index]))
        }
    }

    /// A figure of a cell kept whole when its cell wraps: `≈` and `€` joined to their number by a
    /// no-break space, so a cell breaks only between two figures (`191,56 / 189,71`), never
    /// leaving «≈» or «€» alone on a line.
    /// On the bytes: Foundation's search and replace cost 6.000 instructions a cell (30 M for the
    /// largest ATS's page); a figure without `≈` or `€` (no byte 0xE2) is returned as it is.
    static func figure(_ text: String) -> String {
        guard text.utf8.contains(0xE2) else { return text }
        let bytes = Array(text.utf8)
        let (approx, euro, noBreak): ([UInt8], [UInt8], [UInt8]) = ([0xE2, 0x89, 0x88], [0xE2, 0x82, 0xAC], [0xC2, 0xA0])
        var joined: [UInt8] = []
        joined.reserveCapacity(bytes.count + 4)
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x20 && bytes[(index + 1)...].starts(with: euro) {
                joined += noBreak  // « €» → NBSP €
                index += 1
            } else if bytes[index...].starts(with: approx) && index + 3 < bytes.count && bytes[index + 3] == 0x20 {
                joined += approx + noBreak  // «≈ » → ≈ NBSP
                index += 4
            } else {
                joined.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: joined, as: UTF8.self)
    }

    /// One row of `cells` cells whose contents `cell` writes (escaped) into `output`, given the
    /// cell's index: the one place of a row's markup.
    private static func tableRow(
        cells: Int, numericFrom: Int, rowClass: String? = nil, highlight: Set<Int> = [], to output: ReportOutput, cell: (Int) -> Void
    ) {
        if let rowClass { output.write("<tr class=\"\(rowClass)\">") } else { output.write("<tr>") }
        for index in 0..<cells {
            switch (index >= numericFrom, highlight.contains(index)) {
            case (false, false): output.write("<td>")
            case (true, false): output.write("<td class=\"n\">")
            case (false, true): output.write("<td class=\"h\">")
            case (true, true): output.write("<td class=\"n h\">")
            }
            cell(index)
            output.write("</td>")
        }
        output.write("</tr>\n")
    }

    /// The XHTML page.
    static func render(_ content: ProspettoContent, to output: ReportOutput) {
        let p = content.prospetto
        let ambito = content.ambito
        let c = p.campaign
        let fte = TextBlocks.fte
        let exact = TextBlocks.exactFTE as (Fraction) -> String
        let entities = content.entityRows(decimals: TextBlocks.fteDecimals)
        output.write(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="it" xml:lang="it">
            <head>
            <meta charset="UTF-8"/>
            <title>Prospetto riassuntivo \(c) — \(e(ambito.name))</title>
            <style>
            \(style)
            @page { @bottom-left { content: "\(cssString("Prospetto riassuntivo \(c) — \(TextSafety.shortened(ambito.name, limit: 60)) (\(TextSafety.shortened(ambito.code, limit: 24)))"))"; font-family: "DejaVu Sans", Arial, sans-serif; font-size: 7pt; color: #555; } }
            </style>
            </head>
            <body>

            """)
        let line = output.markupLine
        line("<h1>Prospetto riassuntivo — campagna \(c)</h1>")
        line("<p class=\"meta\"><strong>Ambito:</strong> \(e(ambito.name)) (\(e(ambito.code)))\(ambito.region.map { ", " + e($0) } ?? "")</p>")
        line("<p class=\"meta\"><strong>\(e(content.deadlineLine))</strong></p>")
        line(
            "<p class=\"meta\">Consuntivo \(c - 1) e previsione \(c); FTE calcolati per \(e(p.previsione.method.label)). L. 30 dicembre 2020, n. 178, art. 1, commi 797-804. \(e(content.productionLine)).</p>"
        )
        // The figures to type into SIOSS, first: what the officer needs, entity by entity.
        var entityRows = entities.map { entity in
            [
                // The exact FTE beside the figure to declare: a figure rounded up is seen as such.
                entity.name, entity.istatCode ?? "—", NumberFormatting.italian(entity.consuntivo?.persons ?? 0),
                TextBlocks.exactFTE(part: entity.partConsuntivo, of: entity.exactConsuntivo),
                content.declared(entity.declaredConsuntivo), NumberFormatting.italian(entity.previsione?.persons ?? 0),
                TextBlocks.exactFTE(part: entity.partPrevisione, of: entity.exactPrevisione),
                content.declared(entity.declaredPrevisione),
            ]
        }
        entityRows.append([
            "Totale ambito", "", NumberFormatting.italian(p.consuntivo.countedPersons), exact(p.consuntivo.fte), content.declared(p.consuntivoDeclaration.fte),
            NumberFormatting.italian(p.previsione.countedPersons), exact(p.previsione.fte), content.declared(p.previsioneDeclaration.fte),
        ])
        let extraDecimals = max(0, content.declaredDecimals - 2)
        // The box stays whole on a page when it fits one; a longer list (an ATS of many comuni)
        // starts under the title and breaks between rows, instead of leaving the first page empty.
        line(entityRows.count <= siossBoxRowsOnAPage ? "<div class=\"sioss-box keep\">" : "<div class=\"sioss-box\">")
        // Where the areas to type are (a trial: the box had none, and no pointer to them).
        line(
            "<h2>Da inserire su SIOSS: FTE per ente <span class=\"aside\">(le aree di attività: tabella per area, riga «Totale ambito»)</span></h2>")
        table(
            [
                "ente", "cod. ISTAT", "persone \(c - 1)", "FTE esatti \(c - 1)", "su SIOSS \(c - 1)", "persone \(c)", "FTE esatti \(c)",
                "su SIOSS \(c)",
            ],
            entityRows, numericFrom: 2, classes: [entityRows.count - 1: "sioss"], small: true, highlight: [4, 7],
            // Figures as wide as the total's (`≈ 617,7050` in bold for 2,75 million residents): none
            // is cut; the figures to declare 2 mm wider for each decimal beyond 2 (a trial: with 6,
            // `690,393210` lost its last digit), taken from the names.
            widths: [
                0: "\(50 - 4 * extraDecimals)mm", 1: "13mm", 2: "14mm", 3: "20mm", 4: "\(14 + 2 * extraDecimals)mm", 5: "14mm", 6: "20mm",
                7: "\(14 + 2 * extraDecimals)mm",
            ], to: output)
        line(
            "<p><strong>Contributo sugli FTE dichiarati:</strong> \(e(NumberFormatting.euro(p.consuntivoDeclaration.contribution.total))) (consuntivo \(c - 1)) · \(e(NumberFormatting.euro(p.previsioneDeclaration.contribution.total))) (previsione \(c)); sugli FTE esatti \(e(NumberFormatting.euro(p.consuntivo.contribution.total))) · \(e(NumberFormatting.euro(p.previsione.contribution.total))).</p>"
        )
        if let note = content.comuniWithoutStaffNote { line("<p class=\"note\">\(e(note))</p>") }
        line("<p class=\"note\">\(e(content.declarationNote))</p>")
        line("</div>")
        line("<h2>Ambito: consuntivo \(c - 1) e previsione \(c)</h2>")
        let summary = content.summaryRows
        table(
            ["voce", "consuntivo \(c - 1)", "previsione \(c)"], summary.map { [$0.label, $0.consuntivo, $0.previsione] },
            classes: [summary.count - 1: "total"], small: true, to: output)
        line("<figure>")
        line(ContributionChart.svg(ProspettoReport.chartSeries(p), title: ProspettoReport.chartTitle(p)))
        // The parameters of the year drawn (the previsione), as in force: a replaced ratio is named as used.
        let drawn = p.previsione.contribution.parameters
        let every = { (threshold: Threshold) in NumberFormatting.italian(drawn.ratio(of: threshold).value) }
        line(
            "<figcaption>Il contributo cresce di \(e(NumberFormatting.euro(drawn.bandAAmount.value))) per FTE dalla soglia minima (1 assistente sociale ogni \(every(.minima)) residenti) al LEP (1 ogni \(every(.lep))), di \(e(NumberFormatting.euro(drawn.bandBAmount.value))) fino all'obiettivo (1 ogni \(every(.obiettivo))); sotto la soglia minima è nullo.</figcaption>"
        )
        line("</figure>")
        // Heading and table stay together (a table longer than a page still breaks, between rows).
        line("<div class=\"keep\">")
        line("<h2>FTE da dichiarare per area di attività e per ente (consuntivo \(c - 1) / previsione \(c))</h2>")
        // The figures to declare by area: each entity's add up to its figure in the box above; the
        // last row, the ATS's to type into SIOSS, to the declared ATS figure.
        func declaredPair(_ before: Fraction, _ now: Fraction) -> String { "\(content.declared(before)) / \(content.declared(now))" }
        var areaRows = entities.map { entity in
            let (before, now) = (entity.areasToDeclareConsuntivo, entity.areasToDeclarePrevisione)
            return [entity.name] + ActivityArea.allCases.map { declaredPair(before?[$0] ?? .zero, now?[$0] ?? .zero) }
                + [declaredPair(before?.unspecified ?? .zero, now?.unspecified ?? .zero)]
        }
        let declaredBefore = p.consuntivoDeclaration.areas
        let declaredNow = p.previsioneDeclaration.areas
        areaRows.append(
            ["Totale ambito, da inserire su SIOSS (somma = FTE dichiarati)"]
                + ActivityArea.allCases.map { declaredPair(declaredBefore[$0], declaredNow[$0]) }
                + [declaredPair(declaredBefore.unspecified, declaredNow.unspecified)])
        table(
            [
                "ente", "Segretariato sociale", "Servizio sociale prof.", "Famiglia, minori, anziani", "Disabilità, non autosuff.",
                "Povertà, disagio adulti", "non indicata",
            ],
            // A pair of figures wider than its column wraps at its space (table.small td.n).
            areaRows, classes: [areaRows.count - 1: "sioss"], small: true, to: output)
        if let note = ProspettoContent.areaColumnsNote(
            [entities.compactMap(\.areasToDeclareConsuntivo), entities.compactMap(\.areasToDeclarePrevisione)], totals: [declaredBefore, declaredNow])
        {
            line("<p class=\"note\">\(e(note))</p>")
        }
        line("</div>")
        // Comuni: the DM 15/2021 split of both years.
        line("<div class=\"keep\">")
        line("<h2>Riparto tra i comuni (D.M. 15/2021, art. 2)</h2>")
        // Both years side by side: residents, own and attributed FTE, amount; each year's rule below.
        var comuniRows: [[String]] = []
        // Each year's own FTE as shown, adding up to its total.
        let (ownBefore, ownNow) = (TextBlocks.shownOwnFTE(p.consuntivo), TextBlocks.shownOwnFTE(p.previsione))
        for (index, share) in p.previsione.split.shares.enumerated() {
            let before = p.consuntivoShare(forPrevisioneAt: index)
            func figures(_ share: MunicipalShare?, own: (MunicipalShare) -> Fraction) -> [String] {
                guard let share else { return ["—", "—", "—", "—"] }
                return [
                    share.residents.map { NumberFormatting.italian($0) } ?? "—", fte(own(share)), fte(share.attributedFTE),
                    NumberFormatting.euroDigits(share.amount),
                ]
            }
            comuniRows.append([share.name] + figures(before, own: ownBefore) + figures(share, own: ownNow))
        }
        comuniRows.append(
            ["Totale ambito"]
                + [p.consuntivo, p.previsione].flatMap { a in
                    [NumberFormatting.italian(a.population), fte(a.fte), "", NumberFormatting.euroDigits(a.contribution.total)]
                })
        table(
            [
                "ente", "residenti \(c - 1)", "FTE propri \(c - 1)", "FTE attrib. \(c - 1)", "importo € \(c - 1)", "residenti \(c)",
                "FTE propri \(c)", "FTE attrib. \(c)", "importo € \(c)",
            ],
            // The amounts as wide as a total of millions (`7.826.923,08` in bold): none is cut.
            comuniRows, numericFrom: 1, classes: [comuniRows.count - 1: "total"], small: true,
            widths: [0: "34mm", 1: "15mm", 2: "13mm", 3: "13mm", 4: "22mm", 5: "15mm", 6: "13mm", 7: "13mm", 8: "22mm"], to: output)
        line(
            "<p class=\"note\">Regola applicata nel \(c - 1): \(e(AssessmentReport.ruleLabel(p.consuntivo.split.rule))); nel \(c): \(e(AssessmentReport.ruleLabel(p.previsione.split.rule))). «FTE attrib.»: gli FTE degli enti d'ambito (unione, consorzio, ASL con delega…) attribuiti ai comuni in proporzione ai residenti; «Soggetto capofila»: la quota degli enti d'ambito, che va a chi li gestisce. Centesimi con il metodo dei resti maggiori. Gli FTE del riparto sono quelli esatti, sui quali si calcola il contributo: possono differire di un centesimo dalle cifre da dichiarare del riquadro SIOSS, che sono arrotondate per difetto.</p>"
        )
        line("</div>")
        line("<div class=\"keep\">")
        line("<h2>Persone escluse dal calcolo (\(c))</h2>")
        if p.previsione.excluded.isEmpty {
            line("<p>Nessuna.</p>")
        } else {
            line("<ul class=\"compact\">")
            for reason in ExclusionReason.allCases {
                let ids = p.previsione.excluded.filter { $0.reason == reason }.map(\.id.text)
                if !ids.isEmpty { line("<li>\(e(reason.label)): \(e(ids.joined(separator: ", ")))</li>") }
            }
            line("</ul>")
        }
        line("</div>")
        line("<div class=\"keep\">")
        line("<h2>Parametri di legge applicati</h2>")
        line(
            "<p class=\"note\">"
                + p.previsione.contribution.parameters.citations.map {
                    "\(e($0.name.label)): <strong>\(e($0.valueText))</strong> (\(e($0.reference.citation)))"
                }
                .joined(separator: "; ") + ".</p>")
        line("</div>")
        if !content.options.warnings.isEmpty {
            // Said before the signature, listed at the end (the prospetto stays on its pages).
            line(
                "<p class=\"note\"><strong>\(e(content.warningsHeading))</strong>: elencati in fondo al documento; vanno controllati prima di firmare.</p>")
        }
        line("<div class=\"signature\">")
        line("<div><p>\(e(content.placeAndDate))</p></div>")
        line("<div><p>Il/La Responsabile dell'Ambito</p><div class=\"line\">firma</div></div>")
        line("</div>")
        line(
            "<footer>\(e(content.productionLine)). Importi per fascia arrotondati al centesimo (metà per eccesso); FTE da dichiarare: quelli dell'ambito per difetto, quelli di enti e aree per difetto più le unità mancanti ai resti maggiori; ripartizioni con il metodo dei resti maggiori (a parità di resto l'unità va alla prima voce nell'ordine: due cifre esatte uguali possono differire di un centesimo).</footer>"
        )
        if content.options.annex { annex(content, to: output) }
        if content.options.explain { explanation(content, to: output) }
        if !content.options.warnings.isEmpty {
            output.write("<section class=\"warnings\">\n<h2>\(e(content.warningsHeading))</h2>\n")
            line("<p class=\"note\">\(e(ProspettoContent.warningsNote))</p>")
            line("<ul class=\"compact\">")
            for warning in content.options.warnings { line("<li>\(e(warning))</li>") }
            line("</ul>")
            output.write("</section>\n")
        }
        output.write("</body>\n</html>\n")
    }

    /// How each year's figures were obtained (`--spiega`), on pages of their own after the annex:
    /// the contribution on exact FTE and the figures to declare with the contribution on them.
    static func explanation(_ content: ProspettoContent, to output: ReportOutput) {
        output.write("<section class=\"explain\">\n<h1>Come è stato calcolato</h1>\n")
        for (year, steps) in content.explanations {
            output.write("<h2>Anno \(year)</h2>\n")
            for step in steps { step.writeHTML(to: output) }
        }
        output.write("</section>\n")
    }

    /// The annex: the counted persons of both years with their periods, days and FTE, and the excluded ones.
    static func annex(_ content: ProspettoContent, to output: ReportOutput) {
        let p = content.prospetto
        output.write("<section class=\"annex\">\n<h1>Allegato — persone conteggiate ed escluse</h1>\n")
        let line = output.markupLine
        line(
            "<p class=\"note\">Per ogni persona: l'ente, i periodi di servizio nell'anno con la quota d'anno (\(e(p.previsione.method.label))) e la quota del tempo pieno, i giorni e gli FTE. Da conservare con il prospetto per la certificazione.</p>"
        )
        for assessment in [p.consuntivo, p.previsione] {
            line("<h2>Anno \(assessment.year)</h2>")
            // A row per person, written as it is made (a thousand persons make no table in memory).
            tableHead(
                ["id", "ente", "periodi nell'anno (dal–al · quota d'anno × quota del tempo pieno)", "giorni", "FTE"], numericFrom: 3, small: true,
                widths: [0: "24mm", 1: "42mm", 3: "13mm", 4: "16mm"], to: output)
            content.forEachPerson(in: assessment) { person in
                tableRow(cells: 5, numericFrom: 3, to: output) { index in
                    switch index {
                    case 0: output.write(e(person.id))
                    case 1: output.write(e(person.entity))
                    case 2:
                        // The periods one per line (the cell keeps line breaks); their text needs no escape.
                        if person.service.isEmpty { output.write(e("nessun servizio nell'anno")) }
                        person.writePeriods(separatedBy: "\n", to: output)
                    case 3: output.write(String(person.days))
                    default: output.write(NumberFormatting.italian(person.fte, decimals: 4))
                    }
                }
            }
            tableRow(["Totale", "", "", "", NumberFormatting.italian(assessment.fte, decimals: 4)], numericFrom: 3, rowClass: "total", to: output)
            output.write("</table>\n")
            if !assessment.excluded.isEmpty {
                table(
                    ["id escluso", "motivo"], assessment.excluded.map { [$0.id.text, "\($0.reason.label) [\($0.reason.rawValue)]"] }, numericFrom: 2,
                    small: true,
                    widths: [0: "24mm"], to: output)
            }
        }
        line("</section>")
    }
}

extension ReportOutput {
    /// Appends markup already made safe (``CellEscaping/xml(_:)``) as it is, and a line feed.
    fileprivate func markupLine(_ text: String) {
        write(text)
        write(byte: 0x0A)
    }
}
