import PotenziamentoKit

/// `potenziamento ciclo FILE`: the yearly cycle prenotato → liquidato → economia → recupero.
enum CicloCommand: Subcommand {
    static let formats: [ReportFormat] = [.text, .json]

    static let spec = CommandSpec(
        name: "ciclo",
        abstract: "Ciclo annuale: prenotato, liquidato, economie e recuperi anno per anno.",
        discussion: """
            FILE è un JSON potenziamento.ciclo.v1 con, per ogni anno, popolazione e FTE dei passi
            già avvenuti (ftePrevisione, fteConsuntivo, fteCertificato). Liquidato = minimo tra il
            contributo sul consuntivo e il prenotato (D.M. 144/2021, art. 2); l'economia torna al
            Fondo Povertà; se gli FTE certificati danno meno del liquidato, la differenza si recupera.
            """,
        arguments: [ArgumentSpec("FILE", help: "File JSON potenziamento.ciclo.v1.")],
        options: [CommonOptions.format(formats), CommonOptions.output, CommonOptions.parameter],
        examples: ["potenziamento ciclo Examples/ciclo-esempio.json"])

    static func run(_ parsed: ParsedArguments, context: CommandContext) throws(CommandFailure) -> CommandOutput {
        let format = try OptionValues.format(parsed, allowed: formats, command: spec.name)
        let parameters = try OptionValues.parameterTable(parsed, defaultYear: context.currentYear)
        let path = parsed.positionals[0]
        let loaded: CycleReader.Loaded
        do { loaded = try CycleReader.load(path: path, parameters: parameters) } catch { throw RosterInput.failure(error) }
        return CommandOutput(warnings: loaded.warnings.map(\.description), inputs: [path]) { output in
            _ = loaded.cycle.write(format, ambito: loaded.ambito, to: output)
        }
    }
}
