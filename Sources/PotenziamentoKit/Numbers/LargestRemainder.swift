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
        return distribute(total, exactShares: weights.map { total.euros * $0 / weightSum })
    }

    /// Rounds exact shares (in euro) to cents that add up to `total` (see ``distribute(units:exactShares:)``).
    static func distribute(_ total: EuroCents, exactShares: [Fraction]) -> [EuroCents] {
        distribute(units: total.cents, exactShares: exactShares.map { $0 * Fraction(100) }).map { EuroCents(cents: $0) }
    }

    /// Rounds exact shares (in units: cents, hundredths of an FTE) to whole units that add up to
    /// `total`, in O(n log n) whatever the total: each part gets its whole units (rounded down),
    /// the units left over go one each to the largest remainders, ties to the earlier part. When
    /// the shares do not add up to `total` exactly (a caller that scaled them), the difference is
    /// first spread evenly, so the parts still add up.
    static func distribute(units total: BigInt, exactShares scaled: [Fraction]) -> [BigInt] {
        guard !scaled.isEmpty else { return [] }
        var units = scaled.map { $0.floor }
        let remainders = scaled.indices.map { scaled[$0] - Fraction(units[$0]) }
        let count = BigInt(scaled.count)
        let leftover = total - units.reduce(BigInt(0), +)
        let (rounds, extra) = leftover.flooredQuotientAndRemainder(dividingBy: count)
        if !rounds.isZero { units = units.map { $0 + rounds } }
        let order = remainders.indices.sorted { remainders[$0] != remainders[$1] ? remainders[$0] > remainders[$1] : $0 < $1 }
        for index in order.prefix(Int(extra.int64Value ?? 0)) { units[index] += BigInt(1) }
        return units
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
