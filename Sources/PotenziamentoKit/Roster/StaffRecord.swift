/// The kind of employer of a staff record (`ente.tipo`), per Nota 908/2023 and RULES.md §2.
public enum EmployerKind: String, Sendable, Hashable, CaseIterable {
    /// A comune of the ATS (`codiceIstat` required).
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
    /// Azienda sanitaria locale: counts only with `delegaFunzioni` or `costoRimborsato` (RULES.md §2, rule 5).
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
}

/// The employer of a staff record.
public struct Employer: Sendable, Hashable {
    /// The kind of body.
    public var kind: EmployerKind
    /// The ISTAT code of the comune, for `comune` (and optionally `comune_capofila`).
    public var istatCode: String?
    /// For an ASL: the comuni delegated the socio-assistential function to it.
    public var delegatedFunctions: Bool
    /// For an ASL: the cost is borne by an ATS entity (comando / assegnazione funzionale, FAQ 1).
    public var costReimbursed: Bool

    /// An employer.
    public init(kind: EmployerKind, istatCode: String? = nil, delegatedFunctions: Bool = false, costReimbursed: Bool = false) {
        self.kind = kind
        self.istatCode = istatCode
        self.delegatedFunctions = delegatedFunctions
        self.costReimbursed = costReimbursed
    }
}

/// A period of service (`dal`, `al` inclusive) at a share of a full-time contract.
public struct ServicePeriod: Sendable, Hashable {
    /// First day.
    public var start: CivilDate
    /// Last day, or nil when open-ended.
    public var end: CivilDate?
    /// The share of a full-time contract in percent, 0 < p ≤ 100 (at most 4 decimals).
    public var percentage: Fraction
    /// Where it was read.
    public var place: SourcePlace

    /// A period.
    public init(start: CivilDate, end: CivilDate?, percentage: Fraction, place: SourcePlace) {
        self.start = start
        self.end = end
        self.percentage = percentage
        self.place = place
    }
}

/// The five aree di attività of the prospetto (seed 000; RULES.md §3).
public enum ActivityArea: String, Sendable, Hashable, CaseIterable {
    /// Segretariato sociale.
    case segretariatoSociale = "segretariato_sociale"
    /// Servizio sociale professionale.
    case servizioSocialeProfessionale = "servizio_sociale_professionale"
    /// Famiglia, minori, anziani autosufficienti.
    case famigliaMinoriAnzianiAutosufficienti = "famiglia_minori_anziani_autosufficienti"
    /// Persone con disabilità, non autosufficienza.
    case disabilitaNonAutosufficienza = "disabilita_non_autosufficienza"
    /// Povertà, disagio adulti (dipendenze, salute mentale).
    case povertaDisagioAdulti = "poverta_disagio_adulti"

    /// The position of the area in `allCases`.
    public var index: Int {
        switch self {
        case .segretariatoSociale: 0
        case .servizioSocialeProfessionale: 1
        case .famigliaMinoriAnzianiAutosufficienti: 2
        case .disabilitaNonAutosufficienza: 3
        case .povertaDisagioAdulti: 4
        }
    }

    /// The key of FTE with no split (`non_indicata`).
    public static let unspecifiedKey = "non_indicata"

    /// Italian label.
    public var label: String {
        switch self {
        case .segretariatoSociale: "Segretariato sociale"
        case .servizioSocialeProfessionale: "Servizio sociale professionale"
        case .famigliaMinoriAnzianiAutosufficienti: "Famiglia, minori, anziani autosufficienti"
        case .disabilitaNonAutosufficienza: "Disabilità, non autosufficienza"
        case .povertaDisagioAdulti: "Povertà, disagio adulti"
        }
    }
}

/// One staff record of the roster: a person, their contract, employer, periods and area split.
public struct StaffRecord: Sendable, Hashable {
    /// The person's id (unique in the roster).
    public var id: String
    /// The profile; only `assistente_sociale` counts.
    public var profile: String
    /// The contract; only `tempo_indeterminato` counts.
    public var contract: String
    /// The employer.
    public var employer: Employer
    /// Periods of service (not overlapping).
    public var periods: [ServicePeriod]
    /// Percent of the person's time per area, summing to 100; empty when not indicated.
    public var areas: [ActivityArea: Fraction]
    /// Whether the person actually works in the territorial social services (default true).
    public var employedInTerritorialServices: Bool
    /// Where it was read.
    public var place: SourcePlace

    /// A staff record.
    public init(
        id: String, profile: String, contract: String, employer: Employer, periods: [ServicePeriod],
        areas: [ActivityArea: Fraction] = [:], employedInTerritorialServices: Bool = true, place: SourcePlace
    ) {
        self.id = id
        self.profile = profile
        self.contract = contract
        self.employer = employer
        self.periods = periods
        self.areas = areas
        self.employedInTerritorialServices = employedInTerritorialServices
        self.place = place
    }

    /// The profile code that counts.
    public static let socialWorkerProfile = "assistente_sociale"
    /// The contract code that counts.
    public static let permanentContract = "tempo_indeterminato"
}

/// The roster of one ATS: the ambito, its comuni and its staff records.
public struct Roster: Sendable, Hashable {
    /// The ATS.
    public var ambito: Ambito
    /// Its comuni.
    public var municipalities: [Municipality]
    /// Its staff records.
    public var staff: [StaffRecord]
    /// The input it was read from (file or folder), for messages.
    public var source: String

    /// A roster.
    public init(ambito: Ambito, municipalities: [Municipality], staff: [StaffRecord], source: String) {
        self.ambito = ambito
        self.municipalities = municipalities
        self.staff = staff
        self.source = source
    }
}
