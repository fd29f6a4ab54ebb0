/// One ATS of a national table: residents, FTE and the amount already recognised for earlier
/// years and due from this year's fund (`pregresso`).
public struct AllocationEntry: Sendable, Hashable {
    /// The ATS code.
    public let code: String
    /// The ATS name.
    public let name: String
    /// Residents (P).
    public let population: Int
    /// Counted FTE (N).
    public let fte: Fraction
    /// Amount recognised for earlier years, paid whole from this year's fund.
    public let previous: EuroCents
    /// Where it was read.
    public let place: SourcePlace

    /// An entry.
    public init(code: String, name: String, population: Int, fte: Fraction, previous: EuroCents = .zero, place: SourcePlace) {
        self.code = code
        self.name = name
        self.population = population
        self.fte = fte
        self.previous = previous
        self.place = place
    }
}

/// The national riparto of a year with the fund cap (RULES.md §6): amounts already recognised
/// for earlier years are kept whole; if the new contributions exceed what is left of the fund,
/// they are all reduced by one coefficient, cents by largest remainder so the assigned amounts
/// add up exactly to what is left.
public struct NationalAllocation: Sendable {
    /// The year.
    public let year: Int
    /// The fund available in the year.
    public let fund: EuroCents
    /// The entries, in input order.
    public let entries: [AllocationEntry]
    /// The contribution of each entry (comma 797), in input order.
    public let contributions: [ContributionAssessment]
    /// The amount assigned to each entry after the reduction, in input order.
    public let assigned: [EuroCents]
    /// The share of the new contributions paid: min(1, (fund − previous) / requested), exact.
    public let coefficient: Fraction

    /// The sum of the amounts recognised for earlier years.
    public var previousTotal: EuroCents { entries.map(\.previous).sum() }
    /// The sum of the new contributions requested.
    public var requested: EuroCents { contributions.map(\.total).sum() }
    /// The sum of the assigned amounts.
    public var assignedTotal: EuroCents { assigned.sum() }
    /// Whether the fund forced a reduction.
    public var isReduced: Bool { coefficient < .one }

    /// The riparto of `entries` in `year` with `fund` (by default the fund in force).
    public static func compute(
        _ entries: [AllocationEntry], year: Int, fund: EuroCents? = nil, parameters: ParameterTable = .official
    ) throws(ContributionError) -> NationalAllocation {
        let inForce: ParametersInForce
        do { inForce = try parameters.inForce(for: year) } catch { throw .parameter(error) }
        for entry in entries {
            guard entry.population > 0 && entry.population <= ContributionError.maximumPopulation else {
                throw .invalidPopulation(entry.population)
            }
            guard !entry.fte.isNegative && entry.fte <= ContributionError.maximumFTE else { throw .invalidFTE(entry.fte) }
        }
        let available = fund ?? inForce.fund.value
        let contributions = entries.map { ContributionCalculator.assess(population: $0.population, fte: $0.fte, parameters: inForce) }
        let requested = contributions.map(\.total).sum()
        let left = max(available - entries.map(\.previous).sum(), .zero)
        let coefficient: Fraction
        let assigned: [EuroCents]
        if requested <= left {
            coefficient = .one
            assigned = contributions.map(\.total)
        } else {
            coefficient = Fraction(Int128(left.cents), Int128(requested.cents))
            assigned = LargestRemainder.distribute(left, exactShares: contributions.map { Fraction(Int128($0.total.cents)) * coefficient })
        }
        return NationalAllocation(year: year, fund: available, entries: entries, contributions: contributions, assigned: assigned, coefficient: coefficient)
    }

    /// How many ATS are below T65, between T65 and the LEP, at or above the LEP, at or above T40.
    public var counts: (belowMinimum: Int, betweenMinimumAndLEP: Int, atLeastLEP: Int, atLeastObjective: Int) {
        var result = (0, 0, 0, 0)
        for assessment in contributions {
            if !assessment.meetsMinimum {
                result.0 += 1
            } else if !assessment.meetsLEP {
                result.1 += 1
            } else {
                result.2 += 1
            }
            if assessment.meetsObjective { result.3 += 1 }
        }
        return result
    }

    /// FTE missing nationally to bring every ATS to T65, the LEP and T40 (the UPB figure).
    public var missingFTE: (minimum: Fraction, lep: Fraction, objective: Fraction) {
        (contributions.map(\.missingToMinimum).sum(), contributions.map(\.missingToLEP).sum(), contributions.map(\.missingToObjective).sum())
    }
}
