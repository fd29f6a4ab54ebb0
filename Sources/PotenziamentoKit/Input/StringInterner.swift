#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns UTF-8 bytes into `String`s, reusing the ones seen recently.
///
/// A roster repeats a few long values on every record (`assistente_sociale`,
/// `tempo_indeterminato`): handing out the same `String` spares an allocation each time and
/// makes later comparisons cheap (equal storage). Strings of up to 15 bytes are stored inline by
/// Swift and are simply built. The cache is a small direct-mapped table, so it never grows.
struct StringInterner {
    private var slots = [(bytes: [UInt8], text: String)?](repeating: nil, count: 64)

    /// The string of `bytes` (valid UTF-8: the readers work on text already decoded).
    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.count > 15 else { return String(decoding: bytes, as: UTF8.self) }
        let slot = (bytes.count &* 31 &+ Int(bytes[0]) &* 7 &+ Int(bytes[bytes.count - 1]) &* 3 &+ Int(bytes[bytes.count / 2])) & 63
        if let recent = slots[slot], recent.bytes.count == bytes.count,
            recent.bytes.withUnsafeBufferPointer({ memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 })
        {
            return recent.text
        }
        let text = String(decoding: bytes, as: UTF8.self)
        slots[slot] = (Array(bytes), text)
        return text
    }
}

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
