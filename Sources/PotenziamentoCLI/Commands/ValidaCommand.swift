import PotenziamentoKit

/// `potenziamento valida INPUT`: checks an input and lists every problem found, with its place.
/// With `--anno` it also checks what `calcola` will compute for that year, for the FTE method
/// given or, when none is given, for both.
enum ValidaCommand: Subcommand {
    static let formats: [ReportFormat] = [.text, .json]

    static let spec = CommandSpec(
        name: "valida",
        abstract: "Controlla un file di input ed elenca tutti i problemi trovati.",
        discussion: """
            Ogni problema indica il file e il punto (CSV file:riga, cartella di lavoro foglio!cella,
            JSON percorso come personale[3].periodi[0].al) e ha un codice stabile (es.
            percentuale_fuori_intervallo).
            Esce con 65 se c'è almeno un errore, 0 altrimenti (anche con soli avvisi). Con --anno
            controlla anche quello che calcola farà per quell'anno (popolazione, servizio), con il
            metodo indicato da --metodo-fte oppure con entrambi i metodi.
            """,
        arguments: [ArgumentSpec("INPUT", help: "Cartella di lavoro dell'ambito (.xlsx, .ods), cartella con i CSV o file JSON.")],
        options: [
            OptionSpec("anno", value: "ANNO", help: "Controlla anche il calcolo di questo anno."),
            RosterInput.methodOption,
            CommonOptions.format(formats), CommonOptions.output,
        ],
        examples: ["potenziamento valida Examples/ambito-esempio", "potenziamento valida Examples/ambito-esempio.json --anno 2026"])

    static func run(_ parsed: ParsedArguments, context: CommandContext) throws(CommandFailure) -> CommandOutput {
        let format = try OptionValues.format(parsed, allowed: formats, command: spec.name)
        let year = try parsed.value("anno").map { text throws(CommandFailure) in try OptionValues.year(text) }
        let methods = parsed.value("metodo-fte") == nil ? FTEMethod.allCases : [try RosterInput.method(parsed)]
        let path = parsed.positionals[0]
        try BatchInputs.refuseFolderOfAmbiti(path)
        var diagnostics: [InputDiagnostic] = []
        var unlistedErrors = 0
        var summary: (persons: Int, comuni: Int)?
        do {
            let loaded = try RosterLoader.load(path: path)
            diagnostics = loaded.warnings
            summary = (loaded.roster.staff.count, loaded.roster.municipalities.count)
            if let year {
                var seen = Set<InputDiagnostic>()
                for method in methods {
                    do {
                        let warnings = try RosterAssessor(method: method).assess(loaded.roster, year: year).warnings
                        for warning in warnings where seen.insert(warning).inserted { diagnostics.append(warning) }
                    } catch {
                        switch error {
                        case .invalidInput(let input):
                            for diagnostic in input.diagnostics where seen.insert(diagnostic).inserted { diagnostics.append(diagnostic) }
                        case .parameter(let parameter): throw CommandFailure.usage("--anno: \(parameter)")
                        case .invalidCampaign: throw CommandFailure.usage("\(error)")
                        }
                    }
                }
            }
        } catch let error as InputError {
            if RosterInput.isUnreadable(error) { throw RosterInput.failure(error) }
            diagnostics = error.diagnostics
            unlistedErrors = error.errorCount - error.diagnostics.count { $0.severity == .error && $0.code != .altriProblemi }
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure(.software, ["errore interno: \(error)"])
        }
        let errors = diagnostics.filter { $0.severity == .error }
        let warnings = diagnostics.filter { $0.severity == .warning }
        let errorCount = errors.count { $0.code != .altriProblemi } + unlistedErrors
        let report: String
        if format == .json {
            report = ValidationReport.json(path: path, year: year, errors: errors, warnings: warnings)
        } else {
            let checked = year.map { year in " (anno \(year), metodo \(methods.map(\.rawValue).joined(separator: " e ")))" } ?? ""
            var lines = ["Controllo di \(path)\(checked)", ""]
            if let summary, errors.isEmpty {
                lines.append("Letti \(Italian.count(summary.comuni, "comune", "comuni")) e \(Italian.count(summary.persons, "persona", "persone")).")
            }
            lines += errors.map { "ERRORE  \($0) [\($0.code.rawValue)]" }
            lines += warnings.map { "AVVISO  \($0) [\($0.code.rawValue)]" }
            lines.append("")
            if !errors.isEmpty {
                // With errors there is no computation, so none of its warnings: «0 avvisi» would say there are none.
                lines.append(
                    warnings.isEmpty
                        ? "\(Italian.count(errorCount, "errore", "errori")): correggi gli errori prima del calcolo, poi valida di nuovo (una riga con un errore non entra in alcuni controlli tra righe, come quello dei comuni dell'ambito, e gli avvisi del calcolo si controllano quando non ci sono errori)."
                        : "\(Italian.count(errorCount, "errore", "errori")) e \(Italian.count(Diagnostics.warningCount(warnings.map(\.description)), "avviso", "avvisi")): correggi gli errori prima del calcolo, poi valida di nuovo (una riga con un errore non entra in alcuni controlli tra righe, come quello dei comuni dell'ambito, e gli avvisi del calcolo si controllano quando non ci sono errori)."
                )
            } else {
                lines.append(
                    warnings.isEmpty
                        ? "Nessun problema trovato."
                        : "Nessun errore; \(Italian.count(Diagnostics.warningCount(warnings.map(\.description)), "avviso", "avvisi")) da controllare.")
                if year == nil {
                    // The warnings of a year (residents, service, persons without areas) need the year.
                    lines.append(
                        "Controllati i dati, non il calcolo di un anno: per i controlli dell'anno (la popolazione di quell'anno, un errore se manca; il servizio nell'anno; le persone senza aree) aggiungi --anno, per esempio --anno \(context.today.year)."
                    )
                }
            }
            report = lines.joined(separator: "\n") + "\n"
        }
        var output = CommandOutput(report: report, inputs: RosterInput.inputFiles(path))
        if !errors.isEmpty {
            output.status = .dataError
            output.errors = ["\(path): \(Italian.count(errorCount, "errore", "errori")) nei dati (elenco nel rapporto)"]
        }
        return output
    }

}
