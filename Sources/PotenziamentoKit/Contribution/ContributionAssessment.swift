/// The share of one fascia (band) of the contribution: the FTE paid in it and their amount.
public struct BandShare: Sendable, Hashable, Codable {
    /// FTE paid in the band (exact).
    public let fte: Fraction
    /// The euro per FTE of the band.
    public let amountPerFTE: EuroCents
    /// `fte × amountPerFTE`, exact.
    public let exactEuros: Fraction
    /// The exact amount rounded half away from zero to the cent (docs/regole.md §5).
    public let amount: EuroCents
}

/// The contribution of comma 797 for one ATS and year, with everything it was computed from.
public struct ContributionAssessment: Sendable, Hashable, Codable {
    /// The reference year.
    public let year: Int
    /// Residents of the ATS (P).
    public let population: Int
    /// FTE of counted social workers (N).
    public let fte: Fraction
    /// P/6.500, P/5.000, P/4.000.
    public let thresholds: Thresholds
    /// Fascia A: 40.000 € per FTE above P/6.500 and up to P/5.000.
    public let bandA: BandShare
    /// Fascia B: 20.000 € per FTE above P/5.000 and up to P/4.000.
    public let bandB: BandShare
    /// The contribution: the sum of the two rounded bands.
    public let total: EuroCents
    /// The parameters applied, with their references.
    public let parameters: ParametersInForce

    /// Whether N ≥ P/6.500 (the soglia minima is reached).
    public var meetsMinimum: Bool { fte >= thresholds.minimum }
    /// Whether N ≥ P/5.000 (the LEP is met).
    public var meetsLEP: Bool { fte >= thresholds.lep }
    /// Whether N ≥ P/4.000 (the obiettivo di servizio is met).
    public var meetsObjective: Bool { fte >= thresholds.objective }
    /// FTE still missing to reach P/6.500 (zero when reached).
    public var missingToMinimum: Fraction { (thresholds.minimum - fte).clampedAtZero }
    /// FTE still missing to reach the LEP P/5.000 (zero when reached).
    public var missingToLEP: Fraction { (thresholds.lep - fte).clampedAtZero }
    /// FTE still missing to reach P/4.000 (zero when reached).
    public var missingToObjective: Fraction { (thresholds.objective - fte).clampedAtZero }

    /// How many steps of ``explanation`` come first as its inputs, P and N ("dato di input"):
    /// a report that explains where they come from (the roster's sum, the figure declared) puts its
    /// own steps in their place.
    static let explainedInputs = 2

    /// How the contribution was obtained, step by step, citing the parameters.
    public var explanation: Explanation {
        let p = NumberFormatting.italian(population)
        // Figures in the rules marked ≈ when shown rounded (docs/regole.md §5).
        let n = NumberFormatting.italianMarkingRounding(fte, decimals: 4)
        func ratioStep(_ title: String, _ value: Fraction, _ ratio: ResolvedParameter<Int>) -> Explanation {
            Explanation(
                title: title, value: NumberFormatting.italianMarkingRounding(value, decimals: 4),
                rule: "popolazione / \(NumberFormatting.italian(ratio.value)) = \(p) / \(NumberFormatting.italian(ratio.value))",
                parameters: [ParameterCitation(ratio, text: "1/\(NumberFormatting.italian(ratio.value))")])
        }
        let t65 = ratioStep("Soglia minima T65", thresholds.minimum, parameters.minimumRatio)
        let t50 = ratioStep("LEP T50", thresholds.lep, parameters.lepRatio)
        let t40 = ratioStep("Obiettivo di servizio T40", thresholds.objective, parameters.objectiveRatio)
        // The first ``explainedInputs`` steps.
        let inputs = [
            Explanation(title: "Popolazione residente P", value: p, rule: "dato di input (residenti al 1° gennaio \(year))"),
            // A figure shown rounded is marked ≈ (docs/regole.md §5).
            Explanation(
                title: "FTE conteggiati N", value: NumberFormatting.italianMarkingRounding(fte, decimals: 4),
                rule: "dato di input (assistenti sociali a tempo indeterminato, in equivalente a tempo pieno)"),
        ]
        func bandStep(
            _ title: String, _ band: BandShare, lower: Fraction, upper: Fraction, lowerName: String, upperName: String,
            amount: ResolvedParameter<EuroCents>, thresholdSteps: [Explanation]
        ) -> Explanation {
            let f = { (value: Fraction) in NumberFormatting.italianMarkingRounding(value, decimals: 4) }
            let fteStep = Explanation(
                title: "\(title): FTE", value: NumberFormatting.italianMarkingRounding(band.fte, decimals: 4),
                rule: "min(max(N − \(lowerName); 0); \(upperName) − \(lowerName)) = min(max(\(n) − \(f(lower)); 0); \(f(upper)) − \(f(lower)))",
                steps: thresholdSteps)
            return Explanation(
                title: "\(title): importo", value: NumberFormatting.euro(band.amount),
                rule:
                    "FTE × \(NumberFormatting.euro(amount.value)) = \(NumberFormatting.exactItalian(band.fte)) × \(NumberFormatting.euro(amount.value)), arrotondato al centesimo (metà per eccesso)",
                parameters: [ParameterCitation(amount, text: NumberFormatting.euro(amount.value))],
                steps: [fteStep])
        }
        let bandAStep = bandStep(
            "Fascia A", bandA, lower: thresholds.minimum, upper: thresholds.lep, lowerName: "T65", upperName: "T50",
            amount: parameters.bandAAmount, thresholdSteps: [t65, t50])
        let bandBStep = bandStep(
            "Fascia B", bandB, lower: thresholds.lep, upper: thresholds.objective, lowerName: "T50", upperName: "T40",
            amount: parameters.bandBAmount, thresholdSteps: [t50, t40])
        assert(inputs.count == Self.explainedInputs, "the reports replace the first steps by position")
        return Explanation(
            title: "Contributo \(year)", value: NumberFormatting.euro(total),
            rule: "fascia A + fascia B = \(NumberFormatting.euro(bandA.amount)) + \(NumberFormatting.euro(bandB.amount)) (L. 178/2020, art. 1, comma 797)",
            steps: inputs + [bandAStep, bandBStep])
    }
}
