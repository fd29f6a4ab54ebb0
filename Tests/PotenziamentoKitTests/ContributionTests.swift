import Testing

@testable import PotenziamentoKit

@Suite("The contribution formula (comma 797)")
struct ContributionTests {
    let calculator = ContributionCalculator()

    func total(_ population: Int, _ fte: Fraction, year: Int = 2025) throws -> EuroCents {
        try calculator.assess(population: population, fte: fte, year: year).total
    }

    @Test(
        "worked examples 1-3 of sources.md §9 and the issue's 22,5 FTE",
        arguments: [
            (100_000, Fraction(22), Int(22_461_538)),
            (65_000, Fraction(19, 2), Int(0)),
            (48_000, Fraction(15), Int(13_661_538)),
            (100_000, Fraction(45, 2), Int(23_461_538)),
            (13_000, Fraction(2), Int(0)),
        ])
    func workedExamples(population: Int, fte: Fraction, cents: Int) throws {
        #expect(try total(population, fte) == EuroCents(cents: cents))
    }

    @Test("example 1 in detail: thresholds, bands, targets")
    func exampleOneDetail() throws {
        let a = try calculator.assess(population: 100_000, fte: Fraction(22), year: 2025)
        #expect(a.thresholds.minimum == Fraction(200, 13))
        #expect(a.thresholds.lep == Fraction(20))
        #expect(a.thresholds.objective == Fraction(25))
        #expect(a.bandA.fte == Fraction(60, 13))
        #expect(a.bandA.amount == EuroCents(cents: 18_461_538))
        #expect(a.bandB.fte == Fraction(2))
        #expect(a.bandB.amount == EuroCents(euros: 40_000))
        #expect(a.meetsLEP && !a.meetsObjective)
        #expect(a.missingToObjective == Fraction(3))
        #expect(a.missingToLEP == .zero)
    }

    static let epsilon = Fraction(1, 10_000)

    /// Around each threshold of P = 100.000 (T65 = 200/13, T50 = 20, T40 = 25): N−ε, N, N+ε.
    @Test(
        "boundaries N−ε, N, N+ε around T65, T50, T40",
        arguments: [
            // T65: nothing below, nothing at, 40.000 × ε above
            (Fraction(200, 13) - epsilon, Int(0)),
            (Fraction(200, 13), Int(0)),
            (Fraction(200, 13) + epsilon, Int(400)),
            // T50: fascia A full (184.615,38) ± 40.000 × ε; above, fascia B starts at 20.000 × ε
            (Fraction(20) - epsilon, Int(18_461_538 - 400)),
            (Fraction(20), Int(18_461_538)),
            (Fraction(20) + epsilon, Int(18_461_538 + 200)),
            // T40: both full (284.615,38); FTE beyond T40 earn nothing
            (Fraction(25) - epsilon, Int(28_461_538 - 200)),
            (Fraction(25), Int(28_461_538)),
            (Fraction(25) + epsilon, Int(28_461_538)),
        ])
    func boundaries(fte: Fraction, cents: Int) throws {
        #expect(try total(100_000, fte) == EuroCents(cents: cents))
    }

    @Test("the LEP and obiettivo flags flip exactly at the threshold")
    func flags() throws {
        let below = try calculator.assess(population: 100_000, fte: Fraction(20) - Self.epsilon, year: 2025)
        let at = try calculator.assess(population: 100_000, fte: Fraction(20), year: 2025)
        #expect(!below.meetsLEP)
        #expect(at.meetsLEP)
        #expect(try calculator.assess(population: 100_000, fte: Fraction(25), year: 2025).meetsObjective)
    }

    @Test("the cap: at or above P/4.000 the contribution is P × 2,846154 € (rounded per band)", arguments: [4_000, 48_000, 100_000, 1_234_567])
    func cap(population: Int) throws {
        let full = try calculator.assess(population: population, fte: Fraction(population, 3_000), year: 2025)
        // 40.000 × (1/5000 − 1/6500) + 20.000 × (1/4000 − 1/5000) = 24/13 + 1 = 37/13 per resident
        let exact = Fraction(population) * Fraction(37, 13)
        #expect((full.total.euros - exact).clampedAtZero <= Fraction(1, 100))
        #expect((exact - full.total.euros).clampedAtZero <= Fraction(1, 100))
        let more = try calculator.assess(population: population, fte: Fraction(population, 100), year: 2025)
        #expect(more.total == full.total)
    }

    @Test("more FTE never lowers the contribution")
    func monotone() throws {
        var previous = EuroCents.zero
        for step in 0...600 {
            let value = try total(100_000, Fraction(step, 20))
            #expect(value >= previous)
            previous = value
        }
    }

    @Test("invalid inputs are errors", arguments: [0, -5, 100_000_001])
    func invalidPopulation(population: Int) {
        #expect(throws: ContributionError.invalidPopulation(population)) {
            try calculator.assess(population: population, fte: .one, year: 2025)
        }
    }

    @Test("negative FTE and years before 2021 are errors")
    func invalidOther() {
        #expect(throws: ContributionError.invalidFTE(Fraction(-1))) {
            try calculator.assess(population: 1_000, fte: Fraction(-1), year: 2025)
        }
        #expect(throws: ContributionError.self) { try calculator.assess(population: 1_000, fte: .one, year: 2020) }
    }

    @Test("the explanation names the steps and cites the law")
    func explanation() throws {
        let text = try calculator.assess(population: 100_000, fte: Fraction(22), year: 2025).explanation.renderedText()
        #expect(text.contains("Contributo 2025 = 224.615,38 €"))
        #expect(text.contains("Fascia A: importo = 184.615,38 €"))
        #expect(text.contains("Soglia minima T65 ≈ 15,3846"), "a figure shown rounded is marked ≈")
        #expect(text.contains("comma 797, lett. a)"))
    }
}
