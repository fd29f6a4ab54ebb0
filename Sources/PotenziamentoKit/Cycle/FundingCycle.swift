#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// One year of the funding cycle (docs/regole.md §6): the FTE declared at each step, each optional
/// while the step has not happened yet.
public struct CycleYear: Sendable, Hashable, Codable {
    /// The year Y.
    public var year: Int
    /// Residents of the ATS at 1 January of Y.
    public var population: Int
    /// FTE forecast in the prospetto of 28 February Y (gives the prenotazione).
    public var forecastFTE: Fraction?
    /// FTE actually in service in Y, declared by 28 February Y+1 (gives the liquidazione).
    public var actualFTE: Fraction?
    /// Residents at 1 January of Y as the consuntivo declared them, when they are not
    /// `population` (the prospetti of two campaigns that give different figures): the
    /// consuntivo and the certified FTE are computed on them, the prenotato on `population`.
    /// Nil: `population` for every step.
    public var actualPopulation: Int?
    /// FTE certified afterwards (may give a recovery).
    public var certifiedFTE: Fraction?
    /// The prenotato of the decree received for Y, if any (to compare with the computed one).
    public var decreedReserved: EuroCents?
    /// The liquidato of the decree received for Y, if any (to compare with the computed one).
    public var decreedLiquidated: EuroCents?

    /// A year of the cycle.
    public init(
        year: Int, population: Int, forecastFTE: Fraction? = nil, actualFTE: Fraction? = nil, certifiedFTE: Fraction? = nil,
        decreedReserved: EuroCents? = nil, decreedLiquidated: EuroCents? = nil, actualPopulation: Int? = nil
    ) {
        self.year = year
        self.population = population
        self.forecastFTE = forecastFTE
        self.actualFTE = actualFTE
        self.actualPopulation = actualPopulation
        self.certifiedFTE = certifiedFTE
        self.decreedReserved = decreedReserved
        self.decreedLiquidated = decreedLiquidated
    }

    private enum CodingKeys: String, CodingKey {
        case year, population, forecastFTE, actualFTE, certifiedFTE, decreedReserved, decreedLiquidated, actualPopulation
    }

    /// Decodes a year, its year and residents exactly (`49999.99999999999999` is not read as
    /// 50.000); the year is checked when it is recorded (``FundingCycle/record(_:)``).
    ///
    /// - Throws: `DecodingError` for a missing field or a number that is not exactly an integer.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let hasActualPopulation = try container.contains(.actualPopulation) && !container.decodeNil(forKey: .actualPopulation)
        self.init(
            year: try container.decodeExactInteger(forKey: .year), population: try container.decodeExactInteger(forKey: .population),
            forecastFTE: try container.decodeIfPresent(Fraction.self, forKey: .forecastFTE),
            actualFTE: try container.decodeIfPresent(Fraction.self, forKey: .actualFTE),
            certifiedFTE: try container.decodeIfPresent(Fraction.self, forKey: .certifiedFTE),
            decreedReserved: try container.decodeIfPresent(EuroCents.self, forKey: .decreedReserved),
            decreedLiquidated: try container.decodeIfPresent(EuroCents.self, forKey: .decreedLiquidated),
            actualPopulation: hasActualPopulation ? try container.decodeExactInteger(forKey: .actualPopulation) : nil)
    }
}

/// What the cycle gives for a year; `nil` where the step has not happened.
public struct CycleOutcome: Sendable, Hashable, Codable {
    /// The year.
    public let year: Int
    /// prenotato(Y): the contribution on the forecast (decree by 30 June Y).
    public let reserved: ContributionAssessment?
    /// The contribution computed on the consuntivo.
    public let computedOnActual: ContributionAssessment?
    /// liquidato(Y) = min(contribution on the consuntivo, prenotato) (DM 144/2021, art. 2).
    public let liquidated: EuroCents?
    /// economia(Y) = prenotato − liquidato, returned to the Fondo Povertà (comma 799).
    public let savings: EuroCents?
    /// The contribution on the certified FTE.
    public let computedOnCertified: ContributionAssessment?
    /// recupero(Y) = max(liquidato − contribution on the certified FTE, 0) (as DM 125/2024 did).
    public let recovery: EuroCents?
    /// The prenotato of the decree received, if given.
    public let decreedReserved: EuroCents?
    /// The liquidato of the decree received, if given.
    public let decreedLiquidated: EuroCents?

    /// The recupero on what the decree actually liquidated: max(liquidato del decreto −
    /// contribution on the certified FTE, 0) (docs/regole.md §6, «Decreti ricevuti»). It differs
    /// from ``recovery`` when the decree paid another amount than the computed liquidato (a fund
    /// reduced for every ATS). Nil without the decree's liquidato or the certified FTE.
    public var recoveryOnDecree: EuroCents? {
        guard let paid = decreedLiquidated, let certified = computedOnCertified else { return nil }
        return Self.recovery(paid: paid, certified: certified.total)
    }

    /// recupero = max(what was paid − the contribution on the certified FTE, 0): a higher
    /// certified figure does not raise what was paid (docs/regole.md §6).
    static func recovery(paid: EuroCents, certified: EuroCents) -> EuroCents { max(paid - certified, .zero) }

    /// The outcome of a year from the contributions of its steps (docs/regole.md §6): the one
    /// rule of liquidato, economia and recupero, for a cycle and for a decoded outcome.
    init(
        year: Int, reserved: ContributionAssessment?, computedOnActual actual: ContributionAssessment?,
        computedOnCertified certified: ContributionAssessment?, decreedReserved: EuroCents?, decreedLiquidated: EuroCents?
    ) {
        let liquidated = actual.map { computed in min(computed.total, reserved?.total ?? .zero) }
        self.year = year
        self.reserved = reserved
        self.computedOnActual = actual
        self.liquidated = liquidated
        savings = liquidated.map { (reserved?.total ?? .zero) - $0 }
        computedOnCertified = certified
        recovery = certified.map { computed in Self.recovery(paid: liquidated ?? .zero, certified: computed.total) }
        self.decreedReserved = decreedReserved
        self.decreedLiquidated = decreedLiquidated
    }
}

/// The yearly cycle prenotazione → liquidazione → certificazione of an ATS (docs/regole.md §6).
/// Feed it year by year; it never raises an amount already liquidated.
public struct FundingCycle: Sendable, Hashable, Codable {
    /// The years recorded, in order.
    public private(set) var years: [CycleYear] = []
    /// The outcome of every recorded year, in order.
    public private(set) var outcomes: [CycleOutcome] = []
    /// The parameter table used.
    public let parameters: ParameterTable

    /// An empty cycle on `parameters`.
    public init(parameters: ParameterTable = .official) { self.parameters = parameters }

    /// A problem with a year of the cycle.
    public enum CycleError: Error, LocalizedError, Sendable, Hashable, CustomStringConvertible {
        /// A later step is given while an earlier one is missing.
        case stepWithoutPrevious(year: Int, step: String, missing: String)
        /// The year appears twice.
        case duplicateYear(Int)
        /// The contribution cannot be computed (population, FTE or parameters).
        case contribution(year: Int, ContributionError)
        /// An amount of a decree is negative or beyond 1.000 miliardi.
        case invalidAmount(year: Int, String)

        public var description: String {
            switch self {
            case .stepWithoutPrevious(let year, let step, let missing):
                "anno \(year): c'è \(step) ma non \(missing) (i passi del ciclo vanno in ordine: previsione, consuntivo, certificato)"
            case .duplicateYear(let year): "anno \(year) indicato due volte"
            // A year out of range already names the year.
            case .contribution(_, .parameter(.yearOutOfRange(let year))): "\(ParameterError.yearOutOfRange(year))"
            case .contribution(let year, let error): "anno \(year): \(error)"
            case .invalidAmount(let year, let reason): "anno \(year): \(reason)"
            }
        }

        /// The Italian message.
        public var errorDescription: String? { description }
    }

    /// Adds a year (checked: a year of the measure (2021-2200), a population from 1 to 100
    /// million, decree amounts from 0 to 1.000 miliardi, steps in order, year not repeated,
    /// amounts computable), with or without steps.
    ///
    /// - Throws: ``CycleError`` when the year is repeated, a step comes without the previous one,
    ///   or an amount cannot be computed (population, FTE or parameters out of range).
    public mutating func record(_ year: CycleYear) throws(CycleError) {
        if years.contains(where: { $0.year == year.year }) { throw .duplicateYear(year.year) }
        outcomes.append(try outcome(of: year))
        years.append(year)
    }

    /// The checks of a year on its own, the same for ``record(_:)`` and ``outcome(of:)``.
    private static func check(_ year: CycleYear) throws(CycleError) {
        // Every year is checked, with or without steps: a year of the measure, a population, decrees in measure.
        guard Bounds.years.contains(year.year) else { throw .contribution(year: year.year, .parameter(.yearOutOfRange(year.year))) }
        for population in [year.population] + (year.actualPopulation.map { [$0] } ?? []) {
            do { try Residents.check(population) } catch { throw .contribution(year: year.year, .invalidPopulation(population)) }
        }
        for (amount, what) in [(year.decreedReserved, "prenotato del decreto"), (year.decreedLiquidated, "liquidato del decreto")] {
            guard let amount else { continue }
            guard !amount.isNegative, amount.cents <= BigInt(Bounds.maximumEuros) * 100 else {
                throw .invalidAmount(
                    year: year.year, "\(what) fuori misura: \(NumberFormatting.euro(amount)) (da 0 a \(NumberFormatting.italian(Bounds.maximumEuros)) euro)")
            }
        }
        if year.actualFTE != nil && year.forecastFTE == nil {
            throw .stepWithoutPrevious(year: year.year, step: "il consuntivo", missing: "la previsione")
        }
        if year.certifiedFTE != nil && year.actualFTE == nil {
            throw .stepWithoutPrevious(year: year.year, step: "il certificato", missing: "il consuntivo")
        }
    }

    /// The outcome of one year: prenotato, liquidato, economia and recupero where the steps happened.
    ///
    /// - Throws: ``CycleError`` for a year that ``record(_:)`` refuses on its own (out of
    ///   2021-2200, a population or a decree amount out of range, a step without the previous
    ///   one) or when an amount cannot be computed.
    public func outcome(of year: CycleYear) throws(CycleError) -> CycleOutcome {
        try Self.check(year)
        let calculator = ContributionCalculator(parameters: parameters)
        func assess(_ fte: Fraction?, population: Int) throws(CycleError) -> ContributionAssessment? {
            guard let fte else { return nil }
            do { return try calculator.assess(population: population, fte: fte, year: year.year) } catch {
                throw .contribution(year: year.year, error)
            }
        }
        // The consuntivo and the certification on the residents the consuntivo declared.
        let actualPopulation = year.actualPopulation ?? year.population
        return CycleOutcome(
            year: year.year, reserved: try assess(year.forecastFTE, population: year.population),
            computedOnActual: try assess(year.actualFTE, population: actualPopulation),
            computedOnCertified: try assess(year.certifiedFTE, population: actualPopulation), decreedReserved: year.decreedReserved,
            decreedLiquidated: year.decreedLiquidated)
    }

    private enum CodingKeys: String, CodingKey { case parameters, years, outcomes }

    /// Decodes the parameters and the years, recording each year again (so the cycle is checked
    /// and its outcomes recomputed).
    ///
    /// - Throws: `DecodingError.dataCorrupted` for a year that ``record(_:)`` refuses.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        var cycle = FundingCycle(parameters: try container.decode(ParameterTable.self, forKey: .parameters))
        for year in try container.decode([CycleYear].self, forKey: .years) {
            do { try cycle.record(year) } catch {
                throw DecodingError.dataCorruptedError(forKey: .years, in: container, debugDescription: error.description)
            }
        }
        self = cycle
    }

    /// Encodes the parameters, the years and their outcomes.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(parameters, forKey: .parameters)
        try container.encode(years, forKey: .years)
        try container.encode(outcomes, forKey: .outcomes)
    }
}
