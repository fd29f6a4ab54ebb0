/// Reads the typed cells of an OpenDocument spreadsheet (`.ods`) from its `content.xml`.
///
/// Repeated rows and cells (`table:number-rows-repeated`, `table:number-columns-repeated`) are
/// never materialised when empty, so LibreOffice's trailing runs of 1.048.000 formatted rows cost
/// nothing; non-empty repeats are expanded, counted against ``WorkbookLimits/maximumCells``
/// before expansion, and an error past the last row or column. Cell text is the cell's
/// paragraphs (`text:p`, `text:h`) joined by a line feed, with `text:s` (spaces), `text:tab`,
/// `text:line-break` and the text of spans and links; comments (`office:annotation`) and notes
/// are left out. Cells with the formulas `=TRUE()` and `=FALSE()` are logical values (that is
/// how LibreOffice stores the logical values of `.xlsx` files).
package enum ODSReader {
    /// The ODF namespace of tables, rows and cells.
    static let tableNamespace = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    /// The ODF namespace of the document structure and value attributes.
    static let officeNamespace = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    /// The ODF namespace of paragraphs and spaces.
    static let textNamespace = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    /// The ODF namespace of styles.
    static let styleNamespace = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
    /// LibreOffice's extension namespace (`calcext:value-type="error"`).
    static let calcextNamespace = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"
    /// The ODF namespace of drawings (left out of cell text).
    static let drawNamespace = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"

    /// Returns the workbook in `archive`. Throws ``WorkbookError/missingPart(_:)`` without
    /// `content.xml`, ``WorkbookError/xml(part:_:)`` for unreadable XML,
    /// ``WorkbookError/invalidStructure(part:reason:)`` for bad repeat counts or non-empty cells
    /// past the last row or column, ``WorkbookError/cell(sheet:reference:reason:)`` for a value
    /// that cannot be read or text over the cap, ``WorkbookError/archive(_:)`` for a damaged
    /// entry and the ``WorkbookLimits`` caps.
    package static func read(_ archive: ZIPArchive, limits: WorkbookLimits = .standard) throws(WorkbookError) -> Workbook {
        let part = "content.xml"
        guard let bytes = try XLSXReader.part(archive, part) else { throw .missingPart(part) }
        var state = State(limits: limits)
        try XLSXReader.parse(bytes, part: part) { event throws(WorkbookError) in try state.handle(event) }
        return Workbook(kind: .ods, sheets: state.sheets)
    }

    /// A cell being read: its attributes, repeat count and text.
    struct PendingCell {
        /// The cell element's attributes.
        let attributes: XMLAttributes
        /// `table:number-columns-repeated`.
        let repeats: Int
        /// The element depth of the cell.
        let depth: Int
        /// The finished paragraphs.
        var paragraphs: [String] = []
        /// The paragraph being read, if any.
        var paragraph: String?
        /// How many bytes of text the cell has so far.
        var textBytes = 0
    }

    /// The reader's state while going through `content.xml`.
    struct State {
        /// The caps.
        let limits: WorkbookLimits
        /// The part being read, for messages.
        let part = "content.xml"
        /// The finished sheets.
        var sheets: [Sheet] = []
        /// The automatic table styles that hide a table.
        var hiddenTableStyles: Set<String> = []
        /// The table style being read, if any.
        var styleName: String?
        /// The cell style being read, if any, and the automatic cell styles whose text is struck through.
        var cellStyleName: String?
        var struckCellStyles: Set<String> = []
        /// The non-empty rows of the table being read whose every value is struck through.
        var struckRows: [Int] = []
        /// The current row's non-empty cells that are not struck through, and its default cell style.
        var rowCellsNotStruck = 0
        var rowDefaultStyle: String?
        /// Whether the reader is inside `office:spreadsheet`.
        var inSpreadsheet = false
        /// The current element depth.
        var depth = 0
        /// The name of the table being read, nil outside tables.
        var tableName: String?
        /// Whether the table being read is hidden.
        var tableHidden = false
        /// The element depth of the table being read.
        var tableDepth = 0
        /// The finished rows of the table being read.
        var rows: [Row] = []
        /// The spanned (merged) cells of the table being read.
        var merged: [MergedRange] = []
        /// How many rows of the table come before the current one.
        var rowIndex = 0
        /// `table:number-rows-repeated` of the current row.
        var rowRepeats = 0
        /// Whether the current row is hidden or filtered out.
        var rowHidden = false
        /// The non-empty rows of the table being read that are hidden.
        var hiddenRows: [Int] = []
        /// The columns declared so far in the table being read (`table:table-column`), and those hidden.
        var columnsDeclared = 0
        var hiddenColumns: [ClosedRange<Int>] = []
        /// The non-empty cells of the current row.
        var rowCells: [(column: Int, value: CellValue)] = []
        /// Whether the reader is inside a row.
        var inRow = false
        /// How many columns of the row come before the current cell.
        var column = 0
        /// The cell being read, if any.
        var cell: PendingCell?
        /// How deep the reader is inside an element whose content is skipped (0: none).
        var skipDepth = 0
        /// How many non-empty cells all sheets have so far.
        var cellCount = 0

        /// Returns the state at the start of a document read with `limits`.
        init(limits: WorkbookLimits) {
            self.limits = limits
        }

        /// Returns the repeat count in attribute `local` (1 when absent). Throws for a count that
        /// is not a positive integer.
        func repeats(_ attributes: XMLAttributes, _ local: String) throws(WorkbookError) -> Int {
            guard let text = attributes[ODSReader.tableNamespace, local] else { return 1 }
            guard text.utf8.count <= 12, let count = Int(text), count >= 1 else {
                throw .invalidStructure(part: part, reason: "ripetizione non valida «\(text)» nel foglio «\(tableName ?? "")»")
            }
            return count
        }

        /// Updates the state with one event. Throws for malformed repeats, unreadable values,
        /// content out of range and the caps.
        mutating func handle(_ event: XMLEvent) throws(WorkbookError) {
            switch event {
            case .start(let name, let attributes):
                depth += 1
                try start(name, attributes)
            case .end(let name):
                try end(name)
                depth -= 1
            case .text(let text):
                guard skipDepth == 0, var pending = cell, pending.paragraph != nil else { return }
                try append(text, to: &pending)
                cell = pending
            }
        }

        /// Adds `text` to the current paragraph of `pending`. Throws past ``WorkbookLimits/maximumTextBytes``.
        func append(_ text: String, to pending: inout PendingCell) throws(WorkbookError) {
            pending.textBytes += text.utf8.count
            guard pending.textBytes <= limits.maximumTextBytes else {
                throw .cell(
                    sheet: tableName ?? "", reference: CellReference.a1(row: rowIndex + 1, column: column + 1),
                    reason: "testo oltre \(limits.maximumTextBytes) byte")
            }
            pending.paragraph?.append(text)
        }

        /// Updates the state for the start of element `name`. Throws for bad repeat counts or
        /// spaces, too many sheets, text over the cap.
        mutating func start(_ name: XMLName, _ attributes: XMLAttributes) throws(WorkbookError) {
            if skipDepth > 0 {
                skipDepth += 1
                return
            }
            if var pending = cell {
                switch (name.namespace, name.local) {
                case (ODSReader.textNamespace, "p"), (ODSReader.textNamespace, "h"):
                    if depth == pending.depth + 1 { pending.paragraph = "" }
                case (ODSReader.textNamespace, "s"):
                    guard pending.paragraph != nil else { break }
                    let text = attributes[ODSReader.textNamespace, "c"] ?? "1"
                    guard text.utf8.count <= 8, let count = Int(text), count >= 0, count <= limits.maximumTextBytes else {
                        throw .cell(
                            sheet: tableName ?? "", reference: CellReference.a1(row: rowIndex + 1, column: column + 1),
                            reason: "spazi ripetuti non validi «\(text)»")
                    }
                    try append(String(repeating: " ", count: count), to: &pending)
                case (ODSReader.textNamespace, "tab"): if pending.paragraph != nil { try append("\t", to: &pending) }
                case (ODSReader.textNamespace, "line-break"): if pending.paragraph != nil { try append("\n", to: &pending) }
                case (ODSReader.officeNamespace, "annotation"), (ODSReader.textNamespace, "note"), (ODSReader.tableNamespace, "table"): skipDepth = 1
                case (ODSReader.drawNamespace, _): skipDepth = 1
                default: break
                }
                cell = pending
                return
            }
            switch (name.namespace, name.local) {
            case (ODSReader.officeNamespace, "spreadsheet"): inSpreadsheet = true
            case (ODSReader.styleNamespace, "style") where attributes[ODSReader.styleNamespace, "family"] == "table":
                styleName = attributes[ODSReader.styleNamespace, "name"]
            case (ODSReader.styleNamespace, "style") where attributes[ODSReader.styleNamespace, "family"] == "table-cell":
                cellStyleName = attributes[ODSReader.styleNamespace, "name"]
            case (ODSReader.styleNamespace, "text-properties"):
                if let cellStyleName, let line = attributes[ODSReader.styleNamespace, "text-line-through-style"], line != "none" {
                    struckCellStyles.insert(cellStyleName)
                }
            case (ODSReader.styleNamespace, "table-properties"):
                if let styleName, attributes[ODSReader.tableNamespace, "display"] == "false" { hiddenTableStyles.insert(styleName) }
            case (ODSReader.tableNamespace, "table") where inSpreadsheet && tableName == nil:
                guard sheets.count < limits.maximumSheets else { throw .tooManySheets(limit: limits.maximumSheets) }
                tableName = attributes[ODSReader.tableNamespace, "name"] ?? "Foglio\(sheets.count + 1)"
                tableHidden = attributes[ODSReader.tableNamespace, "style-name"].map { hiddenTableStyles.contains($0) } ?? false
                tableDepth = depth
                rows = []
                merged = []
                hiddenRows = []
                struckRows = []
                columnsDeclared = 0
                hiddenColumns = []
                rowIndex = 0
            case (ODSReader.tableNamespace, "table"): skipDepth = 1  // a table nested in something else
            case (ODSReader.tableNamespace, "table-column") where tableName != nil && !inRow:
                // Columns are declared in order, each repeated; a hidden one is `collapse` (or `filter`).
                // Lenient: a bad count here only matters for the warning of a hidden column (the cells carry their own).
                let written = attributes[ODSReader.tableNamespace, "number-columns-repeated"].flatMap { $0.utf8.count <= 12 ? Int($0) : nil } ?? 1
                let count = min(max(written, 1), CellReference.maximumColumn)
                let first = columnsDeclared + 1
                columnsDeclared = min(columnsDeclared + count, CellReference.maximumColumn)
                if (attributes[ODSReader.tableNamespace, "visibility"] ?? "visible") != "visible", first <= columnsDeclared, hiddenColumns.count < 10_000 {
                    hiddenColumns.append(first...columnsDeclared)
                }
            case (ODSReader.tableNamespace, "table-row") where tableName != nil && !inRow:
                rowRepeats = try repeats(attributes, "number-rows-repeated")
                // A row hidden by hand (`collapse`) or by a filter (`filter`).
                rowHidden = (attributes[ODSReader.tableNamespace, "visibility"] ?? "visible") != "visible"
                rowDefaultStyle = attributes[ODSReader.tableNamespace, "default-cell-style-name"]
                rowCellsNotStruck = 0
                rowCells = []
                column = 0
                inRow = true
            case (ODSReader.tableNamespace, "table-cell"), (ODSReader.tableNamespace, "covered-table-cell"):
                guard inRow else { break }
                cell = PendingCell(attributes: attributes, repeats: try repeats(attributes, "number-columns-repeated"), depth: depth)
                let rowsSpanned = Int(attributes[ODSReader.tableNamespace, "number-rows-spanned"] ?? "") ?? 1
                let columnsSpanned = Int(attributes[ODSReader.tableNamespace, "number-columns-spanned"] ?? "") ?? 1
                if (rowsSpanned > 1 || columnsSpanned > 1) && merged.count < 100_000 {
                    let firstRow = rowIndex + 1
                    let firstColumn = column + 1
                    merged.append(
                        MergedRange(
                            firstRow: firstRow, firstColumn: firstColumn, lastRow: firstRow + min(max(rowsSpanned, 1), CellReference.maximumRow) - 1,
                            lastColumn: firstColumn + min(max(columnsSpanned, 1), CellReference.maximumColumn) - 1))
                }
            default: break
            }
        }

        /// Updates the state for the end of element `name`, finishing cells, rows and tables.
        /// Throws for values that cannot be read, content out of range and the caps.
        mutating func end(_ name: XMLName) throws(WorkbookError) {
            if skipDepth > 0 {
                skipDepth -= 1
                return
            }
            if var pending = cell {
                if depth == pending.depth {
                    cell = nil
                    try finish(pending)
                } else if depth == pending.depth + 1, name.namespace == ODSReader.textNamespace, name.local == "p" || name.local == "h",
                    let paragraph = pending.paragraph
                {
                    pending.paragraphs.append(paragraph)
                    pending.paragraph = nil
                    cell = pending
                }
                return
            }
            switch (name.namespace, name.local) {
            case (ODSReader.officeNamespace, "spreadsheet"): inSpreadsheet = false
            case (ODSReader.styleNamespace, "style"): (styleName, cellStyleName) = (nil, nil)
            case (ODSReader.tableNamespace, "table-row") where inRow:
                inRow = false
                try finishRow()
            case (ODSReader.tableNamespace, "table") where tableName != nil && depth == tableDepth:
                sheets.append(
                    Sheet(
                        name: tableName ?? "", rows: rows, isHidden: tableHidden, mergedRanges: merged, hiddenRows: hiddenRows, hiddenColumns: hiddenColumns,
                        struckRows: struckRows))
                tableName = nil
            default: break
            }
        }

        /// Adds a finished cell's value to the row, once per repeat, or skips empty repeats.
        mutating func finish(_ pending: PendingCell) throws(WorkbookError) {
            let sheet = tableName ?? ""
            let value: CellValue
            switch ODSReader.value(pending.attributes, text: pending.paragraphs.joined(separator: "\n"), hasParagraph: !pending.paragraphs.isEmpty) {
            case .success(let result): value = result
            case .failure(let reason):
                throw .cell(sheet: sheet, reference: CellReference.a1(row: rowIndex + 1, column: column + 1), reason: reason.text)
            }
            if value != .empty {
                guard column + pending.repeats <= CellReference.maximumColumn else {
                    throw .invalidStructure(part: part, reason: "il foglio «\(sheet)» ha celle non vuote oltre l'ultima colonna (XFD)")
                }
                guard pending.repeats <= limits.maximumCells - cellCount - rowCells.count else { throw .tooManyCells(limit: limits.maximumCells) }
                for offset in 1...pending.repeats { rowCells.append((column + offset, value)) }
                // Struck through by its own style, or the row's (how LibreOffice strikes a whole row).
                let style = pending.attributes[ODSReader.tableNamespace, "style-name"] ?? rowDefaultStyle
                if !(style.map(struckCellStyles.contains) ?? false) { rowCellsNotStruck += pending.repeats }
            }
            column = min(column + pending.repeats, 1 << 40)
        }

        /// Adds a finished row to the sheet, once per repeat, or skips it when empty.
        mutating func finishRow() throws(WorkbookError) {
            defer { rowIndex = min(rowIndex + rowRepeats, 1 << 40) }
            guard !rowCells.isEmpty else { return }
            let sheet = tableName ?? ""
            guard rowIndex + rowRepeats <= CellReference.maximumRow else {
                throw .invalidStructure(part: part, reason: "il foglio «\(sheet)» ha righe non vuote oltre la riga \(CellReference.maximumRow)")
            }
            guard rowRepeats <= (limits.maximumCells - cellCount) / rowCells.count else { throw .tooManyCells(limit: limits.maximumCells) }
            cellCount += rowRepeats * rowCells.count
            for offset in 1...rowRepeats {
                let index = rowIndex + offset
                rows.append(Row(index: index, cells: rowCells.map { Cell(row: index, column: $0.column, value: $0.value) }))
                if rowHidden { hiddenRows.append(index) }
                if rowCellsNotStruck == 0 { struckRows.append(index) }
            }
        }
    }

    /// A reason why a cell cannot be read, in Italian.
    struct Reason: Error {
        /// The reason.
        let text: String
    }

    /// Returns the typed value of a cell from its `office:value-type` and value attributes (and
    /// its text for strings and errors), or the reason it cannot be read.
    static func value(_ attributes: XMLAttributes, text: String, hasParagraph: Bool = false) -> Result<CellValue, Reason> {
        if attributes[calcextNamespace, "value-type"] == "error" { return .success(.error(text)) }
        if let formula = attributes[tableNamespace, "formula"], CellValue.usesToday(formula) { return .success(.todayFormula(formula: formula)) }
        /// Returns the value of `office:local`, or the reason it is missing.
        func attribute(_ local: String) -> Result<String, Reason> {
            guard let value = attributes[officeNamespace, local] else { return .failure(Reason(text: "manca l'attributo office:\(local)")) }
            return .success(value)
        }
        switch attributes[officeNamespace, "value-type"] {
        case nil, "void":
            if !text.isEmpty { return .success(.text(text)) }
            // A formula with an (empty) paragraph has a result: empty text, as LibreOffice writes
            // `=IF(…;"";…)`; with no paragraph at all its result was never saved.
            if let formula = attributes[tableNamespace, "formula"], !formula.isEmpty, !hasParagraph {
                return .success(.formulaWithoutValue(formula: formula))
            }
            return .success(.empty)
        case "float" where ["OF:=TRUE()", "OF:=FALSE()"].contains(attributes[tableNamespace, "formula"]?.uppercased()):
            // LibreOffice 7 stores the logical values of .xlsx files as these formulas with a
            // number result, and shows them as TRUE and FALSE.
            return .success(.boolean(attributes[tableNamespace, "formula"]?.uppercased() == "OF:=TRUE()"))
        case "float", "currency", "percentage":
            return attribute("value").flatMap { raw in
                guard let number = DecimalText.canonical(raw) else { return .failure(Reason(text: "numero non valido «\(raw)»")) }
                return .success(attributes[officeNamespace, "value-type"] == "percentage" ? .percentage(number) : .number(number))
            }
        case "date":
            return attribute("date-value").flatMap { raw in
                guard let value = SpreadsheetDates.isoValue(raw) else { return .failure(Reason(text: "data non valida «\(raw)»")) }
                return .success(value)
            }
        case "time":
            return attribute("time-value").flatMap { raw in
                guard let seconds = SpreadsheetDates.durationSeconds(raw) else { return .failure(Reason(text: "ora non valida «\(raw)»")) }
                return .success(.time(seconds: seconds))
            }
        case "boolean":
            return attribute("boolean-value").flatMap { raw in
                switch raw {
                case "true", "1": return .success(.boolean(true))
                case "false", "0": return .success(.boolean(false))
                default: return .failure(Reason(text: "valore logico non valido «\(raw)»"))
                }
            }
        default:
            // An empty `office:string-value` beside a paragraph is the paragraph, as LibreOffice
            // shows it (a trial: `31/03/2025` shown, an empty end read: a year of service more).
            let given = attributes[officeNamespace, "string-value"]
            let string = given.flatMap { $0.isEmpty ? nil : $0 } ?? text
            return .success(string.isEmpty ? .empty : .text(string))
        }
    }
}
