/// The reports of an annual assessment (`potenziamento calcola`), written straight into a
/// ``ReportOutput``: JSON `potenziamento.valutazione.v1` (docs/formati.md), Italian text, Markdown,
/// and a per-person CSV.
enum AssessmentReport {
    /// The JSON format identifier.
    static let format = "potenziamento.valutazione.v1"

    // MARK: JSON

    /// The `potenziamento.valutazione.v1` document.
    static func json(_ assessment: AnnualAssessment, explain: Bool = false, to output: ReportOutput) {
        var json = JSONWriter(output)
        json.object { json in members(assessment, explain: explain, into: &json) }
    }

    /// The members of the document (also embedded by `prospetto` and `simula`).
    static func members(_ assessment: AnnualAssessment, explain: Bool, into json: inout JSONWriter) {
        let c = assessment.contribution
        json.member("formato", format)
        json.member("ambito") { json in
            json.member("codice", assessment.ambito.code)
            json.member("denominazione", assessment.ambito.name)
        }
        json.member("anno", assessment.year)
        json.member("metodoFte", assessment.method.rawValue)
        json.member("popolazione", assessment.population)
        json.member("soglie") { json in ContributionReport.thresholds(c.thresholds, into: &json) }
        json.member("fte") { json in
            json.member("totale", decimal: assessment.fte)
            // The areas as shown add up to the total shown (largest remainder at 4 decimals).
            json.member("perArea") { json in areas(assessment.shownAreas(decimals: 4), into: &json) }
        }
        json.member("fasce") { json in ContributionReport.bands(c, into: &json) }
        json.member("contributo", euro: c.total)
        let counted = assessment.counted
        json.member(array: "conteggiati") { json in
            json.elements(count: counted.count) { json, index in
                // The record's fields read in place (a copy of the record would retain each of its references).
                json.element { json in
                    json.member("id", counted[index].id.text)
                    json.member("fte", decimal: counted[index].fte)
                    json.member("ente", counted[index].employer.key)
                }
            }
        }
        let excluded = assessment.excluded
        json.member(array: "esclusi") { json in
            json.elements(count: excluded.count) { json, index in
                json.element { json in
                    json.member("id", excluded[index].id.text)
                    json.member("motivo", excluded[index].reason.rawValue)
                }
            }
        }
        json.member(array: "riparto") { json in
            // The own FTE as parts of the ATS's `fte.totale` (4 decimals): they add up to it.
            let ownFTE = assessment.shownOwnFTE(decimals: 4)
            for (share, ownFTE) in zip(assessment.split.shares, ownFTE) {
                json.element { json in
                    json.member("ente", share.recipient.description)
                    json.member("euro", euro: share.amount)
                    json.member("denominazione", share.name)
                    if let residents = share.residents { json.member("popolazione", residents) } else { json.member(null: "popolazione") }
                    json.member("fteProprio", decimal: ownFTE)
                    json.member("fteAttribuito", decimal: share.attributedFTE)
                    json.member("importoFormula", euro: EuroCents.rounding(euros: share.formulaAmount))
                }
            }
        }
        json.member("regolaRiparto", assessment.split.rule.rawValue)
        ContributionReport.targets(c, into: &json)
        // The same for every ATS of a year: made once per batch document.
        json.member(array: "parametri", reusing: c.parameters) { json in ContributionReport.parameters(c.parameters, into: &json) }
        // The warnings about the residents only, without their place: the document is the same
        // bytes whatever the roster's source (JSON, CSV folder, workbook); the text, Markdown and
        // workbook reports list every warning with its place.
        json.member(array: "avvisi") { json in
            for warning in assessment.warnings where warning.code == .popolazioneUnica || warning.code == .popolazioneMancante {
                json.element { json in
                    json.member("codice", warning.code.rawValue)
                    json.member("messaggio", warning.message)
                }
            }
        }
        if explain { json.member("spiegazione") { json in ContributionReport.explanation(explanation(assessment), into: &json) } }
    }

    /// The `perArea` object: the five areas and `non_indicata`, always.
    static func areas(_ areas: AreaBreakdown, into json: inout JSONWriter) {
        for area in ActivityArea.allCases { json.member(JSONKey(vocabulary: area.rawValue), decimal: areas[area]) }
        json.member(JSONKey(vocabulary: ActivityArea.unspecifiedKey), decimal: areas.unspecified)
    }

    // MARK: Explanation

    /// How the whole assessment was obtained: residents, each person's FTE period by period
    /// (days served / days in the year × share of full time), then the contribution.
    static func explanation(_ assessment: AnnualAssessment) -> Explanation {
        let daysInYear = CivilDate.daysInYear(assessment.year)
        let fteSteps = assessment.counted.map { record in
            let service = record.service
            return Explanation(
                title: "FTE di \(record.id)", value: NumberFormatting.italianMarkingRounding(record.fte, decimals: 4),
                rule: service.isEmpty
                    ? "nessun giorno di servizio nel \(assessment.year)"
                    : service.map { service in
                        let share =
                            assessment.method == .days
                            ? "\(service.days)/\(daysInYear)" : "\(NumberFormatting.italianMarkingRounding(service.shareOfYear, decimals: 4)) (mesi)"
                        // `= 1,0000` when exact, `≈ 0,7534` when rounded (275/365 is not 0,7534).
                        let result = NumberFormatting.italianMarkingRounding(service.fte, decimals: 4)
                        let equals = NumberFormatting.isExact(service.fte, decimals: 4) ? "= " : ""
                        return "dal \(service.start.italian) al \(service.end.italian): \(share) × \(service.share) \(equals)\(result)"
                    }.joined(separator: "; "))
        }
        let fte = Explanation(
            title: "FTE conteggiati N", value: NumberFormatting.italianMarkingRounding(assessment.fte, decimals: 4),
            rule:
                "somma degli FTE delle \(assessment.countedPersons) persone conteggiate (quota d'anno: \(assessment.method.label))\(assessment.counted.count > assessment.countedPersons ? "; \(Italian.count(assessment.counted.count - assessment.countedPersons, "altra conta", "altre contano")) 0 FTE perché non in servizio nell'anno" : ""); \(assessment.excluded.count) escluse (regole §2)",
            steps: fteSteps)
        let population = Explanation(
            title: "Popolazione residente P", value: NumberFormatting.italian(assessment.population),
            rule: "somma dei residenti al 1° gennaio \(assessment.year) dei comuni: "
                + assessment.residents.map { "\($0.name) \(NumberFormatting.italian($0.residents))" }.joined(separator: " + "))
        let base = assessment.contribution.explanation
        return Explanation(
            title: base.title, value: base.value, rule: base.rule, parameters: base.parameters,
            steps: [population, fte] + base.steps.dropFirst(ContributionAssessment.explainedInputs) + [MunicipalSplitExplanation.explanation(assessment)])
    }

    // MARK: Text

    /// The Italian text report a person reads in a minute; under «Avvisi sui dati» `warnings`
    /// (those of reading the roster and of the assessment) or, when nil, the assessment's, each
    /// naming its file without the folders (``InputDiagnostic/inDocument(_:)``).
    static func text(_ assessment: AnnualAssessment, explain: Bool = false, warnings: [InputDiagnostic]? = nil, to output: ReportOutput) {
        let c = assessment.contribution
        output.line("Valutazione annuale — \(assessment.ambito.name) (\(assessment.ambito.code))")
        output.line("Anno \(assessment.year) · FTE calcolati per \(assessment.method.label)")
        output.line("(L. 30 dicembre 2020, n. 178, art. 1, commi 797-804)")
        output.line()
        for line in TextBlocks.contributionSummary(c) { output.line(line) }
        // What the prospetto will declare (the ATS figure rounded down, docs/regole.md §5) gives
        // the ministry's figure: a budget made on the exact one would be higher.
        let scale = BigInt.tenToThe(Prospetto.defaultDeclaredDecimals)
        let declared = Fraction(c.fte.flooredScaled(by: scale), scale)
        if declared != c.fte, let onDeclared = try? ContributionCalculator.assess(population: c.population, fte: declared, parameters: c.parameters) {
            output.line(
                TextBlocks.left("  sugli FTE da dichiarare (\(NumberFormatting.italian(declared, decimals: Prospetto.defaultDeclaredDecimals)))", 38)
                    + TextBlocks.right(NumberFormatting.euro(onDeclared.total), 16))
            output.line("  (il prospetto dichiara gli FTE per difetto a \(Prospetto.defaultDeclaredDecimals) decimali: il ministero calcola su quelli)")
        }
        output.line()
        output.line("FTE per area di attività")
        let areas = assessment.shownAreas(decimals: TextBlocks.fteDecimals)
        for area in ActivityArea.allCases {
            output.line(TextBlocks.left("  \(area.label)", 48) + TextBlocks.right(TextBlocks.fte(areas[area]), 10))
        }
        output.line(TextBlocks.left("  Non indicata", 48) + TextBlocks.right(TextBlocks.fte(areas.unspecified), 10))
        output.line()
        output.line("Riparto tra i comuni (D.M. 15/2021, art. 2 — \(ruleLabel(assessment.split.rule)))")
        for line in TextBlocks.splitTable(assessment, withTotal: false) { output.line(line) }
        output.line()
        // As the prospetto counts them: persons with service in the year; the others said apart.
        let idle = assessment.counted.count - assessment.countedPersons
        output.line(
            "Persone in servizio conteggiate: \(assessment.countedPersons)"
                + (idle > 0 ? " (e \(Italian.count(idle, "altra", "altre")) senza servizio nell'anno)" : "") + " · escluse: \(assessment.excluded.count)")
        if !assessment.excluded.isEmpty {
            output.line("Escluse dal calcolo:")
            for record in assessment.excluded {
                output.line("  - \(record.id): \(record.reason.label) [\(record.reason.rawValue)]")
            }
        }
        let warnings = InputDiagnostic.inDocument(warnings ?? assessment.warnings)
        if !warnings.isEmpty {
            output.line()
            output.line("\(dataWarningsHeading(warnings.map(\.description))):")
            for warning in warnings { output.line("  - \(warning)") }
        }
        output.line()
        for line in TextBlocks.parameterCitations(c.parameters) { output.line(line) }
        if explain {
            output.line()
            output.line("Come è stato calcolato:")
            for line in explanation(assessment).textLines(indent: "  ") { output.line(line) }
        }
    }

    /// The heading of the warnings about the data of a report (`lines`, as listed), with how many
    /// they are, those not listed counted (the prospetto's too).
    static func dataWarningsHeading(_ lines: [String]) -> String { "Avvisi sui dati (\(NumberFormatting.italian(Diagnostics.warningCount(lines))))" }

    /// The warnings about the population, in the report itself (a constant figure used for the
    /// year is shown where the figure is read).
    static func warnings(_ assessment: AnnualAssessment, to output: ReportOutput) {
        let shown = assessment.warnings.filter { $0.code == .popolazioneUnica }
        guard !shown.isEmpty else { return }
        output.line()
        for warning in shown { output.line("Attenzione: \(warning.message)") }
    }

    static func ruleLabel(_ rule: MunicipalSplit.Rule) -> String {
        switch rule {
        case .allToLead: "funzioni tutte delegate: tutto al capofila"
        case .proRataReduction: "importi dei comuni ridotti in proporzione"
        case .residueByOwnFTE: "residuo ripartito per FTE propri"
        }
    }

    // MARK: CSV

    /// One row per staff record, counted or excluded, for the spreadsheet (BOM, `;`, decimal comma).
    static func csv(_ assessment: AnnualAssessment, to output: ReportOutput) {
        let csv = CSVWriter(output)
        csv.row(["id", "esito", "fte", "ente", "motivo_esclusione", "descrizione"])
        let counted = assessment.counted
        output.write(pieces: counted.count) { output, range in
            let csv = CSVWriter(continuing: output)
            for record in counted[range] {
                csv.row([CSVWriter.text(record.id.text), "conteggiato", NumberFormatting.spreadsheet(record.fte, decimals: 4), record.employer.key, "", ""])
            }
        }
        for record in assessment.excluded {
            csv.row([CSVWriter.text(record.id.text), "escluso", "0,0000", "", record.reason.rawValue, CSVWriter.text(record.reason.label)])
        }
        csv.row(["TOTALE", "", NumberFormatting.spreadsheet(assessment.fte, decimals: 4), "", "", ""])
    }

    // MARK: Markdown

    /// The report as Markdown (data escaped: `|`, line breaks, HTML); `warnings` and `explain` as
    /// for ``text(_:explain:warnings:to:)``.
    static func markdown(_ assessment: AnnualAssessment, explain: Bool = false, warnings: [InputDiagnostic]? = nil, to output: ReportOutput) {
        let md = CellEscaping.markdown
        output.line("# Valutazione \(assessment.year) — \(md(assessment.ambito.name)) (\(md(assessment.ambito.code)))")
        output.line()
        output.line("FTE calcolati per \(assessment.method.label).")
        output.line()
        for line in TextBlocks.contributionMarkdownTable(assessment.contribution) { output.line(line) }
        output.line()
        output.line("## FTE per area di attività")
        output.line()
        output.line("| area | FTE |")
        output.line("|---|---:|")
        let areas = assessment.shownAreas(decimals: TextBlocks.fteDecimals)
        for area in ActivityArea.allCases { output.line("| \(area.label) | \(TextBlocks.fte(areas[area])) |") }
        output.line("| Non indicata | \(TextBlocks.fte(areas.unspecified)) |")
        output.line()
        output.line("## Riparto tra i comuni (D.M. 15/2021, art. 2)")
        output.line()
        output.line("| ente | residenti | FTE propri | FTE attribuiti | importo |")
        output.line("|---|---:|---:|---:|---:|")
        let own = TextBlocks.shownOwnFTE(assessment)
        for share in assessment.split.shares {
            output.line(
                "| \(md(share.name)) | \(share.residents.map { NumberFormatting.italian($0) } ?? "—") | \(TextBlocks.fte(own(share))) | \(TextBlocks.fte(share.attributedFTE)) | \(NumberFormatting.euro(share.amount)) |"
            )
        }
        output.line(
            "| **Totale ambito** | \(NumberFormatting.italian(assessment.population)) | \(TextBlocks.fte(assessment.fte)) | | **\(NumberFormatting.euro(assessment.contribution.total))** |"
        )
        output.line()
        output.line("## Persone escluse")
        output.line()
        if assessment.excluded.isEmpty { output.line("Nessuna.") }
        for record in assessment.excluded { output.line("- \(md(record.id.text)): \(record.reason.label)") }
        let warnings = InputDiagnostic.inDocument(warnings ?? assessment.warnings)
        if !warnings.isEmpty {
            output.line()
            output.line("## \(dataWarningsHeading(warnings.map(\.description)))")
            output.line()
            for warning in warnings { output.line("- \(md(warning.description))") }
        }
        output.line()
        output.line("## Parametri di legge applicati")
        output.line()
        for line in TextBlocks.parameterMarkdown(assessment.contribution.parameters) { output.line(line) }
        if explain { Explanation.writeMarkdownSection("Come è stato calcolato", [explanation(assessment)], to: output) }
    }
}

/// The explanation of the DM 15/2021 art. 2 split (`--spiega`): the rule applied, each comune's
/// own and attributed FTE, its formula amount and its share.
enum MunicipalSplitExplanation {
    static func explanation(_ assessment: AnnualAssessment) -> Explanation {
        let split = assessment.split
        let steps = split.shares.map { share in
            Explanation(
                title: share.name, value: NumberFormatting.euro(share.amount),
                rule: share.residents == nil
                    ? "FTE propri degli enti d'ambito \(NumberFormatting.italianMarkingRounding(share.ownFTE, decimals: 4)); quota esatta \(NumberFormatting.italianMarkingRounding(share.exactAmount, decimals: 4)) €"
                    : "residenti \(NumberFormatting.italian(share.residents ?? 0)); FTE propri \(NumberFormatting.italianMarkingRounding(share.ownFTE, decimals: 4)) + attribuiti \(NumberFormatting.italianMarkingRounding(share.attributedFTE, decimals: 4)); importo della formula per il solo comune \(NumberFormatting.italianMarkingRounding(share.formulaAmount, decimals: 2)) €; quota esatta \(NumberFormatting.italianMarkingRounding(share.exactAmount, decimals: 4)) €"
            )
        }
        let rule: String
        switch split.rule {
        case .allToLead: rule = "art. 2, c. 1: tutte le funzioni sono delegate al capofila, che riceve l'intero contributo"
        case .proRataReduction:
            rule =
                "art. 2, c. 5: gli importi dei comuni (\(NumberFormatting.italian(split.formulaTotal, decimals: 2)) €) superano il contributo e sono ridotti in proporzione; centesimi ai resti maggiori"
        case .residueByOwnFTE:
            rule =
                "art. 2, c. 3-6: gli FTE degli enti d'ambito sono attribuiti ai comuni per residenti; ogni comune riceve la formula per sé (\(NumberFormatting.italian(split.formulaTotal, decimals: 2)) € in tutto); il residuo va a comuni e capofila in proporzione agli FTE propri; centesimi ai resti maggiori"
        }
        return Explanation(
            title: "Riparto tra i comuni (D.M. 15/2021, art. 2)", value: NumberFormatting.euro(assessment.contribution.total), rule: rule, steps: steps)
    }
}
