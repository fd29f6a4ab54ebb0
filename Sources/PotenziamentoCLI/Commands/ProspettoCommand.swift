import Foundation
import PotenziamentoKit

/// `potenziamento prospetto INPUT --campagna C`: the prospetto riassuntivo of campaign C
/// (consuntivo C−1 and previsione C), to be entered on SIOSS by 28 February of C.
enum ProspettoCommand: Subcommand {
    static let formats: [ReportFormat] = [.text, .json, .csv, .markdown, .html]

    static let spec = CommandSpec(
        name: "prospetto",
        abstract: "Prospetto riassuntivo ministeriale: consuntivo dell'anno precedente e previsione dell'anno della campagna.",
        discussion: """
            Calcola dallo stesso elenco del personale il consuntivo di C−1 e la previsione di C
            (le assunzioni previste sono periodi nell'anno C), per l'ambito, per ogni comune e per
            ogni ente che impiega assistenti sociali: persone, FTE, FTE per area di attività, soglie,
            contributo, riparto tra i comuni, persone escluse e riferimenti normativi.
            Indica gli FTE da inserire su SIOSS: quelli esatti arrotondati per difetto (il ministero
            recupera quanto dichiarato in più). Con --formato html produce il documento da stampare
            su A4 e firmare, con il grafico e l'allegato delle persone.
            """,
        arguments: [
            ArgumentSpec(
                "INPUT",
                help:
                    "Cartella di lavoro dell'ambito (.xlsx, .ods), cartella con i CSV o file JSON; più input, o una cartella di ambiti, danno una tabella con una riga per ambito.",
                variadic: true)
        ],
        options: [
            OptionSpec("campagna", value: "ANNO", required: true, help: "Anno della campagna C (il prospetto si invia entro il 28 febbraio di C)."),
            RosterInput.methodOption,
            OptionSpec("decimali-dichiarati", value: "N", help: "Decimali degli FTE da dichiarare (predefinito: 2; da 0 a 6)."),
            OptionSpec("senza-allegato", help: "Non aggiunge l'allegato con le persone conteggiate ed escluse."),
            OptionSpec("luogo", value: "LUOGO", help: "Il luogo da stampare accanto alla data, sopra la firma."),
            CommonOptions.format(formats, workbooks: true), CommonOptions.output, CommonOptions.explain,
            OptionSpec("grafico", value: "FILE.svg", help: "Scrive anche il solo grafico SVG del contributo in FILE.svg."),
            CommonOptions.parameter,
        ],
        examples: [
            "potenziamento prospetto Examples/ambito-esempio.json --campagna 2026",
            "potenziamento prospetto Examples/ambito-esempio --campagna 2026 --output prospetto-2026.html",
        ])

    static func run(_ parsed: ParsedArguments, context: CommandContext) throws(CommandFailure) -> CommandOutput {
        let choice = try OptionValues.choice(parsed, allowed: formats, workbooks: true, command: spec.name)
        let format: ReportFormat
        if case .report(let chosen) = choice { format = chosen } else { format = .text }
        let campaign = try OptionValues.year(parsed.value("campagna") ?? "", option: "campagna")
        let method = try RosterInput.method(parsed)
        let parameters = try OptionValues.parameterTable(parsed, defaultYear: campaign)
        let decimals =
            try parsed.value("decimali-dichiarati").map { text throws(CommandFailure) in
                let value = try OptionValues.integer(text, option: "decimali-dichiarati")
                guard FTEDeclaration.decimalsRange.contains(value) else { throw .usage("--decimali-dichiarati: da 0 a 6 (indicato: \(text))") }
                return value
            } ?? 2
        let assessor = RosterAssessor(parameters: parameters, method: method)
        @Sendable func failure(_ error: AssessmentError) -> CommandFailure {
            switch error {
            case .invalidInput(let input): RosterInput.failure(input)
            case .parameter(let parameter): .usage("--campagna: \(parameter)")
            case .invalidCampaign: .usage("--campagna: \(error)")
            }
        }
        @Sendable func make(_ roster: Roster) throws(CommandFailure) -> Prospetto {
            do {
                return try Prospetto(roster: roster, campaign: campaign, assessor: assessor, declaredDecimals: decimals)
            } catch {
                throw failure(error)
            }
        }
        // What does not depend on an ATS, said once before any is read.
        do { try Prospetto.checkCampaign(campaign, assessor: assessor) } catch { throw failure(error) }
        let resolved = try BatchInputs.resolve(parsed.positionals)
        let (inputs, isBatch) = (resolved.inputs, resolved.isBatch)
        // The options of one ATS first: their word stands whatever the format.
        if isBatch { try BatchInputs.refuseSingleOptions(parsed, ["grafico", "spiega", "luogo", "senza-allegato"]) }
        if case .workbook = choice, isBatch {
            throw .usage(
                "con più ambiti il risultato è una tabella: usa --formato testo, csv o json (una cartella di lavoro per ambito: un comando per ambito)")
        }
        if isBatch {
            let batchFormat = try BatchInputs.batchFormat(format)
            // The parts repeated in every ATS's JSON element (the parameters of a year), made once.
            let reused = ReusedJSON()
            // The deadline is the campaign's, the same for every ATS: said once (a review found
            // a batch never said it).
            let deadline = try? parameters.inForce(for: campaign).prospettoDeadline.value
            let late = deadline.flatMap { Self.lateNote(campaign: campaign, deadline: $0, today: context.today) }
            var output = BatchInputs.output(
                resolved, notes: late.map { [$0] } ?? [],
                compute: { roster throws(CommandFailure) in
                    let prospetto = try make(roster)
                    // Code and warnings first: the prospetto then moves into the result, not copied.
                    let (code, warnings) = (prospetto.consuntivo.ambito.code, prospetto.warnings)
                    return (BatchReport.entry(prospetto, format: batchFormat, reusing: reused), code, warnings)
                },
                write: { output, run in BatchReport.prospetti(campaign: campaign, method: method, format: batchFormat, to: output, run: run) })
            // The text table lists the warnings under it.
            output.reportListsWarnings = batchFormat == .text
            return output
        }
        try OptionValues.refuseExplanation(parsed, in: choice, allowed: formats)
        try OptionValues.refuseWorkbookOnTerminal(parsed, in: choice, context: context)
        let path = inputs[0]
        let loaded = try RosterInput.load(path)
        let prospetto = try make(loaded.roster)
        // The warnings of both years de-duplicated once (a set of places and messages), for the
        // terminal and for the document.
        let allWarnings = loaded.warnings + prospetto.warnings
        var warnings = allWarnings.map(\.description)
        var documentWarnings = InputDiagnostic.inDocument(allWarnings).map(\.description)
        if let late = Self.lateNote(campaign: campaign, deadline: prospetto.deadline.value, today: context.today) {
            warnings.append(late)
            documentWarnings.append(late)
        }
        let inputFiles = RosterInput.inputFiles(path)
        if let chart = parsed.value("grafico") {
            try OutputWriter.write(Array(prospetto.chart.utf8), to: chart, inputs: inputFiles)
        }
        let options = ProspettoReportOptions(
            today: context.today, place: parsed.value("luogo"), includesAnnex: !parsed.flag("senza-allegato"), explains: parsed.flag("spiega"),
            warnings: documentWarnings)
        if case .workbook(let kind) = choice {
            return try OptionValues.workbookOutput(warnings: warnings, inputs: inputFiles) { () throws(InputError) in
                try prospetto.workbook(kind, options: options)
            }
        }
        var output = CommandOutput(warnings: warnings, inputs: inputFiles) { output in prospetto.write(format, options: options, to: output) }
        output.reportListsWarnings = format == .text || format == .markdown || format == .html
        return output
    }

    /// The warning of a prospetto after its deadline (`today` past the campaign's), nil before it.
    static func lateNote(campaign: Int, deadline: CivilDate, today: CivilDate) -> String? {
        today > deadline ? "la scadenza del prospetto \(campaign) era il \(deadline.italian): oggi è il \(today.italian)" : nil
    }
}
