extension SourcePlace: Codable {
    private enum CodingKeys: String, CodingKey { case file, line, column, textColumn, jsonPath, sheet, cell }

    /// Decodes a place: `file` with at most one of `line` (with optional `column`), `line` and
    /// `textColumn`, `jsonPath`, or `sheet` and `cell` (with optional `column`).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let file = try container.decode(String.self, forKey: .file)
        let column = try container.decodeIfPresent(String.self, forKey: .column)
        if let sheet = try container.decodeIfPresent(String.self, forKey: .sheet) {
            self.init(file: file, position: .cell(sheet: sheet, reference: try container.decode(String.self, forKey: .cell), column: column))
        } else if let path = try container.decodeIfPresent(String.self, forKey: .jsonPath) {
            self.init(file: file, position: .json(JSONPath.parsing(path)))
        } else if let line = try container.decodeIfPresent(Int.self, forKey: .line) {
            if let textColumn = try container.decodeIfPresent(Int.self, forKey: .textColumn) {
                self.init(file: file, position: .text(line: line, column: textColumn))
            } else {
                self.init(file: file, position: .line(line, column: column))
            }
        } else {
            self.init(file: file)
        }
    }

    /// Encodes the file and the fields of the position.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        switch position {
        case .file: break
        case .line(let line, let column):
            try container.encode(line, forKey: .line)
            try container.encodeIfPresent(column, forKey: .column)
        case .text(let line, let column):
            try container.encode(line, forKey: .line)
            try container.encode(column, forKey: .textColumn)
        case .json(let path):
            try container.encode(path.description, forKey: .jsonPath)
        case .cell(let sheet, let reference, let column):
            try container.encode(sheet, forKey: .sheet)
            try container.encode(reference, forKey: .cell)
            try container.encodeIfPresent(column, forKey: .column)
        }
    }
}

extension JSONPath {
    /// The path written as text (`personale[3].periodi[0].al`); keys with dots or brackets are
    /// not expected (the formats' keys have none).
    static func parsing(_ text: String) -> JSONPath {
        var path = JSONPath.root
        for part in text.split(separator: ".") {
            var rest = Substring(part)
            if let bracket = rest.firstIndex(of: "[") {
                let key = rest[..<bracket]
                if !key.isEmpty { path = path.appending(key: String(key)) }
                rest = rest[bracket...]
                while rest.first == "[", let close = rest.firstIndex(of: "]") {
                    if let index = Int(rest[rest.index(after: rest.startIndex)..<close]) { path = path.appending(index: index) }
                    rest = rest[rest.index(after: close)...]
                }
            } else {
                path = path.appending(key: String(rest))
            }
        }
        return path
    }
}

extension InputDiagnostic: Codable {
    private enum CodingKeys: String, CodingKey { case severity, code, place, message }

    /// Decodes a diagnostic.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            try container.decode(Severity.self, forKey: .severity), try container.decode(DiagnosticCode.self, forKey: .code),
            try container.decode(SourcePlace.self, forKey: .place), try container.decode(String.self, forKey: .message))
    }

    /// Encodes severity, code, place and message.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(severity, forKey: .severity)
        try container.encode(code, forKey: .code)
        try container.encode(place, forKey: .place)
        try container.encode(message, forKey: .message)
    }
}
