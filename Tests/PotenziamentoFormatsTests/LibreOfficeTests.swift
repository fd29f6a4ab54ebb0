import Foundation
import Testing

@testable import PotenziamentoFormats

/// LibreOffice (`soffice`), a real client no one here wrote: it converts files for the tests.
/// The conversions run once per test run (they take seconds), in a private profile folder.
enum LibreOffice {
    /// The `soffice` executable on PATH, if any.
    static let executable: URL? = {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("soffice")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }()

    /// Whether `soffice` is on PATH.
    static var isAvailable: Bool { executable != nil }

    /// Whether the environment requires LibreOffice (CI sets POTENZIAMENTO_RICHIEDI_SOFFICE=1).
    static var isRequired: Bool { ProcessInfo.processInfo.environment["POTENZIAMENTO_RICHIEDI_SOFFICE"] == "1" }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The files LibreOffice made in one run, by name.
    struct Conversions: Sendable {
        let folder: URL

        /// The bytes of the file `name` in the conversion folder.
        func file(_ name: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: folder.appendingPathComponent(name))) }
    }

    /// Runs `soffice` with `arguments` in `folder`, with a private profile; fails after 180 s.
    static func run(_ arguments: [String], in folder: URL) throws {
        guard let executable else { throw Failure(description: "soffice non trovato") }
        let process = Process()
        process.executableURL = executable
        process.currentDirectoryURL = folder
        process.arguments = ["-env:UserInstallation=" + folder.appendingPathComponent("profilo").absoluteString, "--headless", "--norestore"] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(180)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            process.terminate()
            throw Failure(description: "soffice \(arguments.joined(separator: " ")): oltre 180 s")
        }
        guard process.terminationStatus == 0 else {
            throw Failure(description: "soffice \(arguments.joined(separator: " ")): uscita \(process.terminationStatus)")
        }
    }

    /// The one run of conversions: the CSV fixture to .xlsx and .ods; our sample workbook (as
    /// `nostro-xlsx.xlsx` and `nostro-ods.ods`) to CSV, one file per sheet, and each to the other format.
    static let conversions: Result<Conversions, Failure> = {
        do {
            let folder = try FormatsTestSupport.temporaryFolder()
            try Data(try FormatsTestSupport.fixture("workbook/csv.csv")).write(to: folder.appendingPathComponent("csv.csv"))
            try Data(try XLSXWriter.write(SampleDocument.document)).write(to: folder.appendingPathComponent("nostro-xlsx.xlsx"))
            try Data(try ODSWriter.write(SampleDocument.document)).write(to: folder.appendingPathComponent("nostro-ods.ods"))
            let csvImport = "--infilter=CSV:59,34,76,1,,1033,false,true"
            try run([csvImport, "--convert-to", "xlsx", "csv.csv"], in: folder)
            try run([csvImport, "--convert-to", "ods", "csv.csv"], in: folder)
            let everySheet = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
            try run(["--convert-to", everySheet, "nostro-xlsx.xlsx", "nostro-ods.ods"], in: folder)
            try run(["--convert-to", "ods", "nostro-xlsx.xlsx"], in: folder)
            try run(["--convert-to", "xlsx", "nostro-ods.ods"], in: folder)
            return .success(Conversions(folder: folder))
        } catch let failure as Failure {
            return .failure(failure)
        } catch {
            return .failure(Failure(description: "\(error)"))
        }
    }()

    /// Returns the rows of a CSV text (comma-separated, fields in double quotes may hold commas,
    /// quotes doubled and line breaks).
    static func csvRows(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" {
                        field.append("\"")
                        characters = characters.dropFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"": quoted = true
            case ",":
                row.append(field)
                field = ""
            case "\n", "\r\n":
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            default: field.append(character)
            }
        }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        return rows
    }
}

@Suite("LibreOffice", .serialized)
struct LibreOfficeTests {
    @Test("LibreOffice is installed where it is required", .enabled(if: LibreOffice.isRequired, "POTENZIAMENTO_RICHIEDI_SOFFICE non è 1"))
    func installedWhereRequired() {
        #expect(LibreOffice.isAvailable, "soffice non è nel PATH ma POTENZIAMENTO_RICHIEDI_SOFFICE=1: installa libreoffice-calc-nogui")
    }

    @Test(
        "a CSV converted by LibreOffice to .xlsx and .ods reads the same from both",
        .enabled(if: LibreOffice.isAvailable, "soffice non è nel PATH: test saltato"))
    func csvConversions() throws {
        let conversions = try LibreOffice.conversions.get()
        for name in ["csv.xlsx", "csv.ods"] {
            let workbook = try WorkbookReader.read(try conversions.file(name))
            #expect(workbook.sheets.count == 1, "\(name)")
            #expect(WorkbookReaderTests.values(workbook.sheets[0]) == WorkbookReaderTests.csvValues, "\(name)")
        }
    }

    /// The text LibreOffice's CSV export gives for a value we wrote (en-US dates, raw numbers).
    static func csvText(_ value: CellValue) -> String? {
        switch value {
        case .text(let text): return text
        case .number(let number): return number.replacingOccurrences(of: "-", with: "").count > 16 ? nil : number
        case .boolean(let value): return value ? "TRUE" : "FALSE"
        case .date(let year, let month, let day):
            return String(format: "%02d/%02d/%04d", month, day, year)
        default: return nil
        }
    }

    @Test(
        "our .xlsx and .ods, exported by LibreOffice to CSV sheet by sheet, give our values",
        .enabled(if: LibreOffice.isAvailable, "soffice non è nel PATH: test saltato"))
    func ourFilesToCSV() throws {
        let conversions = try LibreOffice.conversions.get()
        for (base, ods) in [("nostro-xlsx", false), ("nostro-ods", true)] {
            for (sheet, cells) in SampleDocument.expected(ods: ods) {
                let rows = LibreOffice.csvRows(String(decoding: try conversions.file("\(base)-\(sheet).csv"), as: UTF8.self))
                for (reference, value) in cells {
                    guard let expected = Self.csvText(value), let position = CellReference.parse(reference) else { continue }
                    let row = position.row - 1 < rows.count ? rows[position.row - 1] : []
                    let actual = position.column - 1 < row.count ? row[position.column - 1] : nil
                    #expect(actual == expected, "\(base) \(sheet)!\(reference)")
                }
            }
        }
    }

    @Test(
        "our files converted by LibreOffice to the other format read back with our values",
        .enabled(if: LibreOffice.isAvailable, "soffice non è nel PATH: test saltato"))
    func ourFilesConverted() throws {
        let conversions = try LibreOffice.conversions.get()
        for (name, kind) in [("nostro-xlsx.ods", WorkbookKind.ods), ("nostro-ods.xlsx", .xlsx)] {
            let workbook = try WorkbookReader.read(try conversions.file(name))
            #expect(workbook.kind == kind)
            // The .xlsx had the hidden list sheet, which LibreOffice keeps.
            var expected = SampleDocument.expected(ods: name.hasPrefix("nostro-ods"))
            if name == "nostro-xlsx.ods" { expected[XLSXWriter.listSheetName] = SampleDocument.expected(ods: false)[XLSXWriter.listSheetName] }
            let values = SampleDocument.values(workbook)
            #expect(Set(values.keys) == Set(expected.keys), "\(name)")
            for (sheet, cells) in expected {
                for (reference, value) in cells {
                    // LibreOffice keeps 15 significant digits.
                    let wanted = value == .number("12345678901234567890.5") ? CellValue.number("12345678901234600000") : value
                    #expect(values[sheet]?[reference] == wanted, "\(name) \(sheet)!\(reference)")
                }
                #expect(values[sheet]?.count == cells.count, "\(name) \(sheet)")
            }
            #expect(workbook.sheets.first { $0.name == "nascosto" }?.isHidden == true)
        }
    }
}
