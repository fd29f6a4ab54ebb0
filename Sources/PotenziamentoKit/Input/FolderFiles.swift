import PotenziamentoFormats

extension RosterLoader {
    /// What a file met in a folder of ATS holds, for the batch's listing (docs/guida.md, «Più
    /// ambiti insieme»): judged by its name when the name says (``isRosterFileName(_:)``),
    /// otherwise by its first bytes, as a single run reads it (a region trial: an ATS
    /// saved as `ATS04.json.txt`, with no extension or as `.xlsm` was left out of the total with
    /// a warning, exit 0, though alone it was computed).
    package enum FolderFile: Sendable, Equatable {
        /// A roster to compute (its errors are reported when it is not a valid one).
        case roster
        /// A JSON report of this program (saved into the folder by an earlier run), with its format.
        case report(String)
        /// A ZIP archive (not a workbook) holding the files of ATS, named (at most a few): data
        /// not extracted.
        case archiveOfAmbiti([String])
        /// Anything else (a note, a PDF, a document).
        case other
    }

    /// The largest archive looked into for the files of ATS (a region's attachments are a few
    /// megabytes; a larger file is left as ``FolderFile/other``).
    static let largestArchiveSearched = 64 << 20

    /// What the file at `path`, named `name` in its folder, holds.
    package static func folderFile(_ path: String, name: String) -> FolderFile {
        // By name with no look at the file (a report named `.json` is told apart when read).
        if isRosterFileName(name) { return .roster }
        let head = FileReading.head(of: path, count: 1_024) ?? []
        // A JSON document: a roster when it declares the format, a report when it declares one.
        if head.first(where: { !$0.isJSONSpaceOrMark }) == UInt8(ascii: "{") {
            if let format = reportFormat(head) { return .report(format) }
            return String(decoding: head, as: UTF8.self).contains(RosterJSONReader.format) ? .roster : .other
        }
        guard head.starts(with: [0x50, 0x4B, 0x03, 0x04]),
            let bytes = try? FileReading.read(path, maximumSize: largestArchiveSearched).get(),
            let archive = try? ZIPArchive(bytes: bytes)
        else { return .other }
        let names = archive.entryNames
        if names.contains("xl/workbook.xml") || names.contains("content.xml") && names.contains("mimetype") { return .roster }
        let ambiti = names.filter { entry in
            let last = String(entry.split(separator: "/").last ?? "")
            return !last.hasPrefix(".") && !entry.hasPrefix("__MACOSX/") && (isRosterFileName(last) || CSVFile(rawValue: last.lowercased()) != nil)
        }
        return ambiti.isEmpty ? .other : .archiveOfAmbiti(Array(ambiti.prefix(4)))
    }

    /// Whether the file at `path` is a document this program writes (a report, the input of
    /// `ciclo`), not an ATS: what reading it as an ATS says (``DiagnosticCode/rapportoDelProgramma``).
    package static func isDocumentOfProgram(_ path: String) -> Bool {
        do {
            _ = try load(path: path)
            return false
        } catch {
            return !error.errors.isEmpty && error.errors.allSatisfy { $0.code == .rapportoDelProgramma }
        }
    }

    /// The report format a JSON document's first bytes declare, if any.
    private static func reportFormat(_ head: [UInt8]) -> String? {
        let text = String(decoding: head, as: UTF8.self)
        guard !text.contains(RosterJSONReader.format) else { return nil }
        return RosterJSONReader.reportFormats.sorted().first { text.contains("\"\($0)\"") }
    }
}

extension UInt8 {
    /// A byte that may come before a JSON document's first value: a space or a line end, or a
    /// byte of the UTF-8 byte-order mark.
    fileprivate var isJSONSpaceOrMark: Bool { self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0D || self == 0xEF || self == 0xBB || self == 0xBF }
}
