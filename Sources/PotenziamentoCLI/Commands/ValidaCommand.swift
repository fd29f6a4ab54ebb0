import PotenziamentoKit

/// `potenziamento valida INPUT`: checks an input and lists every problem found, with its place.
enum ValidaCommand: Subcommand {
    static let formats = ["testo", "json"]

    static let spec = CommandSpec(
        name: "valida",
        abstract: "Controlla un file di input ed elenca tutti i problemi trovati.",
        discussion: """
            Ogni problema indica il file e il punto (CSV file:riga, JSON percorso come
            personale[3].periodi[0].al). Esce con 65 se c'è almeno un errore, 0 altrimenti (anche
            con soli avvisi). Con --anno controlla anche i dati di quell'anno (popolazione, servizio).
            """,
        arguments: [ArgumentSpec("INPUT", help: "File JSON dell'ambito o cartella con i CSV.")],
        options: [
            OptionSpec("anno", value: "ANNO", help: "Controlla anche i dati di questo anno."),
            CommonOptions.format(formats), CommonOptions.output,
        ],
        examples: ["potenziamento valida Examples/ambito-esempio", "potenziamento valida Examples/ambito-esempio.json --anno 2026"])

    static func run(_ parsed: ParsedArguments, context: CommandContext) throws(CommandFailure) -> CommandOutput {
        let format = try OptionValues.format(parsed, allowed: formats, command: spec.name)
        let year = try parsed.value("anno").map { text throws(CommandFailure) in try OptionValues.year(text) }
        let path = parsed.positionals[0]
        var diagnostics: [InputDiagnostic]
        var summary: (persons: Int, comuni: Int)?
        do {
            let loaded = try RosterLoader.load(path: path)
            diagnostics = loaded.warnings
            summary = (loaded.roster.staff.count, loaded.roster.municipalities.count)
            if let year {
                do {
                    diagnostics += try RosterAssessor().assess(loaded.roster, year: year).warnings
                } catch {
                    switch error {
                    case .invalidInput(let input): diagnostics = input.diagnostics + diagnostics
                    case .parameter(let parameter): throw CommandFailure.data("--anno: \(parameter)")
                    }
                }
            }
        } catch let error as InputError {
            if RosterInput.isUnreadable(error) { throw RosterInput.failure(error) }
            diagnostics = error.diagnostics
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure(.software, ["errore interno: \(error)"])
        }
        let errors = diagnostics.filter { $0.severity == .error }
        let warnings = diagnostics.filter { $0.severity == .warning }
        let report: String
        if format == "json" {
            report = JSONValue.object([
                ("formato", .string("potenziamento.validazione.v1")),
                ("input", .string(path)),
                ("valido", .bool(errors.isEmpty)),
                ("errori", .array(errors.map(diagnosticJSON))),
                ("avvisi", .array(warnings.map(diagnosticJSON))),
            ]).rendered()
        } else {
            var lines = ["Controllo di \(path)\(year.map { " (anno \($0))" } ?? "")", ""]
            if let summary, errors.isEmpty { lines.append("Letti \(summary.comuni) comuni e \(summary.persons) persone.") }
            lines += errors.map { "ERRORE  \($0)" }
            lines += warnings.map { "AVVISO  \($0)" }
            lines.append("")
            lines.append(
                errors.isEmpty
                    ? (warnings.isEmpty ? "Nessun problema trovato." : "Nessun errore; \(warnings.count) avvisi da controllare.")
                    : "\(errors.count) errori e \(warnings.count) avvisi: correggi gli errori prima del calcolo.")
            report = lines.joined(separator: "\n") + "\n"
        }
        var output = CommandOutput(report: report, inputs: RosterInput.inputFiles(path))
        if !errors.isEmpty {
            output.status = .dataError
            output.errors = ["\(path): \(errors.count) errori nei dati (elenco completo nel rapporto)"]
        }
        return output
    }

    static func diagnosticJSON(_ diagnostic: InputDiagnostic) -> JSONValue {
        .object([("posizione", .string(diagnostic.place.description)), ("messaggio", .string(diagnostic.message))])
    }
}
