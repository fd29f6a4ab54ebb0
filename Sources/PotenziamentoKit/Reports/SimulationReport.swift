/// The reports of a what-if simulation (`potenziamento simula`): the Italian side-by-side text
/// and JSON `potenziamento.simulazione.v1`.
enum SimulationReport {
    /// The JSON format identifier.
    static let format = "potenziamento.simulazione.v1"

    /// The `potenziamento.simulazione.v1` document: the first year in `base`/`scenario`, the
    /// others in `anni`.
    static func json(_ years: [ScenarioYear], planning: PlanningFigures, changes: [AppliedChange], to output: ReportOutput) {
        var json = JSONWriter(output)
        json.object { json in
            json.member("formato", format)
            guard let first = years.first else { return }
            let c = first.scenario.contribution
            json.member("anno", first.year)
            json.member("base") { json in AssessmentReport.members(first.base, explain: false, into: &json) }
            json.member("scenario") { json in AssessmentReport.members(first.scenario, explain: false, into: &json) }
            json.member("differenza", euro: first.difference)
            ContributionReport.shortfalls(c.missingToMinimum, c.missingToLEP, c.missingToObjective, into: &json)
            json.member(array: "modifiche") { json in
                for change in changes {
                    json.element { json in
                        json.member("tipo", change.kind)
                        json.member("descrizione", change.description)
                        if let id = change.id { json.member("id", id.text) }
                        if let from = change.from { json.member("dal", from.iso) }
                        if let fte = change.fteInYear { json.member("fteNellAnno", decimal: fte) }
                        if let exclusion = change.exclusion { json.member("nonConta", exclusion.rawValue) }
                    }
                }
            }
            json.member(array: "ripartoComuni") { json in
                for (base, scenario) in zip(first.base.split.shares, first.scenario.split.shares) {
                    json.element { json in
                        json.member("ente", scenario.recipient.description)
                        json.member("denominazione", scenario.name)
                        json.member("base", euro: base.amount)
                        json.member("scenario", euro: scenario.amount)
                        json.member("differenza", euro: scenario.amount - base.amount)
                    }
                }
            }
            json.member("obiettivi") { json in
                json.member("dataAssunzione", planning.hireStart.iso)
                json.member("ftePerAssunzione", decimal: planning.fteOfOneHire)
                json.member("assunzioniNecessarie") { json in
                    for target in planning.targets {
                        if let hires = target.hiresNeeded {
                            json.member(JSONKey(vocabulary: target.threshold.rawValue), integer: hires)
                        } else {
                            json.member(null: JSONKey(vocabulary: target.threshold.rawValue))
                        }
                    }
                }
                json.member("valoreMarginaleAnnoIntero", euro: planning.marginalFullYear)
                json.member("valoreMarginaleDallaData", euro: planning.marginalFromStart)
            }
            json.member(array: "sensibilitaPopolazione") { json in
                for item in planning.sensitivity {
                    json.element { json in
                        json.member("variazionePercentuale", item.percent)
                        json.member("popolazione", item.population)
                        json.member("contributo", euro: item.contribution)
                    }
                }
            }
            json.member(array: "anni") { json in
                for year in years {
                    json.element { json in
                        json.member("anno", year.year)
                        json.member("fteBase", decimal: year.base.fte)
                        json.member("fteScenario", decimal: year.scenario.fte)
                        json.member("contributoBase", euro: year.base.contribution.total)
                        json.member("contributoScenario", euro: year.scenario.contribution.total)
                        json.member("differenza", euro: year.difference)
                    }
                }
            }
        }
    }

    /// The Italian side-by-side report an ATS manager reads.
    static func text(_ years: [ScenarioYear], planning: PlanningFigures, changes: [AppliedChange], sources: [String], to output: ReportOutput) {
        guard let first = years.first else { return }
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
            "FTE calcolati per \(first.base.method.label)",
            "",
            "Modifiche dello scenario\(sources.isEmpty ? "" : " (" + sources.joined(separator: "; ") + ")"):",
        ]
        // Only the law changed (--parametro): not «coincide», with a contribution that differs (a trial of simula).
        let lawChanged = years.contains { $0.scenario.contribution.parameters != $0.base.contribution.parameters }
        lines +=
            !changes.isEmpty
            ? changes.map { "  - \($0.description)" }
            : lawChanged
                ? ["  (nessuna al personale o ai residenti: nello scenario cambiano solo i parametri di legge indicati sopra)"]
                : ["  (nessuna: lo scenario coincide con la situazione attuale)"]
        if changes.contains(where: { $0.kind == "cessazione" }) {
            lines.append(
                "  (cessazione: la data indicata è il primo giorno senza servizio; nell'elenco del personale invece «al» è l'ultimo giorno di servizio)")
        }
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
        let names: [Threshold: String] = [.minima: "soglia minima", .lep: "LEP", .obiettivo: "obiettivo"]
        for target in planning.targets {
            let hires: String
            if target.missingFTE.isZero {
                hires = "già raggiunto"
            } else if let count = target.hiresNeeded {
                hires = "mancano \(fte(target.missingFTE.roundedUp(decimals: 2))) FTE: \(count == 1 ? "serve 1 assunzione" : "servono \(count) assunzioni")"
            } else {
                hires = "mancano \(fte(target.missingFTE.roundedUp(decimals: 2))) FTE: non raggiungibile con assunzioni da quella data"
            }
            lines.append("  - \(names[target.threshold] ?? target.threshold.rawValue) \(s.parameters.ratioText(target.threshold)): \(hires)")
        }
        lines += ["", "Effetto sul riparto tra i comuni (D.M. 15/2021, art. 2), anno \(first.year):", row("", "attuale", "scenario", "differenza")]
        for (base, scenario) in zip(first.base.split.shares, first.scenario.split.shares) {
            lines.append(row("  \(String(scenario.name.prefix(31)))", euro(base.amount), euro(scenario.amount), signed(scenario.amount - base.amount)))
        }
        lines += [
            "",
            "Valore di un'assistente sociale in più a tempo pieno, oltre alle modifiche dello scenario (contributo \(euro(s.total))):",
            "  per l'anno intero: \(euro(planning.marginalFullYear))",
            "  se assunta dal \(planning.hireStart.italian): \(euro(planning.marginalFromStart))",
        ]
        // Past the objective (1/4.000 unless replaced) the contribution does not grow: a hire is worth only what it takes to reach it.
        let objective = "l'obiettivo \(s.parameters.ratioText(.obiettivo)) di \(NumberFormatting.italian(s.thresholds.objective, decimals: 2)) FTE"
        if s.fte > s.thresholds.objective {
            // How much of the scenario earns nothing (an officer's trial: only «0,00 €» hinted at it).
            lines.append(
                "  (lo scenario ha \(NumberFormatting.italianMarkingRounding(s.fte - s.thresholds.objective, decimals: 2)) FTE oltre l'obiettivo \(s.parameters.ratioText(.obiettivo)) (\(NumberFormatting.italian(s.thresholds.objective, decimals: 2)) FTE), che non danno contributo: oltre l'obiettivo il contributo non cresce)"
            )
        } else if s.fte == s.thresholds.objective {
            lines.append("  (lo scenario raggiunge già \(objective): oltre, il contributo non cresce)")
        } else if s.fte + planning.fteOfOneHire > s.thresholds.objective {
            lines.append("  (con un'assunzione in più si supera \(objective): oltre, il contributo non cresce)")
        } else if s.fte + .one <= s.thresholds.minimum {
            // Under the soglia minima nothing is paid: a 0 € that is not «hiring is pointless» (a trial of simula).
            let minimum = planning.targets.first { $0.threshold == .minima }
            let needed =
                minimum?.hiresNeeded.map { "; per raggiungerla: \($0 == 1 ? "1 assunzione" : "\($0) assunzioni") dal \(planning.hireStart.italian)" } ?? ""
            lines.append(
                "  (lo scenario è sotto la soglia minima \(s.parameters.ratioText(.minima)) di \(NumberFormatting.italian(s.thresholds.minimum, decimals: 2)) FTE: fino alla soglia il contributo è nullo, e un'assunzione in più non la supera\(needed))"
            )
        }
        lines += ["", "Se la popolazione cambia (FTE dello scenario invariati):"]
        if planning.sensitivity.count < PlanningFigures.sensitivityPercentages.count {
            lines.append("  (le variazioni che portano la popolazione oltre \(NumberFormatting.italian(Bounds.maximumResidents)) residenti non sono calcolate)")
        }
        for item in planning.sensitivity {
            let sign = item.percent > 0 ? "+" : ""
            lines.append(
                "  popolazione \(sign)\(item.percent)% (\(NumberFormatting.italian(item.population))): contributo \(euro(item.contribution)) (\(signed(item.contribution - s.total)))"
            )
        }
        for line in lines { output.line(line) }
    }
}
