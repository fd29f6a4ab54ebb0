/// Why a workbook could not be read or written. `description` is Italian, written for the people
/// who keep the rosters: it says what is wrong and, where there is one, names the part of the
/// file, the sheet and the cell (`personale!K7`).
package enum WorkbookError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file has no bytes.
    case emptyFile
    /// An old binary Excel file (.xls, OLE2), or an Excel file protected by a password (also OLE2).
    case legacyExcel
    /// The bytes are no spreadsheet of a supported kind; the text says what they look like.
    case notAWorkbook(String)
    /// The ZIP container is damaged or hostile.
    case archive(ZIPError)
    /// A part the format requires is missing from the archive.
    case missingPart(String)
    /// A part is not readable XML (or has a refused `<!DOCTYPE`).
    case xml(part: String, XMLError)
    /// A part's content does not follow the format; the text says how.
    case invalidStructure(part: String, reason: String)
    /// More sheets than ``WorkbookLimits/maximumSheets``.
    case tooManySheets(limit: Int)
    /// More shared strings than ``WorkbookLimits/maximumSharedStrings``.
    case tooManySharedStrings(limit: Int)
    /// More non-empty cells in all sheets than ``WorkbookLimits/maximumCells``.
    case tooManyCells(limit: Int)
    /// A cell cannot be read or written: its sheet, its A1 reference and the reason.
    case cell(sheet: String, reference: String, reason: String)
    /// No sheet has the name asked for; the names there are.
    case sheetNotFound(String, available: [String])
    /// A sheet name the writer cannot use (empty, too long, with `[]:*?/\`, or quoted).
    case invalidSheetName(String, reason: String)
    /// Two sheets have the same name (ignoring case).
    case duplicateSheetName(String)
    /// The document to write is inconsistent (e.g. a validation outside the sheet); the text says how.
    case invalidDocument(String)

    /// Returns the message in Italian.
    package var description: String {
        let invalid = "non è un file .xlsx o .ods valido"
        switch self {
        case .emptyFile: return "il file è vuoto"
        case .legacyExcel:
            return
                "è un file Excel nel vecchio formato .xls (Excel 97-2003) oppure protetto da password: aprilo con Excel o LibreOffice e salvalo come .xlsx (senza password)"
        case .notAWorkbook(let what): return "\(invalid) (\(what))"
        case .archive(let error): return "\(invalid) (archivio ZIP danneggiato: \(error))"
        case .missingPart(let part): return "\(invalid) (manca la parte «\(part)»)"
        case .xml(let part, let error): return "file danneggiato: la parte «\(part)» non è leggibile (\(error))"
        case .invalidStructure(let part, let reason): return "file danneggiato: nella parte «\(part)» \(reason)"
        case .tooManySheets(let limit): return "troppi fogli nel file (al massimo \(Self.italian(limit)))"
        case .tooManySharedStrings(let limit): return "troppi testi distinti nel file (al massimo \(Self.italian(limit)))"
        case .tooManyCells(let limit): return "troppe celle non vuote nel file (al massimo \(Self.italian(limit)))"
        case .cell(let sheet, let reference, let reason): return "\(CellReference.quotedSheetName(sheet))!\(reference): \(reason)"
        case .sheetNotFound(let name, let available):
            let list = available.isEmpty ? "il file non ha fogli" : "fogli presenti: " + available.map { "«\($0)»" }.joined(separator: ", ")
            return "il foglio «\(name)» non esiste (\(list))"
        case .invalidSheetName(let name, let reason): return "nome di foglio non valido «\(name)»: \(reason)"
        case .duplicateSheetName(let name): return "il foglio «\(name)» compare due volte"
        case .invalidDocument(let reason): return "impossibile scrivere il file: \(reason)"
        }
    }

    /// Returns `value` with Italian thousands separators (1.000.000).
    static func italian(_ value: Int) -> String {
        let digits = Array(String(value.magnitude))
        var result = value < 0 ? "-" : ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(".") }
            result.append(digit)
        }
        return result
    }
}

/// The caps that protect the workbook readers from hostile files. Each is checked while reading,
/// before the memory for what it limits is used; past a cap, reading stops with a
/// ``WorkbookError`` that names it.
package struct WorkbookLimits: Sendable, Equatable {
    /// The most sheets: 256.
    package var maximumSheets = 256
    /// The most shared strings of an `.xlsx` file: 1.000.000.
    package var maximumSharedStrings = 1_000_000
    /// The most non-empty cells in all sheets together, repeated cells counted one by one: 10.000.000.
    package var maximumCells = 10_000_000
    /// The most UTF-8 bytes of text in one cell (or shared string): 1 MiB.
    package var maximumTextBytes = 1 << 20
    /// The caps of the ZIP container (entries, sizes, compression ratio).
    package var zip = ZIPLimits.standard

    /// Returns the standard caps listed above.
    package init() {}

    /// The standard caps.
    package static let standard = WorkbookLimits()
}
