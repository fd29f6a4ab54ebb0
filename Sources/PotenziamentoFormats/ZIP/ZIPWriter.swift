/// Writes a ZIP archive of stored (uncompressed) entries, deterministically: every entry has the
/// DOS time 1980-01-01 00:00, no extra field and no comment, the entries are in the order they
/// were added, so the same entries always give the same bytes. An OpenDocument file's first
/// entry, `mimetype`, must be stored, which this writer always does.
package struct ZIPWriter: Sendable {
    /// The local headers and data written so far.
    private var archive: [UInt8] = []
    /// The central directory records written so far.
    private var directory: [UInt8] = []
    /// The names added so far.
    private var names: Set<String> = []
    /// How many entries were added.
    private var count = 0

    /// Returns an empty archive.
    package init() {}

    /// Returns the archive of `entries`, stored in the given order. Throws
    /// ``ZIPError/duplicateName(_:)``, ``ZIPError/unsafeName(_:)`` or ``ZIPError/cannotWrite(_:)``
    /// as ``add(_:_:)`` does.
    package static func archive(_ entries: [(name: String, data: [UInt8])]) throws(ZIPError) -> [UInt8] {
        var writer = ZIPWriter()
        for entry in entries { try writer.add(entry.name, entry.data) }
        return try writer.finish()
    }

    /// Adds a stored entry named `name` (a relative path with `/` separators) holding `data`.
    /// Throws ``ZIPError/duplicateName(_:)`` for a name already added, ``ZIPError/unsafeName(_:)``
    /// for an empty or absolute name or one with `..`, and ``ZIPError/cannotWrite(_:)`` past
    /// 65.535 entries, a name over 65.535 bytes or an archive from 4 GiB.
    package mutating func add(_ name: String, _ data: [UInt8]) throws(ZIPError) {
        let nameBytes = Array(name.utf8)
        let components = name.split(separator: "/", omittingEmptySubsequences: false)
        guard !name.isEmpty, !name.hasPrefix("/"), !components.contains("..") else { throw .unsafeName(name) }
        guard names.insert(name).inserted else { throw .duplicateName(name) }
        guard count < 0xFFFF else { throw .cannotWrite("più di 65.535 voci") }
        guard nameBytes.count <= 0xFFFF else { throw .cannotWrite("nome di voce troppo lungo") }
        let offset = archive.count
        guard data.count < 0xFFFF_FFFF, offset < 0xFFFF_FFFF - 30 - nameBytes.count - data.count else {
            throw .cannotWrite("archivio di 4 GiB o più")
        }
        let crc = CRC32.checksum(data)
        let flags = nameBytes.allSatisfy { $0 < 0x80 } ? 0 : 0x800  // bit 11: the name is UTF-8
        // Local file header.
        Self.append32(&archive, 0x0403_4B50)
        Self.append16(&archive, 10)  // version needed: 1.0 (stored)
        Self.append16(&archive, flags)
        Self.append16(&archive, 0)  // method: stored
        Self.append16(&archive, 0)  // time 00:00:00
        Self.append16(&archive, 0x21)  // date 1980-01-01
        Self.append32(&archive, Int(crc))
        Self.append32(&archive, data.count)
        Self.append32(&archive, data.count)
        Self.append16(&archive, nameBytes.count)
        Self.append16(&archive, 0)  // extra field length
        archive += nameBytes
        archive += data
        // Central directory record.
        Self.append32(&directory, 0x0201_4B50)
        Self.append16(&directory, 20)  // made by: MS-DOS, version 2.0
        Self.append16(&directory, 10)
        Self.append16(&directory, flags)
        Self.append16(&directory, 0)
        Self.append16(&directory, 0)
        Self.append16(&directory, 0x21)
        Self.append32(&directory, Int(crc))
        Self.append32(&directory, data.count)
        Self.append32(&directory, data.count)
        Self.append16(&directory, nameBytes.count)
        Self.append16(&directory, 0)  // extra field length
        Self.append16(&directory, 0)  // comment length
        Self.append16(&directory, 0)  // disk number
        Self.append16(&directory, 0)  // internal attributes
        Self.append32(&directory, 0)  // external attributes
        Self.append32(&directory, offset)
        directory += nameBytes
        count += 1
    }

    /// Returns the archive's bytes: the entries, the central directory and its end record.
    /// Throws ``ZIPError/cannotWrite(_:)`` if the central directory would start or end from 4 GiB.
    package func finish() throws(ZIPError) -> [UInt8] {
        guard archive.count < 0xFFFF_FFFF - directory.count else { throw .cannotWrite("archivio di 4 GiB o più") }
        var bytes = archive
        bytes += directory
        Self.append32(&bytes, 0x0605_4B50)
        Self.append16(&bytes, 0)  // this disk
        Self.append16(&bytes, 0)  // disk of the central directory
        Self.append16(&bytes, count)
        Self.append16(&bytes, count)
        Self.append32(&bytes, directory.count)
        Self.append32(&bytes, archive.count)
        Self.append16(&bytes, 0)  // comment length
        return bytes
    }

    /// Appends the low 16 bits of `value`, little-endian.
    private static func append16(_ bytes: inout [UInt8], _ value: Int) {
        bytes.append(UInt8(truncatingIfNeeded: value))
        bytes.append(UInt8(truncatingIfNeeded: value >> 8))
    }

    /// Appends the low 32 bits of `value`, little-endian.
    private static func append32(_ bytes: inout [UInt8], _ value: Int) {
        for shift in [0, 8, 16, 24] { bytes.append(UInt8(truncatingIfNeeded: value >> shift)) }
    }
}
