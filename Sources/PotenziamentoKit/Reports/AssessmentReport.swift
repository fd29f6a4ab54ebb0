/// The reports of an annual assessment (`potenziamento calcola`): JSON
/// `potenziamento.valutazione.v1`, Italian text, Markdown, and a per-person CSV.
public enum AssessmentReport {
    /// The JSON format identifier.
    public static let format = "potenziamento.valutazione.v1"

    /// The `perArea` object: the five areas and `non_indicata`, always.
    static func areasJSON(_ areas: AreaBreakdown) -> JSONValue {
        .object(
            ActivityArea.allCases.map { ($0.rawValue, JSONValue.decimal(areas.perArea[$0] ?? .zero)) }
                + [(ActivityArea.unspecifiedKey, .decimal(areas.unspecified))])
    }

    /// The `potenziamento.valutazione.v1` document as a value (also embedded by `prospetto`, `simula`).
    public static func jsonValue(_ assessment: AnnualAssessment, explain: Bool = false) -> JSONValue {
        let c = assessment.contribution
        var members: [(String, JSONValue)] = [
            ("formato", .string(format)),
            ("ambito", .object([("codice", .string(assessment.ambito.code)), ("denominazione", .string(assessment.ambito.name))])),
            ("anno", .integer(assessment.year)),
            ("metodoFte", .string(assessment.method.rawValue)),
            ("popolazione", .integer(assessment.population)),
            ("soglie", ContributionReport.thresholdsJSON(c.thresholds)),
            ("fte", .object([("totale", .decimal(assessment.fte)), ("perArea", areasJSON(assessment.areas))])),
            ("fasce", ContributionReport.bandsJSON(c)),
            ("contributo", .euro(c.total)),
            (
                "conteggiati",
                .array(
                    assessment.counted.map { record in
                        .object([
                            ("id", .string(record.id.text)), ("fte", .decimal(record.fte)),
                            ("ente", .string(employerKey(record.employer))),
                        ])
                    })
            ),
            (
                "esclusi",
                .array(assessment.excluded.map { .object([("id", .string($0.id.text)), ("motivo", .string($0.reason.rawValue))]) })
            ),
            (
                "riparto",
                .array(
                    assessment.split.shares.map { share in
                        .object([
                            ("ente", .string(share.recipient.description)), ("euro", .euro(share.amount)),
                            ("denominazione", .string(share.name)),
                            ("popolazione", share.residents.map { .integer($0) } ?? .null),
                            ("fteProprio", .decimal(share.ownFTE)), ("fteAttribuito", .decimal(share.attributedFTE)),
                            ("importoFormula", .euro(EuroCents.rounding(euros: share.formulaAmount))),
                        ])
                    })
            ),
            ("regolaRiparto", .string(assessment.split.rule.rawValue)),
        ]
        members += ContributionReport.targetsJSON(c)
        members.append(("parametri", ContributionReport.parametersJSON(c.parameters)))
        if explain { members.append(("spiegazione", ContributionReport.explanationJSON(explanation(assessment)))) }
        return .object(members)
    }

    /// The JSON document as text.
    public static func json(_ assessment: AnnualAssessment, explain: Bool = false) -> String {
        jsonValue(assessment, explain: explain).rendered()
    }

    /// `comune:048001`, `asl`, `unione_di_comuni`: the employer as a short key.
    public static func employerKey(_ employer: Employer) -> String {
        if employer.kind == .comune, let code = employer.istatCode { return "comune:\(code)" }
        return employer.kind.rawValue
    }

    /// How the whole assessment was obtained: FTE from the roster, then the contribution.
    public static func explanation(_ assessment: AnnualAssessment) -> Explanation {
        let fteSteps = assessment.counted.map { record in
            Explanation(
                title: "FTE di \(record.id)", value: NumberFormatting.italian(record.fte, decimals: 4),
                rule: "somma sui periodi di (percentuale/100) × quota dell'anno (\(assessment.method.label))")
        }
        let fte = Explanation(
            title: "FTE conteggiati N", value: NumberFormatting.italian(assessment.fte, decimals: 4),
            rule: "somma degli FTE delle \(assessment.counted.count) persone conteggiate; \(assessment.excluded.count) escluse (RULES §2)",
            steps: fteSteps)
        let population = Explanation(
            title: "Popolazione residente P", value: NumberFormatting.italian(assessment.population),
            rule: "somma dei residenti al 1° gennaio \(assessment.year) dei comuni: "
                + assessment.residents.map { "\($0.name) \(NumberFormatting.italian($0.residents))" }.joined(separator: " + "))
        let base = assessment.contribution.explanation
        return Explanation(
            title: base.title, value: base.value, rule: base.rule, parameters: base.parameters,
            steps: [population, fte] + base.steps.dropFirst(2))
    }

    /// The Italian text report a person reads in a minute.
    public static func text(_ assessment: AnnualAssessment, explain: Bool = false) -> String {
        let c = assessment.contribution
        var lines = [
            "Valutazione annuale — \(assessment.ambito.name) (\(assessment.ambito.code))",
            "Anno \(assessment.year) · FTE calcolati per \(assessment.method.label)",
            "(L. 30 dicembre 2020, n. 178, art. 1, commi 797-804)",
            "",
        ]
        lines += TextBlocks.contributionSummary(c)
        lines += ["", "FTE per area di attività"]
        for area in ActivityArea.allCases {
            lines.append(TextBlocks.left("  \(area.label)", 48) + TextBlocks.right(TextBlocks.fte(assessment.areas.perArea[area] ?? .zero), 10))
        }
        lines.append(TextBlocks.left("  Non indicata", 48) + TextBlocks.right(TextBlocks.fte(assessment.areas.unspecified), 10))
        lines += ["", "Riparto tra i comuni (D.M. 15/2021, art. 2 — \(ruleLabel(assessment.split.rule)))"]
        lines += TextBlocks.splitTable(assessment, withTotal: false)
        lines += ["", "Persone conteggiate: \(assessment.counted.count) · escluse: \(assessment.excluded.count)"]
        if !assessment.excluded.isEmpty {
            lines.append("Escluse dal calcolo:")
            for record in assessment.excluded {
                lines.append("  - \(record.id): \(record.reason.label) [\(record.reason.rawValue)]")
            }
        }
        lines.append("")
        lines += TextBlocks.parameterCitations(c.parameters)
        if explain {
            lines += ["", "Come è stato calcolato:", explanation(assessment).renderedText(indent: "  ")]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func ruleLabel(_ rule: MunicipalSplit.Rule) -> String {
        switch rule {
        case .allToLead: "funzioni tutte delegate: tutto al capofila"
        case .proRataReduction: "importi dei comuni ridotti in proporzione"
        case .residueByOwnFTE: "residuo ripartito per FTE propri"
        }
    }

    /// One row per staff record, counted or excluded, for the spreadsheet (`;`, decimal comma).
    public static func csv(_ assessment: AnnualAssessment) -> String {
        var lines = ["id;esito;fte;ente;motivo_esclusione;descrizione"]
        for record in assessment.counted {
            lines.append("\(csvField(record.id.text));conteggiato;\(NumberFormatting.spreadsheet(record.fte, decimals: 4));\(employerKey(record.employer));;")
        }
        for record in assessment.excluded {
            lines.append("\(csvField(record.id.text));escluso;0,0000;;\(record.reason.rawValue);\(csvField(record.reason.label))")
        }
        lines.append("TOTALE;;\(NumberFormatting.spreadsheet(assessment.fte, decimals: 4));;;")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A CSV field, quoted when it holds a separator, a quote or a line break.
    public static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "," }) else { return text }
        return "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }

    /// The report as Markdown.
    public static func markdown(_ assessment: AnnualAssessment) -> String {
        var lines = ["# Valutazione \(assessment.year) — \(assessment.ambito.name) (\(assessment.ambito.code))", ""]
        lines += TextBlocks.contributionMarkdownTable(assessment.contribution)
        lines += ["", "## FTE per area di attività", "", "| area | FTE |", "|---|---:|"]
        for area in ActivityArea.allCases {
            lines.append("| \(area.label) | \(TextBlocks.fte(assessment.areas.perArea[area] ?? .zero)) |")
        }
        lines.append("| Non indicata | \(TextBlocks.fte(assessment.areas.unspecified)) |")
        lines += [
            "", "## Riparto tra i comuni (D.M. 15/2021, art. 2)", "", "| ente | residenti | FTE propri | FTE attribuiti | importo |",
            "|---|---:|---:|---:|---:|",
        ]
        for share in assessment.split.shares {
            lines.append(
                "| \(share.name) | \(share.residents.map { NumberFormatting.italian($0) } ?? "—") | \(TextBlocks.fte(share.ownFTE)) | \(TextBlocks.fte(share.attributedFTE)) | \(NumberFormatting.euro(share.amount)) |"
            )
        }
        lines += ["", "## Persone escluse", ""]
        lines += assessment.excluded.isEmpty ? ["Nessuna."] : assessment.excluded.map { "- `\($0.id)`: \($0.reason.label)" }
        lines += ["", "## Parametri di legge applicati", ""] + TextBlocks.parameterMarkdown(assessment.contribution.parameters)
        return lines.joined(separator: "\n") + "\n"
    }
}
