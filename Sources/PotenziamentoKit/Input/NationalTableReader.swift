/// Reads a national table (`riparto`, docs/formati.md): `codice;denominazione;popolazione;fte` and
/// optionally `pregresso`, from a CSV file with the conventions of the roster CSV (separator,
/// decimal comma, BOM, CRLF, Windows-1252, example rows) or a workbook's first sheet.
package enum NationalTableReader {
    /// A national table read from a file.
    package struct Loaded: Sendable {
        /// The entries, in input order.
        package let entries: [AllocationEntry]
        /// Warnings (encoding, example rows).
        package let warnings: [InputDiagnostic]
    }

    /// Reads the table at `path`.
    ///
    /// - Throws: ``InputError`` listing every problem with its line.
    package static func load(path: String) throws(InputError) -> Loaded {
        var diagnostics = Diagnostics()
        let table = try TableFile.open(
            path: path, required: ["codice", "denominazione", "popolazione", "fte"], optional: ["pregresso"], diagnostics: &diagnostics)
        let entries = read(table, diagnostics: &diagnostics)
        if diagnostics.hasErrors { throw InputError(diagnostics) }
        return Loaded(entries: entries, warnings: diagnostics.warnings)
    }

    static func read(_ table: some CellTable, diagnostics: inout Diagnostics) -> [AllocationEntry] {
        let header = table.header
        let code = header.index(of: "codice")
        let name = header.index(of: "denominazione")
        let population = header.index(of: "popolazione")
        let fte = header.index(of: "fte")
        let previous = header.index(of: "pregresso")
        if table.rowCount > Bounds.maximumAmbiti {
            diagnostics.error(.troppiDati, SourcePlace(file: table.file), Bounds.tooMany("ambiti", table.rowCount, maximum: Bounds.maximumAmbiti))
            return []
        }
        var entries: [AllocationEntry] = []
        entries.reserveCapacity(table.rowCount)
        // The table row of each entry (for a warning's place).
        var rows: [Int] = []
        // Codes compared as the riparto compares them (without case): `ATS-01` and `ats-01` are the same ATS.
        var seen: [String: (line: Int, code: String)] = [:]
        // And by their shape (``IDShape``: signs, spaces and leading zeros aside), as a batch of
        // ATS compares them (a trial of riparto: `ATS-01` and `ATS-1` were two ATS, the fund split
        // among three).
        var shapes: [Int: [(line: Int, code: String)]] = [:]
        for row in 0..<table.rowCount {
            let codeText = table.text(row, code).trimmingSpaces
            let key = AllocationEntry.comparable(code: codeText)
            if let first = seen[key], !codeText.isEmpty {
                let written = first.code == codeText ? "" : " come «\(first.code)»"
                diagnostics.error(.ambitoRipetuto, table.place(row, code), "ambito \(codeText) ripetuto (già\(written) alla riga \(first.line))")
            } else if !codeText.isEmpty {
                let shape = IDShape.codeHash(codeText)
                if let first = shapes[shape]?.first(where: { IDShape.sameCode($0.code, codeText) }) {
                    diagnostics.error(
                        .ambitoRipetuto, table.place(row, code),
                        "ambito \(codeText) ripetuto (già come «\(first.code)» alla riga \(first.line)): i due codici differiscono solo per segni, spazi o zeri iniziali, come un codice riscritto; se sono due ambiti, dai loro codici diversi"
                    )
                }
                shapes[shape, default: []].append((table.line(of: row), codeText))
            }
            if seen[key] == nil { seen[key] = (table.line(of: row), codeText) }
            // No code: a row of totals (`Totale` as its name, or sums under the figures: a trial of
            // riparto was told only «codice vuoto»), or an ATS whose code is missing.
            if codeText.isEmpty {
                if let total = TotalRows.label(in: table, row: row) {
                    diagnostics.error(TotalRows.rowError(total.text, of: "ambito"), at: table.place(row, total.column))
                } else {
                    diagnostics.error(
                        .valoreVuoto, table.place(row, code),
                        "codice dell'ambito vuoto: se la riga è di somme o di totali, cancellala (il programma fa da sé le somme); altrimenti scrivi il codice dell'ambito"
                    )
                }
                continue
            }
            let residents = table.value(row, population, CellParsing.residents, diagnostics: &diagnostics)
            let figure = table.value(row, fte, CellParsing.fte, diagnostics: &diagnostics)
            let earlier =
                table.isEmpty(row, previous)
                ? EuroCents.zero : table.value(row, previous, { CellParsing.euros($0, what: "pregresso") }, diagnostics: &diagnostics)
            guard let residents, let figure, let earlier else { continue }
            // A row of totals, or a name missing, reported at the cell that says it.
            let nameText = table.text(row, name).trimmingSpaces
            let place = { (error: InvalidValue) -> SourcePlace in
                let aboutName: Bool
                switch error.code {
                case .rigaDiTotale: aboutName = !TotalRows.isTotal(codeText)
                case .valoreVuoto: aboutName = !codeText.isEmpty
                // A label that cannot be one (a tab, a line break): the name's when the code is a good one (an audit).
                default: aboutName = (try? Bounds.checkedLabel(codeText, what: "")) != nil && (try? Bounds.checkedLabel(nameText, what: "")) == nil
                }
                return table.place(row, aboutName ? name : code)
            }
            if let entry = diagnostics.value(
                placing: place,
                { () throws(InvalidValue) in
                    try AllocationEntry(code: codeText, name: nameText, population: residents, fte: figure, previous: earlier)
                })
            {
                entries.append(entry)
                rows.append(row)
                // Figures out of scale: most likely a thousands separator (a trial: 1.803 FTE for 81.000 residents).
                if residents > Bounds.plausibleResidents {
                    diagnostics.warning(
                        .valoreImprobabile, table.place(row, population),
                        "l'ambito \(entry.code) ha \(NumberFormatting.italian(residents)) residenti, più del comune più grande d'Italia (Roma, circa 2,75 milioni): verifica la cifra (un separatore delle migliaia o una cifra di troppo?); se è giusta, non serve altro"
                    )
                }
                if figure * Fraction(Bounds.plausibleResidentsPerFTE) > Fraction(residents) {
                    diagnostics.warning(
                        .valoreImprobabile, table.place(row, fte),
                        "l'ambito \(entry.code) ha \(NumberFormatting.italianTrimmed(figure)) FTE per \(NumberFormatting.italian(residents)) residenti, un assistente sociale ogni \(NumberFormatting.italian(Fraction(residents) / figure, decimals: 0)) residenti (il LEP è uno ogni 5.000): verifica la cifra (una virgola al posto sbagliato o un separatore delle migliaia?); se è giusta, non serve altro"
                    )
                }
            }
        }
        if table.rowCount == 0 { diagnostics.error(.nessunDato, SourcePlace(file: table.file), "la tabella non ha righe di dati") }
        // A row with as many residents as the others together (`Somma`, a bare code): a row of
        // totals that no word marks, said as for the comuni of an ATS (an officer's trial).
        if !diagnostics.hasErrors {
            for position in TotalRows.sumPositions(entries.map(\.population)) {
                let entry = entries[position]
                diagnostics.warning(
                    .rigaDiTotale, table.place(rows[position], population),
                    "l'ambito \(entry.code) «\(TextSafety.shortened(entry.name))» ha tanti residenti quanti gli altri ambiti della tabella insieme: se è una riga di totale (Somma, Complessivo, …), cancellala, il programma fa da sé le somme e ora il contributo è chiesto due volte; se è un ambito, non serve altro"
                )
            }
        }
        return entries
    }
}
