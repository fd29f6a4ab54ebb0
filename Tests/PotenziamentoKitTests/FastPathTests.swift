import Foundation
import Testing

@testable import PotenziamentoKit

/// The readers' fast paths (JSON records decoded straight from bytes, CSV cells kept as bytes)
/// must give exactly what the general paths give: the same records, places and messages.
@Suite("Fast paths of the readers agree with the general ones")
struct FastPathTests {
    /// Reads `text` both ways and checks the rosters and the messages are the same.
    func expectSameReading(_ text: String, maximumRecords: Int = RosterLimits.maximumRecords, sourceLocation: SourceLocation = #_sourceLocation) {
        let fast = RosterJSONReader.read(text: text, file: "t.json", maximumRecords: maximumRecords, fastPath: true)
        let general = RosterJSONReader.read(text: text, file: "t.json", maximumRecords: maximumRecords, fastPath: false)
        #expect(fast.roster == general.roster, "\(text.prefix(2_000))", sourceLocation: sourceLocation)
        #expect(
            fast.diagnostics.all.map(\.description) == general.diagnostics.all.map(\.description), "\(text.prefix(2_000))",
            sourceLocation: sourceLocation)
    }

    /// Whether the fast decoder takes the record on its own (nil: it leaves it to the general reader).
    func fastDecode(_ record: String) -> StaffRecord? {
        var decoder = StaffRecordJSONDecoder(file: "t.json", staffPath: JSONPath(parent: .root, key: "personale"))
        var text = record
        return text.withUTF8 { bytes in
            decoder.decode(bytes, at: 0, index: 0).flatMap { $0.end == bytes.count ? $0.record : nil }
        }
    }

    static let clean: [String] = [
        person,
        #"{"id": "A", "profilo": "educatore", "contratto": "tempo_determinato", "ente": {"tipo": "asl", "delegaFunzioni": true, "costoRimborsato": false}, "periodi": [{"dal": "2024-02-29", "al": "2025-03-31", "percentuale": 83.33}, {"dal": "2025-04-01", "percentuale": 50}], "aree": {"segretariato_sociale": 40, "servizio_sociale_professionale": 60}, "impiegatoNeiServiziTerritoriali": false}"#,
        #"{ "periodi" : [ ] , "id" : "B" , "ente" : { "codiceIstat" : "048001" , "tipo" : "comune" } , "contratto" : "tempo_indeterminato" , "profilo" : "assistente_sociale" , "aree" : { } }"#,
        #"{"id":"C","profilo":"assistente_sociale","contratto":"tempo_indeterminato","ente":{"tipo":"ambito"},"periodi":[{"dal":"01/02/2025","percentuale":0.5}],"aree":{"poverta_disagio_adulti":0,"segretariato_sociale":100}}"#,
        #"{"id": "Forlì-1", "profilo": "assistente_sociale", "contratto": "tempo_indeterminato", "ente": {"tipo": "societa_della_salute"}, "periodi": [{"dal": "2025-01-01", "percentuale": 100.0000}]}"#,
    ]

    /// Records the fast decoder must leave to the general reader (errors, or shapes it does not take).
    static let unusual: [String] = [
        #"{"id": "P\u0031", "profilo": "assistente_sociale", "contratto": "tempo_indeterminato", "ente": {"tipo": "comune", "codiceIstat": "048001"}, "periodi": [{"dal": "2025-01-01", "percentuale": 100}]}"#,
        #"{"id": "P1", "profilo": "assistente_sociale", "contratto": "tempo_indeterminato", "ente": {"tipo": "comune", "codiceIstat": "048001"}, "periodi": [{"dal": "2025-01-01", "al": null, "percentuale": 100}]}"#,
        #"{"id": "P1", "profilo": "assistente_sociale", "contratto": "tempo_indeterminato", "ente": {"tipo": "comune", "codiceIstat": "048001"}, "periodi": [{"dal": "2025-01-01", "percentuale": 1e2}]}"#,
        #"{"id": "P1", "profilo": "assistente_sociale", "contratto": "tempo_indeterminato", "ente": {"tipo": "comune", "codiceIstat": "048001"}, "periodi": [{"dal": "2025-01-01", "percentuale": 0}]}"#,
        #"{"id": "P1", "profilo": "assistente_sociale", "contratto": "tempo_indeterminato", "ente": {"tipo": "comune", "codiceIstat": "048001"}, "periodi": [{"dal": "2025-01-01", "percentuale": 100.00001}]}"#,
        #"{"id": "P1", "profilo": "assistente_sociale", "contratto": "tempo_indeterminato", "ente": {"tipo": "comune", "codiceIstat": "048001"}, "periodi": [{"dal": "2025-01-01", "percentuale": 007}]}"#,
        #"{"id": "P1", "profilo": "assistente_sociale", "contratto": "tempo_indeterminato", "ente": {"tipo": "comune", "codiceIstat": "048001"}, "periodi": [{"dal": "2025-02-30", "percentuale": 100}]}"#,
        #"{"id": "P1", "profilo": "assistente_sociale", "contratto": "tempo_indeterminato", "ente": {"tipo": "comune", "codiceIstat": "048001"}, "periodi": [{"dal": " 2025-01-01", "percentuale": 100}]}"#,
        #"{"id": "P1", "profilo": "assistente_sociale", "contratto": "tempo_indeterminato", "ente": {"tipo": "Comune", "codiceIstat": "048001"}, "periodi": [{"dal": "2025-01-01", "percentuale": 100}]}"#,
        #"{"id": "P1", "profilo": "assistente_sociale", "contratto": "tempo_indeterminato", "ente": {"tipo": "comune", "codiceIstat": "048001", "tipo": "asl"}, "periodi": []}"#,
        #"{"id": "P1", "id": "P2", "profilo": "assistente_sociale", "contratto": "tempo_indeterminato", "ente": {"tipo": "comune"}, "periodi": []}"#,
        #"{"id": " ", "profilo": "assistente_sociale", "contratto": "tempo_indeterminato", "ente": {"tipo": "comune"}, "periodi": []}"#,
        #"{"id": "P1", "profilo": "assistente_sociale", "contratto": "tempo_indeterminato", "ente": {"tipo": "comune"}}"#,
        #"{"id": "P1", "profilo": "assistente_sociale", "contratto": "tempo_indeterminato", "ente": {"tipo": "comune"}, "periodi": [], "aree": null}"#,
        #"{"id": "P1", "profilo": "assistente_sociale", "contratto": "tempo_indeterminato", "ente": {"tipo": "comune"}, "periodi": [], "aree": {"segretariato": 100}}"#,
        #"{"id": "P1", "profilo": "assistente_sociale", "contratto": "tempo_indeterminato", "ente": {"tipo": "comune"}, "periodi": [], "aree": {"segretariato_sociale": 50, "segretariato_sociale": 50}}"#,
        #"{"id": "P1", "profilo": "assistente_sociale", "contratto": "tempo_indeterminato", "ente": {"tipo": "comune"}, "periodi": [], "impiegatoNeiServiziTerritoriali": "si"}"#,
        #"{"id": 1, "profilo": "assistente_sociale", "contratto": "tempo_indeterminato", "ente": {"tipo": "comune"}, "periodi": []}"#,
        #"{"id": "P1", "profilo": "assistente_sociale", "contratto": "tempo_indeterminato", "ente": {"tipo": "comune"}, "periodi": [], "nota": "x"}"#,
        #"{"id": "P1", "profilo": "assistente_sociale", "contratto": "tempo_indeterminato", "ente": {"tipo": "comune"}, "periodi": [{"dal": "2025-01-01", "percentuale": -5}]}"#,
        #"{"id": "P1", "profilo": "assistente_sociale", "contratto": "tempo_indeterminato", "ente": "comune", "periodi": []}"#,
        #"[1, 2]"#,
        #"null"#,
    ]

    @Test("clean records are taken by the fast decoder and read alike", arguments: clean)
    func cleanRecords(_ record: String) throws {
        let decoded = try #require(fastDecode(record), "the fast decoder should take this record")
        var diagnostics = Diagnostics()
        let general = RosterJSONReader.readStaff(
            try JSONParser.parse(record).get(), place: SourcePlace(file: "t.json", position: .json(.root)).field("personale").element(0),
            diagnostics: &diagnostics)
        #expect(decoded == general)
        #expect(diagnostics.all.isEmpty)
        expectSameReading(rosterJSON(staff: "[\(record), \(record)]"))
    }

    @Test("unusual records are left to the general reader, which reports them", arguments: unusual)
    func unusualRecords(_ record: String) {
        #expect(fastDecode(record) == nil)
        expectSameReading(rosterJSON(staff: "[\(Self.clean[0]), \(record), \(Self.clean[1])]"))
    }

    @Test("a large roster with bad records mixed in, and the record limit, read alike (seeded)")
    func manyRecords() {
        var generator = SeededGenerator(seed: SeededGenerator.runSeed)
        let all = Self.clean + Self.unusual
        let records = (0..<3_000).map { index in
            let record =
                Int.random(in: 0..<4, using: &generator) > 0 ? Self.clean[index % Self.clean.count] : all[Int.random(in: 0..<all.count, using: &generator)]
            return record.replacingOccurrences(of: #""id": "P1""#, with: #""id": "R\#(index)""#)
        }
        let text = rosterJSON(staff: "[\(records.joined(separator: ",\n"))]")
        expectSameReading(text)
        expectSameReading(text, maximumRecords: 1_000)
        expectSameReading(String(text.dropLast(3)))
    }

    @Test("records sharing an area split read alike, also when a later one differs only after it")
    func sharedAreaSplits() {
        let split = #""aree": {"segretariato_sociale": 40, "servizio_sociale_professionale": 60}"#
        let head = #"{"profilo": "assistente_sociale", "contratto": "tempo_indeterminato", "ente": {"tipo": "ambito"}, "periodi": [], "#
        let records = [
            head + #""id": "A", \#(split)}"#,
            head + #""id": "B", \#(split)}"#,
            head + #""id": "C", "aree": {"segretariato_sociale": 40, "servizio_sociale_professionale": 60, "segretariato_sociale": 1}}"#,
            head + #""id": "D", \#(split), "aree": {}}"#,
            head + #""id": "E", "aree": {"segretariato_sociale": 40, "servizio_sociale_professionale": 61}}"#,
        ]
        expectSameReading(rosterJSON(staff: "[\(records.joined(separator: ", "))]"))
        let (roster, read) = RosterJSONReader.read(text: rosterJSON(staff: "[\(records.joined(separator: ", "))]"), file: "t.json")
        // C is refused (area repeated); D is kept for validation but its repeated key is an error.
        #expect(roster?.staff.map(\.id) == ["A", "B", "D", "E"])
        #expect(
            read.errors.map(\.description) == [
                "t.json: personale[2].aree.segretariato_sociale: area indicata due volte",
                "t.json: personale[3].aree: chiave «aree» ripetuta",
            ])
        #expect(roster?.staff[1].areas == [.segretariatoSociale: Fraction(40), .servizioSocialeProfessionale: Fraction(60)])
        #expect(roster?.staff.last?.areas[.servizioSocialeProfessionale] == Fraction(61))
    }

    @Test("an explicit \"al\": null is an open-ended period, not a lost one")
    func nullEndIsOpenEnded() throws {
        let text = rosterJSON(staff: "[\(Self.unusual[1])]")
        let roster = try #require(RosterJSONReader.read(text: text, file: "t.json").roster)
        #expect(roster.staff.first?.periods.count == 1)
        #expect(roster.staff.first?.periods.first?.end == nil)
    }

    @Test("random damage to a roster reads the same both ways (seeded)")
    func randomDamage() {
        let seed = SeededGenerator.runSeed
        var generator = SeededGenerator(seed: seed)
        // Each record twice, so that repeated texts (shared strings, area splits) are met again damaged.
        let base = Array(rosterJSON(staff: "[\((Self.clean + Self.clean).joined(separator: ", "))]").utf8)
        let alphabet = Array(#"{}[]":,.-0123456789eE \tnulltruefalse\a_"#.utf8)
        for _ in 0..<400 {
            var bytes = base
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                let position = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0...2, using: &generator) {
                case 0: bytes.remove(at: position)
                case 1: bytes.insert(alphabet.randomElement(using: &generator)!, at: position)
                default: bytes[position] = alphabet.randomElement(using: &generator)!
                }
            }
            let text = String(decoding: bytes, as: UTF8.self)
            expectSameReading(text)
        }
    }

    @Test("CSV cells: quotes, doubled quotes, line breaks, CRLF and blank lines come out as before")
    func csvCells() throws {
        let text = "a;b;c\r\n\r\n \"x;1\";\"he said \"\"hi\"\"\";\"two\nlines\"\n\"ab\"c;  d  ;\n\"\"\n"
        let records = try CSVParser.parse(text, separator: UInt8(ascii: ";")).get()
        #expect(records.map(\.fields) == [["a", "b", "c"], ["x;1", "he said \"hi\"", "two\nlines"], ["abc", "  d  ", ""], [""]])
        #expect(records.map(\.line) == [1, 3, 5, 6])
    }

    static let fractionCases: [(Int64, Int64)] = [
        (0, 5), (6, 4), (-6, 4), (6, -4), (-6, -4), (8333, 100), (1, 1), (Int64.max, 1), (Int64.max, Int64.max - 1),
        (Int64.min + 1, 3), (Int64.min, 2), (2, Int64.min), (365 * 100, 366 * 100), (-1, Int64.max),
    ]

    @Test("fractions built in 64 bits equal the same value built in 128 bits", arguments: fractionCases)
    func fraction64(_ numerator: Int64, _ denominator: Int64) {
        let fast = Fraction(Int128(numerator), Int128(denominator))
        // Multiplied by 2⁷⁰ the same value cannot take the 64-bit path.
        let wide = Fraction(Int128(numerator) << 50, Int128(denominator) << 50)
        #expect(fast == wide)
        #expect(fast.denominator > 0)
        #expect(fast.numerator * Int128(denominator) == fast.denominator * Int128(numerator))
    }

    @Test("the 8-byte string scan finds every quote, backslash and control byte, in any position (seeded)")
    func stringScan() {
        func naive(_ word: UInt64) -> Bool {
            (0..<8).contains { position in
                let byte = UInt8(truncatingIfNeeded: word >> (8 * UInt64(position)))
                return byte == 0x22 || byte == 0x5C || byte < 0x20
            }
        }
        let filler = UInt64(0x6161_6161_6161_6161)
        for byte in UInt64(0)...255 {
            for position in UInt64(0)..<8 {
                let word = (filler & ~(0xFF << (8 * position))) | (byte << (8 * position))
                #expect(JSONCursor.hasStringDelimiter(word) == naive(word), "byte \(byte) at \(position)")
            }
        }
        var generator = SeededGenerator(seed: SeededGenerator.runSeed)
        for _ in 0..<20_000 {
            let word = generator.next()
            #expect(JSONCursor.hasStringDelimiter(word) == naive(word), "\(word)")
        }
    }

    @Test("UTF-8 validation in place accepts exactly what String(validating:) accepts (edges and seeded random bytes)")
    func utf8Validation() {
        func agree(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
            let ours = bytes.withUnsafeBufferPointer(UTF8Validation.isValid)
            #expect(ours == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)", sourceLocation: sourceLocation)
        }
        let edges: [[UInt8]] = [
            [], Array("Forlì € 𝄞 plain ascii text".utf8), [0xC0, 0x80], [0xC1, 0xBF], [0xC2, 0x80], [0xDF, 0xBF], [0xE0, 0x9F, 0x80], [0xE0, 0xA0, 0x80],
            [0xED, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xEF, 0xBF, 0xBF], [0xF0, 0x8F, 0xBF, 0xBF], [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF],
            [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0x80], [0xE2, 0x82], [0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0xE2, 0x82, 0xAC],
            Array(repeating: 0x61, count: 15) + [0xC3],
        ]
        for bytes in edges { agree(bytes) }
        var generator = SeededGenerator(seed: SeededGenerator.runSeed)
        let pieces: [[UInt8]] = [
            [0x61], [0x7F], [0xC3, 0xA8], [0xE2, 0x82, 0xAC], [0xF0, 0x9D, 0x84, 0x9E], [0x80], [0xBF], [0xC0], [0xE0], [0xED], [0xF4], [0xF8],
        ]
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...12, using: &generator) {
                bytes +=
                    Int.random(in: 0..<3, using: &generator) == 0
                    ? [UInt8.random(in: 0...255, using: &generator)] : pieces[Int.random(in: 0..<pieces.count, using: &generator)]
            }
            agree(bytes)
        }
    }

    @Test("the binary gcd agrees with Euclid's (seeded)")
    func binaryGCD() {
        var generator = SeededGenerator(seed: SeededGenerator.runSeed)
        func euclid(_ a: UInt64, _ b: UInt64) -> UInt64 { b == 0 ? a : euclid(b, a % b) }
        let edges: [(UInt64, UInt64)] = [(0, 0), (0, 7), (7, 0), (1, UInt64.max), (UInt64.max, UInt64.max - 1), (1 << 63, 1 << 40), (36_500, 36_600)]
        for (a, b) in edges { #expect(Fraction.binaryGCD(a, b) == euclid(a, b), "\(a), \(b)") }
        for _ in 0..<10_000 {
            let shift = UInt64.random(in: 0...40, using: &generator)
            let a = UInt64.random(in: 0...(UInt64.max >> shift), using: &generator)
            let b = UInt64.random(in: 0...(1 << 40), using: &generator) << UInt64.random(in: 0...20, using: &generator)
            #expect(Fraction.binaryGCD(a, b) == euclid(a, b), "\(a), \(b)")
        }
    }

    @Test(
        "exact scaling agrees in 64 and 128 bits",
        arguments: [
            (Fraction(8333, 100), true), (Fraction(1, 3), false), (Fraction(Int128(Int64.max), 3), false), (Fraction(Int128(Int64.max), 10), true),
            (Fraction(-25, 2), true),
        ])
    func scaling(_ value: Fraction, _ exact: Bool) {
        #expect((value.exactlyScaled(by: 10_000) != nil) == exact)
        if let scaled = value.exactlyScaled(by: 10_000) { #expect(Fraction(scaled, 10_000) == value) }
    }

    @Test(
        "area shares add up to 100 by integers, or by fractions when they have more decimals",
        arguments: [
            ([ActivityArea.segretariatoSociale: Fraction(8333, 100), .povertaDisagioAdulti: Fraction(1667, 100)], true),
            ([.segretariatoSociale: Fraction(8333, 100), .povertaDisagioAdulti: Fraction(1666, 100)], false),
            ([.segretariatoSociale: Fraction(100, 3), .povertaDisagioAdulti: Fraction(200, 3)], true),
            ([.segretariatoSociale: Fraction(100, 3), .povertaDisagioAdulti: Fraction(66)], false),
            ([.segretariatoSociale: Fraction(150), .povertaDisagioAdulti: Fraction(-50)], true),
        ])
    func areaSums(_ areas: [ActivityArea: Fraction], _ hundred: Bool) {
        #expect(RosterValidator.areasSumToHundred(areas) == hundred)
        #expect((areas.values.sum() == Fraction(100)) == hundred)
    }
}

@Suite("Report writing by bytes")
struct ByteWritingTests {
    @Test("JSON strings: quotes, backslashes and control characters escaped, accents kept")
    func jsonStrings() {
        let value = JSONValue.object([("k\"", .string("a\"\\\n\r\t\u{1}\u{1F}è€")), ("n", .array([.number("1.5"), .null, .bool(true)])), ("e", .object([]))])
        #expect(
            value.rendered() == "{\n  \"k\\\"\": \"a\\\"\\\\\\n\\r\\t\\u0001\\u001fè€\",\n  \"n\": [\n    1.5,\n    null,\n    true\n  ],\n  \"e\": {}\n}\n")
    }

    @Test(
        "numbers formatted by hand, in 64 and 128 bits",
        arguments: [
            (Fraction(123_456_789, 100), "1.234.567,89", "1234567.89"), (Fraction(-5, 1000), "-0,01", "-0.005"), (Fraction(0), "0,00", "0.0"),
            (Fraction(Int128(UInt64.max) * 1000 + 7, 1000), "18.446.744.073.709.551.615,01", "18446744073709551615.007"),
            (Fraction(10), "10,00", "10.0"),
        ])
    func numbers(_ value: Fraction, _ italian: String, _ json: String) {
        #expect(NumberFormatting.italian(value, decimals: 2) == italian)
        #expect(NumberFormatting.json(value, decimals: 4) == json)
    }
}
