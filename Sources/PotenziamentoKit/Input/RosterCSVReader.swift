/// Reads one ATS from a folder of CSV files as an ATS officer keeps them in a spreadsheet
/// (shared/spec/INTERFACE.md): `comuni.csv`, `personale.csv`, optionally `ambito.csv`.
public enum RosterCSVReader {
    /// Columns of `personale.csv` that describe the person (must agree on every row of an id).
    static let personColumns = [
        "profilo", "contratto", "ente_tipo", "ente_codice_istat", "delega_funzioni", "costo_rimborsato",
        "impiegato_servizi_territoriali",
    ]
    /// The area columns of `personale.csv`, one per ``ActivityArea``.
    static let areaColumns = ActivityArea.allCases.map { "area_\($0.rawValue)" }
    static let staffRequired = ["id", "profilo", "contratto", "ente_tipo", "dal", "al", "percentuale"]
    static let staffOptional = ["ente_codice_istat", "delega_funzioni", "costo_rimborsato", "impiegato_servizi_territoriali"] + areaColumns

    /// The texts of the folder's files (nil when `ambito.csv` is absent) and their display names.
    public struct Files: Sendable {
        /// `ambito.csv`, if present, and its name for messages.
        public var ambito: (text: String, name: String)?
        /// `comuni.csv` and its name.
        public var comuni: (text: String, name: String)
        /// `personale.csv` and its name.
        public var personale: (text: String, name: String)

        /// The files of a folder.
        public init(ambito: (text: String, name: String)?, comuni: (text: String, name: String), personale: (text: String, name: String)) {
            self.ambito = ambito
            self.comuni = comuni
            self.personale = personale
        }
    }

    /// The roster in `files` (the folder is `folderName`) and the problems found reading it; as
    /// for ``RosterJSONReader``, the roster holds the records read cleanly even when others
    /// failed, so one pass of validation finds everything.
    public static func read(_ files: Files, folderName: String, maximumRecords: Int = RosterLimits.maximumRecords) -> (
        roster: Roster?, diagnostics: Diagnostics
    ) {
        var diagnostics = Diagnostics()
        let ambito = readAmbito(files.ambito, folderName: folderName, diagnostics: &diagnostics)
        let municipalities = readMunicipalities(files.comuni, diagnostics: &diagnostics)
        let staff = readStaff(files.personale, maximumRecords: maximumRecords, diagnostics: &diagnostics)
        return (Roster(ambito: ambito, municipalities: municipalities, staff: staff, source: folderName), diagnostics)
    }

    static func readAmbito(_ file: (text: String, name: String)?, folderName: String, diagnostics: inout Diagnostics) -> Ambito {
        let fallback = Ambito(code: folderName, name: folderName)
        guard let file else { return fallback }
        guard
            let table = CSVTable(
                text: file.text, file: file.name, required: ["codice", "denominazione"],
                optional: ["regione", "funzioni_delegate_al_capofila"], diagnostics: &diagnostics)
        else { return fallback }
        guard let row = table.rows.first else {
            diagnostics.error(SourcePlace(file: file.name, position: .file), "nessuna riga di dati: serve una riga con codice e denominazione dell'ambito")
            return fallback
        }
        for extra in table.rows.dropFirst() {
            diagnostics.error(table.place(extra), "ambito.csv deve avere una sola riga di dati")
        }
        var ambito = Ambito(code: table.value(row, "codice"), name: table.value(row, "denominazione"))
        if ambito.code.isEmpty { diagnostics.error(table.place(row, "codice"), "il codice dell'ambito è vuoto") }
        if ambito.name.isEmpty { diagnostics.error(table.place(row, "denominazione"), "la denominazione dell'ambito è vuota") }
        let region = table.value(row, "regione")
        ambito.region = region.isEmpty ? nil : region
        let delegated = FieldParsing.boolean(table.value(row, "funzioni_delegate_al_capofila"))
            .report(at: table.place(row, "funzioni_delegate_al_capofila"), into: &diagnostics)
        ambito.allFunctionsDelegatedToLead = (delegated ?? nil) ?? false
        return ambito
    }

    static func readMunicipalities(_ file: (text: String, name: String), diagnostics: inout Diagnostics) -> [Municipality] {
        guard
            let table = CSVTable(
                text: file.text, file: file.name, required: ["codice_istat", "denominazione", "popolazione"],
                optional: ["anno"], diagnostics: &diagnostics)
        else { return [] }
        let perYear = table.has("anno")
        var order: [String] = []
        var names: [String: (name: String, place: SourcePlace)] = [:]
        var constant: [String: Int] = [:]
        var byYear: [String: [Int: Int]] = [:]
        var firstLine: [String: Int] = [:]
        for row in table.rows {
            let code = table.value(row, "codice_istat")
            let name = table.value(row, "denominazione")
            guard !code.isEmpty else {
                diagnostics.error(table.place(row, "codice_istat"), "codice ISTAT vuoto")
                continue
            }
            if name.isEmpty { diagnostics.error(table.place(row, "denominazione"), "denominazione del comune vuota") }
            let residents = FieldParsing.residents(table.value(row, "popolazione")).report(at: table.place(row, "popolazione"), into: &diagnostics)
            if let known = names[code], known.name != name {
                diagnostics.error(
                    table.place(row, "denominazione"), "il comune \(code) ha un'altra denominazione alla riga \(lineOf(known.place)) («\(known.name)»)")
            }
            if names[code] == nil {
                order.append(code)
                names[code] = (name, table.place(row))
                firstLine[code] = row.line
            }
            if perYear {
                guard let year = FieldParsing.year(table.value(row, "anno")).report(at: table.place(row, "anno"), into: &diagnostics) else { continue }
                if byYear[code]?[year] != nil {
                    diagnostics.error(table.place(row), "comune \(code) ripetuto per l'anno \(year)")
                }
                if let residents { byYear[code, default: [:]][year] = residents }
            } else {
                if firstLine[code] != row.line {
                    diagnostics.error(
                        table.place(row, "codice_istat"), "comune \(code) ripetuto (già alla riga \(firstLine[code]!)); per più anni aggiungi la colonna «anno»"
                    )
                    continue
                }
                if let residents { constant[code] = residents }
            }
        }
        return order.compactMap { code in
            guard let entry = names[code] else { return nil }
            let residents: Residents
            if perYear {
                residents = .byYear(byYear[code] ?? [:])
            } else {
                guard let value = constant[code] else { return nil }
                residents = .constant(value)
            }
            return Municipality(istatCode: code, name: entry.name, residents: residents, place: entry.place)
        }
    }

    private static func lineOf(_ place: SourcePlace) -> String {
        if case .csvLine(let line, _) = place.position { return String(line) }
        return "?"
    }

    /// The positions of the `personale.csv` columns, resolved once from the header.
    struct StaffColumns {
        let id: Int
        let profile: Int
        let contract: Int
        let employerKind: Int
        let employerCode: Int?
        let delegated: Int?
        let reimbursed: Int?
        let employed: Int?
        let start: Int
        let end: Int
        let percentage: Int
        /// The area columns present, with their area.
        let areas: [(area: ActivityArea, column: Int)]

        init(_ table: CSVTable) {
            id = table.index(of: "id")!
            profile = table.index(of: "profilo")!
            contract = table.index(of: "contratto")!
            employerKind = table.index(of: "ente_tipo")!
            employerCode = table.index(of: "ente_codice_istat")
            delegated = table.index(of: "delega_funzioni")
            reimbursed = table.index(of: "costo_rimborsato")
            employed = table.index(of: "impiegato_servizi_territoriali")
            start = table.index(of: "dal")!
            end = table.index(of: "al")!
            percentage = table.index(of: "percentuale")!
            areas = ActivityArea.allCases.compactMap { area in table.index(of: "area_\(area.rawValue)").map { (area, $0) } }
        }
    }

    /// Reads the rows of `personale.csv`: one row per period, the rows of a person grouped by id
    /// (person-level columns must agree with the person's first row).
    static func readStaff(_ file: (text: String, name: String), maximumRecords: Int, diagnostics: inout Diagnostics) -> [StaffRecord] {
        guard let table = CSVTable(text: file.text, file: file.name, required: staffRequired, optional: staffOptional, diagnostics: &diagnostics)
        else { return [] }
        if table.rows.count > maximumRecords {
            diagnostics.error(SourcePlace(file: file.name, position: .file), RosterLimits.tooManyRecords(table.rows.count, maximum: maximumRecords))
            return []
        }
        var reader = StaffRowReader(table: table)
        // People in order of first appearance; `position` finds a person's entry by id.
        var position: [String: Int] = [:]
        position.reserveCapacity(table.rows.count)
        // A person whose first row is invalid keeps a placeholder, so positions stay valid.
        var people: [StaffRecord] = []
        var firstRows: [CSVTable.Row] = []
        var invalid: [Bool] = []
        people.reserveCapacity(table.rows.count)
        for row in table.rows {
            let id = reader.string(row, reader.columns.id)
            guard !id.isEmpty else {
                diagnostics.error(table.place(row, "id"), "id della persona vuoto")
                continue
            }
            let errorsBefore = diagnostics.errorCount
            // One hash of the id in the usual case (a new person); a repeated id gets its entry back.
            let earlier = position.updateValue(people.count, forKey: id)
            if let earlier { position[id] = earlier }
            if let earlier {
                // Person-level columns must agree with the first row of the same id.
                let first = firstRows[earlier]
                for column in personColumns + areaColumns where table.has(column) {
                    let before = normalized(table.value(first, column), column: column)
                    let current = normalized(table.value(row, column), column: column)
                    if before != current {
                        diagnostics.error(
                            table.place(row, column),
                            "per la persona «\(id)» la colonna «\(column)» vale «\(table.value(row, column))», ma alla riga \(first.line) vale «\(table.value(first, column))»: deve essere uguale su tutte le righe della persona"
                        )
                    }
                }
            }
            let period = reader.period(row, diagnostics: &diagnostics)
            let person: Int
            if let earlier {
                person = earlier
            } else {
                person = people.count
                firstRows.append(row)
                let record = reader.person(row, id: id, diagnostics: &diagnostics)
                people.append(record ?? StaffRecord(id: id, profile: "", contract: "", employer: Employer(kind: .comune), periods: [], place: table.place(row)))
                invalid.append(record == nil)
            }
            if diagnostics.errorCount != errorsBefore { invalid[person] = true }
            if let period, !invalid[person] { people[person].periods.append(period) }
        }
        // Usually every person is valid: the array is returned as it is, not copied.
        guard invalid.contains(true) else { return people }
        return people.indices.compactMap { invalid[$0] ? nil : people[$0] }
    }

    private static func normalized(_ value: String, column: String) -> String {
        if ["delega_funzioni", "costo_rimborsato", "impiegato_servizi_territoriali"].contains(column),
            case .success(let flag) = FieldParsing.boolean(value)
        {
            return flag.map { $0 ? "1" : "0" } ?? ""
        }
        if column.hasPrefix("area_"), case .success(let share) = FieldParsing.areaShare(value.isEmpty ? "0" : value) {
            return share.description
        }
        return value.lowercased()
    }
}

/// Reads periods and persons from the rows of `personale.csv`, straight from the cell bytes:
/// columns resolved once, repeated texts shared (``StringInterner``), no string per cell.
struct StaffRowReader {
    /// The cells of `personale.csv` and its name (kept apart from the table: no copy per row).
    let grid: CSVGrid
    let file: String
    let columns: RosterCSVReader.StaffColumns
    private var interner = StringInterner()
    private var lastKind: (text: String, kind: EmployerKind?)?
    private var areaSplits = AreaSplitCache()
    /// The area cells of the current row, joined (the key of ``AreaSplitCache``).
    private var areaText: [UInt8] = []

    init(table: CSVTable) {
        grid = table.grid
        file = table.file
        columns = RosterCSVReader.StaffColumns(table)
    }

    /// A place in the file: the row's line and a column name.
    func place(_ row: CSVTable.Row, _ column: String? = nil) -> SourcePlace {
        SourcePlace(file: file, position: .csvLine(row.line, column: column))
    }

    /// The trimmed text of a cell.
    mutating func string(_ row: CSVTable.Row, _ column: Int) -> String {
        grid.withTrimmedCell(row, column) { interner.string($0) }
    }

    /// The value of a cell: from its bytes when `plain` reads them (the usual case), else by the
    /// general parsing, whose message is recorded at the column `name`.
    private mutating func value<Value>(
        _ row: CSVTable.Row, _ column: Int, _ name: String, plain: (UnsafeBufferPointer<UInt8>) -> Value?,
        general: (String) -> Result<Value, FieldError>, diagnostics: inout Diagnostics
    ) -> Value? {
        grid.withTrimmedCell(row, column, plain) ?? general(string(row, column)).report(at: place(row, name), into: &diagnostics)
    }

    /// The period of a row, or nil after recording its errors.
    mutating func period(_ row: CSVTable.Row, diagnostics: inout Diagnostics) -> ServicePeriod? {
        let start = value(row, columns.start, "dal", plain: FieldParsing.Plain.date, general: FieldParsing.date, diagnostics: &diagnostics)
        let endIsBlank = grid.isBlank(row, columns.end)
        let end = endIsBlank ? nil : value(row, columns.end, "al", plain: FieldParsing.Plain.date, general: FieldParsing.date, diagnostics: &diagnostics)
        let percentage = value(
            row, columns.percentage, "percentuale", plain: FieldParsing.Plain.percentage, general: FieldParsing.percentage, diagnostics: &diagnostics)
        guard let start, let percentage, endIsBlank || end != nil else { return nil }
        return ServicePeriod(start: start, end: end, percentage: percentage, place: place(row))
    }

    /// The person described by the first row of an id (without periods), or nil after recording
    /// its errors.
    mutating func person(_ row: CSVTable.Row, id: String, diagnostics: inout Diagnostics) -> StaffRecord? {
        let errorsBefore = diagnostics.errorCount
        let profile = string(row, columns.profile)
        let contract = string(row, columns.contract)
        if profile.isEmpty { diagnostics.error(place(row, "profilo"), "profilo vuoto") }
        if contract.isEmpty { diagnostics.error(place(row, "contratto"), "contratto vuoto") }
        let kindText = string(row, columns.employerKind)
        let kind: EmployerKind?
        if let lastKind, lastKind.text == kindText {
            kind = lastKind.kind
        } else {
            kind = EmployerKind(rawValue: kindText) ?? EmployerKind(rawValue: kindText.lowercased())
            lastKind = (kindText, kind)
        }
        if kind == nil {
            diagnostics.error(place(row, "ente_tipo"), kindText.isEmpty ? "tipo di ente vuoto" : RosterVocabulary.unknownEmployerMessage(kindText))
        }
        func flag(_ column: Int?, _ name: String) -> Bool? {
            guard let column, !grid.isBlank(row, column) else { return nil }
            return (FieldParsing.boolean(string(row, column)).report(at: place(row, name), into: &diagnostics)) ?? nil
        }
        let istat = columns.employerCode.map { string(row, $0) } ?? ""
        let employer = Employer(
            kind: kind ?? .comune, istatCode: istat.isEmpty ? nil : istat,
            delegatedFunctions: flag(columns.delegated, "delega_funzioni") ?? false,
            costReimbursed: flag(columns.reimbursed, "costo_rimborsato") ?? false)
        let employed = flag(columns.employed, "impiegato_servizi_territoriali") ?? true
        let areas = self.areas(row, diagnostics: &diagnostics)
        guard diagnostics.errorCount == errorsBefore else { return nil }
        return StaffRecord(
            id: id, profile: profile, contract: contract, employer: employer, periods: [], areas: areas,
            employedInTerritorialServices: employed, place: place(row))
    }

    /// The area split of a row (zero shares left out). Splits repeat from row to row: the same
    /// cells give the same, shared dictionary (``AreaSplitCache``).
    private mutating func areas(_ row: CSVTable.Row, diagnostics: inout Diagnostics) -> [ActivityArea: Fraction] {
        guard !columns.areas.isEmpty else { return [:] }
        // The scratch buffer is taken out of `self` while used, so it is never copied.
        var text: [UInt8] = []
        swap(&text, &areaText)
        defer { swap(&text, &areaText) }
        text.removeAll(keepingCapacity: true)
        for (_, column) in columns.areas {
            grid.withTrimmedCell(row, column) { text.append(contentsOf: $0) }
            text.append(0x1F)
        }
        if let shared = text.withUnsafeBufferPointer({ areaSplits.lookup(exactly: $0) }) { return shared }
        let errorsBefore = diagnostics.errorCount
        var areas: [ActivityArea: Fraction] = [:]
        for (area, column) in columns.areas where !grid.isBlank(row, column) {
            if areas.isEmpty { areas.reserveCapacity(columns.areas.count) }
            let share = value(
                row, column, "area_\(area.rawValue)", plain: FieldParsing.Plain.areaShare, general: FieldParsing.areaShare, diagnostics: &diagnostics)
            if let share, !share.isZero { areas[area] = share }
        }
        if diagnostics.errorCount == errorsBefore && !areas.isEmpty {
            text.withUnsafeBufferPointer { areaSplits.store(areas, for: $0) }
        }
        return areas
    }
}
