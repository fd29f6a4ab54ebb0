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

    /// The person-level values of one row, compared across the rows of an id.
    struct PersonFields: Equatable {
        var values: [String: String]
    }

    static func readStaff(_ file: (text: String, name: String), maximumRecords: Int, diagnostics: inout Diagnostics) -> [StaffRecord] {
        guard let table = CSVTable(text: file.text, file: file.name, required: staffRequired, optional: staffOptional, diagnostics: &diagnostics)
        else { return [] }
        if table.rows.count > maximumRecords {
            diagnostics.error(SourcePlace(file: file.name, position: .file), RosterLimits.tooManyRecords(table.rows.count, maximum: maximumRecords))
            return []
        }
        var order: [String] = []
        var records: [String: StaffRecord] = [:]
        var firstRow: [String: CSVParser.Record] = [:]
        var invalid: Set<String> = []
        for row in table.rows {
            let id = table.value(row, "id")
            guard !id.isEmpty else {
                diagnostics.error(table.place(row, "id"), "id della persona vuoto")
                continue
            }
            let errorsBefore = diagnostics.errorCount
            if let first = firstRow[id] {
                // Person-level columns must agree with the first row of the same id.
                for column in personColumns + areaColumns where table.has(column) {
                    let earlier = normalized(table.value(first, column), column: column)
                    let current = normalized(table.value(row, column), column: column)
                    if earlier != current {
                        diagnostics.error(
                            table.place(row, column),
                            "per la persona «\(id)» la colonna «\(column)» vale «\(table.value(row, column))», ma alla riga \(first.line) vale «\(table.value(first, column))»: deve essere uguale su tutte le righe della persona"
                        )
                    }
                }
            }
            let period = readPeriod(row, table: table, diagnostics: &diagnostics)
            if firstRow[id] == nil {
                firstRow[id] = row
                order.append(id)
                if let record = readPerson(row, id: id, table: table, diagnostics: &diagnostics) {
                    records[id] = record
                } else {
                    invalid.insert(id)
                }
            }
            if diagnostics.errorCount != errorsBefore { invalid.insert(id) }
            if let period, !invalid.contains(id) { records[id]?.periods.append(period) }
        }
        return order.compactMap { invalid.contains($0) ? nil : records[$0] }
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

    static func readPeriod(_ row: CSVParser.Record, table: CSVTable, diagnostics: inout Diagnostics) -> ServicePeriod? {
        let start = FieldParsing.date(table.value(row, "dal")).report(at: table.place(row, "dal"), into: &diagnostics)
        let endText = table.value(row, "al")
        let end = endText.isEmpty ? nil : FieldParsing.date(endText).report(at: table.place(row, "al"), into: &diagnostics)
        let percentage = FieldParsing.percentage(table.value(row, "percentuale")).report(at: table.place(row, "percentuale"), into: &diagnostics)
        guard let start, let percentage, endText.isEmpty || end != nil else { return nil }
        return ServicePeriod(start: start, end: end, percentage: percentage, place: table.place(row))
    }

    static func readPerson(_ row: CSVParser.Record, id: String, table: CSVTable, diagnostics: inout Diagnostics) -> StaffRecord? {
        let errorsBefore = diagnostics.errorCount
        let profile = table.value(row, "profilo")
        let contract = table.value(row, "contratto")
        if profile.isEmpty { diagnostics.error(table.place(row, "profilo"), "profilo vuoto") }
        if contract.isEmpty { diagnostics.error(table.place(row, "contratto"), "contratto vuoto") }
        let kindText = table.value(row, "ente_tipo")
        let kind = EmployerKind(rawValue: kindText.lowercased())
        if kind == nil {
            diagnostics.error(table.place(row, "ente_tipo"), kindText.isEmpty ? "tipo di ente vuoto" : RosterVocabulary.unknownEmployerMessage(kindText))
        }
        func flag(_ column: String) -> Bool? {
            (FieldParsing.boolean(table.value(row, column)).report(at: table.place(row, column), into: &diagnostics)) ?? nil
        }
        let istat = table.value(row, "ente_codice_istat")
        let employer = Employer(
            kind: kind ?? .comune, istatCode: istat.isEmpty ? nil : istat,
            delegatedFunctions: flag("delega_funzioni") ?? false, costReimbursed: flag("costo_rimborsato") ?? false)
        let employed = flag("impiegato_servizi_territoriali") ?? true
        var areas: [ActivityArea: Fraction] = [:]
        for area in ActivityArea.allCases {
            let column = "area_\(area.rawValue)"
            let text = table.value(row, column)
            guard !text.isEmpty else { continue }
            if let share = FieldParsing.areaShare(text).report(at: table.place(row, column), into: &diagnostics), !share.isZero {
                areas[area] = share
            }
        }
        guard diagnostics.errorCount == errorsBefore else { return nil }
        return StaffRecord(
            id: id, profile: profile, contract: contract, employer: employer, periods: [], areas: areas,
            employedInTerritorialServices: employed, place: table.place(row))
    }
}
