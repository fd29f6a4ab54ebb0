/// Making data safe in each kind of document (docs/regole.md, «Uscite»): a name or an id from the
/// input can never run as a spreadsheet formula, break a Markdown table, inject HTML, or make
/// the XHTML document ill-formed.
package enum CellEscaping {
    /// A CSV cell from the data: a text that a spreadsheet would run as a formula (beginning with
    /// `=`, `+`, `-`, `@`, TAB or CR) gets a leading `'`; a cell holding the separator `;`, a
    /// comma, a quote or a line break is quoted (quotes doubled).
    package static func csv(_ text: String) -> String {
        var cell = text
        if let first = cell.utf8.first, [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D].contains(first) {
            cell = "'" + cell
        }
        return quoted(cell)
    }

    /// A CSV cell quoted when it holds `;`, a comma, a quote or a line break (quotes doubled),
    /// with no other change: for files that are read back (the roster writer).
    package static func quoted(_ cell: String) -> String {
        guard cell.utf8.contains(where: { $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D || $0 == UInt8(ascii: ",") })
        else { return cell }
        return "\"" + cell.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }

    /// A Markdown table cell or inline text from the data: `|` and `\` escaped, line breaks as
    /// spaces, `<`, `>` and `&` as HTML entities (no raw HTML), control characters escaped, and
    /// the characters that start emphasis or code escaped.
    package static func markdown(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in TextSafety.escapingControlCharacters(text.replacing("\r\n", with: " ")) {
            switch character {
            case "|": result += "\\|"
            case "\\": result += "\\\\"
            case "\n", "\r": result += " "
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "&": result += "&amp;"
            case "*", "_", "`", "[", "]": result += "\\\(character)"
            default: result.append(character)
            }
        }
        return result
    }

    /// Text for XML (XHTML, SVG, workbooks): `&`, `<`, `>`, `"` and `'` as entities, and the
    /// characters XML 1.0 cannot hold (C0 controls other than TAB, LF, CR; U+FFFE, U+FFFF) replaced
    /// by U+FFFD, so the document stays well-formed for any name.
    package static func xml(_ text: String) -> String {
        var contiguous = text
        return contiguous.withUTF8 { bytes in
            // The usual case: nothing to replace (a byte 0xEF may start U+FFFE or U+FFFF: looked at below).
            guard bytes.contains(where: needsLook) else { return text }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + 16)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                guard needsLook(byte) else {
                    result.append(byte)
                    continue
                }
                switch byte {
                case UInt8(ascii: "&"): result.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "<"): result.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): result.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "\""): result.append(contentsOf: "&quot;".utf8)
                case UInt8(ascii: "'"): result.append(contentsOf: "&#39;".utf8)
                case 0xEF:
                    // U+FFFE and U+FFFF are EF BF BE and EF BF BF; any other sequence stays.
                    if index + 1 < bytes.count, bytes[index] == 0xBF, bytes[index + 1] == 0xBE || bytes[index + 1] == 0xBF {
                        result.append(contentsOf: replacement)
                        index += 2
                    } else {
                        result.append(byte)
                    }
                default: result.append(contentsOf: replacement)  // a C0 control other than TAB, LF, CR
                }
            }
            return String(decoding: result, as: UTF8.self)
        }
    }

    /// Whether a UTF-8 byte of a text for XML may need replacing: a C0 control other than TAB, LF,
    /// CR, one of `&<>"'`, or 0xEF (which may start U+FFFE or U+FFFF).
    private static func needsLook(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x09, 0x0A, 0x0D: false
        case 0..<0x20, UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"), 0xEF: true
        default: false
        }
    }

    /// U+FFFD in UTF-8, for the characters XML 1.0 cannot hold.
    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
}

/// A CSV document for Italian spreadsheets: UTF-8 with a BOM (what Excel on Windows needs to read
/// accents), `;` separator, one row per line; cells from the data through ``CellEscaping/csv(_:)``.
package struct CSVWriter {
    private let output: ReportOutput

    /// A writer into `output`, starting the document with the UTF-8 BOM.
    package init(_ output: ReportOutput) {
        self.output = output
        output.write(bytes: [0xEF, 0xBB, 0xBF])
    }

    /// A writer of more rows of a document begun by another (no BOM).
    package init(continuing output: ReportOutput) { self.output = output }

    /// A row of cells already formatted (numbers, codes) or escaped.
    package func row(_ cells: [String]) {
        output.write(cells.joined(separator: ";"))
        output.write(byte: 0x0A)
    }

    /// A cell from the data (names, ids): escaped.
    package static func text(_ value: String) -> String { CellEscaping.csv(value) }
}
