#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// One value of a legal parameter, in force from 1 January of `fromYear`, with its source.
public struct DatedValue: Sendable, Hashable, Codable {
    /// The first year the value applies to.
    public let fromYear: Int
    /// The value.
    public let value: ParameterValue
    /// The act and provision that set it.
    public let reference: LegalReference
    /// Whether the value is a user's override (a reform, `--parametro`) rather than the law's.
    public let isOverride: Bool

    /// A value in force from `fromYear`, set by `reference`.
    public init(fromYear: Int, value: ParameterValue, reference: LegalReference, isOverride: Bool = false) {
        self.fromYear = fromYear
        self.value = value
        self.reference = reference
        self.isOverride = isOverride
    }

    private enum CodingKeys: String, CodingKey { case fromYear, value, reference, isOverride }

    /// Decodes a value, its year exactly (`2025.0000000000001` is not read as 2025); the value is
    /// checked where a table is made (``ParameterTable/init(histories:)``).
    ///
    /// - Throws: `DecodingError` for a missing field or a year that is not exactly an integer.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            fromYear: try container.decodeExactInteger(forKey: .fromYear), value: try container.decode(ParameterValue.self, forKey: .value),
            reference: try container.decode(LegalReference.self, forKey: .reference), isOverride: try container.decode(Bool.self, forKey: .isOverride))
    }
}

/// The history of one parameter: its values in order of the year they take effect
/// (docs/regole.md §1).
///
/// The value in force for a year is the newest official one effective on or before it; a user's
/// override holds from its year for every later year until the user's next override of the same
/// parameter, so official values dated after it never silently replace it. A year before the
/// first value is an error, never a guess.
public struct ParameterHistory: Sendable, Hashable, Codable {
    /// The parameter.
    public let name: ParameterName
    /// Its values, sorted by `fromYear`; at most one official and one override per year.
    public let values: [DatedValue]

    /// A history; values are sorted, and a later entry of the same kind (official or override)
    /// for the same year replaces an earlier one.
    public init(name: ParameterName, values: [DatedValue]) {
        self.name = name
        // Sorted by year and kind, in the given order among equals; then the last of each year
        // and kind is kept. (No dictionary by year: the table is made at every start, and the
        // first dictionary of a key type costs a search among all the program's conformances.)
        func key(_ entry: (offset: Int, element: DatedValue)) -> (Int, Int, Int) {
            (entry.element.fromYear, entry.element.isOverride ? 1 : 0, entry.offset)
        }
        var kept: [DatedValue] = []
        for (_, value) in values.enumerated().sorted(by: { key($0) < key($1) }) {
            if let last = kept.last, last.fromYear == value.fromYear, last.isOverride == value.isOverride {
                kept[kept.count - 1] = value
            } else {
                kept.append(value)
            }
        }
        self.values = kept
    }

    /// The value in force in `year`.
    ///
    /// - Throws: ``ParameterError/notInForce(_:year:firstYear:)`` when no value applies (before the first one).
    public func value(in year: Int) throws(ParameterError) -> DatedValue {
        if let override = values.last(where: { $0.isOverride && $0.fromYear <= year }) { return override }
        guard let found = values.last(where: { !$0.isOverride && $0.fromYear <= year }) else {
            throw .notInForce(name, year: year, firstYear: values.first?.fromYear)
        }
        return found
    }
}

/// A problem resolving or overriding a legal parameter.
public enum ParameterError: Error, LocalizedError, Sendable, Hashable, CustomStringConvertible {
    /// No value of the parameter is in force in the year (e.g. before 2021).
    case notInForce(ParameterName, year: Int, firstYear: Int?)
    /// The year is outside the years computed (2021-2200).
    case yearOutOfRange(Int)
    /// An override gives a value in the wrong unit.
    case wrongUnit(ParameterName, expected: ParameterUnit)
    /// An override gives a value outside what the parameter can mean (a zero ratio, a negative amount).
    case invalidValue(ParameterName, String)
    /// A table lacks the history of some parameters.
    case incomplete([ParameterName])
    /// Two overrides of the same parameter from the same year: which one holds is not said.
    case repeatedOverride(ParameterName, year: Int)

    /// The Italian message.
    public var description: String {
        switch self {
        case .notInForce(let name, let year, let firstYear?) where year < firstYear:
            "l'anno \(year) viene prima della misura, che si applica dal \(firstYear): nessun valore in vigore di «\(name.label)» (parametro \(name.rawValue))"
        case .notInForce(let name, let year, _):
            "per l'anno \(year) non c'è un valore in vigore di «\(name.label)» (parametro \(name.rawValue))"
        case .yearOutOfRange(let year):
            "anno \(year) fuori intervallo: il contributo si calcola per gli anni dal \(Bounds.years.lowerBound) al \(Bounds.years.upperBound)"
        case .wrongUnit(let name, let expected):
            "il parametro «\(name.rawValue)» si esprime in \(expected.label)"
        case .invalidValue(let name, let reason):
            "valore non valido per il parametro «\(name.rawValue)»: \(reason)"
        case .incomplete(let names):
            "tabella dei parametri incompleta: manca \(names.map(\.rawValue).joined(separator: ", "))"
        case .repeatedOverride(let name, let year):
            "il parametro «\(name.rawValue)» è sostituito due volte dal \(year): indica un solo valore per anno"
        }
    }

    /// The Italian message.
    public var errorDescription: String? { description }
}
