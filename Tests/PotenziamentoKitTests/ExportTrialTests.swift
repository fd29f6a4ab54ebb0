import Foundation
import PotenziamentoFormats
import Testing

@testable import PotenziamentoKit

/// What a trial of CSV files as personnel systems export them and a trial of what office workers
/// do to cells found (2026-11-29, thirteenth session): each gave another figure with exit 0 and no
/// word. Each is now an error or a warning at its place.
@Suite("Exports and office habits are said, not counted in silence")
struct ExportTrialTests {
    static let header = "id;profilo;contratto;ente_tipo;ente_codice_istat;dal;al;percentuale"

    /// A folder with one comune of 20.000 residents and `personale` (bytes as given).
    static func folder(personale: [UInt8]) throws -> URL {
        let folder = try TestSupport.temporaryFolder()
        try "codice;denominazione\nATS-T;Ambito di prova\n".write(to: folder.appendingPathComponent("ambito.csv"), atomically: true, encoding: .utf8)
        try "codice_istat;denominazione;popolazione\n099001;Borgo;20000\n".write(
            to: folder.appendingPathComponent("comuni.csv"), atomically: true, encoding: .utf8)
        try Data(personale).write(to: folder.appendingPathComponent("personale.csv"))
        return folder
    }

    static func folder(personale: String) throws -> URL { try folder(personale: Array(personale.utf8)) }

    /// The loaded roster, or the diagnostics of the error.
    static func load(_ folder: URL) -> (loaded: RosterLoader.Loaded?, diagnostics: [InputDiagnostic]) {
        do {
            let loaded = try RosterLoader.load(path: folder.path)
            return (loaded, loaded.warnings)
        } catch {
            return (nil, error.diagnostics)
        }
    }

    /// A quote opened in a note and closed in a later row's note swallowed the rows between (2
    /// persons of 4 counted, 0 € instead of 36.923,08 €).
    @Test(
        "a quoted cell that goes on over lines like rows is an error where it opens; a note on two lines is read",
        arguments: [
            (
                "\"vedi delibera\nB;assistente_sociale;tempo_indeterminato;comune;099001;2025-01-01;;100;\nC;assistente_sociale;tempo_indeterminato;comune;099001;2025-01-01;;100;\"ok\"",
                2
            ),
            ("\"vedi delibera\ndel 2024\"\nC;assistente_sociale;tempo_indeterminato;comune;099001;2025-01-01;;100;\"ok\"", nil),
            // Prose on the second line with a few separators (a review: refused as rows swallowed).
            (
                "\"trasferita dal comune A;\npoi part-time; rientrata; delibera n. 3\"\nC;assistente_sociale;tempo_indeterminato;comune;099001;2025-01-01;;100;",
                nil
            ),
        ])
    func swallowedRows(note: String, errorLine: Int?) throws {
        let text =
            Self.header + ";note\nA;assistente_sociale;tempo_indeterminato;comune;099001;2025-01-01;;100;" + note
            + "\nD;assistente_sociale;tempo_indeterminato;comune;099001;2025-01-01;;100;\n"
        let (loaded, diagnostics) = Self.load(try Self.folder(personale: text))
        if let errorLine {
            let error = try #require(diagnostics.first { $0.severity == .error })
            #expect(error.code == .sintassiCSV && error.place.description.hasSuffix("personale.csv:\(errorLine)"), "\(error)")
            #expect(error.message.contains("le virgolette aperte alla riga 2 si chiudono alla riga 4"), "\(error)")
            #expect(loaded == nil)
        } else {
            #expect(try #require(loaded).roster.staff.map(\.id.text) == ["A", "C", "D"])
        }
    }

    /// `83,33` unquoted in a comma-separated file with a last column `note`: 83 % and a note «33»
    /// (the row had the header's width).
    @Test(
        "in a comma-separated file a note of digits after a cell of digits is a warning at the note",
        arguments: [("83,33", true), ("83,ok", false), ("\"83,33\",", false), ("83,", false), ("100,2024", true)])
    func decimalCommaInNote(tail: String, warned: Bool) throws {
        let text =
            Self.header.replacingOccurrences(of: ";", with: ",") + ",note\nA,assistente_sociale,tempo_indeterminato,comune,099001,2025-01-01,," + tail + "\n"
        let (loaded, diagnostics) = Self.load(try Self.folder(personale: text))
        #expect(loaded != nil, "\(diagnostics)")
        let found = diagnostics.filter { $0.code == .numeroNonValido }
        #expect(found.count == (warned ? 1 : 0), "\(diagnostics)")
        if warned {
            #expect(found.first?.place.description.hasSuffix("personale.csv:2 (colonna note)") == true)
            #expect(found.first?.message.contains("forse è \(tail) scritto senza virgolette") == true, "\(found)")
        }
    }

    /// A header ending in `;` let a `;` typed twice move 30 % into the weekly hours (0,8333 FTE):
    /// the header's width is padding only when every row has it.
    @Test(
        "a row as wide as a header ending in «;» is an error when other rows have only the named columns",
        arguments: [
            (
                "A;assistente_sociale;tempo_indeterminato;comune;099001;2025-01-01;;100;\nB;assistente_sociale;tempo_indeterminato;comune;099001;2025-01-01;;;30;\n",
                3
            ),
            (
                "A;assistente_sociale;tempo_indeterminato;comune;099001;2025-01-01;;100;;\nB;assistente_sociale;tempo_indeterminato;comune;099001;2025-01-01;;30;;\n",
                nil
            ),
        ])
    func headerPadding(rows: String, errorLine: Int?) throws {
        let (loaded, diagnostics) = Self.load(try Self.folder(personale: Self.header + ";ore_settimanali;\n" + rows))
        if let errorLine {
            let error = try #require(diagnostics.first { $0.severity == .error })
            #expect(error.code == .numeroDiCampi && error.place.description.hasSuffix("personale.csv:\(errorLine)"), "\(error)")
        } else {
            #expect(try #require(loaded).roster.staff.count == 2, "\(diagnostics)")
        }
    }

    /// A UTF-8 export joined to a Windows-1252 one: read as Windows-1252, «Niccolò» of the first
    /// became «NiccolÃ²», one person counted twice.
    @Test("a file with both UTF-8 and Windows-1252 text is an error naming both lines; one encoding alone is read")
    func mixedEncodings() throws {
        let row = ";assistente_sociale;tempo_indeterminato;comune;099001;2025-01-01;;100\n"
        let utf8 = Array((Self.header + "\nRossi Niccolò" + row).utf8)
        let windows1252 = Array("Bianchi Nicol".utf8) + [0xF2] + Array(row.utf8)
        let (mixed, diagnostics) = Self.load(try Self.folder(personale: utf8 + windows1252))
        #expect(mixed == nil)
        let error = try #require(diagnostics.first { $0.severity == .error })
        #expect(error.code == .codificaNonValida && error.place.description.hasSuffix("personale.csv:3:14"), "\(error)")
        #expect(error.message.contains("la riga 2 è in UTF-8, la riga 3 no"), "\(error)")
        // Each alone is read (Windows-1252 with its warning).
        #expect(Self.load(try Self.folder(personale: utf8)).loaded != nil)
        let (alone, warnings) = Self.load(try Self.folder(personale: Array((Self.header + "\n").utf8) + windows1252))
        #expect(alone?.roster.staff.first?.id.text == "Bianchi Nicolò")
        #expect(warnings.contains { $0.code == .codificaWindows1252 })
        // Windows-1252 capitals before a dash or a non-breaking space are bytes UTF-8 would take,
        // for characters no Italian text writes (a review: «FORLÌ–CESENA» refused as two encodings).
        let capitals = Array("FORL".utf8) + [0xCC, 0x96] + Array("CESENA NICOL".utf8) + [0xD2, 0xA0] + Array("ROSSI citt".utf8) + [0xE0] + Array(row.utf8)
        let (read, capitalWarnings) = Self.load(try Self.folder(personale: Array((Self.header + "\n").utf8) + capitals))
        #expect(read?.roster.staff.first?.id.text == "FORLÌ–CESENA NICOLÒ\u{A0}ROSSI città", "\(capitalWarnings)")
        #expect(!capitalWarnings.contains { $0.code == .testoMalCodificato })
    }

    /// «Rossi NiccolÃ²» (a UTF-8 file once opened as Windows-1252) and «Rossi Niccolò» counted as
    /// two persons with no word.
    @Test(
        "an id written with UTF-8 read as Windows-1252 is a warning that names the person it may be",
        arguments: [
            ("Rossi NiccolÃ²", "«Ã²», cioè «ò»", true), ("D’Amico", "", false), ("Rossi Niccolò", "", false), ("Lâ€™Aquila 1", "«â€™», cioè «’»", false),
            ("NICOLÒ\u{A0}ROSSI", "", false),
        ])
    func misdecodedID(id: String, written: String, twice: Bool) throws {
        let row = ";assistente_sociale;tempo_indeterminato;comune;099001;2025-01-01;;100\n"
        let text = Self.header + "\n" + id + row + "Rossi Niccolò" + row.replacingOccurrences(of: "2025-01-01", with: "2024-01-01")
        let (loaded, diagnostics) = Self.load(try Self.folder(personale: id == "Rossi Niccolò" ? Self.header + "\n" + id + row : text))
        #expect(loaded != nil, "\(diagnostics)")
        let found = diagnostics.filter { $0.code == .testoMalCodificato }
        #expect(found.count == (written.isEmpty ? 0 : 1), "\(found)")
        if let warning = found.first {
            #expect(warning.place.description.hasSuffix("personale.csv:2 (colonna id)"))
            #expect(warning.message.contains(written), "\(warning)")
            #expect(warning.message.contains("«Rossi Niccolò» (") == twice, "\(warning)")
        }
    }

    /// `=OGGI()` in `al` for «still in service» counted the service up to the day the file was
    /// saved (−17.479,45 € for a file saved in February), with no word.
    @Test("a date computed with TODAY() is an error at its cell, in xlsx (a formula filled down too) and in ods")
    func todayFormula() throws {
        let ods = Self.load(URL(fileURLWithPath: TestSupport.path("Tests/PotenziamentoKitTests/Fixtures/al-oggi.ods")))
        #expect(ods.loaded == nil)
        #expect(
            ods.diagnostics.contains { $0.place.description.hasSuffix("al-oggi.ods: personale!J2 (colonna al)") && $0.message.contains("«=TODAY()»") },
            "\(ods.diagnostics)")
        let path = try TestSupport.temporaryFolder().appendingPathComponent("oggi.xlsx")
        try Self.xlsx(ends: [
            "<f>TODAY()</f><v>46000</v>", "<f t=\"shared\" ref=\"G3:G4\" si=\"0\">DATE(YEAR(TODAY()),12,31)</f><v>46022</v>",
            "<f t=\"shared\" si=\"0\"/><v>46022</v>",
        ])
        .write(to: path)
        let xlsx = Self.load(path)
        #expect(xlsx.loaded == nil)
        let places = xlsx.diagnostics.filter { $0.message.contains("usa la data di oggi") }.map { $0.place.description.replacing(path.path, with: "oggi.xlsx") }
        #expect(
            places == ["oggi.xlsx: personale!G2 (colonna al)", "oggi.xlsx: personale!G3 (colonna al)", "oggi.xlsx: personale!G4 (colonna al)"],
            "\(xlsx.diagnostics)")
        // A formula with a date that does not change is read at its value.
        try Self.xlsx(ends: ["<f>DATE(2025,12,31)</f><v>46022</v>"]).write(to: path)
        #expect(Self.load(path).loaded?.roster.staff.first?.periods.first?.end == CivilDate(year: 2025, month: 12, day: 31))
    }

    /// Messages that did not say the cause (a trial of HR exports): each now names it, at its place.
    @Test(
        "exports' mistakes are errors that say their cause",
        arguments: [
            (
                "id;profilo;contratto;ente_tipo;ente_codice_istat;Data inizio;Data fine;%\n", "personale.csv:1 (colonna Data inizio)",
                "colonna sconosciuta «Data inizio» (forse «dal»?)"
            ),
            (header + ";Data fine\n", "personale.csv:1 (colonna Data fine)", "(forse «al»?)"),
            (header + ";%\n", "personale.csv:1 (colonna %)", "(forse «percentuale»?)"),
            (header + ";Codice comune\n", "personale.csv:1 (colonna Codice comune)", "(forse «ente_codice_istat»?)"),
            (header + ";matricola\n", "personale.csv:1 (colonna matricola)", "il calcolo non la usa, cancella la colonna"),
            (header.replacingOccurrences(of: ";", with: "|") + "\n", "personale.csv:1", "il file è separato da «|»"),
            (
                header + "\nA;assistente_sociale;tempo_indeterminato;comune;099001;2025-01-01;;100\n\u{FEFF}" + header + "\n", "personale.csv:3",
                "la riga ripete l'intestazione (riga 1)"
            ),
            (
                header + "\nA;assistente_sociale;tempo_indeterminato;comune;\"=\"\"099001\"\"\";2025-01-01;;100\n",
                "personale.csv:2 (colonna ente_codice_istat)",
                "togli «=» e le virgolette (servono solo dentro il foglio di calcolo) e scrivi 099001"
            ),
        ])
    func exportMessages(personale: String, place: String, message: String) throws {
        let (loaded, diagnostics) = Self.load(try Self.folder(personale: personale))
        #expect(loaded == nil)
        #expect(diagnostics.contains { $0.place.description.hasSuffix(place) && $0.message.contains(message) }, "\(diagnostics)")
    }

    @Test("a personale of another extension is named where personale.csv is missing")
    func otherExtension() throws {
        let folder = try Self.folder(personale: "")
        try FileManager.default.moveItem(at: folder.appendingPathComponent("personale.csv"), to: folder.appendingPathComponent("Personale.csv.txt"))
        let (_, diagnostics) = Self.load(folder)
        #expect(
            diagnostics.contains { $0.code == .fileMancante && $0.message.contains("c'è «Personale.csv.txt»: se contiene i dati, salvalo come CSV") },
            "\(diagnostics)")
    }

    @Test(
        "an option another command names otherwise points to it, with why",
        arguments: [
            (["prospetto", "Examples/ambito-esempio", "--anno", "2026"], "Forse intendevi «--campagna»? (il prospetto si chiede per la campagna"),
            (["calcola", "Examples/ambito-esempio", "--campagna=2026"], "Forse intendevi «--anno»?"),
            (["calcola", "Examples/ambito-esempio", "--ano", "2026"], "Forse intendevi «--anno»?"),
        ])
    func otherOptionName(arguments: [String], message: String) {
        let result = TestSupport.run(arguments: arguments.map { $0.hasPrefix("Examples") ? TestSupport.path($0) : $0 })
        #expect(result.status == .usage)
        #expect(result.standardError.contains(message), "\(result.standardError)")
    }

    /// Rows a person does not see, or sees struck through, are read (a trial of office habits: they
    /// counted with no word); each now has its warning, as a hidden row has.
    @Test(
        "a row struck through, a row zero high and a column zero wide are warnings at their place",
        arguments: [
            (Options(struckRow: 3), "personale, riga 3", DiagnosticCode.rigaBarrata),
            (Options(rowAttributes: [3: " ht=\"0\" customHeight=\"1\""]), "personale, riga 3", .rigaNascosta),
            (Options(columns: "<cols><col min=\"8\" max=\"8\" width=\"0\" customWidth=\"1\"/></cols>"), "personale!H1 (colonna percentuale)", .colonnaNascosta),
        ])
    func unseenRows(options: Options, place: String, code: DiagnosticCode) throws {
        let path = try TestSupport.temporaryFolder().appendingPathComponent("a.xlsx")
        try Self.xlsx(ends: ["", ""], options: options).write(to: path)
        let (loaded, warnings) = Self.load(path)
        #expect(loaded?.roster.staff.count == 2)
        #expect(warnings.filter { $0.code == code }.map { $0.place.description.replacing(path.path + ": ", with: "") } == [place], "\(warnings)")
        // Without them, none of these warnings.
        try Self.xlsx(ends: ["", ""]).write(to: path)
        #expect(Self.load(path).diagnostics.allSatisfy { ![.rigaBarrata, .rigaNascosta, .colonnaNascosta].contains($0.code) })
        // A row struck through in LibreOffice's .ods.
        let ods = Self.load(URL(fileURLWithPath: TestSupport.path("Tests/PotenziamentoKitTests/Fixtures/riga-barrata.ods")))
        #expect(ods.diagnostics.filter { $0.code == .rigaBarrata }.map { $0.place.description.hasSuffix("riga-barrata.ods: personale, riga 7") } == [true])
    }

    /// What office workers do to cells (a trial): special spaces around a date or a percentage
    /// and a profile on two lines are read as the values they show.
    @Test(
        "cells as an office types them are read as what they show",
        arguments: [
            ("dal", CellValue.text("\u{A0}01/01/2025"), "dal"), ("dal", .text("01/01/2025\u{A0}"), "dal"), ("percentuale", .text("100\u{A0}%"), "percentuale"),
            ("percentuale", .text("\u{202F}100"), "percentuale"), ("profilo", .text("Assistente\nsociale"), "profilo"),
        ])
    func readAsShown(column: String, value: CellValue, _: String) throws {
        let plain = try RosterSheets.load(RosterSheets.workbook()).get().roster
        let typed = try RosterSheets.load(RosterSheets.workbook(column: column, value: value)).get().roster
        #expect(typed.staff == plain.staff)
    }

    /// Messages that did not say what the cell is (a trial of office habits): each says it, at the cell.
    @Test(
        "office habits that are errors or warnings say what the cell is",
        arguments: [
            ("percentuale", CellValue.boolean(true), "percentuale: la cella contiene un valore logico (VERO), non una percentuale"),
            (
                "dal", .boolean(false),
                "data non valida: la cella contiene un valore logico (FALSO), non una data (GG/MM/AAAA): scrivi la data GG/MM/AAAA in una cella in formato data o testo"
            ),
            // A trial of dates (2026-11-29, fourteenth session): the number with its Italian comma.
            ("dal", .number("45717.75"), "la cella contiene il numero 45717,75, non una data"),
            ("percentuale", .text("'83,33"), "forse 83,33? togli «'» davanti al numero"),
            ("percentuale", .text("+83,33"), "forse 83,33? togli «+» davanti al numero"),
            ("id", .date(year: 2025, month: 3, day: 1), "l'id «01/03/2025» è una cella data"),
        ])
    func cellMessages(column: String, value: CellValue, message: String) throws {
        let diagnostics: [InputDiagnostic]
        switch RosterSheets.load(RosterSheets.workbook(column: column, value: value)) {
        case .success(let loaded): diagnostics = loaded.warnings
        case .failure(let error): diagnostics = error.diagnostics
        }
        let column = try #require(RosterSheets.personaleHeader.firstIndex(of: column))
        let cell = CellReference.a1(row: 2, column: column + 1)
        #expect(diagnostics.contains { $0.place.description.hasPrefix("a.xlsx: personale!\(cell)") && $0.message.contains(message) }, "\(diagnostics)")
    }

    @Test("a row with only a title in the id column is one error that says so; a sheet mistyped is suggested")
    func titleRowAndSheetName() throws {
        let title = RosterSheets.workbook(extraRows: [RosterSheets.text(["--- Unione dei comuni ---"])])
        guard case .failure(let error) = RosterSheets.load(title) else {
            Issue.record("a title row must be an error")
            return
        }
        #expect(error.diagnostics.filter { $0.severity == .error }.map(\.place.description) == ["a.xlsx: personale!A3 (colonna id)"], "\(error.diagnostics)")
        #expect(error.diagnostics.first?.message.contains("se è il titolo di un gruppo, cancellala") == true)
        guard case .failure(let sheet) = RosterSheets.load(RosterSheets.workbook(personaleName: "Persnale")) else {
            Issue.record("a missing sheet must be an error")
            return
        }
        #expect(sheet.diagnostics.contains { $0.message.contains("forse «Persnale»? rinominalo «personale»") }, "\(sheet.diagnostics)")
    }

    /// A trial of JSON by other programs: a prospetto's `fteDaDichiarare` edited to 17,5 beside
    /// `fte.totale` 18,0336 was taken by `ciclo` (−10.600 € liquidated, exit 0): only the exact
    /// FTE rounded down with 0 to 6 decimals is the prospetto's.
    @Test(
        "the FTE to declare of a prospetto are its FTE rounded down with 0 to 6 decimals, nothing else",
        arguments: [
            ("18.0336", "18.03", true), ("18.0336", "18", true), ("18.0336", "18.0", true), ("18.0336", "18.033", true), ("18.0336", "18.0336", true),
            ("18.0336", "18.03355", true), ("18.0336", "18.033649", true), ("18.0336", "17.5", false), ("18.0336", "17.04", false),
            ("18.0336", "18.02", false), ("18.0336", "18.04", false), ("18.0336", "17", false), ("2.0", "1", true), ("2.0", "1.99", true),
            ("2.0", "2", true), ("2.0", "1.9", true), ("2.0", "1.5", false),
        ])
    func declaredFTE(total: String, declared: String, accepted: Bool) throws {
        let parse = { (text: String) in try FieldParsing.jsonNumber(text, maximumDecimals: 15, what: "FTE") }
        #expect(CycleReader.isRoundedDown(try parse(declared), of: try parse(total), within: Fraction(1, 20_000)) == accepted)
    }

    /// A trial of the secondary inputs (plans, cycles, national tables): each case gave another
    /// figure with exit 0 or a message that did not say the cause.
    @Test(
        "plans, cycles and national tables: the cause said where it is",
        arguments: [
            (
                "riparto", "t.csv", "codice;denominazione;popolazione;fte\nATS-01;Uno;100000;22\nATS-02;Due;65000;13\nATS-1;Uno;100000;22\n",
                "t.csv:4 (colonna codice): ambito ATS-1 ripetuto (già come «ATS-01» alla riga 2): i due codici differiscono solo per segni"
            ),
            ("riparto", "t.csv", "codice;denominazione;popolazione;fte\nATS-1;Uno;100000;22\nATS-10;Due;65000;13\n", ""),
            (
                "riparto", "t.csv", "codice;denominazione;popolazione;fte\nATS-01;Uno;100000;22\n;Totale;100000;22\n",
                "t.csv:3 (colonna denominazione): «Totale» sembra una riga di totale"
            ),
            ("ciclo", "c.csv", "anno;popolazione;fte_previsione\n2025;100000;23\n;200000;46\n", "c.csv:3 (colonna anno): anno vuoto: se la riga è di somme"),
            (
                "simula", "p.csv", "tipo;id;dal;percentuale;ente\nassunzione;;07/01/2026;100;comune:099001\nassunzione;;12/31/2026;100;comune:099001\n",
                "p.csv:2 (colonna dal): data ambigua «07/01/2026»"
            ),
            (
                "simula", "p.csv", "tipo;id;dal;ore_settimanali;ente\nassunzione;;01/03/2026;38;comune:099001\n",
                "se il tempo pieno della persona è di più ore (38 nel contratto della sanità), indicalo in ore_tempo_pieno"
            ),
        ])
    func secondaryInputs(command: String, file: String, text: String, message: String) throws {
        let path = try TestSupport.temporaryFolder().appendingPathComponent(file)
        try text.write(to: path, atomically: true, encoding: .utf8)
        let arguments: [String] =
            switch command {
            case "riparto": ["riparto", path.path, "--anno", "2025"]
            case "ciclo": ["ciclo", path.path]
            default: ["simula", TestSupport.path("Examples/ambito-esempio"), "--anno", "2026", "--piano", path.path]
            }
        let result = TestSupport.run(arguments: arguments)
        if message.isEmpty {
            #expect(result.status == .success, "\(result.standardError)")
        } else {
            #expect(result.status == .dataError)
            #expect(result.standardError.contains(message), "\(result.standardError)")
        }
    }

    @Test("a plan whose first sheet is not the table names the sheet that is")
    func planOnSecondSheet() throws {
        let document = WorkbookDocument(sheets: [
            WritableSheet(name: "note", rows: [[.text("Piano 2026, vedi foglio piano")]]),
            WritableSheet(
                name: "piano",
                rows: [["tipo", "dal", "ente"].map { WritableCell.text($0) }, ["assunzione", "2026-03-01", "comune:099001"].map { WritableCell.text($0) }]),
        ])
        let path = try TestSupport.temporaryFolder().appendingPathComponent("piano.xlsx")
        try Data(XLSXWriter.write(document)).write(to: path)
        let result = TestSupport.run("simula", TestSupport.path("Examples/ambito-esempio"), "--anno", "2026", "--piano", path.path)
        #expect(result.status == .dataError)
        #expect(result.standardError.contains("la tabella è nel foglio «piano»: spostalo al primo posto"), "\(result.standardError)")
    }

    /// JSON as other programs write it (a trial): each mistake said at its path, with what it
    /// likely is.
    @Test(
        "JSON of other programs: the cause said at its path",
        arguments: [
            ("\"dal\": \"2020-01-01\"", "\"dal\": \"1899-12-31\", \"al\": \"2025-12-31\"", "personale[0].periodi[0].dal: data 31/12/1899 fuori intervallo"),
            (
                "\"dal\": \"2020-01-01\"", "\"dal\": \"2020-01-01\", \"al\": \"2025-06-30T22:00:00.000Z\"",
                "la data italiana può essere il giorno dopo il 30/06/2025"
            ),
            ("\"percentuale\": 100", "\"percentuale\": \"100\"", "deve essere un numero, trovato un testo: scrivi 100 senza virgolette"),
            ("\"impiegatoNeiServiziTerritoriali\": false", "\"impiegatoNeiServiziTerritoriali\": \"FALSE\"", "scrivi false senza virgolette"),
            (
                "\"dal\": \"2020-01-01\"", "\"dal\": 43831",
                "43831 sembra una data di Excel come numero (il 01/01/2020): scrivi la data come testo, \"2020-01-01\""
            ),
            ("\"percentuale\": 100", "\"percentuale\": NaN", "NaN e Infinity non sono JSON"),
            ("potenziamento.ambito.v1", "potenziamento.ambiti.v1", "per più ambiti indica più file o una cartella"),
            ("potenziamento.ambito.v1", "potenziamento.ambito.v2", "non riconosciuto: atteso «potenziamento.ambito.v1»"),
            ("\"dal\": \"2020-01-01\"", "\"dal\": \"2020-01-01T00:00:00+01:00\"", "solo la data, senza l'ora: forse 01/01/2020?"),
        ])
    func jsonOfOtherPrograms(original: String, replacement: String, message: String) throws {
        let example = try String(contentsOfFile: TestSupport.path("Examples/ambito-esempio.json"), encoding: .utf8)
        let range = try #require(example.range(of: original))
        let path = try TestSupport.temporaryFolder().appendingPathComponent("a.json")
        try example.replacingCharacters(in: range, with: replacement).write(to: path, atomically: true, encoding: .utf8)
        let (loaded, diagnostics) = Self.load(path)
        #expect(loaded == nil)
        #expect(diagnostics.contains { $0.description.contains(message) }, "\(diagnostics)")
    }

    @Test("a cell of only a non-breaking space is empty in a CSV as in a workbook; a note made with TODAY() is no error")
    func invisibleCells() throws {
        let text = Self.header + "\nA;assistente_sociale;tempo_indeterminato;comune;099001;2025-01-01;\u{A0};100\n"
        let csv = try #require(Self.load(try Self.folder(personale: text)).loaded)
        #expect(csv.roster.staff.first?.periods.first?.end == nil)
        let workbook = try RosterSheets.load(RosterSheets.workbook(column: "al", value: .text("\u{A0}"))).get()
        #expect(workbook.roster.staff.first?.periods.first?.end == nil)
        let sheet = Sheet(
            name: "personale",
            rows: [
                RosterSheets.row(1, RosterSheets.text(["id", "note"])),
                RosterSheets.row(2, [.text("A"), .todayFormula(formula: "\"agg. \"&TEXT(TODAY(),\"dd/mm\")")]),
            ])
        var diagnostics = Diagnostics()
        let table = try #require(WorkbookTable(sheet: sheet, file: "a.xlsx", required: ["id"], optional: ["note"], diagnostics: &diagnostics))
        #expect(!diagnostics.hasErrors && table.text(0, 1).isEmpty)
    }

    @Test("a JSON document that is a list is told one ATS a file")
    func jsonList() throws {
        let path = try TestSupport.temporaryFolder().appendingPathComponent("a.json")
        try "[{\"formato\": \"potenziamento.ambito.v1\"}]".write(to: path, atomically: true, encoding: .utf8)
        #expect(Self.load(path).diagnostics.contains { $0.message.contains("trovato un elenco: un file contiene un ambito") })
    }

    @Test("a row struck through in a table without persons is not told of an end of service")
    func struckRowOfATable() throws {
        let header = ["codice", "denominazione", "popolazione", "fte"]
        let sheet = Sheet(
            name: "riparto",
            rows: [RosterSheets.row(1, RosterSheets.text(header)), RosterSheets.row(2, [.text("A"), .text("Uno"), .number("100000"), .number("22")])],
            struckRows: [2])
        var diagnostics = Diagnostics()
        _ = try #require(WorkbookTable(sheet: sheet, file: "t.xlsx", required: header, optional: [], diagnostics: &diagnostics))
        let warning = try #require(diagnostics.warnings.first { $0.code == .rigaBarrata })
        #expect(warning.message == "la riga 2 è barrata ma è letta e conta come le altre: se la riga non va considerata, cancellala")
    }

    @Test("residents given twice, in an option and in a plan's row, name both")
    func residentsTwice() throws {
        let path = try TestSupport.temporaryFolder().appendingPathComponent("p.csv")
        try "tipo;comune;anno;popolazione\nresidenti;099001;2026;30000\n".write(to: path, atomically: true, encoding: .utf8)
        let result = TestSupport.run(
            "simula", TestSupport.path("Examples/ambito-esempio"), "--anno", "2026", "--piano", path.path, "--residenti",
            "comune=099001,anno=2026,popolazione=31000")
        #expect(result.status == .dataError)
        #expect(result.standardError.contains("(l'altro valore: --residenti comune=099001,anno=2026,popolazione=31000)"), "\(result.standardError)")
    }

    /// What an ``xlsx(ends:options:)`` workbook has besides its cells.
    struct Options: Sendable, CustomTestStringConvertible {
        var struckRow: Int?
        var rowAttributes: [Int: String] = [:]
        var columns = ""
        var testDescription: String { "\(struckRow.map { "struck \($0)" } ?? "") \(rowAttributes) \(columns)" }
    }

    /// An `.xlsx` with a comune and one person a row, each ending (column G, `al`) with the XML
    /// `ends` (none when empty), with what `options` add.
    static func xlsx(ends: [String], options: Options = Options()) throws -> Data {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        func inline(_ reference: String, _ text: String, _ style: Int) -> String {
            "<c r=\"\(reference)\" s=\"\(style)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>"
        }
        func row(_ number: Int, _ texts: [String], tail: (Int) -> String = { _ in "" }) -> String {
            // Styles 0 and 1 (a date), or 2 and 3 struck through.
            let struck = options.struckRow == number ? 2 : 0
            return "<row r=\"\(number)\"\(options.rowAttributes[number] ?? "")>"
                + texts.enumerated().map { inline(CellReference.a1(row: number, column: $0.offset + 1), $0.element, struck) }.joined() + tail(struck) + "</row>"
        }
        let comuni =
            "<worksheet xmlns=\"\(main)\"><sheetData>" + row(1, ["codice_istat", "denominazione", "popolazione"])
            + row(2, ["099001", "Borgo", "20000"]) + "</sheetData></worksheet>"
        var personale =
            "<worksheet xmlns=\"\(main)\">\(options.columns)<sheetData>"
            + row(1, ["id", "profilo", "contratto", "ente_tipo", "ente_codice_istat", "dal", "al", "percentuale"])
        for (index, end) in ends.enumerated() {
            let number = index + 2
            personale += row(number, ["AS-\(number)", "assistente_sociale", "tempo_indeterminato", "comune", "099001", "01/01/2025"]) { style in
                (end.isEmpty ? "" : "<c r=\"G\(number)\" s=\"\(style + 1)\">\(end)</c>") + "<c r=\"H\(number)\" s=\"\(style)\"><v>100</v></c>"
            }
        }
        personale += "</sheetData></worksheet>"
        let styles =
            "<styleSheet xmlns=\"\(main)\"><fonts count=\"2\"><font/><font><strike/></font></fonts><cellXfs count=\"4\"><xf numFmtId=\"0\"/>"
            + "<xf numFmtId=\"14\" applyNumberFormat=\"1\"/><xf numFmtId=\"0\" fontId=\"1\"/><xf numFmtId=\"14\" fontId=\"1\"/></cellXfs></styleSheet>"
        return try TestSupport.xlsx(comuni: comuni, personale: personale, styles: styles)
    }
}

/// Weekly hours written as a clock writes them (found in the session of 2026-11-29, fourteenth):
/// `18,30` for 18 h 30 min was read as 18,3 hours (18 h 18 min: 176.376,36 € for the example
/// instead of 176.487,47 €) with no word, and `18:30` was refused without saying what to write.
@Suite("Hours and minutes in ore_settimanali")
struct ClockHoursTests {
    static let header = "id;profilo;contratto;ente_tipo;ente_codice_istat;dal;al;ore_settimanali"

    @Test(
        "hours with ,15 ,30 ,45 are a warning at the cell with the decimal hours; quarters and other decimals are not",
        arguments: [
            ("18,30", "scrivi 18,5;"), ("18,3", "scrivi 18,5;"), ("18.30", "scrivi 18,5;"), ("18,15", "scrivi 18,25;"), ("30,45", "scrivi 30,75;"),
            ("18,5", nil), ("18,25", nil), ("18,75", nil), ("30", nil), ("18,1", nil), ("18,50", nil), ("18,305", nil),
            // A review: whole percentages of a 38- or 35-hour week are no clock (85 %, 58 %).
            ("32,3;38", nil), ("20,3;35", nil), ("18,30;38", "scrivi 18,5;"), ("0,45", nil),
        ] as [(String, String?)])
    func csv(hours: String, advice: String?) throws {
        let folder = try ExportTrialTests.folder(
            personale:
                "\(Self.header);ore_tempo_pieno\nAS-1;assistente_sociale;tempo_indeterminato;comune;099001;2020-01-01;;\(hours.contains(";") ? hours : hours + ";")\n"
        )
        let (loaded, diagnostics) = ExportTrialTests.load(folder)
        #expect(loaded != nil, "\(diagnostics)")
        let found = diagnostics.filter { $0.message.contains("minuti") }
        #expect(found.count == (advice == nil ? 0 : 1), "\(diagnostics)")
        if let advice, let warning = found.first {
            #expect(warning.code == .valoreImprobabile && warning.severity == .warning)
            #expect(warning.place.description.hasSuffix("personale.csv:2 (colonna ore_settimanali)"), "\(warning.place)")
            #expect(warning.message.contains(advice), "\(warning.message)")
        }
    }

    @Test("in JSON the warning names the key; a person who does not count is not warned")
    func json() throws {
        var document = try #require(
            JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: TestSupport.path("Examples/ambito-esempio.json")))) as? [String: Any])
        var persons = try #require(document["personale"] as? [[String: Any]])
        persons[0]["periodi"] = [["dal": "2020-01-01", "oreSettimanali": 24.45]]
        persons[1]["contratto"] = "tempo_determinato"
        persons[1]["periodi"] = [["dal": "2020-01-01", "oreSettimanali": 18.3]]
        document["personale"] = persons
        let loaded = try RosterLoader.load(jsonData: JSONSerialization.data(withJSONObject: document), name: "a.json")
        let found = loaded.warnings.filter { $0.message.contains("minuti") }
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.place.description.contains("oreSettimanali") == true && found.first?.message.contains("scrivi 24,75;") == true, "\(found)")
    }

    @Test("in a plan the same warning at the option")
    func plan() {
        let result = TestSupport.run(
            "simula", TestSupport.path("Examples/ambito-esempio.json"), "--anno", "2026", "--assunzione",
            "dal=2026-04-01,ente=comune:099002,ore_settimanali=18,30")
        #expect(result.status == .success)
        #expect(
            result.standardError.contains(
                "ore_settimanali=18,30: le ore settimanali 18,3 sono lette come 18 ore e 18 minuti (i decimali sono centesimi di ora): se sono 18 ore e 30 minuti, scrivi 18,5;"
            ),
            "\(result.standardError)")
    }

    @Test(
        "a time in ore_settimanali is an error that gives the decimal hours when they have at most 4 decimals",
        arguments: [
            ("18:30", "scrivi 18,5 (le ore con i decimali)"), ("7:15", "scrivi 7,25"), ("18:20", "30 minuti sono 0,5"), ("18:00", "forse 18?"),
            ("18:30:00", "scrivi 18,5 (le ore con i decimali)"),
        ])
    func time(text: String, advice: String) throws {
        let folder = try ExportTrialTests.folder(personale: "\(Self.header)\nAS-1;assistente_sociale;tempo_indeterminato;comune;099001;2020-01-01;;\(text)\n")
        let (loaded, diagnostics) = ExportTrialTests.load(folder)
        #expect(loaded == nil)
        let error = try #require(diagnostics.first { $0.severity == .error })
        #expect(error.place.description.hasSuffix("personale.csv:2 (colonna ore_settimanali)"), "\(error.place)")
        #expect(error.message.contains(advice), "\(error.message)")
    }

    /// A review: the advice «scrivi 18,5» followed in `percentuale` made 18,5 % with no word.
    @Test("a time in percentuale points to ore_settimanali, not to a decimal to write there")
    func timeInPercentage() throws {
        let folder = try ExportTrialTests.folder(
            personale: "\(ExportTrialTests.header)\nAS-1;assistente_sociale;tempo_indeterminato;comune;099001;2020-01-01;;18:30\n")
        let error = try #require(ExportTrialTests.load(folder).diagnostics.first { $0.severity == .error })
        #expect(error.message.contains("scrivile nella colonna ore_settimanali") && !error.message.contains("scrivi 18,5"), "\(error.message)")
    }
}

/// Found by a trial of every report (2026-11-29, fourteenth session): «Avvisi sui dati (101)» above
/// 100 warnings and «4 altri avvisi non elencati»: the summary line was counted as one warning.
@Suite("Warnings counted with those not listed")
struct WarningCountTests {
    @Test(
        "a summary line stands for its count",
        arguments: [
            (["a", "b"], 2), (["a", "f.csv: 4 altri avvisi non elencati (4 volte aree_non_indicate): da controllare"], 5),
            (["f.csv: 1 altro avviso non elencato (1 volta x): da controllare"], 1), (["a", "f: 1.234 altri avvisi non elencati (…): da controllare"], 1_235),
            // A review: a file named with the words is one warning, and no count overflows the sum.
            (["9223372036854775807 altri avvisi non elencati (x).json: manca la popolazione"], 1),
            (["3 altri avvisi non elencati (x).json: nel 2025 conta 0 FTE", "b"], 2),
            (["f: 9223372036854775807 altri avvisi non elencati (x): da controllare"], 1),
            (["3 altri avvisi non elencati (x).json: 2 altri avvisi non elencati (2 volte y): da controllare"], 2),
        ] as [([String], Int)])
    func lines(lines: [String], count: Int) {
        #expect(Diagnostics.warningCount(lines) == count)
    }

    @Test("calcola and valida count every warning of a roster with more than 100")
    func roster() throws {
        var document = try #require(
            JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: TestSupport.path("Examples/ambito-esempio.json")))) as? [String: Any])
        var persons = try #require(document["personale"] as? [[String: Any]])
        let model = persons[1]
        for index in 0..<150 {
            var person = model
            person["id"] = "NUOVA-\(index)"
            person.removeValue(forKey: "aree")
            persons.append(person)
        }
        document["personale"] = persons
        let file = try TestSupport.temporaryFolder().appendingPathComponent("a.json")
        try JSONSerialization.data(withJSONObject: document).write(to: file)
        let text = TestSupport.run("calcola", file.path, "--anno", "2025")
        let heading = try #require(text.standardOutput.split(separator: "\n").first { $0.hasPrefix("Avvisi sui dati (") })
        let count = try #require(Int(heading.dropFirst("Avvisi sui dati (".count).prefix { $0.isNumber }))
        // The example's 4 warnings (one a person without areas) and the 150 persons without areas.
        #expect(count == 154, "\(heading)")
        #expect(TestSupport.run("valida", file.path, "--anno", "2025").standardOutput.contains("Nessun errore; 154 avvisi da controllare."))
    }
}

/// Found by a trial of every report (2026-11-29, fourteenth session): what a reader would misread.
@Suite("Reports read as written")
struct ReportsTrialTests {
    @Test("Markdown gives the bands' FTE with 4 decimals, as the text (4,62 FTE beside 184.615,38 € did not multiply)")
    func markdownBands() {
        let result = TestSupport.run("contributo", "--popolazione", "100000", "--fte", "22,5", "--anno", "2025", "--formato", "markdown")
        #expect(result.standardOutput.contains("| Fascia A (≈ 4,6154 FTE) | 184.615,38 € |"), "\(result.standardOutput)")
    }

    @Test("the riparto names the coefficient as the share paid, and a long name cut with «…»")
    func riparto() throws {
        let file = try TestSupport.temporaryFolder().appendingPathComponent("r.csv")
        try "codice;denominazione;popolazione;fte\nATS-1;Ambito territoriale sociale numero uno del distretto;50000;8\n".write(
            to: file, atomically: true, encoding: .utf8)
        let result = TestSupport.run("riparto", file.path, "--anno", "2025")
        #expect(result.standardOutput.contains("Quota pagata dei contributi (coefficiente)"), "\(result.standardOutput)")
        #expect(!result.standardOutput.contains("Coefficiente di riduzione"))
        #expect(result.standardOutput.contains("ATS-1         Ambito territoriale sociale …"), "\(result.standardOutput)")
    }

    @Test("the own FTE of the comuni sheet are the JSON's (0,7068 in the workbook beside 0,7069 in the JSON)")
    func ownFTE() throws {
        let path = try TestSupport.temporaryFolder().appendingPathComponent("c.xlsx").path
        let arguments = ["calcola", TestSupport.path("Examples/ambito-esempio"), "--anno", "2025"]
        #expect(TestSupport.run(arguments: arguments + ["--output", path]).status == .success)
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(TestSupport.run(arguments: arguments + ["--formato", "json"]).standardOutput.utf8)) as? NSDictionary)
        let expected = try #require((json["riparto"] as? [NSDictionary])?.map { Decimal(string: ($0["fteProprio"] as? NSNumber)?.stringValue ?? "") })
        let sheet = try WorkbookReader.read([UInt8](Data(contentsOf: URL(fileURLWithPath: path)))).sheet(named: "comuni")
        // Column D («FTE propri») of the rows of the comuni and the capofila.
        let own = sheet.rows.dropFirst().prefix(expected.count).map { row -> Decimal? in
            guard case .number(let value) = row.cells.first(where: { $0.column == 4 })?.value else { return nil }
            return Decimal(string: value)
        }
        #expect(own == expected && expected.contains(Decimal(string: "0.7069")), "\(own) \(expected)")
    }

    @Test(
        "the FTE method is said where a trial found it missing",
        arguments: [
            ["calcola", "Examples/ambito-esempio.json", "--anno", "2025", "--formato", "markdown"],
            ["simula", "Examples/ambito-esempio.json", "--anno", "2026"],
            ["calcola", "Examples/ambito-esempio.json", "Examples/ambito-esempio", "--anno", "2025"],
            ["prospetto", "Examples/ambito-esempio.json", "Examples/ambito-esempio", "--campagna", "2026"],
        ])
    func method(arguments: [String]) {
        let result = TestSupport.run(arguments: arguments + ["--metodo-fte", "mesi"])
        #expect(result.standardOutput.contains("FTE calcolati per mesi di servizio"), "\(result.standardOutput.prefix(400))")
    }

    @Test(
        "a batch prospetto's note says the decimals asked for",
        arguments: [(0, "per difetto all'unità"), (2, "per difetto a 2 decimali"), (4, "per difetto a 4 decimali")])
    func batchDecimals(decimals: Int, note: String) throws {
        let folder = try TestSupport.temporaryFolder()
        for code in ["ATS-EX-01", "ATS-EX-02"] { try TestSupport.example(at: folder.appendingPathComponent("\(code).json"), code: code) }
        let result = TestSupport.run("prospetto", folder.path, "--campagna", "2026", "--decimali-dichiarati", "\(decimals)")
        #expect(result.standardOutput.contains("gli FTE esatti \(note))"), "\(result.standardOutput)")
    }
}

/// Found by a trial of every report (2026-11-29, fourteenth session): simula's workbook named the
/// files as typed (two workbooks for one run from two folders, the officer's folders in a shared
/// file), and simula's and riparto's workbooks did not say the parameters were a hypothesis.
@Suite("Simulation and riparto workbooks")
struct SimulationWorkbookTests {
    @Test("simula's workbook is the same bytes for a path typed relative or absolute")
    func samePathBytes() throws {
        let folder = try TestSupport.temporaryFolder()
        let (relative, absolute) = (folder.appendingPathComponent("r.xlsx").path, folder.appendingPathComponent("a.xlsx").path)
        let common = ["--anno", "2026", "--output"]
        #expect(
            TestSupport.run(arguments: ["simula", "Examples/ambito-esempio.json", "--piano", "Examples/piano-esempio.csv"] + common + [relative]).status
                == .success)
        #expect(
            TestSupport.run(
                arguments: ["simula", TestSupport.path("Examples/ambito-esempio.json"), "--piano", TestSupport.path("Examples/piano-esempio.csv")] + common + [
                    absolute
                ]
            ).status == .success)
        #expect(try Data(contentsOf: URL(fileURLWithPath: relative)) == Data(contentsOf: URL(fileURLWithPath: absolute)))
        let warnings = try TestSupport.sheetText(absolute, sheet: "avvisi")
        #expect(warnings.contains("piano-esempio.csv:") && !warnings.contains("Examples/"), "\(warnings)")
    }

    @Test("a parameter other than the law's is said in the workbook's summary", arguments: ["simula", "riparto"])
    func hypothesis(command: String) throws {
        let path = try TestSupport.temporaryFolder().appendingPathComponent("w.xlsx").path
        let arguments =
            command == "simula"
            ? ["simula", TestSupport.path("Examples/ambito-esempio.json"), "--anno", "2026", "--parametro", "importoFasciaA=45000@2026"]
            : ["riparto", TestSupport.path("Examples/riparto-esempio.csv"), "--anno", "2025", "--parametro", "importoFasciaA=45000@2025"]
        #expect(TestSupport.run(arguments: arguments + ["--output", path]).status == .success)
        let summary = try TestSupport.sheetText(path, sheet: command == "simula" ? "confronto" : "riepilogo")
        #expect(summary.contains("Parametri diversi da quelli di legge (ipotesi, non valori ufficiali):"), "\(summary)")
        #expect(summary.contains("45.000,00 €"))
        // Every printed page says what it is (a trial: no title, year or fund on the pages).
        let sheet = try #require(try ZIPArchive(bytes: [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))).contents(of: "xl/worksheets/sheet1.xml"))
        let title = command == "simula" ? "Simulazione 2026 — Ambito di esempio Val di Sieve (ATS-EX-01)" : "Riparto nazionale 2025 — fondo "
        #expect(String(decoding: sheet, as: UTF8.self).contains("<oddHeader>&amp;L\(title)"), "\(String(decoding: sheet, as: UTF8.self).suffix(600))")
    }
}

/// Found by a trial of workbooks from other producers (2026-11-29, fourteenth session): a cell
/// ending in Excel's `_x000D_` (a line end) was «valore sì/no non valido «no\u{D}»», no word of what.
@Suite("Yes/no values with a character no one sees")
struct HiddenCharacterYesNoTests {
    @Test(
        "a yes/no value with a hidden character names it; other values are told the accepted words",
        arguments: [("no\r", "il valore contiene un a capo (U+000D"), ("si\u{200B}", "il valore contiene un carattere invisibile (U+200B)"), ("forse", nil)]
            as [(String, String?)])
    func hidden(text: String, named: String?) {
        guard case .failure(let error) = Result(catching: { () throws(InvalidValue) in try FieldParsing.boolean(text) }) else {
            Issue.record("«\(text)» was read as yes/no")
            return
        }
        #expect(error.code == .valoreSiNo)
        if let named { #expect(error.message.contains(named), "\(error.message)") } else { #expect(!error.message.contains("il valore contiene")) }
    }
}
