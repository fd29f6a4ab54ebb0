// Fuzz targets for PotenziamentoKit, compiled by scripts/fuzz.sh (swiftc -sanitize=fuzzer,address)
// into the PotenziamentoKit module, together with the library's sources, after the
// PotenziamentoFormats module (same -package-name, so `package` declarations are visible). The
// target is chosen with the environment variable POTENZIAMENTO_FUZZ_TARGET. Besides "never crash",
// each target checks invariants that would reveal a plausible wrong number or a lost record (round
// trips, totals adding up, every input record accounted for); a violation is a crash.

import Foundation
import PotenziamentoFormats

@_cdecl("LLVMFuzzerTestOneInput")
public func potenziamentoFuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    switch FuzzTargets.target {
    case "json-roster": FuzzTargets.jsonRoster(bytes)
    case "csv-roster": FuzzTargets.csvRoster(bytes)
    case "numbers": FuzzTargets.numbers(bytes)
    case "dates": FuzzTargets.dates(bytes)
    case "national-table": FuzzTargets.nationalTable(bytes)
    case "cycle": FuzzTargets.cycle(bytes)
    case "bigint": FuzzTargets.bigint(bytes)
    case "roster-model": FuzzTargets.rosterModel(bytes)
    case "workbook-roster": FuzzTargets.workbookRoster(bytes)
    default: fatalError("unknown POTENZIAMENTO_FUZZ_TARGET «\(FuzzTargets.target)»")
    }
    return 0
}

enum FuzzTargets {
    static let target = ProcessInfo.processInfo.environment["POTENZIAMENTO_FUZZ_TARGET"] ?? "json-roster"

    static func check(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { fatalError("invariant violated: \(message())") }
    }

    /// A scratch file of this process, for the readers that take a path.
    static let scratch: String = {
        let name = "potenziamento-fuzz-\(ProcessInfo.processInfo.processIdentifier)-\(target)"
        return (NSTemporaryDirectory() as NSString).appendingPathComponent(name)
    }()

    static func writeScratch(_ bytes: [UInt8], suffix: String) -> String {
        let path = scratch + suffix
        check(FileManager.default.createFile(atPath: path, contents: Data(bytes)), "cannot write the scratch file \(path)")
        return path
    }

    /// Renders every message of an error (the code that formats places and values runs too).
    static func render(_ error: InputError) {
        check(!error.errors.isEmpty, "an InputError without any error diagnostic: \(error.diagnostics)")
        for diagnostic in error.diagnostics { _ = diagnostic.description }
        _ = error.errorDescription
    }

    /// Assesses a roster for 2025 and 2026 with both methods and checks: every record in one of the
    /// two lists, areas adding up to the FTE, the split adding up to the contribution to the cent,
    /// no negative amount, the contribution within the cap; reports render. With `assessable`, also
    /// that the assessment fails exactly in the years it says it must.
    static func assessAndCheck(_ roster: Roster, renderReports: Bool = true, assessable: ((Int) -> Bool)? = nil) {
        for year in [2025, 2026] {
            for method in FTEMethod.allCases {
                let assessment: AnnualAssessment
                do {
                    assessment = try RosterAssessor(method: method).assess(roster, year: year)
                    check(assessable?(year) ?? true, "assessed a roster that should fail in \(year): \(method)")
                } catch {
                    check(!(assessable?(year) ?? false), "assessment refused in \(year): \(error.description)")
                    continue
                }
                check(assessment.counted.count + assessment.excluded.count == roster.staff.count, "records lost: \(year) \(method)")
                check(assessment.areas.total == assessment.fte, "areas do not add up to the FTE: \(year) \(method)")
                check(assessment.split.shares.map(\.amount).sum() == assessment.contribution.total, "split does not add up: \(year) \(method)")
                check(assessment.split.shares.count == roster.municipalities.count + 1, "split without a share per comune and the capofila")
                check(assessment.split.shares.allSatisfy { !$0.amount.isNegative }, "negative share in the split: \(year) \(method)")
                check(!assessment.contribution.total.isNegative, "negative contribution")
                check(assessment.contribution.total == assessment.contribution.bandA.amount + assessment.contribution.bandB.amount, "bands do not add up")
                // At most 40.000 × (1/5.000 − 1/6.500) + 20.000 × (1/4.000 − 1/5.000) = 37/13 euro per resident, plus rounding.
                let cap = Fraction(assessment.population) * Fraction(37, 13) + Fraction(1, 100)
                check(assessment.contribution.total.euros <= cap, "contribution above the cap: \(assessment.contribution.total)")
                let fte = roster.staff.filter { Eligibility.exclusionReason(for: $0) == nil }
                    .map { (try? FTECounter(year: year, method: method))?.fte(of: $0.periods) ?? .zero }.sum()
                check(fte == assessment.fte, "the FTE differ from the counter's: \(year) \(method)")
                if renderReports {
                    for format in ReportFormat.allCases { _ = assessment.write(format, explain: true, to: ReportOutput()) }
                    check((try? assessment.workbook(.xlsx)) != nil, "the assessment cannot be written as a workbook")
                }
            }
        }
    }

    // MARK: json-roster

    /// The number of elements of the top-level `personale` array, read independently with the
    /// generic JSON parser; nil when the document is not an object with one such array.
    static func personaleCount(_ utf8: [UInt8]) -> Int? {
        guard let node = try? utf8.withUnsafeBufferPointer({ try JSONNode.parse($0) }), case .object(let members) = node else { return nil }
        let arrays = members.filter { $0.key == "personale" }
        guard arrays.count == 1, case .array(let elements) = arrays[0].value else { return nil }
        return elements.count
    }

    static func jsonRoster(_ bytes: [UInt8]) {
        // The in-place UTF-8 validation must accept exactly what the standard library accepts.
        check(bytes.withUnsafeBufferPointer(UTF8Validation.isValid) == (String(validating: bytes, as: UTF8.self) != nil), "UTF-8 validation differs")
        let loaded: RosterLoader.Loaded
        do {
            loaded = try RosterLoader.load(jsonData: Data(bytes), name: "fuzz.json")
        } catch {
            return render(error)
        }
        for warning in loaded.warnings { _ = warning.description }
        let roster = loaded.roster
        // Nothing silently dropped: every element of `personale` is a record (else loading fails).
        let text = (try? TextDecoding.decode(bytes, allowsWindows1252: false).get())?.utf8Bytes ?? []
        let elements = personaleCount(text)
        check(elements == roster.staff.count, "personale has \(elements.map(String.init) ?? "?") elements, the roster \(roster.staff.count) records")
        check(Set(roster.staff.map(\.id)).count == roster.staff.count, "duplicate ids in a loaded roster")
        // What RosterWriter writes reads back as the same roster.
        let written = RosterWriter.json(roster)
        do {
            let reread = try RosterLoader.load(jsonData: Data(written.utf8), name: "written.json").roster
            check(reread == roster, "RosterWriter.json does not read back as the same roster")
        } catch {
            check(false, "RosterWriter.json wrote a document that does not load: \(error.description)")
        }
        assessAndCheck(roster)
    }

    // MARK: csv-roster

    /// The distinct ids (as the model compares them) of the data rows of a `personale.csv`, read
    /// independently with the generic CSV parser; nil when the file has no `id` column or an
    /// empty id (then loading must fail).
    static func personaleIDs(_ bytes: [UInt8]) -> Set<PersonID>? {
        guard let decoded = try? TextDecoding.decode(bytes, allowsWindows1252: true).get() else { return nil }
        let utf8 = decoded.utf8Bytes
        guard let grid = try? CSVParser.grid(utf8, separator: CSVParser.detectSeparator(utf8)).get(), let header = grid.rows.first else { return nil }
        guard let column = (0..<header.count).first(where: { grid.trimmedString(header, $0).lowercased() == "id" }) else { return nil }
        var ids = Set<PersonID>()
        for row in grid.rows.dropFirst() {
            if (0..<row.count).allSatisfy({ grid.isBlank(row, $0) }) { continue }  // a blank line
            let first = grid.trimmedString(row, 0)
            if first.hasPrefix("#") { continue }  // an example row (skipped with a warning) or an error
            guard column < row.count, let id = try? PersonID(grid.trimmedString(row, column)) else { return nil }
            ids.insert(id)
        }
        return ids
    }

    /// The input is split into ambito.csv, comuni.csv and personale.csv at the first two `|||`
    /// (an empty first part: no ambito.csv).
    static func csvRoster(_ bytes: [UInt8]) {
        guard let parts = threeParts(bytes) else { return }
        var files = ["comuni.csv": Data(parts[1]), "personale.csv": Data(parts[2])]
        if !parts[0].isEmpty { files["ambito.csv"] = Data(parts[0]) }
        let loaded: RosterLoader.Loaded
        do {
            loaded = try RosterLoader.load(csvFiles: files, name: "fuzz")
        } catch {
            return render(error)
        }
        for warning in loaded.warnings { _ = warning.description }
        let roster = loaded.roster
        // Nothing silently dropped: every data row of personale.csv belongs to a record, one per distinct id.
        let ids = personaleIDs(parts[2])
        check(
            ids?.count == roster.staff.count, "personale.csv has \(ids.map { String($0.count) } ?? "?") distinct ids, the roster \(roster.staff.count) records")
        if let ids { check(Set(roster.staff.map(\.id)) == ids, "the roster's ids are not those of personale.csv") }
        assessAndCheck(roster)
    }

    // MARK: workbook-roster

    /// The three parts of a csv-roster input (`ambito|||comuni|||personale`), or nil.
    static func threeParts(_ bytes: [UInt8]) -> [[UInt8]]? {
        var parts: [[UInt8]] = [[]]
        var index = 0
        while index < bytes.count {
            if parts.count < 3, index + 2 < bytes.count, bytes[index] == UInt8(ascii: "|"), bytes[index + 1] == UInt8(ascii: "|"),
                bytes[index + 2] == UInt8(ascii: "|")
            {
                parts.append([])
                index += 3
                continue
            }
            parts[parts.count - 1].append(bytes[index])
            index += 1
        }
        return parts.count == 3 ? parts : nil
    }

    /// A cell of a fuzzed sheet: text, or a typed value chosen by a first byte below 0x09.
    static func cellValue(_ bytes: ArraySlice<UInt8>) -> CellValue {
        guard let first = bytes.first, first < 0x09 else { return bytes.isEmpty ? .empty : .text(String(decoding: bytes, as: UTF8.self)) }
        let rest = String(decoding: bytes.dropFirst(), as: UTF8.self)
        let digits = rest.filter { $0.isNumber }
        switch first {
        case 1: return .number(DecimalText.canonical(rest) ?? "0")
        case 2: return .percentage(DecimalText.canonical(rest) ?? "0")
        case 3:
            let value = Int(digits.prefix(8)) ?? 0
            return .date(year: 1890 + value % 320, month: 1 + (value / 320) % 13, day: 1 + (value / 4160) % 32)
        case 4: return .boolean(digits.hasPrefix("1"))
        case 5: return .error("#N/A")
        case 6: return .formulaWithoutValue(formula: rest)
        case 7: return .time(seconds: DecimalText.canonical(rest) ?? "0")
        default: return .invalidDate(serial: DecimalText.canonical(rest) ?? "60")
        }
    }

    /// A sheet from `;`-separated lines.
    static func sheet(_ name: String, _ bytes: [UInt8]) -> Sheet {
        var rows: [Row] = []
        for (lineIndex, line) in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).prefix(2_000).enumerated() {
            let trimmed = line.last == UInt8(ascii: "\r") ? line.dropLast() : line
            var cells: [Cell] = []
            for (column, cell) in trimmed.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false).prefix(200).enumerated() {
                let value = cellValue(cell)
                if value != .empty { cells.append(Cell(row: lineIndex + 1, column: column + 1, value: value)) }
            }
            if !cells.isEmpty { rows.append(Row(index: lineIndex + 1, cells: cells)) }
        }
        return Sheet(name: name, rows: rows)
    }

    /// The roster workbook reader (``WorkbookTable`` through ``RosterLoader``) on sheets built from
    /// the bytes, cells typed by a leading byte: never a crash, every typed cell either read or
    /// reported, and for plain text the same roster as the CSV reader gives.
    static func workbookRoster(_ bytes: [UInt8]) {
        guard let parts = threeParts(bytes) else { return }
        var sheets = [sheet("comuni", parts[1]), sheet("personale", parts[2])]
        if !parts[0].isEmpty { sheets.insert(sheet("ambito", parts[0]), at: 0) }
        let workbook = Workbook(kind: .xlsx, sheets: sheets)
        let loaded: RosterLoader.Loaded
        do {
            loaded = try RosterLoader.load(workbook: workbook, name: "fuzz.xlsx")
        } catch {
            return render(error)
        }
        for warning in loaded.warnings { _ = warning.description }
        // The same text as CSV: when both read, the rosters are equal.
        let plain = !bytes.contains { $0 < 0x09 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: ",") }
        if plain {
            var files = ["comuni.csv": Data(parts[1]), "personale.csv": Data(parts[2])]
            if !parts[0].isEmpty { files["ambito.csv"] = Data(parts[0]) }
            if let csv = try? RosterLoader.load(csvFiles: files, name: "fuzz") {
                check(csv.roster == loaded.roster, "the workbook and the CSV give different rosters")
            }
        }
        assessAndCheck(loaded.roster)
    }

    // MARK: numbers, dates

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
        if let share = try? FieldParsing.percentage(text) {
            check(share.percent > Fraction(1) && share.percent <= Fraction(100), "percentuale out of (1, 100]: \(text)")
        }
        _ = try? FieldParsing.boolean(text)
        _ = try? FieldParsing.residents(text)
        _ = try? FieldParsing.fte(text)
        _ = try? FieldParsing.euros(text, what: "importo")
    }

    static func dates(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        if let date = CivilDate.parse(text) {
            check(CivilDate.parse(date.iso) == date, "ISO round trip: \(text)")
            check(CivilDate.parse(date.italian) == date, "Italian round trip: \(text)")
            check(CivilDate(dayNumber: date.dayNumber) == date, "day number round trip: \(text)")
            check(date.day <= CivilDate.daysInMonth(date.month, year: date.year), "impossible date accepted: \(text)")
        }
        // What people type (`1/3/2025` too): a date read is a real date, written back the same.
        if let date = try? FieldParsing.date(text) {
            check(date.day <= CivilDate.daysInMonth(date.month, year: date.year), "impossible date typed accepted: \(text)")
            check(CivilDate.parse(date.italian) == date, "typed date round trip: \(text)")
        }
    }

    // MARK: national-table, cycle

    /// Data rows of a CSV table read independently (not blank, not a `#` row).
    static func dataRows(_ bytes: [UInt8]) -> Int? {
        guard let decoded = try? TextDecoding.decode(bytes, allowsWindows1252: true).get() else { return nil }
        let utf8 = decoded.utf8Bytes
        guard let grid = try? CSVParser.grid(utf8, separator: CSVParser.detectSeparator(utf8)).get() else { return nil }
        return grid.rows.dropFirst().filter { row in
            !(0..<row.count).allSatisfy { grid.isBlank(row, $0) } && !grid.trimmedString(row, 0).hasPrefix("#")
        }.count
    }

    static func nationalTable(_ bytes: [UInt8]) {
        let entries: [AllocationEntry]
        do {
            let loaded = try NationalTableReader.load(path: writeScratch(bytes, suffix: ".csv"))
            for warning in loaded.warnings { _ = warning.description }
            entries = loaded.entries
        } catch {
            return render(error)
        }
        let rows = dataRows(bytes)
        check(rows == entries.count, "the table has \(rows.map(String.init) ?? "?") data rows, the reader \(entries.count) entries")
        for fund in [EuroCents(cents: 0), EuroCents(cents: 12_345), EuroCents(euros: 180_000_000)] {
            guard let allocation = try? NationalAllocation(entries, year: 2025, fund: fund) else { continue }
            let left = max(fund - allocation.previousTotal, .zero)
            check(allocation.assigned.count == entries.count, "an ATS lost in the riparto")
            check(allocation.assignedTotal <= max(left, allocation.requested), "assigned more than available")
            if allocation.isReduced { check(allocation.assignedTotal == left, "reduced riparto does not add up to the fund") }
            check(allocation.coefficient <= .one && !allocation.coefficient.isNegative, "coefficient out of range")
            for (assigned, contribution) in zip(allocation.assigned, allocation.contributions) {
                check(!assigned.isNegative && assigned <= contribution.total, "an ATS assigned more than its contribution")
            }
            for format in ReportFormat.allCases { _ = allocation.write(format, to: ReportOutput()) }
        }
    }

    static func cycle(_ bytes: [UInt8]) {
        let loaded: CycleReader.Loaded
        do {
            loaded = try CycleReader.load(paths: [writeScratch(bytes, suffix: ".json")])
        } catch {
            return render(error)
        }
        // Every element of `anni` is a recorded year (else loading fails).
        let text = (try? TextDecoding.decode(bytes, allowsWindows1252: false).get())?.utf8Bytes ?? []
        if let node = try? text.withUnsafeBufferPointer({ try JSONNode.parse($0) }), case .object(let members) = node,
            let years = members.first(where: { $0.key == "anni" }), case .array(let elements) = years.value
        {
            check(elements.count == loaded.cycle.years.count, "anni has \(elements.count) elements, the cycle \(loaded.cycle.years.count) years")
        }
        check(loaded.cycle.outcomes.count == loaded.cycle.years.count, "a year without its outcome")
        for outcome in loaded.cycle.outcomes {
            if let liquidated = outcome.liquidated, let reserved = outcome.reserved?.total {
                check(liquidated <= reserved, "liquidated above prenotato")
                check(outcome.savings.map { $0 == reserved - liquidated } ?? true, "economia is not prenotato − liquidato")
            }
            if let recovery = outcome.recovery { check(!recovery.isNegative, "negative recovery") }
        }
        for format in ReportFormat.allCases { _ = loaded.cycle.write(format, ambito: loaded.ambito, to: ReportOutput()) }
    }

    // MARK: roster-model

    /// What roster-model built, printed every 1.000 inputs with POTENZIAMENTO_FUZZ_STATS=1, every N
    /// with =N, after each input with =2 (to see that the bytes reach valid rosters of every size,
    /// not only refusals).
    struct ModelStats {
        nonisolated(unsafe) static var inputs = 0
        nonisolated(unsafe) static var rosters = 0
        nonisolated(unsafe) static var refused = 0
        nonisolated(unsafe) static var assessed = 0
        nonisolated(unsafe) static var records = 0
        nonisolated(unsafe) static var largest = 0
        nonisolated(unsafe) static var comuni = 0
        static let every = ProcessInfo.processInfo.environment["POTENZIAMENTO_FUZZ_STATS"].flatMap { Int($0) }.map { $0 == 1 ? 1_000 : max($0, 1) }

        static func report() {
            guard let every, inputs % every == 0 || every == 2 else { return }
            print(
                "roster-model: \(inputs) inputs, \(rosters) rosters accepted, \(refused) refused, \(assessed) assessments, \(records) records, largest \(largest) records, most comuni \(comuni)"
            )
        }
    }

    /// Choices drawn from the fuzz bytes, then (when they run out) from a generator seeded by them,
    /// so a short input can still build thousands of records.
    struct Choices {
        let bytes: [UInt8]
        var position = 0
        var state: UInt64

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            state = hash
        }

        mutating func byte() -> UInt8 {
            if position < bytes.count {
                defer { position += 1 }
                return bytes[position]
            }
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return UInt8(truncatingIfNeeded: z ^ (z >> 31))
        }

        /// A value in `range`, from as many bytes as its width needs.
        mutating func int(_ range: ClosedRange<Int>) -> Int {
            let width = UInt64(bitPattern: Int64(range.upperBound) &- Int64(range.lowerBound))
            var raw: UInt64 = 0
            var needed = width
            repeat {
                raw = raw << 8 | UInt64(byte())
                needed >>= 8
            } while needed > 0
            let offset = width == .max ? raw : raw % (width + 1)
            return Int(bitPattern: UInt(bitPattern: Int(range.lowerBound)) &+ UInt(offset))
        }

        mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }
        mutating func pick<T>(_ values: [T]) -> T { values[int(0...(values.count - 1))] }

        /// A value of `range` or, now and then, one of its edges or just outside them.
        mutating func edgy(_ range: ClosedRange<Int>) -> Int {
            switch int(0...15) {
            case 0: return range.lowerBound
            case 1: return range.upperBound
            case 2: return range.lowerBound - 1
            case 3: return range.upperBound + 1
            case 4: return range.lowerBound + 1
            default: return int(range)
            }
        }

        /// A decimal with up to `decimals` decimals between `low` and `high` (in units of 1).
        mutating func decimal(_ low: Int, _ high: Int, decimals: Int) -> Fraction {
            let scale = Int(pow(10.0, Double(decimals)))
            return Fraction(int((low * scale)...(high * scale)), scale)
        }
    }

    /// Whether `value` is written exactly with at most `decimals` decimals.
    static func hasDecimals(_ value: Fraction, atMost decimals: Int) -> Bool {
        BigInt.tenToThe(decimals) % value.denominator == 0
    }

    /// A value in (0, `below`] that no number of decimals writes exactly (thirds, sevenths, ...) or
    /// that needs 16 decimals.
    static func notDecimal(_ choose: inout Choices, below: Int) -> Fraction {
        let denominator = choose.pick([3, 6, 7, 9, 11, 12, 36, 38, 10_000_000_000_000_000])
        return Fraction(choose.int(1...(below * denominator)), denominator)
    }

    /// Builds rosters in code from the fuzz bytes, with adversarial sizes and shares: residents
    /// from 1 to 100 million (and just outside), hundreds of comuni, shares from hours (weekly
    /// 0,01-60 over full time 1-60) and percentuali with up to 15 decimals, dates 1900-2200 (and
    /// just outside), up to a few thousand records, every kind of employer. Checks that every
    /// initialiser throws exactly when its rule is broken and otherwise gives a value that keeps
    /// it, that the roster is refused exactly when a cross-record rule is broken, and that the
    /// assessment never traps, fails only where it must and adds up.
    /// The ISTAT code of six digits numbered `number` (`000007`).
    static func istatCode(_ number: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    static func rosterModel(_ bytes: [UInt8]) {
        ModelStats.inputs += 1
        defer { ModelStats.report() }
        var choose = Choices(bytes)
        // One roster in five breaks the rules that span records (a comune or an id twice, an
        // employer's comune not in the ATS, no residents for the year): the others must be accepted.
        let faulty = choose.chance(20)

        // Comuni.
        let comuniCount = choose.chance(60) ? choose.int(1...12) : choose.pick([0, 1, 90, 300, 700, choose.int(13...400)])
        // Residents per comune: small to 100 million; for many comuni often what keeps the ATS within 100 million.
        let fitting = Bounds.maximumResidents / max(1, comuniCount)
        let residentsScale = comuniCount > 12 && choose.chance(60) ? fitting : choose.pick([100, 10_000, 1_000_000, fitting, Bounds.maximumResidents])
        var municipalities: [Municipality] = []
        for index in 0..<comuniCount {
            let residents: Residents
            if choose.chance(50) {
                let count = choose.edgy(1...residentsScale)
                do {
                    residents = try Residents(count)
                    check((1...Bounds.maximumResidents).contains(count) && residents.count(in: choose.int(1900...2200)) == count, "Residents(\(count))")
                } catch {
                    check(!(1...Bounds.maximumResidents).contains(count), "Residents(\(count)) refused: \(error.message)")
                    continue
                }
            } else {
                var table: [Int: Int] = [:]
                for _ in 0..<choose.int(0...4) {
                    table[choose.chance(70) ? choose.int(2024...2027) : choose.edgy(1900...2200)] = choose.edgy(1...residentsScale)
                }
                if !faulty {
                    for year in [2025, 2026] where table[year] == nil { table[year] = choose.int(1...residentsScale) }
                }
                let valid = !table.isEmpty && table.allSatisfy { Bounds.dateYears.contains($0.key) && (1...Bounds.maximumResidents).contains($0.value) }
                do {
                    residents = try Residents(byYear: table)
                    check(valid && table.allSatisfy { residents.count(in: $0.key) == $0.value }, "Residents(byYear: \(table))")
                } catch {
                    check(!valid, "Residents(byYear: \(table)) refused: \(error.message)")
                    continue
                }
            }
            // Codes: six digits, mostly distinct, sometimes repeated (the roster must refuse), rarely
            // empty or not digits (the comune must).
            let code =
                choose.chance(2)
                ? " " : choose.chance(2) ? "C\(index)" : faulty && choose.chance(3) ? Self.istatCode(choose.int(0...max(0, index))) : Self.istatCode(index)
            let codeValid = !code.isEmpty && code.utf8.count <= 6 && code.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
            do {
                municipalities.append(try Municipality(istatCode: code, name: "Comune \(index)", residents: residents))
                check(codeValid, "a comune with the code «\(code)»")
            } catch {
                check(!codeValid, "Municipality refused: \(error.message)")
            }
        }

        // Staff.
        let recordCount = choose.chance(70) ? choose.int(0...40) : choose.pick([choose.int(41...600), choose.int(600...3_000)])
        let fullTimes = [Fraction(36), Fraction(38), Fraction(35), Fraction(18)]
        var staff: [StaffRecord] = []
        staff.reserveCapacity(recordCount)
        for index in 0..<recordCount {
            var periods: [ServicePeriod] = []
            let startYear = choose.chance(80) ? choose.int(2015...2027) : choose.edgy(1900...2200)
            var dayNumber = (CivilDate(year: startYear, month: 1, day: 1)?.dayNumber ?? 0) + choose.int(0...365)
            for _ in 0..<choose.int(0...4) {
                // A share: hours (weekly 0,01-60 over full time 1-60) or a percentuale with up to 15 decimals.
                var share = WorkShare.fullTime
                switch choose.int(0...9) {
                case 0...3: break
                case 4...5:
                    // Hours as the formats write them (at most 4 decimals), and now and then thirds or 5 decimals.
                    let full =
                        choose.chance(80)
                        ? choose.pick(fullTimes) : choose.chance(90) ? choose.decimal(0, 61, decimals: choose.int(0...2)) : Fraction(choose.int(3...180), 3)
                    let weekly =
                        choose.chance(60)
                        ? Fraction(choose.int(1...60))
                        : choose.chance(90)
                            ? choose.decimal(0, 61, decimals: 2)
                            : choose.chance(50)
                                ? Fraction(choose.int(1...180), 3) : choose.decimal(0, 61, decimals: 5)
                    let percent = full.isZero ? Fraction.zero : weekly * Fraction(100) / full
                    let valid =
                        WorkShare.fullTimeHoursRange.contains(full) && weekly > .zero && weekly <= full && percent > Fraction(1)
                        && hasDecimals(weekly, atMost: 4) && hasDecimals(full, atMost: 4)
                    do {
                        share = try WorkShare(weeklyHours: weekly, fullTimeHours: full)
                        check(valid && share.percent == percent && share.hours?.weekly == weekly, "WorkShare(\(weekly) h of \(full))")
                    } catch {
                        check(
                            !valid || Fraction(percent.denominator) > WorkShare.maximumDenominator,
                            "WorkShare(\(weekly) h of \(full)) refused: \(error.message)")
                    }
                default:
                    let percent =
                        choose.chance(20)
                        ? choose.pick([Fraction(1), Fraction(100), Fraction(0), Fraction(101)])
                        : choose.chance(90) ? choose.decimal(0, 101, decimals: choose.int(0...15)) : notDecimal(&choose, below: 100)
                    // RULES §3: 1 < p ≤ 100, with at most 15 decimals.
                    let valid = percent > Fraction(1) && percent <= Fraction(100) && hasDecimals(percent, atMost: Bounds.percentageDecimals)
                    do {
                        share = try WorkShare(percent: percent)
                        check(valid && share.percent == percent, "WorkShare(percent: \(percent))")
                    } catch {
                        check(!valid, "WorkShare(percent: \(percent)) refused: \(error.message)")
                    }
                }
                // Dates: mostly after the previous period (non-overlapping), sometimes anywhere.
                if choose.chance(10) { dayNumber = (CivilDate(year: 2000, month: 1, day: 1)!.dayNumber) + choose.int(-40_000...80_000) }
                guard let first = CivilDate(dayNumber: dayNumber) else { break }
                let length = choose.chance(10) ? choose.int(-30...(-1)) : choose.int(0...1_500)
                let last = choose.chance(25) ? nil : CivilDate(dayNumber: dayNumber + length)
                let valid = Bounds.dateYears.contains(first.year) && (last.map { Bounds.dateYears.contains($0.year) && first <= $0 } ?? true)
                do {
                    periods.append(try ServicePeriod(start: first, end: last, share: share))
                    check(valid, "ServicePeriod(\(first), \(last.map(\.iso) ?? "open"))")
                } catch {
                    check(!valid, "ServicePeriod(\(first), \(last.map(\.iso) ?? "open")) refused: \(error.message)")
                }
                guard let last else { break }
                dayNumber = last.dayNumber + choose.int(1...200)
            }
            if choose.chance(5) { periods.shuffle() }
            let overlapping = periods.indices.contains { i in periods.indices.contains { j in i < j && periods[i].overlaps(periods[j]) } }

            // Areas: mostly valid splits, sometimes not adding up to 100.
            var shares: [ActivityArea: Fraction] = [:]
            if choose.chance(60) {
                var left = Fraction(100)
                for area in ActivityArea.allCases where choose.chance(50) {
                    let part =
                        choose.chance(90) ? Fraction.minimum(left, choose.decimal(0, 100, decimals: choose.int(0...15))) : choose.decimal(-1, 101, decimals: 2)
                    shares[area] = part
                    left -= part
                }
                if choose.chance(85), let area = ActivityArea.allCases.first(where: { shares[$0] == nil }), !left.isNegative { shares[area] = left }
            } else if choose.chance(10) {
                // Thirds (or sixths...) of 100: they add up, but no format can write them.
                let parts = choose.int(2...5)
                let chosen = ActivityArea.allCases.prefix(parts)
                for area in chosen { shares[area] = Fraction(100, parts) }
            }
            let areasValid =
                shares.values.allSatisfy { !$0.isNegative && $0 <= Fraction(100) && hasDecimals($0, atMost: Bounds.percentageDecimals) }
                && (shares.isEmpty || shares.values.sum() == Fraction(100))
            let areas: AreaSplit
            do {
                areas = try AreaSplit(shares)
                check(areasValid && areas.isSpecified == shares.values.contains { !$0.isZero }, "AreaSplit(\(shares))")
            } catch {
                check(!areasValid, "AreaSplit(\(shares)) refused: \(error.message)")
                areas = .unspecified
            }

            // Employer: every kind; comuni by code (sometimes one not in the ATS, or none).
            let kind = choose.chance(55) ? EmployerKind.comune : choose.pick(EmployerKind.allCases)
            let code: String? =
                choose.chance(5)
                ? nil
                : faulty && choose.chance(5)
                    ? (choose.chance(50) ? "X\(index)" : "9\(String(format: "%05d", index % 100_000))")
                    : municipalities.isEmpty ? Self.istatCode(0) : choose.pick(municipalities).istatCode
            let employer: Employer
            do {
                employer = try Employer(kind: kind, istatCode: code, delegatedFunctions: choose.chance(60), costReimbursed: choose.chance(20))
                check(kind != .comune || employer.istatCode != nil, "a comune employer without its code")
            } catch {
                // A comune's code is required, and is 1 to 6 digits (for a comune or the comune capofila).
                let written = (code ?? "").trimmingSpaces
                let digits = !written.isEmpty && written.utf8.count <= 6 && written.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
                check(
                    (kind == .comune && written.isEmpty) || ((kind == .comune || kind == .comuneCapofila) && !written.isEmpty && !digits),
                    "Employer(\(kind), \(code ?? "nil")) refused: \(error.message)")
                continue
            }
            // Ids: mostly distinct; sometimes the same as another's but for case and spaces (the roster must refuse).
            let idText = faulty && choose.chance(3) ? " p\(choose.int(0...max(0, index))) " : "P\(index)"
            let profile =
                choose.chance(85) ? try! Profile("assistente_sociale") : try! Profile(choose.pick(["educatore", "altro", "Assistente sociale coordinatore"]))
            let contract = choose.chance(85) ? Contract.permanent : try! Contract(choose.pick(["tempo_determinato", "T.I.", "somministrazione"]))
            do {
                let record = try StaffRecord(
                    id: PersonID(idText), profile: profile, contract: contract, employer: employer, periods: periods, areas: areas,
                    employedInTerritorialServices: choose.chance(92))
                check(!overlapping, "StaffRecord accepted overlapping periods: \(periods)")
                staff.append(record)
            } catch {
                check(overlapping, "StaffRecord refused: \(error)")
            }
        }

        // The roster: refused exactly when a rule across records is broken.
        let codes = municipalities.map(\.istatCode)
        let known = Set(codes)
        let ids = staff.map(\.id)
        let rosterValid =
            !municipalities.isEmpty && municipalities.count <= Bounds.maximumMunicipalities && known.count == codes.count && Set(ids).count == ids.count
            && staff.allSatisfy { record in
                guard let code = record.employer.istatCode, record.employer.kind == .comune || record.employer.kind == .comuneCapofila else { return true }
                return known.contains(code)
            }
        let roster: Roster
        do {
            roster = try Roster(
                ambito: Ambito(code: "FUZZ", name: "Fuzz", allFunctionsDelegatedToLead: choose.chance(10)), municipalities: municipalities, staff: staff,
                source: "fuzz")
            check(rosterValid, "Roster accepted a roster that breaks a rule")
        } catch let error as InputError {
            check(!rosterValid, "Roster refused: \(error.description)")
            ModelStats.refused += 1
            return render(error)
        } catch {
            return check(false, "Ambito refused: \(error)")
        }
        _ = roster.warnings
        ModelStats.rosters += 1
        ModelStats.records += roster.staff.count
        ModelStats.largest = max(ModelStats.largest, roster.staff.count)
        ModelStats.comuni = max(ModelStats.comuni, roster.municipalities.count)

        // RosterWriter.json writes a document that reads back as the same roster.
        do {
            let reread = try RosterLoader.load(jsonData: Data(RosterWriter.json(roster).utf8), name: "written.json").roster
            check(reread == roster, "RosterWriter.json does not read back as the same roster")
        } catch {
            check(false, "RosterWriter.json wrote a document that does not load: \(error.description)")
        }

        // The assessment fails exactly when a comune has no residents for the year or the ATS has more than 100 million.
        assessAndCheck(roster, renderReports: roster.staff.count <= 200) { year in
            let figures = roster.municipalities.map { $0.residents.count(in: year) }
            let assessable = figures.allSatisfy { $0 != nil } && figures.reduce(0) { $0 + ($1 ?? 0) } <= Bounds.maximumResidents
            if assessable { ModelStats.assessed += 1 }
            return assessable
        }
    }

    // MARK: bigint

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
