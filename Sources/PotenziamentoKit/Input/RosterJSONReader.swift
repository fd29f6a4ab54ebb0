/// Reads one ATS from a `potenziamento.ambito.v1` JSON document (shared/spec/INTERFACE.md).
///
/// Every problem is collected in one pass, each with its JSON path
/// (`personale[3].periodi[0].al`); unknown keys are errors, so a typo is never ignored.
public enum RosterJSONReader {
    /// The format identifier of the input.
    public static let format = "potenziamento.ambito.v1"

    /// The roster in `text` (from `file`) and the problems found reading it. When the document
    /// can be parsed, the roster holds every record that was read cleanly, even if others had
    /// errors, so that the validator can still check them in the same pass; callers must not
    /// assess a roster whose diagnostics have errors (``RosterLoader`` never does).
    public static func read(text: String, file: String, maximumRecords: Int = RosterLimits.maximumRecords) -> (roster: Roster?, diagnostics: Diagnostics) {
        read(text: text, file: file, maximumRecords: maximumRecords, fastPath: true)
    }

    /// As ``read(text:file:maximumRecords:)``; `fastPath` false reads every record through the
    /// general parser (tests compare both).
    static func read(text: String, file: String, maximumRecords: Int, fastPath: Bool) -> (roster: Roster?, diagnostics: Diagnostics) {
        var text = text
        return text.withUTF8 { read(utf8: $0, file: file, maximumRecords: maximumRecords, fastPath: fastPath) }
    }

    /// As ``read(text:file:maximumRecords:)`` on well-formed UTF-8 bytes (a file's own buffer,
    /// see ``TextDecoding``).
    static func read(
        utf8 bytes: UnsafeBufferPointer<UInt8>, file: String, maximumRecords: Int = RosterLimits.maximumRecords, fastPath: Bool = true
    ) -> (roster: Roster?, diagnostics: Diagnostics) {
        var diagnostics = Diagnostics()
        let root = SourcePlace(file: file, position: .json(.root))
        let staffPath = JSONPath(parent: .root, key: "personale")
        let staffPlace = SourcePlace(file: file, position: .json(staffPath))
        let document: JSONNode
        // The staff records are decoded as the parser meets them (a large roster is never held as a
        // tree). The state the parser's callbacks change is one value: one exclusivity check a call.
        var stream = StaffStream(decoder: StaffRecordJSONDecoder(file: file, staffPath: staffPath))
        // Room for the records up front (a record takes well over 128 bytes of JSON): growing the
        // array would copy it several times. Capacity never touched costs no memory.
        stream.staff.reserveCapacity(min(bytes.count / 128, maximumRecords))
        let fastElement: JSONParser.FastElementDecoder = { bytes, start, index in
            stream.decode(bytes, at: start, index: index, maximumRecords: maximumRecords)
        }
        let parsed = JSONParser.parse(utf8: bytes, streaming: "personale", fastElement: fastPath ? fastElement : nil) { node, index in
            stream.count += 1
            guard stream.count <= maximumRecords else { return }
            if let record = readStaff(node, place: staffPlace.element(index), diagnostics: &diagnostics) { stream.staff.append(record) }
        }
        // Moved out, not shared: a later change to `staff` must not copy every record.
        var staff: [StaffRecord] = []
        swap(&staff, &stream.staff)
        let streamedRecords = stream.count
        switch parsed {
        case .success(let node): document = node
        case .failure(let error):
            diagnostics.error(SourcePlace(file: file, position: .file), error.description)
            return (nil, diagnostics)
        }
        if streamedRecords > maximumRecords {
            diagnostics.error(staffPlace, RosterLimits.tooManyRecords(streamedRecords, maximum: maximumRecords))
            staff = []
        }
        guard let fields = JSONFields(document, place: root, allowed: Keys.document, diagnostics: &diagnostics) else {
            return (nil, diagnostics)
        }
        switch fields.string("formato", required: true, diagnostics: &diagnostics) {
        case .some(format), .none: break
        case .some(let other):
            diagnostics.error(root.field("formato"), "formato «\(other)» non riconosciuto: atteso «\(format)»")
        }
        var ambito = Ambito(code: "", name: "")
        if let node = fields.node("ambito", required: true, diagnostics: &diagnostics),
            let object = JSONFields(
                node, place: root.field("ambito"),
                allowed: Keys.ambito, diagnostics: &diagnostics)
        {
            ambito.code = object.string("codice", required: true, diagnostics: &diagnostics) ?? ""
            ambito.name = object.string("denominazione", required: true, diagnostics: &diagnostics) ?? ""
            ambito.region = object.string("regione", required: false, diagnostics: &diagnostics)
            ambito.allFunctionsDelegatedToLead = object.bool("funzioniDelegateAlCapofila", diagnostics: &diagnostics) ?? false
        }
        var municipalities: [Municipality] = []
        for (index, node) in fields.array("comuni", required: true, diagnostics: &diagnostics).enumerated() {
            if let municipality = readMunicipality(node, place: root.field("comuni").element(index), diagnostics: &diagnostics) {
                municipalities.append(municipality)
            }
        }
        // Present only when `personale` is not an array (streaming left it empty otherwise).
        var staffNodes = fields.array("personale", required: true, diagnostics: &diagnostics)
        if staffNodes.count > maximumRecords {
            diagnostics.error(root.field("personale"), RosterLimits.tooManyRecords(staffNodes.count, maximum: maximumRecords))
            staffNodes = []
        }
        staff.reserveCapacity(staffNodes.count)
        for (index, node) in staffNodes.enumerated() {
            if let record = readStaff(node, place: root.field("personale").element(index), diagnostics: &diagnostics) {
                staff.append(record)
            }
        }
        return (Roster(ambito: ambito, municipalities: municipalities, staff: staff, source: file), diagnostics)
    }

    /// The records of `personale` read so far, and the fast decoder.
    struct StaffStream {
        var decoder: StaffRecordJSONDecoder
        var staff: [StaffRecord] = []
        /// How many elements of `personale` were met (read or not).
        var count = 0

        /// Decodes the element at `start` on the fast path and keeps it; the position after it, or
        /// nil to leave it to the general parser.
        mutating func decode(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, index: Int, maximumRecords: Int) -> Int? {
            guard count < maximumRecords, let (record, end) = decoder.decode(bytes, at: start, index: index) else { return nil }
            count += 1
            staff.append(record)
            return end
        }
    }

    /// The keys each object may have (unknown keys are errors).
    enum Keys {
        static let document = ["formato", "ambito", "comuni", "personale"]
        static let ambito = ["codice", "denominazione", "regione", "funzioniDelegateAlCapofila"]
        static let comune = ["codiceIstat", "denominazione", "popolazione"]
        static let person = ["id", "profilo", "contratto", "ente", "periodi", "aree", "impiegatoNeiServiziTerritoriali"]
        static let employer = ["tipo", "codiceIstat", "delegaFunzioni", "costoRimborsato"]
        static let period = ["dal", "al", "percentuale"]
    }

    static func readMunicipality(_ node: JSONNode, place: SourcePlace, diagnostics: inout Diagnostics) -> Municipality? {
        guard let fields = JSONFields(node, place: place, allowed: Keys.comune, diagnostics: &diagnostics) else {
            return nil
        }
        let code = fields.string("codiceIstat", required: true, diagnostics: &diagnostics)
        let name = fields.string("denominazione", required: true, diagnostics: &diagnostics)
        var residents: Residents?
        if let population = fields.node("popolazione", required: true, diagnostics: &diagnostics) {
            let populationPlace = place.field("popolazione")
            switch population {
            case .number(let text):
                switch FieldParsing.residents(text) {
                case .success(let value): residents = .constant(value)
                case .failure(let error): diagnostics.error(populationPlace, error.message)
                }
            case .object(let members):
                var table: [Int: Int] = [:]
                for member in members {
                    let yearPlace = populationPlace.field(member.key)
                    guard case .success(let year) = FieldParsing.year(member.key) else {
                        diagnostics.error(yearPlace, "la chiave «\(member.key)» deve essere un anno (es. \"2025\")")
                        continue
                    }
                    guard case .number(let text) = member.value else {
                        diagnostics.error(yearPlace, "deve essere un numero intero, trovato \(member.value.kindName)")
                        continue
                    }
                    if table[year] != nil { diagnostics.error(yearPlace, "anno \(year) indicato due volte") }
                    switch FieldParsing.residents(text) {
                    case .success(let value): table[year] = value
                    case .failure(let error): diagnostics.error(yearPlace, error.message)
                    }
                }
                if members.isEmpty { diagnostics.error(populationPlace, "nessun anno indicato") }
                residents = .byYear(table)
            default:
                diagnostics.error(populationPlace, "deve essere un numero intero o un oggetto anno → residenti, trovato \(population.kindName)")
            }
        }
        guard let code, let name, let residents else { return nil }
        return Municipality(istatCode: code, name: name, residents: residents, place: place)
    }

    static func readStaff(_ node: JSONNode, place: SourcePlace, diagnostics: inout Diagnostics) -> StaffRecord? {
        guard let fields = JSONFields(node, place: place, allowed: Keys.person, diagnostics: &diagnostics) else { return nil }
        let errorsBefore = diagnostics.errorCount
        let id = fields.string("id", required: true, diagnostics: &diagnostics) ?? ""
        let profile = fields.string("profilo", required: true, diagnostics: &diagnostics) ?? ""
        let contract = fields.string("contratto", required: true, diagnostics: &diagnostics) ?? ""
        var employer = Employer(kind: .comune)
        if let node = fields.node("ente", required: true, diagnostics: &diagnostics),
            let ente = JSONFields(node, place: place.field("ente"), allowed: Keys.employer, diagnostics: &diagnostics)
        {
            if let kind = ente.string("tipo", required: true, diagnostics: &diagnostics) {
                if let parsed = EmployerKind(rawValue: kind) {
                    employer.kind = parsed
                } else {
                    diagnostics.error(place.field("ente").field("tipo"), RosterVocabulary.unknownEmployerMessage(kind))
                }
            }
            employer.istatCode = ente.string("codiceIstat", required: false, diagnostics: &diagnostics)
            employer.delegatedFunctions = ente.bool("delegaFunzioni", diagnostics: &diagnostics) ?? false
            employer.costReimbursed = ente.bool("costoRimborsato", diagnostics: &diagnostics) ?? false
        }
        var periods: [ServicePeriod] = []
        let periodNodes = fields.array("periodi", required: true, diagnostics: &diagnostics)
        for (index, node) in periodNodes.enumerated() {
            let periodPlace = place.field("periodi").element(index)
            guard let period = JSONFields(node, place: periodPlace, allowed: Keys.period, diagnostics: &diagnostics) else { continue }
            let start = period.string("dal", required: true, diagnostics: &diagnostics).flatMap { text in
                FieldParsing.date(text).report(at: periodPlace.field("dal"), into: &diagnostics)
            }
            let end = period.string("al", required: false, diagnostics: &diagnostics).flatMap { text in
                FieldParsing.date(text).report(at: periodPlace.field("al"), into: &diagnostics)
            }
            let percentage = period.numberText("percentuale", required: true, diagnostics: &diagnostics).flatMap { text in
                FieldParsing.percentage(text).report(at: periodPlace.field("percentuale"), into: &diagnostics)
            }
            // `"al": null` is an open-ended period, like an omitted `al`.
            let openEnded = (period.node("al") ?? .null) == .null
            if let start, let percentage, openEnded || end != nil {
                periods.append(ServicePeriod(start: start, end: end, percentage: percentage, place: periodPlace))
            }
        }
        var areas: [ActivityArea: Fraction] = [:]
        if let node = fields.node("aree", required: false, diagnostics: &diagnostics) {
            let areasPlace = place.field("aree")
            if case .object(let members) = node {
                for member in members {
                    let areaPlace = areasPlace.field(member.key)
                    guard let area = ActivityArea(rawValue: member.key) else {
                        diagnostics.error(areaPlace, RosterVocabulary.unknownAreaMessage(member.key))
                        continue
                    }
                    guard case .number(let text) = member.value else {
                        diagnostics.error(areaPlace, "deve essere un numero, trovato \(member.value.kindName)")
                        continue
                    }
                    if areas[area] != nil { diagnostics.error(areaPlace, "area indicata due volte") }
                    if let share = FieldParsing.areaShare(text).report(at: areaPlace, into: &diagnostics) { areas[area] = share }
                }
            } else if node != .null {
                diagnostics.error(areasPlace, "deve essere un oggetto area → percentuale, trovato \(node.kindName)")
            }
        }
        let employed = fields.bool("impiegatoNeiServiziTerritoriali", diagnostics: &diagnostics) ?? true
        guard diagnostics.errorCount == errorsBefore else { return nil }
        return StaffRecord(
            id: id, profile: profile, contract: contract, employer: employer, periods: periods, areas: areas,
            employedInTerritorialServices: employed, place: place)
    }
}

extension Result where Failure == FieldError {
    /// The value, or nil after recording the message as an error at `place`.
    func report(at place: @autoclosure () -> SourcePlace, into diagnostics: inout Diagnostics) -> Success? {
        switch self {
        case .success(let value): return value
        case .failure(let error):
            diagnostics.error(place(), error.message)
            return nil
        }
    }
}

/// The members of a JSON object, checked for unknown and repeated keys, with typed accessors
/// that record an error at the member's path when a value has the wrong type.
struct JSONFields {
    /// The members with known keys (objects are small: a linear search beats hashing).
    let members: [JSONMember]
    let place: SourcePlace

    init?(_ node: JSONNode, place: SourcePlace, allowed: [String], diagnostics: inout Diagnostics) {
        guard case .object(let all) = node else {
            diagnostics.error(place, "deve essere un oggetto JSON, trovato \(node.kindName)")
            return nil
        }
        self.place = place
        // The usual case: every key known and none repeated; keep the members as they are.
        let clean = all.indices.allSatisfy { index in
            allowed.contains(all[index].key) && !all[..<index].contains { $0.key == all[index].key }
        }
        if clean {
            members = all
            return
        }
        var members: [JSONMember] = []
        members.reserveCapacity(all.count)
        for member in all {
            if !allowed.contains(member.key) {
                let suggestion = nearestName(member.key, in: allowed).map { " (forse «\($0)»?)" } ?? ""
                diagnostics.error(place.field(member.key), "chiave sconosciuta «\(member.key)»\(suggestion)")
                continue
            }
            if let index = members.firstIndex(where: { $0.key == member.key }) {
                diagnostics.error(place.field(member.key), "chiave «\(member.key)» ripetuta")
                members[index] = member
                continue
            }
            members.append(member)
        }
        self.members = members
    }

    func node(_ key: String) -> JSONNode? { members.first { $0.key == key }?.value }

    func node(_ key: String, required: Bool, diagnostics: inout Diagnostics) -> JSONNode? {
        guard let value = node(key), value != .null else {
            if required { diagnostics.error(place.field(key), "manca il campo obbligatorio «\(key)»") }
            return nil
        }
        return value
    }

    func string(_ key: String, required: Bool, diagnostics: inout Diagnostics) -> String? {
        guard let value = node(key, required: required, diagnostics: &diagnostics) else { return nil }
        guard case .string(let text) = value else {
            diagnostics.error(place.field(key), "deve essere un testo tra virgolette, trovato \(value.kindName)")
            return nil
        }
        if required && text.trimmingSpaces.isEmpty {
            diagnostics.error(place.field(key), "il campo «\(key)» è vuoto")
            return nil
        }
        return text
    }

    func numberText(_ key: String, required: Bool, diagnostics: inout Diagnostics) -> String? {
        guard let value = node(key, required: required, diagnostics: &diagnostics) else { return nil }
        guard case .number(let text) = value else {
            diagnostics.error(place.field(key), "deve essere un numero, trovato \(value.kindName)")
            return nil
        }
        return text
    }

    func bool(_ key: String, diagnostics: inout Diagnostics) -> Bool? {
        guard let value = node(key, required: false, diagnostics: &diagnostics) else { return nil }
        guard case .bool(let flag) = value else {
            diagnostics.error(place.field(key), "deve essere true o false, trovato \(value.kindName)")
            return nil
        }
        return flag
    }

    func array(_ key: String, required: Bool, diagnostics: inout Diagnostics) -> [JSONNode] {
        guard let value = node(key, required: required, diagnostics: &diagnostics) else { return [] }
        guard case .array(let elements) = value else {
            diagnostics.error(place.field(key), "deve essere un elenco [ ... ], trovato \(value.kindName)")
            return []
        }
        return elements
    }
}

/// The nearest of `names` to `given`, for "forse intendevi" (see ``NameSuggestion``).
func nearestName(_ given: String, in names: [String]) -> String? { NameSuggestion.nearest(to: given, in: names) }

/// The messages for codes outside the roster vocabulary.
enum RosterVocabulary {
    static func unknownEmployerMessage(_ kind: String) -> String {
        let suggestion = nearestName(kind, in: EmployerKind.allCases.map(\.rawValue)).map { " (forse «\($0)»?)" } ?? ""
        return "tipo di ente sconosciuto «\(kind)»\(suggestion); valori ammessi: \(EmployerKind.allCases.map(\.rawValue).joined(separator: ", "))"
    }

    static func unknownAreaMessage(_ key: String) -> String {
        let suggestion = nearestName(key, in: ActivityArea.allCases.map(\.rawValue)).map { " (forse «\($0)»?)" } ?? ""
        return "area di attività sconosciuta «\(key)»\(suggestion)"
    }
}
