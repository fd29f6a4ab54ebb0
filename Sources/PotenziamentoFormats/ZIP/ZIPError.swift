/// Why a ZIP archive could not be read or written. `description` is Italian, for messages shown
/// to the users (e.g. inside "archivio ZIP danneggiato: …").
package enum ZIPError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No end-of-central-directory record: the bytes are not a ZIP archive.
    case notAnArchive
    /// A structure runs past the end of the data or points outside it; the text names it.
    case truncated(String)
    /// A header is malformed (wrong signature, inconsistent fields); the text says which.
    case invalidStructure(String)
    /// The archive is split over several disks (files), which is not supported.
    case multipleDisks
    /// The archive or the entry needs ZIP64 (more than 65.535 entries or sizes from 4 GiB).
    case zip64Unsupported
    /// More entries than ``ZIPLimits/maximumEntries``.
    case tooManyEntries(count: Int, limit: Int)
    /// The entry is encrypted (password protected).
    case encryptedEntry(String)
    /// The entry uses a compression method other than 0 (stored) and 8 (deflate).
    case unsupportedMethod(name: String, method: Int)
    /// The entry name is empty, absolute, has a `..` component, a drive letter or a control character.
    case unsafeName(String)
    /// Two entries have the same name.
    case duplicateName(String)
    /// The data of two entries overlap (a trick of some decompression bombs).
    case overlappingEntries(String, String)
    /// The entry declares more than ``ZIPLimits/maximumEntrySize`` bytes.
    case entryTooLarge(name: String, size: Int, limit: Int)
    /// The entries together declare more than ``ZIPLimits/maximumTotalSize`` bytes.
    case totalTooLarge(limit: Int)
    /// The entry expands more than ``ZIPLimits/maximumRatio`` times (and beyond ``ZIPLimits/ratioCheckedAbove``).
    case suspiciousRatio(name: String)
    /// The decompressed data do not match the CRC-32 in the central directory.
    case checksumMismatch(String)
    /// The decompressed data are not as long as the central directory declares (`actual` is a
    /// lower bound when there was more data than declared).
    case sizeMismatch(name: String, declared: Int, actual: Int)
    /// The compressed data of the entry are malformed.
    case corruptEntry(name: String, DeflateError)
    /// The writer cannot represent the archive (too many entries, entries or archive from 4 GiB).
    case cannotWrite(String)

    /// Returns the reason in Italian, naming the entry where there is one.
    package var description: String {
        switch self {
        case .notAnArchive: "non è un archivio ZIP (manca la directory centrale)"
        case .truncated(let what): "archivio troncato (\(what))"
        case .invalidStructure(let what): "struttura non valida (\(what))"
        case .multipleDisks: "archivio diviso in più parti, non supportato"
        case .zip64Unsupported: "archivio ZIP64 (oltre 65.535 voci o 4 GiB), non supportato"
        case .tooManyEntries(let count, let limit): "troppe voci nell'archivio (\(count), al massimo \(limit))"
        case .encryptedEntry(let name): "la voce «\(name)» è cifrata (protetta da password)"
        case .unsupportedMethod(let name, let method):
            "la voce «\(name)» usa un metodo di compressione non supportato (\(method)\(method == 12 ? ", bzip2" : method == 14 ? ", LZMA" : "")): aprilo con Excel o LibreOffice e salvalo di nuovo"
        case .unsafeName(let name): "nome di voce non ammesso «\(name)»"
        case .duplicateName(let name): "la voce «\(name)» compare due volte"
        case .overlappingEntries(let first, let second): "le voci «\(first)» e «\(second)» si sovrappongono"
        case .entryTooLarge(let name, let size, let limit): "la voce «\(name)» è troppo grande (\(size) byte, al massimo \(limit))"
        case .totalTooLarge(let limit): "il contenuto decompresso supera il limite di \(limit) byte"
        case .suspiciousRatio(let name): "la voce «\(name)» ha un rapporto di compressione sospetto (possibile «bomba ZIP»)"
        case .checksumMismatch(let name): "la voce «\(name)» è danneggiata (CRC-32 errato)"
        case .sizeMismatch(let name, let declared, let actual):
            "la voce «\(name)» è danneggiata (dichiarati \(declared) byte, trovati \(actual > declared ? "più di \(declared)" : String(actual)))"
        case .corruptEntry(let name, let error): "la voce «\(name)» è danneggiata (\(error))"
        case .cannotWrite(let reason): "impossibile scrivere l'archivio (\(reason))"
        }
    }
}

/// The caps that protect the ZIP reader from hostile archives. Every cap is checked against the
/// central directory before anything is decompressed; the declared sizes are also the
/// decompressor's output limits, so the real output never exceeds them.
package struct ZIPLimits: Sendable, Equatable {
    /// The most entries an archive may have: 10.000.
    package var maximumEntries = 10_000
    /// The most bytes one entry may declare (uncompressed): 256 MiB.
    package var maximumEntrySize = 256 << 20
    /// The most bytes all entries together may declare (uncompressed): 1 GiB.
    package var maximumTotalSize = 1 << 30
    /// The highest accepted ratio of uncompressed to compressed size: 1000 (to 1).
    package var maximumRatio = 1000
    /// Entries up to this many uncompressed bytes (1 MiB) are exempt from the ratio check.
    package var ratioCheckedAbove = 1 << 20

    /// Returns the standard caps listed above.
    package init() {}

    /// The standard caps.
    package static let standard = ZIPLimits()
}
