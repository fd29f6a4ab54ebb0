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
    case "bigint": FuzzTargets.bigint(bytes)
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

    /// Two decimal integers: the bytes before the first byte that is neither a digit nor `-`, and the digits and
    /// minus signs after it (each at most 200 bytes). Checks text round trips, the identities of the arithmetic,
    /// the representation invariant, and agreement with Int128 wherever operands and result fit.
    static func bigint(_ bytes: [UInt8]) {
        let isNumberByte: (UInt8) -> Bool = { $0 == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        let split = bytes.firstIndex { !isNumberByte($0) } ?? bytes.count
        let texts = [Array(bytes[..<split].prefix(200)), Array(bytes[min(split + 1, bytes.count)...].filter(isNumberByte).prefix(200))]
        var values: [BigInt] = []
        for text in texts {
            let string = String(decoding: text, as: UTF8.self)
            let parsed = text.withUnsafeBufferPointer { BigInt(asciiDigits: $0) }
            check(parsed == BigInt(decimal: string), "bytes and text parse differently: \(string)")
            // The canonical form, computed independently: a minus only before a non-zero value, no leading zeros.
            let negative = text.first == UInt8(ascii: "-")
            let digits = negative ? text.dropFirst() : text[...]
            let wellFormed = !digits.isEmpty && digits.allSatisfy { $0 != UInt8(ascii: "-") }
            check((parsed != nil) == wellFormed, "accepted or refused wrongly: \(string)")
            guard let value = parsed else { return }
            let trimmed = String(decoding: digits.drop { $0 == UInt8(ascii: "0") }, as: UTF8.self)
            let canonical = trimmed.isEmpty ? "0" : (negative ? "-" : "") + trimmed
            check(value.description == canonical, "description \(value) of \(string)")
            check(value.satisfiesInvariant, "representation of \(string)")
            check(value.int64Value == Int64(canonical) && value.int128Value == Int128(canonical), "Int64/Int128 views of \(string)")
            check(value.decimalDigitCount >= trimmed.count && value.decimalDigitCount <= max(trimmed.count, 1) + 1, "digit count of \(string)")
            values.append(value)
        }
        let a = values[0]
        let b = values[1]
        let sum = a + b
        let difference = a - b
        let product = a * b
        for value in [sum, difference, product, -a, a.magnitude, BigInt.power(a, 3)] {
            check(value.satisfiesInvariant, "representation of a result, a = \(a), b = \(b)")
        }
        check(sum - b == a && difference + b == a && sum == b + a, "addition identities, a = \(a), b = \(b)")
        check(product == b * a && BigInt.power(a, 3) == a * a * a, "multiplication identities, a = \(a), b = \(b)")
        check((a < b) == difference.isNegative && (a == b) == difference.isZero, "order, a = \(a), b = \(b)")
        check(-(-a) == a && a.magnitude == (a.isNegative ? -a : a), "negation, a = \(a)")
        if !b.isZero {
            let (quotient, remainder) = a.quotientAndRemainder(dividingBy: b)
            check(quotient.satisfiesInvariant && remainder.satisfiesInvariant, "representation of a division, a = \(a), b = \(b)")
            check(quotient * b + remainder == a, "q·b + r ≠ a, a = \(a), b = \(b)")
            check(remainder.magnitude < b.magnitude, "|r| ≥ |b|, a = \(a), b = \(b)")
            check(remainder.isZero || remainder.isNegative == a.isNegative, "sign of r, a = \(a), b = \(b)")
            check(product / b == a && product % b == 0, "(a·b)/b ≠ a, a = \(a), b = \(b)")
            let (floored, flooredRemainder) = a.flooredQuotientAndRemainder(dividingBy: b)
            check(floored * b + flooredRemainder == a, "floored q·b + r ≠ a, a = \(a), b = \(b)")
            check(flooredRemainder.isZero || flooredRemainder.isNegative == b.isNegative, "sign of the floored r, a = \(a), b = \(b)")
            check(flooredRemainder.magnitude < b.magnitude, "floored |r| ≥ |b|, a = \(a), b = \(b)")
        }
        let divisor = BigInt.gcd(a, b)
        check(divisor.satisfiesInvariant && !divisor.isNegative && divisor == BigInt.gcd(b, -a), "gcd sign or symmetry, a = \(a), b = \(b)")
        if divisor.isZero {
            check(a.isZero && b.isZero, "gcd 0 of non-zero values, a = \(a), b = \(b)")
        } else {
            check(a % divisor == 0 && b % divisor == 0, "gcd does not divide, a = \(a), b = \(b)")
            check(BigInt.gcd(a / divisor, b / divisor) == 1, "gcd not greatest, a = \(a), b = \(b)")
        }
        // Int128 as a second opinion wherever it does not overflow.
        guard let x = a.int128Value, let y = b.int128Value else { return }
        let reference: [(BigInt, (partialValue: Int128, overflow: Bool))] = [
            (sum, x.addingReportingOverflow(y)), (difference, x.subtractingReportingOverflow(y)), (product, x.multipliedReportingOverflow(by: y)),
        ]
        for (result, expected) in reference {
            check(expected.overflow ? result.int128Value == nil : result.int128Value == expected.partialValue, "differs from Int128, a = \(a), b = \(b)")
        }
        check((a < b) == (x < y) && (a == b) == (x == y), "order differs from Int128, a = \(a), b = \(b)")
        if y != 0, !(x == .min && y == -1) {
            let (quotient, remainder) = x.quotientAndRemainder(dividingBy: y)
            check(a / b == BigInt(quotient) && a % b == BigInt(remainder), "division differs from Int128, a = \(a), b = \(b)")
        }
    }
}
