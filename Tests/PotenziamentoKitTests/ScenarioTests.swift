import Foundation
import Testing

@testable import PotenziamentoCLI
@testable import PotenziamentoKit

@Suite("What-if scenarios")
struct ScenarioTests {
    /// 50.000 residents: T65 = 7,6923, T50 = 10, T40 = 12,5. Eight full-time AS: fascia A.
    static let roster = RosterFactory.roster((0..<8).map { RosterFactory.worker("W\($0)") })

    static func hire(_ start: String, _ percentage: Int = 100, id: String = "N1") -> ScenarioChange {
        .hire(
            PlannedHire(
                id: try! PersonID(id), period: try! ServicePeriod(start: CivilDate.parse(start)!, end: nil, share: WorkShare(percent: Fraction(percentage))),
                employer: RosterFactory.comune()))
    }

    func evaluate(_ changes: [ScenarioChange], roster: Roster = ScenarioTests.roster, year: Int = 2025) throws -> ScenarioYear {
        try ScenarioEvaluator().evaluate(Scenario(changes: changes), on: roster, from: year, through: year)[0]
    }

    @Test("a full-year full-time hire in fascia A adds exactly 40.000,00 €")
    func fullYearInBandA() throws {
        let result = try evaluate([Self.hire("2020-01-01")])
        #expect(result.scenario.fte - result.base.fte == .one)
        #expect(result.difference == EuroCents(euros: 40_000))
    }

    @Test("a hire that crosses T50 is split between the fasce")
    func crossingLEP() throws {
        // 9,5 FTE → 10,5 FTE: 0,5 FTE in fascia A (20.000 €) and 0,5 in fascia B (10.000 €).
        let staff = (0..<9).map { RosterFactory.worker("W\($0)") } + [RosterFactory.worker("H", periods: [RosterFactory.period("2020-01-01", nil, 50)])]
        let result = try evaluate([Self.hire("2020-01-01")], roster: RosterFactory.roster(staff))
        #expect(result.difference == EuroCents(euros: 30_000))
        #expect(result.scenario.contribution.bandB.fte == Fraction(1, 2))
    }

    @Test("a hire on 1 July 2025 adds 184/365 FTE")
    func julyHire() throws {
        let result = try evaluate([Self.hire("2025-07-01")])
        #expect(result.scenario.fte - result.base.fte == Fraction(184, 365))
    }

    @Test("a termination lowers the contribution; the person leaves from the given day")
    func termination() throws {
        let result = try evaluate([.termination(id: "W0", from: CivilDate(year: 2025, month: 7, day: 1)!)])
        #expect(result.base.fte - result.scenario.fte == Fraction(184, 365))
        #expect(result.difference < .zero)
    }

    @Test("a change of percentuale from a date")
    func percentageChange() throws {
        let result = try evaluate([.shareChange(id: "W0", from: CivilDate(year: 2025, month: 7, day: 1)!, share: try WorkShare(percent: Fraction(50)))])
        #expect(result.base.fte - result.scenario.fte == Fraction(92, 365))
    }

    @Test("a change about a person who does not count adds no FTE, and says why")
    func changesThatDoNotCount() throws {
        let asl = try Employer(kind: .asl, istatCode: nil, delegatedFunctions: false, costReimbursed: false)
        let hire = ScenarioChange.hire(
            PlannedHire(
                id: "ASL1", period: try ServicePeriod(start: CivilDate(year: 2025, month: 1, day: 1)!, end: nil, share: .fullTime), employer: asl))
        let scenario = Scenario(changes: [
            hire, .shareChange(id: "ASL1", from: CivilDate(year: 2025, month: 7, day: 1)!, share: try WorkShare(percent: Fraction(50))),
            Self.hire("2025-01-01"),
        ])
        let applied = try scenario.appliedChanges(on: Self.roster, year: 2025)
        #expect(applied.map(\.fteInYear) == [.zero, .zero, .one])
        #expect(applied.map(\.exclusion) == [.aslSenzaDelega, .aslSenzaDelega, nil])
        #expect(applied[0].description.hasSuffix("0,0000 FTE nel 2025 (non conta: \(ExclusionReason.aslSenzaDelega.label))"), "\(applied[0])")
        // The changes shown add up to what the scenario adds.
        let result = try evaluate(scenario.changes)
        #expect(result.scenario.fte - result.base.fte == applied.compactMap(\.fteInYear).reduce(.zero, +))
    }

    @Test("a decoded year of a scenario keeps its figures, and is refused with an assessment of another year")
    func decodedYear() throws {
        let year = try evaluate([Self.hire("2025-01-01")])
        let encoded = try JSONEncoder().encode(year)
        #expect(try JSONDecoder().decode(ScenarioYear.self, from: encoded) == year)
        let later = try ScenarioEvaluator().evaluate(Scenario(changes: [Self.hire("2025-01-01")]), on: Self.roster, from: 2027, through: 2027)[0]
        var object = try #require(try JSONSerialization.jsonObject(with: encoded) as? [String: Any])
        object["scenario"] = try JSONSerialization.jsonObject(with: JSONEncoder().encode(later.scenario))
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(ScenarioYear.self, from: JSONSerialization.data(withJSONObject: object)) }
    }

    @Test("evaluating a scenario never mutates the baseline roster")
    func baselineUntouched() throws {
        let roster = Self.roster
        let before = roster
        _ = try evaluate([Self.hire("2025-01-01"), .termination(id: "W1", from: CivilDate(year: 2025, month: 3, day: 1)!)], roster: roster)
        #expect(roster == before)
        let applied = try Scenario(changes: [Self.hire("2025-01-01")]).apply(to: roster)
        #expect(applied.staff.count == roster.staff.count + 1)
        #expect(roster.staff.count == 8)
    }

    @Test("unknown persons and comuni, repeated ids are errors")
    func errors() {
        #expect(throws: ScenarioError.unknownPerson("X")) {
            try Scenario(changes: [.termination(id: "X", from: CivilDate(year: 2025, month: 1, day: 1)!)]).apply(to: Self.roster)
        }
        #expect(throws: ScenarioError.unknownMunicipality("999999")) {
            try Scenario(changes: [.residents(istatCode: "999999", year: 2025, residents: 10)]).apply(to: Self.roster)
        }
        #expect(throws: ScenarioError.duplicateId("W0")) { try Scenario(changes: [Self.hire("2025-01-01", id: "W0")]).apply(to: Self.roster) }
    }

    @Test("targets: hires needed by a date, marginal value per fascia, population sensitivity")
    func planning() throws {
        // 50.000 residents, 8 FTE: 2 FTE missing to the LEP; a hire from 1 July gives 184/365.
        let assessment = try RosterAssessor().assess(Self.roster, year: 2025)
        let figures = try ScenarioEvaluator.planning(for: assessment, hireStart: CivilDate(year: 2025, month: 7, day: 1)!)
        #expect(figures.fteOfOneHire == Fraction(184, 365))
        #expect(figures.targets.map(\.missingFTE) == [.zero, Fraction(2), Fraction(9, 2)])
        #expect(figures.targets.map(\.hiresNeeded) == [0, 4, 9])
        #expect(figures.marginalFullYear == EuroCents(euros: 40_000))
        // The marginal value is what the ATS receives extra: the difference of two rounded contributions
        // (20.164,39 €), within a cent of the exact 184/365 × 40.000 = 20.164,3835…
        let calculator = ContributionCalculator()
        let withHire = try calculator.assess(population: 50_000, fte: Fraction(8) + Fraction(184, 365), year: 2025).total
        #expect(figures.marginalFromStart == withHire - assessment.contribution.total)
        #expect(figures.marginalFromStart == EuroCents(cents: 2_016_439))
        let down = try #require(figures.sensitivity.first { $0.percent == -5 })
        #expect(down.population == 47_500)
        // Fewer residents lower T65 (47.500/6.500 = 7,3077): the same 8 FTE earn more.
        #expect(down.contribution == EuroCents(cents: 2_769_231))
        let capped = try ScenarioEvaluator.planning(
            for: try RosterAssessor().assess(RosterFactory.roster((0..<13).map { RosterFactory.worker("W\($0)") }), year: 2025),
            hireStart: CivilDate(year: 2025, month: 1, day: 1)!)
        #expect(capped.marginalFullYear == .zero)
        let late = try ScenarioEvaluator.planning(for: assessment, hireStart: CivilDate(year: 2026, month: 1, day: 1)!)
        #expect(late.targets[1].hiresNeeded == nil)
    }

    @Test("a reform applies to the scenario only")
    func reform() throws {
        let scenario = Scenario(overrides: [ParameterOverride(name: .importoFasciaA, value: .money(EuroCents(euros: 45_000)), fromYear: 2025)])
        let result = try ScenarioEvaluator().evaluate(scenario, on: Self.roster, from: 2025, through: 2025)[0]
        #expect(result.base.contribution.parameters.bandAAmount.value == EuroCents(euros: 40_000))
        #expect(result.scenario.contribution.parameters.bandAAmount.value == EuroCents(euros: 45_000))
        #expect(result.difference > .zero)
    }
}

@Suite("simula and parametri commands")
struct SimulaCommandTests {
    /// Found by a newcomer's trial: «Valore di un'assistente sociale in più» did not say it is on
    /// top of the scenario, nor why it was small (the objective 1/4.000 caps the contribution).
    @Test("the value of one more hire is on top of the scenario, and says when the objective caps it")
    func marginalValueWording() {
        let example = TestSupport.path("Examples/ambito-esempio.json")
        let plain = TestSupport.run("simula", example, "--anno", "2026").standardOutput
        #expect(plain.contains("oltre alle modifiche dello scenario (contributo 202.571,88 €)"), "\(plain)")
        #expect(!plain.contains("il contributo non cresce"))
        let past = TestSupport.run("simula", example, "--anno", "2026", "--assunzione", "dal=2026-01-01,ente=comune:099001,numero=2").standardOutput
        // 18,8377 + 2 FTE against 20,2175: 0,62 FTE earn nothing (an officer's trial: not said).
        #expect(past.contains("lo scenario ha ≈ 0,62 FTE oltre l'obiettivo 1/4.000 (20,22 FTE), che non danno contributo"), "\(past)")
        let crossing = TestSupport.run("simula", example, "--anno", "2026", "--assunzione", "dal=2026-01-01,ente=comune:099001").standardOutput
        #expect(crossing.contains("con un'assunzione in più si supera l'obiettivo 1/4.000"), "\(crossing)")
    }

    let example = TestSupport.path("Examples/ambito-esempio.json")

    @Test("two hires from 1 April: baseline, scenario, difference, targets; JSON base equals calcola")
    func twoHires() throws {
        let hires = ["--assunzione", "dal=2026-04-01,ente=comune:099002", "--assunzione", "dal=2026-04-01,ente=unione_di_comuni"]
        let text = TestSupport.run(arguments: ["simula", example, "--anno", "2026"] + hires)
        #expect(text.status == .success)
        for expected in ["attuale", "scenario", "differenza", "CONTRIBUTO", "Obiettivi per il 2026", "Valore di un'assistente sociale in più"] {
            #expect(text.standardOutput.contains(expected), "\(expected)")
        }
        let json = TestSupport.run(arguments: ["simula", example, "--anno", "2026", "--formato", "json"] + hires)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? NSDictionary)
        #expect(object["formato"] as? String == "potenziamento.simulazione.v1")
        let calcola =
            try JSONSerialization.jsonObject(with: Data(TestSupport.run("calcola", example, "--anno", "2026", "--formato", "json").standardOutput.utf8))
            as? NSDictionary
        #expect(object["base"] as? NSDictionary == calcola)
        let fabbisogno = try #require(object["fabbisogno"] as? NSDictionary)
        #expect(Set(fabbisogno.allKeys.compactMap { $0 as? String }) == ["minima", "lep", "obiettivo"])
        let base = try #require((object["base"] as? NSDictionary)?["contributo"] as? NSNumber)
        let scenario = try #require((object["scenario"] as? NSDictionary)?["contributo"] as? NSNumber)
        #expect(scenario.compare(base) == .orderedDescending)
    }

    @Test("a plan file over a horizon")
    func plan() throws {
        let result = TestSupport.run(
            "simula", example, "--anno", "2026", "--fino-al", "2028", "--piano", TestSupport.path("Examples/piano-esempio.csv"), "--formato", "json")
        #expect(result.status == .success, "\(result.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? NSDictionary)
        #expect((object["anni"] as? [Any])?.count == 3)
    }

    @Test(
        "bad scenario options are usage (64) or data (65) errors",
        arguments: [
            (["--assunzione", "dal=2026-04-01"], PotenziamentoCLI.ExitStatus.usage, "manca «ente=...»"),
            (["--assunzione", "dal=2026-04-01,ente=comune:099002,percentual=50"], .usage, "«percentuale»"),
            (["--assunzione", "dal=2026-02-30,ente=comune:099002"], .usage, "inesistente"),
            (["--assunzione", "dal=2026-04-01,ente=comune:999999"], .dataError, "non fa parte dell'ambito"),
            (["--assunzione", "dal=2026-04-01,ente=cooperativa"], .usage, "tipo di ente sconosciuto"),
            (["--cessazione", "id=NESSUNO,dal=2026-04-01"], .dataError, "NESSUNO"),
            (["--assunzione", "dal=2026-04-01,ente=comune:099002,percentuale=150"], .usage, "percentuale"),
            (["--parametro", "rapportoLEP=abc"], .usage, "rapportoLEP"),
            (["--parametro", "importoFasciaA=45000@duemila"], .usage, "anno non valido"),
            // Found by independent reviews: a change with no new share was read as 100 %, a
            // comune's code beside an ATS-level employer was dropped, the last of two figures was used.
            (["--variazione", "id=AS-001,dal=2026-07-01"], .usage, "manca la nuova quota"),
            (["--assunzione", "dal=2026-04-01,ente=unione_di_comuni:099002"], .usage, "il codice ISTAT vale solo con ente=comune o comune_capofila"),
            (["--assunzione", "dal=2026-04-01,ente=privato_appalto:"], .usage, "senza «:»"),
            (
                ["--residenti", "comune=099001,anno=2026,popolazione=18000", "--residenti", "comune=099001,anno=2026,popolazione=18500"], .dataError,
                "099001 al 1° gennaio 2026 è indicata due volte"
            ),
        ])
    func badOptions(arguments: [String], status: PotenziamentoCLI.ExitStatus, mentions: String) {
        let result = TestSupport.run(arguments: ["simula", example, "--anno", "2026"] + arguments)
        #expect(result.status == status)
        #expect(result.standardError.contains(mentions), "\(result.standardError)")
    }

    @Test("simula JSON: a hire that does not count adds 0 FTE, with the reason's code")
    func nonContaKey() throws {
        let result = TestSupport.run(
            "simula", example, "--anno", "2026", "--assunzione", "dal=2026-01-01,ente=privato_appalto", "--assunzione", "dal=2026-01-01,ente=comune:099002",
            "--formato", "json")
        #expect(result.status == .success, "\(result.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? NSDictionary)
        let changes = try #require(object["modifiche"] as? [NSDictionary])
        #expect(changes.map { $0["nonConta"] as? String } == ["ente_privato_in_appalto", nil])
        #expect(changes.map { $0["fteNellAnno"] as? NSNumber } == [0, 1])
    }

    @Test("a decimal comma inside a spec is kept")
    func decimalComma() throws {
        let result = TestSupport.run(
            "simula", example, "--anno", "2026", "--assunzione", "dal=2026-01-01,percentuale=50,5,ente=comune:099002", "--formato", "json")
        #expect(result.status == .success)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? NSDictionary)
        let years = try #require(object["anni"] as? [NSDictionary])
        let difference = try #require(years[0]["fteScenario"] as? NSNumber).decimalValue - (try #require(years[0]["fteBase"] as? NSNumber)).decimalValue
        #expect(difference == Decimal(string: "0.505"))
    }
}
