import Dispatch
import PotenziamentoFormats

/// Reads one ATS from three tables (docs/formati.md, «Input: one ATS as CSV» and «as a workbook»):
/// `ambito` (optional), `comuni` and `personale`, from CSV files or workbook sheets alike, so
/// every rule and every message is the same for both. Values are built through the model's
/// validating initialisers; problems are reported with the line (or cell) and the column as the
/// user wrote it.
enum RosterTableReader {
    /// The columns of each table.
    enum Columns {
        static let ambitoRequired = ["codice", "denominazione"]
        static let ambitoOptional = ["regione", "funzioni_delegate_al_capofila"]
        static let comuniRequired = ["codice_istat", "denominazione", "popolazione"]
        static let comuniOptional = ["anno"]
        static let areas = ActivityArea.allCases.map { "area_\($0.rawValue)" }
        static let staffRequired = ["id", "profilo", "contratto", "ente_tipo", "dal", "al"]
        /// The period's share: `percentuale` or `ore_settimanali`, one of them (said with the other missing columns).
        static let staffOneOf = [["percentuale", "ore_settimanali"]]
        static let staffOptional =
            ["percentuale", "ore_settimanali", "ore_tempo_pieno", "ente_codice_istat", "delega_funzioni", "costo_rimborsato", "impiegato_servizi_territoriali"]
            + areas + ["note"]
        /// The columns of a period, `dal` first.
        static let period = ["dal", "al", "percentuale", "ore_settimanali", "ore_tempo_pieno"]
        /// What `dal` says on the one row of a person without periods (`"periodi": []` in JSON),
        /// the other cells of the period empty: written out, so that a row whose dates were
        /// forgotten stays an error (a review: a forgotten first row lost a period with no word).
        static let noPeriod = "nessun periodo"
        /// Columns that describe the person, not the period: equal on every row of an id.
        static let person =
            [
                "profilo", "contratto", "ente_tipo", "ente_codice_istat", "delega_funzioni", "costo_rimborsato", "impiegato_servizi_territoriali",
            ] + areas
    }

    /// The ATS of the `ambito` table (one data row), or nil after recording its errors.
    static func ambito(_ table: some CellTable, diagnostics: inout Diagnostics) -> Ambito? {
        guard table.rowCount > 0 else {
            diagnostics.error(.nessunDato, table.headerPlace, "nessuna riga di dati: serve una riga con codice e denominazione dell'ambito")
            return nil
        }
        for extra in 1..<table.rowCount {
            diagnostics.error(.numeroDiCampi, table.place(extra, nil), "la tabella dell'ambito deve avere una sola riga di dati")
        }
        let header = table.header
        let delegated = flag(table, 0, header.index(of: "funzioni_delegate_al_capofila"), diagnostics: &diagnostics)
        return diagnostics.value(at: table.place(0, nil)) { () throws(InvalidValue) in
            try Ambito(
                code: table.text(0, header.index(of: "codice")), name: table.text(0, header.index(of: "denominazione")),
                region: table.text(0, header.index(of: "regione")), allFunctionsDelegatedToLead: delegated ?? false)
        }
    }

    /// What the rows of one comune of the `comuni` table give: its code and name, the row where
    /// it first appears, its figure for every year and its figures by year, whether a row of it
    /// had an error.
    struct ComuneRows {
        let code: String
        let name: String
        let row: Int
        var constant: Int?
        /// The row of the figure without a year, when there is one.
        var constantRow: Int?
        var byYear: [Int: Int] = [:]
        var invalid = false
    }

    /// The comuni of the `comuni` table: one row per comune, or one per comune and year with `anno`;
    /// `unread` gets the code of each comune that cannot be read (nil for a row without a code).
    static func municipalities(_ table: some CellTable, unread: inout Roster.IncompleteComuni, diagnostics: inout Diagnostics) -> [Municipality] {
        let header = table.header
        let codeColumn = header.index(of: "codice_istat")
        let nameColumn = header.index(of: "denominazione")
        let residentsColumn = header.index(of: "popolazione")
        let yearColumn = header.index(of: "anno")
        // Each comune once, in order of its first row, found by its code through one dictionary.
        var entries: [ComuneRows] = []
        var positions: [String: Int] = [:]
        for row in 0..<table.rowCount {
            // A code cell holding #N/A (already reported) names no comune.
            if table.isUnusable(row, codeColumn) {
                unread.saw(nil)
                continue
            }
            let code = table.text(row, codeColumn).trimmingSpaces
            let name = table.text(row, nameColumn).trimmingSpaces
            // A row of totals with its code or its name left empty (`;Totale;53000`): said as such,
            // not as an empty code or name.
            if code.isEmpty || name.isEmpty, TotalRows.isTotal(code) || TotalRows.isTotal(name) {
                diagnostics.error(
                    Municipality.totalRow(TotalRows.isTotal(name) ? name : code), at: table.place(row, TotalRows.isTotal(name) ? nameColumn : codeColumn))
                continue
            }
            guard !code.isEmpty else {
                diagnostics.error(.valoreVuoto, table.place(row, codeColumn), "codice ISTAT vuoto")
                unread.saw(nil)
                continue
            }
            numericCode(table, row, codeColumn, diagnostics: &diagnostics)
            let residents = diagnostics.value(at: table.place(row, residentsColumn)) { () throws(InvalidValue) in
                try table.withCell(row, residentsColumn ?? 0, CellParsing.residents).get()
            }
            let position: Int
            if let known = positions[code] {
                position = known
                if entries[known].name != name {
                    diagnostics.error(
                        .comuneRipetuto, table.place(row, nameColumn),
                        "il comune \(code) ha un'altra denominazione alla riga \(table.line(of: entries[known].row)) («\(entries[known].name)»)")
                }
            } else {
                position = entries.count
                positions[code] = position
                entries.append(ComuneRows(code: code, name: name, row: row))
            }
            if residents == nil { entries[position].invalid = true }
            if let yearColumn, table.isEmpty(row, yearColumn) {
                // An empty `anno`: the figure for every year (a single figure among per-year ones).
                if let earlierRow = entries[position].constantRow {
                    // The other row named, with its figure (a trial: which one, and whether they differ).
                    let figure = entries[position].constant.map { ", \(NumberFormatting.italian($0)) residenti" } ?? ""
                    diagnostics.error(
                        .comuneRipetuto, table.place(row, yearColumn),
                        "comune \(code) con due righe senza anno (l'altra alla riga \(table.line(of: earlierRow))\(figure)): una sola riga vale per tutti gli anni; se sono anni diversi scrivi l'anno in ognuna, se una è in più cancellala"
                    )
                }
                // The first row without a year stands (a later one is an error that names it,
                // with its own figure: a review found a later row's number beside it).
                if entries[position].constantRow == nil {
                    entries[position].constant = residents
                    entries[position].constantRow = row
                }
            } else if let yearColumn {
                guard
                    let year = diagnostics.value(
                        at: table.place(row, yearColumn), { () throws(InvalidValue) in try table.withCell(row, yearColumn, CellParsing.year).get() })
                else {
                    entries[position].invalid = true
                    continue
                }
                if entries[position].byYear[year] != nil {
                    diagnostics.error(.comuneRipetuto, table.place(row, yearColumn), "comune \(code) ripetuto per l'anno \(year)")
                }
                if let residents { entries[position].byYear[year] = residents }
            } else {
                if entries[position].row != row {
                    diagnostics.error(
                        .comuneRipetuto, table.place(row, codeColumn),
                        "comune \(code) ripetuto (già alla riga \(table.line(of: entries[position].row))); per più anni aggiungi la colonna «anno»")
                    continue
                }
                if let residents { entries[position].constant = residents }
            }
        }
        if table.rowCount == 0 { diagnostics.error(.nessunDato, SourcePlace(file: table.file), "nessun comune: serve una riga per comune con la popolazione") }
        // A figure without a year beside figures of given years stands for the other years only:
        // most likely a row left over (an officer's trial); said, not refused.
        for entry in entries where !entry.invalid && !entry.byYear.isEmpty {
            guard let row = entry.constantRow, let yearColumn, let constant = entry.constant else { continue }
            let years = entry.byYear.keys.sorted().map(String.init)
            diagnostics.warning(
                .rigaSenzaAnno, table.place(row, yearColumn),
                "il comune \(entry.code) ha una riga senza anno (\(NumberFormatting.italian(constant)) residenti) oltre a quelle \(years.count == 1 ? "del" : "degli anni") \(Italian.list(years, limit: 5)): la riga senza anno vale solo per gli altri anni; se è una riga in più cancellala, se è la popolazione di un anno scrivi l'anno"
            )
        }
        return entries.compactMap { entry -> Municipality? in
            guard !entry.invalid else {
                unread.saw(entry.code, at: table.place(entry.row, codeColumn))
                return nil
            }
            let place = { (error: InvalidValue) -> SourcePlace in
                switch Municipality.field(of: error, code: entry.code) {
                case .code: table.place(entry.row, codeColumn)
                case .name: table.place(entry.row, nameColumn)
                case nil: table.place(entry.row, nil)
                }
            }
            let municipality = diagnostics.value(placing: place) { () throws(InvalidValue) in
                var residents: Residents
                if let every = entry.constant {
                    residents = try Residents(every)
                    for (year, count) in entry.byYear { residents = try residents.replacing(year: year, with: count) }
                } else {
                    residents = try Residents(byYear: entry.byYear)
                }
                return try Municipality(istatCode: entry.code, name: entry.name, residents: residents, place: table.place(entry.row, nil))
            }
            if municipality == nil { unread.saw(entry.code, at: table.place(entry.row, codeColumn)) }
            return municipality
        }
    }

    /// The staff of the `personale` table: one row per period, rows of a person sharing its id
    /// (compared ignoring case and spaces), person-level columns equal on every row. A large
    /// table is read in parts at once (as many as ``ParallelWork/parts(for:)`` says, or `parts`
    /// whatever the size), with the same records and the same messages in the same order
    /// (docs/benchmark.md, «Seventh pass»).
    static func staff(_ table: some CellTable, maximumRecords: Int, parts requestedParts: Int? = nil, diagnostics: inout Diagnostics) -> [StaffRecord] {
        var employersOfInvalid: [Roster.UncheckedEmployer] = []
        return staff(table, maximumRecords: maximumRecords, parts: requestedParts, employersOfInvalid: &employersOfInvalid, diagnostics: &diagnostics)
    }

    /// The records of `table` as ``staff(_:maximumRecords:parts:diagnostics:)``, and in
    /// `employersOfInvalid` the employers of the persons left out for an error (their comune is
    /// still checked against the ATS: ``Roster/checked(ambito:municipalities:staff:source:incompleteComuni:employersOfInvalid:into:)``).
    static func staff(
        _ table: some CellTable, maximumRecords: Int, parts requestedParts: Int? = nil, employersOfInvalid: inout [Roster.UncheckedEmployer],
        diagnostics: inout Diagnostics
    ) -> [StaffRecord] {
        let rowCount = table.rowCount
        if rowCount > maximumRecords {
            diagnostics.error(.troppiDati, SourcePlace(file: table.file), Bounds.tooMany("record", rowCount, maximum: maximumRecords))
            return []
        }
        let columns = StaffColumns(table.header)
        let parts = max(1, min(requestedParts ?? ParallelWork.parts(for: rowCount), rowCount))
        let bounds = (0...parts).map { rowCount * $0 / parts }
        // The persons, in the order of their first rows, and the person of each row (-1: an
        // invalid id, reported with the row's other messages below).
        let (persons, personOfRow) = self.persons(table, column: columns.id, bounds: bounds)
        // A record per person, made at their first row (where the part reading it puts it) and
        // given the periods of the later ones: no second copy of a person's values (docs/benchmark.md).
        var made = [Bool](repeating: false, count: persons.count)
        var partsRead = [StaffPart](repeating: StaffPart(), count: parts)
        var recordOfPerson = [Int](repeating: -1, count: persons.count)
        var staff = [StaffRecord](unsafeUninitializedCapacity: persons.count) { buffer, initialized in
            // The parts run whatever the persons (rows with invalid ids only have messages).
            made.withUnsafeMutableBufferPointer { made in
                partsRead.withUnsafeMutableBufferPointer { partsRead in
                    nonisolated(unsafe) let (made, partsRead, records) = (made, partsRead, buffer)
                    DispatchQueue.concurrentPerform(iterations: parts) { part in
                        partsRead[part] = readRows(
                            bounds[part]..<bounds[part + 1], of: table, columns: columns, persons: persons, personOfRow: personOfRow, records: records,
                            made: made)
                    }
                }
            }
            // The records in the order of persons, without the places of persons left without one.
            var count = 0
            for person in made.indices where made[person] {
                if count != person { buffer.initializeElement(at: count, to: buffer.moveElement(from: person)) }
                recordOfPerson[person] = count
                count += 1
            }
            initialized = count
        }
        var invalid = [Bool](repeating: false, count: persons.count)
        var noPeriod = [Bool](repeating: false, count: persons.count)
        // The periods of persons without a record, for their overlaps: the parts are in the order
        // of rows, and a first row comes before the person's other rows, so a part's first rows
        // go in before its continuations.
        var periodsWithoutRecord: [Int: [ServicePeriod]] = [:]
        for part in partsRead {
            for (person, period) in part.firstPeriodsWithoutRecord { periodsWithoutRecord[person, default: []].append(period) }
            diagnostics.append(contentsOf: part.diagnostics)
            for person in part.invalid { invalid[person] = true }
            for person in part.noPeriodRows { noPeriod[person] = true }
            for (person, employer, place) in part.unmadeEmployers {
                employersOfInvalid.append(Roster.UncheckedEmployer(id: persons[person].id, employer: employer, place: place))
            }
            for (person, period) in part.continuations {
                if recordOfPerson[person] >= 0 {
                    staff[recordOfPerson[person]].appendUnchecked(period)
                } else {
                    periodsWithoutRecord[person, default: []].append(period)
                }
            }
        }
        // The overlaps of a person whose first row had another error, in the order of persons.
        for person in periodsWithoutRecord.keys.sorted() {
            if let periods = periodsWithoutRecord[person], periods.count > 1 {
                StaffRecord.checkPeriods(periods, id: persons[person].id, place: table.place(of: persons[person].firstRow, column: nil), into: &diagnostics)
            }
        }
        // A person without periods (`nessun periodo`) who has periods on other rows: which holds?
        for (person, record) in recordOfPerson.enumerated() where record >= 0 && noPeriod[person] && !staff[record].periods.isEmpty {
            diagnostics.error(
                .valoreVuoto, table.place(of: persons[person].firstRow, column: columns.start),
                "«\(Columns.noPeriod)» vale per una persona senza periodi, su una sola riga: «\(persons[person].id)» ha altre righe con periodi; scrivi qui le date del periodo o togli la riga"
            )
            invalid[person] = true
        }
        // Overlapping periods, once every period of a person is known, in the order of persons.
        var dropped: [Int] = []
        // Also for a person with other errors: the overlaps are said in the same run (a trial).
        for (person, record) in recordOfPerson.enumerated() where record >= 0 {
            let errorsBefore = diagnostics.errorCount
            if staff[record].periods.count > 1 { staff[record].checkPeriods(into: &diagnostics) }
            if invalid[person] || diagnostics.errorCount != errorsBefore { dropped.append(record) }
        }
        if !dropped.isEmpty {
            for record in dropped {
                employersOfInvalid.append(Roster.UncheckedEmployer(id: staff[record].id, employer: staff[record].employer, place: staff[record].place))
            }
            let droppedSet = Set(dropped)
            staff = staff.indices.filter { !droppedSet.contains($0) }.map { staff[$0] }
        }
        // Only after a date error: one may be month first, and then so may the others.
        if diagnostics.containsError(.dataNonValida) {
            reportAmbiguousDates(table, dateColumns: [columns.start, columns.end].compactMap { $0 }, diagnostics: &diagnostics)
        }
        return staff
    }

    /// When a date of `table` exists only month first (`06/30/2025`: a US-locale export) and none
    /// only day first (`30/06/2025`: then the month-first one is a slip in an Italian file), every
    /// date of the table that reads both ways (`07/01/2025`) is an error at its cell: read day
    /// first, as everywhere else, it would give a silent wrong number once the impossible dates
    /// are corrected (found by a review of spreadsheet mistakes).
    /// The same rule for every table with dates (`personale`, a plan of `simula`: a trial found
    /// `07/01/2026` of a plan read as 7 January beside `12/31/2026`), on its `dateColumns`.
    static func reportAmbiguousDates(_ table: some CellTable, dateColumns: [Int], diagnostics: inout Diagnostics) {
        func order(_ row: Int, _ column: Int) -> FieldParsing.SlashDateOrder {
            table.withCell(row, column) { cell in
                if case .text = cell { return FieldParsing.slashDateOrder(cell.text) }
                return .none
            }
        }
        var monthFirst: (row: Int, column: Int)?
        for row in 0..<table.rowCount {
            for column in dateColumns {
                switch order(row, column) {
                case .monthFirst: if monthFirst == nil { monthFirst = (row, column) }
                case .dayFirst: return
                default: break
                }
            }
        }
        guard let monthFirst else { return }
        let example = "\(table.place(of: monthFirst.row, column: monthFirst.column)): «\(table.text(monthFirst.row, monthFirst.column))»"
        for row in 0..<table.rowCount {
            for column in dateColumns where order(row, column) == .either {
                let written = table.text(row, column)
                let readings = FieldParsing.slashDateReadings(written)
                diagnostics.error(
                    .dataNonValida, table.place(of: row, column: column),
                    "data ambigua «\(written)»: altre date del file sono scritte mese/giorno/anno (\(example)), quindi questa può essere giorno/mese o mese/giorno: riscrivila come AAAA-MM-GG (\(readings.map { "\($0.iso) se è il \($0.day == 1 ? "1°" : String($0.day)) \(ItalianMonths.name($0.month))" }.joined(separator: ", ")))"
                )
            }
        }
    }

    /// The positions of the `personale` columns, resolved once.
    struct StaffColumns {
        let id: Int?
        let profile: Int?
        let contract: Int?
        let employerKind: Int?
        let employerCode: Int?
        let delegated: Int?
        let reimbursed: Int?
        let employed: Int?
        let start: Int?
        let end: Int?
        let percentage: Int?
        let weeklyHours: Int?
        let fullTimeHours: Int?
        let areas: [(area: ActivityArea, column: Int)]
        /// The person-level columns present.
        let person: [Int]

        init(_ header: TableHeader) {
            id = header.index(of: "id")
            profile = header.index(of: "profilo")
            contract = header.index(of: "contratto")
            employerKind = header.index(of: "ente_tipo")
            employerCode = header.index(of: "ente_codice_istat")
            delegated = header.index(of: "delega_funzioni")
            reimbursed = header.index(of: "costo_rimborsato")
            employed = header.index(of: "impiegato_servizi_territoriali")
            start = header.index(of: "dal")
            end = header.index(of: "al")
            percentage = header.index(of: "percentuale")
            weeklyHours = header.index(of: "ore_settimanali")
            fullTimeHours = header.index(of: "ore_tempo_pieno")
            areas = ActivityArea.allCases.compactMap { area in header.index(of: "area_\(area.rawValue)").map { (area, $0) } }
            person = Columns.person.compactMap { header.index(of: $0) }
        }
    }

    /// A person: their id (as written on their first row) and their first row.
    struct Person: Sendable {
        let id: PersonID
        let firstRow: Int
    }

    /// The persons of `table` in the order of their first rows, and the person of each row (-1
    /// for a row whose id in `column` is invalid), the ids read in the parts `bounds` gives.
    static func persons(_ table: some CellTable, column: Int?, bounds: [Int]) -> (persons: [Person], personOfRow: [Int32]) {
        let rowCount = bounds[bounds.count - 1]
        // The ids and their hashes in parts at once; the persons found in order below.
        var hashes = [Int](repeating: 0, count: rowCount)
        let ids = [PersonID?](unsafeUninitializedCapacity: rowCount) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            hashes.withUnsafeMutableBufferPointer { hashes in
                nonisolated(unsafe) let (ids, hashes) = (base, hashes)
                DispatchQueue.concurrentPerform(iterations: bounds.count - 1) { part in
                    for row in bounds[part]..<bounds[part + 1] {
                        let id = try? PersonID(table.text(row, column))
                        if let id { hashes[row] = id.hashValue }
                        (ids + row).initialize(to: id)
                    }
                }
            }
            initialized = rowCount
        }
        var persons: [Person] = []
        var personOfRow = [Int32](repeating: -1, count: rowCount)
        var index = PositionIndex(expected: rowCount)
        persons.reserveCapacity(rowCount)
        for (row, id) in ids.enumerated() {
            guard let id else { continue }
            if let earlier = index.insert(id, hashValue: hashes[row], at: persons.count, idAt: { persons[$0].id }) {
                personOfRow[row] = Int32(earlier)
            } else {
                personOfRow[row] = Int32(persons.count)
                persons.append(Person(id: id, firstRow: row))
            }
        }
        return (persons, personOfRow)
    }

    /// What reading a part of the rows gives besides the records: its messages, the periods of
    /// rows that continue a person (in order), and the persons with an error on one of its rows.
    struct StaffPart {
        var diagnostics = Diagnostics()
        var continuations: [(person: Int, period: ServicePeriod)] = []
        var invalid: [Int] = []
        /// The employers (a comune) read on the first rows of persons whose record could not
        /// be made, for the check of their comune.
        var unmadeEmployers: [(person: Int, employer: Employer, place: SourcePlace)] = []
        /// The persons whose first row says `nessun periodo`.
        var noPeriodRows: [Int] = []
        /// The period of the first row of persons whose record could not be made.
        var firstPeriodsWithoutRecord: [(person: Int, period: ServicePeriod)] = []
    }

    /// Whether `row` says `nessun periodo` in `dal`; an error when it does beside a date or a
    /// share (then it is no person without periods either).
    static func saysNoPeriod(_ table: some CellTable, _ row: Int, columns: StaffColumns, diagnostics: inout Diagnostics) -> Bool {
        // A date (every row but these) is told apart by its first byte, without a text made.
        guard let start = columns.start,
            table.withCell(
                row, start,
                { cell in
                    if case .text(let bytes) = cell, let first = bytes.first(where: { $0 != UInt8(ascii: " ") }) { return first | 0x20 == UInt8(ascii: "n") }
                    return false
                }), Vocabulary.normalized(table.text(row, start)) == Columns.noPeriod
        else { return false }
        let others = [columns.end, columns.percentage, columns.weeklyHours, columns.fullTimeHours]
        if !others.allSatisfy({ table.isEmpty(row, $0) }) {
            diagnostics.error(
                .valoreVuoto, table.place(row, start),
                "«\(Columns.noPeriod)» vale per una persona senza periodi, con al, percentuale e ore vuote: se la persona ha un periodo, scrivi qui la data di inizio"
            )
        }
        return true
    }

    /// Reads `rows` of `table`: each person's record at their first row, put at `records[person]`
    /// (with `made[person]` set), with the row's period; the rest in the part returned.
    static func readRows(
        _ rows: Range<Int>, of table: some CellTable, columns: StaffColumns, persons: [Person], personOfRow: [Int32],
        records: UnsafeMutableBufferPointer<StaffRecord>, made: UnsafeMutableBufferPointer<Bool>
    ) -> StaffPart {
        var part = StaffPart()
        for row in rows {
            let person = Int(personOfRow[row])
            guard person >= 0 else {
                // An id the table already reported (a merged cell, `#N/A`): not «id vuoto» again.
                if table.isUnusable(row, columns.id) { continue }
                // A row with no id and a total's label in another cell (`TOTALE` under the names):
                // a row of totals, said as such, not as a person without an id.
                if table.text(row, columns.id).trimmingSpaces.isEmpty,
                    let column = table.header.written.indices.first(where: { $0 != columns.id && TotalRows.isTotal(table.text(row, $0), abbreviated: false) })
                {
                    part.diagnostics.error(PersonID.totalRow(table.text(row, column).trimmingSpaces), at: table.place(row, column))
                    continue
                }
                // The id's error, found again here so that the rows' messages keep their order;
                // then the row's other values, so that their errors come in the same run (a trial:
                // an empty id hid them until it was written).
                let idText = table.text(row, columns.id)
                _ = part.diagnostics.value(at: table.place(row, columns.id)) { () throws(InvalidValue) in try PersonID(idText) }
                // Only for a row written whole (profile, contract and employer), not a row of
                // totals (`TOTALE` as its id) nor a row left blank «as above» (a review: 4 errors).
                if !TotalRows.isTotal(idText.trimmingSpaces, abbreviated: false),
                    ![columns.profile, columns.contract, columns.employerKind].contains(where: { table.isEmpty(row, $0) })
                {
                    _ = personFields(table, row, columns: columns, diagnostics: &part.diagnostics)
                    _ = period(table, row, columns: columns, diagnostics: &part.diagnostics)
                }
                continue
            }
            // Only the id written (`--- Unione dei comuni ---`, a title of a section: a trial of
            // office habits had five errors «vuoto» for it): one error that says what it looks like.
            if let idColumn = columns.id, table.header.written.indices.allSatisfy({ $0 == idColumn || table.isEmpty(row, $0) }) {
                part.diagnostics.error(
                    .valoreVuoto, table.place(row, idColumn),
                    "la riga ha solo «\(TextSafety.shortened(table.text(row, idColumn).trimmingSpaces))» nella colonna id e nessun altro valore: se è il titolo di un gruppo, cancellala (il tipo di ente si scrive in ente_tipo di ogni persona); se è una persona, completa la riga"
                )
                part.invalid.append(person)
                continue
            }
            let errorsBefore = part.diagnostics.errorCount
            let first = persons[person]
            var fields: PersonFields?
            if row != first.firstRow {
                checkSamePerson(table, row, as: first, columns: columns, diagnostics: &part.diagnostics)
            } else {
                fields = personFields(table, row, columns: columns, diagnostics: &part.diagnostics)
                // Another error on the row: its comune is still checked, in the same run.
                if fields == nil, let column = columns.employerKind, case .success(let kind) = table.withCell(row, column, CellParsing.employerKind),
                    kind == .comune || kind == .comuneCapofila, !table.isUnusable(row, columns.employerCode),
                    let employer = try? Employer(kind: kind, istatCode: table.text(row, columns.employerCode))
                {
                    part.unmadeEmployers.append((person, employer, table.place(row, nil)))
                }
            }
            // `nessun periodo` in `dal`, the other cells of the period empty: a person without
            // periods, as `"periodi": []` in JSON (the roster warns: nessun_periodo); what
            // `RosterExport` writes for one (an integrator's trial: the person was left out).
            // Only on the person's one row: with other rows it is an error (below, and in `staff`).
            let noPeriod = Self.saysNoPeriod(table, row, columns: columns, diagnostics: &part.diagnostics)
            if noPeriod && row == first.firstRow { part.noPeriodRows.append(person) }
            let period = noPeriod ? nil : self.period(table, row, columns: columns, diagnostics: &part.diagnostics)
            if noPeriod && row != first.firstRow {
                part.diagnostics.error(
                    .valoreVuoto, table.place(row, columns.start),
                    "«\(Columns.noPeriod)» vale per una persona senza periodi, su una sola riga: «\(first.id)» ha altre righe; scrivi le date del periodo o togli la riga"
                )
            }
            if part.diagnostics.errorCount != errorsBefore { part.invalid.append(person) }
            if row != first.firstRow {
                if let period { part.continuations.append((person, period)) }
            } else if let fields {
                // An id that is a date cell: Excel turns `1-3` into 01/03 (a trial of office habits:
                // the reports named a person by a date nobody typed).
                if let column = columns.id, table.withCell(row, column, { if case .date = $0 { true } else { false } }) {
                    part.diagnostics.warning(
                        .tipoErrato, table.place(row, columns.id),
                        "l'id «\(first.id)» è una cella data: un foglio di calcolo trasforma in date testi come 1-3 o 3/1; se l'id era un altro, formatta la colonna id come testo e riscrivilo (l'id deve restare lo stesso ogni anno)"
                    )
                }
                // Made in its place, with its first period: no copy of the record.
                records.initializeElement(
                    at: person,
                    to: StaffRecord(
                        unchecked: first.id, fields.profile, fields.contract, fields.employer, period.map { [$0] } ?? [], fields.areas, fields.employed,
                        table.place(row, nil)))
                made[person] = true
            } else if let period {
                // No record (another error on the first row): its period is kept for the check of
                // the person's overlaps, in the same run (a trial of `valida`).
                part.firstPeriodsWithoutRecord.append((person, period))
            }
        }
        return part
    }

    /// The person-level values of a row.
    struct PersonFields: Equatable {
        let profile: Profile
        let contract: Contract
        let employer: Employer
        let areas: AreaSplit
        let employed: Bool

        /// Equal values: profile and contract by their meaning (kind and what their words say).
        static func == (lhs: PersonFields, rhs: PersonFields) -> Bool {
            lhs.profile.meaning == rhs.profile.meaning && lhs.contract.meaning == rhs.contract.meaning && lhs.employer == rhs.employer
                && lhs.areas == rhs.areas && lhs.employed == rhs.employed
        }
    }

    /// The person-level values of `row`, or nil after recording their errors.
    static func personFields(_ table: some CellTable, _ row: Int, columns: StaffColumns, diagnostics: inout Diagnostics) -> PersonFields? {
        let errorsBefore = diagnostics.errorCount
        let profile = table.value(row, columns.profile, CellParsing.profile, diagnostics: &diagnostics)
        let contract = table.value(row, columns.contract, CellParsing.contract, diagnostics: &diagnostics)
        if let profile, let contract {
            do { try profile.check(against: contract) } catch { diagnostics.error(error, at: table.place(row, columns.profile)) }
        }
        let kind = table.value(row, columns.employerKind, CellParsing.employerKind, diagnostics: &diagnostics)
        numericCode(table, row, columns.employerCode, diagnostics: &diagnostics)
        let delegated = flag(table, row, columns.delegated, diagnostics: &diagnostics)
        let reimbursed = flag(table, row, columns.reimbursed, diagnostics: &diagnostics)
        let employed = flag(table, row, columns.employed, diagnostics: &diagnostics) ?? true
        var shares = AreaSplit.Percentages()
        for (area, column) in columns.areas where !table.isEmpty(row, column) {
            if let share = table.value(row, column, CellParsing.areaShare, diagnostics: &diagnostics) { shares[area] = share }
        }
        // The row: a sum of several cells is no cell's fault (an officer's trial was sent to an
        // empty first area cell for a sum of 90).
        let areaPlace = table.place(row, nil)
        let areas =
            diagnostics.errorCount == errorsBefore ? diagnostics.value(at: areaPlace) { () throws(InvalidValue) in try AreaSplit(percentages: shares) } : nil
        // An employer code that cannot be used (a formula never computed: already reported) is
        // no code to check again: its text is the formula.
        guard let profile, let contract, let kind, let areas, diagnostics.errorCount == errorsBefore, !table.isUnusable(row, columns.employerCode)
        else { return nil }
        // An ASL person who would count with nothing written about the delega: left out by the
        // rule (no delega), said (an officer's trial: 1 FTE and 20.000 € fewer, no word from valida).
        if kind == .asl, delegated == nil, reimbursed == nil, profile.isSocialWorker, contract.isPermanent {
            diagnostics.warning(
                .valoreVuoto, table.place(row, columns.delegated ?? columns.employerKind), Employer.delegationNotStated(csv: true))
        }
        if let warning = Employer.flagsWarning(
            kind: kind, written: table.text(row, columns.employerKind), delegated: delegated, reimbursed: reimbursed, csv: true)
        {
            diagnostics.warning(warning.code, table.place(row, columns.delegated ?? columns.reimbursed), warning.message)
        }
        if let warning = Employer.ignoredCodeWarning(kind: kind, istatCode: table.text(row, columns.employerCode)) {
            diagnostics.warning(.valoreIgnorato, table.place(row, columns.employerCode), warning)
        }
        guard
            let employer = diagnostics.value(
                at: table.place(row, columns.employerCode ?? columns.employerKind),
                { () throws(InvalidValue) in
                    try Employer(
                        kind: kind, istatCode: table.text(row, columns.employerCode), delegatedFunctions: delegated ?? false,
                        costReimbursed: reimbursed ?? false)
                })
        else { return nil }
        // How an ambito was written (`ATS` names a health body in some regions: Roster.warnings).
        let written = kind == .ambito ? employer.written(as: table.text(row, columns.employerKind)) : employer
        return PersonFields(profile: profile, contract: contract, employer: written, areas: areas, employed: employed)
    }

    /// An error at the cell when an ISTAT code is a number cell of fewer than 6 digits: the
    /// spreadsheet has dropped its leading zero (`48004` for `048004`), whatever format shows it
    /// (the code would be wrong in every output).
    static func numericCode(_ table: some CellTable, _ row: Int, _ column: Int?, diagnostics: inout Diagnostics) {
        guard let column,
            let digits = table.withCell(
                row, column,
                { cell -> String? in
                    if case .number(let text) = cell { return text }
                    return nil
                }), let padded = IstatCodes.zeroPadded(digits)
        else { return }
        diagnostics.error(
            .codiceIstatSospetto, table.place(row, column),
            "il codice ISTAT è una cella numero (\(digits)): il foglio di calcolo ha tolto lo zero iniziale, e il valore salvato è \(digits) anche se un formato come 000000 lo mostra con lo zero; formatta la colonna come testo e scrivi \(padded)"
        )
    }

    /// Records an error for each person-level column of `row` that differs from the person's first row.
    static func checkSamePerson(_ table: some CellTable, _ row: Int, as first: Person, columns: StaffColumns, diagnostics: inout Diagnostics) {
        // The usual case: the same text in every person-level column.
        // (A cell that cannot be used, already reported, is compared with nothing.)
        let differing = columns.person.filter {
            !table.sameText(row, first.firstRow, $0) && !table.isUnusable(row, $0) && !table.isUnusable(first.firstRow, $0)
        }
        guard !differing.isEmpty else { return }
        // Written differently, same meaning (`si` and `sì`): both rows' values valid and equal.
        var own = Diagnostics()
        var scratch = Diagnostics()
        let values = personFields(table, row, columns: columns, diagnostics: &own)
        let firstValues = personFields(table, first.firstRow, columns: columns, diagnostics: &scratch)
        if values != nil, values == firstValues { return }
        // A value refused on the first row (said there) is no value to be equal to: this row is
        // not blamed for differing from it (a trial: «persona incoerente» at the right row).
        let firstRowErrors = Set(scratch.errors.map(\.place))
        // The row's own errors (`T.I. in aspettativa`: what to do, not only that it differs; a
        // review), each at its cell, where no second message about the difference is added.
        // An empty cell is said as a difference from the first row (left blank «as above»).
        let ownErrors = own.errors.filter { $0.code != .valoreVuoto }
        diagnostics.append(contentsOf: ownErrors)
        let ownPlaces = ownErrors.map(\.place)
        // Only the columns whose values differ: `assistente sociale` and `assistente_sociale`, or
        // `T.I.` and `TI`, are one value written two ways, not a difference to correct.
        for column in differing
        where !sameMeaning(table, row, first.firstRow, column, columns: columns) && !ownPlaces.contains(table.place(row, column))
            && !firstRowErrors.contains(table.place(first.firstRow, column))
        {
            // What to write instead: a stabilisation counts from the permanent contract only; any
            // other change within the year (another employer, other areas) is a row with its own id.
            let instead =
                column == columns.contract
                ? "; per una stabilizzazione (da tempo determinato a indeterminato) scrivi solo il periodo a tempo indeterminato: il resto non conta"
                : "; se è cambiato nell'anno (un altro ente, altre aree), scrivi il periodo nuovo con un id diverso (per esempio «\(first.id)-2»): ogni riga conta per il suo ente e le sue aree, gli FTE non cambiano (nel numero delle persone conta due volte)"
            diagnostics.error(
                .personaIncoerente, table.place(row, column),
                "per la persona «\(first.id)» la colonna «\(table.header.name(of: column))» vale «\(table.text(row, column))», ma alla riga \(table.line(of: first.firstRow)) vale «\(table.text(first.firstRow, column))»: deve essere uguale su tutte le righe della persona\(instead)"
            )
        }
    }

    /// Whether the person-level `column` holds the same value in `row` and `other`, each read as
    /// that column reads it (profile, contract, kind of employer, yes/no, area share); a column
    /// read as text (the employer's code) compares its text.
    static func sameMeaning(_ table: some CellTable, _ row: Int, _ other: Int, _ column: Int, columns: StaffColumns) -> Bool {
        func same<Value: Equatable>(_ parse: (TableCell) -> Result<Value, InvalidValue>) -> Bool {
            guard case .success(let value) = table.withCell(row, column, parse), case .success(let otherValue) = table.withCell(other, column, parse)
            else { return false }
            return value == otherValue
        }
        // Of one kind and saying the same besides (`Assistente sociale TD` is not `Assistente
        // sociale`, `T.I. part time` is not `T.I.`: a review found the later row's words unread).
        if column == columns.profile { return same { CellParsing.profile($0).map(\.meaning) } }
        if column == columns.contract { return same { CellParsing.contract($0).map(\.meaning) } }
        if column == columns.employerKind { return same(CellParsing.employerKind) }
        // A yes/no left empty is its default (sì for impiegato_servizi_territoriali, no for the
        // ASL flags), as when the person's rows are read: empty and «sì» are one value there.
        func sameFlag(default value: Bool) -> Bool {
            func flag(_ row: Int) -> Bool? {
                if table.isEmpty(row, column) { return value }
                guard case .success(let read) = table.withCell(row, column, CellParsing.boolean) else { return nil }
                return read
            }
            guard let first = flag(row), let second = flag(other) else { return false }
            return first == second
        }
        if column == columns.employed { return sameFlag(default: true) }
        if column == columns.delegated || column == columns.reimbursed { return sameFlag(default: false) }
        if columns.areas.contains(where: { $0.column == column }) { return same(CellParsing.areaShare) }
        return false
    }

    /// The period of `row`, or nil after recording its errors.
    static func period(_ table: some CellTable, _ row: Int, columns: StaffColumns, diagnostics: inout Diagnostics) -> ServicePeriod? {
        let errorsBefore = diagnostics.errorCount
        let start = table.value(row, columns.start, CellParsing.date, diagnostics: &diagnostics)
        let end = table.isEmpty(row, columns.end) ? nil : table.value(row, columns.end, CellParsing.date, diagnostics: &diagnostics)
        let hasPercentage = !table.isEmpty(row, columns.percentage)
        let hasHours = !table.isEmpty(row, columns.weeklyHours)
        var share: WorkShare?
        switch (hasPercentage, hasHours) {
        case (true, false):
            if !table.isEmpty(row, columns.fullTimeHours) {
                diagnostics.error(
                    .quotaAmbigua, table.place(row, columns.fullTimeHours),
                    "ore_tempo_pieno vale solo con ore_settimanali: se la quota è in ore (30 su 36), scrivi le ore in ore_settimanali e lascia vuota percentuale; se la percentuale è giusta, lascia vuota ore_tempo_pieno"
                )
            }
            share = table.value(row, columns.percentage, CellParsing.percentage, diagnostics: &diagnostics)
        case (false, true):
            // The full-time hours checked at their own column, then the share at the weekly hours'.
            let fullTime =
                table.isEmpty(row, columns.fullTimeHours)
                ? WorkShare.defaultFullTimeHours
                : diagnostics.value(at: table.place(row, columns.fullTimeHours)) { () throws(InvalidValue) in
                    let hours = try table.withCell(row, columns.fullTimeHours ?? 0) { CellParsing.decimal($0, maximumDecimals: 4, what: "ore del tempo pieno") }
                        .get()
                    try WorkShare.checkFullTimeHours(hours)
                    return hours
                }
            if let fullTime {
                share = diagnostics.value(at: table.place(row, columns.weeklyHours)) { () throws(InvalidValue) in
                    let weekly = try table.withCell(row, columns.weeklyHours ?? 0) { CellParsing.decimal($0, maximumDecimals: 4, what: "ore settimanali") }
                        .get()
                    return try WorkShare(weeklyHours: weekly, fullTimeHours: fullTime)
                }
            }
        case (true, true):
            diagnostics.error(.quotaAmbigua, table.place(row, columns.weeklyHours), "indica percentuale oppure ore_settimanali, non entrambe")
        case (false, false):
            diagnostics.error(
                .valoreVuoto, table.place(row, columns.percentage ?? columns.weeklyHours),
                "manca la percentuale del tempo pieno (100 per il tempo pieno) o le ore settimanali")
        }
        // An end that cannot be used (already reported) is no open end: the period is not made, so
        // it is compared with no other.
        let endReadable = end != nil || table.isEmpty(row, columns.end)
        guard let start, let share, diagnostics.errorCount == errorsBefore, !table.isUnusable(row, columns.end) else {
            // Only the share refused, the dates good: the dates stand for the period in the check of
            // the person's overlaps (its record, with an error, is left out after it), in the same
            // run (a trial of `valida`: the overlap came a run later).
            if let start, share == nil, endReadable, !table.isUnusable(row, columns.end) {
                return try? ServicePeriod(start: start, end: end, share: .fullTime, place: table.place(row, nil))
            }
            return nil
        }
        return diagnostics.value(at: table.place(row, ServicePeriod.errorIsAtEnd(start: start, end: end) ? columns.end : columns.start)) {
            () throws(InvalidValue) in
            try ServicePeriod(start: start, end: end, share: share, place: table.place(row, nil))
        }
    }

    /// A yes/no cell (nil when empty or absent, or after recording its error).
    static func flag(_ table: some CellTable, _ row: Int, _ column: Int?, diagnostics: inout Diagnostics) -> Bool? {
        guard let column, !table.isEmpty(row, column) else { return nil }
        return diagnostics.value(at: table.place(row, column)) { () throws(InvalidValue) in try table.withCell(row, column, CellParsing.boolean).get() } ?? nil
    }
}

/// Reading typed cells (CSV text or workbook values) into the model's values, through
/// ``FieldParsing`` for text so CSV and workbooks accept the same. A number cell is read as the
/// plain decimal it holds (a point is always the decimal point, never a thousands separator); a
/// cell the table already reported as unusable fails without a second message.
enum CellParsing {
    /// A profile (text, or any cell as shown): the code written exactly, the usual case, is
    /// matched on the cell's bytes.
    static func profile(_ cell: TableCell) -> Result<Profile, InvalidValue> {
        if case .text(let bytes) = cell, let kind = Profile.Kind.codes.code(utf8: bytes) { return .success(Profile(kind: kind)) }
        return Result { () throws(InvalidValue) in try Profile(cell.text) }
    }

    /// A contract, matched like ``profile(_:)``.
    static func contract(_ cell: TableCell) -> Result<Contract, InvalidValue> {
        if case .text(let bytes) = cell, let kind = Contract.Kind.codes.code(utf8: bytes) { return .success(Contract(kind: kind)) }
        return Result { () throws(InvalidValue) in try Contract(cell.text) }
    }

    /// A kind of employer, matched like ``profile(_:)``.
    static func employerKind(_ cell: TableCell) -> Result<EmployerKind, InvalidValue> {
        if case .text(let bytes) = cell, let kind = EmployerKind.codes.code(utf8: bytes) { return .success(kind) }
        return Result { () throws(InvalidValue) in try EmployerKind(parsing: cell.text) }
    }

    /// A date: text `AAAA-MM-GG` or `GG/MM/AAAA`, or a date cell.
    static func date(_ cell: TableCell) -> Result<CivilDate, InvalidValue> {
        switch cell {
        case .date(let date): return .success(date)
        case .dateTime(let date): return .failure(InvalidValue(.dataNonValida, "la cella contiene data e ora (\(date.italian) e un'ora): serve solo la data"))
        case .number(let text), .percentage(let text):
            // The number as an Italian reads it (a trial: «il numero 45717.75»).
            return .failure(
                InvalidValue(
                    .dataNonValida,
                    "la cella contiene il numero \(text.replacingOccurrences(of: ".", with: ",")), non una data: scrivi GG/MM/AAAA o formatta la cella come data"
                ))
        case .boolean:
            return .failure(
                logicalValue(
                    cell, what: "data non valida", expected: "una data (GG/MM/AAAA)", code: .dataNonValida,
                    advice: "scrivi la data GG/MM/AAAA in una cella in formato data o testo"))
        case .unusable: return .failure(.alreadyReported)
        case .text(let bytes): return Result { () throws(InvalidValue) in try FieldParsing.date(utf8: bytes) }
        default: return Result { () throws(InvalidValue) in try FieldParsing.date(cell.text) }
        }
    }

    /// A decimal number: text in Italian or plain style, or a number cell.
    static func decimal(_ cell: TableCell, maximumDecimals: Int, what: String) -> Result<Fraction, InvalidValue> {
        Result { () throws(InvalidValue) in
            switch cell {
            // Plain decimal text with at most one point: never read as thousands.
            case .number: return try FieldParsing.decimal(cell.text, maximumDecimals: maximumDecimals, what: what)
            case .percentage(let text):
                throw InvalidValue(
                    .numeroNonValido,
                    "\(what): la cella è in formato percentuale (\(DecimalText.multiply(text, by: 100))%): scrivi il numero senza formato percentuale")
            case .date(let date), .dateTime(let date): throw dateInNumberCell(date, what: what)
            case .boolean: throw logicalValue(cell, what: what, expected: "un numero", code: .numeroNonValido)
            case .unusable: throw .alreadyReported
            case .text(let bytes): return try FieldParsing.decimal(utf8: bytes, maximumDecimals: maximumDecimals, what: what)
            case .empty: return try FieldParsing.decimal(cell.text, maximumDecimals: maximumDecimals, what: what)
            }
        }
    }

    /// The error of a logical cell (VERO, FALSO) where `expected` is due (a trial of office
    /// habits: «carattere non valido «v» in un numero» did not say the cell was a logical value).
    static func logicalValue(
        _ cell: TableCell, what: String, expected: String, code: DiagnosticCode, advice: String = "scrivi il valore in una cella in formato numero o testo"
    ) -> InvalidValue {
        InvalidValue(code, "\(what): la cella contiene un valore logico (\(cell.text.uppercased())), non \(expected): \(advice)")
    }

    /// The error of a date cell where a number is due: a number in a cell formatted as a date
    /// shows as one (83,33 as 23/03/1900, 31450 as 07/02/1986; an officer's trial).
    static func dateInNumberCell(_ date: CivilDate, what: String, code: DiagnosticCode = .numeroNonValido) -> InvalidValue {
        InvalidValue(
            code,
            "\(what): la cella è in formato data e mostra \(date.italian), non un numero: se hai scritto un numero, formatta la cella come numero e controlla il valore"
        )
    }

    /// The number of percent of a number cell (`50`) or a percentage cell (`50%`, stored as 0.5).
    static func percent(number cell: TableCell, what: String) -> Result<Fraction, InvalidValue> {
        if case .percentage(let fraction) = cell {
            return decimal(.number(DecimalText.multiply(fraction, by: 100)), maximumDecimals: Bounds.percentageDecimals, what: what)
        }
        return decimal(cell, maximumDecimals: Bounds.percentageDecimals, what: what)
    }

    /// A percentuale of full time.
    static func percentage(_ cell: TableCell) -> Result<WorkShare, InvalidValue> {
        switch cell {
        case .number, .percentage, .date, .dateTime:
            return percent(number: cell, what: "percentuale").flatMap { value in
                Result { () throws(InvalidValue) in try WorkShare(percent: value) }.mapError { error in
                    // 50 typed in a cell formatted as percent holds 50, shown 5000% (a workbook trial).
                    guard case .percentage = cell, value > Fraction(100), value <= Fraction(10_000) else { return error }
                    let likely = NumberFormatting.italianTrimmed(value / Fraction(100))
                    return InvalidValue(
                        error.code,
                        "\(error.message); la cella è in formato percentuale e mostra \(NumberFormatting.italianTrimmed(value))%: forse \(likely)? scrivi \(likely) in una cella numero, o \(likely)% in una cella percentuale"
                    )
                }
            }
        case .boolean: return .failure(logicalValue(cell, what: "percentuale", expected: "una percentuale", code: .numeroNonValido))
        case .unusable: return .failure(.alreadyReported)
        case .text(let bytes): return Result { () throws(InvalidValue) in try FieldParsing.percentage(utf8: bytes) }
        default: return Result { () throws(InvalidValue) in try FieldParsing.percentage(cell.text) }
        }
    }

    /// An area share (0 to 100).
    static func areaShare(_ cell: TableCell) -> Result<Fraction, InvalidValue> {
        switch cell {
        case .number, .percentage, .date, .dateTime:
            return percent(number: cell, what: "quota di area").flatMap { value in
                Result { () throws(InvalidValue) in try FieldParsing.areaShare(percent: value, written: cell.text) }
            }
        case .boolean: return .failure(logicalValue(cell, what: "quota di area", expected: "una percentuale", code: .numeroNonValido))
        case .unusable: return .failure(.alreadyReported)
        case .text(let bytes): return Result { () throws(InvalidValue) in try FieldParsing.areaShare(utf8: bytes) }
        default: return Result { () throws(InvalidValue) in try FieldParsing.areaShare(cell.text) }
        }
    }

    /// Residents of a comune.
    static func residents(_ cell: TableCell) -> Result<Int, InvalidValue> {
        switch cell {
        case .number:
            return decimal(cell, maximumDecimals: 15, what: "popolazione").flatMap { value in
                Result { () throws(InvalidValue) in try FieldParsing.residents(number: value, written: cell.text) }
            }
        case .unusable: return .failure(.alreadyReported)
        case .date(let date), .dateTime(let date): return .failure(dateInNumberCell(date, what: "popolazione", code: .popolazioneNonValida))
        case .percentage, .boolean:
            return .failure(InvalidValue(.popolazioneNonValida, "popolazione non valida «\(cell.text)»: serve un numero intero di residenti"))
        default: return Result { () throws(InvalidValue) in try FieldParsing.residents(cell.text) }
        }
    }

    /// An FTE figure (0 to 10 million, up to 6 decimals).
    static func fte(_ cell: TableCell) -> Result<Fraction, InvalidValue> {
        switch cell {
        case .empty, .text: return Result { () throws(InvalidValue) in try FieldParsing.fte(cell.text) }
        default:
            return decimal(cell, maximumDecimals: 6, what: "FTE").flatMap { value in
                Result { () throws(InvalidValue) in try FieldParsing.fte(value: value, written: cell.text) }
            }
        }
    }

    /// An amount in euro (up to 2 decimals; in text, a dot before three digits groups thousands).
    static func euros(_ cell: TableCell, what: String) -> Result<EuroCents, InvalidValue> {
        switch cell {
        case .empty, .text: return Result { () throws(InvalidValue) in try FieldParsing.euros(cell.text, what: what) }
        default:
            return decimal(cell, maximumDecimals: 2, what: what).flatMap { value in
                Result { () throws(InvalidValue) in try FieldParsing.euros(amount: value, written: cell.text, what: what) }
            }
        }
    }

    /// A year of four digits (a number cell `2025` too).
    static func year(_ cell: TableCell) -> Result<Int, InvalidValue> {
        switch cell {
        case .empty, .text, .number: return Result { () throws(InvalidValue) in try FieldParsing.year(cell.text) }
        case .unusable: return .failure(.alreadyReported)
        // A date formatted to show its year only (`aaaa`) shows 2025 and holds 01/01/2025: say both.
        case .date(let date), .dateTime(let date):
            // A year typed into a date cell is the date that many days after 30/12/1899 (2026 is
            // 18/07/1905): the year it was, not the date's (a trial was told «es. 1905»).
            let serial = date.dayNumber - (CivilDate(year: 1899, month: 12, day: 30)?.dayNumber ?? 0)
            let typed = Bounds.dateYears.contains(serial) && date.year < 1910 ? serial : date.year
            let shown =
                typed == date.year
                ? "anno non valido: la cella è una data (\(date.italian)), anche se mostra solo l'anno"
                : "anno non valido: la cella è in formato data e mostra \(date.italian) (il numero \(typed) letto come data)"
            return .failure(
                InvalidValue(.annoNonValido, "\(shown); scrivi l'anno come numero o testo, es. \(typed), con la cella in formato numero o testo"))
        default: return .failure(InvalidValue(.annoNonValido, "anno non valido «\(cell.text)» (quattro cifre, es. 2025)"))
        }
    }

    /// A yes/no value (nil: empty).
    static func boolean(_ cell: TableCell) -> Result<Bool?, InvalidValue> {
        switch cell {
        case .boolean(let flag): return .success(flag)
        case .number(let text) where text == "0" || text == "1": return .success(text == "1")
        case .unusable: return .failure(.alreadyReported)
        default: return Result { () throws(InvalidValue) in try FieldParsing.boolean(cell.text) }
        }
    }
}
