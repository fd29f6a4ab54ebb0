import Foundation
import PotenziamentoKit
import Testing

/// What two independent reviews found on 2026-11-27 (spreadsheet mistakes, exactness across the
/// real range), checked through the public API: a value the model accepted where it is surely a
/// mistake, two ids that look alike counted as two persons, a computation written out with a
/// rounded operand.
@Suite("Review findings through the public API")
struct SpreadsheetReviewTests {
    @Test(
        "a comune whose code is not 1 to 6 digits, or that is a row of totals, is refused",
        arguments: [
            ("TOTALE", "Totale", DiagnosticCode.rigaDiTotale), ("999999", "Totale ambito", .rigaDiTotale), ("000000", "TOT.", .rigaDiTotale),
            ("abc", "Comune", .codiceIstatNonValido), ("99003.0", "Comune", .codiceIstatNonValido), ("1234567", "Comune", .codiceIstatNonValido),
            ("048 001", "Comune", .codiceIstatNonValido),
        ])
    func comuneRefused(code: String, name: String, expected: DiagnosticCode) {
        #expect {
            _ = try Municipality(istatCode: code, name: name, residents: Residents(30_000))
        } throws: { error in
            (error as? InvalidValue)?.code == expected
        }
    }

    @Test(
        "real comuni are accepted: six digits, fewer (a warning of the roster), names that begin like a total but are not",
        arguments: [
            ("048001", "Firenze"), ("99001", "Rimini"), ("012125", "Somma Lombardo"), ("063080", "Somma Vesuviana"), ("001001", "Totalità"),
        ])
    func comuneAccepted(code: String, name: String) throws {
        let comune = try Municipality(istatCode: code, name: name, residents: Residents(30_000))
        #expect(comune.istatCode == code)
    }

    @Test(
        "an ATS of a national table without a name, or a row of totals, is refused",
        arguments: [("Totale", ""), ("Totale", "Somma"), ("A1", ""), ("TOTALE NAZIONALE", "x"), ("Z9", "Totali")])
    func allocationEntryRefused(code: String, name: String) {
        #expect(throws: InvalidValue.self) { try AllocationEntry(code: code, name: name, population: 150_000, fte: Fraction(27)) }
    }

    @Test("an id with an invisible character is refused; a non-breaking space inside an id is a space")
    func invisibleCharacters() throws {
        for invisible in ["\u{200B}", "\u{FEFF}", "\u{00AD}", "\u{2060}"] {
            #expect(throws: InvalidValue.self) { try PersonID("Rossi\(invisible) Maria") }
        }
        #expect(try PersonID("Rossi\u{00A0}Maria") == PersonID("rossi maria"))
        #expect(try PersonID("Rossi\u{00A0}Maria").text == "Rossi\u{00A0}Maria")
        // A run of spaces is one space (a later review: `Rossi  Maria` typed with two spaces counted a second person).
        #expect(try PersonID("Rossi Maria") == PersonID("Rossi  Maria"))
        #expect(try PersonID("Rossi Maria") != PersonID("RossiMaria"))
        // A special space at an end is trimmed like a space (a third review: `AS-7` and `AS-7` with a
        // thin space after it were two persons).
        for space in ["\u{2009}", "\u{2002}", "\u{3000}", "\u{00A0}", "\u{202F}"] {
            #expect(try PersonID("AS-7\(space)") == PersonID("AS-7"))
            #expect(try PersonID("\(space)AS-7") == PersonID("as-7"))
        }
    }

    @Test("the explanation of a band writes the exact FTE it multiplies, not their rounding")
    func explanationOperands() throws {
        // 81.000 residents, 18 FTE: band A is 243/65 FTE (3,7384…), not 3,7385.
        let assessment = try ContributionCalculator().assess(population: 81_000, fte: Fraction(18), year: 2025)
        let text = assessment.explanation.renderedText()
        #expect(text.contains("243/65 (≈ 3,7385) × 40.000,00 €"), "\(text)")
        #expect(!text.contains("= 3,7385 × 40.000,00 €"))
        // A band whose FTE have 4 decimals or fewer is written as it is.
        let exact = try ContributionCalculator().assess(population: 65_000, fte: Fraction(11), year: 2025)
        #expect(exact.explanation.renderedText().contains("= 1,0000 × 40.000,00 €"))
    }
}
