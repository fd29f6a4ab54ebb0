/// UTF-8 validation in place, for input read as bytes: a large JSON roster is then parsed from
/// the file's own buffer, with no `String` copy of it.
///
/// Valid means well-formed per Unicode, table 3-7 (no overlong forms, no surrogates, nothing
/// above U+10FFFF): exactly what `String(validating:as:)` accepts (a test compares the two).
package enum UTF8Validation {
    /// Whether `bytes` are well-formed UTF-8.
    package static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        let count = bytes.count
        var index = 0
        while index < count {
            // ASCII, eight bytes at a time.
            while index &+ 8 <= count, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { index &+= 8 }
            guard index < count else { return true }
            let lead = bytes[index]
            if lead < 0x80 {
                index &+= 1
                continue
            }
            // The allowed range of the second byte depends on the lead byte; the others are 80...BF.
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                high = 0x9F
            case 0xF0:
                length = 4
                low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                high = 0x8F
            default: return false
            }
            guard index &+ length <= count, bytes[index &+ 1] >= low, bytes[index &+ 1] <= high else { return false }
            for offset in 2..<length where bytes[index &+ offset] & 0xC0 != 0x80 { return false }
            index &+= length
        }
        return true
    }
}
