import PotenziamentoFormats

/// The reports as workbooks (`--formato xlsx|ods`, docs/formati.md, «Rapporti come cartelle di
/// lavoro»): one sheet per table, header row frozen and in bold, numbers as numbers (residents
/// with thousands separators, FTE shown with 4 decimals and stored with 10, FTE to declare with
/// their decimals, euro with 2), dates as dates, the same bytes for the same input.
package enum ReportWorkbooks {
    // MARK: Cells

    /// Text.
    static func text(_ value: String) -> WritableCell { .text(value) }
    /// A count (residents, persons) with thousands separators.
    static func count(_ value: Int) -> WritableCell { .number(String(value), .integer) }
    /// A year, without separators, aligned left (as the name beside it).
    static func year(_ value: Int) -> WritableCell { .number(String(value), .year) }
    /// An exact FTE figure, stored with 10 decimals and shown with 4.
    static func fte(_ value: Fraction) -> WritableCell { .number(NumberFormatting.plain(value, decimals: 10), .decimal4) }
    /// An FTE figure to declare (already rounded down to `decimals`, at most 6), a number shown
    /// exactly: with 2, 4 or 6 decimals, the fewest of these that shows it whole (a number format
    /// with fewer decimals would show it rounded up, above the figure declared; a trial found
    /// 5 and 6 decimals written as text, which a sheet does not add up).
    static func declared(_ value: Fraction, decimals: Int) -> WritableCell {
        switch decimals {
        case ...2: .number(NumberFormatting.plain(value, decimals: 2), .decimal2)
        case 3...4: .number(NumberFormatting.plain(value, decimals: 4), .decimal4)
        default: .number(NumberFormatting.plain(value, decimals: 6), .decimal6)
        }
    }
    /// An amount in euro.
    static func euro(_ amount: EuroCents) -> WritableCell { .number(NumberFormatting.json(amount), .euro) }
    /// Yes or no.
    static func yesNo(_ value: Bool) -> WritableCell { .text(value ? "sì" : "no") }

    /// The rows of a table whose totals stand apart: the data rows (of every year, when several
    /// tables are joined), then an empty row (a sort or a filter of the data stops there), then
    /// the totals in bold, then (after another empty row) what follows the table.
    struct TableRows {
        /// The data rows.
        var data: [[WritableCell]] = []
        /// The totals, in the order given.
        var totals: [[WritableCell]] = []
        /// Rows after the totals (a second table below the first).
        var trailing: [[WritableCell]] = []

        /// All the rows, with the positions of the totals among them.
        var rows: (rows: [[WritableCell]], totals: Range<Int>) {
            var rows = data
            if !rows.isEmpty && !totals.isEmpty { rows.append([]) }
            let first = rows.count
            rows += totals
            let range = first..<rows.count
            if !rows.isEmpty && !trailing.isEmpty { rows.append([]) }
            return (rows + trailing, range)
        }

        /// The data of `other` after these data, its totals after these totals.
        mutating func append(_ other: TableRows) {
            data += other.data
            totals += other.totals
            trailing += other.trailing
        }
    }

    /// A sheet of `table` under its `header`, as ``sheet(_:_:_:)``, its totals in bold.
    static func sheet(_ name: String, _ header: [String], _ table: TableRows) -> WritableSheet {
        let (rows, totals) = table.rows
        var sheet = sheet(name, header, rows)
        // Row 0 is the header.
        sheet.boldRows = Set(totals.map { $0 + 1 })
        return sheet
    }

    /// A sheet with a bold, frozen `header` and `rows`, columns as wide as their content (within limits).
    static func sheet(_ name: String, _ header: [String], _ rows: [[WritableCell]]) -> WritableSheet {
        // A long heading on several lines (wrapped in its cell): its column stays as wide as its
        // figures, and the sheet prints at a readable size.
        let header = header.map { wrapped($0, width: 16) }
        // A text on several lines (wrapped in its cell) is as wide as its longest line.
        func longestLine(_ text: String) -> Int { text.split(separator: "\n").map(\.count).max() ?? 0 }
        var widths = header.map { heading in max(10, longestLine(heading) + 2) }
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                let length: Int
                switch cell {
                case .text(let value): length = longestLine(value) + 2
                case .number(let value, _): length = min(value.count, 14) + 4
                case .date: length = 12
                default: length = 0
                }
                // Up to 80: the long name of an ATS or of a comune is read whole (a trial: cut at 60).
                widths[index] = min(80, max(widths[index], length))
            }
        }
        var sheet = WritableSheet(name: name, columnWidths: widths, frozenRows: 1, rows: [header.map(text)] + rows)
        sheet.printsLandscapeFitToWidth = true
        return sheet
    }

    /// `text` on lines of at most `width` characters, broken at spaces (a longer word stays whole).
    static func lines(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// `text` in one cell, on lines of at most `width` characters (``lines(_:width:)``).
    static func wrapped(_ text: String, width: Int) -> String {
        text.count > width ? lines(text, width: width).joined(separator: "\n") : text
    }

    /// A summary sheet (label and figures), printed landscape as wide as a page.
    static func summarySheet(_ name: String, widths: [Int], _ rows: [[WritableCell]]) -> WritableSheet {
        var sheet = WritableSheet(name: name, columnWidths: widths, rows: rows)
        sheet.printsLandscapeFitToWidth = true
        return sheet
    }

    /// A long text as rows of one cell each, broken between words at `width` characters, so it
    /// reads (and prints) within the sheet's columns.
    static func paragraph(_ text: String, width: Int = 84) -> [[WritableCell]] {
        lines(text, width: width).map { [.text($0)] }
    }

    // MARK: Tables shared by the reports

    /// The contribution's figures: label, then one cell per assessment given.
    static func contributionRows(_ contributions: [ContributionAssessment]) -> [[WritableCell]] {
        func row(_ label: String, _ cell: (ContributionAssessment) -> WritableCell) -> [WritableCell] { [text(label)] + contributions.map(cell) }
        let ratio = { (threshold: Threshold) in TextBlocks.ratioText(threshold, in: contributions) }
        return [
            row("Popolazione residente (1° gennaio)") { count($0.population) },
            row("FTE assistenti sociali conteggiati") { fte($0.fte) },
            row("Soglia minima \(ratio(.minima)) (FTE)") { fte($0.thresholds.minimum) },
            row("Soglia minima raggiunta") { yesNo($0.meetsMinimum) },
            row("LEP \(ratio(.lep)) (FTE)") { fte($0.thresholds.lep) },
            row("LEP raggiunto") { yesNo($0.meetsLEP) },
            row("Obiettivo di servizio \(ratio(.obiettivo)) (FTE)") { fte($0.thresholds.objective) },
            row("Obiettivo raggiunto") { yesNo($0.meetsObjective) },
            row("Fascia A (\(TextBlocks.bandRange(from: .minima, in: contributions))): FTE") { fte($0.bandA.fte) },
            row("Fascia A: euro") { euro($0.bandA.amount) },
            row("Fascia B (\(TextBlocks.bandRange(from: .lep, in: contributions))): FTE") { fte($0.bandB.fte) },
            row("Fascia B: euro") { euro($0.bandB.amount) },
            row("Contributo") { euro($0.total) },
        ]
    }

    /// The DM 15/2021 art. 2 split of `assessment`, with a total row (first column: `label` if given).
    static func splitRows(_ assessment: AnnualAssessment, label: WritableCell? = nil) -> TableRows {
        let lead = label.map { [$0] } ?? []
        var table = TableRows()
        // The own FTE as every other format shows them (4 decimals adding up to the total shown: a
        // trial saw 0,7068 here and 0,7069 in the JSON and the text).
        let own = assessment.shownOwnFTE(decimals: 4)
        table.data = zip(assessment.split.shares, own).map { share, own -> [WritableCell] in
            let code: WritableCell
            if case .comune(let istat) = share.recipient { code = text(istat) } else { code = .empty }
            return lead + [
                text(share.name), code, share.residents.map(count) ?? .empty, .number(NumberFormatting.plain(own, decimals: 4), .decimal4),
                fte(share.attributedFTE), euro(share.amount),
            ]
        }
        table.totals.append(
            lead + [text("Totale ambito"), .empty, count(assessment.population), fte(assessment.fte), .empty, euro(assessment.contribution.total)])
        return table
    }

    static let splitHeader = ["ente", "codice ISTAT", "residenti", "FTE propri", "FTE attribuiti", "importo"]

    /// The employing entities of `assessment` (with the FTE to declare of `declaration` when given).
    /// Each entity of `assessment`: name, persons, FTE and its areas (exact, 4 decimals); with a
    /// `declaration`, its figure to declare after the FTE and its areas to declare after the
    /// exact ones (``declaredAreaHeader``; a SIOSS trial: only the HTML and the text had them).
    static func entityRows(_ assessment: AnnualAssessment, declaration: FTEDeclaration?, label: WritableCell? = nil) -> [[WritableCell]] {
        let lead = label.map { [$0] } ?? []
        let entities = assessment.entities
        let toDeclare = declaration.map { assessment.entitiesWithAreasToDeclare($0, of: entities).map(\.areas) }
        return entities.enumerated().map { index, entity in
            let exact =
                lead + [text(entity.name), count(entity.persons), fte(entity.fte)]
                + (declaration.map { [declared($0.fte(of: entity.key), decimals: $0.decimals)] } ?? [])
                + ActivityArea.allCases.map { fte(entity.areas[$0]) } + [fte(entity.areas.unspecified)]
            guard let declaration, let areas = toDeclare?[index] else { return exact }
            return exact + ActivityArea.allCases.map { declared(areas[$0], decimals: declaration.decimals) }
                + [declared(areas.unspecified, decimals: declaration.decimals)]
        }
    }

    static let areaHeader = ActivityArea.allCases.map(\.label) + ["Non indicata"]

    /// The headings of the areas to declare beside the exact ones (``entityRows(_:declaration:label:)``).
    static let declaredAreaHeader = areaHeader.map { "\($0), da dichiarare" }

    /// The excluded persons.
    static func excludedRows(_ assessment: AnnualAssessment, label: WritableCell? = nil) -> [[WritableCell]] {
        let lead = label.map { [$0] } ?? []
        // A comune named, as in the other sheets; any other employer by its kind.
        let name = assessment.employerNamer()
        return assessment.excluded.map { lead + [text($0.id.text), text(name($0.employer)), text($0.reason.rawValue), text($0.reason.label)] }
    }

    /// The parameters applied, with their legal references. A reference longer than its column
    /// (at most 60 characters wide) is on several lines of its cell, so the printed page shows
    /// it whole instead of cutting it at the next column.
    /// Names and addresses are on lines of at most 40 characters too (an address broken after a
    /// `/`): the sheet printed at about half size, its last letter cut (a trial).
    static func parameterSheet(_ parameters: ParametersInForce) -> WritableSheet {
        sheet(
            "parametri", ["parametro", "valore", "riferimento", "indirizzo"],
            parameters.citations.map {
                [
                    text(wrapped($0.name.label, width: 40)), text($0.valueText), text(wrapped($0.reference.citation, width: 56)),
                    text(wrappedAddress($0.reference.url ?? "", width: 40)),
                ]
            })
    }

    /// An address on lines of at most `width` characters, each line ending after a `/`, `?` or
    /// `&` where it can (a part longer than `width` stays whole).
    static func wrappedAddress(_ address: String, width: Int) -> String {
        var lines: [String] = []
        var line = ""
        var part = ""
        func flush() {
            if !line.isEmpty && line.count + part.count > width {
                lines.append(line)
                line = ""
            }
            line += part
            part = ""
        }
        for character in address {
            part.append(character)
            if character == "/" || character == "?" || character == "&" { flush() }
        }
        flush()
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n")
    }

    // MARK: Reports

    /// `calcola`: riepilogo, comuni, enti, aree, persone, esclusi, parametri.
    package static func assessment(_ a: AnnualAssessment, warnings: [InputDiagnostic]? = nil) -> WorkbookDocument {
        let summary =
            [
                [text("Ambito"), text("\(a.ambito.name) (\(a.ambito.code))")], [text("Anno"), year(a.year)], [text("FTE calcolati per"), text(a.method.label)],
            ] + contributionRows([a.contribution]) + [
                [text("Persone conteggiate"), count(a.countedPersons)], [text("Persone escluse"), count(a.excluded.count)],
            ]
        let name = a.employerNamer()
        let persons = a.counted.map { record -> [WritableCell] in
            [text(record.id.text), text(name(record.employer)), text(record.employer.istatCode ?? ""), fte(record.fte)]
                + ActivityArea.allCases.map { area in
                    record.areas.shares[area].map { .number(NumberFormatting.exactPlain($0, maximumDecimals: 15), .upTo4Decimals) } ?? .empty
                }
        }
        return WorkbookDocument(
            printTitle: "Valutazione annuale \(a.year) — \(TextSafety.shortened(a.ambito.name, limit: 80)) (\(TextSafety.shortened(a.ambito.code, limit: 30)))",
            sheets: [
                summarySheet("riepilogo", widths: [42, 44], summary),
                sheet("comuni", splitHeader, splitRows(a)),
                sheet("enti", ["ente", "persone", "FTE"] + areaHeader, entityRows(a, declaration: nil)),
                sheet(
                    "aree", ["area", "FTE"],
                    ActivityArea.allCases.map { [text($0.label), fte(a.areas[$0])] } + [[text("Non indicata"), fte(a.areas.unspecified)]]),
                sheet("persone", ["id", "ente", "codice ISTAT ente", "FTE"] + ActivityArea.allCases.map { "% \($0.label)" }, persons),
                sheet("esclusi", ["id", "ente", "motivo", "descrizione"], excludedRows(a)),
                parameterSheet(a.contribution.parameters),
            ]
                + warningsSheet(
                    InputDiagnostic.inDocument(warnings ?? a.warnings).map(\.description),
                    note: "Gli avvisi del programma sui dati letti: non hanno impedito il calcolo, ma vanno controllati (ciascuno indica il file e il punto)."))
    }

    /// `prospetto`: riepilogo (consuntivo and previsione side by side), sioss (the FTE to
    /// declare by entity), enti, comuni, aree, persone (the annex), esclusi, parametri.
    static func prospetto(_ content: ProspettoContent) -> WorkbookDocument {
        let p = content.prospetto
        let c = p.campaign
        let decimals = content.declaredDecimals
        func declared(_ value: Fraction) -> WritableCell { ReportWorkbooks.declared(value, decimals: decimals) }
        let years = ["Consuntivo \(c - 1)", "Previsione \(c)"]
        let summary =
            [
                [text("Ambito"), text("\(content.ambito.name) (\(content.ambito.code))")],
                [text("Campagna"), year(c)], [text("Scadenza"), .date(year: p.deadline.value.year, month: p.deadline.value.month, day: p.deadline.value.day)],
                [text("FTE calcolati per"), text(p.previsione.method.label)],
                [],
                [text("")] + years.map(text),
            ] + contributionRows([p.consuntivo.contribution, p.previsione.contribution]) + [
                [text("Persone conteggiate"), count(p.consuntivo.countedPersons), count(p.previsione.countedPersons)],
                [text("Persone escluse"), count(p.consuntivo.excluded.count), count(p.previsione.excluded.count)],
                [text("FTE da dichiarare su SIOSS"), declared(p.consuntivoDeclaration.fte), declared(p.previsioneDeclaration.fte)],
                [text("Contributo sugli FTE dichiarati"), euro(p.consuntivoDeclaration.contribution.total), euro(p.previsioneDeclaration.contribution.total)],
                [],
            ] + (content.comuniWithoutStaffNote.map { paragraph($0) } ?? []) + paragraph(content.declarationNote) + [[text(content.productionLine)]]
        var sioss = TableRows()
        sioss.data = content.entityRows(decimals: 4).map { entity -> [WritableCell] in
            [text(entity.name), text(entity.istatCode ?? ""), declared(entity.declaredConsuntivo), declared(entity.declaredPrevisione)]
        }
        sioss.totals = [[text("Totale ambito"), .empty, declared(p.consuntivoDeclaration.fte), declared(p.previsioneDeclaration.fte)]]
        sioss.trailing = (content.comuniWithoutStaffNote.map { paragraph($0) } ?? []) + [[text("Per area di attività (somma = totale ambito)")]]
        for area in ActivityArea.allCases {
            sioss.trailing.append([text(area.label), .empty, declared(p.consuntivoDeclaration.areas[area]), declared(p.previsioneDeclaration.areas[area])])
        }
        sioss.trailing.append([
            text("Non indicata"), .empty, declared(p.consuntivoDeclaration.areas.unspecified), declared(p.previsioneDeclaration.areas.unspecified),
        ])
        let pairs = [(p.consuntivo, p.consuntivoDeclaration), (p.previsione, p.previsioneDeclaration)]
        let persons = pairs.flatMap { assessment, _ in
            content.persons(assessment).map { person -> [WritableCell] in
                [
                    // As the HTML annex: a person with no day in the year says so (not an empty cell).
                    year(assessment.year), text(person.id), text(person.entity),
                    // One period a line (as in the printed annex): a cell on several lines, as wide as
                    // its longest, shows two periods whole where one line was cut at the next column.
                    text(person.service.isEmpty ? "nessun servizio nell'anno" : person.periods(separatedBy: "\n")), count(person.days),
                    fte(person.fte),
                ]
            }
        }
        return WorkbookDocument(
            printTitle:
                "Prospetto riassuntivo — campagna \(c) — \(TextSafety.shortened(p.previsione.ambito.name, limit: 80)) (\(TextSafety.shortened(p.previsione.ambito.code, limit: 30)))",
            sheets: [
                summarySheet("riepilogo", widths: [42, 22, 22], summary),
                sheet("sioss", ["ente", "codice ISTAT", "FTE da dichiarare \(c - 1)", "FTE da dichiarare \(c)"], sioss),
                sheet(
                    "enti", ["anno", "ente", "persone", "FTE", "FTE da dichiarare"] + areaHeader + declaredAreaHeader,
                    pairs.flatMap { entityRows($0, declaration: $1, label: year($0.year)) }),
                sheet("comuni", ["anno"] + splitHeader, pairs.reduce(into: TableRows()) { $0.append(splitRows($1.0, label: year($1.0.year))) }),
                sheet(
                    // Exact (4 decimals shown): the areas to declare are on the `sioss` sheet.
                    "aree", ["area"] + years.map { "\($0), FTE esatti" },
                    ActivityArea.allCases.map { [text($0.label), fte(p.consuntivo.areas[$0]), fte(p.previsione.areas[$0])] }
                        + [[text("Non indicata"), fte(p.consuntivo.areas.unspecified), fte(p.previsione.areas.unspecified)]]),
                sheet("persone", ["anno", "id", "ente", "periodi nell'anno", "giorni", "FTE"], persons),
                sheet("esclusi", ["anno", "id", "ente", "motivo", "descrizione"], pairs.flatMap { excludedRows($0.0, label: year($0.0.year)) }),
                parameterSheet(p.previsione.contribution.parameters),
            ] + warningsSheet(content.options.warnings, note: ProspettoContent.warningsNote))
    }

    /// The sheet `avvisi` of a report: the warnings about the data (`warnings`, each naming its
    /// place), one a row, under their heading and `note`; none without warnings.
    static func warningsSheet(_ warnings: [String], note: String) -> [WritableSheet] {
        guard !warnings.isEmpty else { return [] }
        return [
            summarySheet(
                "avvisi", widths: [100],
                // Each warning on lines within the column (its row as tall as its lines): one line
                // of 400 characters was cut on screen and printed tiny (a trial).
                [[text(AssessmentReport.dataWarningsHeading(warnings))]] + paragraph(note, width: 96) + [[]]
                    + warnings.map { [text(wrapped($0, width: 96))] })
        ]
    }

    /// `riparto`: the ATS with contribution and assigned amount, and the totals.
    package static func allocation(_ a: NationalAllocation) -> WorkbookDocument {
        let rows = a.entries.indices.map { index -> [WritableCell] in
            let entry = a.entries[index]
            let c = a.contributions[index]
            return [
                text(entry.code), text(entry.name), count(entry.population), fte(entry.fte), euro(entry.previous), euro(c.total), euro(a.assigned[index]),
                fte(c.missingToMinimum.roundedUp(decimals: 4)), fte(c.missingToLEP.roundedUp(decimals: 4)), fte(c.missingToObjective.roundedUp(decimals: 4)),
            ]
        }
        let summary: [[WritableCell]] =
            [
                [text("Anno"), year(a.year)], [text("Fondo"), euro(a.fund)], [text("Pregresso"), euro(a.previousTotal)],
                [text("Richiesto (nuovi contributi)"), euro(a.requested)],
                [
                    text("Coefficiente (quota pagata, 6 decimali)"),
                    .number(NumberFormatting.plain(AllocationReport.shownCoefficient(a), decimals: 6), .general),
                ],
                [text("Totale assegnato"), euro(a.assignedTotal)],
            ]
            // Parameters other than the law's: the figures are a hypothesis, said on the sheet (a
            // trial: nothing in the workbook marked them).
            + hypothesisRows(a.contributions.first.map { [$0.parameters] } ?? [])
        // Every printed page says what it is (a trial: the riparto's pages named neither year nor fund).
        return WorkbookDocument(
            printTitle: "Riparto nazionale \(a.year) — fondo \(NumberFormatting.euro(a.fund)) — \(Italian.count(a.entries.count, "ambito", "ambiti"))",
            sheets: [
                sheet(
                    "riparto",
                    [
                        "codice", "denominazione", "popolazione", "FTE", "pregresso", "contributo", "assegnato", "FTE mancanti minima", "FTE mancanti LEP",
                        "FTE mancanti obiettivo",
                    ],
                    rows),
                summarySheet("riepilogo", widths: [42, 22], summary),
            ])
    }

    /// The parameters not the law's (``TextBlocks/replacedParameters(_:)``) as rows of a summary
    /// sheet, after an empty row; none when all are the law's.
    static func hypothesisRows(_ parameters: [ParametersInForce]) -> [[WritableCell]] {
        let lines = TextBlocks.replacedParameters(parameters)
        return lines.isEmpty ? [] : [[]] + lines.map { [text($0.trimmingSpaces)] }
    }

    /// `simula`: per year base and scenario side by side (under one bold, frozen header, each
    /// year's title in bold), the changes, the split per comune, the hires needed for each
    /// threshold, and the run's `warnings` (an officer's trial: headings left-aligned over the
    /// figures of the next column, descriptions cut off, codes for thresholds, warnings lost).
    package static func simulation(_ years: [ScenarioYear], planning: PlanningFigures, changes: [AppliedChange], warnings: [String] = [])
        -> WorkbookDocument
    {
        var summary: [[WritableCell]] = [[.empty, text("Situazione attuale"), text("Scenario")]]
        var titles = Set<Int>()
        for year in years {
            titles.insert(summary.count)
            summary.append([text("Anno \(year.year)")])
            summary += contributionRows([year.base.contribution, year.scenario.contribution])
            summary.append([text("Differenza"), .empty, euro(year.difference)])
            summary.append([])
        }
        summary += hypothesisRows(years.flatMap { [$0.base.contribution.parameters, $0.scenario.contribution.parameters] })
        var comparison = summarySheet("confronto", widths: [42, 22, 22], summary)
        comparison.frozenRows = 1
        comparison.boldRows = titles
        let changeRows = changes.map { change -> [WritableCell] in
            [
                text(change.kind), text(wrapped(change.description, width: 58)), text(change.id?.text ?? ""),
                change.from.map { .date(year: $0.year, month: $0.month, day: $0.day) } ?? .empty,
                change.fteInYear.map(fte) ?? .empty,
            ]
        }
        var split: [[WritableCell]] = []
        if let first = years.first {
            for (base, scenario) in zip(first.base.split.shares, first.scenario.split.shares) {
                split.append([text(scenario.name), euro(base.amount), euro(scenario.amount), euro(scenario.amount - base.amount)])
            }
        }
        let parameters = years.first?.scenario.contribution.parameters
        let targets = planning.targets.map { target -> [WritableCell] in
            [
                text(parameters.map(target.threshold.label(in:)) ?? target.threshold.label),
                target.hiresNeeded.map { .number($0.description, .integer) } ?? text("non raggiungibile nell'anno"),
            ]
        }
        let ambito = years.first?.base.ambito
        let span = years.count > 1 ? "\(years.first?.year ?? 0)-\(years.last?.year ?? 0)" : "\(years.first?.year ?? 0)"
        return WorkbookDocument(
            printTitle: "Simulazione \(span)"
                + (ambito.map { " — \(TextSafety.shortened($0.name, limit: 80)) (\(TextSafety.shortened($0.code, limit: 30)))" } ?? "")
                + (years.first.map { " — FTE per \($0.base.method.label)" } ?? ""),
            sheets: [
                comparison,
                sheet("modifiche", ["tipo", "descrizione", "id", "dal", "FTE nell'anno"], changeRows),
                sheet("comuni", ["ente", "attuale", "scenario", "differenza"], split),
                sheet("assunzioni necessarie", ["soglia", "assunzioni a tempo pieno dal \(planning.hireStart.italian)"], targets),
            ]
                + warningsSheet(
                    warnings,
                    note:
                        "Gli avvisi del programma sui dati e sul piano: non hanno impedito la simulazione, ma vanno controllati (ciascuno indica il file e il punto)."
                ))
    }
}
