/// What an `.xlsx` number format makes of a number: it decides whether a stored number is shown
/// (and so read) as a plain number, a percentage, a date or a time.
package enum NumberFormatKind: Sendable, Equatable {
    /// A plain number (General, `0.00`, `#,##0`, currency, text `@`, …).
    case number
    /// A percentage (`0%`, `0.00%`).
    case percentage
    /// A date, with or without time of day (a format with a day, month-as-date or year part).
    case date
    /// A time of day or elapsed time without a date (`h:mm`, `mm:ss`, `[h]:mm`).
    case time

    /// Returns the kind of built-in format `id` (ECMA-376 part 1, 18.8.30), for ids without a
    /// custom `numFmt`:
    /// - dates: 14-17 (`m/d/yyyy`, `d-mmm-yy`, `d-mmm`, `mmm-yy`), 22 (`m/d/yyyy h:mm`), and the
    ///   East Asian date formats 27-31, 34-36, 50-58;
    /// - times: 18-21 (`h:mm AM/PM`, `h:mm:ss AM/PM`, `h:mm`, `h:mm:ss`), 45-47 (`mm:ss`,
    ///   `[h]:mm:ss`, `mmss.0`) and the East Asian time formats 32-33;
    /// - percentages: 9, 10; every other id is a plain number.
    package static func builtIn(_ id: Int) -> NumberFormatKind {
        switch id {
        case 14...17, 22, 27...31, 34...36, 50...58: .date
        case 18...21, 32, 33, 45...47: .time
        case 9, 10: .percentage
        default: .number
        }
    }

    /// Returns the kind of the format code `code` (its first section, for positive numbers).
    /// Quoted text, `\`-escaped characters, the characters after `_` and `*`, `General`, the
    /// AM/PM markers and bracketed parts (`[Red]`, `[$€-410]`, `[>100]`) are skipped; `[h]`,
    /// `[mm]`, `[ss]` are elapsed times, `[$-F800]` is the system long date, `[$-F400]` the system time.
    /// A `d`, `y` or `e` (era year, outside a number's exponent) makes a date; otherwise `h` or
    /// `s` make a time (and `m` is minutes); otherwise an `m` makes a date (`mmm`, the month);
    /// otherwise `%` makes a percentage; everything else is a number.
    package static func classify(_ code: String) -> NumberFormatKind {
        let characters = Array(code.lowercased().unicodeScalars)
        var hasDate = false
        var hasTime = false
        var hasMonthOrMinute = false
        var hasPercent = false
        var hasDigitPlaceholder = false
        var index = 0
        func startsWith(_ word: String) -> Bool {
            let scalars = Array(word.unicodeScalars)
            return characters.count - index >= scalars.count && Array(characters[index..<(index + scalars.count)]) == scalars
        }
        scan: while index < characters.count {
            let character = characters[index]
            switch character {
            case "\"":
                index += 1
                while index < characters.count && characters[index] != "\"" { index += 1 }
            case "\\", "_", "*": index += 1
            case "[":
                var content = ""
                index += 1
                while index < characters.count && characters[index] != "]" {
                    content.unicodeScalars.append(characters[index])
                    index += 1
                }
                if !content.isEmpty && (content.allSatisfy { $0 == "h" } || content.allSatisfy { $0 == "m" } || content.allSatisfy { $0 == "s" }) {
                    hasTime = true
                } else if content.hasPrefix("$-f800") || content.hasPrefix("$-x-sysdate") {
                    hasDate = true
                } else if content.hasPrefix("$-f400") || content.hasPrefix("$-x-systime") {
                    hasTime = true
                }
            case ";": break scan
            case "g" where startsWith("general"): index += 6
            case "a" where startsWith("am/pm"):
                hasTime = true
                index += 4
            case "a" where startsWith("a/p"):
                hasTime = true
                index += 2
            case "d", "y": hasDate = true
            case "e":
                let next = index + 1 < characters.count ? characters[index + 1] : " "
                if next != "+" && next != "-" && !hasDigitPlaceholder { hasDate = true }
            case "h", "s": hasTime = true
            case "m": hasMonthOrMinute = true
            case "%": hasPercent = true
            case "0", "#", "?": hasDigitPlaceholder = true
            default: break
            }
            index += 1
        }
        if hasDate { return .date }
        if hasTime { return .time }
        if hasMonthOrMinute { return .date }
        if hasPercent { return .percentage }
        return .number
    }
}
