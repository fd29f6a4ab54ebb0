/// Why a staff record is not counted (docs/regole.md §2). The raw values are the reason codes of the
/// output contract (`esclusi[].motivo`).
public enum ExclusionReason: String, Sendable, Hashable, CaseIterable, Codable {
    /// The profile is not assistente sociale.
    case profiloNonAssistenteSociale = "profilo_non_assistente_sociale"
    /// The contract is not tempo indeterminato (tempo determinato, somministrazione, incarichi).
    case contrattoNonATempoIndeterminato = "contratto_non_a_tempo_indeterminato"
    /// Employed by a private body under appalto (Nota 908/2023).
    case entePrivatoInAppalto = "ente_privato_in_appalto"
    /// Employed by a Terzo settore body under appalto (Nota 908/2023).
    case enteTerzoSettoreInAppalto = "ente_terzo_settore_in_appalto"
    /// Employed by an ASL without delegation of the function nor cost borne by the ATS (FAQ 1).
    case aslSenzaDelega = "asl_senza_delega"
    /// Not actually employed in the territorial social services (DM 15/2021, art. 1).
    case nonImpiegatoNeiServiziTerritoriali = "non_impiegato_nei_servizi_territoriali"

    /// The reason in words (Italian).
    public var label: String {
        switch self {
        case .profiloNonAssistenteSociale: "il profilo non è di assistente sociale"
        case .contrattoNonATempoIndeterminato: "il contratto non è a tempo indeterminato"
        case .entePrivatoInAppalto: "dipendente di un ente privato che lavora in appalto"
        case .enteTerzoSettoreInAppalto: "dipendente di un ente del Terzo settore che lavora in appalto"
        case .aslSenzaDelega: "dipendente ASL senza delega della funzione socio-assistenziale né costo a carico dell'ambito"
        case .nonImpiegatoNeiServiziTerritoriali: "non impiegato nei servizi sociali territoriali"
        }
    }

    /// What the ATS can do about it (Italian).
    public var advice: String {
        switch self {
        case .profiloNonAssistenteSociale: "Conta solo il profilo di assistente sociale: verifica il profilo indicato."
        case .contrattoNonATempoIndeterminato:
            "Contano solo i contratti a tempo indeterminato: una stabilizzazione lo farebbe contare dalla data di assunzione."
        case .entePrivatoInAppalto, .enteTerzoSettoreInAppalto:
            "Il personale esternalizzato non conta (Nota 908/2023): conta solo se assunto dall'ambito o dai comuni."
        case .aslSenzaDelega:
            "Conta se i comuni hanno delegato la funzione all'ASL (delegaFunzioni) o se il costo è rimborsato dall'ambito (costoRimborsato, comando o assegnazione funzionale)."
        case .nonImpiegatoNeiServiziTerritoriali: "Conta solo chi lavora nei servizi sociali territoriali o nella loro organizzazione e programmazione."
        }
    }
}

/// The counting rule of docs/regole.md §2: a record counts iff all six conditions hold;
/// otherwise it is excluded with the first failing reason, in the order of
/// `ExclusionReason.allCases`.
enum Eligibility {
    /// The first reason `record` is excluded, or nil when it counts.
    static func exclusionReason(for record: StaffRecord) -> ExclusionReason? {
        if !record.profile.isSocialWorker { return .profiloNonAssistenteSociale }
        if !record.contract.isPermanent { return .contrattoNonATempoIndeterminato }
        if let reason = exclusionReason(for: record.employer) { return reason }
        if !record.employedInTerritorialServices { return .nonImpiegatoNeiServiziTerritoriali }
        return nil
    }

    /// The reason a person of `employer` is excluded whoever they are (a contractor, an ASL
    /// without the delega), or nil: the one rule on employers, for records and for the counted
    /// records of a decoded result (an integrator's trial decoded a contractor's FTE as counted).
    static func exclusionReason(for employer: Employer) -> ExclusionReason? {
        switch employer.kind {
        case .privatoAppalto: .entePrivatoInAppalto
        case .terzoSettoreAppalto: .enteTerzoSettoreInAppalto
        case .asl where !employer.delegatedFunctions && !employer.costReimbursed: .aslSenzaDelega
        default: nil
        }
    }
}
