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
public struct ServiceInYear: Sendable, Hashable, Codable {
    /// The first day of service in the year.
    public let start: CivilDate
    /// The last day of service in the year.
    public let end: CivilDate
    /// Days served in the year (`end − start + 1`).
    public let days: Int
    /// The share of the year covered: days / days in the year, or the months' shares / 12.
    public let shareOfYear: Fraction
    /// The share of full time.
    public let share: WorkShare
    /// share of full time × share of the year, exact.
    public let fte: Fraction
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
        let shareOfYear = self.shareOfYear(from: start, to: end)
        return ServiceInYear(
            start: start, end: end, days: end.dayNumber - start.dayNumber + 1, shareOfYear: shareOfYear, share: period.share,
            fte: period.share.fraction * shareOfYear)
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
