/// A parsed JSON value for small documents read whole (cycle inputs, prospetti read back):
/// numbers keep their exact source text (never a binary float), object members their source
/// order and repeated keys (so a reader can report them). Built by ``JSONReader``.
package enum JSONNode: Sendable, Hashable {
    /// An object, members in source order.
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
    package var kindName: String {
        switch self {
        case .object: JSONReader.Kind.object.name
        case .array: JSONReader.Kind.array.name
        case .string: JSONReader.Kind.string.name
        case .number: JSONReader.Kind.number.name
        case .bool: JSONReader.Kind.bool.name
        case .null: JSONReader.Kind.null.name
        }
    }

    /// The value of the document in `bytes` (valid UTF-8).
    ///
    /// - Throws: ``JSONSyntaxError`` where the document stops being JSON.
    package static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> JSONNode {
        var reader = JSONReader(bytes)
        let node = try read(&reader)
        try reader.finish()
        return node
    }

    /// The next value of `reader`, whole.
    package static func read(_ reader: inout JSONReader) throws(JSONSyntaxError) -> JSONNode {
        switch try reader.peek() {
        case .object:
            try reader.beginObject()
            var members: [JSONMember] = []
            while let key = try reader.nextKey() { members.append(JSONMember(key: key, value: try read(&reader))) }
            return .object(members)
        case .array:
            try reader.beginArray()
            var elements: [JSONNode] = []
            while try reader.nextElement() { elements.append(try read(&reader)) }
            return .array(elements)
        case .string: return .string(try reader.readString())
        case .number: return .number(try reader.readNumber())
        case .bool: return .bool(try reader.readBool())
        case .null:
            try reader.readNull()
            return .null
        }
    }
}

/// A member of a JSON object.
package struct JSONMember: Sendable, Hashable {
    /// The key.
    package let key: String
    /// The value.
    package let value: JSONNode

    /// A member.
    package init(key: String, value: JSONNode) {
        self.key = key
        self.value = value
    }
}
