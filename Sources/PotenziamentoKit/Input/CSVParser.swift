/// A small, correct CSV reader: `;` or `,` separator (detected from the header line), quoted
/// fields with separators, doubled quotes and line breaks inside, LF or CRLF line ends.
public enum CSVParser {
    /// A record and the line it starts on (1-based, the header is line 1).
    public struct Record: Sendable, Hashable {
        /// The line the record starts on.
        public let line: Int
        /// The fields, unquoted.
        public let fields: [String]
    }

    /// A CSV syntax problem (an unterminated quote).
    public struct SyntaxError: Error, Sendable, Equatable {
        /// The line where the problem starts.
        public let line: Int
        /// What is wrong.
        public let message: String
    }

    /// The separator of a file: whichever of `;` and `,` occurs more often outside quotes in the
    /// first line (`;` on a tie, as Italian spreadsheets write).
    public static func detectSeparator(_ text: String) -> UInt8 {
        var semicolons = 0
        var commas = 0
        var quoted = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            if quoted { continue }
            if byte == 0x0A || byte == 0x0D { break }
            if byte == UInt8(ascii: ";") { semicolons += 1 }
            if byte == UInt8(ascii: ",") { commas += 1 }
        }
        return commas > semicolons ? UInt8(ascii: ",") : UInt8(ascii: ";")
    }

    /// Parses `text` with `separator`. Blank lines are skipped.
    public static func parse(_ text: String, separator: UInt8) -> Result<[Record], SyntaxError> {
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var recordLine = 1
        var quoted = false
        var quoteStartLine = 1
        var fieldWasQuoted = false
        var utf8 = Array(text.utf8)
        utf8.append(0x0A)
        var index = 0
        func endRecord() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            if !(fields.count == 1 && fields[0].isEmpty && !fieldWasQuoted) {
                records.append(Record(line: recordLine, fields: fields))
            }
            fields.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
        }
        while index < utf8.count {
            let byte = utf8[index]
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < utf8.count, utf8[index + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 2
                        continue
                    }
                    quoted = false
                } else {
                    if byte == 0x0A { line += 1 }
                    field.append(byte)
                }
                index += 1
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                if field.allSatisfy({ $0 == 0x20 }) {
                    field.removeAll()
                    quoted = true
                    fieldWasQuoted = true
                    quoteStartLine = line
                } else {
                    field.append(byte)
                }
            case separator:
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                fieldWasQuoted = false
            case 0x0D:
                if index + 1 < utf8.count, utf8[index + 1] == 0x0A { break }
                endRecord()
                line += 1
                recordLine = line
            case 0x0A:
                endRecord()
                line += 1
                recordLine = line
            default:
                field.append(byte)
            }
            index += 1
        }
        if quoted {
            return .failure(SyntaxError(line: quoteStartLine, message: "virgolette aperte e mai chiuse"))
        }
        return .success(records)
    }
}
