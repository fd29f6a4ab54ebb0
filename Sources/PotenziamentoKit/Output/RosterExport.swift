#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A roster written in the formats ``RosterLoader`` reads (docs/formati.md): for a tool that
/// builds a roster in code (an HR or budgeting system) and hands it to an officer, to a
/// spreadsheet or to the `potenziamento` command.
///
/// What these write reads back as an equal roster (``Roster`` equality: the same ATS, comuni,
/// residents by year, staff, periods, shares as given, areas), through the same checks as any
/// file. Deterministic: the same roster gives the same bytes.
public enum RosterExport {
    /// The `potenziamento.ambito.v1` JSON document, UTF-8 (docs/formati.md, «Formato JSON»):
    /// what ``RosterLoader/load(jsonData:name:)`` reads.
    ///
    /// - Returns: the document's bytes.
    /// - Throws: ``InputError`` with ``DiagnosticCode/formatoDocumento`` for a comune with a
    ///   population for every year beside populations of single years (a CSV file or a workbook
    ///   can hold it, a row without year beside rows with one; the JSON's `popolazione` is one
    ///   figure or figures by year): written otherwise it would read back as another roster.
    public static func json(_ roster: Roster) throws(InputError) -> Data {
        if let mixed = roster.municipalities.first(where: { $0.residents.everyYear != nil && !$0.residents.byYear.isEmpty }) {
            throw InputError(
                .formatoDocumento, mixed.place ?? SourcePlace(file: roster.source),
                "il comune \(mixed.istatCode) ha una popolazione per ogni anno e altre per singoli anni: il formato JSON non la può scrivere; usa i file CSV o una cartella di lavoro (RosterExport.csvFiles, RosterExport.workbook)"
            )
        }
        return Data(RosterWriter.json(roster).utf8)
    }

    /// The three files of an ATS folder by name (`ambito.csv`, `comuni.csv`, `personale.csv`):
    /// UTF-8, `;` between cells, decimal comma, dates `GG/MM/AAAA` (docs/formati.md), what
    /// ``RosterLoader/load(csvFiles:name:)`` reads and Excel or LibreOffice opens.
    ///
    /// - Returns: each file's bytes by its name.
    public static func csvFiles(_ roster: Roster) -> [String: Data] {
        let files = RosterWriter.csv(roster)
        return ["ambito.csv": Data(files.ambito.utf8), "comuni.csv": Data(files.comuni.utf8), "personale.csv": Data(files.personale.utf8)]
    }

    /// The roster workbook, as `potenziamento modello --da` writes it (docs/guida.md): the
    /// sheets `ambito`, `comuni`, `personale` filled in, with the instructions and the lists of
    /// values of the empty template; what ``RosterLoader/load(workbookData:name:)`` reads.
    ///
    /// - Parameters:
    ///   - roster: the roster to write.
    ///   - kind: `.xlsx` (Excel) or `.ods` (LibreOffice Calc).
    /// - Returns: the workbook's bytes.
    /// - Throws: ``InputError`` with ``DiagnosticCode/cartellaDiLavoroNonValida`` when a text
    ///   cannot be held by a cell (over 32.767 characters: a valid roster has none).
    public static func workbook(_ roster: Roster, kind: SpreadsheetKind) throws(InputError) -> Data {
        Data(try kind.bytes(RosterTemplate.document(filledWith: roster)))
    }
}
