/// The date in Italy at an instant: the law's deadlines and the prospetto's signature are Italian
/// dates, so "today" is the date in Rome wherever the program runs, the same on every machine
/// and in every time zone (docs/guida.md, §4, «La data di oggi»).
///
/// Italian time is UTC+1 (CET), and UTC+2 (CEST) from 01:00 UTC of the last Sunday of March to
/// 01:00 UTC of the last Sunday of October (the EU rule, Directive 2000/84/EC), computed here
/// without a time-zone database.
package enum ItalianTime {
    /// The date in Italy at `unixSeconds` (seconds since 1 January 1970, UTC); nil for an instant
    /// no clock gives (beyond ±10¹⁵ seconds, or a date outside the calendar's range).
    package static func date(unixSeconds seconds: Int) -> CivilDate? {
        guard seconds.magnitude < 1_000_000_000_000_000 else { return nil }
        guard let utc = CivilDate(dayNumber: floorDivided(seconds, by: 86_400)) else { return nil }
        let offset = isSummerTime(seconds, year: utc.year) ? 7_200 : 3_600
        return CivilDate(dayNumber: floorDivided(seconds + offset, by: 86_400))
    }

    /// Whether Italy keeps summer time at `seconds` (of `year`, the UTC year of that instant).
    static func isSummerTime(_ seconds: Int, year: Int) -> Bool {
        guard let start = lastSunday(of: 3, in: year), let end = lastSunday(of: 10, in: year) else { return false }
        // The change is at 01:00 UTC on both Sundays.
        return seconds >= start * 86_400 + 3_600 && seconds < end * 86_400 + 3_600
    }

    /// The day number (days since 1 January 1970) of the last Sunday of `month` in `year`.
    static func lastSunday(of month: Int, in year: Int) -> Int? {
        guard let last = CivilDate(year: year, month: month, day: 31)?.dayNumber else { return nil }
        // 1 January 1970 was a Thursday: weekday 0 is Sunday.
        let weekday = ((last + 4) % 7 + 7) % 7
        return last - weekday
    }

    private static func floorDivided(_ value: Int, by divisor: Int) -> Int {
        value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
    }
}
