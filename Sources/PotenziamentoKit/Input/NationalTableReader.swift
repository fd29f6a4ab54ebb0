/// Reads a national table (`riparto`): CSV `codice;denominazione;popolazione;fte` and optionally
/// `pregresso`, with the same conventions as the roster CSV (separator detection, decimal comma,
/// BOM, CRLF, Windows-1252).
public enum NationalTableReader {
    /// The entries of `text` (from `file`), or an error listing every problem with its line.
    public static func read(text: String, file: String) throws(InputError) -> [AllocationEntry] {
        var diagnostics = Diagnostics()
        guard
            let table = CSVTable(
                text: text, file: file, required: ["codice", "denominazione", "popolazione", "fte"], optional: ["pregresso"],
                diagnostics: &diagnostics)
        else { throw InputError(diagnostics: diagnostics.all) }
        var entries: [AllocationEntry] = []
        entries.reserveCapacity(table.rows.count)
        var seen: [String: Int] = [:]
        for row in table.rows {
            let code = table.value(row, "codice")
            if code.isEmpty { diagnostics.error(table.place(row, "codice"), "codice dell'ambito vuoto") }
            if let line = seen[code] { diagnostics.error(table.place(row, "codice"), "ambito \(code) ripetuto (già alla riga \(line))") }
            seen[code] = row.line
            let population = FieldParsing.residents(table.value(row, "popolazione")).report(at: table.place(row, "popolazione"), into: &diagnostics)
            let fteText = table.value(row, "fte")
            var fte: Fraction?
            switch DecimalParser.parseDecimal(fteText, maximumDecimals: 6) {
            case .success(let value) where !value.isNegative && value <= ContributionError.maximumFTE: fte = value
            case .success: diagnostics.error(table.place(row, "fte"), "FTE non validi: \(fteText) (devono essere tra 0 e 10 milioni)")
            case .failure(let error): diagnostics.error(table.place(row, "fte"), "FTE non validi «\(fteText)»: \(error)")
            }
            var previous = EuroCents.zero
            let previousText = table.value(row, "pregresso")
            if !previousText.isEmpty {
                switch DecimalParser.parseDecimal(previousText, maximumDecimals: 2) {
                case .success(let value) where !value.isNegative: previous = EuroCents.rounding(euros: value)
                case .success: diagnostics.error(table.place(row, "pregresso"), "il pregresso non può essere negativo")
                case .failure(let error): diagnostics.error(table.place(row, "pregresso"), "importo non valido «\(previousText)»: \(error)")
                }
            }
            if let population, let fte, !code.isEmpty {
                entries.append(
                    AllocationEntry(
                        code: code, name: table.value(row, "denominazione"), population: population, fte: fte,
                        previous: previous, place: table.place(row)))
            }
        }
        if table.rows.isEmpty { diagnostics.error(SourcePlace(file: file, position: .file), "la tabella non ha righe di dati") }
        if diagnostics.hasErrors { throw InputError(diagnostics: diagnostics.errors) }
        return entries
    }

    /// Reads the table at `path`.
    public static func load(path: String) throws(InputError) -> (entries: [AllocationEntry], warnings: [InputDiagnostic]) {
        if !RosterLoader.isRegularFile(path) {
            throw InputError(SourcePlace(file: path, position: .file), "file inesistente", isUnreadable: true)
        }
        let (text, warning) = try RosterLoader.decodedFile(path)
        return (try read(text: text, file: path), warning.map { [$0] } ?? [])
    }
}
