/// The reports of a what-if simulation (`potenziamento simula`): the Italian side-by-side text
/// and JSON `potenziamento.simulazione.v1`.
public enum SimulationReport {
    /// The JSON format identifier.
    public static let format = "potenziamento.simulazione.v1"

    /// The `potenziamento.simulazione.v1` document: the first year in `base`/`scenario`, the
    /// others in `anni`.
    public static func json(_ years: [ScenarioYear], planning: PlanningFigures) -> String {
        guard let first = years.first else { return JSONValue.object([("formato", .string(format))]).rendered() }
        let c = first.scenario.contribution
        return JSONValue.object([
            ("formato", .string(format)),
            ("anno", .integer(first.year)),
            ("base", AssessmentReport.jsonValue(first.base)),
            ("scenario", AssessmentReport.jsonValue(first.scenario)),
            ("differenza", .euro(first.difference)),
            (
                "fabbisogno",
                .object([("minima", .decimal(c.missingToMinimum)), ("lep", .decimal(c.missingToLEP)), ("obiettivo", .decimal(c.missingToObjective))])
            ),
            (
                "obiettivi",
                .object([
                    ("dataAssunzione", .string(planning.hireStart.iso)),
                    ("ftePerAssunzione", .decimal(planning.fteOfOneHire)),
                    (
                        "assunzioniNecessarie",
                        .object(planning.targets.map { ($0.threshold.rawValue, $0.hiresNeeded.map { .number($0.description) } ?? .null) })
                    ),
                    ("valoreMarginaleAnnoIntero", .euro(planning.marginalFullYear)),
                    ("valoreMarginaleDallaData", .euro(planning.marginalFromStart)),
                ])
            ),
            (
                "sensibilitaPopolazione",
                .array(
                    planning.sensitivity.map {
                        .object([
                            ("variazionePercentuale", .integer($0.percent)), ("popolazione", .integer($0.population)), ("contributo", .euro($0.contribution)),
                        ])
                    })
            ),
            (
                "anni",
                .array(
                    years.map {
                        .object([
                            ("anno", .integer($0.year)),
                            ("fteBase", .decimal($0.base.fte)), ("fteScenario", .decimal($0.scenario.fte)),
                            ("contributoBase", .euro($0.base.contribution.total)), ("contributoScenario", .euro($0.scenario.contribution.total)),
                            ("differenza", .euro($0.difference)),
                        ])
                    })
            ),
        ]).rendered()
    }

    /// The Italian side-by-side report an ATS manager reads.
    public static func text(_ years: [ScenarioYear], planning: PlanningFigures, changes: [String]) -> String {
        guard let first = years.first else { return "" }
        let b = first.base.contribution
        let s = first.scenario.contribution
        let fte = TextBlocks.fte
        let euro = NumberFormatting.euro
        func row(_ label: String, _ base: String, _ scenario: String, _ difference: String = "") -> String {
            TextBlocks.left(label, 34) + TextBlocks.right(base, 16) + TextBlocks.right(scenario, 16) + TextBlocks.right(difference, 16)
        }
        func signed(_ amount: EuroCents) -> String { amount.cents > 0 ? "+" + euro(amount) : euro(amount) }
        func signedFTE(_ value: Fraction) -> String { value > .zero ? "+" + fte(value) : fte(value) }
        var lines = [
            "Simulazione — \(first.base.ambito.name) (\(first.base.ambito.code)), anno \(first.year)",
            "",
            "Modifiche dello scenario:",
        ]
        lines += changes.isEmpty ? ["  (nessuna: lo scenario coincide con la situazione attuale)"] : changes.map { "  - \($0)" }
        lines += ["", row("", "attuale", "scenario", "differenza")]
        lines.append(row("FTE conteggiati", fte(b.fte), fte(s.fte), signedFTE(s.fte - b.fte)))
        lines.append(row("Fascia A", euro(b.bandA.amount), euro(s.bandA.amount), signed(s.bandA.amount - b.bandA.amount)))
        lines.append(row("Fascia B", euro(b.bandB.amount), euro(s.bandB.amount), signed(s.bandB.amount - b.bandB.amount)))
        lines.append(row("CONTRIBUTO", euro(b.total), euro(s.total), signed(first.difference)))
        lines.append(row("Soglia minima (T65) raggiunta", b.meetsMinimum ? "sì" : "no", s.meetsMinimum ? "sì" : "no"))
        lines.append(row("LEP (T50) raggiunto", b.meetsLEP ? "sì" : "no", s.meetsLEP ? "sì" : "no"))
        lines.append(row("Obiettivo (T40) raggiunto", b.meetsObjective ? "sì" : "no", s.meetsObjective ? "sì" : "no"))
        if years.count > 1 {
            lines += ["", "Negli anni (le assunzioni proseguono ad anno intero):", row("anno", "attuale", "scenario", "differenza")]
            for year in years {
                lines.append(row("  \(year.year)", euro(year.base.contribution.total), euro(year.scenario.contribution.total), signed(year.difference)))
            }
        }
        lines += [
            "",
            "Obiettivi per il \(planning.year) (scenario), con assunzioni a tempo pieno dal \(planning.hireStart.italian) (\(NumberFormatting.italian(planning.fteOfOneHire, decimals: 4)) FTE ciascuna nell'anno):",
        ]
        let names = ["minima": "soglia minima 1/6.500", "lep": "LEP 1/5.000", "obiettivo": "obiettivo 1/4.000"]
        for target in planning.targets {
            let hires: String
            if target.missingFTE.isZero {
                hires = "già raggiunto"
            } else if let count = target.hiresNeeded {
                hires = "mancano \(fte(target.missingFTE)) FTE: servono \(count) assunzioni"
            } else {
                hires = "mancano \(fte(target.missingFTE)) FTE: non raggiungibile con assunzioni da quella data"
            }
            lines.append("  - \(names[target.threshold.rawValue] ?? target.threshold.rawValue): \(hires)")
        }
        lines += [
            "",
            "Valore di un'assistente sociale in più a tempo pieno:",
            "  per l'anno intero: \(euro(planning.marginalFullYear))",
            "  se assunta dal \(planning.hireStart.italian): \(euro(planning.marginalFromStart))",
            "",
            "Se la popolazione cambia (FTE dello scenario invariati):",
        ]
        for item in planning.sensitivity {
            let sign = item.percent > 0 ? "+" : ""
            lines.append(
                "  popolazione \(sign)\(item.percent)% (\(NumberFormatting.italian(item.population))): contributo \(euro(item.contribution)) (\(signed(item.contribution - s.total)))"
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
