/// Reports over many ATS at once (`calcola` and `prospetto` with several inputs, a regional or
/// national folder): one entry per ATS written as soon as it is computed (nothing is kept but
/// the totals), the inputs that failed with their errors, and the totals.
package enum BatchReport {
    /// The `formato` of the documents of `calcola` and `prospetto` with several ATS.
    static let formats = (assessments: "potenziamento.valutazioni.v1", prospetti: "potenziamento.prospetti.v1")

    /// An input that could not be assessed, with its error lines.
    package struct Failure: Sendable {
        /// The input path.
        package let input: String
        /// The error lines (each names its place).
        package let errors: [String]
        /// The ATS code, when the input was read but not counted (the same ATS twice, a year it
        /// has no residents for): a CSV table's filter on `codice` finds it.
        package let code: String?
        /// Whether the input could not be read at all (missing, unreadable, a folder without ATS):
        /// a run whose every failure is one of these ends with exit 66, as for one such input.
        package let isUnreadable: Bool

        /// A failure.
        package init(input: String, errors: [String], code: String? = nil, isUnreadable: Bool = false) {
            self.input = input
            self.errors = errors
            self.code = code
            self.isUnreadable = isUnreadable
        }

        /// The first error naming the input (once: the lines name it with its control characters
        /// escaped, a tab in a file name), and how many more there are.
        var summary: String {
            let first = errors.first ?? "errore"
            let named = first.hasPrefix(input) || first.hasPrefix(TextSafety.escapingControlCharacters(input))
            return (named ? first : "\(input): \(first)") + (errors.count > 1 ? " (e altri \(errors.count - 1))" : "")
        }
    }

    /// What a batch run leaves besides its entries: the inputs that failed, and every warning
    /// about the data (of reading and of computing each ATS, each naming its input and place), in
    /// the order of the inputs.
    package struct Outcome: Sendable {
        /// The inputs that could not be computed.
        package let failures: [Failure]
        /// The warnings about the data.
        package let warnings: [String]
        /// The ISTAT codes of the comuni of more than one ATS counted (a city divided among ATS, or
        /// a mistake the warnings name), in the order found: their residents count in each, so
        /// the total of residents counts them more than once (a regional analyst's trial).
        package let sharedComuni: [String]

        /// An outcome.
        package init(failures: [Failure], warnings: [String] = [], sharedComuni: [String] = []) {
            self.failures = failures
            self.warnings = warnings
            self.sharedComuni = sharedComuni
        }

        /// The line under a total of residents when comuni are in more than one ATS; nil otherwise.
        var sharedComuniNote: String? {
            guard !sharedComuni.isEmpty else { return nil }
            return
                "Nota: \(sharedComuni.count == 1 ? "il comune \(sharedComuni[0]) è" : "i comuni \(Italian.list(sharedComuni, limit: 5)) sono") in più ambiti: \(sharedComuni.count == 1 ? "i suoi" : "i loro") residenti contano in ognuno, anche nella popolazione totale (vedi gli avvisi)"
        }
    }

    /// The formats of a batch report.
    package enum Format: Sendable {
        /// One line per ATS.
        case text
        /// `potenziamento.valutazioni.v1` / `potenziamento.prospetti.v1`.
        case json
        /// One row per ATS (BOM, `;`, decimal comma).
        case csv
    }

    /// An ATS's entry of a batch report, made where the ATS was computed (on one of the workers
    /// of a batch): its result, for the totals and for a text or CSV row, and in JSON its element
    /// already written, so that the one step that writes the document in order only copies it
    /// (docs/benchmark.md, «Sixteenth pass»).
    package struct Entry<Value: Sendable>: Sendable {
        /// The ATS's result.
        package let value: Value
        /// Its element of the JSON document (nil in the other formats).
        let element: RenderedElement?
    }

    /// The depth of an ATS's element in a batch JSON document: in the array (`ambiti`,
    /// `prospetti`) of the root object.
    private static let elementDepth = 2

    /// The entry of `assessment` in a batch report in `format`; the entries of one report share
    /// `reused` (the parts repeated in every element, made once).
    package static func entry(_ assessment: AnnualAssessment, format: Format, reusing reused: ReusedJSON) -> Entry<AnnualAssessment> {
        guard case .json = format else { return Entry(value: assessment, element: nil) }
        let element = JSONWriter.renderedElement(depth: elementDepth, reusing: reused) { json in
            AssessmentReport.members(assessment, explain: false, into: &json)
        }
        return Entry(value: assessment, element: element)
    }

    /// The entry of `prospetto` in a batch report in `format`; the entries of one report share
    /// `reused`.
    package static func entry(_ prospetto: Prospetto, format: Format, reusing reused: ReusedJSON) -> Entry<Prospetto> {
        guard case .json = format else { return Entry(value: prospetto, element: nil) }
        let element = JSONWriter.renderedElement(depth: elementDepth, reusing: reused) { json in ProspettoReport.members(prospetto, into: &json) }
        return Entry(value: prospetto, element: element)
    }

    /// Computes each ATS through `run` (which calls its argument with each entry, made by
    /// `entry(_:format:reusing:)` in the same `format`, as soon as it exists and
    /// returns the failures and the warnings) and writes the table of annual assessments; the
    /// warnings about the data end the text (`Avvisi sui dati`) and the JSON (`avvisi`).
    package static func assessments(
        year: Int, method: FTEMethod = .days, format: Format, to output: ReportOutput, run: (_ emit: (Entry<AnnualAssessment>) -> Void) -> Outcome
    ) {
        var count = 0
        var population = 0
        var fte = Fraction.zero
        var total = EuroCents.zero
        // The parameters of the year (every ATS of a run has the same): named when not the law's.
        var parameters: ParametersInForce?
        func accumulate(_ a: AnnualAssessment) {
            if parameters == nil { parameters = a.contribution.parameters }
            count += 1
            population += a.population
            fte += a.fte
            total += a.contribution.total
        }
        switch format {
        case .json:
            var json = JSONWriter(output)
            json.object { json in
                json.member("formato", Self.formats.assessments)
                json.member("anno", year)
                var outcome = Outcome(failures: [])
                json.member(array: "ambiti") { json in
                    outcome = run { entry in
                        accumulate(entry.value)
                        write(entry, into: &json) { json in AssessmentReport.members(entry.value, explain: false, into: &json) }
                    }
                }
                json.member(array: "errori") { json in failuresJSON(outcome.failures, into: &json) }
                json.member(array: "avvisi") { json in for warning in outcome.warnings { json.element(warning) } }
                json.member("totali") { json in
                    json.member("ambiti", count)
                    json.member("popolazione", population)
                    // The comuni whose residents the total counts more than once (in more than one ATS).
                    json.member(array: "comuniInPiuAmbiti") { json in for code in outcome.sharedComuni { json.element(code) } }
                    json.member("fte", decimal: fte)
                    json.member("contributo", euro: total)
                }
            }
        case .text:
            // The method said as for one ATS (a trial: a table by months did not say so).
            output.line("Valutazione \(year) — più ambiti · FTE calcolati per \(method.label)")
            output.line()
            let widths = [11, 14, 3, 16]
            output.line(textRow("codice", "ambito", ["popolazione", "FTE esatti", "LEP", "contributo"], widths))
            let outcome = run { entry in
                let a = entry.value
                accumulate(a)
                output.line(
                    textRow(
                        a.ambito.code, a.ambito.name,
                        [
                            NumberFormatting.italian(a.population), TextBlocks.exactFTE(a.fte), a.contribution.meetsLEP ? "sì" : "no",
                            NumberFormatting.euro(a.contribution.total),
                        ], widths))
            }
            output.line(
                textRow(
                    "TOTALE", "(\(Italian.count(count, "ambito", "ambiti")))",
                    [NumberFormatting.italian(population), TextBlocks.exactFTE(fte), "", NumberFormatting.euro(total)], widths))
            if let note = outcome.sharedComuniNote { output.line(note) }
            replacedParameterLines(parameters.map { [$0] } ?? [], to: output)
            failureLines(outcome.failures, to: output)
            warningLines(outcome.warnings, to: output)
        case .csv:
            let csv = CSVWriter(output)
            let header = ["codice", "denominazione", "anno", "popolazione", "fte", "soglia_minima", "lep", "obiettivo", "contributo", "errore"]
            csv.row(header)
            let outcome = run { entry in
                let (a, c) = (entry.value, entry.value.contribution)
                csv.row([
                    CSVWriter.text(a.ambito.code), CSVWriter.text(a.ambito.name), String(a.year), String(a.population),
                    NumberFormatting.spreadsheet(a.fte, decimals: 4), NumberFormatting.spreadsheet(c.thresholds.minimum, decimals: 4),
                    NumberFormatting.spreadsheet(c.thresholds.lep, decimals: 4), NumberFormatting.spreadsheet(c.thresholds.objective, decimals: 4),
                    NumberFormatting.spreadsheet(c.total), "",
                ])
            }
            // (The warnings stay on the screen: a table of one row per ATS has no place for them.)
            failureRows(outcome.failures, width: header.count, to: csv)
        }
    }

    /// As ``assessments(year:format:to:run:)`` for the prospetti of a campaign (entries made by
    /// `entry(_:format:reusing:)`).
    package static func prospetti(
        campaign: Int, method: FTEMethod = .days, format: Format, to output: ReportOutput, run: (_ emit: (Entry<Prospetto>) -> Void) -> Outcome
    ) {
        var count = 0
        var actual = EuroCents.zero
        var forecast = EuroCents.zero
        // On the FTE to declare, as the ministry computes it (what a region's total is compared with).
        var declaredActual = EuroCents.zero
        var declaredForecast = EuroCents.zero
        // The parameters of the two years (every ATS of a run has the same): named when not the law's.
        var parameters: [ParametersInForce] = []
        func accumulate(_ p: Prospetto) {
            if parameters.isEmpty { parameters = [p.consuntivo.contribution.parameters, p.previsione.contribution.parameters] }
            count += 1
            actual += p.consuntivo.contribution.total
            forecast += p.previsione.contribution.total
            declaredActual += p.consuntivoDeclaration.contribution.total
            declaredForecast += p.previsioneDeclaration.contribution.total
        }
        switch format {
        case .json:
            var json = JSONWriter(output)
            json.object { json in
                json.member("formato", Self.formats.prospetti)
                json.member("campagna", campaign)
                var outcome = Outcome(failures: [])
                json.member(array: "prospetti") { json in
                    outcome = run { entry in
                        accumulate(entry.value)
                        write(entry, into: &json) { json in ProspettoReport.members(entry.value, into: &json) }
                    }
                }
                json.member(array: "errori") { json in failuresJSON(outcome.failures, into: &json) }
                json.member(array: "avvisi") { json in for warning in outcome.warnings { json.element(warning) } }
                json.member("totali") { json in
                    json.member("ambiti", count)
                    json.member("contributoConsuntivo", euro: actual)
                    json.member("contributoPrevisione", euro: forecast)
                    json.member("contributoSuDichiaratoConsuntivo", euro: declaredActual)
                    json.member("contributoSuDichiaratoPrevisione", euro: declaredForecast)
                }
            }
        case .text:
            output.line("Prospetti riassuntivi, campagna \(campaign) — più ambiti · FTE calcolati per \(method.label)")
            output.line()
            // The FTE are the figures to declare in SIOSS (exact, rounded down): a figure rounded to
            // the nearest (106,00 for 105,998) would be copied and over-declared. Beside each, the
            // contribution on it, as the ministry computes it.
            let widths = [14, 16, 14, 16]
            output.line(
                textRow(
                    "codice", "ambito", ["FTE dich. \(campaign - 1)", "contributo \(campaign - 1)", "FTE dich. \(campaign)", "contributo \(campaign)"], widths))
            // The decimals of the figures to declare (the same for every ATS: one option), for the note.
            var decimals = Prospetto.defaultDeclaredDecimals
            let outcome = run { entry in
                let p = entry.value
                accumulate(p)
                decimals = p.previsioneDeclaration.decimals
                let declaration = DeclaredFTE.Campaign(p)
                output.line(
                    textRow(
                        p.previsione.ambito.code, p.previsione.ambito.name,
                        [
                            declaration.consuntivo.ambitoText(decimalMark: ","), NumberFormatting.euro(p.consuntivoDeclaration.contribution.total),
                            declaration.previsione.ambitoText(decimalMark: ","), NumberFormatting.euro(p.previsioneDeclaration.contribution.total),
                        ], widths))
            }
            output.line(
                textRow(
                    "TOTALE", "(\(Italian.count(count, "ambito", "ambiti")))",
                    ["", NumberFormatting.euro(declaredActual), "", NumberFormatting.euro(declaredForecast)], widths))
            output.line(
                textRow("", "sugli FTE esatti", ["", NumberFormatting.euro(actual), "", NumberFormatting.euro(forecast)], widths))
            output.line()
            output.line(
                "FTE dich.: gli FTE da dichiarare in SIOSS (gli FTE esatti per difetto \(decimals == 0 ? "all'unità" : decimals == 1 ? "a 1 decimale" : "a \(decimals) decimali")); contributi sugli FTE dichiarati, come li calcola il ministero; sotto il totale, quello sugli FTE esatti."
            )
            replacedParameterLines(parameters, to: output)
            failureLines(outcome.failures, to: output)
            warningLines(outcome.warnings, to: output)
        case .csv:
            let csv = CSVWriter(output)
            let header = [
                "codice", "denominazione", "campagna", "fte_consuntivo", "fte_da_dichiarare_consuntivo", "contributo_consuntivo",
                "contributo_su_dichiarato_consuntivo", "fte_previsione", "fte_da_dichiarare_previsione", "contributo_previsione",
                "contributo_su_dichiarato_previsione", "errore",
            ]
            csv.row(header)
            let outcome = run { entry in
                let p = entry.value
                let declaration = DeclaredFTE.Campaign(p)
                csv.row([
                    CSVWriter.text(p.previsione.ambito.code), CSVWriter.text(p.previsione.ambito.name), String(p.campaign),
                    NumberFormatting.spreadsheet(p.consuntivo.fte, decimals: 4), declaration.consuntivo.ambitoText(decimalMark: ","),
                    NumberFormatting.spreadsheet(p.consuntivo.contribution.total), NumberFormatting.spreadsheet(p.consuntivoDeclaration.contribution.total),
                    NumberFormatting.spreadsheet(p.previsione.fte, decimals: 4), declaration.previsione.ambitoText(decimalMark: ","),
                    NumberFormatting.spreadsheet(p.previsione.contribution.total), NumberFormatting.spreadsheet(p.previsioneDeclaration.contribution.total), "",
                ])
            }
            // (The warnings stay on the screen: a table of one row per ATS has no place for them.)
            failureRows(outcome.failures, width: header.count, to: csv)
        }
    }

    /// Writes `entry`'s JSON element: the one made with it, or made here by `members` (an entry
    /// made for another format).
    private static func write<Value>(_ entry: Entry<Value>, into json: inout JSONWriter, members: (inout JSONWriter) -> Void) {
        if let element = entry.element { json.element(rendered: element) } else { json.element(members) }
    }

    /// A row of the batch text tables: code and name on the left (a name longer than the column
    /// cut with «…»), then each figure right-aligned in its width, columns always two spaces apart:
    /// a figure wider than its column moves the rest of the row, never runs into its neighbour.
    static func textRow(_ code: String, _ name: String, _ figures: [String], _ widths: [Int]) -> String {
        let shown = name.count > 32 ? String(name.prefix(31)) + "…" : name
        return TextBlocks.left(code, 12) + "  " + TextBlocks.left(shown, 32) + zip(figures, widths).map { "  " + TextBlocks.right($0, $1) }.joined()
    }

    /// A row per input that was not computed, at the end of a batch CSV: no figures (the code
    /// when it is known), and in the last column (`errore`) the input and its first error, so a filter on the column finds
    /// every ATS missing from the table.
    static func failureRows(_ failures: [Failure], width: Int, to csv: CSVWriter) {
        for failure in failures {
            csv.row([failure.code.map(CSVWriter.text) ?? ""] + Array(repeating: "", count: width - 2) + [CSVWriter.text(failure.summary)])
        }
    }

    static func failuresJSON(_ failures: [Failure], into json: inout JSONWriter) {
        for failure in failures {
            json.element { json in
                json.member("input", failure.input)
                if let code = failure.code { json.member("codice", code) }
                json.member(array: "errori") { json in for error in failure.errors { json.element(error) } }
            }
        }
    }

    /// The parameters not the law's, under the table (``TextBlocks/replacedParameters(_:)``).
    static func replacedParameterLines(_ parameters: [ParametersInForce], to output: ReportOutput) {
        let lines = TextBlocks.replacedParameters(parameters)
        guard !lines.isEmpty else { return }
        output.line()
        for line in lines { output.line(line) }
    }

    static func failureLines(_ failures: [Failure], to output: ReportOutput) {
        guard !failures.isEmpty else { return }
        output.line()
        output.line("Ambiti non calcolati (\(failures.count)):")
        for failure in failures { output.line("  - \(failure.summary)") }
    }

    /// The warnings about the data at the end of a batch text: a saved report carries them.
    static func warningLines(_ warnings: [String], to output: ReportOutput) {
        guard !warnings.isEmpty else { return }
        output.line()
        output.line("\(AssessmentReport.dataWarningsHeading(warnings)):")
        for warning in warnings { output.line("  - \(warning)") }
    }
}
