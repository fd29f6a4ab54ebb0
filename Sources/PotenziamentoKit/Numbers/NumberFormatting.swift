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
        var text = assemble(scaled: scaled, decimals: decimals, thousands: nil, decimalMark: ".")
        if decimals == 0 { return text + ".0" }
        while text.hasSuffix("0") && !text.hasSuffix(".0") { text.removeLast() }
        return text
    }

    private static func assemble(scaled: Int128, decimals: Int, thousands: Character?, decimalMark: Character) -> String {
        let negative = scaled < 0
        var digits = String(scaled.magnitude)
        if digits.count <= decimals {
            digits = String(repeating: "0", count: decimals - digits.count + 1) + digits
        }
        let integerDigits = digits.dropLast(decimals)
        var integerText = ""
        for (offset, character) in integerDigits.enumerated() {
            if let thousands, offset > 0, (integerDigits.count - offset) % 3 == 0 { integerText.append(thousands) }
            integerText.append(character)
        }
        var result = negative ? "-" + integerText : integerText
        if decimals > 0 {
            result.append(decimalMark)
            result += digits.suffix(decimals)
        }
        return result
    }
}
