#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Why an amount cannot be split.
public enum AllocationError: Error, LocalizedError, Sendable, Hashable, CustomStringConvertible {
    /// A weight is negative.
    case negativeWeight(index: Int)
    /// Every weight is zero: nothing says how to split.
    case allWeightsZero

    /// The Italian message.
    public var description: String {
        switch self {
        case .negativeWeight(let index): "il peso n. \(index + 1) è negativo: una ripartizione usa pesi maggiori o uguali a zero"
        case .allWeightsZero: "tutti i pesi sono zero: non c'è un criterio per ripartire l'importo"
        }
    }

    /// The Italian message.
    public var errorDescription: String? { description }
}

/// Splitting an amount into parts that add up to it to the cent (docs/regole.md §5): each part
/// is computed exactly, gets its whole cents (rounded down), and the cents left over go one each
/// to the parts with the largest remainders, ties to the earlier part in input order.
enum LargestRemainder {
    /// Splits `total` among parts proportional to `weights`.
    ///
    /// - Parameters:
    ///   - total: the amount to split (may be negative: a recovery).
    ///   - weights: one non-negative weight per part, not all zero.
    /// - Returns: one amount per weight, in the same order, adding up to `total` exactly.
    /// - Throws: ``AllocationError`` for a negative weight or when all weights are zero.
    static func allocate(_ total: EuroCents, proportionalTo weights: [Fraction]) throws(AllocationError) -> [EuroCents] {
        guard !weights.isEmpty else { return [] }
        if let negative = weights.firstIndex(where: \.isNegative) { throw .negativeWeight(index: negative) }
        let weightSum = weights.sum()
        guard !weightSum.isZero else { throw .allWeightsZero }
        return distribute(units: total.cents, proportionalTo: weights).map { EuroCents(cents: $0) }
    }

    /// Rounds exact shares (in euro) to cents that add up to `total` (see ``distribute(units:exactShares:)``).
    static func distribute(_ total: EuroCents, exactShares: [Fraction]) -> [EuroCents] {
        // Each share × 100 split into whole cents and a remainder: the parts of rounding each
        // share to the cent (on machine integers when they fit).
        distribute(units: total.cents, roundingEach: exactShares, scale: 100).map { EuroCents(cents: $0) }
    }

    /// Rounds exact shares (in units: cents, hundredths of an FTE) to whole units that add up to
    /// `total`, in O(n log n) whatever the total: each part gets its whole units (rounded down),
    /// the units left over go one each to the largest remainders, ties to the earlier part. When
    /// the shares do not add up to `total` exactly (a caller that scaled them), the difference is
    /// first spread evenly, so the parts still add up.
    static func distribute(units total: BigInt, exactShares scaled: [Fraction]) -> [BigInt] {
        complete(floors: scaled.map { $0.floor }, remainders: scaled.map { $0 - Fraction($0.floor) }, total: total)
    }

    /// Splits `total` units in parts proportional to `weights` (non-negative; all zero gives the
    /// whole units spread evenly, as zero shares do): the same parts as
    /// ``distribute(units:exactShares:)`` of the exact shares `total × weight / Σ weights`,
    /// computed on integers. The weights are brought to their least common denominator; then each
    /// share's whole units and remainder come from one integer division by the same sum, so the
    /// remainders compare as integers, with no fraction made per part (an amount split by weights).
    static func distribute(units total: BigInt, proportionalTo weights: [Fraction]) -> [BigInt] {
        var denominator = BigInt(1)
        for weight in weights { denominator = denominator / BigInt.gcd(denominator, weight.denominator) * weight.denominator }
        var integers = weights.map { $0.numerator * (denominator / $0.denominator) }
        var sum = integers.reduce(BigInt(0), +)
        // A negative sum (negative weights, not met in the domain) is the same split with signs turned.
        if sum.isNegative {
            integers = integers.map { -$0 }
            sum = -sum
        }
        guard !sum.isZero else {
            return complete(floors: Array(repeating: 0, count: weights.count), remainders: Array(repeating: BigInt(0), count: weights.count), total: total)
        }
        let parts = integers.map { (total * $0).flooredQuotientAndRemainder(dividingBy: sum) }
        return complete(floors: parts.map(\.quotient), remainders: parts.map(\.remainder), total: total)
    }

    /// Rounds each of `values` to units of 1/`scale` so that they add up to `total` units: each
    /// value rounded down, the units left over going one each to the largest remainders, ties to
    /// the earlier part (``distribute(units:exactShares:)`` of `value × scale`, computed in 128
    /// bits when the values fit 64). When `total` is the rounding of the values' sum (half up, or down), every part
    /// is its own value rounded down or up: an entity of exactly 1 FTE is shown and declared 1,
    /// never 0,99 (the figures shown and the FTE to declare, docs/regole.md §5).
    static func distribute(units total: BigInt, roundingEach values: [Fraction], scale: BigInt) -> [BigInt] {
        // The usual case, every figure far inside 64 bits: floors, remainders and the units left
        // over on machine integers, remainders compared by cross-multiplication (no common
        // denominator made, no `BigInt` per part).
        if let parts = machineParts(values, scale: scale, total: total) {
            return complete(floors: parts.floors, remainders: parts.remainders, total: parts.total).map { BigInt($0) }
        }
        // Larger values (rare): the exact scaled values, as fractions.
        return distribute(units: total, exactShares: values.map { $0 * Fraction(scale) })
    }

    /// A remainder `numerator / denominator` (0 ≤ numerator < denominator < 2⁶³), compared as the
    /// fraction it is.
    private struct SmallRemainder: Comparable {
        let numerator: UInt64
        let denominator: UInt64

        static func < (lhs: Self, rhs: Self) -> Bool {
            UInt128(lhs.numerator) * UInt128(rhs.denominator) < UInt128(rhs.numerator) * UInt128(lhs.denominator)
        }

        static func == (lhs: Self, rhs: Self) -> Bool {
            UInt128(lhs.numerator) * UInt128(rhs.denominator) == UInt128(rhs.numerator) * UInt128(lhs.denominator)
        }
    }

    /// Below this bound in magnitude, the total and the sum of the floors leave every step of
    /// ``complete(floors:remainders:total:)`` on `Int64` without overflow (the units left over are
    /// under 2⁶², each part under 2⁶¹ + 2⁶²).
    private static let machineLimit: Int64 = 1 << 61

    /// The floors and remainders of `value × scale` for non-negative values, with `total`, as
    /// machine integers: nil when a value is negative or beyond 64 bits, or when the total or the
    /// sum of the floors reaches ``machineLimit`` (the general path then).
    private static func machineParts(_ values: [Fraction], scale: BigInt, total: BigInt) -> (
        floors: [Int64], remainders: [SmallRemainder], total: Int64
    )? {
        guard let scale = scale.int64Value, scale > 0, let total = total.int64Value, total.magnitude < machineLimit.magnitude else { return nil }
        var floors: [Int64] = []
        var remainders: [SmallRemainder] = []
        floors.reserveCapacity(values.count)
        remainders.reserveCapacity(values.count)
        var sum: Int64 = 0
        for value in values {
            guard let numerator = value.numerator.int64Value, let denominator = value.denominator.int64Value, numerator >= 0, denominator > 0 else {
                return nil
            }
            // One 64-bit division when the product fits (a library call on 128 bits otherwise).
            let floor: Int64
            let remainder: Int64
            let (product, overflow) = numerator.multipliedReportingOverflow(by: scale)
            if !overflow {
                (floor, remainder) = product.quotientAndRemainder(dividingBy: denominator)
            } else {
                let (quotient, rest) = (Int128(numerator) * Int128(scale)).quotientAndRemainder(dividingBy: Int128(denominator))
                guard quotient < Int128(machineLimit) else { return nil }
                (floor, remainder) = (Int64(quotient), Int64(rest))
            }
            // Checked before the sum: a floor may be as large as Int64.max (a review).
            guard floor < machineLimit else { return nil }
            sum += floor
            guard sum < machineLimit else { return nil }
            floors.append(floor)
            remainders.append(SmallRemainder(numerator: UInt64(remainder), denominator: UInt64(denominator)))
        }
        return (floors, remainders, total)
    }

    /// The one rule of the largest remainder: each part has its whole units (`floors`); the
    /// units left over go one each to the largest `remainders`, ties to the earlier part. When the
    /// floors and remainders do not come from shares adding up to `total` (a caller that scaled
    /// them), the difference is first spread evenly, so the parts still add up.
    private static func complete<Unit: SplitUnit, Remainder: Comparable>(floors: [Unit], remainders: [Remainder], total: Unit) -> [Unit] {
        guard !floors.isEmpty else { return [] }
        var units = floors
        let count = Unit(floors.count)
        let leftover = total - units.reduce(Unit(0), +)
        let (rounds, extra) = leftover.flooredQuotientAndRemainder(dividingBy: count)
        if !rounds.isZero { units = units.map { $0 + rounds } }
        let extraUnits = Int(extra.int64Value ?? 0)
        switch extraUnits {
        case 0:
            // Nothing left over (the usual case of figures already adding up): no order needed.
            break
        case 1:
            // One unit: the largest remainder, the earlier part on a tie (the first of the order below).
            var largest = remainders.startIndex
            for index in remainders.indices.dropFirst() where remainders[index] > remainders[largest] { largest = index }
            units[largest] = units[largest] + Unit(1)
        default:
            let order = remainders.indices.sorted { remainders[$0] != remainders[$1] ? remainders[$0] > remainders[$1] : $0 < $1 }
            for index in order.prefix(extraUnits) { units[index] = units[index] + Unit(1) }
        }
        return units
    }
}

/// The whole units a split counts in (``LargestRemainder``): ``BigInt`` for any size, `Int64`
/// for the usual case, kept by its caller below ``LargestRemainder`` 's machine limit so that no
/// step overflows. The rule is written once for both.
private protocol SplitUnit {
    init(_ value: Int)
    static func + (lhs: Self, rhs: Self) -> Self
    static func - (lhs: Self, rhs: Self) -> Self
    /// Whether the value is zero.
    var isZero: Bool { get }
    /// The value when it fits in `Int64`.
    var int64Value: Int64? { get }
    /// The quotient rounded toward −∞ and the remainder (of the divisor's sign) by a positive `divisor`.
    func flooredQuotientAndRemainder(dividingBy divisor: Self) -> (quotient: Self, remainder: Self)
}

extension BigInt: SplitUnit {}

extension Int64: SplitUnit {
    fileprivate var isZero: Bool { self == 0 }
    fileprivate var int64Value: Int64? { self }
    fileprivate func flooredQuotientAndRemainder(dividingBy divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let (quotient, remainder) = quotientAndRemainder(dividingBy: divisor)
        return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
    }
}

extension EuroCents {
    /// The amount split into parts proportional to `weights`, each exact and then rounded to the
    /// cent by largest remainder (ties to the earlier part), so the parts add up to the amount
    /// (docs/regole.md §5).
    ///
    /// - Parameter weights: one non-negative weight per part, not all zero.
    /// - Returns: one amount per weight, in the same order.
    /// - Throws: ``AllocationError`` for a negative weight or when all weights are zero.
    public func allocated(proportionalTo weights: [Fraction]) throws(AllocationError) -> [EuroCents] {
        try LargestRemainder.allocate(self, proportionalTo: weights)
    }
}
