import Testing

@testable import PotenziamentoKit

@Suite("Exact numbers")
struct FractionTests {
    @Test("3 × 1/3 is exactly 1, and fractions stay reduced")
    func exactness() {
        let third = Fraction(1, 3)
        #expect(third + third + third == .one)
        #expect(Fraction(3) * third == .one)
        #expect(Fraction(6, 8) == Fraction(3, 4))
        #expect(Fraction(6, -8).numerator == -3)
        #expect(Fraction(6, -8).denominator == 4)
        #expect(Fraction(1, 10) + Fraction(2, 10) == Fraction(3, 10))
    }

    @Test("ordering and clamping")
    func ordering() {
        #expect(Fraction(1, 3) < Fraction(1, 2))
        #expect(Fraction(-1, 2) < .zero)
        #expect(Fraction(-5, 2).clampedAtZero == .zero)
        #expect(Fraction(7, 2).floor == 3)
        #expect(Fraction(-7, 2).floor == -4)
        #expect(Fraction(7, 2).ceiling == 4)
        #expect(Fraction(-7, 2).ceiling == -3)
    }

    @Test(
        "rounding half away from zero at the cent",
        arguments: [
            (Fraction(1, 200), BigInt(1)),  // 0,005 → 0,01
            (Fraction(-1, 200), BigInt(-1)),  // -0,005 → -0,01
            (Fraction(1, 201), BigInt(0)),  // 0,004975 → 0,00
            (Fraction(2_999, 200_000), BigInt(1)),  // 0,014995 → 0,01
            (Fraction(120_000_000, 13), BigInt(923_076_923)),  // 9.230.769,2307… → 923076923 cents
            (Fraction(2, 3), BigInt(67)),
        ])
    func rounding(value: Fraction, cents: BigInt) {
        #expect(value.roundedScaled(by: 100) == cents)
    }

    /// Values whose parts fit in 64 bits take a 128-bit path: checked against `floor` of the
    /// exact product (a separate routine), at ties, signs and the ends of 64 bits.
    @Test(
        "scaled rounding and flooring agree with the exact floor, at the ends of 64 bits",
        arguments: [
            (Fraction(1, 2), BigInt(1)), (Fraction(-1, 2), BigInt(1)), (Fraction(5, 2), BigInt(1)), (Fraction(-5, 2), BigInt(1)),
            (Fraction(7, 3), BigInt(100)), (Fraction(-7, 3), BigInt(100)), (Fraction(1, 8), BigInt(100)), (Fraction(-1, 8), BigInt(100)),
            (Fraction(BigInt(Int64.max), BigInt(3)), BigInt.tenToThe(18)), (Fraction(BigInt(Int64.min), BigInt(7)), BigInt.tenToThe(18)),
            (Fraction(BigInt(Int64.max - 1), BigInt(Int64.max)), BigInt(Int64.max)),
            (Fraction(BigInt(Int64.min + 1), BigInt(Int64.max)), BigInt(Int64.max)),
            (Fraction(BigInt(Int64.min), BigInt(1)), BigInt(Int64.max)), (Fraction(BigInt(Int64.max), BigInt(2)), BigInt(Int64.max)),
            (Fraction(BigInt(Int64.max) + 1, BigInt(3)), BigInt(1_000)), (Fraction(1, BigInt(Int64.max) + 1), BigInt(Int64.max)),
            (Fraction(3, 4), BigInt(Int64.max) + 1), (.zero, BigInt(1_000)), (Fraction(-3, 1_000), BigInt(1_000)),
            // Around a product that fits in 64 bits (one 64-bit division) and one that does not.
            (Fraction(BigInt(Int64.max / 10), BigInt(7)), BigInt(10)), (Fraction(BigInt(Int64.max / 10 + 1), BigInt(7)), BigInt(10)),
            (Fraction(BigInt(Int64.min / 10), BigInt(7)), BigInt(10)), (Fraction(BigInt(Int64.min / 10 - 1), BigInt(7)), BigInt(10)),
            (Fraction(BigInt(-(Int64(1) << 62)), BigInt(3)), BigInt(2)), (Fraction(BigInt(Int64(1) << 62), BigInt(3)), BigInt(2)),
            (Fraction(BigInt(Int64.max / 2), BigInt(2)), BigInt(2)), (Fraction(BigInt(-(Int64.max / 2)), BigInt(2)), BigInt(2)),
        ])
    func scaledAgainstFloor(value: Fraction, scale: BigInt) {
        let product = value * Fraction(scale)
        let half = Fraction(1, 2)
        let rounded = value.isNegative ? -((-product + half).floor) : (product + half).floor
        #expect(value.roundedScaled(by: scale) == rounded)
        #expect(value.flooredScaled(by: scale) == product.floor)
    }
}

@Suite("Italian number formatting")
struct ItalianFormattingTests {
    @Test(
        "trimmed form: whole numbers straight, others rounded then trimmed",
        arguments: [
            (Fraction(100), 15, "100"), (Fraction(0), 4, "0"), (Fraction(-7), 4, "-7"), (Fraction(1_234_567), 4, "1.234.567"),
            (Fraction(BigInt(Int64.max) * BigInt(10)), 2, "92.233.720.368.547.758.070"), (Fraction(250, 3), 4, "83,3333"),
            (Fraction(1, 2), 4, "0,5"), (Fraction(30), 4, "30"), (Fraction(-1, 3), 2, "-0,33"), (Fraction(999_999, 1_000_000), 4, "1"),
        ])
    func trimmed(value: Fraction, decimals: Int, expected: String) {
        #expect(NumberFormatting.italianTrimmed(value, maximumDecimals: decimals) == expected)
    }
}

@Suite("Labels (ids, codes, names)")
struct LabelTests {
    @Test(
        "the byte check takes only texts the general check returns unchanged",
        arguments: [
            "AS-0001", "001001", "Comune di Roma", "a", String(repeating: "x", count: 200), String(repeating: "x", count: 201), " AS-1", "AS-1 ",
            "\tAS", "AS\u{7F}", "AS\n1", "Città", "\u{A0}AS", "", " ", "~!@#$%^&*()_+{}|:<>?",
        ])
    func plainASCII(text: String) {
        let general = Result { () throws(InvalidValue) in try Bounds.checkedLabel(text, what: "id") }
        if Bounds.isPlainASCIILabel(text) {
            #expect((try? general.get()) == text)
        } else {
            // Whatever the general check does (trim, refuse), the byte check left it to it.
            #expect(text.isEmpty || text.utf8.count > 200 || text.first == " " || text.last == " " || text.utf8.contains { $0 < 0x20 || $0 >= 0x7F })
        }
        #expect((try? Bounds.label(text, what: "id")) == (try? general.get()))
    }
}

@Suite("Strict decimal parsing")
struct DecimalParserTests {
    @Test(
        "accepted numbers",
        arguments: [
            ("22,5", Fraction(45, 2)), ("22.5", Fraction(45, 2)), ("0", .zero), ("-1", Fraction(-1)),
            ("1.234,56", Fraction(123_456, 100)), ("1.234.567", Fraction(1_234_567)), (" 7 ", Fraction(7)),
            ("0,0001", Fraction(1, 10_000)), ("100000", Fraction(100_000)),
            // Found by the fuzzer: 15 integer digits and 6 decimals overflowed the 64-bit fast path.
            ("999999999999999,999999", Fraction(BigInt(decimal: "999999999999999999999")!, BigInt(1_000_000))),
            ("88800800180100.300000", Fraction(BigInt(888_008_001_801_003), BigInt(10))),
        ])
    func accepted(text: String, value: Fraction) throws {
        #expect(try DecimalParser.parseDecimal(text).get() == value)
    }

    @Test(
        "rejected numbers",
        arguments: [
            "", "22,5x", "1e3", "NaN", "abc", "22,", ",5", "1,2,3", "1.23.4", "2 2", "+3", "0x10", "1.234,5,6", "--1", "٣",
            // Found by the fuzzer (scripts/fuzz.sh, target numbers): dots after the decimal comma crashed the parser.
            "2.222,..", "1.000,5.5", "1.000,.", "-1.000,5.5",
        ])
    func rejected(text: String) {
        #expect(throws: NumberParseError.self) { try DecimalParser.parseDecimal(text).get() }
    }

    @Test("too many decimals is an error, not a silent rounding")
    func decimals() {
        #expect(throws: NumberParseError.tooManyDecimals(allowed: 4)) {
            try DecimalParser.parseDecimal("33,333333", maximumDecimals: 4).get()
        }
        #expect(throws: NumberParseError.tooLarge) { try DecimalParser.parseDecimal("1234567890123456").get() }
    }

    @Test(
        "whole numbers, with Italian thousands",
        arguments: [("100000", 100_000), ("100.000", 100_000), ("1.234.567", 1_234_567), ("-3", -3)])
    func integers(text: String, value: Int) throws {
        #expect(try DecimalParser.parseInteger(text).get() == value)
    }

    @Test("decimals where a whole number is expected are rejected", arguments: ["22,5", "10.5", "1.00", "12,000"])
    func notIntegers(text: String) {
        #expect(throws: NumberParseError.self) { try DecimalParser.parseInteger(text).get() }
    }
}

@Suite("Money and allocation")
struct MoneyTests {
    @Test("Italian and JSON formatting, by hand")
    func formatting() {
        #expect(NumberFormatting.euro(EuroCents(cents: 22_461_538)) == "224.615,38 €")
        #expect(NumberFormatting.euro(EuroCents(cents: 5)) == "0,05 €")
        #expect(NumberFormatting.euro(EuroCents(cents: -123_456)) == "-1.234,56 €")
        #expect(NumberFormatting.json(EuroCents(cents: 480_000)) == "4800.0")
        #expect(NumberFormatting.json(EuroCents(cents: 9_230_769)) == "92307.69")
        #expect(NumberFormatting.json(EuroCents(cents: 9_230_760)) == "92307.6")
        #expect(NumberFormatting.json(Fraction(100, 13), decimals: 4) == "7.6923")
        #expect(NumberFormatting.json(Fraction(10), decimals: 4) == "10.0")
        #expect(NumberFormatting.italian(Fraction(200, 13), decimals: 2) == "15,38")
        #expect(NumberFormatting.italian(1_234_567) == "1.234.567")
        #expect(NumberFormatting.spreadsheet(Fraction(184, 365), decimals: 4) == "0,5041")
    }

    /// The layout of a scaled integer built with string operations (an oracle independent of
    /// the formatting routine): sign, integer digits grouped by `thousands`, `mark`, decimals;
    /// for JSON the decimals' trailing zeros removed but one kept.
    static func oracle(_ scaled: BigInt, decimals: Int, thousands: Character?, mark: Character, json: Bool) -> String {
        var digits = scaled.magnitude.description
        if digits.count < decimals + 1 { digits = String(repeating: "0", count: decimals + 1 - digits.count) + digits }
        var integer = String(digits.dropLast(decimals))
        var fraction = String(digits.suffix(decimals))
        if let thousands {
            var grouped = ""
            for (offset, digit) in integer.enumerated() {
                if offset > 0 && (integer.count - offset) % 3 == 0 { grouped.append(thousands) }
                grouped.append(digit)
            }
            integer = grouped
        }
        if json {
            while fraction.count > 1 && fraction.hasSuffix("0") { fraction.removeLast() }
            if fraction.isEmpty { fraction = "0" }
        }
        return (scaled.isNegative ? "-" : "") + integer + (fraction.isEmpty ? "" : String(mark) + fraction)
    }

    @Test("every layout of a number is the oracle's: signs, leading zeros, groups of thousands, trailing zeros", arguments: 0...6)
    func layouts(decimals: Int) {
        var state: UInt64 = 11
        var values: [BigInt] = [0, 1, -1, 9, 10, 99, 100, 999, 1_000, 1_001, 99_999, 100_000, 1_000_000, 12_345_678, BigInt(Int64.max), BigInt(Int64.min)]
        values += (0..<24).map { power in BigInt.tenToThe(power) } + (0..<24).map { power in BigInt.tenToThe(power) - 1 }
        for _ in 0..<300 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let digits = Int(state >> 59)
            values.append(BigInt(Int64(bitPattern: state) % max(1, Int64(truncatingIfNeeded: (BigInt.tenToThe(digits % 19)).int64Value ?? 1))))
        }
        values.append(BigInt.tenToThe(30) * 7 + 123)
        for scaled in values + values.map({ -$0 }) {
            let italian = String(
                decoding: NumberFormatting.assembleBytes(scaled: scaled, decimals: decimals, thousands: UInt8(ascii: "."), decimalMark: UInt8(ascii: ",")),
                as: UTF8.self)
            #expect(italian == Self.oracle(scaled, decimals: decimals, thousands: ".", mark: ",", json: false), "\(scaled) \(decimals)")
            let plain = String(
                decoding: NumberFormatting.assembleBytes(scaled: scaled, decimals: decimals, thousands: nil, decimalMark: UInt8(ascii: ".")), as: UTF8.self)
            #expect(plain == Self.oracle(scaled, decimals: decimals, thousands: nil, mark: ".", json: false), "\(scaled) \(decimals)")
            let json = NumberFormatting.json(Fraction(numerator: scaled, denominator: BigInt.tenToThe(decimals))!, decimals: decimals)
            #expect(json == Self.oracle(scaled, decimals: decimals, thousands: nil, mark: ".", json: true), "\(scaled) \(decimals)")
        }
    }

    @Test("an integer as JSON bytes is what String(value) gives, at every length and sign and at the ends of Int")
    func integerBytes() {
        var values: [Int] = [0, 1, -1, 9, -9, 10, 99, 100, 2025, 2_750_000, Int.max, Int.min, Int.max - 1, Int.min + 1]
        var power = 1
        for _ in 0..<18 {
            power *= 10
            values += [power - 1, power, power + 1, -(power - 1), -power]
        }
        for value in values {
            #expect(NumberFormatting.withJSONBytes(value) { String(decoding: $0, as: UTF8.self) } == String(value), "\(value)")
        }
    }

    @Test("largest remainder: parts add up to the total, ties in input order")
    func largestRemainder() throws {
        let parts = try LargestRemainder.allocate(EuroCents(cents: 100), proportionalTo: [.one, .one, .one])
        #expect(parts.map(\.cents) == [34, 33, 33])
        let uneven = try LargestRemainder.allocate(EuroCents(cents: 1_600_000), proportionalTo: [Fraction(5), Fraction(2), Fraction(3)])
        #expect(uneven.map(\.cents) == [800_000, 320_000, 480_000])
        #expect(throws: AllocationError.allWeightsZero) { try LargestRemainder.allocate(EuroCents(cents: 5), proportionalTo: [.zero, .zero]) }
        #expect(throws: AllocationError.negativeWeight(index: 1)) { try LargestRemainder.allocate(EuroCents(cents: 5), proportionalTo: [.one, Fraction(-1)]) }
        #expect(try LargestRemainder.allocate(EuroCents(cents: 5), proportionalTo: []).isEmpty)
    }

    /// The split proportional to weights (computed on integers) is the split of the exact shares
    /// `total × weight / Σ weights`: on edge tables (ties, zeros, all zero, one part, large
    /// denominators) and on seeded random weights of FTE-like denominators.
    @Test(
        "largest remainder: the split by weights is the split of the exact shares",
        arguments: [
            (BigInt(100), [Fraction.one, .one, .one]), (BigInt(7), [.zero, .zero]), (BigInt(0), [Fraction(1, 3), Fraction(2, 3)]),
            (BigInt(5), [Fraction(2, 7)]), (BigInt(12_345), [Fraction(1, 365), .zero, Fraction(59, 365), Fraction(83_333, 36_500_000)]),
            (BigInt(999), [Fraction(BigInt(Int64.max), 3), Fraction(1, BigInt(Int64.max)), Fraction(5)]), (BigInt(-17), [Fraction(1), Fraction(2)]),
            (BigInt.tenToThe(30), [Fraction(1, 3), Fraction(1, 7), Fraction(1, 11)]),
        ])
    func proportionalSplit(total: BigInt, weights: [Fraction]) {
        #expect(LargestRemainder.distribute(units: total, proportionalTo: weights) == Self.splitOfExactShares(total, weights))
    }

    @Test("largest remainder: the split by weights on seeded random FTE")
    func proportionalSplitRandom() {
        var generator = SeededGenerator(seed: SeededGenerator.runSeed)
        let denominators: [Int] = [1, 365, 366, 36, 100, 10_000, 36 * 365, 12]
        for _ in 0..<300 {
            let weights = (0..<Int.random(in: 1...12, using: &generator)).map { _ -> Fraction in
                Bool.random(using: &generator) && Bool.random(using: &generator)
                    ? .zero
                    : Fraction(BigInt(Int.random(in: 0...400_000, using: &generator)), BigInt(denominators.randomElement(using: &generator) ?? 1))
            }
            let total = BigInt(Int.random(in: 0...2_000_000, using: &generator))
            #expect(
                LargestRemainder.distribute(units: total, proportionalTo: weights) == Self.splitOfExactShares(total, weights),
                "seed \(SeededGenerator.runSeed): \(total) \(weights)")
        }
    }

    /// Each value rounded down, the units missing to the total by largest remainder: on integers
    /// (in 128 bits when everything fits 64, else with a common denominator) it is the rounding of
    /// the exact scaled values, whatever the path, and every part is its value rounded down or up
    /// when the total is the rounding of the sum.
    @Test("largest remainder: each value rounded down or up to a total, by both paths", arguments: [BigInt(100), BigInt(10_000), BigInt.tenToThe(20)])
    func roundingEach(scale: BigInt) {
        var generator = SeededGenerator(seed: SeededGenerator.runSeed &+ UInt64(scale.description.count))
        let denominators: [Int64] = [1, 3, 7, 365, 366, 36 * 365, 12 * 365, 1 << 40, Int64.max]
        for round in 0..<400 {
            let values = (0..<Int.random(in: 1...9, using: &generator)).map { _ -> Fraction in
                let denominator = denominators.randomElement(using: &generator) ?? 1
                // Now and then a numerator beyond 64 bits: the general path.
                let numerator =
                    round % 7 == 0
                    ? BigInt(Int64.max) * BigInt(Int.random(in: 1...9, using: &generator)) : BigInt(Int.random(in: 0...4_000_000, using: &generator))
                return Fraction(numerator, BigInt(denominator))
            }
            let sum = values.sum()
            for total in [sum.roundedScaled(by: scale), sum.flooredScaled(by: scale)] {
                let parts = LargestRemainder.distribute(units: total, roundingEach: values, scale: scale)
                #expect(
                    parts == LargestRemainder.distribute(units: total, exactShares: values.map { $0 * Fraction(scale) }),
                    "seed \(SeededGenerator.runSeed): \(values)")
                #expect(parts.reduce(BigInt(0), +) == total)
                for (part, value) in zip(parts, values) {
                    let down = value.flooredScaled(by: scale)
                    #expect(part == down || part == down + BigInt(1), "seed \(SeededGenerator.runSeed): \(value)")
                }
            }
        }
    }

    /// Around the bound under which the split runs on machine integers (2⁶¹ for the total and the
    /// sum of the floors; a value × scale beyond 64 bits divided on 128): the same parts as the
    /// exact scaled shares, on either side of it, with negative totals and values.
    @Test(
        "largest remainder: the same split on either side of the machine-integer bound",
        arguments: [
            (BigInt((Int64(1) << 61) - 1), [Fraction(BigInt((Int64(1) << 61) - 1), BigInt(1))], BigInt(1)),
            (BigInt(Int64(1) << 61), [Fraction(BigInt(Int64(1) << 61), BigInt(1))], BigInt(1)),
            (BigInt(Int64(1) << 61), [Fraction(BigInt(Int64(1) << 60), BigInt(1)), Fraction(BigInt(Int64(1) << 60), BigInt(1))], BigInt(1)),
            (BigInt((Int64(1) << 61) - 1), [Fraction(BigInt(Int64(1) << 60), BigInt(1)), Fraction(BigInt((Int64(1) << 60) - 1), BigInt(1))], BigInt(1)),
            (BigInt(Int64(1) << 61), [Fraction(BigInt(Int64(1) << 62), BigInt(3))], BigInt(3)),
            (BigInt(1_317_624_576_693_539_401), [Fraction(BigInt(Int64(1) << 62), BigInt(7)), Fraction(1, 7)], BigInt(2)),
            (BigInt(-5), [Fraction(1, 3), Fraction(2, 3)], BigInt(10)), (BigInt(-((Int64(1) << 61) - 1)), [Fraction(1, 2)], BigInt(1)),
            (BigInt(-(Int64(1) << 61)), [Fraction(1, 2), Fraction(1, 3)], BigInt(6)), (BigInt(3), [Fraction(-1, 2), Fraction(7, 2)], BigInt(1)),
            (BigInt(40), [Fraction(1, 3), Fraction(1, 3), Fraction(1, 3)], BigInt(10)),
            // A floor as large as Int64.max on the 64-bit product: the general path, no overflow (a review).
            (BigInt(0), [Fraction(1), Fraction(BigInt(Int64.max))], BigInt(1)), (BigInt(5), [Fraction(BigInt(Int64.max), 2)], BigInt(2)),
        ])
    func roundingEachAtTheMachineBound(total: BigInt, values: [Fraction], scale: BigInt) {
        let parts = LargestRemainder.distribute(units: total, roundingEach: values, scale: scale)
        #expect(parts == LargestRemainder.distribute(units: total, exactShares: values.map { $0 * Fraction(scale) }))
        #expect(parts.reduce(BigInt(0), +) == total)
    }

    /// The rule written plainly in the test (docs/regole.md §5), as an oracle for the one place
    /// that applies it: each share rounded down, then one unit each to the shares in order of
    /// remainder, largest first and the earlier share on a tie, for the units still missing.
    /// Shares that add up to the total, with 0, 1, several or all units left over, and ties.
    @Test("largest remainder: the units left over go to the largest remainders, the earlier share on a tie (an independent oracle)")
    func leftoverUnitsAgainstOracle() {
        func oracle(_ total: BigInt, _ shares: [Fraction]) -> [BigInt] {
            var units = shares.map(\.floor)
            let remainders = shares.map { $0 - Fraction($0.floor) }
            var left = total - units.reduce(BigInt(0), +)
            var taken = Set<Int>()
            while left > BigInt(0) {
                // The first index of the largest remainder not yet given a unit.
                var best: Int?
                for index in shares.indices where !taken.contains(index) {
                    if let current = best, remainders[index] <= remainders[current] { continue }
                    best = index
                }
                guard let best else { break }
                units[best] += BigInt(1)
                taken.insert(best)
                left -= BigInt(1)
            }
            return units
        }
        var generator = SeededGenerator(seed: SeededGenerator.runSeed &+ 97)
        var leftovers = Set<Int>()
        for round in 0..<600 {
            let count = Int.random(in: 1...8, using: &generator)
            // Denominators from a small set, so that equal remainders (ties) are frequent.
            let denominators: [Int] = [1, 2, 3, 4, 6]
            var shares = (0..<count).map { _ in
                Fraction(BigInt(Int.random(in: 0...40, using: &generator)), BigInt(denominators.randomElement(using: &generator) ?? 1))
            }
            if round % 5 == 0 { shares = Array(repeating: Fraction(1, 3), count: count) }  // all tied
            let sum = shares.sum()
            // Totals the shares add up to when rounded up to a whole number: 0 to count − 1 units left over.
            let total = sum.flooredScaled(by: BigInt(1)) + (sum.isInteger ? BigInt(0) : BigInt(1))
            let parts = LargestRemainder.distribute(units: total, exactShares: shares)
            #expect(parts == oracle(total, shares), "seed \(SeededGenerator.runSeed): \(total) \(shares)")
            #expect(parts.reduce(BigInt(0), +) == total)
            leftovers.insert(Int((total - shares.map(\.floor).reduce(BigInt(0), +)).int64Value ?? -1))
        }
        // The cases of the rule's three ways were all met: none, one, and several units left over.
        #expect(leftovers.contains(0) && leftovers.contains(1) && leftovers.contains { $0 >= 2 }, "\(leftovers.sorted())")
    }

    private static func splitOfExactShares(_ total: BigInt, _ weights: [Fraction]) -> [BigInt] {
        let sum = weights.sum()
        return LargestRemainder.distribute(units: total, exactShares: weights.map { sum.isZero ? .zero : Fraction(total) * $0 / sum })
    }
}

@Suite("Civil dates")
struct CivilDateTests {
    @Test("impossible dates are rejected", arguments: ["2025-02-30", "2025-13-01", "2023-02-29", "31/04/2025", "2025-1-01", "2025/01/01", "", "abcd-ef-gh"])
    func impossible(text: String) {
        #expect(CivilDate.parse(text) == nil)
    }

    @Test("ISO and Italian forms, leap days")
    func parsing() {
        #expect(CivilDate.parse("2024-02-29") == CivilDate(year: 2024, month: 2, day: 29))
        #expect(CivilDate.parse("01/07/2025") == CivilDate(year: 2025, month: 7, day: 1))
        #expect(CivilDate.daysInYear(2024) == 366)
        #expect(CivilDate.daysInYear(2100) == 365)
        #expect(CivilDate.daysInYear(2000) == 366)
    }

    @Test("day numbers round-trip", arguments: [-1000, 0, 1, 18_000, 20_089, 2_932_896])
    func dayNumbers(number: Int) {
        #expect(CivilDate(dayNumber: number)?.dayNumber == number)
    }

    @Test("1 July to 31 December 2025 is 184 days")
    func span() {
        let start = CivilDate(year: 2025, month: 7, day: 1)!
        let end = CivilDate(year: 2025, month: 12, day: 31)!
        #expect(end.dayNumber - start.dayNumber + 1 == 184)
        #expect(CivilDate(year: 1970, month: 1, day: 1)!.dayNumber == 0)
    }
}

/// Today is the date in Italy (docs/guida.md, «La data di oggi»), checked against Python's
/// `zoneinfo` (Europe/Rome) at local midnight in winter and summer and around both changes of
/// the clock, from 2021 to 2200.
@Suite("The date in Italy")
struct ItalianTimeTests {
    @Test(
        "the date in Rome at an instant, as the time-zone database gives it",
        arguments: [
            (1616893140, "2021-03-28"), (1616893200, "2021-03-28"), (1616972340, "2021-03-29"), (1616972400, "2021-03-29"),
            (1616889599, "2021-03-28"), (1635641940, "2021-10-31"), (1635642000, "2021-10-31"), (1635721140, "2021-10-31"),
            (1635721200, "2021-11-01"), (1635638399, "2021-10-31"), (1640991599, "2021-12-31"), (1640991600, "2022-01-01"),
            (1625090399, "2021-06-30"), (1625090400, "2021-07-01"), (1614555000, "2021-03-01"), (1743296340, "2025-03-30"),
            (1743296400, "2025-03-30"), (1743375540, "2025-03-31"), (1743375600, "2025-03-31"), (1743292799, "2025-03-30"),
            (1761440340, "2025-10-26"), (1761440400, "2025-10-26"), (1761519540, "2025-10-26"), (1761519600, "2025-10-27"),
            (1761436799, "2025-10-26"), (1767221999, "2025-12-31"), (1767222000, "2026-01-01"), (1751320799, "2025-06-30"),
            (1751320800, "2025-07-01"), (1740785400, "2025-03-01"), (1774745940, "2026-03-29"), (1774746000, "2026-03-29"),
            (1774825140, "2026-03-30"), (1774825200, "2026-03-30"), (1774742399, "2026-03-29"), (1792889940, "2026-10-25"),
            (1792890000, "2026-10-25"), (1792969140, "2026-10-25"), (1792969200, "2026-10-26"), (1792886399, "2026-10-25"),
            (1798757999, "2026-12-31"), (1798758000, "2027-01-01"), (1782856799, "2026-06-30"), (1782856800, "2026-07-01"),
            (1772321400, "2026-03-01"), (1806195540, "2027-03-28"), (1806195600, "2027-03-28"), (1806274740, "2027-03-29"),
            (1806274800, "2027-03-29"), (1806191999, "2027-03-28"), (1824944340, "2027-10-31"), (1824944400, "2027-10-31"),
            (1825023540, "2027-10-31"), (1825023600, "2027-11-01"), (1824940799, "2027-10-31"), (1830293999, "2027-12-31"),
            (1830294000, "2028-01-01"), (1814392799, "2027-06-30"), (1814392800, "2027-07-01"), (1803857400, "2027-03-01"),
            (4078429140, "2099-03-29"), (4078429200, "2099-03-29"), (4078508340, "2099-03-30"), (4078508400, "2099-03-30"),
            (4078425599, "2099-03-29"), (4096573140, "2099-10-25"), (4096573200, "2099-10-25"), (4096652340, "2099-10-25"),
            (4096652400, "2099-10-26"), (4096569599, "2099-10-25"), (4102441199, "2099-12-31"), (4102441200, "2100-01-01"),
            (4086539999, "2099-06-30"), (4086540000, "2099-07-01"), (4076004600, "2099-03-01"), (7265725140, "2200-03-30"),
            (7265725200, "2200-03-30"), (7265804340, "2200-03-31"), (7265804400, "2200-03-31"), (7265721599, "2200-03-30"),
            (7283869140, "2200-10-26"), (7283869200, "2200-10-26"), (7283948340, "2200-10-26"), (7283948400, "2200-10-27"),
            (7283865599, "2200-10-26"), (7289650799, "2200-12-31"), (7289650800, "2201-01-01"), (7273749599, "2200-06-30"),
            (7273749600, "2200-07-01"), (7263214200, "2200-03-01"), (0, "1970-01-01"), (-3660, "1969-12-31"), (-3600, "1970-01-01"),
        ])
    func dateInRome(seconds: Int, expected: String) {
        #expect(ItalianTime.date(unixSeconds: seconds)?.iso == expected)
    }

    @Test("an instant no clock gives is nil, not a trap", arguments: [Int.max, Int.min, Int.max - 3_600, 1_000_000_000_000_000])
    func impossibleInstants(seconds: Int) {
        #expect(ItalianTime.date(unixSeconds: seconds) == nil)
    }
}
