/// A small, correct CSV reader: `;` or `,` separator (detected from the header line), quoted
/// fields with separators, doubled quotes and line breaks inside, LF or CRLF line ends. Cells stay
/// bytes of one buffer (see ``CSVGrid``): a large file costs no string per cell.
package enum CSVParser {
    /// A CSV syntax problem (an unterminated quote).
    package struct SyntaxError: Error, Sendable, Equatable {
        /// The line where the problem starts.
        package let line: Int
        /// What is wrong (Italian).
        package let message: String
    }

    /// The separator of a file: whichever of `;` and `,` occurs more often outside quotes in the
    /// first line (`;` on a tie, as Italian spreadsheets write).
    package static func detectSeparator(_ bytes: some Sequence<UInt8>) -> UInt8 {
        var semicolons = 0
        var commas = 0
        var quoted = false
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            if quoted { continue }
            if byte == 0x0A || byte == 0x0D { break }
            if byte == UInt8(ascii: ";") { semicolons += 1 }
            if byte == UInt8(ascii: ",") { commas += 1 }
        }
        return commas > semicolons ? UInt8(ascii: ",") : UInt8(ascii: ";")
    }

    /// Splits UTF-8 `bytes` (without a BOM) with `separator` into a ``CSVGrid``. Lines that are
    /// empty or hold only spaces and tabs are not records.
    package static func grid(_ bytes: [UInt8], separator: UInt8) -> Result<CSVGrid, SyntaxError> {
        var bytes = bytes
        bytes.append(0x0A)
        var scanner = CSVScanner(separator: separator)
        scanner.bounds.reserveCapacity(bytes.count / 4)
        let complete = bytes.withUnsafeMutableBufferPointer { scanner.scan($0) }
        guard complete else { return .failure(SyntaxError(line: scanner.quoteStartLine, message: "virgolette aperte e mai chiuse")) }
        return .success(CSVGrid(bytes: bytes, bounds: scanner.bounds, rows: scanner.rows))
    }
}

/// The cells of a CSV text: one byte buffer, in which quoted cells have been unquoted in place
/// (unquoting only shortens a cell, so it never overwrites bytes not yet read), and the bounds
/// of each cell.
package struct CSVGrid: Sendable {
    /// A record: the line it starts on and its cells.
    package struct Row: Sendable {
        /// The line the record starts on (1-based, the header is line 1).
        package let line: Int
        /// The position of its first cell in ``CSVGrid/bounds`` (pairs start, end).
        package let firstCell: Int
        /// How many cells it has.
        package let count: Int

        /// A record starting on `line` whose cells are `count` pairs of bounds from `firstCell`.
        package init(line: Int, firstCell: Int, count: Int) {
            self.line = line
            self.firstCell = firstCell
            self.count = count
        }
    }

    package let bytes: [UInt8]
    /// Start and end (exclusive) of each cell in `bytes`, two entries per cell.
    package let bounds: [UInt32]
    /// The records, in order.
    package let rows: [Row]

    /// The bytes of cell `column` of `row`, without leading and trailing spaces and tabs.
    @inline(__always)
    package func withTrimmedCell<R>(_ row: Row, _ column: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var (start, end) = cell(row, column)
        return bytes.withUnsafeBufferPointer { buffer in
            while start < end, buffer[start] == 0x20 || buffer[start] == 0x09 { start &+= 1 }
            while end > start, buffer[end &- 1] == 0x20 || buffer[end &- 1] == 0x09 { end &-= 1 }
            return body(UnsafeBufferPointer(rebasing: buffer[start..<end]))
        }
    }

    /// Where cell `column` of `row` starts and ends in `bytes`.
    @inline(__always)
    private func cell(_ row: Row, _ column: Int) -> (start: Int, end: Int) {
        (Int(bounds[2 &* (row.firstCell &+ column)]), Int(bounds[2 &* (row.firstCell &+ column) &+ 1]))
    }

    /// Cell `column` of `row` as written (untrimmed).
    package func string(_ row: Row, _ column: Int) -> String {
        let (start, end) = cell(row, column)
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self) }
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
    var bounds: [UInt32] = []
    var rows: [CSVGrid.Row] = []
    var quoteStartLine = 1

    init(separator: UInt8) { self.separator = separator }

    /// Scans `bytes` (ending with a line feed), unquoting cells in place; false when a quote is
    /// never closed.
    mutating func scan(_ bytes: UnsafeMutableBufferPointer<UInt8>) -> Bool {
        var read = 0
        var write = 0
        var fieldStart = 0
        var line = 1
        var recordLine = 1
        var recordFirstCell = 0
        var quoted = false
        var fieldWasQuoted = false
        let count = bytes.count
        // The bytes that end a run of plain field content.
        let special = (0..<256).map { $0 == Int(separator) || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        while read < count {
            if !quoted {
                // A run of plain content: nothing to do but move it when an earlier quote shortened the field.
                if write == read {
                    while read < count && !special[Int(bytes[read])] { read &+= 1 }
                    write = read
                } else {
                    while read < count && !special[Int(bytes[read])] {
                        bytes[write] = bytes[read]
                        write &+= 1
                        read &+= 1
                    }
                }
                guard read < count else { break }
            }
            let byte = bytes[read]
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if read + 1 < count, bytes[read + 1] == UInt8(ascii: "\"") {
                        bytes[write] = byte
                        write += 1
                        read += 2
                        continue
                    }
                    quoted = false
                } else {
                    if byte == 0x0A { line += 1 }
                    bytes[write] = byte
                    write += 1
                }
                read += 1
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                var blank = true
                for index in fieldStart..<write where bytes[index] != 0x20 {
                    blank = false
                    break
                }
                if blank {
                    write = fieldStart
                    quoted = true
                    fieldWasQuoted = true
                    quoteStartLine = line
                } else {
                    bytes[write] = byte
                    write += 1
                }
            case separator:
                bounds.append(UInt32(truncatingIfNeeded: fieldStart))
                bounds.append(UInt32(truncatingIfNeeded: write))
                fieldWasQuoted = false
                write = read + 1
                fieldStart = write
            case 0x0D where read + 1 < count && bytes[read + 1] == 0x0A:
                break
            case 0x0A, 0x0D:
                bounds.append(UInt32(truncatingIfNeeded: fieldStart))
                bounds.append(UInt32(truncatingIfNeeded: write))
                let cells = bounds.count / 2 - recordFirstCell
                // A blank line (one cell of nothing but spaces and tabs, unquoted) is not a record.
                if cells == 1 && !fieldWasQuoted && bytes[fieldStart..<write].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                    bounds.removeLast(2)
                } else {
                    rows.append(CSVGrid.Row(line: recordLine, firstCell: recordFirstCell, count: cells))
                }
                recordFirstCell = bounds.count / 2
                fieldWasQuoted = false
                line += 1
                recordLine = line
                write = read + 1
                fieldStart = write
            default:
                bytes[write] = byte
                write += 1
            }
            read += 1
        }
        return !quoted
    }
}
