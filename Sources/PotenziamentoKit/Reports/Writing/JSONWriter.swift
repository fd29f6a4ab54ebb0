import PotenziamentoFormats

/// Writes a JSON document straight into a ``ReportOutput``, pretty-printed with two-space
/// indentation in a fixed key order, with no tree of values: the same data always gives the same
/// bytes (no dictionary order, no locale, no binary floating point: numbers are the exact decimal
/// text of ``NumberFormatting``).
///
/// Members and elements are written in nested closures, so the nesting of the code is the nesting
/// of the document:
///
/// ```swift
/// json.object { json in
///     json.member("anno", 2025)
///     json.member("soglie") { json in json.member("lep", decimal: t.lep) }
/// }
/// ```
package struct JSONWriter {
    private let output: ReportOutput
    /// How many objects and arrays are open.
    private var depth = 0
    /// Members written in the innermost open object or array (to place commas and close `{}`/`[]`).
    private var current = 0
    /// The counts of the outer open levels, saved while an inner one is written.
    private var outer: [Int] = []
    /// The values written with ``member(array:reusing:_:)``, copied when they come again.
    private let reused: ReusedJSON

    /// A writer into `output`.
    package init(_ output: ReportOutput) {
        self.output = output
        reused = ReusedJSON()
    }

    /// A writer into `output` of elements of an array open `depth` levels deep, after
    /// `written` elements (the writer of a part of the array, see ``elements(count:parts:_:)``),
    /// sharing `reused`.
    private init(_ output: ReportOutput, depth: Int, written: Int, reused: ReusedJSON) {
        self.output = output
        self.depth = depth
        self.current = written
        self.reused = reused
    }

    // MARK: Structure

    /// Writes an object whose members `body` writes; a root value ends with a line feed.
    package mutating func object(_ body: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "{"))
        body(&self)
        close(UInt8(ascii: "}"), empty: "{}")
    }

    /// Writes an array whose elements `body` writes.
    package mutating func array(_ body: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "["))
        body(&self)
        close(UInt8(ascii: "]"), empty: "[]")
    }

    /// Starts the next member of the current object: comma, new line, key.
    package mutating func key(_ key: JSONKey) {
        switch key.storage {
        case .literal(let literal): literal.withUTF8Buffer { writeLiteralKey($0) }
        case .vocabulary(let text):
            var text = text
            text.withUTF8 { writeLiteralKey($0) }
        case .text(let text):
            separate()
            var text = text
            text.withUTF8 { writeString(utf8: $0, then: Self.keyEnd) }
        }
    }

    /// A key of the report's own vocabulary, with what comes before it (comma, new line,
    /// indentation) and after it (`: `) in one write, its bytes as they are: a literal key has
    /// nothing to escape (``JSONKey``; checked in debug builds, where every report's keys are
    /// written by the tests).
    private mutating func writeLiteralKey(_ bytes: UnsafeBufferPointer<UInt8>) {
        assert(!bytes.contains(where: Self.needsEscape), "a literal JSON key with a character to escape: use JSONKey(_:)")
        guard depth > 0, let start = bytes.baseAddress else {
            separate()
            writeString(utf8: bytes, then: Self.keyEnd)
            return
        }
        let comma = current > 0
        current += 1
        let spaces = 2 * depth
        output.write(reserving: spaces + bytes.count + 6) { target in
            var count = Self.lineStart(at: target, afterComma: comma, spaces: spaces)
            target[count] = UInt8(ascii: "\"")
            (target + count + 1).update(from: start, count: bytes.count)
            count += bytes.count + 1
            target[count] = UInt8(ascii: "\"")
            target[count + 1] = Self.keyEnd.0
            target[count + 2] = Self.keyEnd.1
            return count + 3
        }
    }

    /// What follows a key: `: `.
    private static let keyEnd: (UInt8, UInt8) = (UInt8(ascii: ":"), UInt8(ascii: " "))

    /// Starts the next element of the current array.
    package mutating func element() { separate() }

    /// Writes `count` elements of the current array, element `index` by `body`: the elements of
    /// a large array on several processors at once (``ReportOutput/write(pieces:parts:_:)``,
    /// `parts` as there), with the bytes of writing them in order.
    package mutating func elements(count: Int, parts: Int? = nil, _ body: @Sendable (inout JSONWriter, Int) -> Void) {
        let (depth, before, reused) = (self.depth, current, self.reused)
        output.write(pieces: count, parts: parts) { output, range in
            // Elements are whole values: a part's writer needs only the depth and whether an element came before.
            var writer = JSONWriter(output, depth: depth, written: before + range.lowerBound, reused: reused)
            for index in range { body(&writer, index) }
        }
        current = before + count
    }

    /// The bytes of an object element of an array open `depth` levels deep, written by `body`
    /// apart from the document (on the processor that computed it), for ``element(rendered:)``:
    /// the bytes ``element(_:)`` would write there after the separator. The elements of one
    /// document share `reused`.
    package static func renderedElement(depth: Int, reusing reused: ReusedJSON, _ body: (inout JSONWriter) -> Void) -> RenderedElement {
        // Room for an ATS's element of a batch (tens of kilobytes, a large ATS's a few megabytes): grown seldom.
        let bytes = ReportOutput(capacity: 1 << 16)
        var writer = JSONWriter(bytes, depth: depth, written: 0, reused: reused)
        writer.object(body)
        return RenderedElement(depth: depth, bytes: bytes)
    }

    /// Writes an element made by ``renderedElement(depth:reusing:_:)`` as the next element of the
    /// current array (which is open at the element's depth: the batch reports make both).
    package mutating func element(rendered element: RenderedElement) {
        assert(element.depth == depth, "an element rendered for another depth")
        separate()
        output.write(contentsOf: element.bytes)
    }

    // MARK: Members

    /// A member with an object value.
    package mutating func member(_ key: JSONKey, _ body: (inout JSONWriter) -> Void) {
        self.key(key)
        object(body)
    }

    /// A member with an array value.
    package mutating func member(array key: JSONKey, _ body: (inout JSONWriter) -> Void) {
        self.key(key)
        array(body)
    }

    /// A member with an array value that depends only on `identity`, written by `body` the first
    /// time and copied byte for byte when a later such member has an equal `identity` at the same
    /// depth (among the last ``ReusedJSON/limit``): a part repeated in every element of a batch (the
    /// parameters of a year, the same for every ATS; a prospetto's two years alternate) is made
    /// once per document (docs/benchmark.md). The bytes are those `body` writes.
    package mutating func member<Identity: Equatable & Sendable>(array key: JSONKey, reusing identity: Identity, _ body: (inout JSONWriter) -> Void) {
        self.key(key)
        if let bytes = reused.bytes(of: identity, depth: depth) {
            bytes.withUnsafeBufferPointer { output.write(buffer: $0) }
            return
        }
        let part = ReportOutput()
        var writer = JSONWriter(part, depth: depth, written: 0, reused: reused)
        writer.array(body)
        let bytes = part.bytes
        bytes.withUnsafeBufferPointer { output.write(buffer: $0) }
        reused.keep(bytes, of: identity, depth: depth)
    }

    /// A string member.
    package mutating func member(_ key: JSONKey, _ value: String) {
        self.key(key)
        writeString(value)
    }

    /// An optional string member (`null` when absent).
    package mutating func member(_ key: JSONKey, _ value: String?) {
        self.key(key)
        if let value { writeString(value) } else { output.write("null") }
    }

    /// An integer member.
    package mutating func member(_ key: JSONKey, _ value: Int) {
        self.key(key)
        NumberFormatting.withJSONBytes(value) { output.write(buffer: $0) }
    }

    /// A big-integer member (written as a JSON number).
    package mutating func member(_ key: JSONKey, integer value: BigInt) {
        self.key(key)
        output.write(value.description)
    }

    /// A boolean member.
    package mutating func member(_ key: JSONKey, _ value: Bool) {
        self.key(key)
        output.write(value ? "true" : "false")
    }

    /// A `null` member.
    package mutating func member(null key: JSONKey) {
        self.key(key)
        output.write("null")
    }

    /// A fraction rounded half away from zero to `decimals` digits (FTE and thresholds: 4).
    package mutating func member(_ key: JSONKey, decimal value: Fraction, decimals: Int = 4) {
        self.key(key)
        NumberFormatting.withJSONBytes(value, decimals: decimals) { output.write(buffer: $0) }
    }

    /// Money with at most two decimals, exact to the cent (`null` when absent).
    package mutating func member(_ key: JSONKey, euro amount: EuroCents?) {
        self.key(key)
        if let amount { NumberFormatting.withJSONBytes(amount) { output.write(buffer: $0) } } else { output.write("null") }
    }

    /// A number member given as its exact JSON text.
    package mutating func member(_ key: JSONKey, number text: String) {
        self.key(key)
        output.write(text)
    }

    // MARK: Elements

    /// A string element.
    package mutating func element(_ value: String) {
        separate()
        writeString(value)
    }

    /// An object element.
    package mutating func element(_ body: (inout JSONWriter) -> Void) {
        separate()
        object(body)
    }

    // MARK: Helpers

    private mutating func open(_ byte: UInt8) {
        output.write(byte: byte)
        if depth > 0 { outer.append(current) }
        depth += 1
        current = 0
    }

    private mutating func close(_ byte: UInt8, empty: String) {
        let count = current
        depth -= 1
        if depth > 0 { current = outer.removeLast() }
        if count > 0 { newline(indent: depth) }
        output.write(byte: byte)
        if depth == 0 { output.write(byte: 0x0A) }
    }

    private mutating func separate() {
        guard depth > 0 else { return }
        let comma = current > 0
        current += 1
        newline(indent: depth, afterComma: comma)
    }

    /// A line break and the indentation of `indent` levels, after a comma when `afterComma`, in
    /// one write.
    private func newline(indent: Int, afterComma: Bool = false) {
        let spaces = 2 * indent
        output.write(reserving: spaces + 2) { Self.lineStart(at: $0, afterComma: afterComma, spaces: spaces) }
    }

    /// Writes at `target` a comma when `afterComma`, a line break and `spaces` spaces; returns how
    /// many bytes it wrote (at most `spaces + 2`).
    @inline(__always)
    private static func lineStart(at target: UnsafeMutablePointer<UInt8>, afterComma: Bool, spaces: Int) -> Int {
        var count = 0
        if afterComma {
            target[0] = UInt8(ascii: ",")
            count = 1
        }
        target[count] = 0x0A
        (target + count + 1).initialize(repeating: UInt8(ascii: " "), count: spaces)
        return count + 1 + spaces
    }

    /// Whether a byte of a JSON string is written escaped: `"`, `\`, control characters and DEL.
    static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0x7F
    }

    /// How many bytes at the start of `bytes` need no escape (``needsEscape(_:)``), found eight
    /// at a time (``ByteWords``), then byte by byte.
    static func plainPrefixCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        ByteWords.plainPrefixCount(bytes, specials: (UInt8(ascii: "\""), UInt8(ascii: "\\"), 0x7F))
    }

    /// A JSON string: `"` and `\` escaped, control characters as `\n`, `\r`, `\t` or `\u00XX`,
    /// DEL as `\u007f`, everything else (UTF-8 included) as it is.
    private func writeString(_ text: String) {
        var text = text
        text.withUTF8 { writeString(utf8: $0) }
    }

    /// The JSON string of the UTF-8 `bytes` (of a `String`, or of a key's literal): quoted,
    /// escaped where ``needsEscape(_:)`` says, then the two bytes `end` when given (a key's `: `).
    private func writeString(utf8 bytes: UnsafeBufferPointer<UInt8>, then end: (UInt8, UInt8)? = nil) {
        // The usual case: nothing to escape, the quoted text (and what follows) in one write.
        let plain = Self.plainPrefixCount(bytes)
        guard plain < bytes.count else {
            output.write(reserving: bytes.count + 4) { target in
                target[0] = UInt8(ascii: "\"")
                if let start = bytes.baseAddress { (target + 1).update(from: start, count: bytes.count) }
                target[bytes.count + 1] = UInt8(ascii: "\"")
                guard let end else { return bytes.count + 2 }
                target[bytes.count + 2] = end.0
                target[bytes.count + 3] = end.1
                return bytes.count + 4
            }
            return
        }
        output.write(byte: UInt8(ascii: "\""))
        defer {
            output.write(byte: UInt8(ascii: "\""))
            if let end {
                output.write(byte: end.0)
                output.write(byte: end.1)
            }
        }
        var start = 0
        for index in plain..<bytes.count {
            let byte = bytes[index]
            guard Self.needsEscape(byte) else { continue }
            output.write(buffer: UnsafeBufferPointer(rebasing: bytes[start..<index]))
            switch byte {
            case UInt8(ascii: "\""): output.write(#"\""#)
            case UInt8(ascii: "\\"): output.write(#"\\"#)
            case 0x0A: output.write(#"\n"#)
            case 0x0D: output.write(#"\r"#)
            case 0x09: output.write(#"\t"#)
            default:
                let hex = Array("0123456789abcdef".utf8)
                output.write(#"\u00"#)
                output.write(bytes: [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            }
            start = index + 1
        }
        output.write(buffer: UnsafeBufferPointer(rebasing: bytes[start...]))
    }
}

/// The key of a JSON member: a literal of the report's own vocabulary (`"anno"`), written as it
/// is without making a `String` or looking for characters to escape (so a literal key has none:
/// no quote, backslash or control character), or a text from the data (`JSONKey(code)`), escaped.
package struct JSONKey: ExpressibleByStringLiteral {
    enum Storage {
        case literal(StaticString)
        case vocabulary(String)
        case text(String)
    }

    let storage: Storage

    /// A key written in the code.
    package init(stringLiteral value: StaticString) { storage = .literal(value) }

    /// A key from the data.
    package init(_ text: String) { storage = .text(text) }

    /// A key of the program's own vocabulary that is not a literal (an area's code, a threshold's
    /// name): written as a literal key is, with nothing to escape (checked in debug builds).
    package init(vocabulary text: String) { storage = .vocabulary(text) }
}

/// An object element of a JSON array written apart from its document
/// (``JSONWriter/renderedElement(depth:reusing:_:)``).
///
/// Sendable as a value handed over: its bytes are written once, where it is made, and only read
/// after (where it is copied into the document), so they are never shared while written.
package struct RenderedElement: @unchecked Sendable {
    /// The depth of the array it is an element of.
    let depth: Int
    /// Its bytes, from `{` to `}` (not copied out of the output they were written into).
    let bytes: ReportOutput
}
