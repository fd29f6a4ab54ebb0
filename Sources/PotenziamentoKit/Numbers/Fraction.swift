/// An exact rational number, always in lowest terms with a positive denominator.
///
/// FTE (equivalente a tempo pieno), area shares and the thresholds P/6.500, P/5.000, P/4.000 of
/// L. 178/2020, art. 1, comma 797 are kept as fractions so that no binary rounding ever reaches
/// a figure that decides public money (docs/regole.md §3, §5): `3 × 1/3` is exactly `1`.
///
/// Numerator and denominator are ``BigInt``s: arbitrary precision, stored inline while they fit
/// in 64 bits, so no figure inside or outside the bounds of the domain ever overflows.
public struct Fraction: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The numerator, carrying the sign.
    public let numerator: BigInt
    /// The denominator, always positive.
    public let denominator: BigInt

    /// Zero.
    public static let zero = Fraction(reduced: 0, 1)
    /// One.
    public static let one = Fraction(reduced: 1, 1)

    /// The integer `value`.
    public init(_ value: Int) { self.init(reduced: BigInt(value), 1) }

    /// The integer `value`.
    public init(_ value: BigInt) { self.init(reduced: value, 1) }

    /// `numerator / denominator` in lowest terms, or nil when the denominator is zero.
    public init?(numerator: BigInt, denominator: BigInt) {
        guard !denominator.isZero else { return nil }
        self.init(numerator, denominator)
    }

    /// `numerator / denominator` in lowest terms, or nil when the denominator is zero.
    public init?(numerator: Int, denominator: Int) {
        self.init(numerator: BigInt(numerator), denominator: BigInt(denominator))
    }

    /// `numerator / denominator` reduced; the denominator is not zero (internal callers divide by
    /// lengths, counts and populations that are at least 1).
    init(_ numerator: BigInt, _ denominator: BigInt) {
        precondition(!denominator.isZero, "Fraction with a zero denominator")
        if let top = numerator.int64Value, let bottom = denominator.int64Value, let reduced = Self.reduced(top, bottom) {
            self = reduced
        } else {
            self = Self.generalReduced(numerator, denominator)
        }
    }

    /// `numerator / denominator` (denominator not zero) reduced on ``BigInt``s, for any size.
    static func generalReduced(_ numerator: BigInt, _ denominator: BigInt) -> Fraction {
        let divisor = BigInt.gcd(numerator, denominator)
        var top = numerator
        var bottom = denominator
        if divisor != 1 && !divisor.isZero {
            top = top / divisor
            bottom = bottom / divisor
        }
        if bottom.isNegative {
            top = -top
            bottom = -bottom
        }
        return Fraction(reduced: top, bottom)
    }

    /// `numerator / denominator` for plain integers, reduced (denominator not zero: see above).
    init(_ numerator: Int, _ denominator: Int) { self.init(BigInt(numerator), BigInt(denominator)) }

    /// A fraction already in lowest terms with a positive denominator.
    private init(reduced numerator: BigInt, _ denominator: BigInt) {
        self.numerator = numerator
        self.denominator = denominator
    }

    /// Whether the value is an integer.
    public var isInteger: Bool { denominator == 1 }
    /// Whether the value is below zero.
    public var isNegative: Bool { numerator.isNegative }
    /// Whether the value is zero.
    public var isZero: Bool { numerator.isZero }

    /// `n` or `n/d`.
    public var description: String { isInteger ? numerator.description : "\(numerator)/\(denominator)" }

    // MARK: Arithmetic

    /// The exact sum.
    public static func + (lhs: Fraction, rhs: Fraction) -> Fraction {
        if let (a, b, c, d) = smallParts(lhs, rhs), let sum = smallSum(a, b, c, d) { return sum }
        return generalSum(lhs, rhs)
    }

    /// The exact sum on ``BigInt``s (Knuth 4.5.1), for any size.
    static func generalSum(_ lhs: Fraction, _ rhs: Fraction) -> Fraction {
        if lhs.denominator == rhs.denominator {
            if lhs.denominator == 1 { return Fraction(reduced: lhs.numerator + rhs.numerator, 1) }
            return Fraction(lhs.numerator + rhs.numerator, lhs.denominator)
        }
        if lhs.isZero { return rhs }
        if rhs.isZero { return lhs }
        // Knuth 4.5.1: divide by gcd(b, d) first, keeping intermediate values small.
        let divisor = BigInt.gcd(lhs.denominator, rhs.denominator)
        if divisor == 1 {
            return Fraction(reduced: lhs.numerator * rhs.denominator + rhs.numerator * lhs.denominator, lhs.denominator * rhs.denominator)
        }
        let left = rhs.denominator / divisor
        let right = lhs.denominator / divisor
        let top = lhs.numerator * left + rhs.numerator * right
        if top.isZero { return .zero }
        let second = BigInt.gcd(top, divisor)
        if second == 1 || second.isZero { return Fraction(reduced: top, lhs.denominator * left) }
        return Fraction(reduced: top / second, (lhs.denominator / second) * left)
    }

    /// The exact difference.
    public static func - (lhs: Fraction, rhs: Fraction) -> Fraction { lhs + (-rhs) }

    /// The opposite value.
    public static prefix func - (value: Fraction) -> Fraction { Fraction(reduced: -value.numerator, value.denominator) }

    /// The exact product.
    public static func * (lhs: Fraction, rhs: Fraction) -> Fraction {
        if let (a, b, c, d) = smallParts(lhs, rhs), let product = smallProduct(a, b, c, d) { return product }
        return generalProduct(lhs, rhs)
    }

    /// The exact product on ``BigInt``s, for any size.
    static func generalProduct(_ lhs: Fraction, _ rhs: Fraction) -> Fraction {
        if lhs.isZero || rhs.isZero { return .zero }
        let first = BigInt.gcd(lhs.numerator, rhs.denominator)
        let second = BigInt.gcd(rhs.numerator, lhs.denominator)
        return Fraction(reduced: (lhs.numerator / first) * (rhs.numerator / second), (lhs.denominator / second) * (rhs.denominator / first))
    }

    /// The exact quotient; the divisor is not zero (internal callers divide by sums and
    /// quantities they have checked).
    static func / (lhs: Fraction, rhs: Fraction) -> Fraction {
        precondition(!rhs.isZero, "division by zero")
        let inverse = rhs.isNegative ? Fraction(reduced: -rhs.denominator, -rhs.numerator) : Fraction(reduced: rhs.denominator, rhs.numerator)
        return lhs * inverse
    }

    /// The exact quotient `self / divisor`, or nil when `divisor` is zero.
    public func divided(by divisor: Fraction) -> Fraction? { divisor.isZero ? nil : self / divisor }

    /// Adds `rhs` to `lhs` exactly.
    public static func += (lhs: inout Fraction, rhs: Fraction) { lhs = lhs + rhs }
    /// Subtracts `rhs` from `lhs` exactly.
    public static func -= (lhs: inout Fraction, rhs: Fraction) { lhs = lhs - rhs }
    /// Multiplies `lhs` by `rhs` exactly.
    public static func *= (lhs: inout Fraction, rhs: Fraction) { lhs = lhs * rhs }

    /// Whether `lhs` is smaller than `rhs`.
    public static func < (lhs: Fraction, rhs: Fraction) -> Bool {
        // Two products of 64-bit integers are exact in 128 bits.
        if let (a, b, c, d) = smallParts(lhs, rhs) { return Int128(a) * Int128(d) < Int128(c) * Int128(b) }
        return generalLess(lhs, rhs)
    }

    /// Whether `self ≤ numerator / denominator` (`denominator` positive), without reducing the
    /// right side: the same answer as `self <= Fraction(numerator, denominator)`.
    func isAtMost(_ numerator: Int, over denominator: Int) -> Bool {
        if let a = self.numerator.int64Value, let b = self.denominator.int64Value {
            return Int128(a) * Int128(denominator) <= Int128(numerator) * Int128(b)
        }
        return self.numerator * BigInt(denominator) <= BigInt(numerator) * self.denominator
    }

    /// Whether `lhs` is smaller than `rhs`, on ``BigInt``s, for any size.
    static func generalLess(_ lhs: Fraction, _ rhs: Fraction) -> Bool {
        if lhs.denominator == rhs.denominator { return lhs.numerator < rhs.numerator }
        if lhs.isNegative != rhs.isNegative { return lhs.isNegative }
        return lhs.numerator * rhs.denominator < rhs.numerator * lhs.denominator
    }

    /// The larger of `self` and zero.
    public var clampedAtZero: Fraction { isNegative ? .zero : self }

    // MARK: Machine integers

    // The same arithmetic on 64-bit numerators and denominators, the size of every figure of a
    // roster: no BigInt is made, each step checks for overflow, and a step that would overflow
    // gives nil, so the caller takes the general path. Tests compare both on the edges.

    /// Both fractions' parts when all four fit in `Int64`.
    @inline(__always)
    private static func smallParts(_ lhs: Fraction, _ rhs: Fraction) -> (Int64, Int64, Int64, Int64)? {
        guard let a = lhs.numerator.int64Value, let b = lhs.denominator.int64Value, let c = rhs.numerator.int64Value,
            let d = rhs.denominator.int64Value
        else { return nil }
        return (a, b, c, d)
    }

    /// `top / bottom` in lowest terms with a positive denominator, or nil when a step would overflow.
    static func reduced(_ top: Int64, _ bottom: Int64) -> Fraction? {
        guard bottom != 0, top != .min, bottom != .min else { return nil }
        if top == 0 { return .zero }
        let divisor = Int64(BigInt.binaryGCD(top.magnitude, bottom.magnitude))
        let sign: Int64 = bottom < 0 ? -1 : 1
        return Fraction(reduced: BigInt(sign * (top / divisor)), BigInt(sign * (bottom / divisor)))
    }

    /// `top / bottom` (`bottom` not zero) in lowest terms: reduced on 128 bits, made of
    /// ``BigInt``s only when a part does not fit (sums of many FTE, parts of time of 10⁻¹⁷).
    static func reducing(_ top: Int128, _ bottom: Int128) -> Fraction {
        // Parts that fit in 64 bits take the 64-bit reduction (128-bit division is a library call).
        if let top = Int64(exactly: top), let bottom = Int64(exactly: bottom), let fraction = reduced(top, bottom) { return fraction }
        guard top != .min, bottom != .min else { return generalReduced(BigInt(top), BigInt(bottom)) }
        if top == 0 { return .zero }
        let divisor = Int128(BigInt.binaryGCD(top.magnitude, bottom.magnitude))
        let sign: Int128 = bottom < 0 ? -1 : 1
        return Fraction(reduced: BigInt(sign * (top / divisor)), BigInt(sign * (bottom / divisor)))
    }

    /// `a/b + c/d` (both in lowest terms, `b`, `d` positive) by Knuth 4.5.1, or nil on overflow.
    private static func smallSum(_ a: Int64, _ b: Int64, _ c: Int64, _ d: Int64) -> Fraction? {
        if b == d {
            let (top, overflow) = a.addingReportingOverflow(c)
            return overflow ? nil : reduced(top, b)
        }
        if a == 0 { return Fraction(reduced: BigInt(c), BigInt(d)) }
        if c == 0 { return Fraction(reduced: BigInt(a), BigInt(b)) }
        let divisor = Int64(BigInt.binaryGCD(b.magnitude, d.magnitude))
        let (left, leftOverflow) = a.multipliedReportingOverflow(by: d / divisor)
        let (right, rightOverflow) = c.multipliedReportingOverflow(by: b / divisor)
        let (top, topOverflow) = left.addingReportingOverflow(right)
        guard !leftOverflow, !rightOverflow, !topOverflow, top != .min else { return nil }
        if top == 0 { return .zero }
        let second = Int64(BigInt.binaryGCD(top.magnitude, divisor.magnitude))
        let (bottom, bottomOverflow) = (b / second).multipliedReportingOverflow(by: d / divisor)
        return bottomOverflow ? nil : Fraction(reduced: BigInt(top / second), BigInt(bottom))
    }

    /// `a/b × c/d` (both in lowest terms, `b`, `d` positive), or nil on overflow.
    private static func smallProduct(_ a: Int64, _ b: Int64, _ c: Int64, _ d: Int64) -> Fraction? {
        if a == 0 || c == 0 { return .zero }
        let first = Int64(BigInt.binaryGCD(a.magnitude, d.magnitude))
        let second = Int64(BigInt.binaryGCD(c.magnitude, b.magnitude))
        // A gcd of 2⁶³ (both parts Int64.min) does not fit: the general path takes it.
        guard first > 0, second > 0 else { return nil }
        let (top, topOverflow) = (a / first).multipliedReportingOverflow(by: c / second)
        let (bottom, bottomOverflow) = (b / second).multipliedReportingOverflow(by: d / first)
        return topOverflow || bottomOverflow ? nil : Fraction(reduced: BigInt(top), BigInt(bottom))
    }

    // MARK: Rounding

    /// The nearest integer multiple of `1/scale`, ties away from zero, as a scaled integer
    /// (docs/regole.md §5): `Fraction(92307692, 1000).roundedScaled(by: 100)` is `9230769`,
    /// i.e. 92.307,69 at the cent. `scale` should be positive; a non-positive scale gives 0.
    public func roundedScaled(by scale: BigInt) -> BigInt {
        guard scale > 0 else { return 0 }
        // Every figure of the domain: the three in 64 bits, their product in 128, no heap.
        if let top = numerator.int64Value, let bottom = denominator.int64Value, let factor = scale.int64Value {
            // On 64 bits when the product fits (a 128-bit division is a library call).
            let (product, overflow) = top.multipliedReportingOverflow(by: factor)
            if !overflow {
                let (quotient, remainder) = product.quotientAndRemainder(dividingBy: bottom)
                guard remainder.magnitude >= bottom.magnitude - remainder.magnitude else { return BigInt(quotient) }
                return BigInt(product < 0 ? quotient - 1 : quotient + 1)
            }
            let scaled = Int128(top) * Int128(factor)
            let (quotient, remainder) = scaled.quotientAndRemainder(dividingBy: Int128(bottom))
            guard remainder.magnitude * 2 >= UInt128(bottom) else { return BigInt(quotient) }
            return BigInt(scaled < 0 ? quotient - 1 : quotient + 1)
        }
        let scaled = numerator * scale
        let (quotient, remainder) = scaled.quotientAndRemainder(dividingBy: denominator)
        if remainder.magnitude * 2 >= denominator {
            return scaled.isNegative ? quotient - 1 : quotient + 1
        }
        return quotient
    }

    /// The largest multiple of `1/scale` not above the value, as a scaled integer (rounding down:
    /// the FTE to declare, docs/regole.md §5). A non-positive scale gives 0.
    public func flooredScaled(by scale: BigInt) -> BigInt {
        guard scale > 0 else { return 0 }
        if let top = numerator.int64Value, let bottom = denominator.int64Value, let factor = scale.int64Value {
            let (product, overflow) = top.multipliedReportingOverflow(by: factor)
            if !overflow {
                let (quotient, remainder) = product.quotientAndRemainder(dividingBy: bottom)
                return BigInt(remainder < 0 ? quotient - 1 : quotient)
            }
            let scaled = Int128(top) * Int128(factor)
            let (quotient, remainder) = scaled.quotientAndRemainder(dividingBy: Int128(bottom))
            return BigInt(remainder < 0 ? quotient - 1 : quotient)
        }
        return (numerator * scale).floorDivided(by: denominator)
    }

    /// The value × `unit` when that is an integer that fits in `Int64` (a value written with at
    /// most as many decimals as `unit` has zeros, of a moderate size), else nil: how the model
    /// stores shares as integers (docs/benchmark.md, «Third pass»). `unit` must be positive.
    func exactUnits(per unit: Int64) -> Int64? {
        guard let top = numerator.int64Value, let bottom = denominator.int64Value, unit % bottom == 0 else { return nil }
        let (units, overflow) = top.multipliedReportingOverflow(by: unit / bottom)
        return overflow ? nil : units
    }

    /// The largest integer not above the value.
    public var floor: BigInt { numerator.floorDivided(by: denominator) }

    /// The smallest integer not below the value.
    public var ceiling: BigInt { -((-numerator).floorDivided(by: denominator)) }

    /// The smallest multiple of 10^−`decimals` not below the value: how a shortfall is shown, so
    /// that FTE still missing never show as zero (0,00001 FTE shown 0,0001, not 0,0000).
    package func roundedUp(decimals: Int) -> Fraction {
        let scale = BigInt.tenToThe(decimals)
        return Fraction((self * Fraction(scale)).ceiling, scale)
    }

    /// The minimum of two fractions.
    public static func minimum(_ a: Fraction, _ b: Fraction) -> Fraction { a < b ? a : b }
    /// The maximum of two fractions.
    public static func maximum(_ a: Fraction, _ b: Fraction) -> Fraction { a < b ? b : a }
}

extension Fraction: Codable {
    private enum CodingKeys: String, CodingKey { case numerator, denominator }

    /// Decodes `{"numerator": n, "denominator": d}` (each a number or a string of digits).
    ///
    /// - Throws: `DecodingError.dataCorrupted` for a zero denominator.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let numerator = try container.decode(BigInt.self, forKey: .numerator)
        let denominator = try container.decode(BigInt.self, forKey: .denominator)
        guard let value = Fraction(numerator: numerator, denominator: denominator) else {
            throw DecodingError.dataCorruptedError(forKey: .denominator, in: container, debugDescription: "denominatore zero")
        }
        self = value
    }

    /// Encodes numerator and denominator exactly.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(numerator, forKey: .numerator)
        try container.encode(denominator, forKey: .denominator)
    }
}

extension Sequence where Element == Fraction {
    /// The exact sum of the fractions.
    public func sum() -> Fraction {
        var sum = FractionSum()
        for value in self { sum.add(value) }
        return sum.total
    }
}
