import PotenziamentoKit

/// `potenziamento riparto FILE [--fondo EURO] [--anno Y]`: many ATS at once, with the fund cap.
enum RipartoCommand: Subcommand {
    static let formats: [ReportFormat] = [.text, .json, .csv]

    static let spec = CommandSpec(
        name: "riparto",
        abstract: "Riparto nazionale: contributo di molti ambiti con il limite del fondo.",
        discussion: """
            FILE è un CSV (o il primo foglio di un .xlsx o .ods) con
            codice;denominazione;popolazione;fte e facoltativo pregresso (importi già riconosciuti
            per anni precedenti, pagati per intero). Se i contributi nuovi superano il fondo
            rimasto, sono ridotti tutti dello stesso coefficiente; i centesimi si assegnano con i
            resti maggiori, così il totale torna al centesimo.
            """,
        arguments: [ArgumentSpec("FILE", help: "Tabella degli ambiti: CSV o cartella di lavoro (.xlsx, .ods).")],
        options: [
            OptionSpec("fondo", value: "EURO", help: "Risorse disponibili (predefinito: il fondo in vigore, 180.000.000,00 €)."),
            OptionSpec("anno", value: "ANNO", help: "Anno di riferimento (predefinito: l'anno in corso)."),
            CommonOptions.format(formats, workbooks: true), CommonOptions.output, CommonOptions.parameter,
        ],
        examples: ["potenziamento riparto Examples/riparto-esempio.csv --anno 2025", "potenziamento riparto Examples/riparto-esempio.csv --fondo 500.000"])

    static func run(_ parsed: ParsedArguments, context: CommandContext) throws(CommandFailure) -> CommandOutput {
        let choice = try OptionValues.choice(parsed, allowed: formats, workbooks: true, command: spec.name)
        try OptionValues.refuseWorkbookOnTerminal(parsed, in: choice, context: context)
        let format: ReportFormat
        if case .report(let chosen) = choice { format = chosen } else { format = .text }
        let year = try parsed.value("anno").map { text throws(CommandFailure) in try OptionValues.year(text) } ?? context.currentYear
        let parameters = try OptionValues.parameterTable(parsed, defaultYear: year)
        var fund: EuroCents?
        if let text = parsed.value("fondo") {
            fund = try OptionValues.euros(text, option: "fondo")
        }
        let path = parsed.positionals[0]
        let loaded: NationalTableReader.Loaded
        do { loaded = try NationalTableReader.load(path: path) } catch { throw RosterInput.failure(error) }
        let allocation: NationalAllocation
        do {
            allocation = try NationalAllocation(loaded.entries, year: year, fund: fund, parameters: parameters)
        } catch {
            throw .data(error.description)
        }
        var warnings = loaded.warnings.map(\.description)
        if allocation.previousTotal > allocation.fund {
            warnings.append(
                "\(path): il pregresso (\(NumberFormatting.euro(allocation.previousTotal)), colonna pregresso) supera il fondo (\(NumberFormatting.euro(allocation.fund))): nessuna risorsa per i contributi nuovi; controlla gli importi della colonna pregresso o il --fondo"
            )
        }
        if case .workbook(let kind) = choice {
            return try OptionValues.workbookOutput(warnings: warnings, inputs: [path]) { () throws(InputError) in try allocation.workbook(kind) }
        }
        return CommandOutput(warnings: warnings, inputs: [path]) { output in _ = allocation.write(format, to: output) }
    }
}
