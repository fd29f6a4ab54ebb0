import PotenziamentoKit

/// Loading rosters and assessing them for the subcommands, with the contract's exit statuses:
/// 66 for a missing or unreadable input, 65 for invalid data, every problem on its own line.
enum RosterInput {
    static func load(_ path: String) throws(CommandFailure) -> RosterLoader.Loaded {
        do {
            return try RosterLoader.load(path: path)
        } catch {
            throw failure(error)
        }
    }

    static func failure(_ error: InputError) -> CommandFailure {
        let errors = error.diagnostics.filter { $0.severity == .error }.map(\.description)
        return CommandFailure(error.isUnreadable ? .noInput : .dataError, errors)
    }

    static func assess(_ roster: Roster, year: Int, method: FTEMethod, parameters: ParameterTable) throws(CommandFailure) -> AnnualAssessment {
        do {
            return try RosterAssessor(parameters: parameters, method: method).assess(roster, year: year)
        } catch {
            switch error {
            case .invalidInput(let input): throw failure(input)
            case .parameter(let parameter): throw .data("--anno: \(parameter)")
            }
        }
    }

    static func method(_ parsed: ParsedArguments) throws(CommandFailure) -> FTEMethod {
        guard let text = parsed.value("metodo-fte") else { return .days }
        guard let method = FTEMethod(rawValue: text) else {
            let suggestion = Suggestions.nearest(to: text, in: FTEMethod.allCases.map(\.rawValue)).map { " Forse intendevi «\($0)»?" } ?? ""
            throw .usage("--metodo-fte «\(text)» non valido: usa giorni oppure mesi.\(suggestion)")
        }
        return method
    }

    static let methodOption = OptionSpec(
        "metodo-fte", value: "METODO", help: "Come si conta la quota d'anno: giorni (predefinito) oppure mesi.")
}
