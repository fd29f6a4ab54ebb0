import PotenziamentoFormats

/// The members of a JSON object of a small document (``JSONNode``), checked for unknown and
/// repeated keys, with typed accessors that record an error at the member's path when a value
/// has the wrong kind. Used by the readers of documents read whole (cycle, prospetti).
struct JSONFields {
    private let members: [JSONMember]
    let place: SourcePlace

    /// The fields of `node` at `place`, or nil after recording that it is not an object. With
    /// `allowed` nil every key is accepted (a document of this program read back, whose extra keys
    /// do not matter).
    init?(_ node: JSONNode, place: SourcePlace, allowed: [String]?, diagnostics: inout Diagnostics) {
        guard case .object(let all) = node else {
            diagnostics.error(.tipoErrato, place, "deve essere un oggetto JSON, trovato \(node.kindName)")
            return nil
        }
        self.place = place
        var members: [JSONMember] = []
        for member in all {
            if let allowed, !allowed.contains(member.key) {
                let suggestion = NameSuggestion.nearest(to: member.key, in: allowed).map { " (forse «\($0)»?)" } ?? ""
                diagnostics.error(.colonnaSconosciuta, place.field(member.key), "chiave sconosciuta «\(member.key)»\(suggestion)")
            } else if members.contains(where: { $0.key == member.key }) {
                diagnostics.error(.campoRipetuto, place.field(member.key), "chiave «\(member.key)» ripetuta")
            } else {
                members.append(member)
            }
        }
        self.members = members
    }

    /// The value of `key` (null counts as absent), recording an error when a required one is missing.
    func node(_ key: String, required: Bool, diagnostics: inout Diagnostics) -> JSONNode? {
        guard let value = members.first(where: { $0.key == key })?.value, value != .null else {
            if required { diagnostics.error(.campoMancante, place.field(key), "manca il campo obbligatorio «\(key)»") }
            return nil
        }
        return value
    }

    /// A string value.
    func string(_ key: String, required: Bool, diagnostics: inout Diagnostics) -> String? {
        guard let value = node(key, required: required, diagnostics: &diagnostics) else { return nil }
        guard case .string(let text) = value else {
            diagnostics.error(.tipoErrato, place.field(key), "deve essere un testo tra virgolette, trovato \(value.kindName)")
            return nil
        }
        return text
    }

    /// A number's exact text.
    func numberText(_ key: String, required: Bool, diagnostics: inout Diagnostics) -> String? {
        guard let value = node(key, required: required, diagnostics: &diagnostics) else { return nil }
        guard case .number(let text) = value else {
            diagnostics.error(.tipoErrato, place.field(key), "deve essere un numero, trovato \(value.kindName)")
            return nil
        }
        return text
    }

    /// A boolean.
    func bool(_ key: String, diagnostics: inout Diagnostics) -> Bool? {
        guard let value = node(key, required: false, diagnostics: &diagnostics) else { return nil }
        guard case .bool(let flag) = value else {
            diagnostics.error(.tipoErrato, place.field(key), "deve essere true o false, trovato \(value.kindName)")
            return nil
        }
        return flag
    }

    /// An array's elements.
    func array(_ key: String, required: Bool, diagnostics: inout Diagnostics) -> [JSONNode] {
        guard let value = node(key, required: required, diagnostics: &diagnostics) else { return [] }
        guard case .array(let elements) = value else {
            diagnostics.error(.tipoErrato, place.field(key), "deve essere un elenco [ ... ], trovato \(value.kindName)")
            return []
        }
        return elements
    }
}

/// Parsing a small JSON document read whole, with its syntax error as a diagnostic.
enum JSONDocument {
    /// The document in the UTF-8 `bytes` of `file`.
    ///
    /// - Throws: ``InputError`` with ``DiagnosticCode/sintassiJSON`` at the line and column where it stops being JSON.
    static func parse(_ bytes: [UInt8], file: String) throws(InputError) -> JSONNode {
        let result: Result<JSONNode, JSONSyntaxError> = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONSyntaxError) in try JSONNode.parse(buffer) }
        }
        switch result {
        case .success(let node): return node
        case .failure(let error):
            let (line, column) = TextDecoding.position(of: error.offset, in: bytes)
            throw InputError(.sintassiJSON, SourcePlace(file: file, position: .text(line: line, column: column)), "JSON non valido: \(error.message)")
        }
    }
}
