import Foundation

/// Reads the typed cells of an Office Open XML workbook (`.xlsx`, `.xlsm`; transitional and
/// strict): the workbook part found through `_rels/.rels` (or `xl/workbook.xml`), its
/// relationships, shared strings, styles (to tell dates, times and percentages from numbers) and
/// worksheets. Chart sheets and other non-worksheet sheets are read as empty sheets.
package enum XLSXReader {
    /// Returns the workbook in `archive`. Throws ``WorkbookError/missingPart(_:)`` when the
    /// workbook part or a sheet's part is missing, ``WorkbookError/xml(part:_:)`` for unreadable
    /// XML, ``WorkbookError/invalidStructure(part:reason:)`` for content against the format,
    /// ``WorkbookError/cell(sheet:reference:reason:)`` for a cell that cannot be read (a bad
    /// number, boolean or date, a shared string index out of range, a duplicate cell, text over
    /// the cap), ``WorkbookError/archive(_:)`` for a damaged entry and the ``WorkbookLimits`` caps.
    package static func read(_ archive: ZIPArchive, limits: WorkbookLimits = .standard) throws(WorkbookError) -> Workbook {
        let workbookPath = try officeDocumentPath(archive)
        guard let workbookBytes = try part(archive, workbookPath) else { throw .missingPart(workbookPath) }
        let info = try workbookInfo(workbookBytes, part: workbookPath)
        guard info.sheets.count <= limits.maximumSheets else { throw .tooManySheets(limit: limits.maximumSheets) }
        let folder = directory(of: workbookPath)
        let relationships = try self.relationships(archive, of: workbookPath)

        func related(_ type: String, default name: String) -> String {
            relationships.values.first { $0.type.hasSuffix("/" + type) }.flatMap { resolve($0.target, from: folder) }
                ?? (folder.isEmpty ? name : folder + "/" + name)
        }
        let sharedStringsPath = related("sharedStrings", default: "sharedStrings.xml")
        let sharedStrings = try part(archive, sharedStringsPath).map { bytes throws(WorkbookError) in
            try self.sharedStrings(bytes, part: sharedStringsPath, limits: limits)
        }
        let stylesPath = related("styles", default: "styles.xml")
        let styles = try part(archive, stylesPath).map { bytes throws(WorkbookError) in try self.styles(bytes, part: stylesPath) } ?? (kinds: [], struck: [])

        var context = SheetContext(
            sharedStrings: sharedStrings ?? [], styles: styles.kinds, struckStyles: styles.struck, system: info.date1904 ? .excel1904 : .excel1900,
            limits: limits)
        var sheets: [Sheet] = []
        for sheet in info.sheets {
            guard let relationship = relationships[sheet.relationship] else {
                throw .invalidStructure(part: workbookPath, reason: "il foglio «\(sheet.name)» rimanda a una relazione inesistente")
            }
            guard relationship.type.hasSuffix("/worksheet") else {
                sheets.append(Sheet(name: sheet.name, rows: [], isHidden: sheet.isHidden))
                continue
            }
            guard let path = resolve(relationship.target, from: folder) else {
                throw .invalidStructure(part: workbookPath, reason: "percorso non valido «\(relationship.target)»")
            }
            var found = try part(archive, path)
            if found == nil, let decoded = path.removingPercentEncoding, decoded != path { found = try part(archive, decoded) }
            guard let bytes = found else { throw .missingPart(path) }
            let (rows, merged, hidden, hiddenColumns, struck) = try worksheet(bytes, part: path, sheet: sheet.name, context: &context)
            sheets.append(
                Sheet(
                    name: sheet.name, rows: rows, isHidden: sheet.isHidden, mergedRanges: merged, hiddenRows: hidden, hiddenColumns: hiddenColumns,
                    struckRows: struck))
        }
        return Workbook(kind: .xlsx, sheets: sheets)
    }

    // MARK: Parts and relationships

    /// A relationship of a part: its type URI and target.
    struct Relationship {
        /// The relationship type URI.
        let type: String
        /// The target path, relative to the source part's folder or absolute.
        let target: String
    }

    /// Returns the bytes of the entry `path`, or nil if the archive has none. Throws
    /// ``WorkbookError/archive(_:)`` if the entry is damaged.
    static func part(_ archive: ZIPArchive, _ path: String) throws(WorkbookError) -> [UInt8]? {
        do throws(ZIPError) {
            return try archive.contents(of: path)
        } catch {
            throw .archive(error)
        }
    }

    /// Parses the XML of `part`, passing its events to `handler`. Throws ``WorkbookError/xml(part:_:)``
    /// for unreadable XML, or what `handler` throws.
    static func parse(_ bytes: [UInt8], part: String, handler: (XMLEvent) throws(WorkbookError) -> Void) throws(WorkbookError) {
        try XMLReader.parse(bytes, failure: { WorkbookError.xml(part: part, $0) }, handler: handler)
    }

    /// Returns the folder of a part path ("" at the root).
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// Returns the archive path of relationship target `target` seen from folder `folder`:
    /// absolute targets (`/xl/…`) from the root, others relative, `.` and `..` resolved; nil if
    /// it leaves the archive or is external (a URL).
    static func resolve(_ target: String, from folder: String) -> String? {
        if target.contains("://") { return nil }
        var components: [Substring] = target.hasPrefix("/") ? [] : folder.split(separator: "/")
        for component in target.split(separator: "/") {
            switch component {
            case ".": continue
            case "..":
                guard !components.isEmpty else { return nil }
                components.removeLast()
            default: components.append(component)
            }
        }
        return components.isEmpty ? nil : components.joined(separator: "/")
    }

    /// Returns the path of the workbook part: the target of `_rels/.rels`' officeDocument
    /// relationship, or `xl/workbook.xml`. Throws for an unreadable `_rels/.rels`.
    static func officeDocumentPath(_ archive: ZIPArchive) throws(WorkbookError) -> String {
        let packageRelationships = try relationships(archive, of: "")
        if let office = packageRelationships.values.first(where: { $0.type.hasSuffix("/officeDocument") }), let path = resolve(office.target, from: ""),
            archive.contains(path)
        {
            return path
        }
        return "xl/workbook.xml"
    }

    /// Returns the relationships of the part `path` (from `folder/_rels/name.rels`; the package's
    /// own for ""), by id; none when there is no relationships part. Throws for unreadable XML.
    static func relationships(_ archive: ZIPArchive, of path: String) throws(WorkbookError) -> [String: Relationship] {
        let folder = directory(of: path)
        let name = path.isEmpty ? "" : String(path.split(separator: "/").last ?? "")
        let relationshipsPath = (folder.isEmpty ? "" : folder + "/") + "_rels/" + name + ".rels"
        guard let bytes = try part(archive, relationshipsPath) else { return [:] }
        var relationships: [String: Relationship] = [:]
        try parse(bytes, part: relationshipsPath) { event throws(WorkbookError) in
            guard case .start(let element, let attributes) = event, element.local == "Relationship" else { return }
            guard let id = attributes["Id"], let type = attributes["Type"], let target = attributes["Target"] else { return }
            if attributes["TargetMode"] == "External" { return }
            relationships[id] = Relationship(type: type, target: target)
        }
        return relationships
    }

    // MARK: Workbook, shared strings, styles

    /// A sheet as the workbook part lists it.
    struct SheetEntry {
        /// The sheet's name.
        let name: String
        /// The id of the relationship to its part.
        let relationship: String
        /// Whether the sheet is hidden (or very hidden).
        let isHidden: Bool
    }

    /// Returns the sheets listed by the workbook part and whether it uses the 1904 date system.
    /// Throws for unreadable XML or a sheet without name or relationship.
    static func workbookInfo(_ bytes: [UInt8], part: String) throws(WorkbookError) -> (sheets: [SheetEntry], date1904: Bool) {
        var sheets: [SheetEntry] = []
        var date1904 = false
        var inSheets = false
        try parse(bytes, part: part) { event throws(WorkbookError) in
            switch event {
            case .start(let element, let attributes):
                switch element.local {
                case "sheets": inSheets = true
                case "workbookPr":
                    // An XML boolean (xsd:boolean, with its white space): anything else would move every date by 4 years in silence.
                    switch (attributes["date1904"] ?? "false").trimmingCharacters(in: .whitespacesAndNewlines) {
                    case "1", "true": date1904 = true
                    case "0", "false": date1904 = false
                    case let other:
                        throw .invalidStructure(
                            part: part, reason: "date1904=«\(other.prefix(20))» non è un valore vero/falso: non si sa da quale anno contare le date")
                    }
                case "sheet" where inSheets:
                    let relationship = attributes.all.first { $0.name.local == "id" && $0.name.namespace.hasSuffix("relationships") }?.value
                    guard let name = attributes["name"], let relationship else {
                        throw .invalidStructure(part: part, reason: "un foglio non ha nome o relazione")
                    }
                    if sheets.count > 100_000 { throw .tooManySheets(limit: WorkbookLimits.standard.maximumSheets) }
                    sheets.append(SheetEntry(name: name, relationship: relationship, isHidden: ["hidden", "veryHidden"].contains(attributes["state"] ?? "")))
                default: break
                }
            case .end(let element) where element.local == "sheets": inSheets = false
            default: break
            }
        }
        return (sheets, date1904)
    }

    /// Returns the shared strings (`si` items: their `t` text or the `t` of their rich-text runs,
    /// phonetic `rPh` runs left out, `_xHHHH_` escapes decoded). Throws for unreadable XML, more
    /// than ``WorkbookLimits/maximumSharedStrings`` strings or one longer than
    /// ``WorkbookLimits/maximumTextBytes``.
    static func sharedStrings(_ bytes: [UInt8], part: String, limits: WorkbookLimits) throws(WorkbookError) -> [String] {
        var strings: [String] = []
        var current = ""
        var inItem = false
        var capturing = false
        var phoneticDepth = 0
        try parse(bytes, part: part) { event throws(WorkbookError) in
            switch event {
            case .start(let element, _):
                switch element.local {
                case "si":
                    inItem = true
                    current = ""
                case "rPh": phoneticDepth += 1
                case "t" where inItem && phoneticDepth == 0: capturing = true
                default: break
                }
            case .end(let element):
                switch element.local {
                case "si":
                    guard strings.count < limits.maximumSharedStrings else { throw .tooManySharedStrings(limit: limits.maximumSharedStrings) }
                    strings.append(decodeEscapes(current))
                    inItem = false
                case "rPh": phoneticDepth -= 1
                case "t": capturing = false
                default: break
                }
            case .text(let text):
                guard capturing else { return }
                current += text
                guard current.utf8.count <= limits.maximumTextBytes else {
                    throw .invalidStructure(part: part, reason: "il testo condiviso n. \(strings.count + 1) supera \(limits.maximumTextBytes) byte")
                }
            }
        }
        return strings
    }

    /// Returns the kind of number format of each cell format (`cellXfs/xf`, by index): custom
    /// `numFmts` first, built-in ids otherwise; and whether its font is struck through (`<strike/>`
    /// in its `fonts/font`). Throws for unreadable XML.
    static func styles(_ bytes: [UInt8], part: String) throws(WorkbookError) -> (kinds: [NumberFormatKind], struck: [Bool]) {
        var custom: [Int: NumberFormatKind] = [:]
        var kinds: [NumberFormatKind] = []
        var fontStruck: [Bool] = []
        var fontIDs: [Int] = []
        var (inCellFormats, inFonts, inFont) = (false, false, false)
        try parse(bytes, part: part) { event throws(WorkbookError) in
            switch event {
            case .start(let element, let attributes):
                switch element.local {
                case "numFmt":
                    if let id = attributes["numFmtId"].flatMap({ Int($0) }), let code = attributes["formatCode"] {
                        custom[id] = NumberFormatKind.classify(code)
                    }
                case "fonts": inFonts = true
                case "font" where inFonts:
                    inFont = true
                    fontStruck.append(false)
                case "strike" where inFont:
                    // `<strike/>` is on; `<strike val="0"/>` off.
                    fontStruck[fontStruck.count - 1] = !["0", "false"].contains(attributes["val"] ?? "1")
                case "cellXfs": inCellFormats = true
                case "xf" where inCellFormats:
                    let id = attributes["numFmtId"].flatMap { Int($0) } ?? 0
                    kinds.append(custom[id] ?? NumberFormatKind.builtIn(id))
                    fontIDs.append(attributes["fontId"].flatMap { Int($0) } ?? 0)
                default: break
                }
            case .end(let element):
                switch element.local {
                case "cellXfs": inCellFormats = false
                case "fonts": inFonts = false
                case "font": inFont = false
                default: break
                }
            default: break
            }
        }
        return (kinds, fontIDs.map { fontStruck.indices.contains($0) && fontStruck[$0] })
    }

    /// Returns `text` with the `_xHHHH_` escapes of OOXML strings (ST_Xstring) decoded: Excel
    /// writes control characters so, and `_x005F_` for a literal underscore before `x`. Escapes
    /// of surrogates or non-characters are left as written.
    static func decodeEscapes(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        let bytes = Array(text.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "_"), bytes.count - index >= 7, bytes[index + 1] == UInt8(ascii: "x"), bytes[index + 6] == UInt8(ascii: "_"),
                let value = UInt32(String(decoding: bytes[(index + 2)..<(index + 6)], as: UTF8.self), radix: 16),
                bytes[(index + 2)..<(index + 6)].allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 | 0x20 >= 97 && $0 | 0x20 <= 102) }),
                let scalar = Unicode.Scalar(value)
            {
                result += Array(String(Character(scalar)).utf8)
                index += 7
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    // MARK: Worksheets

    /// What the worksheets of one workbook share: strings, formats, date system, caps, the cell count.
    struct SheetContext {
        /// The shared strings.
        let sharedStrings: [String]
        /// The number format kind of each cell format.
        let styles: [NumberFormatKind]
        /// Whether each cell format's font is struck through.
        var struckStyles: [Bool] = []
        /// The date system.
        let system: SpreadsheetDates.System
        /// The caps.
        let limits: WorkbookLimits
        /// How many non-empty cells the sheets read so far have.
        var cellCount = 0
    }

    /// A cell being read: position, attributes and the text of its `v`, `f` and `is` children.
    struct PendingCell {
        /// The row number.
        let row: Int
        /// The column number.
        let column: Int
        /// The `t` attribute ("n" when absent).
        let type: String
        /// The `s` attribute (0 when absent).
        let style: Int
        /// The text of `v`, if any.
        var value: String?
        /// The text of `f`, if any.
        var formula: String?
        /// The `si` of a shared formula's `f`, if any (its text is on the first cell of the group).
        var sharedFormula: String?
        /// The text of `is`, if any.
        var inline: String?
    }

    /// What the text of the current element is.
    enum Capture {
        /// Text is not kept.
        case none
        /// The text of `v`.
        case value
        /// The text of `f`.
        case formula
        /// The text of a `t` inside `is`.
        case inline
    }

    /// Returns the non-empty rows of the worksheet part `part` of sheet `sheet`, its merged cells,
    /// which of its non-empty rows are hidden (`<row hidden="1">`, by hand or by a filter) and which
    /// columns (`<col min max hidden="1">`). Throws for
    /// unreadable XML, bad row or cell references, cells that cannot be read, duplicate cells,
    /// and the caps on cells and text.
    static func worksheet(
        _ bytes: [UInt8], part: String, sheet: String, context: inout SheetContext
    ) throws(WorkbookError) -> (rows: [Row], merged: [MergedRange], hidden: [Int], hiddenColumns: [ClosedRange<Int>], struck: [Int]) {
        var cells: [Cell] = []
        var hiddenRows: [Int] = []
        // The rows with a value, and with one not struck through (rows may come in any order).
        var rowsWithValues = Set<Int>()
        var rowsNotStruck = Set<Int>()
        // Only when a cell format strikes through (most workbooks have none).
        let tracksStrike = context.struckStyles.contains(true)
        var hiddenColumns: [ClosedRange<Int>] = []
        var merged: [MergedRange] = []
        var inSheetData = false
        var rowNumber = 0
        var inRow = false
        var column = 0
        var pending: PendingCell?
        // The text of each shared formula (`si`), from its first cell.
        var sharedFormulas: [String: String] = [:]
        var capture = Capture.none
        var inInline = false
        var phoneticDepth = 0
        var count = context.cellCount
        let limits = context.limits
        let shared = context
        try parse(bytes, part: part) { event throws(WorkbookError) in
            switch event {
            case .start(let element, let attributes):
                switch element.local {
                case "sheetData": inSheetData = true
                case "row" where inSheetData:
                    if let text = attributes["r"] {
                        guard let number = Int(text), (1...CellReference.maximumRow).contains(number) else {
                            throw .invalidStructure(part: part, reason: "numero di riga non valido «\(text)»")
                        }
                        rowNumber = number
                    } else {
                        rowNumber += 1
                        guard rowNumber <= CellReference.maximumRow else { throw .invalidStructure(part: part, reason: "troppe righe") }
                    }
                    inRow = true
                    column = 0
                    // Hidden, or made zero high (a trial of office habits: the same to the eye).
                    let hidden = attributes["hidden"].map { $0 == "1" || $0 == "true" } ?? false
                    // (Under a point high: `0`, `0.25`, nothing to see.)
                    let flat = attributes["ht"].flatMap(DecimalText.canonical).map { $0 == "0" || $0.hasPrefix("0.") } ?? false
                    if hidden || flat, hiddenRows.last != rowNumber { hiddenRows.append(rowNumber) }
                case "c" where inRow:
                    var row = rowNumber
                    if let reference = attributes["r"] {
                        guard let position = CellReference.parse(reference) else {
                            throw .invalidStructure(part: part, reason: "riferimento di cella non valido «\(reference)»")
                        }
                        (row, column) = position
                    } else {
                        column += 1
                        guard column <= CellReference.maximumColumn else { throw .invalidStructure(part: part, reason: "troppe colonne nella riga \(row)") }
                    }
                    pending = PendingCell(row: row, column: column, type: attributes["t"] ?? "n", style: attributes["s"].flatMap { Int($0) } ?? 0)
                case "v" where pending != nil:
                    capture = .value
                    // A text formula's result can be empty (`<v></v>`): a value, not a missing one.
                    if pending?.type == "str" && pending?.value == nil { pending?.value = "" }
                case "col" where !inSheetData:
                    // A hidden column (a range `min`...`max`); one past the sheet's columns is cut to them.
                    let hidden = attributes["hidden"].map { $0 == "1" || $0 == "true" } ?? false
                    let narrow = attributes["width"].flatMap(DecimalText.canonical).map { $0 == "0" || $0.hasPrefix("0.") } ?? false
                    if hidden || narrow, let low = attributes["min"].flatMap({ Int($0) }),
                        let high = attributes["max"].flatMap({ Int($0) }), 1 <= low, low <= high, low <= CellReference.maximumColumn,
                        hiddenColumns.count < 10_000
                    {
                        hiddenColumns.append(low...min(high, CellReference.maximumColumn))
                    }
                case "mergeCell":
                    let parts = (attributes["ref"] ?? "").split(separator: ":").map { CellReference.parse(String($0)) }
                    if parts.count == 2, let first = parts[0], let last = parts[1], merged.count < 100_000 {
                        merged.append(
                            MergedRange(
                                firstRow: min(first.row, last.row), firstColumn: min(first.column, last.column), lastRow: max(first.row, last.row),
                                lastColumn: max(first.column, last.column)))
                    }
                case "f" where pending != nil:
                    capture = .formula
                    // A cell of a shared formula has an empty `<f t="shared" si="0"/>`: a formula all the same.
                    if pending?.formula == nil { pending?.formula = "" }
                    if attributes["t"] == "shared" { pending?.sharedFormula = attributes["si"] }
                case "is" where pending != nil: inInline = true
                case "rPh" where inInline: phoneticDepth += 1
                case "t" where inInline && phoneticDepth == 0: capture = .inline
                default: break
                }
            case .text(let text):
                guard let cell = pending else { return }
                let length: Int
                switch capture {
                case .none: return
                case .value:
                    pending?.value = (cell.value ?? "") + text
                    length = pending?.value?.utf8.count ?? 0
                case .formula:
                    pending?.formula = (cell.formula ?? "") + text
                    length = pending?.formula?.utf8.count ?? 0
                case .inline:
                    pending?.inline = (cell.inline ?? "") + text
                    length = pending?.inline?.utf8.count ?? 0
                }
                guard length <= limits.maximumTextBytes else {
                    throw .cell(
                        sheet: sheet, reference: CellReference.a1(row: cell.row, column: cell.column), reason: "testo oltre \(limits.maximumTextBytes) byte")
                }
            case .end(let element):
                switch element.local {
                case "sheetData": inSheetData = false
                case "row": inRow = false
                case "v", "f", "t": capture = .none
                case "rPh" where inInline: phoneticDepth -= 1
                case "is": inInline = false
                case "c":
                    guard var cell = pending else { return }
                    pending = nil
                    capture = .none
                    // A shared formula's text, written on the group's first cell, for the others
                    // when it uses today (a date column filled down with `=TODAY()`); other texts
                    // stay unknown: their references are the first cell's.
                    if let index = cell.sharedFormula, let formula = cell.formula {
                        if formula.isEmpty {
                            if let text = sharedFormulas[index], CellValue.usesToday(text) { cell.formula = text }
                        } else if sharedFormulas.count < 10_000 {
                            sharedFormulas[index] = formula
                        }
                    }
                    let value: CellValue
                    switch cellValue(cell, shared) {
                    case .success(let result): value = result
                    case .failure(let reason):
                        throw .cell(sheet: sheet, reference: CellReference.a1(row: cell.row, column: cell.column), reason: reason.text)
                    }
                    if value == .empty { return }
                    guard count < limits.maximumCells else { throw .tooManyCells(limit: limits.maximumCells) }
                    count += 1
                    cells.append(Cell(row: cell.row, column: cell.column, value: value))
                    if tracksStrike {
                        rowsWithValues.insert(cell.row)
                        if !(context.struckStyles.indices.contains(cell.style) && context.struckStyles[cell.style]) { rowsNotStruck.insert(cell.row) }
                    }
                default: break
                }
            }
        }
        context.cellCount = count
        let rows = try group(cells, sheet: sheet)
        // Only the hidden rows that hold something, in order (rows may come in any order).
        let nonEmpty = Set(rows.map(\.index))
        return (rows, merged, Set(hiddenRows).filter { nonEmpty.contains($0) }.sorted(), hiddenColumns, rowsWithValues.subtracting(rowsNotStruck).sorted())
    }

    /// Returns the cells grouped in rows, both sorted. Throws ``WorkbookError/cell(sheet:reference:reason:)``
    /// for a cell written twice.
    static func group(_ cells: [Cell], sheet: String) throws(WorkbookError) -> [Row] {
        var cells = cells
        if zip(cells, cells.dropFirst()).contains(where: { ($0.row, $0.column) >= ($1.row, $1.column) }) {
            cells.sort { ($0.row, $0.column) < ($1.row, $1.column) }
            for (previous, next) in zip(cells, cells.dropFirst()) where previous.row == next.row && previous.column == next.column {
                throw .cell(sheet: sheet, reference: next.reference, reason: "la cella compare due volte")
            }
        }
        var rows: [Row] = []
        var start = 0
        while start < cells.count {
            var end = start + 1
            while end < cells.count && cells[end].row == cells[start].row { end += 1 }
            rows.append(Row(index: cells[start].row, cells: Array(cells[start..<end])))
            start = end
        }
        return rows
    }

    /// A reason why a cell cannot be read, in Italian.
    struct Reason: Error {
        /// The reason.
        let text: String
    }

    /// Returns the typed value of a cell, or the reason it cannot be read.
    static func cellValue(_ cell: PendingCell, _ context: SheetContext) -> Result<CellValue, Reason> {
        if let formula = cell.formula, CellValue.usesToday(formula) { return .success(.todayFormula(formula: formula)) }
        guard let raw = cell.value else {
            if cell.type == "inlineStr", let inline = cell.inline { return .success(inline.isEmpty ? .empty : .text(decodeEscapes(inline))) }
            // A formula without its value (an empty text: a cell of a shared formula, written in another cell).
            if let formula = cell.formula { return .success(.formulaWithoutValue(formula: formula)) }
            return .success(.empty)
        }
        switch cell.type {
        case "s":
            guard let index = Int(raw.trimmingASCIIWhitespace), context.sharedStrings.indices.contains(index) else {
                return .failure(Reason(text: "indice di testo condiviso non valido «\(raw)»"))
            }
            let text = context.sharedStrings[index]
            return .success(text.isEmpty ? .empty : .text(text))
        case "str", "inlineStr":
            let text = cell.type == "inlineStr" ? (cell.inline ?? raw) : raw
            return .success(text.isEmpty ? .empty : .text(decodeEscapes(text)))
        case "b":
            switch raw.trimmingASCIIWhitespace {
            case "1", "true": return .success(.boolean(true))
            case "0", "false": return .success(.boolean(false))
            default: return .failure(Reason(text: "valore logico non valido «\(raw)»"))
            }
        case "e": return .success(.error(raw))
        case "d":
            guard let value = SpreadsheetDates.isoValue(raw.trimmingASCIIWhitespace) else { return .failure(Reason(text: "data non valida «\(raw)»")) }
            return .success(value)
        case "n":
            if raw.isEmpty { return .success(.empty) }
            guard let number = DecimalText.canonical(raw) else { return .failure(Reason(text: "numero non valido «\(raw)»")) }
            let kind = context.styles.indices.contains(cell.style) ? context.styles[cell.style] : .number
            switch kind {
            case .number: return .success(.number(number))
            case .percentage: return .success(.percentage(number))
            case .date: return .success(SpreadsheetDates.value(serial: number, system: context.system))
            case .time: return .success(.time(seconds: DecimalText.multiply(number, by: 86_400)))
            }
        default: return .failure(Reason(text: "tipo di cella sconosciuto «\(cell.type)»"))
        }
    }
}
