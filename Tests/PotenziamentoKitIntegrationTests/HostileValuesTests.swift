import Foundation
import PotenziamentoKit
import Testing

/// What an independent review of the public API found (2026-11-27): values built in code or
/// decoded from JSON that trapped, computed a wrong number, or were accepted where the readers
/// refuse them. Each is refused now, with an error, through the public API only.
@Suite("Hostile values through the public API")
struct HostileValuesTests {
    /// The official histories with `name`'s replaced by `values`.
    static func histories(replacing name: ParameterName, with values: [DatedValue]) -> [ParameterHistory] {
        ParameterName.allCases.map { $0 == name ? ParameterHistory(name: name, values: values) : ParameterTable.official.history(of: $0) }
    }

    static let reference = LegalReference(act: "prova", provision: "")

    @Test(
        "a table built from histories is checked as an override is: units, bounds, real days, thresholds in order",
        arguments: [
            (ParameterName.rapportoLEP, ParameterValue.residentsPerSocialWorker(0), "rapporto"),
            (.rapportoSogliaMinima, .residentsPerSocialWorker(-6_500), "rapporto"),
            (.rapportoSogliaMinima, .residentsPerSocialWorker(3_000), "non sono in ordine"),
            (.importoFasciaA, .money(EuroCents(cents: -4_000_000)), "negativo"),
            (.scadenzaProspetto, .dayOfYear(month: 1, day: Int.min), "giorno inesistente"),
            (.fondoAnnuo, .residentsPerSocialWorker(5), "si esprime in"),
        ])
    func checkedHistories(name: ParameterName, value: ParameterValue, message: String) {
        let values = [DatedValue(fromYear: 2021, value: value, reference: Self.reference)]
        #expect {
            try ParameterTable(histories: Self.histories(replacing: name, with: values))
        } throws: { error in
            (error as? ParameterError)?.description.contains(message) ?? false
        }
    }

    @Test("the official table passes its own checks")
    func officialChecked() throws {
        let rebuilt = try ParameterTable(histories: ParameterName.allCases.map { ParameterTable.official.history(of: $0) })
        #expect(rebuilt == ParameterTable.official)
    }

    /// A ratio of 0 in a decoded table divided by zero (a trap) in every command that used it,
    /// also while a funding cycle was decoded.
    @Test("decoded tables, parameters in force and funding cycles with a ratio of 0 are refused, not computed with")
    func decodedRatioOfZero() throws {
        let table = String(decoding: try JSONEncoder().encode(ParameterTable.official), as: UTF8.self)
        let ratio = #"{"residentsPerSocialWorker":{"_0":5000}}"#
        try #require(table.contains(ratio))
        let broken = table.replacingOccurrences(of: ratio, with: #"{"residentsPerSocialWorker":{"_0":0}}"#)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(ParameterTable.self, from: Data(broken.utf8)) }

        let cycle = String(decoding: try JSONEncoder().encode(FundingCycle()), as: UTF8.self)
        try #require(cycle.contains(ratio))
        let brokenCycle = cycle.replacingOccurrences(of: ratio, with: #"{"residentsPerSocialWorker":{"_0":0}}"#)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(FundingCycle.self, from: Data(brokenCycle.utf8)) }

        let inForce = String(decoding: try JSONEncoder().encode(try ParameterTable.official.inForce(for: 2025)), as: UTF8.self)
        try #require(inForce.contains(#""value":6500"#))
        for replacement in [#""value":0"#, #""value":4500"#, #""value":-6500"#] {
            let brokenInForce = inForce.replacingOccurrences(of: #""value":6500"#, with: replacement)
            #expect(throws: DecodingError.self, "\(replacement)") {
                try JSONDecoder().decode(ParametersInForce.self, from: Data(brokenInForce.utf8))
            }
        }
        #expect(try JSONDecoder().decode(ParametersInForce.self, from: Data(inForce.utf8)) == (try ParameterTable.official.inForce(for: 2025)))
    }

    @Test("a scenario over years whose distance overflows an Int is an error", arguments: [(-1, Int.max), (Int.min, 2_025), (Int.min, Int.max)])
    func scenarioYears(from: Int, through: Int) throws {
        let roster = try RosterLoader.load(path: IntegratorTests.example("Examples/ambito-esempio.json").path).roster
        #expect(throws: ScenarioEvaluator.EvaluationError.self) { try ScenarioEvaluator().evaluate(Scenario(), on: roster, from: from, through: through) }
    }

    @Test(
        "decoded residents: a year written once and plainly, counts as exact integers",
        arguments: [
            #"{"byYear":{"2025":1000,"02025":50000}}"#, #"{"byYear":{"+2025":7}}"#, #"{"byYear":{" 2025":7}}"#,
            #"{"everyYear":29999.99999999999999}"#, #"{"byYear":{"2025":1000.5}}"#, #"{"everyYear":0}"#,
        ])
    func decodedResidents(json: String) {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Residents.self, from: Data(json.utf8)) }
    }

    @Test("decoded residents as the readers give them still decode")
    func decodedResidentsKept() throws {
        let residents = try JSONDecoder().decode(Residents.self, from: Data(#"{"everyYear":30000,"byYear":{"2026":29900}}"#.utf8))
        #expect(residents.count(in: 2025) == 30_000)
        #expect(residents.count(in: 2026) == 29_900)
    }

    @Test(
        "a decoded share has one form: percent, or weekly hours (with their full time)",
        arguments: [
            #"{"percent":{"numerator":50,"denominator":1},"weeklyHours":{"numerator":30,"denominator":1}}"#,
            #"{"percent":{"numerator":50,"denominator":1},"fullTimeHours":{"numerator":36,"denominator":1}}"#,
            #"{"percent":{"numerator":99.99999999999999999,"denominator":1}}"#,
        ])
    func decodedShare(json: String) {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(WorkShare.self, from: Data(json.utf8)) }
    }

    /// Foundation's JSON decoder reads `0.9999999999999999999` as the integer 1 (through binary
    /// floating point): every exact number (fractions, cents) is decoded through `BigInt`.
    @Test(
        "decoded integers are exact: a number that is not exactly an integer is refused",
        arguments: ["12345678901234567.9", "0.9999999999999999999", "5.000000000000000001", "92233720368547758.07", "1.5", "\"1.5\"", "\"\""])
    func decodedIntegersRefused(json: String) {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([BigInt].self, from: Data("[\(json)]".utf8)) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([EuroCents].self, from: Data("[\(json)]".utf8)) }
    }

    @Test(
        "decoded integers written exactly, in any JSON form, are kept",
        arguments: [
            ("1e3", BigInt(1_000)), ("100.0", BigInt(100)), ("-0", BigInt(0)), ("9223372036854775807", BigInt(Int64.max)),
            ("\"123456789012345678901234567890\"", BigInt(decimal: "123456789012345678901234567890")!),
        ])
    func decodedIntegersKept(json: String, value: BigInt) throws {
        #expect(try JSONDecoder().decode([BigInt].self, from: Data("[\(json)]".utf8)) == [value])
    }

    @Test(
        "a national table built in code is checked as the riparto reader checks it",
        arguments: [
            ("A\n", "Ambito A", "a capo"), ("A", "Ambito\u{0}A", "controllo"),
        ])
    func allocationEntries(code: String, name: String, message: String) {
        #expect {
            try AllocationEntry(code: code, name: name, population: 50_000, fte: Fraction(10))
        } throws: { error in
            (error as? InvalidValue)?.message.contains(message) ?? false
        }
    }

    @Test("a national riparto refuses an ATS twice and a fund beyond 1.000 miliardi")
    func nationalAllocation() throws {
        let entry = try AllocationEntry(code: "A", name: "Ambito A", population: 50_000, fte: Fraction(10))
        #expect(throws: ContributionError.self) { try NationalAllocation([entry, entry], year: 2025) }
        let absurd = EuroCents(cents: BigInt(decimal: "10000000000000000000000")!)
        #expect(throws: ContributionError.self) { try NationalAllocation([entry], year: 2025, fund: absurd) }
        #expect(try NationalAllocation([entry], year: 2025).assigned.count == 1)
    }

    @Test(
        "a funding cycle checks every year, with or without steps",
        arguments: [
            CycleYear(year: Int.max, population: 50_000), CycleYear(year: 2020, population: 50_000), CycleYear(year: 2025, population: 0),
            CycleYear(year: 2025, population: 50_000, decreedReserved: EuroCents(cents: -1)),
            CycleYear(year: 2025, population: 50_000, decreedLiquidated: EuroCents(cents: BigInt(decimal: "1000000000000000000")!)),
        ])
    func cycleYears(year: CycleYear) {
        var cycle = FundingCycle()
        #expect(throws: FundingCycle.CycleError.self) { try cycle.record(year) }
        #expect(cycle.years.isEmpty)
    }
}
