import Foundation
import PotenziamentoKit
import Testing

/// What an adversarial integrator found through the public API (2026-11-29, thirteenth session):
/// assessing a roster built in code grew with the square of its persons, a decoded assessment
/// counted a contractor's FTE, a profile took a control character the readers refuse, and two
/// histories of one parameter replaced each other with no word.
@Suite("An integrator's adversarial use of the public API")
struct LibraryAdversaryTests {
    static func record(_ index: Int) throws -> StaffRecord {
        try StaffRecord(
            id: PersonID("P\(index)"), profile: Profile(kind: .assistenteSociale), contract: Contract(kind: .tempoIndeterminato),
            employer: Employer(kind: .ambito),
            periods: [ServicePeriod(start: CivilDate(year: 2020, month: 1, day: 1)!, end: nil, share: .fullTime)])
    }

    static func roster(persons: Int) throws -> Roster {
        try Roster(
            ambito: Ambito(code: "X", name: "Prova"), municipalities: [Municipality(istatCode: "000001", name: "Uno", residents: Residents(100_000_000))],
            staff: (0..<persons).map { try record($0) })
    }

    /// Each person built in code had a file of its own in the warnings (`persona «P1»`), so the
    /// cap of 100 a file never applied and each warning looked for its file among all the others
    /// (40.000 persons: 7 s).
    @Test("the warnings of persons built in code are capped together, as one file's", arguments: [150, 20_000])
    func warningsOfPersonsBuiltInCode(persons: Int) throws {
        let assessment = try RosterAssessor().assess(try Self.roster(persons: persons), year: 2025)
        let areas = assessment.warnings.filter { $0.code == .areeNonIndicate }
        #expect(areas.count == 100)
        let summary = try #require(assessment.warnings.first { $0.code == .altriProblemi })
        let others = persons - 100 >= 1000 ? "\((persons - 100) / 1000).\(String((persons - 100) % 1000 + 1000).dropFirst())" : "\(persons - 100)"
        #expect(summary.message.contains("\(others) volte aree_non_indicate"), "\(summary)")
        #expect(assessment.fte == Fraction(persons))
    }

    @Test("a decoded assessment whose counted record's employer does not count is refused", arguments: ["privato_appalto", "terzo_settore_appalto"])
    func decodedExcludedEmployer(kind: String) throws {
        let assessment = try RosterAssessor().assess(try Self.roster(persons: 3), year: 2025)
        let encoded = try JSONEncoder().encode(assessment)
        #expect(try JSONDecoder().decode(AnnualAssessment.self, from: encoded) == assessment)
        var object = try #require(try JSONSerialization.jsonObject(with: encoded) as? [String: Any])
        var counted = try #require(object["counted"] as? [[String: Any]])
        var employer = try #require(counted[0]["employer"] as? [String: Any])
        employer["kind"] = kind
        counted[0]["employer"] = employer
        object["counted"] = counted
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(AnnualAssessment.self, from: JSONSerialization.data(withJSONObject: object)) }
    }

    @Test("a profile or contract with a control character is refused; one on two lines is read", arguments: ["\u{0}", "\u{7}", "\u{1B}", "\u{85}"])
    func controlCharacters(control: String) throws {
        #expect(throws: InvalidValue.self) { try Profile("assistente sociale" + control) }
        #expect(throws: InvalidValue.self) { try Contract("tempo" + control + "indeterminato") }
        #expect(try Profile("assistente\nsociale").isSocialWorker)
    }

    @Test("a scenario of more changes than a plan may hold is an error, as in the readers")
    func scenarioBound() throws {
        let roster = try Self.roster(persons: 1)
        let change = ScenarioChange.residents(istatCode: "000001", year: 2026, residents: 1000)
        #expect(throws: ScenarioError.self) { try Scenario(changes: Array(repeating: change, count: Bounds.maximumPlanChanges + 1)).apply(to: roster) }
        #expect(try Scenario(changes: [change]).apply(to: roster).staff.count == 1)
    }

    @Test("a comune of fewer residents than any is a warning, as one of more", arguments: [(12, true), (19, true), (20, false), (30_000, false)])
    func smallComune(residents: Int, warned: Bool) throws {
        let roster = try Roster(
            ambito: Ambito(code: "X", name: "Prova"), municipalities: [Municipality(istatCode: "000001", name: "Uno", residents: Residents(residents))],
            staff: [])
        #expect(roster.warnings.contains { $0.code == .valoreImprobabile && $0.message.contains("meno di ogni comune italiano") } == warned)
    }

    @Test("two histories of one parameter are an error, not one replacing the other")
    func repeatedHistory() throws {
        let official = ParameterTable.official
        let histories = ParameterName.allCases.map { official.history(of: $0) }
        #expect(try ParameterTable(histories: histories) == official)
        #expect(throws: ParameterError.self) { try ParameterTable(histories: histories + [official.history(of: .importoFasciaA)]) }
    }
}
