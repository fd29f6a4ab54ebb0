import PotenziamentoKit

/// `potenziamento simula INPUT --anno Y ...`: what-if hiring plans against the roster,
/// baseline and scenario side by side, targets, marginal value, sensitivity to population.
enum SimulaCommand: Subcommand {
    static let formats: [ReportFormat] = [.text, .json]

    static let spec = CommandSpec(
        name: "simula",
        abstract: "Simula assunzioni, cessazioni e variazioni: situazione attuale e scenario a confronto.",
        discussion: """
            Ogni modifica si scrive chiave=valore separati da virgole:
              --assunzione dal=AAAA-MM-GG,ente=TIPO[:ISTAT][,percentuale=P][,al=AAAA-MM-GG][,area=CODICE][,numero=N]
                           (per ente=asl anche delega=si o delega=no: conta solo con la delega)
              --cessazione id=ID,dal=AAAA-MM-GG       (la persona lascia da quel giorno)
              --variazione id=ID,dal=AAAA-MM-GG,percentuale=P   (o ore_settimanali=H[,ore_tempo_pieno=36])
              --residenti comune=ISTAT,anno=ANNO,popolazione=N
            oppure in un file CSV (o il primo foglio di un .xlsx o .ods) con --piano FILE e colonne
              tipo;id;dal;al;percentuale;ore_settimanali;ore_tempo_pieno;ente;delega;area;numero;comune;anno;popolazione
            (tipo = assunzione, cessazione, variazione o residenti; celle vuote dove non servono).
            Le modifiche di una persona valgono in ordine di data, in qualunque ordine siano scritte.
            Con --parametro si simula anche una modifica di legge (solo nello scenario).
            """,
        arguments: [ArgumentSpec("INPUT", help: "Cartella di lavoro dell'ambito (.xlsx, .ods), cartella con i CSV o file JSON.")],
        options: [
            OptionSpec("anno", value: "ANNO", help: "Anno della simulazione (predefinito: l'anno in corso)."),
            OptionSpec("fino-al", value: "ANNO", help: "Ultimo anno dell'orizzonte (le assunzioni proseguono ad anno intero)."),
            OptionSpec("assunzione", value: "SPEC", repeatable: true, help: "Una nuova assunzione a tempo indeterminato."),
            OptionSpec("cessazione", value: "SPEC", repeatable: true, help: "Una cessazione dal giorno indicato."),
            OptionSpec("variazione", value: "SPEC", repeatable: true, help: "Un cambio di percentuale dal giorno indicato."),
            OptionSpec("residenti", value: "SPEC", repeatable: true, help: "La popolazione di un comune in un anno."),
            OptionSpec("piano", value: "FILE", help: "Un file CSV di modifiche (vedi sopra)."),
            OptionSpec(
                "dal-assunzioni", value: "DATA", help: "Data delle assunzioni per gli obiettivi (predefinito: la prima assunzione simulata, o il 1° gennaio)."),
            RosterInput.methodOption,
            CommonOptions.format(formats, workbooks: true), CommonOptions.output, CommonOptions.parameter,
        ],
        examples: [
            "potenziamento simula Examples/ambito-esempio.json --anno 2026 --assunzione dal=2026-04-01,ente=comune:099002 --assunzione dal=2026-04-01,ente=unione_di_comuni",
            "potenziamento simula Examples/ambito-esempio.json --anno 2026 --fino-al 2028 --piano Examples/piano-esempio.csv",
            "potenziamento simula Examples/ambito-esempio.json --anno 2026 --parametro importoFasciaA=45000@2026",
        ])

    /// A scenario error with the place of the change it is about and, for an id the roster does
    /// not have, the nearest one.
    static func scenarioMessage(
        _ error: ScenarioError, at position: Int? = nil, changes: [ScenarioChange], origins: [ScenarioOptions.Origin], roster: Roster
    ) -> String {
        // Where the change was written, when known; else «scenario:».
        let idInRoster: Bool
        if case .duplicateId(let id) = error { idInRoster = roster.staff.contains { $0.id == id } } else { idInRoster = false }
        let origin = ScenarioOptions.origin(of: error, in: changes, origins: origins, idInRoster: idInRoster, at: position)
        var message = "\(origin.isEmpty ? "scenario: " : origin)\(error)"
        // Residents given twice: where the other is (a trial of simula: an option and a plan's row).
        if case .repeatedResidents(let code, let year) = error,
            let first = changes.firstIndex(where: { if case .residents(code, year, _) = $0 { true } else { false } }), origins.indices.contains(first)
        {
            let other = ScenarioOptions.place(of: origins[first], column: "anno").dropLast(2)
            if !origin.hasPrefix(other) { message += " (l'altro valore: \(other))" }
        }
        if case .unknownPerson(let id) = error, let nearest = NameSuggestion.nearest(to: id.text, in: roster.staff.map(\.id.text)) {
            message += " (forse «\(nearest)»?)"
        }
        return message
    }

    /// The failure of a scenario that cannot be applied: every change that cannot, in the order
    /// written, each at its place (`error`, the one found first, when no change is to blame alone).
    static func scenarioFailure(_ error: ScenarioError, changes: [ScenarioChange], origins: [ScenarioOptions.Origin], roster: Roster) -> CommandFailure {
        let all = Scenario(changes: changes).errors(on: roster)
        guard !all.isEmpty else { return .data(scenarioMessage(error, changes: changes, origins: origins, roster: roster)) }
        // Once each: the hires of one option or row (`numero=3`) fail alike.
        var said = Set<String>()
        let messages = all.map { scenarioMessage($0.error, at: $0.change, changes: changes, origins: origins, roster: roster) }.filter {
            said.insert($0).inserted
        }
        return CommandFailure(.dataError, messages)
    }

    /// The note on a change from `start`, after the last year computed.
    static func afterTheYears(_ start: CivilDate, lastYear: Int) -> String {
        "la modifica comincia il \(start.italian), dopo il \(lastYear): nel calcolo non conta (per vederne l'effetto usa --anno \(start.year), o --fino-al \(start.year))"
    }

    static func run(_ parsed: ParsedArguments, context: CommandContext) throws(CommandFailure) -> CommandOutput {
        let choice = try OptionValues.choice(parsed, allowed: formats, workbooks: true, command: spec.name)
        try OptionValues.refuseWorkbookOnTerminal(parsed, in: choice, context: context)
        let format: ReportFormat
        if case .report(let chosen) = choice { format = chosen } else { format = .text }
        let year = try parsed.value("anno").map { text throws(CommandFailure) in try OptionValues.year(text) } ?? context.currentYear
        let lastYear = try parsed.value("fino-al").map { text throws(CommandFailure) in try OptionValues.year(text, option: "fino-al") } ?? year
        guard lastYear >= year, lastYear - year <= 30 else { throw .usage("--fino-al deve essere tra \(year) e \(year + 30)") }
        let method = try RosterInput.method(parsed)
        let overrides = try OptionValues.overrides(parsed, defaultYear: year)
        var numbering = HireNumbering()
        var changes: [ScenarioChange] = []
        // Where each change was written: for an error found when the scenario is applied.
        var origins: [ScenarioOptions.Origin] = []
        var sources: [String] = []
        var fromOptions = 0
        // The changes in weekly hours over the default full time (a variazione is warned of when the person's is another).
        var defaultFullTime = Set<Int>()
        for kind in ["assunzione", "cessazione", "variazione", "residenti"] {
            for text in parsed.allValues(kind) {
                let values = try ScenarioOptions.pairs(text, option: kind)
                let found = try ScenarioOptions.changes(kind: kind, values: values, what: "--\(kind) \(text)", numbering: &numbering)
                // The same bound as a plan's (a review: `numero=1000` repeated was not bounded).
                guard changes.count + found.count <= Bounds.maximumPlanChanges else {
                    throw .usage(
                        "--\(kind) \(text): le modifiche superano \(NumberFormatting.italian(Bounds.maximumPlanChanges)) (ogni assunzione di «numero» conta una): riduci le opzioni o i numeri"
                    )
                }
                if ScenarioPlan.defaultsFullTime(values) { defaultFullTime.formUnion(changes.count..<(changes.count + found.count)) }
                changes += found
                origins += Array(repeating: .option("--\(kind) \(text)"), count: found.count)
                fromOptions += found.count
            }
        }
        if fromOptions > 0 { sources.append("\(Italian.count(fromOptions, "modifica", "modifiche")) dalle opzioni") }
        var planWarnings: [InputDiagnostic] = []
        // The errors of the plan's rows not read, and the ids they name.
        var planErrors: [InputDiagnostic] = []
        var idsOfRowsWithErrors = Set<PersonID>()
        if let plan = parsed.value("piano") {
            let planned = try ScenarioOptions.plan(plan, numbering: &numbering)
            guard changes.count + planned.changes.count <= Bounds.maximumPlanChanges else {
                throw .data(
                    "\(plan): le modifiche del piano e delle opzioni superano insieme \(NumberFormatting.italian(Bounds.maximumPlanChanges)) (ogni assunzione di «numero» conta una): riduci le righe o i numeri"
                )
            }
            defaultFullTime.formUnion(planned.defaultFullTime.map { $0 + changes.count })
            changes += planned.changes
            origins += planned.places.map { .row($0) }
            planWarnings = planned.warnings
            (planErrors, idsOfRowsWithErrors) = (planned.errors, planned.idsOfRowsWithErrors)
            sources.append("\(plan): \(Italian.count(planned.changes.count, "modifica", "modifiche"))")
        }
        // A cessazione or variazione of a hire named by the program (`NUOVA-2`) would move to
        // another hire when one is added before it, with no word (a trial of simula): refused.
        let automatic = changes.indices.compactMap { position -> String? in
            switch changes[position] {
            case .termination(let id, _), .shareChange(let id, _, _):
                guard numbering.automatic.contains(id) else { return nil }
                return ScenarioOptions.place(of: origins[position], column: "id")
                    + "«\(id)» è il nome che il programma dà a un'assunzione scritta senza id (NUOVA-1, NUOVA-2, … nell'ordine delle opzioni e poi delle righe del piano): cambia se si aggiungono o si spostano assunzioni; scrivi un id nell'assunzione (id=…) e usa quello qui"
            default: return nil
            }
        }
        if !automatic.isEmpty { throw CommandFailure(.dataError, automatic) }
        sources += overrides.map { "parametro \($0.name.rawValue) = \($0.value) dal \($0.fromYear)" }
        let path = parsed.positionals[0]
        let loaded: RosterLoader.Loaded
        do { loaded = try RosterInput.load(path) } catch {
            // The plan's errors are said with the roster's.
            throw CommandFailure(error.status, planErrors.map(\.description) + error.lines, hint: error.hint)
        }
        if !planErrors.isEmpty {
            // The rows read are applied to the roster, so that their problems come in the same
            // run (an officer's trial: an unknown id and two changes of one day came a run
            // later); a change of a person named on a row not read is not judged without it.
            // In the order of the plan's lines (the options' changes after them), each once.
            var said = Set<String>()
            var messages: [(line: Int, text: String)] = planErrors.map { ($0.place.line ?? .max, $0.description) }
            for found in Scenario(changes: changes).errors(on: loaded.roster)
            where changes[found.change].person.map({ !idsOfRowsWithErrors.contains($0) }) ?? true {
                let line: Int
                if case .row(let place) = origins[found.change] { line = place.line ?? .max } else { line = .max }
                messages.append((line, Self.scenarioMessage(found.error, at: found.change, changes: changes, origins: origins, roster: loaded.roster)))
            }
            let ordered = messages.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element.text)
            throw CommandFailure(.dataError, ordered.filter { said.insert($0).inserted })
        }
        let years: [ScenarioYear]
        do {
            years = try ScenarioEvaluator(method: method).evaluate(
                Scenario(changes: changes, overrides: overrides), on: loaded.roster, from: year, through: lastYear)
        } catch {
            switch error {
            case .scenario(.invalidRoster(let input)): throw RosterInput.failure(input)
            case .scenario(let scenarioError):
                throw Self.scenarioFailure(scenarioError, changes: changes, origins: origins, roster: loaded.roster)
            case .parameter(let parameterError): throw .usage("--parametro: \(parameterError)")
            case .years(let invalid): throw .usage("--fino-al: \(invalid)")
            case .assessment(.invalidInput(let input)):
                // A year of the horizon without residents in the roster: how to give them here (a trial of simula).
                let failure = RosterInput.failure(input)
                guard input.errors.contains(where: { $0.code == .popolazioneMancante }) else { throw failure }
                // Residents given for a year not simulated, of a comune that lacks one that is:
                // most likely that year typed wrong (a trial: 2025 for 2027 was blamed on comuni.csv).
                let mistyped = changes.indices.compactMap { index -> String? in
                    guard case .residents(let code, let changedYear, _) = changes[index], !(year...lastYear).contains(changedYear) else { return nil }
                    let lacking = (year...lastYear).first { simulated in
                        loaded.roster.municipalities.contains { $0.istatCode == code && $0.residents.count(in: simulated) == nil }
                            && !changes.contains { change in
                                if case .residents(code, simulated, _) = change { return true }
                                return false
                            }
                    }
                    return lacking.map {
                        ScenarioOptions.place(of: origins[index], column: "anno")
                            + "i residenti del comune \(code) sono dati per il \(changedYear), un anno non simulato: forse è il \($0)?"
                    }
                }
                throw CommandFailure(
                    failure.status, failure.lines,
                    hint: mistyped + [
                        "Per simulare un anno di cui l'elenco non ha la popolazione di un comune: --residenti comune=ISTAT,anno=ANNO,popolazione=N (o una riga «residenti» nel piano), oppure aggiungila all'elenco."
                    ])
            case .assessment(.parameter(let parameterError)): throw .usage("--anno: \(parameterError)")
            case .assessment(.invalidCampaign): throw .usage("\(error)")
            }
        }
        let firstHire = changes.compactMap { change -> CivilDate? in
            if case .hire(let hire) = change { return hire.period.start }
            return nil
        }.min()
        let hireStartGiven = try parsed.value("dal-assunzioni").map { text throws(CommandFailure) in try ScenarioOptions.date(text, "--dal-assunzioni") }
        let hireStart: CivilDate? =
            hireStartGiven
            ?? firstHire.map { max($0, CivilDate(year: year, month: 1, day: 1) ?? $0) } ?? CivilDate(year: year, month: 1, day: 1)
        guard let hireStart else { throw .usage("--anno: anno non valido \(year)") }
        let planning: PlanningFigures
        do { planning = try ScenarioEvaluator.planning(for: years[0].scenario, hireStart: hireStart) } catch { throw .data("\(error)") }
        let applied: [AppliedChange]
        do { applied = try Scenario(changes: changes).appliedChanges(on: loaded.roster, year: year, method: method) } catch {
            throw Self.scenarioFailure(error, changes: changes, origins: origins, roster: loaded.roster)
        }
        // A variazione in hours over another full time than the person's: said where it was written.
        let found = Scenario(changes: changes).warnings(on: loaded.roster, defaultFullTime: defaultFullTime)
        // On the screen with the paths as typed; in a saved workbook the files without their
        // folders, as calcola's (a trial: the same run from two folders gave two workbooks).
        func scenarioWarnings(inDocument: Bool) -> [String] {
            found.map { ScenarioOptions.place(of: origins[$0.change], column: $0.column, inDocument: inDocument) + $0.message }
        }
        // Changes that count for nothing or otherwise than written: said, not a 0 in a table (an
        // officer's trial: a hire from 2026 simulated for 2025 added 0 FTE without a word; a trial of
        // simula: residents of a year not simulated, a hire from or until before the year). Once per
        // line or option: `numero=3` makes three hires of one line.
        func changeNotes(inDocument: Bool) -> [String] {
            var saidChanges = Set<String>()
            var changeNotes = changes.indices.compactMap { index -> String? in
                let place = { (column: String?) in ScenarioOptions.place(of: origins[index], column: column, inDocument: inDocument) }
                switch changes[index] {
                case .residents(_, let changedYear, _) where !(year...lastYear).contains(changedYear):
                    return place("anno")
                        + "i residenti del \(changedYear) non contano: la simulazione calcola \(year == lastYear ? "il \(year)" : "dal \(year) al \(lastYear)") (per quell'anno usa \(changedYear < year ? "--anno \(changedYear)" : "--fino-al \(changedYear)"))"
                case .residents(let code, let changedYear, let residents):
                    // Residents of a year the roster has are a what-if of the scenario alone (a
                    // forecast fills the roster's gap on both sides): said, since two alike rows may
                    // differ in this (an officer's trial: a difference with no change of staff).
                    guard !changes[index].isForecast(on: loaded.roster),
                        let current = loaded.roster.municipalities.first(where: { $0.istatCode == code })?.residents.count(in: changedYear)
                    else { return nil }
                    return place("popolazione")
                        + "i residenti del comune \(code) nel \(changedYear) (\(NumberFormatting.italian(residents))) valgono solo per lo scenario: la situazione attuale resta su quelli dell'elenco (\(NumberFormatting.italian(current))); come previsione per entrambe, scrivili nell'elenco dei comuni (una riga per anno)"
                case .hire(let hire) where hire.period.end.map({ $0.year < year }) ?? false:
                    return place("al") + "l'assunzione finisce il \(hire.period.end?.italian ?? ""), prima del \(year): nel calcolo non conta"
                case .hire(let hire) where hire.period.start.year < year:
                    return place("dal")
                        + "l'assunzione comincia il \(hire.period.start.italian), prima del \(year): nel \(year) conta dal 1° gennaio, come se fosse già in servizio"
                case .hire(let hire) where hire.period.start.year > lastYear:
                    return place(nil) + Self.afterTheYears(hire.period.start, lastYear: lastYear)
                case .termination(_, let start) where start.year > lastYear, .shareChange(_, let start, _) where start.year > lastYear:
                    return place(nil) + Self.afterTheYears(start, lastYear: lastYear)
                // A change dated a year or more before the simulation (2017 for 2027): it changes
                // the years before too, and the roster said otherwise for them (an officer's trial:
                // −21.589 € with no word).
                case .termination(let id, let start) where start.year < year:
                    return place("dal")
                        + "la cessazione di «\(id)» è dal \(start.italian), prima del \(year): nel \(year) la persona non è già più in servizio, mentre l'elenco la dà in servizio; se la data è sbagliata correggila"
                case .shareChange(let id, let start, _) where start.year < year:
                    return place("dal")
                        + "la variazione di «\(id)» è dal \(start.italian), prima del \(year): vale già per tutto il \(year); se la data è sbagliata correggila"
                case .hire, .termination, .shareChange: return nil
                }
            }.filter { saidChanges.insert($0).inserted }
            changeNotes += overrides.filter { $0.fromYear > lastYear }.map {
                "--parametro \($0.name.rawValue): vale dal \($0.fromYear), dopo il \(lastYear): nel calcolo non conta (per vederne l'effetto usa --anno \($0.fromYear), o --fino-al \($0.fromYear))"
            }
            if let given = hireStartGiven, given.year > year {
                changeNotes.append(
                    "--dal-assunzioni: il \(given.italian) è dopo il \(year), l'anno degli obiettivi: un'assunzione da quella data non conta nel \(year)")
            }
            return changeNotes
        }
        // The data's warnings of every year simulated (as calcola and prospetto give them), each once.
        let dataWarnings = planWarnings + loaded.warnings + AnnualAssessment.warnings(ofYears: years.map(\.base.warnings), eachPlaceOnce: true)
        let warnings = dataWarnings.map(\.description) + scenarioWarnings(inDocument: false) + changeNotes(inDocument: false)
        let inputFiles = RosterInput.inputFiles(path) + [parsed.value("piano")].compactMap { $0 }
        if case .workbook(let kind) = choice {
            return try OptionValues.workbookOutput(warnings: warnings, inputs: inputFiles) {
                () throws(InputError) in
                try SimulationReports.workbook(
                    kind, years: years, planning: planning, changes: applied,
                    warnings: InputDiagnostic.inDocument(dataWarnings).map(\.description) + scenarioWarnings(inDocument: true) + changeNotes(inDocument: true))
            }
        }
        return CommandOutput(warnings: warnings, inputs: inputFiles) {
            output in
            _ = SimulationReports.write(format, years: years, planning: planning, changes: applied, sources: sources, to: output)
        }
    }
}
