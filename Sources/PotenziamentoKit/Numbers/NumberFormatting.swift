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

    /// `value` with as many decimals as it needs up to `maximumDecimals` (rounded there), trailing
    /// zeros removed, Italian style: `83,3333`, `36`, `0,5`.
    package static func italianTrimmed(_ value: Fraction, maximumDecimals: Int = 4) -> String {
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
        var text = assembleBytes(scaled: scaled, decimals: decimals, thousands: nil, decimalMark: UInt8(ascii: "."))
        if decimals == 0 {
            text += [UInt8(ascii: "."), UInt8(ascii: "0")]
        } else {
            while text.last == UInt8(ascii: "0") && text[text.count - 2] != UInt8(ascii: ".") { text.removeLast() }
        }
        return String(decoding: text, as: UTF8.self)
    }

    private static func assemble(scaled: BigInt, decimals: Int, thousands: UInt8?, decimalMark: UInt8) -> String {
        String(decoding: assembleBytes(scaled: scaled, decimals: decimals, thousands: thousands, decimalMark: decimalMark), as: UTF8.self)
    }

    /// The digits of `scaled` with `decimals` of them after `decimalMark` (at least one before),
    /// grouped by `thousands` if given, as ASCII bytes.
    static func assembleBytes(scaled: BigInt, decimals: Int, thousands: UInt8?, decimalMark: UInt8) -> [UInt8] {
        var digits: [UInt8]
        if let small = scaled.int64Value {
            digits = []
            digits.reserveCapacity(24)
            var magnitude = small.magnitude
            repeat {
                digits.append(UInt8(magnitude % 10) + UInt8(ascii: "0"))
                magnitude /= 10
            } while magnitude > 0
            digits.reverse()
        } else {
            digits = Array(scaled.magnitude.description.utf8)
        }
        if digits.count <= decimals { digits.insert(contentsOf: repeatElement(UInt8(ascii: "0"), count: decimals + 1 - digits.count), at: 0) }
        var result: [UInt8] = []
        result.reserveCapacity(digits.count + digits.count / 3 + 2)
        if scaled.isNegative { result.append(UInt8(ascii: "-")) }
        let integerDigits = digits.count - decimals
        for offset in 0..<integerDigits {
            if let thousands, offset > 0, (integerDigits - offset) % 3 == 0 { result.append(thousands) }
            result.append(digits[offset])
        }
        if decimals > 0 {
            result.append(decimalMark)
            result.append(contentsOf: digits[integerDigits...])
        }
        return result
    }
}
