#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Decoding input files: UTF-8 (with or without BOM), or, when the bytes are not valid UTF-8,
/// Windows-1252, which is what a spreadsheet program on Italian Windows writes for
/// "CSV (separato da punto e virgola)". `Forlì` and `Società della Salute` come through intact.
public enum TextDecoding {
    /// The largest input file accepted (1 GiB).
    public static let maximumFileSize = 1 << 30

    /// The decoded text and, when Windows-1252 was used, a warning saying so.
    public static func decode(_ bytes: [UInt8], file: String) throws(InputError) -> (text: String, warning: InputDiagnostic?) {
        switch try decodeKeepingUTF8(bytes, file: file) {
        case .utf8(let bytes, let start): return (String(decoding: bytes[start...], as: UTF8.self), nil)
        case .text(let text, let warning): return (text, warning)
        }
    }

    /// A file's content: its own bytes when they are UTF-8 (`start` skips a BOM), else text
    /// decoded from Windows-1252 with the warning.
    enum Content {
        /// Well-formed UTF-8, from `start`.
        case utf8([UInt8], start: Int)
        /// Decoded from Windows-1252.
        case text(String, warning: InputDiagnostic)
    }

    /// As ``decode(_:file:)``, but UTF-8 bytes are only validated and kept as they are.
    static func decodeKeepingUTF8(_ bytes: [UInt8], file: String) throws(InputError) -> Content {
        let place = SourcePlace(file: file, position: .file)
        guard !bytes.isEmpty else { throw InputError(place, "il file è vuoto") }
        guard bytes.count <= maximumFileSize else { throw InputError(place, "il file supera 1 GiB: non è un file di dati plausibile") }
        let zeroPosition = bytes.withUnsafeBufferPointer { buffer in
            memchr(buffer.baseAddress!, 0, buffer.count).map { buffer.baseAddress!.distance(to: $0.assumingMemoryBound(to: UInt8.self)) }
        }
        if let zero = zeroPosition {
            throw InputError(place, "il file contiene byte nulli (posizione \(zero)): non è un file di testo (CSV o JSON)")
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if body.withUnsafeBufferPointer(UTF8Validation.isValid) { return .utf8(bytes, start: body.startIndex) }
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(body.count)
        for byte in body { scalars.append(windows1252(byte)) }
        let warning = InputDiagnostic(
            .warning, place, "il file non è in UTF-8: letto come Windows-1252 (il formato CSV di Excel in italiano); controlla le lettere accentate")
        return .text(String(scalars), warning: warning)
    }

    /// The Unicode scalar of a Windows-1252 byte (the five unassigned bytes map to C1 controls).
    static func windows1252(_ byte: UInt8) -> Unicode.Scalar {
        guard (0x80...0x9F).contains(byte) else { return Unicode.Scalar(byte) }
        let table: [UInt32] = [
            0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
            0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
        ]
        return Unicode.Scalar(table[Int(byte) - 0x80])!
    }
}
