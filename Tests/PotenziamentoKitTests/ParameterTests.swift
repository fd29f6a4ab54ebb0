import Testing

@testable import PotenziamentoKit

@Suite("The law as dated data")
struct ParameterTests {
    @Test("every parameter has a sorted history, a reference on every value and the right unit", arguments: ParameterName.allCases)
    func integrity(name: ParameterName) {
        let history = ParameterTable.official.history(of: name)
        #expect(!history.values.isEmpty)
        #expect(history.values.map(\.fromYear) == history.values.map(\.fromYear).sorted())
        #expect(Set(history.values.map(\.fromYear)).count == history.values.count)
        for value in history.values {
            #expect(!value.reference.act.isEmpty)
            #expect(!value.reference.provision.isEmpty)
            #expect(value.value.unit == name.unit)
            #expect(value.fromYear >= 2021)
        }
    }

    /// A history's entries as (year, override, ratio).
    static func entries(_ history: ParameterHistory) -> [[Int]] {
        history.values.map { value in
            guard case .residentsPerSocialWorker(let ratio) = value.value else { return [] }
            return [value.fromYear, value.isOverride ? 1 : 0, ratio]
        }
    }

    @Test(
        "a history is sorted by year, the law's value before an override of the same year, and the later entry of the same year and kind wins",
        arguments: [
            ([[2023, 0, 1], [2021, 0, 2]], [[2021, 0, 2], [2023, 0, 1]]),
            ([[2021, 0, 1], [2021, 0, 2], [2021, 0, 3]], [[2021, 0, 3]]),
            ([[2022, 1, 9], [2022, 0, 1], [2022, 1, 8], [2021, 0, 5]], [[2021, 0, 5], [2022, 0, 1], [2022, 1, 8]]),
            ([[2030, 1, 4], [2021, 0, 1], [2030, 0, 2], [2021, 0, 7], [2025, 1, 3]], [[2021, 0, 7], [2025, 1, 3], [2030, 0, 2], [2030, 1, 4]]),
            ([], []),
        ])
    func historyOrder(given: [[Int]], expected: [[Int]]) {
        let values = given.map { entry in
            DatedValue(
                fromYear: entry[0], value: .residentsPerSocialWorker(entry[2]), reference: LegalReference(act: "atto", provision: "articolo"),
                isOverride: entry[1] == 1)
        }
        #expect(Self.entries(ParameterHistory(name: .rapportoLEP, values: values)) == expected)
    }

    @Test("the official values")
    func values() throws {
        let p = try ParameterTable.official.inForce(for: 2025)
        #expect(p.bandAAmount.value == EuroCents(euros: 40_000))
        #expect(p.bandBAmount.value == EuroCents(euros: 20_000))
        #expect(p.minimumRatio.value == 6_500)
        #expect(p.lepRatio.value == 5_000)
        #expect(p.objectiveRatio.value == 4_000)
        #expect(p.fund.value == EuroCents(euros: 180_000_000))
        #expect(p.prospettoDeadline.value == CivilDate(year: 2025, month: 2, day: 28))
        #expect(p.decreeDeadline.value == CivilDate(year: 2025, month: 6, day: 30))
        #expect(p.bandAAmount.reference.provision.contains("797"))
    }

    @Test("a year before the measure is an error naming parameter and year", arguments: [2020, 1999])
    func beforeTheMeasure(year: Int) {
        #expect(throws: ParameterError.notInForce(.importoFasciaA, year: year, firstYear: 2021)) {
            try ParameterTable.official.inForce(for: year)
        }
        let message = ParameterError.notInForce(.importoFasciaA, year: year, firstYear: 2021).description
        #expect(message.contains("importoFasciaA") && message.contains(String(year)))
    }

    @Test("a reform overrides from its year on and leaves the official table untouched")
    func reform() throws {
        let reform = try ParameterTable.official.applying([
            ParameterOverride(name: .importoFasciaA, value: .money(EuroCents(euros: 45_000)), fromYear: 2027)
        ])
        #expect(try reform.inForce(for: 2026).bandAAmount.value == EuroCents(euros: 40_000))
        #expect(try reform.inForce(for: 2027).bandAAmount.value == EuroCents(euros: 45_000))
        #expect(try reform.inForce(for: 2030).bandAAmount.reference.act == "Ipotesi dell'utente")
        #expect(try ParameterTable.official.inForce(for: 2027).bandAAmount.value == EuroCents(euros: 40_000))
        let assessment = try ContributionCalculator(parameters: reform).assess(population: 100_000, fte: Fraction(22), year: 2027)
        // 4,615385 FTE × 45.000 = 207.692,31 + 2 × 20.000
        #expect(assessment.total == EuroCents(cents: 24_769_231))
    }

    @Test("overrides in the wrong unit or with impossible values are refused")
    func invalidOverrides() {
        #expect(throws: ParameterError.wrongUnit(.rapportoLEP, expected: .residentsPerSocialWorker)) {
            try ParameterTable.official.applying([ParameterOverride(name: .rapportoLEP, value: .money(.zero), fromYear: 2027)])
        }
        #expect(throws: ParameterError.self) {
            try ParameterTable.official.applying([ParameterOverride(name: .rapportoLEP, value: .residentsPerSocialWorker(0), fromYear: 2027)])
        }
    }
}
