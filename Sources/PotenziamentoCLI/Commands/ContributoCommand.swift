import PotenziamentoKit

/// `potenziamento contributo --popolazione P --fte N [--anno Y]`: the contribution for a
/// population and an FTE figure (L. 178/2020, art. 1, comma 797).
enum ContributoCommand: Subcommand {
    static let formats: [ReportFormat] = [.text, .json, .markdown, .csv]

    static let spec = CommandSpec(
        name: "contributo",
        abstract: "Calcola il contributo per una popolazione e un numero di FTE.",
        discussion: """
            Applica la formula del comma 797: 40.000 € per FTE oltre 1/6.500 e fino a 1/5.000 dei
            residenti, 20.000 € per FTE oltre 1/5.000 e fino a 1/4.000. Ogni fascia è arrotondata
            al centesimo (metà per eccesso); il contributo è la somma delle due fasce.
            I numeri si scrivono all'italiana (22,5) o con il punto (22.5).
            """,
        options: [
            OptionSpec("popolazione", value: "P", required: true, help: "Popolazione residente dell'ambito (numero intero positivo)."),
            OptionSpec("fte", value: "N", required: true, help: "Assistenti sociali a tempo indeterminato in equivalente a tempo pieno (es. 22,5)."),
            OptionSpec("anno", value: "ANNO", help: "Anno di riferimento (predefinito: l'anno in corso)."),
            CommonOptions.format(formats), CommonOptions.output, CommonOptions.explain, CommonOptions.parameter,
        ],
        examples: [
            "potenziamento contributo --popolazione 100000 --fte 22,5",
            "potenziamento contributo --popolazione 100000 --fte 22.5 --anno 2025 --formato json",
            "potenziamento contributo --popolazione 48000 --fte 15 --spiega",
        ])

    static func run(_ parsed: ParsedArguments, context: CommandContext) throws(CommandFailure) -> CommandOutput {
        let format = try OptionValues.format(parsed, allowed: formats, command: spec.name)
        try OptionValues.refuseExplanation(parsed, in: .report(format), allowed: formats)
        // Required options: the parser has already checked they are present.
        let population = try OptionValues.integer(parsed.value("popolazione") ?? "", option: "popolazione")
        let fteText = parsed.value("fte") ?? ""
        // `--fte 12.500` beside `--popolazione 50.000`: the same point read two ways (a review).
        if let ambiguous = FieldParsing.ambiguousPoint(fteText, what: "--fte") { throw .usage(ambiguous.message) }
        let fte = try OptionValues.decimal(fteText, option: "fte")
        let year = try parsed.value("anno").map { text throws(CommandFailure) in try OptionValues.year(text) } ?? context.currentYear
        let table = try OptionValues.parameterTable(parsed, defaultYear: year)
        let assessment: ContributionAssessment
        do {
            assessment = try ContributionCalculator(parameters: table).assess(population: population, fte: fte, year: year)
        } catch {
            throw .usage(message(for: error))
        }
        let explain = parsed.flag("spiega")
        return CommandOutput { output in _ = assessment.write(format, explain: explain, to: output) }
    }

    static func message(for error: ContributionError) -> String {
        switch error {
        case .invalidPopulation: "--popolazione: \(error)"
        case .invalidFTE: "--fte: \(error)"
        case .parameter: "--anno: \(error)"
        case .invalidTable: "\(error)"
        }
    }
}
