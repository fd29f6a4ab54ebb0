#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import Dispatch

/// A staff record that counts, with its FTE in the year and how they were obtained.
public struct CountedRecord: Sendable, Hashable, Codable {
    /// The person's id.
    public let id: PersonID
    /// The employer.
    public let employer: Employer
    /// FTE in the year (exact): the sum of ``service``'s FTE.
    public let fte: Fraction
    /// The area split.
    public let areas: AreaSplit
    /// Where ``service`` comes from: the person's periods with the year and the method that
    /// count them (an assessment keeps the roster's own list of periods, shared, and no second
    /// list of a person's service: docs/benchmark.md, «Twenty-fourth pass»), or a list read back
    /// from a result.
    private let serviceSource: ServiceSource

    /// The periods of service in the year, each with its days, share of the year and FTE
    /// (docs/regole.md §3), in the order of the person's periods; computed from them on each use.
    public var service: [ServiceInYear] {
        switch serviceSource {
        case .periods(let periods, let year, let method):
            let counter = FTECounter(checkedYear: Int(year), method: method)
            var service: [ServiceInYear] = []
            service.reserveCapacity(periods.count)
            for period in periods { if let part = counter.service(in: period) { service.append(part) } }
            return service
        case .listed(let service): return service
        }
    }

    /// A record whose service in `counter`'s year is that of `periods` and whose FTE is `fte`
    /// (their sum: the caller has counted it).
    init(id: PersonID, employer: Employer, fte: Fraction, periods: [ServicePeriod], counter: FTECounter, areas: AreaSplit) {
        self.id = id
        self.employer = employer
        self.fte = fte
        self.areas = areas
        serviceSource = .periods(periods, year: Int16(counter.year), method: counter.method)
    }

    /// A record with its service listed (a result read back, a test).
    init(id: PersonID, employer: Employer, fte: Fraction, service: [ServiceInYear], areas: AreaSplit) {
        self.id = id
        self.employer = employer
        self.fte = fte
        self.areas = areas
        serviceSource = .listed(service)
    }

    /// Records are equal when their values are.
    public static func == (lhs: CountedRecord, rhs: CountedRecord) -> Bool {
        lhs.id == rhs.id && lhs.employer == rhs.employer && lhs.fte == rhs.fte && lhs.service == rhs.service && lhs.areas == rhs.areas
    }

    /// Hashes id and FTE.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(fte)
    }

    /// The source of a record's service in the year (12 bytes beside the record, no list).
    private enum ServiceSource: Sendable {
        /// The person's periods (the roster's list, shared), counted in `year` with `method`.
        case periods([ServicePeriod], year: Int16, method: FTEMethod)
        /// The service as listed.
        case listed([ServiceInYear])
    }

    private enum CodingKeys: String, CodingKey { case id, employer, fte, service, areas }

    /// Decodes a record with the keys it is encoded with; its service is checked against its
    /// FTE by the assessment that holds it (``AnnualAssessment/init(from:)``).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(PersonID.self, forKey: .id), employer: try container.decode(Employer.self, forKey: .employer),
            fte: try container.decode(Fraction.self, forKey: .fte), service: try container.decode([ServiceInYear].self, forKey: .service),
            areas: try container.decode(AreaSplit.self, forKey: .areas))
    }

    /// Encodes id, employer, FTE, service and areas.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(employer, forKey: .employer)
        try container.encode(fte, forKey: .fte)
        try container.encode(service, forKey: .service)
        try container.encode(areas, forKey: .areas)
    }
}

/// A staff record that does not count, with the first reason (docs/regole.md §2).
public struct ExcludedRecord: Sendable, Hashable, Codable {
    /// The person's id.
    public let id: PersonID
    /// The employer.
    public let employer: Employer
    /// The first failing condition.
    public let reason: ExclusionReason
}

/// FTE per area di attività; the five areas and `non_indicata` always add up to the total.
///
/// The areas' FTE are kept in the order of `ActivityArea.allCases`, then `non_indicata`, in one
/// array (no dictionary: an ATS's prospetto makes one breakdown per entity and year, thousands in
/// a national run, reads each area by its index and rounds all the parts together).
public struct AreaBreakdown: Sendable, Hashable, Codable {
    /// FTE per area, in the order of `ActivityArea.allCases` (every area, possibly zero), then
    /// the FTE of persons with no area split (`non_indicata`): always `allCases.count + 1` parts.
    private let parts: [Fraction]

    /// FTE of persons with no area split (`non_indicata`).
    public var unspecified: Fraction { parts[ActivityArea.allCases.count] }

    /// FTE per area, every area present (possibly zero).
    public var perArea: [ActivityArea: Fraction] { Dictionary(uniqueKeysWithValues: ActivityArea.allCases.map { ($0, parts[$0.index]) }) }

    /// The FTE of `area`.
    public subscript(area: ActivityArea) -> Fraction { parts[area.index] }

    /// The sum of all areas and `non_indicata`.
    public var total: Fraction { parts.sum() }

    /// The breakdown as shown with `decimals` decimals: each part a multiple of 10^−decimals, its
    /// exact value rounded down, the units missing to `total` rounded half away from zero to
    /// `decimals` going to the largest remainders (``LargestRemainder``; docs/regole.md §5). `total` is the figure
    /// shown beside the parts (its exact value, or a figure already shown).
    package func shown(decimals: Int, total: Fraction) -> AreaBreakdown {
        let scale = BigInt.tenToThe(decimals)
        return split(units: total.roundedScaled(by: scale), scale: scale)
    }

    /// The breakdown split to `units` units of 1/`scale`: each part its exact value rounded
    /// down, the units missing to `units` one each to the largest remainders (``LargestRemainder``;
    /// docs/regole.md §5). The one rule of ``shown(decimals:total:)`` and of the areas to declare.
    package func split(units: BigInt, scale: BigInt) -> AreaBreakdown {
        AreaBreakdown(parts: LargestRemainder.distribute(units: units, roundingEach: parts, scale: scale).map { Fraction($0, scale) })
    }

    /// The breakdown of `parts` (the areas in order, then `non_indicata`).
    private init(parts: [Fraction]) {
        assert(parts.count == ActivityArea.allCases.count + 1, "a breakdown has every area and non_indicata")
        self.parts = parts
    }

    /// The breakdown of `records`' FTE.
    ///
    /// Each area adds FTE × its units of time (``AreaSplit/partsOfTime(_:)``), numerators kept
    /// over the FTE's own denominator with no fraction made per part, and divides the sum by
    /// ``AreaSplit/wholeTime`` once: exactly Σ FTE × part.
    init(_ records: some Sequence<CountedRecord>) {
        var perArea = AreaSums()
        var unspecified = FractionSum()
        for record in records {
            guard record.areas.isSpecified else {
                unspecified.add(record.fte)
                continue
            }
            let fte = record.fte
            if let numerator = fte.numerator.int64Value, let denominator = fte.denominator.int64Value {
                record.areas.partsOfTime { area, units in perArea.add(area: area, numerator: Int128(numerator) * Int128(units), denominator: denominator) }
            } else {
                record.areas.partsOfTime { area, units in perArea.add(area: area, fte * Fraction(BigInt(units))) }
            }
        }
        parts = perArea.totals(dividedBy: AreaSplit.wholeTime, then: unspecified.total)
    }

    /// One ``FractionSum`` per area, held inline: a breakdown (one per entity of a prospetto)
    /// makes no array of sums. The areas are the five of ``ActivityArea``, in their order.
    private struct AreaSums {
        private var sums = (FractionSum(), FractionSum(), FractionSum(), FractionSum(), FractionSum())

        /// Adds `numerator / denominator` to area `area` (its index in ``ActivityArea/allCases``).
        mutating func add(area: Int, numerator: Int128, denominator: Int64) {
            switch area {
            case 0: sums.0.add(numerator: numerator, denominator: denominator)
            case 1: sums.1.add(numerator: numerator, denominator: denominator)
            case 2: sums.2.add(numerator: numerator, denominator: denominator)
            case 3: sums.3.add(numerator: numerator, denominator: denominator)
            case 4: sums.4.add(numerator: numerator, denominator: denominator)
            default: preconditionFailure(Self.fiveAreas)
            }
        }

        /// Adds `value` to area `area`.
        mutating func add(area: Int, _ value: Fraction) {
            switch area {
            case 0: sums.0.add(value)
            case 1: sums.1.add(value)
            case 2: sums.2.add(value)
            case 3: sums.3.add(value)
            case 4: sums.4.add(value)
            default: preconditionFailure(Self.fiveAreas)
            }
        }

        /// Each area's sum divided by `scale`, in the order of the areas, then `last`.
        func totals(dividedBy scale: Int64, then last: Fraction) -> [Fraction] {
            [
                sums.0.total(dividedBy: scale), sums.1.total(dividedBy: scale), sums.2.total(dividedBy: scale), sums.3.total(dividedBy: scale),
                sums.4.total(dividedBy: scale), last,
            ]
        }

        /// The law's five areas (docs/regole.md §2): an index from ``AreaSplit/partsOfTime(_:)``
        /// is one of them (a test checks the count).
        private static let fiveAreas = "le aree di attività sono cinque"
    }

    /// A breakdown with the given figures (a missing area is zero).
    init(perArea: [ActivityArea: Fraction], unspecified: Fraction) {
        self.init(parts: ActivityArea.allCases.map { perArea[$0] ?? .zero } + [unspecified])
    }

    private enum CodingKeys: String, CodingKey { case perArea, unspecified }

    /// Decodes the FTE per area code and `unspecified`.
    ///
    /// - Throws: `DecodingError.dataCorrupted` for an unknown area code.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let raw = try container.decode([String: Fraction].self, forKey: .perArea)
        var perArea: [ActivityArea: Fraction] = [:]
        for (key, value) in raw {
            perArea[try DecodingError.validating(container.codingPath) { () throws(InvalidValue) in try ActivityArea.parse(key) }] = value
        }
        self.init(perArea: perArea, unspecified: try container.decode(Fraction.self, forKey: .unspecified))
    }

    /// Encodes the FTE per area code and `unspecified`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Dictionary(uniqueKeysWithValues: ActivityArea.allCases.map { ($0.rawValue, parts[$0.index]) }), forKey: .perArea)
        try container.encode(unspecified, forKey: .unspecified)
    }
}

/// The residents of one comune at 1 January of the year assessed.
public struct MunicipalResidents: Sendable, Hashable, Codable {
    /// The ISTAT code.
    public let istatCode: String
    /// The name.
    public let name: String
    /// Residents at 1 January.
    public let residents: Int

    /// The residents of a comune.
    init(istatCode: String, name: String, residents: Int) {
        self.istatCode = istatCode
        self.name = name
        self.residents = residents
    }

    private enum CodingKeys: String, CodingKey { case istatCode, name, residents }

    /// Decodes the residents of a comune, exactly and within docs/regole.md §5 (1 to 100 million).
    ///
    /// - Throws: `DecodingError` for a missing field, residents that are not exactly an integer
    ///   or out of range.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let residents = try container.decodeExactInteger(forKey: .residents)
        try DecodingError.validating(container.codingPath) { () throws(InvalidValue) in try Residents.check(residents) }
        self.init(
            istatCode: try container.decode(String.self, forKey: .istatCode), name: try container.decode(String.self, forKey: .name), residents: residents)
    }
}

/// The annual assessment of one ATS from its roster (`potenziamento calcola`): who counts, the
/// FTE, the contribution and its split among the comuni (docs/regole.md §2-§7).
///
/// Two assessments are equal when every figure and every warning is, a warning with its place:
/// the same data read from a file and built in code (equal rosters, whose equality leaves places
/// out) give assessments whose warnings name different places (`personale.csv:4` and
/// `persona «AS-002»`). Compare their figures to compare the computations.
public struct AnnualAssessment: Sendable, Hashable, Codable {
    /// The ATS.
    public let ambito: Ambito
    /// The reference year.
    public let year: Int
    /// The FTE counting method.
    public let method: FTEMethod
    /// Residents of each comune at 1 January of the year, in input order.
    public let residents: [MunicipalResidents]
    /// The counted records, in input order.
    public let counted: [CountedRecord]
    /// The excluded records, in input order.
    public let excluded: [ExcludedRecord]
    /// FTE per area.
    public let areas: AreaBreakdown
    /// The contribution on the total population and FTE.
    public let contribution: ContributionAssessment
    /// The split among comuni and capofila (DM 15/2021 art. 2).
    public let split: MunicipalSplit
    /// Warnings for the year (no area split, no service in the year, one residents figure for every year, ...).
    /// A person with no period at all is not warned of here: ``Roster/warnings`` says it once
    /// (``DiagnosticCode/nessunPeriodo``), whatever the year.
    public let warnings: [InputDiagnostic]

    /// Residents of the ATS (sum of the comuni).
    public var population: Int { contribution.population }
    /// FTE of the counted records.
    public var fte: Fraction { contribution.fte }
}

/// A problem that prevents an assessment.
public enum AssessmentError: Error, LocalizedError, Sendable, Hashable, CustomStringConvertible {
    /// The roster lacks what the year needs (a comune has no residents for it, the population is out of bounds).
    case invalidInput(InputError)
    /// A legal parameter is not in force in the year, or the year is outside 2021-2200.
    case parameter(ParameterError)
    /// A prospetto's campaign outside 2022-2200 (its consuntivo would precede the measure).
    case invalidCampaign(Int)

    /// The Italian message.
    public var description: String {
        switch self {
        case .invalidInput(let error): error.description
        case .parameter(let error): error.description
        case .invalidCampaign(let campaign):
            "campagna \(campaign) non valida: il prospetto della campagna C riporta il consuntivo di C−1 e la previsione di C, e la misura si applica dal 2021: le campagne vanno dal \(Prospetto.firstCampaign) al \(Bounds.years.upperBound)"
        }
    }

    /// The Italian message.
    public var errorDescription: String? { description }
}

/// Assesses rosters: eligibility, FTE, population, contribution and split (docs/regole.md §2-§7).
public struct RosterAssessor: Sendable {
    /// The parameter table (official unless a reform is applied).
    public let parameters: ParameterTable
    /// The FTE counting method.
    public let method: FTEMethod

    /// The parameters in force of each year assessed, resolved once for every roster this
    /// assessor (and its copies) assesses.
    private let inForce: ParametersByYear

    /// An assessor.
    public init(parameters: ParameterTable = .official, method: FTEMethod = .days) {
        self.parameters = parameters
        self.method = method
        inForce = ParametersByYear(parameters)
    }

    /// Checks what of `year` does not depend on a roster: the parameters in force (docs/regole.md
    /// §1). A batch checks it before reading its ATS, so a year without parameters is one usage
    /// error, not the same error for every ATS.
    ///
    /// - Throws: ``AssessmentError/parameter(_:)`` for a year with no parameters in force.
    public func checkYear(_ year: Int) throws(AssessmentError) {
        do { _ = try inForce.inForce(for: year) } catch { throw .parameter(error) }
    }

    /// The assessment of `roster` for `year`. Never traps: the roster is valid by construction,
    /// and what depends on the year is checked here.
    ///
    /// - Parameters:
    ///   - roster: the roster (valid by construction).
    ///   - year: the reference year, 2021-2200.
    /// - Returns: who counts and who does not, the FTE, the contribution and its split.
    /// - Throws: ``AssessmentError/parameter(_:)`` for a year with no parameters in force (before
    ///   2021, after 2200); ``AssessmentError/invalidInput(_:)`` when a comune has no residents for
    ///   the year or the ATS has more than 100 million residents.
    public func assess(_ roster: Roster, year: Int) throws(AssessmentError) -> AnnualAssessment {
        try assess(roster, year: year, parts: ParallelWork.parts(for: roster.staff.count))
    }

    /// The assessment of `roster` for `year`, the counted records' FTE counted in `parts` parts
    /// of the roster at once: the same records, in the same order, and the same warnings.
    func assess(_ roster: Roster, year: Int, parts: Int) throws(AssessmentError) -> AnnualAssessment {
        let inForce: ParametersInForce
        do { inForce = try self.inForce.inForce(for: year) } catch { throw .parameter(error) }
        let counter: FTECounter
        do { counter = try FTECounter(year: year, method: method) } catch {
            throw .invalidInput(InputError(diagnostics: [error.diagnostic(at: SourcePlace(file: roster.source))]))
        }
        var diagnostics = Diagnostics()
        let residents = Self.residents(of: roster, in: year, diagnostics: &diagnostics)
        if diagnostics.hasErrors { throw .invalidInput(InputError(diagnostics)) }
        let population = residents.reduce(0) { $0 + $1.residents }

        var counted: [CountedRecord] = []
        var excluded: [ExcludedRecord] = []
        let staff = roster.staff
        if parts <= 1 || staff.count < 2 {
            counted.reserveCapacity(staff.count)
            for record in staff {
                if let reason = Eligibility.exclusionReason(for: record) {
                    excluded.append(ExcludedRecord(id: record.id, employer: record.employer, reason: reason))
                } else {
                    counted.append(Self.counted(record, counter: counter, year: year, warnings: &diagnostics))
                }
            }
        } else {
            (counted, excluded) = Self.countedInParallel(staff, parts: min(parts, staff.count), counter: counter, year: year, warnings: &diagnostics)
        }
        let fte = counted.map(\.fte).sum()
        let contribution: ContributionAssessment
        do {
            contribution = try ContributionCalculator.assess(population: population, fte: fte, parameters: inForce)
        } catch {
            throw .invalidInput(InputError(diagnostics: [InputDiagnostic(.error, .fuoriMisura, SourcePlace(file: roster.source), error.description)]))
        }
        let split = MunicipalSplit(
            total: contribution.total, residents: residents, counted: counted, allFunctionsDelegated: roster.ambito.allFunctionsDelegatedToLead,
            parameters: inForce)
        return AnnualAssessment(
            ambito: roster.ambito, year: year, method: method, residents: residents, counted: counted, excluded: excluded,
            areas: AreaBreakdown(counted), contribution: contribution, split: split, warnings: diagnostics.all)
    }

    /// The counted and the excluded records of `staff`, in order, with the warnings of the counted
    /// ones recorded in `warnings` in order: who counts is decided first (a quick test per
    /// record); then the counted records' FTE are counted in `parts` parts of the roster at once,
    /// each written straight into its place (no list copied after).
    private static func countedInParallel(_ staff: [StaffRecord], parts: Int, counter: FTECounter, year: Int, warnings: inout Diagnostics) -> (
        counted: [CountedRecord], excluded: [ExcludedRecord]
    ) {
        var excluded: [ExcludedRecord] = []
        let counts = staff.map { record in
            let reason = Eligibility.exclusionReason(for: record)
            if let reason { excluded.append(ExcludedRecord(id: record.id, employer: record.employer, reason: reason)) }
            return reason == nil
        }
        let bounds = (0...parts).map { staff.count * $0 / parts }
        // Where each part's counted records start among all of them.
        let firstSlots = bounds.map { bound in counts[..<bound].count { $0 } }
        var partWarnings = [Diagnostics](repeating: Diagnostics(), count: parts)
        let counted = partWarnings.withUnsafeMutableBufferPointer { partWarnings in
            [CountedRecord](unsafeUninitializedCapacity: firstSlots[parts]) { buffer, initialized in
                nonisolated(unsafe) let slots = buffer
                nonisolated(unsafe) let partWarnings = partWarnings
                DispatchQueue.concurrentPerform(iterations: parts) { part in
                    guard let base = slots.baseAddress else { return }
                    var slot = firstSlots[part]
                    for index in bounds[part]..<bounds[part + 1] where counts[index] {
                        (base + slot).initialize(to: Self.counted(staff[index], counter: counter, year: year, warnings: &partWarnings[part]))
                        slot += 1
                    }
                }
                initialized = firstSlots[parts]
            }
        }
        for part in partWarnings { warnings.append(contentsOf: part) }
        return (counted, excluded)
    }

    /// A counted record with its service in `year` and its FTE (docs/regole.md §3), warning
    /// when it has no FTE in the year or no area split.
    private static func counted(_ record: StaffRecord, counter: FTECounter, year: Int, warnings: inout Diagnostics) -> CountedRecord {
        let fte = counter.fte(of: record.periods)
        if fte.isZero && record.periods.isEmpty {
            // Said once, by the roster's own warning (`nessun_periodo`), not again for each year.
        } else if fte.isZero {
            warnings.warning(.nessunServizioNellAnno, record.messagePlace, idleMessage(record, year: year))
        } else if !record.areas.isSpecified {
            warnings.warning(
                .areeNonIndicate, record.messagePlace, "«\(record.id)» non ha la ripartizione per area di attività: i suoi FTE vanno in «non indicata»")
        }
        return CountedRecord(id: record.id, employer: record.employer, fte: fte, periods: record.periods, counter: counter, areas: record.areas)
    }

    /// The residents of each comune at 1 January of `year`; an error for each comune without a
    /// figure, a warning when one figure stands for every year.
    /// Why a counted person has no FTE in `year`, in words: hired after the year, gone before it,
    /// or no period in it.
    static func idleMessage(_ record: StaffRecord, year: Int) -> String {
        let starts = record.periods.map(\.start)
        if let first = starts.min(), first.year > year {
            return "«\(record.id)» entra in servizio il \(first.italian): nel \(year) conta 0 FTE"
        }
        let ends = record.periods.compactMap(\.end)
        if ends.count == record.periods.count, let last = ends.max(), last.year < year {
            return "«\(record.id)» ha lasciato il servizio il \(last.italian): nel \(year) conta 0 FTE"
        }
        return "«\(record.id)» non ha giorni di servizio nel \(year): conteggiato con 0 FTE"
    }

    static func residents(of roster: Roster, in year: Int, diagnostics: inout Diagnostics) -> [MunicipalResidents] {
        var residents: [MunicipalResidents] = []
        residents.reserveCapacity(roster.municipalities.count)
        var sameEveryYear: [String] = []
        var withoutThisYear: [String] = []
        var comuniOfYear: [Int: Int]?
        for municipality in roster.municipalities {
            guard let count = municipality.residents.count(in: year) else {
                let years = municipality.residents.byYear.keys.sorted()
                // A year no other comune has, where others have this one: most likely this year
                // mistyped (an officer's trial: 2016 for 2025, with no hint). How many comuni have
                // each year, counted once for all the comuni without this year.
                if comuniOfYear == nil {
                    var counts: [Int: Int] = [:]
                    for other in roster.municipalities { for written in other.residents.byYear.keys { counts[written, default: 0] += 1 } }
                    comuniOfYear = counts
                }
                let counts = comuniOfYear ?? [:]
                // This comune has no figure of `year`: any comune counted for it is another one.
                let odd = counts[year, default: 0] > 0 ? years.filter { counts[$0, default: 0] == 1 } : []
                let hint = odd.isEmpty ? "" : "; \(Italian.list(odd.map(String.init))) non compare negli altri comuni: se è il \(year) scritto male, correggilo"
                diagnostics.error(
                    .popolazioneMancante, (municipality.place ?? SourcePlace(file: roster.source)).field(csv: "popolazione", json: "popolazione"),
                    "manca la popolazione del comune \(municipality.istatCode) (\(municipality.name)) al 1° gennaio \(year) (anni indicati: \(Italian.list(years.map(String.init))))\(hint)"
                )
                continue
            }
            if municipality.residents.isSameEveryYear {
                sameEveryYear.append(municipality.istatCode)
            } else if municipality.residents.byYear[year] == nil {
                // Figures by year, none for this one: the figure without a year is used (a default).
                withoutThisYear.append(municipality.istatCode)
            }
            residents.append(MunicipalResidents(istatCode: municipality.istatCode, name: municipality.name, residents: count))
        }
        if !sameEveryYear.isEmpty {
            diagnostics.warning(
                .popolazioneUnica, SourcePlace(file: roster.source),
                "per \(Italian.count(sameEveryYear.count, "comune", "comuni")) (\(Italian.list(sameEveryYear))) è indicata una sola popolazione, usata anche per il \(year): verifica che sia quella al 1° gennaio \(year) (per più anni indica la popolazione di ogni anno: nel foglio o nel CSV una riga per anno con la colonna «anno», nel JSON \"popolazione\": {\"\(year)\": …})"
            )
        }
        if !withoutThisYear.isEmpty {
            diagnostics.warning(
                .popolazioneUnica, SourcePlace(file: roster.source),
                "per \(Italian.count(withoutThisYear.count, "comune", "comuni")) (\(Italian.list(withoutThisYear))) ci sono popolazioni per anno ma non per il \(year): si usa quella senza anno; verifica che sia quella al 1° gennaio \(year) (o aggiungi la riga del \(year))"
            )
        }
        let population = residents.reduce(0) { $0 + $1.residents }
        if population > Bounds.maximumResidents {
            diagnostics.error(
                .popolazioneNonValida, SourcePlace(file: roster.source),
                "popolazione totale dell'ambito fuori misura nel \(year): \(NumberFormatting.italian(population)) (al massimo \(NumberFormatting.italian(Bounds.maximumResidents)))"
            )
        }
        return residents
    }
}
