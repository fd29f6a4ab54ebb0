/// The roster of one ATS: the ambito, its comuni and its staff (docs/regole.md §2-§4).
///
/// Valid by construction: the only way to make one is ``init(ambito:municipalities:staff:source:)``
/// (which every reader, ``RosterLoader`` entry point, scenario and `Decodable` path goes through),
/// and it refuses a roster that breaks a rule. Its values are immutable; a changed roster is a
/// new one, checked again. So ``RosterAssessor`` never assesses an invalid roster.
public struct Roster: Sendable, Hashable {
    /// The ATS.
    public let ambito: Ambito
    /// Its comuni, in input order.
    public let municipalities: [Municipality]
    /// Its staff, in input order.
    public let staff: [StaffRecord]
    /// The name of the input it was read from (file, folder or document), for messages; not part
    /// of equality.
    public let source: String

    /// A roster, checked against the rules that span records (each record and value checked its
    /// own when it was made): at least one comune and at most 10.000, no comune twice, ids unique
    /// ignoring case and spaces, every comune employer a comune of the ATS, at most 10 million
    /// records.
    ///
    /// - Parameters:
    ///   - ambito: the ATS.
    ///   - municipalities: its comuni.
    ///   - staff: its staff records.
    ///   - source: a name for the input in messages (file, folder or document).
    /// - Throws: ``InputError`` listing every broken rule, each at the place of the record or
    ///   comune (``DiagnosticCode/ambitoSenzaComuni``, ``DiagnosticCode/comuneRipetuto``,
    ///   ``DiagnosticCode/idRipetuto``, ``DiagnosticCode/comuneSconosciuto``,
    ///   ``DiagnosticCode/troppiDati``).
    public init(ambito: Ambito, municipalities: [Municipality], staff: [StaffRecord], source: String = "elenco del personale") throws(InputError) {
        var diagnostics = Diagnostics()
        Self.check(municipalities: municipalities, staff: staff, source: source, into: &diagnostics)
        guard !diagnostics.hasErrors else { throw InputError(diagnostics) }
        self.init(unchecked: ambito, municipalities, staff, source)
    }

    private init(unchecked ambito: Ambito, _ municipalities: [Municipality], _ staff: [StaffRecord], _ source: String) {
        self.ambito = ambito
        self.municipalities = municipalities
        self.staff = staff
        self.source = source
    }

    /// The comuni a reader could not read (a value refused): their codes to six digits (`99001`
    /// is `099001`), or nil when some row had no code it could read. ``checked(ambito:municipalities:staff:source:incompleteComuni:into:)``
    /// adds those of the comuni read.
    struct IncompleteComuni: Sendable {
        private(set) var codes: Set<String>? = []
        /// The rows not read whose code is written without its leading zeros, by the code to six
        /// digits, with the place of the code (a trial of `valida`: said a run later otherwise).
        private(set) var shortCodes: [String: SourcePlace] = [:]

        /// A row of comuni with `code` (nil: no code could be read from it), its code at `place`.
        mutating func saw(_ code: String?, at place: SourcePlace? = nil) {
            guard let code else {
                codes = nil
                return
            }
            let padded = IstatCodes.zeroPadded(code)
            codes?.insert(padded ?? code)
            if let padded, let place, shortCodes[padded] == nil { shortCodes[padded] = place }
        }

        /// Whether some row of comuni may be the comune `code` (always, with a row without a code).
        func mayHold(_ code: String) -> Bool { codes.map { $0.contains(IstatCodes.zeroPadded(code) ?? code) } ?? true }
    }

    /// The roster, or nil after recording in `diagnostics` every rule it breaks (the readers'
    /// path: their own diagnostics and these are reported together).
    ///
    /// The rules run on what a reader could read even when some of it could not be (so one
    /// `valida` lists every problem, docs/guida.md §3): without the ATS (`ambito` nil) no roster
    /// is made; with comuni not read (`incompleteComuni`: a row that could not be read) no roster
    /// is made either, and the rules that need every comune are applied only as far as the rows
    /// seen allow: no «l'ambito non ha comuni», and a person's comune is said not to be of the ATS
    /// only when no row of comuni, read or not, has its code (a person of a comune left out is not
    /// said to work outside the ATS; one of a code no row has still is: a consistency trial).
    ///
    /// `employersOfInvalid` are the employers of persons the reader left out for other errors:
    /// their comune is checked too, so its error comes in the same run (a trial of `valida`).
    static func checked(
        ambito: Ambito?, municipalities: [Municipality], staff: [StaffRecord], source: String, incompleteComuni: IncompleteComuni? = nil,
        employersOfInvalid: [UncheckedEmployer] = [], into diagnostics: inout Diagnostics
    ) -> Roster? {
        let errorsBefore = diagnostics.errorCount
        // Every row of comuni, read or not.
        let seenComuni = incompleteComuni.map { unread in municipalities.reduce(into: unread) { $0.saw($1.istatCode) } }
        check(
            municipalities: municipalities, staff: staff, source: source, incompleteComuni: seenComuni, employersOfInvalid: employersOfInvalid,
            into: &diagnostics)
        guard let ambito, incompleteComuni == nil, diagnostics.errorCount == errorsBefore else { return nil }
        return Roster(unchecked: ambito, municipalities, staff, source)
    }

    /// The employer of a person a reader left out for another error, with the person's id and place.
    struct UncheckedEmployer {
        let id: PersonID
        let employer: Employer
        let place: SourcePlace?
    }

    private static func check(
        municipalities: [Municipality], staff: [StaffRecord], source: String, incompleteComuni: IncompleteComuni? = nil,
        employersOfInvalid: [UncheckedEmployer] = [], into diagnostics: inout Diagnostics
    ) {
        let file = SourcePlace(file: source)
        if municipalities.isEmpty && incompleteComuni == nil {
            diagnostics.error(.ambitoSenzaComuni, file, "l'ambito non ha comuni: serve almeno un comune con la sua popolazione")
        }
        if municipalities.count > Bounds.maximumMunicipalities {
            diagnostics.error(.troppiDati, file, Bounds.tooMany("comuni", municipalities.count, maximum: Bounds.maximumMunicipalities))
        }
        if staff.count > Bounds.maximumRecords {
            diagnostics.error(.troppiDati, file, Bounds.tooMany("record", staff.count, maximum: Bounds.maximumRecords))
            return
        }
        var comuni: [String: Int] = [:]
        comuni.reserveCapacity(municipalities.count)
        // A code a spreadsheet stripped of its leading zeros (`48001`) beside the same code written
        // whole (`048001`) is the same comune: counted twice, its residents would be too. Codes are
        // also looked up zero-padded, when some code is short.
        let anyShortCode = municipalities.contains { IstatCodes.zeroPadded($0.istatCode) != nil }
        var byPaddedCode: [String: Int] = [:]
        for (index, municipality) in municipalities.enumerated() {
            let code = municipality.istatCode
            // Made only for an error.
            func place() -> SourcePlace { (municipality.place ?? file.element(index)).field(csv: "codice_istat", json: "codiceIstat") }
            if let earlier = comuni.updateValue(index, forKey: code) {
                comuni[code] = earlier
                diagnostics.error(
                    .comuneRipetuto, place(), "comune \(code) ripetuto (già in \(municipalities[earlier].place?.description ?? "comune n. \(earlier + 1)"))")
                continue
            }
            guard anyShortCode else { continue }
            let padded = IstatCodes.zeroPadded(code) ?? code
            guard let earlier = byPaddedCode[padded] else {
                byPaddedCode[padded] = index
                continue
            }
            let earlierCode = municipalities[earlier].istatCode
            let earlierPlace = municipalities[earlier].place?.description ?? "comune n. \(earlier + 1)"
            // Said at the later row, whichever of the two lost its zeros (a review: «è 99004 senza
            // zeri iniziali» read wrong at a row written 099004).
            let which =
                code.utf8.count < earlierCode.utf8.count
                ? "è \(earlierCode) (già in \(earlierPlace)) senza zeri iniziali"
                : "\(earlierCode) (in \(earlierPlace)) è lo stesso codice senza zeri iniziali"
            // Rows of different years (a column `anno`): both are needed, with the same code (a trial).
            let (years, earlierYears) = (Set(municipalities[index].residents.byYear.keys), Set(municipalities[earlier].residents.byYear.keys))
            let rows =
                !years.isEmpty && !earlierYears.isEmpty && years.isDisjoint(with: earlierYears)
                ? "scrivi il codice di 6 cifre in tutte le sue righe (sono anni diversi: servono tutte)"
                : "tieni una sola riga per il comune, con il codice di 6 cifre,"
            diagnostics.error(
                .comuneRipetuto, place(),
                "comune \(code) ripetuto: \(which); un foglio di calcolo toglie gli zeri iniziali quando la colonna non è in formato testo: \(rows) e formatta la colonna come testo"
            )
        }
        // Comuni whose short code is a personale code without its leading zeros: the fault is in
        // comuni (the code lost its zero there), said once at its cell, not at every person's.
        var shortCodes: [String: Int] = [:]
        if anyShortCode {
            for (index, municipality) in municipalities.enumerated() {
                if let padded = IstatCodes.zeroPadded(municipality.istatCode), comuni[padded] == nil { shortCodes[padded] = index }
            }
        }
        var shortReported = Set<Int>()
        var shortUnreadReported = Set<String>()
        var ids = PositionIndex(expected: staff.count)
        // Each record's fields read in place: copying a whole record retains and releases all its parts.
        staff.withUnsafeBufferPointer { staff in
            for index in staff.indices {
                if let earlier = ids.insert(staff[index].id, at: index, idAt: { staff[$0].id }) {
                    let record = staff[index]
                    let first = staff[earlier]
                    let sameText = first.id.text == record.id.text ? "" : " come «\(first.id.text)»"
                    diagnostics.error(
                        .idRipetuto, (record.place ?? file).field(csv: "id", json: "id"),
                        "id «\(record.id)» ripetuto (già\(sameText) in \(first.place?.description ?? "persona n. \(earlier + 1)")); gli id si confrontano senza distinguere maiuscole e spazi; una persona in comando va indicata una sola volta, presso l'ente che ne sostiene il costo"
                    )
                }
                // Looked at in place; the record's parts copied only for a comune not of the ATS.
                let kind = staff[index].employer.kind
                if kind == .comune || kind == .comuneCapofila, let code = staff[index].employer.istatCode, comuni[code] == nil {
                    checkComune(staff[index].id, staff[index].employer, staff[index].place)
                }
            }
        }
        for unchecked in employersOfInvalid { checkComune(unchecked.id, unchecked.employer, unchecked.place) }

        /// How to write `code` whole where the code at `place` lost its zeros: in a table, as
        /// text (a spreadsheet drops them from a number); in JSON, as a string of six digits.
        func zerosAdvice(_ code: String, at place: SourcePlace) -> String {
            if case .json = place.position { return "scrivi il codice come testo di 6 cifre: \"\(code)\"" }
            return
                "un foglio di calcolo toglie gli zeri iniziali quando la colonna non è in formato testo: formatta come testo la colonna codice_istat e riscrivi \(code)"
        }

        /// The codes of the comuni read, each once, in order (for a message).
        var knownCodes: [String] {
            var seen = Set<String>()
            return municipalities.map(\.istatCode).filter { seen.insert($0).inserted }
        }

        /// An error when the comune employing `id` is not of the ATS (or a warning-like error at
        /// the comune whose code lost its zero).
        func checkComune(_ id: PersonID, _ employer: Employer, _ recordPlace: SourcePlace?) {
            let kind = employer.kind
            // No comune at all is said once (ambito senza comuni), not once a person.
            guard !municipalities.isEmpty || incompleteComuni != nil, kind == .comune || kind == .comuneCapofila, let code = employer.istatCode,
                comuni[code] == nil
            else { return }
            // A row of comuni not read (another error) whose code lost its zeros: said at it now.
            if let place = incompleteComuni?.shortCodes[code] {
                if shortUnreadReported.insert(code).inserted {
                    diagnostics.error(
                        .codiceIstatSospetto, place,
                        "codice ISTAT scritto senza gli zeri iniziali: in personale è scritto «\(code)» (per esempio \(recordPlace?.description ?? "«\(id)»")); \(zerosAdvice(code, at: place))"
                    )
                }
                return
            }
            guard !(incompleteComuni?.mayHold(code) ?? false) else { return }
            if incompleteComuni == nil, let short = shortCodes[code] {
                if shortReported.insert(short).inserted {
                    let municipality = municipalities[short]
                    diagnostics.error(
                        .codiceIstatSospetto,
                        (municipality.place ?? file.element(short)).field(csv: "codice_istat", json: "codiceIstat"),
                        "codice ISTAT «\(municipality.istatCode)» di \(municipality.istatCode.utf8.count) cifre: in personale è scritto «\(code)» (per esempio \(recordPlace?.description ?? "«\(id)»")); \(zerosAdvice(code, at: municipality.place ?? file))"
                    )
                }
                return
            }
            diagnostics.error(
                .comuneSconosciuto, (recordPlace ?? file).field(csv: "ente_codice_istat", json: "ente", "codiceIstat"),
                "il comune \(code) di «\(id)» non fa parte dell'ambito (\(municipalities.isEmpty ? "nessun comune letto senza errori" : "\(incompleteComuni == nil ? "comuni" : "comuni letti senza errori"): \(Italian.list(knownCodes))"))\(IstatCodes.leadingZeroHint(code, known: municipalities.map(\.istatCode)))\(IstatCodes.hiddenCharacterHint(code))"
            )
        }
    }

    /// The same roster with `staff` and `municipalities`, checked again (what-if scenarios).
    ///
    /// - Throws: ``InputError`` as ``init(ambito:municipalities:staff:source:)``.
    public func replacing(municipalities: [Municipality]? = nil, staff: [StaffRecord]? = nil) throws(InputError) -> Roster {
        try Roster(ambito: ambito, municipalities: municipalities ?? self.municipalities, staff: staff ?? self.staff, source: source)
    }

    /// Things that deserve a look but do not stop an assessment: ISTAT codes without six digits
    /// (a spreadsheet may have dropped a leading zero), two comuni of the same name (the same
    /// comune written twice under two codes: its residents would count twice; names compared as
    /// the vocabularies compare, ignoring case, accents and spaces), two ids of one shape
    /// (`AS-008` and `AS-0008`, likely one person written twice; docs/regole.md §3, «Id simili»), no person at
    /// all, persons without any period, a share stated in a contract or profile that a period contradicts.
    public var warnings: [InputDiagnostic] {
        var diagnostics = Diagnostics()
        for municipality in municipalities {
            let code = municipality.istatCode
            let largest = max(municipality.residents.everyYear ?? 0, municipality.residents.byYear.values.max() ?? 0)
            // The fewest of the figures given (0 is no figure of a comune: refused by the model).
            let smallest = min(municipality.residents.everyYear ?? .max, municipality.residents.byYear.values.min() ?? .max)
            if smallest < Bounds.plausibleMinimumResidents {
                diagnostics.warning(
                    .valoreImprobabile, (municipality.place ?? SourcePlace(file: source)).field(csv: "popolazione", json: "popolazione"),
                    "il comune \(code) «\(TextSafety.shortened(municipality.name))» ha \(NumberFormatting.italian(smallest)) residenti, meno di ogni comune italiano (i più piccoli ne hanno circa 30): verifica la cifra (mancano delle cifre?); se è giusta, non serve altro"
                )
            }
            if largest > Bounds.plausibleResidents {
                diagnostics.warning(
                    .valoreImprobabile, (municipality.place ?? SourcePlace(file: source)).field(csv: "popolazione", json: "popolazione"),
                    "il comune \(code) «\(TextSafety.shortened(municipality.name))» ha \(NumberFormatting.italian(largest)) residenti, più di ogni comune italiano (Roma ne ha circa 2,75 milioni): verifica la cifra (un separatore delle migliaia o una cifra di troppo?); se è giusta, non serve altro"
                )
            }
            if !(code.utf8.count == 6 && code.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }) {
                diagnostics.warning(
                    .codiceIstatSospetto, (municipality.place ?? SourcePlace(file: source)).field(csv: "codice_istat", json: "codiceIstat"),
                    "il codice ISTAT «\(code)» non ha 6 cifre: un foglio di calcolo potrebbe aver tolto uno zero iniziale")
            }
        }
        for (position, earlierPosition) in Self.sameNames(municipalities) {
            let (municipality, earlier) = (municipalities[position], municipalities[earlierPosition])
            diagnostics.warning(
                .comuneRipetuto, (municipality.place ?? SourcePlace(file: source)).field(csv: "denominazione", json: "denominazione"),
                "il comune \(municipality.istatCode) «\(TextSafety.shortened(municipality.name))» ha lo stesso nome del comune \(earlier.istatCode): se è lo stesso comune scritto due volte, tieni una sola riga, altrimenti i suoi residenti contano due volte"
            )
        }
        for (position, year, allRows) in Self.sumRows(municipalities) {
            let municipality = municipalities[position]
            diagnostics.warning(
                .rigaDiTotale, (municipality.place ?? SourcePlace(file: source)).field(csv: "popolazione", json: "popolazione"),
                "il comune \(municipality.istatCode) «\(TextSafety.shortened(municipality.name))» ha tanti residenti quanti \(allRows ? "tutte le altre righe dei comuni insieme, di ogni anno" : "gli altri comuni dell'ambito insieme")\(year.map { " (\($0))" } ?? ""): se è una riga di totale (Somma, Complessivo, …), cancellala, il programma fa da sé le somme e i residenti ora contano due volte; se è un comune, non serve altro"
            )
        }
        let ids = PositionIndex.repeats(count: staff.count, hash: { IDShape.hash(staff[$0].id) }) { IDShape.same(staff[$0].id, staff[$1].id) }
        for (position, earlierPosition) in ids where staff[position].id != staff[earlierPosition].id {
            let (record, earlier) = (staff[position], staff[earlierPosition])
            diagnostics.warning(
                .idSimile, (record.place ?? SourcePlace(file: source)).field(csv: "id", json: "id"),
                "l'id «\(record.id)» è simile a «\(earlier.id)» (\(earlier.place?.description ?? "persona n. \(earlierPosition + 1)")): hanno le stesse lettere e gli stessi numeri, cambiano solo segni (trattini, spazi, punti), maiuscole, accenti o zeri iniziali. Se è la stessa persona scritta due volte, usa un solo id: con due conta come due persone; se sono due persone, non serve altro"
            )
        }
        // Acronyms that name a health body in some regions (a trial: «ATS» in Lombardy is the
        // Agenzia di Tutela della Salute, «ASP» in Sicily and Calabria the Azienda Sanitaria
        // Provinciale): a body read as one that counts without a delega is said, once.
        if let region = ambito.region.map(Vocabulary.normalized) {
            // `Regione Lombardia` too (a review): the region's name as words of the text.
            for (regions, kind, acronym, meaning) in Self.regionalAcronyms where regions.contains(where: { Vocabulary.containsWords(region, $0) }) {
                // The ambito only where it was written `ATS` (the code `ambito` is no acronym); `asp`
                // is its own acronym, however written.
                func named(_ record: StaffRecord) -> Bool { record.employer.kind == kind && (kind != .ambito || record.employer.writtenAsAcronym) }
                guard let first = staff.firstIndex(where: named) else { continue }
                let count = staff.count(where: named)
                diagnostics.warning(
                    .siglaAmbigua, (staff[first].place ?? SourcePlace(file: source)).field(csv: "ente_tipo", json: "ente", "tipo"),
                    "\(Italian.count(count, "persona ha", "persone hanno")) ente_tipo \(kind == .ambito ? "«ATS»" : kind.rawValue) (per esempio «\(staff[first].id)»): in \(ambito.region ?? region) «\(acronym)» è anche \(meaning), un ente sanitario che conta solo con la delega (asl); se l'ente è quello, indica asl; se è \(kind == .ambito ? "l'ambito territoriale sociale" : "un'azienda pubblica di servizi alla persona"), non serve altro"
                )
            }
        }
        idAndCapofilaWarnings(into: &diagnostics)
        if staff.isEmpty {
            diagnostics.warning(
                .nessunaPersona, SourcePlace(file: source),
                "nessuna persona nel personale: gli FTE e il contributo sono zero (se le persone sono in un altro foglio o file, spostale in «personale»)")
        }
        // One pass by position (a record is not copied for a look at its periods): a person
        // without periods, and a period that starts before any career still in service.
        for index in staff.indices {
            let periods = staff[index].periods
            if periods.isEmpty {
                let record = staff[index]
                diagnostics.warning(
                    .nessunPeriodo, (record.place ?? SourcePlace(file: source)).field(csv: "dal", json: "periodi"),
                    "«\(record.id)» non ha periodi di servizio: non conta in nessun anno; se è in servizio, scrivi da quando (dal) e la quota (percentuale o ore)"
                )
            }
            for (earlierPosition, laterPosition) in Self.shortGaps(periods) {
                let (earlier, later) = (periods[earlierPosition], periods[laterPosition])
                let (record, end, start) = (staff[index], earlier.end ?? earlier.start, later.start)
                let days = start.dayNumber - end.dayNumber - 1
                let first = end.adding(days: 1) ?? start
                let missing =
                    days == 1
                    ? "c'è 1 giorno senza servizio (\(first.italian))"
                    : "ci sono \(days) giorni senza servizio (dal \(first.italian) al \((start.adding(days: -1) ?? start).italian))"
                diagnostics.warning(
                    .interruzioneBreve, (later.place ?? record.place ?? SourcePlace(file: source)).field("dal"),
                    "«\(record.id)»: tra il periodo che finisce il \(end.italian) e quello che inizia il \(start.italian) \(missing), \(days == 1 ? "che non conta" : "che non contano") negli FTE: se il servizio è continuo, il secondo periodo inizia il \(first.italian); se l'interruzione è reale, non serve altro"
                )
            }
            // The checks of a person who would count (a social worker, permanent).
            let wouldCount = staff[index].profile.isSocialWorker && staff[index].contract.isPermanent
            // A share stated in the text that a period contradicts: part-time at 100 %, full
            // time below it (a trial: «tempo indeterminato part time» counted 1 FTE with no word).
            if wouldCount,
                let stated = staff[index].contract.statedShare ?? staff[index].profile.statedShare,
                let position = periods.firstIndex(where: { (stated == .partTime) == ($0.share == .fullTime) })
            {
                let (record, period) = (staff[index], periods[position])
                let named =
                    record.contract.statedShare != nil
                    ? "il contratto «\(TextSafety.shortened(record.contract.text))»" : "il profilo «\(TextSafety.shortened(record.profile.text))»"
                let (says, advice) =
                    stated == .partTime
                    ? (
                        "tempo parziale",
                        "se la persona è a tempo parziale indica la sua percentuale o le ore settimanali; se lavora a tempo pieno, non serve altro"
                    )
                    : ("tempo pieno", "se la persona lavora a tempo pieno indica 100; se è a tempo parziale, non serve altro")
                // At the column the share was given in (a review: hours were sent to percentuale).
                let column = period.share.hours == nil ? ("percentuale", "percentuale") : ("ore_settimanali", "oreSettimanali")
                diagnostics.warning(
                    .quotaDiversaDalTesto, (period.place ?? record.place ?? SourcePlace(file: source)).field(csv: column.0, json: column.1),
                    "«\(record.id)»: \(named) dice \(says), ma nel periodo dal \(period.start.italian) la quota è \(period.share) (\(NumberFormatting.italianTrimmed(period.share.percent / Fraction(100), maximumDecimals: 4)) FTE l'anno): \(advice)"
                )
            }
            // A share of a few percent for a person who counts: most likely a digit missing.
            if wouldCount, let position = periods.firstIndex(where: \.share.isImplausiblySmall) {
                let (record, period) = (staff[index], periods[position])
                let column = period.share.hours == nil ? ("percentuale", "percentuale") : ("ore_settimanali", "oreSettimanali")
                diagnostics.warning(
                    .valoreImprobabile, (period.place ?? record.place ?? SourcePlace(file: source)).field(csv: column.0, json: column.1),
                    "«\(record.id)»: nel periodo dal \(period.start.italian) la quota è \(period.share.implausiblySmallAdvice)")
            }
            // A whole percentage that is a week's hours (18, 30, 36): most likely hours typed
            // into percentuale; said once a person, at its first such period.
            if wouldCount, let position = periods.firstIndex(where: { $0.share.wholePercentLikeWeeklyHours != nil }),
                let whole = periods[position].share.wholePercentLikeWeeklyHours
            {
                let (record, period) = (staff[index], periods[position])
                let place = (period.place ?? record.place ?? SourcePlace(file: source)).field(csv: "percentuale", json: "percentuale")
                let hoursColumn = place.isJSON ? "oreSettimanali" : "ore_settimanali"
                diagnostics.warning(
                    .valoreImprobabile, place,
                    "«\(record.id)»: nel periodo dal \(period.start.italian) la quota è il \(period.share.weeklyHoursAdvice(whole, column: hoursColumn))")
            }
            // Weekly hours with minutes as a clock writes them (`18,30`): said once a person.
            if wouldCount, let position = periods.firstIndex(where: { $0.share.hoursLikeClockMinutes != nil }),
                let (hours, minutes) = periods[position].share.hoursLikeClockMinutes
            {
                let (record, period) = (staff[index], periods[position])
                diagnostics.warning(
                    .valoreImprobabile, (period.place ?? record.place ?? SourcePlace(file: source)).field(csv: "ore_settimanali", json: "oreSettimanali"),
                    "«\(record.id)»: nel periodo dal \(period.start.italian) \(period.share.clockMinutesAdvice(hours: hours, minutes: minutes))")
            }
            for position in periods.indices where periods[position].start.year < Bounds.plausibleStartYear {
                let (record, period) = (staff[index], periods[position])
                let start = period.start
                diagnostics.warning(
                    .dataImprobabile, (period.place ?? record.place ?? SourcePlace(file: source)).field("dal"),
                    // Spreadsheets read two digits from 30 to 99 as 19xx: a year before 1930 was typed so
                    // (a trial: «(1/1/0)» for 1900).
                    start.year < 1930
                        ? "«\(record.id)» è in servizio dal \(start.italian), più di 60 anni prima del primo anno calcolato: controlla l'anno; se è giusto, non serve altro"
                        : "«\(record.id)» è in servizio dal \(start.italian), più di 60 anni prima del primo anno calcolato: se l'anno è stato scritto con due cifre (\(start.day)/\(start.month)/\(start.year % 100)), un foglio di calcolo lo legge come \(start.year); scrivi l'anno per intero (\(start.year + 100)?), altrimenti non serve altro"
                )
            }
        }
        return diagnostics.all
    }

    /// The warnings on the persons' ids written with UTF-8 read as Windows-1252 and on the staff
    /// of the comune capofila naming two comuni, into `diagnostics` (kept out of ``warnings``,
    /// whose loops the compiler optimises as a whole).
    @inline(never)
    private func idAndCapofilaWarnings(into diagnostics: inout Diagnostics) {
        // Ids with letters of UTF-8 read as Windows-1252 (a trial of HR exports: «Rossi NiccolÃ²»
        // and «Rossi Niccolò», one person counted twice with no word).
        // And the staff of the comune capofila naming two comuni (`capofila`: the first of each).
        // One pass, each record's fields read in place (a copy of a record retains all its parts).
        var misdecoded: [(position: Int, written: String, meant: String, fixed: String)] = []
        var capofila: (first: Int, other: Int)?
        staff.withUnsafeBufferPointer { staff in
            var firstCapofila: Int?
            for index in staff.indices {
                if let (written, meant) = TextSafety.misdecoded(in: staff[index].id.text) {
                    misdecoded.append((index, written, meant, staff[index].id.text.replacing(written, with: meant)))
                }
                guard capofila == nil, staff[index].employer.kind == .comuneCapofila, let code = staff[index].employer.istatCode else { continue }
                if let first = firstCapofila {
                    if staff[first].employer.istatCode != code { capofila = (first, index) }
                } else {
                    firstCapofila = index
                }
            }
        }
        if !misdecoded.isEmpty {
            // The persons whose id is the one meant (ids compared as ids: case and spaces aside).
            let fixedIDs = Set(misdecoded.compactMap { try? PersonID($0.fixed) })
            var sameAs: [PersonID: Int] = [:]
            for index in staff.indices where fixedIDs.contains(staff[index].id) && sameAs[staff[index].id] == nil { sameAs[staff[index].id] = index }
            for (position, written, meant, fixed) in misdecoded {
                let record = staff[position]
                let other = (try? PersonID(fixed)).flatMap { sameAs[$0] }.map { staff[$0] }
                let twice =
                    other.map {
                        "«\($0.id)» (\($0.place?.description ?? "un'altra persona")) è la stessa persona? Ora contano come due persone: tieni un solo id"
                    }
                    ?? "se la stessa persona compare anche come «\(fixed)», conterebbe due volte: correggi l'id"
                diagnostics.warning(
                    .testoMalCodificato, (record.place ?? SourcePlace(file: source)).field(csv: "id", json: "id"),
                    "l'id «\(record.id)» contiene «\(written)», cioè «\(meant)» letto con la codifica sbagliata (un file UTF-8 aperto come Windows-1252 e salvato); \(twice)"
                )
            }
        }
        // One capofila for an ATS in convenzione: its staff naming two comuni is a mistyped code
        // (a consortium's trial: the prospetto lost the capofila's name, with no word).
        if let (first, other) = capofila {
            let (record, earlier) = (staff[other], staff[first])
            let (code, earlierCode) = (record.employer.istatCode ?? "", earlier.employer.istatCode ?? "")
            diagnostics.warning(
                .capofilaDiversi, (record.place ?? SourcePlace(file: source)).field(csv: "ente_codice_istat", json: "ente", "codiceIstat"),
                "«\(record.id)» indica come comune capofila \(code), «\(earlier.id)» \(earlierCode) (\(earlier.place?.description ?? "persona n. \(first + 1)")): l'ambito in convenzione ha un solo comune capofila; correggi il codice sbagliato (gli FTE non cambiano: il personale del capofila conta per l'ambito, ma il prospetto non può nominare il capofila)"
            )
        }
    }

    /// The regions (normalised) where an acronym of a kind of employer that counts also names a
    /// health body, with the kind, the acronym and the body.
    static let regionalAcronyms: [(regions: Set<String>, kind: EmployerKind, acronym: String, meaning: String)] = [
        (["lombardia", "sardegna"], .ambito, "ATS", "l'Agenzia (o Azienda) di Tutela della Salute"),
        (["sicilia", "calabria"], .asp, "ASP", "l'Azienda Sanitaria Provinciale"),
    ]

    /// The pairs of periods of one person with one to three days without service between them,
    /// as positions in `periods` (the earlier one, then the later one; by start date, the earlier
    /// being the one that ends last so far): a gap that short is most likely a date typed a day
    /// off. Overlaps, which a valid roster does not have, give none.
    static func shortGaps(_ periods: [ServicePeriod]) -> [(earlier: Int, later: Int)] {
        StaffRecord.successions(periods).filter { pair in
            // After an open-ended period nothing is a gap.
            guard let end = periods[pair.earlier].end else { return false }
            return (1...3).contains(periods[pair.later].start.dayNumber - end.dayNumber - 1)
        }
    }

    /// The comuni whose residents equal those of all the others together (at least two others),
    /// each with the year where they do (nil: one figure for every year), each comune once: most
    /// likely a row of total that a label does not show (`Somma`, `Complessivo`), which would
    /// count every resident twice. A warning, not an error: a comune may have as many residents
    /// as the others by chance.
    ///
    /// Also a comune with one figure for every year that equals all the other rows of the
    /// comuni together, of every year (`allRows`): a `=SOMMA` over the whole column of a sheet
    /// with a row per comune and year (an officer's trial: 206.080 residents, 0,00 €, no word).
    static func sumRows(_ municipalities: [Municipality]) -> [(position: Int, year: Int?, allRows: Bool)] {
        guard municipalities.count >= 3 else { return [] }
        var years = Set<Int>()
        for municipality in municipalities { years.formUnion(municipality.residents.byYear.keys) }
        // With no figure by year every comune has one for all years: any year reads it.
        let checked: [Int?] = years.isEmpty ? [nil] : years.sorted().map { $0 }
        var found: [(position: Int, year: Int?, allRows: Bool)] = []
        var flagged = Set<Int>()
        for year in checked {
            let counts = municipalities.compactMap { $0.residents.count(in: year ?? Bounds.years.lowerBound) }
            guard counts.count == municipalities.count else { continue }
            for position in TotalRows.sumPositions(counts) where flagged.insert(position).inserted {
                found.append((position, year, false))
            }
        }
        guard !years.isEmpty else { return found }
        // Every row's figure (a comune's figure for every year, and one for each year it has):
        // at most 10.000 comuni of 181 figures up to 100 million each (``Bounds``), so the sum
        // fits in 64 bits.
        let rowFigures = municipalities.map { ($0.residents.everyYear ?? 0) + $0.residents.byYear.values.reduce(0, +) }
        let rows = municipalities.reduce(0) { $0 + ($1.residents.everyYear == nil ? 0 : 1) + $1.residents.byYear.count }
        let total = rowFigures.reduce(0, +)
        for (position, municipality) in municipalities.enumerated() where municipality.residents.isSameEveryYear && rows >= 3 {
            if rowFigures[position] * 2 == total && flagged.insert(position).inserted { found.append((position, nil, true)) }
        }
        return found
    }

    /// The comuni whose name compares alike (``Vocabulary/normalized(_:)``: case, accents,
    /// spaces) to an earlier one's, each with the first such earlier one, in order of position.
    ///
    /// Names are indexed by a hash of their ASCII consonants (lower-cased) and digits: cheap, and
    /// equal for names that compare alike (normalising changes case, accented vowels, spaces and
    /// punctuation, never an ASCII consonant or digit, save from signs no name uses such as the
    /// Kelvin sign); only names of one hash are normalised and compared.
    static func sameNames(_ municipalities: [Municipality]) -> [(position: Int, earlier: Int)] {
        PositionIndex.repeats(count: municipalities.count, hash: { Self.nameKey(municipalities[$0].name) }) {
            Vocabulary.normalized(municipalities[$0].name) == Vocabulary.normalized(municipalities[$1].name)
        }
    }

    /// The key of ``sameNames(_:)``: a hash (FNV-1a) of the ASCII consonants, lower-cased, and
    /// digits of `name`, read from its UTF-8 in place.
    private static func nameKey(_ name: String) -> Int {
        var name = name
        return name.withUTF8 { bytes in
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for byte in bytes {
                let lower = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                guard (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) else { continue }
                switch lower {
                case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"): continue
                default: hash = (hash ^ UInt64(lower)) &* 0x100_0000_01B3
                }
            }
            return Int(truncatingIfNeeded: hash)
        }
    }

    /// Rosters are equal when ambito, comuni and staff are (source and places are not compared).
    public static func == (lhs: Roster, rhs: Roster) -> Bool {
        lhs.ambito == rhs.ambito && lhs.municipalities == rhs.municipalities && lhs.staff == rhs.staff
    }

    /// Hashes ambito, comuni and staff.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(ambito)
        hasher.combine(municipalities)
        hasher.combine(staff)
    }
}

extension Roster: Codable {
    private enum CodingKeys: String, CodingKey { case ambito, municipalities, staff }

    /// Decodes a roster through the validating initialisers (the decoded roster is as valid as
    /// one read from a file).
    ///
    /// - Throws: `DecodingError.dataCorrupted` with the ``InputError``'s message when a rule is broken.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let ambito = try container.decode(Ambito.self, forKey: .ambito)
        let municipalities = try container.decode([Municipality].self, forKey: .municipalities)
        let staff = try container.decode([StaffRecord].self, forKey: .staff)
        self = try DecodingError.validatingInput(container.codingPath) { () throws(InputError) in
            try Roster(ambito: ambito, municipalities: municipalities, staff: staff)
        }
    }

    /// Encodes ambito, comuni and staff.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(ambito, forKey: .ambito)
        try container.encode(municipalities, forKey: .municipalities)
        try container.encode(staff, forKey: .staff)
    }
}
