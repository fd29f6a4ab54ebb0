import PotenziamentoFormats

/// A CSV file read as a ``CellTable`` (docs/formati.md, «Input: one ATS as CSV»): separator `;` or
/// `,` detected from the header line, quotes, BOM, CRLF. Blank lines are skipped; the templates'
/// example rows (`# ESEMPIO …` in the first cell) are skipped with a warning; any other row
/// beginning with `#` is an error (a person or a comune must never vanish silently); a row with
/// more cells than the header is an error, except empty trailing cells of a `;` file (what
/// spreadsheets write), with the decimal-comma hint when the file is comma-separated.
struct CSVTable: CellTable {
    let file: String
    let header: TableHeader
    private let grid: CSVGrid
    private let rows: [CSVGrid.Row]
    private let headerLine: Int

    /// The table in the UTF-8 `bytes` of `file`; nil after recording why it cannot be used.
    init?(utf8 bytes: consuming [UInt8], file: String, required: [String], optional: [String], oneOf: [[String]] = [], diagnostics: inout Diagnostics) {
        self.file = file
        // The end-of-file mark of old DOS programs (Ctrl-Z, 0x1A) after the last line is not a
        // row (an officer's trial: «la riga ha 1 campo»); anywhere else it is read as it is.
        while bytes.last == 0x1A { bytes.removeLast() }
        let separator = Self.separator(of: bytes, known: Set(required + optional))
        let grid: CSVGrid
        switch CSVParser.grid(consume bytes, separator: separator) {
        case .success(let parsed): grid = parsed
        case .failure(let error):
            diagnostics.error(.sintassiCSV, SourcePlace(file: file, position: .line(error.line, column: nil)), error.message)
            return nil
        }
        guard let headerRow = grid.rows.first else {
            diagnostics.error(.nessunDato, SourcePlace(file: file), "il file non ha la riga di intestazione")
            return nil
        }
        let names = (0..<headerRow.count).map { grid.string(headerRow, $0) }
        // A file separated by tabs (a copy from a sheet pasted into a text file, «testo delimitato
        // da tabulazione»): one header cell whose pieces between tabs are known columns.
        // Or by `|` (an export of a personnel system, a trial).
        for (other, name) in [("\t", "tabulazioni"), ("|", "«|»")]
        where names.count == 1 && names[0].contains(other)
            && names[0].split(separator: other).contains(where: { (required + optional).contains(String($0).trimmingSpaces.lowercased()) })
        {
            diagnostics.error(
                .sintassiCSV, SourcePlace(file: file, position: .line(headerRow.line, column: nil)),
                "il file è separato da \(name): il separatore dei CSV è «;» o «,»; salvalo dal foglio di calcolo come «CSV (delimitato da separatore di elenco)» o «Testo CSV» con «;»\(other == "|" ? " (o sostituisci ogni «|» con «;» in un editor di testo, se nessun valore contiene «;»)" : "")"
            )
            return nil
        }
        let next = grid.rows.dropFirst().first.map { row in (0..<row.count).map { grid.string(row, $0) } }
        if TableHeader.isTitle(names, above: next, required: required, optional: optional), let nextRow = grid.rows.dropFirst().first {
            let (code, message) = TableHeader.titleError(names, line: String(headerRow.line), headerLine: String(nextRow.line))
            diagnostics.error(code, SourcePlace(file: file, position: .line(headerRow.line, column: nil)), message)
            return nil
        }
        guard
            let header = TableHeader(
                names: names, required: required, optional: optional, oneOf: oneOf,
                place: { index in
                    // An empty header cell has no name to show: the message says its number.
                    SourcePlace(file: file, position: .line(headerRow.line, column: index.map { names[$0].trimmingSpaces }.flatMap { $0.isEmpty ? nil : $0 }))
                },
                diagnostics: &diagnostics)
        else { return nil }
        let width = header.count
        let rows = grid.bytes.withUnsafeBufferPointer { buffer in
            Self.dataRows(
                grid, buffer, file: file, width: width, paddedWidth: headerRow.count, separator: separator, note: header.index(of: "note"),
                headerNames: names, diagnostics: &diagnostics)
        }
        self.header = header
        self.grid = grid
        self.rows = rows
        self.headerLine = headerRow.line
    }

    /// The separator of the table: the first line's (``CSVParser/detectSeparator(_:)``), unless
    /// that line names no known column while one of the next four does with a separator (a title
    /// typed above the header, `Personale, ATS 2025`, whose comma would make the whole header one
    /// column): the header's separator, so the title is said to be one.
    static func separator(of bytes: [UInt8], known: Set<String>) -> UInt8 {
        let first = CSVParser.detectSeparator(bytes)
        // The lines that are not empty among the first five of the first 64 KB, found one at a
        // time: a header that names a known column (the usual case) is the only one looked at.
        let limit = min(bytes.count, 65_536)
        var start = 0
        var seen = 0
        func nextLine() -> ArraySlice<UInt8>? {
            while seen < 5 && start < limit {
                let end = bytes[start..<limit].firstIndex(of: 0x0A) ?? limit
                defer { start = end + 1 }
                if end > start {
                    seen += 1
                    return bytes[start..<end]
                }
            }
            return nil
        }
        // Whether a cell of `line` split at `separator` is a known column's name (cells looked at
        // until one is).
        func namesKnown(_ line: ArraySlice<UInt8>, _ separator: UInt8) -> Bool {
            var cellStart = line.startIndex
            while cellStart <= line.endIndex {
                let cellEnd = line[cellStart...].firstIndex(of: separator) ?? line.endIndex
                defer { cellStart = cellEnd + 1 }
                // An empty cell names nothing (as the pieces of a split, which leaves them out).
                guard cellEnd > cellStart else { continue }
                // Spaces and tabs trimmed, then quotes and carriage returns, on the bytes (a
                // Foundation character set made per cell cost 19.000 instructions a file).
                var cell = line[cellStart..<cellEnd]
                cell = Self.trimmed(cell) { $0 == 0x20 || $0 == 0x09 }
                cell = Self.trimmed(cell) { $0 == UInt8(ascii: "\"") || $0 == 0x0D }
                if known.contains(String(decoding: cell, as: UTF8.self).lowercased()) { return true }
            }
            return false
        }
        guard let firstLine = nextLine(), !namesKnown(firstLine, first) else { return first }
        while let line = nextLine() {
            for candidate in [UInt8(ascii: ";"), UInt8(ascii: ",")] where namesKnown(line, candidate) { return candidate }
        }
        return first
    }

    /// `bytes` without the bytes that are `trimmed` at either end.
    private static func trimmed(_ bytes: ArraySlice<UInt8>, _ trimmed: (UInt8) -> Bool) -> ArraySlice<UInt8> {
        guard let first = bytes.firstIndex(where: { !trimmed($0) }), let last = bytes.lastIndex(where: { !trimmed($0) }) else { return [] }
        return bytes[first...last]
    }

    /// The records of `grid` after the header that are data rows (`buffer`: the grid's bytes),
    /// after recording the example rows, the commented rows and the rows of another width.
    ///
    /// A row has `width` fields, as many as the header's columns. With `;` it may have more when
    /// those are empty and come from a spreadsheet's padding: as many as the header line's own
    /// fields (`paddedWidth`: LibreOffice pads every line to the widest), or as many as the line
    /// before or after it (Excel pads lines in blocks, not always the header). Any other count is
    /// an error, blank fields at the end included: a `;` typed in the middle of a line moves the
    /// values after it one column to the right, and the last field, often empty, would hide it.
    /// (A `;` typed into one line of a block padded by one cannot be told from the padding.)
    /// The header line's width counts as padding only when no row has the header's columns
    /// alone: a file with rows of both widths was not padded by LibreOffice (a trial of HR
    /// exports: a header ending in `;` let a `;` typed twice move 30 % into the hours).
    ///
    /// A quoted cell that goes on over lines holding separators like a row's is an error at its
    /// record (a quote not closed in a free-text note swallowed the persons after it, with no
    /// word); in a comma-separated file, a `note` of digits right after a cell of digits is a
    /// warning (`83,33` without quotes: 83 % and a note «33»).
    private static func dataRows(
        _ grid: CSVGrid, _ buffer: UnsafeBufferPointer<UInt8>, file: String, width: Int, paddedWidth: Int, separator: UInt8, note: Int?,
        headerNames: [String], diagnostics: inout Diagnostics
    ) -> [CSVGrid.Row] {
        var rows: [CSVGrid.Row] = []
        rows.reserveCapacity(grid.rows.count - 1)
        let records = grid.rows
        let mark = String(UnicodeScalar(separator))
        // The records holding a quote that swallowed rows, by position (few: found by their lines).
        var swallowing: [Int: CSVGrid.QuoteOverLines] = [:]
        // A line of a row has as many separators as the header (a note of prose with commas has fewer: a review).
        for quote in grid.quotesOverLines where quote.separatorsOnALine >= max(1, width - 1) {
            // The last record starting at or before the quote's first line.
            var (low, high) = (0, records.count)
            while low < high {
                let middle = (low + high) / 2
                if records[middle].line <= quote.openingLine { low = middle + 1 } else { high = middle }
            }
            if low > 0, swallowing[low - 1] == nil { swallowing[low - 1] = quote }
        }
        let headerPadding = paddedWidth > width && !records.dropFirst().contains { $0.count == width }
        let firstHeaderLength = headerNames.first.map { TableHeader.trimmedName($0).utf8.count } ?? 0
        for position in records.indices.dropFirst() {
            let record = records[position]
            // Made only for a message.
            var place: SourcePlace { SourcePlace(file: file, position: .line(record.line, column: nil)) }
            if let quote = swallowing[position] {
                diagnostics.error(
                    .sintassiCSV, SourcePlace(file: file, position: .line(quote.openingLine, column: nil)),
                    "le virgolette aperte alla riga \(quote.openingLine) si chiudono alla riga \(quote.closingLine): il testo tra virgolette va a capo e contiene righe con «\(mark)» come quelle del file, che così non sono lette come righe; chiudi le virgolette dove finisce il testo (o toglile)"
                )
                continue
            }
            let first = grid.trimmedCell(record, 0, in: buffer)
            if first.first == UInt8(ascii: "#") {
                if Self.isExampleRow(first) {
                    diagnostics.warning(.rigaDiEsempio, place, Self.exampleRowMessage)
                } else {
                    diagnostics.error(
                        .rigaCommentata, place,
                        "la riga inizia con «#»: si saltano solo le righe di esempio dei modelli («# ESEMPIO»); se è un dato togli il #, se non va considerata cancellala"
                    )
                }
                continue
            }
            // The header again (two exports joined): one error, not one per column (a trial).
            if Self.repeatsHeader(record, headerNames, firstLength: firstHeaderLength, grid, buffer) {
                diagnostics.error(
                    .rigaDelTitolo, place,
                    "la riga ripete l'intestazione (riga \(records[0].line)): forse due esportazioni unite; cancellala (e controlla che le persone non siano ripetute)"
                )
                continue
            }
            let blank = { (range: Range<Int>) in range.allSatisfy { grid.trimmedCell(record, $0, in: buffer).isEmpty } }
            if record.count == width {
                if !blank(0..<width) {
                    rows.append(record.prefix(width))
                    if separator == UInt8(ascii: ","), let note, note > 0 { warnSplitNumber(record, note) }
                }
                continue
            }
            let sameAsNeighbour =
                (position > 1 && records[position - 1].count == record.count) || (position + 1 < records.count && records[position + 1].count == record.count)
            let padded =
                record.count > width && separator == UInt8(ascii: ";") && blank(width..<record.count)
                && ((record.count == paddedWidth && headerPadding) || sameAsNeighbour)
            if padded {
                if !blank(0..<width) { rows.append(record.prefix(width)) }
                continue
            }
            diagnostics.error(.numeroDiCampi, place, Self.widthMessage(cells: record.count, width: width, separator: separator))
        }
        return rows

        /// The warning on a note of digits after a cell of digits (a decimal comma that split a number).
        func warnSplitNumber(_ record: CSVGrid.Row, _ note: Int) {
            func digits(_ cell: UnsafeBufferPointer<UInt8>) -> Bool { !cell.isEmpty && cell.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
            let (before, after) = (grid.trimmedCell(record, note - 1, in: buffer), grid.trimmedCell(record, note, in: buffer))
            guard digits(before), digits(after) else { return }
            let (whole, decimals) = (String(decoding: before, as: UTF8.self), String(decoding: after, as: UTF8.self))
            diagnostics.warning(
                .numeroNonValido, SourcePlace(file: file, position: .line(record.line, column: "note")),
                "la nota «\(decimals)» è fatta di sole cifre e segue «\(whole)»: il separatore è la virgola, quindi forse è \(whole),\(decimals) scritto senza virgolette e letto come \(whole); scrivi \"\(whole),\(decimals)\" tra virgolette o \(whole).\(decimals) con il punto; se la nota è giusta, non serve altro"
            )
        }
    }

    /// Whether `record` holds the header's names again (`headerNames`, as written; `firstLength`
    /// the first one's trimmed length), at least two of
    /// them and all it has: its first cell compared first, as bytes (one look a row).
    private static func repeatsHeader(
        _ record: CSVGrid.Row, _ headerNames: [String], firstLength: Int, _ grid: CSVGrid, _ buffer: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        // The first cell's length first (a BOM of a second file joined: three bytes more): no text made for a row.
        let length = grid.trimmedCell(record, 0, in: buffer).count
        guard length == firstLength || length == firstLength + 3 else { return false }
        func same(_ column: Int) -> Bool {
            let cell = grid.trimmedCell(record, column, in: buffer)
            let name = TableHeader.trimmedName(headerNames[column]).lowercased()
            // Its length first (a BOM of a second file joined: three bytes more).
            guard cell.count == name.utf8.count || cell.count == name.utf8.count + 3 else { return false }
            return TableHeader.trimmedName(String(decoding: cell, as: UTF8.self)).lowercased() == name
        }
        guard record.count >= 2, headerNames.count >= 2, firstLength > 0, same(0) else { return false }
        return (1..<min(record.count, headerNames.count)).allSatisfy { same($0) || grid.trimmedCell(record, $0, in: buffer).isEmpty }
    }

    /// «la riga ha 3 campi, l'intestazione 8 colonne», with the decimal-comma hint when it applies.
    static func widthMessage(cells: Int, width: Int, separator: UInt8) -> String {
        var message = "la riga ha \(Italian.count(cells, "campo", "campi")), l'intestazione \(Italian.count(width, "colonna", "colonne"))"
        if cells > width && separator == UInt8(ascii: ",") {
            message += ": il separatore è la virgola, quindi un numero con la virgola decimale (come 100,0) va tra virgolette o scritto con il punto (100.0)"
        } else if cells > width {
            message +=
                ": c'è un «;» di troppo, che sposta i valori dopo di esso nella colonna a destra (toglilo), oppure un testo che contiene «;» senza virgolette, oppure un valore in una colonna senza intestazione (spostalo o cancellalo)"
        } else {
            let mark = String(UnicodeScalar(separator))
            message += ": anche le celle vuote in fondo alla riga si scrivono, ognuna dopo il suo «\(mark)» (una riga ha tanti «\(mark)» quanti l'intestazione)"
        }
        return message
    }

    /// The warning on a templates' example row (CSV and workbooks alike): skipped, which drops
    /// a person whose values were typed over the example's (an officer's trial: −20.000 €
    /// with a warning that said only to delete the row).
    static let exampleRowMessage =
        "riga di esempio del modello («# ESEMPIO»): saltata, non conta; se sopra l'esempio hai scritto una persona o un comune veri, scrivi nella prima cella il suo id o codice al posto di «# ESEMPIO…», altrimenti cancella la riga"

    /// Whether a first cell is a templates' example row: `# ESEMPIO` (any case, spaces optional).
    static func isExampleRow(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        isExampleRow(text: String(decoding: bytes, as: UTF8.self))
    }

    /// Whether a first cell's text is a templates' example row (CSV and workbooks alike).
    static func isExampleRow(text: String) -> Bool {
        // Only the first letters lower-cased, not a whole long cell.
        text.hasPrefix("#") && text.dropFirst().drop { $0 == " " }.prefix(7).lowercased() == "esempio"
    }

    var rowCount: Int { rows.count }

    var headerPlace: SourcePlace { SourcePlace(file: file, position: .line(headerLine, column: nil)) }

    func line(of row: Int) -> Int { rows[row].line }

    func place(of row: Int, column: Int?) -> SourcePlace {
        SourcePlace(file: file, position: .line(rows[row].line, column: column.map { header.name(of: $0) }))
    }

    /// Equal bytes, the usual case, are equal texts without making them; other bytes may still
    /// be equal texts (a letter with its accent composed or apart), compared as texts.
    func sameText(_ row: Int, _ other: Int, _ column: Int) -> Bool {
        let equalBytes = grid.bytes.withUnsafeBufferPointer { buffer in
            grid.trimmedCell(rows[row], column, in: buffer).elementsEqual(grid.trimmedCell(rows[other], column, in: buffer))
        }
        return equalBytes || text(row, column) == text(other, column)
    }

    func withCell<Result>(_ row: Int, _ column: Int, _ body: (TableCell) -> Result) -> Result {
        // The grid's buffer taken here, where this function is specialised for `Result`.
        grid.bytes.withUnsafeBufferPointer { buffer in
            let bytes = grid.trimmedCell(rows[row], column, in: buffer)
            return bytes.isEmpty ? body(.empty) : body(.text(bytes))
        }
    }
}
