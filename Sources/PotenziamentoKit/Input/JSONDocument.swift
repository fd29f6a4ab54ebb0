/// A parsed JSON value that keeps numbers as their exact source text (so `33.33` stays 33,33 and
/// never passes through a binary float) and object members in source order.
public enum JSONNode: Sendable, Hashable {
    /// An object, members in source order (duplicates kept so the reader can report them).
    case object([JSONMember])
    /// An array.
    case array([JSONNode])
    /// A string.
    case string(String)
    /// A number, as written.
    case number(String)
    /// A boolean.
    case bool(Bool)
    /// `null`.
    case null

    /// An Italian name of the kind of value, for messages.
    public var kindName: String {
        switch self {
        case .object: "un oggetto"
        case .array: "un elenco"
        case .string: "un testo"
        case .number: "un numero"
        case .bool: "un valore vero/falso"
        case .null: "null"
        }
    }
}

/// A member of a JSON object.
public struct JSONMember: Sendable, Hashable {
    /// The key.
    public let key: String
    /// The value.
    public let value: JSONNode
}

/// A strict RFC 8259 JSON parser over UTF-8 bytes, with line and column in its errors and a
/// nesting limit (no stack overflow on `[[[[…`).
public struct JSONParser {
    /// The deepest nesting accepted.
    public static let maximumDepth = 64

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var depth = 0
    /// The key of the root object whose array is handed out element by element, if any.
    private var streamedKey: String?
    private var streamedElement: ((JSONNode, Int) -> Void)?
    private var fastElement: FastElementDecoder?
    /// Values such as `assistente_sociale` repeat on every record: shared, not rebuilt.
    private var strings = StringInterner()

    /// Parses `text`; the error message names line and column.
    public static func parse(_ text: String) -> Result<JSONNode, JSONSyntaxError> {
        parse(text, streaming: nil) { _, _ in }
    }

    /// Parses `text`, handing each element of the array under the root key `key` to `element`
    /// as soon as it is parsed (with its index) instead of keeping it in the tree, where that
    /// array is left empty. A large roster is then decoded record by record, never held whole.
    public static func parse(_ text: String, streaming key: String?, element: (JSONNode, Int) -> Void) -> Result<JSONNode, JSONSyntaxError> {
        parse(text, streaming: key, fastElement: nil, element: element)
    }

    /// Decodes one element of the streamed array straight from the bytes: given the bytes, the
    /// element's first byte and its index, the position just after it, or nil to let the parser
    /// build the element's node (handed to `element`). Used for the records of a large roster.
    typealias FastElementDecoder = (UnsafeBufferPointer<UInt8>, _ start: Int, _ index: Int) -> Int?

    /// As ``parse(_:streaming:element:)``, trying `fastElement` on each streamed element first.
    static func parse(
        _ text: String, streaming key: String?, fastElement: FastElementDecoder?, element: (JSONNode, Int) -> Void
    ) -> Result<JSONNode, JSONSyntaxError> {
        var text = text
        return text.withUTF8 { parse(utf8: $0, streaming: key, fastElement: fastElement, element: element) }
    }

    /// As ``parse(_:streaming:element:)`` on UTF-8 bytes already validated (a file's own buffer).
    static func parse(
        utf8 bytes: UnsafeBufferPointer<UInt8>, streaming key: String?, fastElement: FastElementDecoder?, element: (JSONNode, Int) -> Void
    ) -> Result<JSONNode, JSONSyntaxError> {
        withoutActuallyEscaping(element) { element in
            if let fastElement {
                return withoutActuallyEscaping(fastElement) { fast in
                    parse(bytes: bytes, streamedKey: key, fastElement: fast, element: element)
                }
            }
            return parse(bytes: bytes, streamedKey: key, fastElement: nil, element: element)
        }
    }

    private static func parse(
        bytes buffer: UnsafeBufferPointer<UInt8>, streamedKey: String?, fastElement: FastElementDecoder?, element: @escaping (JSONNode, Int) -> Void
    ) -> Result<JSONNode, JSONSyntaxError> {
        var parser = JSONParser(bytes: buffer)
        parser.streamedKey = streamedKey
        parser.streamedElement = element
        parser.fastElement = fastElement
        do throws(JSONSyntaxError) {
            parser.skipWhitespace()
            let value = try parser.parseValue()
            parser.skipWhitespace()
            guard parser.index == parser.bytes.count else { throw parser.error("testo in più dopo la fine del documento JSON") }
            return .success(value)
        } catch {
            return .failure(error)
        }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    private mutating func text(_ range: Range<Int>) -> String { strings.string(UnsafeBufferPointer(rebasing: bytes[range])) }

    private func error(_ message: String) -> JSONSyntaxError {
        var line = 1
        var column = 1
        for byte in bytes[..<min(index, bytes.count)] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return JSONSyntaxError(line: line, column: column, message: message)
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            index += 1
        }
    }

    private mutating func parseValue() throws(JSONSyntaxError) -> JSONNode {
        guard index < bytes.count else { throw error("il documento JSON è troncato (manca un valore)") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): return try parseLiteral("true", .bool(true))
        case UInt8(ascii: "f"): return try parseLiteral("false", .bool(false))
        case UInt8(ascii: "n"): return try parseLiteral("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw error("carattere inatteso «\(printable(bytes[index]))»")
        }
    }

    private func printable(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7F ? String(Unicode.Scalar(byte)) : "byte 0x" + String(byte, radix: 16)
    }

    private mutating func parseLiteral(_ word: String, _ value: JSONNode) throws(JSONSyntaxError) -> JSONNode {
        let expected = Array(word.utf8)
        guard index + expected.count <= bytes.count, bytes[index..<index + expected.count].elementsEqual(expected) else {
            throw error("valore non valido (atteso \(word))")
        }
        index += expected.count
        return value
    }

    private mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        if depth > JSONParser.maximumDepth { throw error("annidamento troppo profondo (oltre \(JSONParser.maximumDepth) livelli)") }
    }

    private mutating func parseObject() throws(JSONSyntaxError) -> JSONNode {
        try enter()
        index += 1
        var members: [JSONMember] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count else { throw error("il documento JSON è troncato (oggetto non chiuso)") }
            guard bytes[index] == UInt8(ascii: "\"") else { throw error("attesa una chiave tra virgolette") }
            let key = try parseString()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error("atteso «:» dopo la chiave «\(key)»") }
            index += 1
            skipWhitespace()
            if depth == 1, key == streamedKey, let element = streamedElement, index < bytes.count, bytes[index] == UInt8(ascii: "[") {
                try parseElements(element, fast: fastElement)
                members.append(JSONMember(key: key, value: .array([])))
            } else {
                members.append(JSONMember(key: key, value: try parseValue()))
            }
            skipWhitespace()
            guard index < bytes.count else { throw error("il documento JSON è troncato (oggetto non chiuso)") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard bytes[index] == UInt8(ascii: "}") else { throw error("atteso «,» o «}»") }
            index += 1
            depth -= 1
            return .object(members)
        }
    }

    private mutating func parseArray() throws(JSONSyntaxError) -> JSONNode {
        var elements: [JSONNode] = []
        try parseElements { node, _ in elements.append(node) }
        return .array(elements)
    }

    /// Parses `[ … ]`, handing each element and its index to `element`.
    private mutating func parseElements(_ element: (JSONNode, Int) -> Void, fast: FastElementDecoder? = nil) throws(JSONSyntaxError) {
        try enter()
        index += 1
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return
        }
        var count = 0
        while true {
            skipWhitespace()
            if let fast, let end = fast(bytes, index, count) {
                index = end
            } else {
                element(try parseValue(), count)
            }
            count += 1
            skipWhitespace()
            guard index < bytes.count else { throw error("il documento JSON è troncato (elenco non chiuso)") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard bytes[index] == UInt8(ascii: "]") else { throw error("atteso «,» o «]»") }
            index += 1
            depth -= 1
            return
        }
    }

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        index += 1
        let start = index
        // Fast path: no escapes.
        while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\"), bytes[index] >= 0x20 {
            index += 1
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
            let value = text(start..<index)
            index += 1
            return value
        }
        var scalars = Array(bytes[start..<index])
        while true {
            guard index < bytes.count else { throw error("il documento JSON è troncato (testo non chiuso)") }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return String(decoding: scalars, as: UTF8.self)
            }
            guard byte >= 0x20 else { throw error("carattere di controllo non ammesso in un testo (usa \\n)") }
            if byte != UInt8(ascii: "\\") {
                scalars.append(byte)
                index += 1
                continue
            }
            index += 1
            guard index < bytes.count else { throw error("il documento JSON è troncato") }
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(escape)
            case UInt8(ascii: "b"): scalars.append(0x08)
            case UInt8(ascii: "f"): scalars.append(0x0C)
            case UInt8(ascii: "n"): scalars.append(0x0A)
            case UInt8(ascii: "r"): scalars.append(0x0D)
            case UInt8(ascii: "t"): scalars.append(0x09)
            case UInt8(ascii: "u"):
                var code = try parseHex4()
                if (0xD800...0xDBFF).contains(code) {
                    guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                        throw error("coppia surrogata \\u incompleta")
                    }
                    index += 2
                    let low = try parseHex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw error("coppia surrogata \\u non valida") }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(code) else { throw error("carattere \\u non valido") }
                scalars.append(contentsOf: Array(String(Character(scalar)).utf8))
            default:
                throw error("sequenza di escape non valida «\\\(printable(escape))»")
            }
        }
    }

    private mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("il documento JSON è troncato") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw error("cifra esadecimale non valida in \\u")
            }
            value = value * 16 + digit
            index += 1
        }
        return value
    }

    private mutating func parseNumber() throws(JSONSyntaxError) -> JSONNode {
        let start = index
        func digits(_ parser: inout JSONParser) -> Int {
            let begin = parser.index
            while parser.index < parser.bytes.count, parser.bytes[parser.index] >= 0x30, parser.bytes[parser.index] <= 0x39 { parser.index += 1 }
            return parser.index - begin
        }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        let integerStart = index
        let integerDigits = digits(&self)
        guard integerDigits > 0 else { throw error("numero non valido") }
        if integerDigits > 1 && bytes[integerStart] == UInt8(ascii: "0") { throw error("numero con zeri iniziali non ammesso in JSON") }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits(&self) > 0 else { throw error("numero non valido (cifre mancanti dopo il punto)") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits(&self) > 0 else { throw error("numero non valido (esponente)") }
        }
        return .number(text(start..<index))
    }
}

/// A JSON syntax error with its line and column.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Line (1-based).
    public let line: Int
    /// Column (1-based, in characters).
    public let column: Int
    /// What is wrong.
    public let message: String

    public var description: String { "riga \(line), colonna \(column): JSON non valido: \(message)" }
}
