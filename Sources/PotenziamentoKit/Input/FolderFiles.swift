import PotenziamentoFormats

extension RosterLoader {
    /// What a file met in a folder of ATS holds, for the batch's listing (docs/guida.md, «Più
    /// ambiti insieme»): judged by its name when the name says (``isRosterFileName(_:)``),
    /// otherwise by its first bytes, as a single run reads it (a region trial: an ATS
    /// saved as `ATS04.json.txt`, with no extension or as `.xlsm` was left out of the total with
    /// a warning, exit 0, though alone it was computed).
    package enum FolderFile: Sendable, Equatable {
        /// A roster to compute (its errors are reported when it is not a valid one; a report of
        /// this program saved there is told apart when read: ``DiagnosticCode/rapportoDelProgramma``).
        case roster
        /// A ZIP archive (not a workbook nor another document) holding the files of ATS: data not
        /// extracted; the first names and how many there are.
        case archiveOfAmbiti([String], total: Int)
        /// Anything else (a note, a PDF, a document).
        case other
    }

    /// The largest archive looked into for the files of ATS (a region's attachments are a few
    /// megabytes; a larger file is left as ``FolderFile/other``).
    static let largestArchiveSearched = 64 << 20

    /// What the file at `path`, named `name` in its folder, holds. Whatever a single run reads as
    /// a roster, or refuses with an error of its own, is computed (a review: a JSON roster whose
    /// `formato` came after its first kilobyte, an `.xlsb`, an old `.xls` renamed, a file that
    /// cannot be read were left out with exit 0).
    package static func folderFile(_ path: String, name: String) -> FolderFile {
        // By name with no look at the file.
        if isRosterFileName(name) { return .roster }
        // A file that cannot be read is computed, so its error says so (exit 66).
        guard let head = FileReading.head(of: path, count: 1_024) else { return .roster }
        let start = TableFile.jsonStart(head)
        let first = start.map { head[$0] }
        // A JSON document (not an RTF text, which also opens with `{`), a spreadsheet in XML (a
        // flat `.fods`, Excel 2003 XML; not a flat text document): read, so its figures or its
        // error show. An OLE file (an old `.doc`, `Thumbs.db`, an old `.xls`) is no roster a
        // single run reads: named, as a note is (a trial of the listing).
        if first == UInt8(ascii: "{") {
            // A roster has its keys (`formato`, `comuni`, `personale`) somewhere in its first
            // megabyte, whatever their order; a note that opens with `{` has none.
            guard let start, !head[start...].starts(with: Array("{\\rtf".utf8)), let text = FileReading.head(of: path, count: 1 << 20) else { return .other }
            let document = String(decoding: text, as: UTF8.self)
            return ["\"formato\"", "\"comuni\"", "\"personale\""].contains(where: document.contains) ? .roster : .other
        }
        if first == UInt8(ascii: "<") {
            let text = String(decoding: head, as: UTF8.self)
            if text.contains("opendocument.spreadsheet") || text.contains("urn:schemas-microsoft-com:office:spreadsheet") { return .roster }
        }
        guard head.starts(with: [0x50, 0x4B, 0x03, 0x04]),
            let bytes = try? FileReading.read(path, maximumSize: largestArchiveSearched).get(),
            let archive = try? ZIPArchive(bytes: bytes)
        else { return .other }
        let names = archive.entryNames
        // A workbook of any producer (`.xlsb` and Numbers too, refused with what to do); an
        // OpenDocument spreadsheet by its media type (a text or a presentation is no roster).
        let mediaType = (try? archive.contents(of: "mimetype")).map { String(decoding: $0, as: UTF8.self) } ?? ""
        if names.contains("xl/workbook.xml") || names.contains("xl/workbook.bin") || mediaType.contains("opendocument.spreadsheet")
            || names.contains(where: { $0.hasPrefix("Index/") && $0.hasSuffix(".iwa") })
        {
            return .roster
        }
        // Another Office or OpenDocument document: a letter with a chart keeps the chart's data as
        // an embedded workbook (a review), no ATS.
        if names.contains("[Content_Types].xml") || names.contains("mimetype") { return .other }
        // The files of ATS: the CSV files by name, workbooks by name, a JSON file only when it
        // declares the roster's format (a report or a `package.json` in a backup is no ATS).
        let ambiti = names.filter { entry in
            let last = String(entry.split(separator: "/").last ?? "")
            guard !last.hasPrefix("."), !entry.hasPrefix("__MACOSX/") else { return false }
            if CSVFile(rawValue: last.lowercased()) != nil { return true }
            guard isRosterFileName(last) else { return false }
            guard last.lowercased().hasSuffix(".json") else { return true }
            guard let entry = archive.entry(named: entry), entry.uncompressedSize <= largestArchiveSearched,
                let bytes = try? archive.contents(of: entry)
            else { return false }
            return String(decoding: bytes.prefix(1 << 20), as: UTF8.self).contains(RosterJSONReader.format)
        }
        return ambiti.isEmpty ? .other : .archiveOfAmbiti(Array(ambiti.prefix(3)), total: ambiti.count)
    }

    /// Whether the file at `path` starts as a workbook (a ZIP archive): a whole roster saved
    /// under a lock file's name (`~$a5.xlsx`, a trial) is no lock file, which is a few bytes of text.
    package static func isWorkbookFile(_ path: String) -> Bool {
        FileReading.head(of: path, count: 4)?.starts(with: [0x50, 0x4B, 0x03, 0x04]) == true
    }

    /// Whether the file at `path` is a report this program writes, not an ATS: what reading it as an ATS says (``DiagnosticCode/rapportoDelProgramma``).
    package static func isDocumentOfProgram(_ path: String) -> Bool {
        do {
            _ = try load(path: path)
            return false
        } catch {
            return !error.errors.isEmpty && error.errors.allSatisfy { $0.code == .rapportoDelProgramma }
        }
    }
}
