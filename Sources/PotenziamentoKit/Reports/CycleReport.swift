/// The reports of the funding cycle (`potenziamento ciclo`): text and JSON `potenziamento.ciclo.v1`.
public enum CycleReport {
    /// The JSON format identifier.
    public static let format = "potenziamento.ciclo.v1"

    static func sum(_ values: [EuroCents?]) -> EuroCents { values.compactMap { $0 }.sum() }

    /// The output document: per year the amounts (`null` where the step has not happened) and totals.
    public static func json(_ outcomes: [CycleOutcome], ambito: Ambito?) -> String {
        var members: [(String, JSONValue)] = [("formato", .string(format))]
        if let ambito {
            members.append(("ambito", .object([("codice", .string(ambito.code)), ("denominazione", .string(ambito.name))])))
        }
        members.append(
            (
                "anni",
                .array(
                    outcomes.map { o in
                        .object([
                            ("anno", .integer(o.year)),
                            ("prenotato", .euro(o.reserved?.total)),
                            ("calcolatoConsuntivo", .euro(o.computedOnActual?.total)),
                            ("liquidato", .euro(o.liquidated)),
                            ("economia", .euro(o.savings)),
                            ("calcolatoCertificato", .euro(o.computedOnCertified?.total)),
                            ("recupero", .euro(o.recovery)),
                        ])
                    })
            ))
        members.append(
            (
                "totali",
                .object([
                    ("prenotato", .euro(sum(outcomes.map { $0.reserved?.total }))),
                    ("liquidato", .euro(sum(outcomes.map(\.liquidated)))),
                    ("economia", .euro(sum(outcomes.map(\.savings)))),
                    ("recupero", .euro(sum(outcomes.map(\.recovery)))),
                    ("nettoDopoRecuperi", .euro(sum(outcomes.map(\.liquidated)) - sum(outcomes.map(\.recovery)))),
                ])
            ))
        return JSONValue.object(members).rendered()
    }

    /// The Italian text table.
    public static func text(_ outcomes: [CycleOutcome], ambito: Ambito?) -> String {
        func money(_ amount: EuroCents?) -> String { amount.map { NumberFormatting.euro($0) } ?? "—" }
        var lines = [
            "Ciclo annuale del contributo\(ambito.map { " — \($0.name) (\($0.code))" } ?? "")",
            "(prenotazione entro il 30 giugno; liquidato = min(consuntivo, prenotato), D.M. 144/2021 art. 2)", "",
        ]
        let header = ["anno", "prenotato", "su consuntivo", "liquidato", "economia", "su certificato", "recupero"]
        let widths = [6, 16, 16, 16, 16, 16, 16]
        lines.append(zip(header, widths).map { TextBlocks.right($0, $1) }.joined())
        for o in outcomes {
            let cells = [
                String(o.year), money(o.reserved?.total), money(o.computedOnActual?.total), money(o.liquidated), money(o.savings),
                money(o.computedOnCertified?.total), money(o.recovery),
            ]
            lines.append(zip(cells, widths).map { TextBlocks.right($0, $1) }.joined())
        }
        let totals = [
            "totale", money(sum(outcomes.map { $0.reserved?.total })), "", money(sum(outcomes.map(\.liquidated))),
            money(sum(outcomes.map(\.savings))), "", money(sum(outcomes.map(\.recovery))),
        ]
        lines.append(zip(totals, widths).map { TextBlocks.right($0, $1) }.joined())
        lines += [
            "",
            "— passo non ancora avvenuto. Economia: torna al Fondo Povertà (comma 799). Recupero: restituzione dopo la certificazione (come D.M. 125/2024).",
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}
