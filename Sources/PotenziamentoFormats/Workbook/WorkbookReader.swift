/// Reads `.xlsx` and `.ods` workbooks from their bytes, recognising the kind from the content
/// (not from the file name).
package enum WorkbookReader {
    /// The media type an OpenDocument spreadsheet stores in its `mimetype` entry.
    package static let odsMediaType = "application/vnd.oasis.opendocument.spreadsheet"

    /// Returns the kind of workbook in `bytes`. Throws ``WorkbookError/emptyFile`` for no bytes,
    /// ``WorkbookError/legacyExcel`` for an OLE2 file (old `.xls`, or a password-protected
    /// `.xlsx`), ``WorkbookError/archive(_:)`` for a damaged ZIP archive, and
    /// ``WorkbookError/notAWorkbook(_:)`` for anything else (text, PDF, another OpenDocument or
    /// Office document, a ZIP archive without a workbook).
    package static func detect(_ bytes: [UInt8], limits: WorkbookLimits = .standard) throws(WorkbookError) -> WorkbookKind {
        try open(bytes, limits: limits).kind
    }

    /// Returns the workbook in `bytes`, all its sheets read. Throws the errors of
    /// ``detect(_:limits:)``, then those of the format's reader: ``WorkbookError/missingPart(_:)``,
    /// ``WorkbookError/xml(part:_:)``, ``WorkbookError/invalidStructure(part:reason:)``,
    /// ``WorkbookError/cell(sheet:reference:reason:)`` for a cell that cannot be read, and the
    /// ``WorkbookLimits`` caps.
    package static func read(_ bytes: [UInt8], limits: WorkbookLimits = .standard) throws(WorkbookError) -> Workbook {
        let (kind, archive) = try open(bytes, limits: limits)
        switch kind {
        case .xlsx: return try XLSXReader.read(archive, limits: limits)
        case .ods: return try ODSReader.read(archive, limits: limits)
        }
    }

    /// Returns the kind and the opened archive of `bytes`. Throws as ``detect(_:limits:)``.
    static func open(_ bytes: [UInt8], limits: WorkbookLimits) throws(WorkbookError) -> (kind: WorkbookKind, archive: ZIPArchive) {
        guard !bytes.isEmpty else { throw .emptyFile }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { throw .legacyExcel }
        guard bytes.starts(with: [0x50, 0x4B]) else { throw .notAWorkbook(guess(bytes)) }
        let archive: ZIPArchive
        do throws(ZIPError) {
            archive = try ZIPArchive(bytes: bytes, limits: limits.zip)
        } catch {
            throw .archive(error)
        }
        if let entry = archive.entry(named: "mimetype") {
            let mediaType: [UInt8]
            do throws(ZIPError) {
                mediaType = try archive.contents(of: entry)
            } catch {
                throw .archive(error)
            }
            let text = String(decoding: mediaType, as: UTF8.self).trimmingASCIIWhitespace
            if text == odsMediaType || text == odsMediaType + "-template" {
                // A document saved with a password: its parts are encrypted (a trial: «UTF-8 non valido»).
                if let manifest = try? archive.contents(of: "META-INF/manifest.xml"), String(decoding: manifest, as: UTF8.self).contains("encryption-data") {
                    throw .notAWorkbook("è protetto da password: aprilo con LibreOffice e salvalo senza password")
                }
                return (.ods, archive)
            }
            if text.hasPrefix("application/vnd.oasis.opendocument.") {
                throw .notAWorkbook("è un documento OpenDocument di altro tipo (\(text)), non un foglio di calcolo")
            }
        }
        if archive.contains("xl/workbook.bin"), !archive.contains("xl/workbook.xml") {
            throw .notAWorkbook("è una cartella di lavoro binaria di Excel (.xlsb): aprila con Excel e salvala come .xlsx")
        }
        if archive.contains("xl/workbook.xml") || archive.contains("[Content_Types].xml") && archive.entryNames.contains(where: { $0.hasPrefix("xl/") }) {
            return (.xlsx, archive)
        }
        if archive.entryNames.contains(where: { $0.hasPrefix("Index/") && $0.hasSuffix(".iwa") }) {
            throw .notAWorkbook("è un documento di Numbers: esportalo in Excel (.xlsx) da Numbers, con File > Esporta")
        }
        if archive.contains("word/document.xml") { throw .notAWorkbook("è un documento di Word, non un foglio di calcolo") }
        if archive.contains("ppt/presentation.xml") { throw .notAWorkbook("è una presentazione, non un foglio di calcolo") }
        if archive.contains("content.xml") && !archive.contains("mimetype") { return (.ods, archive) }
        throw .notAWorkbook("è un archivio ZIP che non contiene un foglio di calcolo")
    }

    /// Returns what bytes that are no workbook look like, for the error message (also of a file
    /// given where a roster is due whose name does not say what it is: a trial's `.fods`, `.slk`
    /// and Excel's «Testo Unicode» were told «JSON non valido»).
    package static func guess(_ bytes: [UInt8]) -> String {
        if bytes.starts(with: Array("%PDF".utf8)) { return "è un PDF" }
        if bytes.starts(with: Array("{\\rtf".utf8)) { return "è un documento RTF" }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return "è un testo in UTF-16 (il «Testo Unicode» di Excel): salva il foglio come .xlsx, o i CSV come «CSV UTF-8» nella cartella dell'ambito"
        }
        if bytes.starts(with: Array("ID;P".utf8)) { return "è un file SYLK di Excel: salvalo come .xlsx" }
        let head = bytes.prefix(2_048)
        let lower = String(decoding: head, as: UTF8.self).lowercased()
        if head.starts(with: Array("<?xml".utf8)) || head.starts(with: [0xEF, 0xBB, 0xBF, 0x3C]) {
            if lower.contains("office:document") {
                return "è un foglio di calcolo OpenDocument in XML piatto (.fods): aprilo con LibreOffice e salvalo come .ods"
            }
            return "è un file XML, non un foglio di calcolo compresso (forse un foglio «XML 2003» di Excel: salvalo come .xlsx)"
        }
        if lower.contains("<html") || lower.contains("<table") { return "è una pagina HTML (salvala come .xlsx o .ods)" }
        if head.allSatisfy({ $0 >= 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 >= 0x80 }) {
            let firstLine = head.prefix { $0 != 0x0A && $0 != 0x0D }
            if firstLine.contains(0x09) {
                return
                    "sembra un testo separato da tabulazioni: salvalo come .xlsx, oppure come CSV (separato da ;) con il nome comuni.csv o personale.csv nella cartella dell'ambito"
            }
            return "sembra un file di testo: se è un CSV, chiamalo comuni.csv o personale.csv e indica la cartella che lo contiene"
        }
        return "formato sconosciuto"
    }
}

extension String {
    /// The string without leading and trailing ASCII spaces, tabs, carriage returns and line feeds.
    var trimmingASCIIWhitespace: String {
        let bytes = Array(utf8)
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }
}
