/// The five aree di attività of the prospetto (seed 000; docs/regole.md §3).
public enum ActivityArea: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    /// The codes, matched on their bytes (in the order of `allCases`).
    static let codes = CodeTable<ActivityArea>()

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

    /// The key of FTE with no split in reports (`non_indicata`).
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

    /// Hashes the position (not the code's text: cheaper, and equal areas have equal positions).
    public func hash(into hasher: inout Hasher) { hasher.combine(index) }

    /// Orders as in `allCases`.
    public static func < (lhs: ActivityArea, rhs: ActivityArea) -> Bool { lhs.index < rhs.index }

    /// The area `code` names, or an ``InvalidValue`` suggesting the nearest one.
    static func parse(_ code: String) throws(InvalidValue) -> ActivityArea {
        if let area = codes.code(code) { return area }
        let suggestion = NameSuggestion.nearest(to: code, in: allCases.map(\.rawValue)).map { " (forse «\($0)»?)" } ?? ""
        throw InvalidValue(.areaSconosciuta, "area di attività sconosciuta «\(code)»\(suggestion)")
    }

    /// The area a person typed in a cell: its code, or its label as the reports print it
    /// (`Servizio sociale professionale`, `Famiglia, minori, anziani autosufficienti`: an
    /// officer's trial), compared as the vocabularies compare (case, accents, commas and spaces
    /// aside); otherwise the error of ``parse(_:)``.
    static func parse(written text: String) throws(InvalidValue) -> ActivityArea {
        if let area = codes.code(text) { return area }
        func comparable(_ text: String) -> String { Vocabulary.normalized(text.replacingOccurrences(of: ",", with: " ")) }
        let wanted = comparable(text)
        if let area = allCases.first(where: { comparable($0.label) == wanted || comparable($0.rawValue) == wanted }) { return area }
        return try parse(text)
    }
}

/// How a person's time is split among the aree di attività, in percent (docs/regole.md §3):
/// shares from 0 to 100 that add up to exactly 100, or ``unspecified`` (the person's FTE then go
/// to `non_indicata`, with a warning).
public struct AreaSplit: Sendable, Hashable {
    /// The share of each area in units of 10⁻¹⁵ percent (at most 15 decimals, at most 100: at
    /// most 10¹⁷ units), in the order of `ActivityArea.allCases`; zero when absent. Five integers
    /// kept inline, not a dictionary per person (docs/benchmark.md, «Third pass»).
    private struct Units: Sendable, Hashable {
        var segretariato: Int64 = 0
        var servizioProfessionale: Int64 = 0
        var famiglia: Int64 = 0
        var disabilita: Int64 = 0
        var poverta: Int64 = 0

        subscript(index: Int) -> Int64 {
            get {
                switch index {
                case 0: segretariato
                case 1: servizioProfessionale
                case 2: famiglia
                case 3: disabilita
                default: poverta
                }
            }
            set {
                switch index {
                case 0: segretariato = newValue
                case 1: servizioProfessionale = newValue
                case 2: famiglia = newValue
                case 3: disabilita = newValue
                default: poverta = newValue
                }
            }
        }
    }

    /// The units of a share: 10¹⁵ per percent (one per decimal a share may have).
    private static let unit = Bounds.percentageUnit

    private let units: Units

    /// The shares in percent, zero shares left out; empty when unspecified.
    public var shares: [ActivityArea: Fraction] {
        var shares: [ActivityArea: Fraction] = [:]
        for area in ActivityArea.allCases where units[area.index] != 0 { shares[area] = self[area] }
        return shares
    }

    /// No split given.
    public static let unspecified = AreaSplit(units: Units())

    /// A split with `shares` in percent.
    ///
    /// - Throws: ``InvalidValue`` with ``DiagnosticCode/ripartizioneAree`` when a share is not
    ///   in [0, 100], has more than 15 decimals (100/3 is not a share any input can give), or the
    ///   shares do not add up to 100 (an empty dictionary is ``unspecified``).
    public init(_ shares: [ActivityArea: Fraction]) throws(InvalidValue) {
        var percentages = Percentages()
        for (area, share) in shares { percentages[area] = share }
        try self.init(percentages: percentages)
    }

    /// The share of each area as a reader collects them (nil: not given), held inline: no array
    /// made and freed per record.
    struct Percentages {
        private var segretariato: Fraction?
        private var servizioProfessionale: Fraction?
        private var famiglia: Fraction?
        private var disabilita: Fraction?
        private var poverta: Fraction?

        /// The share of `area`, if given.
        subscript(area: ActivityArea) -> Fraction? {
            get {
                switch area {
                case .segretariatoSociale: segretariato
                case .servizioSocialeProfessionale: servizioProfessionale
                case .famigliaMinoriAnzianiAutosufficienti: famiglia
                case .disabilitaNonAutosufficienza: disabilita
                case .povertaDisagioAdulti: poverta
                }
            }
            set {
                switch area {
                case .segretariatoSociale: segretariato = newValue
                case .servizioSocialeProfessionale: servizioProfessionale = newValue
                case .famigliaMinoriAnzianiAutosufficienti: famiglia = newValue
                case .disabilitaNonAutosufficienza: disabilita = newValue
                case .povertaDisagioAdulti: poverta = newValue
                }
            }
        }
    }

    /// A split from the share of each area (nil: not given), as the readers collect them: the
    /// rule of ``init(_:)``, without a dictionary to build and hash while reading.
    init(percentages: Percentages) throws(InvalidValue) {
        var given = false
        var total: Int64 = 0
        var kept = Units()
        for area in ActivityArea.allCases {
            guard let share = percentages[area] else { continue }
            given = true
            // The usual case: a share exact in units of 10⁻¹⁵ %, checked and added as integers.
            guard let units = share.exactUnits(per: Int64(Self.unit)) else {
                if share.isNegative || share > Fraction(100) { throw Self.outOfRange(area, share) }
                throw InvalidValue(.ripartizioneAree, "la quota dell'area \(area.rawValue) ha troppe cifre decimali: al massimo \(Bounds.percentageDecimals)")
            }
            guard units >= 0, units <= 100 * Int64(Self.unit) else { throw Self.outOfRange(area, share) }
            kept[area.index] = units
            total += units
        }
        if given, total != 100 * Int64(Self.unit) {
            // Shares written as fractions of 1 (0,3 and 0,7) add up to 1: said with the likely percentages.
            var asFractions = ""
            if total == Int64(Self.unit) {
                let likely: [String] = ActivityArea.allCases.compactMap { area in
                    guard let share = percentages[area], !share.isZero else { return nil }
                    return NumberFormatting.italianTrimmed(share * Fraction(100), maximumDecimals: 13)
                }
                let listed = likely.count > 1 ? likely.dropLast().joined(separator: ", ") + " e " + (likely.last ?? "") : likely.joined()
                asFractions = ": sembrano frazioni di 1; scrivi le percentuali (\(listed))"
            } else if abs(total - 100 * Int64(Self.unit)) <= Int64(Self.unit) / 100 {
                // Within 0,01 of 100: thirds written with all their decimals (33,3333333333333 × 3,
                // `=100/3` in a sheet). Said with shares of 2 decimals that add up to 100: each
                // rounded, what is missing to the largest (a workbook trial).
                let shares = ActivityArea.allCases.compactMap { percentages[$0] }.filter { !$0.isZero }
                var hundredths = shares.map { $0.roundedScaled(by: 100) }
                if let largest = hundredths.indices.max(by: { hundredths[$0] < hundredths[$1] }) {
                    hundredths[largest] += BigInt(10_000) - hundredths.reduce(BigInt(0), +)
                }
                let likely = hundredths.map { NumberFormatting.italianTrimmed(Fraction($0, BigInt(100)), maximumDecimals: 2) }
                let listed = likely.count > 1 ? likely.dropLast().joined(separator: ", ") + " e " + (likely.last ?? "") : likely.joined()
                asFractions = ": scrivi le quote con al massimo 2 decimali, che sommino a 100 (forse \(listed)?)"
            }
            throw InvalidValue(
                .ripartizioneAree,
                "le percentuali per area sommano a \(NumberFormatting.italianTrimmed(Fraction(Int(total), Self.unit), maximumDecimals: 15)), non a 100\(asFractions)"
            )
        }
        self.init(units: kept)
    }

    /// The error of a share outside [0, 100].
    private static func outOfRange(_ area: ActivityArea, _ share: Fraction) -> InvalidValue {
        InvalidValue(
            .ripartizioneAree,
            "la quota dell'area \(area.rawValue) deve essere tra 0 e 100 (indicato: \(NumberFormatting.italianTrimmed(share, maximumDecimals: 15)))")
    }

    private init(units: Units) { self.units = units }

    /// Whether a split was given.
    public var isSpecified: Bool { self != .unspecified }

    /// The share of `area` in percent (zero when absent).
    public subscript(area: ActivityArea) -> Fraction { Fraction(Int(units[area.index]), Self.unit) }

    /// The whole of a person's time in the units of ``partsOfTime(_:)`` (100 % in units of 10⁻¹⁵ %).
    static let wholeTime = 100 * Int64(unit)

    /// Calls `body` with each area given a part of the person's time and that part in units of
    /// 1/``wholeTime`` (an integer: the part is `units / wholeTime`, the share in percent / 100),
    /// in the order of the areas: how a breakdown adds parts without making a fraction per part.
    func partsOfTime(_ body: (_ area: Int, _ units: Int64) -> Void) {
        for area in 0..<ActivityArea.allCases.count where units[area] != 0 { body(area, units[area]) }
    }
}

extension AreaSplit: Codable {
    /// Decodes an object area code → percent through the validating initialiser.
    ///
    /// - Throws: `DecodingError.dataCorrupted` for an unknown area or shares that do not add up to 100.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode([String: Fraction].self)
        self = try DecodingError.validating(container.codingPath) { () throws(InvalidValue) in
            var shares: [ActivityArea: Fraction] = [:]
            for (key, value) in raw { shares[try ActivityArea.parse(key)] = value }
            return try AreaSplit(shares)
        }
    }

    /// Encodes an object area code → percent (in the order of the areas).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Dictionary(uniqueKeysWithValues: shares.map { ($0.key.rawValue, $0.value) }))
    }
}
