/// The prospetto riassuntivo (`potenziamento prospetto`) as Italian text, Markdown, JSON
/// `potenziamento.prospetto.v1` (docs/formati.md) and CSV; the printable XHTML is ``ProspettoHTML``.
enum ProspettoReport {
    /// The JSON format identifier.
    static let format = "potenziamento.prospetto.v1"

    // MARK: JSON

    /// The `potenziamento.prospetto.v1` document.
    static func json(_ content: ProspettoContent, to output: ReportOutput) {
        var json = JSONWriter(output)
        json.object { json in members(content.prospetto, explain: content.options.explain, into: &json) }
    }

    /// The members of the document (also the elements of a batch).
    static func members(_ p: Prospetto, explain: Bool = false, into json: inout JSONWriter) {
        json.member("formato", format)
        json.member("campagna", p.campaign)
        json.member("ambito") { json in
            json.member("codice", p.previsione.ambito.code)
            json.member("denominazione", p.previsione.ambito.name)
            json.member("regione", p.previsione.ambito.region)
        }
        json.member("scadenza", p.deadline.value.iso)
        json.member("consuntivo") { json in year(p.consuntivo, declaration: p.consuntivoDeclaration, explain: explain, into: &json) }
        json.member("previsione") { json in year(p.previsione, declaration: p.previsioneDeclaration, explain: explain, into: &json) }
        json.member(array: "comuni") { json in
            // Each year's own FTE as parts of its `fte.totale` (4 decimals): they add up to it.
            let (ownBefore, ownNow) = (p.consuntivo.shownOwnFTE(decimals: 4), p.previsione.shownOwnFTE(decimals: 4))
            for (index, current) in p.previsione.split.shares.enumerated() {
                // Both years list the roster's comuni (a decoded prospetto is checked for it);
                // a share missing in C−1 would show C's figures.
                let before = p.consuntivoIndex(forPrevisioneAt: index)
                let previous = before.map { p.consuntivo.split.shares[$0] } ?? current
                json.element { json in
                    json.member("ente", current.recipient.description)
                    json.member("denominazione", current.name)
                    json.member("consuntivo") { json in
                        share(previous, ownFTE: before.map { ownBefore[$0] } ?? ownNow[index], year: p.consuntivo.year, into: &json)
                    }
                    json.member("previsione") { json in share(current, ownFTE: ownNow[index], year: p.previsione.year, into: &json) }
                }
            }
        }
    }

    /// One year: the assessment's keys plus `persone`, `enti[]`, `fteDaDichiarare`, `contributoSuDichiarato`.
    static func year(_ assessment: AnnualAssessment, declaration: FTEDeclaration, explain: Bool, into json: inout JSONWriter) {
        AssessmentReport.members(assessment, explain: explain, into: &json)
        json.member("persone") { json in
            json.member("conteggiate", assessment.countedPersons)
            json.member("escluse", assessment.excluded.count)
        }
        /// The six area keys of `areas`, figures to declare with the declaration's decimals.
        func declared(_ areas: AreaBreakdown, into json: inout JSONWriter) {
            for area in ActivityArea.allCases { json.member(JSONKey(vocabulary: area.rawValue), decimal: areas[area], decimals: declaration.decimals) }
            json.member(JSONKey(vocabulary: ActivityArea.unspecifiedKey), decimal: areas.unspecified, decimals: declaration.decimals)
        }
        let entities = assessment.entities
        // Each entity's areas to declare, adding up to its figure (a SIOSS trial: only the HTML
        // and the text had them).
        let areasToDeclare = assessment.entitiesWithAreasToDeclare(declaration, of: entities)
        json.member(array: "enti") { json in
            // As shown at 4 decimals: the entities add up to `fte.totale`, each one's areas to its `fte`.
            for (index, entity) in assessment.shownEntitiesWithExactFTE(decimals: 4, of: entities).map(\.shown).enumerated() {
                json.element { json in
                    json.member("ente", entity.key)
                    json.member("denominazione", entity.name)
                    json.member("persone", entity.persons)
                    json.member("fte", decimal: entity.fte)
                    json.member("perArea") { json in AssessmentReport.areas(entity.areas, into: &json) }
                    json.member("fteDaDichiarare", decimal: declaration.fte(of: entity.key), decimals: declaration.decimals)
                    json.member("areeDaDichiarare") { json in declared(areasToDeclare[index].areas, into: &json) }
                }
            }
        }
        json.member("fteDaDichiarare", decimal: declaration.fte, decimals: declaration.decimals)
        json.member("areeDaDichiarare") { json in declared(declaration.areas, into: &json) }
        json.member("contributoSuDichiarato", euro: declaration.contribution.total)
        if explain {
            json.member("spiegazioneSuDichiarato") { json in ContributionReport.explanation(declaration.explanation(of: assessment), into: &json) }
        }
    }

    /// One year of a comune (or the capofila): `ownFTE` its own FTE as shown.
    static func share(_ share: MunicipalShare, ownFTE: Fraction, year: Int, into json: inout JSONWriter) {
        json.member("anno", year)
        if let residents = share.residents { json.member("popolazione", residents) } else { json.member(null: "popolazione") }
        json.member("fteProprio", decimal: ownFTE)
        json.member("fteAttribuito", decimal: share.attributedFTE)
        json.member("euro", euro: share.amount)
    }

    // MARK: Text

    /// The Italian text a person reads and keeps: summary, figures to declare, entities, comuni,
    /// excluded persons, parameters, signature block and (unless left out) the annex.
    static func text(_ content: ProspettoContent, to output: ReportOutput) {
        let p = content.prospetto
        let c = p.campaign
        let ambito = content.ambito
        // Columns as wide as their widest figure (a large ATS has long amounts), at least 18.
        let figures = (content.summaryRows + content.declarationRows).flatMap { [$0.consuntivo, $0.previsione] }
        let width = max(18, (figures.map(\.count).max() ?? 0) + 2)
        func row(_ label: String, _ before: String, _ now: String) -> String {
            TextBlocks.left(label, 44) + TextBlocks.right(before, width) + TextBlocks.right(now, width)
        }
        output.line("PROSPETTO RIASSUNTIVO — campagna \(c)")
        output.line("Ambito: \(ambito.name) (\(ambito.code))\(ambito.region.map { ", \($0)" } ?? "")")
        output.line(content.deadlineLine)
        output.line("FTE calcolati per \(p.previsione.method.label)")
        output.line()
        output.line(row("", "Consuntivo \(c - 1)", "Previsione \(c)"))
        for item in content.summaryRows { output.line(row(item.label, item.consuntivo, item.previsione)) }
        output.line()
        output.line("DA INSERIRE SU SIOSS (FTE: \(content.declarationHeading))")
        let declaration = content.declarationRows
        output.line(row(declaration[0].label, declaration[0].consuntivo, declaration[0].previsione))
        for entity in content.entityRows(decimals: TextBlocks.fteDecimals) {
            let name = entity.istatCode.map { "  \(entity.name) (\($0))" } ?? "  \(entity.name)"
            output.line(row(name, content.declared(entity.declaredConsuntivo), content.declared(entity.declaredPrevisione)))
        }
        if let note = content.comuniWithoutStaffNote { output.line("  \(note)") }
        output.line("  per area di attività (la somma è la cifra dell'ambito):")
        for area in ActivityArea.allCases {
            output.line(row("   \(area.label)", content.declared(p.consuntivoDeclaration.areas[area]), content.declared(p.previsioneDeclaration.areas[area])))
        }
        output.line(
            row("   Non indicata", content.declared(p.consuntivoDeclaration.areas.unspecified), content.declared(p.previsioneDeclaration.areas.unspecified)))
        for item in declaration.dropFirst() { output.line(row(item.label, item.consuntivo, item.previsione)) }
        output.line(content.declarationNote)
        output.line()
        // The ATS's areas are those in the box, to declare: no second table of them rounded
        // otherwise (4,13 beside the 4,12 to type, an officer's trial), as in the HTML.

        // What the short column headings of the entity tables stand for.
        output.line(
            "Colonne degli enti: da dichiar. = FTE da dichiarare su SIOSS; "
                + ActivityArea.allCases.map { "\(shortLabel($0)) = \($0.label.lowercased())" }.joined(separator: "; ") + "; n.i. = area non indicata")
        for (assessment, declaration) in [(p.consuntivo, p.consuntivoDeclaration), (p.previsione, p.previsioneDeclaration)] {
            let kind = assessment.year == c ? "Previsione" : "Consuntivo"
            output.line()
            output.line("\(kind) \(assessment.year): enti che impiegano gli assistenti sociali conteggiati")
            // Each row's areas add up to its figure to declare, the total's too.
            let rows = ProspettoContent.entityTable(assessment, declaration)
            let areas = declaration.areas
            let declared = content.declared
            // Area columns as wide as a figure to declare (0,5500 with 4 decimals), a space apart.
            let areaWidth = max(7, content.declaredDecimals + 4)
            let exact = TextBlocks.exactFTE as (Fraction) -> String
            // The name column as wide as the longest name: a name is never cut.
            let nameWidth = max(40, (rows.map(\.entity.name.count).max() ?? 0) + 3)
            var table = [["  ente", "persone", "FTE esatti", "da dichiar."] + ActivityArea.allCases.map(shortLabel) + ["n.i."]]
            for (entity, figure, entityAreas, exactShown) in rows {
                table.append(
                    ["  \(entity.name)", NumberFormatting.italian(entity.persons), exactShown, declared(figure)]
                        + ActivityArea.allCases.map { declared(entityAreas[$0]) } + [declared(entityAreas.unspecified)])
            }
            table.append(
                ["  Totale ambito", NumberFormatting.italian(assessment.countedPersons), exact(assessment.fte), declared(declaration.fte)]
                    + ActivityArea.allCases.map { declared(areas[$0]) } + [declared(areas.unspecified)])
            for line in TextBlocks.aligned(table, widths: [nameWidth, 8, 12, 12] + Array(repeating: areaWidth, count: ActivityArea.allCases.count + 1)) {
                output.line(line)
            }
            if let note = ProspettoContent.areaColumnsNote([rows.map(\.areas)], totals: [areas]) { output.line("  Nota: \(note)") }
            output.line()
            output.line(
                "\(kind) \(assessment.year): riparto tra i comuni (D.M. 15/2021, art. 2 — \(AssessmentReport.ruleLabel(assessment.split.rule)); FTE esatti, non quelli da dichiarare)"
            )
            for line in TextBlocks.splitTable(assessment, withTotal: true) { output.line(line) }
        }
        output.line()
        output.line(
            p.previsione.excluded.isEmpty
                ? "Persone escluse dal calcolo nel \(c): nessuna."
                : "Persone escluse dal calcolo nel \(c) (\(NumberFormatting.italian(p.previsione.excluded.count))):")
        for record in p.previsione.excluded { output.line("  - \(record.id): \(record.reason.label) [\(record.reason.rawValue)]") }
        AssessmentReport.warnings(p.previsione, to: output)
        output.line()
        for line in TextBlocks.parameterCitations(p.previsione.contribution.parameters) { output.line(line) }
        output.line()
        output.line(content.productionLine)
        output.line(content.placeAndDate)
        output.line()
        output.line("Il/La Responsabile dell'Ambito")
        output.line()
        output.line("______________________________")
        if !content.options.warnings.isEmpty {
            output.line()
            output.line(content.warningsHeading.uppercased())
            output.line(ProspettoContent.warningsNote)
            for warning in content.options.warnings { output.line("- \(warning)") }
        }
        if content.options.annex { annexText(content, to: output) }
        if content.options.explain {
            for (year, steps) in content.explanations {
                output.line()
                output.line("Come è stato calcolato il \(year):")
                for line in steps.flatMap({ $0.textLines(indent: "  ") }) { output.line(line) }
            }
        }
    }

    /// The annex as text: counted persons of both years, excluded persons with their reasons.
    static func annexText(_ content: ProspettoContent, to output: ReportOutput) {
        let p = content.prospetto
        output.line()
        output.line("ALLEGATO — persone conteggiate ed escluse")
        for assessment in [p.consuntivo, p.previsione] {
            output.line()
            output.line("Anno \(assessment.year) (\(assessment.method.label)):")
            let persons = content.persons(assessment)
            let idWidth = max(16, (persons.map(\.id.count).max() ?? 0) + 3)
            let entityWidth = max(28, (persons.map(\.entity.count).max() ?? 0) + 1)
            output.line(
                TextBlocks.left("  id", idWidth) + TextBlocks.left("ente", entityWidth) + TextBlocks.right("giorni", 7) + TextBlocks.right("FTE", 9)
                    + "   periodi")
            for person in persons {
                output.line(
                    TextBlocks.left("  \(person.id)", idWidth) + TextBlocks.left(person.entity, entityWidth) + TextBlocks.right(String(person.days), 7)
                        + TextBlocks.right(NumberFormatting.italian(person.fte, decimals: 4), 9) + "   "
                        + (person.service.isEmpty ? "nessun servizio nell'anno" : person.periods(separatedBy: "; ")))
            }
            for record in assessment.excluded {
                output.line(TextBlocks.left("  \(record.id)", idWidth) + "escluso: \(record.reason.label) [\(record.reason.rawValue)]")
            }
        }
    }

    /// A short column label for an area (text tables).
    static func shortLabel(_ area: ActivityArea) -> String {
        switch area {
        case .segretariatoSociale: "segr."
        case .servizioSocialeProfessionale: "s.s.p."
        case .famigliaMinoriAnzianiAutosufficienti: "fam."
        case .disabilitaNonAutosufficienza: "dis."
        case .povertaDisagioAdulti: "pov."
        }
    }

    // MARK: Markdown

    /// The prospetto as Markdown (data escaped), with totals in the comuni tables.
    static func markdown(_ content: ProspettoContent, to output: ReportOutput) {
        let p = content.prospetto
        let c = p.campaign
        let md = CellEscaping.markdown
        let ambito = content.ambito
        output.line("# Prospetto riassuntivo — campagna \(c)")
        output.line()
        output.line("**Ambito:** \(md(ambito.name)) (\(md(ambito.code)))\(ambito.region.map { ", \(md($0))" } ?? "")  ")
        output.line("**\(md(content.deadlineLine))**  ")
        output.line("FTE calcolati per \(p.previsione.method.label).")
        output.line()
        output.line("| voce | consuntivo \(c - 1) | previsione \(c) |")
        output.line("|---|---:|---:|")
        for item in content.summaryRows { output.line("| \(item.label) | \(item.consuntivo) | \(item.previsione) |") }
        output.line()
        output.line("## Da inserire su SIOSS")
        output.line()
        output.line("| voce | consuntivo \(c - 1) | previsione \(c) |")
        output.line("|---|---:|---:|")
        for item in content.declarationRows { output.line("| **\(item.label)** | **\(item.consuntivo)** | **\(item.previsione)** |") }
        for entity in content.entityRows(decimals: TextBlocks.fteDecimals) {
            let name = md(entity.name) + (entity.istatCode.map { " (\(md($0)))" } ?? "")
            output.line("| \(name) | \(content.declared(entity.declaredConsuntivo)) | \(content.declared(entity.declaredPrevisione)) |")
        }
        // The areas to declare, as the text's box has them (the areas' only table: an officer's trial).
        output.line("| *per area di attività (la somma è la cifra dell'ambito):* | | |")
        let (areasBefore, areasNow) = (p.consuntivoDeclaration.areas, p.previsioneDeclaration.areas)
        for area in ActivityArea.allCases {
            output.line("| \(area.label) | \(content.declared(areasBefore[area])) | \(content.declared(areasNow[area])) |")
        }
        output.line("| Non indicata | \(content.declared(areasBefore.unspecified)) | \(content.declared(areasNow.unspecified)) |")
        output.line()
        if let note = content.comuniWithoutStaffNote {
            output.line(md(note))
            output.line()
        }
        output.line(content.declarationNote)
        for (assessment, declaration) in [(p.consuntivo, p.consuntivoDeclaration), (p.previsione, p.previsioneDeclaration)] {
            let kind = assessment.year == c ? "Previsione" : "Consuntivo"
            output.line()
            output.line("## \(kind) \(assessment.year): enti")
            output.line()
            output.line("| ente | persone | FTE esatti | da dichiarare | " + ActivityArea.allCases.map(\.label).joined(separator: " | ") + " | non indicata |")
            output.line("|---|---:|---:|---:|" + String(repeating: "---:|", count: ActivityArea.allCases.count + 1))
            // Each row's areas add up to its figure to declare, the total's too (the declared areas).
            let areas = declaration.areas
            let (exact, declared) = (TextBlocks.exactFTE as (Fraction) -> String, content.declared)
            let rows = ProspettoContent.entityTable(assessment, declaration)
            for (entity, figure, entityAreas, exactShown) in rows {
                output.line(
                    "| \(md(entity.name)) | \(NumberFormatting.italian(entity.persons)) | \(exactShown) | \(declared(figure)) | "
                        + ActivityArea.allCases.map { declared(entityAreas[$0]) }.joined(separator: " | ")
                        + " | \(declared(entityAreas.unspecified)) |")
            }
            output.line(
                "| **Totale ambito** | \(NumberFormatting.italian(assessment.countedPersons)) | \(exact(assessment.fte)) | \(declared(declaration.fte)) | "
                    + ActivityArea.allCases.map { declared(areas[$0]) }.joined(separator: " | ")
                    + " | \(declared(areas.unspecified)) |")
            if let note = ProspettoContent.areaColumnsNote([rows.map(\.areas)], totals: [areas]) {
                output.line()
                output.line("*\(md(note))*")
            }
            output.line()
            output.line("## \(kind) \(assessment.year): comuni (D.M. 15/2021, art. 2)")
            output.line()
            output.line("| ente | codice ISTAT | residenti | FTE propri | FTE attribuiti | importo |")
            output.line("|---|---|---:|---:|---:|---:|")
            let own = TextBlocks.shownOwnFTE(assessment)
            for share in assessment.split.shares {
                let code: String
                if case .comune(let istat) = share.recipient { code = md(istat) } else { code = "—" }
                output.line(
                    "| \(md(share.name)) | \(code) | \(share.residents.map { NumberFormatting.italian($0) } ?? "—") | \(TextBlocks.fte(own(share))) | \(TextBlocks.fte(share.attributedFTE)) | \(NumberFormatting.euro(share.amount)) |"
                )
            }
            output.line(
                "| **Totale ambito** | | \(NumberFormatting.italian(assessment.population)) | \(TextBlocks.fte(assessment.fte)) | | **\(NumberFormatting.euro(assessment.contribution.total))** |"
            )
        }
        output.line()
        output.line("## Persone escluse (\(c))")
        output.line()
        if p.previsione.excluded.isEmpty { output.line("Nessuna.") }
        for record in p.previsione.excluded { output.line("- \(md(record.id.text)): \(record.reason.label)") }
        output.line()
        output.line("## Parametri di legge applicati")
        output.line()
        for line in TextBlocks.parameterMarkdown(p.previsione.contribution.parameters) { output.line(line) }
        output.line()
        output.line("\(content.productionLine)  ")
        output.line("\(md(content.placeAndDate))")
        output.line()
        output.line("Il/La Responsabile dell'Ambito: ______________________________")
        if !content.options.warnings.isEmpty {
            output.line()
            output.line("## \(content.warningsHeading)")
            output.line()
            output.line(ProspettoContent.warningsNote)
            output.line()
            for warning in content.options.warnings { output.line("- \(md(warning))") }
        }
        if content.options.annex {
            for assessment in [p.consuntivo, p.previsione] {
                output.line()
                output.line("## Allegato — persone, \(assessment.year)")
                output.line()
                output.line("| id | ente | giorni | FTE | periodi |")
                output.line("|---|---|---:|---:|---|")
                for person in content.persons(assessment) {
                    output.line(
                        "| \(md(person.id)) | \(md(person.entity)) | \(person.days) | \(NumberFormatting.italian(person.fte, decimals: 4)) | \(person.service.isEmpty ? "—" : person.periods(separatedBy: "; ")) |"
                    )
                }
                for record in assessment.excluded { output.line("| \(md(record.id.text)) | escluso | | | \(record.reason.label) |") }
            }
        }
        if content.options.explain {
            for (year, steps) in content.explanations { Explanation.writeMarkdownSection("Come è stato calcolato il \(year)", steps, to: output) }
        }
    }

    // MARK: CSV

    /// The tables in one sheet: `sezione;voce;consuntivo C-1;previsione C` (BOM, `;`, decimal comma).
    static func csv(_ content: ProspettoContent, to output: ReportOutput) {
        let p = content.prospetto
        let c = p.campaign
        let csv = CSVWriter(output)
        csv.row(["sezione", "voce", "consuntivo_\(c - 1)", "previsione_\(c)"])
        // Which ATS: a file kept or sent on its own says whose figures it holds.
        csv.row(["ambito", "codice", CSVWriter.text(p.consuntivo.ambito.code), CSVWriter.text(p.previsione.ambito.code)])
        csv.row(["ambito", "denominazione", CSVWriter.text(p.consuntivo.ambito.name), CSVWriter.text(p.previsione.ambito.name)])
        func plain(_ a: ContributionAssessment) -> [String] {
            [
                String(a.population), NumberFormatting.spreadsheet(a.fte, decimals: 4), NumberFormatting.spreadsheet(a.thresholds.minimum, decimals: 4),
                NumberFormatting.spreadsheet(a.thresholds.lep, decimals: 4), NumberFormatting.spreadsheet(a.thresholds.objective, decimals: 4),
                NumberFormatting.spreadsheet(a.bandA.fte, decimals: 4), NumberFormatting.spreadsheet(a.bandA.amount),
                NumberFormatting.spreadsheet(a.bandB.fte, decimals: 4),
                NumberFormatting.spreadsheet(a.bandB.amount), NumberFormatting.spreadsheet(a.total),
            ]
        }
        let labels = [
            "popolazione", "fte", "soglia_minima", "lep", "obiettivo", "fascia_a_fte", "fascia_a_euro", "fascia_b_fte", "fascia_b_euro", "contributo",
        ]
        let before = plain(p.consuntivo.contribution)
        let now = plain(p.previsione.contribution)
        for index in labels.indices { csv.row(["ambito", labels[index], before[index], now[index]]) }
        let declared = { (value: Fraction) in FTEDeclaration.text(value, decimals: content.declaredDecimals, decimalMark: ",") }
        csv.row(["sioss", "fte_da_dichiarare", declared(p.consuntivoDeclaration.fte), declared(p.previsioneDeclaration.fte)])
        for area in ActivityArea.allCases {
            csv.row(["sioss", "\(area.rawValue)_da_dichiarare", declared(p.consuntivoDeclaration.areas[area]), declared(p.previsioneDeclaration.areas[area])])
        }
        csv.row([
            "sioss", "\(ActivityArea.unspecifiedKey)_da_dichiarare", declared(p.consuntivoDeclaration.areas.unspecified),
            declared(p.previsioneDeclaration.areas.unspecified),
        ])
        csv.row([
            "sioss", "contributo_su_dichiarato", NumberFormatting.spreadsheet(p.consuntivoDeclaration.contribution.total),
            NumberFormatting.spreadsheet(p.previsioneDeclaration.contribution.total),
        ])
        for entity in content.entityRows(decimals: 4) {
            let key = CSVWriter.text(entity.key)
            csv.row(["enti", "\(key) persone", String(entity.consuntivo?.persons ?? 0), String(entity.previsione?.persons ?? 0)])
            csv.row([
                "enti", "\(key) fte", NumberFormatting.spreadsheet(entity.consuntivo?.fte ?? .zero, decimals: 4),
                NumberFormatting.spreadsheet(entity.previsione?.fte ?? .zero, decimals: 4),
            ])
            csv.row(["enti", "\(key) fte_da_dichiarare", declared(entity.declaredConsuntivo), declared(entity.declaredPrevisione)])
            // The five areas and the FTE without an area: they add up to the entity's `fte` row.
            for area in ActivityArea.allCases {
                csv.row([
                    "enti", "\(key) \(area.rawValue)", NumberFormatting.spreadsheet(entity.consuntivo?.areas[area] ?? .zero, decimals: 4),
                    NumberFormatting.spreadsheet(entity.previsione?.areas[area] ?? .zero, decimals: 4),
                ])
            }
            csv.row([
                "enti", "\(key) \(ActivityArea.unspecifiedKey)", NumberFormatting.spreadsheet(entity.consuntivo?.areas.unspecified ?? .zero, decimals: 4),
                NumberFormatting.spreadsheet(entity.previsione?.areas.unspecified ?? .zero, decimals: 4),
            ])
        }
        // The areas as shown: they add up to the ATS total shown (docs/regole.md §5).
        let (areasBefore, areasNow) = (p.consuntivo.shownAreas(decimals: 4), p.previsione.shownAreas(decimals: 4))
        for area in ActivityArea.allCases {
            csv.row([
                "aree", area.rawValue, NumberFormatting.spreadsheet(areasBefore[area], decimals: 4),
                NumberFormatting.spreadsheet(areasNow[area], decimals: 4),
            ])
        }
        csv.row([
            "aree", ActivityArea.unspecifiedKey, NumberFormatting.spreadsheet(areasBefore.unspecified, decimals: 4),
            NumberFormatting.spreadsheet(areasNow.unspecified, decimals: 4),
        ])
        // Each year's own FTE as parts of its total (4 decimals): they add up to it.
        let (ownBefore, ownNow) = (p.consuntivo.shownOwnFTE(decimals: 4), p.previsione.shownOwnFTE(decimals: 4))
        for (index, share) in p.previsione.split.shares.enumerated() {
            let before = p.consuntivoIndex(forPrevisioneAt: index)
            let previous = before.map { p.consuntivo.split.shares[$0] } ?? share
            let name = CSVWriter.text(share.recipient.description)
            csv.row(["comuni", "\(name) residenti", previous.residents.map(String.init) ?? "", share.residents.map(String.init) ?? ""])
            csv.row([
                "comuni", "\(name) fte_propri", NumberFormatting.spreadsheet(before.map { ownBefore[$0] } ?? ownNow[index], decimals: 4),
                NumberFormatting.spreadsheet(ownNow[index], decimals: 4),
            ])
            csv.row([
                "comuni", "\(name) fte_attribuiti", NumberFormatting.spreadsheet(previous.attributedFTE, decimals: 4),
                NumberFormatting.spreadsheet(share.attributedFTE, decimals: 4),
            ])
            csv.row(["comuni", "\(name) euro", NumberFormatting.spreadsheet(previous.amount), NumberFormatting.spreadsheet(share.amount)])
        }
        for record in p.previsione.excluded { csv.row(["esclusi", CSVWriter.text(record.id.text), record.reason.rawValue, record.reason.rawValue]) }
    }

    // MARK: Chart

    /// The chart series of the prospetto: consuntivo and previsione.
    static func chartSeries(_ p: Prospetto) -> [ContributionChart.Series] {
        [
            ContributionChart.Series(label: "Consuntivo \(p.campaign - 1)", assessment: p.consuntivo.contribution, style: .earlier),
            ContributionChart.Series(label: "Previsione \(p.campaign)", assessment: p.previsione.contribution, style: .current),
        ]
    }

    /// The chart title.
    static func chartTitle(_ p: Prospetto) -> String { "Contributo in funzione degli FTE — \(p.previsione.ambito.name)" }
}
