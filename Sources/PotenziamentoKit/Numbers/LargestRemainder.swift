/// Splitting an amount into parts that add up to it to the cent.
///
/// RULES.md §5: when an amount is split (among comuni, or among ATS in a national riparto), each
/// part is computed exactly, every part gets its whole cents (rounded down), and the cents left
/// over go one each to the parts with the largest remainders, ties to the earlier part in input
/// order. The parts then add up to the total exactly.
public enum LargestRemainder {
    /// Splits `total` among parts proportional to `weights` (non-negative; when all are zero the
    /// total is split equally). The result has one amount per weight, in the same order.
    public static func allocate(_ total: EuroCents, proportionalTo weights: [Fraction]) -> [EuroCents] {
        guard !weights.isEmpty else { return [] }
        let weightSum = weights.sum()
        let shares: [Fraction] =
            weightSum.isZero
            ? Array(repeating: Fraction(Int128(total.cents), Int128(weights.count)), count: weights.count)
            : weights.map { Fraction(Int128(total.cents)) * $0 / weightSum }
        return distribute(total, exactShares: shares)
    }

    /// Rounds exact shares (in cents, summing to `total`) so that they add up to `total`.
    ///
    /// Shares need not sum to `total` exactly when the caller already scaled them (a reduction
    /// coefficient); the difference is then handed out by largest remainder, as above.
    public static func distribute(_ total: EuroCents, exactShares: [Fraction]) -> [EuroCents] {
        var floors = exactShares.map { Int64($0.floor) }
        let remainders = exactShares.enumerated().map { index, share in (index, share - Fraction(Int128(floors[index]))) }
        var leftover = total.cents - floors.reduce(0, +)
        let order = remainders.sorted { lhs, rhs in
            lhs.1 != rhs.1 ? lhs.1 > rhs.1 : lhs.0 < rhs.0
        }
        var position = 0
        while leftover > 0 && !order.isEmpty {
            floors[order[position % order.count].0] += 1
            leftover -= 1
            position += 1
        }
        return floors.map { EuroCents(cents: $0) }
    }
}
