import PotenziamentoKit

/// `potenziamento calcola INPUT --anno Y`: the annual assessment of one ATS from its roster.
enum CalcolaCommand: Subcommand {
    static let formats: [ReportFormat] = [.text, .json, .csv, .markdown]

    static let spec = CommandSpec(
        name: "calcola",
        abstract: "Valutazione annuale di un ambito dal suo elenco del personale.",
        discussion: """
            INPUT è la cartella di lavoro dell'ambito (.xlsx o .ods, come la scrive modello), un
            file JSON (potenziamento.ambito.v1) oppure una cartella con comuni.csv, personale.csv e
            (facoltativo) ambito.csv. Stampa popolazione, soglie, FTE totali e per area, fasce,
            contributo, riparto tra i comuni (D.M. 15/2021, art. 2), le persone escluse con il
            motivo e gli avvisi sui dati. Con --formato csv: una riga per persona, per il foglio di
            calcolo.
            """,
        arguments: [
            ArgumentSpec(
                "INPUT",
                help:
                    "Cartella di lavoro dell'ambito (.xlsx, .ods), cartella con i CSV o file JSON; più input, o una cartella di ambiti, danno una tabella con una riga per ambito.",
                variadic: true)
        ],
        options: [
            OptionSpec("anno", value: "ANNO", help: "Anno di riferimento (predefinito: l'anno in corso)."),
            RosterInput.methodOption,
            CommonOptions.format(formats, workbooks: true), CommonOptions.output, CommonOptions.explain,
            OptionSpec("grafico", value: "FILE.svg", help: "Scrive anche il grafico SVG del contributo in funzione degli FTE in FILE.svg."),
            CommonOptions.parameter,
        ],
        examples: [
            "potenziamento calcola Examples/ambito-esempio.json --anno 2025",
            "potenziamento calcola Examples/ambito-esempio --anno 2025 --formato json",
            "potenziamento calcola Examples/ambito-esempio.json --anno 2025 --output persone.csv",
        ])

    static func run(_ parsed: ParsedArguments, context: CommandContext) throws(CommandFailure) -> CommandOutput {
        let choice = try OptionValues.choice(parsed, allowed: formats, workbooks: true, command: spec.name)
        let format: ReportFormat
        if case .report(let chosen) = choice { format = chosen } else { format = .text }
        let method = try RosterInput.method(parsed)
        let year = try parsed.value("anno").map { text throws(CommandFailure) in try OptionValues.year(text) } ?? context.currentYear
        let parameters = try OptionValues.parameterTable(parsed, defaultYear: year)
        let assessor = RosterAssessor(parameters: parameters, method: method)
        // What does not depend on an ATS, said once before any is read.
        do { try assessor.checkYear(year) } catch { throw RosterInput.failure(error) }
        let resolved = try BatchInputs.resolve(parsed.positionals)
        let (inputs, isBatch) = (resolved.inputs, resolved.isBatch)
        // The options of one ATS first: their word stands whatever the format.
        if isBatch { try BatchInputs.refuseSingleOptions(parsed, ["grafico", "spiega"]) }
        if case .workbook = choice, isBatch {
            throw .usage(
                "con più ambiti il risultato è una tabella: usa --formato testo, csv o json (una cartella di lavoro per ambito: un comando per ambito)")
        }
        if isBatch {
            let batchFormat = try BatchInputs.batchFormat(format)
            // The parts repeated in every ATS's JSON element (the parameters of a year), made once.
            let reused = ReusedJSON()
            var output = BatchInputs.output(
                resolved,
                compute: { roster throws(CommandFailure) in
                    let assessment = try RosterInput.assess(roster, year: year, assessor: assessor)
                    // Code and warnings first: the assessment then moves into the result, not copied.
                    let (code, warnings) = (assessment.ambito.code, assessment.warnings)
                    return (BatchReport.entry(assessment, format: batchFormat, reusing: reused), code, warnings)
                },
                write: { output, run in BatchReport.assessments(year: year, method: method, format: batchFormat, to: output, run: run) })
            // The text table lists the warnings under it.
            output.reportListsWarnings = batchFormat == .text
            return output
        }
        try OptionValues.refuseExplanation(parsed, in: choice, allowed: formats)
        try OptionValues.refuseWorkbookOnTerminal(parsed, in: choice, context: context)
        let path = inputs[0]
        let loaded = try RosterInput.load(path)
        let assessment = try RosterInput.assess(loaded.roster, year: year, assessor: assessor)
        let explain = parsed.flag("spiega")
        let warnings = (loaded.warnings + assessment.warnings).map(\.description)
        // In the report, those of reading and of the assessment (each naming its file without the folders).
        let reportWarnings = loaded.warnings + assessment.warnings
        let inputFiles = RosterInput.inputFiles(path)
        if let chart = parsed.value("grafico") {
            try OutputWriter.write(Array(assessment.chart.utf8), to: chart, inputs: inputFiles)
        }
        if case .workbook(let kind) = choice {
            return try OptionValues.workbookOutput(warnings: warnings, inputs: inputFiles) { () throws(InputError) in
                try assessment.workbook(kind, warnings: reportWarnings)
            }
        }
        // The warnings go to standard error and into the report (a saved report carries them).
        var output = CommandOutput(warnings: warnings, inputs: inputFiles) { output in
            _ = assessment.write(format, explain: explain, warnings: reportWarnings, to: output)
        }
        output.reportListsWarnings = format == .text || format == .markdown
        return output
    }
}
