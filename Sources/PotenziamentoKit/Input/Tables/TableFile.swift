import PotenziamentoFormats

/// Opening the files that hold tables (docs/formati.md): a CSV file (UTF-8 or Windows-1252,
/// separator `;` or `,`) or an `.xlsx`/`.ods` workbook, told apart by their first bytes (and the
/// extension), so every command that reads a table reads both alike.
enum TableFile {
    /// Whether `bytes` read from `path` are a workbook (a ZIP or old Excel file, or named so).
    static func isWorkbook(path: String, bytes: [UInt8]) -> Bool {
        let lowered = path.lowercased()
        return FileReading.startsLikeBinary(bytes) || lowered.hasSuffix(".xlsx") || lowered.hasSuffix(".ods") || lowered.hasSuffix(".xls")
    }

    /// The workbook in `bytes`, read from `file`.
    ///
    /// - Throws: ``InputError`` with ``DiagnosticCode/formatoNonSupportato`` for an old `.xls` or
    ///   a password-protected file, ``DiagnosticCode/cartellaDiLavoroNonValida`` for a damaged or
    ///   hostile one (the cell named when there is one).
    static func workbook(_ bytes: [UInt8], file: String) throws(InputError) -> Workbook {
        do {
            return try WorkbookReader.read(bytes)
        } catch {
            switch error {
            case .legacyExcel: throw InputError(.formatoNonSupportato, SourcePlace(file: file), error.description)
            case .cell(let sheet, let reference, let reason):
                throw InputError(.cartellaDiLavoroNonValida, SourcePlace(file: file, position: .cell(sheet: sheet, reference: reference, column: nil)), reason)
            default: throw InputError(.cartellaDiLavoroNonValida, SourcePlace(file: file), error.description)
            }
        }
    }

    /// The named sheet of `workbook` (compared ignoring case), or nil after recording that it is
    /// missing (with the sheets there are) when `required`, or when a sheet whose first row names
    /// one of `columns` has a name likely meant for it (``NameSuggestion``).
    static func sheet(_ name: String, of workbook: Workbook, file: String, required: Bool, columns: [String] = [], diagnostics: inout Diagnostics)
        -> Sheet?
    {
        let matches = workbook.sheets.filter { $0.name.trimmingSpaces.lowercased() == name }
        if matches.count > 1 {
            diagnostics.error(
                .campoRipetuto, SourcePlace(file: file), "più fogli si chiamano «\(name)» (\(matches.map(\.name).joined(separator: ", "))): tienine uno")
            return nil
        }
        if let sheet = matches.first { return sheet }
        // An optional sheet under another name (`ambito - Tabella 1` from Numbers, `ambiti`):
        // its data would be left out (a trial: the delega to the capofila lost, another riparto,
        // exit 0): an error, as for a required one.
        // Only a sheet whose first row names one of its `columns` (a review: «ambiti territoriali»,
        // «Tabella ambiti», the officer's own lists, were refused).
        if !required,
            let likely = NameSuggestion.nearest(to: name, in: workbook.sheetNames.map { $0.trimmingSpaces }),
            workbook.sheets.contains(where: { sheet in
                guard sheet.name.trimmingSpaces == likely, let first = sheet.rows.first else { return false }
                return first.cells.contains { cell in
                    if case .text(let text) = cell.value { return columns.contains(text.trimmingSpaces.lowercased()) }
                    return false
                }
            })
        {
            diagnostics.error(
                .cartellaDiLavoroNonValida, SourcePlace(file: file, position: .cell(sheet: likely, reference: "A1", column: nil)),
                "manca il foglio «\(name)», ma c'è il foglio «\(TextSafety.shortened(likely))»: se sono i dati del foglio «\(name)», rinominalo «\(name)» (altrimenti non sono letti); se non lo sono, rinomina questo foglio in modo diverso"
            )
            return nil
        }
        if required {
            let present = workbook.sheetNames.map { "«\($0)»" }.joined(separator: ", ")
            // The sheet likely meant, mistyped or renamed (`Persnale`, `Comune`: a trial of office habits).
            let likely =
                NameSuggestion.nearest(to: name, in: workbook.sheetNames.map { $0.trimmingSpaces })
                .map { "; forse «\($0)»? rinominalo «\(name)»" } ?? ""
            diagnostics.error(
                .cartellaDiLavoroNonValida, SourcePlace(file: file),
                "manca il foglio «\(name)» (fogli presenti: \(present.isEmpty ? "nessuno" : present))\(likely)")
        }
        return nil
    }

    /// Whether `bytes` hold a JSON document: their first byte after spaces, line ends and a
    /// UTF-8 BOM opens an object or an array (the one test of a JSON given where a table is
    /// read, or of a table file named as one).
    static func looksLikeJSON(_ bytes: [UInt8]) -> Bool {
        let first = jsonStart(bytes).map { bytes[$0] }
        return first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
    }

    /// Where a JSON document's first value starts in `bytes`: after spaces, line ends and a
    /// UTF-8 BOM (nil when there is nothing else). The one rule of every look at a document's start.
    static func jsonStart(_ bytes: [UInt8]) -> Int? {
        bytes.firstIndex { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
    }

    /// The table of the file at `path`: the whole CSV file, or a workbook's first visible sheet.
    ///
    /// - Throws: ``InputError`` when the file cannot be read or its header is not usable (every
    ///   problem found so far, with `diagnostics`).
    static func open(path: String, required: [String], optional: [String], diagnostics: inout Diagnostics) throws(InputError) -> any CellTable {
        let bytes = try InputFile.bytes(path)
        if isWorkbook(path: path, bytes: bytes) {
            let workbook = try workbook(bytes, file: path)
            guard let sheet = workbook.sheets.first(where: { !$0.isHidden }) ?? workbook.sheets.first else {
                diagnostics.error(.nessunDato, SourcePlace(file: path), "la cartella di lavoro non ha fogli")
                throw InputError(diagnostics)
            }
            // The other sheets are not read: one with something in it is named (a table kept as a
            // sheet per region would otherwise lose all but the first, in silence).
            for other in workbook.sheets where other.name != sheet.name && !other.rows.isEmpty {
                diagnostics.warning(
                    .foglioIgnorato, SourcePlace(file: path, position: .cell(sheet: other.name, reference: "A1", column: nil)),
                    "il foglio «\(TextSafety.shortened(other.name))» non è letto: si legge solo il primo foglio visibile («\(TextSafety.shortened(sheet.name))»); riunisci i dati in quel foglio"
                )
            }
            guard let table = WorkbookTable(sheet: sheet, file: path, required: required, optional: optional, diagnostics: &diagnostics) else {
                // The table on another sheet (a trial of simula: a sheet of notes before the plan
                // was told «manca la colonna tipo»): said, with the sheet to move.
                for other in workbook.sheets where other.name != sheet.name && !other.rows.isEmpty {
                    var scratch = Diagnostics()
                    guard WorkbookTable(sheet: other, file: path, required: required, optional: optional, diagnostics: &scratch) != nil else { continue }
                    diagnostics.error(
                        .foglioIgnorato, SourcePlace(file: path),
                        "si legge solo il primo foglio visibile («\(TextSafety.shortened(sheet.name))»), che non è la tabella; la tabella è nel foglio «\(TextSafety.shortened(other.name))»: spostalo al primo posto (o cancella il foglio «\(TextSafety.shortened(sheet.name))»)"
                    )
                    break
                }
                throw InputError(diagnostics)
            }
            return table
        }
        let (text, warning) = try InputFile.text(bytes, file: path, allowsWindows1252: true)
        if let warning { diagnostics.append(warning) }
        // A JSON document given where a table is read: said once, not as a column per key.
        if looksLikeJSON(text.utf8Bytes) {
            diagnostics.error(
                .formatoNonSupportato, SourcePlace(file: path),
                "è un documento JSON, non una tabella: qui si legge un CSV (o un foglio di calcolo) con le colonne \((required + optional).joined(separator: ";"))"
            )
            throw InputError(diagnostics)
        }
        guard let table = CSVTable(utf8: text.utf8Bytes, file: path, required: required, optional: optional, diagnostics: &diagnostics) else {
            throw InputError(diagnostics)
        }
        return table
    }
}
