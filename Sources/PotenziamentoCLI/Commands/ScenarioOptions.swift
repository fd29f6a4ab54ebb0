import PotenziamentoKit

/// Parsing the changes of `simula` from the command line (`--assunzione dal=...,percentuale=...`)
/// and from a plan file (`--piano FILE`, CSV): both produce the same ``ScenarioChange`` values.
enum ScenarioOptions {
    /// The keys each kind of change takes: (required, optional).
    static let keys = ScenarioPlan.keys

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
            throw .usage("\(what): data non valida o inesistente «\(text)» (scrivi AAAA-MM-GG oppure GG/MM/AAAA)")
        }
        return date
    }

    /// The changes of one kind from its key-value pairs (a bad value is a usage error, exit 64).
    static func changes(kind: String, values: [String: String], what: String, numbering: inout HireNumbering) throws(CommandFailure) -> [ScenarioChange] {
        do {
            return try ScenarioPlan.changes(kind: kind, values: values, numbering: &numbering)
        } catch {
            throw .usage("\(what): \(error)")
        }
    }

    /// The plan file (`--piano`): its changes, warnings and the errors of its rows not read; a
    /// failure when it cannot be read as a table.
    static func plan(_ path: String, numbering: inout HireNumbering) throws(CommandFailure) -> ScenarioPlan.Loaded {
        do {
            return try ScenarioPlan.load(path: path, numbering: &numbering)
        } catch {
            throw RosterInput.failure(error)
        }
    }

    /// Where a change of a scenario was written: an option (`--assunzione dal=…`) or a plan's row.
    enum Origin {
        case option(String)
        case row(SourcePlace)
    }

    /// Where the change an error of the scenario is about was written (`piano.csv:3 (colonna id)`,
    /// or the option), found by the id or the comune the error names; empty when none matches.
    /// `origins` says, for each of `changes`, where it was written; `idInRoster` whether a
    /// repeated new id is one of the roster's (then its first hire is wrong, else its second).
    /// With `position` (the change is known) no search is made.
    static func origin(of error: ScenarioError, in changes: [ScenarioChange], origins: [Origin], idInRoster: Bool = false, at position: Int? = nil) -> String {
        func about(_ change: ScenarioChange) -> Bool {
            switch (error, change) {
            case (.unknownPerson(let id), .termination(let changed, _)), (.unknownPerson(let id), .shareChange(let changed, _, _)):
                return changed == id
            // The change of that person from that day (a variazione after a cessazione is the variazione's mistake).
            case (.noServiceAfter(let id, let date), .termination(let changed, let from)),
                (.noServiceAfter(let id, let date), .shareChange(let changed, let from, _)),
                (.sameDayChanges(let id, let date), .termination(let changed, let from)),
                (.sameDayChanges(let id, let date), .shareChange(let changed, let from, _)),
                (.beforeStart(let id, let date, _), .termination(let changed, let from)),
                (.beforeStart(let id, let date, _), .shareChange(let changed, let from, _)):
                return changed == id && from == date
            case (.duplicateId(let id), .hire(let hire)): return hire.id == id
            case (.unknownMunicipality(let code), .hire(let hire)): return hire.employer.istatCode == code
            case (.unknownMunicipality(let code), .residents(let changed, _, _)): return changed == code
            case (.repeatedResidents(let code, let year), .residents(let changed, let changedYear, _)): return changed == code && changedYear == year
            default: return false
            }
        }
        // A repeated figure or day is wrong at its second writing, a new id repeated among the
        // hires too (a trial of simula: the first option was named with the second's id); any
        // other at its first.
        let searched: Int? =
            switch error {
            case .repeatedResidents, .sameDayChanges: changes.lastIndex(where: about)
            case .duplicateId where !idInRoster: changes.indices.filter { about(changes[$0]) }.dropFirst().first ?? changes.firstIndex(where: about)
            default: changes.firstIndex(where: about)
            }
        let found = position ?? searched
        guard let found, origins.indices.contains(found) else { return "" }
        // The plan's column the error is about.
        let column: String? =
            switch (error, changes[found]) {
            case (.unknownPerson, _), (.duplicateId, _): "id"
            case (.noServiceAfter, _), (.sameDayChanges, _), (.beforeStart, _): "dal"
            case (.unknownMunicipality, .hire): "ente"
            case (.unknownMunicipality, _): "comune"
            case (.repeatedResidents, _): "anno"
            default: nil
            }
        return place(of: origins[found], column: column)
    }

    /// `piano.csv:3 (colonna dal): ` for a plan's row (at `column`), `--variazione …: ` for an option.
    static func place(of origin: Origin, column: String?, inDocument: Bool = false) -> String {
        switch origin {
        case .option(let text): text + ": "
        case .row(let place):
            // In a saved report the file without its folders (``SourcePlace/inDocument``).
            (column.map { (inDocument ? place.inDocument : place).field($0) } ?? (inDocument ? place.inDocument : place)).description + ": "
        }
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
