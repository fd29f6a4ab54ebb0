/// The changes of a what-if plan (`simula`): from the command line's `chiave=valore` options or
/// from a plan file (CSV, one change per row), both read by the same rules and into the same
/// ``ScenarioChange`` values. The plan file's columns are
/// `tipo;id;dal;al;percentuale;ore_settimanali;ore_tempo_pieno;ente;delega;area;numero;comune;anno;popolazione`.
package enum ScenarioPlan {
    /// The kinds of change and the keys each takes: required, optional.
    package static let keys: [String: (required: [String], optional: [String])] = [
        "assunzione": (["dal", "ente"], ["percentuale", "ore_settimanali", "ore_tempo_pieno", "al", "delega", "area", "id", "numero"]),
        "cessazione": (["id", "dal"], []),
        "variazione": (["id", "dal"], ["percentuale", "ore_settimanali", "ore_tempo_pieno"]),
        "residenti": (["comune", "anno", "popolazione"], []),
    ]

    /// Every column of a plan file.
    static let columns = [
        "tipo", "id", "dal", "al", "percentuale", "ore_settimanali", "ore_tempo_pieno", "ente", "delega", "area", "numero", "comune", "anno", "popolazione",
    ]

    /// The changes of one kind from its values by key (already checked against ``keys``);
    /// `numbering` numbers the new persons (`NUOVA-1`, ...) and keeps the names it gave; a hire's period keeps `place`, where it
    /// was written, for the errors found when it joins the roster.
    ///
    /// - Throws: ``InvalidValue`` for a value that cannot be read or breaks a rule.
    package static func changes(kind: String, values: [String: String], numbering: inout HireNumbering, place: SourcePlace? = nil) throws(InvalidValue)
        -> [ScenarioChange]
    {
        var key: String?
        return try changes(kind: kind, values: values, numbering: &numbering, place: place, failedKey: &key)
    }

    /// ``changes(kind:values:numbering:place:)``, with `failedKey` set to the key whose value was
    /// being read when it throws (nil for a rule between keys), so a plan file's error names its column.
    static func changes(kind: String, values: [String: String], numbering: inout HireNumbering, place: SourcePlace?, failedKey: inout String?)
        throws(InvalidValue)
        -> [ScenarioChange]
    {
        func value(_ key: String) -> String { values[key]?.trimmingSpaces ?? "" }
        // Each value read under its key: an error names the column it came from.
        func reading<Value>(_ key: String, _ read: () throws(InvalidValue) -> Value) throws(InvalidValue) -> Value {
            failedKey = key
            let result = try read()
            failedKey = nil
            return result
        }
        func shareKey() -> String { values["percentuale"] != nil ? "percentuale" : "ore_settimanali" }
        switch kind {
        case "assunzione":
            let start = try reading("dal") { () throws(InvalidValue) in try FieldParsing.date(value("dal")) }
            let end = values["al"] == nil ? nil : try reading("al") { () throws(InvalidValue) in try FieldParsing.date(value("al")) }
            let share = try reading(shareKey()) { () throws(InvalidValue) in try self.share(values) }
            let kind = try reading("ente") { () throws(InvalidValue) in try employerKind(value("ente")) }
            let delegated = try reading("delega") { () throws(InvalidValue) in try delegation(FieldParsing.boolean(value("delega")), for: kind) }
            let employer = try reading("ente") { () throws(InvalidValue) in try self.employer(value("ente"), delegated: delegated) }
            let areas =
                values["area"] == nil
                ? AreaSplit.unspecified
                : try reading("area") { () throws(InvalidValue) in try AreaSplit([try ActivityArea.parse(written: value("area")): Fraction(100)]) }
            var count = 1
            if values["numero"] != nil {
                // `1.000` is a thousand in Italian and one in a spreadsheet's decimals: never guessed (a trial).
                if value("numero").contains(where: { $0 == "." || $0 == "," }) {
                    failedKey = "numero"
                    throw InvalidValue(
                        .numeroNonValido, "numero di assunzioni «\(value("numero"))» con un separatore: scrivi quante assunzioni con le sole cifre (1 o 1000?)")
                }
                guard case .success(let number) = DecimalParser.parseInteger(value("numero")), (1...1_000).contains(number) else {
                    failedKey = "numero"
                    throw InvalidValue(.numeroNonValido, "numero di assunzioni non valido «\(value("numero"))» (da 1 a 1.000)")
                }
                count = number
            }
            if values["id"] != nil && count > 1 {
                failedKey = "id"
                throw InvalidValue(.campoRipetuto, "con numero maggiore di 1 non si può indicare un id")
            }
            let period = try reading(ServicePeriod.errorIsAtEnd(start: start, end: end) ? "al" : "dal") { () throws(InvalidValue) in
                try ServicePeriod(start: start, end: end, share: share, place: place)
            }
            var hires: [ScenarioChange] = []
            for _ in 0..<count {
                numbering.next += 1
                let id = try reading("id") { () throws(InvalidValue) in try PersonID(values["id"] ?? "NUOVA-\(numbering.next)") }
                if values["id"] == nil { numbering.automatic.insert(id) }
                hires.append(.hire(PlannedHire(id: id, period: period, employer: employer, areas: areas)))
            }
            return hires
        case "cessazione":
            return [
                .termination(
                    id: try reading("id") { () throws(InvalidValue) in try PersonID(value("id")) },
                    from: try reading("dal") { () throws(InvalidValue) in try checkedDate(value("dal")) })
            ]
        case "variazione":
            // The new share is what the change is: never assumed (a forgotten value is not 100 %).
            guard values["percentuale"] != nil || values["ore_settimanali"] != nil else {
                failedKey = "percentuale"
                throw InvalidValue(.campoMancante, "manca la nuova quota: indica percentuale (o ore_settimanali) dal giorno della variazione")
            }
            return [
                .shareChange(
                    id: try reading("id") { () throws(InvalidValue) in try PersonID(value("id")) },
                    from: try reading("dal") { () throws(InvalidValue) in try checkedDate(value("dal")) },
                    share: try reading(shareKey()) { () throws(InvalidValue) in try share(values) })
            ]
        default:
            let year = try reading("anno") { () throws(InvalidValue) in try FieldParsing.year(value("anno")) }
            let residents = try reading("popolazione") { () throws(InvalidValue) in try FieldParsing.residents(value("popolazione")) }
            guard !value("comune").isEmpty else {
                failedKey = "comune"
                throw InvalidValue(.valoreVuoto, "manca il codice ISTAT del comune")
            }
            // The residents of the whole ATS under a `Totale` label: a row of totals, not a comune.
            if TotalRows.isTotal(value("comune"), abbreviated: false) {
                failedKey = "comune"
                throw TotalRows.rowError(value("comune"), of: "modifica")
            }
            return [.residents(istatCode: value("comune"), year: year, residents: residents)]
        }
    }

    /// A date within the years of service periods.
    static func checkedDate(_ text: String) throws(InvalidValue) -> CivilDate {
        let date = try FieldParsing.date(text)
        guard Bounds.dateYears.contains(date.year) else { throw InvalidValue(.dataFuoriIntervallo, "data \(date.italian) fuori intervallo (1900-2200)") }
        return date
    }

    /// Whether a change's share is in weekly hours over the default full time (`ore_settimanali`
    /// without `ore_tempo_pieno`: 36 hours), which a variazione of a person on another full time
    /// is warned of (``Scenario/warnings(on:defaultFullTime:)``).
    package static func defaultsFullTime(_ values: [String: String]) -> Bool { values["ore_settimanali"] != nil && values["ore_tempo_pieno"] == nil }

    /// The share of a hire or change: `percentuale`, or `ore_settimanali` (with `ore_tempo_pieno`), default full time.
    static func share(_ values: [String: String]) throws(InvalidValue) -> WorkShare {
        switch (values["percentuale"], values["ore_settimanali"]) {
        case (let percent?, nil): return try FieldParsing.percentage(percent)
        case (nil, let hours?): return try FieldParsing.hours(weekly: hours, fullTime: values["ore_tempo_pieno"] ?? "")
        case (nil, nil): return .fullTime
        case (.some, .some): throw InvalidValue(.quotaAmbigua, "indica percentuale oppure ore_settimanali, non entrambe")
        }
    }

    /// The kind of `ente=…` (`comune:048001`, `unione_di_comuni`, `asl`).
    static func employerKind(_ text: String) throws(InvalidValue) -> EmployerKind {
        try EmployerKind(parsing: String(text.split(separator: ":", maxSplits: 1).first ?? ""))
    }

    /// The delega of a hire of `kind`: an ASL hire counts only with the delega of the social
    /// functions (RULES §2), so it must say `delega=si` or `delega=no`, never assumed; any other
    /// kind takes none.
    static func delegation(_ delegated: Bool?, for kind: EmployerKind) throws(InvalidValue) -> Bool? {
        if kind == .asl && delegated == nil {
            throw InvalidValue(
                .valoreVuoto,
                "per un'assunzione presso l'ASL indica la delega: si (i comuni hanno delegato all'ASL le funzioni sociali: conta) o no (non conta), nella colonna delega del piano o con delega=si / delega=no nell'opzione"
            )
        }
        if kind != .asl && delegated != nil { throw InvalidValue(.valoreIgnorato, "delega vale solo per ente=asl") }
        return delegated
    }

    /// `comune:048001`, `unione_di_comuni`, `asl`, with its delega already checked (``delegation(_:for:)``).
    static func employer(_ text: String, delegated: Bool?) throws(InvalidValue) -> Employer {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let kind = try EmployerKind(parsing: parts.first ?? "")
        if kind == .comune && (parts.count < 2 || parts[1].isEmpty) {
            throw InvalidValue(.codiceIstatMancante, "per un comune scrivi ente=comune:CODICE_ISTAT")
        }
        // A code beside an ATS-level employer would be dropped: said, not ignored.
        if kind != .comune && kind != .comuneCapofila && parts.count > 1 {
            throw InvalidValue(
                .valoreIgnorato,
                "il codice ISTAT vale solo con ente=comune o comune_capofila: per un ente \(kind.rawValue) scrivi ente=\(kind.rawValue) senza «:\(parts[1])»")
        }
        return try Employer(kind: kind, istatCode: parts.count > 1 ? parts[1] : nil, delegatedFunctions: try delegation(delegated, for: kind) ?? false)
    }

    /// What a plan file gives: the changes of its rows without errors (with the row of each),
    /// those in weekly hours over the default full time, the warnings of reading it, and the
    /// errors of its other rows with the ids those rows name.
    package struct Loaded {
        package var changes: [ScenarioChange]
        package var places: [SourcePlace]
        package var defaultFullTime: Set<Int>
        package var warnings: [InputDiagnostic]
        /// The errors of the rows not read (empty when every row was).
        package var errors: [InputDiagnostic]
        /// The ids written on rows with errors: a change of the same person among the others is
        /// not judged without them.
        package var idsOfRowsWithErrors: Set<PersonID>
    }

    /// The changes of the plan file at `path`, numbering new persons with `numbering`, the row of
    /// each, and the warnings of reading it (hidden rows, sheets not read); a row with an error
    /// is listed with its line and left out, so that the other rows can be applied to the roster
    /// and their problems said in the same run (an officer's trial: they came a run later).
    ///
    /// - Throws: ``InputError`` when the file cannot be read as a table (its header included).
    package static func load(path: String, numbering: inout HireNumbering) throws(InputError) -> Loaded {
        var diagnostics = Diagnostics()
        let table = try TableFile.open(path: path, required: ["tipo"], optional: Array(columns.dropFirst()), diagnostics: &diagnostics)
        var changes: [ScenarioChange] = []
        // The row of each change, for an error found later, when the scenario is applied.
        var places: [SourcePlace] = []
        var defaultFullTime = Set<Int>()
        var idsOfRowsWithErrors = Set<PersonID>()
        for row in 0..<table.rowCount {
            var values: [String: String] = [:]
            let errorsBefore = diagnostics.errorCount
            defer {
                if diagnostics.errorCount != errorsBefore, let id = values["id"].flatMap({ try? PersonID($0) }) { idsOfRowsWithErrors.insert(id) }
            }
            // A cell the table already reported (a formula without a saved value, #N/D): the row
            // is not read again, which would report the cell twice (a trial of simula).
            var unusable = false
            for column in columns.dropFirst() {
                guard let index = table.header.index(of: column) else { continue }
                if table.isUnusable(row, index) { unusable = true } else if !table.isEmpty(row, index) { values[column] = table.text(row, index) }
            }
            let kindColumn = table.header.index(of: "tipo")
            if unusable || table.isUnusable(row, kindColumn) { continue }
            let kind = table.text(row, kindColumn).trimmingSpaces.lowercased()
            // A row of totals (`Totale` in any cell of a row that is no change): said as such.
            if keys[kind] == nil, let total = TotalRows.label(in: table, row: row) {
                diagnostics.error(TotalRows.rowError(total.text, of: "modifica"), at: table.place(row, total.column))
                continue
            }
            if kind.isEmpty {
                diagnostics.error(
                    .tipoErrato, table.place(row, kindColumn),
                    "tipo di modifica vuoto: scrivi assunzione, cessazione, variazione o residenti (se la riga è di somme o di totali, cancellala: il programma fa da sé le somme)"
                )
                continue
            }
            guard let allowed = keys[kind] else {
                let suggestion = NameSuggestion.nearest(to: kind, in: keys.keys.sorted()).map { " (forse «\($0)»?)" } ?? ""
                diagnostics.error(
                    .tipoErrato, table.place(row, kindColumn),
                    "tipo di modifica non valido «\(kind)»\(suggestion): usa assunzione, cessazione, variazione o residenti")
                continue
            }
            var valid = true
            for key in values.keys.sorted() where !(allowed.required + allowed.optional).contains(key) {
                diagnostics.error(.colonnaSconosciuta, table.place(row, table.header.index(of: key)), "la colonna «\(key)» non vale per «\(kind)»")
                valid = false
            }
            for key in allowed.required where values[key] == nil {
                diagnostics.error(.valoreVuoto, table.place(row, table.header.index(of: key)), "per «\(kind)» manca «\(key)»")
                valid = false
            }
            guard valid else { continue }
            var failedKey: String?
            if let found = diagnostics.value(
                placing: { _ in table.place(row, failedKey.flatMap { table.header.index(of: $0) }) },
                { () throws(InvalidValue) in
                    try Self.changes(kind: kind, values: values, numbering: &numbering, place: table.place(row, nil), failedKey: &failedKey)
                })
            {
                guard changes.count + found.count <= Bounds.maximumPlanChanges else {
                    // Said once, at the row that goes beyond; the rows after it are not expanded.
                    diagnostics.error(
                        .troppiDati, table.place(row, table.header.index(of: values["numero"] == nil ? "tipo" : "numero")),
                        "il piano supera \(NumberFormatting.italian(Bounds.maximumPlanChanges)) modifiche (ogni assunzione di «numero» conta una): riduci le righe o i numeri"
                    )
                    break
                }
                if Self.defaultsFullTime(values) { defaultFullTime.formUnion(changes.count..<(changes.count + found.count)) }
                changes += found
                places += Array(repeating: table.place(row, nil), count: found.count)
            }
        }
        // Dates that read both ways beside one that reads only month first: errors, as in `personale`.
        if diagnostics.containsError(.dataNonValida) {
            RosterTableReader.reportAmbiguousDates(table, dateColumns: ["dal", "al"].compactMap { table.header.index(of: $0) }, diagnostics: &diagnostics)
        }
        return Loaded(
            changes: changes, places: places, defaultFullTime: defaultFullTime, warnings: diagnostics.warnings, errors: diagnostics.errors,
            idsOfRowsWithErrors: idsOfRowsWithErrors)
    }
}

/// How the hires of a simulation without an id are named (`NUOVA-1`, `NUOVA-2`, … in the order
/// of the options, then of the plan's rows), and the names given so: a cessazione or variazione
/// naming one would move to another hire when a hire is added before it (a trial of `simula`).
package struct HireNumbering: Sendable {
    /// The number of the last hire named.
    package var next = 0
    /// The ids given to hires written without one.
    package var automatic = Set<PersonID>()

    /// No hire named yet.
    package init() {}
}
