/// One value of a legal parameter, in force from 1 January of `fromYear`, with its source.
public struct DatedValue: Sendable, Hashable {
    /// The first year the value applies to.
    public let fromYear: Int
    /// The value.
    public let value: ParameterValue
    /// The act and provision that set it.
    public let reference: LegalReference

    /// A value in force from `fromYear`, set by `reference`.
    public init(fromYear: Int, value: ParameterValue, reference: LegalReference) {
        self.fromYear = fromYear
        self.value = value
        self.reference = reference
    }
}

/// The history of one parameter: its values in order of the year they take effect.
///
/// The value in force for a year is the newest one effective on or before it (RULES.md §1); a
/// year before the first value is an error, never a guess.
public struct ParameterHistory: Sendable, Hashable {
    /// The parameter.
    public let name: ParameterName
    /// Its values, sorted by `fromYear`, at most one per year.
    public let values: [DatedValue]

    /// A history; values are sorted, and a later entry for the same year replaces an earlier one.
    public init(name: ParameterName, values: [DatedValue]) {
        self.name = name
        var byYear: [Int: DatedValue] = [:]
        for value in values { byYear[value.fromYear] = value }
        self.values = byYear.values.sorted { $0.fromYear < $1.fromYear }
    }

    /// The value in force in `year`.
    public func value(in year: Int) throws(ParameterError) -> DatedValue {
        guard let found = values.last(where: { $0.fromYear <= year }) else {
            throw .notInForce(name, year: year, firstYear: values.first?.fromYear)
        }
        return found
    }
}

/// A problem resolving or overriding a legal parameter.
public enum ParameterError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No value of the parameter is in force in the year (e.g. before 2021).
    case notInForce(ParameterName, year: Int, firstYear: Int?)
    /// An override gives a value in the wrong unit.
    case wrongUnit(ParameterName, expected: ParameterUnit)
    /// An override gives a value outside what the parameter can mean (a zero ratio, a negative amount).
    case invalidValue(ParameterName, String)

    public var description: String {
        switch self {
        case .notInForce(let name, let year, let firstYear):
            "il parametro «\(name.rawValue)» (\(name.label)) non è in vigore per l'anno \(year)"
                + (firstYear.map { ": la misura si applica dal \($0)" } ?? "")
        case .wrongUnit(let name, let expected):
            "il parametro «\(name.rawValue)» si esprime in \(expected.label)"
        case .invalidValue(let name, let reason):
            "valore non valido per il parametro «\(name.rawValue)»: \(reason)"
        }
    }
}
