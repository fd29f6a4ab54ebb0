// Fuzz targets for PotenziamentoKit, compiled together with the library's sources by
// scripts/fuzz.sh (swiftc -sanitize=fuzzer,address). The target is chosen with the environment
// variable POTENZIAMENTO_FUZZ_TARGET. Besides "never crash", each target checks invariants that
// would reveal a plausible wrong number (round trips, totals adding up); a violation is a crash.

import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func potenziamentoFuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    switch ProcessInfo.processInfo.environment["POTENZIAMENTO_FUZZ_TARGET"] ?? "json-roster" {
    case "json-roster": FuzzTargets.jsonRoster(bytes)
    case "csv-roster": FuzzTargets.csvRoster(bytes)
    case "numbers": FuzzTargets.numbers(bytes)
    case "dates": FuzzTargets.dates(bytes)
    case "national-table": FuzzTargets.nationalTable(bytes)
    case "cycle": FuzzTargets.cycle(bytes)
    default: fatalError("unknown POTENZIAMENTO_FUZZ_TARGET")
    }
    return 0
}

enum FuzzTargets {
    static func check(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { fatalError("invariant violated: \(message())") }
    }

    static func text(_ bytes: [UInt8]) -> String? {
        try? TextDecoding.decode(bytes, file: "fuzz").text
    }

    /// Assesses a clean roster and checks that every record is in one list, areas add up, the split adds up.
    static func assessAndCheck(_ roster: Roster) {
        guard !RosterValidator.validate(roster).hasErrors else { return }
        for year in [2025, 2026] {
            for method in FTEMethod.allCases {
                guard let assessment = try? RosterAssessor(method: method).assess(roster, year: year) else { continue }
                check(assessment.counted.count + assessment.excluded.count == roster.staff.count, "records lost")
                check(assessment.areas.total == assessment.fte, "areas do not add up")
                check(assessment.split.shares.map(\.amount).sum() == assessment.contribution.total, "split does not add up")
                check(assessment.contribution.total >= .zero, "negative contribution")
                _ = AssessmentReport.json(assessment)
                _ = AssessmentReport.text(assessment)
            }
        }
    }

    static func jsonRoster(_ bytes: [UInt8]) {
        // The in-place UTF-8 validation must accept exactly what the standard library accepts.
        check(bytes.withUnsafeBufferPointer(UTF8Validation.isValid) == (String(validating: bytes, as: UTF8.self) != nil), "UTF-8 validation differs")
        guard let text = text(bytes) else { return }
        let (roster, diagnostics) = RosterJSONReader.read(text: text, file: "fuzz.json")
        for diagnostic in diagnostics.all { _ = diagnostic.description }
        // The fast path (records straight from bytes) must read exactly as the general parser.
        let general = RosterJSONReader.read(text: text, file: "fuzz.json", maximumRecords: RosterLimits.maximumRecords, fastPath: false)
        check(general.roster == roster, "the JSON fast path read a different roster")
        check(general.diagnostics.all.map(\.description) == diagnostics.all.map(\.description), "the JSON fast path gave different messages")
        if let roster, !diagnostics.hasErrors { assessAndCheck(roster) }
    }

    /// The input is split into ambito.csv, comuni.csv and personale.csv at the first two `|||`.
    static func csvRoster(_ bytes: [UInt8]) {
        guard let text = text(bytes) else { return }
        let parts = text.components(separatedBy: "|||")
        guard parts.count >= 3 else { return }
        let files = RosterCSVReader.Files(
            ambito: parts[0].isEmpty ? nil : (parts[0], "ambito.csv"), comuni: (parts[1], "comuni.csv"),
            personale: (parts[2...].joined(separator: "|||"), "personale.csv"))
        let (roster, diagnostics) = RosterCSVReader.read(files, folderName: "fuzz")
        for diagnostic in diagnostics.all { _ = diagnostic.description }
        if let roster, !diagnostics.hasErrors { assessAndCheck(roster) }
    }

    static func numbers(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        if case .success(let value) = DecimalParser.parseDecimal(text, maximumDecimals: 6) {
            let plain = NumberFormatting.plain(value, decimals: 6)
            check((try? DecimalParser.parseDecimal(plain, maximumDecimals: 6).get()) == value, "decimal round trip: \(text)")
            let italian = NumberFormatting.italian(value, decimals: 6)
            check((try? DecimalParser.parseDecimal(italian, maximumDecimals: 6).get()) == value, "Italian round trip: \(text) → \(italian)")
            check(!text.contains("e") && !text.contains("E"), "exponent accepted: \(text)")
            _ = NumberFormatting.json(value, decimals: 4)
            _ = EuroCents.rounding(euros: value)
        }
        if case .success(let value) = DecimalParser.parseInteger(text) {
            check((try? DecimalParser.parseInteger(String(value)).get()) == value, "integer round trip: \(text)")
            check((try? DecimalParser.parseInteger(NumberFormatting.italian(value)).get()) == value, "Italian integer round trip: \(text)")
        }
        _ = FieldParsing.percentage(text)
        _ = FieldParsing.boolean(text)
    }

    static func dates(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        if let date = CivilDate.parse(text) {
            check(CivilDate.parse(date.iso) == date, "ISO round trip: \(text)")
            check(CivilDate.parse(date.italian) == date, "Italian round trip: \(text)")
            check(CivilDate(dayNumber: date.dayNumber) == date, "day number round trip: \(text)")
            check(date.day <= CivilDate.daysInMonth(date.month, year: date.year), "impossible date accepted: \(text)")
        }
    }

    static func nationalTable(_ bytes: [UInt8]) {
        guard let text = text(bytes), let entries = try? NationalTableReader.read(text: text, file: "fuzz.csv") else { return }
        for fund in [EuroCents(cents: 0), EuroCents(cents: 12_345), EuroCents(euros: 180_000_000)] {
            guard let allocation = try? NationalAllocation.compute(entries, year: 2025, fund: fund) else { continue }
            let left = max(fund - allocation.previousTotal, .zero)
            check(allocation.assignedTotal <= max(left, allocation.requested), "assigned more than available")
            if allocation.isReduced { check(allocation.assignedTotal == left, "reduced riparto does not add up to the fund") }
            check(allocation.coefficient <= .one && !allocation.coefficient.isNegative, "coefficient out of range")
            _ = AllocationReport.json(allocation)
        }
    }

    static func cycle(_ bytes: [UInt8]) {
        guard let text = text(bytes), let (cycle, ambito) = try? CycleReader.read(text: text, file: "fuzz.json") else { return }
        for outcome in cycle.outcomes {
            if let liquidated = outcome.liquidated, let reserved = outcome.reserved?.total {
                check(liquidated <= reserved, "liquidated above prenotato")
            }
            if let recovery = outcome.recovery { check(recovery >= .zero, "negative recovery") }
        }
        _ = CycleReport.json(cycle.outcomes, ambito: ambito)
    }
}
