/// Reports over many ATS at once (`calcola` and `prospetto` with several inputs, a regional or
/// national folder): one entry per ATS written as soon as it is computed (nothing is kept but
/// the totals), the inputs that failed with their errors, and the totals.
package enum BatchReport {
    /// An input that could not be assessed, with its error lines.
    package struct Failure: Sendable {
        /// The input path.
        package let input: String
        /// The error lines (each names its place).
        package let errors: [String]

        /// A failure.
        package init(input: String, errors: [String]) {
            self.input = input
            self.errors = errors
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

    /// Computes each ATS through `run` (which calls its argument with each result as soon as it
    /// exists and returns the failures) and writes the table of annual assessments.
    package static func assessments(
        year: Int, format: Format, to output: ReportOutput, run: (_ emit: (AnnualAssessment) -> Void) -> [Failure]
    ) {
        var count = 0
        var population = 0
        var fte = Fraction.zero
        var total = EuroCents.zero
        func accumulate(_ a: AnnualAssessment) {
            count += 1
            population += a.population
            fte += a.fte
            total += a.contribution.total
        }
        switch format {
        case .json:
            var json = JSONWriter(output)
            json.object { json in
                json.member("formato", "potenziamento.valutazioni.v1")
                json.member("anno", year)
                var failures: [Failure] = []
                json.member(array: "ambiti") { json in
                    failures = run { assessment in
                        accumulate(assessment)
                        json.element { json in AssessmentReport.members(assessment, explain: false, into: &json) }
                    }
                }
                json.member(array: "errori") { json in failuresJSON(failures, into: &json) }
                json.member("totali") { json in
                    json.member("ambiti", count)
                    json.member("popolazione", population)
                    json.member("fte", decimal: fte)
                    json.member("contributo", euro: total)
                }
            }
        case .text:
            output.line("Valutazione \(year) — più ambiti")
            output.line()
            output.line(
                TextBlocks.left("codice", 14) + TextBlocks.left("ambito", 32) + TextBlocks.right("popolazione", 12) + TextBlocks.right("FTE", 9)
                    + TextBlocks.right("LEP", 5) + TextBlocks.right("contributo", 16))
            let failures = run { a in
                accumulate(a)
                output.line(
                    TextBlocks.left(a.ambito.code, 14) + TextBlocks.left(String(a.ambito.name.prefix(31)), 32)
                        + TextBlocks.right(NumberFormatting.italian(a.population), 12) + TextBlocks.right(TextBlocks.fte(a.fte), 9)
                        + TextBlocks.right(a.contribution.meetsLEP ? "sì" : "no", 5) + TextBlocks.right(NumberFormatting.euro(a.contribution.total), 16))
            }
            output.line(
                TextBlocks.left("TOTALE (\(Italian.count(count, "ambito", "ambiti")))", 46) + TextBlocks.right(NumberFormatting.italian(population), 12)
                    + TextBlocks.right(TextBlocks.fte(fte), 9) + TextBlocks.right("", 5) + TextBlocks.right(NumberFormatting.euro(total), 16))
            failureLines(failures, to: output)
        case .csv:
            let csv = CSVWriter(output)
            csv.row(["codice", "denominazione", "anno", "popolazione", "fte", "soglia_minima", "lep", "obiettivo", "contributo"])
            _ = run { a in
                let c = a.contribution
                csv.row([
                    CSVWriter.text(a.ambito.code), CSVWriter.text(a.ambito.name), String(a.year), String(a.population),
                    NumberFormatting.spreadsheet(a.fte, decimals: 4), NumberFormatting.spreadsheet(c.thresholds.minimum, decimals: 4),
                    NumberFormatting.spreadsheet(c.thresholds.lep, decimals: 4), NumberFormatting.spreadsheet(c.thresholds.objective, decimals: 4),
                    NumberFormatting.spreadsheet(c.total),
                ])
            }
        }
    }

    /// As ``assessments(year:format:to:run:)`` for the prospetti of a campaign.
    package static func prospetti(campaign: Int, format: Format, to output: ReportOutput, run: (_ emit: (Prospetto) -> Void) -> [Failure]) {
        var count = 0
        var actual = EuroCents.zero
        var forecast = EuroCents.zero
        func accumulate(_ p: Prospetto) {
            count += 1
            actual += p.consuntivo.contribution.total
            forecast += p.previsione.contribution.total
        }
        switch format {
        case .json:
            var json = JSONWriter(output)
            json.object { json in
                json.member("formato", "potenziamento.prospetti.v1")
                json.member("campagna", campaign)
                var failures: [Failure] = []
                json.member(array: "prospetti") { json in
                    failures = run { prospetto in
                        accumulate(prospetto)
                        json.element { json in ProspettoReport.members(prospetto, into: &json) }
                    }
                }
                json.member(array: "errori") { json in failuresJSON(failures, into: &json) }
                json.member("totali") { json in
                    json.member("ambiti", count)
                    json.member("contributoConsuntivo", euro: actual)
                    json.member("contributoPrevisione", euro: forecast)
                }
            }
        case .text:
            output.line("Prospetti riassuntivi, campagna \(campaign) — più ambiti")
            output.line()
            output.line(
                TextBlocks.left("codice", 14) + TextBlocks.left("ambito", 32) + TextBlocks.right("FTE \(campaign - 1)", 10)
                    + TextBlocks.right("consuntivo \(campaign - 1)", 18) + TextBlocks.right("FTE \(campaign)", 10)
                    + TextBlocks.right("previsione \(campaign)", 18))
            let failures = run { p in
                accumulate(p)
                output.line(
                    TextBlocks.left(p.previsione.ambito.code, 14) + TextBlocks.left(String(p.previsione.ambito.name.prefix(31)), 32)
                        + TextBlocks.right(TextBlocks.fte(p.consuntivo.fte), 10) + TextBlocks.right(NumberFormatting.euro(p.consuntivo.contribution.total), 18)
                        + TextBlocks.right(TextBlocks.fte(p.previsione.fte), 10) + TextBlocks.right(NumberFormatting.euro(p.previsione.contribution.total), 18))
            }
            output.line(
                TextBlocks.left("TOTALE (\(Italian.count(count, "ambito", "ambiti")))", 46) + TextBlocks.right("", 10)
                    + TextBlocks.right(NumberFormatting.euro(actual), 18)
                    + TextBlocks.right("", 10) + TextBlocks.right(NumberFormatting.euro(forecast), 18))
            failureLines(failures, to: output)
        case .csv:
            let csv = CSVWriter(output)
            csv.row([
                "codice", "denominazione", "campagna", "fte_consuntivo", "fte_da_dichiarare_consuntivo", "contributo_consuntivo", "fte_previsione",
                "fte_da_dichiarare_previsione", "contributo_previsione",
            ])
            _ = run { p in
                let declaration = DeclaredFTE.Campaign(p)
                csv.row([
                    CSVWriter.text(p.previsione.ambito.code), CSVWriter.text(p.previsione.ambito.name), String(p.campaign),
                    NumberFormatting.spreadsheet(p.consuntivo.fte, decimals: 4), declaration.consuntivo.ambitoText(decimalMark: ","),
                    NumberFormatting.spreadsheet(p.consuntivo.contribution.total), NumberFormatting.spreadsheet(p.previsione.fte, decimals: 4),
                    declaration.previsione.ambitoText(decimalMark: ","), NumberFormatting.spreadsheet(p.previsione.contribution.total),
                ])
            }
        }
    }

    static func failuresJSON(_ failures: [Failure], into json: inout JSONWriter) {
        for failure in failures {
            json.element { json in
                json.member("input", failure.input)
                json.member(array: "errori") { json in for error in failure.errors { json.element(error) } }
            }
        }
    }

    static func failureLines(_ failures: [Failure], to output: ReportOutput) {
        guard !failures.isEmpty else { return }
        output.line()
        output.line("Ambiti non calcolati (\(failures.count)):")
        for failure in failures {
            let first = failure.errors.first ?? "errore"
            // The lines name the input with its control characters escaped (a tab in a file name).
            let named = first.hasPrefix(failure.input) || first.hasPrefix(TextSafety.escapingControlCharacters(failure.input))
            let line = named ? first : "\(failure.input): \(first)"
            output.line("  - \(line)" + (failure.errors.count > 1 ? " (e altri \(failure.errors.count - 1))" : ""))
        }
    }
}
