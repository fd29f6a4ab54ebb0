import Foundation
import PotenziamentoFormats
import Testing

@testable import PotenziamentoKit

/// What an officer's trial of `simula` and `ciclo` found (2026-11-29): figures that could be
/// misread and messages that did not say what was wrong. Each as the officer met it.
@Suite("The officer's trial of simula and ciclo")
struct CycleAndPlanTrialTests {
    /// A file `name` with `text` in a new folder (as the mutation trial writes them).
    func file(_ name: String, _ text: String) throws -> String { try MutationTrialTests().file(name, text) }

    @Test("a decree that liquidated another amount gives the recupero on what it paid; a liquidato above the prenotato is said")
    func recoveryOnTheDecree() throws {
        let path = try file(
            "ciclo.csv",
            """
            anno;popolazione;fte_previsione;fte_consuntivo;fte_certificato;prenotato_decreto;liquidato_decreto
            2022;40.530;7,20;7,35;7,10;36.000,00;36.000,00
            2023;40.530;7,20;7,35;7,10;10.000,00;20.000,00
            2024;40.530;7,20;7,35;7,10;38.584,62;38.584,62

            """)
        let text = TestSupport.run("ciclo", path)
        #expect(text.status == .success, "\(text.standardError)")
        // 7,10 FTE on 40.530 residents: 34.584,62 €; paid 36.000,00 €, so 1.415,38 € to give back
        // (the table's 4.000,00 € is on the computed liquidato, 38.584,62 €).
        #expect(
            text.standardOutput.contains(
                "2022 recupero sul liquidato del decreto: max(36.000,00 € − 34.584,62 € sul certificato, 0) = 1.415,38 € (in tabella 4.000,00 €, sul liquidato calcolato)"
            ), "\(text.standardOutput)")
        // In every format, as a warning at its cell.
        #expect(
            text.standardError.contains(
                "\(path):3 (colonna liquidato_decreto): anno 2023: il liquidato del decreto (20.000,00 €) supera il prenotato del decreto (10.000,00 €)"),
            "\(text.standardError)")
        // A decree equal to the computation adds no line.
        #expect(!text.standardOutput.contains("2024 recupero sul liquidato del decreto"))
        #expect(!text.standardError.contains("anno 2022: il liquidato") && !text.standardError.contains("anno 2024: il liquidato"))
        let json = TestSupport.run("ciclo", path, "--formato", "json")
        #expect(json.standardError.contains("(colonna liquidato_decreto): anno 2023"))
        let document = try #require(JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        let years = try #require(document["anni"] as? [[String: Any]])
        #expect(years.map { ($0["recuperoSuDecreto"] as? NSNumber)?.decimalValue } == [Decimal(string: "1415.38"), 0, Decimal(string: "4000")])
    }

    @Test("a cessazione from the hire's first day, or from the last day the roster already has, is said at its date")
    func terminationOnTheEdges() throws {
        let plan = try file(
            "piano.csv",
            """
            tipo;id;dal;al;percentuale;ente;area;numero;comune;anno;popolazione
            cessazione;AS-033;2026-09-01;;;;;;;;
            cessazione;AS-029;2025-09-15;;;;;;;;
            cessazione;AS-010;2026-10-01;;;;;;;;

            """)
        let result = TestSupport.run("simula", TestSupport.path("Examples/ambito-esempio.json"), "--anno", "2026", "--piano", plan)
        #expect(result.status == .success, "\(result.standardError)")
        #expect(
            result.standardError.contains(
                "\(plan):2 (colonna dal): la cessazione di «AS-033» dal 01/09/2026 è dal suo primo giorno di servizio: non ne resta nessuno"),
            "\(result.standardError)")
        #expect(
            result.standardError.contains(
                "\(plan):3 (colonna dal): «AS-029» ha già nell'elenco come ultimo giorno di servizio il 15/09/2025: la data di una cessazione è il primo giorno fuori servizio, quindi questa anticipa la fine al 14/09/2025"
            ))
        // A cessazione inside the service is the usual case: no word.
        #expect(!result.standardError.contains("\(plan):4"))
    }

    @Test(
        "a row of totals under a plan or a cycle is said as such; an empty tipo says what to write",
        arguments: [
            (
                "piano.csv", "tipo;id;dal;percentuale;numero\nassunzione;;2026-09-01;100;2\nTotale;;;;2\n",
                ":3 (colonna tipo): «Totale» sembra una riga di totale"
            ),
            (
                "piano.csv", "tipo;id;dal;percentuale;area;numero\nassunzione;;2026-09-01;100;;2\n;;;;Totale;2\n",
                ":3 (colonna area): «Totale» sembra una riga di totale"
            ),
            (
                "piano.csv", "tipo;comune;anno;popolazione\nresidenti;099001;2027;31300\nresidenti;Totale;2027;43950\n",
                ":3 (colonna comune): «Totale» sembra una riga di totale"
            ),
            (
                "piano.csv", "tipo;id;dal;percentuale;numero\nassunzione;;2026-09-01;100;2\n;;;;2\n",
                ":3 (colonna tipo): tipo di modifica vuoto: scrivi assunzione"
            ),
            (
                "ciclo.csv", "anno;popolazione;fte_previsione\n2023;100.000;23\n2024;100.000;23\nTotale;;46\n",
                ":4 (colonna anno): «Totale» sembra una riga di totale, non una riga di anno: cancellala"
            ),
        ])
    func totalRows(name: String, text: String, expected: String) throws {
        let path = try file(name, text)
        let result =
            name == "ciclo.csv"
            ? TestSupport.run("ciclo", path)
            : TestSupport.run("simula", TestSupport.path("Examples/ambito-esempio.json"), "--anno", "2026", "--piano", path)
        #expect(result.status == .dataError)
        #expect(result.standardError.contains(path + expected), "\(result.standardError)")
        #expect(!result.standardError.contains("non valido «"), "\(result.standardError)")
    }

    @Test("a decree's amount for a step not given is a warning at its cell, not an empty comparison")
    func decreeWithoutStep() throws {
        let path = try file(
            "ciclo.csv",
            "anno;popolazione;fte_previsione;fte_consuntivo;fte_certificato;prenotato_decreto;liquidato_decreto\n2024;100.000;23;;;;210.000,00\n2025;100.000;;;;200.000,00;\n"
        )
        let result = TestSupport.run("ciclo", path)
        #expect(result.status == .success, "\(result.standardError)")
        #expect(
            result.standardError.contains("\(path):2 (colonna liquidato_decreto): anno 2024: liquidato del decreto senza gli FTE del consuntivo"),
            "\(result.standardError)")
        #expect(result.standardError.contains("\(path):3 (colonna prenotato_decreto): anno 2025: prenotato del decreto senza gli FTE della previsione"))
        // No heading of a comparison with nothing under it.
        #expect(!result.standardOutput.contains("Confronto con i decreti ricevuti"), "\(result.standardOutput)")
    }

    @Test("an amount written with the euro sign asks for the figure alone", arguments: ["55.846,15 €", "€ 55.846,15", "55846,15 EUR", "55.846,15\u{A0}€"])
    func euroSign(amount: String) throws {
        let path = try file("ciclo.csv", "anno;popolazione;fte_previsione;prenotato_decreto\n2023;100.000;23;\(amount)\n")
        let result = TestSupport.run("ciclo", path)
        #expect(result.status == .dataError)
        #expect(
            result.standardError.contains("scrivi solo la cifra, senza il simbolo € (o EUR) e senza spazi: per esempio 55.846,15"), "\(result.standardError)")
    }

    @Test("residents of a plan for a year the roster has are said to change the scenario only; a forecast is not")
    func residentsWhatIf() throws {
        let plan = try file(
            "piano.csv",
            """
            tipo;id;dal;al;percentuale;ente;area;numero;comune;anno;popolazione
            residenti;;;;;;;;099001;2027;31300
            residenti;;;;;;;;099002;2027;17000
            residenti;;;;;;;;099003;2027;12650

            """)
        let result = TestSupport.run(
            "simula", TestSupport.path("Examples/ambito-esempio.json"), "--anno", "2026", "--fino-al", "2027", "--piano", plan)
        #expect(result.status == .success, "\(result.standardError)")
        // 099002 has one figure for every year (17.300): the plan's 17.000 is a what-if.
        #expect(
            result.standardError.contains(
                "\(plan):3 (colonna popolazione): i residenti del comune 099002 nel 2027 (17.000) valgono solo per lo scenario: la situazione attuale resta su quelli dell'elenco (17.300)"
            ), "\(result.standardError)")
        // 099001 has no figure for 2027: the plan's is a forecast for both sides.
        #expect(!result.standardError.contains("\(plan):2") && !result.standardError.contains("\(plan):4"))
    }

    @Test("the simulation workbook: one bold, frozen header over the figures, each year's title bold, thresholds by name, descriptions on lines, the warnings")
    func simulationWorkbook() throws {
        let roster = try RosterLoader.load(path: TestSupport.path("Examples/ambito-esempio.json")).roster
        let hire = try PlannedHire(
            id: PersonID("NUOVA-1"), period: ServicePeriod(start: CivilDate(year: 2026, month: 4, day: 1)!, end: nil, share: .fullTime),
            employer: Employer(kind: .comune, istatCode: "099002"))
        let scenario = Scenario(changes: [.hire(hire)])
        let years = try ScenarioEvaluator().evaluate(scenario, on: roster, from: 2025, through: 2026)
        let planning = try ScenarioEvaluator.planning(for: years[0].scenario, hireStart: CivilDate(year: 2025, month: 1, day: 1)!)
        let changes = try scenario.appliedChanges(on: roster, year: 2025)
        let document = ReportWorkbooks.simulation(years, planning: planning, changes: changes, warnings: ["a.json: un avviso"])
        let comparison = try #require(document.sheets.first)
        #expect(comparison.name == "confronto" && comparison.frozenRows == 1)
        #expect(comparison.rows[0] == [.empty, .text("Situazione attuale"), .text("Scenario")])
        #expect(comparison.figureColumns == [1, 2])
        #expect(Set(comparison.boldRows.compactMap { comparison.rows[$0].first }) == [.text("Anno 2025"), .text("Anno 2026")])
        let targets = try #require(document.sheets.first { $0.name == "assunzioni necessarie" })
        #expect(targets.rows.dropFirst().map(\.first) == [.text("soglia minima (1/6.500)"), .text("LEP (1/5.000)"), .text("obiettivo di servizio (1/4.000)")])
        let descriptions = try #require(document.sheets.first { $0.name == "modifiche" }).rows.dropFirst().map { $0[1] }
        #expect(
            descriptions.allSatisfy { cell in
                guard case .text(let text) = cell else { return false }
                return text.split(separator: "\n").allSatisfy { $0.count <= 58 }
            })
        #expect(document.sheets.last?.name == "avvisi")
        #expect(document.sheets.last?.rows.contains([.text("a.json: un avviso")]) == true)
    }

    @Test("a plan's rows with errors and the problems of its other rows on the roster are said in one run")
    func planProblemsAtOnce() throws {
        let plan = try file(
            "piano.csv",
            """
            tipo;id;dal;al;percentuale;ente;area;numero;comune;anno;popolazione
            assunzione;;2026-04-01;;0,5;comune:099002;;;;;
            cessazione;AS-99;2026-10-01;;;;;;;;
            variazione;AS-004;2026-11-01;;100;;;;;;
            cessazione;AS-004;2026-11-01;;;;;;;;
            variazione;NUOVO-7;2026-11-01;;100;;;;;;
            assunzione;NUOVO-7;2026-13-01;;100;comune:099002;;;;;

            """)
        let result = TestSupport.run("simula", TestSupport.path("Examples/ambito-esempio.json"), "--anno", "2026", "--piano", plan)
        #expect(result.status == .dataError)
        for expected in [
            ":2 (colonna percentuale): percentuale 0,5 ambigua", ":7 (colonna dal): data inesistente «2026-13-01»",
            ":3 (colonna id): la persona «AS-99» non è nell'elenco del personale", ":5 (colonna dal): due modifiche di «AS-004» dal 01/11/2026",
        ] {
            #expect(result.standardError.contains(plan + expected), "\(expected)\n\(result.standardError)")
        }
        // The variazione of a person whose hire is on a row with an error is not judged without it.
        #expect(!result.standardError.contains("NUOVO-7"), "\(result.standardError)")
        // A roster that cannot be read is said with the plan's errors.
        let missing = TestSupport.run("simula", "/nessuna/cartella/ambito.json", "--anno", "2026", "--piano", plan)
        #expect(missing.status == .noInput && missing.standardError.contains(plan + ":2 (colonna percentuale)"), "\(missing.standardError)")
    }

    @Test("a plan's area may be written as the reports print it; the delega of an ASL hire is asked as the plan writes it")
    func areaLabelsAndDelega() throws {
        let plan = try file(
            "piano.csv",
            """
            tipo;id;dal;percentuale;ente;area;delega
            assunzione;N-1;2026-04-01;100;comune:099002;Servizio sociale professionale;
            assunzione;N-2;2026-04-01;100;comune:099002;Famiglia, minori, anziani autosufficienti;
            assunzione;N-3;2026-04-01;100;comune:099002;POVERTÀ DISAGIO ADULTI;

            """)
        let result = TestSupport.run("simula", TestSupport.path("Examples/ambito-esempio.json"), "--anno", "2026", "--piano", plan, "--formato", "json")
        #expect(result.status == .success, "\(result.standardError)")
        #expect(try ActivityArea.parse(written: "Disabilità, non autosufficienza") == .disabilitaNonAutosufficienza)
        #expect(throws: InvalidValue.self) { try ActivityArea.parse(written: "Servizio sociale") }
        let asl = try file("asl.csv", "tipo;id;dal;percentuale;ente;area;delega\nassunzione;N-1;2026-04-01;100;asl;;\n")
        let refused = TestSupport.run("simula", TestSupport.path("Examples/ambito-esempio.json"), "--anno", "2026", "--piano", asl)
        #expect(refused.standardError.contains("nella colonna delega del piano o con delega=si / delega=no nell'opzione"), "\(refused.standardError)")
    }

    @Test(
        "a share below 10 % of a person who counts is a warning at its column, in a roster and in a plan; not for a person who does not count",
        arguments: [("5", true, "assistente_sociale"), ("9,99", true, "assistente_sociale"), ("10", false, "assistente_sociale"), ("5", false, "educatore")])
    func smallShares(share: String, warned: Bool, profile: String) throws {
        let folder = try PlansAndTablesReviewTests.folder(rows: [
            "AS-1;\(profile);tempo_indeterminato;comune;099001;2020-01-01;;\(share);;;100;;;;"
        ])
        let loaded = try RosterLoader.load(path: folder.path)
        let warning = loaded.warnings.first { $0.code == .valoreImprobabile }
        #expect((warning != nil) == warned, "\(loaded.warnings)")
        if let warning { #expect(warning.place.description.hasSuffix(":2 (colonna percentuale)"), "\(warning.place)") }
    }

    @Test("a plan's share below 10 % is a warning at its cell")
    func smallShareInAPlan() throws {
        let plan = try file("piano.csv", "tipo;id;dal;percentuale;ore_settimanali\nvariazione;AS-005;2026-07-01;1.5;\nvariazione;AS-007;2026-07-01;;3\n")
        let result = TestSupport.run("simula", TestSupport.path("Examples/ambito-esempio.json"), "--anno", "2026", "--piano", plan)
        #expect(result.status == .success, "\(result.standardError)")
        #expect(result.standardError.contains("\(plan):2 (colonna percentuale): quota di 1,5 % del tempo pieno, meno del 10 %"), "\(result.standardError)")
        #expect(result.standardError.contains("\(plan):3 (colonna ore_settimanali): quota di 3 h su 36, meno del 10 %"), "\(result.standardError)")
    }

    /// A trial of the SIOSS prospetto: a column of the areas by entity summed in a spreadsheet was
    /// a hundredth off the «Totale ambito» row, with no word on the page.
    @Test("the prospetto says when a column of the areas by entity does not add up to the ATS's area, and only then")
    func areaColumnsNote() throws {
        let roster = try RosterLoader.load(path: TestSupport.path("Examples/ambito-esempio.json")).roster
        let prospetto = try Prospetto(roster: roster, campaign: 2026)
        var differs: [Bool] = []
        for (assessment, declaration) in [(prospetto.consuntivo, prospetto.consuntivoDeclaration), (prospetto.previsione, prospetto.previsioneDeclaration)] {
            let rows = assessment.entitiesWithAreasToDeclare(declaration)
            let column = { (area: ActivityArea) in rows.reduce(Fraction.zero) { $0 + $1.areas[area] } }
            differs.append(ActivityArea.allCases.contains { column($0) != declaration.areas[$0] })
            #expect((ProspettoContent.areaColumnsNote([rows.map(\.areas)], totals: [declaration.areas]) != nil) == differs.last)
        }
        // The example has one year of each kind: the test sees both branches.
        #expect(Set(differs) == [true, false], "\(differs)")
        let text = TestSupport.run("prospetto", TestSupport.path("Examples/ambito-esempio.json"), "--campagna", "2026").standardOutput
        #expect(text.components(separatedBy: "Le aree di ogni ente sono arrotondate").count - 1 == differs.count { $0 })
        let html = TestSupport.run("prospetto", TestSupport.path("Examples/ambito-esempio.json"), "--campagna", "2026", "--formato", "html").standardOutput
        #expect(html.contains("<p class=\"note\">Le aree di ogni ente sono arrotondate"))
    }

    /// A trial of the SIOSS prospetto: the comune capofila's code was given on its staff's rows,
    /// but the box said «cod. ISTAT —», and no table said which comune is the capofila.
    @Test("the comune capofila is named with its comune and code when its staff name one, and only then")
    func capofilaNamed() throws {
        let loaded = try RosterLoader.load(path: TestSupport.path("Examples/ambito-esempio.json"))
        let assessment = try RosterAssessor().assess(loaded.roster, year: 2026)
        #expect(assessment.capofilaCode == "099001")
        #expect(assessment.entities.contains { $0.key == "comune_capofila" && $0.name == "Comune capofila: Borgo Alto" })
        let text = TestSupport.run("prospetto", TestSupport.path("Examples/ambito-esempio.json"), "--campagna", "2026").standardOutput
        #expect(text.contains("Comune capofila: Borgo Alto (099001)"), "\(text)")
        // Staff of the capofila naming two comuni: no single comune to name.
        let staff =
            loaded.roster.staff + [
                try StaffRecord(
                    id: PersonID("CAP-2"), profile: .socialWorker, contract: Contract("tempo_indeterminato"),
                    employer: Employer(kind: .comuneCapofila, istatCode: "099002"),
                    periods: [ServicePeriod(start: CivilDate(year: 2026, month: 1, day: 1)!, end: nil, share: .fullTime)])
            ]
        let two = try RosterAssessor().assess(try loaded.roster.replacing(staff: staff), year: 2026)
        #expect(two.capofilaCode == nil)
        #expect(two.entities.contains { $0.key == "comune_capofila" && $0.name == "Comune capofila in convenzione" })
        // … and said (a consortium's trial: the name was lost with no word), once, at the second code.
        #expect(!loaded.roster.warnings.contains { $0.code == .capofilaDiversi })
        let warned = try loaded.roster.replacing(staff: staff).warnings.filter { $0.code == .capofilaDiversi }
        #expect(warned.count == 1)
        #expect(warned.first?.description.contains("«CAP-2» indica come comune capofila 099002, «AS-030» 099001") == true, "\(warned)")
        // In a CSV roster, at the cell of the second code.
        let folder = try TestSupport.exampleCopy(at: try TestSupport.temporaryFolder().appendingPathComponent("a"), editing: "personale.csv") {
            $0 + "CAP-2;assistente_sociale;tempo_indeterminato;comune_capofila;099002;;;;2026-01-01;;100;;;;;\n"
        }
        let csv = try RosterLoader.load(path: folder.path).warnings.filter { $0.code == .capofilaDiversi }
        #expect(csv.map(\.description).first?.hasPrefix("\(folder.path)/personale.csv:38 (colonna ente_codice_istat): «CAP-2»") == true, "\(csv)")
    }

    @Test("the prospetto's JSON gives each entity's areas to declare, adding up to its figure to declare")
    func entityAreasToDeclareInJSON() throws {
        let json = TestSupport.run("prospetto", TestSupport.path("Examples/ambito-esempio.json"), "--campagna", "2026", "--formato", "json").standardOutput
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        func hundredths(_ value: Any?) -> Int? { (value as? NSNumber).map { Int(($0.doubleValue * 100).rounded()) } }
        var entities = 0
        for year in ["consuntivo", "previsione"] {
            for entity in try #require((document[year] as? [String: Any])?["enti"] as? [[String: Any]]) {
                let areas = try #require(entity["areeDaDichiarare"] as? [String: Any])
                #expect(areas.count == ActivityArea.allCases.count + 1)
                #expect(areas.values.compactMap(hundredths).reduce(0, +) == hundredths(entity["fteDaDichiarare"]), "\(entity)")
                entities += 1
            }
        }
        #expect(entities > 10)
    }

    @Test("the staff fingerprint of a batch's duplicate check: the same persons in any order, another for a changed period, id or employer")
    func staffFingerprint() throws {
        let roster = try RosterLoader.load(path: TestSupport.path("Examples/ambito-esempio.json")).roster
        let print = roster.staffFingerprint
        #expect(try roster.replacing(staff: roster.staff.reversed()).staffFingerprint == print)
        // The sum of each record's fingerprint, whatever the order of the sum.
        #expect(roster.staff.reduce(0 as UInt64) { $0 &+ StaffRecord.fingerprint(of: $1) } == print)
        var changed = roster.staff
        let first = changed[0]
        let moved = try ServicePeriod(start: try #require(first.periods[0].start.adding(days: 1)), end: first.periods[0].end, share: first.periods[0].share)
        changed[0] = try StaffRecord(
            id: first.id, profile: first.profile, contract: first.contract, employer: first.employer, periods: [moved] + first.periods.dropFirst(),
            areas: first.areas)
        #expect(try roster.replacing(staff: changed).staffFingerprint != print)
        changed[0] = try StaffRecord(
            id: PersonID("ALTRO-1"), profile: first.profile, contract: first.contract, employer: first.employer, periods: first.periods, areas: first.areas)
        #expect(try roster.replacing(staff: changed).staffFingerprint != print)
        changed[0] = try StaffRecord(
            id: first.id, profile: first.profile, contract: first.contract, employer: Employer(kind: .comune, istatCode: "099006"), periods: first.periods,
            areas: first.areas)
        #expect(try roster.replacing(staff: changed).staffFingerprint != print)
    }
}

/// Found by an officer's year (2026-11-29): a cessazione dated 2017 for 2027 changed the
/// scenario by −21.589 € with no word, while a hire dated before the year was warned of.
@Suite("Changes dated before the simulated years")
struct ChangesBeforeTheYearsTests {
    @Test(
        "a cessazione or variazione of a year before the simulation is a warning at its date; one inside the year is not",
        arguments: [
            (["--cessazione", "id=AS-001,dal=2022-07-01"], "la cessazione di «AS-001» è dal 01/07/2022, prima del 2026"),
            (["--variazione", "id=AS-002,dal=2021-01-01,percentuale=50"], "la variazione di «AS-002» è dal 01/01/2021, prima del 2026"),
            (["--cessazione", "id=AS-001,dal=2026-01-01"], nil),
        ] as [([String], String?)])
    func before(option: [String], warning: String?) {
        let result = TestSupport.run(arguments: ["simula", TestSupport.path("Examples/ambito-esempio"), "--anno", "2026"] + option)
        #expect(result.status == .success, "\(result.standardError)")
        if let warning {
            #expect(result.standardError.contains("\(option[0]) \(option[1]): \(warning)"), "\(result.standardError)")
        } else {
            #expect(!result.standardError.contains("prima del 2026"), "\(result.standardError)")
        }
    }
}
