import PotenziamentoKit

/// `potenziamento parametri`: every legal parameter, its values over time and its reference.
enum ParametriCommand: Subcommand {
    static let formats: [ReportFormat] = [.text, .json, .markdown]

    static let spec = CommandSpec(
        name: "parametri",
        abstract: "Elenca i parametri di legge, i loro valori nel tempo e i riferimenti normativi.",
        discussion: "Con --parametro si vede l'effetto di una modifica (es. importoFasciaA=45000@2027).",
        options: [CommonOptions.format(formats), CommonOptions.output, CommonOptions.parameter],
        examples: ["potenziamento parametri", "potenziamento parametri --parametro importoFasciaA=45000@2027"])

    static func run(_ parsed: ParsedArguments, context: CommandContext) throws(CommandFailure) -> CommandOutput {
        let format = try OptionValues.format(parsed, allowed: formats, command: spec.name)
        let table = try OptionValues.parameterTable(parsed, defaultYear: context.currentYear)
        return CommandOutput { output in _ = table.write(format, to: output) }
    }
}
