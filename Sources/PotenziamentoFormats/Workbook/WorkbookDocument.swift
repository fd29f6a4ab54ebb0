/// A number format for written cells. The format codes in the files are locale-neutral: a
/// spreadsheet in an Italian locale shows `#,##0.00 "€"` as `1.234,56 €`.
package enum NumberFormat: Sendable, Hashable, CaseIterable {
    /// No format (the spreadsheet's "General").
    case general
    /// Integer with thousands separators: `#,##0`.
    case integer
    /// Euros with two decimals and thousands separators: `#,##0.00 "€"`.
    case euro
    /// Two decimals: `0.00`.
    case decimal2
    /// Four decimals: `0.0000`.
    case decimal4
    /// Six decimals: `0.000000` (FTE to declare with 5 or 6 decimals, shown whole).
    case decimal6
    /// Up to four decimals, for percentages written as numbers (`22.5` for 22,5 %): `0.####` in
    /// `.ods`; General in `.xlsx`, where Excel would show a whole number with its separator («30.»).
    case upTo4Decimals
    /// A year (a whole number read as a label): `0`, no separators, aligned left like the text
    /// beside it (right-aligned, `2025` ran into the name in the next column: «2025Borgo Alto»).
    case year

    /// Returns the Excel format code (locale-neutral).
    package var code: String {
        switch self {
        case .general: "General"
        case .integer: "#,##0"
        case .euro: "#,##0.00 \"€\""
        case .decimal2: "0.00"
        case .decimal4: "0.0000"
        case .decimal6: "0.000000"
        case .upTo4Decimals: "0.####"
        case .year: "0"
        }
    }
}

/// A cell to write.
package enum WritableCell: Sendable, Hashable {
    /// Nothing.
    case empty
    /// Text (up to 32.767 characters, Excel's limit).
    case text(String)
    /// A number given as decimal text (any form ``DecimalText/canonical(_:)`` accepts, written
    /// in canonical form), shown with `format`.
    case number(String, NumberFormat)
    /// A date from 1900-03-01 to 9999-12-31, shown as `DD/MM/YYYY`. (Earlier dates are refused:
    /// Excel and LibreOffice read the serials before 1900-03-01 one day apart.)
    case date(year: Int, month: Int, day: Int)
    /// A logical value.
    case boolean(Bool)
}

/// The format of a whole column, for the cells a person types into it: a spreadsheet then keeps
/// `048001` as text (no leading zero lost) and reads a typed date as a date.
package enum ColumnStyle: Sendable, Hashable {
    /// Text: what is typed stays as typed (`@`).
    case text
    /// Dates, shown as `DD/MM/YYYY`.
    case date
}

/// A drop-down list on a column range: only the listed values are accepted.
package struct ListValidation: Sendable, Hashable {
    /// The column, from 1.
    package var column: Int
    /// The first row of the range, from 1.
    package var firstRow: Int
    /// The last row of the range (inclusive).
    package var lastRow: Int
    /// The allowed values, in the order shown.
    package var values: [String]
    /// What the spreadsheet says when a value outside the list is typed (nil: its generic message).
    package var message: String?

    /// Returns a validation of `column`, rows `firstRow` to `lastRow`, allowing `values`, with
    /// `message` shown for a value outside the list.
    package init(column: Int, firstRow: Int, lastRow: Int, values: [String], message: String? = nil) {
        self.column = column
        self.firstRow = firstRow
        self.lastRow = lastRow
        self.values = values
        self.message = message
    }

    /// Returns a yes/no validation (values `sì` and `no`) of `column`, rows `firstRow` to `lastRow`.
    package static func yesNo(column: Int, firstRow: Int, lastRow: Int) -> ListValidation {
        ListValidation(column: column, firstRow: firstRow, lastRow: lastRow, values: ["sì", "no"], message: "Scegli sì o no dall'elenco (con l'accento: sì).")
    }
}

/// A sheet to write.
package struct WritableSheet: Sendable, Hashable {
    /// The name on the tab: 1 to 31 characters, none of `[]:*?/\`, not starting or ending with `'`.
    package var name: String
    /// The widths of the first columns in characters (index 0 is column A); 0 keeps the default.
    package var columnWidths: [Int]
    /// How many top rows stay in view when scrolling; they are written in bold, as the header.
    package var frozenRows: Int
    /// Further rows written in bold (totals), by index from 0 (row 1).
    package var boldRows: Set<Int> = []
    /// The rows from row 1, each a list of cells from column A.
    package var rows: [[WritableCell]]
    /// The drop-down lists.
    package var validations: [ListValidation]
    /// The format of each column (index 0 is column A) for the cells typed into it; nil keeps
    /// the default.
    package var columnStyles: [ColumnStyle?]
    /// How many rows, from row 1, carry ``columnStyles`` cell by cell: `.xlsx` formats whole
    /// columns, but LibreOffice applies an `.ods` column's default format only to cells the file
    /// writes, so the empty cells of these rows are written with their column's format.
    package var formattedRows: Int
    /// Whether the sheet prints landscape, as wide as one page (the rows continue on the next
    /// pages): for tables wider than a portrait A4.
    package var printsLandscapeFitToWidth: Bool = false
    /// Whether the tab is hidden.
    package var isHidden: Bool

    /// The columns (index 0 is column A) whose headings align right, over figures: those whose
    /// first cell under the frozen rows is a number or a date (not a year, which aligns left as
    /// the name beside it). Headings over figures aligned left stood over the next column's
    /// figures in print (an officer's trial).
    package var figureColumns: Set<Int> {
        guard frozenRows > 0 else { return [] }
        var columns = Set<Int>()
        var decided = Set<Int>()
        for row in rows.dropFirst(frozenRows) {
            for (column, cell) in row.enumerated() where cell != .empty && decided.insert(column).inserted {
                switch cell {
                case .number(_, let format) where format != .year: columns.insert(column)
                case .date: columns.insert(column)
                default: break
                }
            }
        }
        return columns
    }

    /// Returns a sheet named `name` with the given content.
    package init(
        name: String, columnWidths: [Int] = [], frozenRows: Int = 0, rows: [[WritableCell]] = [], validations: [ListValidation] = [], isHidden: Bool = false,
        columnStyles: [ColumnStyle?] = [], formattedRows: Int = 0
    ) {
        self.columnStyles = columnStyles
        self.formattedRows = formattedRows
        self.name = name
        self.columnWidths = columnWidths
        self.frozenRows = frozenRows
        self.rows = rows
        self.validations = validations
        self.isHidden = isHidden
    }
}

/// A workbook to write as `.xlsx` (``XLSXWriter``) or `.ods` (``ODSWriter``). The same document
/// always gives the same bytes.
package struct WorkbookDocument: Sendable, Hashable {
    /// The sheets in tab order.
    package var sheets: [WritableSheet]
    /// What every printed page of every sheet carries at its top (`Prospetto riassuntivo 2026 —
    /// Ambito …`), with the sheet's name; each page's foot says `Pagina N di M`. Nil: no header.
    package var printTitle: String?

    /// Returns a document with `sheets`, its pages headed by `printTitle` when given.
    package init(printTitle: String? = nil, sheets: [WritableSheet]) {
        self.sheets = sheets
        self.printTitle = printTitle
    }

    /// The longest text a cell may hold (Excel's limit): 32.767 characters (UTF-16 code units).
    package static let maximumTextLength = 32_767
    /// The widest column, in characters: 255.
    package static let maximumColumnWidth = 255

    /// Returns the reason `name` cannot be a sheet name, or nil if it can.
    package static func sheetNameProblem(_ name: String) -> String? {
        if name.isEmpty { return "è vuoto" }
        if name.utf16.count > 31 { return "supera 31 caratteri" }
        if let bad = name.first(where: { "[]:*?/\\".contains($0) }) { return "contiene il carattere «\(bad)»" }
        if name.hasPrefix("'") || name.hasSuffix("'") { return "inizia o finisce con un apostrofo" }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || !XMLEscaping.isAllowed($0) }) { return "contiene caratteri di controllo" }
        return nil
    }

    /// Checks what both writers need: valid and distinct sheet names, positions within the
    /// sheet limits, widths, frozen rows, validations, texts, numbers and dates. Returns the
    /// numbers in canonical form, by sheet, row and column. Throws ``WorkbookError/invalidSheetName(_:reason:)``,
    /// ``WorkbookError/duplicateSheetName(_:)``, ``WorkbookError/invalidDocument(_:)`` or
    /// ``WorkbookError/cell(sheet:reference:reason:)``.
    package func validated(reservedNames: [String] = []) throws(WorkbookError) -> [[[String?]]] {
        guard sheets.contains(where: { !$0.isHidden }) else { throw .invalidDocument("il file deve avere almeno un foglio visibile") }
        var seen = Set(reservedNames.map { $0.lowercased() })
        var numbers: [[[String?]]] = []
        for sheet in sheets {
            if let problem = Self.sheetNameProblem(sheet.name) { throw .invalidSheetName(sheet.name, reason: problem) }
            guard seen.insert(sheet.name.lowercased()).inserted else { throw .duplicateSheetName(sheet.name) }
            guard sheet.rows.count <= CellReference.maximumRow else { throw .invalidDocument("il foglio «\(sheet.name)» ha troppe righe") }
            guard sheet.columnWidths.count <= CellReference.maximumColumn,
                sheet.columnWidths.allSatisfy({ (0...Self.maximumColumnWidth).contains($0) })
            else { throw .invalidDocument("larghezze di colonna non valide nel foglio «\(sheet.name)»") }
            guard (0..<CellReference.maximumRow).contains(sheet.frozenRows) else {
                throw .invalidDocument("righe bloccate non valide nel foglio «\(sheet.name)»")
            }
            for validation in sheet.validations {
                guard (1...CellReference.maximumColumn).contains(validation.column), validation.firstRow >= 1, validation.firstRow <= validation.lastRow,
                    validation.lastRow <= CellReference.maximumRow, !validation.values.isEmpty,
                    validation.values.allSatisfy({ !$0.isEmpty && $0.utf16.count <= 255 && $0.unicodeScalars.allSatisfy(XMLEscaping.isAllowed) })
                else { throw .invalidDocument("elenco a discesa non valido nel foglio «\(sheet.name)»") }
            }
            var sheetNumbers: [[String?]] = []
            for (rowIndex, row) in sheet.rows.enumerated() {
                guard row.count <= CellReference.maximumColumn else { throw .invalidDocument("il foglio «\(sheet.name)» ha troppe colonne") }
                var rowNumbers: [String?] = []
                for (columnIndex, cell) in row.enumerated() {
                    let reference = CellReference.a1(row: rowIndex + 1, column: columnIndex + 1)
                    var number: String?
                    switch cell {
                    case .text(let text):
                        guard text.utf16.count <= Self.maximumTextLength else {
                            throw .cell(
                                sheet: sheet.name, reference: reference, reason: "testo oltre \(WorkbookError.italian(Self.maximumTextLength)) caratteri")
                        }
                    case .number(let text, _):
                        guard let canonical = DecimalText.canonical(text) else {
                            throw .cell(sheet: sheet.name, reference: reference, reason: "numero non valido «\(text)»")
                        }
                        number = canonical
                    case .date(let year, let month, let day):
                        guard let serial = SpreadsheetDates.serial1900(year: year, month: month, day: day), serial >= 61 else {
                            throw .cell(
                                sheet: sheet.name, reference: reference,
                                reason: "data non valida o fuori dall'intervallo dal 01/03/1900 al 31/12/9999 (\(year)-\(month)-\(day))")
                        }
                    case .empty, .boolean: break
                    }
                    rowNumbers.append(number)
                }
                sheetNumbers.append(rowNumbers)
            }
            numbers.append(sheetNumbers)
        }
        return numbers
    }
}
