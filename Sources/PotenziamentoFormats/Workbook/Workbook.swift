import Foundation

/// The kind of a workbook file.
package enum WorkbookKind: String, Sendable, Equatable {
    /// Office Open XML (Excel 2007 and later, `.xlsx`, also `.xlsm`).
    case xlsx
    /// OpenDocument spreadsheet (LibreOffice Calc, `.ods`).
    case ods
}

/// The typed value of a cell, as stored in the file: numbers stay exact decimal text, never
/// binary floating point.
package enum CellValue: Hashable, Sendable {
    /// No value (a cell that is absent or only formatted).
    case empty
    /// Text (never empty: an empty text is ``empty``).
    case text(String)
    /// A number as canonical plain decimal text: optional `-`, no exponent, no leading zeros
    /// before the integer digit, no trailing zeros after the point, e.g. `0.045000000000000001`,
    /// `83.333333333333343`, `1234`. Exactly the stored value, not rounded (see ``DecimalText``).
    case number(String)
    /// A number formatted as a percentage, as stored: the fraction (`0.5` for 50 %), as canonical
    /// decimal text.
    case percentage(String)
    /// A logical value.
    case boolean(Bool)
    /// A date without time of day (a date cell whose time is midnight).
    case date(year: Int, month: Int, day: Int)
    /// A date with a time of day that is not midnight: `seconds` since midnight as canonical
    /// decimal text, exact (an `.xlsx` serial's fraction × 86.400, e.g. `43200` for noon; it can
    /// have decimals, e.g. `44999.99999999997`).
    case dateTime(year: Int, month: Int, day: Int, seconds: String)
    /// A time or duration without a date (time formats in `.xlsx`, `time` cells in `.ods`), in
    /// seconds as canonical decimal text; can exceed a day or be negative (elapsed times).
    case time(seconds: String)
    /// A number formatted as a date that is no real date: the serial as canonical decimal text.
    /// Serial 60 of the 1900 date system (Excel's fictitious 29 February 1900), serial 0 of that
    /// system (Excel's "0 January 1900"), negative serials and dates past the year 9999.
    case invalidDate(serial: String)
    /// An error value such as `#DIV/0!` or `#N/A`.
    case error(String)
    /// A formula whose result was never computed and saved (the file has no cached value); the
    /// formula's text is empty for a cell of an `.xlsx` shared formula (its text is in another cell).
    case formulaWithoutValue(formula: String)
    /// A formula that computes the current day (`TODAY()`, `NOW()`, `OGGI()` as Excel and
    /// LibreOffice store it): its saved value is the day the file was last saved, and changes
    /// with each saving, so it is not kept as a value.
    case todayFormula(formula: String)
}

extension CellValue {
    /// Whether `formula` uses the current day (`TODAY()` or `NOW()`: both programs store these
    /// English names whatever their language; `of:=TODAY()` in OpenDocument).
    package static func usesToday(_ formula: String) -> Bool {
        let upper = formula.uppercased()
        return ["TODAY(", "NOW("].contains { name in
            var rest = upper[...]
            while let range = rest.range(of: name) {
                // The whole name: not the end of another function's (`XTODAY(`).
                let before = rest[..<range.lowerBound].last ?? "="
                if !(before.isLetter || before.isNumber || before == "_" || before == ".") { return true }
                rest = rest[range.upperBound...]
            }
            return false
        }
    }
}

/// A cell with a value, and its position.
package struct Cell: Hashable, Sendable {
    /// The row number, from 1.
    package let row: Int
    /// The column number, from 1 (A = 1).
    package let column: Int
    /// The cell's value.
    package let value: CellValue

    /// Returns the cell at `row`, `column` holding `value`.
    package init(row: Int, column: Int, value: CellValue) {
        self.row = row
        self.column = column
        self.value = value
    }

    /// The A1-style reference, e.g. `K7`.
    package var reference: String { CellReference.a1(row: row, column: column) }
}

/// One row: its number and its non-empty cells in column order.
package struct Row: Hashable, Sendable {
    /// The row number, from 1.
    package let index: Int
    /// The cells with a value, by increasing column (empty cells are left out).
    package let cells: [Cell]

    /// Returns the row `index` with `cells` (which must be sorted by column).
    package init(index: Int, cells: [Cell]) {
        self.index = index
        self.cells = cells
    }

    /// Returns the cell in `column`, or nil if it is empty.
    package func cell(column: Int) -> Cell? {
        var low = 0
        var high = cells.count
        while low < high {
            let middle = (low + high) / 2
            if cells[middle].column < column { low = middle + 1 } else { high = middle }
        }
        return low < cells.count && cells[low].column == column ? cells[low] : nil
    }
}

/// A block of merged cells: its value is in the top-left cell, the others show it but hold nothing.
package struct MergedRange: Hashable, Sendable {
    /// The first (top) row, from 1.
    package let firstRow: Int
    /// The first (left) column, from 1.
    package let firstColumn: Int
    /// The last row (inclusive).
    package let lastRow: Int
    /// The last column (inclusive).
    package let lastColumn: Int

    /// Returns the range from `firstRow`, `firstColumn` to `lastRow`, `lastColumn` (inclusive).
    package init(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
        self.firstRow = firstRow
        self.firstColumn = firstColumn
        self.lastRow = lastRow
        self.lastColumn = lastColumn
    }

    /// The A1 reference of the top-left cell, which holds the value.
    package var origin: String { CellReference.a1(row: firstRow, column: firstColumn) }
}

/// A sheet: name and rows, stored sparsely (only rows that have a non-empty cell, in order).
package struct Sheet: Hashable, Sendable {
    /// The sheet's name as shown on its tab.
    package let name: String
    /// The rows with at least one non-empty cell, by increasing row number.
    package let rows: [Row]
    /// Whether the sheet is hidden.
    package let isHidden: Bool
    /// The blocks of merged cells (`<mergeCell>` in `.xlsx`, spanned cells in `.ods`).
    package let mergedRanges: [MergedRange]
    /// The numbers of the rows of ``rows`` that are hidden or filtered out (`hidden="1"` in
    /// `.xlsx`, `table:visibility` `collapse` or `filter` in `.ods`), increasing: a person does not
    /// see them on the screen, the program reads them.
    package let hiddenRows: [Int]
    /// The columns (numbered from 1) that are hidden (`<col hidden="1">` in `.xlsx`,
    /// `table:visibility` on a `table:table-column` in `.ods`), as ranges: a person does not see
    /// their values, the program reads them.
    package let hiddenColumns: [ClosedRange<Int>]
    /// The numbers of the rows of ``rows`` whose every value is struck through (how an office
    /// marks a person who left), increasing: the program reads them as any other.
    package let struckRows: [Int]

    /// Returns the sheet `name` with `rows` (which must be sorted by row number), its merged cells
    /// and which of its rows and columns are hidden, and which rows struck through.
    package init(
        name: String, rows: [Row], isHidden: Bool = false, mergedRanges: [MergedRange] = [], hiddenRows: [Int] = [],
        hiddenColumns: [ClosedRange<Int>] = [], struckRows: [Int] = []
    ) {
        self.name = name
        self.rows = rows
        self.isHidden = isHidden
        self.mergedRanges = mergedRanges
        self.hiddenRows = hiddenRows
        self.hiddenColumns = hiddenColumns
        self.struckRows = struckRows
    }

    /// Whether the column numbered `column` (from 1) is hidden.
    package func isColumnHidden(_ column: Int) -> Bool { hiddenColumns.contains { $0.contains(column) } }

    /// Returns the row numbered `index`, or nil if it has no non-empty cell.
    package func row(_ index: Int) -> Row? {
        var low = 0
        var high = rows.count
        while low < high {
            let middle = (low + high) / 2
            if rows[middle].index < index { low = middle + 1 } else { high = middle }
        }
        return low < rows.count && rows[low].index == index ? rows[low] : nil
    }

    /// Returns the value at `row`, `column` (``CellValue/empty`` for an empty cell).
    package func value(row: Int, column: Int) -> CellValue {
        self.row(row)?.cell(column: column)?.value ?? .empty
    }

    /// Returns the largest column number with a value (0 for an empty sheet).
    package var columnCount: Int { rows.reduce(0) { max($0, $1.cells.last?.column ?? 0) } }

    /// Returns the cell's reference qualified by this sheet, as spreadsheets write it:
    /// `personale!K7`, or `'Foglio 1'!K7` when the name needs quoting.
    package func reference(of cell: Cell) -> String { CellReference.qualified(sheet: name, row: cell.row, column: cell.column) }
}

/// A workbook read from a file: its kind and its sheets in tab order.
package struct Workbook: Hashable, Sendable {
    /// The file's kind.
    package let kind: WorkbookKind
    /// The sheets in tab order.
    package let sheets: [Sheet]

    /// Returns a workbook of `kind` with `sheets`.
    package init(kind: WorkbookKind, sheets: [Sheet]) {
        self.kind = kind
        self.sheets = sheets
    }

    /// The sheet names in tab order.
    package var sheetNames: [String] { sheets.map(\.name) }

    /// Returns the sheet named `name`: exactly, or else the only one equal ignoring case (as the
    /// spreadsheets compare names). Throws ``WorkbookError/sheetNotFound(_:available:)`` if none.
    package func sheet(named name: String) throws(WorkbookError) -> Sheet {
        if let sheet = sheets.first(where: { $0.name == name }) { return sheet }
        let folded = sheets.filter { $0.name.lowercased() == name.lowercased() }
        if folded.count == 1 { return folded[0] }
        throw .sheetNotFound(name, available: sheetNames)
    }
}

/// A1-style references: column letters, parsing, sheet-qualified references.
package enum CellReference {
    /// The largest row number of both formats: 1.048.576.
    package static let maximumRow = 1_048_576
    /// The largest column number of both formats: 16.384 (XFD).
    package static let maximumColumn = 16_384

    /// Returns the letters of column `column` (1 → A, 27 → AA); "" for a column below 1.
    package static func columnLetters(_ column: Int) -> String {
        var column = column
        var letters: [UInt8] = []
        while column > 0 {
            column -= 1
            letters.append(UInt8(65 + column % 26))
            column /= 26
        }
        return String(decoding: letters.reversed(), as: UTF8.self)
    }

    /// Returns the A1 reference of `row`, `column`, e.g. `K7`.
    package static func a1(row: Int, column: Int) -> String { columnLetters(column) + String(row) }

    /// Returns the row and column of an A1 reference (letters then digits, `$` allowed, letters
    /// in either case), or nil if it is malformed or beyond XFD1048576.
    package static func parse(_ text: String) -> (row: Int, column: Int)? {
        var column = 0
        var row = 0
        var letters = 0
        var digits = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "$"): continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                guard digits == 0, letters < 3 else { return nil }
                column = column * 26 + Int(byte & 0xDF) - 64
                letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard letters > 0, digits < 7 else { return nil }
                row = row * 10 + Int(byte) - 48
                digits += 1
            default: return nil
            }
        }
        guard (1...maximumRow).contains(row), (1...maximumColumn).contains(column) else { return nil }
        return (row, column)
    }

    /// Returns the reference of `row`, `column` in `sheet`: `sheet!K7`, with the name between
    /// apostrophes (doubled inside) unless it is only letters, digits and underscores.
    package static func qualified(sheet: String, row: Int, column: Int) -> String {
        quotedSheetName(sheet) + "!" + a1(row: row, column: column)
    }

    /// Returns the sheet name as formulas write it: as is when made only of letters, digits and
    /// underscores (not starting with a digit), otherwise between apostrophes, apostrophes doubled.
    package static func quotedSheetName(_ sheet: String) -> String {
        let plain =
            !sheet.isEmpty && sheet.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" }
            && !(sheet.unicodeScalars.first.map { ("0"..."9").contains($0) } ?? false)
        return plain ? sheet : "'" + sheet.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
