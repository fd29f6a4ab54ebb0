#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The area splits read recently, by the exact text they were read from (a JSON `aree` object,
/// or the area cells of a CSV row joined by a separator): records with the same split share one
/// dictionary instead of building their own. Direct-mapped, a few entries, never grows.
struct AreaSplitCache {
    private var slots = [(text: [UInt8], areas: [ActivityArea: Fraction])?](repeating: nil, count: 8)

    private static func slot(_ count: Int, _ first: UInt8, _ last: UInt8) -> Int { (count &* 7 &+ Int(first) &+ Int(last) &* 3) & 7 }

    /// The split whose text starts at `start` in `bytes` (the text must end where the stored one
    /// ends), and the position after it.
    func lookup(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> ([ActivityArea: Fraction], Int)? {
        for slot in slots {
            guard let slot, start + slot.text.count <= bytes.count, bytes[start] == slot.text.first,
                slot.text.withUnsafeBufferPointer({ memcmp($0.baseAddress!, bytes.baseAddress! + start, $0.count) == 0 })
            else { continue }
            return (slot.areas, start + slot.text.count)
        }
        return nil
    }

    /// The split of exactly these bytes, if stored.
    func lookup(exactly text: UnsafeBufferPointer<UInt8>) -> [ActivityArea: Fraction]? {
        guard let first = text.first, let last = text.last, let slot = slots[Self.slot(text.count, first, last)], slot.text.count == text.count,
            slot.text.withUnsafeBufferPointer({ memcmp($0.baseAddress!, text.baseAddress!, text.count) == 0 })
        else { return nil }
        return slot.areas
    }

    /// Remembers `areas` as the split written `text`.
    mutating func store(_ areas: [ActivityArea: Fraction], for text: UnsafeBufferPointer<UInt8>) {
        guard let first = text.first, let last = text.last else { return }
        slots[Self.slot(text.count, first, last)] = (Array(text), areas)
    }
}
