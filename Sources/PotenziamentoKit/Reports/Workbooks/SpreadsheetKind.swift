import PotenziamentoFormats

/// The workbook formats the command writes (`--formato xlsx|ods`, docs/formati.md, «Opzioni
/// comuni»): Excel's `.xlsx` and LibreOffice's `.ods`, the same document as either, byte for
/// byte the same for the same input (``RosterExport/workbook(_:kind:)``).
public enum SpreadsheetKind: String, Sendable, Hashable, CaseIterable {
    /// Office Open XML (Excel).
    case xlsx
    /// OpenDocument (LibreOffice Calc).
    case ods

    /// The bytes of `document` in this format.
    ///
    /// - Throws: ``InputError`` with ``DiagnosticCode/cartellaDiLavoroNonValida`` when the data
    ///   cannot be held by a workbook (a text over 32.767 characters).
    package func bytes(_ document: WorkbookDocument) throws(InputError) -> [UInt8] {
        do {
            switch self {
            case .xlsx: return try XLSXWriter.write(document)
            case .ods: return try ODSWriter.write(document)
            }
        } catch {
            throw InputError(.cartellaDiLavoroNonValida, SourcePlace(file: "." + rawValue), "impossibile scrivere la cartella di lavoro: \(error.description)")
        }
    }
}
