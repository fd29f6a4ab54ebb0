/// One person of the roster: contract, employer, periods of service and area split
/// (docs/regole.md §2-§3).
///
/// Valid by construction: its values are (each type checks its own rule) and its periods do not
/// overlap. That its id is unique and its comune belongs to the ATS is checked by ``Roster``.
public struct StaffRecord: Sendable, Hashable {
    /// The person's id (unique in the roster, ignoring case and surrounding spaces).
    public let id: PersonID
    /// The profile: only assistente sociale counts.
    public let profile: Profile
    /// The contract: only tempo indeterminato counts.
    public let contract: Contract
    /// The employer.
    public let employer: Employer
    /// The periods of service, as given (they do not overlap).
    public private(set) var periods: [ServicePeriod]
    /// The split of the person's time among the aree di attività.
    public let areas: AreaSplit
    /// Whether the person actually works in the territorial social services (default true).
    public let employedInTerritorialServices: Bool
    /// Where the record was read (not part of equality).
    public let place: SourcePlace?

    /// A staff record.
    ///
    /// - Throws: ``InputError`` listing a profile that names a contract other than `contract`
    ///   (``DiagnosticCode/profiloSconosciuto``: `Assistente sociale TD` beside
    ///   tempo_indeterminato, docs/regole.md, «Vocabolario») and every pair of overlapping
    ///   periods (``DiagnosticCode/periodiSovrapposti``), each at the later period's place.
    public init(
        id: PersonID, profile: Profile, contract: Contract, employer: Employer, periods: [ServicePeriod], areas: AreaSplit = .unspecified,
        employedInTerritorialServices: Bool = true, place: SourcePlace? = nil
    ) throws(InputError) {
        self.init(
            unchecked: id, profile, contract, employer, periods, areas, employedInTerritorialServices, place)
        var diagnostics = Diagnostics()
        do { try profile.check(against: contract) } catch { diagnostics.error(error, at: messagePlace.field(csv: "profilo", json: "profilo")) }
        checkPeriods(into: &diagnostics)
        if diagnostics.hasErrors { throw InputError(diagnostics) }
    }

    init(
        unchecked id: PersonID, _ profile: Profile, _ contract: Contract, _ employer: Employer, _ periods: [ServicePeriod], _ areas: AreaSplit,
        _ employedInTerritorialServices: Bool, _ place: SourcePlace?
    ) {
        self.id = id
        self.profile = profile
        self.contract = contract
        self.employer = employer
        self.periods = periods
        self.areas = areas
        self.employedInTerritorialServices = employedInTerritorialServices
        self.place = place
    }

    /// The place to name in a message about this record.
    var messagePlace: SourcePlace { place ?? Self.unplaced(id) }

    /// The place of a person built in code, with no file: `persona «AS-1»`. Their problems are
    /// capped together, as one file's (``Diagnostics``), not per person (an integrator's trial:
    /// 40.000 persons built in code took 7 s and listed 40.000 warnings).
    static func unplaced(_ id: PersonID) -> SourcePlace { SourcePlace(file: unplacedPrefix + "\(id)»") }

    /// How the place of a person built in code begins.
    static let unplacedPrefix = "persona «"

    /// Each period after the first by start date with the earlier period that ends last (an
    /// open-ended one stays the last), as positions in `periods`: the one walk of the overlaps
    /// (``checkPeriods(into:)``) and of the short gaps (``Roster/shortGaps(_:)``). Periods in the
    /// order written (the usual case) are not sorted.
    static func successions(_ periods: [ServicePeriod]) -> [(earlier: Int, later: Int)] {
        guard periods.count > 1 else { return [] }
        var order = Array(periods.indices)
        if periods.indices.dropFirst().contains(where: { periods[$0].start < periods[$0 - 1].start }) {
            order.sort { periods[$0].start < periods[$1].start }
        }
        var latest = order[0]
        var pairs: [(earlier: Int, later: Int)] = []
        pairs.reserveCapacity(periods.count - 1)
        for next in order.dropFirst() {
            pairs.append((latest, next))
            if let end = periods[latest].end, periods[next].end.map({ $0 > end }) ?? true { latest = next }
        }
        return pairs
    }

    /// Records an error for each period that overlaps an earlier one (by start date).
    func checkPeriods(into diagnostics: inout Diagnostics) {
        Self.checkPeriods(periods, id: id, place: place, into: &diagnostics)
    }

    /// Records an error for each of `periods` of the person `id` (read at `place`) that
    /// overlaps an earlier one: also for a person with other errors, whose record is not made,
    /// so that the overlaps are said in the same run (a trial: they came a run later).
    static func checkPeriods(
        _ periods: [ServicePeriod], id: PersonID, place: SourcePlace?, into diagnostics: inout Diagnostics
    ) {
        for (earlier, later) in Self.successions(periods) where periods[earlier].overlaps(periods[later]) {
            let (latest, next) = (periods[earlier], periods[later])
            let until = latest.end.map { "al \($0.italian)" } ?? "senza data di fine"
            let earlierPlace = latest.place.map { " (\($0))" } ?? ""
            diagnostics.error(
                .periodiSovrapposti, (next.place ?? place ?? Self.unplaced(id)).field(csv: "dal", json: "dal"),
                "il periodo dal \(next.start.italian) di «\(id)» si sovrappone a quello dal \(latest.start.italian) \(until)\(earlierPlace)"
                    + (Self.areRows(latest.place, next.place)
                        ? "; sono due righe con lo stesso id: correggi le date se è la stessa persona con due periodi; se è la stessa persona scritta due volte cancella una delle righe; se sono due persone dai loro id diversi (gli id si confrontano senza distinguere maiuscole e spazi)"
                        : ""))
        }
    }

    /// Whether two periods come from two different rows of a table (CSV or workbook), where the
    /// same id on two rows may be one person written twice; not two periods of one JSON record.
    private static func areRows(_ first: SourcePlace?, _ second: SourcePlace?) -> Bool {
        guard let first, let second, first != second else { return false }
        switch (first.position, second.position) {
        case (.line, .line), (.cell, .cell): return true
        default: return false
        }
    }

    /// Adds a period without checking it against the others: only for a reader adding the
    /// periods of a person's later rows, which then checks the overlaps with
    /// ``checkPeriods(into:)`` once every period is known and drops the record if any.
    mutating func appendUnchecked(_ period: ServicePeriod) { periods.append(period) }

    /// The same record with other periods (checked by the caller).
    func with(periods: [ServicePeriod]) -> StaffRecord {
        StaffRecord(unchecked: id, profile, contract, employer, periods, areas, employedInTerritorialServices, place)
    }

    /// Records are equal when every value is (the places are not compared).
    public static func == (lhs: StaffRecord, rhs: StaffRecord) -> Bool {
        lhs.id == rhs.id && lhs.profile == rhs.profile && lhs.contract == rhs.contract && lhs.employer == rhs.employer
            && lhs.periods == rhs.periods && lhs.areas == rhs.areas && lhs.employedInTerritorialServices == rhs.employedInTerritorialServices
    }

    /// Hashes the id and the periods.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(periods)
    }
}

extension StaffRecord: Codable {
    private enum CodingKeys: String, CodingKey { case id, profile, contract, employer, periods, areas, employedInTerritorialServices }

    /// Decodes a record through the validating initialisers.
    ///
    /// - Throws: `DecodingError.dataCorrupted` for a value that breaks a rule or overlapping periods.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let idText = try container.decode(String.self, forKey: .id)
        let profileText = try container.decode(String.self, forKey: .profile)
        let contractText = try container.decode(String.self, forKey: .contract)
        let employer = try container.decode(Employer.self, forKey: .employer)
        let periods = try container.decode([ServicePeriod].self, forKey: .periods)
        let areas = try container.decodeIfPresent(AreaSplit.self, forKey: .areas) ?? .unspecified
        let employed = try container.decodeIfPresent(Bool.self, forKey: .employedInTerritorialServices) ?? true
        let values = try DecodingError.validating(container.codingPath) { () throws(InvalidValue) in
            (try PersonID(idText), try Profile(profileText), try Contract(contractText))
        }
        self = try DecodingError.validatingInput(container.codingPath) { () throws(InputError) in
            try StaffRecord(
                id: values.0, profile: values.1, contract: values.2, employer: employer, periods: periods, areas: areas,
                employedInTerritorialServices: employed)
        }
    }

    /// Encodes every value (the place is not encoded).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id.text, forKey: .id)
        try container.encode(profile.text, forKey: .profile)
        try container.encode(contract.text, forKey: .contract)
        try container.encode(employer, forKey: .employer)
        try container.encode(periods, forKey: .periods)
        if areas.isSpecified { try container.encode(areas, forKey: .areas) }
        try container.encode(employedInTerritorialServices, forKey: .employedInTerritorialServices)
    }
}
