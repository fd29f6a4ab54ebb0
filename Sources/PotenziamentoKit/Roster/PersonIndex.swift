/// The positions of persons in a list, by id (compared as ``PersonID`` compares: ignoring case
/// and surrounding spaces), to find a repeated id among many records in little memory.
///
/// An open-addressing table of 32-bit positions, at most half full: 8 to 16 bytes per person,
/// where a `[PersonID: Int]` takes about 100 and copies every id (docs/benchmark.md, «Compact
/// records»). The ids stay in the caller's list; the table asks for them by position. Positions
/// fit: a roster has at most ``Bounds/maximumRecords`` records.
struct PersonIndex {
    /// Position + 1 of the person in each slot; 0 for an empty slot.
    private var slots: [UInt32]
    private var count = 0

    /// An index sized for `expected` persons (it grows past them if needed).
    init(expected: Int) {
        var size = 16
        while size < expected * 2 { size *= 2 }
        slots = [UInt32](repeating: 0, count: size)
    }

    /// The position already recorded for `id`; or nil, after recording `position` for it.
    ///
    /// - Parameter idAt: the id of the person at a position recorded before.
    mutating func insert(_ id: PersonID, at position: Int, idAt: (Int) -> PersonID) -> Int? {
        insert(id, hashValue: id.hashValue, at: position, idAt: idAt)
    }

    /// The same, with `id`'s `hashValue` computed by the caller (on another processor, for a
    /// large table read in parts).
    mutating func insert(_ id: PersonID, hashValue: Int, at position: Int, idAt: (Int) -> PersonID) -> Int? {
        if (count + 1) * 2 > slots.count { grow(idAt: idAt) }
        let mask = slots.count - 1
        var slot = hashValue & mask
        while slots[slot] != 0 {
            let earlier = Int(slots[slot]) - 1
            if idAt(earlier) == id { return earlier }
            slot = (slot + 1) & mask
        }
        slots[slot] = UInt32(truncatingIfNeeded: position + 1)
        count += 1
        return nil
    }

    /// The same positions in a table twice as large.
    private mutating func grow(idAt: (Int) -> PersonID) {
        let old = slots
        slots = [UInt32](repeating: 0, count: old.count * 2)
        let mask = slots.count - 1
        for entry in old where entry != 0 {
            var slot = idAt(Int(entry) - 1).hashValue & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }
}
