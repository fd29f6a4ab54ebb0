import Foundation
import Testing

@testable import PotenziamentoFormats
@testable import PotenziamentoKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A JSON document read whole gives back the memory of what was read as it goes
/// (docs/benchmark.md, «Fourth pass»), and nothing a person sees changes.
@Suite("The JSON reader gives back the pages it has read")
struct ReadPagesReleaseTests {
    /// `text` in page-aligned memory of its own, as the loader owns a file's bytes.
    static func withOwnedBytes<T>(_ text: String, _ body: (UnsafeMutableBufferPointer<UInt8>) throws -> T) rethrows -> T {
        let bytes = Array(text.utf8)
        let page = Int(getpagesize())
        let memory = UnsafeMutableRawPointer.allocate(byteCount: max(bytes.count, 1), alignment: page)
        defer { memory.deallocate() }
        let buffer = UnsafeMutableBufferPointer(start: memory.bindMemory(to: UInt8.self, capacity: bytes.count), count: bytes.count)
        _ = buffer.initialize(from: bytes)
        return try body(buffer)
    }

    /// The position of the syntax error in an array of `text`'s elements, read element by element
    /// (giving pages back after each when `releasing`).
    static func errorPosition(in text: String, releasing: Bool) -> (line: Int, column: Int)? {
        withOwnedBytes(text) { buffer -> (line: Int, column: Int)? in
            var reader = releasing ? JSONReader(releasingReadPagesOf: buffer) : JSONReader(UnsafeBufferPointer(buffer))
            do {
                try reader.beginArray()
                while try reader.nextElement() {
                    try reader.skipValue()
                    reader.releaseReadPages(every: 1)
                }
                return nil
            } catch let error as JSONSyntaxError {
                return reader.position(of: error.offset)
            } catch {
                return nil
            }
        }
    }

    static func document(elements: Int, lineBreaks: Bool) -> String {
        // Long elements with accented letters (two bytes, one column each), so several pages are read.
        let element = #"{"denominazione": "Città di Forlì \#(String(repeating: "è", count: 300))"}"#
        let separator = lineBreaks ? ",\n  " : ", "
        return "[" + Array(repeating: element, count: elements).joined(separator: separator) + #", {"à": tru}]"#
    }

    @Test("a syntax error is at the same line and column with the pages given back", arguments: [true, false])
    func errorPositions(lineBreaks: Bool) throws {
        let text = Self.document(elements: 200, lineBreaks: lineBreaks)
        let expected = try #require(Self.errorPosition(in: text, releasing: false))
        #expect(Self.errorPosition(in: text, releasing: true)! == expected)
        // Checked against a count made here: the error is at `tru`.
        let before = String(text[..<text.range(of: "tru}")!.lowerBound])
        let lines = before.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(expected.line == lines.count)
        #expect(expected.column == lines.last!.count + 1)
    }

    @Test("line ends and characters are counted eight bytes at a time like one at a time", arguments: [0, 1, 7, 8, 9, 63, 64, 1_000])
    func counting(length: Int) {
        var generator = SystemRandomNumberGenerator()
        let samples: [[UInt8]] = [
            (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) },
            Array(String(repeating: "è\nà€\n日本 x\n", count: length / 8 + 1).utf8.prefix(length)),
            Array(repeating: 0x0A, count: length), Array(repeating: 0x80, count: length), Array(repeating: 0xFF, count: length),
        ]
        for sample in samples {
            for offset in [0, 1, 3] where offset <= sample.count {
                sample.withUnsafeBufferPointer { all in
                    let bytes = UnsafeBufferPointer(rebasing: all[offset...])
                    #expect(TextDecoding.count(in: bytes, lineEnds: true) == bytes.filter { $0 == 0x0A }.count)
                    #expect(TextDecoding.count(in: bytes, lineEnds: false) == bytes.filter { $0 & 0xC0 != 0x80 }.count)
                }
            }
        }
    }

    #if os(Linux)
        @Test("the pages read are given back (they read as zeros afterwards), the rest is untouched")
        func pagesGivenBack() throws {
            let text = Self.document(elements: 200, lineBreaks: true)
            let page = Int(getpagesize())
            Self.withOwnedBytes(text) { buffer in
                var reader = JSONReader(releasingReadPagesOf: buffer)
                _ = try? reader.beginArray()
                for _ in 0..<100 {
                    _ = try? reader.nextElement()
                    _ = try? reader.skipValue()
                }
                reader.releaseReadPages(every: 1)
                let read = reader.offset
                #expect(read > 4 * page)
                #expect(buffer[0..<(read / page * page)].allSatisfy { $0 == 0 })
                #expect(Array(buffer[read...]) == Array(text.utf8.dropFirst(read)))
            }
        }
    #endif

    @Test("a roster read giving its pages back equals the roster read whole, and so do its messages")
    func sameRoster() throws {
        let count = 3_000
        let staff = (0..<count).map { RosterFactory.worker("AS-\($0)", areas: $0 % 2 == 0 ? [.segretariatoSociale: Fraction(100)] : [:]) }
        let roster = RosterFactory.roster(staff)
        // A repeated id near the end (a roster-wide error) and text after the document.
        let json = RosterWriter.json(roster).replacingOccurrences(of: "\"AS-2999\"", with: "\"as-10\"") + "\n x"
        let plain = Array(json.utf8).withUnsafeBufferPointer { RosterJSONReader.read(utf8: $0, file: "t.json") }
        let released = Self.withOwnedBytes(json) { buffer in
            let reading = RosterJSONReader.readParts(releasing: buffer, file: "t.json", releaseStep: 1)
            var diagnostics = reading.diagnostics
            return (roster: reading.roster(source: "t.json", into: &diagnostics), diagnostics: diagnostics)
        }
        #expect(plain.diagnostics.all.map { $0.description } == released.diagnostics.all.map { $0.description })
        #expect(released.diagnostics.all.map { $0.code } == [.idRipetuto, .sintassiJSON])
        // Without the mistakes, the same records.
        let clean = RosterWriter.json(roster)
        let read = Self.withOwnedBytes(clean) { buffer in
            let reading = RosterJSONReader.readParts(releasing: buffer, file: "t.json", releaseStep: 1)
            var diagnostics = reading.diagnostics
            return reading.roster(source: "t.json", into: &diagnostics)
        }
        #expect(read == roster)
    }
}
