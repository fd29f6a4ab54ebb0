/// Why a piece of text is not an acceptable number.
package enum NumberParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Nothing was written.
    case empty
    /// A character that does not belong in a number (letters, exponents, `NaN`, spaces inside).
    case invalidCharacter(Character)
    /// Separators in a place or combination that makes the value ambiguous or malformed.
    case malformed
    /// More decimal digits than the field allows.
    case tooManyDecimals(allowed: Int)
    /// More digits than any figure of this domain can have.
    case tooLarge
    /// A decimal where only whole numbers are allowed.
    case notAnInteger
    /// An amount written with the euro sign or `EUR` (`55.846,15 €`).
    case currencySign

    package var description: String {
        switch self {
        case .empty: "valore vuoto"
        case .invalidCharacter(let character):
            TextSafety.naming(character).hasPrefix("«")
                ? "carattere non valido \(TextSafety.naming(character)) in un numero"
                : "\(TextSafety.naming(character)) in un numero: riscrivi il numero senza incollarlo"
        case .malformed: "numero scritto in modo non valido (usa 22,5 oppure 22.5)"
        case .tooManyDecimals(let allowed): "troppe cifre decimali (al massimo \(allowed))"
        case .tooLarge: "numero troppo grande"
        case .notAnInteger: "deve essere un numero intero"
        case .currencySign: "scrivi solo la cifra, senza il simbolo € (o EUR) e senza spazi: per esempio 55.846,15"
        }
    }
}

/// The strict parser for numbers typed by people: `22,5` and `22.5` (Italian and plain decimals),
/// `1.234,56` (Italian thousands), `100.000` read as a whole number only where a whole number is
/// expected. Anything else (`22,5x`, `1e3`, `NaN`, empty, `0x10`) is rejected: unlike
/// Foundation's string initializer of `Decimal`, no prefix of garbage is ever accepted.
package enum DecimalParser {
    /// The most integer digits a figure may have (keeps exact arithmetic bounded).
    package static let maximumIntegerDigits = 15

    /// Parses a decimal number with at most `maximumDecimals` decimal digits.
    ///
    /// One `,` or one `.` is the decimal separator; with both, dots group thousands and the comma
    /// is the decimal separator (`1.234,56`); several dots alone group thousands (`1.234.567`).
    package static func parseDecimal(_ text: String, maximumDecimals: Int = 6) -> Result<Fraction, NumberParseError> {
        let maximumDecimals = min(max(maximumDecimals, 0), 30)
        // Fast path for plain numbers (`100`, `83.33`, `50,5`), the bulk of every roster.
        if let plain = plain(text, maximumDecimals: maximumDecimals) { return .success(plain) }
        let trimmed = trimmedBytes(text)
        guard !trimmed.isEmpty else { return .failure(.empty) }
        var bytes = trimmed[...]
        var negative = false
        if bytes.first == UInt8(ascii: "-") {
            negative = true
            bytes = bytes.dropFirst()
        }
        for byte in bytes where !isDigit(byte) && byte != UInt8(ascii: ".") && byte != UInt8(ascii: ",") {
            // The euro sign (its first byte, 0xE2) or `EUR` beside an amount: said as such, not as
            // the space before it (an officer's trial: «carattere non valido « »»).
            if text.contains("€") || text.uppercased().contains("EUR") { return .failure(.currencySign) }
            return .failure(.invalidCharacter(character(of: byte, in: text)))
        }
        let commas = bytes.filter { $0 == UInt8(ascii: ",") }.count
        let dots = bytes.filter { $0 == UInt8(ascii: ".") }.count
        var integerPart: ArraySlice<UInt8>
        var fractionPart: ArraySlice<UInt8> = []
        switch (commas, dots) {
        case (0, 0):
            integerPart = bytes
        case (0, 1), (1, 0):
            let separator = bytes.firstIndex { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ".") }!
            integerPart = bytes[..<separator]
            fractionPart = bytes[(separator + 1)...]
        case (0, _):
            guard let grouped = ungrouped(bytes) else { return .failure(.malformed) }
            integerPart = grouped
        case (1, _):
            let comma = bytes.firstIndex(of: UInt8(ascii: ","))!
            guard let grouped = ungrouped(bytes[..<comma]) else { return .failure(.malformed) }
            integerPart = grouped
            fractionPart = bytes[(comma + 1)...]
        default:
            return .failure(.malformed)
        }
        // A decimal separator needs digits on both sides: `,5` and `22,` are not numbers.
        let hasDecimalSeparator = commas == 1 || (commas == 0 && dots == 1)
        if hasDecimalSeparator && fractionPart.isEmpty {
            return .failure(.malformed)
        }
        guard !integerPart.isEmpty else { return .failure(.malformed) }
        // Only digits may remain once the separators are understood (`2.222,..` is not a number).
        guard integerPart.allSatisfy(isDigit), fractionPart.allSatisfy(isDigit) else { return .failure(.malformed) }
        guard integerPart.count <= maximumIntegerDigits else { return .failure(.tooLarge) }
        guard fractionPart.count <= maximumDecimals else { return .failure(.tooManyDecimals(allowed: maximumDecimals)) }
        let digits = Array(integerPart) + Array(fractionPart)
        guard let magnitude = digits.withUnsafeBufferPointer({ BigInt(asciiDigits: $0) }) else { return .failure(.tooLarge) }
        return .success(Fraction(negative ? -magnitude : magnitude, BigInt.tenToThe(fractionPart.count)))
    }

    /// Parses a whole number: plain digits, or Italian thousands groups (`100.000`, `1.234.567`).
    package static func parseInteger(_ text: String) -> Result<Int, NumberParseError> {
        let trimmed = trimmedBytes(text)
        guard !trimmed.isEmpty else { return .failure(.empty) }
        var bytes = trimmed[...]
        var negative = false
        if bytes.first == UInt8(ascii: "-") {
            negative = true
            bytes = bytes.dropFirst()
        }
        for byte in bytes where !isDigit(byte) && byte != UInt8(ascii: ".") && byte != UInt8(ascii: ",") {
            return .failure(.invalidCharacter(character(of: byte, in: text)))
        }
        var digits = bytes
        if bytes.contains(UInt8(ascii: ".")) || bytes.contains(UInt8(ascii: ",")) {
            guard !bytes.contains(UInt8(ascii: ",")), let grouped = ungrouped(bytes) else {
                return .failure(.notAnInteger)
            }
            digits = grouped
        }
        guard !digits.isEmpty else { return .failure(.malformed) }
        guard digits.count <= maximumIntegerDigits else { return .failure(.tooLarge) }
        var value = 0
        for byte in digits { value = value * 10 + Int(byte - UInt8(ascii: "0")) }
        return .success(negative ? -value : value)
    }

    /// `123`, `12.5` or `12,5` with at most `maximumDecimals` decimals and 15 integer digits,
    /// without allocating; nil for anything else (then the general path decides, which accepts
    /// these alike).
    static func plain(_ text: String, maximumDecimals: Int) -> Fraction? {
        var text = text
        return text.withUTF8 { plainDecimal($0, maximumDecimals: maximumDecimals) }
    }

    /// `123`, `12.5` or `12,5` as UTF-8 bytes (nothing else, not even spaces) with at most
    /// `maximumDecimals` decimals and 15 integer digits, without allocating; nil for anything
    /// else. The readers' fast paths use it; the general parser accepts the same values alike.
    static func plainDecimal(_ bytes: UnsafeBufferPointer<UInt8>, maximumDecimals: Int) -> Fraction? {
        var value: Int64 = 0
        var scale: Int64 = 1
        var integerDigits = 0
        var fractionDigits = 0
        var seenSeparator = false
        for byte in bytes {
            if byte >= 0x30 && byte <= 0x39 {
                // 18 digits always fit in 64 bits; longer numbers take the 128-bit general path.
                if integerDigits + fractionDigits >= 18 { return nil }
                value = value * 10 + Int64(byte - 0x30)
                if seenSeparator {
                    fractionDigits += 1
                    scale *= 10
                    if fractionDigits > maximumDecimals { return nil }
                } else {
                    integerDigits += 1
                    if integerDigits > maximumIntegerDigits { return nil }
                }
            } else if (byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",")) && !seenSeparator && integerDigits > 0 {
                seenSeparator = true
            } else {
                return nil
            }
        }
        guard integerDigits > 0, !seenSeparator || fractionDigits > 0 else { return nil }
        // A whole number is already in lowest terms.
        return scale == 1 ? Fraction(BigInt(value)) : Fraction(BigInt(value), BigInt(scale))
    }

    /// The digits of `1.234.567` without the dots, or nil unless every group after the first has
    /// exactly three digits and the first has one to three.
    private static func ungrouped(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        let groups = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard groups.count >= 2, let first = groups.first, (1...3).contains(first.count),
            groups.dropFirst().allSatisfy({ $0.count == 3 })
        else { return nil }
        return ArraySlice(groups.joined())
    }

    private static func trimmedBytes(_ text: String) -> [UInt8] {
        var bytes = Array(text.utf8)
        while let last = bytes.last, last == 0x20 || last == 0x09 { bytes.removeLast() }
        let leading = bytes.prefix { $0 == 0x20 || $0 == 0x09 }.count
        return Array(bytes.dropFirst(leading))
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func character(of byte: UInt8, in text: String) -> Character {
        if byte < 0x80 { return Character(Unicode.Scalar(byte)) }
        return text.first { !$0.isASCII } ?? "?"
    }
}
