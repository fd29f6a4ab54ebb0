import Foundation
import PotenziamentoFormats
import PotenziamentoCLI
import Testing
import PotenziamentoKit

/// Helpers shared by the tests: running the command in-process and as a real process.
enum TestSupport {
    static let context = CommandContext(today: CivilDate(year: 2026, month: 11, day: 23)!)

    /// Runs `potenziamento` in-process.
    static func run(_ arguments: String...) -> CommandResult {
        Potenziamento.run(arguments, context: context)
    }

    /// Runs `potenziamento` in-process with an argument array.
    static func run(arguments: [String]) -> CommandResult {
        Potenziamento.run(arguments, context: context)
    }

    /// The package root (for the bundled examples).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A path inside the package.
    static func path(_ relative: String) -> String { packageRoot.appendingPathComponent(relative).path }

    /// The built `potenziamento` executable, next to the test bundle.
    static var executable: URL {
        var candidates: [URL] = []
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("potenziamento"))
        }
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("potenziamento"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates.last!
    }

    struct ProcessResult {
        let status: Int32
        let standardOutput: String
        let standardError: String
    }

    /// Runs the real executable with `arguments`, `input` (if any) on its standard input, and
    /// `environment` added to this process's (without `SOURCE_DATE_EPOCH`, unless given there).
    static func process(_ arguments: [String], input: Data? = nil, executable: URL? = nil, environment: [String: String] = [:]) throws -> ProcessResult {
        let process = Process()
        // Today's date from the clock unless a test sets SOURCE_DATE_EPOCH (a build environment may have it).
        var inherited = ProcessInfo.processInfo.environment
        inherited["SOURCE_DATE_EPOCH"] = nil
        process.environment = inherited.merging(environment) { $1 }
        process.executableURL = executable ?? self.executable
        process.arguments = executable == nil ? arguments : Array(arguments.dropFirst())
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let stdin = Pipe()
        if input != nil { process.standardInput = stdin }
        try process.run()
        if let input {
            // Written from another thread: a large input must not block while the child's output fills.
            DispatchQueue.global().async {
                stdin.fileHandleForWriting.write(input)
                try? stdin.fileHandleForWriting.close()
            }
        }
        // Read both pipes fully before waiting, so a large report cannot block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            outData = out.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        errData = err.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return ProcessResult(
            status: process.terminationStatus,
            standardOutput: String(decoding: outData, as: UTF8.self),
            standardError: String(decoding: errData, as: UTF8.self))
    }

    /// A copy of the bundled example ATS (`Examples/ambito-esempio.json`, or the CSV folder
    /// `Examples/ambito-esempio`, or a workbook made from it by `modello --da` when `destination`
    /// ends in `.xlsx` or `.ods`) at `destination`, as the ATS `code` with comuni of its own: a
    /// batch counts one ATS once, and takes two ATS with the same comuni and persons for a copy
    /// (and a comune in two ATS for a warning), so the ATS of a test folder need codes and comuni
    /// of their own. The comuni `099001`…`099006` become `0NN001`…, `NN` from the code's number.
    static func example(at destination: URL, code: String) throws {
        // The code's number and last letter (`ATS-a07`, `ATS-L1`, `ATS-P1`: distinct for the ATS
        // of a test; 7 × a number is distinct mod 89 for 89 numbers in a row).
        let digits = Int(String(code.filter(\.isASCII).filter(\.isNumber).suffix(6))) ?? 0
        let letter = Int(code.utf8.last { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A } ?? 0)
        let number = 10 + (digits * 7 + letter) % 89
        let prefix = "0\(number)0"
        let source = try String(contentsOfFile: path("Examples/ambito-esempio.json"), encoding: .utf8)
        let renamed = source.replacingOccurrences(of: "\"ATS-EX-01\"", with: "\"\(code)\"").replacingOccurrences(of: "\"0990", with: "\"\(prefix)")
        switch destination.pathExtension {
        case "json":
            try renamed.write(to: destination, atomically: true, encoding: .utf8)
        case "xlsx", "ods":
            let json = try temporaryFolder().appendingPathComponent("\(code).json")
            try renamed.write(to: json, atomically: true, encoding: .utf8)
            let made = run("modello", "--da", json.path, "--output", destination.path)
            guard made.status == .success else { throw CocoaError(.fileWriteUnknown) }
        default:
            try FileManager.default.copyItem(atPath: path("Examples/ambito-esempio"), toPath: destination.path)
            let ambito = destination.appendingPathComponent("ambito.csv")
            try String(contentsOf: ambito, encoding: .utf8).replacingOccurrences(of: "ATS-EX-01;", with: "\(code);")
                .write(to: ambito, atomically: true, encoding: .utf8)
            for name in ["comuni.csv", "personale.csv"] {
                let file = destination.appendingPathComponent(name)
                try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "\n0990", with: "\n\(prefix)")
                    .replacingOccurrences(of: ";0990", with: ";\(prefix)").write(to: file, atomically: true, encoding: .utf8)
            }
        }
    }

    /// A CSV roster folder with `comuni.csv` (by default one comune, 048001, of 30.000
    /// residents) and `personale.csv` as given.
    static func csvRoster(comuni: String = "codice_istat;denominazione;popolazione\n048001;A;30000\n", personale: String) throws -> URL {
        let folder = try temporaryFolder()
        try comuni.write(to: folder.appendingPathComponent("comuni.csv"), atomically: true, encoding: .utf8)
        try writeStaff(personale, in: folder)
        return folder
    }

    /// Replaces the `personale.csv` of `folder`.
    static func writeStaff(_ personale: String, in folder: URL) throws {
        try personale.write(to: folder.appendingPathComponent("personale.csv"), atomically: true, encoding: .utf8)
    }

    /// A fresh temporary folder.
    /// A copy of the example ATS (`Examples/ambito-esempio`) at `destination`, its CSV `file`
    /// changed by `edit` (a line replaced, lines added): a roster with one mistake, or one more year.
    @discardableResult
    static func exampleCopy(at destination: URL, editing file: String, _ edit: (String) -> String) throws -> URL {
        try FileManager.default.copyItem(at: URL(fileURLWithPath: path("Examples/ambito-esempio")), to: destination)
        let edited = destination.appendingPathComponent(file)
        try edit(String(contentsOf: edited, encoding: .utf8)).write(to: edited, atomically: true, encoding: .utf8)
        return destination
    }

    /// The text cells of sheet `sheet` of the workbook at `path`, row by row, joined by `separator`.
    static func sheetText(_ path: String, sheet name: String, separator: String = "\n") throws -> String {
        let workbook = try WorkbookReader.read([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
        let sheet = try #require(workbook.sheets.first { $0.name == name })
        return sheet.rows.flatMap { row in row.cells.compactMap { if case .text(let value) = $0.value { value } else { nil } } }.joined(separator: separator)
    }

    /// An `.xlsx` of the sheets `comuni` and `personale` (their worksheet XML), with the shared
    /// strings and the styles part when given: the workbook and its relations written once for
    /// the tests that make a sheet's XML by hand.
    static func xlsx(comuni: String, personale: String, sharedStrings: String? = nil, styles: String? = nil) throws -> Data {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let relations = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let workbook =
            "<workbook xmlns=\"\(main)\" xmlns:r=\"\(relations)\"><sheets><sheet name=\"comuni\" sheetId=\"1\" r:id=\"rId1\"/>"
            + "<sheet name=\"personale\" sheetId=\"2\" r:id=\"rId2\"/></sheets></workbook>"
        func link(_ id: Int, _ type: String, _ target: String) -> String {
            "<Relationship Id=\"rId\(id)\" Type=\"\(relations)/\(type)\" Target=\"\(target)\"/>"
        }
        var links = link(1, "worksheet", "worksheets/sheet1.xml") + link(2, "worksheet", "worksheets/sheet2.xml")
        var parts = [("xl/worksheets/sheet1.xml", comuni), ("xl/worksheets/sheet2.xml", personale)]
        if let sharedStrings {
            links += link(3, "sharedStrings", "sharedStrings.xml")
            parts.append(("xl/sharedStrings.xml", sharedStrings))
        }
        if let styles {
            links += link(4, "styles", "styles.xml")
            parts.append(("xl/styles.xml", styles))
        }
        parts += [
            ("xl/workbook.xml", workbook),
            ("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(links)</Relationships>"),
        ]
        return Data(try ZIPWriter.archive(parts.map { ($0.0, Array($0.1.utf8)) }))
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("potenziamento-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Test shorthand: a person id from a literal (the literals of the tests are never empty).
extension PersonID: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { try! self.init(value) }
}

/// The error `body` throws, or nil.
func inputError(_ body: () throws(InputError) -> Void) -> InputError? {
    do {
        try body()
        return nil
    } catch {
        return error
    }
}
