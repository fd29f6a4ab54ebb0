/// A small, correct CSV reader: `;` or `,` separator (detected from the header line), quoted
/// fields with separators, doubled quotes and line breaks inside, LF or CRLF line ends. Cells stay
/// bytes of one buffer (see ``CSVGrid``): a large file costs no string per cell and four bytes of
/// bookkeeping per cell; a record wider than ``maximumCellsPerRow`` stops the reading at once.
package enum CSVParser {
    /// The most cells a record may have (the widest table of the domain has 20 columns).
    package static let maximumCellsPerRow = 1_000

    /// A CSV syntax problem (an unterminated quote, a record far too wide).
    package struct SyntaxError: Error, Sendable, Equatable {
        /// The line where the problem starts.
        package let line: Int
        /// What is wrong (Italian).
        package let message: String
    }

    /// The separator of a file: whichever of `;` and `,` occurs more often outside quotes in the
    /// first line (`;` on a tie, as Italian spreadsheets write).
    package static func detectSeparator(_ bytes: [UInt8]) -> UInt8 {
        var semicolons = 0
        var commas = 0
        var quoted = false
        // An array, not any sequence: a generic parameter is not specialised across modules, and
        // iterating through its witness costs a hundred instructions a byte.
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            if quoted { continue }
            if byte == 0x0A || byte == 0x0D { break }
            if byte == UInt8(ascii: ";") { semicolons += 1 }
            if byte == UInt8(ascii: ",") { commas += 1 }
        }
        return commas > semicolons ? UInt8(ascii: ",") : UInt8(ascii: ";")
    }

    /// Splits UTF-8 `text` (without a BOM, and without zero bytes: text files never hold any)
    /// with `separator` into a ``CSVGrid``. Lines that are empty or hold only spaces, tabs and
    /// separators are not records. The bytes are taken over, not copied, when the caller hands
    /// on the only reference to them (and a file's buffer has room for the final line end).
    package static func grid(_ text: consuming [UInt8], separator: UInt8) -> Result<CSVGrid, SyntaxError> {
        var bytes = consume text
        bytes.append(0x0A)
        var scanner = CSVScanner(separator: separator)
        // Room for every cell and record, written in place without growing: every cell ends at
        // a separator or a line end (LF, or a lone CR), every record at a line end, so their
        // counts (quotes ignored) bound them.
        let (separators, lineFeeds, returns) = bytes.withUnsafeBufferPointer { ByteWords.counts(in: $0, of: separator, 0x0A, 0x0D) }
        var complete = true
        var rows: [CSVGrid.Row] = []
        let ends = [UInt32](unsafeUninitializedCapacity: separators + lineFeeds + returns) { ends, endCount in
            rows = [CSVGrid.Row](unsafeUninitializedCapacity: lineFeeds + returns) { rows, rowCount in
                (complete, endCount, rowCount) = bytes.withUnsafeMutableBufferPointer { scanner.scan($0, ends: ends, rows: rows) }
            }
        }
        if let line = scanner.wideLine {
            return .failure(
                SyntaxError(line: line, message: "la riga ha più di \(maximumCellsPerRow) celle: non è una tabella di questo programma (separatore sbagliato?)")
            )
        }
        guard complete else { return .failure(SyntaxError(line: scanner.quoteStartLine, message: "virgolette aperte e mai chiuse")) }
        return .success(CSVGrid(bytes: bytes, ends: ends, rows: rows, quotesOverLines: scanner.quotesOverLines))
    }
}

/// The cells of a CSV text: one byte buffer in which quoted cells have been unquoted in place
/// (unquoting only shortens a cell; the bytes freed at its end, and the CR of a CRLF, are set to
/// zero, which a text file never holds), and the end of each cell. A cell starts right after the
/// end of the previous cell of its record, or at its record's start.
package struct CSVGrid: Sendable {
    /// A record: the line it starts on, where it starts, and its cells.
    package struct Row: Sendable {
        // Four 32-bit numbers (16 bytes a record): a file is at most `Bounds.maximumFileSize`
        // (1 GiB), so lines, cells and positions all fit.
        private let storedLine: UInt32
        private let storedFirstCell: UInt32
        private let storedCount: UInt32
        private let storedStart: UInt32

        /// The line the record starts on (1-based, the header is line 1).
        package var line: Int { Int(storedLine) }
        /// The position of its first cell in ``CSVGrid/ends``.
        package var firstCell: Int { Int(storedFirstCell) }
        /// How many cells it has.
        package var count: Int { Int(storedCount) }
        /// Where its first cell starts in ``CSVGrid/bytes``.
        package var start: Int { Int(storedStart) }

        /// A record starting on `line` at byte `start`, whose `count` cells end at
        /// `ends[firstCell...]` (each below 2³², as in a text of at most 4 GiB).
        package init(line: Int, firstCell: Int, count: Int, start: Int) {
            storedLine = UInt32(truncatingIfNeeded: line)
            storedFirstCell = UInt32(truncatingIfNeeded: firstCell)
            storedCount = UInt32(truncatingIfNeeded: count)
            storedStart = UInt32(truncatingIfNeeded: start)
        }

        /// The same record with only its first `count` cells.
        package func prefix(_ count: Int) -> Row { Row(line: line, firstCell: firstCell, count: Swift.min(count, self.count), start: start) }
    }

    /// The text, unquoted in place.
    package let bytes: [UInt8]
    /// The end of each cell in `bytes` (the position of its separator or line end).
    package let ends: [UInt32]
    /// The records, in order.
    package let rows: [Row]
    /// The quoted cells that go on past a line end with separators on a later line (few: a
    /// quote never closed where it should be swallows the rows after it into one cell).
    package let quotesOverLines: [QuoteOverLines]

    /// A quoted cell spanning lines: where the quote opens and closes, and the most separators
    /// on one of the lines after the first (a row swallowed has its separators there).
    package struct QuoteOverLines: Sendable, Equatable {
        /// The line where the quote opens.
        package let openingLine: Int
        /// The line where it closes.
        package let closingLine: Int
        /// The most separators on one line inside the quote after its first line.
        package let separatorsOnALine: Int
    }

    /// Where cell `column` of `row` starts and ends in `bytes` (zero padding excluded).
    @inlinable @inline(__always)
    package func cell(_ row: Row, _ column: Int, _ buffer: UnsafeBufferPointer<UInt8>) -> (start: Int, end: Int) {
        let index = row.firstCell &+ column
        let start = column == 0 ? row.start : Int(ends[index &- 1]) &+ 1
        var end = Int(ends[index])
        while end > start, buffer[end &- 1] == 0 { end &-= 1 }
        return (start, end)
    }

    /// The bytes of cell `column` of `row` in `buffer` (``bytes``' own), without leading and
    /// trailing spaces and tabs. Not generic: a reader in another module calls it from inside
    /// its own `bytes.withUnsafeBufferPointer`, specialised there for its result (a generic
    /// function across modules is called unspecialised, and costs more than the cell itself).
    @inlinable @inline(__always)
    package func trimmedCell(_ row: Row, _ column: Int, in buffer: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var (start, end) = cell(row, column, buffer)
        while start < end, buffer[start] == 0x20 || buffer[start] == 0x09 { start &+= 1 }
        while end > start, buffer[end &- 1] == 0x20 || buffer[end &- 1] == 0x09 { end &-= 1 }
        let trimmed = UnsafeBufferPointer(rebasing: buffer[start..<end])
        // A byte beyond ASCII at an end may begin or end a special space: looked at apart (rare).
        if start < end && (buffer[start] >= 0xC2 || buffer[end &- 1] >= 0x80) { return SpaceCharacters.trimmingSpecial(trimmed) }
        return trimmed
    }

    /// The bytes of cell `column` of `row`, without leading and trailing spaces and tabs.
    package func withTrimmedCell<R>(_ row: Row, _ column: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        bytes.withUnsafeBufferPointer { buffer in body(trimmedCell(row, column, in: buffer)) }
    }

    /// Cell `column` of `row` as written (untrimmed).
    package func string(_ row: Row, _ column: Int) -> String {
        bytes.withUnsafeBufferPointer { buffer in
            let (start, end) = cell(row, column, buffer)
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self)
        }
    }

    /// Cell `column` of `row` without leading and trailing spaces and tabs.
    package func trimmedString(_ row: Row, _ column: Int) -> String {
        withTrimmedCell(row, column) { String(decoding: $0, as: UTF8.self) }
    }

    /// Whether cell `column` of `row` is empty once trimmed.
    package func isBlank(_ row: Row, _ column: Int) -> Bool { withTrimmedCell(row, column) { $0.isEmpty } }
}

/// The state machine that splits CSV bytes into cells (see ``CSVParser``).
private struct CSVScanner {
    let separator: UInt8
    var quoteStartLine = 1
    /// The quoted cells that span lines with separators on a later line (see ``CSVGrid/quotesOverLines``).
    var quotesOverLines: [CSVGrid.QuoteOverLines] = []
    /// The line of a record with more than ``CSVParser/maximumCellsPerRow`` cells, if one was met.
    var wideLine: Int?

    init(separator: UInt8) { self.separator = separator }

    /// Scans `bytes` (ending with a line feed), unquoting cells in place, writing the end of each
    /// cell to `ends` and each record to `rows` (room for every separator and line end, and for
    /// every line end); whether the text is complete (false when a quote is never closed or a
    /// record has too many cells, see ``wideLine``), and how many ends and rows were written.
    mutating func scan(
        _ bytes: UnsafeMutableBufferPointer<UInt8>, ends: UnsafeMutableBufferPointer<UInt32>, rows: UnsafeMutableBufferPointer<CSVGrid.Row>
    ) -> (complete: Bool, ends: Int, rows: Int) {
        guard let base = bytes.baseAddress, bytes.last == 0x0A else { preconditionFailure("the text ends with a line feed") }
        var read = 0
        var write = 0
        var line = 1
        var recordLine = 1
        var recordStart = 0
        var recordFirstCell = 0
        var endCount = 0
        var rowCount = 0
        // Whether the record has anything but spaces, tabs and separators (else it is not a record).
        var recordHasContent = false
        var quoted = false
        // The separators on the current line of a quoted cell, and the most on one of its lines after the first.
        var quotedSeparators = 0
        var quotedSeparatorsMost = 0
        let count = bytes.count
        let separator = self.separator
        return withUnsafeTemporaryAllocation(of: Bool.self, capacity: 256) { special in
            // The bytes that end a run of plain field content.
            for byte in 0..<256 { special[byte] = byte == Int(separator) || byte == 0x22 || byte == 0x0A || byte == 0x0D }
            /// Ends the current cell at `read`: the bytes between the content's end and the terminator are zeroed.
            func endCell() {
                if write < read { (base + write).update(repeating: 0, count: read &- write) }
                ends[endCount] = UInt32(truncatingIfNeeded: read)
                endCount &+= 1
            }
            while read < count {
                if !quoted {
                    // A run of plain content: nothing to do but move it when an earlier quote shortened the
                    // field. The final line feed is special: the run stops there at the latest.
                    let runStart = read
                    if write == read {
                        while !special[Int(base[read])] { read &+= 1 }
                        write = read
                    } else {
                        while !special[Int(base[read])] {
                            base[write] = base[read]
                            write &+= 1
                            read &+= 1
                        }
                    }
                    if !recordHasContent {
                        for index in runStart..<read where base[index] != 0x20 && base[index] != 0x09 {
                            recordHasContent = true
                            break
                        }
                    }
                }
                let byte = base[read]
                if quoted {
                    if byte == UInt8(ascii: "\"") {
                        if read + 1 < count, base[read + 1] == UInt8(ascii: "\"") {
                            base[write] = byte
                            write += 1
                            read += 2
                            continue
                        }
                        quoted = false
                        if quotedSeparatorsMost > 0 {
                            quotesOverLines.append(.init(openingLine: quoteStartLine, closingLine: line, separatorsOnALine: quotedSeparatorsMost))
                        }
                    } else {
                        if byte == 0x0A {
                            line += 1
                            quotedSeparators = 0
                        } else if byte == separator && line > quoteStartLine {
                            quotedSeparators += 1
                            quotedSeparatorsMost = max(quotedSeparatorsMost, quotedSeparators)
                        }
                        base[write] = byte
                        write += 1
                    }
                    read += 1
                    continue
                }
                switch byte {
                case UInt8(ascii: "\""):
                    let fieldStart = endCount == recordFirstCell ? recordStart : Int(ends[endCount - 1]) + 1
                    var blank = true
                    for index in fieldStart..<write where base[index] != 0x20 {
                        blank = false
                        break
                    }
                    if blank {
                        write = fieldStart
                        quoted = true
                        recordHasContent = true
                        quoteStartLine = line
                        (quotedSeparators, quotedSeparatorsMost) = (0, 0)
                    } else {
                        base[write] = byte
                        write += 1
                        recordHasContent = true
                    }
                case separator:
                    endCell()
                    // A record wider than any table of the domain: stop now (linear time and memory).
                    if endCount &- recordFirstCell > CSVParser.maximumCellsPerRow {
                        wideLine = recordLine
                        return (false, endCount, rowCount)
                    }
                    write = read &+ 1
                case 0x0D where read + 1 < count && base[read + 1] == 0x0A:
                    break
                case 0x0A, 0x0D:
                    endCell()
                    if recordHasContent {
                        rows[rowCount] = CSVGrid.Row(line: recordLine, firstCell: recordFirstCell, count: endCount &- recordFirstCell, start: recordStart)
                        rowCount &+= 1
                    } else {
                        // A blank line, or one of only separators: not a record.
                        endCount = recordFirstCell
                    }
                    recordFirstCell = endCount
                    recordHasContent = false
                    line += 1
                    recordLine = line
                    write = read + 1
                    recordStart = write
                default:
                    base[write] = byte
                    write += 1
                }
                read &+= 1
            }
            return (!quoted, endCount, rowCount)
        }
    }
}

/// The spaces a value may have at its ends that are not part of it (docs/formati.md): space and
/// tab, and the special spaces a spreadsheet or a word processor leaves, invisible in a cell
/// (non-breaking U+00A0, figure U+2007, thin U+2009, narrow non-breaking U+202F). The one rule of
/// every reader, on bytes (a CSV cell) and on text (`String.trimmingSpaces`).
package enum SpaceCharacters {
    /// Whether `scalar` is trimmed at a value's ends.
    package static func isTrimmed(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\u{A0}" || scalar == "\u{2007}" || scalar == "\u{2009}" || scalar == "\u{202F}"
    }

    /// `bytes` without the spaces and special spaces at their ends (``CSVGrid/trimmedCell(_:_:in:)``
    /// when an end is beyond ASCII).
    package static func trimmingSpecial(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var (start, end) = (bytes.startIndex, bytes.endIndex)
        while start < end {
            if bytes[start] == 0x20 || bytes[start] == 0x09 {
                start += 1
            } else if let length = specialLength(UnsafeBufferPointer(rebasing: bytes[start..<end]), atStart: true) {
                start += length
            } else {
                break
            }
        }
        while end > start {
            if bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 {
                end -= 1
            } else if let length = specialLength(UnsafeBufferPointer(rebasing: bytes[start..<end]), atStart: false) {
                end -= length
            } else {
                break
            }
        }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    /// The length in bytes of a special space at the start (or the end) of UTF-8 `bytes`, or nil.
    static func specialLength(_ bytes: UnsafeBufferPointer<UInt8>, atStart: Bool) -> Int? {
        let count = bytes.count
        if atStart {
            if count >= 2, bytes[0] == 0xC2, bytes[1] == 0xA0 { return 2 }
            if count >= 3, bytes[0] == 0xE2, bytes[1] == 0x80, [0x87, 0x89, 0xAF].contains(bytes[2]) { return 3 }
        } else {
            if count >= 2, bytes[count - 2] == 0xC2, bytes[count - 1] == 0xA0 { return 2 }
            if count >= 3, bytes[count - 3] == 0xE2, bytes[count - 2] == 0x80, [0x87, 0x89, 0xAF].contains(bytes[count - 1]) { return 3 }
        }
        return nil
    }
}
