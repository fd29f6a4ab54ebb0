/// A staff record that counts, with its FTE in the year.
public struct CountedRecord: Sendable, Hashable {
    /// The person's id.
    public let id: String
    /// The employer.
    public let employer: Employer
    /// FTE in the year (exact).
    public let fte: Fraction
    /// The area split in percent (empty when not indicated).
    public let areas: [ActivityArea: Fraction]
    /// Where it was read.
    public let place: SourcePlace
}

/// A staff record that does not count, with the first reason (RULES.md §2).
public struct ExcludedRecord: Sendable, Hashable {
    /// The person's id.
    public let id: String
    /// The first failing condition.
    public let reason: ExclusionReason
    /// Where it was read.
    public let place: SourcePlace
}

/// FTE per area di attività; the five areas and `non_indicata` always add up to the total.
public struct AreaBreakdown: Sendable, Hashable {
    /// FTE per area (every area present, possibly zero).
    public let perArea: [ActivityArea: Fraction]
    /// FTE of persons with no area split.
    public let unspecified: Fraction

    /// The sum of all areas and `non_indicata`.
    public var total: Fraction { ActivityArea.allCases.map { perArea[$0] ?? .zero }.sum() + unspecified }
}

/// The annual assessment of one ATS from its roster (`potenziamento calcola`): who counts, the
/// FTE, the contribution and its split among the comuni.
public struct AnnualAssessment: Sendable, Hashable {
    /// The ATS.
    public let ambito: Ambito
    /// The reference year.
    public let year: Int
    /// The FTE counting method.
    public let method: FTEMethod
    /// Residents of each comune at 1 January of the year, in input order.
    public let residents: [(code: String, name: String, residents: Int)]
    /// The counted records, in input order.
    public let counted: [CountedRecord]
    /// The excluded records, in input order.
    public let excluded: [ExcludedRecord]
    /// FTE per area.
    public let areas: AreaBreakdown
    /// The contribution on the total population and FTE.
    public let contribution: ContributionAssessment
    /// The split among comuni and capofila.
    public let split: MunicipalSplit
    /// Warnings for the year (no area split, no service in the year, ...).
    public let warnings: [InputDiagnostic]

    /// Residents of the ATS (sum of the comuni).
    public var population: Int { contribution.population }
    /// FTE of the counted records.
    public var fte: Fraction { contribution.fte }

    public static func == (lhs: AnnualAssessment, rhs: AnnualAssessment) -> Bool {
        lhs.ambito == rhs.ambito && lhs.year == rhs.year && lhs.method == rhs.method && lhs.counted == rhs.counted
            && lhs.excluded == rhs.excluded && lhs.contribution == rhs.contribution && lhs.split == rhs.split
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(ambito)
        hasher.combine(year)
        hasher.combine(contribution)
    }
}

/// A problem that prevents an assessment.
public enum AssessmentError: Error, Sendable, CustomStringConvertible {
    /// The roster is invalid for the year (e.g. a comune has no residents for it).
    case invalidInput(InputError)
    /// A legal parameter is not in force in the year.
    case parameter(ParameterError)

    public var description: String {
        switch self {
        case .invalidInput(let error): error.description
        case .parameter(let error): error.description
        }
    }
}

/// Assesses rosters: eligibility, FTE, population, contribution and split (RULES.md §2-§7).
public struct RosterAssessor: Sendable {
    /// The parameter table (official unless a reform is applied).
    public let parameters: ParameterTable
    /// The FTE counting method.
    public let method: FTEMethod

    /// An assessor.
    public init(parameters: ParameterTable = .official, method: FTEMethod = .days) {
        self.parameters = parameters
        self.method = method
    }

    /// The assessment of `roster` for `year`.
    public func assess(_ roster: Roster, year: Int) throws(AssessmentError) -> AnnualAssessment {
        let inForce: ParametersInForce
        do { inForce = try parameters.inForce(for: year) } catch { throw .parameter(error) }
        var diagnostics = Diagnostics()
        var residents: [(code: String, name: String, residents: Int)] = []
        for municipality in roster.municipalities {
            if let value = municipality.residents.value(in: year) {
                residents.append((municipality.istatCode, municipality.name, value))
            } else {
                diagnostics.error(
                    municipality.place.field("popolazione"),
                    "manca la popolazione del comune \(municipality.istatCode) (\(municipality.name)) al 1° gennaio \(year)")
            }
        }
        let population = residents.reduce(0) { $0 + $1.residents }
        if population > ContributionError.maximumPopulation {
            diagnostics.error(SourcePlace(file: roster.source, position: .file), "popolazione totale fuori misura: \(population)")
        }
        if diagnostics.hasErrors { throw .invalidInput(InputError(diagnostics: diagnostics.errors)) }

        let counter = FTECounter(year: year, method: method)
        var counted: [CountedRecord] = []
        counted.reserveCapacity(roster.staff.count)
        var excluded: [ExcludedRecord] = []
        var totalUnits: Int64 = 0
        var areaUnits = [Int128](repeating: 0, count: ActivityArea.allCases.count)
        var unspecifiedUnits: Int64 = 0
        var ownUnits: [String: Int64] = [:]
        var leadUnits: Int64 = 0
        // Records are borrowed from the roster's storage, not copied (this loop runs once per record).
        roster.staff.withUnsafeBufferPointer { staff in
            for position in staff.indices {
                let record = staff[position]
                if let reason = Eligibility.exclusionReason(for: record) {
                    excluded.append(ExcludedRecord(id: record.id, reason: reason, place: record.place))
                    continue
                }
                let units = counter.units(of: record.periods)
                totalUnits += units
                if units == 0 {
                    diagnostics.warning(record.place, "«\(record.id)» non ha giorni di servizio nel \(year): conteggiato con 0 FTE")
                }
                if record.areas.isEmpty {
                    unspecifiedUnits += units
                    if units > 0 {
                        diagnostics.warning(record.place, "«\(record.id)» non ha la ripartizione per area di attività: i suoi FTE vanno in «non indicata»")
                    }
                } else {
                    for (area, share) in record.areas {
                        // Shares have at most 4 decimals: share × 10.000 is an integer (per 1.000.000 of 100%).
                        let scaled = share.exactlyScaled(by: 10_000) ?? (share * Fraction(10_000)).floor
                        areaUnits[area.index] += Int128(units) * scaled
                    }
                }
                if record.employer.kind == .comune, let code = record.employer.istatCode {
                    ownUnits[code, default: 0] += units
                } else {
                    leadUnits += units
                }
                counted.append(
                    CountedRecord(id: record.id, employer: record.employer, fte: counter.fraction(units: units), areas: record.areas, place: record.place))
            }
        }
        let fte = counter.fraction(units: totalUnits)
        var perArea: [ActivityArea: Fraction] = [:]
        for (index, area) in ActivityArea.allCases.enumerated() {
            perArea[area] = counter.fraction(units: areaUnits[index], extraScale: 1_000_000)
        }
        let contribution = ContributionCalculator.assess(population: population, fte: fte, parameters: inForce)
        let split = MunicipalSplit.compute(
            total: contribution.total, residents: residents, ownFTE: ownUnits.mapValues { counter.fraction(units: $0) },
            leadFTE: counter.fraction(units: leadUnits), allFunctionsDelegated: roster.ambito.allFunctionsDelegatedToLead,
            parameters: inForce)
        return AnnualAssessment(
            ambito: roster.ambito, year: year, method: method, residents: residents, counted: counted, excluded: excluded,
            areas: AreaBreakdown(perArea: perArea, unspecified: counter.fraction(units: unspecifiedUnits)),
            contribution: contribution, split: split, warnings: diagnostics.warnings)
    }
}
