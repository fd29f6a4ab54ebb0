import Foundation
import Testing

@testable import PotenziamentoCLI
@testable import PotenziamentoKit

@Suite("Reliability: determinism, limits")
struct ReliabilityTests {
    @Test(
        "the same input gives the same bytes on every run (real process, two runs)",
        arguments: [
            ["calcola", "Examples/ambito-esempio.json", "--anno", "2025", "--formato", "json"],
            ["prospetto", "Examples/ambito-esempio", "--campagna", "2026", "--formato", "html"],
            ["simula", "Examples/ambito-esempio.json", "--anno", "2026", "--piano", "Examples/piano-esempio.csv", "--fino-al", "2028"],
            ["riparto", "Examples/riparto-esempio.csv", "--anno", "2025", "--fondo", "500000", "--formato", "csv"],
        ])
    func determinism(arguments: [String]) throws {
        let absolute = arguments.map { $0.hasPrefix("Examples/") ? TestSupport.path($0) : $0 }
        let first = try TestSupport.process(absolute)
        let second = try TestSupport.process(absolute)
        #expect(first.status == 0)
        #expect(!first.standardOutput.isEmpty)
        #expect(first.standardOutput == second.standardOutput)
        #expect(first.standardError == second.standardError)
    }

    @Test("a file over 1 GiB is refused before reading it")
    func hugeFile() throws {
        let folder = try TestSupport.temporaryFolder()
        let url = folder.appendingPathComponent("enorme.json")
        #expect(FileManager.default.createFile(atPath: url.path, contents: Data("{".utf8)))
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: UInt64(Bounds.maximumFileSize) + 1)  // sparse: no disk used
        try handle.close()
        let result = TestSupport.run("calcola", url.path, "--anno", "2025")
        #expect(result.status == .dataError)
        #expect(result.standardError.contains("1 GiB"))
        try FileManager.default.removeItem(at: url)
    }

    @Test("a population over 100 million and a percentuale with 30 decimals are clear errors")
    func outOfBounds() {
        let population = diagnostics(rosterJSON(staff: "[\(person)]", comuni: #"[{"codiceIstat": "048001", "denominazione": "A", "popolazione": 100000001}]"#))
        #expect(population.contains { $0.message.contains("fuori misura") })
        let staff =
            #"[{"id": "P1", "profilo": "assistente_sociale", "contratto": "tempo_indeterminato", "ente": {"tipo": "comune", "codiceIstat": "048001"}, "periodi": [{"dal": "2025-01-01", "percentuale": 33.333333333333333333333333333333}]}]"#
        #expect(diagnostics(rosterJSON(staff: staff)).contains { $0.message.contains("troppe cifre decimali") })
        #expect(TestSupport.run("contributo", "--popolazione", "100000001", "--fte", "1").status == .usage)
        #expect(TestSupport.run("contributo", "--popolazione", "1000", "--fte", "99999999999999999999").status == .usage)
    }

    @Test("more records than the limit are refused with a clear error (JSON and CSV)")
    func tooManyRecords() throws {
        let json = rosterJSON(staff: "[\(person), \(person.replacingOccurrences(of: "P1", with: "P2")), \(person.replacingOccurrences(of: "P1", with: "P3"))]")
        let bytes = Array(json.utf8)
        let fromJSON = bytes.withUnsafeBufferPointer { RosterJSONReader.read(utf8: $0, file: "t.json", maximumRecords: 2) }
        #expect(fromJSON.diagnostics.errors.contains { $0.message.contains("troppi record: 3") })
        let csv =
            "id;profilo;contratto;ente_tipo;ente_codice_istat;dal;al;percentuale\n"
            + (1...3).map { "P\($0);assistente_sociale;tempo_indeterminato;comune;048001;2025-01-01;;100" }.joined(separator: "\n")
        var diagnostics = Diagnostics()
        let table = try #require(
            CSVTable(
                utf8: Array(csv.utf8), file: "p.csv", required: RosterTableReader.Columns.staffRequired, optional: RosterTableReader.Columns.staffOptional,
                diagnostics: &diagnostics))
        _ = RosterTableReader.staff(table, maximumRecords: 2, diagnostics: &diagnostics)
        #expect(diagnostics.errors.contains { $0.message.contains("troppi record: 3") })
        #expect(Bounds.maximumRecords == 10_000_000)
    }
}
