import PotenziamentoKit

/// The `potenziamento` command: dispatches to the subcommands, prints help and version, writes
/// the report (to standard output or atomically to `--output`) and turns failures into exit
/// statuses and one-line Italian messages on standard error.
public enum Potenziamento {
    static let subcommands: [any Subcommand.Type] = [
        ContributoCommand.self,
        CalcolaCommand.self,
        ValidaCommand.self,
        ProspettoCommand.self,
        CicloCommand.self,
        SimulaCommand.self,
        RipartoCommand.self,
        ParametriCommand.self,
    ]

    static let rootHelp: String = {
        var lines = [
            "DESCRIZIONE: Calcola il contributo per il potenziamento del servizio sociale professionale",
            "             (L. 30 dicembre 2020, n. 178, art. 1, commi 797-804).",
            "",
            "USO: potenziamento <sottocomando> [opzioni]",
            "",
            "OPZIONI:",
            HelpFormatter.row("--version", "Mostra la versione."),
            HelpFormatter.row("-h, --help", "Mostra questo aiuto."),
            "",
            "SOTTOCOMANDI:",
        ]
        for command in subcommands { lines.append(HelpFormatter.row(command.spec.name, command.spec.abstract)) }
        lines.append(HelpFormatter.row("help <sottocomando>", "Mostra l'aiuto di un sottocomando."))
        lines += ["", "Vedi 'potenziamento help <sottocomando>' per l'aiuto dettagliato."]
        return lines.joined(separator: "\n") + "\n"
    }()

    /// Runs the command with `arguments` (without the program name).
    public static func run(_ arguments: [String], context: CommandContext) -> CommandResult {
        do {
            return try dispatch(arguments, context: context)
        } catch {
            var lines = error.lines.map { "Errore: \($0)" }
            lines += error.hint
            return CommandResult(status: error.status, standardOutput: "", standardError: lines.joined(separator: "\n") + "\n")
        }
    }

    static func dispatch(_ arguments: [String], context: CommandContext) throws(CommandFailure) -> CommandResult {
        guard let first = arguments.first else {
            return CommandResult(status: .usage, standardOutput: "", standardError: rootHelp)
        }
        switch first {
        case "-h", "--help":
            return CommandResult(status: .success, standardOutput: rootHelp, standardError: "")
        case "--version":
            return CommandResult(status: .success, standardOutput: "potenziamento \(PotenziamentoKitInfo.version)\n", standardError: "")
        case "help":
            guard arguments.count > 1 else { return CommandResult(status: .success, standardOutput: rootHelp, standardError: "") }
            let command = try subcommand(named: arguments[1])
            return CommandResult(status: .success, standardOutput: HelpFormatter.help(for: command.spec), standardError: "")
        default:
            break
        }
        let command = try subcommand(named: first)
        let parsed = try ArgumentParser.parse(Array(arguments.dropFirst()), for: command.spec)
        if parsed.flag("help") {
            return CommandResult(status: .success, standardOutput: HelpFormatter.help(for: command.spec), standardError: "")
        }
        try OutputWriter.refuseSameFile(chart: parsed.value("grafico"), output: parsed.value("output"))
        let output = try command.run(parsed, context: context)
        var standardError = output.warnings.map { "Avviso: \($0)\n" }.joined()
        standardError += output.errors.map { "Errore: \($0)\n" }.joined()
        if let path = parsed.value("output") {
            try OutputWriter.write(Array(output.report.utf8), to: path, inputs: output.inputs)
            return CommandResult(status: output.status, standardOutput: "", standardError: standardError)
        }
        return CommandResult(status: output.status, standardOutput: output.report, standardError: standardError)
    }

    static func subcommand(named name: String) throws(CommandFailure) -> any Subcommand.Type {
        if let command = subcommands.first(where: { $0.spec.name == name }) { return command }
        let names = subcommands.map { $0.spec.name } + ["help"]
        let what = name.hasPrefix("-") ? "opzione sconosciuta" : "sottocomando sconosciuto"
        let suggestion =
            Suggestions.nearest(to: name, in: name.hasPrefix("-") ? ["--help", "--version"] : names)
            .map { " Forse intendevi «\($0)»?" } ?? ""
        throw .usage("\(what) «\(name)».\(suggestion)", hint: ["Vedi 'potenziamento --help'."])
    }
}
