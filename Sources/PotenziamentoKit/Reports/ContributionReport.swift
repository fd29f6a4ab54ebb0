/// The reports of a single contribution (`potenziamento contributo`): Italian text, JSON
/// (`potenziamento.contributo.v1`), Markdown and CSV.
public enum ContributionReport {
    /// The JSON format identifier of the contribution document.
    public static let format = "potenziamento.contributo.v1"

    /// The `soglie` object: P/6.500, P/5.000, P/4.000 to 4 decimals.
    public static func thresholdsJSON(_ thresholds: Thresholds) -> JSONValue {
        .object([
            ("minima", .decimal(thresholds.minimum)),
            ("lep", .decimal(thresholds.lep)),
            ("obiettivo", .decimal(thresholds.objective)),
        ])
    }

    /// The `fasce` object: FTE and euro of each band.
    public static func bandsJSON(_ assessment: ContributionAssessment) -> JSONValue {
        .object([
            ("a", .object([("fte", .decimal(assessment.bandA.fte)), ("euro", .euro(assessment.bandA.amount))])),
            ("b", .object([("fte", .decimal(assessment.bandB.fte)), ("euro", .euro(assessment.bandB.amount))])),
        ])
    }

    /// Which thresholds are met and the FTE missing to each (extra keys of the contract).
    public static func targetsJSON(_ assessment: ContributionAssessment) -> [(String, JSONValue)] {
        [
            (
                "raggiunte",
                .object([
                    ("minima", .bool(assessment.meetsMinimum)), ("lep", .bool(assessment.meetsLEP)),
                    ("obiettivo", .bool(assessment.meetsObjective)),
                ])
            ),
            (
                "fabbisogno",
                .object([
                    ("minima", .decimal(assessment.missingToMinimum)), ("lep", .decimal(assessment.missingToLEP)),
                    ("obiettivo", .decimal(assessment.missingToObjective)),
                ])
            ),
        ]
    }

    /// The parameters applied, with their legal references (extra key `parametri`).
    public static func parametersJSON(_ parameters: ParametersInForce) -> JSONValue {
        .array(
            parameters.citations.map { citation in
                .object([
                    ("nome", .string(citation.name.rawValue)),
                    ("valore", .string(citation.valueText)),
                    ("dal", .integer(citation.fromYear)),
                    ("riferimento", .string(citation.reference.citation)),
                    ("url", citation.reference.url.map { .string($0) } ?? .null),
                ])
            })
    }

    /// An explanation tree as JSON (extra key `spiegazione`).
    public static func explanationJSON(_ explanation: Explanation) -> JSONValue {
        .object([
            ("passo", .string(explanation.title)),
            ("valore", .string(explanation.value)),
            ("regola", .string(explanation.rule)),
            ("parametri", .array(explanation.parameters.map { .string("\($0.name.rawValue) = \($0.valueText) [\($0.reference.citation)]") })),
            ("passi", .array(explanation.steps.map(explanationJSON))),
        ])
    }

    /// The `potenziamento.contributo.v1` document.
    public static func json(_ assessment: ContributionAssessment, explain: Bool = false) -> String {
        var members: [(String, JSONValue)] = [
            ("formato", .string(format)),
            ("anno", .integer(assessment.year)),
            ("popolazione", .integer(assessment.population)),
            ("fte", .decimal(assessment.fte)),
            ("soglie", thresholdsJSON(assessment.thresholds)),
            ("fasce", bandsJSON(assessment)),
            ("contributo", .euro(assessment.total)),
        ]
        members += targetsJSON(assessment)
        members.append(("parametri", parametersJSON(assessment.parameters)))
        if explain { members.append(("spiegazione", explanationJSON(assessment.explanation))) }
        return JSONValue.object(members).rendered()
    }

    /// The Italian text report a person reads.
    public static func text(_ assessment: ContributionAssessment, explain: Bool = false) -> String {
        var lines = [
            "Contributo per il potenziamento del servizio sociale professionale — anno \(assessment.year)",
            "(L. 30 dicembre 2020, n. 178, art. 1, commi 797-804)",
            "",
        ]
        lines += TextBlocks.contributionSummary(assessment)
        lines.append("")
        lines += TextBlocks.parameterCitations(assessment.parameters)
        if explain {
            lines += ["", "Come è stato calcolato:", assessment.explanation.renderedText(indent: "  ")]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The report as a Markdown document.
    public static func markdown(_ assessment: ContributionAssessment) -> String {
        var lines = ["# Contributo \(assessment.year)", ""]
        lines += TextBlocks.contributionMarkdownTable(assessment)
        lines += ["", "## Parametri di legge applicati", ""] + TextBlocks.parameterMarkdown(assessment.parameters)
        return lines.joined(separator: "\n") + "\n"
    }

    /// One CSV row with a header (`;` separated, decimal comma, for Italian spreadsheets).
    public static func csv(_ assessment: ContributionAssessment) -> String {
        let header = "anno;popolazione;fte;soglia_minima;lep;obiettivo;fascia_a_fte;fascia_a_euro;fascia_b_fte;fascia_b_euro;contributo"
        let f = { (value: Fraction) in NumberFormatting.spreadsheet(value, decimals: 4) }
        let e = { (amount: EuroCents) in NumberFormatting.spreadsheet(amount) }
        let row = [
            String(assessment.year), String(assessment.population), f(assessment.fte),
            f(assessment.thresholds.minimum), f(assessment.thresholds.lep), f(assessment.thresholds.objective),
            f(assessment.bandA.fte), e(assessment.bandA.amount), f(assessment.bandB.fte), e(assessment.bandB.amount),
            e(assessment.total),
        ].joined(separator: ";")
        return header + "\n" + row + "\n"
    }
}
