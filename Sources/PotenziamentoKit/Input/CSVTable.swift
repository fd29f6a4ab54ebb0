/// A CSV file read with its header: columns by name (case-insensitive, any order), unknown
/// columns and missing required columns reported as errors, rows with the wrong number of
/// fields reported with their line, rows whose first cell starts with `#` skipped as comments.
struct CSVTable {
    /// A data row (see ``CSVGrid/Row``); rows with extra empty trailing cells are cut to the header.
    typealias Row = CSVGrid.Row

    let file: String
    let grid: CSVGrid
    let columns: [String: Int]
    /// The same columns as a list: lookups by linear search avoid hashing on every cell.
    private let columnList: [(name: String, index: Int)]
    let rows: [Row]

    /// Reads `text`; returns nil when the table cannot be used (errors recorded).
    init?(text: String, file: String, required: [String], optional: [String], diagnostics: inout Diagnostics) {
        self.file = file
        let separator = CSVParser.detectSeparator(text)
        let grid: CSVGrid
        switch CSVParser.grid(text, separator: separator) {
        case .success(let parsed): grid = parsed
        case .failure(let error):
            diagnostics.error(SourcePlace(file: file, position: .csvLine(error.line, column: nil)), error.message)
            return nil
        }
        self.grid = grid
        guard let header = grid.rows.first else {
            diagnostics.error(SourcePlace(file: file, position: .file), "il file non ha la riga di intestazione")
            return nil
        }
        var columns: [String: Int] = [:]
        var usable = true
        let known = required + optional
        for index in 0..<header.count {
            let rawName = grid.string(header, index)
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
        var rows: [Row] = []
        rows.reserveCapacity(grid.rows.count - 1)
        for record in grid.rows.dropFirst() {
            // A row whose first cell starts with `#` is a comment (the templates' example rows).
            if grid.withTrimmedCell(record, 0, { $0.first == UInt8(ascii: "#") }) { continue }
            let blank = { (range: Range<Int>) in range.allSatisfy { grid.isBlank(record, $0) } }
            if record.count != header.count {
                // A spreadsheet may add empty trailing cells; anything else is a broken row.
                if record.count > header.count && blank(header.count..<record.count) {
                    rows.append(Row(line: record.line, firstCell: record.firstCell, count: header.count))
                    continue
                }
                diagnostics.error(
                    SourcePlace(file: file, position: .csvLine(record.line, column: nil)),
                    "la riga ha \(record.count) campi, l'intestazione \(header.count) (separatore «\(Character(Unicode.Scalar(separator)))»; un numero con la virgola va tra virgolette)"
                )
                continue
            }
            if blank(0..<record.count) { continue }
            rows.append(record)
        }
        self.columns = columns
        self.columnList = columns.map { ($0.key, $0.value) }
        self.rows = rows
    }

    /// The position of `column`, if the file has it.
    func index(of column: String) -> Int? { columnList.first(where: { $0.name == column })?.index }

    /// The trimmed value of `column` in `row` ("" when the column is absent).
    func value(_ row: Row, _ column: String) -> String {
        guard let index = index(of: column) else { return "" }
        return grid.trimmedString(row, index)
    }

    func has(_ column: String) -> Bool { columnList.contains { $0.name == column } }

    func place(_ row: Row, _ column: String? = nil) -> SourcePlace {
        SourcePlace(file: file, position: .csvLine(row.line, column: column))
    }
}
