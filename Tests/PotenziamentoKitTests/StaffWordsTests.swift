import Foundation
import Testing

@testable import PotenziamentoKit

/// What a trial of workbooks found in the free text of `profilo`, `contratto` and `ente_tipo`: a
/// title or a contract that said the person was on leave, elsewhere, on a term contract or
/// part-time counted 1 FTE with no word, and «ASST» (a Lombard health body) was told «forse
/// asp?», a body that counts without a delega. Each checked through every source.
@Suite("The words of profile, contract and employer")
struct StaffWordsTests {
    /// A CSV folder with one person of `profile`, `contract` and `share`.
    func folder(profile: String, contract: String, share: String = "100", hours: String = "") throws -> URL {
        try PlansAndTablesReviewTests.folder(rows: ["AS-1;\(profile);\(contract);comune;099001;2020-01-01;;\(share);\(hours);;;100;;;"])
    }

    /// The same person as a JSON document.
    func json(profile: String, contract: String) -> Data {
        Data(
            """
            {"formato": "potenziamento.ambito.v1", "ambito": {"codice": "X", "denominazione": "X"},
             "comuni": [{"codiceIstat": "099001", "denominazione": "A", "popolazione": 30000}],
             "personale": [{"id": "AS-1", "profilo": "\(profile)", "contratto": "\(contract)", "ente": {"tipo": "comune", "codiceIstat": "099001"},
                            "periodi": [{"dal": "2020-01-01", "percentuale": 100}]}]}
            """.utf8)
    }

    @Test(
        "a title that names a contract counting otherwise than the contract's column is an error at the profile; the same contract is not",
        arguments: [
            ("Assistente sociale TD", "tempo_indeterminato", true), ("Assistente sociale a tempo determinato", "T.I.", true),
            ("Assistente sociale precaria", "TI", true), ("Assistente sociale interinale", "tempo indeterminato", true),
            ("Assistente sociale di ruolo", "tempo_determinato", true), ("Assistente sociale non di ruolo", "tempo indeterminato", true),
            ("Assistente sociale TD", "tempo determinato", false), ("Assistente sociale di ruolo", "tempo_indeterminato", false),
            ("Assistente sociale non di ruolo", "TD", false), ("Assistente sociale con incarico di posizione organizzativa", "TI", false),
            ("Assistente sociale «TD»", "T.I.", true), ("Assistente sociale “TD”", "T.I.", true),
            ("Assistente sociale responsabile, in sostituzione della P.O.", "T.I.", false),
            ("Assistente sociale (sostituzione maternità)", "T.I.", true), ("Assistente sociale in sostituzione di maternità", "T.I.", true),
            ("Assistente sociale a progetto", "T.I.", true),
            ("Assistente sociale coordinatore", "tempo_determinato", false),
        ])
    func titleAndContract(profile: String, contract: String, conflict: Bool) throws {
        // A CSV folder, a JSON document and the public initialiser: one rule.
        let csv = inputError { () throws(InputError) in _ = try RosterLoader.load(path: try! folder(profile: profile, contract: contract).path) }
        let document = inputError { () throws(InputError) in _ = try RosterLoader.load(jsonData: json(profile: profile, contract: contract), name: "a.json") }
        let record = inputError { () throws(InputError) in
            _ = try StaffRecord(
                id: try! PersonID("AS-1"), profile: try! Profile(profile), contract: try! Contract(contract), employer: try! Employer(kind: .ambito),
                periods: [])
        }
        #expect((csv != nil) == conflict && (document != nil) == conflict && (record != nil) == conflict, "«\(profile)» «\(contract)»")
        guard conflict, let csv, let document, let record else { return }
        for (error, place) in [(csv, "personale.csv:2 (colonna profilo)"), (document, "a.json: personale[0].profilo"), (record, "persona «AS-1»")] {
            let diagnostic = try #require(error.errors.first)
            #expect(diagnostic.code == .profiloSconosciuto && diagnostic.description.contains(place), "\(diagnostic)")
            #expect(diagnostic.message.hasPrefix("profilo ambiguo «\(profile)»: indica anche un contratto"), "\(diagnostic.message)")
        }
    }

    @Test(
        "a share stated in a contract or title that a period contradicts is a warning at the share: part-time at 100 %, full time below it",
        arguments: [
            ("assistente_sociale", "tempo indeterminato part time", "100", "", "tempo parziale"),
            ("assistente_sociale", "Tempo indeterminato / 18 ore", "100", "", "tempo parziale"),
            ("Assistente sociale (part-time)", "TI", "100", "", "tempo parziale"),
            ("Assistente sociale a tempo parziale", "tempo_indeterminato", "100", "", "tempo parziale"),
            ("assistente_sociale", "T.I. al 50%", "100", "", "tempo parziale"), ("assistente_sociale", "TI PT", "100", "", "tempo parziale"),
            ("assistente_sociale", "T.I. P.T.", "100", "", "tempo parziale"),
            ("assistente_sociale", "tempo indeterminato (24/36)", "100", "", "tempo parziale"),
            ("assistente_sociale", "tempo indeterminato 18h", "100", "", "tempo parziale"),
            ("assistente_sociale", "tempo indeterminato - orario ridotto", "100", "", "tempo parziale"),
            ("assistente_sociale", "tempo indeterminato part time", "", "36", "tempo parziale"),
            ("assistente_sociale", "tempo pieno e indeterminato", "50", "", "tempo pieno"), ("assistente_sociale", "T.I. full time", "", "18", "tempo pieno"),
            ("assistente_sociale", "tempo indeterminato 36 ore", "50", "", "tempo pieno"),
            // A review: a decimal point in the text (`83.33%` is not 8333 %), quotation marks as word ends.
            ("assistente_sociale", "T.I. 83.33%", "100", "", "tempo parziale"), ("assistente_sociale", "T.I. 18.5 ore", "100", "", "tempo parziale"),
            // Agreeing, not stated, or a person who does not count: nothing.
            ("assistente_sociale", "tempo indeterminato part time", "50", "", nil), ("assistente_sociale", "tempo indeterminato part time", "", "18", nil),
            ("assistente_sociale", "tempo indeterminato 36 ore", "100", "", nil), ("assistente_sociale", "T.I. 83,33%", "83,33", "", nil),
            ("assistente_sociale", "T.I. 83.33%", "83,33", "", nil),
            ("assistente_sociale", "a tempo pieno e indeterminato", "100", "", nil), ("assistente_sociale", "tempo_indeterminato", "100", "", nil),
            ("assistente_sociale", "tempo determinato part time", "100", "", nil), ("educatore part time", "tempo_indeterminato", "100", "", nil),
            // A second trial: a promotion is not a part-time.
            ("Assistente sociale progressione verticale", "tempo_indeterminato", "100", "", nil),
            ("Assistente sociale progressione economica orizzontale", "tempo_indeterminato", "100", "", nil),
        ] as [(String, String, String, String, String?)])
    func statedShare(profile: String, contract: String, share: String, hours: String, says: String?) throws {
        let loaded = try RosterLoader.load(path: folder(profile: profile, contract: contract, share: share, hours: hours).path)
        let warnings = loaded.warnings.filter { $0.code == .quotaDiversaDalTesto }
        #expect(warnings.count == (says == nil ? 0 : 1), "«\(contract)» \(share)\(hours): \(loaded.warnings)")
        if let says, let warning = warnings.first {
            #expect(warning.description.contains("personale.csv:2 (colonna \(hours.isEmpty ? "percentuale" : "ore_settimanali"))"), "\(warning)")
            #expect(warning.message.contains("dice \(says), ma nel periodo dal 01/01/2020 la quota è "), "\(warning.message)")
        }
    }

    @Test(
        "health bodies by their regional names are an ASL (counted only with a delega); ASP stays the azienda di servizi alla persona",
        arguments: [
            ("ASST", EmployerKind.asl), ("Azienda socio-sanitaria territoriale", .asl), ("ULSS", .asl), ("Azienda ULSS", .asl), ("USL", .asl),
            ("Azienda sanitaria provinciale", .asl), ("azienda sanitaria", .asl), ("AUSL", .asl), ("ASP", .asp), ("ASUR", .asl), ("AST", .asl),
            ("APSS", .asl), ("Azienda ospedaliera", .asl), ("AOU", .asl), ("Unione montana", .unioneDiComuni), ("CISS", .consorzio),
            ("Consorzio socio-assistenziale", .consorzio), ("ASC", .aziendaSpecialeConsortile), ("Istituzione", .organismoStrumentale),
        ])
    func healthBodies(text: String, kind: EmployerKind) throws {
        #expect(try EmployerKind(parsing: text) == kind)
    }

    @Test(
        "staff of a kind whose acronym names a health body in the ATS's region is one warning at the first; elsewhere, or without a region, none",
        arguments: [
            ("Lombardia", "ATS", "«ATS» è anche l'Agenzia (o Azienda) di Tutela della Salute"), ("Sardegna", "ATS", "«ATS» è anche"),
            ("Lombardia", "ambito", nil), ("Lombardia", "Ambito territoriale sociale", nil),
            ("Sicilia", "ASP", "«ASP» è anche l'Azienda Sanitaria Provinciale"), ("calabria", "asp", "«ASP» è anche"), ("Toscana", "ATS", nil),
            ("Lombardia", "comune", nil), ("", "ATS", nil), ("Regione Lombardia", "ATS", "«ATS» è anche"),
        ] as [(String, String, String?)])
    func regionalAcronyms(region: String, kind: String, meaning: String?) throws {
        let folder = try PlansAndTablesReviewTests.folder(rows: [
            "AS-1;assistente_sociale;tempo_indeterminato;\(kind);\(kind == "comune" ? "099001" : "");2020-01-01;;100;;;100;;;;",
            "AS-2;assistente_sociale;tempo_indeterminato;\(kind);\(kind == "comune" ? "099001" : "");2020-01-01;;100;;;100;;;;",
        ])
        if !region.isEmpty {
            try "codice;denominazione;regione\nATS-X;Ambito X;\(region)\n".write(
                to: folder.appendingPathComponent("ambito.csv"), atomically: true, encoding: .utf8)
        }
        let warnings = try RosterLoader.load(path: folder.path).warnings.filter { $0.code == .siglaAmbigua }
        #expect(warnings.count == (meaning == nil ? 0 : 1), "\(warnings)")
        if let meaning, let warning = warnings.first {
            #expect(warning.description.contains("personale.csv:2 (colonna ente_tipo): 2 persone hanno ente_tipo"), "\(warning)")
            #expect(warning.message.contains(meaning), "\(warning.message)")
        }
    }

    @Test("a later row of a person with words that say otherwise than the first's is an error, whatever the order of the rows")
    func laterRowWords() throws {
        for (first, later) in [("Assistente sociale", "Assistente sociale TD"), ("Assistente sociale TD", "Assistente sociale")] {
            let folder = try PlansAndTablesReviewTests.folder(rows: [
                "AS-1;\(first);T.I.;comune;099001;2024-01-01;2024-12-31;100;;;100;;;;", "AS-1;\(later);T.I.;comune;099001;2025-01-01;;100;;;100;;;;",
            ])
            #expect(inputError { () throws(InputError) in _ = try RosterLoader.load(path: folder.path) } != nil, "«\(first)» then «\(later)»")
        }
        // A contract in absence on a later row: its own advice, at its cell, not only a difference.
        let absent = try PlansAndTablesReviewTests.folder(rows: [
            "AS-1;assistente_sociale;T.I.;comune;099001;2024-01-01;2024-12-31;100;;;100;;;;",
            "AS-1;assistente_sociale;T.I. in aspettativa;comune;099001;2025-01-01;;100;;;100;;;;",
        ])
        let error = try #require(inputError { () throws(InputError) in _ = try RosterLoader.load(path: absent.path) })
        let atCell = error.errors.filter { $0.description.contains("personale.csv:3 (colonna contratto)") }
        #expect(atCell.count == 1 && atCell[0].message.contains("contiene anche «aspettativa»"), "\(error)")
    }

    @Test("notes go in their own column (CSV `note`, JSON `note`), where the messages send them; they change nothing")
    func notes() throws {
        let header = PlansAndTablesReviewTests.staffHeader + ";note"
        let folder = try PlansAndTablesReviewTests.folder(
            header: header, rows: ["AS-1;assistente_sociale;tempo_indeterminato;comune;099001;2020-01-01;;100;;;100;;;;;in comando dal comune di A"])
        #expect(try RosterLoader.load(path: folder.path).roster.staff.count == 1)
        let json = Data(
            """
            {"formato": "potenziamento.ambito.v1", "ambito": {"codice": "X", "denominazione": "X"},
             "comuni": [{"codiceIstat": "099001", "denominazione": "A", "popolazione": 30000}],
             "personale": [{"id": "AS-1", "profilo": "assistente_sociale", "contratto": "TI", "note": "in comando",
                            "ente": {"tipo": "comune", "codiceIstat": "099001"}, "periodi": [{"dal": "2020-01-01", "percentuale": 100}]}]}
            """.utf8)
        #expect(try RosterLoader.load(jsonData: json, name: "a.json").roster.staff.count == 1)
    }

    @Test("an ambito written ATS in a JSON roster of Lombardy is the acronym; written ambito it is not; equal employers either way")
    func acronymInJSON() throws {
        func roster(_ kind: String) throws -> RosterLoader.Loaded {
            try RosterLoader.load(
                jsonData: Data(
                    """
                    {"formato": "potenziamento.ambito.v1", "ambito": {"codice": "X", "denominazione": "X", "regione": "Lombardia"},
                     "comuni": [{"codiceIstat": "099001", "denominazione": "A", "popolazione": 30000}],
                     "personale": [{"id": "AS-1", "profilo": "assistente_sociale", "contratto": "TI", "ente": {"tipo": "\(kind)"},
                                    "periodi": [{"dal": "2020-01-01", "percentuale": 100}]}]}
                    """.utf8), name: "a.json")
        }
        let (acronym, code) = (try roster("ATS"), try roster("ambito"))
        #expect(acronym.warnings.contains { $0.code == .siglaAmbigua && $0.description.contains("personale[0].ente.tipo") })
        #expect(!code.warnings.contains { $0.code == .siglaAmbigua })
        #expect(acronym.roster == code.roster)
    }

    @Test("an unknown acronym is not told «forse asp?», a body that counts without a delega, unless it speaks of persons")
    func noAspGuess() {
        for text in ["ASMX", "ASPP"] {
            switch Result(catching: { () throws(InvalidValue) in try EmployerKind(parsing: text) }) {
            case .success(let kind): Issue.record("«\(text)» read as \(kind)")
            case .failure(let error):
                #expect(!error.message.contains("forse «asp»"), "\(error.message)")
                #expect(error.message.contains("un'azienda sanitaria è asl; un'azienda pubblica di servizi alla persona è asp"), "\(error.message)")
            }
        }
    }
}
