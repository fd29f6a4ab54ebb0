import Foundation
import Testing

@testable import PotenziamentoCLI
@testable import PotenziamentoKit

/// A minimal valid roster document, with `personale` replaced by `staff`.
func rosterJSON(staff: String, comuni: String = #"[{"codiceIstat": "048001", "denominazione": "A", "popolazione": 30000}]"#) -> String {
    """
    {"formato": "potenziamento.ambito.v1",
     "ambito": {"codice": "T", "denominazione": "Test"},
     "comuni": \(comuni),
     "personale": \(staff)}
    """
}

func diagnostics(_ text: String) -> [InputDiagnostic] {
    let (roster, read) = RosterJSONReader.read(text: text, file: "t.json")
    var all = read
    if let roster { all.append(contentsOf: RosterValidator.validate(roster)) }
    return all.all
}

let person =
    #"{"id": "P1", "profilo": "assistente_sociale", "contratto": "tempo_indeterminato", "ente": {"tipo": "comune", "codiceIstat": "048001"}, "periodi": [{"dal": "2025-01-01", "percentuale": 100}]}"#

@Suite("Reading and validating rosters")
struct InputValidationTests {
    @Test("a valid minimal roster has no errors")
    func valid() {
        #expect(diagnostics(rosterJSON(staff: "[\(person)]")).filter { $0.severity == .error }.isEmpty)
    }

    @Test(
        "each validation error names its place",
        arguments: [
            (
                #"[{"id": "P1", "profilo": "assistente_sociale", "contratto": "tempo_indeterminato", "ente": {"tipo": "comune", "codiceIstat": "048001"}, "periodi": [{"dal": "2025-06-01", "al": "2025-01-31", "percentuale": 100}]}]"#,
                "t.json: personale[0].periodi[0].al", "precedente"
            ),
            (
                #"[{"id": "P1", "profilo": "assistente_sociale", "contratto": "tempo_indeterminato", "ente": {"tipo": "comune", "codiceIstat": "048001"}, "periodi": [{"dal": "2025-02-30", "percentuale": 100}]}]"#,
                "t.json: personale[0].periodi[0].dal", "inesistente"
            ),
            (
                #"[{"id": "P1", "profilo": "assistente_sociale", "contratto": "tempo_indeterminato", "ente": {"tipo": "comune", "codiceIstat": "048001"}, "periodi": [{"dal": "2025-01-01", "percentuale": 120}]}]"#,
                "t.json: personale[0].periodi[0].percentuale", "al massimo 100"
            ),
            (
                #"[{"id": "P1", "profilo": "assistente_sociale", "contratto": "tempo_indeterminato", "ente": {"tipo": "comune", "codiceIstat": "048001"}, "periodi": [{"dal": "2025-01-01", "percentuale": 0}]}]"#,
                "t.json: personale[0].periodi[0].percentuale", "maggiore di 0"
            ),
            (
                #"[{"id": "P1", "profilo": "assistente_sociale", "contratto": "tempo_indeterminato", "ente": {"tipo": "comune", "codiceIstat": "048001"}, "periodi": [{"dal": "2025-01-01", "al": "2025-06-30", "percentuale": 100}, {"dal": "2025-06-30", "percentuale": 50}]}]"#,
                "t.json: personale[0].periodi[1].dal", "si sovrappone"
            ),
            (
                #"[{"id": "P1", "profilo": "assistente_sociale", "contratto": "tempo_indeterminato", "ente": {"tipo": "comune", "codiceIstat": "048001"}, "periodi": [{"dal": "2025-01-01", "percentuale": 100}], "aree": {"segretariato_sociale": 60, "servizio_sociale_professionale": 30}}]"#,
                "t.json: personale[0].aree", "sommano a 90"
            ),
            (
                #"[{"id": "P1", "profilo": "assistente_sociale", "contratto": "tempo_indeterminato", "ente": {"tipo": "comune", "codiceIstat": "048001"}, "periodi": [{"dal": "2025-01-01", "percentuale": 100}], "aree": {"segretariato": 100}}]"#,
                "t.json: personale[0].aree.segretariato", "forse «segretariato_sociale»"
            ),
            (
                #"[{"id": "P1", "profilo": "assistente_sociale", "contratto": "tempo_indeterminato", "ente": {"tipo": "cooperativa"}, "periodi": [{"dal": "2025-01-01", "percentuale": 100}]}]"#,
                "t.json: personale[0].ente.tipo", "tipo di ente sconosciuto"
            ),
            (
                #"[{"id": "P1", "profilo": "assistente_sociale", "contratto": "tempo_indeterminato", "ente": {"tipo": "comune", "codiceIstat": "099999"}, "periodi": [{"dal": "2025-01-01", "percentuale": 100}]}]"#,
                "t.json: personale[0].ente.codiceIstat", "non fa parte dell'ambito"
            ),
            ("[\(person), \(person)]", "t.json: personale[1]", "ripetuto"),
            (
                #"[{"id": "P1", "profilo": "assistente_sociale", "contratto": "tempo_indeterminato", "ente": {"tipo": "comune", "codiceIstat": "048001"}, "periodi": [{"dal": "2025-01-01", "percentuale": 100}], "percentual": 3}]"#,
                "t.json: personale[0].percentual", "chiave sconosciuta"
            ),
            (
                #"[{"id": "P1", "profilo": "assistente_sociale", "contratto": "tempo_indeterminato", "ente": {"tipo": "comune", "codiceIstat": "048001"}, "periodi": [{"dal": "2025-01-01", "percentuale": 1e2}]}]"#,
                "t.json: personale[0].periodi[0].percentuale", "non valida"
            ),
            (
                #"[{"id": "P1", "profilo": "assistente_sociale", "contratto": "tempo_indeterminato", "ente": {"tipo": "comune", "codiceIstat": "048001"}, "periodi": [{"dal": "2025-01-01", "percentuale": 33.333333}]}]"#,
                "t.json: personale[0].periodi[0].percentuale", "troppe cifre decimali"
            ),
        ])
    func errors(staff: String, place: String, message: String) {
        let found = diagnostics(rosterJSON(staff: staff)).filter { $0.severity == .error }
        #expect(found.contains { $0.place.description == place && $0.message.contains(message) }, "got: \(found.map(\.description))")
    }

    @Test(
        "comuni errors: non-positive population, duplicates, numbers as ISTAT codes",
        arguments: [
            (#"[{"codiceIstat": "048001", "denominazione": "A", "popolazione": 0}]"#, "t.json: comuni[0].popolazione", "positivo"),
            (#"[{"codiceIstat": "048001", "denominazione": "A", "popolazione": -5}]"#, "t.json: comuni[0].popolazione", "positivo"),
            (
                #"[{"codiceIstat": "048001", "denominazione": "A", "popolazione": 1}, {"codiceIstat": "048001", "denominazione": "A", "popolazione": 1}]"#,
                "t.json: comuni[1]", "ripetuto"
            ),
            (#"[{"codiceIstat": 48001, "denominazione": "A", "popolazione": 1}]"#, "t.json: comuni[0].codiceIstat", "testo"),
            (
                #"[{"codiceIstat": "048001", "denominazione": "A", "popolazione": {"2025": 1000, "duemila": 3}}]"#, "t.json: comuni[0].popolazione.duemila",
                "anno"
            ),
        ])
    func comuniErrors(comuni: String, place: String, message: String) {
        let found = diagnostics(rosterJSON(staff: "[\(person)]", comuni: comuni)).filter { $0.severity == .error }
        #expect(found.contains { $0.place.description == place && $0.message.contains(message) }, "got: \(found.map(\.description))")
    }

    @Test("every problem is found in one pass")
    func onePass() {
        let staff =
            #"[{"id": "P1", "profilo": "assistente_sociale", "contratto": "tempo_indeterminato", "ente": {"tipo": "boh"}, "periodi": [{"dal": "2025-02-30", "percentuale": 200}]}, {"id": "P2", "profilo": "assistente_sociale", "contratto": "tempo_indeterminato", "ente": {"tipo": "comune", "codiceIstat": "048001"}, "periodi": [{"dal": "2025-05-01", "al": "2025-01-01", "percentuale": 50}]}]"#
        #expect(diagnostics(rosterJSON(staff: staff)).filter { $0.severity == .error }.count >= 4)
    }

    @Test("missing population for the requested year is an error of the assessment")
    func missingYear() throws {
        let text = rosterJSON(staff: "[\(person)]", comuni: #"[{"codiceIstat": "048001", "denominazione": "A", "popolazione": {"2025": 30000}}]"#)
        let roster = try #require(RosterJSONReader.read(text: text, file: "t.json").roster)
        #expect(throws: AssessmentError.self) { try RosterAssessor().assess(roster, year: 2026) }
        #expect(try RosterAssessor().assess(roster, year: 2025).population == 30_000)
    }

    @Test("JSON syntax errors give line and column")
    func syntax() {
        let (roster, found) = RosterJSONReader.read(text: "{\n  \"formato\": \"potenziamento.ambito.v1\",\n  \"ambito\": {", file: "t.json")
        #expect(roster == nil)
        #expect(found.errors.first?.description.contains("riga 3") == true)
        #expect(found.errors.first?.description.contains("troncato") == true)
        let deep = String(repeating: "[", count: 10_000)
        #expect(RosterJSONReader.read(text: deep, file: "t.json").diagnostics.errors.first?.message.contains("annidamento") == true)
    }
}

@Suite("CSV rosters")
struct CSVTests {
    static let header = "id;profilo;contratto;ente_tipo;ente_codice_istat;dal;al;percentuale"

    func read(personale: String, comuni: String = "codice_istat;denominazione;popolazione\n048001;Forlì;30.000\n") -> (Roster?, Diagnostics) {
        let result = RosterCSVReader.read(
            RosterCSVReader.Files(ambito: nil, comuni: (comuni, "c/comuni.csv"), personale: (personale, "c/personale.csv")), folderName: "c")
        var all = result.diagnostics
        if let roster = result.roster { all.append(contentsOf: RosterValidator.validate(roster)) }
        return (result.roster, all)
    }

    @Test("quoted fields with separators, doubled quotes and line breaks")
    func quoting() throws {
        let text = "a;b;c\n\"x;1\";\"he said \"\"hi\"\"\";\"two\nlines\"\r\n\n4;5;6\n"
        let records = try CSVParser.parse(text, separator: UInt8(ascii: ";")).get()
        #expect(records.map(\.fields) == [["a", "b", "c"], ["x;1", "he said \"hi\"", "two\nlines"], ["4", "5", "6"]])
        #expect(records.map(\.line) == [1, 2, 5])
        #expect(CSVParser.detectSeparator("a,b;c,d\n") == UInt8(ascii: ","))
        #expect(CSVParser.detectSeparator("\"a,b\";c\n") == UInt8(ascii: ";"))
        #expect(throws: CSVParser.SyntaxError.self) { try CSVParser.parse("a;\"b\n", separator: UInt8(ascii: ";")).get() }
    }

    @Test("Italian dates, decimal commas, percent signs, booleans, leading zeros")
    func values() throws {
        let personale = Self.header + ";impiegato_servizi_territoriali\nP1;Assistente Sociale;tempo_indeterminato;comune;048001;01/07/2025;;50,5 %;sì\n"
        let (roster, found) = read(personale: personale)
        #expect(!found.hasErrors, "\(found.all)")
        let record = try #require(roster?.staff.first)
        #expect(record.periods[0].start == CivilDate(year: 2025, month: 7, day: 1))
        #expect(record.periods[0].percentage == Fraction(101, 2))
        #expect(roster?.municipalities.first?.istatCode == "048001")
        #expect(roster?.municipalities.first?.residents == .constant(30_000))
        #expect(Eligibility.exclusionReason(for: record) == nil)
    }

    @Test(
        "CSV errors name file, line and column",
        arguments: [
            (header + "\nP1;assistente_sociale;tempo_indeterminato;comune;048001;2025-13-01;;100\n", "c/personale.csv:2 (colonna dal)"),
            (header + "\nP1;assistente_sociale;tempo_indeterminato;comune;048001;2025-01-01;;cento\n", "c/personale.csv:2 (colonna percentuale)"),
            (
                header + ";colonna_strana\nP1;assistente_sociale;tempo_indeterminato;comune;048001;2025-01-01;;100;x\n",
                "c/personale.csv:1 (colonna colonna_strana)"
            ),
            ("id;profilo;contratto;ente_tipo;dal;al\nP1;assistente_sociale;tempo_indeterminato;asl;2025-01-01;\n", "c/personale.csv:1"),
            (
                header
                    + "\nP1;assistente_sociale;tempo_indeterminato;comune;048001;2025-01-01;2025-06-30;100\nP1;assistente_sociale;tempo_determinato;comune;048001;2025-07-01;;100\n",
                "c/personale.csv:3 (colonna contratto)"
            ),
            (header + "\nP1;assistente_sociale;tempo_indeterminato;comune;048001;2025-01-01\n", "c/personale.csv:2"),
        ])
    func errors(personale: String, place: String) {
        let (_, found) = read(personale: personale)
        #expect(found.errors.contains { $0.place.description == place }, "got: \(found.all.map(\.description))")
    }

    @Test("disagreeing person-level columns name both lines")
    func disagreement() {
        let personale =
            Self.header
            + "\nP1;assistente_sociale;tempo_indeterminato;comune;048001;2025-01-01;2025-06-30;100\nP1;assistente_sociale;tempo_determinato;comune;048001;2025-07-01;;100\n"
        let message = read(personale: personale).1.errors.first?.message ?? ""
        #expect(message.contains("riga 2"))
        #expect(message.contains("tempo_determinato"))
    }

    @Test("the same ATS as JSON and as CSV (;, decimal comma / , BOM CRLF / Windows-1252) gives byte-identical JSON", arguments: [2025, 2026])
    func sameOutput(year: Int) throws {
        for method in ["giorni", "mesi"] {
            let reference = TestSupport.run(
                "calcola", TestSupport.path("Examples/ambito-esempio.json"), "--anno", String(year), "--metodo-fte", method, "--formato", "json")
            #expect(reference.status == .success)
            for folder in [
                "Examples/ambito-esempio", "Tests/PotenziamentoKitTests/Fixtures/virgola-bom-crlf", "Tests/PotenziamentoKitTests/Fixtures/windows-1252",
            ] {
                let other = TestSupport.run("calcola", TestSupport.path(folder), "--anno", String(year), "--metodo-fte", method, "--formato", "json")
                #expect(other.status == .success)
                #expect(other.standardOutput == reference.standardOutput, "\(folder) \(method)")
            }
        }
    }

    @Test("Windows-1252 files are read with a warning and accents intact")
    func windows1252() throws {
        let loaded = try RosterLoader.load(path: TestSupport.path("Tests/PotenziamentoKitTests/Fixtures/windows-1252"))
        #expect(loaded.roster.municipalities.contains { $0.name == "Rocca San Niccolò" })
        #expect(loaded.warnings.contains { $0.message.contains("Windows-1252") })
        #expect(TextDecoding.windows1252(0x80) == "€")
        #expect(TextDecoding.windows1252(0xEC) == "ì")
    }
}
