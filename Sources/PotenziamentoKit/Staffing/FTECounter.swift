/// How the share of a year covered by a period is counted (RULES.md §3, a ruling of the product).
public enum FTEMethod: String, Sendable, Hashable, CaseIterable {
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

/// Counts FTE ("numero medio ... in equivalente a tempo pieno", DM 15/2021 art. 1) of service
/// periods in one year, exactly: every period contributes (percentuale/100) × (share of the
/// year), accumulated as an integer over one common denominator for the year and method.
public struct FTECounter: Sendable {
    /// The year counted.
    public let year: Int
    /// The method.
    public let method: FTEMethod
    /// The common denominator: 1 FTE = `denominator` units.
    public let denominator: Int64

    /// Percent with 4 decimals as millionths of full time: 100% = 1.000.000.
    static let percentScale: Int64 = 1_000_000
    private let monthWeights: [Int64]
    private let daysInYear: Int64

    /// A counter for `year` with `method`.
    public init(year: Int, method: FTEMethod) {
        self.year = year
        self.method = method
        daysInYear = Int64(CivilDate.daysInYear(year))
        let lengths = (1...12).map { Int64(CivilDate.daysInMonth($0, year: year)) }
        let common = lengths.reduce(1) { lcm($0, $1) }
        monthWeights = lengths.map { common / $0 }
        switch method {
        case .days: denominator = FTECounter.percentScale * daysInYear
        case .months: denominator = FTECounter.percentScale * 12 * common
        }
    }

    /// The FTE of `periods` in the year, in units of 1/`denominator`.
    public func units(of periods: [ServicePeriod]) -> Int64 {
        var total: Int64 = 0
        let yearStart = CivilDate.startOfYear(year)
        let yearEnd = CivilDate.endOfYear(year)
        for period in periods {
            let start = max(period.start, yearStart)
            let end = min(period.end ?? yearEnd, yearEnd)
            guard start <= end else { continue }
            // Percentuali carry at most 4 decimals (checked on input), so this is exact.
            let share = Int64(period.percentage.exactlyScaled(by: 10_000) ?? (period.percentage * Fraction(10_000)).floor)
            switch method {
            case .days:
                total += share * Int64(end.dayNumber - start.dayNumber + 1)
            case .months:
                var weighted: Int64 = 0
                for month in start.month...end.month {
                    let first = month == start.month ? start.day : 1
                    let last = month == end.month ? end.day : CivilDate.daysInMonth(month, year: year)
                    weighted += Int64(last - first + 1) * monthWeights[month - 1]
                }
                total += share * weighted
            }
        }
        return total
    }

    /// The FTE of `periods` in the year, as an exact fraction.
    public func fte(of periods: [ServicePeriod]) -> Fraction { fraction(units: units(of: periods)) }

    /// `units` as an exact FTE fraction.
    public func fraction(units: Int64) -> Fraction { Fraction(Int128(units), Int128(denominator)) }

    /// `units` (may exceed 64 bits when summed with area weights) as an exact FTE fraction.
    public func fraction(units: Int128, extraScale: Int128 = 1) -> Fraction { Fraction(units, Int128(denominator) * extraScale) }
}

private func lcm(_ a: Int64, _ b: Int64) -> Int64 {
    var x = a
    var y = b
    while y != 0 { (x, y) = (y, x % y) }
    return a / x * b
}
