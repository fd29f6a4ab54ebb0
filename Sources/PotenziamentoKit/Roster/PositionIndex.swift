/// The positions of values in a list, by a hash and a test of sameness the caller gives, to find
/// a repeated value among many in little memory: persons by id (compared as ``PersonID``
/// compares: ignoring case and surrounding spaces), ids by their shape (``IDShape``).
///
/// An open-addressing table of 32-bit positions, at most half full: 8 to 16 bytes per value,
/// where a `[PersonID: Int]` takes about 100 and copies every id (docs/benchmark.md, «Compact
/// records»). The values stay in the caller's list; the table asks for them by position.
/// Positions fit: a roster has at most ``Bounds/maximumRecords`` records.
struct PositionIndex {
    /// Position + 1 of the value in each slot; 0 for an empty slot.
    private var slots: [UInt32]
    private var count = 0

    /// An index sized for `expected` values (it grows past them if needed).
    init(expected: Int) {
        var size = 16
        while size < expected * 2 { size *= 2 }
        slots = [UInt32](repeating: 0, count: size)
    }

    /// The position already recorded for a value the same as the one at `position`; or nil,
    /// after recording `position`.
    ///
    /// - Parameters:
    ///   - hashValue: the value's hash; values that are the same have the same hash.
    ///   - isSame: whether the value at a position recorded before is the same as the new one.
    ///   - hashAt: the hash of the value at a position recorded before (to grow the table).
    mutating func insert(hashValue: Int, at position: Int, isSame: (Int) -> Bool, hashAt: (Int) -> Int) -> Int? {
        if (count + 1) * 2 > slots.count { grow(hashAt: hashAt) }
        let mask = slots.count - 1
        var slot = hashValue & mask
        while slots[slot] != 0 {
            let earlier = Int(slots[slot]) - 1
            if isSame(earlier) { return earlier }
            slot = (slot + 1) & mask
        }
        slots[slot] = UInt32(truncatingIfNeeded: position + 1)
        count += 1
        return nil
    }

    /// The position already recorded for `id`; or nil, after recording `position` for it.
    ///
    /// - Parameters:
    ///   - hashValue: `id.hashValue`, when the caller has computed it (on another processor,
    ///     for a large table read in parts).
    ///   - idAt: the id of the person at a position recorded before.
    mutating func insert(_ id: PersonID, hashValue: Int? = nil, at position: Int, idAt: (Int) -> PersonID) -> Int? {
        insert(hashValue: hashValue ?? id.hashValue, at: position, isSame: { idAt($0) == id }, hashAt: { idAt($0).hashValue })
    }

    /// Each of `count` positions whose value is the same as an earlier one's, with the first
    /// such earlier one, in order of position.
    ///
    /// - Parameters:
    ///   - hash: the hash of the value at a position; values that are the same have the same hash.
    ///   - isSame: whether the values at two positions are the same (asked only of equal hashes).
    static func repeats(count: Int, hash: (Int) -> Int, isSame: (_ position: Int, _ earlier: Int) -> Bool) -> [(position: Int, earlier: Int)] {
        guard count > 1 else { return [] }
        let hashes = (0..<count).map(hash)
        var index = PositionIndex(expected: count)
        var pairs: [(position: Int, earlier: Int)] = []
        for position in 0..<count {
            let earlier = index.insert(
                hashValue: hashes[position], at: position, isSame: { hashes[$0] == hashes[position] && isSame(position, $0) }, hashAt: { hashes[$0] })
            if let earlier { pairs.append((position, earlier)) }
        }
        return pairs
    }

    /// The same positions in a table twice as large.
    private mutating func grow(hashAt: (Int) -> Int) {
        let old = slots
        slots = [UInt32](repeating: 0, count: old.count * 2)
        let mask = slots.count - 1
        for entry in old where entry != 0 {
            var slot = hashAt(Int(entry) - 1) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }
}
