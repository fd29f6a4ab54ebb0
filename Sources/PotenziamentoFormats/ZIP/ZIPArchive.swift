/// One entry of a ZIP archive, as described by its central directory record and local header.
package struct ZIPEntry: Sendable, Equatable {
    /// The entry's name (a path with `/` separators), decoded as UTF-8, or as code page 437 when
    /// the bytes are not valid UTF-8.
    package let name: String
    /// The compression method: 0 stored, 8 deflate (others are refused when read).
    package let method: Int
    /// The general purpose flags (bit 0: encrypted; bit 3: data descriptor; bit 11: UTF-8 name).
    package let flags: Int
    /// The CRC-32 of the uncompressed data.
    package let crc32: UInt32
    /// The size of the (compressed) data in the archive.
    package let compressedSize: Int
    /// The declared size of the uncompressed data.
    package let uncompressedSize: Int
    /// Where the entry's local header starts.
    package let localHeaderOffset: Int
    /// Where the entry's (compressed) data start, after the local header's name and extra field.
    package let dataOffset: Int
}

/// A ZIP archive read from memory: the central directory is parsed and checked when the archive
/// is opened, the entries are decompressed (and their CRC-32 checked) on request.
///
/// Refused with a ``ZIPError``: archives without an end-of-central-directory record, split or
/// ZIP64 archives, entries with unsafe or duplicate names, entries whose headers or data lie
/// outside the archive or overlap, and archives beyond the caps of ``ZIPLimits``. Encrypted
/// entries and compression methods other than stored and deflate are refused when read.
package struct ZIPArchive: Sendable {
    /// The archive's bytes.
    package let bytes: [UInt8]
    /// The entries in central directory order.
    package let entries: [ZIPEntry]
    /// The caps the archive was opened with.
    package let limits: ZIPLimits
    /// The index of each entry by name.
    private let indexByName: [String: Int]
    /// The index of each entry by lowercased name, when no other entry folds to the same.
    private let indexByFoldedName: [String: Int]

    /// The entry names in central directory order.
    package var entryNames: [String] { entries.map(\.name) }

    /// Returns the archive in `bytes`, with its central directory read and checked against
    /// `limits`. Throws ``ZIPError`` when the bytes are no ZIP archive, when a structure is
    /// truncated, malformed, out of range or overlapping, for ZIP64 or split archives, unsafe or
    /// duplicate names, and when a cap of `limits` is exceeded.
    package init(bytes: [UInt8], limits: ZIPLimits = .standard) throws(ZIPError) {
        self.bytes = bytes
        self.limits = limits
        let end = try Self.endOfCentralDirectory(bytes)
        let entryCount = Self.uint16(bytes, end + 10)
        if Self.uint16(bytes, end + 4) != 0 || Self.uint16(bytes, end + 6) != 0 || Self.uint16(bytes, end + 8) != entryCount {
            throw .multipleDisks
        }
        let directorySize = Self.uint32(bytes, end + 12)
        let directoryOffset = Self.uint32(bytes, end + 16)
        if entryCount == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF { throw .zip64Unsupported }
        if end >= 20 && Self.uint32(bytes, end - 20) == 0x0706_4B50 { throw .zip64Unsupported }
        if entryCount > limits.maximumEntries { throw .tooManyEntries(count: entryCount, limit: limits.maximumEntries) }
        guard directoryOffset <= end, directorySize <= end - directoryOffset else { throw .truncated("directory centrale fuori dall'archivio") }
        guard entryCount <= directorySize / 46 else { throw .truncated("directory centrale più corta delle voci dichiarate") }

        var entries: [ZIPEntry] = []
        entries.reserveCapacity(entryCount)
        var indexByName: [String: Int] = [:]
        var totalSize = 0
        var position = directoryOffset
        let directoryEnd = directoryOffset + directorySize
        for _ in 0..<entryCount {
            guard directoryEnd - position >= 46 else { throw .truncated("voce della directory centrale") }
            guard Self.uint32(bytes, position) == 0x0201_4B50 else { throw .invalidStructure("firma di una voce della directory centrale") }
            let flags = Self.uint16(bytes, position + 8)
            let method = Self.uint16(bytes, position + 10)
            let crc = UInt32(Self.uint32(bytes, position + 16))
            let compressedSize = Self.uint32(bytes, position + 20)
            let uncompressedSize = Self.uint32(bytes, position + 24)
            let nameLength = Self.uint16(bytes, position + 28)
            let extraLength = Self.uint16(bytes, position + 30)
            let commentLength = Self.uint16(bytes, position + 32)
            let localHeaderOffset = Self.uint32(bytes, position + 42)
            guard directoryEnd - position - 46 >= nameLength + extraLength + commentLength else { throw .truncated("nome di una voce") }
            let name = Self.decodeName(bytes[(position + 46)..<(position + 46 + nameLength)], utf8Flag: flags & 0x800 != 0)
            position += 46 + nameLength + extraLength + commentLength
            if compressedSize == 0xFFFF_FFFF || uncompressedSize == 0xFFFF_FFFF || localHeaderOffset == 0xFFFF_FFFF { throw .zip64Unsupported }
            guard Self.isSafe(name) else { throw .unsafeName(name) }
            guard indexByName[name] == nil else { throw .duplicateName(name) }
            guard uncompressedSize <= limits.maximumEntrySize else {
                throw .entryTooLarge(name: name, size: uncompressedSize, limit: limits.maximumEntrySize)
            }
            totalSize += uncompressedSize
            guard totalSize <= limits.maximumTotalSize else { throw .totalTooLarge(limit: limits.maximumTotalSize) }
            if uncompressedSize > limits.ratioCheckedAbove && uncompressedSize / limits.maximumRatio > compressedSize {
                throw .suspiciousRatio(name: name)
            }
            guard localHeaderOffset <= directoryOffset, directoryOffset - localHeaderOffset >= 30 else {
                throw .truncated("intestazione locale di «\(name)» fuori dall'archivio")
            }
            guard Self.uint32(bytes, localHeaderOffset) == 0x0403_4B50 else { throw .invalidStructure("firma dell'intestazione locale di «\(name)»") }
            let dataOffset = localHeaderOffset + 30 + Self.uint16(bytes, localHeaderOffset + 26) + Self.uint16(bytes, localHeaderOffset + 28)
            guard dataOffset <= directoryOffset, compressedSize <= directoryOffset - dataOffset else {
                throw .truncated("dati di «\(name)» fuori dall'archivio")
            }
            indexByName[name] = entries.count
            entries.append(
                ZIPEntry(
                    name: name, method: method, flags: flags, crc32: crc, compressedSize: compressedSize, uncompressedSize: uncompressedSize,
                    localHeaderOffset: localHeaderOffset, dataOffset: dataOffset))
        }
        let ordered = entries.sorted { $0.localHeaderOffset < $1.localHeaderOffset }
        for (previous, next) in zip(ordered, ordered.dropFirst()) where previous.dataOffset + previous.compressedSize > next.localHeaderOffset {
            throw .overlappingEntries(previous.name, next.name)
        }
        var indexByFoldedName: [String: Int] = [:]
        var ambiguous: Set<String> = []
        for (index, entry) in entries.enumerated() {
            let folded = entry.name.lowercased()
            if indexByFoldedName.updateValue(index, forKey: folded) != nil { ambiguous.insert(folded) }
        }
        for folded in ambiguous { indexByFoldedName[folded] = nil }
        self.entries = entries
        self.indexByName = indexByName
        self.indexByFoldedName = indexByFoldedName
    }

    /// Returns the entry named `name`, or, when no name matches exactly, the only entry whose name
    /// matches ignoring case (OPC part names are case-insensitive); nil if there is none.
    package func entry(named name: String) -> ZIPEntry? {
        if let index = indexByName[name] ?? indexByFoldedName[name.lowercased()] { return entries[index] }
        return nil
    }

    /// Returns whether an entry is named `name` (as ``entry(named:)`` finds them).
    package func contains(_ name: String) -> Bool { entry(named: name) != nil }

    /// Returns the uncompressed data of the entry named `name` (found as by ``entry(named:)``), or
    /// nil if there is no such entry. Throws ``ZIPError`` if the entry is encrypted, uses an
    /// unsupported method, its data are malformed, longer or shorter than declared, or its
    /// CRC-32 does not match.
    package func contents(of name: String) throws(ZIPError) -> [UInt8]? {
        guard let entry = entry(named: name) else { return nil }
        return try contents(of: entry)
    }

    /// Returns the uncompressed data of `entry` (one of ``entries``). Throws as ``contents(of:)-(String)``.
    package func contents(of entry: ZIPEntry) throws(ZIPError) -> [UInt8] {
        if entry.flags & 0x41 != 0 || entry.method == 99 { throw .encryptedEntry(entry.name) }
        let data: [UInt8]
        switch entry.method {
        case 0:
            guard entry.compressedSize == entry.uncompressedSize else {
                throw .sizeMismatch(name: entry.name, declared: entry.uncompressedSize, actual: entry.compressedSize)
            }
            data = Array(bytes[entry.dataOffset..<(entry.dataOffset + entry.compressedSize)])
        case 8:
            let result: Result<[UInt8], DeflateError> = bytes.withUnsafeBufferPointer { buffer in
                let slice = UnsafeBufferPointer(rebasing: buffer[entry.dataOffset..<(entry.dataOffset + entry.compressedSize)])
                return Result { () throws(DeflateError) -> [UInt8] in
                    try Inflate.inflate(slice, limit: entry.uncompressedSize, expectedSize: entry.uncompressedSize)
                }
            }
            switch result {
            case .success(let output): data = output
            case .failure(.outputLimitExceeded):
                throw .sizeMismatch(name: entry.name, declared: entry.uncompressedSize, actual: entry.uncompressedSize + 1)
            case .failure(let error): throw .corruptEntry(name: entry.name, error)
            }
        default: throw .unsupportedMethod(name: entry.name, method: entry.method)
        }
        guard data.count == entry.uncompressedSize else { throw .sizeMismatch(name: entry.name, declared: entry.uncompressedSize, actual: data.count) }
        guard CRC32.checksum(data) == entry.crc32 else { throw .checksumMismatch(entry.name) }
        return data
    }

    /// Returns the offset of the end-of-central-directory record: the last signature in the final
    /// 64 KiB + 22 bytes whose comment ends at the end of the data (or, failing that, fits in it).
    /// Throws ``ZIPError/notAnArchive`` if there is none.
    private static func endOfCentralDirectory(_ bytes: [UInt8]) throws(ZIPError) -> Int {
        guard bytes.count >= 22 else { throw .notAnArchive }
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        var fallback: Int?
        for offset in stride(from: bytes.count - 22, through: lowest, by: -1) where uint32(bytes, offset) == 0x0605_4B50 {
            let end = offset + 22 + uint16(bytes, offset + 20)
            if end == bytes.count { return offset }
            if end < bytes.count && fallback == nil { fallback = offset }
        }
        if let fallback { return fallback }
        throw .notAnArchive
    }

    /// Returns the little-endian 16-bit number at `offset` (the caller checked the bounds).
    private static func uint16(_ bytes: [UInt8], _ offset: Int) -> Int {
        Int(bytes[offset]) | Int(bytes[offset + 1]) << 8
    }

    /// Returns the little-endian 32-bit number at `offset` (the caller checked the bounds).
    private static func uint32(_ bytes: [UInt8], _ offset: Int) -> Int {
        Int(bytes[offset]) | Int(bytes[offset + 1]) << 8 | Int(bytes[offset + 2]) << 16 | Int(bytes[offset + 3]) << 24
    }

    /// Code page 437's characters for the bytes 0x80-0xFF (the legacy encoding of ZIP names).
    private static let codePage437 = Array(
        "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u{00A0}")

    /// Returns a name's text: UTF-8 when flagged or valid, otherwise code page 437.
    private static func decodeName(_ bytes: ArraySlice<UInt8>, utf8Flag: Bool) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        if utf8Flag { return String(decoding: bytes, as: UTF8.self) }
        return String(bytes.map { $0 < 0x80 ? Character(Unicode.Scalar($0)) : codePage437[Int($0) - 0x80] })
    }

    /// Returns whether `name` is acceptable: not empty, relative, without `..` components, drive
    /// letters, backslashes or control characters.
    private static func isSafe(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first != "/" else { return false }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0 == "\\" || $0.value == 0x7F }) { return false }
        let components = name.split(separator: "/", omittingEmptySubsequences: false)
        if components.contains(where: { $0 == ".." }) { return false }
        if let head = components.first, head.count == 2, head.hasSuffix(":") { return false }
        return true
    }
}
