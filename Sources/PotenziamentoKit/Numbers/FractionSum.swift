/// The exact sum of many fractions that share a few denominators (the FTE of persons are days
/// over the days of the year times shares of full time): numerators are added as 128-bit
/// integers per denominator, and the groups are reduced to one fraction only at the end, instead
/// of a greatest common divisor at every addition. Anything larger goes through ``Fraction``'s
/// own addition, so the result is always exact.
struct FractionSum {
    /// The first denominator met (0: none yet) and its numerators added: held inline, so the
    /// usual sum of a few values of one denominator makes no array (an entity's areas are
    /// many small sums).
    private var firstDenominator: Int64 = 0
    private var firstNumerator: Int128 = 0
    /// Numerators added per further denominator (a few: linear search).
    private var groups: [(denominator: Int64, numerator: Int128)] = []
    /// What does not fit the groups, added exactly.
    private var rest = Fraction.zero

    /// The most denominators kept apart; further ones are added to ``rest``.
    private static let maximumGroups = 16

    /// An empty sum (zero).
    init() {}

    /// Adds `value`.
    mutating func add(_ value: Fraction) {
        guard let denominator = value.denominator.int64Value, let numerator = value.numerator.int64Value else {
            rest += value
            return
        }
        add(numerator: Int128(numerator), denominator: denominator)
    }

    /// Adds `numerator / denominator`, not necessarily in lowest terms (`denominator` positive).
    mutating func add(numerator: Int128, denominator: Int64) {
        if denominator == firstDenominator || firstDenominator == 0 {
            let (sum, overflow) = firstNumerator.addingReportingOverflow(numerator)
            if overflow {
                rest += Fraction(BigInt(numerator), BigInt(denominator))
            } else {
                firstDenominator = denominator
                firstNumerator = sum
            }
            return
        }
        for index in groups.indices where groups[index].denominator == denominator {
            let (sum, overflow) = groups[index].numerator.addingReportingOverflow(numerator)
            if overflow {
                rest += Fraction(BigInt(numerator), BigInt(denominator))
            } else {
                groups[index].numerator = sum
            }
            return
        }
        if groups.count < Self.maximumGroups {
            groups.append((denominator, numerator))
        } else {
            rest += Fraction(BigInt(numerator), BigInt(denominator))
        }
    }

    /// The exact sum.
    var total: Fraction {
        var total = rest
        if firstDenominator != 0 { total += Fraction.reducing(firstNumerator, Int128(firstDenominator)) }
        for group in groups { total += Fraction.reducing(group.numerator, Int128(group.denominator)) }
        return total
    }

    /// The exact sum divided by `scale` (positive): each group reduced once over its denominator
    /// times `scale` (a sum of parts counted in units of 1/`scale`, such as areas of time).
    func total(dividedBy scale: Int64) -> Fraction {
        var total = rest.isZero ? Fraction.zero : rest * Fraction.reducing(1, Int128(scale))
        func add(_ numerator: Int128, over denominator: Int64) {
            let (scaled, overflow) = Int128(denominator).multipliedReportingOverflow(by: Int128(scale))
            total +=
                overflow
                ? Fraction.reducing(numerator, Int128(denominator)) * Fraction.reducing(1, Int128(scale))
                : Fraction.reducing(numerator, scaled)
        }
        if firstDenominator != 0 { add(firstNumerator, over: firstDenominator) }
        for group in groups { add(group.numerator, over: group.denominator) }
        return total
    }
}
