/// The contribution formula of L. 178/2020, art. 1, comma 797 (docs/regole.md §1):
///
/// ```
/// A = min(max(N − P/6500, 0), P/5000 − P/6500)      euro A = 40.000 × A
/// B = min(max(N − P/5000, 0), P/4000 − P/5000)      euro B = 20.000 × B
/// ```
///
/// Each band is rounded half away from zero to the cent and the contribution is their sum.
public struct ContributionCalculator: Sendable {
    /// The parameter table used (the official one unless a reform is applied).
    public let parameters: ParameterTable

    /// A calculator on `parameters` (by default the values in force by law).
    public init(parameters: ParameterTable = .official) {
        self.parameters = parameters
    }

    /// The contribution for `population` residents and `fte` counted FTE in `year`.
    ///
    /// - Parameters:
    ///   - population: residents of the ATS, 1 to 100 million.
    ///   - fte: counted FTE, 0 to 10 million.
    ///   - year: the year, 2021-2200.
    /// - Returns: thresholds, fasce and contribution, with the parameters applied.
    /// - Throws: ``ContributionError`` for a population or FTE out of range, or a year with no
    ///   parameters in force.
    public func assess(population: Int, fte: Fraction, year: Int) throws(ContributionError) -> ContributionAssessment {
        let inForce: ParametersInForce
        do { inForce = try parameters.inForce(for: year) } catch { throw .parameter(error) }
        return try Self.assess(population: population, fte: fte, parameters: inForce)
    }

    /// The same computation on parameters already resolved for the year.
    static func assess(population: Int, fte: Fraction, parameters: ParametersInForce) throws(ContributionError) -> ContributionAssessment {
        guard population > 0 && population <= Bounds.maximumResidents else { throw .invalidPopulation(population) }
        guard !fte.isNegative && fte <= Fraction(Bounds.maximumFTE) else { throw .invalidFTE(fte) }
        let thresholds = Thresholds(population: population, parameters: parameters)
        func share(_ band: (paid: Fraction, exactEuros: Fraction), amount: EuroCents) -> BandShare {
            BandShare(fte: band.paid, amountPerFTE: amount, exactEuros: band.exactEuros, amount: .rounding(euros: band.exactEuros))
        }
        let bands = Self.bands(fte: fte, thresholds: thresholds, parameters: parameters)
        let bandA = share(bands.a, amount: parameters.bandAAmount.value)
        let bandB = share(bands.b, amount: parameters.bandBAmount.value)
        return ContributionAssessment(
            year: parameters.year, population: population, fte: fte, thresholds: thresholds,
            bandA: bandA, bandB: bandB, total: bandA.amount + bandB.amount, parameters: parameters)
    }

    /// What the formula gives for `population` and `fte`, exact, in euro (both bands, before
    /// rounding): the amount of one comune alone in the DM 15/2021 art. 2 split (c. 4), without
    /// building a whole ``ContributionAssessment`` for each comune. Nil outside the bounds that
    /// ``assess(population:fte:parameters:)`` checks.
    static func exactEuros(population: Int, fte: Fraction, parameters: ParametersInForce) -> Fraction? {
        guard population > 0 && population <= Bounds.maximumResidents, !fte.isNegative && fte <= Fraction(Bounds.maximumFTE) else { return nil }
        // At or under the soglia minima nothing is paid (what the bands below give): one
        // comparison without reducing the three thresholds, for most comuni of a split.
        if fte.isAtMost(population, over: parameters.minimumRatio.value) { return .zero }
        let bands = Self.bands(fte: fte, thresholds: Thresholds(population: population, parameters: parameters), parameters: parameters)
        return bands.a.exactEuros + bands.b.exactEuros
    }

    /// The FTE paid in fascia A (from the soglia minima to the LEP) and in fascia B (from the LEP
    /// to the obiettivo di servizio), each with its exact amount in euro (docs/regole.md §1): the
    /// one place of the formula.
    static func bands(fte: Fraction, thresholds: Thresholds, parameters: ParametersInForce) -> (
        a: (paid: Fraction, exactEuros: Fraction), b: (paid: Fraction, exactEuros: Fraction)
    ) {
        func band(lower: Fraction, upper: Fraction, amount: EuroCents) -> (paid: Fraction, exactEuros: Fraction) {
            // Not above the band's lower bound: nothing paid in it (what the steps below give, in
            // one comparison: most comuni of a split are below the soglia minima on their own).
            guard fte > lower else { return (.zero, .zero) }
            let width = (upper - lower).clampedAtZero
            let paid = Fraction.minimum((fte - lower).clampedAtZero, width)
            return (paid, paid * amount.euros)
        }
        return (
            band(lower: thresholds.minimum, upper: thresholds.lep, amount: parameters.bandAAmount.value),
            band(lower: thresholds.lep, upper: thresholds.objective, amount: parameters.bandBAmount.value)
        )
    }
}
