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
        ModelloCommand.self,
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

    /// Runs the command with `arguments` (without the program name), collecting what it writes.
    public static func run(_ arguments: [String], context: CommandContext) -> CommandResult {
        let standardOutput = ReportOutput()
        let (status, standardError) = execute(arguments, context: context, standardOutput: standardOutput)
        return CommandResult(status: status, standardOutput: standardOutput.string, standardError: standardError)
    }

    /// Runs the command, streaming the report into `standardOutput` (or into `--output`); the exit
    /// status and the text for standard error. Errors are presented here, in one place.
    static func execute(_ arguments: [String], context: CommandContext, standardOutput: ReportOutput) -> (ExitStatus, String) {
        do {
            return try dispatch(arguments, context: context, standardOutput: standardOutput)
        } catch {
            var lines = error.lines.map { "Errore: \($0)" }
            lines += error.hint
            return (error.status, lines.joined(separator: "\n") + "\n")
        }
    }

    /// What `--version` prints, on the command and on every subcommand.
    static var versionLine: String { "potenziamento \(PotenziamentoKitInfo.version)\n" }

    static func dispatch(_ arguments: [String], context: CommandContext, standardOutput: ReportOutput) throws(CommandFailure) -> (ExitStatus, String) {
        guard let first = arguments.first else { return (.usage, rootHelp) }
        switch first {
        case "-h", "--help":
            standardOutput.write(rootHelp)
            return (.success, "")
        case "--version":
            standardOutput.write(versionLine)
            return (.success, "")
        case "help":
            guard arguments.count > 1 else {
                standardOutput.write(rootHelp)
                return (.success, "")
            }
            standardOutput.write(HelpFormatter.help(for: try subcommand(named: arguments[1]).spec))
            return (.success, "")
        default:
            break
        }
        let command = try subcommand(named: first)
        var parsed = try ArgumentParser.parse(Array(arguments.dropFirst()), for: command.spec)
        // `--output -` is standard output, as in other tools (it wrote a file named «-»: a review).
        if parsed.value("output") == "-" { parsed.removeValues(of: "output") }
        if parsed.flag("help") {
            standardOutput.write(HelpFormatter.help(for: command.spec))
            return (.success, "")
        }
        if parsed.flag("version") {
            standardOutput.write(versionLine)
            return (.success, "")
        }
        try OutputWriter.refuseSameFile(chart: parsed.value("grafico"), output: parsed.value("output"))
        let output = try command.run(parsed, context: context)
        ProcessLifetime.keep(result: output)
        let outcome: RenderOutcome
        if let path = parsed.value("output") {
            outcome = try write(output, toFile: path)
        } else {
            outcome = output.render(standardOutput)
        }
        var warnings = output.warnings + outcome.warnings
        // The report on the terminal lists them: one line says so, not each line twice.
        if output.reportListsWarnings, parsed.value("output") == nil, context.standardOutputIsTerminal, context.standardErrorIsTerminal, !warnings.isEmpty {
            let count = Diagnostics.warningCount(warnings)
            warnings = [
                "\(Italian.count(count, "avviso", "avvisi")) sui dati, \(count == 1 ? "scritto" : "scritti") nel rapporto qui sopra («Avvisi sui dati»): controllali prima di usare le cifre"
            ]
        }
        var standardError = warnings.map { "Avviso: \($0)\n" }.joined()
        standardError += (output.errors + outcome.errors).map { "Errore: \($0)\n" }.joined()
        return (outcome.status ?? output.status, standardError)
    }

    /// Streams the report into the file at `path` (``OutputDestination``: atomic for a file,
    /// direct for a device or a pipe); nothing is left behind when it fails.
    static func write(_ output: CommandOutput, toFile path: String) throws(CommandFailure) -> RenderOutcome {
        let box = DestinationBox(try OutputDestination.open(path: path, inputs: output.inputs(), replaceable: output.replaceable))
        let sink = ReportOutput { bytes in box.write(bytes) }
        let outcome = output.render(sink)
        guard sink.finish(), let destination = box.destination.take() else {
            box.destination.take()?.abort()
            throw box.failure ?? CommandFailure(.cannotCreate, ["\(path): scrittura non riuscita"])
        }
        // A report with nothing in it (a batch that found no ATS) replaces no file (a review: the
        // earlier report became an empty one, exit 66).
        if outcome.discardsOutput {
            destination.abort()
            return outcome
        }
        try destination.commit()
        return outcome
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

/// An open destination that a report's sink writes into (a class, so the sink's closure can hold it).
final class DestinationBox {
    var destination: OutputDestination?
    var failure: CommandFailure?

    init(_ destination: consuming OutputDestination) { self.destination = consume destination }

    /// Writes a chunk; false (and the failure kept) when the destination refuses it.
    func write(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard var open = destination.take() else { return false }
        do {
            try open.write(bytes)
            destination = consume open
            return true
        } catch {
            failure = error
            return false
        }
    }
}
