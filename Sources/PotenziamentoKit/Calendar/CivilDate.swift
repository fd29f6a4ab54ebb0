import PotenziamentoFormats

/// A calendar date without time or time zone (proleptic Gregorian), as the law counts days.
///
/// Service periods (`dal`, `al`, inclusive), deadlines (28 February, 30 June) and the FTE share
/// of a year (docs/regole.md §3) are computed on these dates only; `Foundation.Date` and its time zones
/// never enter a figure, so results are the same on every machine.
///
/// Its range is the years 1 to 9999 (``supportedYears``): every initialiser and every
/// operation that could leave it returns nil instead (docs/regole.md, «Limiti»).
public struct CivilDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The years a date can have.
    public static let supportedYears = 1...9999
    /// The date packed in one word, `year << 9 | month << 5 | day`: four bytes instead of three
    /// `Int`s (a roster holds two dates per period), and ordered like the date itself, so that
    /// equality, hashing and ``<(_:_:)`` compare one integer.
    private let packed: UInt32

    /// The year (1...9999).
    public var year: Int { Int(packed >> 9) }
    /// The month (1...12).
    public var month: Int { Int((packed >> 5) & 0xF) }
    /// The day of the month (1...days in that month).
    public var day: Int { Int(packed & 0x1F) }

    /// The date as one integer (year, month and day packed; ordered as the dates): for a
    /// fingerprint, without the work of ``dayNumber``.
    var packedValue: UInt32 { packed }

    /// A valid date, or nil for an impossible one such as 2025-02-30.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...CivilDate.daysInMonth(month, year: year)).contains(day)
        else { return nil }
        self.init(unchecked: year, month, day)
    }

    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        packed = UInt32(truncatingIfNeeded: year) << 9 | UInt32(truncatingIfNeeded: month) << 5 | UInt32(truncatingIfNeeded: day)
    }

    /// 1 January of `year`, or nil outside ``supportedYears``.
    public static func startOfYear(_ year: Int) -> CivilDate? { CivilDate(year: year, month: 1, day: 1) }
    /// 31 December of `year`, or nil outside ``supportedYears``.
    public static func endOfYear(_ year: Int) -> CivilDate? { CivilDate(year: year, month: 12, day: 31) }

    /// 1 January and 31 December of a year already checked to be in ``supportedYears``.
    static func bounds(ofCheckedYear year: Int) -> (first: CivilDate, last: CivilDate) {
        (CivilDate(unchecked: year, 1, 1), CivilDate(unchecked: year, 12, 31))
    }

    /// Whether `year` is a leap year of the Gregorian calendar.
    public static func isLeapYear(_ year: Int) -> Bool { GregorianDays.isLeapYear(year) }

    /// The number of days of `month` (1...12) in `year`; 31 for a month outside 1...12.
    public static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The number of days in `year` (365 or 366).
    public static func daysInYear(_ year: Int) -> Int { isLeapYear(year) ? 366 : 365 }

    /// Days since 1970-01-01 (negative before), by the civil-from-days algorithm of H. Hinnant.
    public var dayNumber: Int { GregorianDays.dayNumber(year: year, month: month, day: day) }

    /// The day numbers of 0001-01-01 and 9999-12-31.
    static let dayNumbers = -719_162...2_932_896

    /// The date `dayNumber` days after 1970-01-01, or nil outside ``supportedYears``.
    public init?(dayNumber: Int) {
        guard CivilDate.dayNumbers.contains(dayNumber) else { return nil }
        let date = GregorianDays.date(dayNumber: dayNumber)
        self.init(unchecked: date.year, date.month, date.day)
    }

    /// The date `days` later (earlier when negative), or nil when it leaves ``supportedYears``.
    public func adding(days: Int) -> CivilDate? {
        let (sum, overflow) = dayNumber.addingReportingOverflow(days)
        return overflow ? nil : CivilDate(dayNumber: sum)
    }

    /// Orders by date.
    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool { lhs.packed < rhs.packed }

    /// ISO form `2025-07-01`.
    public var description: String { iso }

    /// ISO form `2025-07-01`.
    public var iso: String { text(year, month, day, separator: "-", yearFirst: true) }

    /// Italian form `01/07/2025`.
    public var italian: String { text(day, month, year, separator: "/", yearFirst: false) }

    /// The length of ``italian``: `GG/MM/AAAA`.
    package static let italianLength = 10

    /// Writes ``italian`` into the ``italianLength`` bytes at `target` and returns how many it
    /// wrote (a report writes a date without making a `String`).
    package func writeItalian(into target: UnsafeMutablePointer<UInt8>) -> Int {
        Self.layOut(day, month, year, separator: UInt8(ascii: "/"), yearFirst: false, into: target)
    }

    /// Three parts with zeros in front (the year to 4 digits, day and month to 2) and their
    /// separators, written straight into the string's ten bytes (years are 1-9999).
    private func text(_ first: Int, _ second: Int, _ third: Int, separator: Unicode.Scalar, yearFirst: Bool) -> String {
        String(unsafeUninitializedCapacity: 10) { buffer in
            guard let base = buffer.baseAddress else { return 0 }
            return Self.layOut(first, second, third, separator: UInt8(separator.value), yearFirst: yearFirst, into: base)
        }
    }

    /// The ten bytes of ``text(_:_:_:separator:yearFirst:)`` at `target`; returns 10.
    private static func layOut(_ first: Int, _ second: Int, _ third: Int, separator: UInt8, yearFirst: Bool, into target: UnsafeMutablePointer<UInt8>) -> Int {
        var index = 0
        func put(_ value: Int, width: Int) {
            var divisor = width == 4 ? 1000 : 10
            while divisor > 0 {
                target[index] = UInt8(ascii: "0") + UInt8(value / divisor % 10)
                index += 1
                divisor /= 10
            }
        }
        put(first, width: yearFirst ? 4 : 2)
        target[index] = separator
        index += 1
        put(second, width: 2)
        target[index] = separator
        index += 1
        put(third, width: yearFirst ? 2 : 4)
        return index
    }

    /// Parses `AAAA-MM-GG` or `GG/MM/AAAA` (digits only, exact widths); nil if malformed or impossible.
    public static func parse(_ text: String) -> CivilDate? {
        let utf8 = text.utf8
        guard utf8.count == 10 else { return nil }
        return utf8.withContiguousStorageIfAvailable { parse(bytes: $0) } ?? parse(bytes: Array(utf8))
    }

    /// The date written in exactly these 10 bytes (`AAAA-MM-GG` or `GG/MM/AAAA`), or nil.
    static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) -> CivilDate? {
        guard bytes.count == 10 else { return nil }
        return parse(bytes: bytes)
    }

    private static func parse<Bytes: RandomAccessCollection>(bytes: Bytes) -> CivilDate? where Bytes.Element == UInt8, Bytes.Index == Int {
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let byte = bytes[bytes.startIndex + index]
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        let base = bytes.startIndex
        if bytes[base + 4] == UInt8(ascii: "-") && bytes[base + 7] == UInt8(ascii: "-") {
            guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
            return CivilDate(year: y, month: m, day: d)
        }
        if bytes[base + 2] == UInt8(ascii: "/") && bytes[base + 5] == UInt8(ascii: "/") {
            guard let d = number(0..<2), let m = number(3..<5), let y = number(6..<10) else { return nil }
            return CivilDate(year: y, month: m, day: d)
        }
        return nil
    }
}

extension CivilDate: Codable {
    /// Decodes an ISO date `AAAA-MM-GG`.
    ///
    /// - Throws: `DecodingError.dataCorrupted` for anything else.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard text.utf8.count == 10, text.utf8.dropFirst(4).first == UInt8(ascii: "-"), let date = CivilDate.parse(text) else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: container.codingPath, debugDescription: "data non valida «\(text)»: atteso AAAA-MM-GG"))
        }
        self = date
    }

    /// Encodes the ISO form `AAAA-MM-GG`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}
