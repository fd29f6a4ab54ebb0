/// The reports of the national riparto (`potenziamento riparto`): Italian text, JSON
/// `potenziamento.riparto.v1` and CSV.
public enum AllocationReport {
    /// The JSON format identifier.
    public static let format = "potenziamento.riparto.v1"

    /// The coefficient as a JSON number with 6 decimals (≤ 1).
    static func coefficientJSON(_ value: Fraction) -> JSONValue { .decimal(value, decimals: 6) }

    /// The `potenziamento.riparto.v1` document.
    public static func json(_ a: NationalAllocation) -> String {
        let counts = a.counts
        let missing = a.missingFTE
        return JSONValue.object([
            ("formato", .string(format)),
            ("anno", .integer(a.year)),
            ("fondo", .euro(a.fund)),
            ("pregresso", .euro(a.previousTotal)),
            ("richiesto", .euro(a.requested)),
            ("coefficiente", coefficientJSON(a.coefficient)),
            (
                "ambiti",
                .array(
                    a.entries.indices.map { index in
                        let entry = a.entries[index]
                        let c = a.contributions[index]
                        return .object([
                            ("codice", .string(entry.code)),
                            ("contributo", .euro(c.total)),
                            ("assegnato", .euro(a.assigned[index])),
                            ("denominazione", .string(entry.name)),
                            ("popolazione", .integer(entry.population)),
                            ("fte", .decimal(entry.fte)),
                            ("pregresso", .euro(entry.previous)),
                            (
                                "fabbisogno",
                                .object([
                                    ("minima", .decimal(c.missingToMinimum)), ("lep", .decimal(c.missingToLEP)), ("obiettivo", .decimal(c.missingToObjective)),
                                ])
                            ),
                        ])
                    })
            ),
            ("totaleAssegnato", .euro(a.assignedTotal)),
            ("totaleErogato", .euro(a.assignedTotal + a.previousTotal)),
            (
                "sintesi",
                .object([
                    ("ambiti", .integer(a.entries.count)),
                    ("sottoSogliaMinima", .integer(counts.belowMinimum)),
                    ("traSogliaMinimaELep", .integer(counts.betweenMinimumAndLEP)),
                    ("almenoLep", .integer(counts.atLeastLEP)),
                    ("almenoObiettivo", .integer(counts.atLeastObjective)),
                ])
            ),
            ("fabbisogno", .object([("minima", .decimal(missing.minimum)), ("lep", .decimal(missing.lep)), ("obiettivo", .decimal(missing.objective))])),
        ]).rendered()
    }

    /// The Italian text report.
    public static func text(_ a: NationalAllocation) -> String {
        let euro = NumberFormatting.euro
        let counts = a.counts
        let missing = a.missingFTE
        var lines = [
            "Riparto nazionale \(a.year) — \(a.entries.count) ambiti",
            "",
            TextBlocks.left("Fondo disponibile", 44) + TextBlocks.right(euro(a.fund), 20),
            TextBlocks.left("Pregresso (anni precedenti, pagato per intero)", 44) + TextBlocks.right(euro(a.previousTotal), 20),
            TextBlocks.left("Contributi richiesti", 44) + TextBlocks.right(euro(a.requested), 20),
            TextBlocks.left("Coefficiente di riduzione", 44) + TextBlocks.right(NumberFormatting.italian(a.coefficient, decimals: 6), 20),
            TextBlocks.left("Totale assegnato", 44) + TextBlocks.right(euro(a.assignedTotal), 20),
            "",
            a.isReduced
                ? "I contributi nuovi superano il fondo rimasto: sono ridotti tutti dello stesso coefficiente (resti maggiori al centesimo)."
                : "Il fondo copre tutti i contributi: nessuna riduzione.",
            "",
            "Ambiti sotto la soglia minima 1/6.500: \(counts.belowMinimum)",
            "Ambiti tra la soglia minima e il LEP:   \(counts.betweenMinimumAndLEP)",
            "Ambiti al LEP 1/5.000 o oltre:          \(counts.atLeastLEP) (di cui all'obiettivo 1/4.000: \(counts.atLeastObjective))",
            "",
            "FTE mancanti per portare ogni ambito alla soglia minima: \(NumberFormatting.italian(missing.minimum, decimals: 2))",
            "FTE mancanti per portare ogni ambito al LEP:             \(NumberFormatting.italian(missing.lep, decimals: 2))",
            "FTE mancanti per portare ogni ambito all'obiettivo:      \(NumberFormatting.italian(missing.objective, decimals: 2))",
            "",
            TextBlocks.left("codice", 14) + TextBlocks.left("ambito", 30) + TextBlocks.right("popolazione", 12) + TextBlocks.right("FTE", 9)
                + TextBlocks.right("contributo", 16) + TextBlocks.right("assegnato", 16),
        ]
        for index in a.entries.indices {
            let entry = a.entries[index]
            lines.append(
                TextBlocks.left(entry.code, 14) + TextBlocks.left(String(entry.name.prefix(29)), 30)
                    + TextBlocks.right(NumberFormatting.italian(entry.population), 12)
                    + TextBlocks.right(TextBlocks.fte(entry.fte), 9) + TextBlocks.right(euro(a.contributions[index].total), 16)
                    + TextBlocks.right(euro(a.assigned[index]), 16))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One row per ATS (`;`, decimal comma).
    public static func csv(_ a: NationalAllocation) -> String {
        var lines = ["codice;denominazione;popolazione;fte;pregresso;contributo;assegnato;mancanti_minima;mancanti_lep;mancanti_obiettivo"]
        for index in a.entries.indices {
            let entry = a.entries[index]
            let c = a.contributions[index]
            lines.append(
                [
                    AssessmentReport.csvField(entry.code), AssessmentReport.csvField(entry.name), String(entry.population),
                    NumberFormatting.spreadsheet(entry.fte, decimals: 4), NumberFormatting.spreadsheet(entry.previous),
                    NumberFormatting.spreadsheet(c.total), NumberFormatting.spreadsheet(a.assigned[index]),
                    NumberFormatting.spreadsheet(c.missingToMinimum, decimals: 4), NumberFormatting.spreadsheet(c.missingToLEP, decimals: 4),
                    NumberFormatting.spreadsheet(c.missingToObjective, decimals: 4),
                ].joined(separator: ";"))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
