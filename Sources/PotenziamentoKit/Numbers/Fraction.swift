/// An exact rational number, always in lowest terms with a positive denominator.
///
/// FTE (equivalente a tempo pieno) and the thresholds P/6.500, P/5.000, P/4.000 of
/// L. 178/2020, art. 1, comma 797 are kept as fractions so that no binary rounding ever
/// reaches a figure that decides public money (RULES.md §3, §5): `3 × 1/3` is exactly `1`.
///
/// Numerator and denominator are 128-bit integers. The inputs the library accepts are bounded
/// (population ≤ 100 million, percentuale with at most 4 decimals, ≤ 10 million records), which
/// keeps every intermediate product far below 2¹²⁷; arithmetic is still overflow-checked by the
/// language, so a violated bound stops the program instead of producing a wrong number.
public struct Fraction: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The numerator, carrying the sign.
    public let numerator: Int128
    /// The denominator, always positive.
    public let denominator: Int128

    /// Zero.
    public static let zero = Fraction(0)
    /// One.
    public static let one = Fraction(1)

    /// The integer `value` as a fraction.
    public init(_ value: Int) {
        numerator = Int128(value)
        denominator = 1
    }

    /// The integer `value` as a fraction.
    public init(_ value: Int128) {
        numerator = value
        denominator = 1
    }

    /// `numerator / denominator`, reduced. The denominator must not be zero.
    public init(_ numerator: Int128, _ denominator: Int128) {
        precondition(denominator != 0, "Fraction with a zero denominator")
        // Fast path: most values (percentages, FTE with day or month denominators) fit in 64
        // bits, where division is a single instruction instead of a 128-bit library call.
        if let small = Int64(exactly: numerator), let smallDenominator = Int64(exactly: denominator), small != .min, smallDenominator != .min {
            // The divisor is ≤ max(|numerator|, |denominator|) < 2⁶³, and > 0 since the denominator is not 0.
            let divisor = Int64(Fraction.binaryGCD(small.magnitude, smallDenominator.magnitude))
            let sign: Int64 = smallDenominator < 0 ? -1 : 1
            self.numerator = Int128(divisor == 1 ? sign * small : sign * (small / divisor))
            self.denominator = Int128(divisor == 1 ? sign * smallDenominator : sign * (smallDenominator / divisor))
            return
        }
        let divisor = Fraction.greatestCommonDivisor(numerator, denominator)
        let sign: Int128 = denominator < 0 ? -1 : 1
        self.numerator = sign * numerator / divisor
        self.denominator = sign * denominator / divisor
    }

    /// `numerator / denominator` for plain integers, reduced.
    public init(_ numerator: Int, _ denominator: Int) {
        self.init(Int128(numerator), Int128(denominator))
    }

    /// Whether the value is an integer.
    public var isInteger: Bool { denominator == 1 }
    /// Whether the value is below zero.
    public var isNegative: Bool { numerator < 0 }
    /// Whether the value is zero.
    public var isZero: Bool { numerator == 0 }

    public var description: String { denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)" }

    // MARK: Arithmetic

    /// The exact sum.
    public static func + (lhs: Fraction, rhs: Fraction) -> Fraction {
        if lhs.denominator == rhs.denominator {
            return Fraction(lhs.numerator + rhs.numerator, lhs.denominator)
        }
        let divisor = greatestCommonDivisor(lhs.denominator, rhs.denominator)
        let left = rhs.denominator / divisor
        let right = lhs.denominator / divisor
        return Fraction(lhs.numerator * left + rhs.numerator * right, lhs.denominator * left)
    }

    /// The exact difference.
    public static func - (lhs: Fraction, rhs: Fraction) -> Fraction { lhs + (-rhs) }

    /// The opposite value.
    public static prefix func - (value: Fraction) -> Fraction {
        Fraction(unchecked: -value.numerator, value.denominator)
    }

    /// The exact product.
    public static func * (lhs: Fraction, rhs: Fraction) -> Fraction {
        let first = greatestCommonDivisor(lhs.numerator, rhs.denominator)
        let second = greatestCommonDivisor(rhs.numerator, lhs.denominator)
        return Fraction(
            unchecked: (lhs.numerator / first) * (rhs.numerator / second),
            (lhs.denominator / second) * (rhs.denominator / first))
    }

    /// Division; the divisor must not be zero.
    public static func / (lhs: Fraction, rhs: Fraction) -> Fraction {
        precondition(!rhs.isZero, "division by zero")
        return lhs * Fraction(rhs.denominator, rhs.numerator)
    }

    /// Adds `rhs` to `lhs` exactly.
    public static func += (lhs: inout Fraction, rhs: Fraction) { lhs = lhs + rhs }
    /// Subtracts `rhs` from `lhs` exactly.
    public static func -= (lhs: inout Fraction, rhs: Fraction) { lhs = lhs - rhs }

    public static func < (lhs: Fraction, rhs: Fraction) -> Bool {
        lhs.numerator * rhs.denominator < rhs.numerator * lhs.denominator
    }

    /// The larger of `self` and zero.
    public var clampedAtZero: Fraction { isNegative ? .zero : self }

    // MARK: Rounding

    /// The nearest integer multiple of `1/scale`, ties away from zero, as a scaled integer.
    ///
    /// `Fraction(92307692, 1000).roundedScaled(by: 100)` is `9230769` (i.e. 92.307,69 at the cent):
    /// the rounding rule of RULES.md §5 (half away from zero).
    public func roundedScaled(by scale: Int128) -> Int128 {
        let scaled = numerator * scale
        let quotient = scaled / denominator
        let remainder = scaled % denominator
        let magnitude = remainder < 0 ? -remainder : remainder
        if magnitude * 2 >= denominator {
            return scaled < 0 ? quotient - 1 : quotient + 1
        }
        return quotient
    }

    /// `value × scale` when that is an integer (e.g. a percentuale with at most 4 decimals times
    /// 10.000), computed without reducing fractions; nil otherwise.
    public func exactlyScaled(by scale: Int128) -> Int128? {
        if let small = Int64(exactly: numerator), let smallScale = Int64(exactly: scale), let smallDenominator = Int64(exactly: denominator) {
            let (product, overflow) = small.multipliedReportingOverflow(by: smallScale)
            if !overflow { return product % smallDenominator == 0 ? Int128(product / smallDenominator) : nil }
        }
        let product = numerator * scale
        return product % denominator == 0 ? product / denominator : nil
    }

    /// The largest integer not above the value.
    public var floor: Int128 {
        let quotient = numerator / denominator
        return (numerator % denominator != 0 && numerator < 0) ? quotient - 1 : quotient
    }

    /// The smallest integer not below the value.
    public var ceiling: Int128 {
        let quotient = numerator / denominator
        return (numerator % denominator != 0 && numerator > 0) ? quotient + 1 : quotient
    }

    // MARK: Helpers

    private init(unchecked numerator: Int128, _ denominator: Int128) {
        if denominator < 0 {
            self.numerator = -numerator
            self.denominator = -denominator
        } else {
            self.numerator = numerator
            self.denominator = denominator
        }
    }

    /// The greatest common divisor (positive; `gcd(0, 0) = 1` so it can always divide).
    static func greatestCommonDivisor(_ a: Int128, _ b: Int128) -> Int128 {
        var x = a.magnitude
        var y = b.magnitude
        // Fast path: most values (FTE with day or month denominators) fit in 64 bits.
        if x <= UInt128(UInt64.max) && y <= UInt128(UInt64.max) {
            let divisor = binaryGCD(UInt64(x), UInt64(y))
            return divisor == 0 ? 1 : Int128(divisor)
        }
        while y != 0 { (x, y) = (y, x % y) }
        return x == 0 ? 1 : Int128(x)
    }
}

extension Fraction {
    /// The greatest common divisor by Stein's binary algorithm (shifts and subtractions instead
    /// of one slow division per step); 0 only when both are 0.
    static func binaryGCD(_ a: UInt64, _ b: UInt64) -> UInt64 {
        if a == 0 { return b }
        if b == 0 { return a }
        let shift = (a | b).trailingZeroBitCount
        var u = a >> a.trailingZeroBitCount
        var v = b
        repeat {
            v >>= v.trailingZeroBitCount
            if u > v { swap(&u, &v) }
            v -= u
        } while v != 0
        return u << shift
    }

    /// The minimum of two fractions.
    public static func minimum(_ a: Fraction, _ b: Fraction) -> Fraction { a < b ? a : b }
    /// The maximum of two fractions.
    public static func maximum(_ a: Fraction, _ b: Fraction) -> Fraction { a < b ? b : a }
}

extension Sequence where Element == Fraction {
    /// The exact sum of the fractions.
    public func sum() -> Fraction { reduce(.zero, +) }
}
