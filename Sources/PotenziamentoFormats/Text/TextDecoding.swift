#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Decoding the bytes of a text file: UTF-8 (with or without BOM) or, where the caller allows it,
/// Windows-1252, which is what a spreadsheet program on Italian Windows writes for
/// "CSV (separato da punto e virgola)". UTF-16 and binary files are recognised and refused.
package enum TextDecoding {
    /// Decoded text.
    package enum Decoded: Sendable {
        /// Well-formed UTF-8: the file's own bytes, from `start` (after a BOM).
        case utf8([UInt8], start: Int)
        /// Text decoded from Windows-1252, as UTF-8 bytes.
        case windows1252([UInt8])

        /// The UTF-8 bytes of the text (without BOM).
        package var utf8Bytes: [UInt8] {
            switch self {
            case .utf8(let bytes, let start): start == 0 ? bytes : Array(bytes[start...])
            case .windows1252(let bytes): bytes
            }
        }
    }

    /// Why bytes are not text the readers accept.
    package enum Problem: Error, Sendable, Equatable {
        /// No bytes at all.
        case empty
        /// UTF-16 text (with a BOM, or with the zero bytes of UTF-16 in its first characters).
        case utf16
        /// A zero byte at `offset`: not a text file.
        case zeroByte(offset: Int)
        /// A byte sequence that is not UTF-8, at `offset` (only when Windows-1252 is not allowed).
        case invalidUTF8(offset: Int)
        /// Text in two encodings (two exports joined): a character beyond ASCII in UTF-8 at
        /// `utf8Offset`, a byte that is not UTF-8 at `otherOffset` (only when Windows-1252 is
        /// allowed: read as Windows-1252, the UTF-8 part would change its letters).
        case mixedEncodings(utf8Offset: Int, otherOffset: Int)
    }

    /// The text of `bytes`.
    ///
    /// - Parameters:
    ///   - bytes: the file's bytes.
    ///   - allowsWindows1252: whether bytes that are not UTF-8 are read as Windows-1252 (CSV files
    ///     saved by Excel) or refused at the first bad byte (JSON must be UTF-8, RFC 8259).
    package static func decode(_ bytes: [UInt8], allowsWindows1252: Bool) -> Result<Decoded, Problem> {
        guard !bytes.isEmpty else { return .failure(.empty) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return .failure(.utf16) }
        if bytes.count >= 4, (bytes[1] == 0 && bytes[3] == 0 && bytes[0] != 0) || (bytes[0] == 0 && bytes[2] == 0 && bytes[1] != 0) {
            return .failure(.utf16)
        }
        let zero = bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress, let found = memchr(base, 0, buffer.count) else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
        if let zero { return .failure(.zeroByte(offset: zero)) }
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let valid = bytes.withUnsafeBufferPointer { UTF8Validation.isValid(UnsafeBufferPointer(rebasing: $0[start...])) }
        if valid { return .success(.utf8(bytes, start: start)) }
        guard allowsWindows1252 else { return .failure(.invalidUTF8(offset: firstInvalidUTF8(bytes, from: start))) }
        if let mixed = mixedEncodings(bytes, from: start) { return .failure(mixed) }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes[start...] {
            if byte < 0x80 {
                decoded.append(byte)
            } else {
                decoded.append(contentsOf: Array(String(Character(windows1252(byte))).utf8))
            }
        }
        return .success(.windows1252(decoded))
    }

    /// The offset of the first byte that breaks UTF-8, from `start`.
    static func firstInvalidUTF8(_ bytes: [UInt8], from start: Int) -> Int {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes[start...].makeIterator()
        var offset = start
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .emptyInput: return offset
            case .error: return offset
            }
        }
    }

    /// Whether `scalar`, a character beyond ASCII, is one Italian text writes: a Latin letter
    /// with an accent (U+00C0-U+017F), a typographic quote or dash (U+2013-U+201E), «€». Two
    /// bytes of Windows-1252 text that happen to be UTF-8 (`Ì–`, `Ò` and a non-breaking space)
    /// give other characters (a review), and are not taken for UTF-8.
    package static func isLikelyText(_ scalar: Unicode.Scalar) -> Bool {
        (0xC0...0x17F).contains(scalar.value) || (0x2013...0x201E).contains(scalar.value) || scalar == "€"
    }

    /// Both a UTF-8 character beyond ASCII and a byte that is not UTF-8 in `bytes` from `start`,
    /// at their first offsets; nil when one of the two is missing. Only a character Italian text
    /// writes (``isLikelyText(_:)``) counts as UTF-8: in Windows-1252 Italian text such a sequence
    /// would be a letter such as «Ã» followed by a symbol such as «²», not written.
    static func mixedEncodings(_ bytes: [UInt8], from start: Int) -> Problem? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes[start...].makeIterator()
        var offset = start
        var (utf8, other): (Int?, Int?) = (nil, nil)
        while utf8 == nil || other == nil {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if encoded.count > 1, utf8 == nil, isLikelyText(Unicode.UTF8.decode(encoded)) { utf8 = offset }
                offset += encoded.count
            case .error(let length):
                if other == nil { other = offset }
                offset += length
            case .emptyInput:
                return nil
            }
        }
        guard let utf8, let other else { return nil }
        return .mixedEncodings(utf8Offset: utf8, otherOffset: other)
    }

    /// The Unicode scalar of a Windows-1252 byte (the five unassigned bytes map to C1 controls).
    package static func windows1252(_ byte: UInt8) -> Unicode.Scalar {
        guard (0x80...0x9F).contains(byte) else { return Unicode.Scalar(byte) }
        let table: [UInt32] = [
            0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
            0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
        ]
        return Unicode.Scalar(table[Int(byte) - 0x80]) ?? Unicode.Scalar(byte)
    }

    /// Line and column (1-based) of byte `offset` in `bytes`, counting characters.
    package static func position(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        bytes.withUnsafeBufferPointer { position(of: offset, in: $0, from: (0, 1, 1)) }
    }

    /// Line and column (1-based, columns in characters) of byte `offset` in `bytes`, counted from
    /// `start`: an offset at or before it whose line and column are known (the JSON reader's
    /// last count before it gave pages back).
    package static func position(
        of offset: Int, in bytes: UnsafeBufferPointer<UInt8>, from start: (offset: Int, line: Int, column: Int)
    ) -> (line: Int, column: Int) {
        let end = min(offset, bytes.count)
        guard start.offset < end else { return (start.line, start.column) }
        let segment = UnsafeBufferPointer(rebasing: bytes[start.offset..<end])
        let lineEnds = count(in: segment, lineEnds: true)
        let lastLine = lineEnds == 0 ? segment[...] : segment[((segment.lastIndex(of: 0x0A) ?? -1) + 1)...]
        let characters = count(in: UnsafeBufferPointer(rebasing: lastLine), lineEnds: false)
        return lineEnds == 0 ? (start.line, start.column + characters) : (start.line + lineEnds, 1 + characters)
    }

    /// The line ends (`\n`) in `bytes`, or (`lineEnds` false) their characters: the bytes that do
    /// not continue a UTF-8 sequence. Eight bytes at a time (a byte equal to `\n` found exactly with
    /// ``ByteWords``; a continuation byte is `10xxxxxx`), then the rest.
    static func count(in bytes: UnsafeBufferPointer<UInt8>, lineEnds: Bool) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let high: UInt64 = 0x8080_8080_8080_8080
        let ones: UInt64 = 0x0101_0101_0101_0101
        var total = 0
        var index = 0
        // The top bit of each byte found; their count is the sum of the bytes of `found >> 7`,
        // made by one multiplication (no population count: the baseline x86-64 has none).
        func add(_ found: UInt64) { total &+= Int(truncatingIfNeeded: (((found & high) >> 7) &* ones) >> 56) }
        if lineEnds {
            while index + 8 <= bytes.count {
                add(ByteWords.equal(ByteWords.load(base + index), 0x0A))  // a line end
                index += 8
            }
        } else {
            while index + 8 <= bytes.count {
                let word = ByteWords.load(base + index)
                add(~word | (word << 1))  // top bit clear, or the next bit set: not a continuation byte
                index += 8
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            total &+= lineEnds ? (byte == 0x0A ? 1 : 0) : (byte & 0xC0 != 0x80 ? 1 : 0)
            index += 1
        }
        return total
    }
}
