import PotenziamentoFormats

/// Text from the data made safe for the places it is shown (docs/regole.md, «Uscite»).
package enum TextSafety {
    /// `text` with C0 and C1 control characters (and DEL) written as `\u{1B}`: a name can never
    /// clear the screen, move the cursor or start a fake line in a terminal or a text report.
    /// Tabs are escaped too; nothing else changes.
    package static func escapingControlCharacters(_ text: String) -> String {
        guard hasControlCharacters(text) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// The first run of `text` that is UTF-8 read as Windows-1252 («Ã²» for «ò», «â€™» for «’»:
    /// a UTF-8 file opened as Windows-1252 and saved), with the text it meant; nil when there is none.
    /// Italian text never writes a letter such as «Ã» or «â» before such symbols.
    package static func misdecoded(in text: String) -> (written: String, meant: String)? {
        // The usual text, ASCII or plain accented letters, looked at on its bytes only: a lead
        // byte of «Ã», «â» or another such letter is at least 0xC3.
        var copy = text
        guard copy.withUTF8({ bytes in bytes.contains { $0 >= 0xC3 } }) else { return nil }
        return misdecodedRun(in: text)
    }

    /// ``misdecoded(in:)`` of a text with a byte that may begin a run.
    private static func misdecodedRun(in text: String) -> (written: String, meant: String)? {
        let scalars = Array(text.unicodeScalars)
        // The Windows-1252 byte each character is written with, if it is one.
        func byte(_ scalar: Unicode.Scalar) -> UInt8? {
            if scalar.value < 0x80 || (0xA0...0xFF).contains(scalar.value) { return UInt8(scalar.value) }
            return (0x80...0x9F).first { TextDecoding.windows1252(UInt8($0)) == scalar }.map { UInt8($0) }
        }
        for index in scalars.indices {
            guard let lead = byte(scalars[index]), (0xC3...0xF4).contains(lead) else { continue }
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            guard index + length <= scalars.count else { continue }
            var bytes = [lead]
            for next in scalars[(index + 1)..<(index + length)] {
                guard let continuation = byte(next), (0x80...0xBF).contains(continuation) else { break }
                bytes.append(continuation)
            }
            // Only a character Italian text writes (a review: «Ò» and a non-breaking space are no «Ҡ»).
            guard bytes.count == length, let meant = String(validating: bytes, as: UTF8.self),
                meant.unicodeScalars.count == 1, let scalar = meant.unicodeScalars.first, TextDecoding.isLikelyText(scalar)
            else { continue }
            var written = String.UnicodeScalarView()
            written.append(contentsOf: scalars[index..<(index + length)])
            return (String(written), meant)
        }
        return nil
    }

    /// `text` cut to its first `limit` characters with «…» when longer: a cell or a value quoted in
    /// a message stays one readable line, however long it is.
    package static func shortened(_ text: String, limit: Int = 60) -> String {
        text.count <= limit ? text : String(text.prefix(limit)) + "…"
    }

    /// Whether `text` has a control character: a C0 byte, DEL, or a C1 character (`C2 80`-`C2 9F`
    /// in UTF-8; `C2` also starts «, » and other common letters, which need no escaping).
    static func hasControlCharacters(_ text: String) -> Bool {
        func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            // Eight bytes at a time up to the next byte below 0x20, DEL or 0xC2 (the lead byte of
            // every C1 character); a 0xC2 that starts «, » or another letter is stepped over and
            // the scan goes on by words (every message has «», which sent the rest of it byte by byte).
            var index = 0
            while true {
                index += ByteWords.plainPrefixCount(UnsafeBufferPointer(rebasing: bytes[index...]), specials: (0x7F, 0xC2, 0xC2))
                guard index < bytes.count else { return false }
                guard bytes[index] == 0xC2 else { return true }
                if index + 1 < bytes.count && (0x80...0x9F).contains(bytes[index + 1]) { return true }
                index = min(index + 2, bytes.count)
            }
        }
        // The bytes in place for a native string (every string the program makes), else a copy.
        return text.utf8.withContiguousStorageIfAvailable(scan) ?? Array(text.utf8).withUnsafeBufferPointer(scan)
    }

    /// How a message names a character a person cannot see or tell from another: `U+200B`, with
    /// what it is (an invisible character, a special space, a line break as a cell of two lines
    /// or paragraphs has, a tab) for the ones pasted from web pages and word processors; the
    /// character itself, quoted, for any other.
    package static func naming(_ character: Character) -> String {
        guard let scalar = character.unicodeScalars.first else { return "«»" }
        let code = String(scalar.value, radix: 16, uppercase: true)
        let written = "U+" + String(repeating: "0", count: max(0, 4 - code.count)) + code
        switch scalar.properties.generalCategory {
        case .format: return "un carattere invisibile (\(written))"
        case .spaceSeparator where scalar != " ": return "uno spazio speciale (\(written), spazio non separabile o simile)"
        // A line break inside a cell (Alt+Invio, two paragraphs of an ODS cell) is what the officer sees as such.
        case .control where scalar == "\n" || scalar == "\r": return "un a capo (\(written), il testo su due righe)"
        case .control where scalar == "\t": return "una tabulazione (\(written))"
        case .control: return "un carattere di controllo (\(written))"
        default: return "«\(character)»"
        }
    }

    /// The first character of `text` that ``naming(_:)`` names by its code (an invisible
    /// character, a special space, a control character), as it names it; nil when there is none.
    package static func firstHiddenCharacter(in text: String) -> String? {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 >= 0x7F }) else { return nil }
        for character in text {
            let named = naming(character)
            if !named.hasPrefix("«") { return named }
        }
        return nil
    }

    /// Whether a scalar is a control character (C0, DEL, C1).
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}

/// Italian grammar for counts: «1 errore», «2 errori».
package enum Italian {
    /// `count` followed by the singular or plural noun, the count with thousands separators.
    package static func count(_ count: Int, _ singular: String, _ plural: String) -> String {
        "\(NumberFormatting.italian(count)) \(count == 1 ? singular : plural)"
    }

    /// A list shown in a message: at most `limit` items, then «e altri N» (or «e un altro»).
    package static func list(_ items: [String], limit: Int = 10) -> String {
        guard items.count > limit else { return items.joined(separator: ", ") }
        let more = items.count - limit
        return items.prefix(limit).joined(separator: ", ") + (more == 1 ? " e un altro" : " e altri \(NumberFormatting.italian(more))")
    }
}
