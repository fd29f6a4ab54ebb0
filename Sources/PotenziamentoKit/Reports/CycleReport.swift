/// The reports of the funding cycle (`potenziamento ciclo`): text and JSON `potenziamento.ciclo.v1`.
enum CycleReport {
    /// The JSON format identifier.
    static let format = "potenziamento.ciclo.v1"

    static func sum(_ values: [EuroCents?]) -> EuroCents { values.compactMap { $0 }.sum() }

    /// The output document: per year the inputs (residents, FTE of each step), the amounts
    /// (`null` where the step has not happened) and totals.
    static func json(_ cycle: FundingCycle, ambito: Ambito?, to output: ReportOutput) {
        let outcomes = cycle.outcomes
        var json = JSONWriter(output)
        json.object { json in
            json.member("formato", format)
            if let ambito {
                json.member("ambito") { json in
                    json.member("codice", ambito.code)
                    json.member("denominazione", ambito.name)
                }
            }
            json.member(array: "anni") { json in
                for (input, o) in zip(cycle.years, outcomes) {
                    json.element { json in
                        json.member("anno", o.year)
                        json.member("popolazione", input.population)
                        // Only when the consuntivo declared other residents (prospetti of two campaigns).
                        if let actual = input.actualPopulation { json.member("popolazioneConsuntivo", actual) }
                        for (key, fte) in [("ftePrevisione", input.forecastFTE), ("fteConsuntivo", input.actualFTE), ("fteCertificato", input.certifiedFTE)] {
                            if let fte { json.member(JSONKey(key), decimal: fte, decimals: 6) } else { json.member(null: JSONKey(key)) }
                        }
                        json.member("prenotato", euro: o.reserved?.total)
                        json.member("calcolatoConsuntivo", euro: o.computedOnActual?.total)
                        json.member("liquidato", euro: o.liquidated)
                        json.member("economia", euro: o.savings)
                        json.member("calcolatoCertificato", euro: o.computedOnCertified?.total)
                        json.member("recupero", euro: o.recovery)
                        if let decreed = o.decreedReserved { json.member("prenotatoDecreto", euro: decreed) }
                        if let decreed = o.decreedLiquidated { json.member("liquidatoDecreto", euro: decreed) }
                        if let recovery = o.recoveryOnDecree { json.member("recuperoSuDecreto", euro: recovery) }
                    }
                }
            }
            json.member("totali") { json in
                json.member("prenotato", euro: sum(outcomes.map { $0.reserved?.total }))
                json.member("liquidato", euro: sum(outcomes.map(\.liquidated)))
                json.member("economia", euro: sum(outcomes.map(\.savings)))
                json.member("recupero", euro: sum(outcomes.map(\.recovery)))
                json.member("nettoDopoRecuperi", euro: sum(outcomes.map(\.liquidated)) - sum(outcomes.map(\.recovery)))
            }
        }
    }

    /// The Italian text table.
    static func text(_ cycle: FundingCycle, ambito: Ambito?, to output: ReportOutput) {
        let (outcomes, years) = (cycle.outcomes, cycle.years)
        func money(_ amount: EuroCents?) -> String { amount.map { NumberFormatting.euro($0) } ?? "—" }
        output.line("Ciclo annuale del contributo\(ambito.map { " — \($0.name) (\($0.code))" } ?? "")")
        // The decree's deadline in force (30 giugno unless replaced with --parametro scadenzaDecreto).
        let deadlines = Set(
            outcomes.compactMap { ($0.reserved ?? $0.computedOnActual ?? $0.computedOnCertified)?.parameters.decreeDeadline.value }
                .map { "\($0.day) \(ItalianMonths.name($0.month))" })
        let deadline = deadlines.count == 1 ? deadlines.first.map { "entro il \($0)" } ?? "" : "entro la scadenza del decreto di ogni anno"
        output.line("(prenotazione \(deadline); liquidato = min(consuntivo, prenotato), D.M. 144/2021 art. 2)")
        output.line()
        let header = ["anno", "prenotato", "su consuntivo", "liquidato", "economia", "su certificato", "recupero"]
        let widths = [6, 16, 16, 16, 16, 16, 16]
        output.line(zip(header, widths).map { TextBlocks.right($0, $1) }.joined())
        for o in outcomes {
            let cells = [
                String(o.year), money(o.reserved?.total), money(o.computedOnActual?.total), money(o.liquidated), money(o.savings),
                money(o.computedOnCertified?.total), money(o.recovery),
            ]
            output.line(zip(cells, widths).map { TextBlocks.right($0, $1) }.joined())
        }
        let totals = [
            "totale", money(sum(outcomes.map { $0.reserved?.total })), "", money(sum(outcomes.map(\.liquidated))),
            money(sum(outcomes.map(\.savings))), "", money(sum(outcomes.map(\.recovery))),
        ]
        output.line(zip(totals, widths).map { TextBlocks.right($0, $1) }.joined())
        let twoPopulations = years.filter { $0.actualPopulation != nil }
        if !twoPopulations.isEmpty {
            output.line()
            for year in twoPopulations {
                output.line(
                    "\(year.year): prenotato sui residenti della previsione (\(NumberFormatting.italian(year.population))), consuntivo e certificato su quelli del consuntivo (\(NumberFormatting.italian(year.actualPopulation ?? year.population)))"
                )
            }
        }
        // Only the decrees there is a computed amount to compare with (the others are warnings of the reading).
        let decreed = outcomes.filter { ($0.decreedReserved != nil && $0.reserved != nil) || ($0.decreedLiquidated != nil && $0.liquidated != nil) }
        if !decreed.isEmpty {
            output.line()
            output.line("Confronto con i decreti ricevuti (differenza = decreto − calcolato):")
            for o in decreed {
                if let amount = o.decreedReserved, let computed = o.reserved?.total {
                    output.line("  \(o.year) prenotato: decreto \(money(amount)), calcolato \(money(computed)), differenza \(money(amount - computed))")
                }
                if let amount = o.decreedLiquidated, let computed = o.liquidated {
                    output.line("  \(o.year) liquidato: decreto \(money(amount)), calcolato \(money(computed)), differenza \(money(amount - computed))")
                }
                // What is recovered of what was actually paid (an officer's trial: the table's
                // recupero, on the computed liquidato, was taken as the amount to budget).
                if let recovery = o.recoveryOnDecree, let paid = o.decreedLiquidated, let certified = o.computedOnCertified?.total, recovery != o.recovery {
                    output.line(
                        "  \(o.year) recupero sul liquidato del decreto: max(\(money(paid)) − \(money(certified)) sul certificato, 0) = \(money(recovery)) (in tabella \(money(o.recovery)), sul liquidato calcolato)"
                    )
                }
            }
        }
        output.line()
        output.line(
            "— passo non ancora avvenuto. Economia: torna al Fondo Povertà (comma 799). Recupero: restituzione dopo la certificazione (come D.M. 125/2024).")
    }
}
