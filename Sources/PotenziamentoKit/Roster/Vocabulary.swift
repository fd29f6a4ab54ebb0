import PotenziamentoFormats

/// The codes of a vocabulary (a profile's, a contract's, an employer's kind, an area's), each found by its
/// bytes in a small table: the code written exactly, the usual case, is known without a string
/// switch, and readers that match codes as they read them share these tables.
struct CodeTable<Code: RawRepresentable & CaseIterable & Sendable>: Sendable where Code.RawValue == String {
    /// The codes, in the order of `allCases` (the index a match gives).
    let cases: [Code]
    /// Their texts, matched on bytes.
    let texts: JSONReader.KnownTexts

    /// The table of every case of `Code`.
    init() {
        cases = Array(Code.allCases)
        texts = JSONReader.KnownTexts(cases.map(\.rawValue))
    }

    /// The code whose text is exactly `text`, if any.
    func code(_ text: String) -> Code? {
        var text = text
        return text.withUTF8 { code(utf8: $0) }
    }

    /// The code whose text is exactly the UTF-8 `bytes`, if any.
    func code(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Code? { texts.match(bytes).map { cases[$0] } }
}

/// The vocabularies of the coded columns (docs/regole.md §2, «Vocabolario»): how people write a
/// profile, a contract or a kind of employer, and the one normalisation that compares them.
///
/// A value outside a vocabulary is never a silent exclusion: it is an ``InvalidValue`` that names
/// it and suggests the nearest known one.
enum Vocabulary {
    /// The comparable form of a coded value: lower case, Italian accents removed, dots removed
    /// (`T.I.` → `ti`), underscores, hyphens, slashes, apostrophes and line breaks read as spaces, spaces
    /// collapsed and trimmed. `Tempo_Indeterminato`, ` a tempo  indeterminato ` and
    /// `tempo-indeterminato` compare alike.
    static func normalized(_ text: String) -> String {
        text.utf8.allSatisfy { $0 < 0x80 } ? normalizedASCII(text) : normalizedCharacters(text)
    }

    /// ``normalized(_:)`` character by character (any text).
    static func normalizedCharacters(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for character in text.lowercased() {
            let folded: Character
            switch character {
            case "à", "á", "â", "ä": folded = "a"
            case "è", "é", "ê", "ë": folded = "e"
            case "ì", "í", "î", "ï": folded = "i"
            case "ò", "ó", "ô", "ö": folded = "o"
            case "ù", "ú", "û", "ü": folded = "u"
            case ".": continue
            // Quotation marks of Word and of spreadsheets end words too (a review: «TD» was not a word).
            case "_", "-", "–", "—", "/", "'", "’", " ", "\t", "\n", "\r", "\r\n", "\u{A0}", "«", "»", "“", "”", "„", "‘", "‹", "›": folded = " "
            default: folded = character
            }
            if folded == " " {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace {
                result.append(" ")
                pendingSpace = false
            }
            result.append(folded)
        }
        return result
    }

    /// ``normalized(_:)`` of an all-ASCII text (how codes are usually written), on its bytes: the
    /// same result without building a `Character` for each letter.
    static func normalizedASCII(_ text: String) -> String {
        String(unsafeUninitializedCapacity: text.utf8.count) { buffer in
            var count = 0
            var pendingSpace = false
            for byte in text.utf8 {
                var folded = byte
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): folded = byte + 0x20
                case UInt8(ascii: "."): continue
                // A line break too (a cell written on two lines: a trial of office habits).
                case UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: "'"), UInt8(ascii: " "), UInt8(ascii: "\t"), 0x0A, 0x0D:
                    pendingSpace = count > 0
                    continue
                default: break
                }
                if pendingSpace {
                    buffer[count] = UInt8(ascii: " ")
                    count += 1
                    pendingSpace = false
                }
                buffer[count] = folded
                count += 1
            }
            return count
        }
    }

    /// Where the normalised `text` first holds the ASCII `part`: byte by byte when `text` is ASCII
    /// (the same answer, without Foundation's search), else with `String.range(of:)`.
    static func range(of part: StaticString, in text: String) -> Range<String.Index>? {
        let needle = UnsafeBufferPointer(start: part.utf8Start, count: part.utf8CodeUnitCount)
        let bytes = text.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return text.range(of: part.description) }
        guard needle.count <= bytes.count else { return nil }
        var start = bytes.startIndex
        while bytes.distance(from: start, to: bytes.endIndex) >= needle.count {
            if bytes[start...].starts(with: needle) { return start..<bytes.index(start, offsetBy: needle.count) }
            start = bytes.index(after: start)
        }
        return nil
    }

    /// The entry of `entries` that `text` names: an exact match of a spelling, else (when
    /// `prefixes` is true) the longest spelling that begins `text` as whole words
    /// (`istruttore amministrativo contabile` → `istruttore amministrativo`).
    static func match<Code>(_ normalized: String, in entries: [(spelling: String, code: Code)], prefixes: Bool) -> Code? {
        matchWithRest(normalized, in: entries, prefixes: prefixes)?.code
    }

    /// ``match(_:in:prefixes:)`` with the words after the spelling matched (empty for an exact match).
    static func matchWithRest<Code>(_ normalized: String, in entries: [(spelling: String, code: Code)], prefixes: Bool) -> (
        code: Code, rest: Substring
    )? {
        if let exact = entries.first(where: { $0.spelling == normalized }) { return (exact.code, "") }
        guard prefixes else { return nil }
        var best: (length: Int, code: Code)?
        // The spelling as whole words: followed by a space or a mark that ends a word
        // (`tempo indeterminato, tempo pieno`, `T.I.(full time)`: a trial).
        for entry in entries where normalized.hasPrefix(entry.spelling) {
            let next = normalized.utf8.dropFirst(entry.spelling.utf8.count).first
            guard let next, endsWord(next) else { continue }
            if entry.spelling.count > best?.length ?? -1 { best = (entry.spelling.count, entry.code) }
        }
        return best.map { ($0.code, normalized.dropFirst($0.length).drop { $0 == " " }) }
    }

    /// Whether the normalised `text` holds `words` (normalised, one space between words) as
    /// whole words: at its start or after a byte that ends a word (an ASCII byte other than a
    /// letter or a digit: a space, a parenthesis, a comma), and at its end or before one
    /// (`educatore (ex assistente sociale)` holds `ex assistente sociale`).
    static func containsWords(_ text: some StringProtocol, _ words: String) -> Bool {
        // On the UTF-8 of both in place (no copy, the usual case), else on copies.
        let found = text.utf8.withContiguousStorageIfAvailable { text in
            words.utf8.withContiguousStorageIfAvailable { words in containsWords(utf8: text, words) }
        }
        if let found, let found { return found }
        return Array(text.utf8).withUnsafeBufferPointer { text in Array(words.utf8).withUnsafeBufferPointer { containsWords(utf8: text, $0) } }
    }

    /// ``containsWords(_:_:)`` on UTF-8 bytes.
    private static func containsWords(utf8 text: UnsafeBufferPointer<UInt8>, _ words: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !words.isEmpty, words.count <= text.count else { return false }
        for start in 0...(text.count - words.count) where start == 0 || endsWord(text[start - 1]) {
            let end = start + words.count
            if (end == text.count || endsWord(text[end])) && UnsafeBufferPointer(rebasing: text[start..<end]).elementsEqual(words) { return true }
        }
        return false
    }

    /// The first spelling of `entries` of a code other than `code` that `text` (normalised) holds
    /// as whole words: a text that names two values of a vocabulary
    /// (`tempo_indeterminato/determinato`, `indeterminato - art. 110`).
    static func otherValue<Code: Equatable>(in text: some StringProtocol, besides code: Code, entries: [(spelling: String, code: Code)]) -> (
        spelling: String, code: Code
    )? {
        entries.first { $0.code != code && containsWords(text, $0.spelling) }
    }

    /// Words that, beside a profile or a contract that counts, say the person is away from the
    /// service or counted by another body (docs/regole.md, «Vocabolario»), each with what to do
    /// instead: counting such a person would give an FTE that may not be due (a trial: «Assistente
    /// sociale in aspettativa» counted 1 FTE with no word).
    static let absenceWords: [(words: [String], advice: String)] = [
        (
            ["aspettativa", "non retribuito", "non retribuita", "sospeso", "sospesa", "sospensione", "esonero", "esonerato", "esonerata"],
            "i periodi di aspettativa non retribuita o di sospensione si tolgono dai periodi di servizio della persona; ferie, malattia e maternità restano servizio (docs/regole.md §3)"
        ),
        (
            ["comando", "comandato", "comandata", "distacco", "distaccato", "distaccata", "fuori ruolo", "presso altro ente", "presso altri enti"],
            "una persona in comando, in distacco o fuori ruolo si indica una sola volta, presso l'ente che ne sostiene il costo (docs/regole.md §2)"
        ),
        (
            ["trasferito", "trasferita", "trasferimento", "mobilità"],
            "una persona trasferita o in mobilità conta fino all'ultimo giorno presso l'ente (la data di fine, «al»); una entrata per mobilità conta dal giorno di entrata (la data di inizio, «dal»)"
        ),
        (
            [
                "scavalco", "utilizzo condiviso", "utilizzata", "utilizzato", "assegnata funzionalmente", "assegnato funzionalmente",
                "assegnazione temporanea", "557", "art 14 ccnl",
            ],
            "una persona che lavora per più enti (a scavalco, in utilizzo) si indica presso ciascun ente con la sua quota (percentuale o ore), così non conta due volte"
        ),
        (
            ["in disponibilità", "inidonea", "inidoneo"],
            "una persona collocata in disponibilità o inidonea alle mansioni di assistente sociale non è impiegata nei servizi: non va indicata, o va indicata con impiegato_servizi_territoriali «no» (docs/regole.md §2)"
        ),
        (
            [
                "cessato", "cessata", "cessazione", "quiescenza", "pensione", "pensionato", "pensionata", "a riposo", "dimesso", "dimessa",
                "non in servizio", "non ancora in servizio", "presa servizio", "presa di servizio",
            ],
            "una persona conta solo nei giorni in servizio: fino all'ultimo giorno (la data di fine, «al») se ha lasciato il servizio, dal primo (la data di inizio, «dal») se non l'ha ancora preso"
        ),
        (
            ["cooperativa", "ccnl cooperative", "coop", "appalto", "uneba"],
            "il personale di una cooperativa o di un privato in appalto non conta: indica il tipo di ente privato_appalto o terzo_settore_appalto"
        ),
    ]

    /// Words beside «incarico» that make it a role, not a contract (posizione organizzativa,
    /// elevata qualificazione).
    static let roleWords = ["eq", "po", "posizione organizzativa", "elevata qualificazione", "coordinamento", "responsabile"]

    /// Words beside «mobilità» that say the person came in by it (art. 30 D.Lgs. 165/2001: a
    /// permanent hire), not that they left (a trial).
    static let incomingMobilityWords = [
        "entrata", "ingresso", "art 30", "assunta", "assunto", "assunzione", "da mobilita", "per mobilita", "interna", "volontaria",
    ]

    /// ``absenceWords`` normalised, beside their written form.
    private static let normalizedAbsenceWords = absenceWords.map { group in (words: group.words.map { ($0, normalized($0)) }, advice: group.advice) }

    /// The first of ``absenceWords`` that the normalised `text` holds as whole words (as written
    /// in the list: «mobilità»), with its advice; only looked for when `hints` allow it.
    static func absence(in text: String, hints: WordHints) -> (word: String, advice: String)? {
        guard hints.contains(.absence) else { return nil }
        for group in normalizedAbsenceWords {
            for (word, normalized) in group.words where containsWords(text, normalized) {
                if normalized == "mobilita", incomingMobilityWords.contains(where: { containsWords(text, $0) }) { continue }
                return (word, group.advice)
            }
        }
        return nil
    }

    /// Words that say a contract is part-time (`tempo indeterminato part time`, `TI PT`, `orario
    /// ridotto`); not `verticale` alone (a `progressione verticale` is a promotion: a trial).
    static let partTimeWords = ["part time", "parttime", "tempo parziale", "pt", "orario ridotto"]
    /// Words that say a contract is full time (`tempo pieno e indeterminato`, `T.I. full time`).
    static let fullTimeWords = ["tempo pieno", "full time", "fulltime"]

    /// The share of full time a normalised profile's or contract's text states (docs/regole.md,
    /// «Vocabolario»): part-time by its words, or a share below full time written in it
    /// (`50%`, `18 ore`, `18h`, `24/36`); full time by its words or a full share written
    /// (`36 ore`, `100%`); nil when it states none (the usual case).
    static func statedShare(normalized: String, written text: String, hints: WordHints) -> StatedShare? {
        if hints.contains(.partTime), partTimeWords.contains(where: { containsWords(normalized, $0) }) { return .partTime }
        // The numbers on the text as written: normalising drops the point of `83.33%` (a review).
        if let written = writtenShare(text.lowercased()) { return written }
        if hints.contains(.fullTime), fullTimeWords.contains(where: { containsWords(normalized, $0) }) { return .fullTime }
        return nil
    }

    /// A share the text states.
    enum StatedShare: Sendable {
        case partTime, fullTime
    }

    /// A share written as a number in the text: `NN%`, `NN ore`, `NNh`, `NN/MM` (hours of a
    /// full time): part-time below 100 % or below the full-time hours (36 when not written).
    private static func writtenShare(_ text: String) -> StatedShare? {
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        guard text.utf8.contains(where: isDigit) else { return nil }
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            guard isDigit(bytes[index]), index == 0 || endsWord(bytes[index - 1]) else {
                index += 1
                continue
            }
            var end = index
            var value = 0
            while end < bytes.count, isDigit(bytes[end]), value < 1_000 {
                value = value * 10 + Int(bytes[end] - 0x30)
                end += 1
            }
            // Decimals (`83,33%`, `18.5 ore`) do not change whether it is under 100 or 36.
            while end < bytes.count, bytes[end] == UInt8(ascii: ",") || bytes[end] == UInt8(ascii: ".") || isDigit(bytes[end]) {
                if !isDigit(bytes[end]) && !(end + 1 < bytes.count && isDigit(bytes[end + 1])) { break }
                end += 1
            }
            var after = end
            while after < bytes.count, bytes[after] == UInt8(ascii: " ") { after += 1 }
            let rest = bytes[after...]
            if rest.first == UInt8(ascii: "%") { return value < 100 ? .partTime : .fullTime }
            if rest.starts(with: Array("ore".utf8)) || (rest.first == UInt8(ascii: "h") && (rest.count == 1 || endsWord(rest[rest.startIndex + 1]))) {
                return value < 36 ? .partTime : .fullTime
            }
            // `24/36`: hours of a full time.
            if end < bytes.count, bytes[end] == UInt8(ascii: "/"), end + 1 < bytes.count, isDigit(bytes[end + 1]) {
                let after = end + 1
                var fullTime = 0
                var digit = after
                while digit < bytes.count, isDigit(bytes[digit]), fullTime < 1_000 {
                    fullTime = fullTime * 10 + Int(bytes[digit] - 0x30)
                    digit += 1
                }
                if (digit == bytes.count || endsWord(bytes[digit])), (30...40).contains(fullTime), value <= fullTime {
                    return value < fullTime ? .partTime : .fullTime
                }
            }
            index = end
        }
        return nil
    }

    /// The spellings of contracts a title of assistente sociale may name: those of the contracts
    /// themselves, not words a title uses for a role (`con incarico di posizione organizzativa`,
    /// `ruolo socio-sanitario`, `tutor di tirocinio`, `referente del servizio civile`: a trial).
    static let contractSpellingsInTitles = Contract.spellings.filter { entry in
        !entry.spelling.hasPrefix("incarico")
            && ![
                "ruolo", "tirocinio", "tirocinante", "stage", "servizio civile", "servizio civile universale", "sostituzione", "in sostituzione",
            ].contains(entry.spelling)
    }

    /// Which phrase lists a text may hold, from the first words of their phrases: one scan of
    /// the text's words (``hints(_:)``) rules most texts out before any phrase is searched.
    struct WordHints: OptionSet {
        let rawValue: UInt8
        /// A word of ``Vocabulary/absenceWords``.
        static let absence = WordHints(rawValue: 1)
        /// A contract's spelling (``Vocabulary/contractSpellingsInTitles``).
        static let contract = WordHints(rawValue: 2)
        /// A word of ``Vocabulary/partTimeWords``.
        static let partTime = WordHints(rawValue: 4)
        /// A word of ``Vocabulary/fullTimeWords``.
        static let fullTime = WordHints(rawValue: 8)
    }

    /// The first word of every phrase of the three lists, with the lists it begins a phrase of.
    private static let firstWordHints: [Substring: WordHints] = {
        var table: [Substring: WordHints] = [:]
        func add(_ phrases: [String], _ hint: WordHints) {
            for phrase in phrases { table[phrase.split(separator: " ", maxSplits: 1).first ?? Substring(phrase), default: []].insert(hint) }
        }
        add(normalizedAbsenceWords.flatMap { $0.words.map(\.1) }, .absence)
        add(contractSpellingsInTitles.map(\.spelling), .contract)
        add(partTimeWords, .partTime)
        add(fullTimeWords, .fullTime)
        return table
    }()

    /// The lists whose phrases the normalised `text` may hold: those of which one of its words
    /// (split where ``containsWords(_:_:)`` ends a word) begins a phrase.
    static func hints(_ text: String) -> WordHints {
        // On the UTF-8 in place: no array of words, one dictionary look per word.
        var found: WordHints = []
        let bytes = text.utf8
        var start = bytes.startIndex
        var index = start
        while true {
            let atEnd = index == bytes.endIndex
            if atEnd || endsWord(bytes[index]) {
                if start < index, let hint = firstWordHints[Substring(bytes[start..<index])] { found.formUnion(hint) }
                if atEnd { return found }
                start = bytes.index(after: index)
            }
            index = bytes.index(after: index)
        }
    }

    /// Whether `byte` ends a word: an ASCII byte other than a letter or a digit.
    static func endsWord(_ byte: UInt8) -> Bool {
        byte < 0x80 && !(byte >= 0x30 && byte <= 0x39) && !(byte >= 0x61 && byte <= 0x7A) && !(byte >= 0x41 && byte <= 0x5A)
    }

    /// «valore sconosciuto «x» (forse «y»?); valori ammessi: …».
    /// The longest text of a value of a vocabulary (a profile, a contract, a kind of employer;
    /// characters): room for a title with a note (`altro: …`), not for a pasted document, whose
    /// comparison with every spelling would take seconds (docs/regole.md, «Limiti»).
    static let maximumTextLength = 1_000

    /// Refuses a text longer than ``maximumTextLength`` (its length said, the text not repeated).
    /// Line breaks and tabs are not refused: the comparison folds them into spaces, as a
    /// spreadsheet cell with an Alt+Invio at its end is still the profile it names.
    ///
    /// - Throws: ``InvalidValue`` with ``DiagnosticCode/fuoriMisura``.
    static func checkLength(_ text: String, what: String) throws(InvalidValue) {
        // Bytes first: at most 4 a character, so a text of few bytes is never counted.
        guard text.utf8.count > maximumTextLength, text.count > maximumTextLength else { return }
        throw InvalidValue(
            .fuoriMisura,
            "\(what) troppo lungo: \(NumberFormatting.italian(text.count)) caratteri (al massimo \(NumberFormatting.italian(maximumTextLength))); le note vanno nella colonna note (in JSON nella chiave \"note\")"
        )
    }

    static func unknown(
        _ what: String, _ text: String, codes: [String], hint: String? = nil, suggestion words: (String) -> String = { "forse «\($0)»?" }
    ) -> String {
        // What the words say, when they say more than the nearest code's spelling can.
        if let hint { return "\(what) sconosciuto «\(TextSafety.shortened(text))» (\(hint)); valori ammessi: \(codes.joined(separator: ", "))" }
        // A negation (`non a tempo indeterminato`) is not suggested the value it denies (a trial:
        // «forse tempo_indeterminato?», which would make the person count).
        let negated = containsWords(normalized(text), "non")
        let suggestion = negated ? "" : NameSuggestion.nearest(to: normalized(text).replacingSpaces, in: codes).map { " (\(words($0)))" } ?? ""
        return "\(what) sconosciuto «\(TextSafety.shortened(text))»\(suggestion); valori ammessi: \(codes.joined(separator: ", "))"
    }

    /// The code `text` names in a vocabulary (docs/regole.md §2, «Vocabolario»): the code itself;
    /// else, normalised, `altro` (also `altro: …`), what `special` recognises, or one of
    /// `spellings` (the longest that begins the text, when the words after it name no value that
    /// counts otherwise: `counting` is the one value that counts); with the text as written,
    /// trimmed. The one rule of profilo and contratto.
    ///
    /// - Throws: ``InvalidValue`` with ``DiagnosticCode/valoreVuoto`` (`empty`) for an empty text,
    ///   or `unknownCode` for a text that names a value that counts and one that does not
    ///   (`indeterminato - art. 110`), what `special` refuses, or any other text (with the nearest
    ///   code).
    static func code<Code: RawRepresentable & CaseIterable & Sendable & Equatable>(
        of text: String, what: String, empty: String, altro: Code, counting: Code, codes: CodeTable<Code>,
        spellings: [(spelling: String, code: Code)], unknownCode: DiagnosticCode, special: (String) throws(InvalidValue) -> Code? = { _ in nil }
    ) throws(InvalidValue) -> (code: Code, text: String, normalized: String?) where Code.RawValue == String {
        // The usual case: the code itself (what the vocabulary gives for it, faster), kept as the
        // code's own text so that a roster of many records shares one copy instead of one each.
        if let code = codes.code(text) { return (code, code.rawValue, nil) }
        try checkLength(text, what: what)
        // A control character other than a line break or a tab (a cell on two lines reads as
        // words): kept, it made exports that read back as another file (an integrator's trial).
        if let control = text.unicodeScalars.first(where: { TextSafety.isControl($0) && $0 != "\n" && $0 != "\r" && $0 != "\t" }) {
            throw InvalidValue(
                .fuoriMisura,
                "\(what) «\(TextSafety.escapingControlCharacters(TextSafety.shortened(text)))» contiene \(TextSafety.naming(Character(control))): riscrivilo senza incollarlo"
            )
        }
        let normalized = normalized(text)
        guard !normalized.isEmpty else { throw InvalidValue(.valoreVuoto, empty) }
        // `altro` first: `altro: non assistente sociale` is what it says.
        if normalized == "altro" || normalized.hasPrefix("altro ") || normalized.hasPrefix("altro:") { return (altro, text.trimmingSpaces, normalized) }
        if let code = try special(normalized) { return (code, text.trimmingSpaces, normalized) }
        if let (code, rest) = matchWithRest(normalized, in: spellings, prefixes: true) {
            // Two values that both do not count (`somministrazione a tempo determinato`) exclude alike.
            if !rest.isEmpty, let other = otherValue(in: rest, besides: code, entries: spellings), (code == counting) != (other.code == counting),
                // An incarico of a role (`tempo indeterminato con incarico EQ`) is no contract (a trial).
                !(other.spelling == "incarico" && roleWords.contains { containsWords(rest, $0) })
            {
                throw InvalidValue(
                    unknownCode,
                    "\(what) ambiguo «\(TextSafety.shortened(text))»: indica «\(String(normalized.dropLast(rest.count)).trimmingSpaces)» (\(code.rawValue)) e anche «\(other.spelling)» (\(other.code.rawValue)); scrivi solo il \(what) della persona e le note nella colonna note (in JSON nella chiave \"note\")"
                )
            }
            return (code, text.trimmingSpaces, normalized)
        }
        throw InvalidValue(unknownCode, unknown(what, text, codes: Code.allCases.map(\.rawValue)))
    }
}

extension String {
    /// The normalised form with spaces as underscores (`tempo indeterminato` → `tempo_indeterminato`).
    fileprivate var replacingSpaces: String { String(map { $0 == " " ? "_" : $0 }) }
}

/// A person's profile (`profilo`, docs/regole.md §2): only assistente sociale counts.
///
/// Read from the words people use: `assistente_sociale`, `Assistente Sociale`, and any title that
/// contains «assistente sociale» (`Assistente sociale coordinatore`) count; a documented list of
/// other profiles and `altro` (or `altro: …`) are excluded with
/// ``ExclusionReason/profiloNonAssistenteSociale``; anything else is an ``InvalidValue``.
public struct Profile: Sendable, Hashable, CustomStringConvertible {
    /// The profiles the vocabulary knows.
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        /// The codes, matched on their bytes.
        static let codes = CodeTable<Kind>()

        /// Assistente sociale (any title that contains it): the only profile that counts.
        case assistenteSociale = "assistente_sociale"
        /// Educatore / educatrice.
        case educatore
        /// Educatore professionale.
        case educatoreProfessionale = "educatore_professionale"
        /// Psicologo / psicologa.
        case psicologo
        /// Sociologo / sociologa.
        case sociologo
        /// Pedagogista.
        case pedagogista
        /// Amministrativo.
        case amministrativo
        /// Istruttore amministrativo.
        case istruttoreAmministrativo = "istruttore_amministrativo"
        /// Operatore socio-sanitario (OSS).
        case operatoreSocioSanitario = "operatore_socio_sanitario"
        /// Mediatore culturale.
        case mediatoreCulturale = "mediatore_culturale"
        /// Animatore / animatrice.
        case animatore
        /// Any other profile, written explicitly as `altro` or `altro: …`.
        case altro
    }

    /// The profile.
    public let kind: Kind
    /// The contract a title of assistente sociale also names (``contract(inTitle:hints:)``),
    /// found when the text is read (its one normalisation).
    let contractInTitle: Contract.Kind?
    /// The share of full time the text states (`Assistente sociale part-time`), if any.
    let statedShare: Vocabulary.StatedShare?
    /// The profile as written in the input (trimmed), for reports.
    public let text: String

    /// The profile `text` names.
    ///
    /// - Throws: ``InvalidValue`` with ``DiagnosticCode/valoreVuoto`` for an empty text, or
    ///   ``DiagnosticCode/profiloSconosciuto`` (with the nearest known profile) for a text
    ///   outside the vocabulary, ``DiagnosticCode/fuoriMisura`` for a text longer than 1.000
    ///   characters.
    public init(_ text: String) throws(InvalidValue) {
        let normalized: String?
        (kind, self.text, normalized) = try Vocabulary.code(
            of: text, what: "profilo", empty: "profilo vuoto: scrivi assistente_sociale, un altro profilo oppure altro", altro: .altro,
            counting: .assistenteSociale, codes: Kind.codes, spellings: Self.spellings, unknownCode: .profiloSconosciuto,
            special: Self.socialWorkerTitle)
        guard let normalized else {
            (contractInTitle, statedShare) = (nil, nil)
            return
        }
        // The text's words looked at once for the lists.
        let hints = Vocabulary.hints(normalized)
        statedShare = Vocabulary.statedShare(normalized: normalized, written: self.text, hints: hints)
        contractInTitle = kind == .assistenteSociale ? Self.contract(inTitle: normalized, hints: hints)?.kind : nil
        // A title of assistente sociale with words of an absence or of service elsewhere.
        if kind == .assistenteSociale, let absence = Vocabulary.absence(in: normalized, hints: hints) {
            throw InvalidValue(
                .profiloSconosciuto,
                "profilo ambiguo: contiene «assistente sociale» ma anche «\(absence.word)»: \(absence.advice); scrivi solo il profilo (assistente_sociale) e le note nella colonna note (in JSON nella chiave \"note\")"
            )
        }
    }

    /// A title that names assistente sociale (`Assistente sociale coordinatore`): assistente
    /// sociale; nil for any other. A title that names another profile before it (`Psicologo
    /// (assistente sociale)`: the profile comes first in an Italian title, `Assistente sociale
    /// coordinatrice OSS` is one) or says the person is not, not yet or no longer one
    /// (``notSocialWorkerWords``: `non assistente sociale`, `ex assistente sociale`, `aspirante`,
    /// `tirocinante`) is an error: it would otherwise count a person who may not count.
    ///
    /// - Throws: ``InvalidValue`` with ``DiagnosticCode/profiloSconosciuto``.
    static func socialWorkerTitle(_ normalized: String) throws(InvalidValue) -> Kind? {
        // The usual case, the title alone in any case or spacing: nothing else to look at.
        if normalized == "assistente sociale" || normalized == "assistentesociale" { return .assistenteSociale }
        guard let title = Vocabulary.range(of: "assistente sociale", in: normalized) else { return nil }
        let other =
            Vocabulary.otherValue(in: normalized[..<title.lowerBound], besides: .assistenteSociale, entries: spellings)?.spelling
            ?? notSocialWorkerWords.first(where: { Vocabulary.containsWords(normalized, $0) })
        guard let other else { return .assistenteSociale }
        throw InvalidValue(
            .profiloSconosciuto,
            "profilo ambiguo: contiene «assistente sociale» ma anche «\(other)»; scrivi assistente_sociale se la persona è un assistente sociale in servizio, altrimenti il suo profilo (o altro: …), e le note nella colonna note (in JSON nella chiave \"note\")"
        )
    }

    /// Words that, beside «assistente sociale», say the person is not one, not yet or no longer
    /// (`non`, `ex` and `già` only just before it: `Assistente sociale area non autosufficienza`
    /// and `assistente sociale ex cat. D` are one). Leaving the service (`non in servizio`, `in
    /// quiescenza`, `cessata`) is in ``Vocabulary/absenceWords``, with what to do instead.
    static let notSocialWorkerWords = [
        "non assistente sociale", "non e assistente sociale", "non piu", "ex assistente sociale", "gia assistente sociale",
        "aspirante", "tirocinante", "praticante", "stagista", "studente", "studentessa", "volontario", "volontaria",
    ]

    /// The profile of `kind`, written as its code.
    public init(kind: Kind) {
        self.kind = kind
        self.text = kind.rawValue
        contractInTitle = nil
        statedShare = nil
    }

    /// The contract the normalised title names (`assistente sociale td`: «td», tempo
    /// determinato; the longest spelling, so `non di ruolo` is not `di ruolo`), if any.
    static func contract(inTitle normalized: String, hints: Vocabulary.WordHints) -> (spelling: String, kind: Contract.Kind)? {
        guard hints.contains(.contract) else { return nil }
        return Vocabulary.contractSpellingsInTitles.filter { Vocabulary.containsWords(normalized, $0.spelling) }
            .max { $0.spelling.count < $1.spelling.count }.map { ($0.spelling, $0.code) }
    }

    /// Checks the profile against the person's `contract` (docs/regole.md, «Vocabolario»): a
    /// title that names a contract counting otherwise (`Assistente sociale TD` beside
    /// tempo_indeterminato, `Assistente sociale di ruolo` beside tempo_determinato) would count or
    /// exclude the person on one of two contradicting words.
    ///
    /// - Throws: ``InvalidValue`` with ``DiagnosticCode/profiloSconosciuto``, naming both.
    func check(against contract: Contract) throws(InvalidValue) {
        guard let kind = contractInTitle, (kind == .tempoIndeterminato) != contract.isPermanent,
            case let normalized = Vocabulary.normalized(text), let named = Self.contract(inTitle: normalized, hints: Vocabulary.hints(normalized))
        else { return }
        throw InvalidValue(
            .profiloSconosciuto,
            "profilo ambiguo «\(TextSafety.shortened(text))»: indica anche un contratto, «\(named.spelling)» (\(named.kind.rawValue)), diverso dal contratto «\(TextSafety.shortened(contract.text))» (\(contract.kind.rawValue)); scrivi il contratto solo nella sua colonna e nel profilo solo il profilo"
        )
    }

    /// What the profile says: its kind, the contract its title names and the share it states
    /// (two rows of a person agree when these do).
    var meaning: Meaning { Meaning(kind: kind, contractInTitle: contractInTitle, statedShare: statedShare) }

    /// What a profile says (``meaning``).
    struct Meaning: Equatable {
        let kind: Kind
        let contractInTitle: Contract.Kind?
        let statedShare: Vocabulary.StatedShare?
    }

    /// Assistente sociale.
    public static let socialWorker = Profile(kind: .assistenteSociale)

    /// Whether the profile is assistente sociale (docs/regole.md §2, rule 1).
    public var isSocialWorker: Bool { kind == .assistenteSociale }

    /// The text as written.
    public var description: String { text }

    /// Profiles are equal when they are of the same kind (the spelling is the source's).
    public static func == (lhs: Profile, rhs: Profile) -> Bool { lhs.kind == rhs.kind }
    /// Hashes the kind.
    public func hash(into hasher: inout Hasher) { hasher.combine(kind) }

    private static let spellings: [(spelling: String, code: Kind)] = [
        ("educatore", .educatore), ("educatrice", .educatore),
        ("educatore professionale", .educatoreProfessionale), ("educatrice professionale", .educatoreProfessionale),
        ("psicologo", .psicologo), ("psicologa", .psicologo), ("psicoterapeuta", .psicologo),
        ("sociologo", .sociologo), ("sociologa", .sociologo), ("pedagogista", .pedagogista),
        ("amministrativo", .amministrativo), ("amministrativa", .amministrativo),
        ("istruttore amministrativo", .istruttoreAmministrativo), ("istruttrice amministrativa", .istruttoreAmministrativo),
        ("operatore socio sanitario", .operatoreSocioSanitario), ("operatrice socio sanitaria", .operatoreSocioSanitario),
        ("oss", .operatoreSocioSanitario), ("mediatore culturale", .mediatoreCulturale), ("mediatrice culturale", .mediatoreCulturale),
        ("mediatore interculturale", .mediatoreCulturale), ("mediatrice interculturale", .mediatoreCulturale),
        ("animatore", .animatore), ("animatrice", .animatore),
        // Other profiles of the public service, not assistente sociale: before the title they
        // make it ambiguous (`Dirigente (assistente sociale)`: a trial); alone, excluded.
        ("dirigente", .altro), ("segretario comunale", .altro), ("segretaria comunale", .altro), ("infermiere", .altro), ("infermiera", .altro),
        ("coordinatore pedagogico", .altro), ("coordinatrice pedagogica", .altro), ("mediatore familiare", .altro), ("mediatrice familiare", .altro),
    ]
}

/// A person's contract (`contratto`, docs/regole.md §2): only tempo indeterminato counts.
///
/// `tempo_indeterminato` and its usual forms (`T.I.`, `TI`, `a tempo indeterminato`,
/// `indeterminato`, `di ruolo`) count; `tempo_determinato` and a documented list
/// (somministrazione, incarico, co.co.co., libera professione, tirocinio, servizio civile,
/// `altro`) are excluded with ``ExclusionReason/contrattoNonATempoIndeterminato``; anything else is an
/// ``InvalidValue``.
public struct Contract: Sendable, Hashable, CustomStringConvertible {
    /// The contracts the vocabulary knows.
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        /// The codes, matched on their bytes.
        static let codes = CodeTable<Kind>()

        /// Tempo indeterminato: the only contract that counts.
        case tempoIndeterminato = "tempo_indeterminato"
        /// Tempo determinato.
        case tempoDeterminato = "tempo_determinato"
        /// Somministrazione (lavoro interinale).
        case somministrazione
        /// Incarico (also art. 110 TUEL).
        case incarico
        /// Collaborazione coordinata e continuativa.
        case cococo
        /// Libera professione (partita IVA).
        case liberaProfessione = "libera_professione"
        /// Tirocinio.
        case tirocinio
        /// Servizio civile.
        case servizioCivile = "servizio_civile"
        /// Any other contract, written explicitly as `altro` or `altro: …`.
        case altro
    }

    /// The contract.
    public let kind: Kind
    /// The share of full time the text states (`tempo indeterminato part time`), found when it is read.
    let statedShare: Vocabulary.StatedShare?
    /// The contract as written in the input (trimmed), for reports.
    public let text: String

    /// The contract `text` names.
    ///
    /// - Throws: ``InvalidValue`` with ``DiagnosticCode/valoreVuoto`` for an empty text, or
    ///   ``DiagnosticCode/contrattoSconosciuto`` (with the nearest known contract) for a text
    ///   outside the vocabulary, ``DiagnosticCode/fuoriMisura`` for a text longer than 1.000
    ///   characters.
    public init(_ text: String) throws(InvalidValue) {
        let normalized: String?
        (kind, self.text, normalized) = try Vocabulary.code(
            of: text, what: "contratto", empty: "contratto vuoto: scrivi tempo_indeterminato, un altro contratto oppure altro", altro: .altro,
            counting: .tempoIndeterminato, codes: Kind.codes, spellings: Self.spellings, unknownCode: .contrattoSconosciuto)
        guard let normalized else {
            statedShare = nil
            return
        }
        let hints = Vocabulary.hints(normalized)
        statedShare = Vocabulary.statedShare(normalized: normalized, written: self.text, hints: hints)
        // A contract that counts, with words of an absence (`tempo indeterminato - aspettativa`).
        if kind == .tempoIndeterminato, let absence = Vocabulary.absence(in: normalized, hints: hints) {
            throw InvalidValue(
                .contrattoSconosciuto,
                "contratto ambiguo «\(TextSafety.shortened(self.text))»: contiene anche «\(absence.word)»: \(absence.advice); scrivi solo il contratto (tempo_indeterminato) e le note nella colonna note (in JSON nella chiave \"note\")"
            )
        }
        // A contract that counts, with words that do not describe it (`indeterminato da
        // stabilizzare`, `indeterminato dal 2026`, `indeterminato?`: counted with no word, a trial).
        if kind == .tempoIndeterminato, let rest = Vocabulary.matchWithRest(normalized, in: Self.spellings, prefixes: true)?.rest,
            let unknown = Self.wordsNotDescribing(rest)
        {
            throw InvalidValue(
                .contrattoSconosciuto,
                "contratto ambiguo «\(TextSafety.shortened(self.text))»: dopo «\(String(normalized.dropLast(rest.count)).trimmingSpaces)» ci sono parole o segni che non descrivono il contratto («\(TextSafety.shortened(unknown))»): se la persona è oggi a tempo indeterminato scrivi solo tempo_indeterminato, altrimenti il suo contratto; date e note vanno nelle colonne dal, al e note (in JSON nelle chiavi dei periodi e \"note\")"
            )
        }
    }

    /// The words after a contract that counts which may describe it: its share of full time
    /// (`part time`, `18 ore`, `24/36`), its wordings (`di ruolo`, `contratto`), a role held
    /// with it (`con incarico EQ`), the mobility it came by (`mobilità ex art. 30`); numbers and
    /// the marks between words (`( ) , : ; % +`) too, and `al` (`al 50%`).
    private static let describingWords: Set<Substring> = [
        "part", "time", "parttime", "full", "fulltime", "tempo", "pieno", "parziale", "pt", "ft", "orario", "ridotto", "orizzontale",
        "verticale", "misto", "ore", "h", "settimanali", "settimanale", "su", "ti", "tind", "ruolo", "di", "indeterminato", "a", "e", "ed",
        "con", "contratto", "lavoro", "rapporto", "dipendente", "personale", "in", "incarico", "eq", "po", "posizione", "organizzativa",
        "elevata", "qualificazione", "coordinamento", "responsabile", "coordinatore", "coordinatrice", "mobilita", "ex", "art", "articolo",
        "dlgs", "d", "lgs", "entrata", "ingresso", "ccnl", "funzioni", "locali", "comparto", "al",
        // A regression trial: the wordings of a permanent post (mobilità volontaria, the health
        // sector's CCNL, the old local one, a category or area, a competition won).
        "volontaria", "volontario", "sanita", "socio", "sanitario", "sanitaria", "sociosanitario", "sociosanitaria", "regioni", "autonomie",
        "enti", "cat", "categoria", "area", "funzionari", "funzionario", "funzionaria", "titolare", "dei", "della", "vincitrice", "vincitore",
        "concorso", "stabilizzata", "stabilizzato", "legge", "l",
    ]

    /// The words after which a year describes a permanent contract (a law: `D.Lgs. 165/2001`);
    /// elsewhere a year beside it (`indeterminato al 2026`) says when, which the dates say.
    private static let lawWords: Set<Substring> = ["art", "articolo", "dlgs", "lgs", "legge", "l", "ccnl"]

    /// The words of `rest` (what follows a contract that counts, normalised) when one of them is
    /// not among ``describingWords`` nor a number, or `rest` holds a mark other than those
    /// between words (`?`: a contract in doubt); nil when every word describes the contract.
    static func wordsNotDescribing(_ rest: Substring) -> String? {
        let marks: Set<Character> = [" ", "(", ")", "[", "]", ",", ":", ";", "%", "+", "&"]
        guard rest.allSatisfy({ $0.isLetter || $0.isNumber || marks.contains($0) }) else { return String(rest).trimmingSpaces }
        let words = rest.split { marks.contains($0) }
        // A number, alone or with its unit of hours (`18h`, `30ore`).
        func isFigure(_ word: Substring) -> Bool {
            let unit = word.drop(while: \.isNumber)
            return unit.count < word.count && ["", "h", "hh", "ore"].contains(unit)
        }
        let isYear = { (word: Substring) in word.count == 4 && word.allSatisfy(\.isNumber) && Bounds.dateYears.contains(Int(word) ?? 0) }
        let yearWithoutLaw = words.contains(where: isYear) && !words.contains(where: lawWords.contains)
        return !yearWithoutLaw && words.allSatisfy { describingWords.contains($0) || isFigure($0) } ? nil : String(rest).trimmingSpaces
    }

    /// The contract of `kind`, written as its code.
    public init(kind: Kind) {
        self.kind = kind
        self.text = kind.rawValue
        statedShare = nil
    }

    /// What the contract says: its kind and the share it states (two rows of a person agree
    /// when these do).
    var meaning: Meaning { Meaning(kind: kind, statedShare: statedShare) }

    /// What a contract says (``meaning``).
    struct Meaning: Equatable {
        let kind: Kind
        let statedShare: Vocabulary.StatedShare?
    }

    /// Tempo indeterminato.
    public static let permanent = Contract(kind: .tempoIndeterminato)

    /// Whether the contract is a tempo indeterminato (docs/regole.md §2, rule 2).
    public var isPermanent: Bool { kind == .tempoIndeterminato }

    /// The text as written.
    public var description: String { text }

    /// Contracts are equal when they are of the same kind.
    public static func == (lhs: Contract, rhs: Contract) -> Bool { lhs.kind == rhs.kind }
    /// Hashes the kind.
    public func hash(into hasher: inout Hasher) { hasher.combine(kind) }

    fileprivate static let spellings: [(spelling: String, code: Kind)] = [
        ("tempo indeterminato", .tempoIndeterminato), ("a tempo indeterminato", .tempoIndeterminato), ("indeterminato", .tempoIndeterminato),
        ("ti", .tempoIndeterminato), ("tind", .tempoIndeterminato), ("di ruolo", .tempoIndeterminato), ("ruolo", .tempoIndeterminato),
        ("tempo determinato", .tempoDeterminato), ("a tempo determinato", .tempoDeterminato), ("determinato", .tempoDeterminato),
        ("td", .tempoDeterminato), ("somministrazione", .somministrazione), ("somministrato", .somministrazione),
        ("somministrata", .somministrazione), ("interinale", .somministrazione), ("lavoro interinale", .somministrazione),
        ("incarico", .incarico), ("incarico professionale", .incarico), ("art 110", .incarico), ("art110", .incarico),
        ("incarico art 110", .incarico), ("incarico art110", .incarico), ("tempo det", .tempoDeterminato), ("a termine", .tempoDeterminato),
        ("contratto a termine", .tempoDeterminato), ("piva", .liberaProfessione), ("p iva", .liberaProfessione),
        ("cococo", .cococo), ("co co co", .cococo), ("cocopro", .cococo), ("collaborazione coordinata e continuativa", .cococo),
        ("libera professione", .liberaProfessione), ("libero professionista", .liberaProfessione), ("libera professionista", .liberaProfessione),
        ("partita iva", .liberaProfessione), ("tirocinio", .tirocinio), ("tirocinante", .tirocinio), ("stage", .tirocinio),
        ("servizio civile", .servizioCivile), ("servizio civile universale", .servizioCivile),
        // Art. 90 TUEL (uffici di staff degli organi politici): contracts a tempo determinato.
        ("art 90", .tempoDeterminato), ("art90", .tempoDeterminato), ("non di ruolo", .tempoDeterminato), ("precario", .tempoDeterminato),
        ("precaria", .tempoDeterminato), ("supplente", .tempoDeterminato), ("supplenza", .tempoDeterminato), ("sostituzione", .tempoDeterminato),
        ("in sostituzione", .tempoDeterminato), ("sostituzione maternita", .tempoDeterminato), ("sostituzione di maternita", .tempoDeterminato),
        ("a progetto", .cococo), ("contratto a progetto", .cococo),
        // The wordings of contracts and calls (a trial: «a tempo pieno e indeterminato» was refused).
        ("tempo pieno e indeterminato", .tempoIndeterminato), ("a tempo pieno e indeterminato", .tempoIndeterminato),
        ("tempo pieno indeterminato", .tempoIndeterminato), ("tempo parziale e indeterminato", .tempoIndeterminato),
        ("a tempo parziale e indeterminato", .tempoIndeterminato), ("part time indeterminato", .tempoIndeterminato),
        ("part time a tempo indeterminato", .tempoIndeterminato), ("full time indeterminato", .tempoIndeterminato),
        ("full time a tempo indeterminato", .tempoIndeterminato), ("contratto a tempo indeterminato", .tempoIndeterminato),
        ("contratto di lavoro a tempo indeterminato", .tempoIndeterminato), ("rapporto di lavoro a tempo indeterminato", .tempoIndeterminato),
        ("dipendente a tempo indeterminato", .tempoIndeterminato), ("dipendente di ruolo", .tempoIndeterminato),
        ("personale di ruolo", .tempoIndeterminato), ("in ruolo", .tempoIndeterminato), ("contratto a tempo determinato", .tempoDeterminato),
        ("tempo pieno e determinato", .tempoDeterminato), ("a tempo pieno e determinato", .tempoDeterminato),
    ]
}

extension Profile: Codable {
    /// Decodes from the text as written, through the vocabulary.
    ///
    /// - Throws: `DecodingError.dataCorrupted` for a value outside the vocabulary.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        self = try DecodingError.validating(container.codingPath) { () throws(InvalidValue) in try Profile(text) }
    }

    /// Encodes the text as written.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}

extension Contract: Codable {
    /// Decodes from the text as written, through the vocabulary.
    ///
    /// - Throws: `DecodingError.dataCorrupted` for a value outside the vocabulary.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        self = try DecodingError.validating(container.codingPath) { () throws(InvalidValue) in try Contract(text) }
    }

    /// Encodes the text as written.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
