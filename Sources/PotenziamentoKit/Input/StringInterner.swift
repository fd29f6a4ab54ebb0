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
