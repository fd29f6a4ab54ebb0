import Foundation
import PotenziamentoFormats
import Testing

@testable import PotenziamentoKit

/// `soffice` on PATH (LibreOffice Calc, a client no one here wrote), for the conversions below.
enum Calc {
    static let executable: String? = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        .map { "\($0)/soffice" }.first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Converts `files` in `folder` to `format` (`xlsx`, `ods`), CSV read as Italian
    /// (`;`, decimal comma, thousands dot) with the 1-based `textColumns` kept as text.
    static func convert(_ files: [String], to format: String, in folder: URL, textColumns: [Int] = []) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(executable))
        process.currentDirectoryURL = folder
        let columns = textColumns.map { "\($0)/2" }.joined(separator: "/")
        process.arguments =
            [
                "-env:UserInstallation=" + folder.appendingPathComponent("profilo").absoluteString, "--headless", "--norestore",
                "--infilter=CSV:59,34,76,1,\(columns),1040,false,true", "--convert-to", format,
            ] + files
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}

@Suite("Workbooks through the command: modello, reading back, LibreOffice", .serialized)
struct WorkbookCommandTests {
    @Test("modello --da writes the roster as a workbook that reads back as the same roster", arguments: ["xlsx", "ods"])
    func roundTrip(kind: String) throws {
        let folder = try TestSupport.temporaryFolder()
        let workbook = folder.appendingPathComponent("ambito.\(kind)").path
        let written = TestSupport.run("modello", "--output", workbook, "--da", TestSupport.path("Examples/ambito-esempio"))
        #expect(written.status == .success, "\(written.standardError)")
        // The bundled example workbook is exactly what modello writes today.
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: workbook)) == Data(contentsOf: URL(fileURLWithPath: TestSupport.path("Examples/ambito-esempio.\(kind)"))))
        let fromCSV = try RosterLoader.load(path: TestSupport.path("Examples/ambito-esempio")).roster
        let fromWorkbook = try RosterLoader.load(path: workbook)
        #expect(fromWorkbook.roster == fromCSV)
        #expect(fromWorkbook.warnings.allSatisfy { $0.place.file == workbook })
        for campaign in ["2026"] {
            let a = TestSupport.run("prospetto", workbook, "--campagna", campaign, "--formato", "json")
            let b = TestSupport.run("prospetto", TestSupport.path("Examples/ambito-esempio"), "--campagna", campaign, "--formato", "json")
            #expect(a.status == .success && a.standardOutput == b.standardOutput)
        }
    }

    /// Found by a newcomer's trial (2026-11-29, fourteenth session): the guide's `modello --output
    /// mio-ambito.xlsx` run again next year replaced the filled roster with the empty template, exit 0.
    @Test("modello does not replace a file already there unless --sovrascrivi", arguments: [false, true])
    func existingFile(filledFromData: Bool) throws {
        let path = try TestSupport.temporaryFolder().appendingPathComponent("mio-ambito.xlsx").path
        #expect(TestSupport.run("modello", "--output", path, "--da", TestSupport.path("Examples/ambito-esempio")).status == .success)
        let filled = try Data(contentsOf: URL(fileURLWithPath: path))
        let again = filledFromData ? ["modello", "--output", path, "--da", TestSupport.path("Examples/ambito-esempio.json")] : ["modello", "--output", path]
        let refused = TestSupport.run(arguments: again)
        #expect(refused.status == .cannotCreate)
        #expect(refused.standardError.contains("il file esiste già e il modello non lo sostituisce"), "\(refused.standardError)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == filled)
        #expect(TestSupport.run(arguments: again + ["--sovrascrivi"]).status == .success)
        let replaced = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(filledFromData || replaced != filled)
    }

    @Test("the empty modello: the example rows are skipped and said, the sheets have lists and text codes")
    func emptyTemplate() throws {
        let folder = try TestSupport.temporaryFolder()
        let path = folder.appendingPathComponent("vuoto.xlsx").path
        #expect(TestSupport.run("modello", "-o", path).status == .success)
        let result = TestSupport.run("valida", path)
        #expect(result.status == .dataError)
        #expect(result.standardOutput.components(separatedBy: "riga di esempio del modello").count == 4)
        let workbook = try TableFile.workbook([UInt8](Data(contentsOf: URL(fileURLWithPath: path))), file: path)
        #expect(workbook.sheetNames.prefix(4) == ["istruzioni", "ambito", "comuni", "personale"])
        let document = RosterTemplate.document()
        let personale = try #require(document.sheets.first { $0.name == "personale" })
        let profileColumn = try #require(RosterWriter.Columns.personale.firstIndex(of: "profilo")) + 1
        #expect(personale.validations.contains { $0.column == profileColumn && $0.values == Profile.Kind.allCases.map(\.rawValue) })
        #expect(personale.columnStyles.first == .text)
        // Each coded column as wide as its longest code (a workbook trial found
        // `assistente_socia|tempo_indeterm|` run together in columns 12 wide).
        for (name, codes) in [
            ("profilo", Profile.Kind.allCases.map(\.rawValue)), ("contratto", Contract.Kind.allCases.map(\.rawValue)),
            ("ente_tipo", EmployerKind.allCases.map(\.rawValue)),
        ] {
            let index = try #require(RosterWriter.Columns.personale.firstIndex(of: name))
            #expect(personale.columnWidths[index] >= min(30, (codes.map(\.count).max() ?? 0) + 2), "\(name)")
        }
        for (index, name) in RosterWriter.Columns.personale.enumerated() where index > 0 {
            #expect(personale.columnWidths[index] >= min(30, name.count + 2), "\(name)")
        }
    }

    /// Found by a regional analyst's trial: a report saved into the ATS's folder gave ten errors
    /// of unknown columns at the next run.
    @Test(
        "a report workbook given as a roster is one error that says what it is",
        arguments: [["calcola", "--anno", "2025"], ["prospetto", "--campagna", "2026"]], ["xlsx", "ods"])
    func reportGivenBack(command: [String], kind: String) throws {
        let folder = try TestSupport.temporaryFolder()
        let report = folder.appendingPathComponent("rapporto.\(kind)")
        let made = TestSupport.run(
            arguments: [command[0], TestSupport.path("Examples/ambito-esempio.json")] + command.dropFirst() + ["--output", report.path])
        #expect(made.status == .success, "\(made.standardError)")
        let again = TestSupport.run("calcola", report.path, "--anno", "2025")
        #expect(again.status == .dataError)
        let errors = again.standardError.split(separator: "\n").filter { $0.hasPrefix("Errore") }
        #expect(errors.count == 1 && errors[0].contains("è un rapporto del programma (ha il foglio «riepilogo»"), "\(again.standardError)")
    }

    @Test("modello needs a workbook file name", arguments: [["modello"], ["modello", "--output", "ambito.csv"]])
    func usage(arguments: [String]) {
        let result = TestSupport.run(arguments: arguments)
        #expect(result.status == .usage)
        #expect(result.standardError.contains(".xlsx"))
    }

    @Test(
        "LibreOffice re-saves our workbooks in the other format: they read as the CSV folder",
        .enabled(if: Calc.executable != nil, "soffice non è nel PATH: test saltato"))
    func libreOfficeResaves() throws {
        let folder = try TestSupport.temporaryFolder()
        for kind in ["xlsx", "ods"] {
            #expect(
                TestSupport.run(
                    "modello", "--output", folder.appendingPathComponent("nostro-\(kind).\(kind)").path, "--da", TestSupport.path("Examples/ambito-esempio")
                ).status == .success)
        }
        try Calc.convert(["nostro-xlsx.xlsx"], to: "ods", in: folder)
        try Calc.convert(["nostro-ods.ods"], to: "xlsx", in: folder)
        let expected = TestSupport.run("calcola", TestSupport.path("Examples/ambito-esempio"), "--anno", "2025", "--formato", "json").standardOutput
        for file in ["nostro-xlsx.ods", "nostro-ods.xlsx"] {
            let result = TestSupport.run("calcola", folder.appendingPathComponent(file).path, "--anno", "2025", "--formato", "json")
            #expect(result.status == .success, "\(file): \(result.standardError)")
            #expect(result.standardOutput == expected, "\(file)")
        }
    }

    @Test(
        "report workbooks print on A4 landscape in LibreOffice, both formats (tables wider than a portrait page)",
        .enabled(if: Calc.executable != nil, "soffice non è nel PATH: test saltato"))
    func libreOfficePrintsLandscape() throws {
        let folder = try TestSupport.temporaryFolder()
        for kind in ["xlsx", "ods"] {
            let result = TestSupport.run(
                "calcola", TestSupport.path("Examples/ambito-esempio"), "--anno", "2025", "--output", folder.appendingPathComponent("r-\(kind).\(kind)").path)
            #expect(result.status == .success, "\(result.standardError)")
            try Calc.convert(["r-\(kind).\(kind)"], to: "pdf", in: folder)
            let pdf = String(decoding: try Data(contentsOf: folder.appendingPathComponent("r-\(kind).pdf")), as: UTF8.self)
            // Each page's /MediaBox[0 0 width height]: A4 landscape is 841,9 × 595,3 points.
            let boxes = pdf.components(separatedBy: "/MediaBox[").dropFirst().compactMap { box -> (Double, Double)? in
                let numbers = box.prefix { $0 != "]" }.split(separator: " ").compactMap { Double($0) }
                return numbers.count == 4 ? (numbers[2], numbers[3]) : nil
            }
            #expect(!boxes.isEmpty, "\(kind)")
            #expect(boxes.allSatisfy { abs($0.0 - 841.9) < 1 && abs($0.1 - 595.3) < 1 }, "\(kind): \(boxes)")
        }
    }

    /// Whether LibreOffice's Python bridge is there (Debian: python3-uno).
    static let hasUNO: Bool = {
        guard Calc.executable != nil else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", "import uno"]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    @Test(
        "LibreOffice's Python bridge is installed where it is required", .enabled(if: ProcessInfo.processInfo.environment["POTENZIAMENTO_RICHIEDI_UNO"] == "1"))
    func unoInstalled() {
        #expect(Self.hasUNO, "installa libreoffice-calc-nogui e python3-uno")
    }

    @Test(
        "the modello filled in LibreOffice by typing (Italian locale), saved as .ods and .xlsx, reads as the CSV folder",
        .enabled(if: WorkbookCommandTests.hasUNO, "LibreOffice con python3-uno non disponibile: test saltato"), arguments: ["ods", "xlsx"])
    func typedInLibreOffice(kind: String) throws {
        let folder = try TestSupport.temporaryFolder()
        let template = folder.appendingPathComponent("modello.\(kind)").path
        #expect(TestSupport.run("modello", "--output", template).status == .success)
        let out = folder.appendingPathComponent("compilato").path
        // LibreOffice itself (started through its Python bridge, two at once with the other case)
        // now and then fails to start, or aborts while typing, under load: up to two more tries,
        // each with a profile and a working copy of its own.
        var status: Int32 = -1
        for attempt in 1...3 where status != 0 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
            process.arguments = [
                TestSupport.path("scripts/libreoffice-typing.py"), template, TestSupport.path("Examples/ambito-esempio"), out,
                folder.appendingPathComponent("profilo-\(attempt)").path,
            ]
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            status = process.terminationStatus
        }
        #expect(status == 0)
        let expected = TestSupport.run("calcola", TestSupport.path("Examples/ambito-esempio"), "--anno", "2025", "--formato", "json").standardOutput
        for saved in [out + ".ods", out + ".xlsx"] {
            let result = TestSupport.run("calcola", saved, "--anno", "2025", "--formato", "json")
            #expect(result.status == .success, "\(saved): \(result.standardError)")
            #expect(result.standardOutput == expected, "\(saved)")
        }
    }

    @Test(
        "CSV files imported by LibreOffice read as the CSV: riparto, ciclo, simula --piano",
        .enabled(if: Calc.executable != nil, "soffice non è nel PATH: test saltato"))
    func libreOfficeImports() throws {
        let folder = try TestSupport.temporaryFolder()
        for name in ["riparto-esempio.csv", "ciclo-esempio.csv", "piano-esempio.csv"] {
            try FileManager.default.copyItem(atPath: TestSupport.path("Examples/\(name)"), toPath: folder.appendingPathComponent(name).path)
        }
        // The plan's comune column (9) holds ISTAT codes: imported as text, as the guide says.
        for format in ["xlsx", "ods"] {
            try Calc.convert(["riparto-esempio.csv", "ciclo-esempio.csv"], to: format, in: folder)
            try Calc.convert(["piano-esempio.csv"], to: format, in: folder, textColumns: [9])
        }
        func file(_ name: String) -> String { folder.appendingPathComponent(name).path }
        let ambito = TestSupport.path("Examples/ambito-esempio")
        for format in ["xlsx", "ods"] {
            let pairs: [([String], [String])] = [
                (["riparto", file("riparto-esempio.csv")], ["riparto", file("riparto-esempio.\(format)")]),
                (["ciclo", file("ciclo-esempio.csv")], ["ciclo", file("ciclo-esempio.\(format)")]),
                (
                    ["simula", ambito, "--anno", "2026", "--piano", file("piano-esempio.csv")],
                    ["simula", ambito, "--anno", "2026", "--piano", file("piano-esempio.\(format)")]
                ),
            ]
            for (csv, workbook) in pairs {
                let a = TestSupport.run(arguments: csv + ["--formato", "json"])
                let b = TestSupport.run(arguments: workbook + ["--formato", "json"])
                #expect(a.status == .success && b.status == .success, "\(workbook): \(b.standardError)")
                #expect(a.standardOutput == b.standardOutput, "\(workbook)")
            }
        }
    }

    /// Found by an officer's trial of workbooks: the warnings of reading (a hidden row, a date of
    /// 1930) went only to the screen; a report saved by `calcola` showed none of them.
    @Test("calcola's saved text, Markdown and workbook carry every warning about the data, each naming its file without the folders")
    func savedReportsCarryWarnings() throws {
        let folder = try TestSupport.temporaryFolder()
        // AS-001 from 1940: a reading warning (data_improbabile) at its row of personale.csv.
        let roster = try TestSupport.exampleCopy(at: folder.appendingPathComponent("ambito"), editing: "personale.csv") {
            $0.replacingOccurrences(
                of: "AS-001;assistente_sociale;tempo_indeterminato;comune;099001;;;;2020-01-01",
                with: "AS-001;assistente_sociale;tempo_indeterminato;comune;099001;;;;1940-01-01")
        }
        for format in ["txt", "md", "xlsx"] {
            let path = folder.appendingPathComponent("calcola.\(format)").path
            let result = TestSupport.run("calcola", roster.path, "--anno", "2025", "--output", path)
            #expect(result.status == .success, "\(result.standardError)")
            #expect(result.standardError.contains("personale.csv:2 (colonna dal)"), "\(result.standardError)")
            let text: String
            if format == "xlsx" {
                text = try TestSupport.sheetText(path, sheet: "avvisi")
            } else {
                text = try String(contentsOfFile: path, encoding: .utf8)
            }
            #expect(text.contains("Avvisi sui dati (5)"), "\(format): \(text)")
            #expect(text.contains("personale.csv:2 (colonna dal): «AS-001» è in servizio dal 01/01/1940"), "\(format)")
            #expect(text.contains("«AS-014» non ha la ripartizione per area di attività"), "\(format)")
            #expect(!text.contains(folder.path), "\(format): a saved report names the file, not its folders")
        }
        // The folder typed otherwise (`.` at its end: a review found «.» named for it) gives the same bytes.
        let plain = try String(contentsOfFile: folder.appendingPathComponent("calcola.txt").path, encoding: .utf8)
        let dotted = folder.appendingPathComponent("punto.txt").path
        _ = TestSupport.run("calcola", roster.path + "/.", "--anno", "2025", "--output", dotted)
        #expect(try String(contentsOfFile: dotted, encoding: .utf8) == plain)
        #expect(plain.contains("  - ambito: per 4 comuni"), "\(plain)")
    }

    @Test(
        "reports as workbooks: the sheets, numbers as numbers equal to the JSON's, the same bytes every time",
        arguments: [
            (["calcola", "Examples/ambito-esempio", "--anno", "2025"], ["riepilogo", "comuni", "enti", "aree", "persone", "esclusi", "parametri", "avvisi"]),
            (
                ["prospetto", "Examples/ambito-esempio", "--campagna", "2026"],
                ["riepilogo", "sioss", "enti", "comuni", "aree", "persone", "esclusi", "parametri", "avvisi"]
            ),
            (["riparto", "Examples/riparto-esempio.csv", "--anno", "2025"], ["riparto", "riepilogo"]),
            (
                ["simula", "Examples/ambito-esempio", "--anno", "2026", "--piano", "Examples/piano-esempio.csv"],
                ["confronto", "modifiche", "comuni", "assunzioni necessarie", "avvisi"]
            ),
        ])
    func reports(arguments: [String], sheets: [String]) throws {
        let resolved = arguments.map { $0.hasPrefix("Examples/") ? TestSupport.path($0) : $0 }
        let folder = try TestSupport.temporaryFolder()
        for kind in ["xlsx", "ods"] {
            let path = folder.appendingPathComponent("r.\(kind)").path
            let result = TestSupport.run(arguments: resolved + ["--output", path])
            #expect(result.status == .success, "\(result.standardError)")
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            let workbook = try WorkbookReader.read(bytes)
            #expect(workbook.sheetNames == sheets)
            // The same command writes the same bytes.
            let secondPath = folder.appendingPathComponent("s.\(kind)").path
            _ = TestSupport.run(arguments: resolved + ["--output", secondPath])
            #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: secondPath))) == bytes)
            // Every number cell holds a plain decimal; every contribution in the JSON is a cell.
            let json = TestSupport.run(arguments: resolved + ["--formato", "json"]).standardOutput
            let numbers = Set(
                workbook.sheets.flatMap {
                    $0.rows.flatMap {
                        $0.cells.compactMap { cell -> String? in
                            if case .number(let text) = cell.value { return text }
                            return nil
                        }
                    }
                })
            if arguments[0] != "riparto" && arguments[0] != "simula" {
                let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? NSDictionary)
                let total = try #require((object["contributo"] ?? (object["previsione"] as? NSDictionary)?["contributo"]) as? NSNumber)
                #expect(numbers.contains(total.stringValue), "\(total)")
            }
        }
    }

    @Test("the persone sheet puts a person's periods one a line, and a cell on several lines is as wide as its longest line")
    func periodsOnLines() throws {
        let arguments = ["prospetto", TestSupport.path("Examples/ambito-esempio"), "--campagna", "2026"]
        let folder = try TestSupport.temporaryFolder()
        for kind in ["xlsx", "ods"] {
            let path = folder.appendingPathComponent("p.\(kind)").path
            #expect(TestSupport.run(arguments: arguments + ["--output", path]).status == .success)
            let sheet = try WorkbookReader.read([UInt8](Data(contentsOf: URL(fileURLWithPath: path)))).sheet(named: "persone")
            // AS-004 worked full time and then half time in 2025: two periods, two lines.
            let row = try #require(sheet.rows.first { $0.cells.count > 3 && $0.cells[1].value == .text("AS-004") })
            #expect(
                row.cells[3].value == .text("01/01/2025–30/06/2025 · 181/365 × 100 %\n01/07/2025–31/12/2025 · 184/365 × 50 %"), "\(kind): \(row.cells[3].value)"
            )
        }
        let sheet = ReportWorkbooks.sheet("prova", ["a", "b"], [[.text("uno\ndue righe più lunghe"), .text(String(repeating: "x", count: 30))]])
        #expect(sheet.columnWidths == [22, 32])  // «due righe più lunghe» is 20 characters, plus 2
    }

    @Test("the parametri sheet holds every legal reference whole, on lines no wider than its column (printed, none is cut)")
    func parameterReferencesWhole() throws {
        let arguments = ["prospetto", TestSupport.path("Examples/ambito-esempio"), "--campagna", "2026"]
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(TestSupport.run(arguments: arguments + ["--formato", "json"]).standardOutput.utf8))
                as? NSDictionary)
        let citations = try #require(((json["previsione"] as? NSDictionary)?["parametri"] as? [NSDictionary])?.compactMap { $0["riferimento"] as? String })
        // The law's references include one longer than the column (the LEP's, 77 characters).
        #expect(citations.contains { $0.count > 60 })
        let folder = try TestSupport.temporaryFolder()
        for kind in ["xlsx", "ods"] {
            let path = folder.appendingPathComponent("p.\(kind)").path
            #expect(TestSupport.run(arguments: arguments + ["--output", path]).status == .success)
            let sheet = try WorkbookReader.read([UInt8](Data(contentsOf: URL(fileURLWithPath: path)))).sheet(named: "parametri")
            let references = sheet.rows.dropFirst().compactMap { row -> String? in
                guard row.cells.count > 2, case .text(let text) = row.cells[2].value else { return nil }
                return text
            }
            #expect(references.map { $0.replacing("\n", with: " ") } == citations, "\(kind)")
            for reference in references {
                #expect(reference.split(separator: "\n").allSatisfy { $0.count <= 58 }, "\(kind): «\(reference)» has a line wider than its column")
            }
            // Names and addresses on lines of at most 40 characters (a trial: the sheet printed at
            // half size, the address's last letter cut); an address joined again is the address.
            for row in sheet.rows.dropFirst() {
                for cell in row.cells where cell.column == 1 || cell.column == 4 {
                    guard case .text(let text) = cell.value else { continue }
                    #expect(text.split(separator: "\n").allSatisfy { $0.count <= 40 }, "\(kind): «\(text)»")
                    if cell.column == 4 { #expect(text.replacing("\n", with: "").hasPrefix("https://") && !text.replacing("\n", with: "").contains(" ")) }
                }
            }
        }
    }

    @Test("the FTE to declare in the sioss sheet are numbers never shown rounded up, whatever the decimals", arguments: [2, 3, 5, 6])
    func declaredDecimals(decimals: Int) throws {
        let arguments = ["prospetto", TestSupport.path("Examples/ambito-esempio"), "--campagna", "2026", "--decimali-dichiarati", String(decimals)]
        let folder = try TestSupport.temporaryFolder()
        let path = folder.appendingPathComponent("p.xlsx").path
        #expect(TestSupport.run(arguments: arguments + ["--output", path]).status == .success)
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(TestSupport.run(arguments: arguments + ["--formato", "json"]).standardOutput.utf8)) as? NSDictionary)
        let declared = try #require((json["previsione"] as? NSDictionary)?["fteDaDichiarare"] as? NSNumber)
        let sioss = try WorkbookReader.read([UInt8](Data(contentsOf: URL(fileURLWithPath: path)))).sheet(named: "sioss")
        let total = try #require(sioss.rows.first { $0.cells.first?.value == .text("Totale ambito") })
        // A number (5 and 6 decimals were text, which a sheet does not add up: a trial), in a
        // format with as many decimals or more (never shown rounded up).
        #expect(total.cells.last?.value == .number(declared.stringValue), "\(String(describing: total.cells.last))")
        let styles = String(
            decoding: try #require(try ZIPArchive(bytes: [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))).contents(of: "xl/styles.xml")), as: UTF8.self)
        #expect(styles.contains(decimals <= 2 ? "numFmtId=\"2\"" : decimals <= 4 ? "formatCode=\"0.0000\"" : "formatCode=\"0.000000\""))
        // The enti sheet's figures to declare are the JSON's, with the same decimals (found by the
        // cross-format trial: 0,71 stored for 0,707 with 3 decimals, above the exact 0,7068).
        let declaredByEntity = try #require((json["previsione"] as? NSDictionary)?["enti"] as? [NSDictionary])
        let enti = try WorkbookReader.read([UInt8](Data(contentsOf: URL(fileURLWithPath: path)))).sheet(named: "enti")
        let column = try #require(enti.rows.first?.cells.firstIndex { $0.value == .text("FTE da\ndichiarare") })
        let yearColumn = try #require(enti.rows.first?.cells.firstIndex { $0.value == .text("anno") })
        let nameColumn = try #require(enti.rows.first?.cells.firstIndex { $0.value == .text("ente") })
        var checked = 0
        for row in enti.rows.dropFirst() where row.cells.count > column && row.cells[yearColumn].value == .number("2026") {
            let name = row.cells[nameColumn].value
            guard let entity = declaredByEntity.first(where: { name == .text(($0["denominazione"] as? String) ?? "") }),
                let expected = entity["fteDaDichiarare"] as? NSNumber
            else { continue }
            // Compared as exact decimals (the cell `3`, the JSON `3.0`).
            let value = { (text: String) in try? FieldParsing.decimal(text.replacingOccurrences(of: ".", with: ","), maximumDecimals: 6, what: "") }
            let wanted = value(expected.stringValue)
            switch row.cells[column].value {
            case .number(let text): #expect(value(text) == wanted, "\(name)")
            case .text(let text): #expect(decimals > 4 && value(text) == wanted, "\(name)")
            default: Issue.record("no figure to declare for \(name)")
            }
            checked += 1
        }
        #expect(checked >= 5, "\(enti.rows)")
    }

    @Test(
        "workbooks only where they make sense: one ATS at a time, not for ciclo",
        arguments: [
            ["calcola", "Examples/ambito-esempio", "Examples/ambito-esempio.json", "--anno", "2025", "--formato", "xlsx"],
            ["ciclo", "Examples/ciclo-esempio.csv", "--formato", "ods"],
        ])
    func refused(arguments: [String]) {
        let result = TestSupport.run(arguments: arguments.map { $0.hasPrefix("Examples/") ? TestSupport.path($0) : $0 })
        #expect(result.status == .usage)
    }

    /// Found by a newcomer's trial: the workbook named an excluded person's comune by its kind
    /// («Comune») and left the periods of a person without service empty.
    @Test("the prospetto workbook names an excluded person's comune and says when a person has no service in the year")
    func prospettoWorkbookWords() throws {
        let folder = try TestSupport.temporaryFolder()
        let path = folder.appendingPathComponent("p.xlsx").path
        let result = TestSupport.run("prospetto", TestSupport.path("Examples/ambito-esempio"), "--campagna", "2026", "--output", path)
        #expect(result.status == .success, "\(result.standardError)")
        let workbook = try WorkbookReader.read([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
        func texts(_ sheet: String, column: Int) -> [String] {
            (workbook.sheets.first { $0.name == sheet }?.rows.dropFirst() ?? []).compactMap { row in
                if case .text(let text) = row.cell(column: column)?.value { return text }
                return nil
            }
        }
        let excludedEntities = texts("esclusi", column: 3)
        #expect(!excludedEntities.isEmpty && !excludedEntities.contains("Comune"), "\(excludedEntities)")
        #expect(excludedEntities.contains("Borgo Alto") || excludedEntities.contains("Castelnuovo di Sopra"), "\(excludedEntities)")
        // The example has persons with no day in one of the two years (the HTML annex says so too).
        #expect(texts("persone", column: 4).contains("nessun servizio nell'anno"))
        // Long headings are on lines of at most 16 characters, so the sheet prints at a readable size
        // (the area columns were 43 characters wide for figures of 6).
        let headings = (workbook.sheets.first { $0.name == "enti" }?.rows.first?.cells ?? []).compactMap { cell -> String? in
            if case .text(let text) = cell.value { return text }
            return nil
        }
        #expect(headings.contains("Famiglia,\nminori, anziani\nautosufficienti"), "\(headings)")
        #expect(headings.allSatisfy { $0.split(separator: "\n").allSatisfy { $0.count <= 16 } }, "\(headings)")
        // Found by a workbook trial: each year's «Totale ambito» was a row of the data (a sort or a
        // filter took it along); the data of both years come first, then an empty row, then the
        // totals, in the sheets of comuni and of SIOSS (a review: a filter of both years' data).
        for (sheetName, column, expected) in [("comuni", 2, 2), ("sioss", 1, 1)] {
            let rows = try #require(workbook.sheets.first { $0.name == sheetName }?.rows)
            let totals = rows.filter { row in
                if case .text("Totale ambito") = row.cell(column: column)?.value { return true }
                return false
            }
            #expect(totals.count == expected, "\(sheetName)")
            let first = try #require(totals.first?.index)
            #expect(!rows.contains { $0.index == first - 1 }, "\(sheetName)")
            #expect(totals.map(\.index) == Array(first..<(first + expected)), "\(sheetName)")
            // Every data row (after the header) is above the empty row.
            let data = rows.dropFirst().prefix { $0.index < first - 1 }
            #expect(rows.dropFirst().count == data.count + expected + (sheetName == "sioss" ? 7 : 0), "\(sheetName)")
        }
        // The comuni of both years before the totals: the years of the data rows, in order.
        let comuni = try #require(workbook.sheets.first { $0.name == "comuni" }?.rows)
        let years = comuni.dropFirst().compactMap { row -> String? in
            if case .number(let year) = row.cell(column: 1)?.value { return year }
            return nil
        }
        #expect(years == Array(repeating: "2025", count: 7) + Array(repeating: "2026", count: 7) + ["2025", "2026"], "\(years)")
    }

    @Test("a table's totals are the bold rows of its sheet, after the header and an empty row")
    func boldTotals() {
        var table = ReportWorkbooks.TableRows()
        table.data = [[.text("a")], [.text("b")]]
        table.totals = [[.text("Totale 1")], [.text("Totale 2")]]
        table.trailing = [[.text("dopo")]]
        let sheet = ReportWorkbooks.sheet("t", ["nome"], table)
        let bold = sheet.boldRows.sorted().map { sheet.rows[$0] }
        #expect(bold == [[.text("Totale 1")], [.text("Totale 2")]], "\(sheet.rows)")
        #expect(sheet.rows[3] == [] && sheet.rows[6] == [] && sheet.rows[7] == [.text("dopo")], "\(sheet.rows)")
    }
}

/// Found by a trial of what a person sees (2026-11-29), each checked in the file written.
@Suite("What a person sees in the outputs")
struct SeenInOutputsTests {
    /// The sheet `name` of the workbook the command writes with `arguments` (and `--output`).
    static func sheet(_ name: String, _ arguments: String...) throws -> Sheet {
        let path = try TestSupport.temporaryFolder().appendingPathComponent("uscita.xlsx").path
        let result = TestSupport.run(arguments: arguments + ["--output", path])
        #expect(result.status == .success, "\(result.standardError)")
        let workbook = try TableFile.workbook([UInt8](Data(contentsOf: URL(fileURLWithPath: path))), file: path)
        return try workbook.sheet(named: name)
    }

    @Test("the prospetto's deadline is a date cell, not a text")
    func deadlineIsADate() throws {
        let sheet = try Self.sheet("riepilogo", "prospetto", TestSupport.path("Examples/ambito-esempio.json"), "--campagna", "2026")
        let row = try #require(sheet.rows.first { $0.cell(column: 1)?.value == .text("Scadenza") })
        #expect(row.cell(column: 2)?.value == .date(year: 2026, month: 2, day: 28), "\(String(describing: row.cell(column: 2)))")
    }

    @Test("each warning of the avvisi sheet is on lines of at most 96 characters, none lost")
    func warningsOnLines() throws {
        let sheet = try Self.sheet("avvisi", "calcola", TestSupport.path("Examples/ambito-esempio"), "--anno", "2025")
        let texts = sheet.rows.compactMap { row -> String? in if case .text(let text)? = row.cell(column: 1)?.value { text } else { nil } }
        #expect(texts.allSatisfy { $0.split(separator: "\n").allSatisfy { $0.count <= 96 } }, "\(texts)")
        // The warning of one residents figure (longer than a line) is whole, on several lines.
        let residents = try #require(texts.first { $0.contains("una sola popolazione") })
        #expect(residents.contains("\n") && residents.replacingOccurrences(of: "\n", with: " ").contains("nel JSON \"popolazione\": {\"2025\": …})"))
    }

    @Test("counts of persons of a thousand and more are written with the thousands separator")
    func thousandsOfPersons() throws {
        let comune = try Municipality(istatCode: "058091", name: "Città", residents: Residents(2_750_000))
        let employer = try Employer(kind: .comune, istatCode: "058091")
        let period = try ServicePeriod(start: CivilDate(year: 2020, month: 1, day: 1)!, end: nil, share: .fullTime)
        let staff = try (1...1_000).map { index in
            try StaffRecord(
                id: PersonID("AS-\(index)"), profile: Profile("assistente_sociale"), contract: Contract("tempo_indeterminato"), employer: employer,
                periods: [period], areas: AreaSplit([.servizioSocialeProfessionale: Fraction(100)]))
        }
        let roster = try Roster(ambito: Ambito(code: "ATS-C", name: "Città"), municipalities: [comune], staff: staff)
        let prospetto = try Prospetto(roster: roster, campaign: 2026)
        let options = ProspettoReportOptions(today: CivilDate(year: 2026, month: 2, day: 1)!, includesAnnex: false)
        for format in [ReportFormat.html, .text, .markdown] {
            let page = prospetto.report(format, options: options)
            #expect(page.contains("1.000") && !page.contains(" 1000 ") && !page.contains(">1000<") && !page.contains("| 1000 |"), "\(format)")
        }
    }
}
