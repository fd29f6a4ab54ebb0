import PotenziamentoFormats

/// Reading single fields typed by people into the model's values, with the Italian message of
/// each failure. Every reader (JSON, CSV, workbook, the command's options) goes through these,
/// so all accept exactly the same values; the rules themselves live in the model's types
/// (``WorkShare``, ``Residents``, ``ServicePeriod``).
package enum FieldParsing {
    /// A decimal number with at most `maximumDecimals` decimals: `22,5`, `22.5`, `1.234,56`.
    package static func decimal(_ text: String, maximumDecimals: Int, what: String) throws(InvalidValue) -> Fraction {
        switch DecimalParser.parseDecimal(text, maximumDecimals: maximumDecimals) {
        case .success(let value): return value
        case .failure(let error):
            throw InvalidValue(
                .numeroNonValido, "\(what): valore non valido «\(TextSafety.shortened(text))»: \(error)\(unitHint(text.trimmingSpaces, what: what))")
        }
    }

    /// For a number written with its unit or as a time (`18 ore`, `30 h`, `50 %` of hours,
    /// `18:00`), the number it likely is, for the message (a workbook trial: «carattere non
    /// valido « »» said nothing of the unit).
    static func unitHint(_ text: String, what: String) -> String {
        // A mark before the number (`'83,33`, a spreadsheet's text mark typed by hand; `+83,33`).
        if let mark = text.first, mark == "'" || mark == "’" || mark == "+",
            text.dropFirst().allSatisfy({ ("0"..."9").contains($0) || $0 == "," || $0 == "." }),
            text.count > 1
        {
            return "; forse \(text.dropFirst())? togli «\(mark)» davanti al numero"
        }
        let number = text.prefix { ("0"..."9").contains($0) || $0 == "," || $0 == "." }
        let rest = text.dropFirst(number.count).drop { $0 == " " }
        guard !number.isEmpty, let first = rest.first, number.first?.isNumber == true else { return "" }
        if first == ":" {
            // A time: whole hours (18:00) are the number; hours and minutes (18:30) are said
            // as decimals of an hour when they have at most 4 (the minutes are not guessed
            // otherwise: the hours take no more decimals).
            if rest == ":00" || rest == ":00:00" { return "; forse \(number)? scrivi solo il numero delle ore" }
            // Hours and minutes are said as hours only where hours are written (a review: the
            // advice followed in `percentuale` made 18,5 % with no word).
            guard what.hasPrefix("ore") else { return "; se sono ore di lavoro a settimana, scrivile nella colonna ore_settimanali (30 minuti sono 0,5)" }
            // Seconds of :00 are no part of the hours (`18:30:00`).
            let minutes = rest.hasSuffix(":00") && rest.count == 6 ? rest.dropFirst().dropLast(3) : rest.dropFirst()
            guard number.allSatisfy({ ("0"..."9").contains($0) }), number.count <= 2, minutes.count == 2,
                minutes.allSatisfy({ ("0"..."9").contains($0) }), let hours = Int(number), let value = Int(minutes), value < 60
            else { return "" }
            let decimal = Fraction(hours) + Fraction(value, 60)
            return BigInt.tenToThe(4) % decimal.denominator == 0
                ? "; se sono \(hours) ore e \(value) minuti, scrivi \(NumberFormatting.italianTrimmed(decimal, maximumDecimals: 4)) (le ore con i decimali)"
                : "; scrivi le ore con i decimali (30 minuti sono 0,5)"
        }
        // An exponent (`1e2`, as a spreadsheet may export): not a unit after 1 (a trial).
        if first == "e" || first == "E" {
            let digits = rest.dropFirst().drop { $0 == "+" || $0 == "-" }
            if !digits.isEmpty && digits.allSatisfy({ ("0"..."9").contains($0) }) { return "; un numero con l'esponente non è ammesso: scrivilo per intero" }
        }
        return first.isLetter ? "; forse \(number)? scrivi solo il numero, senza l'unità" : ""
    }

    /// A share given in percent (a final `%` allowed): 1 < p ≤ 100, up to 15 decimals.
    package static func percentage(_ text: String) throws(InvalidValue) -> WorkShare {
        var trimmed = Substring(text.trimmingSpaces)
        if trimmed.last == "%" {
            trimmed.removeLast()
            // `50 %`, with a non-breaking space too (as a spreadsheet writes it).
            trimmed = Substring(String(trimmed).trimmingSpaces)
        }
        let words = trimmed.lowercased()
        if ["tempo pieno", "pieno", "full time", "full-time", "intero"].contains(words) {
            throw InvalidValue(.numeroNonValido, "percentuale «\(TextSafety.shortened(text))»: scrivi il numero, 100 per il tempo pieno")
        }
        if ["part time", "part-time", "parziale", "metà", "meta", "tempo parziale"].contains(words) {
            throw InvalidValue(
                .numeroNonValido,
                "percentuale «\(TextSafety.shortened(text))»: scrivi la quota del tempo pieno (50 per metà tempo), o le ore nelle colonne ore_settimanali e ore_tempo_pieno"
            )
        }
        // Hours over full-time hours (`30/36`, an officer's trial): the columns that take them.
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
        if parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "," || $0 == ".") } }) {
            // The full-time hours are named only when they are not the default 36.
            let full =
                (try? decimal(parts[1], maximumDecimals: 4, what: "ore del tempo pieno")) == WorkShare.defaultFullTimeHours
                ? "" : " e \(parts[1]) in ore_tempo_pieno"
            throw InvalidValue(
                .numeroNonValido,
                "percentuale «\(TextSafety.shortened(text))»: scrivi la quota del tempo pieno (un numero da 0 a 100), oppure, se sono ore su tempo pieno, scrivi \(parts[0]) nella colonna ore_settimanali\(full) lasciando vuota la percentuale"
            )
        }
        let value = try decimal(String(trimmed), maximumDecimals: Bounds.percentageDecimals, what: "percentuale")
        return try WorkShare(percent: value)
    }

    /// ``percentage(_:)`` of trimmed UTF-8 bytes (a CSV cell): a plain number (`100`, `83,33`, the
    /// usual case) is read from the bytes, with no text made; anything else goes through the rule
    /// on text, which accepts or explains it alike.
    package static func percentage(utf8 bytes: UnsafeBufferPointer<UInt8>) throws(InvalidValue) -> WorkShare {
        guard let value = DecimalParser.plainDecimal(bytes, maximumDecimals: Bounds.percentageDecimals) else {
            return try percentage(String(decoding: bytes, as: UTF8.self))
        }
        return try WorkShare(percent: value)
    }

    /// ``decimal(_:maximumDecimals:what:)`` of trimmed UTF-8 bytes (a CSV cell): a plain number
    /// is read from the bytes; anything else goes through the rule on text (`maximumDecimals`
    /// from 0 to 30, as every field has).
    package static func decimal(utf8 bytes: UnsafeBufferPointer<UInt8>, maximumDecimals: Int, what: String) throws(InvalidValue) -> Fraction {
        if let value = DecimalParser.plainDecimal(bytes, maximumDecimals: maximumDecimals) { return value }
        return try decimal(String(decoding: bytes, as: UTF8.self), maximumDecimals: maximumDecimals, what: what)
    }

    /// A share given as weekly hours over the full-time hours (empty: 36).
    package static func hours(weekly: String, fullTime: String) throws(InvalidValue) -> WorkShare {
        let hours = try decimal(weekly, maximumDecimals: 4, what: "ore settimanali")
        let full = fullTime.trimmingSpaces.isEmpty ? WorkShare.defaultFullTimeHours : try decimal(fullTime, maximumDecimals: 4, what: "ore del tempo pieno")
        return try WorkShare(weeklyHours: hours, fullTimeHours: full)
    }

    /// An area share in percent, 0 ≤ p ≤ 100 (empty: 0), up to 15 decimals; a final `%` allowed.
    package static func areaShare(_ text: String) throws(InvalidValue) -> Fraction {
        var trimmed = Substring(text.trimmingSpaces)
        if trimmed.isEmpty { return .zero }
        if trimmed.last == "%" {
            trimmed.removeLast()
            // `50 %`, with a non-breaking space too (as a spreadsheet writes it).
            trimmed = Substring(String(trimmed).trimmingSpaces)
        }
        let value = try decimal(String(trimmed), maximumDecimals: Bounds.percentageDecimals, what: "quota di area")
        return try areaShare(percent: value, written: text)
    }

    /// ``areaShare(_:)`` of trimmed UTF-8 bytes (a CSV cell): a plain number (`30`, `12,5`, the
    /// usual case) is read from the bytes, with no text made; anything else goes through the rule
    /// on text, which accepts or explains it alike.
    package static func areaShare(utf8 bytes: UnsafeBufferPointer<UInt8>) throws(InvalidValue) -> Fraction {
        guard let value = DecimalParser.plainDecimal(bytes, maximumDecimals: Bounds.percentageDecimals) else {
            return try areaShare(String(decoding: bytes, as: UTF8.self))
        }
        return try areaShare(percent: value, written: String(decoding: bytes, as: UTF8.self))
    }

    /// An area share already read as a number of percent (`written`: as shown, for the message).
    package static func areaShare(percent value: Fraction, written: @autoclosure () -> String) throws(InvalidValue) -> Fraction {
        guard !value.isNegative, value <= Fraction(100) else {
            throw InvalidValue(.ripartizioneAree, "la quota di un'area deve essere tra 0 e 100 (indicato: \(written()))")
        }
        return value
    }

    /// An FTE figure from 0 to 10 million, up to 6 decimals.
    package static func fte(_ text: String) throws(InvalidValue) -> Fraction {
        if let ambiguous = ambiguousPoint(text, what: "FTE") { throw ambiguous }
        return try fte(value: decimal(text, maximumDecimals: 6, what: "FTE"), written: text)
    }

    /// The error of a figure written by hand (a table's text, a command's option) with one point
    /// before exactly three digits and a whole part not 0 (`1.234`, `12.500`): the decimal point
    /// of a file written in English and the thousands' point in Italian (an officer's trial read
    /// 1.234 FTE as 1,234 where a pregresso of 5.000 € is 5000); nil for any other text (`0.500`,
    /// `12.5`, `1234`, `1,234`). A JSON number is never ambiguous: its point is the decimal point.
    package static func ambiguousPoint(_ text: String, what: String) -> InvalidValue? {
        let parts = text.trimmingSpaces.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...3).contains(parts[0].count), parts[1].count == 3, parts[0].first != "0",
            (parts[0] + parts[1]).allSatisfy({ $0.isASCII && $0.isNumber })
        else { return nil }
        return InvalidValue(
            .numeroNonValido,
            "\(what) «\(TextSafety.shortened(text))» ambiguo: con il punto decimale vale \(parts[0]),\(parts[1]), con il punto delle migliaia \(parts[0])\(parts[1]); scrivi \(parts[0]),\(parts[1]) oppure \(parts[0])\(parts[1])"
        )
    }

    /// An FTE figure already read as a number, checked (`written`: as shown, for the message).
    package static func fte(value: Fraction, written: String) throws(InvalidValue) -> Fraction {
        guard !value.isNegative, value <= Fraction(Bounds.maximumFTE) else {
            throw InvalidValue(.fteNonValidi, "FTE non validi: \(written) (devono essere tra 0 e \(NumberFormatting.italian(Bounds.maximumFTE)))")
        }
        return value
    }

    /// A date `AAAA-MM-GG` or `GG/MM/AAAA`, the day and the month also of one digit (`1/3/2025`,
    /// as an Italian writes it: day first, never read as month first).
    package static func date(_ text: String) throws(InvalidValue) -> CivilDate {
        let trimmed = text.trimmingSpaces
        if let date = CivilDate.parse(trimmed) { return date }
        if trimmed.isEmpty { throw InvalidValue(.valoreVuoto, "manca la data: scrivila GG/MM/AAAA oppure AAAA-MM-GG") }
        if let parts = shortDayMonth(trimmed) {
            guard let date = CivilDate(year: parts.year, month: parts.month, day: parts.day) else {
                if let monthFirst = CivilDate(year: parts.year, month: parts.day, day: parts.month) {
                    throw InvalidValue(
                        .dataNonValida,
                        "data inesistente «\(TextSafety.shortened(text))» come giorno/mese/anno: sembra scritta mese/giorno/anno (il \(monthFirst.italian)?), come la esporta un foglio di calcolo con impostazioni inglesi: scrivila \(monthFirst.italian) (o \(monthFirst.iso)) e controlla le altre date del file"
                    )
                }
                throw InvalidValue(.dataNonValida, "data inesistente «\(TextSafety.shortened(text))» (giorno/mese/anno)")
            }
            return date
        }
        if trimmed.looksLikeDate && TextSafety.firstHiddenCharacter(in: trimmed) == nil {
            throw InvalidValue(.dataNonValida, "data inesistente «\(TextSafety.shortened(text))»")
        }
        throw InvalidValue(
            .dataNonValida, "data non valida «\(TextSafety.shortened(text))»: scrivi AAAA-MM-GG oppure GG/MM/AAAA (anche 1/3/2025)\(dateHint(trimmed))")
    }

    /// What a text that is not a date may have meant, for its message: the date in the accepted
    /// form when it reads one way only (`01.07.2025`, `01-07-2025`, `2025/07/01`, a date with a
    /// time), a year of 4 digits, or an empty cell for a service still going on (`in corso`).
    static func dateHint(_ text: String) -> String {
        // A character pasted with the date that no one sees (a trial: a zero-width space after
        // 01/03/2025 was told «senza l'ora: forse 01/03/2025?», the same text on the screen).
        if let hidden = TextSafety.firstHiddenCharacter(in: text) { return "; la data contiene \(hidden): riscrivila senza incollarla" }
        // The month in words (`1 marzo 2025`, `1° mar 2025`): the date in figures.
        let words = text.lowercased().split(separator: " ")
        if words.count == 3, let day = Int(words[0].filter { $0 != "°" }), let year = Int(words[2]), words[2].count == 4,
            let month = italianMonths.firstIndex(where: { $0 == words[1] || $0.prefix(3) == words[1].prefix(while: { $0 != "." }) }),
            (1900...2200).contains(year), let date = CivilDate(year: year, month: month + 1, day: day)
        {
            return "; il mese va scritto in cifre: forse \(date.italian)?"
        }
        let ongoing = ["in corso", "-", "—", "–", "attuale", "oggi", "in servizio", "indeterminato", "nessuna", "n.d.", "nd", "/"]
        if ongoing.contains(text.lowercased()) { return "; per un servizio ancora in corso la data di fine («al») si lascia vuota" }
        if text.utf8.count > 10, let date = CivilDate.parse(String(text.prefix(10))) {
            // A time in UTC (`…T22:00:00.000Z`, `+00:00`), as JavaScript writes midnight in Italy: its
            // date may be the day before the Italian one (a trial of JSON by other programs).
            // (+01:00 and +02:00 are Italy's own offsets: their date is the Italian one.)
            let time = text.dropFirst(10)
            let italian = time.hasSuffix("+01:00") || time.hasSuffix("+02:00") || time.hasSuffix("+0100") || time.hasSuffix("+0200")
            if !italian && (time.hasSuffix("Z") || time.hasSuffix("z") || time.contains("+") || time.dropFirst(3).contains("-")) {
                return
                    "; solo la data, senza l'ora: l'ora è di un altro fuso orario (Z, in UTC, come scrive JavaScript con toISOString), quindi la data italiana può essere il giorno dopo il \(date.italian): scrivi la data del calendario italiano"
            }
            return "; solo la data, senza l'ora: forse \(date.italian)?"
        }
        let parts = text.split(omittingEmptySubsequences: false) { $0 == "-" || $0 == "." || $0 == "/" }
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } && $0.count <= 4 }) else { return "" }
        let numbers = parts.map { Int($0) ?? 0 }
        // Only a date of the years counted (1900-2200, ``FTECounter``) is suggested.
        func suggestion(_ year: Int, _ month: Int, _ day: Int) -> String? {
            guard (1900...2200).contains(year), let date = CivilDate(year: year, month: month, day: day) else { return nil }
            return "; forse \(date.italian)?"
        }
        if parts[2].count == 4, let hint = suggestion(numbers[2], numbers[1], numbers[0]) { return hint }
        if parts[0].count == 4, let hint = suggestion(numbers[0], numbers[1], numbers[2]) { return hint }
        if parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 2, (1...31).contains(numbers[0]), (1...12).contains(numbers[1]) {
            return "; l'anno va scritto con 4 cifre (GG/MM/AAAA)"
        }
        return ""
    }

    /// The months' Italian names, January first.
    static let italianMonths = [
        "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre",
    ]

    /// How a date written `G/M/AAAA` can be read: see ``slashDateOrder(_:)``.
    package enum SlashDateOrder: Equatable {
        /// Not a date `G/M/AAAA`, or one that exists in neither order.
        case none
        /// A date only day first (`30/06/2025`).
        case dayFirst
        /// The same date either way (`07/07/2025`).
        case same
        /// A date only month first (`06/30/2025`, as an export with English settings writes it).
        case monthFirst
        /// A date both ways, and two different dates (`07/01/2025`: 7 January or 1 July).
        case either
    }

    /// How `text` reads as `G/M/AAAA`: a file with a date that exists only month first has its
    /// dates that read both ways reported too (``RosterTableReader``), never read day first in silence.
    package static func slashDateOrder(_ text: String) -> SlashDateOrder {
        guard let parts = shortDayMonth(text.trimmingSpaces) else { return .none }
        let dayFirst = CivilDate(year: parts.year, month: parts.month, day: parts.day) != nil
        let monthFirst = CivilDate(year: parts.year, month: parts.day, day: parts.month) != nil
        switch (dayFirst, monthFirst) {
        case (true, true): return parts.day == parts.month ? .same : .either
        case (true, false): return .dayFirst
        case (false, true): return .monthFirst
        case (false, false): return .none
        }
    }

    /// The dates `text` (`G/M/AAAA`) may be: day first, then month first when that differs.
    package static func slashDateReadings(_ text: String) -> [CivilDate] {
        guard let parts = shortDayMonth(text.trimmingSpaces) else { return [] }
        let readings = [
            CivilDate(year: parts.year, month: parts.month, day: parts.day), CivilDate(year: parts.year, month: parts.day, day: parts.month),
        ].compactMap { $0 }
        return readings.count == 2 && readings[0] == readings[1] ? [readings[0]] : readings
    }

    /// Day, month and year of `G/M/AAAA` with a day and a month of one or two digits; nil for any other text.
    private static func shortDayMonth(_ text: String) -> (day: Int, month: Int, year: Int)? {
        let parts = text.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4,
            parts.allSatisfy({ $0.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } })
        else { return nil }
        func number(_ digits: Substring.UTF8View.SubSequence) -> Int { digits.reduce(0) { $0 * 10 + Int($1 - 0x30) } }
        return (number(parts[0]), number(parts[1]), number(parts[2]))
    }

    /// ``date(_:)`` of trimmed UTF-8 bytes (a CSV cell): a date written exactly (`AAAA-MM-GG`,
    /// `GG/MM/AAAA`, the usual case) is read from the bytes, with no text made; anything else goes
    /// through the rule on text, which accepts or explains it.
    package static func date(utf8 bytes: UnsafeBufferPointer<UInt8>) throws(InvalidValue) -> CivilDate {
        if let date = CivilDate.parse(utf8: bytes) { return date }
        return try date(String(decoding: bytes, as: UTF8.self))
    }

    /// Residents: a positive whole number (Italian thousands allowed), at most 100 million.
    package static func residents(_ text: String) throws(InvalidValue) -> Int {
        switch DecimalParser.parseInteger(text) {
        case .success(let value):
            try Residents.check(value)
            return value
        case .failure(let error):
            throw InvalidValue(.popolazioneNonValida, "popolazione non valida «\(TextSafety.shortened(text))»: \(error)\(thousandsHint(text.trimmingSpaces))")
        }
    }

    /// For a whole number grouped by thousands with another separator (`30,000`, `30 000`,
    /// `30'000`), the number it likely is, for the message.
    static func thousandsHint(_ text: String) -> String {
        let groups = text.split(omittingEmptySubsequences: false) { ",' ’".contains($0) }
        guard groups.count > 1, (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }),
            groups.allSatisfy({ $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } })
        else { return "" }
        return " (forse \(groups.joined())? scrivilo senza separatori, o con il punto per le migliaia)"
    }

    /// Residents already read as a number (a workbook's number cell): a positive whole number, at
    /// most 100 million (`written`: the value stored, for the message). A value with decimals is
    /// said to be what the cell holds, which a format without decimals shows as whole (`31.450`
    /// for 31450,4: an officer sees a whole number and would not find the fault).
    package static func residents(number value: Fraction, written: String) throws(InvalidValue) -> Int {
        guard value.isInteger, let whole = value.numerator.int64Value else {
            // As a format without decimals shows it (rounded half away from zero, with the
            // thousands), when that would be a population (not for -31450,4 or 0,4).
            let shown = value.roundedScaled(by: 1).int64Value.map(Int.init)
            let hidden =
                shown.map { (try? Residents.check($0)) != nil } == true
                ? " (se la cella mostra \(NumberFormatting.italian(value, decimals: 0)), è il suo formato che ne nasconde i decimali)" : ""
            throw InvalidValue(.popolazioneNonValida, "popolazione non valida «\(written)»: serve un numero intero di residenti\(hidden)")
        }
        try Residents.check(Int(whole))
        return Int(whole)
    }

    /// A yes/no value: `si`/`sì`/`s`/`x`, `no`/`n`, `vero`/`falso`, `true`/`false`, `1`/`0`;
    /// nil for an empty text (the default applies).
    package static func boolean(_ text: String) throws(InvalidValue) -> Bool? {
        switch text.trimmingSpaces.lowercased() {
        case "": return nil
        case "si", "sì", "s", "vero", "true", "1", "x": return true
        case "no", "n", "falso", "false", "0": return false
        default:
            // A character no one sees (a line end Excel keeps as `_x000D_`, a trial) is named.
            let hidden = TextSafety.firstHiddenCharacter(in: text).map { "; il valore contiene \($0): riscrivilo" } ?? ""
            throw InvalidValue(
                .valoreSiNo,
                "valore sì/no non valido «\(TextSafety.shortened(text))»: usa si/no (anche s/n, x per sì), vero/falso, true/false, 1/0\(hidden)")
        }
    }

    /// A year written as four digits, 1900-2200.
    package static func year(_ text: String) throws(InvalidValue) -> Int {
        let trimmed = text.trimmingSpaces
        guard trimmed.utf8.count == 4, let value = Int(trimmed), Bounds.dateYears.contains(value) else {
            // Four digits out of range: the range said, not «quattro cifre» (an officer's trial).
            let range =
                Int(trimmed) != nil && trimmed.utf8.count == 4 ? "dal \(Bounds.dateYears.lowerBound) al \(Bounds.dateYears.upperBound), " : "quattro cifre, "
            // The year the text likely holds, as the example (a trial: «2.026» and «01/01/2026» were told «es. 2025»).
            let withoutSeparators = trimmed.filter { $0 != "." && $0 != "," && $0 != " " }
            let likely =
                withoutSeparators.utf8.count == 4 && Int(withoutSeparators).map(Bounds.dateYears.contains) == true
                ? Int(withoutSeparators) : (try? date(trimmed))?.year
            throw InvalidValue(.annoNonValido, "anno non valido «\(TextSafety.shortened(text))» (\(range)es. \(likely ?? 2025))")
        }
        return value
    }

    /// An amount in euro, 0 to one thousand billion: `12.000` and `180.000.000,00` (Italian
    /// thousands), `1000.5`, `45000`. A dot followed by three digits groups thousands (money has
    /// two decimals), in every input and option alike.
    package static func euros(_ text: String, what: String) throws(InvalidValue) -> EuroCents {
        let value: Fraction
        if case .success(let whole) = DecimalParser.parseInteger(text) {
            value = Fraction(whole)
        } else {
            value = try decimal(text, maximumDecimals: 2, what: what)
        }
        return try euros(amount: value, written: text, what: what)
    }

    /// An amount already read as a number of euro with at most 2 decimals, checked (`written`:
    /// as shown, for the message).
    package static func euros(amount value: Fraction, written: String, what: String) throws(InvalidValue) -> EuroCents {
        guard !value.isNegative else { throw InvalidValue(.importoNonValido, "\(what) non può essere negativo (indicato: \(written))") }
        guard value <= Fraction(Bounds.maximumEuros) else {
            throw InvalidValue(.importoNonValido, "\(what) fuori misura: \(written) (al massimo \(NumberFormatting.italian(Bounds.maximumEuros)) euro)")
        }
        return EuroCents.rounding(euros: value)
    }

    /// A JSON number read exactly, at most `maximumDecimals` decimals; an exponent is refused
    /// with a clear message (write the number plainly).
    package static func jsonNumber(_ text: String, maximumDecimals: Int, what: String) throws(InvalidValue) -> Fraction {
        // Digits with at most one decimal point (the usual case) have no exponent to look for.
        if let plain = DecimalParser.plain(text, maximumDecimals: maximumDecimals) { return plain }
        if text.utf8.contains(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
            throw InvalidValue(.numeroNonValido, "\(what): il numero è scritto con l'esponente («\(TextSafety.shortened(text))»): scrivi il numero per esteso")
        }
        return try decimal(text, maximumDecimals: maximumDecimals, what: what)
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs, the special spaces too
    /// (``SpaceCharacters``, the one rule of CSV cells too: a trial of office habits found dates and
    /// numbers refused for a non-breaking space, where codes and names took it).
    var trimmingSpaces: String {
        // The usual case, nothing to trim, decided on the contiguous bytes (`utf8.last` walks
        // the view generically): ASCII at both ends, no space. A special space begins with
        // 0xC2, 0xE1, 0xE2 or 0xE3 and ends with a continuation byte.
        var text = self
        let untouched = text.withUTF8 { bytes in
            guard let first = bytes.first, let last = bytes.last else { return true }
            return first != 0x20 && first != 0x09 && !(0xC2...0xE3).contains(first) && last != 0x20 && last != 0x09 && last < 0x80
        }
        if untouched { return self }
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, SpaceCharacters.isTrimmed(first) { scalars.removeFirst() }
        while let last = scalars.last, SpaceCharacters.isTrimmed(last) { scalars.removeLast() }
        if scalars.startIndex == startIndex && scalars.endIndex == endIndex { return self }
        return String(scalars)
    }

    /// Whether the text has the shape of a date (digits and separators in the right places).
    var looksLikeDate: Bool {
        let bytes = Array(utf8)
        guard bytes.count == 10 else { return false }
        let digits = bytes.enumerated().allSatisfy { offset, byte in
            [4, 7].contains(offset) || [2, 5].contains(offset) || (byte >= 0x30 && byte <= 0x39)
        }
        return digits && ((bytes[4] == UInt8(ascii: "-") && bytes[7] == UInt8(ascii: "-")) || (bytes[2] == UInt8(ascii: "/") && bytes[5] == UInt8(ascii: "/")))
    }
}
