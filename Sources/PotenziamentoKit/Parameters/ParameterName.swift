/// The legal parameters of the measure (L. 178/2020, art. 1, commi 797-804).
///
/// The raw values are the names used on the command line (`--parametro importoFasciaA=45000@2027`)
/// and in `potenziamento parametri`.
public enum ParameterName: String, Sendable, CaseIterable, Hashable, Comparable, Codable {
    /// Euro per FTE above 1/6.500 and up to 1/5.000 (comma 797, lett. a): 40.000 €.
    case importoFasciaA
    /// Euro per FTE above 1/5.000 and up to 1/4.000 (comma 797, lett. b): 20.000 €.
    case importoFasciaB
    /// Residents per social worker of the soglia minima (comma 797): 6.500.
    case rapportoSogliaMinima
    /// Residents per social worker of the LEP (comma 797; L. 328/2000 art. 8): 5.000.
    case rapportoLEP
    /// Residents per social worker of the obiettivo di servizio (comma 797): 4.000.
    case rapportoObiettivo
    /// The yearly fund available for the contributions (Fondo Povertà, quota servizi): 180 M€.
    case fondoAnnuo
    /// Deadline of the prospetto riassuntivo in the campaign year (comma 798): 28 February.
    case scadenzaProspetto
    /// Deadline of the liquidation/prenotazione decree in the campaign year: 30 June.
    case scadenzaDecreto

    /// The unit the values of this parameter are expressed in.
    public var unit: ParameterUnit {
        switch self {
        case .importoFasciaA, .importoFasciaB, .fondoAnnuo: .euro
        case .rapportoSogliaMinima, .rapportoLEP, .rapportoObiettivo: .residentsPerSocialWorker
        case .scadenzaProspetto, .scadenzaDecreto: .dayOfYear
        }
    }

    /// Italian label for reports.
    public var label: String {
        switch self {
        case .importoFasciaA: "Importo per FTE, fascia A (dalla soglia minima al LEP)"
        case .importoFasciaB: "Importo per FTE, fascia B (dal LEP all'obiettivo)"
        case .rapportoSogliaMinima: "Soglia minima (abitanti per assistente sociale)"
        case .rapportoLEP: "LEP (abitanti per assistente sociale)"
        case .rapportoObiettivo: "Obiettivo di servizio (abitanti per assistente sociale)"
        case .fondoAnnuo: "Risorse annue disponibili (Fondo Povertà, quota servizi)"
        case .scadenzaProspetto: "Scadenza del prospetto riassuntivo"
        case .scadenzaDecreto: "Scadenza del decreto di liquidazione e prenotazione"
        }
    }

    /// Orders as in `allCases` (the order of the table in reports).
    public static func < (lhs: ParameterName, rhs: ParameterName) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
}

/// The unit of a legal parameter.
public enum ParameterUnit: String, Sendable, Hashable, Codable {
    /// An amount of money (euro, stored in cents).
    case euro
    /// A ratio written as residents per one social worker.
    case residentsPerSocialWorker
    /// A day of the year (month and day), for deadlines.
    case dayOfYear

    /// Italian name of the unit.
    public var label: String {
        switch self {
        case .euro: "euro"
        case .residentsPerSocialWorker: "abitanti per AS"
        case .dayOfYear: "giorno dell'anno"
        }
    }
}

/// The value of a legal parameter, in its unit.
public enum ParameterValue: Sendable, Hashable, Codable, CustomStringConvertible {
    /// An amount of money.
    case money(EuroCents)
    /// Residents per social worker (a ratio 1/n).
    case residentsPerSocialWorker(Int)
    /// A day of the year.
    case dayOfYear(month: Int, day: Int)

    /// The unit of this value.
    public var unit: ParameterUnit {
        switch self {
        case .money: .euro
        case .residentsPerSocialWorker: .residentsPerSocialWorker
        case .dayOfYear: .dayOfYear
        }
    }

    private enum Case: String, CodingKey { case money, residentsPerSocialWorker, dayOfYear }
    private enum Payload: String, CodingKey { case value = "_0", month, day }

    /// Decodes the form the encoder writes (`{"residentsPerSocialWorker": {"_0": 5000}}`), whole
    /// numbers exactly: `4999.99999999999999` is not read as 5.000.
    ///
    /// - Throws: `DecodingError` for a form with no case or more than one, or a number that is not
    ///   exactly an integer (the values are checked where a table or an override is made).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Case.self)
        guard container.allKeys.count == 1, let which = container.allKeys.first else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: container.codingPath, debugDescription: "un valore di parametro ha una sola forma: money, residentsPerSocialWorker o dayOfYear")
            )
        }
        let payload = try container.nestedContainer(keyedBy: Payload.self, forKey: which)
        switch which {
        case .money: self = .money(try payload.decode(EuroCents.self, forKey: .value))
        case .residentsPerSocialWorker: self = .residentsPerSocialWorker(try payload.decodeExactInteger(forKey: .value))
        case .dayOfYear: self = .dayOfYear(month: try payload.decodeExactInteger(forKey: .month), day: try payload.decodeExactInteger(forKey: .day))
        }
    }

    /// Italian text form: `40.000,00 €`, `1/6.500`, `28 febbraio`.
    public var description: String {
        switch self {
        case .money(let amount): NumberFormatting.euro(amount)
        case .residentsPerSocialWorker(let residents): "1/\(NumberFormatting.italian(residents))"
        case .dayOfYear(let month, let day): "\(day) \(ItalianMonths.name(month))"
        }
    }
}

/// Italian month names, for dates written in words.
package enum ItalianMonths {
    static let names = [
        "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno",
        "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre",
    ]

    /// The Italian name of `month` (1...12).
    package static func name(_ month: Int) -> String { (1...12).contains(month) ? names[month - 1] : "?" }
}
