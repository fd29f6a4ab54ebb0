import Foundation
import Testing

@testable import PotenziamentoKit

/// Small rosters built in code.
enum RosterFactory {
    static func place(_ index: Int) -> SourcePlace {
        SourcePlace(file: "test.json", position: .json(JSONPath.root.appending(key: "personale").appending(index: index)))
    }

    static func period(_ start: String, _ end: String? = nil, _ percentage: Int = 100) -> ServicePeriod {
        try! ServicePeriod(
            start: CivilDate.parse(start)!, end: end.map { CivilDate.parse($0)! }, share: WorkShare(percent: Fraction(percentage)), place: place(0))
    }

    static func comune(_ code: String = "000001") -> Employer { try! Employer(kind: .comune, istatCode: code) }

    static func worker(
        _ id: String, employer: Employer = comune(), periods: [ServicePeriod] = [period("2020-01-01")],
        profile: String = "assistente_sociale", contract: String = "tempo_indeterminato", areas: [ActivityArea: Fraction] = [:],
        employed: Bool = true
    ) -> StaffRecord {
        try! StaffRecord(
            id: PersonID(id), profile: Profile(profile), contract: Contract(contract), employer: employer, periods: periods, areas: AreaSplit(areas),
            employedInTerritorialServices: employed, place: place(0))
    }

    static func roster(_ staff: [StaffRecord], comuni: [(String, Int)] = [("000001", 50_000)], delegated: Bool = false) -> Roster {
        try! Roster(
            ambito: Ambito(code: "T", name: "Test", allFunctionsDelegatedToLead: delegated),
            municipalities: comuni.map { try! Municipality(istatCode: $0.0, name: "Comune \($0.0)", residents: Residents($0.1), place: place(0)) },
            staff: staff, source: "test.json")
    }
}

@Suite("Eligibility (RULES.md §2)")
struct EligibilityTests {
    @Test(
        "each exclusion reason",
        arguments: [
            (RosterFactory.worker("a", profile: "educatore"), ExclusionReason.profiloNonAssistenteSociale),
            (RosterFactory.worker("b", contract: "tempo_determinato"), .contrattoNonATempoIndeterminato),
            (RosterFactory.worker("c", contract: "somministrazione"), .contrattoNonATempoIndeterminato),
            (RosterFactory.worker("d", employer: Employer.ambitoLevel(.privatoAppalto)), .entePrivatoInAppalto),
            (RosterFactory.worker("e", employer: Employer.ambitoLevel(.terzoSettoreAppalto)), .enteTerzoSettoreInAppalto),
            (RosterFactory.worker("f", employer: Employer.ambitoLevel(.asl)), .aslSenzaDelega),
            (RosterFactory.worker("g", employed: false), .nonImpiegatoNeiServiziTerritoriali),
        ])
    func reasons(record: StaffRecord, reason: ExclusionReason) {
        #expect(Eligibility.exclusionReason(for: record) == reason)
    }

    @Test("the first failing reason wins, in the order of RULES.md §2")
    func precedence() {
        let everything = RosterFactory.worker("x", employer: Employer.ambitoLevel(.asl), profile: "educatore", contract: "tempo_determinato", employed: false)
        #expect(Eligibility.exclusionReason(for: everything) == .profiloNonAssistenteSociale)
        let noProfileProblem = RosterFactory.worker("y", employer: Employer.ambitoLevel(.privatoAppalto), contract: "tempo_determinato", employed: false)
        #expect(Eligibility.exclusionReason(for: noProfileProblem) == .contrattoNonATempoIndeterminato)
        let aslNotEmployed = RosterFactory.worker("z", employer: Employer.ambitoLevel(.asl), employed: false)
        #expect(Eligibility.exclusionReason(for: aslNotEmployed) == .aslSenzaDelega)
    }

    @Test("ASL counts with delega or with the cost borne by the ATS; every employer of Nota 908 counts", arguments: EmployerKind.allCases)
    func employers(kind: EmployerKind) {
        let plain = RosterFactory.worker("p", employer: try! Employer(kind: kind, istatCode: "000001"))
        let expected: ExclusionReason? =
            switch kind {
            case .privatoAppalto: .entePrivatoInAppalto
            case .terzoSettoreAppalto: .enteTerzoSettoreInAppalto
            case .asl: .aslSenzaDelega
            default: nil
            }
        #expect(Eligibility.exclusionReason(for: plain) == expected)
        if kind == .asl {
            #expect(Eligibility.exclusionReason(for: RosterFactory.worker("q", employer: try! Employer(kind: .asl, delegatedFunctions: true))) == nil)
            #expect(Eligibility.exclusionReason(for: RosterFactory.worker("r", employer: try! Employer(kind: .asl, costReimbursed: true))) == nil)
        }
    }

    @Test("every record ends in exactly one list")
    func nothingDropped() throws {
        let roster = try RosterLoader.load(path: TestSupport.path("Examples/ambito-esempio.json")).roster
        let assessment = try RosterAssessor().assess(roster, year: 2025)
        let ids = assessment.counted.map(\.id) + assessment.excluded.map(\.id)
        #expect(ids.sorted() == roster.staff.map(\.id).sorted())
        #expect(Set(assessment.excluded.map(\.reason)) == Set(ExclusionReason.allCases))
    }
}

@Suite("FTE (RULES.md §3)")
struct FTETests {
    func fte(_ periods: [ServicePeriod], year: Int, _ method: FTEMethod) -> Fraction {
        try! FTECounter(year: year, method: method).fte(of: periods)
    }

    @Test("hire on 1 July 2025: 184/365 by days, 1/2 by months")
    func julyHire() {
        let periods = [RosterFactory.period("2025-07-01")]
        #expect(fte(periods, year: 2025, .days) == Fraction(184, 365))
        #expect(fte(periods, year: 2025, .months) == Fraction(1, 2))
    }

    @Test("worked example 4: AS4 at 50% retired 31 March: 0,5 × 90/365 by days, 0,125 by months")
    func retirement() {
        let periods = [RosterFactory.period("2025-01-01", "2025-03-31", 50)]
        #expect(fte(periods, year: 2025, .days) == Fraction(45, 365))
        #expect(fte(periods, year: 2025, .months) == Fraction(1, 8))
    }

    @Test("leap years count 366 days; a whole year is exactly 1 either way", arguments: [2024, 2025, 2100, 2000])
    func wholeYear(year: Int) {
        let periods = [RosterFactory.period("1990-01-01")]
        #expect(fte(periods, year: year, .days) == .one)
        #expect(fte(periods, year: year, .months) == .one)
        let february = [RosterFactory.period("\(year)-02-01", "\(year)-02-\(CivilDate.isLeapYear(year) ? 29 : 28)")]
        #expect(fte(february, year: year, .days) == Fraction(CivilDate.isLeapYear(year) ? 29 : 28, CivilDate.daysInYear(year)))
        #expect(fte(february, year: year, .months) == Fraction(1, 12))
    }

    @Test("periods crossing years and open-ended periods count only their days in the year")
    func crossing() {
        let periods = [RosterFactory.period("2024-07-01", "2025-01-31")]
        #expect(fte(periods, year: 2025, .days) == Fraction(31, 365))
        #expect(fte(periods, year: 2024, .days) == Fraction(184, 366))
        #expect(fte(periods, year: 2026, .days) == .zero)
        #expect(fte([RosterFactory.period("2026-01-01")], year: 2025, .days) == .zero)
    }

    @Test("a change of percentuale mid-year, and half-month service by months")
    func change() {
        let periods = [RosterFactory.period("2025-01-01", "2025-06-30", 100), RosterFactory.period("2025-07-01", nil, 50)]
        #expect(fte(periods, year: 2025, .days) == Fraction(181, 365) + Fraction(184, 730))
        #expect(fte(periods, year: 2025, .months) == Fraction(3, 4))
        #expect(fte([RosterFactory.period("2025-04-16", "2025-04-30")], year: 2025, .months) == Fraction(1, 24))
    }

    @Test("area FTE add up to the total, with non_indicata")
    func areas() throws {
        let roster = RosterFactory.roster([
            RosterFactory.worker("a", areas: [.segretariatoSociale: Fraction(30), .servizioSocialeProfessionale: Fraction(70)]),
            RosterFactory.worker("b", periods: [RosterFactory.period("2025-07-01", nil, 50)], areas: [.povertaDisagioAdulti: Fraction(100)]),
            RosterFactory.worker("c", periods: [RosterFactory.period("2025-03-10", "2025-11-20", 100)]),
        ])
        let assessment = try RosterAssessor().assess(roster, year: 2025)
        #expect(assessment.areas.total == assessment.fte)
        #expect(assessment.areas.perArea[.segretariatoSociale] == Fraction(3, 10))
        #expect(assessment.areas.perArea[.povertaDisagioAdulti] == Fraction(92, 365))
        #expect(assessment.areas.unspecified == Fraction(256, 365))
        #expect(assessment.warnings.contains { $0.message.contains("«c» non ha la ripartizione") })
    }

    @Test("the example ATS: totals per area add up in both methods and both years", arguments: [2025, 2026])
    func exampleAreas(year: Int) throws {
        let roster = try RosterLoader.load(path: TestSupport.path("Examples/ambito-esempio.json")).roster
        for method in FTEMethod.allCases {
            let assessment = try RosterAssessor(method: method).assess(roster, year: year)
            #expect(assessment.areas.total == assessment.fte)
            #expect(assessment.counted.map(\.fte).sum() == assessment.fte)
        }
    }
}

@Suite("DM 15/2021 art. 2 split (RULES.md §7)")
struct SplitTests {
    @Test("the worked example: A 79.384,61, B 8.123,08, capofila 4.800,00")
    func workedExample() throws {
        var staff: [StaffRecord] = []
        for index in 0..<3 { staff.append(RosterFactory.worker("L\(index)", employer: Employer.ambitoLevel(.unioneDiComuni))) }
        for index in 0..<5 { staff.append(RosterFactory.worker("A\(index)", employer: RosterFactory.comune("000001"))) }
        for index in 0..<2 { staff.append(RosterFactory.worker("B\(index)", employer: RosterFactory.comune("000002"))) }
        let roster = RosterFactory.roster(staff, comuni: [("000001", 30_000), ("000002", 20_000)])
        let assessment = try RosterAssessor().assess(roster, year: 2025)
        #expect(assessment.contribution.total == EuroCents(cents: 9_230_769))
        #expect(assessment.split.rule == .residueByOwnFTE)
        #expect(assessment.split.shares.map(\.amount.cents) == [7_938_461, 812_308, 480_000])
        #expect(assessment.split.shares[0].attributedFTE == Fraction(9, 5))
        #expect(EuroCents.rounding(euros: assessment.split.shares[0].formulaAmount) == EuroCents(cents: 7_138_462))
        #expect(EuroCents.rounding(euros: assessment.split.shares[1].formulaAmount) == EuroCents(cents: 492_308))
    }

    @Test("all functions delegated: everything to the capofila")
    func delegated() throws {
        let roster = RosterFactory.roster(
            (0..<10).map { RosterFactory.worker("W\($0)") }, comuni: [("000001", 30_000), ("000002", 20_000)], delegated: true)
        let assessment = try RosterAssessor().assess(roster, year: 2025)
        #expect(assessment.split.rule == .allToLead)
        #expect(assessment.split.shares.last!.amount == assessment.contribution.total)
        #expect(assessment.split.shares.dropLast().allSatisfy { $0.amount == .zero })
    }

    @Test("comuni amounts above the ATS total are cut pro rata, adding up to the cent")
    func proRata() throws {
        // Comune 1 is well staffed, comune 2 has nobody: alone, comune 1 earns its cap, more than the ATS gets.
        let roster = RosterFactory.roster(
            (0..<9).map { RosterFactory.worker("W\($0)") }, comuni: [("000001", 30_000), ("000002", 20_000)])
        let assessment = try RosterAssessor().assess(roster, year: 2025)
        #expect(assessment.split.rule == .proRataReduction)
        #expect(assessment.split.shares.map(\.amount).sum() == assessment.contribution.total)
        #expect(assessment.split.shares[0].amount == assessment.contribution.total)
    }

    @Test("the split adds up to the contribution for the example ATS", arguments: [2025, 2026])
    func example(year: Int) throws {
        let roster = try RosterLoader.load(path: TestSupport.path("Examples/ambito-esempio.json")).roster
        let assessment = try RosterAssessor().assess(roster, year: year)
        #expect(assessment.split.shares.map(\.amount).sum() == assessment.contribution.total)
    }
}
