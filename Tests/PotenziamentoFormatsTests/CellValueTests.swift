import Testing

@testable import PotenziamentoFormats

@Suite("Exact numbers, dates and formats of cells")
struct CellValueTests {
    @Test(
        "number text to canonical plain decimal",
        arguments: [
            ("83.333333333333343", "83.333333333333343"), ("1E-3", "0.001"), ("4.5000000000000001E-2", "0.045000000000000001"),
            ("1.234567890123457e+19", "12345678901234570000"), ("1e-07", "0.0000001"), ("-0", "0"), ("-0.0", "0"), ("+5", "5"),
            ("007.50", "7.5"), (".5", "0.5"), ("5.", "5"), ("1.5E+2", "150"), ("-1.5e-2", "-0.015"), ("100", "100"), ("0", "0"),
            ("0.000", "0"), ("1E0", "1"), ("123E-5", "0.00123"), (" 42 ", "42"), ("1.23456789012346E+019", "12345678901234600000"),
            ("9.9999999999999995E-7", "0.00000099999999999999995"),
        ])
    func canonical(text: String, expected: String) {
        #expect(DecimalText.canonical(text) == expected)
    }

    @Test(
        "text that is no number",
        arguments: ["", "-", "+", ".", "e5", "1e", "1e+", "INF", "NaN", "1,5", "1.2.3", "0x10", "1 000", "1E401", "1E-401", "--1", "1e5.5"])
    func notANumber(text: String) {
        #expect(DecimalText.canonical(text) == nil)
    }

    @Test(
        "rounding to 15 significant digits, half away from zero",
        arguments: [
            ("83.333333333333343", "83.3333333333333"), ("0.30000000000000004", "0.3"), ("0.045000000000000001", "0.045"),
            ("22.5", "22.5"), ("31450", "31450"), ("0", "0"), ("-0.30000000000000004", "-0.3"), ("0.99999999999999999", "1"),
            ("999999999999999.5", "1000000000000000"), ("-999999999999999.5", "-1000000000000000"), ("1234567890123456789", "1234567890123460000"),
            ("0.00000099999999999999995", "0.000001"), ("83.333333333333329", "83.3333333333333"), ("66.666666666666671", "66.6666666666667"),
            ("12.345678901234549", "12.3456789012345"), ("12.34567890123455", "12.3456789012346"),
        ])
    func rounded(text: String, expected: String) {
        #expect(DecimalText.rounded(text, significantDigits: 15) == expected)
    }

    /// Found by a trial of office habits: `=OGGI()` as the end of a person in service was read
    /// as the day the file was saved.
    @Test(
        "formulas that use the current day, as Excel and LibreOffice store them",
        arguments: [
            ("TODAY()", true), ("of:=TODAY()", true), ("=today()", true), ("DATE(YEAR(TODAY()),12,31)", true), ("NOW()", true),
            ("of:=INT(NOW())", true), ("TODAY ()", false), ("XTODAY()", false), ("MY_NOW()", false), ("DATE(2025,12,31)", false),
            ("\"TODAYS\"", false), ("", false),
        ])
    func usesToday(formula: String, expected: Bool) {
        #expect(CellValue.usesToday(formula) == expected)
    }

    @Test("the largest exponents stay bounded")
    func exponentBounds() {
        #expect(DecimalText.canonical("1E400")?.count == 401)
        #expect(DecimalText.canonical("1E-400")?.count == 402)
        #expect(DecimalText.canonical("1E999999999999999999999") == nil)
    }

    @Test(
        "exact multiplication",
        arguments: [("0.5", 86_400, "43200"), ("0.34375", 86_400, "29700"), ("-1.5", 10, "-15"), ("0", 7, "0"), ("0.52083333334", 86_400, "45000.00000057600")])
    func multiply(value: String, factor: Int, expected: String) {
        #expect(DecimalText.multiply(value, by: factor) == DecimalText.canonical(expected))
    }

    @Test(
        "1900 date system serials, with Excel's fictitious 29 February 1900",
        arguments: [
            (1, "1900-01-01"), (59, "1900-02-28"), (61, "1900-03-01"), (45_839, "2025-07-01"), (45_351, "2024-02-29"), (2_958_465, "9999-12-31"),
            (36_526, "2000-01-01"),
        ])
    func serial1900(serial: Int, iso: String) throws {
        let date = try #require(SpreadsheetDates.date(serial: serial, system: .excel1900))
        #expect("\(date.year)-\(pad(date.month))-\(pad(date.day))" == iso)
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        #expect(SpreadsheetDates.serial1900(year: parts[0], month: parts[1], day: parts[2]) == serial)
    }

    @Test("serials that are no date", arguments: [(0, true), (60, true), (-1, true), (2_958_466, true), (-1, false), (2_957_004, false)])
    func invalidSerial(serial: Int, system1900: Bool) {
        #expect(SpreadsheetDates.date(serial: serial, system: system1900 ? .excel1900 : .excel1904) == nil)
    }

    @Test("1904 date system serials", arguments: [(0, "1904-01-01"), (1, "1904-01-02"), (44_377, "2025-07-01"), (2_957_003, "9999-12-31")])
    func serial1904(serial: Int, iso: String) throws {
        let date = try #require(SpreadsheetDates.date(serial: serial, system: .excel1904))
        #expect("\(date.year)-\(pad(date.month))-\(pad(date.day))" == iso)
    }

    @Test("a date-formatted serial becomes a date, a date-time or an invalid date")
    func serialValues() {
        #expect(SpreadsheetDates.value(serial: "45839", system: .excel1900) == .date(year: 2025, month: 7, day: 1))
        #expect(SpreadsheetDates.value(serial: "45839.5", system: .excel1900) == .dateTime(year: 2025, month: 7, day: 1, seconds: "43200"))
        #expect(SpreadsheetDates.value(serial: "60", system: .excel1900) == .invalidDate(serial: "60"))
        #expect(SpreadsheetDates.value(serial: "-1", system: .excel1900) == .invalidDate(serial: "-1"))
        #expect(SpreadsheetDates.value(serial: "99999999999", system: .excel1900) == .invalidDate(serial: "99999999999"))
        #expect(SpreadsheetDates.value(serial: "0", system: .excel1904) == .date(year: 1904, month: 1, day: 1))
    }

    @Test("day numbers agree with the calendar across four centuries")
    func dayNumbers() {
        var expected = SpreadsheetDates.dayNumber(year: 1899, month: 12, day: 31)
        for year in 1900...2300 {
            for month in 1...12 {
                for day in 1...31 where SpreadsheetDates.isValid(year: year, month: month, day: day) {
                    expected += 1
                    #expect(SpreadsheetDates.dayNumber(year: year, month: month, day: day) == expected)
                    let back = SpreadsheetDates.date(dayNumber: expected)
                    #expect(back.year == year && back.month == month && back.day == day)
                }
            }
        }
    }

    @Test(
        "ISO 8601 dates and date-times",
        arguments: [
            ("2025-07-01", CellValue.date(year: 2025, month: 7, day: 1)), ("2025-07-01T00:00:00", .date(year: 2025, month: 7, day: 1)),
            ("2025-07-01T12:30:00", .dateTime(year: 2025, month: 7, day: 1, seconds: "45000")),
            ("2025-07-01T12:30:00.5Z", .dateTime(year: 2025, month: 7, day: 1, seconds: "45000.5")),
            ("2025-07-01T12:30", .dateTime(year: 2025, month: 7, day: 1, seconds: "45000")),
            ("2025-07-01T12:30:00+02:00", .dateTime(year: 2025, month: 7, day: 1, seconds: "45000")),
        ])
    func iso(text: String, expected: CellValue) {
        #expect(SpreadsheetDates.isoValue(text) == expected)
    }

    @Test(
        "impossible ISO dates",
        arguments: ["2025-02-29", "2025-13-01", "2025-00-10", "2025-7-1", "25-07-01", "2025-07-01T25:00", "2025-07-01T12:60", "2025-07-01X", "-2025-07-01"])
    func badISO(text: String) {
        #expect(SpreadsheetDates.isoValue(text) == nil)
    }

    @Test(
        "ODF durations in seconds",
        arguments: [
            ("PT12H30M00S", "45000"), ("PT08H15M00S", "29700"), ("PT36H", "129600"), ("P1DT2H", "93600"), ("-PT1H", "-3600"), ("PT0.5S", "0.5"), ("PT0S", "0"),
        ]
    )
    func durations(text: String, seconds: String) {
        #expect(SpreadsheetDates.durationSeconds(text) == seconds)
    }

    @Test("malformed durations", arguments: ["", "P", "PT", "12:30", "P1Y", "P1M", "PT1.5H", "PT1H1D", "PTH", "P99999999999999D"])
    func badDurations(text: String) {
        #expect(SpreadsheetDates.durationSeconds(text) == nil)
    }

    @Test(
        "number format codes",
        arguments: [
            ("General", NumberFormatKind.number), ("0.00", .number), ("#,##0.00 \"€\"", .number), ("0.0%", .percentage), ("0%", .percentage),
            ("yyyy-mm-dd", .date), ("dd/mm/yyyy hh:mm", .date), ("d-mmm", .date), ("mmm", .date), ("mmmm yyyy", .date), ("hh:mm", .time),
            ("[h]:mm:ss", .time), ("mm:ss", .time), ("h:mm AM/PM", .time), ("[$-F800]dddd, mmmm dd, yyyy", .date), ("[$-x-sysdate]", .date),
            ("[Red]0.00", .number), ("\"day\" 0", .number), ("0.00E+00", .number), ("\\d0", .number), ("#,##0;[Red]-#,##0", .number),
            ("[$€-410] #,##0.00", .number), ("@", .number), ("_-* #,##0.00\\ \"€\"_-", .number), ("DD/MM/YYYY", .date), ("0.0%;\"d\"", .percentage),
            ("yyyy\\-mm\\-dd", .date), ("[mm]:ss", .time),
        ])
    func formatKind(code: String, kind: NumberFormatKind) {
        #expect(NumberFormatKind.classify(code) == kind)
    }

    @Test(
        "built-in number formats",
        arguments: [(0, NumberFormatKind.number), (9, .percentage), (14, .date), (22, .date), (18, .time), (46, .time), (49, .number), (57, .date)])
    func builtIn(id: Int, kind: NumberFormatKind) {
        #expect(NumberFormatKind.builtIn(id) == kind)
    }

    @Test(
        "A1 references",
        arguments: [("A1", 1, 1), ("K7", 7, 11), ("Z9", 9, 26), ("AA10", 10, 27), ("XFD1048576", 1_048_576, 16_384), ("$B$3", 3, 2), ("b3", 3, 2)])
    func references(text: String, row: Int, column: Int) throws {
        let position = try #require(CellReference.parse(text))
        #expect(position.row == row && position.column == column)
        if !text.contains("$") && text == text.uppercased() { #expect(CellReference.a1(row: row, column: column) == text) }
    }

    @Test("malformed references", arguments: ["", "A", "1", "A0", "XFE1", "A1048577", "1A", "A1B", "AAAA1", "A-1", "A12345678"])
    func badReferences(text: String) {
        #expect(CellReference.parse(text) == nil)
    }

    @Test("sheet-qualified references quote names as spreadsheets do")
    func qualified() {
        #expect(CellReference.qualified(sheet: "personale", row: 7, column: 11) == "personale!K7")
        #expect(CellReference.qualified(sheet: "Foglio 1", row: 1, column: 1) == "'Foglio 1'!A1")
        #expect(CellReference.qualified(sheet: "l'anno", row: 1, column: 1) == "'l''anno'!A1")
        #expect(CellReference.qualified(sheet: "città", row: 2, column: 2) == "città!B2")
    }

    @Test("OOXML _xHHHH_ escapes are decoded")
    func escapes() {
        #expect(XLSXReader.decodeEscapes("a_x000D_b") == "a\rb")
        #expect(XLSXReader.decodeEscapes("_x005F_x0041_") == "_x0041_")
        #expect(XLSXReader.decodeEscapes("_x0001_") == "\u{1}")
        #expect(XLSXReader.decodeEscapes("_xD800_") == "_xD800_")
        #expect(XLSXReader.decodeEscapes("_xZZZZ_ _x12_") == "_xZZZZ_ _x12_")
        for text in ["a\rb", "_x0041_", "ctrl \u{1}\u{1F} fine", "_x005F_", "__x0041__"] {
            #expect(XLSXReader.decodeEscapes(XLSXWriter.excelEscaped(text)) == text)
        }
    }

    private func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
