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
        // The usual case: nothing to replace (a byte 0xEF may start U+FFFE or U+FFFF: looked at below).
        var contiguous = text
        let plain = contiguous.withUTF8 { bytes in
            bytes.allSatisfy { byte in
                switch byte {
                case 0x09, 0x0A, 0x0D: true
                case 0..<0x20, UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"), 0xEF: false
                default: true
                }
            }
        }
        if plain { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result.append(contentsOf: "&amp;".unicodeScalars)
            case "<": result.append(contentsOf: "&lt;".unicodeScalars)
            case ">": result.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": result.append(contentsOf: "&quot;".unicodeScalars)
            case "'": result.append(contentsOf: "&#39;".unicodeScalars)
            default:
                let value = scalar.value
                let allowed = value == 0x09 || value == 0x0A || value == 0x0D || (value >= 0x20 && value != 0xFFFE && value != 0xFFFF)
                result.append(allowed ? scalar : "\u{FFFD}")
            }
        }
        return String(result)
    }
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

    /// A row of cells already formatted (numbers, codes) or escaped.
    package func row(_ cells: [String]) {
        output.write(cells.joined(separator: ";"))
        output.write(byte: 0x0A)
    }

    /// A cell from the data (names, ids): escaped.
    package static func text(_ value: String) -> String { CellEscaping.csv(value) }
}
