import Foundation
import Testing

@testable import PotenziamentoFormats

/// Builds ZIP archives field by field, so tests can make any malformed or hostile archive.
enum RawZIP {
    struct Entry {
        var name: String
        var nameBytes: [UInt8]? = nil
        var method = 0
        var flags = 0
        var crc: UInt32? = nil
        var data: [UInt8]
        var uncompressedSize: Int? = nil
        var localHeaderOffset: Int? = nil
    }

    static func le16(_ value: Int) -> [UInt8] { [UInt8(truncatingIfNeeded: value), UInt8(truncatingIfNeeded: value >> 8)] }
    static func le32(_ value: Int) -> [UInt8] { le16(value) + le16(value >> 16) }

    /// The archive of `entries` (data as given: already compressed for method 8), with an
    /// end record whose count, sizes and offsets can be overridden.
    static func build(
        _ entries: [Entry], declaredCount: Int? = nil, directoryOffset: Int? = nil, directorySize: Int? = nil, comment: [UInt8] = []
    ) -> [UInt8] {
        var bytes: [UInt8] = []
        var directory: [UInt8] = []
        for entry in entries {
            let name = entry.nameBytes ?? Array(entry.name.utf8)
            let crc = Int(entry.crc ?? CRC32.checksum(entry.data))
            let size = entry.uncompressedSize ?? entry.data.count
            let offset = bytes.count
            bytes += le32(0x0403_4B50) + le16(20) + le16(entry.flags) + le16(entry.method) + le16(0) + le16(0x21)
            bytes += le32(crc) + le32(entry.data.count) + le32(size) + le16(name.count) + le16(0) + name + entry.data
            directory += le32(0x0201_4B50) + le16(20) + le16(20) + le16(entry.flags) + le16(entry.method) + le16(0) + le16(0x21)
            directory += le32(crc) + le32(entry.data.count) + le32(size) + le16(name.count) + le16(0) + le16(0) + le16(0) + le16(0)
            directory += le32(0) + le32(entry.localHeaderOffset ?? offset) + name
        }
        let start = bytes.count
        bytes += directory
        bytes += le32(0x0605_4B50) + le16(0) + le16(0) + le16(declaredCount ?? entries.count) + le16(declaredCount ?? entries.count)
        bytes += le32(directorySize ?? directory.count) + le32(directoryOffset ?? start) + le16(comment.count) + comment
        return bytes
    }
}

@Suite("ZIP")
struct ZIPTests {
    static let archives = ["stored.zip", "deflated.zip", "commented.zip", "descriptors.zip", "infozip.zip"]

    @Test("archives made by Python's zipfile and by zip(1) read alike", arguments: archives)
    func fixtureArchive(name: String) throws {
        let reference = try ZIPArchive(bytes: try FormatsTestSupport.fixture("zip/stored.zip"))
        let archive = try ZIPArchive(bytes: try FormatsTestSupport.fixture("zip/" + name))
        #expect(Set(archive.entryNames) == Set(["mimetype", "dir/testo.txt", "dati/vuoto.bin", "dati/casuale.bin"]))
        for entry in reference.entries {
            #expect(try archive.contents(of: entry.name) == (try reference.contents(of: entry.name)), "\(entry.name)")
        }
        #expect(try archive.contents(of: "dir/testo.txt") == Array(String(repeating: "città è più bella\n", count: 200).utf8))
        #expect(try archive.contents(of: "dati/vuoto.bin") == [])
        #expect(try archive.contents(of: "non/esiste") == nil)
        #expect(try archive.contents(of: "DIR/TESTO.TXT") == (try archive.contents(of: "dir/testo.txt")))
    }

    @Test("what the writer writes, the reader reads; the same entries give the same bytes")
    func roundTrip() throws {
        let entries: [(name: String, data: [UInt8])] = [
            ("mimetype", Array("application/vnd.oasis.opendocument.spreadsheet".utf8)), ("vuota", []),
            ("cartella/più.xml", Array(String(repeating: "<a>è</a>", count: 1000).utf8)), ("binario", (0..<1000).map { UInt8($0 % 251) }),
        ]
        let bytes = try ZIPWriter.archive(entries)
        #expect(try ZIPWriter.archive(entries) == bytes)
        let archive = try ZIPArchive(bytes: bytes)
        #expect(archive.entryNames == entries.map(\.name))
        for entry in entries { #expect(try archive.contents(of: entry.name) == entry.data) }
        // OpenDocument's magic: "mimetype" stored first, its content from byte 38.
        #expect(Array(bytes[30..<38]) == Array("mimetype".utf8))
        #expect(Array(bytes[38..<84]) == Array("application/vnd.oasis.opendocument.spreadsheet".utf8))
        #expect(archive.entries[0].method == 0 && archive.entries[0].localHeaderOffset == 0)
        // The fixed DOS date 1980-01-01 00:00 in the local header.
        #expect(Array(bytes[10..<14]) == [0, 0, 0x21, 0])
    }

    @Test("the writer refuses duplicate and unsafe names")
    func writerRefusals() {
        #expect(throws: ZIPError.duplicateName("a")) { try ZIPWriter.archive([("a", []), ("a", [])]) }
        #expect(throws: ZIPError.unsafeName("../a")) { try ZIPWriter.archive([("../a", [])]) }
        #expect(throws: ZIPError.unsafeName("/a")) { try ZIPWriter.archive([("/a", [])]) }
        #expect(throws: ZIPError.unsafeName("")) { try ZIPWriter.archive([("", [])]) }
    }

    @Test("an archive cut anywhere is an error, never a crash")
    func truncatedArchive() throws {
        let bytes = try FormatsTestSupport.fixture("zip/deflated.zip")
        for length in stride(from: 0, to: bytes.count, by: 13) {
            let prefix = Array(bytes[..<length])
            #expect(throws: ZIPError.self) {
                let archive = try ZIPArchive(bytes: prefix)
                for name in archive.entryNames { _ = try archive.contents(of: name) }
            }
        }
    }

    struct Hostile: CustomTestStringConvertible, Sendable {
        let label: String
        let bytes: [UInt8]
        let error: ZIPError
        var limits = ZIPLimits.standard
        var testDescription: String { label }
    }

    static let hostile: [Hostile] = {
        let text = Array("contenuto".utf8)
        var cases: [Hostile] = []
        cases.append(Hostile(label: "not a ZIP", bytes: Array("id;nome\n1;Rossi\n".utf8), error: .notAnArchive))
        cases.append(Hostile(label: "too short", bytes: [0x50, 0x4B, 0x05, 0x06], error: .notAnArchive))
        cases.append(
            Hostile(
                label: "100.000 entries (count wrapped to 34.464)", bytes: RawZIP.build([], declaredCount: 100_000 % 65_536),
                error: .tooManyEntries(count: 34_464, limit: 10_000)))
        cases.append(Hostile(label: "ZIP64 entry count", bytes: RawZIP.build([], declaredCount: 0xFFFF), error: .zip64Unsupported))
        cases.append(
            Hostile(
                label: "ZIP64 locator", bytes: RawZIP.le32(0x0706_4B50) + [UInt8](repeating: 0, count: 16) + RawZIP.build([], directoryOffset: 20),
                error: .zip64Unsupported))
        cases.append(
            Hostile(
                label: "entries declared, none there", bytes: RawZIP.build([], declaredCount: 5),
                error: .truncated("directory centrale più corta delle voci dichiarate")))
        cases.append(
            Hostile(
                label: "central directory offset far away", bytes: RawZIP.build([.init(name: "a", data: text)], directoryOffset: 0xFFFF_FFF0),
                error: .truncated("directory centrale fuori dall'archivio")))
        cases.append(
            Hostile(
                label: "central directory size far too large", bytes: RawZIP.build([.init(name: "a", data: text)], directorySize: 0x7FFF_FFFF),
                error: .truncated("directory centrale fuori dall'archivio")))
        cases.append(
            Hostile(
                label: "local header far away", bytes: RawZIP.build([.init(name: "a", data: text, localHeaderOffset: 0xFFFF_FFF0)]),
                error: .truncated("intestazione locale di «a» fuori dall'archivio")))
        cases.append(
            Hostile(
                label: "two entries on the same data", bytes: RawZIP.build([.init(name: "a", data: text), .init(name: "b", data: text, localHeaderOffset: 0)]),
                error: .overlappingEntries("a", "b")))
        cases.append(
            Hostile(
                label: "parent folder in a name", bytes: RawZIP.build([.init(name: "xl/../../etc/passwd", data: text)]),
                error: .unsafeName("xl/../../etc/passwd")))
        cases.append(Hostile(label: "absolute name", bytes: RawZIP.build([.init(name: "/etc/passwd", data: text)]), error: .unsafeName("/etc/passwd")))
        cases.append(Hostile(label: "drive letter", bytes: RawZIP.build([.init(name: "C:/x", data: text)]), error: .unsafeName("C:/x")))
        cases.append(
            Hostile(label: "duplicate name", bytes: RawZIP.build([.init(name: "a", data: text), .init(name: "a", data: text)]), error: .duplicateName("a")))
        cases.append(
            Hostile(
                label: "ratio above 1000:1",
                bytes: RawZIP.build([.init(name: "bomba.xml", method: 8, data: [UInt8](repeating: 0, count: 2000), uncompressedSize: 200 << 20)]),
                error: .suspiciousRatio(name: "bomba.xml")))
        cases.append(
            Hostile(
                label: "entry over 256 MiB", bytes: RawZIP.build([.init(name: "grande", method: 8, data: [0x03, 0x00], uncompressedSize: (256 << 20) + 1)]),
                error: .entryTooLarge(name: "grande", size: (256 << 20) + 1, limit: 256 << 20)))
        var small = ZIPLimits.standard
        small.maximumTotalSize = 15
        cases.append(
            Hostile(
                label: "total over the cap", bytes: RawZIP.build([.init(name: "a", data: text), .init(name: "b", data: text)]),
                error: .totalTooLarge(limit: 15), limits: small))
        small = ZIPLimits.standard
        small.maximumEntries = 1
        cases.append(
            Hostile(
                label: "entries over the cap", bytes: RawZIP.build([.init(name: "a", data: text), .init(name: "b", data: text)]),
                error: .tooManyEntries(count: 2, limit: 1), limits: small))
        return cases
    }()

    @Test("hostile archives are refused when opened", arguments: hostile)
    func hostileArchive(archive: Hostile) {
        #expect(throws: archive.error) { try ZIPArchive(bytes: archive.bytes, limits: archive.limits) }
    }

    @Test("overlapping entries are refused")
    func overlapping() throws {
        // Entry "b" starts inside the data of entry "a".
        let a = RawZIP.Entry(name: "a", data: [UInt8](repeating: 0x41, count: 100))
        var bytes = RawZIP.build([a])
        let inner = RawZIP.le32(0x0403_4B50) + RawZIP.le16(20) + [UInt8](repeating: 0, count: 24)
        bytes.replaceSubrange(40..<(40 + inner.count), with: inner)
        let crc = CRC32.checksum(Array(bytes[31..<131]))
        let patched = RawZIP.build([.init(name: "a", crc: crc, data: Array(bytes[31..<131])), .init(name: "b", data: [], localHeaderOffset: 40)])
        #expect(throws: ZIPError.overlappingEntries("a", "b")) { try ZIPArchive(bytes: patched) }
    }

    @Test("entries that cannot be read are refused when read")
    func unreadableEntries() throws {
        let text = Array("contenuto".utf8)
        let archive = try ZIPArchive(
            bytes: RawZIP.build([
                .init(name: "cifrata", flags: 1, data: text), .init(name: "bzip2", method: 12, data: text), .init(name: "crc", crc: 1234, data: text),
                .init(name: "corta", data: text, uncompressedSize: 5),
                .init(name: "bugiarda", method: 8, data: [0x01, 0x09, 0x00, 0xF6, 0xFF] + text, uncompressedSize: 4),
                .init(name: "lunga", method: 8, data: [0x01, 0x09, 0x00, 0xF6, 0xFF] + text, uncompressedSize: 20),
                .init(name: "rotta", method: 8, data: [0x07], uncompressedSize: 4),
            ]))
        #expect(throws: ZIPError.encryptedEntry("cifrata")) { try archive.contents(of: "cifrata") }
        #expect(throws: ZIPError.unsupportedMethod(name: "bzip2", method: 12)) { try archive.contents(of: "bzip2") }
        #expect(throws: ZIPError.checksumMismatch("crc")) { try archive.contents(of: "crc") }
        #expect(throws: ZIPError.sizeMismatch(name: "corta", declared: 5, actual: 9)) { try archive.contents(of: "corta") }
        #expect(throws: ZIPError.sizeMismatch(name: "bugiarda", declared: 4, actual: 5)) { try archive.contents(of: "bugiarda") }
        #expect(throws: ZIPError.sizeMismatch(name: "lunga", declared: 20, actual: 9)) { try archive.contents(of: "lunga") }
        #expect(throws: ZIPError.corruptEntry(name: "rotta", .invalidBlockType)) { try archive.contents(of: "rotta") }
    }

    @Test("an archive with 10.001 real entries is refused, quickly")
    func tooManyRealEntries() throws {
        var writer = ZIPWriter()
        for index in 0...10_000 { try writer.add("f\(index)", []) }
        let bytes = try writer.finish()
        let clock = ContinuousClock()
        let elapsed = clock.measure { #expect(throws: ZIPError.tooManyEntries(count: 10_001, limit: 10_000)) { try ZIPArchive(bytes: bytes) } }
        #expect(elapsed < .seconds(1))
        var fewer = ZIPWriter()
        for index in 0..<10_000 { try fewer.add("f\(index)", []) }
        #expect(try ZIPArchive(bytes: try fewer.finish()).entries.count == 10_000)
    }

    @Test("names that are not UTF-8 are read as code page 437")
    func codePage437Names() throws {
        let archive = try ZIPArchive(
            bytes: RawZIP.build([.init(name: "", nameBytes: Array("citt".utf8) + [0x85, 0x80, 0xFF], data: []), .init(name: "ok", data: [])]))
        #expect(archive.entryNames == ["città\u{00C7}\u{00A0}", "ok"])
        #expect(try archive.contents(of: "città\u{00C7}\u{00A0}") == [])
    }

    @Test("a comment that contains an end-record signature does not confuse the reader")
    func commentWithSignature() throws {
        let fake = RawZIP.le32(0x0605_4B50) + [UInt8](repeating: 0xFF, count: 18)
        let bytes = RawZIP.build([.init(name: "a", data: Array("x".utf8))], comment: fake)
        #expect(try ZIPArchive(bytes: bytes).contents(of: "a") == Array("x".utf8))
    }
}
