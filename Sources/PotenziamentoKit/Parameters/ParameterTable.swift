/// A complete table of the measure's legal parameters: the official one, or one with a reform
/// applied (OpenFisca-style: a reform is a set of overrides, the official values stay untouched).
public struct ParameterTable: Sendable, Hashable, Codable {
    /// The history of every parameter, by name (complete by construction).
    public let histories: [ParameterName: ParameterHistory]

    /// The largest amount per FTE or fund accepted in an override.
    static let maximumOverrideEuros = Bounds.maximumEuros
    /// The largest residents-per-social-worker ratio accepted in an override.
    static let maximumRatio = 1_000_000

    /// A table from histories, checked as an override is (docs/regole.md §1): every value in
    /// its parameter's unit and bounds, and the thresholds in order in every year.
    ///
    /// - Throws: ``ParameterError/incomplete(_:)`` when a ``ParameterName`` has no history;
    ///   ``ParameterError/wrongUnit(_:expected:)`` or ``ParameterError/invalidValue(_:_:)`` for a
    ///   value the parameter cannot take (see ``applying(_:)``), a value in force from a year
    ///   outside 1900-2200, or thresholds out of order; ``ParameterError/invalidValue(_:_:)`` too
    ///   for two histories of one parameter (one would replace the other with no word: an
    ///   integrator's trial).
    public init(histories: [ParameterHistory]) throws(ParameterError) {
        var byName: [ParameterName: ParameterHistory] = [:]
        for history in histories {
            guard byName[history.name] == nil else {
                throw .invalidValue(history.name, "la tabella ha due storie di questo parametro: riuniscile in una, con i valori di ogni anno")
            }
            byName[history.name] = history
        }
        let missing = ParameterName.allCases.filter { byName[$0] == nil }
        guard missing.isEmpty else { throw .incomplete(missing) }
        for history in byName.values {
            for dated in history.values {
                try Self.check(dated.value, of: history.name)
                // A value dated outside the dates the program knows (1900-2200) is no date of a law.
                guard Bounds.dateYears.contains(dated.fromYear) else {
                    throw .invalidValue(
                        history.name, "in vigore dal \(dated.fromYear): l'anno deve essere tra \(Bounds.dateYears.lowerBound) e \(Bounds.dateYears.upperBound)")
                }
            }
        }
        self.histories = byName
        try checkRatiosOrdered(from: Bounds.years.lowerBound)
    }

    /// Decodes a table and checks it as ``init(histories:)`` does (a decoded table is a table
    /// like any other: a ratio of 0 or a negative amount is refused, not computed with).
    ///
    /// - Throws: `DecodingError.dataCorrupted` with the Italian reason.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let decoded = try container.decode([ParameterName: ParameterHistory].self, forKey: .histories)
        do {
            try self.init(histories: decoded.map { ParameterHistory(name: $0.key, values: $0.value.values) })
        } catch {
            throw DecodingError.dataCorruptedError(forKey: .histories, in: container, debugDescription: error.description)
        }
    }

    private enum CodingKeys: String, CodingKey { case histories }

    /// The official table: complete by construction (a test checks it).
    init(complete histories: [ParameterHistory]) {
        var byName: [ParameterName: ParameterHistory] = [:]
        for history in histories { byName[history.name] = history }
        self.histories = byName
    }

    /// The history of `name` (empty for a table decoded without it, which ``inForce(for:)`` reports).
    public func history(of name: ParameterName) -> ParameterHistory { histories[name] ?? ParameterHistory(name: name, values: []) }

    /// The value of `name` in force in `year`.
    ///
    /// - Throws: ``ParameterError/notInForce(_:year:firstYear:)`` when none applies.
    public func value(of name: ParameterName, in year: Int) throws(ParameterError) -> DatedValue {
        try history(of: name).value(in: year)
    }

    /// Every parameter as it applies to `year`.
    ///
    /// - Throws: ``ParameterError/yearOutOfRange(_:)`` for a year outside 2021-2200, and
    ///   ``ParameterError/notInForce(_:year:firstYear:)`` when a parameter has no value for it.
    public func inForce(for year: Int) throws(ParameterError) -> ParametersInForce {
        guard Bounds.years.contains(year) else {
            // Before 2021 the measure did not exist (docs/regole.md §1): the official table says
            // which parameter has no value yet; a table dated earlier is not computed with either.
            if year < Bounds.years.lowerBound { _ = try ParametersInForce(table: self, year: year) }
            throw .yearOutOfRange(year)
        }
        return try ParametersInForce(table: self, year: year)
    }

    /// This table with `overrides` applied (OpenFisca-style reforms): each override holds from its
    /// year for every later year until the next override of the same parameter; the official
    /// history before it stays as it was (docs/regole.md §1).
    ///
    /// - Throws: ``ParameterError/wrongUnit(_:expected:)`` or ``ParameterError/invalidValue(_:_:)``
    ///   for a value the parameter cannot take (negative or absurd amounts, ratios not from 1 to
    ///   1 million, days that do not exist, years outside 2021-2200), or ratios that leave the
    ///   bands out of order in some year (soglia minima ≥ LEP ≥ obiettivo, docs/regole.md §1);
    ///   ``ParameterError/repeatedOverride(_:year:)`` for two overrides of a parameter from the
    ///   same year.
    public func applying(_ overrides: [ParameterOverride]) throws(ParameterError) -> ParameterTable {
        var updated = histories
        for override in overrides {
            try Self.check(override.value, of: override.name)
            guard Bounds.years.contains(override.fromYear) else {
                throw .invalidValue(override.name, "l'anno \(override.fromYear) è fuori dagli anni calcolati (2021-2200)")
            }
            // The history as the overrides before this one left it: each holds until the next.
            let history = updated[override.name] ?? history(of: override.name)
            if history.values.contains(where: { $0.isOverride && $0.fromYear == override.fromYear }) {
                throw .repeatedOverride(override.name, year: override.fromYear)
            }
            updated[override.name] = ParameterHistory(
                name: override.name,
                values: history.values + [DatedValue(fromYear: override.fromYear, value: override.value, reference: override.reference, isOverride: true)])
        }
        let table = ParameterTable(complete: Array(updated.values))
        if let firstYear = overrides.map(\.fromYear).min() { try table.checkRatiosOrdered(from: firstYear) }
        return table
    }

    /// The one check of a parameter's value, wherever it comes from (an override, histories, a
    /// decoded table): its unit, amounts from 0 to 1.000 miliardi, ratios of 1 to 1 million
    /// residents, days that exist (29 February included).
    ///
    /// - Throws: ``ParameterError/wrongUnit(_:expected:)`` or ``ParameterError/invalidValue(_:_:)``.
    static func check(_ value: ParameterValue, of name: ParameterName) throws(ParameterError) {
        guard value.unit == name.unit else { throw .wrongUnit(name, expected: name.unit) }
        switch value {
        case .money(let amount) where amount.isNegative:
            throw .invalidValue(name, "un importo non può essere negativo")
        case .money(let amount) where amount.cents > BigInt(Self.maximumOverrideEuros) * 100:
            throw .invalidValue(name, "importo fuori misura (al massimo \(NumberFormatting.italian(Self.maximumOverrideEuros)) euro)")
        case .residentsPerSocialWorker(let residents) where residents <= 0 || residents > Self.maximumRatio:
            throw .invalidValue(name, "il rapporto deve essere un numero di abitanti da 1 a \(NumberFormatting.italian(Self.maximumRatio))")
        case .dayOfYear(let month, let day) where CivilDate(year: 2024, month: month, day: day) == nil:
            throw .invalidValue(name, "giorno inesistente")
        default: break
        }
    }

    /// The ratios as the bands need them in every year from `firstYear` (docs/regole.md §1):
    /// soglia minima ≥ LEP ≥ obiettivo in residents per social worker (1/6.500 ≤ 1/5.000 ≤
    /// 1/4.000), so that the bands A and B are in order; an override that breaks the order (a
    /// soglia minima of 4.000 under a LEP of 5.000) would pay for FTE under the minimum.
    ///
    /// - Throws: ``ParameterError/invalidValue(_:_:)`` naming the first year out of order.
    private func checkRatiosOrdered(from firstYear: Int) throws(ParameterError) {
        // An override's year is within the years computed (checked before).
        for year in max(firstYear, Bounds.years.lowerBound)...max(firstYear, Bounds.years.upperBound) {
            func ratio(_ name: ParameterName) -> ResolvedParameter<Int>? {
                guard let dated = try? value(of: name, in: year), case .residentsPerSocialWorker(let residents) = dated.value else { return nil }
                return ResolvedParameter(name: name, value: residents, fromYear: dated.fromYear, reference: dated.reference)
            }
            guard let minimum = ratio(.rapportoSogliaMinima), let lep = ratio(.rapportoLEP), let objective = ratio(.rapportoObiettivo) else { continue }
            if let culprit = Self.outOfOrder(minimum, lep, objective) {
                throw Self.ratiosOutOfOrder(culprit, year: year, minimum.value, lep.value, objective.value)
            }
        }
    }

    /// The ratio changed last (on or before the year) when soglia minima ≥ LEP ≥ obiettivo does
    /// not hold; nil when it holds.
    static func outOfOrder(_ minimum: ResolvedParameter<Int>, _ lep: ResolvedParameter<Int>, _ objective: ResolvedParameter<Int>) -> ParameterName? {
        guard minimum.value < lep.value || lep.value < objective.value else { return nil }
        return [minimum, lep, objective].max { $0.fromYear < $1.fromYear }?.name
    }

    /// The error of thresholds out of order in `year`, naming `culprit`.
    static func ratiosOutOfOrder(_ culprit: ParameterName, year: Int, _ minimum: Int, _ lep: Int, _ objective: Int) -> ParameterError {
        .invalidValue(
            culprit,
            "dal \(year) le soglie non sono in ordine (soglia minima \(NumberFormatting.italian(minimum)), LEP \(NumberFormatting.italian(lep)), obiettivo \(NumberFormatting.italian(objective)) abitanti per assistente sociale): deve valere soglia minima ≥ LEP ≥ obiettivo"
        )
    }
}

/// A change to a legal parameter from a year on: a reform, a what-if, or a correction.
public struct ParameterOverride: Sendable, Hashable, Codable {
    /// The parameter changed.
    public let name: ParameterName
    /// The new value.
    public let value: ParameterValue
    /// The first year the new value applies to.
    public let fromYear: Int
    /// Where the change comes from (defaults to a user's hypothesis).
    public let reference: LegalReference

    /// An override of `name` with `value` from `fromYear`.
    public init(
        name: ParameterName, value: ParameterValue, fromYear: Int,
        reference: LegalReference = LegalReference(
            act: "Ipotesi dell'utente", provision: "valore sostituito con --parametro",
            note: "non è un valore di legge")
    ) {
        self.name = name
        self.value = value
        self.fromYear = fromYear
        self.reference = reference
    }

    private enum CodingKeys: String, CodingKey { case name, value, fromYear, reference }

    /// Decodes an override, its year exactly (`2025.0000000000001` is not read as 2025); the
    /// value and the year are checked where the override is applied (``ParameterTable/applying(_:)``).
    ///
    /// - Throws: `DecodingError` for a missing field or a year that is not exactly an integer.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try container.decode(ParameterName.self, forKey: .name), value: try container.decode(ParameterValue.self, forKey: .value),
            fromYear: try container.decodeExactInteger(forKey: .fromYear), reference: try container.decode(LegalReference.self, forKey: .reference))
    }
}

/// One parameter's value as it applies to a year, with the reference to cite.
///
/// Its conformances are conditional on `Value`'s, not requirements of the type: the metadata of
/// a generic type with requirements is checked when the program first uses it, and each check
/// is a search among all the conformances of the statically linked program (docs/benchmark.md,
/// «Eighth pass»).
public struct ResolvedParameter<Value> {
    /// The parameter.
    public let name: ParameterName
    /// Its value in the year.
    public let value: Value
    /// The first year of that value.
    public let fromYear: Int
    /// The act and provision that set it.
    public let reference: LegalReference
}

extension ResolvedParameter: Sendable where Value: Sendable {}
extension ResolvedParameter: Equatable where Value: Equatable {}
extension ResolvedParameter: Hashable where Value: Hashable {}
extension ResolvedParameter: Codable where Value: Codable {
    private enum CodingKeys: String, CodingKey { case name, value, fromYear, reference }

    /// Decodes a resolved parameter, its year and a whole-number value (a ratio 1/n) exactly:
    /// `4999.99999999999999` is not read as 5.000 (the values are checked where they are used,
    /// ``ParametersInForce/init(from:)``).
    ///
    /// - Throws: `DecodingError` for a missing field or a whole number that is not exactly one.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let value: Value
        if Value.self == Int.self, let exact = try container.decodeExactInteger(forKey: .value) as? Value {
            value = exact
        } else {
            value = try container.decode(Value.self, forKey: .value)
        }
        self.init(
            name: try container.decode(ParameterName.self, forKey: .name), value: value, fromYear: try container.decodeExactInteger(forKey: .fromYear),
            reference: try container.decode(LegalReference.self, forKey: .reference))
    }
}

/// All the parameters of the measure as they apply to one year.
public struct ParametersInForce: Sendable, Hashable, Codable {
    /// The year.
    public let year: Int
    /// Euro per FTE in fascia A.
    public let bandAAmount: ResolvedParameter<EuroCents>
    /// Euro per FTE in fascia B.
    public let bandBAmount: ResolvedParameter<EuroCents>
    /// Residents per AS of the soglia minima (6.500).
    public let minimumRatio: ResolvedParameter<Int>
    /// Residents per AS of the LEP (5.000).
    public let lepRatio: ResolvedParameter<Int>
    /// Residents per AS of the obiettivo di servizio (4.000).
    public let objectiveRatio: ResolvedParameter<Int>
    /// The yearly fund.
    public let fund: ResolvedParameter<EuroCents>
    /// Deadline of the prospetto in the year.
    public let prospettoDeadline: ResolvedParameter<CivilDate>
    /// Deadline of the decree in the year.
    public let decreeDeadline: ResolvedParameter<CivilDate>

    init(table: ParameterTable, year: Int) throws(ParameterError) {
        self.year = year
        func money(_ name: ParameterName) throws(ParameterError) -> ResolvedParameter<EuroCents> {
            let dated = try table.value(of: name, in: year)
            guard case .money(let amount) = dated.value else { throw .wrongUnit(name, expected: name.unit) }
            return ResolvedParameter(name: name, value: amount, fromYear: dated.fromYear, reference: dated.reference)
        }
        func ratio(_ name: ParameterName) throws(ParameterError) -> ResolvedParameter<Int> {
            let dated = try table.value(of: name, in: year)
            guard case .residentsPerSocialWorker(let residents) = dated.value else { throw .wrongUnit(name, expected: name.unit) }
            return ResolvedParameter(name: name, value: residents, fromYear: dated.fromYear, reference: dated.reference)
        }
        func deadline(_ name: ParameterName) throws(ParameterError) -> ResolvedParameter<CivilDate> {
            let dated = try table.value(of: name, in: year)
            guard case .dayOfYear(let month, let day) = dated.value else { throw .wrongUnit(name, expected: name.unit) }
            // 29 February in a common year falls back to the 28th.
            guard let date = CivilDate(year: year, month: month, day: day) ?? CivilDate(year: year, month: month, day: day - 1) else {
                throw .invalidValue(name, "giorno inesistente nel \(year)")
            }
            return ResolvedParameter(name: name, value: date, fromYear: dated.fromYear, reference: dated.reference)
        }
        bandAAmount = try money(.importoFasciaA)
        bandBAmount = try money(.importoFasciaB)
        minimumRatio = try ratio(.rapportoSogliaMinima)
        lepRatio = try ratio(.rapportoLEP)
        objectiveRatio = try ratio(.rapportoObiettivo)
        fund = try money(.fondoAnnuo)
        prospettoDeadline = try deadline(.scadenzaProspetto)
        decreeDeadline = try deadline(.scadenzaDecreto)
        citations = Self.citations(bandAAmount, bandBAmount, minimumRatio, lepRatio, objectiveRatio, fund, prospettoDeadline, decreeDeadline)
    }

    /// The residents per social worker of `threshold` in force (regole §1: 6.500, 5.000, 4.000
    /// unless replaced).
    public func ratio(of threshold: Threshold) -> ResolvedParameter<Int> {
        switch threshold {
        case .minima: minimumRatio
        case .lep: lepRatio
        case .obiettivo: objectiveRatio
        }
    }

    /// `threshold`'s ratio as every report writes it, `1/5.000`, from the value in force: a ratio
    /// replaced with `--parametro` is named as it was used, never as the law's.
    public func ratioText(_ threshold: Threshold) -> String { Self.ratioText(ratio(of: threshold)) }

    private static func ratioText(_ ratio: ResolvedParameter<Int>) -> String { ParameterValue.residentsPerSocialWorker(ratio.value).description }

    /// The citations of the parameters whose value or source differs from the law's in the year
    /// (``ParameterTable/official``): those replaced with `--parametro` or by an integrator's
    /// table. Empty when every parameter is the law's. A report over many ATS names them, so a
    /// run on a hypothesis never reads as an official one.
    public var differingFromLaw: [ParameterCitation] {
        guard let law = try? ParameterTable.official.inForce(for: year) else { return citations }
        return zip(citations, law.citations).filter { $0.valueText != $1.valueText || $0.reference != $1.reference }.map(\.0)
    }

    /// Every resolved parameter as (name, value text, reference), in table order, for citations:
    /// formatted once, when the parameters are resolved (a batch resolves them once per year,
    /// ``RosterAssessor``, and cites them for every ATS).
    public let citations: [ParameterCitation]

    private static func citations(
        _ bandAAmount: ResolvedParameter<EuroCents>, _ bandBAmount: ResolvedParameter<EuroCents>, _ minimumRatio: ResolvedParameter<Int>,
        _ lepRatio: ResolvedParameter<Int>, _ objectiveRatio: ResolvedParameter<Int>, _ fund: ResolvedParameter<EuroCents>,
        _ prospettoDeadline: ResolvedParameter<CivilDate>, _ decreeDeadline: ResolvedParameter<CivilDate>
    ) -> [ParameterCitation] {
        [
            ParameterCitation(bandAAmount, text: NumberFormatting.euro(bandAAmount.value)),
            ParameterCitation(bandBAmount, text: NumberFormatting.euro(bandBAmount.value)),
            ParameterCitation(minimumRatio, text: ratioText(minimumRatio)),
            ParameterCitation(lepRatio, text: ratioText(lepRatio)),
            ParameterCitation(objectiveRatio, text: ratioText(objectiveRatio)),
            ParameterCitation(fund, text: NumberFormatting.euro(fund.value)),
            ParameterCitation(prospettoDeadline, text: prospettoDeadline.value.italian),
            ParameterCitation(decreeDeadline, text: decreeDeadline.value.italian),
        ]
    }

    // The citations are derived from the parameters: not encoded, made again when decoded.
    private enum CodingKeys: String, CodingKey {
        case year, bandAAmount, bandBAmount, minimumRatio, lepRatio, objectiveRatio, fund, prospettoDeadline, decreeDeadline
    }

    /// Decodes the parameters of a year (as they are encoded) and formats their citations.
    ///
    /// - Throws: `DecodingError` for a missing or malformed parameter.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        year = try container.decodeExactInteger(forKey: .year)
        bandAAmount = try container.decode(ResolvedParameter<EuroCents>.self, forKey: .bandAAmount)
        bandBAmount = try container.decode(ResolvedParameter<EuroCents>.self, forKey: .bandBAmount)
        minimumRatio = try container.decode(ResolvedParameter<Int>.self, forKey: .minimumRatio)
        lepRatio = try container.decode(ResolvedParameter<Int>.self, forKey: .lepRatio)
        objectiveRatio = try container.decode(ResolvedParameter<Int>.self, forKey: .objectiveRatio)
        fund = try container.decode(ResolvedParameter<EuroCents>.self, forKey: .fund)
        prospettoDeadline = try container.decode(ResolvedParameter<CivilDate>.self, forKey: .prospettoDeadline)
        decreeDeadline = try container.decode(ResolvedParameter<CivilDate>.self, forKey: .decreeDeadline)
        citations = Self.citations(bandAAmount, bandBAmount, minimumRatio, lepRatio, objectiveRatio, fund, prospettoDeadline, decreeDeadline)
        // Checked as a table's values are: decoded parameters are computed with.
        do {
            try check()
        } catch {
            throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    /// A year of the measure (2021-2200), each parameter under its own name, in its bounds
    /// (``ParameterTable/check(_:of:)``), in force from a year of the measure not after this one,
    /// the deadlines in this year, and the thresholds in order (docs/regole.md §1; an
    /// integrator's trial decoded a year of −9.223.372.036.854.775.808).
    private func check() throws(ParameterError) {
        guard Bounds.years.contains(year) else { throw .yearOutOfRange(year) }
        let starts: [(ParameterName, Int)] = [
            (bandAAmount.name, bandAAmount.fromYear), (bandBAmount.name, bandBAmount.fromYear), (minimumRatio.name, minimumRatio.fromYear),
            (lepRatio.name, lepRatio.fromYear), (objectiveRatio.name, objectiveRatio.fromYear), (fund.name, fund.fromYear),
            (prospettoDeadline.name, prospettoDeadline.fromYear), (decreeDeadline.name, decreeDeadline.fromYear),
        ]
        for (name, start) in starts where !(Bounds.years.lowerBound...year).contains(start) {
            throw .invalidValue(name, "in vigore dal \(start): per il \(year) vale un valore in vigore dal \(Bounds.years.lowerBound) al \(year)")
        }
        for deadline in [prospettoDeadline, decreeDeadline] where deadline.value.year != year {
            throw .invalidValue(deadline.name, "scadenza \(deadline.value.italian) di un altro anno: per il \(year) la scadenza è nel \(year)")
        }
        let named: [(ParameterName, ParameterName, ParameterValue)] = [
            (bandAAmount.name, .importoFasciaA, .money(bandAAmount.value)), (bandBAmount.name, .importoFasciaB, .money(bandBAmount.value)),
            (minimumRatio.name, .rapportoSogliaMinima, .residentsPerSocialWorker(minimumRatio.value)),
            (lepRatio.name, .rapportoLEP, .residentsPerSocialWorker(lepRatio.value)),
            (objectiveRatio.name, .rapportoObiettivo, .residentsPerSocialWorker(objectiveRatio.value)), (fund.name, .fondoAnnuo, .money(fund.value)),
            (prospettoDeadline.name, .scadenzaProspetto, .dayOfYear(month: prospettoDeadline.value.month, day: prospettoDeadline.value.day)),
            (decreeDeadline.name, .scadenzaDecreto, .dayOfYear(month: decreeDeadline.value.month, day: decreeDeadline.value.day)),
        ]
        for (found, expected, value) in named {
            guard found == expected else { throw .invalidValue(expected, "indicato come «\(found.rawValue)»") }
            try ParameterTable.check(value, of: expected)
        }
        if let culprit = ParameterTable.outOfOrder(minimumRatio, lepRatio, objectiveRatio) {
            throw ParameterTable.ratiosOutOfOrder(culprit, year: year, minimumRatio.value, lepRatio.value, objectiveRatio.value)
        }
    }
}

/// A parameter as cited in a report or an explanation: its name, value and legal reference.
public struct ParameterCitation: Sendable, Hashable, Codable {
    /// The parameter.
    public let name: ParameterName
    /// Its value as text (`40.000,00 €`, `1/6.500`).
    public let valueText: String
    /// The first year of that value.
    public let fromYear: Int
    /// The act and provision.
    public let reference: LegalReference

    /// A citation of `parameter`, whose value reads `text`.
    public init<Value>(_ parameter: ResolvedParameter<Value>, text: String) {
        name = parameter.name
        valueText = text
        fromYear = parameter.fromYear
        reference = parameter.reference
    }
}
