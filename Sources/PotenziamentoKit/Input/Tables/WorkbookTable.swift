import PotenziamentoFormats

/// A sheet of an `.xlsx` or `.ods` workbook read as a ``CellTable`` (docs/formati.md, «Input: one
/// ATS as a workbook»): the header is the first row that has a value; below it, rows with no
/// value are skipped, the templates' example rows (`# ESEMPIO …` in the first cell) are skipped
/// with a warning and any other row beginning with `#` is an error, as in CSV. Cells keep their
/// type (numbers, percentages, dates, yes/no); a value right of the header's last column is an
/// error (nothing is silently left out); a cell whose value cannot be used (`#N/A`, a formula
/// never computed, a time, a date that does not exist) is reported here, once, at its cell.
/// Number cells are read at a spreadsheet's precision of 15 significant digits
/// (docs/regole.md, «Fogli di calcolo»).
struct WorkbookTable: CellTable {
    let file: String
    let header: TableHeader
    private let sheet: String
    private let headerRow: Int
    /// The header's columns, for the places of whole rows.
    private let columns: SheetColumns
    /// The data rows: row number and cells by column index of the header (0-based).
    private let rows: [(number: Int, cells: [TableValue])]

    /// A cell kept as the table reads it (text owned, so the workbook can be freed). Sendable:
    /// `cell` holds only typed values, never ``TableCell/text(_:)`` and its borrowed bytes.
    private enum TableValue: @unchecked Sendable {
        case empty
        case text(String)
        case cell(TableCell)
        /// A value that cannot be used, and why (reported, then kept as ``TableCell/unusable(shown:)``).
        case rejected(String)
    }

    /// The table of `sheet` of the workbook at `file`; nil after recording why it cannot be used.
    init?(sheet: Sheet, file: String, required: [String], optional: [String], oneOf: [[String]] = [], diagnostics: inout Diagnostics) {
        self.file = file
        self.sheet = sheet.name
        let sheetName = sheet.name
        func place(_ row: Int, _ column: Int?, name: String? = nil) -> SourcePlace {
            let reference = column.map { CellReference.a1(row: row, column: $0 + 1) } ?? String(row)
            return SourcePlace(file: file, position: .cell(sheet: sheetName, reference: reference, column: name))
        }
        guard let first = sheet.rows.first(where: { !Self.isBlank($0) }) else {
            diagnostics.error(
                .nessunDato, SourcePlace(file: file, position: .cell(sheet: sheetName, reference: "A1", column: nil)),
                "il foglio «\(sheetName)» è vuoto: serve la riga di intestazione")
            return nil
        }
        let lastColumn = first.cells.last { !Self.isBlank($0.value) }?.column ?? 0
        let names = (1...max(lastColumn, 1)).map { column in Self.text(of: first.cell(column: column)?.value ?? .empty) }
        // A title above the header (`Personale ATS 2025`, often merged across the columns).
        if let second = sheet.rows.first(where: { $0.index > first.index && !Self.isBlank($0) }) {
            let nextNames = second.cells.map { Self.text(of: $0.value) }
            if TableHeader.isTitle(names, above: nextNames, required: required, optional: optional) {
                let (code, message) = TableHeader.titleError(names, line: String(first.index), headerLine: String(second.index))
                diagnostics.error(code, place(first.index, 0), message)
                return nil
            }
        }
        guard
            let header = TableHeader(
                names: names, required: required, optional: optional, oneOf: oneOf,
                place: { index in place(first.index, index, name: index.map { names[$0].trimmingSpaces }.flatMap { $0.isEmpty ? nil : $0 }) },
                diagnostics: &diagnostics)
        else { return nil }
        let width = header.count
        var rows: [(number: Int, cells: [TableValue])] = []
        for row in sheet.rows where row.index > first.index && !Self.isBlank(row) {
            // Only a text cell can be a comment (an error value such as #N/A begins with # too).
            var firstCell = ""
            if case .text(let text)? = row.cell(column: 1)?.value { firstCell = Self.trimmed(text) }
            if firstCell.hasPrefix("#") {
                if CSVTable.isExampleRow(text: firstCell) {
                    diagnostics.warning(
                        .rigaDiEsempio, place(row.index, nil), CSVTable.exampleRowMessage)
                } else {
                    diagnostics.error(
                        .rigaCommentata, place(row.index, 0),
                        "la riga inizia con «#»: si saltano solo le righe di esempio dei modelli («# ESEMPIO»); se è un dato togli il #, se non va considerata cancellala"
                    )
                }
                continue
            }
            var cells = [TableValue](repeating: .empty, count: width)
            for cell in row.cells where !Self.isBlank(cell.value) {
                let column = cell.column - 1
                guard column < width else {
                    diagnostics.error(
                        .numeroDiCampi, place(row.index, column),
                        "valore «\(TextSafety.shortened(Self.text(of: cell.value)))» fuori dalle colonne dell'intestazione: aggiungi il nome della colonna nella riga \(first.index) o sposta il valore"
                    )
                    continue
                }
                // A note made with today's date (`="agg. "&TESTO(OGGI();…)`) is a note, not read
                // by the computation: kept out, not refused (a review).
                if case .todayFormula = cell.value, header.name(of: column).lowercased() == "note" { continue }
                let value = Self.value(of: cell.value)
                if case .rejected(let reason) = value {
                    diagnostics.error(.valoreDelFoglio, place(row.index, column, name: header.name(of: column)), reason)
                    cells[column] = .cell(.unusable(shown: Self.text(of: cell.value)))
                } else {
                    cells[column] = value
                }
            }
            rows.append((row.index, cells))
        }
        /// A warning at each data row among `marked` (increasing row numbers), its message made of its number.
        func warn(_ marked: [Int], _ code: DiagnosticCode, _ message: (Int) -> String) {
            var marked = marked[...]
            for row in rows {
                while let next = marked.first, next < row.number { marked = marked.dropFirst() }
                guard marked.first == row.number else { continue }
                diagnostics.warning(code, place(row.number, nil), message(row.number))
            }
        }
        // A hidden or filtered-out row is read like any other: say so, a person does not see it.
        warn(sheet.hiddenRows, .rigaNascosta) {
            "la riga \($0) è nascosta (o esclusa da un filtro) ma è letta e conta come le altre: se non va considerata, cancellala"
        }
        // A row struck through is read like any other (a trial of office habits: a person who
        // left, struck through, counted with no word).
        let leaver = header.has("al") ? "per una persona che ha lasciato il servizio scrivi la data di fine («al»); " : ""
        warn(sheet.struckRows, .rigaBarrata) { "la riga \($0) è barrata ma è letta e conta come le altre: \(leaver)se la riga non va considerata, cancellala" }
        // A hidden column with values is read like any other: say so, at its header.
        for column in 0..<width where sheet.isColumnHidden(column + 1) && rows.contains(where: { if case .empty = $0.cells[column] { false } else { true } }) {
            diagnostics.warning(
                .colonnaNascosta, place(first.index, column, name: header.name(of: column)),
                "la colonna «\(TextSafety.shortened(header.name(of: column)))» è nascosta ma è letta e i suoi valori contano: mostrala e controllali, o svuotala se non vanno considerati"
            )
        }
        // Merged cells: the value is only in the top-left cell; the spreadsheet shows it in the
        // others, which hold nothing. A covered cell of a data row is an error, never an empty value.
        let dataRows = rows.map(\.number)
        var covered = 0  // past 10.000 covered cells the sheet has errors enough: stop counting them
        for range in sheet.mergedRanges where range.lastRow > first.index && range.firstColumn <= width && covered < 10_000 {
            // The first data row at or below the range's first row (rows are in order).
            var low = 0
            var high = dataRows.count
            while low < high {
                let middle = (low + high) / 2
                if dataRows[middle] < range.firstRow { low = middle + 1 } else { high = middle }
            }
            // An empty range (its first cell empty) shows nothing in its cells: none is lost (a
            // trial: three empty area cells merged were three errors).
            if low < dataRows.count, dataRows[low] == range.firstRow, range.firstColumn <= rows[low].cells.count,
                case .empty = rows[low].cells[range.firstColumn - 1]
            {
                continue
            }
            if low < dataRows.count, dataRows[low] == range.firstRow, range.firstColumn > rows[low].cells.count { continue }
            var index = low
            while index < dataRows.count && dataRows[index] <= range.lastRow && covered < 10_000 {
                let row = dataRows[index]
                for column in range.firstColumn...min(range.lastColumn, width) where !(row == range.firstRow && column == range.firstColumn) {
                    covered += 1
                    diagnostics.error(
                        .valoreDelFoglio, place(row, column - 1, name: header.name(of: column - 1)),
                        "cella unita a \(range.origin): il valore si legge solo in \(range.origin); separa le celle e scrivi il valore in ogni \(range.firstRow == range.lastRow ? "cella" : "riga")"
                    )
                    // Reported: the cell is not read again as empty (a second error at the same
                    // cell, «profilo vuoto» or a person's rows that differ: an officer's trial).
                    if rows[index].cells.count < column { rows[index].cells += Array(repeating: .empty, count: column - rows[index].cells.count) }
                    rows[index].cells[column - 1] = .cell(.unusable(shown: ""))
                }
                index += 1
            }
        }
        self.header = header
        self.headerRow = first.index
        self.columns = SheetColumns(names: names)
        self.rows = rows
    }

    /// The longest text a cell may hold, in bytes (as many as the characters of a spreadsheet's
    /// cell, counted in bytes so that it is known without reading the text).
    static let longestText = 32_767

    /// `text` without spaces at its ends; a text beyond ``longestText`` (refused) only its first
    /// characters: trimming it would copy it on every row that repeats it (a review: a space at
    /// its end took 3 GB for 3.000 rows).
    private static func trimmed(_ text: String) -> String {
        text.utf8.count <= longestText ? text.trimmingSpaces : String(text.prefix(40)) + "…"
    }

    /// What a cell holds, as the readers want it.
    private static func value(of value: CellValue) -> TableValue {
        switch value {
        case .empty: return .empty
        case .text(let text):
            // No value of a roster is this long, and a workbook can repeat one text over a
            // million rows (shared strings, repeated rows): each row would copy it on every
            // read (a trial: hours for a file of 7 KB). Its length is known without a scan.
            guard text.utf8.count <= Self.longestText else {
                return .rejected(
                    "testo di \(NumberFormatting.italian(text.utf8.count)) byte in una cella: nessun valore di queste tabelle è così lungo (al massimo \(NumberFormatting.italian(Self.longestText)) byte); controlla la cella"
                )
            }
            let trimmed = text.trimmingSpaces
            return trimmed.isEmpty ? .empty : .text(trimmed)
        case .number(let number): return .cell(.number(DecimalText.rounded(number, significantDigits: 15)))
        case .percentage(let fraction): return .cell(.percentage(DecimalText.rounded(fraction, significantDigits: 15)))
        case .boolean(let flag): return .cell(.boolean(flag))
        case .date(let year, let month, let day):
            guard let date = CivilDate(year: year, month: month, day: day) else {
                return .rejected("la data \(day)/\(month)/\(year) non esiste")
            }
            return .cell(.date(date))
        case .dateTime(let year, let month, let day, _):
            guard let date = CivilDate(year: year, month: month, day: day) else {
                return .rejected("la data \(day)/\(month)/\(year) non esiste")
            }
            return .cell(.dateTime(date))
        case .time:
            return .rejected(
                "la cella è in formato ora o durata (mostra un'ora, come 30:00 o 0:00:00), non è una data né un numero: formatta la cella secondo la colonna, come data (01/03/2025) o come numero (le ore settimanali si scrivono 30, non 30:00)"
            )
        case .invalidDate(let serial):
            return .rejected(
                "la cella è in formato data ma il numero \(serial) non è una data esistente (per esempio 0 o il 29/02/1900 di Excel): se è un numero, formatta la cella come numero; se è una data, scrivi la data giusta"
            )
        case .error(let code):
            return .rejected("la cella contiene l'errore \(Self.italianErrorName(code)) di una formula: correggi la formula o scrivi il valore")
        case .formulaWithoutValue(let formula):
            let which =
                formula.isEmpty ? "la formula della cella (condivisa con altre celle)" : "la formula «=\(TextSafety.shortened(Self.formulaText(formula)))»"
            return .rejected(
                "\(which) non ha un valore salvato (il file è stato scritto da un programma che non calcola le formule): aprilo con Excel o LibreOffice e salvalo"
            )
        case .todayFormula(let formula):
            // The day of the last saving, not a date of service (a trial of office habits: an end
            // `=OGGI()` for «still in service» cut the service at the saving, −17.479 € with no word).
            return .rejected(
                "la formula «=\(TextSafety.shortened(Self.formulaText(formula)))» usa la data di oggi (OGGI, ADESSO): vale il giorno in cui il file è stato salvato e cambia a ogni salvataggio; per una persona in servizio lascia vuota la data di fine («al»), altrimenti scrivi la data o il valore"
            )
        }
    }

    /// A formula's error value as Excel and LibreOffice in Italian show it, with the code the file
    /// holds when it differs: `#N/D (#N/A)`, `#VALORE! (#VALUE!)` (a trial of the documents: the
    /// officer sees #N/D in the cell, not the #N/A the file stores).
    static func italianErrorName(_ code: String) -> String {
        let italian: String? =
            switch code.uppercased() {
            case "#N/A": "#N/D"
            case "#VALUE!": "#VALORE!"
            case "#REF!": "#RIF!"
            case "#NAME?": "#NOME?"
            case "#NULL!": "#NULLO!"
            default: nil
            }
        return italian.map { "\($0) (\(code))" } ?? code
    }

    /// A formula as a person typed it: without the `of:=` namespace of `.ods` files.
    static func formulaText(_ formula: String) -> String {
        for prefix in ["of:=", "of:", "="] where formula.hasPrefix(prefix) { return String(formula.dropFirst(prefix.count)) }
        return formula
    }

    /// Whether a cell holds nothing (empty, or text of spaces only).
    private static func isBlank(_ value: CellValue) -> Bool {
        switch value {
        case .empty: true
        // A text beyond the longest is not blank, and is not trimmed (a copy a row).
        case .text(let text): text.utf8.count <= longestText && text.trimmingSpaces.isEmpty
        default: false
        }
    }

    private static func isBlank(_ row: Row) -> Bool { row.cells.allSatisfy { isBlank($0.value) } }

    /// A cell as the spreadsheet shows it, for names, messages and the first-cell check.
    private static func text(of value: CellValue) -> String {
        switch value {
        case .empty: ""
        case .text(let text): trimmed(text)
        case .number(let number): number
        case .percentage(let fraction): DecimalText.multiply(fraction, by: 100) + "%"
        case .boolean(let flag): flag ? "VERO" : "FALSO"
        case .date(let year, let month, let day), .dateTime(let year, let month, let day, _):
            "\(day < 10 ? "0" : "")\(day)/\(month < 10 ? "0" : "")\(month)/\(year)"
        case .time(let seconds): "\(seconds) s"
        case .invalidDate(let serial): serial
        case .error(let code): code
        case .formulaWithoutValue(let formula), .todayFormula(let formula): "=\(formulaText(formula))"
        }
    }

    var rowCount: Int { rows.count }

    var headerPlace: SourcePlace { SourcePlace(file: file, position: .cell(sheet: sheet, reference: String(headerRow), column: nil)) }

    func line(of row: Int) -> Int { rows[row].number }

    func place(of row: Int, column: Int?) -> SourcePlace {
        let number = rows[row].number
        let reference = column.map { CellReference.a1(row: number, column: $0 + 1) } ?? String(number)
        return SourcePlace(
            file: file, position: .cell(sheet: sheet, reference: reference, column: column.map { header.name(of: $0) }), sheetColumns: columns)
    }

    func withCell<Result>(_ row: Int, _ column: Int, _ body: (TableCell) -> Result) -> Result {
        let cells = rows[row].cells
        guard column < cells.count else { return body(.empty) }
        switch cells[column] {
        case .empty, .rejected: return body(.empty)
        case .cell(let cell): return body(cell)
        case .text(var text): return text.withUTF8 { body(.text($0)) }
        }
    }
}
