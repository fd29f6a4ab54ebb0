import Testing

@testable import PotenziamentoFormats

/// Strings read eight bytes at a time (`JSONReader.skipPlainText`) give what a byte-by-byte
/// reading gives, wherever the quote, escape or control character falls in a word.
@Suite("JSON strings read a word at a time")
struct JSONStringTests {
    /// What `readString` gives for the document `text`, or the error's offset.
    static func read(_ text: String) -> Result<String, JSONSyntaxError> {
        Array(text.utf8).withUnsafeBufferPointer { buffer in
            var reader = JSONReader(buffer)
            return Result { () throws(JSONSyntaxError) in try reader.readString() }
        }
    }

    @Test("a special byte at every position of the first words", arguments: 0..<20)
    func positions(prefix: Int) throws {
        let plain = String(repeating: "aè", count: prefix / 2) + (prefix % 2 == 1 ? "b" : "")
        // The end of the string.
        #expect(try Self.read("\"\(plain)\"").get() == plain)
        #expect(try Self.read("\"\(plain)\" , 1").get() == plain)
        // An escape, then more text.
        #expect(try Self.read(#""\#(plain)\"x\\y\u00e9""#).get() == plain + "\"x\\yé")
        #expect(try Self.read("\"\(plain)\\n\(plain)\"").get() == plain + "\n" + plain)
        // A control character (0x01, 0x1F) is refused where it is; DEL (0x7F) and 0x20 are text.
        for control in ["\u{01}", "\u{1F}", "\t"] {
            guard case .failure(let error) = Self.read("\"\(plain)\(control)zz\"") else {
                Issue.record("control character accepted after \(prefix) characters")
                continue
            }
            #expect(error.offset == 1 + plain.utf8.count)
        }
        #expect(try Self.read("\"\(plain)\u{7F} ~\"").get() == plain + "\u{7F} ~")
        // Not closed.
        guard case .failure = Self.read("\"\(plain)") else {
            Issue.record("unclosed string accepted")
            return
        }
    }

    @Test("every byte value next to a word boundary reads as the byte loop would")
    func bytes() {
        for value in UInt8(0x20)...0x7E where value != UInt8(ascii: "\"") && value != UInt8(ascii: "\\") {
            for count in [6, 7, 8, 9, 15, 16, 17] {
                let text = String(repeating: "x", count: count) + String(UnicodeScalar(value)) + "yz"
                #expect((try? Self.read("\"\(text)\"").get()) == text)
            }
        }
    }
}
