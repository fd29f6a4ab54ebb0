/// A period of service (`dal`, `al`, both inclusive) at a share of full time (docs/regole.md §3).
///
/// Valid by construction: dates between 1900 and 2200, the end not before the start, a valid
/// ``WorkShare``. That the periods of one person do not overlap is checked by
/// ``StaffRecord/init(id:profile:contract:employer:periods:areas:employedInTerritorialServices:place:)``.
public struct ServicePeriod: Sendable, Hashable, CustomStringConvertible {
    /// The first day of service.
    public let start: CivilDate
    /// The last day of service, or nil when the period is open-ended.
    public let end: CivilDate?
    /// The share of full time.
    public let share: WorkShare
    /// Where the period was read (not part of equality).
    public let place: SourcePlace?

    /// A period from `start` to `end` (nil: open-ended) at `share`.
    ///
    /// - Throws: ``InvalidValue`` with ``DiagnosticCode/dataFuoriIntervallo`` for a date outside
    ///   1900-2200, or ``DiagnosticCode/periodoInvertito`` when `end` comes before `start`.
    public init(start: CivilDate, end: CivilDate?, share: WorkShare, place: SourcePlace? = nil) throws(InvalidValue) {
        func outOfRange(_ date: CivilDate, isEnd: Bool) -> InvalidValue {
            // An end far in the future (31/12/9999) is how a personnel system writes «no end».
            let hint =
                isEnd && date.year > Bounds.dateYears.upperBound
                ? ": per un servizio senza data di fine lascia vuota la data di fine («al»)" : ": le date dei periodi vanno dal 1900 al 2200"
            return InvalidValue(.dataFuoriIntervallo, "data \(date.italian) fuori intervallo\(hint)")
        }
        if !Bounds.dateYears.contains(start.year) { throw outOfRange(start, isEnd: false) }
        if let end, !Bounds.dateYears.contains(end.year) { throw outOfRange(end, isEnd: true) }
        if let end, end < start {
            throw InvalidValue(.periodoInvertito, "la data di fine \(end.italian) è precedente all'inizio \(start.italian)")
        }
        self.start = start
        self.end = end
        self.share = share
        self.place = place
    }

    /// Whether the error of a period from `start` to `end` is at its end (`al`): an end out of
    /// range or before the start; a start out of range is the start's (a trial of JSON: a `dal`
    /// of 1899 was reported at `al`). The one rule of every reader's place.
    static func errorIsAtEnd(start: CivilDate, end: CivilDate?) -> Bool {
        end != nil && Bounds.dateYears.contains(start.year)
    }

    /// Whether the period includes `date`.
    public func contains(_ date: CivilDate) -> Bool { start <= date && end.map { date <= $0 } ?? true }

    /// Whether the two periods share at least one day.
    public func overlaps(_ other: ServicePeriod) -> Bool {
        (end.map { other.start <= $0 } ?? true) && (other.end.map { start <= $0 } ?? true)
    }

    /// The same period ending on `lastDay` (which must not come before the start: callers check).
    func ending(on lastDay: CivilDate) -> ServicePeriod {
        ServicePeriod(unchecked: start, lastDay, share, place)
    }

    /// The same period starting on `firstDay`, at `share`.
    func starting(on firstDay: CivilDate, share: WorkShare) -> ServicePeriod {
        ServicePeriod(unchecked: firstDay, end, share, place)
    }

    private init(unchecked start: CivilDate, _ end: CivilDate?, _ share: WorkShare, _ place: SourcePlace?) {
        self.start = start
        self.end = end
        self.share = share
        self.place = place
    }

    /// `dal 01/07/2025 al 31/12/2025, 50 %`.
    public var description: String {
        "dal \(start.italian)" + (end.map { " al \($0.italian)" } ?? " senza data di fine") + ", \(share)"
    }

    /// Periods are equal when dates and share are (the place is not compared).
    public static func == (lhs: ServicePeriod, rhs: ServicePeriod) -> Bool {
        lhs.start == rhs.start && lhs.end == rhs.end && lhs.share == rhs.share
    }

    /// Hashes dates and share.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(start)
        hasher.combine(end)
        hasher.combine(share)
    }
}

extension ServicePeriod: Codable {
    private enum CodingKeys: String, CodingKey { case start, end, share }

    /// Decodes a period through the validating initialiser.
    ///
    /// - Throws: `DecodingError.dataCorrupted` when the period breaks a rule.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let start = try container.decode(CivilDate.self, forKey: .start)
        let end = try container.decodeIfPresent(CivilDate.self, forKey: .end)
        let share = try container.decode(WorkShare.self, forKey: .share)
        self = try DecodingError.validating(container.codingPath) { () throws(InvalidValue) in try ServicePeriod(start: start, end: end, share: share) }
    }

    /// Encodes dates and share (the place is not encoded).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(start, forKey: .start)
        try container.encodeIfPresent(end, forKey: .end)
        try container.encode(share, forKey: .share)
    }
}

extension DecodingError {
    /// The value `body` builds, or a `dataCorrupted` error carrying its ``InvalidValue``.
    static func validating<Value>(_ codingPath: [any CodingKey], _ body: () throws(InvalidValue) -> Value) throws -> Value {
        do {
            return try body()
        } catch {
            throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: codingPath, debugDescription: error.message, underlyingError: error))
        }
    }

    /// The value `body` builds, or a `dataCorrupted` error carrying the ``InputError``'s message.
    static func validatingInput<Value>(_ codingPath: [any CodingKey], _ body: () throws(InputError) -> Value) throws -> Value {
        do {
            return try body()
        } catch {
            throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: codingPath, debugDescription: error.description, underlyingError: error))
        }
    }
}
