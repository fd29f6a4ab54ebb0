/// The reports of a single contribution (`potenziamento contributo`): Italian text, JSON
/// (`potenziamento.contributo.v1`), Markdown and CSV; and the JSON blocks other documents share.
enum ContributionReport {
    /// The JSON format identifier of the contribution document.
    static let format = "potenziamento.contributo.v1"

    /// The `soglie` members: P/6.500, P/5.000, P/4.000 to 4 decimals.
    static func thresholds(_ thresholds: Thresholds, into json: inout JSONWriter) {
        json.member("minima", decimal: thresholds.minimum)
        json.member("lep", decimal: thresholds.lep)
        json.member("obiettivo", decimal: thresholds.objective)
    }

    /// The `fasce` members: FTE and euro of each band.
    static func bands(_ assessment: ContributionAssessment, into json: inout JSONWriter) {
        json.member("a") { json in
            json.member("fte", decimal: assessment.bandA.fte)
            json.member("euro", euro: assessment.bandA.amount)
        }
        json.member("b") { json in
            json.member("fte", decimal: assessment.bandB.fte)
            json.member("euro", euro: assessment.bandB.amount)
        }
    }

    /// Which thresholds are met and the FTE missing to each (extra keys of the contract).
    static func targets(_ assessment: ContributionAssessment, into json: inout JSONWriter) {
        json.member("raggiunte") { json in
            json.member("minima", assessment.meetsMinimum)
            json.member("lep", assessment.meetsLEP)
            json.member("obiettivo", assessment.meetsObjective)
        }
        shortfalls(assessment.missingToMinimum, assessment.missingToLEP, assessment.missingToObjective, into: &json)
    }

    /// The `fabbisogno` member: the FTE missing to each threshold, rounded up to 4 decimals (a
    /// shortfall never shows as zero; ``Fraction/roundedUp(decimals:)``). The one writer of it.
    static func shortfalls(_ minimum: Fraction, _ lep: Fraction, _ objective: Fraction, into json: inout JSONWriter) {
        json.member("fabbisogno") { json in
            json.member("minima", decimal: minimum.roundedUp(decimals: 4))
            json.member("lep", decimal: lep.roundedUp(decimals: 4))
            json.member("obiettivo", decimal: objective.roundedUp(decimals: 4))
        }
    }

    /// The parameters applied, with their legal references (the elements of `parametri`).
    static func parameters(_ parameters: ParametersInForce, into json: inout JSONWriter) {
        for citation in parameters.citations {
            json.element { json in
                json.member("nome", citation.name.rawValue)
                json.member("valore", citation.valueText)
                json.member("dal", citation.fromYear)
                json.member("riferimento", citation.reference.citation)
                json.member("url", citation.reference.url)
            }
        }
    }

    /// An explanation tree (the members of `spiegazione`).
    static func explanation(_ explanation: Explanation, into json: inout JSONWriter) {
        json.member("passo", explanation.title)
        json.member("valore", explanation.value)
        json.member("regola", explanation.rule)
        json.member(array: "parametri") { json in
            for parameter in explanation.parameters { json.element("\(parameter.name.rawValue) = \(parameter.valueText) [\(parameter.reference.citation)]") }
        }
        json.member(array: "passi") { json in
            for step in explanation.steps { json.element { json in self.explanation(step, into: &json) } }
        }
    }

    /// The `potenziamento.contributo.v1` document.
    static func json(_ assessment: ContributionAssessment, explain: Bool = false, to output: ReportOutput) {
        var json = JSONWriter(output)
        json.object { json in
            json.member("formato", format)
            json.member("anno", assessment.year)
            json.member("popolazione", assessment.population)
            json.member("fte", decimal: assessment.fte)
            json.member("soglie") { json in thresholds(assessment.thresholds, into: &json) }
            json.member("fasce") { json in bands(assessment, into: &json) }
            json.member("contributo", euro: assessment.total)
            targets(assessment, into: &json)
            json.member(array: "parametri") { json in parameters(assessment.parameters, into: &json) }
            if explain { json.member("spiegazione") { json in explanation(assessment.explanation, into: &json) } }
        }
    }

    /// The Italian text report a person reads.
    static func text(_ assessment: ContributionAssessment, explain: Bool = false, to output: ReportOutput) {
        output.line("Contributo per il potenziamento del servizio sociale professionale — anno \(assessment.year)")
        output.line("(L. 30 dicembre 2020, n. 178, art. 1, commi 797-804)")
        output.line()
        for line in TextBlocks.contributionSummary(assessment) { output.line(line) }
        output.line()
        for line in TextBlocks.parameterCitations(assessment.parameters) { output.line(line) }
        if explain {
            output.line()
            output.line("Come è stato calcolato:")
            for line in assessment.explanation.textLines(indent: "  ") { output.line(line) }
        }
    }

    /// The report as a Markdown document; with `explain`, how it was obtained at its end.
    static func markdown(_ assessment: ContributionAssessment, explain: Bool = false, to output: ReportOutput) {
        output.line("# Contributo \(assessment.year)")
        output.line()
        for line in TextBlocks.contributionMarkdownTable(assessment) { output.line(line) }
        output.line()
        output.line("## Parametri di legge applicati")
        output.line()
        for line in TextBlocks.parameterMarkdown(assessment.parameters) { output.line(line) }
        if explain { Explanation.writeMarkdownSection("Come è stato calcolato", [assessment.explanation], to: output) }
    }

    /// One CSV row with a header (BOM, `;`, decimal comma, for Italian spreadsheets).
    static func csv(_ assessment: ContributionAssessment, to output: ReportOutput) {
        let csv = CSVWriter(output)
        csv.row([
            "anno", "popolazione", "fte", "soglia_minima", "lep", "obiettivo", "fascia_a_fte", "fascia_a_euro", "fascia_b_fte", "fascia_b_euro", "contributo",
        ])
        let f = { (value: Fraction) in NumberFormatting.spreadsheet(value, decimals: 4) }
        let e = { (amount: EuroCents) in NumberFormatting.spreadsheet(amount) }
        csv.row([
            String(assessment.year), String(assessment.population), f(assessment.fte), f(assessment.thresholds.minimum), f(assessment.thresholds.lep),
            f(assessment.thresholds.objective), f(assessment.bandA.fte), e(assessment.bandA.amount), f(assessment.bandB.fte), e(assessment.bandB.amount),
            e(assessment.total),
        ])
    }
}
