/// Inputs the contribution formula cannot take.
public enum ContributionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The population is zero, negative or beyond any Italian ATS (more than 100 million).
    case invalidPopulation(Int)
    /// The FTE figure is negative or absurdly large.
    case invalidFTE(Fraction)
    /// A legal parameter is not in force in the year.
    case parameter(ParameterError)

    /// The largest population accepted (keeps arithmetic bounded; Italy has about 59 million).
    public static let maximumPopulation = 100_000_000
    /// The largest FTE accepted.
    public static let maximumFTE = Fraction(10_000_000)

    public var description: String {
        switch self {
        case .invalidPopulation(let population) where population <= 0:
            "la popolazione deve essere un numero intero positivo (indicato: \(population))"
        case .invalidPopulation(let population):
            "popolazione fuori misura: \(NumberFormatting.italian(population)) (massimo \(NumberFormatting.italian(Self.maximumPopulation)))"
        case .invalidFTE(let fte) where fte.isNegative:
            "gli FTE non possono essere negativi (indicato: \(NumberFormatting.italian(fte, decimals: 4)))"
        case .invalidFTE(let fte):
            "FTE fuori misura: \(NumberFormatting.italian(fte, decimals: 2))"
        case .parameter(let error):
            error.description
        }
    }
}
