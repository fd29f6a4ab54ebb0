/// A CSV file read with its header: columns by name (case-insensitive, any order), unknown
/// columns and missing required columns reported as errors, rows with the wrong number of
/// fields reported with their line, rows whose first cell starts with `#` skipped as comments.
struct CSVTable {
    let file: String
    let columns: [String: Int]
    /// The same columns as a list: lookups by linear search avoid hashing on every cell.
    private let columnList: [(name: String, index: Int)]
    let rows: [CSVParser.Record]

    /// Reads `text`; returns nil when the table cannot be used (errors recorded).
    init?(text: String, file: String, required: [String], optional: [String], diagnostics: inout Diagnostics) {
        self.file = file
        let separator = CSVParser.detectSeparator(text)
        let records: [CSVParser.Record]
        switch CSVParser.parse(text, separator: separator) {
        case .success(let parsed): records = parsed
        case .failure(let error):
            diagnostics.error(SourcePlace(file: file, position: .csvLine(error.line, column: nil)), error.message)
            return nil
        }
        guard let header = records.first else {
            diagnostics.error(SourcePlace(file: file, position: .file), "il file non ha la riga di intestazione")
            return nil
        }
        var columns: [String: Int] = [:]
        var usable = true
        let known = required + optional
        for (index, rawName) in header.fields.enumerated() {
            let name = rawName.trimmingSpaces.lowercased()
            let place = SourcePlace(file: file, position: .csvLine(header.line, column: rawName))
            if name.isEmpty {
                diagnostics.error(place, "intestazione vuota nella colonna \(index + 1)")
                usable = false
            } else if !known.contains(name) {
                let suggestion = nearestName(name, in: known).map { " (forse «\($0)»?)" } ?? ""
                diagnostics.error(place, "colonna sconosciuta «\(rawName)»\(suggestion); colonne ammesse: \(known.joined(separator: ", "))")
                usable = false
            } else if columns[name] != nil {
                diagnostics.error(place, "colonna «\(name)» ripetuta")
                usable = false
            } else {
                columns[name] = index
            }
        }
        for name in required where columns[name] == nil {
            diagnostics.error(SourcePlace(file: file, position: .csvLine(header.line, column: nil)), "manca la colonna obbligatoria «\(name)»")
            usable = false
        }
        guard usable else { return nil }
        var rows: [CSVParser.Record] = []
        for record in records.dropFirst() {
            // A row whose first cell starts with `#` is a comment (the templates' example rows).
            if let first = record.fields.first, first.trimmingSpaces.hasPrefix("#") { continue }
            if record.fields.count != header.fields.count {
                // A spreadsheet may add empty trailing cells; anything else is a broken row.
                let extra = record.fields.dropFirst(header.fields.count)
                if record.fields.count > header.fields.count && extra.allSatisfy({ $0.trimmingSpaces.isEmpty }) {
                    rows.append(CSVParser.Record(line: record.line, fields: Array(record.fields.prefix(header.fields.count))))
                    continue
                }
                diagnostics.error(
                    SourcePlace(file: file, position: .csvLine(record.line, column: nil)),
                    "la riga ha \(record.fields.count) campi, l'intestazione \(header.fields.count) (separatore «\(Character(Unicode.Scalar(separator)))»; un numero con la virgola va tra virgolette)"
                )
                continue
            }
            if record.fields.allSatisfy({ $0.trimmingSpaces.isEmpty }) { continue }
            rows.append(record)
        }
        self.columns = columns
        self.columnList = columns.map { ($0.key, $0.value) }
        self.rows = rows
    }

    /// The trimmed value of `column` in `row` ("" when the column is absent).
    func value(_ row: CSVParser.Record, _ column: String) -> String {
        guard let index = columnList.first(where: { $0.name == column })?.index else { return "" }
        return row.fields[index].trimmingSpaces
    }

    func has(_ column: String) -> Bool { columnList.contains { $0.name == column } }

    func place(_ row: CSVParser.Record, _ column: String? = nil) -> SourcePlace {
        SourcePlace(file: file, position: .csvLine(row.line, column: column))
    }
}
