/// Escaping of text for XML 1.0 documents written by this package.
///
/// XML 1.0 cannot hold the control characters U+0000-U+0008, U+000B, U+000C, U+000E-U+001F, nor
/// U+FFFE and U+FFFF, not even as character references: these functions replace each of them
/// with U+FFFD (the replacement character "�"), so the loss is visible rather than silent. (The
/// `.xlsx` writer first encodes them as `_xHHHH_`, which Excel and our reader decode back.)
package enum XMLEscaping {
    /// Returns whether `scalar` can appear in an XML 1.0 document.
    package static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: true
        case 0x00..<0x20, 0xFFFE, 0xFFFF: false
        default: true
        }
    }

    /// Returns `text` escaped for element content: `&`, `<`, `>` as entities, a carriage return
    /// as `&#13;` (which a parser would otherwise turn into a line feed), characters XML cannot
    /// hold replaced by U+FFFD.
    package static func text(_ text: String) -> String {
        escape(text, attribute: false)
    }

    /// Returns `text` escaped for an attribute value between double quotes: as ``text(_:)``, plus
    /// `"` as `&quot;` and tab, line feed, carriage return as character references (which
    /// attribute normalisation would otherwise turn into spaces).
    package static func attribute(_ text: String) -> String {
        escape(text, attribute: true)
    }

    /// Returns `text` escaped for content or attributes.
    private static func escape(_ text: String, attribute: Bool) -> String {
        let needsWork = text.utf8.contains {
            $0 < 0x20 || $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"") || $0 >= 0xEF
        }
        guard needsWork else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where attribute: result += "&quot;"
            case "\r": result += "&#13;"
            case "\t" where attribute: result += "&#9;"
            case "\n" where attribute: result += "&#10;"
            default: result.unicodeScalars.append(isAllowed(scalar) ? scalar : "\u{FFFD}")
            }
        }
        return result
    }
}
