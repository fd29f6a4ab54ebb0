/// The reports of the national riparto (`potenziamento riparto`): Italian text, JSON
/// `potenziamento.riparto.v1` and CSV.
enum AllocationReport {
    /// The JSON format identifier.
    static let format = "potenziamento.riparto.v1"

    /// The coefficient as the reports show it with 6 decimals: rounded down, so that a cut never
    /// shows as 1,000000 beside amounts «ridotti» (an officer's trial: 0,9999999… was shown 1).
    static func shownCoefficient(_ a: NationalAllocation) -> Fraction {
        let scale = BigInt.tenToThe(6)
        return Fraction(a.coefficient.flooredScaled(by: scale), scale)
    }

    /// The `potenziamento.riparto.v1` document.
    static func json(_ a: NationalAllocation, to output: ReportOutput) {
        let counts = a.counts
        let missing = a.missingFTE
        var json = JSONWriter(output)
        json.object { json in
            json.member("formato", format)
            json.member("anno", a.year)
            json.member("fondo", euro: a.fund)
            json.member("pregresso", euro: a.previousTotal)
            json.member("richiesto", euro: a.requested)
            json.member("coefficiente", decimal: shownCoefficient(a), decimals: 6)
            json.member(array: "ambiti") { json in
                for index in a.entries.indices {
                    let entry = a.entries[index]
                    let c = a.contributions[index]
                    json.element { json in
                        json.member("codice", entry.code)
                        json.member("contributo", euro: c.total)
                        json.member("assegnato", euro: a.assigned[index])
                        json.member("denominazione", entry.name)
                        json.member("popolazione", entry.population)
                        json.member("fte", decimal: entry.fte)
                        json.member("pregresso", euro: entry.previous)
                        ContributionReport.shortfalls(c.missingToMinimum, c.missingToLEP, c.missingToObjective, into: &json)
                    }
                }
            }
            json.member("totaleAssegnato", euro: a.assignedTotal)
            json.member("totaleErogato", euro: a.assignedTotal + a.previousTotal)
            json.member("sintesi") { json in
                json.member("ambiti", a.entries.count)
                json.member("sottoSogliaMinima", counts.belowMinimum)
                json.member("traSogliaMinimaELep", counts.betweenMinimumAndLEP)
                json.member("almenoLep", counts.atLeastLEP)
                json.member("almenoObiettivo", counts.atLeastObjective)
            }
            ContributionReport.shortfalls(missing.minimum, missing.lep, missing.objective, into: &json)
            // The parameters of the year with their references, as every other report gives them
            // (a run on a replaced parameter reads as one).
            if let parameters = a.contributions.first?.parameters {
                json.member(array: "parametri") { json in ContributionReport.parameters(parameters, into: &json) }
            }
        }
    }

    /// The Italian text report.
    static func text(_ a: NationalAllocation, to output: ReportOutput) {
        let euro = NumberFormatting.euro
        let counts = a.counts
        let missing = a.missingFTE
        // The ratios in force in the year (all entries share them); none to name without entries.
        let ratio = { (threshold: Threshold) in a.contributions.first.map { " " + $0.parameters.ratioText(threshold) } ?? "" }
        // Labels as wide as the longest («Totale da erogare (…)», 48 characters) and a space: figures in one column.
        let label = { (text: String) in TextBlocks.left(text, 49) }
        let lines: [String] = [
            "Riparto nazionale \(a.year) — \(Italian.count(a.entries.count, "ambito", "ambiti"))",
            "",
            label("Fondo disponibile") + TextBlocks.right(euro(a.fund), 20),
            label("Pregresso (anni precedenti, pagato per intero)") + TextBlocks.right(euro(a.previousTotal), 20),
            label("Contributi richiesti") + TextBlocks.right(euro(a.requested), 20),
            // The share paid, as the workbook names it (a trial: «Coefficiente di riduzione 1,000000»
            // read as a reduction of 100 %).
            label("Quota pagata dei contributi (coefficiente)") + TextBlocks.right(NumberFormatting.italian(shownCoefficient(a), decimals: 6), 20),
            label("Totale assegnato (contributi nuovi)") + TextBlocks.right(euro(a.assignedTotal), 20),
            // What the ATS receive in all: the pregresso, paid in full, and the new contributions.
            label("Totale da erogare (pregresso e contributi nuovi)") + TextBlocks.right(euro(a.previousTotal + a.assignedTotal), 20),
            "",
            a.isReduced
                ? "I contributi nuovi superano il fondo rimasto: sono ridotti tutti dello stesso coefficiente (resti maggiori al centesimo)."
                : "Il fondo copre tutti i contributi: nessuna riduzione.",
            "",
            TextBlocks.left("Ambiti sotto la soglia minima\(ratio(.minima)):", 40) + "\(counts.belowMinimum)",
            TextBlocks.left("Ambiti tra la soglia minima e il LEP:", 40) + "\(counts.betweenMinimumAndLEP)",
            TextBlocks.left("Ambiti al LEP\(ratio(.lep)) o oltre:", 40) + "\(counts.atLeastLEP)"
                + " (di cui all'obiettivo\(ratio(.obiettivo)): \(counts.atLeastObjective))",
            "",
            "FTE mancanti per portare ogni ambito alla soglia minima: \(NumberFormatting.italian(missing.minimum.roundedUp(decimals: 2), decimals: 2))",
            "FTE mancanti per portare ogni ambito al LEP:             \(NumberFormatting.italian(missing.lep.roundedUp(decimals: 2), decimals: 2))",
            "FTE mancanti per portare ogni ambito all'obiettivo:      \(NumberFormatting.italian(missing.objective.roundedUp(decimals: 2), decimals: 2))",
            "",
            TextBlocks.left("codice", 14) + TextBlocks.left("ambito", 30) + column("popolazione", 13) + column("FTE", 9)
                + column("pregresso", 16) + column("contributo", 16) + column("assegnato", 16),
        ]
        for line in lines { output.line(line) }
        for index in a.entries.indices {
            let entry = a.entries[index]
            output.line(
                TextBlocks.left(entry.code, 14) + TextBlocks.left(entry.name.count > 29 ? String(entry.name.prefix(28)) + "…" : entry.name, 30)
                    + column(NumberFormatting.italian(entry.population), 13)
                    + column(TextBlocks.fte(entry.fte), 9) + column(euro(entry.previous), 16) + column(euro(a.contributions[index].total), 16)
                    + column(euro(a.assigned[index]), 16))
        }
        let replaced = TextBlocks.replacedParameters(a.contributions.first.map { [$0.parameters] } ?? [])
        if !replaced.isEmpty { output.line() }
        for line in replaced { output.line(line) }
    }

    /// A figure right-aligned in `width`, at least two spaces from the column before (a figure
    /// wider than its column moves the row on, never runs into its neighbour).
    private static func column(_ text: String, _ width: Int) -> String { "  " + TextBlocks.right(text, width - 2) }

    /// One row per ATS (BOM, `;`, decimal comma).
    static func csv(_ a: NationalAllocation, to output: ReportOutput) {
        let csv = CSVWriter(output)
        csv.row([
            "codice", "denominazione", "popolazione", "fte", "pregresso", "contributo", "assegnato", "mancanti_minima", "mancanti_lep", "mancanti_obiettivo",
        ])
        for index in a.entries.indices {
            let entry = a.entries[index]
            let c = a.contributions[index]
            csv.row([
                CSVWriter.text(entry.code), CSVWriter.text(entry.name), String(entry.population), NumberFormatting.spreadsheet(entry.fte, decimals: 4),
                NumberFormatting.spreadsheet(entry.previous), NumberFormatting.spreadsheet(c.total), NumberFormatting.spreadsheet(a.assigned[index]),
                NumberFormatting.spreadsheet(c.missingToMinimum.roundedUp(decimals: 4), decimals: 4),
                NumberFormatting.spreadsheet(c.missingToLEP.roundedUp(decimals: 4), decimals: 4),
                NumberFormatting.spreadsheet(c.missingToObjective.roundedUp(decimals: 4), decimals: 4),
            ])
        }
    }
}
