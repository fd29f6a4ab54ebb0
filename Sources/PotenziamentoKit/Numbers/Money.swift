/// An amount of money in integer euro cents: the only money type of the library.
///
/// Amounts computed exactly (as ``Fraction`` of a euro) become money through
/// ``rounding(euros:)``, which rounds half away from zero to the cent (RULES.md §5, the EU
/// euro-conversion rule). No binary floating point is ever involved.
public struct EuroCents: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The amount in cents (negative for a debt).
    public let cents: Int64

    /// Zero euro.
    public static let zero = EuroCents(cents: 0)

    /// An amount given in cents.
    public init(cents: Int64) { self.cents = cents }

    /// An amount given in whole euro.
    public init(euros: Int64) { self.cents = euros * 100 }

    /// The exact euro amount `euros`, rounded half away from zero to the cent (RULES.md §5).
    public static func rounding(euros: Fraction) -> EuroCents {
        EuroCents(cents: Int64(euros.roundedScaled(by: 100)))
    }

    /// The amount as an exact fraction of a euro.
    public var euros: Fraction { Fraction(Int128(cents), 100) }

    /// The sum of two amounts.
    public static func + (lhs: EuroCents, rhs: EuroCents) -> EuroCents { EuroCents(cents: lhs.cents + rhs.cents) }
    /// The difference of two amounts.
    public static func - (lhs: EuroCents, rhs: EuroCents) -> EuroCents { EuroCents(cents: lhs.cents - rhs.cents) }
    /// Adds `rhs` to `lhs`.
    public static func += (lhs: inout EuroCents, rhs: EuroCents) { lhs = lhs + rhs }
    public static func < (lhs: EuroCents, rhs: EuroCents) -> Bool { lhs.cents < rhs.cents }

    /// Italian text form, `224.615,38 €`.
    public var description: String { NumberFormatting.euro(self) }
}

extension Sequence where Element == EuroCents {
    /// The sum of the amounts.
    public func sum() -> EuroCents { reduce(.zero, +) }
}
