import PotenziamentoFormats

/// The roster workbook an office fills in (`potenziamento modello`, docs/formati.md, «Input: one
/// ATS as a workbook»): the sheets `istruzioni`, `ambito`, `comuni` and `personale` with the
/// columns the readers know, drop-down lists for the coded columns and the yes/no ones, text
/// format where a code must keep its leading zeros, date format for the dates, and one example
/// row per sheet (`# ESEMPIO …`, skipped by the reader with a warning). Filled with a roster, it
/// is that roster as a workbook (a CSV folder or JSON file moved to a workbook); reading it back
/// gives the same roster.
package enum RosterTemplate {
    /// The rows of each sheet that carry the drop-down lists and the formats (a large ATS has
    /// about 1.000 persons, some with several periods).
    static let validatedRows = 5_000

    /// The document: empty (header and example rows) or filled with `roster`.
    package static func document(filledWith roster: Roster? = nil) -> WorkbookDocument {
        let tables = roster.map(RosterWriter.tables)
        let headers = (
            ambito: RosterWriter.Columns.ambito, comuni: RosterWriter.Columns.comuni, personale: RosterWriter.Columns.personale + ["note"]
        )
        func rows(_ header: [String], _ example: [RosterWriter.Cell], _ filled: [[RosterWriter.Cell]]?) -> [[WritableCell]] {
            let body = filled.map { Array($0.dropFirst()) } ?? [example]
            return [header.map { .text($0) }] + body.map { $0.map(cell) }
        }
        let ambito = WritableSheet(
            name: "ambito", columnWidths: [34, 34, 14, 30], frozenRows: 1,
            rows: rows(
                headers.ambito, [.text("# ESEMPIO, cancellare: ATS-XX-01"), .text("Ambito territoriale di ..."), .text("Toscana"), .flag(false)], tables?.ambito
            ),
            validations: [.yesNo(column: 4, firstRow: 2, lastRow: 3)], columnStyles: [.text], formattedRows: 10)
        let comuni = WritableSheet(
            name: "comuni", columnWidths: [32, 30, 12, 8], frozenRows: 1,
            rows: rows(headers.comuni, [.text("# ESEMPIO, cancellare: 048001"), .text("Comune di ..."), .count(30_000), .year(2025)], tables?.comuni),
            columnStyles: [.text], formattedRows: max(validatedRows, (tables?.comuni.count ?? 0) + 1))
        let personale = personaleSheet(rows(headers.personale, personaleExample, tables?.personale))
        return WorkbookDocument(sheets: [instructions, ambito, comuni, personale])
    }

    /// The example row of `personale`: a full-time social worker of a comune since 2024.
    static let personaleExample: [RosterWriter.Cell] =
        [
            .text("# ESEMPIO, cancellare: AS-001"), .text("assistente_sociale"), .text("tempo_indeterminato"), .text("comune"), .text("048001"), .empty, .empty,
            .flag(true), .date(CivilDate(year: 2024, month: 1, day: 1)!), .empty, .decimal(Fraction(100)), .empty, .empty, .decimal(Fraction(30)),
            .decimal(Fraction(70)), .empty, .empty, .empty,
        ]

    /// The `personale` sheet: lists for the coded and yes/no columns, text and date formats.
    static func personaleSheet(_ rows: [[WritableCell]]) -> WritableSheet {
        // The written columns and the notes (where messages send what is not a profile or a contract).
        let columns = RosterWriter.Columns.personale + ["note"]
        func column(_ name: String) -> Int { (columns.firstIndex(of: name) ?? 0) + 1 }
        let last = max(validatedRows, rows.count)
        var validations = [
            ListValidation(
                column: column("profilo"), firstRow: 2, lastRow: last, values: Profile.Kind.allCases.map(\.rawValue),
                message: "Scegli il profilo dall'elenco (assistente_sociale per gli assistenti sociali; altro per i profili non elencati)."),
            ListValidation(
                column: column("contratto"), firstRow: 2, lastRow: last, values: Contract.Kind.allCases.map(\.rawValue),
                message: "Scegli il contratto dall'elenco: conta solo tempo_indeterminato."),
            ListValidation(
                column: column("ente_tipo"), firstRow: 2, lastRow: last, values: EmployerKind.allCases.map(\.rawValue),
                message: "Scegli il tipo di ente dall'elenco (comune, unione_di_comuni, asl, …); vedi il foglio istruzioni."),
        ]
        for name in ["delega_funzioni", "costo_rimborsato", "impiegato_servizi_territoriali"] {
            validations.append(.yesNo(column: column(name), firstRow: 2, lastRow: last))
        }
        var styles = [ColumnStyle?](repeating: nil, count: columns.count)
        for name in ["id", "ente_codice_istat"] { styles[column(name) - 1] = .text }
        for name in ["dal", "al"] { styles[column(name) - 1] = .date }
        // Each column as wide as its name, a coded column as its longest code (`tempo_indeterminato`,
        // `azienda_speciale_consortile`): no value of the lists is cut or runs into the next column.
        // Every heading whole (a trial: `area_servizio_sociale_professionale` was cut on screen).
        var widths = columns.map { name in max(12, name.count + 2) }
        for (name, codes) in [
            ("profilo", Profile.Kind.allCases.map(\.rawValue)), ("contratto", Contract.Kind.allCases.map(\.rawValue)),
            ("ente_tipo", EmployerKind.allCases.map(\.rawValue)),
        ] {
            widths[column(name) - 1] = min(30, (codes.map(\.count).max() ?? 10) + 2)
        }
        widths[0] = 32  // the example row's «# ESEMPIO, cancellare: AS-001»
        widths[column("note") - 1] = 40  // a sentence, not a code
        styles[column("note") - 1] = .text
        return WritableSheet(
            name: "personale", columnWidths: widths, frozenRows: 1, rows: rows, validations: validations, columnStyles: styles, formattedRows: last)
    }

    /// A value of the roster's tables as a typed cell (yes/no as the lists' `sì`/`no`).
    static func cell(_ value: RosterWriter.Cell) -> WritableCell {
        switch value {
        case .empty: .empty
        case .text(let text): .text(text)
        case .count(let count): .number(String(count), .integer)
        case .year(let year): .number(String(year), .general)
        case .decimal(let value):
            // A spreadsheet keeps 15 significant digits of a number: a figure with more (a share of
            // 15 decimals, docs/regole.md §3) is written as text, which is read back exactly (an
            // integrator's trial: 99,999999999999999 % came back 100 %).
            significantDigits(NumberFormatting.exactPlain(value, maximumDecimals: Bounds.percentageDecimals)) > 15
                ? .text(NumberFormatting.exactPlain(value, maximumDecimals: Bounds.percentageDecimals, decimalMark: UInt8(ascii: ",")))
                : .number(NumberFormatting.exactPlain(value, maximumDecimals: Bounds.percentageDecimals), .general)
        case .date(let date):
            // Before 1 March 1900 a date serial is not the day (the spreadsheets' 29 February 1900):
            // written as text, which is read back as the date.
            (date.year, date.month) < (1900, 3) ? .text(date.italian) : .date(year: date.year, month: date.month, day: date.day)
        case .flag(let flag): .text(flag ? "sì" : "no")
        }
    }

    /// The digits of `plain` (`-12.500`: 5) without the leading zeros (`0.0001`: 1).
    private static func significantDigits(_ plain: String) -> Int {
        plain.utf8.filter { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.drop { $0 == UInt8(ascii: "0") }.count
    }

    /// The name of the sheet of instructions (not read back).
    static let instructionsSheet = "istruzioni"

    /// The `istruzioni` sheet, in Italian: what each sheet and column holds.
    static let instructions: WritableSheet = {
        let lines: [String] = [
            "Come compilare questa cartella di lavoro (PotenziamentoKit, L. 178/2020, art. 1, commi 797-804)",
            "",
            "Tre fogli: «ambito» (una riga), «comuni» (un comune per riga, o uno per comune e anno) e",
            "«personale» (una riga per ogni periodo di servizio di ogni persona).",
            "La seconda riga di ogni foglio («# ESEMPIO, cancellare: …») mostra come compilare: il programma",
            "la salta e lo segnala. Cancellala. Non cambiare i nomi dei fogli né le intestazioni della prima riga.",
            "Le colonne con l'elenco a tendina accettano solo i valori dell'elenco.",
            "",
            "Foglio «ambito»: codice e denominazione dell'ambito, regione; funzioni_delegate_al_capofila: sì se",
            "  tutte le funzioni sociali dei comuni sono delegate al capofila.",
            "Foglio «comuni»: codice_istat di 6 cifre (048001, con lo zero: la colonna è in formato testo),",
            "  denominazione, popolazione residente al 1° gennaio, anno di quella popolazione (vuoto se la stessa",
            "  vale per ogni anno). Per il prospetto della campagna C servono le popolazioni degli anni C−1 e C.",
            "Foglio «personale»: inserire TUTTO il personale, anche quello che non conta (tempo determinato,",
            "  appalto, ASL): il programma decide chi conta e spiega perché gli altri sono esclusi.",
            "  id: lo stesso su tutte le righe della stessa persona (una riga per periodo: cambio di percentuale,",
            "    assunzione, cessazione);",
            "  profilo, contratto, ente_tipo: dall'elenco; ente_codice_istat: il comune che impiega la persona",
            "    (per ente_tipo comune);",
            "  delega_funzioni e costo_rimborsato: solo per il personale ASL;",
            "  impiegato_servizi_territoriali: sì se lavora nei servizi sociali territoriali (vuoto = sì);",
            "  dal, al: date del periodo (al vuoto = ancora in servizio); le assunzioni previste si scrivono",
            "    con la data di inizio futura;",
            "  percentuale del tempo pieno (100 = tempo pieno) oppure ore_settimanali (con ore_tempo_pieno se",
            "    diverse da 36): una delle due;",
            "  area_…: percentuale del tempo dedicata a ogni area di attività (somma 100, vuoto = 0);",
            "  note: testo libero (comando, aspettativa, qualifica), non usato nel calcolo: profilo e contratto",
            "    contengono solo il profilo e il contratto.",
            "",
            "Poi, in un terminale:",
            "  potenziamento valida FILE.xlsx --anno 2026",
            "  potenziamento prospetto FILE.xlsx --campagna 2026 --output prospetto-2026.html",
            "Ogni errore indica foglio e cella (es. personale!K7). Guida: docs/guida.md; colonne: docs/formati.md.",
        ]
        // Printed landscape within the page (a trial: portrait cut its lines at the right edge).
        var sheet = WritableSheet(name: instructionsSheet, columnWidths: [105], rows: lines.map { [.text($0)] })
        sheet.printsLandscapeFitToWidth = true
        return sheet
    }()
}
