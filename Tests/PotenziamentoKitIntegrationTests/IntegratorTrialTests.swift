import Foundation
import PotenziamentoKit
import Testing

/// What an integrator's trial of the public API found (2026-11-28): an error with no message, a
/// scenario that made a roster its own decoder refuses, vocabulary values of any length echoed
/// whole. Each is an error with a place and an Italian message now, through the public API only.
@Suite("An integrator's trial: errors that say what is wrong, rosters that stay valid")
struct IntegratorTrialTests {
    static let comuni = Data("codice_istat;denominazione;popolazione\n048001;Uno;10000\n".utf8)
    static let personale = Data(
        "id;profilo;contratto;ente_tipo;ente_codice_istat;dal;al;percentuale\nP1;assistente_sociale;tempo_indeterminato;comune;048001;2024-01-01;;100\n".utf8)

    @Test(
        "a folder or workbook name that cannot be the ATS's code is an error that says so, never an error with no message",
        arguments: [String(repeating: "x", count: 201), "a\nb"])
    func nameThatCannotBeACode(name: String) throws {
        #expect {
            try RosterLoader.load(csvFiles: ["comuni.csv": Self.comuni, "personale.csv": Self.personale], name: name)
        } throws: { error in
            guard let error = error as? InputError, let first = error.errors.first else { return false }
            return error.errorCount == 1 && first.message.contains("non può fare da codice e denominazione dell'ambito")
                && first.message.contains("ambito.csv") && !error.localizedDescription.isEmpty
        }
        // The same files with a name that can be one load, with the warning that the name is used.
        let loaded = try RosterLoader.load(csvFiles: ["comuni.csv": Self.comuni, "personale.csv": Self.personale], name: "ATS-1")
        #expect(loaded.roster.ambito.code == "ATS-1")
        #expect(loaded.warnings.contains { $0.code == .fileMancante })
    }

    @Test("an input error built with no error still says something")
    func errorWithoutErrors() {
        #expect(!InputError(diagnostics: []).localizedDescription.isEmpty)
        let warningOnly = InputDiagnostic(.warning, .fileMancante, SourcePlace(file: "x"), "avviso")
        #expect(InputError(diagnostics: [warningOnly]).description.contains("avviso"))
    }

    @Test(
        "a cessazione or variazione from a date outside 1900-2200 is an error: the changed roster reads back as itself",
        arguments: [(9_999, 12, 31), (9_999, 1, 1), (2_201, 1, 1), (1_899, 12, 31)])
    func changeOutOfRange(year: Int, month: Int, day: Int) throws {
        let roster = try RosterLoader.load(csvFiles: ["comuni.csv": Self.comuni, "personale.csv": Self.personale], name: "ATS-1").roster
        let date = try #require(CivilDate(year: year, month: month, day: day))
        let id = try PersonID("P1")
        for change in [ScenarioChange.termination(id: id, from: date), .shareChange(id: id, from: date, share: try WorkShare(percent: Fraction(50)))] {
            #expect {
                try Scenario(changes: [change]).apply(to: roster)
            } throws: { error in
                guard case .invalidValue(let invalid) = error as? ScenarioError else { return false }
                return invalid.code == .dataFuoriIntervallo && invalid.message.contains("fuori intervallo")
            }
        }
        // The last day a period can have still applies, and the roster reads back as itself.
        let changed = try Scenario(changes: [.termination(id: id, from: try #require(CivilDate(year: 2_200, month: 12, day: 31)))]).apply(to: roster)
        #expect(try JSONDecoder().decode(Roster.self, from: JSONEncoder().encode(changed)) == changed)
    }

    @Test("years of a simulation out of order are an error, not one year evaluated")
    func yearsOutOfOrder() throws {
        let roster = try RosterLoader.load(csvFiles: ["comuni.csv": Self.comuni, "personale.csv": Self.personale], name: "ATS-1").roster
        #expect {
            try ScenarioEvaluator().evaluate(Scenario(), on: roster, from: 2026, through: 2025)
        } throws: { error in
            guard case .years(let invalid) = error as? ScenarioEvaluator.EvaluationError else { return false }
            return invalid.message.contains("viene prima del primo")
        }
        #expect(try ScenarioEvaluator().evaluate(Scenario(), on: roster, from: 2025, through: 2026).map(\.year) == [2025, 2026])
    }

    @Test("a profile, contract or kind of employer of more than 1.000 characters is refused with a short message, not compared for seconds")
    func longVocabularyValues() {
        let long = "altro: " + String(repeating: "x", count: 100_000)
        let cases: [(String, () throws -> Void)] = [
            ("profilo", { _ = try Profile(long) }), ("contratto", { _ = try Contract(long) }),
            ("tipo di ente", { _ = try EmployerKind(parsing: String(repeating: "x", count: 100_000)) }),
            ("profilo", { _ = try Profile("altro: " + String(repeating: "é", count: 994)) }),
        ]
        for (what, make) in cases {
            #expect {
                try make()
            } throws: { error in
                guard let invalid = error as? InvalidValue else { return false }
                return invalid.code == .fuoriMisura && invalid.message.hasPrefix(what) && invalid.message.count < 400
            }
        }
        // Up to the limit, and with the line breaks and tabs a spreadsheet cell may hold, read as before.
        #expect((try? Profile("altro: " + String(repeating: "é", count: 993)))?.kind == .altro)
        #expect((try? Profile("assistente_sociale\n"))?.kind == .assistenteSociale)
        #expect((try? Profile("Assistente\tsociale"))?.kind == .assistenteSociale)
        #expect((try? Contract("Tempo indeterminato"))?.kind == .tempoIndeterminato)
    }
}

/// The roster written back in the input formats: an HR tool builds it in code and hands it on.
@Suite("A roster written in the formats the readers read")
struct RosterExportTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The example (residents by year for some comuni, ATS-level staff, hours and percentages,
    /// areas) and a roster built in code.
    static func rosters() throws -> [Roster] {
        let example = try RosterLoader.load(path: root.appendingPathComponent("Examples/ambito-esempio.json").path).roster
        let built = try Roster(
            ambito: Ambito(code: "ATS-HR", name: "Ambito dal gestionale"),
            municipalities: [
                Municipality(istatCode: "048001", name: "Uno", residents: Residents(12_000)),
                Municipality(istatCode: "048002", name: "Due; «virgolette» \"e\" punto e virgola", residents: Residents(byYear: [2025: 3_000, 2026: 3_100])),
            ],
            staff: [
                StaffRecord(
                    id: PersonID("HR-1"), profile: Profile("assistente_sociale"), contract: Contract("tempo_indeterminato"),
                    employer: Employer(kind: .comune, istatCode: "048001"),
                    periods: [
                        ServicePeriod(
                            start: CivilDate(year: 2024, month: 3, day: 1)!, end: CivilDate(year: 2025, month: 6, day: 30)!,
                            share: WorkShare(percent: Fraction(numerator: 8333, denominator: 100)!)),
                        ServicePeriod(
                            start: CivilDate(year: 2025, month: 7, day: 1)!, end: nil, share: WorkShare(weeklyHours: Fraction(30), fullTimeHours: Fraction(36))),
                    ]),
                StaffRecord(
                    id: PersonID("HR-2"), profile: Profile("altro: educatore"), contract: Contract("tempo_determinato"),
                    employer: Employer(kind: .consorzio),
                    periods: [ServicePeriod(start: CivilDate(year: 2025, month: 1, day: 1)!, end: nil, share: WorkShare(percent: Fraction(100)))]),
            ])
        return [example, built]
    }

    @Test("JSON, CSV files and workbooks read back as the same roster, and give the same bytes twice")
    func roundTrips() throws {
        for roster in try Self.rosters() {
            let json = try RosterExport.json(roster)
            #expect(try RosterLoader.load(jsonData: json, name: "ambito.json").roster == roster)
            #expect(try RosterExport.json(roster) == json)
            let files = RosterExport.csvFiles(roster)
            #expect(Set(files.keys) == ["ambito.csv", "comuni.csv", "personale.csv"])
            #expect(try RosterLoader.load(csvFiles: files, name: roster.ambito.code).roster == roster)
            for kind in SpreadsheetKind.allCases {
                let bytes = try RosterExport.workbook(roster, kind: kind)
                #expect(try RosterLoader.load(workbookData: bytes, name: "ambito.\(kind.rawValue)").roster == roster, "\(kind)")
                #expect(try RosterExport.workbook(roster, kind: kind) == bytes)
            }
        }
    }
}

/// The second integrator's trial (2026-11-29): rosters at the edges of the rules that the CSV
/// files or the workbooks did not give back (a person without periods left out, a share of 15
/// decimals rounded to 100 %, a date of February 1900 refused).
@Suite("Rosters at the edges of the rules read back as themselves from every format")
struct RosterExportEdgeTests {
    /// A roster of one comune and one person with `periods` and `areas`.
    static func roster(_ periods: [ServicePeriod], areas: AreaSplit = .unspecified) throws -> Roster {
        try Roster(
            ambito: Ambito(code: "ATS-E", name: "Ai limiti"), municipalities: [Municipality(istatCode: "048001", name: "Uno", residents: Residents(30_000))],
            staff: [
                StaffRecord(
                    id: PersonID("E-1"), profile: .socialWorker, contract: Contract("tempo_indeterminato"),
                    employer: Employer(kind: .comune, istatCode: "048001"),
                    periods: periods, areas: areas)
            ])
    }

    static func period(_ year: Int, _ month: Int, _ day: Int, percent: Fraction) throws -> ServicePeriod {
        try ServicePeriod(start: CivilDate(year: year, month: month, day: day)!, end: nil, share: WorkShare(percent: percent))
    }

    enum Edge: String, CaseIterable, Sendable { case noPeriods, share15Decimals, smallShare15Decimals, areas15Decimals, february1900 }

    @Test("each edge reads back equal from JSON, CSV files, xlsx and ods", arguments: Edge.allCases)
    func roundTrip(_ edge: Edge) throws {
        let fifteen = try #require(Fraction(numerator: 99_999_999_999_999_999, denominator: 1_000_000_000_000_000))
        let tiny = try #require(Fraction(numerator: 1_000_000_000_000_001, denominator: 1_000_000_000_000_000))
        let roster: Roster
        switch edge {
        case .noPeriods: roster = try Self.roster([])
        case .share15Decimals: roster = try Self.roster([Self.period(2020, 1, 1, percent: fifteen)])
        case .smallShare15Decimals: roster = try Self.roster([Self.period(2020, 1, 1, percent: tiny)])
        case .areas15Decimals:
            let small = try #require(Fraction(numerator: 1, denominator: 1_000_000_000_000_000))
            roster = try Self.roster(
                [Self.period(2020, 1, 1, percent: Fraction(100))], areas: AreaSplit([.povertaDisagioAdulti: small, .segretariatoSociale: fifteen]))
        case .february1900: roster = try Self.roster([Self.period(1900, 2, 28, percent: Fraction(100))])
        }
        #expect(try RosterLoader.load(jsonData: RosterExport.json(roster), name: "ambito.json").roster == roster)
        let csv = try RosterLoader.load(csvFiles: RosterExport.csvFiles(roster), name: "ATS-E")
        #expect(csv.roster == roster)
        for kind in SpreadsheetKind.allCases {
            let loaded = try RosterLoader.load(workbookData: RosterExport.workbook(roster, kind: kind), name: "ambito.\(kind.rawValue)")
            #expect(loaded.roster == roster, "\(kind)")
            // A person without periods is said, not only kept.
            if edge == .noPeriods { #expect(loaded.warnings.contains { $0.code == .nessunPeriodo }) }
        }
        if edge == .noPeriods { #expect(csv.warnings.contains { $0.code == .nessunPeriodo }) }
    }
}

/// A roster the JSON format cannot hold is refused by the JSON writer, and written by the others.
@Suite("A roster only CSV files and workbooks can hold")
struct RosterExportLimitTests {
    @Test("a comune with a population for every year beside single years: JSON refuses it, CSV and workbooks read back equal")
    func everyYearBesideSingleYears() throws {
        let roster = try Roster(
            ambito: Ambito(code: "ATS-M", name: "Misto"),
            municipalities: [
                Municipality(istatCode: "048001", name: "Uno", residents: try Residents(12_000).replacing(year: 2025, with: 11_000)),
                Municipality(istatCode: "048002", name: "Due", residents: try Residents(3_000)),
            ], staff: [])
        #expect {
            try RosterExport.json(roster)
        } throws: { error in
            (error as? InputError)?.errors.first?.code == .formatoDocumento
        }
        #expect(try RosterLoader.load(csvFiles: RosterExport.csvFiles(roster), name: "ATS-M").roster == roster)
        for kind in SpreadsheetKind.allCases {
            #expect(try RosterLoader.load(workbookData: RosterExport.workbook(roster, kind: kind), name: "m.\(kind.rawValue)").roster == roster)
        }
    }
}

/// Found by a regional analyst's trial: a row of total labelled `Somma` (a real comune is called
/// Somma Lombardo, so the label cannot be refused) doubled the residents with no word.
@Suite("A comune with as many residents as all the others")
struct SumRowTests {
    static func roster(_ rows: [(code: String, residents: Residents)]) throws -> Roster {
        try Roster(
            ambito: Ambito(code: "ATS-S", name: "Somme"),
            municipalities: rows.map { try Municipality(istatCode: $0.code, name: "Comune \($0.code)", residents: $0.residents) }, staff: [])
    }

    @Test(
        "is a warning at its residents, once, in any year it holds; two comuni, or no such comune, are not",
        arguments: [
            ([1_000, 2_000, 3_000], [nil, nil, 2] as [Int?]),
            ([5_000, 5_000], [nil, nil]),
            ([1_000, 2_000, 3_001], [nil, nil, nil]),
            ([4_000, 1_000, 1_000, 2_000], [0, nil, nil, nil]),
        ])
    func sumRow(residents: [Int], flagged: [Int?]) throws {
        let roster = try Self.roster(try residents.enumerated().map { (String(format: "%06d", 1 + $0), try Residents($1)) })
        let warned = roster.warnings.filter { $0.code == .rigaDiTotale }
        #expect(warned.count == flagged.compactMap { $0 }.count)
        for position in flagged.compactMap({ $0 }) {
            #expect(warned.contains { $0.message.contains("Comune \(String(format: "%06d", 1 + position))") && $0.severity == .warning })
        }
    }

    @Test("by year: a total in one year is found there")
    func byYear() throws {
        let roster = try Self.roster([
            ("000001", try Residents(byYear: [2025: 1_000, 2026: 1_100])), ("000002", try Residents(2_000)),
            ("000003", try Residents(byYear: [2025: 3_000, 2026: 3_000])),
        ])
        let warned = roster.warnings.filter { $0.code == .rigaDiTotale }
        #expect(warned.count == 1 && warned[0].message.contains("(2025)"), "\(warned)")
    }

    /// Found by an officer's trial (2026-11-29): `=SOMMA(C2:C9)` over a comuni sheet with a
    /// row per comune and year counted as a comune of 125.080 residents, contribution 0,00 €,
    /// with no word: its figure is no year's total, but every other row's together.
    @Test(
        "a figure for every year equal to all the other rows of every year together is a total row",
        arguments: [(6_200, true), (6_201, false), (3_050, false)])
    func sumOfEveryRow(figure: Int, flagged: Bool) throws {
        let roster = try Self.roster([
            ("000001", try Residents(byYear: [2025: 1_000, 2026: 1_100])), ("000002", try Residents(byYear: [2025: 2_000, 2026: 2_100])),
            ("000003", try Residents(figure)),
        ])
        let warned = roster.warnings.filter { $0.code == .rigaDiTotale }
        #expect(warned.count == (flagged ? 1 : 0), "\(warned)")
        if flagged { #expect(warned[0].message.contains("Comune 000003") && warned[0].message.contains("di ogni anno"), "\(warned)") }
    }
}
