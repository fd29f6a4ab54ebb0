/// Exact decimal numbers as text: the numbers of `.xlsx` and `.ods` files (`83.333333333333343`,
/// `1E-3`, `4.5000000000000001E-2`) turned into canonical plain decimals, with no binary floating
/// point anywhere.
///
/// Canonical form: an optional `-`, the integer digits without leading zeros (`0` when there are
/// none), then, if the fraction is not zero, `.` and the fraction digits without trailing zeros.
/// Zero is `0` (never `-0`). Nothing is rounded.
package enum DecimalText {
    /// The largest exponent magnitude accepted (a double's range is ±308; the cap keeps a hostile
    /// `1E999999999` from producing a gigabyte of zeros).
    package static let maximumExponent = 400

    /// Returns the canonical plain decimal of `text`, or nil if `text` is not a decimal number.
    /// Accepted: optional leading and trailing spaces, an optional sign, digits with an optional
    /// `.` (at least one digit: `5.`, `.5` accepted), an optional exponent `e`/`E` with optional
    /// sign and digits, of magnitude up to ``maximumExponent``. Refused: `INF`, `NaN`, hex,
    /// thousands separators, decimal commas.
    /// Examples: `1E-3` → `0.001`; `4.5000000000000001E-2` → `0.045000000000000001`; `-0.0` → `0`;
    /// `1.5E+2` → `150`; `007.50` → `7.5`.
    package static func canonical(_ text: String) -> String? {
        var bytes = Array(text.utf8)
        while let last = bytes.last, last == 0x20 { bytes.removeLast() }
        var index = 0
        while index < bytes.count && bytes[index] == 0x20 { index += 1 }
        var negative = false
        if index < bytes.count && (bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+")) {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        var digits: [UInt8] = []
        var integerDigits = 0
        var sawPoint = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digits.append(byte)
                if !sawPoint { integerDigits += 1 }
            } else if byte == UInt8(ascii: ".") && !sawPoint {
                sawPoint = true
            } else {
                break
            }
            index += 1
        }
        guard !digits.isEmpty else { return nil }
        var exponent = 0
        if index < bytes.count && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
            index += 1
            var exponentNegative = false
            if index < bytes.count && (bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+")) {
                exponentNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            var exponentDigits = 0
            while index < bytes.count && bytes[index] >= UInt8(ascii: "0") && bytes[index] <= UInt8(ascii: "9") {
                exponent = exponent * 10 + Int(bytes[index] - UInt8(ascii: "0"))
                guard exponent <= maximumExponent else { return nil }
                exponentDigits += 1
                index += 1
            }
            guard exponentDigits > 0 else { return nil }
            if exponentNegative { exponent = -exponent }
        }
        guard index == bytes.count else { return nil }
        return assemble(negative: negative, digits: digits, pointAfter: integerDigits + exponent)
    }

    /// Returns the canonical decimal whose digits are `digits` with the decimal point after
    /// `pointAfter` of them (which may be negative or beyond the digits).
    private static func assemble(negative: Bool, digits: [UInt8], pointAfter: Int) -> String {
        var integer: ArraySlice<UInt8>
        var fraction: ArraySlice<UInt8>
        let zero = UInt8(ascii: "0")
        if pointAfter <= 0 {
            integer = []
            fraction = ArraySlice([UInt8](repeating: zero, count: -pointAfter) + digits)
        } else if pointAfter >= digits.count {
            integer = ArraySlice(digits + [UInt8](repeating: zero, count: pointAfter - digits.count))
            fraction = []
        } else {
            integer = digits[..<pointAfter]
            fraction = digits[pointAfter...]
        }
        while let first = integer.first, first == zero { integer = integer.dropFirst() }
        while let last = fraction.last, last == zero { fraction = fraction.dropLast() }
        if integer.isEmpty && fraction.isEmpty { return "0" }
        var result: [UInt8] = negative ? [UInt8(ascii: "-")] : []
        result += integer.isEmpty ? [zero] : Array(integer)
        if !fraction.isEmpty { result += [UInt8(ascii: ".")] + Array(fraction) }
        return String(decoding: result, as: UTF8.self)
    }

    /// Returns the parts of a canonical decimal: its sign, integer digits and fraction digits
    /// (without the point; "" when there is no fraction).
    package static func parts(_ canonical: String) -> (negative: Bool, integer: Substring, fraction: Substring) {
        var text = Substring(canonical)
        let negative = text.hasPrefix("-")
        if negative { text = text.dropFirst() }
        guard let point = text.firstIndex(of: ".") else { return (negative, text, "") }
        return (negative, text[..<point], text[text.index(after: point)...])
    }

    /// Returns the canonical decimal `canonical` × `factor` (a non-negative integer), exactly.
    package static func multiply(_ canonical: String, by factor: Int) -> String {
        let (negative, integer, fraction) = parts(canonical)
        let digits = Array(integer.utf8) + Array(fraction.utf8)
        var product = [Int](repeating: 0, count: digits.count + 20)
        var carry = 0
        var position = product.count - 1
        for digit in digits.reversed() {
            let value = Int(digit - UInt8(ascii: "0")) * factor + carry
            product[position] = value % 10
            carry = value / 10
            position -= 1
        }
        while carry > 0 && position >= 0 {
            product[position] = carry % 10
            carry /= 10
            position -= 1
        }
        let text = product.map { UInt8(ascii: "0") + UInt8($0) }
        return assemble(negative: negative, digits: text, pointAfter: product.count - fraction.utf8.count)
    }

    /// Returns the canonical decimal `canonical` rounded to `significantDigits` significant digits,
    /// half away from zero (what a spreadsheet shows at its full precision of 15 digits:
    /// `83.333333333333343` → `83.3333333333333`, `0.30000000000000004` → `0.3`). A value with no
    /// more significant digits than that comes back unchanged.
    package static func rounded(_ canonical: String, significantDigits: Int) -> String {
        let (negative, integer, fraction) = parts(canonical)
        let digits = Array(integer.utf8) + Array(fraction.utf8)
        let zero = UInt8(ascii: "0")
        guard let first = digits.firstIndex(where: { $0 != zero }), significantDigits > 0 else { return canonical }
        let cut = first + significantDigits
        guard cut < digits.count else { return canonical }
        var kept = Array(digits[..<cut])
        if digits[cut] >= UInt8(ascii: "5") {
            var position = kept.count - 1
            while position >= 0 {
                if kept[position] == UInt8(ascii: "9") {
                    kept[position] = zero
                    position -= 1
                } else {
                    kept[position] += 1
                    break
                }
            }
            if position < 0 {
                // 999… rounded up: one more digit in front.
                return assemble(negative: negative, digits: [UInt8(ascii: "1")] + kept, pointAfter: integer.utf8.count + 1)
            }
        }
        return assemble(negative: negative, digits: kept, pointAfter: integer.utf8.count)
    }

    /// Returns whether a canonical decimal is zero.
    package static func isZero(_ canonical: String) -> Bool { canonical == "0" }
}
