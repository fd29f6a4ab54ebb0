import PotenziamentoKit

/// `potenziamento prospetto INPUT --campagna C`: the prospetto riassuntivo of campaign C
/// (consuntivo C−1 and previsione C), to be entered on SIOSS by 28 February of C.
enum ProspettoCommand: Subcommand {
    static let formats = ["testo", "json", "csv", "markdown", "html"]

    static let spec = CommandSpec(
        name: "prospetto",
        abstract: "Prospetto riassuntivo ministeriale: consuntivo dell'anno precedente e previsione dell'anno della campagna.",
        discussion: """
            Calcola dallo stesso elenco del personale il consuntivo di C−1 e la previsione di C
            (le assunzioni previste sono periodi nell'anno C), per l'ambito e per ogni comune, con
            FTE per area di attività, soglie, contributo, persone escluse e riferimenti normativi.
            Con --formato html produce una pagina unica stampabile su A4 con il grafico.
            """,
        arguments: [
            ArgumentSpec(
                "INPUT", help: "File JSON dell'ambito o cartella con i CSV; più input, o una cartella di ambiti, danno una tabella con una riga per ambito.",
                variadic: true)
        ],
        options: [
            OptionSpec("campagna", value: "ANNO", required: true, help: "Anno della campagna C (il prospetto si invia entro il 28 febbraio di C)."),
            RosterInput.methodOption,
            CommonOptions.format(formats), CommonOptions.output,
            OptionSpec("grafico", value: "FILE.svg", help: "Scrive anche il solo grafico SVG del contributo in FILE.svg."),
            CommonOptions.parameter,
        ],
        examples: [
            "potenziamento prospetto Examples/ambito-esempio.json --campagna 2026",
            "potenziamento prospetto Examples/ambito-esempio --campagna 2026 --formato html --output prospetto-2026.html",
        ])

    static func run(_ parsed: ParsedArguments, context: CommandContext) throws(CommandFailure) -> CommandOutput {
        let format = try OptionValues.format(parsed, allowed: formats, command: spec.name)
        let campaign = try OptionValues.year(parsed.value("campagna") ?? "", option: "campagna")
        let method = try RosterInput.method(parsed)
        let parameters = try OptionValues.parameterTable(parsed, defaultYear: campaign)
        let assessor = RosterAssessor(parameters: parameters, method: method)
        func make(_ roster: Roster) throws(CommandFailure) -> Prospetto {
            do {
                return try Prospetto(roster: roster, campaign: campaign, assessor: assessor)
            } catch {
                switch error {
                case .invalidInput(let input): throw RosterInput.failure(input)
                case .parameter(let parameter): throw .usage("--campagna: \(parameter)")
                case .invalidCampaign: throw .usage("--campagna: \(error)")
                }
            }
        }
        let (inputs, isBatch, skipped) = try BatchInputs.resolve(parsed.positionals)
        if isBatch {
            return try BatchInputs.run(
                inputs, skipped: skipped, format: format,
                compute: { roster throws(CommandFailure) in
                    let prospetto = try make(roster)
                    return (prospetto, prospetto.consuntivo.warnings + prospetto.previsione.warnings)
                },
                text: { BatchReport.prospettiText($0, failures: $1, campaign: campaign) },
                json: { BatchReport.prospettiJSON($0, failures: $1, campaign: campaign) },
                csv: BatchReport.prospettiCSV)
        }
        let path = inputs[0]
        let loaded = try RosterInput.load(path)
        let prospetto = try make(loaded.roster)
        let report: String
        switch format {
        case "json": report = ProspettoReport.json(prospetto)
        case "csv": report = ProspettoReport.csv(prospetto)
        case "markdown": report = ProspettoReport.markdown(prospetto)
        case "html": report = ProspettoHTML.render(prospetto)
        default: report = ProspettoReport.text(prospetto)
        }
        var warnings = (loaded.warnings + prospetto.consuntivo.warnings + prospetto.previsione.warnings).map(\.description)
        if prospetto.isLate(today: context.today) {
            warnings.append("la scadenza del prospetto \(campaign) era il \(prospetto.deadline.value.italian): oggi è il \(context.today.italian)")
        }
        let inputFiles = RosterInput.inputFiles(path)
        if let chart = parsed.value("grafico") {
            let svg = ContributionChart.standalone(ProspettoReport.chartSeries(prospetto), title: ProspettoReport.chartTitle(prospetto))
            try OutputWriter.write(Array(svg.utf8), to: chart, inputs: inputFiles)
        }
        return CommandOutput(report: report, warnings: warnings, inputs: inputFiles)
    }
}
