/// The kind of employer of a staff record (`ente.tipo`, `ente_tipo`), per Nota 908/2023 and
/// docs/regole.md §2.
public enum EmployerKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// The codes, matched on their bytes.
    static let codes = CodeTable<EmployerKind>()

    /// A comune of the ATS (its ISTAT code required).
    case comune
    /// The ATS itself.
    case ambito
    /// Unione di comuni (art. 32 TUEL).
    case unioneDiComuni = "unione_di_comuni"
    /// Comunità montana (artt. 27-29 TUEL).
    case comunitaMontana = "comunita_montana"
    /// Azienda speciale.
    case aziendaSpeciale = "azienda_speciale"
    /// Azienda servizi alla persona (ASP).
    case asp
    /// Organismo strumentale del comune.
    case organismoStrumentale = "organismo_strumentale"
    /// Comune capofila in convenzione (art. 30 TUEL).
    case comuneCapofila = "comune_capofila"
    /// Consorzio for socio-assistential services.
    case consorzio
    /// Società della salute.
    case societaDellaSalute = "societa_della_salute"
    /// Azienda speciale consortile servizi alla persona.
    case aziendaSpecialeConsortile = "azienda_speciale_consortile"
    /// Azienda sanitaria locale: counts only with `delegaFunzioni` or `costoRimborsato` (docs/regole.md §2, rule 5).
    case asl
    /// A private body working under appalto: never counts (Nota 908/2023).
    case privatoAppalto = "privato_appalto"
    /// A Terzo settore body working under appalto: never counts (Nota 908/2023).
    case terzoSettoreAppalto = "terzo_settore_appalto"

    /// Italian label.
    public var label: String {
        switch self {
        case .comune: "Comune"
        case .ambito: "Ambito territoriale"
        case .unioneDiComuni: "Unione di comuni"
        case .comunitaMontana: "Comunità montana"
        case .aziendaSpeciale: "Azienda speciale"
        case .asp: "Azienda servizi alla persona (ASP)"
        case .organismoStrumentale: "Organismo strumentale"
        case .comuneCapofila: "Comune capofila in convenzione"
        case .consorzio: "Consorzio"
        case .societaDellaSalute: "Società della salute"
        case .aziendaSpecialeConsortile: "Azienda speciale consortile"
        case .asl: "Azienda sanitaria locale (ASL)"
        case .privatoAppalto: "Ente privato in appalto"
        case .terzoSettoreAppalto: "Ente del Terzo settore in appalto"
        }
    }

    /// Whether staff of this employer belong to the ATS level (attributed to comuni by
    /// residents in the DM 15/2021 art. 2 split) rather than to a single comune.
    public var isAmbitoLevel: Bool { self != .comune && self != .privatoAppalto && self != .terzoSettoreAppalto }

    /// The kind `text` names: its code in any case, with spaces or hyphens for underscores and
    /// accents (`Unione di comuni`, `Società della salute`), or a usual synonym (`ATS`, `AUSL`).
    ///
    /// - Throws: ``InvalidValue`` with ``DiagnosticCode/valoreVuoto`` for an empty text, or
    ///   ``DiagnosticCode/enteSconosciuto`` with the nearest kind for any other text,
    ///   ``DiagnosticCode/fuoriMisura`` for a text longer than 1.000 characters.
    public init(parsing text: String) throws(InvalidValue) {
        if let exact = Self.codes.code(text) {
            self = exact
            return
        }
        try Vocabulary.checkLength(text, what: "tipo di ente")
        let normalized = Vocabulary.normalized(text)
        guard !normalized.isEmpty else { throw InvalidValue(.valoreVuoto, "tipo di ente vuoto") }
        guard let kind = Vocabulary.match(normalized, in: Self.spellings, prefixes: false) else {
            // «forse asp?» for an acronym of a health body would count it without a delega (a
            // trial): asp is suggested only for a text that speaks of services to persons.
            let codes = Self.allCases.map(\.rawValue)
            let aspUnlikely = !Vocabulary.containsWords(normalized, "persona")
            // Bodies named by their words, not by a kind (a consortium's trial: no suggestion).
            let hint: String? =
                Vocabulary.containsWords(normalized, "cooperativa") || Vocabulary.containsWords(normalized, "cooperative")
                ? "una cooperativa che lavora in appalto è terzo_settore_appalto, e non conta; un consorzio di comuni è consorzio"
                : Vocabulary.containsWords(normalized, "agenzia") && Vocabulary.containsWords(normalized, "salute")
                    ? "l'Agenzia di tutela della salute è un ente sanitario: asl, che conta solo con la delega"
                    : normalized.hasPrefix("ats ")
                        ? "se è l'ambito territoriale sociale scrivi ambito; se è l'Agenzia di tutela della salute, un ente sanitario, scrivi asl" : nil
            throw InvalidValue(
                .enteSconosciuto,
                Vocabulary.unknown(
                    "tipo di ente", text, codes: codes, hint: hint,
                    suggestion: { nearest in
                        nearest == EmployerKind.asp.rawValue && aspUnlikely
                            ? "un'azienda sanitaria è asl; un'azienda pubblica di servizi alla persona è asp" : "forse «\(nearest)»?"
                    }))
        }
        self = kind
    }

    private static let spellings: [(spelling: String, code: EmployerKind)] =
        allCases.map { (Vocabulary.normalized($0.rawValue), $0) } + [
            ("ambito territoriale", .ambito), ("ambito territoriale sociale", .ambito), ("ats", .ambito),
            ("unione dei comuni", .unioneDiComuni), ("unione", .unioneDiComuni), ("azienda servizi alla persona", .asp),
            ("azienda pubblica di servizi alla persona", .asp), ("capofila", .comuneCapofila), ("sds", .societaDellaSalute),
            ("azienda sanitaria locale", .asl), ("ausl", .asl), ("usl", .asl), ("azienda usl", .asl), ("ulss", .asl), ("azienda ulss", .asl),
            // Lombardy's aziende socio-sanitarie territoriali: health bodies, as an ASL (a trial:
            // «ASST» was told «forse asp?», a body that counts without a delega).
            ("asst", .asl), ("azienda socio sanitaria territoriale", .asl), ("azienda sanitaria", .asl), ("azienda sanitaria provinciale", .asl),
            // The regions' health bodies by their acronyms (a trial: «ASUR» was told «forse asp?»).
            ("asur", .asl), ("ast", .asl), ("asm", .asl), ("asfo", .asl), ("asugi", .asl), ("asufc", .asl), ("apss", .asl), ("asdaa", .asl),
            ("azienda ospedaliera", .asl), ("ao", .asl), ("aou", .asl), ("azienda ospedaliero universitaria", .asl),
            // The usual names of the bodies that manage the services (a trial).
            ("unione montana", .unioneDiComuni), ("unione montana dei comuni", .unioneDiComuni), ("unione di comuni montani", .unioneDiComuni),
            ("consorzio socio assistenziale", .consorzio), ("consorzio intercomunale", .consorzio), ("consorzio servizi sociali", .consorzio),
            ("ciss", .consorzio), ("azienda consortile", .aziendaSpecialeConsortile), ("asc", .aziendaSpecialeConsortile),
            ("azienda di servizi alla persona", .asp), ("istituzione", .organismoStrumentale), ("comune capofila in convenzione", .comuneCapofila),
            ("privato in appalto", .privatoAppalto),
            ("terzo settore in appalto", .terzoSettoreAppalto),
        ]
}

/// The employer of a staff record (docs/regole.md §2).
///
/// Valid by construction: a comune employer names its comune (its ISTAT code); the ASL flags are
/// kept only for an ASL (for other kinds they mean nothing, and readers warn when they are given).
/// That the comune belongs to the ATS is checked by ``Roster``.
public struct Employer: Sendable, Hashable, Codable {
    /// The kind of body.
    public let kind: EmployerKind
    /// The ISTAT code of the comune, for `comune` (and optionally `comune_capofila`); nil for
    /// any other kind (a code given for one is not kept).
    public let istatCode: String?
    /// For an ASL: the comuni delegated the socio-assistential function to it.
    public let delegatedFunctions: Bool
    /// For an ASL: the cost is borne by an ATS entity (comando / assegnazione funzionale, FAQ 1).
    public let costReimbursed: Bool

    /// An employer of `kind`.
    ///
    /// - Parameters:
    ///   - kind: the kind of body.
    ///   - istatCode: the ISTAT code of the comune (required for `comune`; empty means absent;
    ///     not kept for a kind other than `comune` and `comune_capofila`).
    ///   - delegatedFunctions: for an ASL, whether the function was delegated to it (ignored for other kinds).
    ///   - costReimbursed: for an ASL, whether an ATS entity bears the cost (ignored for other kinds).
    /// - Throws: ``InvalidValue`` with ``DiagnosticCode/codiceIstatMancante`` for a comune without its ISTAT code,
    ///   ``DiagnosticCode/codiceIstatNonValido`` for a comune's code that is not 1 to 6 digits,
    ///   ``DiagnosticCode/fuoriMisura`` for a comune's (or the capofila's) code with a line break
    ///   or too long.
    public init(kind: EmployerKind, istatCode: String? = nil, delegatedFunctions: Bool = false, costReimbursed: Bool = false) throws(InvalidValue) {
        // A code is kept, so checked, only where it is used (a comune, the comune capofila).
        let usesCode = kind == .comune || kind == .comuneCapofila
        let code = try istatCode.flatMap { text throws(InvalidValue) in usesCode ? try Bounds.label(text, what: "codice ISTAT dell'ente") : nil }
        if kind == .comune && (code ?? "").isEmpty {
            throw InvalidValue(.codiceIstatMancante, "per un dipendente di un comune serve il codice ISTAT del comune (ente_codice_istat)")
        }
        // The code of a comune as ``Municipality`` takes it: 1 to 6 digits (fewer is a warning, a
        // spreadsheet may have dropped a leading zero); a code of an unione or an ASL is ignored.
        if kind == .comune || kind == .comuneCapofila, let code, !code.isEmpty, code.utf8.count > 6 || !code.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            throw InvalidValue(
                .codiceIstatNonValido,
                "codice ISTAT del comune «\(TextSafety.shortened(code))» non valido: è un numero di 6 cifre, scritto come testo con gli zeri iniziali (per esempio 048001)\(IstatCodes.hiddenCharacterHint(code))"
            )
        }
        self.kind = kind
        // Kept only where it is used (a comune, the comune capofila), as the ASL flags: a code of
        // an unione or an ASL means nothing (readers warn, ``ignoredCodeWarning(kind:istatCode:)``).
        self.istatCode = (code?.isEmpty ?? true) ? nil : code
        self.delegatedFunctions = kind == .asl && delegatedFunctions
        self.costReimbursed = kind == .asl && costReimbursed
    }

    /// The warning when a reader is given an ISTAT code for a kind that has no comune (an unione,
    /// an ASL): the code is not used, so it is said, not dropped in silence; nil when the code is
    /// used (a comune, the comune capofila) or absent. The one rule of both readers.
    package static func ignoredCodeWarning(kind: EmployerKind, istatCode: String?) -> String? {
        guard kind != .comune, kind != .comuneCapofila, let code = istatCode?.trimmingSpaces, !code.isEmpty else { return nil }
        return
            "il codice ISTAT «\(code)» vale solo per un comune o per il comune capofila: per un ente di tipo \(kind.rawValue) è ignorato (conta a livello d'ambito)"
    }

    /// An employer of an ATS-level kind, with no comune.
    static func ambitoLevel(_ kind: EmployerKind) -> Employer {
        Employer(unchecked: kind)
    }

    private init(unchecked kind: EmployerKind) {
        self.kind = kind
        self.istatCode = nil
        self.delegatedFunctions = false
        self.costReimbursed = false
    }

    /// The key of the employer in reports: `comune:<codiceIstat>` for a comune, else the kind's code
    /// (`unione_di_comuni`, `asl`), as in the prospetto's `enti[].ente` (docs/formati.md).
    public var key: String {
        if kind == .comune, let istatCode { return Self.comuneKey(istatCode) }
        return kind.rawValue
    }

    /// `comune:<codiceIstat>`: the key of a comune in reports (``key``, the split's recipients,
    /// the prospetto's entities); the one place of its form. Joined, not interpolated: a key of
    /// up to 15 bytes (every ISTAT code) is a small string, made without an allocation.
    static func comuneKey(_ istatCode: String) -> String { comuneKeyPrefix + istatCode }

    /// The ISTAT code of a key made by ``comuneKey(_:)``, nil for the key of another kind.
    static func istatCode(ofComuneKey key: String) -> String? {
        key.hasPrefix(comuneKeyPrefix) ? String(key.dropFirst(comuneKeyPrefix.count)) : nil
    }

    private static let comuneKeyPrefix = "comune:"

    /// Whether the kind was written as an acronym that also names a health body in some regions
    /// (`ATS` for the ambito: in Lombardy the Agenzia di Tutela della Salute): said once per
    /// ATS of those regions (``Roster/warnings``), not for the code `ambito` written as such. Not
    /// part of equality, not encoded: how the kind was written, not what it is.
    package private(set) var writtenAsAcronym = false

    /// The same employer, noting whether its kind was written `text` as an acronym (`ATS`).
    package func written(as text: String) -> Employer {
        guard kind == .ambito else { return self }
        var copy = self
        copy.writtenAsAcronym = Vocabulary.normalized(text) == "ats"
        return copy
    }

    /// Employers are equal when their kind, code and flags are (not how the kind was written).
    public static func == (lhs: Employer, rhs: Employer) -> Bool {
        lhs.kind == rhs.kind && lhs.istatCode == rhs.istatCode && lhs.delegatedFunctions == rhs.delegatedFunctions
            && lhs.costReimbursed == rhs.costReimbursed
    }

    /// Hashes what equality compares.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(istatCode)
        hasher.combine(delegatedFunctions)
        hasher.combine(costReimbursed)
    }

    private enum CodingKeys: String, CodingKey { case kind, istatCode, delegatedFunctions, costReimbursed }

    /// Decodes an employer through the validating initialiser.
    ///
    /// - Throws: `DecodingError.dataCorrupted` for a comune without its code.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(EmployerKind.self, forKey: .kind)
        let code = try container.decodeIfPresent(String.self, forKey: .istatCode)
        let delegated = try container.decodeIfPresent(Bool.self, forKey: .delegatedFunctions) ?? false
        let reimbursed = try container.decodeIfPresent(Bool.self, forKey: .costReimbursed) ?? false
        self = try DecodingError.validating(container.codingPath) { () throws(InvalidValue) in
            try Employer(kind: kind, istatCode: code, delegatedFunctions: delegated, costReimbursed: reimbursed)
        }
    }
}

extension Employer {
    /// The warning on an ASL person who would count, with neither the delega nor the cost
    /// reimbursed written (docs/regole.md §2: without them the person does not count): the names
    /// of the columns (`csv`) or of the JSON keys.
    static func delegationNotStated(csv: Bool) -> String {
        let (delegation, reimbursed) = csv ? ("delega_funzioni", "costo_rimborsato") : ("delegaFunzioni", "costoRimborsato")
        return
            "ente asl senza \(delegation) né \(reimbursed): la persona non conta (un'assistente sociale dell'ASL conta solo se i comuni hanno delegato all'ASL le funzioni sociali, o se il suo costo è a carico di un ente dell'ambito); se è così scrivi sì in \(delegation) o in \(reimbursed), altrimenti scrivi no"
    }

    /// The warning on the delega and the cost reimbursed written for an employer other than an
    /// ASL (`kind` written `written`; `delegated`, `reimbursed` as read, nil when empty): the
    /// one rule of both readers (`csv`: column names, else JSON keys); nil when there is none.
    ///
    /// Written for `ATS` (read as the ambito) or an `asp`, any value is said: both acronyms also
    /// name a health body (the Lombard Agenzia di Tutela della Salute, the Sicilian Azienda
    /// Sanitaria Provinciale) that counts only with a delega (a trial: «ATS» with `no`, `no`
    /// counted 1 FTE and 23.549,62 € with no word, no region given). For another kind, a `sì` is
    /// said to be ignored.
    static func flagsWarning(kind: EmployerKind, written: String, delegated: Bool?, reimbursed: Bool?, csv: Bool) -> (
        code: DiagnosticCode, message: String
    )? {
        guard kind != .asl, delegated != nil || reimbursed != nil else { return nil }
        let (delegation, cost) = csv ? ("delega_funzioni", "costo_rimborsato") : ("delegaFunzioni", "costoRimborsato")
        let (acronym, health, counting): (String, String, String)
        switch kind {
        case .ambito where Vocabulary.normalized(written) == "ats":
            (acronym, health, counting) = ("ATS", "l'Agenzia (o Azienda) di Tutela della Salute", "l'ambito territoriale sociale")
        case .asp: (acronym, health, counting) = ("ASP", "l'Azienda Sanitaria Provinciale", "un'azienda pubblica di servizi alla persona")
        default:
            guard delegated == true || reimbursed == true else { return nil }
            return (.valoreIgnorato, "\(delegation) e \(cost) valgono solo per un ente di tipo asl: qui sono ignorati")
        }
        return (
            .siglaAmbigua,
            "ente «\(acronym)» con \(delegation) o \(cost) scritti, che valgono solo per l'ASL: se è \(health), un ente sanitario, indica asl (conta solo con la delega o il costo rimborsato); se è \(counting), lascia vuoti \(delegation) e \(cost)"
        )
    }
}
