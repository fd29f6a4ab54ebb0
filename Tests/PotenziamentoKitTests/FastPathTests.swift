import Foundation
import Testing

@testable import PotenziamentoFormats
@testable import PotenziamentoKit

/// The shortcuts taken for speed give exactly what the general code gives.
@Suite("Fast paths agree with the general code")
struct FastPathTests {
    @Test("the ASCII normalisation of the vocabularies equals the one by characters")
    func asciiNormalisation() {
        var samples = [
            "", " ", "assistente_sociale", "Assistente Sociale", "  a tempo  indeterminato ", "T.I.", "t.i", "tempo-indeterminato",
            "Unione di comuni", "co.co.co.", "altro: tirocinio", "di_ruolo/part time", "'x'", "\t tab\t", "a\r\nb", "A..B", "__", "x-", "-x",
        ]
        var state: UInt64 = 17
        let alphabet = Array("aZ _-/'.\t:09q\r\n".utf8)
        for _ in 0..<2_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(state % 12) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                bytes.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            samples.append(String(decoding: bytes, as: UTF8.self))
            state = state &* 6_364_136_223_846_793_005 &+ 1
        }
        for sample in samples {
            #expect(Vocabulary.normalizedASCII(sample) == Vocabulary.normalizedCharacters(sample), "«\(sample)»")
        }
        #expect(Vocabulary.normalized("Società della Salute") == "societa della salute")
    }

    /// The comparison the split uses to skip a comune under the soglia minima (``Fraction/isAtMost(_:over:)``).
    @Test(
        "a fraction compared with n/d without reducing it agrees with the reduced comparison",
        arguments: [
            (Fraction(13, 2), 6_500, 1_000), (Fraction(13, 2), 6_501, 1_000), (Fraction(13, 2), 6_499, 1_000), (.zero, 0, 6_500), (Fraction(-1, 3), 0, 1),
            (Fraction(1, 3), 0, 1), (Fraction(BigInt(Int64.max) * 3, 7), Int.max, 2), (Fraction(BigInt(Int64.max), 1), Int.max, 1),
            (Fraction(BigInt(Int64.max) + 1, 1), Int.max, 1), (Fraction(BigInt(Int64.min), 3), Int.min, 3), (Fraction(2_750_000, 6_500), 2_750_000, 6_500),
            (Fraction(BigInt.power(10, 30) + 1, BigInt.power(10, 30)), 1, 1),
        ])
    func unreducedComparison(value: Fraction, numerator: Int, denominator: Int) {
        #expect(value.isAtMost(numerator, over: denominator) == (value <= Fraction(numerator, denominator)))
    }

    @Test("the byte scan for control characters agrees with the scalars")
    func controlCharacters() {
        let samples = [
            "", "«AS-001» non ha la ripartizione", "Forlì", "\u{85}x", "a\u{9F}", "\u{A0}", "\u{7F}", "tab\t", "line\n", "¬©»«", "\u{80}", "\u{C0}\u{80}",
            "ok",
        ]
        // Each kind of character at every place of the first words (the scan goes a word at a time).
        var placed: [String] = []
        for special in ["\u{0}", "\u{1F}", "\u{7F}", "\u{80}", "\u{9F}", "\u{A0}", "Â", "\u{C2}\u{A0}", "ì", "\n"] {
            for prefix in 0..<18 {
                let lead = String(repeating: "a", count: prefix)
                placed += [lead + special + "bcdefghijklmnop", lead + "è" + special, lead + special]
                // After a « or a non-breaking space (0xC2 letters), the scan goes on by words.
                placed += ["«" + lead + special + "»", "«x» " + lead + "\u{A0}" + lead + special + "abcdefghi", lead + "«»«»" + special]
            }
        }
        for sample in samples + placed {
            #expect(TextSafety.hasControlCharacters(sample) == sample.unicodeScalars.contains(where: TextSafety.isControl), "«\(sample)»")
        }
    }

    @Test("the byte search of the vocabularies agrees with String.range(of:)")
    func byteSearch() {
        for text in [
            "assistente sociale", "assistente sociale coordinatore", "dott assistente sociale", "assistente socia", "", "assistente  sociale", "x",
            "psicologo (assistente sociale)", "città assistente sociale",
        ] {
            #expect(Vocabulary.range(of: "assistente sociale", in: text) == text.range(of: "assistente sociale"), "«\(text)»")
        }
    }

    @Test("a profile or contract written as its code is what the vocabulary gives for it")
    func codes() throws {
        for kind in Profile.Kind.allCases {
            #expect(try Profile(kind.rawValue).kind == kind)
            #expect(try Profile(" \(kind.rawValue)").kind == kind)
        }
        for kind in Contract.Kind.allCases {
            #expect(try Contract(kind.rawValue).kind == kind)
            #expect(try Contract(" \(kind.rawValue)").kind == kind)
        }
    }

    @Test("the code tables find exactly the codes init(rawValue:) finds")
    func codeTables() {
        func check<Code: RawRepresentable & CaseIterable & Sendable & Equatable>(_ table: CodeTable<Code>) where Code.RawValue == String {
            var texts = ["", " ", "x", "altro:"]
            for code in Code.allCases {
                let text = code.rawValue
                texts += [text, text.uppercased(), " \(text)", "\(text) ", String(text.dropLast()), text + "e", text.replacingOccurrences(of: "_", with: " ")]
            }
            for text in texts { #expect(table.code(text) == Code(rawValue: text), "«\(text)»") }
            #expect(table.cases == Array(Code.allCases))
        }
        check(Profile.Kind.codes)
        check(Contract.Kind.codes)
        check(EmployerKind.codes)
        check(ActivityArea.codes)
    }

    @Test("sums by denominator equal the sums fraction by fraction")
    func grouped() {
        var state: UInt64 = 99
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for round in 0..<50 {
            var values: [Fraction] = []
            for _ in 0..<(1 + next(300)) {
                switch next(6) {
                case 0: values.append(Fraction(next(366) + 1, 365))
                case 1: values.append(Fraction(5 * (next(366) + 1), 6 * 366))
                case 2: values.append(Fraction(Int(Int64.max) - next(1000), next(40) + 1))
                case 3: values.append(Fraction(BigInt(Int64.max) * BigInt(next(1000) + 2), BigInt(next(1000) + 1)))
                case 4: values.append(Fraction(-next(1000), next(20) + 1))
                default: values.append(Fraction(next(1000), 17 + round))
                }
            }
            #expect(values.sum() == values.reduce(Fraction.zero, +))
        }
        #expect([Fraction]().sum() == .zero)
    }

    /// The roster with one person whose first period starts on the JSON string `dal` (as
    /// written, escapes included), or the messages of the error.
    static func start(dal: String) -> Result<CivilDate, InputError> {
        let document = """
            {"formato": "potenziamento.ambito.v1", "ambito": {"codice": "A", "denominazione": "A"},
             "comuni": [{"codiceIstat": "001001", "denominazione": "X", "popolazione": 9000}],
             "personale": [{"id": "AS-1", "profilo": "assistente_sociale", "contratto": "tempo_indeterminato",
               "ente": {"tipo": "comune", "codiceIstat": "001001"}, "periodi": [{"dal": "\(dal)", "percentuale": 100}]}]}
            """
        return Result { () throws(InputError) in
            try RosterLoader.load(jsonData: Data(document.utf8), name: "r.json").roster.staff[0].periods[0].start
        }
    }

    @Test(
        "a comune's position is the first with its code, compared one by one or looked up",
        arguments: [0, 1, 2, ComunePositions.linearLimit - 1, ComunePositions.linearLimit, ComunePositions.linearLimit + 1, 40, 90])
    func comunePositions(count: Int) {
        // Codes of six digits, every fifth one repeating the one two places before it; then the
        // same list with one code longer than 7 bytes (looked up another way) and one empty.
        let codes = (0..<count).map { index in index % 5 == 4 ? "0010\(10 + index - 2)" : "0010\(10 + index)" }
        let others = ["001009", "0010\(10 + count)", "", "1010", "001010 ", "0010100", "00101000", "001010\u{0}", "città", "0010\(10 + count - 1) "]
        for list in [codes, codes + ["00101099", ""]] {
            let positions = ComunePositions(list)
            for code in list + others {
                #expect(positions.position(of: code) == list.firstIndex(of: code), "\(list.count) codes: «\(code)»")
            }
            if count > 4 { #expect(positions.position(of: list[4]) == 2) }
        }
    }

    @Test("codes of up to 7 bytes pack into distinct integers; a longer one does not pack")
    func packedCodes() {
        let codes = ["", "0", "00", "001001", "0010010", "\u{0}", "\u{0}\u{0}", "città", "à", "ÿ", "1001", "0011"]
        let packed = codes.map(ComunePositions.packed)
        #expect(packed.allSatisfy { $0 != nil && $0 != 0 })
        #expect(Set(packed.compactMap { $0 }).count == codes.count)
        #expect(ComunePositions.packed("00100100") == nil)
    }

    @Test(
        "comuni of the same name are found as comparing every pair of normalised names finds them, in a short list and a long one",
        arguments: [2, 10, 64, 65, 130])
    func sameNames(count: Int) throws {
        // Names that differ in digits, accents, case and spaces: some compare alike, most do not.
        let stems = ["Castel Serchio", "Città di Giorgio", "CITTA DI GIORGIO", "Forlì Martino", "Forli  Martino", "Sant'Agata", "Sant Agata"]
        var state: UInt64 = 5
        let municipalities = try (0..<count).map { index -> Municipality in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let name = "\(stems[Int(state >> 33) % stems.count]) \(Int(state >> 40) % 4)"
            return try Municipality(istatCode: String(format: "%06d", 1_000 + index), name: name, residents: Residents(1_000))
        }
        var expected: [(Int, Int)] = []
        for position in municipalities.indices {
            let name = Vocabulary.normalized(municipalities[position].name)
            if let earlier = (0..<position).first(where: { Vocabulary.normalized(municipalities[$0].name) == name }) { expected.append((position, earlier)) }
        }
        let found = Roster.sameNames(municipalities)
        #expect(found.map(\.position) == expected.map(\.0) && found.map(\.earlier) == expected.map(\.1), "\(count) comuni")
        #expect(count < 10 || !expected.isEmpty)
    }

    @Test(
        "a date read from a JSON string's bytes is what the date rule gives for its text",
        arguments: [
            ("2020-01-01", "2020-01-01"), ("31/12/2025", "31/12/2025"), ("2020\\u002D03-04", "2020-03-04"), (" 2020-01-01", " 2020-01-01"),
            ("2021-02-29", "2021-02-29"), ("2024-02-29", "2024-02-29"), ("2025-1-1", "2025-1-1"), ("", ""), ("01-01-2020", "01-01-2020"),
            ("1999-12-31", "1999-12-31"), ("2020-13-01", "2020-13-01"), ("2020/01/01", "2020/01/01"), ("x020-01-01", "x020-01-01"),
        ])
    func jsonDates(written: String, text: String) {
        let read = Self.start(dal: written)
        switch Result(catching: { () throws(InvalidValue) in try FieldParsing.date(text) }) {
        case .success(let date):
            #expect((try? read.get()) == date, "«\(written)»")
        case .failure(let rule):
            guard case .failure(let error) = read else {
                Issue.record("«\(written)» accepted, the rule refuses it")
                return
            }
            #expect(error.diagnostics.map(\.message) == [rule.message], "«\(written)»")
            #expect(error.diagnostics.map { "\($0.place)" } == ["r.json: personale[0].periodi[0].dal"])
        }
    }

    @Test("a plain number read without the general parser equals what the general parser reads")
    func plainNumbers() {
        var samples = [
            "0", "100", "83.33", "50,5", "007", "1.234", "999999999999999", "123456789012345.123", "0.000000000000001", "12.", ".5", "1e3", "-1", "1.2.3",
        ]
        var state: UInt64 = 5
        for _ in 0..<3_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let whole = String(state >> 40)
            let decimals = String(state & 0xFFFF).prefix(Int(state >> 20) % 6)
            samples.append(decimals.isEmpty ? whole : "\(whole)\(state & 1 == 0 ? "." : ",")\(decimals)")
        }
        for sample in samples {
            for maximum in [0, 2, 4, 15] {
                guard let plain = DecimalParser.plain(sample, maximumDecimals: maximum) else { continue }
                // A leading space sends the same text down the general path.
                #expect(DecimalParser.parseDecimal(" \(sample)", maximumDecimals: maximum) == .success(plain), "«\(sample)» \(maximum)")
                #expect((try? FieldParsing.jsonNumber(sample, maximumDecimals: maximum, what: "x")) == plain)
            }
        }
    }

    @Test("areas added in units of time over the FTE's denominator equal Σ FTE × part, for FTE of any size")
    func areaBreakdown() throws {
        let ftes = [
            Fraction(365, 365), Fraction(5 * 200, 6 * 366), Fraction(1, 3), Fraction(0), Fraction(BigInt(Int64.max) * 3, BigInt(7)),
            Fraction(BigInt(2), BigInt(Int64.max) * 5), Fraction(Int(Int64.max), 1), Fraction(-7, 365),
        ]
        let splits = try [
            AreaSplit([.segretariatoSociale: Fraction(30), .povertaDisagioAdulti: Fraction(70)]),
            AreaSplit([
                .famigliaMinoriAnzianiAutosufficienti: Fraction(33_333_333_333_333_333, 1_000_000_000_000_000),
                .disabilitaNonAutosufficienza: Fraction(66_666_666_666_666_667, 1_000_000_000_000_000),
            ]),
            AreaSplit([.servizioSocialeProfessionale: Fraction(100)]), AreaSplit.unspecified,
        ]
        var records: [CountedRecord] = []
        for (index, fte) in ftes.enumerated() {
            for (number, split) in splits.enumerated() {
                records.append(
                    CountedRecord(
                        id: try PersonID("AS-\(index)-\(number)"), employer: try Employer(kind: .asl), fte: fte, service: [], areas: split))
            }
        }
        let breakdown = AreaBreakdown(records)
        for area in ActivityArea.allCases {
            let expected = records.filter(\.areas.isSpecified).reduce(Fraction.zero) { $0 + $1.fte * $1.areas[area] / Fraction(100) }
            #expect(breakdown[area] == expected, "\(area)")
        }
        #expect(breakdown.unspecified == records.filter { !$0.areas.isSpecified }.reduce(Fraction.zero) { $0 + $1.fte })
        #expect(breakdown.total == records.reduce(Fraction.zero) { $0 + $1.fte })
    }

    @Test("fraction arithmetic on 64-bit parts equals the arithmetic on BigInt, up to the edges of Int64")
    func smallFractions() {
        let edges: [Int64] = [
            0, 1, -1, 2, 3, 7, 365, 366, 36_500, 1 << 31, 1 << 32, 3_037_000_499, 3_037_000_500, 1 << 62, .max, .max - 1, .min, .min + 1, -(1 << 62),
        ]
        var state: UInt64 = 41
        func random() -> Int64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let magnitude = Int64(truncatingIfNeeded: state >> (1 + (state >> 58)))
            return state & 1 == 0 ? magnitude : -magnitude
        }
        var parts = edges.flatMap { [$0, $0 / 3, $0 / 1_000] }
        for _ in 0..<120 { parts.append(random()) }
        var values: [Fraction] = []
        for (index, top) in parts.enumerated() {
            let bottom = parts[(index * 7 + 3) % parts.count]
            guard bottom != 0 else { continue }
            let value = Fraction(BigInt(top), BigInt(bottom))
            #expect(value == Fraction.generalReduced(BigInt(top), BigInt(bottom)), "\(top)/\(bottom)")
            values.append(value)
        }
        for lhs in values {
            for rhs in values {
                #expect(lhs + rhs == Fraction.generalSum(lhs, rhs), "\(lhs) + \(rhs)")
                #expect(lhs * rhs == Fraction.generalProduct(lhs, rhs), "\(lhs) × \(rhs)")
                #expect((lhs < rhs) == Fraction.generalLess(lhs, rhs), "\(lhs) < \(rhs)")
            }
        }
    }

    @Test("the JSON writer's word scan finds the first byte to escape where the byte loop finds it")
    func jsonEscapeScan() {
        for special: UInt8 in [0x00, 0x1F, 0x22, 0x5C, 0x7F, 0x20, 0x21, 0x5B, 0x7E, 0x80, 0xC3, 0xFF] {
            for count in 0..<20 {
                for position in 0...count {
                    var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: count)
                    if position < count { bytes[position] = special }
                    let expected = bytes.firstIndex(where: JSONWriter.needsEscape) ?? bytes.count
                    #expect(bytes.withUnsafeBufferPointer(JSONWriter.plainPrefixCount) == expected, "\(special) at \(position) of \(count)")
                }
            }
        }
    }

    @Test("the bytes counted eight at a time are those counted one by one", arguments: [UInt8(ascii: ";"), UInt8(ascii: ",")])
    func byteCounts(separator: UInt8) {
        var state: UInt64 = 5
        let alphabet: [UInt8] = [separator, 0x0A, 0x0D, UInt8(ascii: "a"), 0x00, 0xFF, 0x80, separator ^ 0x80, 0x0A ^ 0x01, UInt8(ascii: "\"")]
        for count in 0..<40 {
            for _ in 0..<20 {
                let bytes = (0..<count).map { _ -> UInt8 in
                    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    return alphabet[Int(state >> 33) % alphabet.count]
                }
                let counted = bytes.withUnsafeBufferPointer { ByteWords.counts(in: $0, of: separator, 0x0A, 0x0D) }
                #expect(counted.0 == bytes.count { $0 == separator } && counted.1 == bytes.count { $0 == 0x0A }, "\(bytes)")
                #expect(counted.2 == bytes.count { $0 == 0x0D }, "\(bytes)")
            }
        }
        // Long runs of one byte: every byte lane counts it in every word, past the 255 words a
        // lane holds before it is added up.
        for count in [2_039, 2_040, 2_041, 8 * 600 + 3, 100_000] {
            for byte in [separator, 0x0A, 0x0D] {
                let counted = [UInt8](repeating: byte, count: count).withUnsafeBufferPointer { ByteWords.counts(in: $0, of: separator, 0x0A, 0x0D) }
                let expected = (byte == separator ? count : 0, byte == 0x0A ? count : 0, byte == 0x0D ? count : 0)
                #expect(counted == expected, "\(count) × \(byte)")
            }
        }
    }

    @Test("fractions reduced on 128 bits, and sums divided by a scale, equal the BigInt arithmetic")
    func wideReduction() {
        let edges: [Int128] = [
            0, 1, -1, 10, 365 * 100, 1 << 63, -(1 << 63), (1 << 64) + 1, Int128(Int64.max) * 100_000_000_000_000_000, .max, .min, .min + 1, .max / 7,
        ]
        for top in edges {
            for bottom in edges where bottom != 0 {
                #expect(Fraction.reducing(top, bottom) == Fraction.generalReduced(BigInt(top), BigInt(bottom)), "\(top)/\(bottom)")
            }
        }
        var sum = FractionSum()
        var values: [Fraction] = []
        let numerators: [Int128] = [3, 7 * 100_000_000_000_000_000, Int128(Int64.max) * 1_000, -5, 1]
        for (index, numerator) in numerators.enumerated() {
            let denominator = [Int64(365), 2_190, .max, 366, 1][index]
            sum.add(numerator: numerator, denominator: denominator)
            values.append(Fraction.generalReduced(BigInt(numerator), BigInt(denominator)))
        }
        sum.add(Fraction(BigInt(Int64.max) * 9, BigInt(13)))
        values.append(Fraction(BigInt(Int64.max) * 9, BigInt(13)))
        for scale in [Int64(1), 100_000_000_000_000_000, .max] {
            #expect(sum.total(dividedBy: scale) == Fraction.generalProduct(values.reduce(.zero, +), Fraction(BigInt(1), BigInt(scale))), "\(scale)")
        }
        #expect(sum.total == values.reduce(.zero, +))
    }

    @Test("a sum kept by denominator (the first inline, the others in a list, overflow aside) equals the sum of the fractions")
    func sumsByDenominator() {
        var state: UInt64 = 41
        func next(_ bound: UInt64) -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return (state >> 33) % bound
        }
        let denominators: [Int64] = [365, 366, 73, 1, 5, .max, 12]
        let numerators: [Int128] = [0, 1, 184, -3, 365, .max / 3, .min / 3, Int128(Int64.max)]
        for _ in 0..<300 {
            var sum = FractionSum()
            var expected = Fraction.zero
            // Mostly one denominator repeated (the inline group), now and then others and overflows.
            for _ in 0..<Int(next(12)) {
                let denominator = next(3) == 0 ? denominators[Int(next(UInt64(denominators.count)))] : 365
                let numerator = numerators[Int(next(UInt64(numerators.count)))]
                sum.add(numerator: numerator, denominator: denominator)
                expected = expected + Fraction.generalReduced(BigInt(numerator), BigInt(denominator))
            }
            #expect(sum.total == expected)
            #expect(sum.total(dividedBy: 600) == Fraction.generalProduct(expected, Fraction(BigInt(1), BigInt(600))))
        }
    }

    @Test("the areas are the five an area breakdown holds inline")
    func fiveAreas() {
        #expect(ActivityArea.allCases.count == 5)
        #expect(ActivityArea.allCases.map(\.index) == [0, 1, 2, 3, 4])
    }

    @Test("XML escaping leaves plain text as it is and escapes the rest")
    func xml() {
        #expect(CellEscaping.xml("Società della Salute «Forlì» 1.234,56 €") == "Società della Salute «Forlì» 1.234,56 €")
        #expect(CellEscaping.xml("a&b<c>\"d'") == "a&amp;b&lt;c&gt;&quot;d&#39;")
        #expect(CellEscaping.xml("x\u{1}y\u{FFFE}z\u{FFFF}\t\n") == "x\u{FFFD}y\u{FFFD}z\u{FFFD}\t\n")
        #expect(CellEscaping.xml("日本") == "日本")
    }

    @Test(
        "XML escaping on bytes equals the rule on characters",
        arguments: [
            "\u{FEFF}a'b", "\u{FFFD}&\u{F000}", "Sant'Agata\u{EFFF}", "\u{FFFE}", "x\u{FFFF}", "\u{0}\u{1F}\u{7F}\u{80}<",
            "nessun servizio nell'anno", "01/01/2025–31/12/2025 · 365/365 × 100 %", "\u{1F600}\"\u{10FFFF}", "",
        ])
    func xmlRule(text: String) {
        var expected = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": expected += "&amp;"
            case "<": expected += "&lt;"
            case ">": expected += "&gt;"
            case "\"": expected += "&quot;"
            case "'": expected += "&#39;"
            default:
                let value = scalar.value
                let allowed = value == 0x09 || value == 0x0A || value == 0x0D || (value >= 0x20 && value != 0xFFFE && value != 0xFFFF)
                expected.unicodeScalars.append(allowed ? scalar : "\u{FFFD}")
            }
        }
        #expect(CellEscaping.xml(text) == expected)
        #expect(Array(CellEscaping.xml(text).utf8) == Array(expected.utf8))
    }
}

/// Keys of the report's vocabulary are written as they are; keys from the data are escaped.
@Suite("JSON member keys")
struct JSONKeyTests {
    @Test("literal and data keys write valid JSON that reads back the same keys")
    func keys() throws {
        // Texts from the data (`JSONKey("…")` with a literal would be a literal key).
        let data = ["a\"b\\c", "comune \"x\"\n", "è"]
        let text = ReportOutput.collecting { output in
            var json = JSONWriter(output)
            json.object { json in
                json.member("anno", 2025)
                json.member(JSONKey(data[0]), 1)
                json.member(JSONKey(data[1]), 2)
                json.member(null: JSONKey(data[2]))
                json.member("città") { json in json.member("a", 1) }
            }
        }
        #expect(text.hasPrefix("{\n  \"anno\": 2025,\n  \"a\\\"b\\\\c\": 1,\n"), "\(text)")
        #expect(text.hasSuffix(",\n  \"città\": {\n    \"a\": 1\n  }\n}\n"), "\(text)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["anno", "a\"b\\c", "comune \"x\"\n", "è", "città"])
    }

    @Test("a member written once and copied gives the bytes of writing it each time, at every depth and for every identity")
    func reusedMembers() {
        // Identities in the order a batch could meet them: repeated, changed, back, at two depths,
        // two alternating (a prospetto's years), and more than the writer keeps (the oldest dropped).
        let steps: [(identity: Int, nested: Bool)] = [
            (1, false), (1, false), (1, true), (1, true), (2, true), (1, true), (1, false), (3, false), (2, false), (3, false), (2, false),
            (4, false), (5, false), (6, false), (7, false), (1, false), (2, true), (7, false),
        ]
        func document(reusing: Bool) -> String {
            ReportOutput.collecting { output in
                var json = JSONWriter(output)
                json.array { json in
                    for (identity, nested) in steps {
                        json.element { json in
                            func values(_ json: inout JSONWriter) {
                                for value in 0..<identity {
                                    json.element { json in
                                        json.member("valore", value)
                                        json.member("nome", "n\(identity)\"\n")
                                    }
                                }
                            }
                            func member(_ json: inout JSONWriter) {
                                if reusing { json.member(array: "parametri", reusing: identity, values) } else { json.member(array: "parametri", values) }
                                json.member("dopo", identity)
                            }
                            if nested { json.member("dentro") { json in member(&json) } } else { member(&json) }
                        }
                    }
                }
            }
        }
        let expected = document(reusing: false)
        #expect(document(reusing: true) == expected)
        #expect(expected.contains("\"dentro\": {\n      \"parametri\": [\n        {"), "\(expected)")
    }

    @Test(
        "the separator of a CSV table: the first line's, unless it names no known column and a later one does",
        arguments: [
            ("codice_istat;denominazione\n1;A\n", UInt8(ascii: ";")), ("codice_istat,denominazione\n1,A\n", UInt8(ascii: ",")),
            ("Comuni, ATS 2025\ncodice_istat;denominazione\n", UInt8(ascii: ";")), ("Titolo; uno\n\n\ncodice_istat,denominazione\n", UInt8(ascii: ",")),
            ("\u{FEFF}Titolo, a\r\n\"codice_istat\";denominazione;\r\n", UInt8(ascii: ";")), ("T, a\n;;;\n", UInt8(ascii: ",")),
            ("solo un titolo, senza intestazione", UInt8(ascii: ",")), ("a, b\nb\nc\nd\ncodice_istat;x\n", UInt8(ascii: ";")),
            // The header on the sixth line is not looked for: the first line's separator.
            ("a, b\nb\nc\nd\ne\ncodice_istat;x\n", UInt8(ascii: ",")),
        ])
    func csvSeparator(text: String, expected: UInt8) {
        #expect(CSVTable.separator(of: Array(text.utf8), known: ["codice_istat", "denominazione"]) == expected, "\(text.debugDescription)")
        // An empty cell names nothing, even were the empty text a known name (the cells are
        // those of a split, which leaves empty ones out).
        #expect(CSVTable.separator(of: Array("T, a\n;;;\n".utf8), known: ["codice_istat", ""]) == UInt8(ascii: ","))
    }

    @Test("a member written once is copied only for an identity of the same type: 1, Optional(1) and Optional(Optional(1)) are three")
    func reusedMembersOfOtherTypes() {
        let text = ReportOutput.collecting { output in
            var json = JSONWriter(output)
            json.object { json in
                json.member(array: "a", reusing: 1) { $0.element("intero") }
                json.member(array: "b", reusing: Optional(1)) { $0.element("opzionale") }
                json.member(array: "c", reusing: Optional(Optional(1))) { $0.element("qualsiasi") }
                json.member(array: "d", reusing: 1) { $0.element("non scritto: copiato da a") }
            }
        }
        #expect(text.contains("\"b\": [\n    \"opzionale\""), "\(text)")
        #expect(text.contains("\"c\": [\n    \"qualsiasi\""), "\(text)")
        #expect(text.contains("\"d\": [\n    \"intero\""), "\(text)")
    }

    @Test(
        "a CSV cell read from its bytes gives what the rule on its text gives",
        arguments: [
            "100", "83,33", "83.33", "12.500", "1.234,5", "1.000.000", "50%", "50 %", "0", "0,0", "101", "100,0000000000001", "-5", "1e3", "abc", "x1",
            "33,333333333333333", "33,3333333333333333", "123456789012345678", "0,5", "1,", ",5", "1,,5", "36", "18,75", "36,00001", "01/01/2025",
            "2025-01-01", "31/02/2024", "2025-1-1", "1/1/2025", "29/02/2024", "2024-02-30", "01-01-2025", "é", "sì",
        ] + Profile.Kind.allCases.map(\.rawValue) + Contract.Kind.allCases.map(\.rawValue) + EmployerKind.allCases.map(\.rawValue) + [
            "Assistente Sociale", "ASSISTENTE_SOCIALE", "assistente sociale coordinatore", "T.I.", "tempo indeterminato", "Comune", "ATS", "altro: x", "xx",
        ]
    )
    func tableCellBytes(text: String) {
        // Equal values (exactly: a share to its 15 decimals) or equal errors (code and message),
        // and the same text shown (a profile keeps its text as written).
        func same<Value: Equatable>(_ parse: (TableCell) -> Result<Value, InvalidValue>, _ rule: (String) throws(InvalidValue) -> Value) {
            var text = text
            let fromBytes = text.withUTF8 { parse(.text($0)) }
            let fromText = Result { () throws(InvalidValue) in try rule(text) }
            #expect(fromBytes == fromText, "«\(text)»")
            #expect(String(describing: fromBytes) == String(describing: fromText), "«\(text)»")
        }
        same(CellParsing.date, FieldParsing.date)
        same(CellParsing.percentage, FieldParsing.percentage)
        same(CellParsing.areaShare, FieldParsing.areaShare)
        same({ CellParsing.decimal($0, maximumDecimals: 4, what: "ore settimanali") }) { text throws(InvalidValue) in
            try FieldParsing.decimal(text, maximumDecimals: 4, what: "ore settimanali")
        }
        same(CellParsing.profile) { text throws(InvalidValue) in try Profile(text) }
        same(CellParsing.contract) { text throws(InvalidValue) in try Contract(text) }
        same(CellParsing.employerKind) { text throws(InvalidValue) in try EmployerKind(parsing: text) }
    }
}
