/// The three staffing thresholds of an ATS for its population (L. 178/2020, art. 1, comma 797).
///
/// `minimum` = P/6.500 (below it nothing is paid), `lep` = P/5.000 (the LEP),
/// `objective` = P/4.000 (the obiettivo di servizio). Exact fractions, never rounded.
public struct Thresholds: Sendable, Hashable, Codable {
    /// P/6.500: the soglia minima.
    public let minimum: Fraction
    /// P/5.000: the livello essenziale delle prestazioni.
    public let lep: Fraction
    /// P/4.000: the obiettivo di servizio.
    public let objective: Fraction

    /// The thresholds of `population` under the ratios in force (ratios are positive by
    /// construction of ``ParameterTable``).
    init(population: Int, parameters: ParametersInForce) {
        minimum = Fraction(population, parameters.minimumRatio.value)
        lep = Fraction(population, parameters.lepRatio.value)
        objective = Fraction(population, parameters.objectiveRatio.value)
    }
}
