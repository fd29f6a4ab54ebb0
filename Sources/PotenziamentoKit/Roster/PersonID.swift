/// The id of a person in a roster (`id`).
///
/// Ids are compared ignoring case and surrounding spaces (docs/regole.md §3, a ruling): `SD-01 Bianchi`
/// and ` sd-01 bianchi ` are the same person, so two records with them are a duplicate. A
/// non-breaking or other special space inside an id counts as a space, and a run of spaces as one
/// (`Rossi  Maria` is `Rossi Maria`); an invisible character
/// (zero-width space, soft hyphen, BOM) is an error: ids that look the same are the same person.
public struct PersonID: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The id as written (surrounding spaces removed).
    public let text: String
    /// The comparable form: trimmed, runs of spaces made one, lower-cased.
    let key: String

    /// The error of a row of totals among the persons, named by its `label` (`Totale`): one
    /// message wherever the label is found (as the id, or in another cell of a row with no id).
    static func totalRow(_ label: String) -> InvalidValue {
        InvalidValue(
            .rigaDiTotale,
            "«\(TextSafety.shortened(label))» sembra una riga di totale, non una persona: cancellala (il programma somma da sé le persone e gli FTE)")
    }

    /// The id `text`.
    ///
    /// - Throws: ``InvalidValue`` with ``DiagnosticCode/valoreVuoto`` when `text` is empty or
    ///   only spaces, ``DiagnosticCode/fuoriMisura`` when it holds a line break, another control
    ///   character or an invisible one (Unicode format characters), or is longer than
    ///   ``Bounds/maximumLabelLength``, ``DiagnosticCode/rigaDiTotale`` when it is the label of a
    ///   row of totals (`Totale`, `TOTALE PERSONALE`: the whole word, not `Tot`, a surname, and no digit).
    public init(_ text: String) throws(InvalidValue) {
        let trimmed = try Bounds.label(text, what: "id")
        guard !trimmed.isEmpty else { throw InvalidValue(.valoreVuoto, "id della persona vuoto") }
        if TotalRows.isTotal(trimmed, abbreviated: false), !trimmed.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) { throw Self.totalRow(trimmed) }
        self.text = trimmed
        // Invisible (format) characters and special spaces are U+00A0, U+00AD or from U+0600 on:
        // an id without them or a run of spaces (ASCII, accented Latin letters: the usual case) is
        // not looked at per scalar.
        guard Self.mayHaveInvisibleOrSpace(trimmed) else {
            self.key = trimmed.lowercased()
            return
        }
        var key = String.UnicodeScalarView()
        for scalar in trimmed.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .format:
                // Zero-width spaces, joiners, soft hyphens, a BOM: two ids that look the same would be two persons.
                throw InvalidValue(
                    .fuoriMisura,
                    "l'id «\(TextSafety.shortened(trimmed))» contiene \(TextSafety.naming(Character(scalar))): riscrivi l'id senza incollarlo")
            // A non-breaking space is a space (`Rossi Maria` either way), and a run of spaces is one.
            case .spaceSeparator: if key.last != " " { key.append(" ") }
            default: key.append(scalar)
            }
        }
        // A special space at an end (a thin space left by a paste) is a space at an end: not part of the id.
        while key.last == " " { key.removeLast() }
        while key.first == " " { key.removeFirst() }
        self.key = String(key).lowercased()
    }

    /// Whether `text` holds U+00A0, U+00AD or a character from U+0600 on (a UTF-8 lead byte from
    /// 0xD8), or two spaces in a row: the only places of the format characters, special spaces and
    /// runs of spaces that ``init(_:)`` looks at one by one.
    private static func mayHaveInvisibleOrSpace(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte >= 0xD8 || (previous == 0xC2 && (byte == 0xA0 || byte == 0xAD)) || (byte == 0x20 && previous == 0x20) { return true }
            previous = byte
        }
        return false
    }

    /// The id as written.
    public var description: String { text }

    /// Ids are equal when they are equal ignoring case, surrounding spaces and the length of runs of spaces.
    public static func == (lhs: PersonID, rhs: PersonID) -> Bool { lhs.key == rhs.key }
    /// Hashes the comparable form.
    public func hash(into hasher: inout Hasher) { hasher.combine(key) }
    /// Orders by the comparable form.
    public static func < (lhs: PersonID, rhs: PersonID) -> Bool { lhs.key < rhs.key }
}

extension PersonID: Codable {
    /// Decodes an id from its text.
    ///
    /// - Throws: `DecodingError.dataCorrupted` for an empty id.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        self = try DecodingError.validating(container.codingPath) { () throws(InvalidValue) in try PersonID(text) }
    }

    /// Encodes the id as written.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
