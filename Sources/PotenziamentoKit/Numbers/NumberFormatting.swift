/// Deterministic, locale-independent number formatting, by hand.
///
/// Text reports use the Italian style (`1.234,56 €`, `15,38`); JSON uses plain decimals with the
/// documented precision (`7.6923`, `10.0`). The same value gives the same bytes on every platform.
public enum NumberFormatting {
    /// `value` rounded half away from zero to `decimals` digits, Italian style: `.` groups
    /// thousands, `,` separates decimals (`15,38`, `1.234,5678`).
    public static func italian(_ value: Fraction, decimals: Int) -> String {
        let scale = power10(decimals)
        let scaled = value.roundedScaled(by: scale)
        return assemble(scaled: scaled, decimals: decimals, thousands: ".", decimalMark: ",")
    }

    /// An amount of money in Italian style with the euro sign: `224.615,38 €`.
    public static func euro(_ amount: EuroCents) -> String {
        assemble(scaled: Int128(amount.cents), decimals: 2, thousands: ".", decimalMark: ",") + " €"
    }

    /// An amount of money in Italian style without the sign: `224.615,38`.
    public static func euroDigits(_ amount: EuroCents) -> String {
        assemble(scaled: Int128(amount.cents), decimals: 2, thousands: ".", decimalMark: ",")
    }

    /// `value` rounded half away from zero to `decimals` digits as a JSON number, trailing zeros
    /// removed but at least one decimal kept: `7.6923`, `10.0`, `0.5`.
    public static func json(_ value: Fraction, decimals: Int) -> String {
        trimmedJSON(scaled: value.roundedScaled(by: power10(decimals)), decimals: decimals)
    }

    /// An amount of money as a JSON number with at most two decimals: `92307.69`, `4800.0`.
    public static func json(_ amount: EuroCents) -> String {
        trimmedJSON(scaled: Int128(amount.cents), decimals: 2)
    }

    /// `value` with a fixed number of decimals and a plain `.`: `0.7479` (CSV for machines).
    public static func plain(_ value: Fraction, decimals: Int) -> String {
        assemble(scaled: value.roundedScaled(by: power10(decimals)), decimals: decimals, thousands: nil, decimalMark: ".")
    }

    /// For Italian spreadsheets: decimal comma, no thousands separator (`0,7479`, `92307,69`).
    public static func spreadsheet(_ value: Fraction, decimals: Int) -> String {
        assemble(scaled: value.roundedScaled(by: power10(decimals)), decimals: decimals, thousands: nil, decimalMark: ",")
    }

    /// Money for Italian spreadsheets: `92307,69`.
    public static func spreadsheet(_ amount: EuroCents) -> String {
        assemble(scaled: Int128(amount.cents), decimals: 2, thousands: nil, decimalMark: ",")
    }

    /// An integer with Italian thousands separators: `100.000`.
    public static func italian(_ value: Int) -> String {
        assemble(scaled: Int128(value), decimals: 0, thousands: ".", decimalMark: ",")
    }

    static func power10(_ exponent: Int) -> Int128 {
        var result: Int128 = 1
        for _ in 0..<exponent { result *= 10 }
        return result
    }

    private static func trimmedJSON(scaled: Int128, decimals: Int) -> String {
        var text = assembleBytes(scaled: scaled, decimals: decimals, thousands: nil, decimalMark: UInt8(ascii: "."))
        if decimals == 0 {
            text += [UInt8(ascii: "."), UInt8(ascii: "0")]
        } else {
            while text.last == UInt8(ascii: "0") && text[text.count - 2] != UInt8(ascii: ".") { text.removeLast() }
        }
        return String(decoding: text, as: UTF8.self)
    }

    private static func assemble(scaled: Int128, decimals: Int, thousands: Character?, decimalMark: Character) -> String {
        String(
            decoding: assembleBytes(scaled: scaled, decimals: decimals, thousands: thousands?.asciiValue, decimalMark: decimalMark.asciiValue!), as: UTF8.self)
    }

    /// The digits of `scaled` with `decimals` of them after `decimalMark` (at least one before),
    /// grouped by `thousands` if given, as ASCII bytes.
    private static func assembleBytes(scaled: Int128, decimals: Int, thousands: UInt8?, decimalMark: UInt8) -> [UInt8] {
        // Digits from the last one (64-bit division when the value fits).
        var reversed: [UInt8] = []
        reversed.reserveCapacity(24)
        var magnitude = scaled.magnitude
        if magnitude <= UInt128(UInt64.max) {
            var small = UInt64(magnitude)
            repeat {
                reversed.append(UInt8(small % 10) + UInt8(ascii: "0"))
                small /= 10
            } while small > 0
        } else {
            repeat {
                reversed.append(UInt8(magnitude % 10) + UInt8(ascii: "0"))
                magnitude /= 10
            } while magnitude > 0
        }
        while reversed.count <= decimals { reversed.append(UInt8(ascii: "0")) }
        var result: [UInt8] = []
        result.reserveCapacity(reversed.count + reversed.count / 3 + 2)
        if scaled < 0 { result.append(UInt8(ascii: "-")) }
        let integerDigits = reversed.count - decimals
        for offset in 0..<integerDigits {
            if let thousands, offset > 0, (integerDigits - offset) % 3 == 0 { result.append(thousands) }
            result.append(reversed[reversed.count - 1 - offset])
        }
        if decimals > 0 {
            result.append(decimalMark)
            for index in stride(from: decimals - 1, through: 0, by: -1) { result.append(reversed[index]) }
        }
        return result
    }
}
