import Foundation
import PotenziamentoFormats
import Testing

@testable import PotenziamentoKit

/// What a trial of single human mistakes in every example input found (about 900 mutations, no
/// crash): a year of the cycle typed wrong, a prospetto edited by hand in a year or a comune's
/// residents, and figures out of scale went through with no word. Each as the user met it.
@Suite("The mutation trial: mistakes that went through with no word")
struct MutationTrialTests {
    /// A file `name` with `text` in a new folder.
    func file(_ name: String, _ text: String) throws -> String {
        let url = try TestSupport.temporaryFolder().appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test("a hole in the cycle's years is a warning at the year after it (2032 typed for 2023)")
    func cycleHole() throws {
        let text = try String(contentsOfFile: TestSupport.path("Examples/ciclo-esempio.csv"), encoding: .utf8)
        let typo = try file("ciclo.csv", text.replacingOccurrences(of: "\n2023;", with: "\n2032;"))
        let result = TestSupport.run("ciclo", typo)
        #expect(result.status == .success)
        #expect(
            result.standardError.contains(
                "ciclo.csv:2: dopo il 2025 il ciclo riprende dal 2032: mancano gli anni dal 2026 al 2031; se un anno è scritto male correggilo, altrimenti non serve altro"
            ), "\(result.standardError)")
        // One year missing, said as one; the example has none.
        let one = try file("ciclo.csv", text.replacingOccurrences(of: "\n2024;", with: "\n2026;"))
        #expect(TestSupport.run("ciclo", one).standardError.contains("dopo il 2023 il ciclo riprende dal 2025: manca il 2024"))
        #expect(!TestSupport.run("ciclo", TestSupport.path("Examples/ciclo-esempio.csv")).standardError.contains("riprende"))
    }

    /// The prospetto of the example for campaign 2026, as JSON.
    func prospetto() throws -> [String: Any] {
        let result = TestSupport.run("prospetto", TestSupport.path("Examples/ambito-esempio.json"), "--campagna", "2026", "--formato", "json")
        return try #require(JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
    }

    func written(_ document: [String: Any]) throws -> String {
        try file("p.json", String(decoding: JSONSerialization.data(withJSONObject: document), as: UTF8.self))
    }

    @Test("a prospetto whose year is not its campaign's is an error at the year; the prospetto as written is read")
    func prospettoYear() throws {
        var document = try prospetto()
        #expect(TestSupport.run("ciclo", try written(document)).status == .success)
        var forecast = try #require(document["previsione"] as? [String: Any])
        forecast["anno"] = 2027
        document["previsione"] = forecast
        let result = TestSupport.run("ciclo", try written(document))
        #expect(result.status == .dataError)
        #expect(
            result.standardError.contains(
                "p.json: previsione.anno: anno 2027 della previsione in un prospetto della campagna 2026 (la previsione è dell'anno della campagna, il 2026)"),
            "\(result.standardError)")
    }

    @Test("a comune's residents edited in the table of comuni are an error at the figure")
    func prospettoComune() throws {
        var document = try prospetto()
        var comuni = try #require(document["comuni"] as? [[String: Any]])
        var actual = try #require(comuni[1]["consuntivo"] as? [String: Any])
        let residents = try #require(actual["popolazione"] as? Int)
        actual["popolazione"] = residents + 1
        comuni[1]["consuntivo"] = actual
        document["comuni"] = comuni
        let result = TestSupport.run("ciclo", try written(document))
        #expect(result.status == .dataError)
        #expect(
            result.standardError.contains(
                "p.json: comuni[1].consuntivo.popolazione: residenti \(residents + 1) del comune 099002 diversi da quelli del riparto del prospetto (\(residents))"
            ),
            "\(result.standardError)")
    }

    @Test(
        "a comune above Rome's residents is a warning at its figure; one at the bound is not",
        arguments: [(3_000_001, true), (17_300_000, true), (3_000_000, false), (2_750_000, false)])
    func comuneOutOfScale(residents: Int, warned: Bool) throws {
        let folder = try PlansAndTablesReviewTests.folder(
            comuni: "codice_istat;denominazione;popolazione\n099001;A;30000\n099002;B;\(residents)\n",
            rows: ["AS-1;assistente_sociale;tempo_indeterminato;comune;099001;2020-01-01;;100;;;100;;;;"])
        let warnings = try RosterLoader.load(path: folder.path).warnings.filter { $0.code == .valoreImprobabile }
        #expect(warnings.count == (warned ? 1 : 0))
        if warned { #expect(warnings[0].description.contains("comuni.csv:3 (colonna popolazione): il comune 099002 «B» ha")) }
    }

    @Test(
        "a national table's FTE above one for 500 residents, or an ATS above Rome's residents, is a warning at the figure",
        arguments: [("81000", "1.803,0", "fte"), ("81000", "163", "fte"), ("3500000", "700", "popolazione"), ("81000", "162", nil)])
    func nationalOutOfScale(residents: String, fte: String, column: String?) throws {
        let table = try file("r.csv", "codice;denominazione;popolazione;fte\nATS-01;A;100000;22\nATS-04;B;\(residents);\(fte)\n")
        let result = TestSupport.run("riparto", table, "--anno", "2025")
        #expect(result.status == .success)
        if let column {
            #expect(result.standardError.contains("r.csv:3 (colonna \(column)): l'ambito ATS-04 ha"), "\(result.standardError)")
        } else {
            #expect(!result.standardError.contains("l'ambito ATS-04 ha"), "\(result.standardError)")
        }
    }

    @Test(
        "messages that say what was typed: an exponent, English thousands, a year with a dot or as a date",
        arguments: [
            (false, "1e2", "un numero con l'esponente non è ammesso: scrivilo per intero"), (false, "30 ore", "forse 30? scrivi solo il numero, senza l'unità"),
            (true, "2.026", "(quattro cifre, es. 2026)"), (true, "01/01/2027", "(quattro cifre, es. 2027)"), (true, "anno", "(quattro cifre, es. 2025)"),
        ])
    func typedMessages(isYear: Bool, text: String, expected: String) {
        let result = Result { () throws(InvalidValue) in
            isYear ? Fraction(try FieldParsing.year(text)) : try FieldParsing.decimal(text, maximumDecimals: 15, what: "percentuale")
        }
        switch result {
        case .success(let value): Issue.record("«\(text)» read as \(value)")
        case .failure(let error): #expect(error.message.contains(expected), "\(error.message)")
        }
    }

    @Test("options: English thousands are named as such; --metodo-fte in any case")
    func options() {
        let thousands = TestSupport.run("contributo", "--popolazione", "1,000,000", "--fte", "10")
        #expect(thousands.status == .usage)
        #expect(thousands.standardError.contains("«1,000,000»: le virgole separano le migliaia all'inglese"), "\(thousands.standardError)")
        #expect(!thousands.standardError.contains("vale 1,000"))
        let example = TestSupport.path("Examples/ambito-esempio.json")
        let months = TestSupport.run("calcola", example, "--anno", "2025", "--metodo-fte", "Mesi", "--formato", "json")
        #expect(months.status == .success && months.standardOutput.contains("\"metodoFte\": \"mesi\""), "\(months.standardError)")
    }

    @Test("a NUL byte is named at its line and column")
    func nulByte() throws {
        let folder = try PlansAndTablesReviewTests.folder(rows: ["AS-1;assistente_sociale;tempo_indeterminato;comune;099001;2020-01-01;;10\u{0}0;;;100;;;;"])
        let error = try #require(inputError { () throws(InputError) in _ = try RosterLoader.load(path: folder.path) })
        #expect(error.errors.first?.description.contains("personale.csv:2:") == true, "\(error)")
    }

    @Test("a header with a special space at its end is the column; empty columns on the left say to delete them")
    func headerSpaces() throws {
        let header = PlansAndTablesReviewTests.staffHeader.replacingOccurrences(of: "percentuale;", with: "percentuale\u{A0};")
        let row = "AS-1;assistente_sociale;tempo_indeterminato;comune;099001;2020-01-01;;100;;;100;;;;"
        #expect(try RosterLoader.load(path: PlansAndTablesReviewTests.folder(header: header, rows: [row]).path).roster.staff.count == 1)
        let shifted = try PlansAndTablesReviewTests.folder(header: ";" + PlansAndTablesReviewTests.staffHeader, rows: [";" + row])
        let error = try #require(inputError { () throws(InputError) in _ = try RosterLoader.load(path: shifted.path) })
        #expect(
            error.errors.first?.message
                == "intestazione vuota nella colonna 1: la tabella deve iniziare dalla prima colonna (cancella le colonne a sinistra dell'intestazione, vuote o di numerazione)"
        )
        // A column without a name in the middle: to name or delete (a trial: it said «vuote» of a numbering column).
        let unnamed = try PlansAndTablesReviewTests.folder(
            header: PlansAndTablesReviewTests.staffHeader.replacingOccurrences(of: "percentuale;", with: "percentuale;;"),
            rows: [row.replacingOccurrences(of: ";100;;;100;", with: ";100;7;;;100;")])
        let middle = try #require(inputError { () throws(InputError) in _ = try RosterLoader.load(path: unnamed.path) })
        #expect(middle.errors.contains { $0.message.hasSuffix("dai un nome alla colonna, o cancellala se non serve") }, "\(middle)")
    }

    @Test("a comune on two rows without a year names the other row and its residents")
    func comuneTwiceWithoutYear() throws {
        let folder = try PlansAndTablesReviewTests.folder(
            comuni: "codice_istat;denominazione;popolazione;anno\n099001;A;30000;\n099002;B;20000;2025\n099001;A;30500;\n",
            rows: ["AS-1;assistente_sociale;tempo_indeterminato;comune;099001;2020-01-01;;100;;;100;;;;"])
        let error = try #require(inputError { () throws(InputError) in _ = try RosterLoader.load(path: folder.path) })
        #expect(
            error.errors.contains {
                $0.place.description.hasSuffix("comuni.csv:4 (colonna anno)")
                    && $0.message.hasPrefix("comune 099001 con due righe senza anno (l'altra alla riga 2, 30.000 residenti)")
            }, "\(error)")
    }

    @Test("a residents year that no other comune has, where they have the year asked, is suggested as mistyped", arguments: [("2016", true), ("2026", false)])
    func mistypedResidentsYear(year: String, hinted: Bool) throws {
        let folder = try PlansAndTablesReviewTests.folder(
            comuni: "codice_istat;denominazione;popolazione;anno\n099001;A;30000;\(year)\n099002;B;20000;2025\n099002;B;20100;2026\n",
            rows: ["AS-1;assistente_sociale;tempo_indeterminato;comune;099001;2020-01-01;;100;;;100;;;;"])
        let roster = try RosterLoader.load(path: folder.path).roster
        var error = ""
        do throws(AssessmentError) {
            _ = try RosterAssessor().assess(roster, year: 2025)
            Issue.record("assessed without the residents of 2025")
        } catch let failure { error = "\(failure)" }
        #expect(error.contains("manca la popolazione del comune 099001 (A) al 1° gennaio 2025"), "\(error)")
        #expect(error.contains("2016 non compare negli altri comuni: se è il 2025 scritto male, correggilo") == hinted, "\(error)")
    }

    @Test("a date serial one binary step below midnight is the day Excel shows")
    func almostWholeSerial() {
        #expect(SpreadsheetDates.value(serial: "45716.999999999993", system: .excel1900) == .date(year: 2025, month: 3, day: 1))
        #expect(SpreadsheetDates.value(serial: "45716.5", system: .excel1900) == .dateTime(year: 2025, month: 2, day: 28, seconds: "43200"))
    }

    @Test("residents of a plan for a year not simulated, of a comune that lacks a simulated one, are named as the likely mistake")
    func planResidentsYear() throws {
        let text = try String(contentsOfFile: TestSupport.path("Examples/piano-esempio.csv"), encoding: .utf8)
        let plan = try file("piano.csv", text.replacingOccurrences(of: ";099001;2027;", with: ";099001;2025;"))
        let result = TestSupport.run("simula", TestSupport.path("Examples/ambito-esempio"), "--anno", "2026", "--fino-al", "2028", "--piano", plan)
        #expect(result.status == .dataError)
        #expect(
            result.standardError.contains(
                "piano.csv:5 (colonna anno): i residenti del comune 099001 sono dati per il 2025, un anno non simulato: forse è il 2027?"),
            "\(result.standardError)")
    }

    @Test("a plan's numero with a separator is an error: 1.000 is a thousand or one", arguments: ["1.000", "2,0", "1.000,0"])
    func planNumber(number: String) throws {
        let plan = try file("piano.csv", "tipo;dal;ente;numero\nassunzione;2026-04-01;comune:099001;\(number)\n")
        let result = TestSupport.run("simula", TestSupport.path("Examples/ambito-esempio.json"), "--anno", "2026", "--piano", plan)
        #expect(result.status == .dataError)
        #expect(result.standardError.contains("piano.csv:2 (colonna numero): numero di assunzioni «\(number)» con un separatore"), "\(result.standardError)")
    }
}

/// What a trial of `valida` run after run found: problems present from the start that came only
/// in a later run once the listed ones were fixed, and messages that misled. Each as met.
@Suite("The valida trial: problems said in one run")
struct ValidaRoundsTrialTests {
    /// The error of a JSON roster of comune 099001 and the persons `personale` (their JSON
    /// objects, separated by commas), nil when it loads.
    static func jsonError(personale: String) throws -> InputError? {
        let json = Data(
            """
            {"formato": "potenziamento.ambito.v1", "ambito": {"codice": "X", "denominazione": "X"},
             "comuni": [{"codiceIstat": "099001", "denominazione": "A", "popolazione": 30000}], "personale": [\(personale)]}
            """.utf8)
        return inputError { () throws(InputError) in _ = try RosterLoader.load(jsonData: json, name: "a.json") }
    }

    let row = "AS-1;assistente_sociale;tempo_indeterminato;comune;099001;2020-01-01;;100;;;100;;;;"

    @Test("a missing share column is said with the other missing columns")
    func missingColumns() throws {
        let folder = try PlansAndTablesReviewTests.folder(
            header: "id;profilo;contratto;ente_tipo;ente_codice_istat;dal", rows: ["AS-1;assistente_sociale;TI;comune;099001;2020-01-01"])
        let error = try #require(inputError { () throws(InputError) in _ = try RosterLoader.load(path: folder.path) })
        let messages = error.errors.map(\.message)
        #expect(
            messages.contains("manca la colonna obbligatoria «al»") && messages.contains("manca la colonna obbligatoria «percentuale» (o «ore_settimanali»)"),
            "\(messages)")
    }

    @Test("overlapping periods of a person with another error are said in the same run (CSV and JSON)")
    func overlapsWithOtherErrors() throws {
        let folder = try PlansAndTablesReviewTests.folder(rows: [
            "AS-1;assistente_sociale;tempo_indeterminato;comune;099001;2020-01-01;2024-12-31;100;;;100;;;;",
            "AS-1;assistente_sociale;tempo_indeterminato;comune;099001;2024-06-01;2025-12-31;100;;;100;;;;",
            "AS-1;assistente_sociale;tempo_indeterminato;comune;099001;2024-02-30;;100;;;100;;;;",
        ])
        let csv = try #require(inputError { () throws(InputError) in _ = try RosterLoader.load(path: folder.path) })
        #expect(csv.errors.contains { $0.code == .periodiSovrapposti } && csv.errors.contains { $0.code == .dataNonValida }, "\(csv)")
        // The error on the person's first row (no record made): the overlap too.
        let first = try PlansAndTablesReviewTests.folder(rows: [
            "AS-1;astronauta;tempo_indeterminato;comune;099001;2020-01-01;2024-12-31;100;;;100;;;;",
            "AS-1;astronauta;tempo_indeterminato;comune;099001;2024-06-01;2025-12-31;100;;;100;;;;",
        ])
        // A share refused on a period whose dates are good: its dates still meet the next period's.
        let share = try PlansAndTablesReviewTests.folder(rows: [
            "AS-1;assistente_sociale;tempo_indeterminato;comune;099001;2018-01-01;2025-09-30;cento;;;100;;;;",
            "AS-1;assistente_sociale;tempo_indeterminato;comune;099001;2025-07-01;;50;;;100;;;;",
        ])
        let shareRow = try #require(inputError { () throws(InputError) in _ = try RosterLoader.load(path: share.path) })
        #expect(
            shareRow.errors.contains { $0.code == .periodiSovrapposti && $0.place.line == 3 } && shareRow.errors.contains { $0.place.line == 2 },
            "\(shareRow)")
        let shareDocument = try #require(
            try Self.jsonError(
                personale:
                    #"{"id": "AS-1", "profilo": "assistente_sociale", "contratto": "TI", "ente": {"tipo": "comune", "codiceIstat": "099001"}, "periodi": [{"dal": "2018-01-01", "al": "2025-09-30", "percentuale": 0}, {"dal": "2025-07-01", "percentuale": 50}]}"#
            ))
        #expect(shareDocument.errors.contains { $0.code == .periodiSovrapposti }, "\(shareDocument)")
        let firstRow = try #require(inputError { () throws(InputError) in _ = try RosterLoader.load(path: first.path) })
        #expect(
            firstRow.errors.contains { $0.code == .periodiSovrapposti && $0.place.line == 3 } && firstRow.errors.contains { $0.code == .profiloSconosciuto },
            "\(firstRow)")
        let document = try #require(
            try Self.jsonError(
                personale:
                    #"{"id": "AS-1", "profilo": "astronauta", "contratto": "TI", "ente": {"tipo": "comune", "codiceIstat": "099001"}, "periodi": [{"dal": "2020-01-01", "al": "2024-12-31", "percentuale": 100}, {"dal": "2024-06-01", "percentuale": 100}]}"#
            ))
        #expect(document.errors.contains { $0.code == .periodiSovrapposti } && document.errors.contains { $0.code == .profiloSconosciuto }, "\(document)")
    }

    @Test("a person's comune outside an ATS whose comuni could not be read says so, not «(comuni: )»")
    func noComuniRead() throws {
        let folder = try PlansAndTablesReviewTests.folder(
            comuni: "codice_istat;denominazione;popolazione\n099001;A;-5\n",
            rows: ["AS-1;assistente_sociale;tempo_indeterminato;comune;099009;2020-01-01;;100;;;100;;;;"])
        let error = try #require(inputError { () throws(InputError) in _ = try RosterLoader.load(path: folder.path) })
        let unknown = try #require(error.errors.first { $0.code == .comuneSconosciuto })
        #expect(unknown.message.contains("(nessun comune letto senza errori)") && !unknown.message.contains("(comuni: )"), "\(unknown.message)")
    }

    @Test("a missing personale.csv or comuni.csv is said with the problems of the files present", arguments: ["personale.csv", "comuni.csv"])
    func missingFile(_ missing: String) throws {
        let folder = try PlansAndTablesReviewTests.folder(
            comuni: "codice_istat;denominazione;popolazione\n099001;A;trentamila\n",
            rows: ["AS-1;assistente_sociale;tempo_indeterminato;comune;099001;2020-13-01;;100;;;100;;;;"])
        try FileManager.default.removeItem(at: folder.appendingPathComponent(missing))
        let error = try #require(inputError { () throws(InputError) in _ = try RosterLoader.load(path: folder.path) })
        #expect(error.errors.contains { $0.code == .fileMancante && $0.place.file.hasSuffix(missing) }, "\(error)")
        let present = missing == "personale.csv" ? "comuni.csv" : "personale.csv"
        #expect(error.errors.contains { $0.code != .fileMancante && $0.place.file.hasSuffix(present) }, "\(error)")
    }

    @Test(
        "the comune of a person with another error is checked in the same run (a profile not known, a date not valid)",
        arguments: [
            "AS-1;astronauta;tempo_indeterminato;comune;099009;2020-01-01;;100;;;100;;;;",
            "AS-1;assistente_sociale;tempo_indeterminato;comune;099009;2020-02-30;;100;;;100;;;;",
        ])
    func comuneOfAPersonWithErrors(row: String) throws {
        let folder = try PlansAndTablesReviewTests.folder(rows: [row, "AS-2;assistente_sociale;tempo_indeterminato;comune;099001;2020-01-01;;100;;;100;;;;"])
        let error = try #require(inputError { () throws(InputError) in _ = try RosterLoader.load(path: folder.path) })
        #expect(error.errors.count { $0.code == .comuneSconosciuto } == 1, "\(error)")
        #expect(error.errors.contains { $0.code == .comuneSconosciuto && $0.message.contains("il comune 099009 di «AS-1»") && $0.place.line == 2 })
        #expect(error.errorCount == 2, "\(error)")
        // The same in a JSON document.
        let json = Data(
            """
            {"formato": "potenziamento.ambito.v1", "ambito": {"codice": "X", "denominazione": "X"},
             "comuni": [{"codiceIstat": "099001", "denominazione": "A", "popolazione": 30000}],
             "personale": [{"id": "AS-1", "profilo": "astronauta", "contratto": "TI", "ente": {"tipo": "comune", "codiceIstat": "099009"},
                            "periodi": [{"dal": "2020-01-01", "percentuale": 100}]}]}
            """.utf8)
        let document = try #require(inputError { () throws(InputError) in _ = try RosterLoader.load(jsonData: json, name: "a.json") })
        #expect(document.errors.contains { $0.code == .comuneSconosciuto && $0.message.contains("il comune 099009 di «AS-1»") }, "\(document)")
    }

    /// An officer's trial (2026-11-29): an ASL person with the delega left empty was left out
    /// (1 FTE, 20.000 €) with no word from `valida`.
    @Test("an ASL person who would count, with neither delega nor cost reimbursed written, is a warning; «no» written is not")
    func aslDelegationNotStated() throws {
        let header = "id;profilo;contratto;ente_tipo;ente_codice_istat;delega_funzioni;costo_rimborsato;dal;al;percentuale"
        for (cells, warned) in [(";", true), ("no;", false), (";no", false), ("si;", false)] {
            let folder = try PlansAndTablesReviewTests.folder(
                header: header, rows: ["AS-1;assistente_sociale;tempo_indeterminato;asl;;\(cells);2020-01-01;;100"])
            let loaded = try RosterLoader.load(path: folder.path)
            let warning = loaded.warnings.first { $0.code == .valoreVuoto && $0.message.hasPrefix("ente asl senza delega_funzioni") }
            #expect((warning != nil) == warned, "\(cells): \(loaded.warnings)")
            if let warning { #expect(warning.place.description.hasSuffix(":2 (colonna delega_funzioni)"), "\(warning.place)") }
        }
        let json = Data(
            """
            {"formato": "potenziamento.ambito.v1", "ambito": {"codice": "X", "denominazione": "X"},
             "comuni": [{"codiceIstat": "099001", "denominazione": "A", "popolazione": 30000}],
             "personale": [{"id": "AS-1", "profilo": "assistente_sociale", "contratto": "TI", "ente": {"tipo": "asl"},
                            "periodi": [{"dal": "2020-01-01", "percentuale": 100}]}]}
            """.utf8)
        let loaded = try RosterLoader.load(jsonData: json, name: "a.json")
        #expect(
            loaded.warnings.contains {
                $0.message.hasPrefix("ente asl senza delegaFunzioni né costoRimborsato") && $0.place.description == "a.json: personale[0].ente"
            })
    }

    @Test("a value refused on a person's first row is said there; the later rows are not blamed for differing from it")
    func firstRowValueRefused() throws {
        let header = "id;profilo;contratto;ente_tipo;ente_codice_istat;delega_funzioni;dal;al;percentuale"
        let folder = try PlansAndTablesReviewTests.folder(
            header: header,
            rows: [
                "AS-1;assistente_sociale;tempo_indeterminato;asl;;forse;2020-01-01;2022-12-31;100",
                "AS-1;assistente_sociale;tempo_indeterminato;asl;;si;2023-01-01;;100",
            ])
        let error = try #require(inputError { () throws(InputError) in _ = try RosterLoader.load(path: folder.path) })
        #expect(error.errors.contains { $0.place.description.hasSuffix("personale.csv:2 (colonna delega_funzioni)") }, "\(error)")
        #expect(!error.errors.contains { $0.code == .personaIncoerente }, "\(error)")
    }

    /// A review (2026-11-29): a first row with its dates forgotten, read as a person without
    /// periods, lost a period of a person with other rows with no word.
    @Test(
        "a person without periods is written «nessun periodo» on one row; forgotten dates stay an error",
        arguments: [
            (["AS-1;assistente_sociale;tempo_indeterminato;comune;099001;nessun periodo;;;;;100;;;;"], nil),
            (["AS-1;assistente_sociale;tempo_indeterminato;comune;099001;;;;;;100;;;;"], ":2 (colonna dal)"),
            (
                [
                    "AS-1;assistente_sociale;tempo_indeterminato;comune;099001;;;;;;100;;;;",
                    "AS-1;assistente_sociale;tempo_indeterminato;comune;099001;2025-01-01;;100;;;100;;;;",
                ], ":2 (colonna dal)"
            ),
            (
                [
                    "AS-1;assistente_sociale;tempo_indeterminato;comune;099001;Nessun periodo;;;;;100;;;;",
                    "AS-1;assistente_sociale;tempo_indeterminato;comune;099001;2025-01-01;;100;;;100;;;;",
                ], ":2 (colonna dal)"
            ),
            (["AS-1;assistente_sociale;tempo_indeterminato;comune;099001;nessun periodo;;100;;;100;;;;"], ":2 (colonna dal)"),
        ])
    func noPeriodRows(rows: [String], error: String?) throws {
        let folder = try PlansAndTablesReviewTests.folder(rows: rows)
        if let error {
            let found = try #require(inputError { () throws(InputError) in _ = try RosterLoader.load(path: folder.path) })
            #expect(found.errors.contains { $0.place.description.hasSuffix("personale.csv" + error) }, "\(found)")
        } else {
            let loaded = try RosterLoader.load(path: folder.path)
            #expect(loaded.roster.staff.first?.periods == [])
            #expect(loaded.warnings.contains { $0.code == .nessunPeriodo })
            // Said once by the roster, not again by each year's assessment (a trial: two warnings).
            let assessment = try RosterAssessor().assess(loaded.roster, year: 2025)
            #expect(!assessment.warnings.contains { $0.code == .nessunServizioNellAnno }, "\(assessment.warnings)")
        }
    }

    @Test("a person with periods but none in the year is still warned of by the year's assessment")
    func idleInTheYearStillWarned() throws {
        let folder = try PlansAndTablesReviewTests.folder(rows: ["AS-1;assistente_sociale;tempo_indeterminato;comune;099001;2026-03-01;;100;;;100;;;;"])
        let loaded = try RosterLoader.load(path: folder.path)
        let assessment = try RosterAssessor().assess(loaded.roster, year: 2025)
        #expect(assessment.warnings.contains { $0.code == .nessunServizioNellAnno }, "\(assessment.warnings)")
    }

    @Test(
        "a value of a vocabulary mistyped in one of its words, or with its words in another order, is suggested",
        arguments: [
            ("indeterminatto", Contract.Kind.allCases.map(\.rawValue), "tempo_indeterminato"),
            ("tempo indeterminatto", Contract.Kind.allCases.map(\.rawValue), "tempo_indeterminato"),
            ("azienda consortile speciale", EmployerKind.allCases.map(\.rawValue), "azienda_speciale_consortile"),
            ("unione comuni", EmployerKind.allCases.map(\.rawValue), "unione_di_comuni"), ("comune speciale", EmployerKind.allCases.map(\.rawValue), nil),
            ("astronauta", Contract.Kind.allCases.map(\.rawValue), nil),
        ])
    func suggestionsByWords(given: String, candidates: [String], expected: String?) {
        #expect(NameSuggestion.nearest(to: given, in: candidates) == expected)
    }

    @Test("a comune's code without its zero on a row with another error is said in the same run (CSV and JSON)")
    func shortCodeOnARowWithErrors() throws {
        let folder = try PlansAndTablesReviewTests.folder(
            comuni: "codice_istat;denominazione;popolazione\n099001;A;30000\n99004;Pieve;\n", rows: [row.replacingOccurrences(of: "099001", with: "099004")])
        let error = try #require(inputError { () throws(InputError) in _ = try RosterLoader.load(path: folder.path) })
        #expect(error.errors.contains { $0.code == .codiceIstatSospetto && $0.place.description.hasSuffix("comuni.csv:3 (colonna codice_istat)") }, "\(error)")
        #expect(error.errors.contains { $0.place.description.hasSuffix("comuni.csv:3 (colonna popolazione)") }, "\(error)")
        #expect(!error.errors.contains { $0.code == .comuneSconosciuto })
        let json = Data(
            """
            {"formato": "potenziamento.ambito.v1", "ambito": {"codice": "X", "denominazione": "X"},
             "comuni": [{"codiceIstat": "099001", "denominazione": "A", "popolazione": 30000}, {"codiceIstat": "99004", "denominazione": "P", "popolazione": -5}],
             "personale": [{"id": "AS-1", "profilo": "assistente_sociale", "contratto": "TI", "ente": {"tipo": "comune", "codiceIstat": "099004"},
                            "periodi": [{"dal": "2020-01-01", "percentuale": 100}]}]}
            """.utf8)
        let document = try #require(inputError { () throws(InputError) in _ = try RosterLoader.load(jsonData: json, name: "a.json") })
        #expect(document.errors.contains { $0.code == .codiceIstatSospetto && $0.place.description == "a.json: comuni[1].codiceIstat" }, "\(document)")
        // In JSON the advice is the JSON's, not a spreadsheet's (an officer's trial).
        let sospetto = try #require(document.errors.first { $0.code == .codiceIstatSospetto })
        #expect(sospetto.message.hasSuffix(#"scrivi il codice come testo di 6 cifre: "099004""#) && !sospetto.message.contains("foglio di calcolo"))
        #expect(error.errors.first { $0.code == .codiceIstatSospetto }?.message.contains("formatta come testo la colonna codice_istat") == true)
        // The notes' place named for both: a column and a JSON key.
        #expect(throws: InvalidValue.self) { try Profile("Assistente sociale (in aspettativa)") }
        do { _ = try Profile("Assistente sociale (in aspettativa)") } catch {
            #expect(error.message.contains(#"nella colonna note (in JSON nella chiave "note")"#), "\(error)")
        }
    }

    @Test("a comune's code without its zero on the row of another year says to write it on every row, not to delete one")
    func strippedCodeOfAnotherYear() throws {
        let folder = try PlansAndTablesReviewTests.folder(
            comuni: "codice_istat;denominazione;popolazione;anno\n099001;A;30000;2025\n99003;C;5000;2025\n099003;C;5000;2026\n099001;A;30000;2026\n",
            rows: [row])
        let error = try #require(inputError { () throws(InputError) in _ = try RosterLoader.load(path: folder.path) })
        let repeated = try #require(error.errors.first { $0.code == .comuneRipetuto })
        #expect(repeated.message.contains("scrivi il codice di 6 cifre in tutte le sue righe (sono anni diversi: servono tutte)"), "\(repeated.message)")
        #expect(!repeated.message.contains("tieni una sola riga"))
    }
}

extension ValidaRoundsTrialTests {
    @Test("a row with an empty id has its other errors said in the same run; a row of totals only its own")
    func emptyIdRow() throws {
        let folder = try PlansAndTablesReviewTests.folder(rows: [
            row, ";assistente_sociale;tempo_indeterminato;comune;099001;2020-01-01;;150;;;90;;;;", "TOTALE;;;;;;;;;;;;;;",
        ])
        let error = try #require(inputError { () throws(InputError) in _ = try RosterLoader.load(path: folder.path) })
        let atRow3 = error.errors.filter { $0.place.line == 3 }.map(\.code)
        #expect(atRow3.contains(.valoreVuoto) && atRow3.contains(.percentualeFuoriIntervallo), "\(error)")
        #expect(error.errors.filter { $0.place.line == 4 }.map(\.code) == [.rigaDiTotale], "\(error)")
    }
}

/// Found by an officer's workbook trial (2026-11-29): weekly hours typed into `percentuale`
/// (18 for 18 hours of 36) counted as 18 % with no word.
@Suite("Weekly hours typed as a percentage")
struct HoursAsPercentTests {
    @Test(
        "a whole percentage that is a week's hours is a warning at its cell; other shares are not",
        arguments: [("36", true), ("18", true), ("30", true), ("12", true), ("50", false), ("83,33", false), ("100", false), ("35", false), ("42", false)])
    func roster(percent: String, warned: Bool) throws {
        let folder = try PlansAndTablesReviewTests.folder(rows: ["AS-1;assistente_sociale;tempo_indeterminato;comune;099001;2020-01-01;;\(percent);;;100;;;;"])
        let loaded = try RosterLoader.load(path: folder.path)
        let found = loaded.warnings.filter { $0.code == .valoreImprobabile && $0.message.contains("ore settimanali") }
        #expect(found.count == (warned ? 1 : 0), "\(loaded.warnings)")
        if warned {
            #expect(found[0].place.description.hasSuffix("personale.csv:2 (colonna percentuale)"))
            #expect(found[0].message.contains("scrivile in ore_settimanali"))
        }
    }

    @Test("in JSON the advice names the JSON key; a person who does not count is not warned")
    func jsonAndExcluded() throws {
        var document = try #require(
            JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: TestSupport.path("Examples/ambito-esempio.json")))) as? [String: Any])
        var persons = try #require(document["personale"] as? [[String: Any]])
        persons[0]["periodi"] = [["dal": "2020-01-01", "percentuale": 24]]
        persons[1]["contratto"] = "tempo_determinato"
        persons[1]["periodi"] = [["dal": "2020-01-01", "percentuale": 18]]
        document["personale"] = persons
        let loaded = try RosterLoader.load(jsonData: JSONSerialization.data(withJSONObject: document), name: "a.json")
        let found = loaded.warnings.filter { $0.code == .valoreImprobabile && $0.message.contains("ore settimanali") }
        #expect(found.count == 1 && found[0].message.contains("scrivile in oreSettimanali") && found[0].message.contains("su 36: 66,67 %"), "\(found)")
    }

    @Test("in a plan the same warning at the option")
    func plan() {
        let result = TestSupport.run(
            "simula", TestSupport.path("Examples/ambito-esempio.json"), "--anno", "2026", "--assunzione", "dal=2026-04-01,ente=comune:099002,percentuale=30")
        #expect(result.status == .success)
        #expect(
            result.standardError.contains("percentuale=30: quota del 30 % del tempo pieno: se sono 30 ore settimanali (su 36: 83,33 %)"),
            "\(result.standardError)")
    }
}

/// Found by a trial of a consortium's ATS (2026-11-29): the Lombard health agency written «ATS»
/// with `delega_funzioni` and `costo_rimborsato` «no», no region given, was counted as the ATS
/// itself (1 FTE, 23.549,62 €) with no word.
@Suite("Health acronyms with a delega written")
struct HealthAcronymTests {
    @Test(
        "«ATS» or an ASP with the delega or the cost written (any value) is a warning at the delega; the ambito or others are not",
        arguments: [
            ("ATS;;no;no", true), ("ATS;;;si", true), ("asp;;si;", true), ("ATS;;;", false), ("ambito;;no;no", false), ("consorzio;;no;no", false),
        ])
    func csv(employer: String, warned: Bool) throws {
        let header = "id;profilo;contratto;ente_tipo;ente_codice_istat;delega_funzioni;costo_rimborsato;dal;al;percentuale"
        let folder = try PlansAndTablesReviewTests.folder(header: header, rows: ["AS-1;assistente_sociale;tempo_indeterminato;\(employer);2020-01-01;;100"])
        let loaded = try RosterLoader.load(path: folder.path)
        let found = loaded.warnings.filter { $0.code == .siglaAmbigua }
        #expect(found.count == (warned ? 1 : 0), "\(loaded.warnings)")
        if warned {
            #expect(found[0].place.description.hasSuffix("personale.csv:2 (colonna delega_funzioni)"))
            #expect(found[0].message.contains("indica asl") && found[0].message.contains("lascia vuoti delega_funzioni e costo_rimborsato"))
        }
    }

    @Test(
        "bodies named by their words get what to write, not only the list",
        arguments: [
            ("Consorzio di cooperative sociali", "terzo_settore_appalto"), ("cooperativa sociale", "terzo_settore_appalto"),
            ("Agenzia di tutela della salute", "un ente sanitario: asl"), ("ATS Città Metropolitana di Milano", "scrivi ambito; se è l'Agenzia"),
        ])
    func namedBodies(text: String, advice: String) {
        do throws(InvalidValue) {
            _ = try EmployerKind(parsing: text)
            Issue.record("«\(text)» read as a kind")
        } catch {
            #expect(error.code == .enteSconosciuto && error.message.contains(advice), "\(error.message)")
        }
    }

    @Test("in JSON the same, with the JSON keys")
    func json() throws {
        var document = try #require(
            JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: TestSupport.path("Examples/ambito-esempio.json")))) as? [String: Any])
        var persons = try #require(document["personale"] as? [[String: Any]])
        persons[0]["ente"] = ["tipo": "ATS", "delegaFunzioni": false, "costoRimborsato": false]
        document["personale"] = persons
        let loaded = try RosterLoader.load(jsonData: JSONSerialization.data(withJSONObject: document), name: "a.json")
        let found = loaded.warnings.filter { $0.code == .siglaAmbigua }
        #expect(found.count == 1 && found[0].message.contains("lascia vuoti delegaFunzioni e costoRimborsato"), "\(loaded.warnings)")
    }
}
