/// Deterministic, locale-independent number formatting, by hand.
///
/// Text reports use the Italian style (`1.234,56 €`, `15,38`); JSON uses plain decimals with the
/// documented precision (`7.6923`, `10.0`). The same value gives the same bytes on every platform.
/// Decimals are clamped to 0...30 (more than any figure of the domain shows).
package enum NumberFormatting {
    /// The most decimals a formatted number shows.
    package static let maximumDecimals = 30

    /// `value` rounded half away from zero to `decimals` digits, Italian style: `.` groups
    /// thousands, `,` separates decimals (`15,38`, `1.234,5678`).
    package static func italian(_ value: Fraction, decimals: Int) -> String {
        let decimals = clamped(decimals)
        return assemble(
            scaled: value.roundedScaled(by: BigInt.tenToThe(decimals)), decimals: decimals, thousands: UInt8(ascii: "."), decimalMark: UInt8(ascii: ","))
    }

    /// `value` rounded half away from zero to `decimals` digits, Italian style, with `≈ ` in front
    /// when that is not its exact value: for an operand of a computation shown (3,7385 × 40.000 is
    /// not 149.538,46 €: `≈ 3,7385` says the figure used is not the one printed).
    package static func italianMarkingRounding(_ value: Fraction, decimals: Int) -> String {
        let text = italian(value, decimals: decimals)
        return isExact(value, decimals: decimals) ? text : "≈ " + text
    }

    /// `value` as an operand of a computation written out (``Explanation``): its decimals when it
    /// has at most `decimals`, else the exact fraction and its rounding, `243/65 (≈ 3,7385)`.
    package static func exactItalian(_ value: Fraction, decimals: Int = 4) -> String {
        isExact(value, decimals: decimals)
            ? italian(value, decimals: decimals) : "\(value.numerator)/\(value.denominator) (≈ \(italian(value, decimals: decimals)))"
    }

    /// Whether `value` has at most `decimals` decimals (its rounding there is the value itself).
    package static func isExact(_ value: Fraction, decimals: Int) -> Bool {
        (value * Fraction(BigInt.tenToThe(clamped(decimals)))).isInteger
    }

    /// `value` with as many decimals as it needs up to `maximumDecimals` (rounded there), trailing
    /// zeros removed, Italian style: `83,3333`, `36`, `0,5`.
    package static func italianTrimmed(_ value: Fraction, maximumDecimals: Int = 4) -> String {
        // A whole number has no decimals to trim: the common `100` of a full-time share.
        if value.isInteger { return assemble(scaled: value.numerator, decimals: 0, thousands: UInt8(ascii: "."), decimalMark: UInt8(ascii: ",")) }
        let decimals = clamped(maximumDecimals)
        var text = italian(value, decimals: decimals)
        if decimals > 0 {
            while text.last == "0" { text.removeLast() }
            if text.last == "," { text.removeLast() }
        }
        return text
    }

    /// `value` as a plain decimal with as many decimals as it needs, exactly when it has at most
    /// `maximumDecimals` (`83.33`, `100`), else rounded there: the writers' form of an input value.
    package static func exactPlain(_ value: Fraction, maximumDecimals: Int, decimalMark: UInt8 = UInt8(ascii: ".")) -> String {
        let decimals = clamped(maximumDecimals)
        var bytes = assembleBytes(scaled: value.roundedScaled(by: BigInt.tenToThe(decimals)), decimals: decimals, thousands: nil, decimalMark: decimalMark)
        if decimals > 0 {
            while bytes.last == UInt8(ascii: "0") { bytes.removeLast() }
            if bytes.last == decimalMark { bytes.removeLast() }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// An amount of money in Italian style with the euro sign: `224.615,38 €`.
    package static func euro(_ amount: EuroCents) -> String {
        assemble(scaled: amount.cents, decimals: 2, thousands: UInt8(ascii: "."), decimalMark: UInt8(ascii: ",")) + " €"
    }

    /// An amount of money in Italian style without the sign: `224.615,38`.
    package static func euroDigits(_ amount: EuroCents) -> String {
        assemble(scaled: amount.cents, decimals: 2, thousands: UInt8(ascii: "."), decimalMark: UInt8(ascii: ","))
    }

    /// `value` rounded half away from zero to `decimals` digits as a JSON number, trailing zeros
    /// removed but at least one decimal kept: `7.6923`, `10.0`, `0.5`.
    package static func json(_ value: Fraction, decimals: Int) -> String {
        let decimals = clamped(decimals)
        return trimmedJSON(scaled: value.roundedScaled(by: BigInt.tenToThe(decimals)), decimals: decimals)
    }

    /// An amount of money as a JSON number with at most two decimals: `92307.69`, `4800.0`.
    package static func json(_ amount: EuroCents) -> String {
        trimmedJSON(scaled: amount.cents, decimals: 2)
    }

    /// `value` with a fixed number of decimals and a plain `.`: `0.7479` (CSV for machines).
    package static func plain(_ value: Fraction, decimals: Int) -> String {
        let decimals = clamped(decimals)
        return assemble(scaled: value.roundedScaled(by: BigInt.tenToThe(decimals)), decimals: decimals, thousands: nil, decimalMark: UInt8(ascii: "."))
    }

    /// A scaled integer (`scaled / 10^decimals`) with a plain `.`: the exact form of a rounded value.
    package static func plain(scaled: BigInt, decimals: Int) -> String {
        assemble(scaled: scaled, decimals: clamped(decimals), thousands: nil, decimalMark: UInt8(ascii: "."))
    }

    /// For Italian spreadsheets: decimal comma, no thousands separator (`0,7479`, `92307,69`).
    package static func spreadsheet(_ value: Fraction, decimals: Int) -> String {
        let decimals = clamped(decimals)
        return assemble(scaled: value.roundedScaled(by: BigInt.tenToThe(decimals)), decimals: decimals, thousands: nil, decimalMark: UInt8(ascii: ","))
    }

    /// Money for Italian spreadsheets: `92307,69`.
    package static func spreadsheet(_ amount: EuroCents) -> String {
        assemble(scaled: amount.cents, decimals: 2, thousands: nil, decimalMark: UInt8(ascii: ","))
    }

    /// An integer with Italian thousands separators: `100.000`.
    package static func italian(_ value: Int) -> String {
        assemble(scaled: BigInt(value), decimals: 0, thousands: UInt8(ascii: "."), decimalMark: UInt8(ascii: ","))
    }

    private static func clamped(_ decimals: Int) -> Int { min(max(decimals, 0), maximumDecimals) }

    private static func trimmedJSON(scaled: BigInt, decimals: Int) -> String {
        withBytes(scaled: scaled, decimals: decimals, thousands: nil, decimalMark: UInt8(ascii: "."), json: true) { String(decoding: $0, as: UTF8.self) }
    }

    private static func assemble(scaled: BigInt, decimals: Int, thousands: UInt8?, decimalMark: UInt8) -> String {
        withBytes(scaled: scaled, decimals: decimals, thousands: thousands, decimalMark: decimalMark) { String(decoding: $0, as: UTF8.self) }
    }

    /// The digits of `scaled` with `decimals` of them after `decimalMark` (at least one before),
    /// grouped by `thousands` if given, as ASCII bytes.
    static func assembleBytes(scaled: BigInt, decimals: Int, thousands: UInt8?, decimalMark: UInt8) -> [UInt8] {
        withBytes(scaled: scaled, decimals: decimals, thousands: thousands, decimalMark: decimalMark) { Array($0) }
    }

    /// `value` rounded half away from zero to `decimals` digits as JSON number bytes (as
    /// ``json(_:decimals:)``), handed to `body` without building a `String`.
    static func withJSONBytes<Result>(_ value: Fraction, decimals: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let decimals = clamped(decimals)
        return withBytes(
            scaled: value.roundedScaled(by: BigInt.tenToThe(decimals)), decimals: decimals, thousands: nil, decimalMark: UInt8(ascii: "."), json: true, body)
    }

    /// An integer as JSON number bytes (its digits, `-` before a negative one: what
    /// `String(value)` gives), handed to `body` without building a `String`.
    static func withJSONBytes<Result>(_ value: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        withBytes(scaled: BigInt(value), decimals: 0, thousands: nil, decimalMark: UInt8(ascii: "."), body)
    }

    /// An amount of money as JSON number bytes (as ``json(_:)``-for-money), handed to `body`.
    static func withJSONBytes<Result>(_ amount: EuroCents, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        withBytes(scaled: amount.cents, decimals: 2, thousands: nil, decimalMark: UInt8(ascii: "."), json: true, body)
    }

    /// The one formatting routine: the digits of `scaled` with `decimals` of them after
    /// `decimalMark` (at least one before), grouped by `thousands` if given; with `json`, trailing
    /// zeros of the decimals removed but one kept (`10.0`). The digits of a value that fits in 64
    /// bits (every figure of the domain) are made on the stack; the text is laid out in a buffer on
    /// the stack and handed to `body`.
    private static func withBytes<Result>(
        scaled: BigInt, decimals: Int, thousands: UInt8?, decimalMark: UInt8, json: Bool = false, _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        if let small = scaled.int64Value {
            // 20 digits at most, produced from the last.
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { space in
                var magnitude = small.magnitude
                var end = 20
                repeat {
                    end -= 1
                    space[end] = UInt8(magnitude % 10) + UInt8(ascii: "0")
                    magnitude /= 10
                } while magnitude > 0
                let digits = UnsafeBufferPointer(rebasing: space[end..<20])
                return layOut(digits: digits, negative: small < 0, decimals: decimals, thousands: thousands, decimalMark: decimalMark, json: json, body)
            }
        }
        let digits = Array(scaled.magnitude.description.utf8)
        return digits.withUnsafeBufferPointer { digits in
            layOut(digits: digits, negative: scaled.isNegative, decimals: decimals, thousands: thousands, decimalMark: decimalMark, json: json, body)
        }
    }

    /// Lays out `digits` (the magnitude, most significant first) from the last, in a buffer on the
    /// stack, and hands it to `body`.
    private static func layOut<Result>(
        digits: UnsafeBufferPointer<UInt8>, negative: Bool, decimals: Int, thousands: UInt8?, decimalMark: UInt8, json: Bool,
        _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        // The digits or the zeros before them up to one before the mark, a separator every three
        // digits, the sign, the mark, and JSON's `.0`.
        let capacity = digits.count + decimals + 1 + digits.count / 3 + 4
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { out in
            // Digits not yet written, taken from the last; zeros once they run out.
            var left = digits.count
            var position = capacity
            func put(_ byte: UInt8) {
                position -= 1
                out[position] = byte
            }
            func nextDigit() -> UInt8 {
                guard left > 0 else { return UInt8(ascii: "0") }
                left -= 1
                return digits[left]
            }
            if decimals > 0 {
                // The decimals written: all of them, or for JSON without trailing zeros but at least one.
                var shown = decimals
                if json {
                    while shown > 1, left == 0 || digits[left - 1] == UInt8(ascii: "0") {
                        _ = nextDigit()
                        shown -= 1
                    }
                }
                for _ in 0..<shown { put(nextDigit()) }
                put(decimalMark)
            } else if json {
                put(UInt8(ascii: "0"))
                put(UInt8(ascii: "."))
            }
            var integerDigits = 0
            repeat {
                if let thousands, integerDigits > 0, integerDigits % 3 == 0 { put(thousands) }
                put(nextDigit())
                integerDigits += 1
            } while left > 0
            if negative { put(UInt8(ascii: "-")) }
            return body(UnsafeBufferPointer(rebasing: out[position..<capacity]))
        }
    }
}
