import Foundation
import PotenziamentoKit
import Testing

/// What an officer's trial of the workbook path found (2026-11-28): a date typed a day off between
/// two periods of one person, and a comune's figure without a year left beside the figures of
/// given years, changed the figures without a word. Each is a warning at its place now, through
/// the public API only.
@Suite("An officer's trial of workbooks: short gaps and leftover rows are said")
struct OfficerWorkbookTrialTests {
    static let comuni = Data("codice_istat;denominazione;popolazione\n048001;Uno;10000\n".utf8)

    static func personale(_ rows: [(dal: String, al: String)]) -> Data {
        let lines = rows.map { "P1;assistente_sociale;tempo_indeterminato;comune;048001;\($0.dal);\($0.al);100" }
        return Data((["id;profilo;contratto;ente_tipo;ente_codice_istat;dal;al;percentuale"] + lines).joined(separator: "\n").utf8)
    }

    /// One to three days between the end of a period and the start of the next are a warning at
    /// the later period's `dal` (rows in any order), saying which days; none for continuous
    /// periods, for four days or more (a real interruption is usually longer), or after a period
    /// with no end. The figures are the same either way: the days without service do not count.
    @Test(
        "a gap of one to three days between two periods of a person is a warning at the later period",
        arguments: [
            ([("2024-01-01", "2025-06-30"), ("2025-07-01", "")], nil),
            ([("2024-01-01", "2025-06-30"), ("2025-07-02", "")], "c'è 1 giorno senza servizio (01/07/2025)"),
            ([("2025-07-02", ""), ("2024-01-01", "2025-06-30")], "c'è 1 giorno senza servizio (01/07/2025)"),
            ([("2024-01-01", "2025-06-30"), ("2025-07-04", "2025-12-31")], "ci sono 3 giorni senza servizio (dal 01/07/2025 al 03/07/2025)"),
            ([("2024-01-01", "2025-06-30"), ("2025-07-05", "")], nil),
            (
                [("2024-01-01", "2024-12-31"), ("2025-01-03", "2025-03-31"), ("2025-04-01", "")],
                "ci sono 2 giorni senza servizio (dal 01/01/2025 al 02/01/2025)"
            ),
        ] as [([(String, String)], String?)])
    func shortGap(periods: [(String, String)], expected: String?) throws {
        let loaded = try RosterLoader.load(
            csvFiles: ["comuni.csv": Self.comuni, "personale.csv": Self.personale(periods.map { (dal: $0.0, al: $0.1) })], name: "ATS-1")
        let gaps = loaded.warnings.filter { $0.code == .interruzioneBreve }
        guard let expected else {
            #expect(gaps.isEmpty, "\(gaps)")
            return
        }
        let gap = try #require(gaps.first)
        #expect(gaps.count == 1)
        #expect(gap.message.contains(expected), "\(gap.message)")
        #expect(gap.message.contains("se il servizio è continuo"))
        // At the later period's row and its `dal` column.
        let later = periods.enumerated().max { $0.element.0 < $1.element.0 }.map { $0.offset + 2 } ?? 0
        #expect(gap.place.description.contains("personale.csv:\(periods.count == 3 ? 3 : later)"), "\(gap.place)")
        #expect(gap.place.description.contains("dal"), "\(gap.place)")
    }

    @Test("a JSON roster's short gap is said at the later period's path")
    func shortGapInJSON() throws {
        let document = """
            {"formato": "potenziamento.ambito.v1", "ambito": {"codice": "ATS-1", "denominazione": "Uno"},
             "comuni": [{"codiceIstat": "048001", "denominazione": "Uno", "popolazione": 10000}],
             "personale": [{"id": "P1", "profilo": "assistente_sociale", "contratto": "tempo_indeterminato",
               "ente": {"tipo": "comune", "codiceIstat": "048001"},
               "periodi": [{"dal": "2024-01-01", "al": "2025-05-31", "percentuale": 100}, {"dal": "2025-06-02", "percentuale": 50}]}]}
            """
        let loaded = try RosterLoader.load(jsonData: Data(document.utf8), name: "a.json")
        let gap = try #require(loaded.warnings.first { $0.code == .interruzioneBreve })
        #expect(gap.place.description == "a.json: personale[0].periodi[1].dal", "\(gap.place)")
        #expect(gap.message.contains("c'è 1 giorno senza servizio (01/06/2025)"))
    }

    /// A row of totals under the persons (`Totale` as the id, or `TOTALE` in another cell of a row
    /// without an id) is one error that says so, not «profilo vuoto», «contratto vuoto»… for each
    /// of its cells; an id with digits (`TOT-01`) is an id.
    @Test(
        "a row of totals among the persons is one error that says so",
        arguments: [
            ("Totale;;;;;;;1000", "personale.csv:3 (colonna id)", "«Totale» sembra una riga di totale"),
            (";TOTALE AMBITO;;;;;;300", "personale.csv:3 (colonna profilo)", "«TOTALE AMBITO» sembra una riga di totale"),
            ("TOT-01;assistente_sociale;tempo_indeterminato;comune;048001;2024-01-01;;100", "", ""),
            // «Tot» is a surname: an id, not a total (a review).
            ("Tot Anna;assistente_sociale;tempo_indeterminato;comune;048001;2024-01-01;;100", "", ""),
        ])
    func totalRowOfPersons(row: String, place: String, message: String) throws {
        let personale = Data(
            ("id;profilo;contratto;ente_tipo;ente_codice_istat;dal;al;percentuale\nP1;assistente_sociale;tempo_indeterminato;comune;048001;2024-01-01;;100\n"
                + row + "\n").utf8)
        let files = ["comuni.csv": Self.comuni, "personale.csv": personale]
        guard !message.isEmpty else {
            #expect(try RosterLoader.load(csvFiles: files, name: "ATS-1").roster.staff.count == 2)
            return
        }
        let errors = Self.errors { try RosterLoader.load(csvFiles: files, name: "ATS-1") }
        #expect(errors.count == 1, "\(errors)")
        let first = try #require(errors.first)
        #expect(first.code == .rigaDiTotale)
        #expect(first.place.description.hasSuffix(place), "\(first.place)")
        #expect(first.message.contains(message))
    }

    /// The errors `load` throws (none when it loads).
    static func errors(_ load: () throws -> RosterLoader.Loaded) -> [InputDiagnostic] {
        do {
            _ = try load()
            return []
        } catch let error as InputError {
            return error.errors
        } catch {
            return []
        }
    }

    /// A comune with rows for given years and one without a year: the row without a year stands
    /// for the other years only. Said at its `anno` cell; not said with one kind of row only.
    @Test(
        "a comune's row without a year beside rows of given years is a warning at that row",
        arguments: [
            ("048001;Uno;2025;10000\n048001;Uno;2026;10100\n048001;Uno;;9000\n", "comuni.csv:4", true),
            ("048001;Uno;;9000\n048001;Uno;2025;10000\n", "comuni.csv:2", true),
            ("048001;Uno;2025;10000\n048001;Uno;2026;10100\n", "", false),
            ("048001;Uno;;9000\n", "", false),
        ])
    func rowWithoutYear(rows: String, place: String, warned: Bool) throws {
        let comuni = Data(("codice_istat;denominazione;anno;popolazione\n" + rows).utf8)
        let loaded = try RosterLoader.load(
            csvFiles: ["comuni.csv": comuni, "personale.csv": Self.personale([("2024-01-01", "")])], name: "ATS-1")
        let found = loaded.warnings.filter { $0.code == .rigaSenzaAnno }
        #expect(found.count == (warned ? 1 : 0), "\(found)")
        if let warning = found.first {
            #expect(warning.place.description.contains(place + " (colonna anno)"), "\(warning.place)")
            #expect(warning.message.contains("vale solo per gli altri anni"))
        }
        // The figures are the ones of each year, as before.
        if warned { #expect(try #require(loaded.roster.municipalities.first).residents.count(in: 2025) == 10000) }
    }
}
