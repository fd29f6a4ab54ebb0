import Foundation
import Testing

@testable import PotenziamentoKit

/// The model accepts exactly the shares the input formats can carry (RULES §3: a percentuale has at
/// most 15 decimals; hours at most 4, as the JSON and CSV readers read them; area shares at most 15),
/// so a roster that exists is one RosterWriter writes and the readers read back unchanged.
///
/// Found by the roster-model fuzz target: `WorkShare(percent: 175/3)` was accepted, RosterWriter.json
/// wrote it as 58.333333333333333 and reading it back gave another FTE (7/12 became
/// 58333333333333333/10^17) without any message; hours of 91/3 and area shares of 100/3 were accepted
/// too, and the document written for them did not load.
@Suite("Model: shares with the decimals the formats carry")
struct ModelDecimalsTests {
    func code(_ body: () throws(InvalidValue) -> Void) -> DiagnosticCode? {
        do {
            try body()
            return nil
        } catch {
            return error.code
        }
    }

    @Test("a percentuale with more than 15 decimals, or none that ends, is refused")
    func percentDecimals() throws {
        #expect(code { () throws(InvalidValue) in _ = try WorkShare(percent: Fraction(175, 3)) } == .fuoriMisura)
        #expect(code { () throws(InvalidValue) in _ = try WorkShare(percent: Fraction(50) + Fraction(1, 10_000_000_000_000_000)) } == .fuoriMisura)
        #expect(code { () throws(InvalidValue) in _ = try WorkShare(percent: Fraction(1_000, 7)) } == .percentualeFuoriIntervallo)
        let fifteen = try WorkShare(percent: Fraction(50) + Fraction(1, 1_000_000_000_000_000))
        #expect(fifteen.percent == Fraction(50_000_000_000_000_001, 1_000_000_000_000_000))
        #expect(try WorkShare(percent: Fraction(583_333, 10_000)).percent == Fraction(583_333, 10_000))
    }

    @Test("hours with more than 4 decimals are refused; their share need not end (30 of 36 is 5/6)")
    func hoursDecimals() throws {
        #expect(code { () throws(InvalidValue) in _ = try WorkShare(weeklyHours: Fraction(91, 3)) } == .oreNonValide)
        #expect(code { () throws(InvalidValue) in _ = try WorkShare(weeklyHours: Fraction(3_012_345, 100_000)) } == .oreNonValide)
        #expect(code { () throws(InvalidValue) in _ = try WorkShare(weeklyHours: Fraction(30), fullTimeHours: Fraction(113, 3)) } == .oreNonValide)
        #expect(try WorkShare(weeklyHours: Fraction(301_234, 10_000)).percent == Fraction(301_234, 10_000) * Fraction(100) / Fraction(36))
        #expect(try WorkShare(weeklyHours: Fraction(30)).fraction == Fraction(5, 6))
    }

    @Test("area shares with more than 15 decimals are refused, even when they add up to 100")
    func areaDecimals() throws {
        let third = Fraction(100, 3)
        #expect(
            code { () throws(InvalidValue) in
                _ = try AreaSplit([.segretariatoSociale: third, .servizioSocialeProfessionale: third, .povertaDisagioAdulti: third])
            } == .ripartizioneAree)
        let written = Fraction(33_333_333_333_333_333, 1_000_000_000_000_000)
        let split = try AreaSplit([
            .segretariatoSociale: written, .servizioSocialeProfessionale: written, .povertaDisagioAdulti: Fraction(100) - written - written,
        ])
        #expect(split.isSpecified)
    }

    @Test("a roster at the limits of the decimals is written and read back unchanged, JSON and CSV")
    func roundTrip() throws {
        let comune = try Municipality(istatCode: "001001", name: "A", residents: Residents(50_000))
        let employer = try Employer(kind: .comune, istatCode: "001001")
        let start = CivilDate(year: 2025, month: 3, day: 17)!
        let shares = [
            try WorkShare(percent: Fraction(50) + Fraction(1, 1_000_000_000_000_000)), try WorkShare(percent: Fraction(583_333, 10_000)),
            try WorkShare(weeklyHours: Fraction(301_234, 10_000), fullTimeHours: Fraction(379_999, 10_000)), try WorkShare(weeklyHours: Fraction(49, 2)),
        ]
        let written = Fraction(33_333_333_333_333_333, 1_000_000_000_000_000)
        let areas = try AreaSplit([
            .segretariatoSociale: written, .servizioSocialeProfessionale: written, .povertaDisagioAdulti: Fraction(100) - written - written,
        ])
        let staff = try shares.enumerated().map { index, share in
            try StaffRecord(
                id: PersonID("P\(index)"), profile: Profile("assistente_sociale"), contract: .permanent, employer: employer,
                periods: [ServicePeriod(start: start, end: nil, share: share)], areas: areas)
        }
        let roster = try Roster(ambito: Ambito(code: "X", name: "X"), municipalities: [comune], staff: staff)
        let fromJSON = try RosterLoader.load(jsonData: Data(RosterWriter.json(roster).utf8), name: "x.json").roster
        #expect(fromJSON == roster)
        let csv = RosterWriter.csv(roster)
        let fromCSV = try RosterLoader.load(
            csvFiles: ["ambito.csv": Data(csv.ambito.utf8), "comuni.csv": Data(csv.comuni.utf8), "personale.csv": Data(csv.personale.utf8)], name: "x"
        ).roster
        #expect(fromCSV.staff == roster.staff)
        for method in FTEMethod.allCases {
            let original = try RosterAssessor(method: method).assess(roster, year: 2025)
            #expect(try RosterAssessor(method: method).assess(fromJSON, year: 2025).fte == original.fte)
            #expect(try RosterAssessor(method: method).assess(fromCSV, year: 2025).fte == original.fte)
        }
    }
}
