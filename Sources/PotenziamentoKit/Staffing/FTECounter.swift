/// How the share of a year covered by a period is counted (docs/regole.md §3, a ruling).
public enum FTEMethod: String, Sendable, Hashable, CaseIterable, Codable {
    /// Days served in the year / days in the year (365 or 366). The default.
    case days = "giorni"
    /// Each calendar month contributes (days served in it / days in it) / 12.
    case months = "mesi"

    /// Italian description.
    public var label: String {
        switch self {
        case .days: "giorni di servizio / giorni dell'anno"
        case .months: "mesi di servizio (ogni mese in proporzione ai suoi giorni) / 12"
        }
    }
}

/// The part of a service period that falls in the year counted, with the FTE it gives.
///
/// Days and FTE are derived from the dates, the share of the year and the share of full time
/// when asked (56 bytes a period: docs/benchmark.md, «Twenty-fourth pass»).
public struct ServiceInYear: Sendable, Hashable {
    /// The first day of service in the year.
    public let start: CivilDate
    /// The last day of service in the year.
    public let end: CivilDate
    /// The share of the year covered: days / days in the year, or the months' shares / 12.
    public let shareOfYear: Fraction
    /// The share of full time.
    public let share: WorkShare

    /// Days served in the year (`end − start + 1`).
    public var days: Int { end.dayNumber - start.dayNumber + 1 }

    /// share of full time × share of the year, exact.
    public var fte: Fraction { share.fraction * shareOfYear }
}

extension ServiceInYear: Codable {
    private enum CodingKeys: String, CodingKey { case start, end, days, shareOfYear, share, fte }

    /// Decodes a part of a period with its days and FTE.
    ///
    /// - Throws: `DecodingError.dataCorrupted` when `days` is not `end − start + 1` or `fte` is
    ///   not share × share of the year (docs/regole.md §3); that the dates and the share of the
    ///   year are what a year and a method give is checked by the assessment that holds it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        start = try container.decode(CivilDate.self, forKey: .start)
        end = try container.decode(CivilDate.self, forKey: .end)
        shareOfYear = try container.decode(Fraction.self, forKey: .shareOfYear)
        share = try container.decode(WorkShare.self, forKey: .share)
        guard try container.decode(Int.self, forKey: .days) == days else {
            throw DecodingError.dataCorruptedError(
                forKey: .days, in: container, debugDescription: "i giorni non sono quelli dal \(start.italian) al \(end.italian)")
        }
        guard try container.decode(Fraction.self, forKey: .fte) == fte else {
            throw DecodingError.dataCorruptedError(
                forKey: .fte, in: container, debugDescription: "gli FTE non sono quota del tempo pieno × quota dell'anno")
        }
    }

    /// Encodes dates, days, share of the year, share of full time and FTE.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(start, forKey: .start)
        try container.encode(end, forKey: .end)
        try container.encode(days, forKey: .days)
        try container.encode(shareOfYear, forKey: .shareOfYear)
        try container.encode(share, forKey: .share)
        try container.encode(fte, forKey: .fte)
    }
}

/// Counts FTE ("numero medio ... in equivalente a tempo pieno", DM 15/2021 art. 1) of service
/// periods in one year, exactly (docs/regole.md §3): every period contributes
/// (percentuale / 100) × (share of the year it covers), with ``FTEMethod`` deciding the share.
public struct FTECounter: Sendable {
    /// The year counted.
    public let year: Int
    /// The method.
    public let method: FTEMethod
    private let first: CivilDate
    private let last: CivilDate
    private let daysInYear: Int

    /// A counter for `year` with `method`.
    ///
    /// - Throws: ``InvalidValue`` with ``DiagnosticCode/dataFuoriIntervallo`` for a year outside 1900-2200.
    public init(year: Int, method: FTEMethod) throws(InvalidValue) {
        guard Bounds.dateYears.contains(year) else {
            throw InvalidValue(.dataFuoriIntervallo, "anno \(year) fuori intervallo: gli FTE si contano dal 1900 al 2200")
        }
        self.init(checkedYear: year, method: method)
    }

    /// A counter for `year`, already checked to be in 1900-2200 (a counter's own year).
    init(checkedYear year: Int, method: FTEMethod) {
        self.year = year
        self.method = method
        (first, last) = CivilDate.bounds(ofCheckedYear: year)
        daysInYear = CivilDate.daysInYear(year)
    }

    /// The part of `period` in the year, or nil when it serves no day of the year.
    public func service(in period: ServicePeriod) -> ServiceInYear? {
        let start = max(period.start, first)
        let end = min(period.end ?? last, last)
        guard start <= end else { return nil }
        return ServiceInYear(start: start, end: end, shareOfYear: shareOfYear(from: start, to: end), share: period.share)
    }

    /// The FTE of `periods` in the year: the sum of ``service(in:)``'s FTE.
    public func fte(of periods: [ServicePeriod]) -> Fraction {
        var total = Fraction.zero
        for period in periods { if let service = service(in: period) { total += service.fte } }
        return total
    }

    /// The share of the year from `start` to `end` (both in the year, in order).
    private func shareOfYear(from start: CivilDate, to end: CivilDate) -> Fraction {
        switch method {
        case .days:
            return Fraction(end.dayNumber - start.dayNumber + 1, daysInYear)
        case .months:
            var total = Fraction.zero
            for month in start.month...end.month {
                let length = CivilDate.daysInMonth(month, year: year)
                let firstDay = month == start.month ? start.day : 1
                let lastDay = month == end.month ? end.day : length
                total += Fraction(lastDay - firstDay + 1, length * 12)
            }
            return total
        }
    }
}
