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
        // Said first as the year before the measure, the parameter by its label (a trial: its code first).
        #expect(message.hasPrefix("l'anno \(year) viene prima della misura, che si applica dal 2021"), "\(message)")
        #expect(message.contains("«Importo per FTE, fascia A"))
        // A year after the first with no value (a table that ends): said as such.
        let later = ParameterError.notInForce(.importoFasciaA, year: 2030, firstYear: 2021).description
        #expect(later.hasPrefix("per l'anno 2030 non c'è un valore in vigore di «Importo per FTE"), "\(later)")
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

    /// Found by an independent review: each override replaced the one before it, so the first
    /// of two overrides of a parameter was silently lost (whatever their order).
    @Test(
        "several overrides of a parameter add up, each from its year, in any order",
        arguments: [[2027, 2029], [2029, 2027]])
    func successiveOverrides(years: [Int]) throws {
        let amounts = [2027: 45_000, 2029: 50_000]
        let reform = try ParameterTable.official.applying(
            years.map { ParameterOverride(name: .importoFasciaA, value: .money(EuroCents(euros: amounts[$0] ?? 0)), fromYear: $0) })
        let expected = [2026: 40_000, 2027: 45_000, 2028: 45_000, 2029: 50_000, 2030: 50_000, 2200: 50_000]
        for (year, euros) in expected {
            #expect(try reform.inForce(for: year).bandAAmount.value == EuroCents(euros: euros), "\(year)")
        }
    }

    @Test("two overrides of a parameter from the same year are an error, not the last one silently")
    func repeatedOverride() {
        #expect(throws: ParameterError.repeatedOverride(.importoFasciaA, year: 2027)) {
            try ParameterTable.official.applying([
                ParameterOverride(name: .importoFasciaA, value: .money(EuroCents(euros: 1)), fromYear: 2027),
                ParameterOverride(name: .importoFasciaA, value: .money(EuroCents(euros: 2)), fromYear: 2027),
            ])
        }
    }

    /// Ratios out of order would pay for FTE under the minimum (soglia minima 4.000 under a LEP of
    /// 5.000) or make a band negative: refused, naming the ratio changed last and the first year.
    @Test(
        "overrides that leave the thresholds out of order are refused; equal ratios are in order",
        arguments: [
            ([(ParameterName.rapportoSogliaMinima, 4_000, 2027)], ParameterName.rapportoSogliaMinima, "dal 2027"),
            ([(.rapportoLEP, 7_000, 2030)], .rapportoLEP, "dal 2030"), ([(.rapportoObiettivo, 5_001, 2027)], .rapportoObiettivo, "dal 2027"),
            ([(.rapportoLEP, 3_000, 2027), (.rapportoObiettivo, 2_000, 2028)], .rapportoLEP, "dal 2027"),
            ([(.rapportoLEP, 6_500, 2027), (.rapportoObiettivo, 6_500, 2027)], nil, ""),
            ([(.rapportoSogliaMinima, 8_000, 2027), (.rapportoLEP, 6_000, 2027), (.rapportoObiettivo, 4_500, 2027)], nil, ""),
        ])
    func ratiosInOrder(overrides: [(ParameterName, Int, Int)], refused: ParameterName?, year: String) {
        let result = Result { () throws(ParameterError) in
            try ParameterTable.official.applying(
                overrides.map { ParameterOverride(name: $0.0, value: .residentsPerSocialWorker($0.1), fromYear: $0.2) })
        }
        switch result {
        case .success: #expect(refused == nil)
        case .failure(.invalidValue(let name, let reason)):
            #expect(name == refused)
            #expect(reason.contains(year) && reason.contains("soglia minima ≥ LEP ≥ obiettivo"), "\(reason)")
        case .failure(let other): Issue.record("\(other)")
        }
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
