import Foundation
import Testing

@testable import PotenziamentoKit

/// The compact storage of the model (docs/benchmark.md, «Compact records») gives back exactly
/// what was given, at the edges of every bound.
@Suite("Compact records keep every value exactly")
struct CompactModelTests {
    @Test(
        "a date keeps its year, month and day, and orders like the date",
        arguments: [(1, 1, 1), (12, 3, 9), (345, 10, 10), (1900, 2, 28), (2024, 2, 29), (2025, 12, 31), (2200, 6, 15), (9999, 12, 31)])
    func dates(year: Int, month: Int, day: Int) throws {
        let date = try #require(CivilDate(year: year, month: month, day: day))
        #expect((date.year, date.month, date.day) == (year, month, day))
        #expect(CivilDate(dayNumber: date.dayNumber) == date)
        func padded(_ value: Int, _ width: Int) -> String { String(repeating: "0", count: width - String(value).count) + String(value) }
        #expect(date.iso == "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))")
        #expect(date.italian == "\(padded(day, 2))/\(padded(month, 2))/\(padded(year, 4))")
        #expect(CivilDate.parse(date.iso) == date && CivilDate.parse(date.italian) == date)
        if let next = date.adding(days: 1) {
            #expect(date < next)
            #expect(!(next < date))
            #expect((date.year, date.month, date.day) < (next.year, next.month, next.day))
        }
        if let previous = date.adding(days: -1) { #expect(previous < date) }
    }

    @Test(
        "a percentuale keeps its exact value, up to 15 decimals and 100",
        arguments: ["1.000000000000001", "50", "83.333333333333333", "99.999999999999999", "100", "33.3"])
    func percentages(text: String) throws {
        let value = try DecimalParser.parseDecimal(text, maximumDecimals: 15).get()
        let share = try WorkShare(percent: value)
        #expect(share.percent == value)
        #expect(share.fraction == value / Fraction(100))
        #expect(share.hours == nil)
    }

    @Test(
        "hours keep weekly and full-time hours, 4 decimals, up to 60",
        arguments: [("30", "36"), ("18", "36"), ("0.3601", "36"), ("59.9999", "60"), ("60", "60"), ("1", "1"), ("12.5", "37.5")])
    func hours(weekly: String, fullTime: String) throws {
        let weeklyValue = try DecimalParser.parseDecimal(weekly, maximumDecimals: 15).get()
        let fullTimeValue = try DecimalParser.parseDecimal(fullTime, maximumDecimals: 15).get()
        let share = try WorkShare(weeklyHours: weeklyValue, fullTimeHours: fullTimeValue)
        #expect(share.hours?.weekly == weeklyValue)
        #expect(share.hours?.fullTime == fullTimeValue)
        #expect(share.fraction == weeklyValue / fullTimeValue)
        #expect(share.percent == weeklyValue * Fraction(100) / fullTimeValue)
    }

    @Test("shares are equal when they are the same part of full time, however given")
    func shareEquality() throws {
        let hours = try WorkShare(weeklyHours: Fraction(18), fullTimeHours: Fraction(36))
        let percent = try WorkShare(percent: Fraction(50))
        #expect(hours == percent)
        #expect(hours.hashValue == percent.hashValue)
        #expect(try WorkShare(weeklyHours: Fraction(30)) < .fullTime)
        // Two shares given the same way are compared on their integers, with the same answers.
        let thirtyOf36 = try WorkShare(weeklyHours: Fraction(30), fullTimeHours: Fraction(36))
        let twentyFiveOf30 = try WorkShare(weeklyHours: Fraction(25), fullTimeHours: Fraction(30))
        #expect(thirtyOf36 == twentyFiveOf30)
        #expect(thirtyOf36.hashValue == twentyFiveOf30.hashValue)
        #expect(!(thirtyOf36 < twentyFiveOf30) && !(twentyFiveOf30 < thirtyOf36))
        #expect(try WorkShare(weeklyHours: Fraction(29), fullTimeHours: Fraction(36)) < twentyFiveOf30)
        #expect(try WorkShare(percent: Fraction(50)) < WorkShare(percent: Fraction(501, 10)))
        #expect(try WorkShare(percent: Fraction(50)) != WorkShare(percent: Fraction(501, 10)))
    }

    @Test("an area split keeps each share, to the 15th decimal", arguments: ["0.000000000000001", "33.333333333333333", "50", "100"])
    func areaShares(text: String) throws {
        let share = try DecimalParser.parseDecimal(text, maximumDecimals: 15).get()
        var shares: [ActivityArea: Fraction] = [.segretariatoSociale: share]
        if share < Fraction(100) { shares[.povertaDisagioAdulti] = Fraction(100) - share }
        let split = try AreaSplit(shares)
        #expect(split.shares == shares)
        var parts: [ActivityArea: Fraction] = [:]
        split.partsOfTime { area, units in parts[ActivityArea.allCases[area]] = Fraction(Int(units), Int(AreaSplit.wholeTime)) }
        for area in ActivityArea.allCases {
            #expect(split[area] == shares[area] ?? .zero)
            #expect(parts[area] == shares[area].map { $0 / Fraction(100) })
        }
        #expect(split.isSpecified)
        #expect(!AreaSplit.unspecified.isSpecified)
        #expect(AreaSplit.unspecified.shares.isEmpty)
    }

    @Test("the person index finds exactly the ids a dictionary finds, past its expected size", arguments: [0, 1, 7, 300])
    func personIndex(expected: Int) throws {
        // 600 ids, a third of them repeats written with other case and spaces.
        let ids = try (0..<600).map { index in
            try PersonID(index % 3 == 2 ? " as-\(index / 3)x " : "AS-\(index / 3)\(index % 3 == 0 ? "X" : "y")")
        }
        var index = PositionIndex(expected: expected)
        var reference: [PersonID: Int] = [:]
        for (position, id) in ids.enumerated() {
            let found = index.insert(id, at: position, idAt: { ids[$0] })
            #expect(found == reference[id])
            if reference[id] == nil { reference[id] = position }
        }
        #expect(reference.count == 400)
    }
}

/// The room a JSON reader makes for the records of a long list, from the first ones.
@Suite("The JSON reader sizes the list of records once")
struct RecordCountEstimateTests {
    @Test(
        "the estimate covers the records at the sampled length, with an eighth more, within the maximum",
        arguments: [
            // sampled, bytes of the sampled, bytes left, maximum, expected
            (1_000, 342_000, 341_480_000, 10_000_000, 1_124_413),  // 999.479 records of 342 bytes, + 124.934
            (1_000, 342_000, 0, 10_000_000, 1_125),
            (1_000, 3_000, 64_000_000, 10_000_000, 1_126_125),  // 3-byte records taken as 64 bytes: 1.001.000, + 125.125
            (1_000, 342_000, 3_420_000_000, 10_000_000, 10_000_000),
            (1_000, 342_000, 341_480_000, 2, 2),
        ])
    func estimate(sampled: Int, bytes: Int, remaining: Int, maximum: Int, expected: Int) {
        #expect(RosterJSONReader.expectedCount(sampled: sampled, bytes: bytes, remaining: remaining, maximum: maximum) == expected)
    }

    @Test("a roster longer than the sample reads every record, equal to the same roster read from CSV")
    func longRoster() throws {
        let count = RosterJSONReader.sampledRecords * 3 + 17
        let staff = (0..<count).map { RosterFactory.worker("AS-\($0)") }
        let roster = RosterFactory.roster(staff)
        let json = Array(RosterWriter.json(roster).utf8)
        let read = try RosterLoader.load(jsonData: Data(json), name: "lungo.json").roster
        #expect(read.staff.count == count)
        #expect(read == roster)
    }
}

@Suite("JSON paths made in one step")
struct JSONPathStepTests {
    static let periods = JSONPath.InnerField.periodi

    @Test(
        "a record's place and its periods' places, held inline, read, compare and hash like paths made step by step",
        arguments: [(7, 0), (7, 3), (0, 1_000_000), (Int(UInt32.max), 2), (Int(UInt32.max) + 1, 0), (5, Int(UInt32.max) + 1)])
    func oneStep(record index: Int, period: Int) {
        let list = JSONPath.root.appending(key: "personale")
        let record = list.appending(index: index)
        let twoSteps = record.appending(key: "periodi").appending(index: period)
        let oneStep = record.appending(Self.periods, index: period)
        #expect(record.description == "personale[\(index)]")
        #expect(oneStep.description == "personale[\(index)].periodi[\(period)]")
        #expect(oneStep == twoSteps)
        #expect(oneStep.hashValue == twoSteps.hashValue)
        #expect(oneStep.appending(key: "al").description == "personale[\(index)].periodi[\(period)].al")
        #expect(record.appending(key: "ente").appending(key: "tipo").description == "personale[\(index)].ente.tipo")
        // The record's objects, inline too, equal the same paths made of steps.
        for field in ["ente", "aree", "popolazione"] {
            let inline = record.appending(key: field)
            let steps = JSONPath.root.appending(key: "personale").appending(key: "x").appending(key: field)
            #expect(inline.description == "personale[\(index)].\(field)")
            #expect(inline == list.appending(index: index).appending(key: field) && inline.hashValue == record.appending(key: field).hashValue)
            #expect(inline.appending(key: "codiceIstat").description == "personale[\(index)].\(field).codiceIstat")
            #expect(inline.appending(index: 1).description == "personale[\(index)].\(field)[1]")
            #expect(inline.appending(Self.periods, index: 0).description == "personale[\(index)].\(field).periodi[0]")
            #expect(inline != record && inline != oneStep && steps.description == "personale.x.\(field)")
        }
        #expect(oneStep.appending(key: "ente").description == "personale[\(index)].periodi[\(period)].ente")
        #expect(record.appending(JSONPath.InnerField.ente, index: 0).description == "personale[\(index)].ente[0]")
        #expect(oneStep.appending(index: 4).description == "personale[\(index)].periodi[\(period)][4]")
        #expect(list.appending(index: index).appending(index: period).description == "personale[\(index)][\(period)]")
        #expect(oneStep != record.appending(Self.periods, index: period + 1))
        #expect(oneStep != list.appending(index: index + 1).appending(Self.periods, index: period))
        #expect(!record.isRoot && !oneStep.isRoot && JSONPath.root.isRoot)
        #expect(JSONPath.root.appending(index: 2).description == "[2]")
        #expect(JSONPath.root.appending(Self.periods, index: 2).description == "periodi[2]")
    }

    @Test("a path of any length decoded from its text reads, compares and hashes (found by review: no recursion)")
    func longPath() throws {
        let text = String(repeating: "a.", count: 300_000) + "b[2]"
        let json = #"{"file":"x.json","jsonPath":"\#(text)"}"#
        let place = try JSONDecoder().decode(SourcePlace.self, from: Data(json.utf8))
        #expect(place.description == "x.json: " + text)
        #expect(place == place && Set([place]).count == 1)
    }

    @Test("a place is no larger than a CSV line's, so a record of a list costs no node")
    func placeSize() {
        #expect(MemoryLayout<JSONPath>.size <= 24)
        #expect(MemoryLayout<SourcePlace.Position>.size <= 25)
    }

    @Test("paths compare their text, so a place decoded from its text equals the original")
    func text() throws {
        let dotted = JSONPath.root.appending(key: "assunzione").appending(key: "rossi.m")
        let nested = JSONPath.root.appending(key: "assunzione").appending(key: "rossi").appending(key: "m")
        #expect(dotted == nested)
        #expect(dotted.hashValue == nested.hashValue)
        #expect(JSONPath.root != JSONPath.root.appending(index: 0))
        let place = SourcePlace(file: "scenario.json", position: .json(dotted))
        let decoded = try JSONDecoder().decode(SourcePlace.self, from: JSONEncoder().encode(place))
        #expect(decoded == place)
    }
}

/// What the readers report when the roster is checked after the file is let go of (found by review).
@Suite("Readers report every problem after the compact reading")
struct CompactReadingReportTests {
    static let example = "Examples/ambito-esempio"

    static func exampleFile(_ name: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: TestSupport.path("\(example)/\(name)")))
    }

    @Test("an unusable ambito.csv is an error, not a missing file", arguments: ["", "foo;bar\n", "\u{FEFF}codice\n"])
    func unusableAmbito(text: String) throws {
        let files = [
            "ambito.csv": Data(text.utf8), "comuni.csv": try Self.exampleFile("comuni.csv"), "personale.csv": try Self.exampleFile("personale.csv"),
        ]
        let error = try #require(throws: InputError.self) { try RosterLoader.load(csvFiles: files, name: "ats") }
        #expect(error.diagnostics.contains { $0.severity == .error })
        #expect(!error.diagnostics.contains { $0.code == .fileMancante })
    }

    @Test("text after a JSON document does not hide the problems of the roster as a whole")
    func trailingText() throws {
        let staff = (0..<(RosterJSONReader.sampledRecords + 5)).map { RosterFactory.worker("AS-\($0)") } + [RosterFactory.worker("as-10")]
        let comuni = [try Municipality(istatCode: "000001", name: "Uno", residents: Residents(50_000))]
        let roster = try Roster(ambito: Ambito(code: "ATS", name: "ATS"), municipalities: comuni, staff: Array(staff.dropLast()))
        // The same document with a repeated id (differing in case), then text after its end.
        let json = RosterWriter.json(roster)
        let repeated = json.replacingOccurrences(of: "\"AS-11\"", with: "\"as-10\"") + " x"
        let error = try #require(throws: InputError.self) { try RosterLoader.load(jsonData: Data(repeated.utf8), name: "t.json") }
        #expect(error.diagnostics.map(\.code) == [.idRipetuto, .sintassiJSON])
    }
}

@Suite("Shares as exact integers")
struct ExactUnitsTests {
    @Test(
        "a value × unit when it is an integer that fits, else nil",
        arguments: [
            (Fraction(333, 10), Int64(1_000_000_000_000_000), Int64?(33_300_000_000_000_000)),
            (Fraction(100), 1_000_000_000_000_000, 100_000_000_000_000_000),
            (Fraction(1, 3), 1_000_000_000_000_000, nil),
            (Fraction(-5, 2), 10, -25),
            (Fraction(0), 10, 0),
            (Fraction(1, 20_000), 10_000, nil),
            (Fraction(10_000_000), 1_000_000_000_000_000, nil),
        ])
    func units(value: Fraction, unit: Int64, expected: Int64?) {
        #expect(value.exactUnits(per: unit) == expected)
    }

    @Test(
        "an area split's errors keep their order: range, then decimals, then the sum",
        arguments: [
            ("100.0000000000000001", "deve essere tra 0 e 100"),
            ("-0.5", "deve essere tra 0 e 100"),
            ("33.3333333333333333", "troppe cifre decimali"),
            ("99.999999999999999", "sommano a 99,999999999999999, non a 100"),
        ])
    func areaErrors(text: String, message: String) throws {
        let share = try DecimalParser.parseDecimal(text, maximumDecimals: 20).get()
        #expect {
            try AreaSplit([.segretariatoSociale: share])
        } throws: { error in
            (error as? InvalidValue).map { $0.code == .ripartizioneAree && $0.message.contains(message) } ?? false
        }
    }
}

/// A code written exactly is taken by the JSON reader from the code it matched: the same value the
/// vocabulary gives for that text.
@Suite("Codes written exactly")
struct ExactCodeTests {
    @Test("each profile, contract and employer code reads as its own kind, with its own text")
    func codes() throws {
        for kind in Profile.Kind.allCases {
            let read = try Profile(kind.rawValue)
            #expect(read == Profile(kind: kind) && read.text == Profile(kind: kind).text)
        }
        for kind in Contract.Kind.allCases {
            let read = try Contract(kind.rawValue)
            #expect(read == Contract(kind: kind) && read.text == Contract(kind: kind).text)
        }
        for kind in EmployerKind.allCases { #expect(try EmployerKind(parsing: kind.rawValue) == kind) }
    }
}
