/// The exact sum of many fractions that share a few denominators (the FTE of persons are days
/// over the days of the year times shares of full time): numerators are added as 128-bit
/// integers per denominator, and the groups are reduced to one fraction only at the end, instead
/// of a greatest common divisor at every addition. Anything larger goes through ``Fraction``'s
/// own addition, so the result is always exact.
struct FractionSum {
    /// Numerators added per denominator (a few: linear search).
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
        for group in groups { total += Fraction(BigInt(group.numerator), BigInt(group.denominator)) }
        return total
    }
}
