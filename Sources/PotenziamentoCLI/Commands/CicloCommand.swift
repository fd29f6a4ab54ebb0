import PotenziamentoKit

/// `potenziamento ciclo FILE`: the yearly cycle prenotato → liquidato → economia → recupero.
enum CicloCommand: Subcommand {
    static let formats: [ReportFormat] = [.text, .json]

    static let spec = CommandSpec(
        name: "ciclo",
        abstract: "Ciclo annuale: prenotato, liquidato, economie e recuperi anno per anno.",
        discussion: """
            FILE è uno di questi:
              - un CSV (o il primo foglio di un .xlsx o .ods) con
                anno;popolazione;fte_previsione;fte_consuntivo;fte_certificato (virgola
                decimale; cella vuota = passo non ancora avvenuto) e, facoltative,
                prenotato_decreto;liquidato_decreto (gli importi dei decreti ricevuti, per il confronto)
                e popolazione_consuntivo (i residenti del consuntivo, se diversi);
              - i prospetti di più campagne scritti da 'prospetto --formato json' (ognuno dà la
                previsione del suo anno e il consuntivo dell'anno prima, come dichiarati);
              - un JSON potenziamento.ciclo.v1.
            Prenotato = contributo sulla previsione; liquidato = minimo tra il contributo sul
            consuntivo e il prenotato (D.M. 144/2021, art. 2); l'economia torna al Fondo Povertà; se
            gli FTE certificati danno meno del liquidato, la differenza si recupera (D.M. 125/2024).
            """,
        arguments: [
            ArgumentSpec("FILE", help: "CSV o cartella di lavoro del ciclo, prospetti JSON di più campagne o JSON potenziamento.ciclo.v1.", variadic: true)
        ],
        options: [CommonOptions.format(formats), CommonOptions.output, CommonOptions.parameter],
        examples: [
            "potenziamento ciclo Examples/ciclo-esempio.csv",
            "potenziamento ciclo prospetto-2025.json prospetto-2026.json",
            "potenziamento ciclo Examples/ciclo-esempio.json",
        ])

    static func run(_ parsed: ParsedArguments, context: CommandContext) throws(CommandFailure) -> CommandOutput {
        let format = try OptionValues.format(parsed, allowed: formats, command: spec.name)
        let parameters = try OptionValues.parameterTable(parsed, defaultYear: context.currentYear)
        let paths = parsed.positionals
        let loaded: CycleReader.Loaded
        do { loaded = try CycleReader.load(paths: paths, parameters: parameters) } catch { throw RosterInput.failure(error) }
        return CommandOutput(warnings: loaded.warnings.map(\.description), inputs: paths) { output in
            _ = loaded.cycle.write(format, ambito: loaded.ambito, to: output)
        }
    }
}
