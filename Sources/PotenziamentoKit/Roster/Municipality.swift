/// Residents of a comune at 1 January (ISTAT; docs/regole.md §4): one figure for every year, or
/// one per year. Valid by construction: every figure a whole number from 1 to 100 million, years
/// from 1900 to 2200.
public struct Residents: Sendable, Hashable {
    /// The figure for every year not in ``byYear``, if one was given.
    public let everyYear: Int?
    /// Figures for single years (at 1 January of the year).
    public let byYear: [Int: Int]

    /// The same figure for every year.
    ///
    /// - Throws: ``InvalidValue`` with ``DiagnosticCode/popolazioneNonValida`` when `count` is not
    ///   from 1 to 100 million.
    public init(_ count: Int) throws(InvalidValue) {
        try Self.check(count)
        everyYear = count
        byYear = [:]
    }

    /// One figure per year.
    ///
    /// - Throws: ``InvalidValue`` with ``DiagnosticCode/popolazioneNonValida`` for a figure not
    ///   from 1 to 100 million or an empty table, ``DiagnosticCode/annoNonValido`` for a year
    ///   outside 1900-2200.
    public init(byYear table: [Int: Int]) throws(InvalidValue) {
        guard !table.isEmpty else { throw InvalidValue(.popolazioneNonValida, "nessuna popolazione indicata") }
        for (year, count) in table {
            guard Bounds.dateYears.contains(year) else { throw InvalidValue(.annoNonValido, "anno \(year) non valido per la popolazione (1900-2200)") }
            try Self.check(count)
        }
        everyYear = nil
        byYear = table
    }

    private init(everyYear: Int?, byYear: [Int: Int]) {
        self.everyYear = everyYear
        self.byYear = byYear
    }

    /// The residents at 1 January of `year`, if given.
    public func count(in year: Int) -> Int? { byYear[year] ?? everyYear }

    /// Whether one figure stands for every year (no `anno` column): a report says so.
    public var isSameEveryYear: Bool { everyYear != nil && byYear.isEmpty }

    /// The same residents with `count` for `year` (a what-if).
    ///
    /// - Throws: ``InvalidValue`` as ``init(byYear:)`` does.
    public func replacing(year: Int, with count: Int) throws(InvalidValue) -> Residents {
        guard Bounds.dateYears.contains(year) else { throw InvalidValue(.annoNonValido, "anno \(year) non valido per la popolazione (1900-2200)") }
        try Self.check(count)
        var table = byYear
        table[year] = count
        return Residents(everyYear: everyYear, byYear: table)
    }

    static func check(_ count: Int) throws(InvalidValue) {
        guard count > 0 else {
            throw InvalidValue(.popolazioneNonValida, "la popolazione deve essere un numero intero positivo (indicato: \(count))")
        }
        guard count <= Bounds.maximumResidents else {
            throw InvalidValue(
                .popolazioneNonValida,
                "popolazione fuori misura: \(NumberFormatting.italian(count)) (al massimo \(NumberFormatting.italian(Bounds.maximumResidents)))")
        }
    }
}

extension Residents: Codable {
    private enum CodingKeys: String, CodingKey { case everyYear, byYear }

    /// Decodes residents through the validating initialisers.
    ///
    /// - Throws: `DecodingError.dataCorrupted` for a figure or year out of range.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        // Read as exact integers (``BigInt``): a JSON decoder may round `29999.99999999999999` to 30000.
        let everyExact = try container.decodeIfPresent(BigInt.self, forKey: .everyYear)
        let tableExact = try container.decodeIfPresent([String: BigInt].self, forKey: .byYear) ?? [:]
        self = try DecodingError.validating(container.codingPath) { () throws(InvalidValue) in
            func count(_ value: BigInt) throws(InvalidValue) -> Int {
                guard let small = value.int64Value, let count = Int(exactly: small) else {
                    throw InvalidValue(.popolazioneNonValida, "popolazione fuori misura: \(value)")
                }
                return count
            }
            let every = try everyExact.map { value throws(InvalidValue) in try count(value) }
            var years: [Int: Int] = [:]
            for (key, exact) in tableExact {
                let value = try count(exact)
                // As the readers: a year written plainly (`02025`, `+2025` or ` 2025` would name the same year twice).
                guard let year = Int(key), String(year) == key else { throw InvalidValue(.annoNonValido, "anno non valido «\(key)»") }
                years[year] = value
            }
            guard let every else { return try Residents(byYear: years) }
            var residents = try Residents(every)
            for (year, count) in years { residents = try residents.replacing(year: year, with: count) }
            return residents
        }
    }

    /// Encodes the figure for every year and the figures by year.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(everyYear, forKey: .everyYear)
        if !byYear.isEmpty {
            try container.encode(Dictionary(uniqueKeysWithValues: byYear.map { (String($0.key), $0.value) }), forKey: .byYear)
        }
    }
}

/// A comune of the ATS with its residents (docs/regole.md §4).
public struct Municipality: Sendable, Hashable {
    /// The ISTAT code, as text (leading zeros kept: `048001`).
    public let istatCode: String
    /// The name.
    public let name: String
    /// Residents at 1 January.
    public let residents: Residents
    /// Where it was read (not part of equality).
    public let place: SourcePlace?

    /// The error of a row of totals among the comuni, named by its `label` (`Totale`): one
    /// message wherever the row is found (with its code and name, or with one of them empty).
    static func totalRow(_ label: String) -> InvalidValue {
        InvalidValue(
            .rigaDiTotale,
            "«\(TextSafety.shortened(label))» sembra una riga di totale, non un comune: cancellala (il programma somma da sé i residenti dei comuni)")
    }

    /// A comune.
    ///
    /// - Throws: ``InvalidValue`` with ``DiagnosticCode/valoreVuoto`` for an empty code or name,
    ///   ``DiagnosticCode/fuoriMisura`` for one with a line break or longer than
    ///   ``Bounds/maximumLabelLength`` characters, ``DiagnosticCode/rigaDiTotale`` for a row of
    ///   totals (a code or name beginning with `Totale`, `Totali` or `Tot.`, docs/formati.md), ``DiagnosticCode/codiceIstatNonValido`` for a code that is not
    ///   1 to 6 digits (fewer than 6 is only a warning of ``Roster/warnings``: a spreadsheet may
    ///   have dropped a leading zero).
    public init(istatCode: String, name: String, residents: Residents, place: SourcePlace? = nil) throws(InvalidValue) {
        let code = try Bounds.label(istatCode, what: "codice ISTAT")
        let name = try Bounds.label(name, what: "denominazione del comune")
        guard !code.isEmpty else { throw InvalidValue(.valoreVuoto, "codice ISTAT del comune vuoto") }
        guard !name.isEmpty else { throw InvalidValue(.valoreVuoto, "denominazione del comune \(code) vuota") }
        if TotalRows.isTotal(code) || TotalRows.isTotal(name) { throw Self.totalRow(TotalRows.isTotal(name) ? name : code) }
        guard code.utf8.count <= 6, code.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            throw InvalidValue(
                .codiceIstatNonValido,
                "codice ISTAT «\(TextSafety.shortened(code))» non valido: è un numero di 6 cifre, scritto come testo con gli zeri iniziali (per esempio 048001)\(IstatCodes.hiddenCharacterHint(code))"
            )
        }
        self.istatCode = code
        self.name = name
        self.residents = residents
        self.place = place
    }

    /// The field an error of ``init(istatCode:name:residents:place:)`` is about, for a reader to
    /// report it at that column or key (nil: the comune's row).
    package enum Field { case code, name }

    /// The field `error`, thrown for a comune written with `code`, is about: a row of totals is
    /// about the field that says «Totale», an empty value about the code when it is the one
    /// empty, else the name, an invalid code about the code.
    package static func field(of error: InvalidValue, code: String) -> Field? {
        if error.code == .rigaDiTotale { return TotalRows.isTotal(code) ? .code : .name }
        if error.code == .valoreVuoto { return code.trimmingSpaces.isEmpty ? .code : .name }
        return error.code == .codiceIstatNonValido ? .code : nil
    }

    /// The same comune with other residents.
    func with(residents: Residents) -> Municipality {
        Municipality(unchecked: istatCode, name, residents, place)
    }

    private init(unchecked code: String, _ name: String, _ residents: Residents, _ place: SourcePlace?) {
        self.istatCode = code
        self.name = name
        self.residents = residents
        self.place = place
    }

    /// Comuni are equal when code, name and residents are (the place is not compared).
    public static func == (lhs: Municipality, rhs: Municipality) -> Bool {
        lhs.istatCode == rhs.istatCode && lhs.name == rhs.name && lhs.residents == rhs.residents
    }

    /// Hashes code, name and residents.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(istatCode)
        hasher.combine(name)
        hasher.combine(residents)
    }
}

extension Municipality: Codable {
    private enum CodingKeys: String, CodingKey { case istatCode, name, residents }

    /// Decodes a comune through the validating initialiser.
    ///
    /// - Throws: `DecodingError.dataCorrupted` for an empty, multi-line or too long code or name.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let code = try container.decode(String.self, forKey: .istatCode)
        let name = try container.decode(String.self, forKey: .name)
        let residents = try container.decode(Residents.self, forKey: .residents)
        self = try DecodingError.validating(container.codingPath) { () throws(InvalidValue) in
            try Municipality(istatCode: code, name: name, residents: residents)
        }
    }

    /// Encodes code, name and residents.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(istatCode, forKey: .istatCode)
        try container.encode(name, forKey: .name)
        try container.encode(residents, forKey: .residents)
    }
}

/// An Ambito Territoriale Sociale (ATS): the unit the contribution is paid to (comma 797).
public struct Ambito: Sendable, Hashable {
    /// Its code (e.g. the SIOSS code), `codice`.
    public let code: String
    /// Its name, `denominazione`.
    public let name: String
    /// Its region, `regione`.
    public let region: String?
    /// Whether all social functions are delegated to the soggetto capofila: then the capofila
    /// receives the whole contribution (DM 15/2021, art. 2, comma 1).
    public let allFunctionsDelegatedToLead: Bool

    /// An ATS.
    ///
    /// - Throws: ``InvalidValue`` with ``DiagnosticCode/valoreVuoto`` for an empty code or name,
    ///   ``DiagnosticCode/fuoriMisura`` for one with a line break or longer than
    ///   ``Bounds/maximumLabelLength`` characters.
    public init(code: String, name: String, region: String? = nil, allFunctionsDelegatedToLead: Bool = false) throws(InvalidValue) {
        let code = try Bounds.label(code, what: "codice dell'ambito")
        let name = try Bounds.label(name, what: "denominazione dell'ambito")
        guard !code.isEmpty else { throw InvalidValue(.valoreVuoto, "il codice dell'ambito è vuoto") }
        guard !name.isEmpty else { throw InvalidValue(.valoreVuoto, "la denominazione dell'ambito è vuota") }
        self.code = code
        self.name = name
        let region = try region.map { text throws(InvalidValue) in try Bounds.label(text, what: "regione") }
        self.region = (region?.isEmpty ?? true) ? nil : region
        self.allFunctionsDelegatedToLead = allFunctionsDelegatedToLead
    }
}

extension Ambito: Codable {
    private enum CodingKeys: String, CodingKey { case code, name, region, allFunctionsDelegatedToLead }

    /// Decodes an ATS through the validating initialiser.
    ///
    /// - Throws: `DecodingError.dataCorrupted` for an empty, multi-line or too long code or name.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let code = try container.decode(String.self, forKey: .code)
        let name = try container.decode(String.self, forKey: .name)
        let region = try container.decodeIfPresent(String.self, forKey: .region)
        let delegated = try container.decodeIfPresent(Bool.self, forKey: .allFunctionsDelegatedToLead) ?? false
        self = try DecodingError.validating(container.codingPath) { () throws(InvalidValue) in
            try Ambito(code: code, name: name, region: region, allFunctionsDelegatedToLead: delegated)
        }
    }
}

/// ISTAT codes as people and spreadsheets write them.
package enum IstatCodes {
    /// The advice when `code` and one of `known` differ only by leading zeros (one side lost them
    /// in a spreadsheet); otherwise ``leadingZeroHint(_:)``.
    package static func leadingZeroHint(_ code: String, known: [String]) -> String {
        func stripped(_ text: String) -> Substring { text.drop { $0 == "0" } }
        if let match = known.first(where: { $0 != code && stripped($0) == stripped(code) && !stripped(code).isEmpty }) {
            return
                " (in comuni il codice è scritto «\(match)»: un foglio di calcolo toglie gli zeri iniziali quando la colonna non è in formato testo; formatta come testo la colonna che ha perso lo zero e riscrivi il codice di 6 cifre)"
        }
        return leadingZeroHint(code)
    }

    /// The note for a code that holds a character a person cannot see (a zero-width space, a
    /// non-breaking space pasted with it), for the end of a message: `; il codice contiene un
    /// carattere invisibile (U+200B): riscrivilo senza incollarlo`; empty otherwise.
    package static func hiddenCharacterHint(_ code: String) -> String {
        // Excel's ways of keeping the zeros, left in the text of a CSV (a trial of HR exports):
        // `="099001"`, `'099001`.
        let digits = code.filter { $0.isASCII && $0.isNumber }
        if code.hasPrefix("=") || code.hasPrefix("'"), !digits.isEmpty, digits.count <= 6,
            code.allSatisfy({ $0.isASCII && ($0.isNumber || "=\"' ".contains($0)) })
        {
            let marks = code.hasPrefix("=") ? "«=» e le virgolette" : "l'apostrofo"
            return "; togli \(marks) (servono solo dentro il foglio di calcolo) e scrivi \(digits) in una colonna formattata come testo"
        }
        return TextSafety.firstHiddenCharacter(in: code).map { "; il codice contiene \($0): riscrivilo senza incollarlo" } ?? ""
    }

    /// The 6-digit code a code of fewer digits was before a spreadsheet read it as a number and
    /// dropped its leading zeros (`99001` → `099001`); nil for any other code.
    package static func zeroPadded(_ code: String) -> String? {
        guard !code.isEmpty, code.utf8.count < 6, code.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return String(repeating: "0", count: 6 - code.utf8.count) + code
    }

    /// The advice for a code of fewer than 6 digits that a spreadsheet may have read as a number
    /// (`99001` for `099001`); empty for any other code.
    package static func leadingZeroHint(_ code: String) -> String {
        guard let padded = zeroPadded(code) else { return "" }
        return
            " (forse \(padded)? un foglio di calcolo toglie gli zeri iniziali quando la colonna non è in formato testo: formattala come testo e riscrivi il codice)"
    }
}
