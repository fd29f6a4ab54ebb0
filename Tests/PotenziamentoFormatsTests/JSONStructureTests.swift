import Foundation
import Testing

@testable import PotenziamentoFormats

/// The reader's grammar of separators and whitespace (commas due after a nested value, runs of
/// spaces measured a word at a time) accepts exactly the documents Foundation's parser accepts,
/// and the known texts are matched exactly as a comparison of whole strings would.
@Suite("JSON structure and known texts")
struct JSONStructureTests {
    /// Whether the reader reads `bytes` as one whole JSON document.
    static func accepts(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = JSONReader(buffer)
            do throws(JSONSyntaxError) {
                try reader.skipValue()
                try reader.finish()
                return true
            } catch {
                return false
            }
        }
    }

    /// Whether Foundation reads `bytes` as one whole JSON document.
    static func foundationAccepts(_ bytes: [UInt8]) -> Bool {
        (try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])) != nil
    }

    /// Whether a comma is followed, after whitespace, by the end of an array or object.
    static func hasTrailingComma(_ bytes: [UInt8]) -> Bool {
        var afterComma = false
        for byte in bytes {
            switch byte {
            case UInt8(ascii: ","): afterComma = true
            case 0x20, 0x09, 0x0A, 0x0D: continue
            case UInt8(ascii: "]"), UInt8(ascii: "}"): if afterComma { return true }
            default: afterComma = false
            }
        }
        return false
    }

    /// Documents with nesting, empty containers and whitespace runs of every length up to 17.
    static let seeds: [String] = {
        var seeds = [
            #"{"a": [1, {"b": [], "c": {}}, [[2], [3, 4]]], "d": "x", "e": null, "f": true}"#,
            #"[[], [[]], {}, [{}], {"a": {"b": {"c": [1]}}}, "s", -0.5, 1e3]"#,
            "[1,2,3]", "{}", "[]", "0", "\"x\"",
        ]
        for run in 0...17 {
            let space = String(repeating: " ", count: run)
            seeds.append(
                "{\n\(space)\"personale\": [\n\(space)  {\"id\": \"A\",\(space)\"periodi\": [{\"dal\": \"2020-01-01\"},\(space){}]}\(space),\r\n\t\(space)[]\n\(space)]\(space)}\(space)"
            )
        }
        return seeds
    }()

    @Test("documents and their one-byte mutations are accepted exactly when Foundation accepts them")
    func separators() {
        var mismatches: [String] = []
        for seed in Self.seeds {
            let bytes = Array(seed.utf8)
            var documents = [bytes]
            for index in bytes.indices {
                var removed = bytes
                removed.remove(at: index)
                documents.append(removed)
                for inserted in [",", "]", "}", ":", " ", "\n", "[", "{"] {
                    var longer = bytes
                    longer.insert(UInt8(ascii: Unicode.Scalar(inserted)!), at: index)
                    documents.append(longer)
                }
            }
            for document in documents {
                // Foundation also takes a comma before `]` or `}`, which RFC 8259 does not allow.
                let expected = !Self.hasTrailingComma(document) && Self.foundationAccepts(document)
                if Self.accepts(document) != expected { mismatches.append(String(decoding: document, as: UTF8.self)) }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) documents, the first: \(mismatches.prefix(3))")
    }

    @Test("a missing comma is reported where the comma was due, after any run of spaces")
    func missingComma() throws {
        for run in 0...17 {
            let space = String(repeating: " ", count: run)
            let document = Array("[1,\(space)2 \(space)3]".utf8)
            let error = document.withUnsafeBufferPointer { buffer -> JSONSyntaxError? in
                var reader = JSONReader(buffer)
                do throws(JSONSyntaxError) {
                    try reader.skipValue()
                    return nil
                } catch {
                    return error
                }
            }
            #expect(error?.offset == 5 + 2 * run, "run of \(run)")
        }
    }

    @Test("known texts match exactly the equal strings, whatever their length and first eight bytes")
    func knownTexts() {
        let strings = [
            "", "id", "codiceIstat", "codiceIstaT", "percentuale", "disabilita_non_autosufficienza", "abcdefgh", "abcdefghi", "abcdefgh\u{0}",
            "abc", "abc\u{0}", "àèì", "id",
        ]
        let known = JSONReader.KnownTexts(strings)
        var candidates = strings
        for text in strings {
            let bytes = Array(text.utf8)
            for cut in 0...bytes.count {
                candidates.append(String(decoding: bytes[..<cut], as: UTF8.self))
                candidates.append(String(decoding: bytes[cut...], as: UTF8.self))
            }
            for index in bytes.indices {
                var changed = bytes
                changed[index] ^= 0x01
                candidates.append(String(decoding: changed, as: UTF8.self))
            }
            candidates.append(text + "x")
        }
        for candidate in candidates {
            let found = Array(candidate.utf8).withUnsafeBufferPointer { known.match($0) }
            #expect(found == strings.firstIndex { Array($0.utf8) == Array(candidate.utf8) }, "«\(candidate)»")
        }
    }

    /// The keys of `document`'s top object read as text by ``JSONReader/nextKey()`` and then
    /// compared whole with the known texts (the index of the first equal one), or the error.
    static func keysAsText(_ document: String, known: JSONReader.KnownTexts) -> Result<[String], JSONSyntaxError> {
        Array(document.utf8).withUnsafeBufferPointer { buffer in
            var reader = JSONReader(buffer)
            var keys: [String] = []
            do throws(JSONSyntaxError) {
                try reader.beginObject()
                while let key = try reader.nextKey() {
                    keys.append(known.strings.firstIndex { Array($0.utf8) == Array(key.utf8) }.map { "#\($0)" } ?? key)
                    try reader.skipValue()
                }
                return .success(keys)
            } catch {
                return .failure(error)
            }
        }
    }

    /// The same keys as ``JSONReader/nextKey(matching:expected:)`` reads them, guessing `expected` for each.
    static func keysByIndex(_ document: String, known: JSONReader.KnownTexts, expected: Int) -> Result<[String], JSONSyntaxError> {
        Array(document.utf8).withUnsafeBufferPointer { buffer in
            var reader = JSONReader(buffer)
            var keys: [String] = []
            do throws(JSONSyntaxError) {
                try reader.beginObject()
                while let key = try reader.nextKey(matching: known, expected: expected) {
                    switch key {
                    case .known(let index): keys.append("#\(index)")
                    case .other(let text): keys.append(text)
                    }
                    try reader.skipValue()
                }
                return .success(keys)
            } catch {
                return .failure(error)
            }
        }
    }

    @Test(
        "a key read by index, whatever the guess, is the key read as text: escaped, unknown, empty, repeated, and the same errors at the same place",
        arguments: [
            #"{"id": 1, "dal": 2, "x": 3}"#, #"{"\u0069d": 1, "d\u0061l": [1, {"id": 2}]}"#, #"{"": 1, "ID": 2, "id ": 3, "id": 4, "id": 5}"#,
            #"{"àèì": true, "a\"b": null}"#, #"{}"#, #"{"id" 1}"#, #"{"id": 1 "dal": 2}"#, #"{"id": 1,}"#, #"{id: 1}"#, #"{"id": 1"#,
            #"{"d\x": 1}"#, #"{1.5: 2}"#, #"{"id\u0001": 1, "id\"": 2, "id\\": 3, "di": 4, "idd": 5, "i": 6}"#, #"{"id"#, #"{"id""#,
            "{\"id\u{1}\": 1}", #"{"id\": 1}"#,
        ])
    func keysByIndex(document: String) {
        // Texts that a guess must not recognise by their bytes: a repeated one (the first is the
        // match), and ones with a control character, a quote or a backslash.
        let texts = ["id", "dal", "àèì", "", "id", "id\u{1}", "id\"", "id\\"]
        let known = JSONReader.KnownTexts(texts)
        for expected in -1...texts.count {
            #expect(Self.keysByIndex(document, known: known, expected: expected) == Self.keysAsText(document, known: known), "guess \(expected)")
        }
    }
}
