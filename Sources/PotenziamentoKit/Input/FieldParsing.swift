/// Parsing of single input fields into domain values, with the Italian message for each failure.
/// Shared by the JSON and CSV readers so both accept exactly the same values.
enum FieldParsing {
    /// The most decimals a percentuale may carry (keeps FTE denominators bounded).
    static let percentageDecimals = 4

    /// A percentuale of full time, 0 < p ≤ 100; `%` allowed at the end in CSV.
    static func percentage(_ text: String) -> Result<Fraction, FieldError> {
        percent(text, allowsZero: false, what: "la percentuale", failure: "percentuale non valida")
    }

    /// An area share in percent, 0 ≤ p ≤ 100 (empty means 0 in CSV).
    static func areaShare(_ text: String) -> Result<Fraction, FieldError> {
        percent(text, allowsZero: true, what: "la quota di un'area", failure: "quota di area non valida")
    }

    /// The fast paths of the readers: the value when the bytes are a plain, valid value, nil when
    /// the general function (with its message) must decide. Whatever they accept, the general
    /// functions accept with the same value.
    enum Plain {
        /// A plain percentuale (`100`, `83.33`, `50,5`), 0 < p ≤ 100.
        static func percentage(_ bytes: UnsafeBufferPointer<UInt8>) -> Fraction? {
            guard let value = DecimalParser.plainDecimal(bytes, maximumDecimals: percentageDecimals), value > .zero, value <= Fraction(100) else {
                return nil
            }
            return value
        }

        /// A plain area share, 0 ≤ p ≤ 100.
        static func areaShare(_ bytes: UnsafeBufferPointer<UInt8>) -> Fraction? {
            guard let value = DecimalParser.plainDecimal(bytes, maximumDecimals: percentageDecimals), value <= Fraction(100) else { return nil }
            return value
        }

        /// A date written in exactly 10 bytes.
        static func date(_ bytes: UnsafeBufferPointer<UInt8>) -> CivilDate? { CivilDate.parse(utf8: bytes) }
    }

    /// A percent value with at most 4 decimals, in (0, 100] or [0, 100]; a final `%` is allowed.
    private static func percent(_ text: String, allowsZero: Bool, what: String, failure: String) -> Result<Fraction, FieldError> {
        var trimmed = Substring(text)
        if trimmed.utf8.last == UInt8(ascii: " ") || trimmed.utf8.last == UInt8(ascii: "%") {
            while trimmed.last == " " { trimmed.removeLast() }
            if trimmed.last == "%" { trimmed.removeLast() }
        }
        switch DecimalParser.parseDecimal(String(trimmed), maximumDecimals: percentageDecimals) {
        case .success(let value):
            let inRange = (allowsZero ? value >= .zero : value > .zero) && value <= Fraction(100)
            guard inRange else {
                let bounds = allowsZero ? "tra 0 e 100" : "maggiore di 0 e al massimo 100"
                return .failure("\(what) deve essere \(bounds) (indicato: \(text))")
            }
            return .success(value)
        case .failure(let error):
            return .failure("\(failure) «\(text)»: \(error)")
        }
    }

    /// A date `AAAA-MM-GG` or `GG/MM/AAAA`.
    static func date(_ text: String) -> Result<CivilDate, FieldError> {
        let trimmed = text.trimmingSpaces
        if let date = CivilDate.parse(trimmed) { return .success(date) }
        if trimmed.looksLikeDate {
            return .failure("data inesistente «\(text)»")
        }
        return .failure("data non valida «\(text)»: scrivi AAAA-MM-GG oppure GG/MM/AAAA")
    }

    /// Residents: a positive whole number (Italian thousands allowed), at most 100 million.
    static func residents(_ text: String) -> Result<Int, FieldError> {
        switch DecimalParser.parseInteger(text) {
        case .success(let value):
            guard value > 0 else { return .failure("la popolazione deve essere un numero intero positivo (indicato: \(text))") }
            guard value <= ContributionError.maximumPopulation else { return .failure("popolazione fuori misura: \(text)") }
            return .success(value)
        case .failure(let error):
            return .failure("popolazione non valida «\(text)»: \(error)")
        }
    }

    /// A boolean: `si`/`sì`/`no`, `vero`/`falso`, `true`/`false`, `1`/`0`; nil for empty.
    static func boolean(_ text: String) -> Result<Bool?, FieldError> {
        switch text.trimmingSpaces.lowercased() {
        case "": .success(nil)
        case "si", "sì", "s", "vero", "true", "1", "x": .success(true)
        case "no", "n", "falso", "false", "0": .success(false)
        default: .failure("valore sì/no non valido «\(text)»: usa si/no, vero/falso, true/false, 1/0")
        }
    }

    /// A year written as four digits.
    static func year(_ text: String) -> Result<Int, FieldError> {
        let trimmed = text.trimmingSpaces
        guard trimmed.utf8.count == 4, let value = Int(trimmed), (1900...2200).contains(value) else {
            return .failure("anno non valido «\(text)»")
        }
        return .success(value)
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        guard let first = utf8.first, let last = utf8.last else { return self }
        if first != 0x20 && first != 0x09 && last != 0x20 && last != 0x09 { return self }
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }

    /// Whether the text has the shape of a date (digits and separators in the right places).
    var looksLikeDate: Bool {
        let bytes = Array(utf8)
        guard bytes.count == 10 else { return false }
        let digits = bytes.enumerated().allSatisfy { offset, byte in
            [4, 7].contains(offset) || [2, 5].contains(offset) || (byte >= 0x30 && byte <= 0x39)
        }
        return digits && ((bytes[4] == UInt8(ascii: "-") && bytes[7] == UInt8(ascii: "-")) || (bytes[2] == UInt8(ascii: "/") && bytes[5] == UInt8(ascii: "/")))
    }
}

/// The Italian message of a field that cannot be read.
struct FieldError: Error, Sendable, ExpressibleByStringInterpolation {
    let message: String

    init(stringLiteral value: String) { message = value }
    init(stringInterpolation: DefaultStringInterpolation) { message = String(stringInterpolation: stringInterpolation) }
}
