import Foundation
import Testing

@testable import PotenziamentoFormats
@testable import PotenziamentoKit

/// A large `personale` array is read in runs on several processors at once
/// (``RosterJSONReader/Parallelism``): the records, their places, every message and the first
/// syntax error are those of the reading one element after the other, wherever the runs split and
/// whatever is wrong in the document.
@Suite("Reading the staff of a large roster in parallel")
struct ParallelReadingTests {
    /// What a reading gives, in a form that compares everything a person or a program sees:
    /// records with their places and their periods' places, comuni, ATS, messages in order.
    struct Outcome: Equatable {
        let staff: [StaffRecord]?
        let places: [String]?
        let municipalities: [Municipality]?
        let ambito: Ambito?
        let messages: [String]
        let trailing: String?

        init(_ reading: RosterJSONReader.Reading) {
            staff = reading.parts?.staff
            places = reading.parts?.staff.flatMap { record in [record.place?.description ?? "-"] + record.periods.map { $0.place?.description ?? "-" } }
            municipalities = reading.parts?.municipalities
            ambito = reading.parts?.ambito
            messages = reading.diagnostics.all.map(\.description)
            trailing = reading.trailingError?.description
        }
    }

    /// `json` read with `parallelism`, from bytes kept (`releasing` false) or given back page by
    /// page after each element (`releasing` true), with at most `maximumRecords` records.
    static func outcome(_ json: String, parallelism: RosterJSONReader.Parallelism, releasing: Bool, maximumRecords: Int = Bounds.maximumRecords) -> Outcome {
        if releasing {
            return ReadPagesReleaseTests.withOwnedBytes(json) { buffer in
                Outcome(
                    RosterJSONReader.readParts(releasing: buffer, file: "p.json", releaseStep: 1, maximumRecords: maximumRecords, parallelism: parallelism))
            }
        }
        return Array(json.utf8).withUnsafeBufferPointer { bytes in
            Outcome(RosterJSONReader.readParts(utf8: bytes, file: "p.json", maximumRecords: maximumRecords, parallelism: parallelism))
        }
    }

    /// Checks that every way of splitting `json` reads as the reading one element after the other.
    static func expectSameReading(_ json: String, maximumRecords: Int = Bounds.maximumRecords, _ comment: Comment? = nil) {
        let expected = outcome(json, parallelism: .sequential, releasing: false, maximumRecords: maximumRecords)
        for parts in 2...4 {
            for releasing in [false, true] {
                let parallel = outcome(json, parallelism: .init(parts: parts, minimumBytes: 0), releasing: releasing, maximumRecords: maximumRecords)
                #expect(parallel == expected, "\(parts) runs, pages given back: \(releasing). \(comment?.rawValue ?? "")")
            }
        }
    }

    /// A roster of `count` persons with every kind of record (periods inside the year, hours,
    /// ATS-level employers, area splits), written as the program writes it.
    static func document(count: Int) -> String {
        let staff = (0..<count).map { index -> StaffRecord in
            let periods =
                index % 3 == 0
                ? [RosterFactory.period("2020-01-01", "2024-06-30"), RosterFactory.period("2024-09-01", nil, 50)]
                : [RosterFactory.period("2021-03-15")]
            let employer = index % 4 == 0 ? try! Employer(kind: .ambito) : RosterFactory.comune()
            return RosterFactory.worker(
                "AS-\(index) Città", employer: employer, periods: periods, areas: index % 2 == 0 ? [.segretariatoSociale: Fraction(100)] : [:])
        }
        return RosterWriter.json(RosterFactory.roster(staff))
    }

    @Test("a valid roster, and one with the mistakes readers meet in every run", arguments: [1, 2, 3, 17, 200])
    func rosters(count: Int) {
        let json = Self.document(count: count)
        Self.expectSameReading(json, "valid")
        // Values that are wrong (a code, a date), unknown and repeated keys, spread over the runs.
        var mistaken = json
        mistaken = mistaken.replacingOccurrences(of: "\"AS-1 Città\"", with: "\"AS-1 Città\", \"colore\": \"blu\"")
        mistaken = mistaken.replacingOccurrences(
            of: "\"tempo_indeterminato\"", with: "\"tempo_infinito\"", options: [], range: mistaken.range(of: "AS-\(count / 2) "))
        mistaken = mistaken.replacingOccurrences(of: "2021-03-15", with: "2021-02-30")
        Self.expectSameReading(mistaken, "values")
        // Text after the document, and a roster-wide error (a repeated id).
        Self.expectSameReading(json.replacingOccurrences(of: "\"AS-0 Città\"", with: "\"as-\(count - 1) città\"") + " x", "after")
        // A comma right after `[`, where the scan may start a run (spaces put it past the first run's length).
        Self.expectSameReading(
            json.replacingOccurrences(of: "\"personale\": [", with: "\"personale\": [" + String(repeating: " ", count: json.utf8.count) + ","), "leading comma")
        // More records than allowed: the error counts them all.
        Self.expectSameReading(json, maximumRecords: max(1, count / 2), "limit")
    }

    @Test("more problems than a file lists: the same listed ones and the same counts of the others")
    func manyProblems() {
        let json = Self.document(count: 400).replacingOccurrences(of: "2021-03-15", with: "2021-13-15")
        Self.expectSameReading(json)
    }

    @Test(
        "a syntax error in any run stops the reading at the same line and column, with the same messages before it (lines as written, or all on one)",
        arguments: [false, true])
    func syntaxErrors(oneLine: Bool) {
        let written = Self.document(count: 120)
        // On one line, an error's column counts from the document's start through every run.
        let json = oneLine ? written.replacingOccurrences(of: "\n", with: " ") : written
        let bytes = Array(json.utf8)
        // A comma removed, a quote removed, a bracket added: at positions through the whole array.
        let start = bytes.firstIndex(of: UInt8(ascii: "["))!
        for position in stride(from: start, to: bytes.count, by: max(1, (bytes.count - start) / 40)) {
            for replacement: [UInt8] in [[], [UInt8(ascii: "]")], [UInt8(ascii: "\"")], [UInt8(ascii: "{")], [0x0A]] {
                var changed = bytes
                changed.replaceSubrange(position..<(position + 1), with: replacement)
                Self.expectSameReading(String(decoding: changed, as: UTF8.self), "byte \(position) → \(replacement)")
            }
        }
    }

    @Test("element runs start at the commas between elements, with their line and column")
    func runs() throws {
        let json = #"{"personale": [{"a": "x,]}"}, ["è", {"b": 1}],"# + "\n  " + #"3, "\"q\\", 5]}"#
        let bytes = Array(json.utf8)
        let runs = try bytes.withUnsafeBufferPointer { buffer -> [JSONElementRun] in
            var reader = JSONReader(buffer)
            try reader.beginObject()
            _ = try reader.nextKey()
            _ = try reader.peek()
            try reader.beginArray()
            return try #require(reader.elementRuns(parts: 4, minimumBytes: 0))
        }
        let commas = runs.dropFirst().map { bytes[$0.start] }
        #expect(commas.allSatisfy { $0 == UInt8(ascii: ",") })
        #expect(runs.map(\.firstIndex) == Array(0..<runs.count).map { [0, 1, 2, 3][$0] })
        #expect(runs.last?.end == nil && runs.dropLast().map(\.end) == runs.dropFirst().map(\.start))
        // Too little to split, or an array that ends first: nil.
        bytes.withUnsafeBufferPointer { buffer in
            var reader = JSONReader(buffer)
            _ = try? reader.beginObject()
            _ = try? reader.nextKey()
            _ = try? reader.peek()
            _ = try? reader.beginArray()
            #expect(reader.elementRuns(parts: 2, minimumBytes: bytes.count) == nil)
            #expect(reader.elementRuns(parts: 9, minimumBytes: 0) == nil)
        }
    }
}

/// The FTE of a large roster are counted in parts on several processors
/// (``RosterAssessor/assess(_:year:parts:)``): the same assessment as counting them in order.
@Suite("Counting the FTE of a large roster in parallel")
struct ParallelCountingTests {
    @Test("the same counted and excluded records, in order, and the same warnings (past the cap too)", arguments: [1, 2, 3, 7, 500])
    func sameAssessment(count: Int) throws {
        let staff = (0..<count).map { index -> StaffRecord in
            switch index % 5 {
            case 0: RosterFactory.worker("AS-\(index)", contract: "tempo_determinato")
            case 1: RosterFactory.worker("AS-\(index)", periods: [RosterFactory.period("2026-03-01")])
            case 2: RosterFactory.worker("AS-\(index)", areas: [.povertaDisagioAdulti: Fraction(100)])
            case 3: RosterFactory.worker("AS-\(index)", periods: [RosterFactory.period("2024-01-01", "2025-06-30", 50), RosterFactory.period("2025-09-01")])
            default: RosterFactory.worker("AS-\(index)", employer: try! Employer(kind: .ambito))
            }
        }
        let roster = RosterFactory.roster(staff)
        for method in FTEMethod.allCases {
            let assessor = RosterAssessor(method: method)
            let expected = try assessor.assess(roster, year: 2025, parts: 1)
            for parts in 2...4 {
                let parallel = try assessor.assess(roster, year: 2025, parts: parts)
                #expect(parallel == expected, "\(parts) parts, \(method)")
                #expect(parallel.warnings == expected.warnings)
            }
        }
    }
}

/// A large `personale` table (CSV or sheet) is read in parts on several processors at once
/// (``RosterTableReader/staff(_:maximumRecords:parts:diagnostics:)``): the records, their
/// places and every message are those of the reading row after row, wherever the parts split a
/// person's rows and whatever is wrong in them.
@Suite("Reading the staff table of a large roster in parallel")
struct ParallelTableReadingTests {
    /// The staff of `personale` (CSV text) read in `parts` parts: records with their places and
    /// their periods' places, and every message in order.
    static func outcome(_ personale: String, parts: Int, maximumRecords: Int = Bounds.maximumRecords) -> (
        records: [StaffRecord], places: [String], messages: [String]
    ) {
        let columns = RosterTableReader.Columns.self
        var diagnostics = Diagnostics()
        guard
            let table = CSVTable(
                utf8: Array(personale.utf8), file: "personale.csv", required: columns.staffRequired, optional: columns.staffOptional, diagnostics: &diagnostics)
        else { return ([], [], diagnostics.all.map(\.description)) }
        let staff = RosterTableReader.staff(table, maximumRecords: maximumRecords, parts: parts, diagnostics: &diagnostics)
        let places = staff.flatMap { record in [record.place?.description ?? "-"] + record.periods.map { $0.place?.description ?? "-" } }
        return (staff, places, diagnostics.all.map(\.description))
    }

    /// Checks that reading `personale` in 2, 3, 4 and 7 parts gives what reading it row after row gives.
    static func expectSameReading(_ personale: String, maximumRecords: Int = Bounds.maximumRecords, _ comment: String) {
        let expected = outcome(personale, parts: 1, maximumRecords: maximumRecords)
        #expect(!expected.messages.isEmpty || !expected.records.isEmpty, "\(comment): nothing read")
        for parts in [2, 3, 4, 7] {
            let parallel = outcome(personale, parts: parts, maximumRecords: maximumRecords)
            #expect(parallel.records == expected.records, "\(parts) parts: \(comment)")
            #expect(parallel.places == expected.places, "\(parts) parts: \(comment)")
            #expect(parallel.messages == expected.messages, "\(parts) parts: \(comment)")
        }
    }

    /// A `personale` table of `count` persons: some with a second row far below their first
    /// (another part), hours, ATS-level employers, area splits; `mistake` may rewrite any row.
    static func table(count: Int, mistake: (Int, inout [String]) -> Void = { _, _ in }) -> String {
        let header = "id;profilo;contratto;ente_tipo;ente_codice_istat;dal;al;percentuale;ore_settimanali;area_segretariato_sociale;delega_funzioni"
        var rows: [[String]] = []
        for index in 0..<count {
            let employer = index % 4 == 0 ? ["ambito", ""] : ["comune", "001001"]
            let share = index % 5 == 0 ? ["", "30"] : ["100", ""]
            let second = index % 3 == 0
            rows.append(
                ["AS-\(index)", "assistente_sociale", "tempo_indeterminato"] + employer + ["01/01/2020", second ? "30/06/2024" : ""] + share + [
                    index % 2 == 0 ? "100" : "", "",
                ])
        }
        // Second periods at the end: every part but the last continues persons of the first ones.
        for index in stride(from: 0, to: count, by: 3) {
            let employer = index % 4 == 0 ? ["ambito", ""] : ["comune", "001001"]
            rows.append(
                ["as-\(index) ", "assistente_sociale", "tempo_indeterminato"] + employer + ["01/09/2024", "", "50", "", index % 2 == 0 ? "100" : "", ""])
        }
        for row in rows.indices { mistake(row, &rows[row]) }
        return ([header] + rows.map { $0.joined(separator: ";") }).joined(separator: "\n") + "\n"
    }

    @Test("a valid table, and tables with the mistakes of every kind of row", arguments: [1, 2, 5, 31, 240])
    func tables(count: Int) {
        Self.expectSameReading(Self.table(count: count), "valid")
        Self.expectSameReading(
            Self.table(count: count) { row, cells in
                switch row % 11 {
                case 1: cells[0] = ""  // an id missing
                case 2: cells[5] = "31/02/2024"  // a date that does not exist
                case 3 where row >= count: cells[3] = cells[3] == "comune" ? "Comune" : "ATS"  // written differently, same meaning
                case 4 where row >= count: cells[2] = "tempo_determinato"  // a person-level value that differs
                case 5: cells[10] = "forse"  // not a yes/no
                case 6 where row >= count: cells[5] = "01/01/2024"  // a period overlapping the first
                case 7: cells[7] = "101"  // a share out of bounds
                case 8: cells[1] = "assistente socile"  // an unknown profile
                default: break
                }
            }, "mistakes")
        // More records than allowed: one error counting them all, before any part is read.
        Self.expectSameReading(Self.table(count: count), maximumRecords: max(1, count / 2), "limit")
    }

    @Test("more problems than a file lists: the same listed ones and the same counts of the others")
    func manyProblems() {
        Self.expectSameReading(Self.table(count: 400) { _, cells in cells[5] = "2021-13-15" }, "past the cap")
    }

    @Test("a person's periods keep the order of their rows, when the rows lie in every part", arguments: [1, 2, 3, 4, 7])
    func periodsInOrder(parts: Int) throws {
        // 30 persons with 6 rows each, one per year, the rows of a person spread over the whole table.
        let header = "id;profilo;contratto;ente_tipo;ente_codice_istat;dal;al;percentuale"
        var rows: [String] = []
        for year in 2015..<2021 {
            for person in 0..<30 { rows.append("AS-\(person);assistente_sociale;tempo_indeterminato;comune;001001;01/01/\(year);31/12/\(year);100") }
        }
        let table = ([header] + rows).joined(separator: "\n") + "\n"
        let read = Self.outcome(table, parts: parts)
        #expect(read.messages.isEmpty, "\(read.messages)")
        #expect(read.records.count == 30)
        for record in read.records {
            #expect(record.periods.map(\.start.year) == Array(2015..<2021), "\(record.id)")
        }
    }

    @Test(
        "a continuation row written with the same text in other bytes (an accent composed or apart) is the same, also when the first row is invalid (its one error is the only message)"
    )
    func sameTextOtherBytes() {
        let header = "id;profilo;contratto;ente_tipo;ente_codice_istat;dal;al;percentuale;delega_funzioni"
        let composed = "assistente sociale \u{E9}quipe"
        let decomposed = "assistente sociale e\u{301}quipe"
        let table =
            [
                header, "AS-1;\(composed);tempo_indeterminato;comune;001001;01/01/2020;31/12/2020;100;forse",
                "AS-1;\(decomposed);tempo_indeterminato;comune;001001;01/01/2021;;100;forse",
            ].joined(separator: "\n") + "\n"
        for parts in [1, 2] {
            let messages = Self.outcome(table, parts: parts).messages
            #expect(messages.count == 1, "\(messages)")
            #expect(messages.allSatisfy { $0.contains("delega_funzioni") }, "\(messages)")
        }
    }
}
