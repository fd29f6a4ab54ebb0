/// A JSON document built in a fixed key order and written by hand, so the same value always gives
/// the same bytes (no dictionary order, no locale, no binary floating point: numbers are kept as
/// the exact decimal text that ``NumberFormatting`` produced).
public indirect enum JSONValue: Sendable, Hashable {
    /// An object whose keys keep the order given.
    case object([(String, JSONValue)])
    /// An array.
    case array([JSONValue])
    /// A string.
    case string(String)
    /// A number, as its JSON text (`92307.69`, `2025`).
    case number(String)
    /// `true` or `false`.
    case bool(Bool)
    /// `null`.
    case null

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.rendered() == rhs.rendered() }
    public func hash(into hasher: inout Hasher) { hasher.combine(rendered()) }

    /// A whole number.
    public static func integer(_ value: Int) -> JSONValue { .number(String(value)) }
    /// A fraction rounded half away from zero to `decimals` digits (FTE and thresholds: 4).
    public static func decimal(_ value: Fraction, decimals: Int = 4) -> JSONValue {
        .number(NumberFormatting.json(value, decimals: decimals))
    }
    /// Money with at most two decimals, exact to the cent.
    public static func euro(_ amount: EuroCents) -> JSONValue { .number(NumberFormatting.json(amount)) }
    /// An optional amount: `null` when absent.
    public static func euro(_ amount: EuroCents?) -> JSONValue { amount.map { .euro($0) } ?? .null }

    /// Pretty-printed text with two-space indentation and a final newline.
    public func rendered() -> String {
        var output: [UInt8] = []
        write(to: &output, indent: 0)
        output.append(0x0A)
        return String(decoding: output, as: UTF8.self)
    }

    /// Writes the value as UTF-8 bytes (a large report is built without growing a `String`
    /// character by character).
    private func write(to output: inout [UInt8], indent: Int) {
        func newline(_ indent: Int) {
            output.append(0x0A)
            output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * indent))
        }
        switch self {
        case .object(let members):
            if members.isEmpty { return output.append(contentsOf: "{}".utf8) }
            output.append(UInt8(ascii: "{"))
            for (offset, member) in members.enumerated() {
                newline(indent + 1)
                JSONValue.writeString(member.0, to: &output)
                output.append(contentsOf: ": ".utf8)
                member.1.write(to: &output, indent: indent + 1)
                if offset != members.count - 1 { output.append(UInt8(ascii: ",")) }
            }
            newline(indent)
            output.append(UInt8(ascii: "}"))
        case .array(let elements):
            if elements.isEmpty { return output.append(contentsOf: "[]".utf8) }
            output.append(UInt8(ascii: "["))
            for (offset, element) in elements.enumerated() {
                newline(indent + 1)
                element.write(to: &output, indent: indent + 1)
                if offset != elements.count - 1 { output.append(UInt8(ascii: ",")) }
            }
            newline(indent)
            output.append(UInt8(ascii: "]"))
        case .string(let text):
            JSONValue.writeString(text, to: &output)
        case .number(let text):
            output.append(contentsOf: text.utf8)
        case .bool(let value):
            output.append(contentsOf: (value ? "true" : "false").utf8)
        case .null:
            output.append(contentsOf: "null".utf8)
        }
    }

    /// A JSON string: `"` and `\` escaped, control characters as `\n`, `\r`, `\t` or `\u00XX`,
    /// everything else (UTF-8 included) as it is.
    static func writeString(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): output.append(contentsOf: #"\\"#.utf8)
            case 0x0A: output.append(contentsOf: #"\n"#.utf8)
            case 0x0D: output.append(contentsOf: #"\r"#.utf8)
            case 0x09: output.append(contentsOf: #"\t"#.utf8)
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                output.append(contentsOf: #"\u00"#.utf8)
                output.append(hex[Int(byte >> 4)])
                output.append(hex[Int(byte & 0xF)])
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
