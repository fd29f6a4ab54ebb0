#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The fast path of ``RosterJSONReader`` for the records of `personale`: it reads a record
/// straight from the JSON bytes into a ``StaffRecord``, with no intermediate ``JSONNode``.
///
/// It accepts only the clean, usual shape of a record (known keys once each, strings without
/// escapes, plain numbers, valid dates and percentages, `true`/`false`); at the first thing it
/// does not expect it gives up and the general reader parses the same record again, reporting
/// every problem with its place. So both paths give the same record whenever this one succeeds,
/// and messages come from one place only (a test and the `json-roster` fuzz target compare them).
struct StaffRecordJSONDecoder {
    /// The file, for the records' places.
    let file: String
    /// The path of `personale` in the document.
    let staffPath: JSONPath
    private var interner = StringInterner()
    private var lastKind: (bytes: [UInt8], kind: EmployerKind)?
    private var areaSplits = AreaSplitCache()

    init(file: String, staffPath: JSONPath) {
        self.file = file
        self.staffPath = staffPath
    }

    /// The record starting at `start` (element `index` of `personale`) and the position after it,
    /// or nil when the general reader must decide.
    mutating func decode(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, index: Int) -> (record: StaffRecord, end: Int)? {
        var cursor = JSONCursor(bytes: bytes, index: start)
        var seen: UInt8 = 0
        var id: String?
        var profile: String?
        var contract: String?
        var employer: Employer?
        let recordPath = JSONPath(parent: staffPath, index: index)
        var periods: [ServicePeriod] = []
        var areas: [ActivityArea: Fraction] = [:]
        var employed = true
        let complete = cursor.object { cursor, key in
            guard let field = PersonKey(key), seen & field.bit == 0 else { return false }
            seen |= field.bit
            switch field {
            case .id:
                id = requiredText(&cursor)
                return id != nil
            case .profile:
                profile = requiredText(&cursor)
                return profile != nil
            case .contract:
                contract = requiredText(&cursor)
                return contract != nil
            case .employer:
                employer = self.employer(&cursor)
                return employer != nil
            case .periods:
                return cursor.array { cursor, offset in
                    guard let period = Self.period(&cursor) else { return false }
                    // One path step for `.periodi[n]` (the general reader makes two; both render alike).
                    let place = SourcePlace(file: file, position: .json(JSONPath(parent: recordPath, key: "periodi", index: offset)))
                    periods.append(ServicePeriod(start: period.start, end: period.end, percentage: period.percentage, place: place))
                    return true
                }
            case .areas:
                // Splits repeat from record to record: the same text gives the same (shared) dictionary.
                cursor.skipWhitespace()
                let start = cursor.index
                if let (shared, end) = areaSplits.lookup(cursor.bytes, from: start) {
                    areas = shared
                    cursor.index = end
                    return true
                }
                let complete = cursor.object { cursor, key in
                    guard let area = Self.area(key), areas[area] == nil, let number = cursor.number(),
                        let share = FieldParsing.Plain.areaShare(number)
                    else { return false }
                    if areas.isEmpty { areas.reserveCapacity(ActivityArea.allCases.count) }
                    areas[area] = share
                    return true
                }
                // Only a split read completely is remembered.
                if complete && !areas.isEmpty { areaSplits.store(areas, for: UnsafeBufferPointer(rebasing: cursor.bytes[start..<cursor.index])) }
                return complete
            case .employed:
                guard let flag = cursor.boolean() else { return false }
                employed = flag
                return true
            }
        }
        guard complete, let id, let profile, let contract, let employer, seen & PersonKey.periods.bit != 0 else { return nil }
        let place = SourcePlace(file: file, position: .json(recordPath))
        let record = StaffRecord(
            id: id, profile: profile, contract: contract, employer: employer, periods: periods, areas: areas,
            employedInTerritorialServices: employed, place: place)
        return (record, cursor.index)
    }

    /// A string that is not blank (a required text), shared when repeated.
    private mutating func requiredText(_ cursor: inout JSONCursor) -> String? {
        guard let bytes = cursor.string(), bytes.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { return nil }
        return interner.string(bytes)
    }

    /// `ente`: `tipo` (a known kind, required), `codiceIstat`, `delegaFunzioni`, `costoRimborsato`.
    private mutating func employer(_ cursor: inout JSONCursor) -> Employer? {
        var employer = Employer(kind: .comune)
        var seen: UInt8 = 0
        let complete = cursor.object { cursor, key in
            let bit: UInt8
            if key.equals("tipo") {
                bit = 1
                guard let bytes = cursor.string() else { return false }
                // Kinds repeat: compared as bytes with the last one, no string built.
                if let lastKind, lastKind.bytes.count == bytes.count,
                    lastKind.bytes.withUnsafeBufferPointer({ bytes.isEmpty || memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 })
                {
                    employer.kind = lastKind.kind
                } else {
                    guard let kind = EmployerKind(rawValue: String(decoding: bytes, as: UTF8.self)) else { return false }
                    lastKind = (Array(bytes), kind)
                    employer.kind = kind
                }
            } else if key.equals("codiceIstat") {
                bit = 2
                guard let bytes = cursor.string() else { return false }
                employer.istatCode = interner.string(bytes)
            } else if key.equals("delegaFunzioni") {
                bit = 4
                guard let flag = cursor.boolean() else { return false }
                employer.delegatedFunctions = flag
            } else if key.equals("costoRimborsato") {
                bit = 8
                guard let flag = cursor.boolean() else { return false }
                employer.costReimbursed = flag
            } else {
                return false
            }
            guard seen & bit == 0 else { return false }
            seen |= bit
            return true
        }
        return complete && seen & 1 != 0 ? employer : nil
    }

    /// A period: `dal` and `percentuale` required, `al` optional.
    private static func period(_ cursor: inout JSONCursor) -> (start: CivilDate, end: CivilDate?, percentage: Fraction)? {
        var start: CivilDate?
        var end: CivilDate?
        var percentage: Fraction?
        var seen: UInt8 = 0
        let complete = cursor.object { cursor, key in
            let bit: UInt8
            if key.equals("dal") {
                bit = 1
                guard let bytes = cursor.string(), let date = FieldParsing.Plain.date(bytes) else { return false }
                start = date
            } else if key.equals("al") {
                bit = 2
                guard let bytes = cursor.string(), let date = FieldParsing.Plain.date(bytes) else { return false }
                end = date
            } else if key.equals("percentuale") {
                bit = 4
                guard let bytes = cursor.number(), let value = FieldParsing.Plain.percentage(bytes) else { return false }
                percentage = value
            } else {
                return false
            }
            guard seen & bit == 0 else { return false }
            seen |= bit
            return true
        }
        guard complete, let start, let percentage else { return nil }
        return (start, end, percentage)
    }

    private static func area(_ key: UnsafeBufferPointer<UInt8>) -> ActivityArea? {
        switch key.count {
        case 20 where key.equals("segretariato_sociale"): .segretariatoSociale
        case 30 where key.equals("servizio_sociale_professionale"): .servizioSocialeProfessionale
        case 39 where key.equals("famiglia_minori_anziani_autosufficienti"): .famigliaMinoriAnzianiAutosufficienti
        case 30 where key.equals("disabilita_non_autosufficienza"): .disabilitaNonAutosufficienza
        case 22 where key.equals("poverta_disagio_adulti"): .povertaDisagioAdulti
        default: nil
        }
    }

    /// The keys of a record (see ``RosterJSONReader/Keys/person``).
    private enum PersonKey: Equatable {
        case id, profile, contract, employer, periods, areas, employed

        init?(_ key: UnsafeBufferPointer<UInt8>) {
            // By length first: one comparison of bytes at most.
            switch key.count {
            case 2 where key.equals("id"): self = .id
            case 7 where key.equals("profilo"): self = .profile
            case 7 where key.equals("periodi"): self = .periods
            case 9 where key.equals("contratto"): self = .contract
            case 4 where key.equals("ente"): self = .employer
            case 4 where key.equals("aree"): self = .areas
            case 31 where key.equals("impiegatoNeiServiziTerritoriali"): self = .employed
            default: return nil
            }
        }

        var bit: UInt8 {
            switch self {
            case .id: 1
            case .profile: 2
            case .contract: 4
            case .employer: 8
            case .periods: 16
            case .areas: 32
            case .employed: 64
            }
        }
    }
}

/// A read position in JSON bytes for the fast path: each method reads one value of the expected
/// kind in its simplest form and returns nil (or false) for anything else, leaving the decision
/// to the general parser.
struct JSONCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var index: Int

    @inline(__always)
    mutating func skipWhitespace() {
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            index &+= 1
        }
    }

    /// Consumes `byte` after optional whitespace.
    @inline(__always)
    mutating func consume(_ byte: UInt8) -> Bool {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == byte else { return false }
        index &+= 1
        return true
    }

    /// A string without escapes or control characters: its bytes (between the quotes).
    mutating func string() -> UnsafeBufferPointer<UInt8>? {
        guard consume(UInt8(ascii: "\"")) else { return nil }
        let start = index
        // Eight bytes at a time while none of them is a quote, a backslash or a control character.
        let base = UnsafeRawPointer(bytes.baseAddress!)
        while index &+ 8 <= bytes.count, !Self.hasStringDelimiter(base.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
            index &+= 8
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index &+= 1
                return UnsafeBufferPointer(rebasing: bytes[start..<index &- 1])
            }
            guard byte != UInt8(ascii: "\\"), byte >= 0x20 else { return nil }
            index &+= 1
        }
        return nil
    }

    /// Whether any of the 8 bytes of `word` is a quote, a backslash or below 0x20. Exact: the
    /// classic "has zero byte" and "has byte less than" word tricks can only err in bytes above
    /// a true hit (a borrow), so the answer for the whole word is right.
    @inline(__always)
    static func hasStringDelimiter(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let hasQuote = (quote &- ones) & ~quote & highs
        let hasBackslash = (backslash &- ones) & ~backslash & highs
        let hasControl = (word &- ones &* 0x20) & ~word & highs
        return (hasQuote | hasBackslash | hasControl) != 0
    }

    /// A JSON number without exponent (`-` not accepted: no field here may be negative).
    mutating func number() -> UnsafeBufferPointer<UInt8>? {
        skipWhitespace()
        let start = index
        while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index &+= 1 }
        let integerDigits = index - start
        guard integerDigits > 0, integerDigits == 1 || bytes[start] != UInt8(ascii: "0") else { return nil }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index &+= 1
            let fractionStart = index
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index &+= 1 }
            guard index > fractionStart else { return nil }
        }
        // An exponent, or a letter glued to the number, is left to the general parser.
        if index < bytes.count, bytes[index] | 0x20 >= UInt8(ascii: "a"), bytes[index] | 0x20 <= UInt8(ascii: "z") { return nil }
        return UnsafeBufferPointer(rebasing: bytes[start..<index])
    }

    /// `true` or `false`.
    mutating func boolean() -> Bool? {
        skipWhitespace()
        if literal("true") { return true }
        if literal("false") { return false }
        return nil
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count, memcmp(bytes.baseAddress! + index, word.utf8Start, count) == 0 else { return false }
        index &+= count
        return true
    }

    /// An object: `member` reads the value of each key (given as bytes) and returns false to give up.
    mutating func object(_ member: (inout JSONCursor, UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        guard consume(UInt8(ascii: "{")) else { return false }
        if consume(UInt8(ascii: "}")) { return true }
        while true {
            guard let key = string(), consume(UInt8(ascii: ":")), member(&self, key) else { return false }
            if consume(UInt8(ascii: ",")) { continue }
            return consume(UInt8(ascii: "}"))
        }
    }

    /// An array: `element` reads each element (given its index) and returns false to give up.
    mutating func array(_ element: (inout JSONCursor, Int) -> Bool) -> Bool {
        guard consume(UInt8(ascii: "[")) else { return false }
        if consume(UInt8(ascii: "]")) { return true }
        var count = 0
        while true {
            guard element(&self, count) else { return false }
            count += 1
            if consume(UInt8(ascii: ",")) { continue }
            return consume(UInt8(ascii: "]"))
        }
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether these bytes are exactly the UTF-8 of `text`.
    @inline(__always)
    func equals(_ text: StaticString) -> Bool {
        count == text.utf8CodeUnitCount && (count == 0 || memcmp(baseAddress!, text.utf8Start, count) == 0)
    }
}
