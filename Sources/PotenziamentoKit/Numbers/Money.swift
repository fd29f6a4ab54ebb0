/// An amount of money in integer euro cents: the only money type of the library.
///
/// Amounts computed exactly (as ``Fraction`` of a euro) become money through
/// ``rounding(euros:)``, which rounds half away from zero to the cent (docs/regole.md §5, the EU
/// euro-conversion rule). Cents are a ``BigInt``: sums never overflow, whatever their size.
public struct EuroCents: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The amount in cents (negative for a debt).
    public let cents: BigInt

    /// Zero euro.
    public static let zero = EuroCents(cents: 0)

    /// An amount given in cents.
    public init(cents: BigInt) { self.cents = cents }

    /// An amount given in cents.
    public init(cents: Int) { self.cents = BigInt(cents) }

    /// An amount given in whole euro.
    public init(euros: Int) { self.cents = BigInt(euros) * 100 }

    /// The exact euro amount `euros`, rounded half away from zero to the cent (docs/regole.md §5).
    public static func rounding(euros: Fraction) -> EuroCents { EuroCents(cents: euros.roundedScaled(by: 100)) }

    /// The amount as an exact fraction of a euro.
    public var euros: Fraction { Fraction(cents, 100) }

    /// Whether the amount is below zero.
    public var isNegative: Bool { cents.isNegative }

    /// The sum of two amounts.
    public static func + (lhs: EuroCents, rhs: EuroCents) -> EuroCents { EuroCents(cents: lhs.cents + rhs.cents) }
    /// The difference of two amounts.
    public static func - (lhs: EuroCents, rhs: EuroCents) -> EuroCents { EuroCents(cents: lhs.cents - rhs.cents) }
    /// Adds `rhs` to `lhs`.
    public static func += (lhs: inout EuroCents, rhs: EuroCents) { lhs = lhs + rhs }
    /// Whether `lhs` is less than `rhs`.
    public static func < (lhs: EuroCents, rhs: EuroCents) -> Bool { lhs.cents < rhs.cents }

    /// Italian text form, `224.615,38 €`.
    public var description: String { NumberFormatting.euro(self) }
}

extension EuroCents: Codable {
    /// Decodes the amount in cents (a number, or a string of digits for very large amounts).
    public init(from decoder: any Decoder) throws {
        cents = try decoder.singleValueContainer().decode(BigInt.self)
    }

    /// Encodes the amount in cents, exactly.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(cents)
    }
}

extension Sequence where Element == EuroCents {
    /// The sum of the amounts.
    public func sum() -> EuroCents { reduce(.zero, +) }
}
