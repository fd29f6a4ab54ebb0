/// Spreadsheet dates with integer arithmetic only: serial numbers of the 1900 and 1904 date
/// systems, ISO 8601 dates and times, ODF durations.
package enum SpreadsheetDates {
    /// The date systems of `.xlsx` workbooks.
    package enum System: Sendable {
        /// Serial 1 is 1900-01-01; serial 60 is the fictitious 1900-02-29 (Lotus 1-2-3's leap
        /// year bug, kept by Excel), so from serial 61 (1900-03-01) dates are shifted by one.
        case excel1900
        /// Serial 0 is 1904-01-01 (`<workbookPr date1904="1"/>`, old Excel for Mac).
        case excel1904
    }

    /// The day number of a date (``GregorianDays/dayNumber(year:month:day:)``).
    static func dayNumber(year: Int, month: Int, day: Int) -> Int { GregorianDays.dayNumber(year: year, month: month, day: day) }

    /// The date of a day number (``GregorianDays/date(dayNumber:)``).
    static func date(dayNumber days: Int) -> (year: Int, month: Int, day: Int) { GregorianDays.date(dayNumber: days) }

    /// Whether a date exists (``GregorianDays/isValid(year:month:day:)``).
    static func isValid(year: Int, month: Int, day: Int) -> Bool { GregorianDays.isValid(year: year, month: month, day: day) }

    /// Returns the date of whole serial `serial` in `system`, or nil if it is no real date:
    /// serial 0 and 60 of the 1900 system, negative serials, dates after 9999-12-31.
    package static func date(serial: Int, system: System) -> (year: Int, month: Int, day: Int)? {
        guard serial >= 0, serial <= 3_000_000 else { return nil }
        let days: Int
        switch system {
        case .excel1900:
            if serial == 0 || serial == 60 { return nil }
            days = serial < 60 ? dayNumber(year: 1899, month: 12, day: 31) + serial : dayNumber(year: 1899, month: 12, day: 30) + serial
        case .excel1904: days = dayNumber(year: 1904, month: 1, day: 1) + serial
        }
        let date = date(dayNumber: days)
        return date.year <= 9999 ? date : nil
    }

    /// Returns the 1900-system serial of a date from 1900-01-01 to 9999-12-31 (dates before
    /// 1900-03-01 take Excel's fictitious 29 February into account), or nil outside that range.
    package static func serial1900(year: Int, month: Int, day: Int) -> Int? {
        guard isValid(year: year, month: month, day: day), (1900...9999).contains(year) else { return nil }
        let days = dayNumber(year: year, month: month, day: day)
        if days < dayNumber(year: 1900, month: 3, day: 1) { return days - dayNumber(year: 1899, month: 12, day: 31) }
        return days - dayNumber(year: 1899, month: 12, day: 30)
    }

    /// Returns the value of a date-formatted serial (canonical decimal text; whole at 15
    /// significant digits, a date): a date, a date with time (the fraction × 86.400 seconds), or
    /// ``CellValue/invalidDate(serial:)``.
    package static func value(serial: String, system: System) -> CellValue {
        // A whole day at the 15 significant digits a spreadsheet shows (docs/formati.md) is that
        // day: 45716.999999999993, a date stored one binary step below midnight, is the 45717
        // Excel shows (a trial); a time keeps its digits.
        let shown = DecimalText.rounded(serial, significantDigits: 15)
        var (negative, integer, fraction) = DecimalText.parts(serial)
        if DecimalText.parts(shown).fraction.isEmpty { (negative, integer, fraction) = DecimalText.parts(shown) }
        guard !negative, integer.count <= 9, let whole = Int(integer), let date = date(serial: whole, system: system) else {
            return .invalidDate(serial: serial)
        }
        if fraction.isEmpty { return .date(year: date.year, month: date.month, day: date.day) }
        return .dateTime(year: date.year, month: date.month, day: date.day, seconds: DecimalText.multiply("0." + fraction, by: 86_400))
    }

    /// Returns the date or date-time of an ISO 8601 text: `2025-07-01`, `2025-07-01T12:30`,
    /// `2025-07-01T12:30:00.5`, optionally followed by `Z` or an offset (which is ignored: the
    /// local time is kept, as spreadsheets do). A time of 00:00:00 gives a plain date. Returns
    /// nil for malformed text or an impossible date or time.
    package static func isoValue(_ text: String) -> CellValue? {
        let bytes = Array(text.utf8)
        func number(_ start: Int, _ count: Int) -> Int? {
            guard start >= 0, count > 0, start + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[start..<(start + count)] {
                guard byte >= 48 && byte <= 57 else { return nil }
                value = value * 10 + Int(byte) - 48
            }
            return value
        }
        var start = 0
        if bytes.first == UInt8(ascii: "-") { return nil }
        guard let year = number(start, 4), bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let month = number(5, 2), let day = number(8, 2), isValid(year: year, month: month, day: day)
        else { return nil }
        start = 10
        if start == bytes.count { return .date(year: year, month: month, day: day) }
        guard bytes[start] == UInt8(ascii: "T"), let seconds = timeOfDay(bytes[(start + 1)...]) else { return nil }
        if seconds == "0" { return .date(year: year, month: month, day: day) }
        return .dateTime(year: year, month: month, day: day, seconds: seconds)
    }

    /// Returns the seconds since midnight of `HH:MM[:SS[.fff]]` with an optional `Z` or `±HH:MM`
    /// suffix, as canonical decimal text, or nil if malformed (hours above 24, minutes or
    /// seconds above 59).
    private static func timeOfDay(_ bytes: ArraySlice<UInt8>) -> String? {
        var body = bytes
        if body.last == UInt8(ascii: "Z") { body = body.dropLast() }
        if body.count > 6, let sign = body.dropLast(5).last, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"),
            body.suffix(3).first == UInt8(ascii: ":")
        {
            body = body.dropLast(6)
        }
        let text = String(decoding: body, as: UTF8.self)
        let fields = text.split(separator: ":", omittingEmptySubsequences: false)
        guard fields.count == 2 || fields.count == 3, fields[0].utf8.count == 2, fields[1].utf8.count == 2,
            let hours = Int(fields[0]), let minutes = Int(fields[1]), (0...24).contains(hours), (0...59).contains(minutes)
        else { return nil }
        var seconds = "0"
        if fields.count == 3 {
            guard fields[2].utf8.count >= 2, fields[2].utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == UInt8(ascii: ".") }),
                let canonical = DecimalText.canonical(String(fields[2])), let whole = Int(DecimalText.parts(canonical).integer), whole < 60
            else { return nil }
            seconds = canonical
        }
        return add(seconds, hours * 3600 + minutes * 60)
    }

    /// Returns the seconds of an ODF/XML Schema duration such as `PT12H30M00S`, `P1DT2H`,
    /// `-PT1H`, `PT0.5S`, as canonical decimal text, or nil if malformed, beyond a million days,
    /// or with years or months (whose length in seconds is not fixed).
    package static func durationSeconds(_ text: String) -> String? {
        var rest = Substring(text)
        let negative = rest.hasPrefix("-")
        if negative { rest = rest.dropFirst() }
        guard rest.hasPrefix("P") else { return nil }
        rest = rest.dropFirst()
        var inTime = false
        var whole = 0
        var fraction = ""
        var number = ""
        var sawField = false
        for character in rest {
            if character == "T" {
                guard !inTime, number.isEmpty else { return nil }
                inTime = true
                continue
            }
            if character.isASCII && (character.isNumber || character == ".") {
                number.append(character)
                guard number.count <= 12 else { return nil }
                continue
            }
            guard !number.isEmpty, let canonical = DecimalText.canonical(number) else { return nil }
            let (_, integerPart, fractionPart) = DecimalText.parts(canonical)
            guard let integer = Int(integerPart) else { return nil }
            let factor: Int
            switch (character, inTime) {
            case ("D", false): factor = 86_400
            case ("H", true): factor = 3600
            case ("M", true): factor = 60
            case ("S", true): factor = 1
            default: return nil
            }
            if !fractionPart.isEmpty {
                guard factor == 1 else { return nil }
                fraction = String(fractionPart)
            }
            whole += integer * factor
            guard whole <= 86_400_000_000 else { return nil }
            number = ""
            sawField = true
        }
        guard sawField, number.isEmpty else { return nil }
        let value = add(fraction.isEmpty ? "0" : "0." + fraction, whole)
        return negative && value != "0" ? "-" + value : value
    }

    /// Returns the canonical decimal `canonical` (non-negative, below 1 or an integer) plus `whole`.
    private static func add(_ canonical: String, _ whole: Int) -> String {
        let (_, integer, fraction) = DecimalText.parts(canonical)
        let sum = (Int(integer) ?? 0) + whole
        return fraction.isEmpty ? String(sum) : "\(sum).\(fraction)"
    }
}
