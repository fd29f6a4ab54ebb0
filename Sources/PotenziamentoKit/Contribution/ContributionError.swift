#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Inputs the contribution formula cannot take.
public enum ContributionError: Error, LocalizedError, Sendable, Hashable, CustomStringConvertible {
    /// The population is zero, negative or beyond any Italian ATS (more than 100 million).
    case invalidPopulation(Int)
    /// The FTE figure is negative or beyond 10 million.
    case invalidFTE(Fraction)
    /// A legal parameter is not in force in the year.
    case parameter(ParameterError)
    /// A national table breaks a rule of the riparto reader (an ATS twice, more than 10.000 ATS).
    case invalidTable(InvalidValue)

    /// The Italian message.
    public var description: String {
        switch self {
        case .invalidPopulation(let population) where population <= 0:
            "la popolazione deve essere un numero intero positivo (indicato: \(population))"
        case .invalidPopulation(let population):
            "popolazione fuori misura: \(NumberFormatting.italian(population)) (al massimo \(NumberFormatting.italian(Bounds.maximumResidents)))"
        case .invalidFTE(let fte) where fte.isNegative:
            "gli FTE non possono essere negativi (indicato: \(NumberFormatting.italian(fte, decimals: 4)))"
        case .invalidFTE(let fte):
            "FTE fuori misura: \(NumberFormatting.exactItalian(fte, decimals: 6)) (al massimo \(NumberFormatting.italian(Bounds.maximumFTE)))"
        case .parameter(let error):
            error.description
        case .invalidTable(let error):
            error.description
        }
    }

    /// The Italian message.
    public var errorDescription: String? { description }
}
