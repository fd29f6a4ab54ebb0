/// Reports over many ATS at once (`calcola` and `prospetto` with several inputs): one row per
/// ATS plus totals, and the inputs that failed with their errors.
public enum BatchReport {
    /// An input that could not be assessed, with its error lines.
    public struct Failure: Sendable {
        /// The input path.
        public let input: String
        /// The error lines (each names its place).
        public let errors: [String]

        /// A failure.
        public init(input: String, errors: [String]) {
            self.input = input
            self.errors = errors
        }
    }

    static func failuresJSON(_ failures: [Failure]) -> JSONValue {
        .array(failures.map { .object([("input", .string($0.input)), ("errori", .array($0.errors.map { .string($0) }))]) })
    }

    static func failureLines(_ failures: [Failure]) -> [String] {
        failures.isEmpty
            ? []
            : ["", "Ambiti non calcolati (\(failures.count)):"]
                + failures.map { failure in
                    let first = failure.errors.first ?? "errore"
                    let line = first.hasPrefix(failure.input) ? first : "\(failure.input): \(first)"
                    return "  - \(line)" + (failure.errors.count > 1 ? " (e altri \(failure.errors.count - 1))" : "")
                }
    }

    // MARK: calcola

    /// `potenziamento.valutazioni.v1`: every assessment, the failures and the totals.
    public static func assessmentsJSON(_ assessments: [AnnualAssessment], failures: [Failure], year: Int) -> String {
        JSONValue.object([
            ("formato", .string("potenziamento.valutazioni.v1")),
            ("anno", .integer(year)),
            ("ambiti", .array(assessments.map { AssessmentReport.jsonValue($0) })),
            ("errori", failuresJSON(failures)),
            (
                "totali",
                .object([
                    ("ambiti", .integer(assessments.count)),
                    ("popolazione", .integer(assessments.reduce(0) { $0 + $1.population })),
                    ("fte", .decimal(assessments.map(\.fte).sum())),
                    ("contributo", .euro(assessments.map(\.contribution.total).sum())),
                ])
            ),
        ]).rendered()
    }

    /// One line per ATS and a totals line.
    public static func assessmentsText(_ assessments: [AnnualAssessment], failures: [Failure], year: Int) -> String {
        var lines = [
            "Valutazione \(year) — \(assessments.count) ambiti", "",
            TextBlocks.left("codice", 14) + TextBlocks.left("ambito", 32) + TextBlocks.right("popolazione", 12) + TextBlocks.right("FTE", 9)
                + TextBlocks.right("LEP", 5) + TextBlocks.right("contributo", 16),
        ]
        for a in assessments {
            lines.append(
                TextBlocks.left(a.ambito.code, 14) + TextBlocks.left(String(a.ambito.name.prefix(31)), 32)
                    + TextBlocks.right(NumberFormatting.italian(a.population), 12) + TextBlocks.right(TextBlocks.fte(a.fte), 9)
                    + TextBlocks.right(a.contribution.meetsLEP ? "sì" : "no", 5) + TextBlocks.right(NumberFormatting.euro(a.contribution.total), 16))
        }
        lines.append(
            TextBlocks.left("TOTALE", 46) + TextBlocks.right(NumberFormatting.italian(assessments.reduce(0) { $0 + $1.population }), 12)
                + TextBlocks.right(TextBlocks.fte(assessments.map(\.fte).sum()), 9) + TextBlocks.right("", 5)
                + TextBlocks.right(NumberFormatting.euro(assessments.map(\.contribution.total).sum()), 16))
        return (lines + failureLines(failures)).joined(separator: "\n") + "\n"
    }

    /// One row per ATS (`;`, decimal comma).
    public static func assessmentsCSV(_ assessments: [AnnualAssessment]) -> String {
        var lines = ["codice;denominazione;anno;popolazione;fte;soglia_minima;lep;obiettivo;contributo"]
        for a in assessments {
            let c = a.contribution
            lines.append(
                [
                    AssessmentReport.csvField(a.ambito.code), AssessmentReport.csvField(a.ambito.name), String(a.year), String(a.population),
                    NumberFormatting.spreadsheet(a.fte, decimals: 4), NumberFormatting.spreadsheet(c.thresholds.minimum, decimals: 4),
                    NumberFormatting.spreadsheet(c.thresholds.lep, decimals: 4), NumberFormatting.spreadsheet(c.thresholds.objective, decimals: 4),
                    NumberFormatting.spreadsheet(c.total),
                ].joined(separator: ";"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: prospetto

    /// `potenziamento.prospetti.v1`: every prospetto, the failures and the totals.
    public static func prospettiJSON(_ prospetti: [Prospetto], failures: [Failure], campaign: Int) -> String {
        JSONValue.object([
            ("formato", .string("potenziamento.prospetti.v1")),
            ("campagna", .integer(campaign)),
            ("prospetti", .array(prospetti.map { ProspettoReport.jsonValue($0) })),
            ("errori", failuresJSON(failures)),
            (
                "totali",
                .object([
                    ("ambiti", .integer(prospetti.count)),
                    ("contributoConsuntivo", .euro(prospetti.map(\.consuntivo.contribution.total).sum())),
                    ("contributoPrevisione", .euro(prospetti.map(\.previsione.contribution.total).sum())),
                ])
            ),
        ]).rendered()
    }

    /// One line per ATS: consuntivo and previsione side by side, and totals.
    public static func prospettiText(_ prospetti: [Prospetto], failures: [Failure], campaign: Int) -> String {
        var lines = [
            "Prospetti riassuntivi, campagna \(campaign) — \(prospetti.count) ambiti", "",
            TextBlocks.left("codice", 14) + TextBlocks.left("ambito", 32) + TextBlocks.right("FTE \(campaign - 1)", 10)
                + TextBlocks.right("consuntivo \(campaign - 1)", 18) + TextBlocks.right("FTE \(campaign)", 10) + TextBlocks.right("previsione \(campaign)", 18),
        ]
        for p in prospetti {
            lines.append(
                TextBlocks.left(p.previsione.ambito.code, 14) + TextBlocks.left(String(p.previsione.ambito.name.prefix(31)), 32)
                    + TextBlocks.right(TextBlocks.fte(p.consuntivo.fte), 10) + TextBlocks.right(NumberFormatting.euro(p.consuntivo.contribution.total), 18)
                    + TextBlocks.right(TextBlocks.fte(p.previsione.fte), 10) + TextBlocks.right(NumberFormatting.euro(p.previsione.contribution.total), 18))
        }
        lines.append(
            TextBlocks.left("TOTALE", 46) + TextBlocks.right("", 10)
                + TextBlocks.right(NumberFormatting.euro(prospetti.map(\.consuntivo.contribution.total).sum()), 18)
                + TextBlocks.right("", 10) + TextBlocks.right(NumberFormatting.euro(prospetti.map(\.previsione.contribution.total).sum()), 18))
        return (lines + failureLines(failures)).joined(separator: "\n") + "\n"
    }

    /// One row per ATS (`;`, decimal comma).
    public static func prospettiCSV(_ prospetti: [Prospetto]) -> String {
        var lines = ["codice;denominazione;campagna;fte_consuntivo;contributo_consuntivo;fte_previsione;contributo_previsione"]
        for p in prospetti {
            lines.append(
                [
                    AssessmentReport.csvField(p.previsione.ambito.code), AssessmentReport.csvField(p.previsione.ambito.name), String(p.campaign),
                    NumberFormatting.spreadsheet(p.consuntivo.fte, decimals: 4), NumberFormatting.spreadsheet(p.consuntivo.contribution.total),
                    NumberFormatting.spreadsheet(p.previsione.fte, decimals: 4), NumberFormatting.spreadsheet(p.previsione.contribution.total),
                ].joined(separator: ";"))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
