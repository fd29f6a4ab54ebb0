import PotenziamentoFormats

/// A cell as the table readers see it, from a CSV file (always text) or a workbook (typed).
enum TableCell {
    /// Nothing, or only spaces.
    case empty
    /// Text, as UTF-8 bytes without surrounding spaces.
    case text(UnsafeBufferPointer<UInt8>)
    /// A number cell of a workbook, as plain decimal text rounded to a spreadsheet's 15
    /// significant digits (docs/regole.md, «Fogli di calcolo»): `83.3333333333333`.
    case number(String)
    /// A number cell formatted as a percentage: the stored fraction (`0.5` for a cell that shows
    /// 50 %), as plain decimal text rounded like ``number(_:)``.
    case percentage(String)
    /// A date cell of a workbook.
    case date(CivilDate)
    /// A date cell with a time of day (a time is not a date of service).
    case dateTime(CivilDate)
    /// A yes/no cell of a workbook.
    case boolean(Bool)
    /// A cell whose value cannot be used (an error value such as `#N/A`, a formula never
    /// computed, a time, a date that does not exist): `shown` is what the spreadsheet shows, and
    /// the table has already reported the cell as an error.
    case unusable(shown: String)

    /// Whether the cell holds nothing.
    var isEmpty: Bool {
        switch self {
        case .empty: true
        case .text(let bytes): bytes.isEmpty
        default: false
        }
    }

    /// The cell as text, as the text readers (``FieldParsing``) must understand it: a number with
    /// the decimal comma (`17,301` is never read as seventeen thousand), a percentage as `50%`,
    /// a date as `GG/MM/AAAA`, a date with a time so that no date reader accepts it.
    var text: String {
        switch self {
        case .empty: ""
        case .text(let bytes): String(decoding: bytes, as: UTF8.self)
        case .number(let text): text.replacing(".", with: ",")
        case .percentage(let fraction): DecimalText.multiply(fraction, by: 100).replacing(".", with: ",") + "%"
        case .date(let date): date.italian
        case .dateTime(let date): "\(date.italian) con un'ora"
        case .boolean(let flag): flag ? "vero" : "falso"
        case .unusable(let shown): shown
        }
    }
}

/// A table with a header row, read from a CSV file or a workbook sheet: the rows to read (blank
/// rows and the templates' example rows already left out, and reported), the columns resolved by
/// name, and places as the user sees them (`personale.csv:14 (colonna al)`, `personale!K7`).
protocol CellTable: Sendable {
    /// The file (or workbook) the table was read from, for messages.
    var file: String { get }
    /// The data rows, each a handle for ``withCell(_:_:_:)``.
    var rowCount: Int { get }
    /// The header: columns by canonical name, with the names as written.
    var header: TableHeader { get }
    /// The place of the header row (for a missing column).
    var headerPlace: SourcePlace { get }
    /// The line (CSV) or row number (sheet) of data row `row`.
    func line(of row: Int) -> Int
    /// The place of data row `row`, narrowed to column `column` if given.
    func place(of row: Int, column: Int?) -> SourcePlace
    /// Calls `body` with the cell of data row `row` at `column`.
    func withCell<Result>(_ row: Int, _ column: Int, _ body: (TableCell) -> Result) -> Result
    /// Whether the cells of data rows `row` and `other` at `column` have equal ``text(_:_:)``.
    func sameText(_ row: Int, _ other: Int, _ column: Int) -> Bool
}

extension CellTable {
    /// The text of a cell (empty when the column is absent).
    func text(_ row: Int, _ column: Int?) -> String {
        guard let column else { return "" }
        return withCell(row, column) { $0.text }
    }

    /// Whether two cells have equal ``text(_:_:)`` (compared as texts).
    func sameText(_ row: Int, _ other: Int, _ column: Int) -> Bool { text(row, column) == text(other, column) }

    /// Whether a cell holds a value the table already reported as unusable (`#N/A`).
    func isUnusable(_ row: Int, _ column: Int?) -> Bool {
        guard let column else { return false }
        return withCell(row, column) { cell in
            if case .unusable = cell { return true }
            return false
        }
    }

    /// Whether a cell is empty (true when the column is absent).
    func isEmpty(_ row: Int, _ column: Int?) -> Bool {
        guard let column else { return true }
        return withCell(row, column) { $0.isEmpty }
    }

    /// The value of a cell read by `parse` (an absent column reads as an empty cell), or nil after
    /// recording its problem at the cell.
    func value<Value>(_ row: Int, _ column: Int?, _ parse: (TableCell) -> Result<Value, InvalidValue>, diagnostics: inout Diagnostics) -> Value? {
        let result = column.map { withCell(row, $0, parse) } ?? parse(.empty)
        switch result {
        case .success(let value): return value
        case .failure(let invalid):
            diagnostics.error(invalid, at: place(row, column))
            return nil
        }
    }

    /// The place of a cell of column `column` (the header's name as written).
    func place(_ row: Int, _ column: Int?) -> SourcePlace { place(of: row, column: column) }
}

/// The header row of a table: which known columns it has and where, checked once (unknown,
/// repeated and missing columns are errors naming the column as the user wrote it).
struct TableHeader {
    /// The names as written, by position.
    let written: [String]
    /// Canonical name → position.
    private let positions: [String: Int]

    /// A header name without what is at its ends: spaces of every kind (the non-breaking one of
    /// Word and of spreadsheets), line breaks, and the invisible zero-width space and BOM.
    static func trimmedName(_ name: String) -> String {
        // The usual case, a name that begins and ends with a letter: nothing to look up.
        func isPlain(_ byte: UInt8?) -> Bool { byte.map { $0 > 0x20 && $0 < 0x80 } ?? true }
        if isPlain(name.utf8.first) && isPlain(name.utf8.last) { return name }
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isASCII
                ? scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
                : scalar.properties.isWhitespace || scalar == "\u{200B}" || scalar == "\u{FEFF}"
        }
        var scalars = Substring(name).unicodeScalars
        while let first = scalars.first, isSpace(first) { scalars.removeFirst() }
        while let last = scalars.last, isSpace(last) { scalars.removeLast() }
        return String(scalars)
    }

    /// The header of `names` (as written), checked against `required` and `optional` canonical
    /// names (compared ignoring case and surrounding spaces); nil after recording its errors.
    init?(
        names: [String], required: [String], optional: [String], oneOf: [[String]] = [], place: (Int?) -> SourcePlace, diagnostics: inout Diagnostics
    ) {
        var positions: [String: Int] = [:]
        positions.reserveCapacity(names.count)
        var usable = true
        let known = required + optional
        for (index, rawName) in names.enumerated() {
            // Special spaces at the ends too (a non-breaking space after `percentuale`, invisible
            // in the message: a trial), as an ordinary one.
            let name = Self.lowercased(Self.trimmedName(rawName))
            if name.isEmpty {
                // Trailing empty header cells (a spreadsheet's) are not columns.
                if names[index...].allSatisfy({ Self.trimmedName($0).isEmpty }) { break }
                // Empty columns before the first name: the table starts further right (a trial).
                let leading = names[..<index].allSatisfy { Self.trimmedName($0).isEmpty }
                diagnostics.error(
                    .intestazioneVuota, place(index),
                    "intestazione vuota nella colonna \(index + 1)"
                        + (leading
                            ? ": la tabella deve iniziare dalla prima colonna (cancella le colonne a sinistra dell'intestazione, vuote o di numerazione)"
                            : ": dai un nome alla colonna, o cancellala se non serve"))
                usable = false
            } else if !known.contains(name) {
                let suggestion =
                    Self.otherName(name, known: known) ?? NameSuggestion.nearest(to: name, in: known).map { " (forse «\($0)»?)" } ?? ""
                diagnostics.error(
                    .colonnaSconosciuta, place(index), "colonna sconosciuta «\(rawName)»\(suggestion); colonne ammesse: \(Italian.list(known, limit: 10))")
                usable = false
            } else if positions[name] != nil {
                diagnostics.error(.campoRipetuto, place(index), "colonna «\(rawName)» ripetuta")
                usable = false
            } else {
                positions[name] = index
            }
        }
        for name in required where positions[name] == nil {
            diagnostics.error(.campoMancante, place(nil), "manca la colonna obbligatoria «\(name)»")
            usable = false
        }
        // Columns of which one is required, said with the other missing ones (a trial: it came a run later).
        for group in oneOf where !group.contains(where: { positions[$0] != nil }) {
            diagnostics.error(
                .campoMancante, place(nil),
                "manca la colonna obbligatoria «\(group[0])» (o \(group.dropFirst().map { "«\($0)»" }.joined(separator: " o ")))")
            usable = false
        }
        guard usable else { return nil }
        self.written = names
        self.positions = positions
    }

    /// The columns as personnel systems and offices name them (a trial of HR exports: `Data
    /// inizio` got no suggestion, `%` was offered «id»), by their words lower-cased and joined
    /// by single spaces: the columns meant (of `personale`, of `comuni`), the one the table has.
    static let otherNames: [String: [String]] = {
        var names: [String: [String]] = [:]
        for (column, written) in [
            ("dal", ["data inizio", "data di inizio", "inizio", "data inizio servizio", "data assunzione", "data di assunzione", "decorrenza", "dal giorno"]),
            (
                "al",
                ["data fine", "data di fine", "fine", "data fine servizio", "data cessazione", "data di cessazione", "cessazione", "scadenza", "al giorno"]
            ),
            (
                "percentuale",
                ["%", "perc", "percentuale part time", "% part time", "part time", "part time %", "quota", "percentuale di servizio", "percentuale orario"]
            ),
            ("ore_settimanali", ["ore", "orario", "orario settimanale", "ore sett", "ore a settimana"]),
            ("ente_codice_istat", ["codice istat", "istat", "codice comune", "codice istat comune", "codice ente"]),
            ("ente_tipo", ["ente", "tipo ente", "datore di lavoro", "ente datore"]),
            ("codice_istat", ["istat", "codice comune", "cod istat"]),
            ("popolazione", ["residenti", "abitanti", "popolazione residente"]),
        ] {
            for name in written { names[name, default: []].append(column) }
        }
        return names
    }()

    /// The personal data an export carries that the computation does not use.
    static let personalData: Set<String> = [
        "matricola", "codice fiscale", "cf", "nome", "cognome", "nome e cognome", "cognome e nome", "nominativo", "data di nascita", "sesso",
    ]

    /// A suggestion for a column `name` (lower-cased) written as another system writes it, when
    /// the table (`known`) has the column meant; nil otherwise.
    static func otherName(_ name: String, known: [String]) -> String? {
        let words = name.split(whereSeparator: { $0 == " " || $0 == "_" || $0 == "." || $0 == "-" }).joined(separator: " ")
        if let column = otherNames[words]?.first(where: known.contains) { return " (forse «\(column)»?)" }
        if personalData.contains(words), known.contains("id") {
            return
                ": il calcolo non la usa, cancella la colonna (le persone si distinguono con «id»; se questa colonna è il loro identificativo e «id» manca, rinominala «id»)"
        }
        return nil
    }

    /// Whether `names`, the first row, look like a title above the header `next` (the row after):
    /// at most two cells written, none a column's name, and `next` holding at least two of the
    /// `required` names. Said as a title row, not as unknown and missing columns.
    static func isTitle(_ names: [String], above next: [String]?, required: [String], optional: [String]) -> Bool {
        guard let next else { return false }
        // A header of three or more cells (every real one) is no title: decided before any text is made.
        var count = 0
        for name in names where !name.trimmingSpaces.isEmpty {
            count += 1
            if count > 2 { return false }
        }
        let written = names.map { $0.trimmingSpaces.lowercased() }.filter { !$0.isEmpty }
        guard (1...2).contains(written.count), !written.contains(where: { (required + optional).contains($0) }) else { return false }
        let below = Set(next.map { $0.trimmingSpaces.lowercased() })
        return required.filter(below.contains).count >= min(2, required.count)
    }

    /// The error of a title row `line` (its text `title`) above the header at `headerLine`.
    static func titleError(_ title: [String], line: String, headerLine: String) -> (DiagnosticCode, String) {
        let text = title.map(\.trimmingSpaces).filter { !$0.isEmpty }.joined(separator: " ")
        // `sep=;`: the line some programs write for Excel to know the separator (an officer's trial).
        if text.lowercased().hasPrefix("sep=") {
            return (
                .rigaDelTitolo,
                "la riga \(line) è l'indicazione «sep=» del separatore per Excel: cancellala (il separatore «;» o «,» è riconosciuto da solo); l'intestazione delle colonne (riga \(headerLine)) deve essere la prima riga"
            )
        }
        return (
            .rigaDelTitolo,
            "la riga \(line) («\(TextSafety.shortened(text))») sembra un titolo: l'intestazione delle colonne (riga \(headerLine)) deve essere la prima riga; cancella la riga del titolo"
        )
    }

    /// `name` lower-cased; itself when it has no capital letter or character past ASCII (a header
    /// written as the guide says: no new text made).
    private static func lowercased(_ name: String) -> String {
        name.utf8.contains { ($0 >= 0x41 && $0 <= 0x5A) || $0 >= 0x80 } ? name.lowercased() : name
    }

    /// The position of canonical column `name`, if present.
    func index(of name: String) -> Int? { positions[name] }

    /// Whether the table has canonical column `name`.
    func has(_ name: String) -> Bool { positions[name] != nil }

    /// The name of column `index` as written.
    func name(of index: Int) -> String { index < written.count ? written[index].trimmingSpaces : "colonna \(index + 1)" }

    /// How many columns the header has (trailing empty header cells excluded).
    var count: Int { positions.values.max().map { $0 + 1 } ?? 0 }
}
