#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

// An arbitrary-precision signed integer, written for the exact arithmetic of `Fraction` and `EuroCents`:
// toolchain only, no floating point, no force unwraps.

/// An arbitrary-precision signed integer: exact for every size (memory aside), never trapping on overflow.
///
/// **Representation.** A value that fits in `Int64` is stored inline, in one machine word, with no heap
/// allocation. Any other value is stored as its sign plus its magnitude in little-endian 64-bit limbs
/// (`[UInt64]`) without high zero limbs. A value is stored inline *if and only if* it fits in `Int64`, so
/// equality and hashing are structural and ``int64Value`` is O(1).
///
/// **Algorithms.** Between inline values, `+`, `-` and `*` are the overflow-reporting machine operations and
/// fall back to limbs only when the result does not fit. Multi-limb multiplication is schoolbook; division is
/// Knuth's algorithm D (TAOCP vol. 2, §4.3.1) with normalisation, a single-limb fast path and a 128-bit fast
/// path; the gcd is Stein's binary algorithm on one or two limbs and Lehmer's above. Decimal text is read and
/// written 18 digits at a time.
///
/// Division truncates toward zero like Swift's `Int` (``quotient(dividingBy:)``, ``remainder(dividingBy:)``),
/// and returns nil instead of trapping when the divisor is zero.
public struct BigInt: Sendable {
    /// When ``limbs`` is `nil`, the value itself; otherwise the sign of the value, `-1` or `+1`.
    ///
    /// Either way `small < 0` exactly when the value is negative and `small == 0` exactly when it is zero.
    @usableFromInline internal var small: Int64
    /// `nil` for a value that fits in `Int64`; otherwise the magnitude in little-endian 64-bit limbs, with a
    /// non-zero top limb, and never a magnitude that would fit in `Int64` with the sign.
    @usableFromInline internal var limbs: [UInt64]?

    /// The inline value `value`.
    @inlinable @inline(__always)
    internal init(inline value: Int64) {
        small = value
        limbs = nil
    }

    /// The value with sign `negative` and magnitude `magnitude` (little-endian limbs, high zero limbs allowed):
    /// inline when it fits in `Int64`, otherwise normalised limbs.
    @usableFromInline
    internal init(negative: Bool, magnitude: consuming [UInt64]) {
        while let top = magnitude.last, top == 0 { magnitude.removeLast() }
        if magnitude.isEmpty {
            small = 0
            limbs = nil
        } else if magnitude.count == 1, !negative, magnitude[0] <= UInt64(Int64.max) {
            small = Int64(magnitude[0])
            limbs = nil
        } else if magnitude.count == 1, negative, magnitude[0] <= Int64.min.magnitude {
            // 0 &- m is the two's complement of m; for m = 2⁶³ it is Int64.min.
            small = Int64(bitPattern: 0 &- magnitude[0])
            limbs = nil
        } else {
            small = negative ? -1 : 1
            limbs = magnitude
        }
        assert(satisfiesInvariant, "BigInt invariant violated")
    }

    /// Whether the value is stored inline (no limbs). For tests of the representation invariant.
    internal var isInline: Bool { limbs == nil }

    /// Whether the representation invariant holds: inline if and only if the value fits in `Int64`, limbs
    /// without high zeros, and the sign field `±1` when the value is not inline.
    internal var satisfiesInvariant: Bool {
        guard let limbs else { return true }
        guard small == 1 || small == -1, let top = limbs.last, top != 0 else { return false }
        if limbs.count > 1 { return true }
        return small < 0 ? top > Int64.min.magnitude : top > UInt64(Int64.max)
    }

    /// Calls `body` with the magnitude of the value as little-endian limbs without high zeros (empty for zero),
    /// without allocating for an inline value.
    @inline(__always)
    internal func withMagnitude<Result>(_ body: (UnsafeBufferPointer<UInt64>) -> Result) -> Result {
        if let limbs { return limbs.withUnsafeBufferPointer(body) }
        var magnitude = small.magnitude
        return withUnsafePointer(to: &magnitude) { body(UnsafeBufferPointer(start: $0, count: small == 0 ? 0 : 1)) }
    }
}

// MARK: - Initialisers

extension BigInt: ExpressibleByIntegerLiteral {
    /// The largest number of decimal digits (leading zeros included, the sign excluded) that
    /// ``init(decimal:)`` and ``init(asciiDigits:)`` accept: longer texts give `nil`. 10.000 digits (about
    /// 33.000 bits) is far beyond any figure of the library, and bounds what a hostile input can cost (reading
    /// or printing 10.000 digits takes about a millisecond).
    public static let maximumDecimalDigits = 10_000

    /// The integer literal `value`.
    @inlinable
    public init(integerLiteral value: Int64) { self.init(inline: value) }

    /// The integer `value`.
    @inlinable
    public init(_ value: Int) { self.init(inline: Int64(value)) }

    /// The integer `value`.
    @inlinable
    public init(_ value: Int64) { self.init(inline: value) }

    /// The integer `value`.
    public init(_ value: UInt64) {
        if value <= UInt64(Int64.max) {
            self.init(inline: Int64(value))
        } else {
            self.init(negative: false, magnitude: [value])
        }
    }

    /// The integer `value`.
    public init(_ value: Int128) {
        if let small = Int64(exactly: value) {
            self.init(inline: small)
            return
        }
        let magnitude = value.magnitude
        self.init(negative: value < 0, magnitude: [UInt64(truncatingIfNeeded: magnitude), UInt64(truncatingIfNeeded: magnitude >> 64)])
    }

    /// The integer written in `text`: an optional leading `-` followed by one or more ASCII digits `0`-`9`, and
    /// nothing else (no `+`, spaces, underscores or separators). Leading zeros are allowed; `-0` is zero.
    ///
    /// Returns `nil` for any other text, and for more than ``maximumDecimalDigits`` digits.
    public init?(decimal text: some StringProtocol) {
        let utf8 = text.utf8
        guard utf8.count <= BigInt.maximumDecimalDigits + 1 else { return nil }
        if let parsed = utf8.withContiguousStorageIfAvailable({ BigInt(asciiDigits: $0) }) {
            guard let parsed else { return nil }
            self = parsed
            return
        }
        guard let parsed = Array(utf8).withUnsafeBufferPointer({ BigInt(asciiDigits: $0) }) else { return nil }
        self = parsed
    }

    /// The integer written in the ASCII bytes `asciiDigits`: an optional leading `-` followed by one or more
    /// digits `0`-`9`, and nothing else. Leading zeros are allowed; `-0` is zero.
    ///
    /// Returns `nil` for any other bytes, and for more than ``maximumDecimalDigits`` digits. Reads 18 digits at a
    /// time (one multiply-add by 10¹⁸ over the limbs per chunk).
    public init?(asciiDigits: UnsafeBufferPointer<UInt8>) {
        let negative = asciiDigits.first == UInt8(ascii: "-")
        let start = negative ? 1 : 0
        let end = asciiDigits.count
        let digitCount = end - start
        guard digitCount > 0, digitCount <= BigInt.maximumDecimalDigits else { return nil }
        if digitCount <= 18 {
            var value: Int64 = 0
            for index in start..<end {
                let digit = asciiDigits[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value &* 10 &+ Int64(digit)
            }
            self.init(inline: negative ? -value : value)
            return
        }
        var magnitude: [UInt64] = []
        magnitude.reserveCapacity(digitCount / 19 + 2)
        var index = start
        var chunkLength = digitCount % 18 == 0 ? 18 : digitCount % 18
        while index < end {
            var chunk: UInt64 = 0
            for position in index..<(index + chunkLength) {
                let digit = asciiDigits[position] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                chunk = chunk &* 10 &+ UInt64(digit)
            }
            BigInt.multiplyAdd(&magnitude, multiplier: BigInt.tenToThe18, addend: chunk)
            index += chunkLength
            chunkLength = 18
        }
        self.init(negative: negative, magnitude: magnitude)
    }
}

// MARK: - Accessors

extension BigInt {
    /// The value as an `Int64`, or `nil` if it does not fit. O(1).
    @inlinable
    public var int64Value: Int64? { limbs == nil ? small : nil }

    /// The value as an `Int128`, or `nil` if it does not fit.
    public var int128Value: Int128? {
        guard let limbs else { return Int128(small) }
        guard limbs.count <= 2 else { return nil }
        let magnitude = UInt128(limbs[0]) | (limbs.count == 2 ? UInt128(limbs[1]) << 64 : 0)
        if small < 0 {
            return magnitude <= Int128.min.magnitude ? Int128(truncatingIfNeeded: 0 &- magnitude) : nil
        }
        return magnitude <= UInt128(Int128.max) ? Int128(magnitude) : nil
    }

    /// Whether the value is zero.
    @inlinable
    public var isZero: Bool { small == 0 }

    /// Whether the value is below zero.
    @inlinable
    public var isNegative: Bool { small < 0 }

    /// `-1` if the value is negative, `0` if it is zero, `1` if it is positive.
    @inlinable
    public func signum() -> Int { Int(small.signum()) }

    /// The absolute value (never negative). The magnitude of `Int64.min` is `2⁶³`, which is not inline.
    public var magnitude: BigInt {
        guard small < 0 else { return self }
        return -self
    }

    /// The number of significant bits of the magnitude: `0` for zero, otherwise `⌊log₂|x|⌋ + 1`. Exact.
    public var bitWidth: Int {
        guard let limbs, let top = limbs.last else { return small.magnitude.bitWidth - small.magnitude.leadingZeroBitCount }
        return limbs.count * 64 - top.leadingZeroBitCount
    }

    /// The number of decimal digits of the magnitude (`1` for zero; the sign is not counted). Exact for values
    /// that fit in `Int64`; for larger values an upper bound computed from ``bitWidth`` in O(1), either exact or
    /// one more than exact (for any value below 2^100.000.000). Meant for refusing absurd sizes before printing.
    public var decimalDigitCount: Int {
        guard limbs != nil else {
            let magnitude = small.magnitude
            var digits = 1
            var bound: UInt64 = 10
            while digits < 20, magnitude >= bound {
                digits += 1
                bound = bound &* 10
            }
            return digits
        }
        // log₁₀ 2 < 0.30103, so ⌊bits · 0.30103⌋ + 1 ≥ ⌊log₁₀|x|⌋ + 1.
        return bitWidth * 30_103 / 100_000 + 1
    }
}

// MARK: - Text

extension BigInt: CustomStringConvertible {
    /// 10¹⁸, the largest power of ten below 2⁶³: the chunk of decimal reading and writing.
    @usableFromInline internal static let tenToThe18: UInt64 = 1_000_000_000_000_000_000

    /// The value in decimal, with a leading `-` when negative and no separators (`-12345678901234567890`).
    public var description: String {
        guard let limbs else { return String(small) }
        // Chunks of 18 digits, least significant first, by repeated single-limb division by 10¹⁸.
        var quotient = limbs
        var chunks: [UInt64] = []
        chunks.reserveCapacity(limbs.count * 64 / 59 + 1)
        while !quotient.isEmpty {
            chunks.append(BigInt.divideInPlace(&quotient, by: BigInt.tenToThe18))
        }
        let top = chunks[chunks.count - 1]
        var topDigits = 1
        var bound: UInt64 = 10
        while topDigits < 19, top >= bound {
            topDigits += 1
            bound &*= 10
        }
        let sign = small < 0 ? 1 : 0
        let length = sign + topDigits + 18 * (chunks.count - 1)
        return String(unsafeUninitializedCapacity: length) { buffer in
            if sign == 1 { buffer[0] = UInt8(ascii: "-") }
            var end = length
            for (index, chunk) in chunks.enumerated() {
                var chunk = chunk
                let width = index == chunks.count - 1 ? topDigits : 18
                for _ in 0..<width {
                    end -= 1
                    buffer[end] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: chunk % 10)
                    chunk /= 10
                }
            }
            return length
        }
    }
}

// MARK: - Equality, hashing, order

extension BigInt: Hashable, Comparable {
    /// Whether the two values are equal.
    @inlinable
    public static func == (lhs: BigInt, rhs: BigInt) -> Bool {
        // Inline if and only if the value fits in Int64: an inline value never equals a value with limbs.
        lhs.small == rhs.small && lhs.limbs == rhs.limbs
    }

    /// Hashes the value (structurally: equal values have equal representations).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(small)
        if let limbs { hasher.combine(limbs) }
    }

    /// Whether `lhs` is less than `rhs`.
    @inlinable
    public static func < (lhs: BigInt, rhs: BigInt) -> Bool {
        if lhs.limbs == nil, rhs.limbs == nil { return lhs.small < rhs.small }
        return compare(lhs, rhs) < 0
    }

    /// `-1`, `0` or `1` as `lhs` is less than, equal to or greater than `rhs`.
    @usableFromInline
    internal static func compare(_ lhs: BigInt, _ rhs: BigInt) -> Int {
        switch (lhs.limbs, rhs.limbs) {
        case (nil, nil):
            return lhs.small == rhs.small ? 0 : (lhs.small < rhs.small ? -1 : 1)
        case (nil, _):
            // rhs is beyond Int64: above every inline value if positive, below if negative.
            return rhs.small < 0 ? 1 : -1
        case (_, nil):
            return lhs.small < 0 ? -1 : 1
        case (let left?, let right?):
            if lhs.small != rhs.small { return lhs.small < rhs.small ? -1 : 1 }
            let order = compareMagnitudes(left, right)
            return lhs.small < 0 ? -order : order
        }
    }
}

// MARK: - Arithmetic

extension BigInt {
    /// The exact sum. Never traps.
    @inlinable
    public static func + (lhs: BigInt, rhs: BigInt) -> BigInt {
        if lhs.limbs == nil, rhs.limbs == nil {
            let (sum, overflow) = lhs.small.addingReportingOverflow(rhs.small)
            if !overflow { return BigInt(inline: sum) }
            return BigInt(Int128(lhs.small) + Int128(rhs.small))
        }
        return add(lhs, rhs, negatingRight: false)
    }

    /// The exact difference. Never traps.
    @inlinable
    public static func - (lhs: BigInt, rhs: BigInt) -> BigInt {
        if lhs.limbs == nil, rhs.limbs == nil {
            let (difference, overflow) = lhs.small.subtractingReportingOverflow(rhs.small)
            if !overflow { return BigInt(inline: difference) }
            return BigInt(Int128(lhs.small) - Int128(rhs.small))
        }
        return add(lhs, rhs, negatingRight: true)
    }

    /// The exact product. Never traps.
    @inlinable
    public static func * (lhs: BigInt, rhs: BigInt) -> BigInt {
        if lhs.limbs == nil, rhs.limbs == nil {
            let (product, overflow) = lhs.small.multipliedReportingOverflow(by: rhs.small)
            if !overflow { return BigInt(inline: product) }
            return BigInt(Int128(lhs.small) * Int128(rhs.small))
        }
        return multiply(lhs, rhs)
    }

    /// The opposite value. Never traps (`-BigInt(Int64.min)` is `2⁶³`).
    @inlinable
    public static prefix func - (value: BigInt) -> BigInt {
        if value.limbs == nil, value.small != .min { return BigInt(inline: -value.small) }
        return negate(value)
    }

    /// Adds `rhs` to `lhs`.
    @inlinable
    public static func += (lhs: inout BigInt, rhs: BigInt) { lhs = lhs + rhs }

    /// Subtracts `rhs` from `lhs`.
    @inlinable
    public static func -= (lhs: inout BigInt, rhs: BigInt) { lhs = lhs - rhs }

    /// Multiplies `lhs` by `rhs`.
    @inlinable
    public static func *= (lhs: inout BigInt, rhs: BigInt) { lhs = lhs * rhs }

    /// The quotient truncated toward zero (like `Int`'s `/`), or nil when `divisor` is zero.
    public func quotient(dividingBy divisor: BigInt) -> BigInt? { divisor.isZero ? nil : quotientAndRemainder(dividingBy: divisor).quotient }

    /// The remainder with the sign of `self` (like `Int`'s `%`), or nil when `divisor` is zero.
    public func remainder(dividingBy divisor: BigInt) -> BigInt? { divisor.isZero ? nil : quotientAndRemainder(dividingBy: divisor).remainder }

    /// `10` to the power `n` for `n` from 0 to 10.000, or nil outside that range.
    public static func powerOfTen(_ n: Int) -> BigInt? { (0...maximumDecimalDigits).contains(n) ? tenToThe(n) : nil }

    /// The quotient truncated toward zero, like `Int`'s `/`. The divisor must not be zero (precondition).
    static func / (lhs: BigInt, rhs: BigInt) -> BigInt { lhs.quotientAndRemainder(dividingBy: rhs).quotient }

    /// The remainder of the truncating division, with the sign of `lhs` (like `Int`'s `%`). The divisor must not
    /// be zero (precondition).
    static func % (lhs: BigInt, rhs: BigInt) -> BigInt { lhs.quotientAndRemainder(dividingBy: rhs).remainder }

    /// The quotient truncated toward zero and the remainder, like `Int.quotientAndRemainder(dividingBy:)`:
    /// `quotient * divisor + remainder == self`, `|remainder| < |divisor|`, and the remainder is zero or has the
    /// sign of `self`. Never traps on overflow (`Int64.min / -1` is `2⁶³`).
    ///
    /// - Precondition: the divisor must not be zero.
    func quotientAndRemainder(dividingBy divisor: BigInt) -> (quotient: BigInt, remainder: BigInt) {
        precondition(!divisor.isZero, "BigInt division by zero")
        if limbs == nil, divisor.limbs == nil {
            if divisor.small == -1 { return (-self, 0) }
            let (quotient, remainder) = small.quotientAndRemainder(dividingBy: divisor.small)
            return (BigInt(inline: quotient), BigInt(inline: remainder))
        }
        let negativeQuotient = isNegative != divisor.isNegative
        let (quotient, remainder) = withMagnitude { dividend in
            divisor.withMagnitude { divisor in BigInt.divideMagnitudes(dividend, divisor) }
        }
        return (BigInt(negative: negativeQuotient, magnitude: quotient), BigInt(negative: isNegative, magnitude: remainder))
    }

    /// The quotient rounded toward minus infinity and the matching remainder: `quotient * divisor + remainder ==
    /// self` and the remainder is zero or has the sign of the divisor (so it is in `0..<divisor` for a positive
    /// divisor).
    ///
    /// - Precondition: the divisor must not be zero.
    func flooredQuotientAndRemainder(dividingBy divisor: BigInt) -> (quotient: BigInt, remainder: BigInt) {
        let (quotient, remainder) = quotientAndRemainder(dividingBy: divisor)
        if !remainder.isZero, remainder.isNegative != divisor.isNegative {
            return (quotient - 1, remainder + divisor)
        }
        return (quotient, remainder)
    }

    /// The quotient rounded toward minus infinity, `⌊self / divisor⌋`.
    ///
    /// - Precondition: the divisor must not be zero.
    func floorDivided(by divisor: BigInt) -> BigInt { flooredQuotientAndRemainder(dividingBy: divisor).quotient }

    /// The greatest common divisor of `a` and `b`: never negative, and `gcd(0, 0) == 0`, `gcd(a, 0) == |a|`.
    public static func gcd(_ a: BigInt, _ b: BigInt) -> BigInt {
        if a.limbs == nil, b.limbs == nil { return BigInt(binaryGCD(a.small.magnitude, b.small.magnitude)) }
        let magnitude = a.withMagnitude { left in b.withMagnitude { right in gcdMagnitudes(left, right) } }
        return BigInt(negative: false, magnitude: magnitude)
    }

    /// `base` raised to `exponent` (`power(x, 0) == 1`, including for zero), by repeated squaring.
    ///
    /// - Precondition: the exponent must not be negative.
    static func power(_ base: BigInt, _ exponent: Int) -> BigInt {
        precondition(exponent >= 0, "BigInt.power with a negative exponent")
        var result: BigInt = 1
        var square = base
        var remaining = exponent
        while remaining > 0 {
            if remaining & 1 == 1 { result *= square }
            remaining >>= 1
            if remaining > 0 { square *= square }
        }
        return result
    }

    /// `10ⁿ`; the powers up to `10⁷⁶` are computed once and cached.
    ///
    /// - Precondition: `n` must not be negative.
    static func tenToThe(_ n: Int) -> BigInt {
        precondition(n >= 0, "BigInt.tenToThe with a negative exponent")
        let cache = cachedPowersOfTen
        if n < cache.count { return cache[n] }
        return cache[cache.count - 1] * power(10, n - (cache.count - 1))
    }

    /// `10⁰ … 10⁷⁶`.
    internal static let cachedPowersOfTen: [BigInt] = {
        var powers: [BigInt] = [1]
        for _ in 1...76 { powers.append(powers[powers.count - 1] * 10) }
        return powers
    }()
}

// MARK: - Slow paths (multi-limb)

extension BigInt {
    /// `lhs + rhs`, or `lhs - rhs` when `negatingRight`, for operands not both inline.
    @usableFromInline
    internal static func add(_ lhs: BigInt, _ rhs: BigInt, negatingRight: Bool) -> BigInt {
        let leftNegative = lhs.isNegative
        let rightNegative = rhs.isNegative != negatingRight && !rhs.isZero
        return lhs.withMagnitude { left in
            rhs.withMagnitude { right in
                if leftNegative == rightNegative { return BigInt(negative: leftNegative, magnitude: addMagnitudes(left, right)) }
                let order = compareMagnitudes(left, right)
                if order == 0 { return 0 }
                if order > 0 { return BigInt(negative: leftNegative, magnitude: subtractMagnitudes(left, right)) }
                return BigInt(negative: rightNegative, magnitude: subtractMagnitudes(right, left))
            }
        }
    }

    /// `lhs * rhs` for operands not both inline.
    @usableFromInline
    internal static func multiply(_ lhs: BigInt, _ rhs: BigInt) -> BigInt {
        if lhs.isZero || rhs.isZero { return 0 }
        let negative = lhs.isNegative != rhs.isNegative
        return lhs.withMagnitude { left in rhs.withMagnitude { right in BigInt(negative: negative, magnitude: multiplyMagnitudes(left, right)) } }
    }

    /// `-value` for `Int64.min` and values with limbs.
    @usableFromInline
    internal static func negate(_ value: BigInt) -> BigInt {
        guard let limbs = value.limbs else { return BigInt(negative: false, magnitude: [value.small.magnitude]) }
        // 2⁶³ is the only magnitude with limbs whose opposite, -2⁶³ = Int64.min, is inline.
        if value.small > 0, limbs.count == 1, limbs[0] == Int64.min.magnitude { return BigInt(inline: .min) }
        var result = value
        result.small = -value.small
        return result
    }
}

// MARK: - Magnitudes (little-endian limbs)

extension BigInt {
    /// A new array of limbs: `body` fills a zeroed temporary buffer of `count` limbs, and the array is a copy of
    /// it without high zero limbs. (Copying from a buffer is a specialised allocation; `Array(repeating:count:)`
    /// and `Array(unsafeUninitializedCapacity:)` call the generic one, whose metadata lookup costs about a third
    /// of a 3-limb addition.)
    @inline(__always)
    internal static func makeLimbs(count: Int, _ body: (UnsafeMutableBufferPointer<UInt64>) -> Void) -> [UInt64] {
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: count) { buffer in
            buffer.initialize(repeating: 0)
            body(buffer)
            var used = count
            while used > 0, buffer[used - 1] == 0 { used -= 1 }
            return Array(UnsafeBufferPointer(rebasing: buffer[0..<used]))
        }
    }

    /// `-1`, `0` or `1` as the magnitude `left` is less than, equal to or greater than `right` (both without
    /// high zero limbs).
    internal static func compareMagnitudes(_ left: UnsafeBufferPointer<UInt64>, _ right: UnsafeBufferPointer<UInt64>) -> Int {
        if left.count != right.count { return left.count < right.count ? -1 : 1 }
        var index = left.count
        while index > 0 {
            index -= 1
            if left[index] != right[index] { return left[index] < right[index] ? -1 : 1 }
        }
        return 0
    }

    /// `compareMagnitudes` on arrays.
    internal static func compareMagnitudes(_ left: [UInt64], _ right: [UInt64]) -> Int {
        left.withUnsafeBufferPointer { left in right.withUnsafeBufferPointer { compareMagnitudes(left, $0) } }
    }

    /// The sum of two magnitudes (the result may have no high zero; the caller normalises anyway).
    internal static func addMagnitudes(_ left: UnsafeBufferPointer<UInt64>, _ right: UnsafeBufferPointer<UInt64>) -> [UInt64] {
        let (long, short) = left.count >= right.count ? (left, right) : (right, left)
        return makeLimbs(count: long.count + 1) { result in
            var carry = false
            for index in 0..<long.count {
                let (partial, firstOverflow) = long[index].addingReportingOverflow(index < short.count ? short[index] : 0)
                let (sum, secondOverflow) = partial.addingReportingOverflow(carry ? 1 : 0)
                result[index] = sum
                carry = firstOverflow || secondOverflow
            }
            result[long.count] = carry ? 1 : 0
        }
    }

    /// `left - right` for magnitudes with `left >= right` (the result may have high zero limbs).
    internal static func subtractMagnitudes(_ left: UnsafeBufferPointer<UInt64>, _ right: UnsafeBufferPointer<UInt64>) -> [UInt64] {
        makeLimbs(count: left.count) { result in
            var borrow = false
            for index in 0..<left.count {
                let (partial, firstOverflow) = left[index].subtractingReportingOverflow(index < right.count ? right[index] : 0)
                let (difference, secondOverflow) = partial.subtractingReportingOverflow(borrow ? 1 : 0)
                result[index] = difference
                borrow = firstOverflow || secondOverflow
            }
            assert(!borrow, "subtractMagnitudes with left < right")
        }
    }

    /// The product of two magnitudes, schoolbook (the result may have a high zero limb).
    internal static func multiplyMagnitudes(_ left: UnsafeBufferPointer<UInt64>, _ right: UnsafeBufferPointer<UInt64>) -> [UInt64] {
        if left.isEmpty || right.isEmpty { return [] }
        return makeLimbs(count: left.count + right.count) { result in
            for i in 0..<left.count {
                let multiplier = left[i]
                if multiplier == 0 { continue }
                var carry: UInt64 = 0
                for j in 0..<right.count {
                    // multiplier · right[j] + result[i + j] + carry ≤ (2⁶⁴ - 1)² + 2 (2⁶⁴ - 1) = 2¹²⁸ - 1: no overflow.
                    let (high, low) = multiplier.multipliedFullWidth(by: right[j])
                    let (partial, firstOverflow) = low.addingReportingOverflow(result[i + j])
                    let (sum, secondOverflow) = partial.addingReportingOverflow(carry)
                    result[i + j] = sum
                    carry = high &+ (firstOverflow ? 1 : 0) &+ (secondOverflow ? 1 : 0)
                }
                result[i + right.count] = carry
            }
        }
    }

    /// `magnitude = magnitude · multiplier + addend`, in place; keeps the magnitude without high zero limbs.
    internal static func multiplyAdd(_ magnitude: inout [UInt64], multiplier: UInt64, addend: UInt64) {
        var carry = addend
        magnitude.withUnsafeMutableBufferPointer { limbs in
            for index in 0..<limbs.count {
                let (high, low) = limbs[index].multipliedFullWidth(by: multiplier)
                let (sum, overflow) = low.addingReportingOverflow(carry)
                limbs[index] = sum
                carry = high &+ (overflow ? 1 : 0)
            }
        }
        if carry != 0 { magnitude.append(carry) }
    }

    /// Divides the magnitude in place by the non-zero `divisor`, drops high zero limbs, returns the remainder.
    internal static func divideInPlace(_ magnitude: inout [UInt64], by divisor: UInt64) -> UInt64 {
        var remainder: UInt64 = 0
        magnitude.withUnsafeMutableBufferPointer { limbs in
            var index = limbs.count
            while index > 0 {
                index -= 1
                // remainder < divisor, so the quotient fits in one limb.
                let (quotient, rest) = divisor.dividingFullWidth((remainder, limbs[index]))
                limbs[index] = quotient
                remainder = rest
            }
        }
        while let top = magnitude.last, top == 0 { magnitude.removeLast() }
        return remainder
    }

    /// The magnitude (at most two limbs) as a `UInt128`.
    internal static func uint128(_ magnitude: some Collection<UInt64>) -> UInt128 {
        var result: UInt128 = 0
        for (index, limb) in magnitude.enumerated() where index < 2 { result |= UInt128(limb) << (64 * index) }
        return result
    }

    /// Truncating division of magnitudes (without high zero limbs): quotient and remainder, without high zero limbs.
    ///
    /// The divisor must not be empty (zero). One or two limbs on both sides use 128-bit division; a one-limb
    /// divisor uses a single pass; otherwise Knuth's algorithm D (TAOCP vol. 2, §4.3.1).
    internal static func divideMagnitudes(_ dividend: UnsafeBufferPointer<UInt64>, _ divisor: UnsafeBufferPointer<UInt64>) -> (
        quotient: [UInt64], remainder: [UInt64]
    ) {
        precondition(!divisor.isEmpty, "BigInt division by zero")
        if compareMagnitudes(dividend, divisor) < 0 { return ([], Array(dividend)) }
        if dividend.count <= 2 {
            let (quotient, remainder) = uint128(dividend).quotientAndRemainder(dividingBy: uint128(divisor))
            return (limbs(of: quotient), limbs(of: remainder))
        }
        if divisor.count == 1 {
            var quotient = Array(dividend)
            let remainder = divideInPlace(&quotient, by: divisor[0])
            return (quotient, remainder == 0 ? [] : [remainder])
        }
        var (quotient, remainder) = knuthDivide(dividend, divisor)
        while let top = quotient.last, top == 0 { quotient.removeLast() }
        while let top = remainder.last, top == 0 { remainder.removeLast() }
        return (quotient, remainder)
    }

    /// The limbs of `value`, without high zero limbs.
    internal static func limbs(of value: UInt128) -> [UInt64] {
        if value == 0 { return [] }
        if value >> 64 == 0 { return [UInt64(truncatingIfNeeded: value)] }
        return [UInt64(truncatingIfNeeded: value), UInt64(truncatingIfNeeded: value >> 64)]
    }

    /// Algorithm D of TAOCP vol. 2, §4.3.1, base 2⁶⁴: `dividend ≥ divisor`, the divisor has at least two limbs
    /// and no high zero limb.
    internal static func knuthDivide(_ dividend: UnsafeBufferPointer<UInt64>, _ divisor: UnsafeBufferPointer<UInt64>) -> (
        quotient: [UInt64], remainder: [UInt64]
    ) {
        let n = divisor.count
        let m = dividend.count - n
        // D1: normalise so that the divisor's top limb has its high bit set (in temporary buffers).
        let shift = divisor[n - 1].leadingZeroBitCount
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: n) { v in
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: m + n + 1) { u in
                for index in 0..<n {
                    let previous = index > 0 ? divisor[index - 1] : 0
                    v.initializeElement(at: index, to: shift == 0 ? divisor[index] : (divisor[index] << shift) | (previous >> (64 - shift)))
                }
                for index in 0...(m + n) {
                    let current = index < m + n ? dividend[index] : 0
                    let previous = index > 0 ? dividend[index - 1] : 0
                    u.initializeElement(at: index, to: shift == 0 ? current : (current << shift) | (previous >> (64 - shift)))
                }
                let quotient = makeLimbs(count: m + 1) { knuthLoop(u, UnsafeBufferPointer(v), $0, m: m, n: n) }
                // D8: the remainder is u[0..<n] shifted back.
                let remainder = makeLimbs(count: n) { remainder in
                    for index in 0..<n {
                        remainder[index] = shift == 0 ? u[index] : (u[index] >> shift) | (u[index + 1] << (64 - shift))
                    }
                }
                return (quotient, remainder)
            }
        }
    }

    /// Steps D2-D7 of algorithm D: divides the normalised `u` (m + n + 1 limbs) by the normalised `v` (n ≥ 2
    /// limbs, top bit set), writing the m + 1 quotient limbs into `quotient` and leaving the remainder, still
    /// normalised, in `u[0..<n]`.
    internal static func knuthLoop(
        _ u: UnsafeMutableBufferPointer<UInt64>, _ v: UnsafeBufferPointer<UInt64>, _ quotient: UnsafeMutableBufferPointer<UInt64>, m: Int, n: Int
    ) {
        let top = v[n - 1]
        let next = v[n - 2]
        var j = m
        while j >= 0 {
            // D3: estimate q̂ from the top two limbs of the remainder and the top limb of the divisor.
            var estimate: UInt64
            var rest: UInt64
            var restOverflow = false
            if u[j + n] >= top {
                // (Only u[j + n] == top can happen.) q̂ = b - 1, r̂ = u[j+n]·b + u[j+n-1] - q̂·top.
                estimate = .max
                (rest, restOverflow) = u[j + n - 1].addingReportingOverflow(top)
            } else {
                (estimate, rest) = top.dividingFullWidth((u[j + n], u[j + n - 1]))
            }
            while !restOverflow {
                let (high, low) = estimate.multipliedFullWidth(by: next)
                guard high > rest || (high == rest && low > u[j + n - 2]) else { break }
                estimate -= 1
                (rest, restOverflow) = rest.addingReportingOverflow(top)
            }
            // D4: multiply and subtract.
            var carry: UInt64 = 0
            var borrow: UInt64 = 0
            for index in 0..<n {
                let (high, low) = estimate.multipliedFullWidth(by: v[index])
                let (product, productOverflow) = low.addingReportingOverflow(carry)
                carry = high &+ (productOverflow ? 1 : 0)
                let (partial, firstBorrow) = u[index + j].subtractingReportingOverflow(product)
                let (difference, secondBorrow) = partial.subtractingReportingOverflow(borrow)
                u[index + j] = difference
                borrow = (firstBorrow ? 1 : 0) &+ (secondBorrow ? 1 : 0)
            }
            let (partial, firstBorrow) = u[j + n].subtractingReportingOverflow(carry)
            let (difference, secondBorrow) = partial.subtractingReportingOverflow(borrow)
            u[j + n] = difference
            // D5, D6: if the result went negative, q̂ was one too large: add the divisor back.
            if firstBorrow || secondBorrow {
                estimate -= 1
                var addCarry = false
                for index in 0..<n {
                    let (partialSum, firstOverflow) = u[index + j].addingReportingOverflow(v[index])
                    let (sum, secondOverflow) = partialSum.addingReportingOverflow(addCarry ? 1 : 0)
                    u[index + j] = sum
                    addCarry = firstOverflow || secondOverflow
                }
                u[j + n] &+= addCarry ? 1 : 0
            }
            quotient[j] = estimate
            j -= 1
        }
    }

    /// `divideMagnitudes` on arrays.
    internal static func divideMagnitudes(_ dividend: [UInt64], _ divisor: [UInt64]) -> (quotient: [UInt64], remainder: [UInt64]) {
        dividend.withUnsafeBufferPointer { dividend in divisor.withUnsafeBufferPointer { divideMagnitudes(dividend, $0) } }
    }

    /// The greatest common divisor of two 64-bit values by Stein's binary algorithm (`binaryGCD(0, 0) == 0`).
    internal static func binaryGCD(_ a: UInt64, _ b: UInt64) -> UInt64 {
        if a == 0 { return b }
        if b == 0 { return a }
        let shift = (a | b).trailingZeroBitCount
        var x = a >> a.trailingZeroBitCount
        var y = b >> b.trailingZeroBitCount
        // Both odd: replace (x, y) by (min, |difference| without its factors of two), branch-free.
        while x != y {
            let (difference, borrow) = y.subtractingReportingOverflow(x)
            x = borrow ? y : x
            let distance = borrow ? 0 &- difference : difference
            y = distance >> distance.trailingZeroBitCount
        }
        return x << shift
    }

    /// The greatest common divisor of two 128-bit values by Stein's binary algorithm (`binaryGCD(0, 0) == 0`),
    /// finishing on 64 bits as soon as both values fit.
    internal static func binaryGCD(_ a: UInt128, _ b: UInt128) -> UInt128 {
        if a >> 64 == 0, b >> 64 == 0 { return UInt128(binaryGCD(UInt64(truncatingIfNeeded: a), UInt64(truncatingIfNeeded: b))) }
        if a == 0 { return b }
        if b == 0 { return a }
        let shift = (a | b).trailingZeroBitCount
        var x = a >> a.trailingZeroBitCount
        var y = b >> b.trailingZeroBitCount
        while x != y {
            if x >> 64 == 0, y >> 64 == 0 {
                return UInt128(binaryGCD(UInt64(truncatingIfNeeded: x), UInt64(truncatingIfNeeded: y))) << shift
            }
            let (difference, borrow) = y.subtractingReportingOverflow(x)
            x = borrow ? y : x
            let distance = borrow ? 0 &- difference : difference
            y = distance >> distance.trailingZeroBitCount
        }
        return x << shift
    }

    /// The greatest common divisor of two magnitudes (without high zero limbs), by Lehmer's algorithm: the
    /// Euclidean quotients are computed on the leading 64 bits for as long as Jebelean's condition guarantees
    /// that they are those of the whole numbers, then applied to the whole numbers at once; a plain Euclidean
    /// step when no quotient is certain; Stein's algorithm once two limbs are left. Works in place, in two
    /// temporary buffers.
    internal static func gcdMagnitudes(_ a: UnsafeBufferPointer<UInt64>, _ b: UnsafeBufferPointer<UInt64>) -> [UInt64] {
        let (large, small) = compareMagnitudes(a, b) >= 0 ? (a, b) : (b, a)
        if small.isEmpty { return Array(large) }
        let n = large.count
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: n) { u in
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: n) { v in
                // u ≥ v; the limbs of v above vCount (up to uCount) are zero.
                for index in 0..<n {
                    u.initializeElement(at: index, to: large[index])
                    v.initializeElement(at: index, to: index < small.count ? small[index] : 0)
                }
                var uCount = n
                var vCount = small.count
                while true {
                    if vCount == 0 { return Array(u[0..<uCount]) }
                    if uCount <= 2 {
                        // On two limbs Stein's algorithm is faster than Lehmer's steps (no divisions).
                        return limbs(of: binaryGCD(uint128(u[0..<uCount]), uint128(v[0..<vCount])))
                    }
                    let (cofactors, steps) = lehmerCofactors(u, v, count: uCount)
                    if steps == 0 {
                        // No certain quotient (v is much smaller than u): one Euclidean step, u, v = v, u mod v.
                        let remainder = divideMagnitudes(UnsafeBufferPointer(rebasing: u[0..<uCount]), UnsafeBufferPointer(rebasing: v[0..<vCount]))
                            .remainder
                        for index in 0..<uCount {
                            u[index] = index < vCount ? v[index] : 0
                            v[index] = index < remainder.count ? remainder[index] : 0
                        }
                        uCount = vCount
                        vCount = remainder.count
                        continue
                    }
                    applyCofactors(cofactors, odd: steps % 2 == 1, u, v, count: uCount)
                    vCount = uCount
                    while uCount > 0, u[uCount - 1] == 0 { uCount -= 1 }
                    while vCount > 0, v[vCount - 1] == 0 { vCount -= 1 }
                    assert(
                        compareMagnitudes(UnsafeBufferPointer(rebasing: u[0..<uCount]), UnsafeBufferPointer(rebasing: v[0..<vCount])) > 0,
                        "Lehmer step out of order")
                }
            }
        }
    }

    /// The inner loop of Lehmer's algorithm (as in CPython's `_PyLong_GCD`, with 64-bit words): the cofactors
    /// `(A, B, C, D)` of the Euclidean steps that the leading 64 bits of `u` and `v` (aligned on `u`'s top bit,
    /// `count ≥ 2` limbs) determine for certain, and the number of steps. Jebelean's condition `B + qD ≤ x - qy`
    /// makes each quotient right for the whole numbers; any overflow just ends the loop early (still right).
    internal static func lehmerCofactors(_ u: UnsafeMutableBufferPointer<UInt64>, _ v: UnsafeMutableBufferPointer<UInt64>, count: Int) -> (
        (UInt64, UInt64, UInt64, UInt64), Int
    ) {
        let shift = u[count - 1].leadingZeroBitCount
        var x = shift == 0 ? u[count - 1] : (u[count - 1] << shift) | (u[count - 2] >> (64 - shift))
        var y = shift == 0 ? v[count - 1] : (v[count - 1] << shift) | (v[count - 2] >> (64 - shift))
        var (a, b, c, d): (UInt64, UInt64, UInt64, UInt64) = (1, 0, 0, 1)
        var steps = 0
        while y > c {
            let (numerator, overflow) = x.addingReportingOverflow(a - 1)
            if overflow { break }
            let q = numerator / (y - c)
            let (qd, qdOverflow) = q.multipliedReportingOverflow(by: d)
            let (s, sOverflow) = b.addingReportingOverflow(qd)
            let (qy, qyOverflow) = q.multipliedReportingOverflow(by: y)
            if qdOverflow || sOverflow || qyOverflow || qy > x { break }
            let t = x - qy
            if s > t { break }
            let (qc, qcOverflow) = q.multipliedReportingOverflow(by: c)
            let (newD, newDOverflow) = a.addingReportingOverflow(qc)
            if qcOverflow || newDOverflow { break }
            (x, y) = (y, t)
            (a, b, c, d) = (d, c, s, newD)
            steps += 1
        }
        return ((a, b, c, d), steps)
    }

    /// Applies Lehmer cofactors to the first `count` limbs of `u` and `v`, in place: after an odd number of steps
    /// `u, v = A·v - B·u, D·u - C·v`, after an even number `u, v = A·u - B·v, D·v - C·u`. Both results are
    /// Euclidean remainders, between 0 and the old `u`, so computing modulo 2^(64·count) is exact.
    internal static func applyCofactors(
        _ cofactors: (UInt64, UInt64, UInt64, UInt64), odd: Bool, _ u: UnsafeMutableBufferPointer<UInt64>, _ v: UnsafeMutableBufferPointer<UInt64>,
        count: Int
    ) {
        let (a, b, c, d) = cofactors
        var carries: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var borrows = (false, false)
        @inline(__always) func multiplyAdd(_ x: UInt64, _ y: UInt64, _ carry: inout UInt64) -> UInt64 {
            let (high, low) = x.multipliedFullWidth(by: y)
            let (sum, overflow) = low.addingReportingOverflow(carry)
            carry = high &+ (overflow ? 1 : 0)
            return sum
        }
        @inline(__always) func subtract(_ x: UInt64, _ y: UInt64, _ borrow: inout Bool) -> UInt64 {
            let (partial, first) = x.subtractingReportingOverflow(y)
            let (difference, second) = partial.subtractingReportingOverflow(borrow ? 1 : 0)
            borrow = first || second
            return difference
        }
        for index in 0..<count {
            let (first, second) = odd ? (v[index], u[index]) : (u[index], v[index])
            let newU = subtract(multiplyAdd(a, first, &carries.0), multiplyAdd(b, second, &carries.1), &borrows.0)
            let newV = subtract(multiplyAdd(d, second, &carries.2), multiplyAdd(c, first, &carries.3), &borrows.1)
            u[index] = newU
            v[index] = newV
        }
    }
}

// MARK: - Codable

extension BigInt: Codable {
    /// Encodes a value that fits in `Int64` as a number, any other as a string of decimal digits (JSON numbers
    /// beyond 64 bits are not portable).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if limbs == nil {
            try container.encode(small)
        } else {
            try container.encode(description)
        }
    }

    /// Decodes an `Int64` number or a string in the form of ``init(decimal:)``; anything else throws
    /// `DecodingError.dataCorrupted`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Int64.self) {
            // Foundation's JSON decoder gives an integer for `0.9999999999999999999` or `1.5`
            // (through binary floating point): the number's exact text, as a `Decimal`, must be
            // that integer, never a silent rounding. (`1e3` and `100.0` are exactly integers.)
            if let exact = try? container.decode(Decimal.self), exact != Decimal(value) {
                throw Self.notAnInteger(in: container, "\(exact) non è un numero intero")
            }
            self.init(inline: value)
            return
        }
        guard let text = try? container.decode(String.self) else {
            throw Self.notAnInteger(in: container, "serve un numero intero (o un testo di sole cifre, con il segno se negativo)")
        }
        guard let value = BigInt(decimal: text) else {
            throw Self.notAnInteger(in: container, "«\(TextSafety.shortened(text, limit: 40))» non è un numero intero scritto in cifre")
        }
        self = value
    }

    /// The error of a value that is no whole number, in Italian with the library's error beneath
    /// (as every value refused by a decoder: PotenziamentoKit.docc, «Errori e diagnostica»).
    private static func notAnInteger(in container: any SingleValueDecodingContainer, _ message: String) -> DecodingError {
        .dataCorrupted(
            DecodingError.Context(
                codingPath: container.codingPath, debugDescription: message, underlyingError: InvalidValue(.numeroNonValido, message)))
    }
}
