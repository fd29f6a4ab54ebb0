import Foundation
import PotenziamentoKit
import Testing

/// What an independent review of the public API found (2026-11-27, an integrator's view): results
/// decoded from JSON were taken as given (a riparto with fewer contributions than entries stopped
/// the report with "Index out of range"; an assessment with one record's FTE changed declared
/// −914,34 FTE for a comune), whole numbers were rounded by the decoder, a custom parameter table
/// computed years before the measure, and an id with a line separator counted a person twice.
@Suite("Decoded values are checked as computed ones are")
struct DecodedResultsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let roster = Result { try RosterLoader.load(path: root.appendingPathComponent("Examples/ambito-esempio.json").path).roster }

    /// `value` encoded as a JSON object, changed by `change`, decoded again as `T`.
    static func tampered<T: Codable>(_ value: T, as type: T.Type = T.self, _ change: (inout [String: Any]) -> Void) throws -> T {
        var object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(value)) as? [String: Any])
        change(&object)
        return try JSONDecoder().decode(T.self, from: JSONSerialization.data(withJSONObject: object))
    }

    /// `json` with `number` written in place of `placeholder`, decoded as `T` (JSONSerialization
    /// would round the number before the decoder sees it).
    static func decode<T: Decodable>(_ type: T.Type, _ json: String, number: String) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(json.replacingOccurrences(of: "NUMBER", with: number).utf8))
    }

    @Test("a riparto decoded with figures that are not its computation is refused, never a trap in its report")
    func allocation() throws {
        let entry = try AllocationEntry(code: "A", name: "Uno", population: 50_000, fte: Fraction(12))
        let allocation = try NationalAllocation([entry], year: 2025)
        #expect(try JSONDecoder().decode(NationalAllocation.self, from: JSONEncoder().encode(allocation)) == allocation)
        #expect(throws: DecodingError.self) { try Self.tampered(allocation) { $0["contributions"] = [] } }
        #expect(throws: DecodingError.self) { try Self.tampered(allocation) { $0["assigned"] = [-999] } }
        #expect(throws: DecodingError.self) { try Self.tampered(allocation) { $0["fund"] = -5 } }
        #expect(throws: DecodingError.self) {
            try Self.tampered(allocation) { object in
                var entries = object["entries"] as? [[String: Any]] ?? []
                entries[0]["code"] = "Totale"
                object["entries"] = entries
            }
        }
    }

    @Test("an assessment decoded with a figure changed is refused; the prospetto's figures to declare are made again")
    func assessment() throws {
        let roster = try Self.roster.get()
        let assessment = try RosterAssessor().assess(roster, year: 2025)
        #expect(try JSONDecoder().decode(AnnualAssessment.self, from: JSONEncoder().encode(assessment)) == assessment)
        // One record's FTE at −1000: the declaration spread the gap over every other comune.
        #expect(throws: DecodingError.self) {
            try Self.tampered(assessment) { object in
                var counted = object["counted"] as? [[String: Any]] ?? []
                counted[0]["fte"] = ["numerator": -1000, "denominator": 1]
                object["counted"] = counted
            }
        }
        // A comune's residents changed: the population no longer is their sum.
        #expect(throws: DecodingError.self) {
            try Self.tampered(assessment) { object in
                var residents = object["residents"] as? [[String: Any]] ?? []
                residents[0]["residents"] = 1
                object["residents"] = residents
            }
        }
        let prospetto = try Prospetto(roster: roster, campaign: 2026)
        #expect(try JSONDecoder().decode(Prospetto.self, from: JSONEncoder().encode(prospetto)) == prospetto)
        #expect(throws: DecodingError.self) { try Self.tampered(prospetto) { $0["campaign"] = 1999 } }
        #expect(throws: DecodingError.self) { try Self.tampered(prospetto) { $0["previsione"] = $0["consuntivo"] } }
        #expect(throws: DecodingError.self) {
            try Self.tampered(prospetto) { object in
                var declaration = object["consuntivoDeclaration"] as? [String: Any] ?? [:]
                declaration["decimals"] = Int.max
                object["consuntivoDeclaration"] = declaration
            }
        }
    }

    /// Ways to change one counted record of a decoded assessment that keep every total: the
    /// totals alone do not show them.
    enum RecordChange: String, CaseIterable, Sendable {
        case serviceRemoved, idRepeated, idAlsoExcluded, daysChanged, shareOfYearChanged, fteChanged, serviceRepeated
    }

    @Test(
        "an assessment decoded with a record changed where the totals do not show it is refused (its service, its FTE, each person once)",
        arguments: RecordChange.allCases, [FTEMethod.days, .months])
    func recordChanged(_ change: RecordChange, method: FTEMethod) throws {
        let assessment = try RosterAssessor(method: method).assess(try Self.roster.get(), year: 2025)
        #expect(try JSONDecoder().decode(AnnualAssessment.self, from: JSONEncoder().encode(assessment)) == assessment)
        #expect(!assessment.excluded.isEmpty && assessment.counted.count > 1)
        #expect(throws: DecodingError.self) {
            try Self.tampered(assessment) { object in
                var counted = object["counted"] as? [[String: Any]] ?? []
                var service = counted[0]["service"] as? [[String: Any]] ?? []
                switch change {
                case .serviceRemoved: counted[0]["service"] = []
                case .idRepeated: counted[1]["id"] = counted[0]["id"]
                case .idAlsoExcluded:
                    var excluded = object["excluded"] as? [[String: Any]] ?? []
                    excluded[0]["id"] = counted[0]["id"]
                    object["excluded"] = excluded
                case .daysChanged:
                    service[0]["days"] = (service[0]["days"] as? Int ?? 0) - 1
                    counted[0]["service"] = service
                case .shareOfYearChanged:
                    service[0]["shareOfYear"] = ["numerator": 1, "denominator": 2]
                    counted[0]["service"] = service
                case .fteChanged:
                    // Days, dates and shares as computed, the period's FTE not their product.
                    service[0]["fte"] = ["numerator": 1, "denominator": 3]
                    counted[0]["service"] = service
                case .serviceRepeated:
                    // The same service twice: its days served twice, its FTE counted twice.
                    counted[0]["service"] = service + service
                }
                object["counted"] = counted
            }
        }
    }

    @Test("a record's service split into two that overlap, each consistent and adding up to its FTE, is refused")
    func overlappingServices() throws {
        let comuni = Data("codice_istat;denominazione;popolazione\n048001;Uno;10000\n".utf8)
        let personale = Data(
            "id;profilo;contratto;ente_tipo;ente_codice_istat;dal;al;percentuale\nP1;assistente_sociale;tempo_indeterminato;comune;048001;2024-01-01;;100\n"
                .utf8)
        let roster = try RosterLoader.load(csvFiles: ["comuni.csv": comuni, "personale.csv": personale], name: "ATS-1").roster
        let assessment = try RosterAssessor().assess(roster, year: 2025)
        // The control: the document read back through the same steps, unchanged, decodes.
        #expect(try Self.tampered(assessment) { _ in } == assessment)
        let half = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(try WorkShare(percent: Fraction(50)))) as? [String: Any])
        #expect(throws: DecodingError.self) {
            try Self.tampered(assessment) { object in
                var counted = object["counted"] as? [[String: Any]] ?? []
                var service = (counted[0]["service"] as? [[String: Any]] ?? [])[0]
                service["share"] = half
                service["fte"] = ["numerator": 1, "denominator": 2]
                counted[0]["service"] = [service, service]
                object["counted"] = counted
            }
        }
    }

    @Test("a prospetto decoded with the years of two ATS is refused")
    func prospettoOfTwoAmbiti() throws {
        func roster(_ code: String, second: String) throws -> Roster {
            let comuni = Data("codice_istat;denominazione;popolazione\n001001;Uno;3000\n\(second);Due;4000\n".utf8)
            let personale = Data(
                "id;profilo;contratto;ente_tipo;ente_codice_istat;dal;al;percentuale\nP1;assistente_sociale;tempo_indeterminato;comune;\(second);2024-01-01;;60\n"
                    .utf8)
            return try RosterLoader.load(csvFiles: ["comuni.csv": comuni, "personale.csv": personale], name: code).roster
        }
        let first = try Prospetto(roster: roster("ATS-A", second: "001002"), campaign: 2026)
        let second = try Prospetto(roster: roster("ATS-B", second: "001003"), campaign: 2026)
        let firstObject = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(first)) as? [String: Any])
        #expect(try Self.tampered(second) { _ in } == second)
        #expect(throws: DecodingError.self) {
            try Self.tampered(second) { object in
                object["consuntivo"] = firstObject["consuntivo"]
                object["consuntivoDeclaration"] = firstObject["consuntivoDeclaration"]
            }
        }
    }

    @Test(
        "whole numbers are decoded exactly: a decoder's rounding is an error",
        arguments: ["49999.99999999999999", "50000.0000000000001", "50000.5", "99999999999999999999"])
    func exactIntegers(number: String) throws {
        let cycleYear = #"{"year": 2025, "population": NUMBER}"#
        #expect(try Self.decode(CycleYear.self, cycleYear, number: "50000").population == 50_000)
        #expect(throws: DecodingError.self) { try Self.decode(CycleYear.self, cycleYear, number: number) }
        let ratio = #"{"residentsPerSocialWorker": {"_0": NUMBER}}"#
        #expect(try Self.decode(ParameterValue.self, ratio, number: "5000") == .residentsPerSocialWorker(5000))
        #expect(throws: DecodingError.self) { try Self.decode(ParameterValue.self, ratio, number: number) }
        let change = #"{"residents": {"istatCode": "099001", "year": 2027, "residents": NUMBER}}"#
        #expect(try Self.decode(ScenarioChange.self, change, number: "50000") == .residents(istatCode: "099001", year: 2027, residents: 50_000))
        #expect(throws: DecodingError.self) { try Self.decode(ScenarioChange.self, change, number: number) }
        let entry = #"{"code": "A", "name": "Uno", "population": NUMBER, "fte": {"numerator": 1, "denominator": 1}, "previous": "0"}"#
        #expect(try Self.decode(AllocationEntry.self, entry, number: "50000").population == 50_000)
        #expect(throws: DecodingError.self) { try Self.decode(AllocationEntry.self, entry, number: number) }
        // Every form the encoder writes reads back.
        for value in [ParameterValue.money(EuroCents(cents: 4_000_000)), .residentsPerSocialWorker(6500), .dayOfYear(month: 2, day: 28)] {
            #expect(try JSONDecoder().decode(ParameterValue.self, from: JSONEncoder().encode(value)) == value)
        }
        // The parameters a result carries: a ratio and a year inside them are whole numbers too.
        let roster = try Self.roster.get()
        let contribution = try RosterAssessor().assess(roster, year: 2025).contribution
        var encoded = String(decoding: try JSONEncoder().encode(contribution), as: UTF8.self)
        #expect(try JSONDecoder().decode(ContributionAssessment.self, from: Data(encoded.utf8)) == contribution)
        encoded = encoded.replacingOccurrences(of: #""value":5000"#, with: #""value":\#(number.hasPrefix("5") ? "5000.0000000000001" : "4999.99999999999999")"#)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(ContributionAssessment.self, from: Data(encoded.utf8)) }
    }

    @Test("a year's outcome decoded alone is checked: liquidato, economia and recupero are what its contributions give")
    func cycleOutcome() throws {
        var cycle = FundingCycle()
        try cycle.record(
            CycleYear(
                year: 2023, population: 100_000, forecastFTE: Fraction(23), actualFTE: try #require(Fraction(numerator: 43, denominator: 2)),
                certifiedFTE: Fraction(21)))
        let outcome = try #require(cycle.outcomes.first)
        #expect(try JSONDecoder().decode(CycleOutcome.self, from: JSONEncoder().encode(outcome)) == outcome)
        #expect(throws: DecodingError.self) { try Self.tampered(outcome) { $0["liquidated"] = 1 } }
        #expect(throws: DecodingError.self) { try Self.tampered(outcome) { $0["recovery"] = 0 } }
        #expect(throws: DecodingError.self) { try Self.tampered(outcome) { $0["year"] = 2024 } }
        #expect(throws: DecodingError.self) { try Self.tampered(outcome) { $0["reserved"] = nil } }
        #expect(throws: DecodingError.self) { try Self.tampered(outcome) { $0["decreedReserved"] = -5 } }
    }

    @Test("every form of a scenario change reads back as written")
    func scenarioChangeRoundTrips() throws {
        let period = try ServicePeriod(start: CivilDate(year: 2026, month: 4, day: 1)!, end: nil, share: .fullTime)
        let changes: [ScenarioChange] = [
            .hire(PlannedHire(id: try PersonID("NUOVA-1"), period: period, employer: try Employer(kind: .comune, istatCode: "099001"))),
            .hire(
                PlannedHire(
                    id: try PersonID("NUOVA-2"), period: period, employer: try Employer(kind: .asl, delegatedFunctions: true),
                    areas: try AreaSplit([.segretariatoSociale: Fraction(100)]))),
            .termination(id: try PersonID("AS-001"), from: CivilDate(year: 2026, month: 7, day: 1)!),
            .shareChange(id: try PersonID("AS-002"), from: CivilDate(year: 2026, month: 7, day: 1)!, share: try WorkShare(percent: Fraction(50))),
            .residents(istatCode: "099001", year: 2027, residents: 31_300),
        ]
        for change in changes {
            #expect(try JSONDecoder().decode(ScenarioChange.self, from: JSONEncoder().encode(change)) == change)
        }
        // A form with two cases is refused.
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(ScenarioChange.self, from: Data(#"{"termination": {"id": "A", "from": "2026-01-01"}, "residents": {}}"#.utf8))
        }
    }

    @Test("a parameter table is never used for a year before the measure, whatever its dates")
    func yearsBeforeTheMeasure() throws {
        let official = ParameterTable.official
        let early = try ParameterTable(
            histories: ParameterName.allCases.map { name in
                ParameterHistory(
                    name: name,
                    values: official.history(of: name).values.map { DatedValue(fromYear: 1990, value: $0.value, reference: $0.reference) })
            })
        #expect(throws: ParameterError.yearOutOfRange(2000)) { try early.inForce(for: 2000) }
        #expect(throws: ParameterError.self) { try official.inForce(for: 2000) }
        #expect(throws: (any Error).self) { try ContributionCalculator(parameters: early).assess(population: 50_000, fte: Fraction(12), year: 2000) }
        #expect(try early.inForce(for: 2025).year == 2025)
        // A value dated outside the dates the program knows is refused.
        #expect(throws: ParameterError.self) {
            try ParameterTable(
                histories: ParameterName.allCases.map { name in
                    ParameterHistory(
                        name: name,
                        values: official.history(of: name).values.map { DatedValue(fromYear: Int.min, value: $0.value, reference: $0.reference) })
                })
        }
    }

    @Test("a year's outcome is refused as recording the year refuses it; a comune's code is digits")
    func publicCallsCheck() throws {
        let cycle = FundingCycle()
        #expect(throws: FundingCycle.CycleError.self) { try cycle.outcome(of: CycleYear(year: -5, population: -5)) }
        #expect(throws: FundingCycle.CycleError.self) { try cycle.outcome(of: CycleYear(year: 2025, population: 50_000, actualFTE: Fraction(10))) }
        #expect(throws: FundingCycle.CycleError.self) {
            try cycle.outcome(of: CycleYear(year: 2025, population: 50_000, forecastFTE: Fraction(10), decreedReserved: EuroCents(cents: -1)))
        }
        #expect(try cycle.outcome(of: CycleYear(year: 2025, population: 50_000, forecastFTE: Fraction(10))).reserved != nil)
        #expect(throws: InvalidValue.self) { try Employer(kind: .comune, istatCode: "xyz") }
        #expect(throws: InvalidValue.self) { try Employer(kind: .comune, istatCode: "0480011") }
        #expect(try Employer(kind: .comune, istatCode: "48001").istatCode == "48001")
        // A code for a kind with no comune means nothing: accepted, not kept (as the ASL flags of another kind).
        #expect(try Employer(kind: .unioneDiComuni, istatCode: "xyz").istatCode == nil)
        #expect(try Employer(kind: .comuneCapofila, istatCode: "048001").istatCode == "048001")
        #expect(try Employer(kind: .unioneDiComuni, istatCode: "048001") == Employer(kind: .unioneDiComuni))
        // Nor checked: a note in the code of an ASL is dropped with the code, not an error beside the reader's warning.
        #expect(try Employer(kind: .asl, istatCode: "048001\n(ASL Toscana)").istatCode == nil)
    }

    @Test("an id with a line or paragraph separator is an error, not a second person", arguments: ["\u{2028}", "\u{2029}"])
    func lineSeparatorInId(separator: String) throws {
        #expect(throws: InvalidValue.self) { try PersonID("AS-001\(separator)") }
        var text = try String(contentsOf: Self.root.appendingPathComponent("Examples/ambito-esempio.json"), encoding: .utf8)
        text = text.replacingOccurrences(of: "\"AS-002\"", with: "\"AS-001\\u2028\"")
        #expect(throws: InputError.self) { try RosterLoader.load(jsonData: Data(text.utf8), name: "t.json") }
    }
}

/// The second integrator's trial (2026-11-29): a contribution decoded with a year no computation
/// accepts (−9.223.372.036.854.775.808, 0, 99.999), a parameter in force from another year, a
/// deadline of another year; a whole number refused in English with no error beneath.
@Suite("Decoded parameters belong to a year of the measure; refused numbers say why in Italian")
struct DecodedYearsTests {
    enum Change: String, CaseIterable, Sendable { case yearMinimum, yearZero, yearFar, fromYearMaximum, fromYearAfter, deadlineOfAnotherYear }

    @Test(
        "a contribution whose parameters name a year outside 2021-2200, a start after it or a deadline of another year is refused", arguments: Change.allCases)
    func parametersOfAnotherYear(_ change: Change) throws {
        let contribution = try ContributionCalculator().assess(population: 50_000, fte: Fraction(14), year: 2025)
        #expect(try JSONDecoder().decode(ContributionAssessment.self, from: JSONEncoder().encode(contribution)) == contribution)
        var json = String(decoding: try JSONEncoder().encode(contribution), as: UTF8.self)
        switch change {
        case .yearMinimum: json = json.replacingOccurrences(of: "\"year\":2025", with: "\"year\":-9223372036854775808")
        case .yearZero: json = json.replacingOccurrences(of: "\"year\":2025", with: "\"year\":0")
        case .yearFar: json = json.replacingOccurrences(of: "\"year\":2025", with: "\"year\":99999")
        case .fromYearMaximum: json = json.replacingOccurrences(of: "\"fromYear\":2021", with: "\"fromYear\":9223372036854775807")
        case .fromYearAfter: json = json.replacingOccurrences(of: "\"fromYear\":2021", with: "\"fromYear\":2026")
        case .deadlineOfAnotherYear: json = json.replacingOccurrences(of: "\"2025-02-28\"", with: "\"1900-02-28\"")
        }
        #expect(json != String(decoding: try JSONEncoder().encode(contribution), as: UTF8.self), "the change was made")
        // Refused by the check of the year, not by another one.
        let expected =
            switch change {
            case .yearMinimum, .yearZero, .yearFar: "fuori intervallo: il contributo si calcola per gli anni dal 2021 al 2200"
            case .fromYearMaximum, .fromYearAfter: "in vigore dal"
            case .deadlineOfAnotherYear: "di un altro anno"
            }
        #expect {
            try JSONDecoder().decode(ContributionAssessment.self, from: Data(json.utf8))
        } throws: { error in
            guard case .dataCorrupted(let context) = error as? DecodingError else { return false }
            return context.debugDescription.contains(expected)
        }
    }

    @Test(
        "a residents figure that is no whole number is refused in Italian, with the library's error beneath",
        arguments: ["1e308", "30000.5", "true", "\"3e4\""])
    func residentsNotAnInteger(number: String) throws {
        let roster = try RosterLoader.load(path: DecodedResultsTests.root.appendingPathComponent("Examples/ambito-esempio.json").path).roster
        let json = String(decoding: try JSONEncoder().encode(roster), as: UTF8.self)
        let changed = try #require(json.range(of: #""everyYear":17300"#).map { json.replacingCharacters(in: $0, with: "\"everyYear\":\(number)") })
        #expect {
            try JSONDecoder().decode(Roster.self, from: Data(changed.utf8))
        } throws: { error in
            guard case .dataCorrupted(let context) = error as? DecodingError else { return false }
            return context.underlyingError is InvalidValue && !context.debugDescription.contains("expected") && !context.debugDescription.contains("not ")
        }
    }
}
