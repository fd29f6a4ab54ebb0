import PotenziamentoKit

/// Parsing the changes of `simula` from the command line (`--assunzione dal=...,percentuale=...`)
/// and from a plan file (`--piano FILE`, CSV): both produce the same ``ScenarioChange`` values.
enum ScenarioOptions {
    /// The keys each kind of change takes: (required, optional).
    static let keys: [String: (required: [String], optional: [String])] = [
        "assunzione": (["dal", "ente"], ["percentuale", "al", "area", "id", "numero"]),
        "cessazione": (["id", "dal"], []),
        "variazione": (["id", "dal", "percentuale"], []),
        "residenti": (["comune", "anno", "popolazione"], []),
    ]

    /// `dal=2025-04-01,percentuale=50,5,ente=comune:048001` → keys and values. A piece without
    /// `=` continues the previous value (so `50,5` keeps its decimal comma).
    static func pairs(_ text: String, option: String) throws(CommandFailure) -> [String: String] {
        var result: [String: String] = [:]
        var lastKey: String?
        for piece in text.split(separator: ",", omittingEmptySubsequences: false) {
            if let equals = piece.firstIndex(of: "=") {
                let key = String(piece[..<equals]).trimmingCharacters()
                let value = String(piece[piece.index(after: equals)...])
                guard let allowed = keys[option], (allowed.required + allowed.optional).contains(key) else {
                    let all = keys[option].map { $0.required + $0.optional } ?? []
                    let suggestion = Suggestions.nearest(to: key, in: all).map { " Forse intendevi «\($0)»?" } ?? ""
                    throw .usage("--\(option): chiave sconosciuta «\(key)».\(suggestion) Chiavi ammesse: \(all.joined(separator: ", "))")
                }
                if result[key] != nil { throw .usage("--\(option): «\(key)» indicato due volte") }
                result[key] = value
                lastKey = key
            } else if let lastKey {
                result[lastKey, default: ""] += "," + piece
            } else {
                throw .usage("--\(option) «\(text)»: scrivi chiave=valore separati da virgole (es. dal=2025-04-01,percentuale=100,ente=comune:048001)")
            }
        }
        for key in keys[option]?.required ?? [] where result[key] == nil {
            throw .usage("--\(option) «\(text)»: manca «\(key)=...»")
        }
        return result
    }

    static func date(_ text: String, _ what: String) throws(CommandFailure) -> CivilDate {
        guard let date = CivilDate.parse(text.trimmingCharacters()) else {
            throw .data("\(what): data non valida o inesistente «\(text)» (scrivi AAAA-MM-GG oppure GG/MM/AAAA)")
        }
        return date
    }

    static func percentage(_ text: String, _ what: String) throws(CommandFailure) -> Fraction {
        var cleaned = text.trimmingCharacters()
        if cleaned.hasSuffix("%") { cleaned.removeLast() }
        guard case .success(let value) = DecimalParser.parseDecimal(cleaned, maximumDecimals: 4), value > .zero, value <= Fraction(100) else {
            throw .data("\(what): percentuale non valida «\(text)» (maggiore di 0 e al massimo 100, al più 4 decimali)")
        }
        return value
    }

    static func employer(_ text: String, _ what: String) throws(CommandFailure) -> Employer {
        let parts = text.trimmingCharacters().split(separator: ":", maxSplits: 1).map(String.init)
        guard let kindText = parts.first, let kind = EmployerKind(rawValue: kindText) else {
            let suggestion = Suggestions.nearest(to: parts.first ?? "", in: EmployerKind.allCases.map(\.rawValue)).map { " Forse intendevi «\($0)»?" } ?? ""
            throw .data("\(what): tipo di ente sconosciuto «\(text)».\(suggestion)")
        }
        if kind == .comune && parts.count < 2 { throw .data("\(what): per un comune scrivi ente=comune:CODICE_ISTAT") }
        // An ASL hire counts only with delega or cost borne by the ATS: a planned hire by an ASL is assumed delegated.
        return Employer(kind: kind, istatCode: parts.count > 1 ? parts[1] : nil, delegatedFunctions: kind == .asl)
    }

    /// The changes of one kind from its key-value pairs. `nextId` numbers the new persons.
    static func changes(kind: String, values: [String: String], what: String, nextId: inout Int) throws(CommandFailure) -> [ScenarioChange] {
        switch kind {
        case "assunzione":
            let start = try date(values["dal"]!, what)
            let end = try values["al"].map { text throws(CommandFailure) in try date(text, what) }
            if let end, end < start { throw .data("\(what): la data di fine precede l'inizio") }
            let share = try values["percentuale"].map { text throws(CommandFailure) in try Self.percentage(text, what) } ?? Fraction(100)
            let employer = try Self.employer(values["ente"]!, what)
            var areas: [ActivityArea: Fraction] = [:]
            if let areaText = values["area"] {
                guard let area = ActivityArea(rawValue: areaText.trimmingCharacters()) else {
                    let suggestion = Suggestions.nearest(to: areaText, in: ActivityArea.allCases.map(\.rawValue)).map { " Forse intendevi «\($0)»?" } ?? ""
                    throw .data("\(what): area sconosciuta «\(areaText)».\(suggestion)")
                }
                areas[area] = Fraction(100)
            }
            var count = 1
            if let numberText = values["numero"] {
                guard case .success(let number) = DecimalParser.parseInteger(numberText), (1...1_000).contains(number) else {
                    throw .data("\(what): numero di assunzioni non valido «\(numberText)» (da 1 a 1.000)")
                }
                count = number
            }
            if values["id"] != nil && count > 1 { throw .data("\(what): con numero maggiore di 1 non si può indicare un id") }
            return (0..<count).map { _ in
                nextId += 1
                return .hire(PlannedHire(id: values["id"] ?? "NUOVA-\(nextId)", start: start, end: end, percentage: share, employer: employer, areas: areas))
            }
        case "cessazione":
            return [.termination(id: values["id"]!.trimmingCharacters(), from: try date(values["dal"]!, what))]
        case "variazione":
            return [
                .percentageChange(
                    id: values["id"]!.trimmingCharacters(), from: try date(values["dal"]!, what), percentage: try percentage(values["percentuale"]!, what))
            ]
        default:
            guard case .success(let year) = DecimalParser.parseInteger(values["anno"]!), (1900...2200).contains(year) else {
                throw .data("\(what): anno non valido «\(values["anno"]!)»")
            }
            guard case .success(let residents) = DecimalParser.parseInteger(values["popolazione"]!), residents > 0,
                residents <= ContributionError.maximumPopulation
            else {
                throw .data("\(what): popolazione non valida «\(values["popolazione"]!)» (intero positivo)")
            }
            return [.residents(istatCode: values["comune"]!.trimmingCharacters(), year: year, residents: residents)]
        }
    }

    /// The plan file: `tipo;id;dal;al;percentuale;ente;area;numero;comune;anno;popolazione`,
    /// one change per row (empty cells where a column does not apply).
    static func plan(_ path: String, nextId: inout Int) throws(CommandFailure) -> [ScenarioChange] {
        let text: String
        do { text = try PlanFile.read(path) } catch { throw RosterInput.failure(error) }
        let separator = CSVParser.detectSeparator(text)
        let records: [CSVParser.Record]
        switch CSVParser.parse(text, separator: separator) {
        case .success(let parsed): records = parsed
        case .failure(let error): throw .data("\(path):\(error.line): \(error.message)")
        }
        guard let header = records.first else { throw .data("\(path): il piano è vuoto") }
        let columns = header.fields.map { $0.trimmingCharacters().lowercased() }
        let known = ["tipo", "id", "dal", "al", "percentuale", "ente", "area", "numero", "comune", "anno", "popolazione"]
        for column in columns where !known.contains(column) {
            throw .data("\(path):\(header.line): colonna sconosciuta «\(column)»; colonne ammesse: \(known.joined(separator: ", "))")
        }
        guard columns.contains("tipo") else { throw .data("\(path):\(header.line): manca la colonna «tipo»") }
        var changes: [ScenarioChange] = []
        for record in records.dropFirst() {
            guard record.fields.count == columns.count else {
                throw .data("\(path):\(record.line): la riga ha \(record.fields.count) campi, l'intestazione \(columns.count)")
            }
            var values: [String: String] = [:]
            for (column, value) in zip(columns, record.fields) where !value.trimmingCharacters().isEmpty { values[column] = value.trimmingCharacters() }
            guard let kind = values.removeValue(forKey: "tipo"), let allowed = keys[kind] else {
                throw .data("\(path):\(record.line): tipo di modifica non valido: usa assunzione, cessazione, variazione o residenti")
            }
            for key in values.keys.sorted() where !(allowed.required + allowed.optional).contains(key) {
                throw .data("\(path):\(record.line): la colonna «\(key)» non vale per «\(kind)»")
            }
            for key in allowed.required where values[key] == nil {
                throw .data("\(path):\(record.line): per «\(kind)» manca «\(key)»")
            }
            changes += try Self.changes(kind: kind, values: values, what: "\(path):\(record.line)", nextId: &nextId)
        }
        return changes
    }
}

/// Reading a plan file with the same decoding rules as the rosters.
enum PlanFile {
    static func read(_ path: String) throws(InputError) -> String {
        if !FileManagerShim.exists(path) {
            throw InputError(SourcePlace(file: path, position: .file), "file inesistente", isUnreadable: true)
        }
        return try RosterLoader.readText(path)
    }
}

extension String {
    /// Without surrounding spaces and tabs.
    func trimmingCharacters() -> String {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return String(text)
    }
}
