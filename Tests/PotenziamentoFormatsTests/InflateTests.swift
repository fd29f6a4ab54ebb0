import Foundation
import Testing

@testable import PotenziamentoFormats

/// Writes DEFLATE bits (least significant first) and Huffman codes (most significant first).
struct BitWriter {
    var bytes: [UInt8] = []
    var bitCount = 0

    /// Appends the low `count` bits of `value`, least significant first.
    mutating func bits(_ value: Int, _ count: Int) {
        for bit in 0..<count {
            if bitCount % 8 == 0 { bytes.append(0) }
            if value >> bit & 1 == 1 { bytes[bytes.count - 1] |= UInt8(1 << (bitCount % 8)) }
            bitCount += 1
        }
    }

    /// Appends a Huffman code of `length` bits, most significant first.
    mutating func code(_ code: Int, _ length: Int) {
        for bit in stride(from: length - 1, through: 0, by: -1) { bits(code >> bit & 1, 1) }
    }

    /// Appends the fixed-Huffman code of literal/length symbol `symbol` (RFC 1951 3.2.6).
    mutating func fixedLiteral(_ symbol: Int) {
        switch symbol {
        case 0..<144: code(0x30 + symbol, 8)
        case 144..<256: code(0x190 + symbol - 144, 9)
        case 256..<280: code(symbol - 256, 7)
        default: code(0xC0 + symbol - 280, 8)
        }
    }
}

@Suite("DEFLATE decoder")
struct InflateTests {
    /// The compressed fixtures made by Python's zlib: `NAME.VARIANT.deflate` next to `NAME`.
    static let compressedFixtures: [String] = FormatsTestSupport.fixtureNames(in: "deflate").filter {
        $0.hasSuffix(".deflate") && !$0.hasPrefix("big-")
    }

    @Test("zlib streams at levels 0, 1, 6, 9 and with zlib's strategies decode to the original", arguments: compressedFixtures)
    func zlibFixture(name: String) throws {
        let original = try FormatsTestSupport.fixture("deflate/" + name.split(separator: ".").dropLast(2).joined(separator: "."))
        let compressed = try FormatsTestSupport.fixture("deflate/" + name)
        #expect(try Inflate.inflate(compressed, limit: original.count) == original)
        if !original.isEmpty {
            #expect(throws: DeflateError.outputLimitExceeded(limit: original.count - 1)) {
                try Inflate.inflate(compressed, limit: original.count - 1)
            }
        }
    }

    @Test("a few MB of worksheet XML decode to the right size and CRC-32")
    func bigSheet() throws {
        let compressed = try FormatsTestSupport.fixture("deflate/big-sheet.xml.l6.deflate")
        let fields = String(decoding: try FormatsTestSupport.fixture("deflate/big-sheet.xml.size-crc"), as: UTF8.self).split(separator: " ")
        let size = try #require(Int(fields[0]))
        let crc = try #require(UInt32(fields[1].trimmingCharacters(in: .whitespacesAndNewlines)))
        let clock = ContinuousClock()
        var output: [UInt8] = []
        let elapsed = try clock.measure { output = try Inflate.inflate(compressed, limit: size, expectedSize: size) }
        #expect(output.count == size)
        #expect(CRC32.checksum(output) == crc)
        let milliseconds = max(1, elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
        print("inflate: \(size) bytes in \(milliseconds) ms = \(size / 1000 / Int(milliseconds)) MB/s")
    }

    @Test("every prefix of a stream is an error, never a crash")
    func truncated() throws {
        let compressed = try FormatsTestSupport.fixture("deflate/sheet.xml.l6.deflate")
        for length in stride(from: 0, to: compressed.count, by: 97) {
            #expect(throws: DeflateError.self) { try Inflate.inflate(Array(compressed[..<length]), limit: 1 << 20) }
        }
        let stored = try FormatsTestSupport.fixture("deflate/sheet.xml.l0.deflate")
        for length in [0, 1, 2, 3, 4, 5, 6, 100, stored.count - 1] {
            #expect(throws: DeflateError.truncatedInput) { try Inflate.inflate(Array(stored[..<length]), limit: 1 << 20) }
        }
    }

    @Test("hand-made malformed streams give the matching error", arguments: malformed)
    func malformedStream(stream: Malformed) {
        #expect(throws: stream.error) { try Inflate.inflate(stream.bytes, limit: 1 << 16) }
    }

    struct Malformed: CustomTestStringConvertible, Sendable {
        let label: String
        let bytes: [UInt8]
        let error: DeflateError
        var testDescription: String { label }
    }

    static let malformed: [Malformed] = {
        var cases: [Malformed] = []
        cases.append(Malformed(label: "empty", bytes: [], error: .truncatedInput))
        cases.append(Malformed(label: "block type 3", bytes: [0x07], error: .invalidBlockType))
        cases.append(Malformed(label: "stored LEN/NLEN mismatch", bytes: [0x01, 0x05, 0x00, 0x00, 0x00, 1, 2, 3, 4, 5], error: .storedLengthMismatch))
        cases.append(Malformed(label: "stored block cut short", bytes: [0x01, 0x05, 0x00, 0xFA, 0xFF, 0x61], error: .truncatedInput))
        cases.append(Malformed(label: "not final, no next block", bytes: [0x00, 0x00, 0x00, 0xFF, 0xFF], error: .truncatedInput))
        var writer = BitWriter()
        writer.bits(1, 1)
        writer.bits(1, 2)
        writer.fixedLiteral(257)  // length 3 ...
        writer.code(0, 5)  // ... distance 1, with nothing written yet
        writer.fixedLiteral(256)
        cases.append(Malformed(label: "distance before the start", bytes: writer.bytes, error: .distanceTooFarBack(distance: 1, available: 0)))
        writer = BitWriter()
        writer.bits(1, 1)
        writer.bits(1, 2)
        for byte in Array("abc".utf8) { writer.fixedLiteral(Int(byte)) }
        writer.fixedLiteral(258)  // length 4 ...
        writer.code(4, 5)  // ... distance 5..6
        writer.bits(0, 1)
        writer.fixedLiteral(256)
        cases.append(Malformed(label: "distance 5 after 3 bytes", bytes: writer.bytes, error: .distanceTooFarBack(distance: 5, available: 3)))
        writer = BitWriter()
        writer.bits(1, 1)
        writer.bits(1, 2)
        writer.fixedLiteral(0x41)
        writer.fixedLiteral(286)
        writer.code(0, 5)
        cases.append(Malformed(label: "literal/length symbol 286", bytes: writer.bytes, error: .invalidSymbol))
        writer = BitWriter()
        writer.bits(1, 1)
        writer.bits(1, 2)
        writer.fixedLiteral(0x41)
        writer.fixedLiteral(257)
        writer.code(30, 5)
        cases.append(Malformed(label: "distance symbol 30", bytes: writer.bytes, error: .invalidSymbol))
        writer = BitWriter()
        writer.bits(1, 1)
        writer.bits(1, 2)
        writer.fixedLiteral(0x41)
        cases.append(Malformed(label: "fixed block without end", bytes: writer.bytes, error: .truncatedInput))
        writer = BitWriter()
        writer.bits(1, 1)
        writer.bits(2, 2)
        writer.bits(30, 5)  // 287 literal/length codes
        writer.bits(0, 5)
        writer.bits(0, 4)
        cases.append(Malformed(label: "287 literal/length codes", bytes: writer.bytes + [0, 0, 0], error: .invalidCodeLengths("troppi simboli")))
        writer = BitWriter()
        writer.bits(1, 1)
        writer.bits(2, 2)
        writer.bits(0, 5)
        writer.bits(0, 5)
        writer.bits(15, 4)  // all 19 code length codes ...
        for _ in 0..<19 { writer.bits(1, 3) }  // ... of length 1
        cases.append(Malformed(label: "over-subscribed code length code", bytes: writer.bytes + [0, 0], error: .invalidCodeLengths("codici in eccesso")))
        writer = BitWriter()
        writer.bits(1, 1)
        writer.bits(2, 2)
        writer.bits(0, 5)
        writer.bits(0, 5)
        writer.bits(0, 4)  // 4 code length codes: 16, 17, 18, 0 ...
        for _ in 0..<3 { writer.bits(2, 3) }  // ... 16, 17, 18 of length 2, 0 of length 0: incomplete
        writer.bits(0, 3)
        cases.append(Malformed(label: "incomplete code length code", bytes: writer.bytes + [0, 0], error: .invalidCodeLengths("codice incompleto")))
        writer = BitWriter()
        writer.bits(1, 1)
        writer.bits(2, 2)
        writer.bits(0, 5)
        writer.bits(0, 5)
        writer.bits(0, 4)  // code length codes 16, 17, 18, 0, all of length 2
        for _ in 0..<4 { writer.bits(2, 3) }
        writer.code(1, 2)  // symbol 16 (canonical code 01; 0 has 00) first: nothing to repeat
        writer.bits(0, 2)
        cases.append(
            Malformed(
                label: "repeat with no previous length", bytes: writer.bytes + [0, 0], error: .invalidCodeLengths("ripetizione senza lunghezza precedente")))
        writer = BitWriter()
        writer.bits(1, 1)
        writer.bits(2, 2)
        writer.bits(0, 5)
        writer.bits(0, 5)
        writer.bits(0, 4)  // code length codes 16, 17, 18, 0, all of length 2
        for _ in 0..<4 { writer.bits(2, 3) }
        writer.code(3, 2)  // symbol 18 (code 11): 11 + 127 zeros ...
        writer.bits(127, 7)
        writer.code(3, 2)  // ... and 138 more: 276 > 258 lengths
        writer.bits(127, 7)
        writer.code(3, 2)
        writer.bits(127, 7)
        cases.append(Malformed(label: "repeat beyond the number of lengths", bytes: writer.bytes + [0, 0], error: .invalidCodeLengths("troppe lunghezze")))
        writer = BitWriter()
        writer.bits(1, 1)
        writer.bits(2, 2)
        writer.bits(0, 5)
        writer.bits(0, 5)
        writer.bits(0, 4)  // code length codes 16, 17, 18, 0, all of length 2
        for _ in 0..<4 { writer.bits(2, 3) }
        writer.code(3, 2)  // 138 zeros
        writer.bits(127, 7)
        writer.code(3, 2)  // 120 zeros: 258 lengths, all 0
        writer.bits(109, 7)
        cases.append(Malformed(label: "no end-of-block code", bytes: writer.bytes + [0, 0], error: .invalidCodeLengths("manca il codice di fine blocco")))
        return cases
    }()

    @Test("a stream that expands past the limit stops at the limit, quickly")
    func bombStopsAtTheLimit() throws {
        var writer = BitWriter()
        writer.bits(1, 1)
        writer.bits(1, 2)
        writer.fixedLiteral(0x61)
        for _ in 0..<400_000 {  // 400.000 copies of 258 bytes: about 100 MB from 650 KB
            writer.fixedLiteral(285)
            writer.code(0, 5)
        }
        writer.fixedLiteral(256)
        let bomb = writer.bytes
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            #expect(throws: DeflateError.outputLimitExceeded(limit: 1 << 20)) { try Inflate.inflate(bomb, limit: 1 << 20) }
        }
        #expect(elapsed < .seconds(2))
        #expect(try Inflate.inflate(bomb, limit: 1 + 400_000 * 258).count == 1 + 400_000 * 258)
    }

    @Test("a limit of zero accepts only empty output")
    func zeroLimit() throws {
        #expect(try Inflate.inflate([0x03, 0x00], limit: 0) == [])
        #expect(throws: DeflateError.outputLimitExceeded(limit: 0)) { try Inflate.inflate([0x01, 0x01, 0x00, 0xFE, 0xFF, 0x41], limit: 0) }
    }

    @Test("overlapping back-references repeat the pattern")
    func overlappingCopy() throws {
        var writer = BitWriter()
        writer.bits(1, 1)
        writer.bits(1, 2)
        for byte in Array("ab".utf8) { writer.fixedLiteral(Int(byte)) }
        writer.fixedLiteral(265)  // length 11 + 1 extra bit
        writer.bits(1, 1)  // 12
        writer.code(1, 5)  // distance 2
        writer.fixedLiteral(256)
        #expect(try Inflate.inflate(writer.bytes, limit: 100) == Array("abababababababab".utf8)[0..<14].map { $0 })
    }
}
