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
        var output = ""
        write(to: &output, indent: 0)
        output.append("\n")
        return output
    }

    private func write(to output: inout String, indent: Int) {
        switch self {
        case .object(let members):
            if members.isEmpty { output.append("{}"); return }
            output.append("{\n")
            for (offset, member) in members.enumerated() {
                output.append(String(repeating: "  ", count: indent + 1))
                JSONValue.writeString(member.0, to: &output)
                output.append(": ")
                member.1.write(to: &output, indent: indent + 1)
                output.append(offset == members.count - 1 ? "\n" : ",\n")
            }
            output.append(String(repeating: "  ", count: indent) + "}")
        case .array(let elements):
            if elements.isEmpty { output.append("[]"); return }
            output.append("[\n")
            for (offset, element) in elements.enumerated() {
                output.append(String(repeating: "  ", count: indent + 1))
                element.write(to: &output, indent: indent + 1)
                output.append(offset == elements.count - 1 ? "\n" : ",\n")
            }
            output.append(String(repeating: "  ", count: indent) + "]")
        case .string(let text):
            JSONValue.writeString(text, to: &output)
        case .number(let text):
            output.append(text)
        case .bool(let value):
            output.append(value ? "true" : "false")
        case .null:
            output.append("null")
        }
    }

    static func writeString(_ text: String, to output: inout String) {
        output.append("\"")
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output.append("\\\"")
            case "\\": output.append("\\\\")
            case "\n": output.append("\\n")
            case "\r": output.append("\\r")
            case "\t": output.append("\\t")
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default: output.unicodeScalars.append(scalar)
            }
        }
        output.append("\"")
    }
}
