import Foundation
import PotenziamentoFormats
import Testing

@testable import PotenziamentoKit

/// Hostile inputs of tens of megabytes run as real processes under a 1 GB memory limit
/// (`ulimit -v`) and a budget of processor time (`ulimit -t`), and must end with a clear error
/// (docs/regole.md, «Limiti»). The budget is of the process's own processor time, not of the
/// clock: a busy machine does not make it fail, a quadratic reading of 50 MB does (it would take
/// hours); how fast the program is, is measured by the benchmark, not here.
@Suite("Bounded work on hostile inputs (real processes, 1 GB limit)")
struct ResourceTests {
    /// The hostile inputs: a name, the files of an ATS folder (or one JSON file), what the error must say.
    static let cases: [(name: String, files: [String: @Sendable () -> Data], mentions: String)] = [
        (
            "header of 50 MB of semicolons",
            [
                "comuni.csv": { Data("codice_istat;denominazione;popolazione\n048001;A;1000\n".utf8) },
                "personale.csv": { Data(repeating: UInt8(ascii: ";"), count: 50_000_000) },
            ],
            "più di 1000 celle"
        ),
        (
            "50 MB of rows of empty cells and broken rows",
            [
                "comuni.csv": { Data("codice_istat;denominazione;popolazione\n048001;A;1000\n".utf8) },
                "personale.csv": {
                    var text = RosterTableReader.Columns.staffRequired.joined(separator: ";") + ";percentuale\n"
                    let row = String(repeating: ";", count: 6) + "\n"
                    let broken = "x;y\n"
                    text.reserveCapacity(50_000_000)
                    while text.utf8.count < 50_000_000 { text += row + broken }
                    return Data(text.utf8)
                },
            ],
            "altri problemi non elencati"
        ),
        (
            "100.000 unknown columns split over lines",
            [
                "comuni.csv": { Data("codice_istat;denominazione;popolazione\n048001;A;1000\n".utf8) },
                "personale.csv": { Data(((0..<999).map { "colonna\($0)" }.joined(separator: ";") + "\n" + String(repeating: "1;", count: 998) + "1\n").utf8) },
            ],
            "colonna sconosciuta"
        ),
        (
            "2 MB of comuni and records naming a comune outside the ATS",
            [
                "comuni.csv": {
                    Data(
                        ("codice_istat;denominazione;popolazione\n"
                            + (0..<9_000).map { String(format: "%06d;Comune %d;1000", $0 + 1, $0) }.joined(separator: "\n") + "\n").utf8)
                },
                "personale.csv": {
                    Data(
                        ("id;profilo;contratto;ente_tipo;ente_codice_istat;dal;al;percentuale\n"
                            + (0..<30_000).map { "P\($0);assistente_sociale;tempo_indeterminato;comune;999999;2025-01-01;;100" }.joined(separator: "\n")).utf8)
                },
            ],
            "e altri"
        ),
        ("50 MB of nested JSON arrays", ["ambito.json": { Data(repeating: UInt8(ascii: "["), count: 50_000_000) }], "annidamento"),
        // A hostile trial (2026-11-29): one shared text of a megabyte (a space at its end) as the
        // id of 100.000 rows: each row cost the text's length (hours), or kept a copy of it.
        ("a megabyte shared text repeated as the id of 100.000 rows", ["ambito.xlsx": { Self.repeatedSharedText(rows: 100_000) }], "byte in una cella"),
    ]

    /// An `.xlsx` whose sheet `personale` has `rows` rows whose id is the same shared string of
    /// a mebibyte (and a space at its end), beside a valid sheet `comuni`.
    static func repeatedSharedText(rows: Int) -> Data {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        func inline(_ reference: String, _ text: String) -> String { "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>" }
        let comuni =
            "<worksheet xmlns=\"\(main)\"><sheetData><row r=\"1\">\(inline("A1", "codice_istat"))\(inline("B1", "denominazione"))\(inline("C1", "popolazione"))</row>"
            + "<row r=\"2\">\(inline("A2", "048001"))\(inline("B2", "A"))<c r=\"C2\"><v>1000</v></c></row></sheetData></worksheet>"
        let header = RosterTableReader.Columns.staffRequired + ["percentuale"]
        var personale = "<worksheet xmlns=\"\(main)\"><sheetData><row r=\"1\">"
        for (index, name) in header.enumerated() { personale += inline(CellReference.a1(row: 1, column: index + 1), name) }
        personale += "</row>"
        for row in 2...(rows + 1) { personale += "<row r=\"\(row)\"><c r=\"A\(row)\" t=\"s\"><v>0</v></c></row>" }
        personale += "</sheetData></worksheet>"
        let shared = "<sst xmlns=\"\(main)\"><si><t xml:space=\"preserve\">" + String(repeating: "A", count: (1 << 20) - 1) + " </t></si></sst>"
        return (try? TestSupport.xlsx(comuni: comuni, personale: personale, sharedStrings: shared)) ?? Data()
    }

    /// The processor seconds a hostile input may take (the debug build takes well under half).
    static let processorSeconds = 150

    @Test("each hostile input ends with a clear error, under 1 GB of memory and a budget of processor time", arguments: 0..<cases.count)
    func hostile(index: Int) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let testCase = Self.cases[index]
        for (name, make) in testCase.files { try make().write(to: folder.appendingPathComponent(name)) }
        // One file (a JSON document, a workbook) is the input itself; several are a folder.
        let input = testCase.files.count == 1 ? folder.appendingPathComponent(testCase.files.keys.first ?? "").path : folder.path
        // Past the budget the kernel stops the process (SIGXCPU, then SIGKILL): a status other
        // than 65. A process that waits without working (a deadlock) is stopped by `timeout`
        // after 10 minutes of the clock (status 124).
        let result = try TestSupport.process(
            [
                "/bin/sh", "-c", "ulimit -v 1000000; ulimit -t \(Self.processorSeconds); exec timeout 600 \"$0\" valida \"$1\"",
                TestSupport.executable.path, input,
            ],
            executable: URL(fileURLWithPath: "/bin/sh"))
        #expect(
            result.status == 65,
            "\(testCase.name): \(result.status) \(result.standardError.prefix(300)) (killed past \(Self.processorSeconds) s of processor time?)")
        #expect((result.standardOutput + result.standardError).contains(testCase.mentions), "\(testCase.name)")
        #expect(result.standardOutput.utf8.count < 1_000_000, "\(testCase.name): the report lists too much")
    }

    @Test("a device that never ends (/dev/zero) is refused at once")
    func endless() throws {
        let result = try TestSupport.process(["calcola", "/dev/zero", "--anno", "2025"])
        #expect(result.status == 65)
        #expect(result.standardError.contains("byte nulli"))
    }
}
