import Foundation
import PotenziamentoKit
import Testing

/// Every public entry point called with extreme values in a child process (Swift Testing exit
/// tests): each must return a value or throw, never trap (issue on exactness at any size).
@Suite("Public API under extreme values (child processes)")
struct ExitProbeTests {
    @Test("numbers: fractions, money, big integers at and beyond any bound")
    func numbers() async {
        await #expect(processExitsWith: .success) {
            let huge = BigInt(Int128.max) * BigInt(Int128.max)
            _ = Fraction(huge) + Fraction(huge)
            _ = -Fraction(BigInt(Int64.min))
            _ = Fraction(numerator: 1, denominator: 0)
            _ = Fraction(numerator: Int.min, denominator: -1)
            _ = Fraction(huge).divided(by: .zero)
            _ = Fraction(huge).roundedScaled(by: BigInt(-5))
            _ = EuroCents(cents: BigInt(Int64.max)) + EuroCents(cents: BigInt(Int64.max))
            _ = EuroCents.rounding(euros: Fraction(huge))
            _ = EuroCents(cents: Int.max).description
            _ = BigInt(Int64.min).quotient(dividingBy: 0)
            _ = BigInt(Int64.min).quotient(dividingBy: -1)
            _ = BigInt.powerOfTen(-1)
            _ = BigInt.powerOfTen(40_000)
            _ = BigInt(decimal: String(repeating: "9", count: 20_000))
            _ = try? EuroCents(cents: 100).allocated(proportionalTo: [Fraction(80), Fraction(80)])
            _ = try? EuroCents(cents: 100).allocated(proportionalTo: [Fraction(-1), .one])
            _ = try? EuroCents(cents: BigInt(Int64.max) * BigInt(1_000)).allocated(proportionalTo: [.one, .one, .one])
        }
    }

    @Test("dates at the edges of their range")
    func dates() async {
        await #expect(processExitsWith: .success) {
            _ = CivilDate(dayNumber: Int.max)
            _ = CivilDate(dayNumber: Int.min)
            _ = CivilDate(year: 9999, month: 12, day: 31)?.adding(days: 1)
            _ = CivilDate(year: 1, month: 1, day: 1)?.adding(days: Int.min)
            _ = CivilDate.startOfYear(-5)
            _ = CivilDate.startOfYear(10_000)
            _ = CivilDate.daysInMonth(13, year: Int.max)
            _ = CivilDate.isLeapYear(Int.min)
            _ = try? FTECounter(year: Int.max, method: .months)
        }
    }

    @Test("the contribution, parameters and reforms with absurd values")
    func contribution() async {
        await #expect(processExitsWith: .success) {
            let calculator = ContributionCalculator()
            for population in [0, -1, 1, 100_000_000, 100_000_001, Int.max, Int.min] {
                for fte in [Fraction.zero, Fraction(-1), Fraction(10_000_000), Fraction(10_000_001), Fraction(BigInt(Int128.max))] {
                    for year in [Int.min, 0, 2020, 2021, 2200, 2201, 10_000, Int.max] {
                        _ = try? calculator.assess(population: population, fte: fte, year: year)
                    }
                }
            }
            _ = try? ParameterTable(histories: [])
            _ = try? ParameterTable.official.applying([ParameterOverride(name: .importoFasciaA, value: .money(EuroCents(cents: Int.max)), fromYear: 2027)])
            _ = try? ParameterTable.official.applying([ParameterOverride(name: .rapportoLEP, value: .residentsPerSocialWorker(0), fromYear: 2027)])
            _ = try? ParameterTable.official.applying([ParameterOverride(name: .scadenzaProspetto, value: .dayOfYear(month: 13, day: 40), fromYear: 2027)])
            _ = try? ParameterTable.official.applying([ParameterOverride(name: .fondoAnnuo, value: .money(.zero), fromYear: Int.max)])
            _ = try? ParameterTable.official.inForce(for: 10_000)
            _ = try? ParameterTable.official.inForce(for: Int.min)
            _ = ParameterTable.official.report(.text)
        }
    }

    @Test("the model's initialisers with values out of range")
    func model() async {
        await #expect(processExitsWith: .success) {
            _ = try? Residents(0)
            _ = try? Residents(Int.max)
            _ = try? Residents(byYear: [Int.max: 10])
            _ = try? WorkShare(percent: Fraction(500))
            _ = try? WorkShare(percent: Fraction(numerator: 100, denominator: 3)!)
            _ = try? WorkShare(percent: Fraction(BigInt(Int128.max)))
            _ = try? WorkShare(weeklyHours: Fraction(BigInt(Int128.max)), fullTimeHours: .one)
            _ = try? WorkShare(weeklyHours: Fraction(-1))
            _ = try? PersonID("   ")
            _ = try? Profile("")
            _ = try? Contract(String(repeating: "x", count: 100_000))
            _ = try? EmployerKind(parsing: "\u{0}")
            _ = try? AreaSplit([.segretariatoSociale: Fraction(80), .servizioSocialeProfessionale: Fraction(80)])
            _ = try? Municipality(istatCode: "", name: "", residents: Residents(1))
            _ = try? Ambito(code: "", name: "")
            _ = try? AllocationEntry(code: "A", name: "A", population: Int.max, fte: .zero)
            _ = try? Roster(ambito: Ambito(code: "A", name: "A"), municipalities: [], staff: [])
        }
    }

    @Test("assessments, prospetti, scenarios and the riparto on rosters at the bounds")
    func assessments() async {
        await #expect(processExitsWith: .success) {
            guard let ambito = try? Ambito(code: "A", name: "A"), let residents = try? Residents(100_000_000),
                let comune = try? Municipality(istatCode: "000001", name: "A", residents: residents),
                let employer = try? Employer(kind: .comune, istatCode: "000001"),
                let period = try? ServicePeriod(start: CivilDate(year: 1900, month: 1, day: 1)!, end: nil, share: .fullTime),
                let record = try? StaffRecord(
                    id: PersonID("P"), profile: .socialWorker, contract: .permanent, employer: employer, periods: [period]),
                let roster = (try? Roster(ambito: ambito, municipalities: [comune, comune], staff: [record, record]))
                    ?? (try? Roster(ambito: ambito, municipalities: [comune], staff: [record]))
            else { return }
            for year in [Int.min, 2020, 2021, 2200, 2201, Int.max] {
                for method in FTEMethod.allCases { _ = try? RosterAssessor(method: method).assess(roster, year: year) }
                _ = try? Prospetto(roster: roster, campaign: year)
                _ = try? Prospetto(roster: roster, campaign: 2026, declaredDecimals: year)
            }
            _ = try? Scenario(changes: [.residents(istatCode: "000001", year: Int.max, residents: Int.max)]).apply(to: roster)
            _ = try? Scenario(changes: [.termination(id: PersonID("P"), from: CivilDate(year: 1, month: 1, day: 1)!)]).apply(to: roster)
            _ = try? ScenarioEvaluator().evaluate(Scenario(), on: roster, from: 2021, through: Int.max)
            if let assessment = try? RosterAssessor().assess(roster, year: 2025) {
                _ = try? ScenarioEvaluator.planning(
                    for: assessment, hireStart: CivilDate(year: 9999, month: 1, day: 1)!, percentages: [Int.max, Int.min, -100])
                _ = assessment.report(.json)
            }
            _ = try? NationalAllocation([], year: Int.max, fund: EuroCents(cents: -1))
        }
    }
}
