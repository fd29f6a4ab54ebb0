#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// One employing entity of the ATS in a year: a comune, or an ATS-level employer (unione di
/// comuni, consorzio, ASL with delega, …), with its counted staff (the prospetto's `enti[]`).
public struct EmployingEntity: Sendable, Hashable, Codable {
    /// `comune:<codiceIstat>` or the kind's code (`unione_di_comuni`, `asl`).
    public let key: String
    /// The comune's name, or the kind of body in words.
    public let name: String
    /// Counted persons with service in the year (FTE > 0).
    public let persons: Int
    /// Their FTE, exact.
    public let fte: Fraction
    /// Their FTE per area di attività (adding up to ``fte``).
    public let areas: AreaBreakdown
}

extension AnnualAssessment {
    /// Counted persons with service in the year (FTE > 0): the prospetto's `persone.conteggiate`.
    public var countedPersons: Int { counted.count { !$0.fte.isZero } }

    /// The employing entities with counted staff in the year: each comune (in roster order), then
    /// each kind of ATS-level employer (in the order of ``EmployerKind``). Their FTE add up to ``fte``.
    public var entities: [EmployingEntity] {
        let counted = self.counted
        return recordsByEntity().map { entry in
            EmployingEntity(
                key: entry.key, name: entry.name, persons: entry.records.count, fte: Self.fte(of: entry.records, in: counted),
                areas: AreaBreakdown(entry.records.lazy.map { counted[Int($0)] }))
        }
    }

    /// The areas as a report shows them with `decimals` decimals (docs/regole.md §5): the total
    /// rounded half away from zero, each part its exact FTE rounded down or up (the units missing
    /// to the total to the largest remainders), so the figures shown add up to the total shown.
    package func shownAreas(decimals: Int) -> AreaBreakdown { areas.shown(decimals: decimals, total: fte) }

    /// The own FTE of each share of ``split`` (in the order of its shares) as a report shows them
    /// with `decimals` decimals beside the ATS total shown (rounded half away from zero): each
    /// rounded down, the units missing to the total to the largest remainders, so that they add
    /// up to it (docs/regole.md §5, «FTE propri» of the split). The exact figures when they are
    /// not the ATS's (a share's comune outside the roster, which a valid roster does not have).
    package func shownOwnFTE(decimals: Int) -> [Fraction] {
        let exact = split.shares.map(\.ownFTE)
        var sum = FractionSum()
        for value in exact { sum.add(value) }
        guard sum.total == fte else { return exact }
        let scale = BigInt.tenToThe(decimals)
        return LargestRemainder.distribute(units: fte.roundedScaled(by: scale), roundingEach: exact, scale: scale).map { Fraction($0, scale) }
    }

    /// The employing entities as a report shows them with `decimals` decimals: each entity's exact
    /// FTE rounded down or up so that they add up to the ATS total shown (rounded half away from
    /// zero; the units missing go to the largest remainders), and each entity's areas the same way
    /// to its figure shown (docs/regole.md §5, docs/formati.md, prospetto).
    package func shownEntities(decimals: Int) -> [EmployingEntity] { shownEntitiesWithExactFTE(decimals: decimals).map(\.shown) }

    /// ``shownEntities(decimals:)`` with each entity's exact FTE beside its figure shown (what a
    /// prospetto puts beside the figure to declare, so that a figure rounded up is seen as such).
    ///
    /// - Parameter exact: ``entities``, when the caller has them already (they are summed record by record).
    package func shownEntitiesWithExactFTE(decimals: Int, of exact: [EmployingEntity]? = nil) -> [(shown: EmployingEntity, exactFTE: Fraction)] {
        let exact = exact ?? entities
        let scale = BigInt.tenToThe(decimals)
        let units = LargestRemainder.distribute(units: fte.roundedScaled(by: scale), roundingEach: exact.map(\.fte), scale: scale)
        return zip(exact, units).map { entity, units in
            let shown = Fraction(units, scale)
            return (
                EmployingEntity(
                    key: entity.key, name: entity.name, persons: entity.persons, fte: shown, areas: entity.areas.shown(decimals: decimals, total: shown)),
                entity.fte
            )
        }
    }

    /// The employing entities (exact figures) each with its figure to declare in `declaration`
    /// and its areas to declare beside it: the entity's exact areas split to that figure with the
    /// declaration's decimals by the rule of the declaration's own areas (each rounded down, the
    /// units missing to the largest remainders; docs/regole.md §5 and «FTE da dichiarare»: in a
    /// table of entities by areas each row's parts add up to the row's figure to declare). In the
    /// order of ``entities``.
    ///
    /// - Parameter exact: ``entities``, when the caller has them already.
    package func entitiesWithAreasToDeclare(_ declaration: FTEDeclaration, of exact: [EmployingEntity]? = nil) -> [(
        entity: EmployingEntity, declared: Fraction, areas: AreaBreakdown
    )] {
        let exact = exact ?? entities
        // The declaration lists the entities in the same order; by key when it does not (a decoded one).
        let inOrder = declaration.entities.count == exact.count && zip(declaration.entities, exact).allSatisfy { $0.key == $1.key }
        return exact.enumerated().map { index, entity in
            let declared = inOrder ? declaration.entities[index].fte : declaration.fte(of: entity.key)
            return (entity, declared, entity.areas.shown(decimals: declaration.decimals, total: declared))
        }
    }

    /// How a report names an employer of this assessment: a comune by its name, any other by its
    /// kind (`Unione di comuni`); the one rule of the annex and of the excluded persons.
    package func employerNamer() -> (Employer) -> String {
        let residents = residents
        let comuni = ComunePositions(residents.map(\.istatCode))
        return { employer in
            (employer.kind == .comune ? employer.istatCode.flatMap(comuni.position(of:)).map { residents[$0].name } : nil) ?? employer.kind.label
        }
    }

    /// The exact sum of the FTE of the counted records at `positions`.
    static func fte(of positions: ArraySlice<Int32>, in counted: [CountedRecord]) -> Fraction {
        var sum = FractionSum()
        for position in positions { sum.add(counted[Int(position)].fte) }
        return sum.total
    }

    /// The kinds of ATS-level employer, in the order of ``entities``.
    private static let ambitoLevelKinds = EmployerKind.allCases.filter { $0 != .comune }

    /// The counted records with service in the year, grouped by employing entity in the order of
    /// ``entities`` (their positions in ``counted``, not copies): the one rule of which entity a
    /// person counts for (the FTE to declare need only each entity's FTE, not its areas).
    /// The ISTAT code the counted staff of the comune capofila name, when they all name the same
    /// comune of the ATS; nil otherwise.
    package var capofilaCode: String? {
        var found: String?
        for record in counted where record.employer.kind == .comuneCapofila && !record.fte.isZero {
            guard let code = record.employer.istatCode, found == nil || found == code else { return nil }
            found = code
        }
        return found.flatMap { code in residents.contains { $0.istatCode == code } ? code : nil }
    }

    func recordsByEntity() -> [(key: String, name: String, records: ArraySlice<Int32>)] {
        // Entities by position (each comune, then each kind of ATS-level employer): a record finds
        // its entity by code or kind, as ``Employer/key`` names it, without making the key's text.
        let ambitoLevel = Self.ambitoLevelKinds
        let comuni = ComunePositions(residents.map(\.istatCode))
        // Each record's entity (−1: none) and the size of each entity's group; then the positions
        // in one list, each entity's group one run of it (no list of its own to grow).
        var entityOf = [Int32](repeating: -1, count: counted.count)
        var ends = [Int](repeating: 0, count: residents.count + ambitoLevel.count)
        for position in counted.indices where !counted[position].fte.isZero {
            let employer = counted[position].employer
            let index =
                employer.kind == .comune
                ? employer.istatCode.flatMap(comuni.position(of:)) : ambitoLevel.firstIndex(of: employer.kind).map { residents.count + $0 }
            guard let index else { continue }
            entityOf[position] = Int32(truncatingIfNeeded: index)
            ends[index] += 1
        }
        for index in ends.indices.dropFirst() { ends[index] += ends[index - 1] }
        // A roster has at most Bounds.maximumRecords (10 million) records: a position fits in 32 bits.
        var positions = [Int32](repeating: 0, count: ends.last ?? 0)
        var next = [0] + ends.dropLast()
        for (position, entity) in entityOf.enumerated() where entity >= 0 {
            positions[next[Int(entity)]] = Int32(truncatingIfNeeded: position)
            next[Int(entity)] += 1
        }
        return ends.indices.compactMap { index in
            let group = positions[(index == 0 ? 0 : ends[index - 1])..<ends[index]]
            guard !group.isEmpty else { return nil }
            if index < residents.count { return (Employer.comuneKey(residents[index].istatCode), residents[index].name, group) }
            let kind = ambitoLevel[index - residents.count]
            // The comune capofila named with its comune when its staff name one (an officer's
            // trial: which comune is the capofila?); its code is shown beside (``capofilaCode``).
            if kind == .comuneCapofila, let code = capofilaCode, let position = comuni.position(of: code) {
                return (kind.rawValue, "Comune capofila: \(residents[position].name)", group)
            }
            return (kind.rawValue, kind.label, group)
        }
    }
}

/// The FTE figures to type into SIOSS for a year (docs/regole.md §5, «FTE da dichiarare»): the
/// ministry computes on what is declared and, after certification, recovers what was
/// over-declared (DM 125/2024), so the ATS figure is the exact FTE **rounded down** to
/// ``decimals`` (never above the truth); each employing entity declares its exact FTE rounded
/// down, and the units still missing to the ATS figure go one each to the entities with the
/// largest remainders, so they add up to it and none is declared below its own rounding down (an
/// entity of exactly 1 FTE declares 1,00); so do the figures per area di attività (the five areas
/// and `non_indicata`).
public struct FTEDeclaration: Sendable, Hashable, Codable {
    /// One entity's figure to declare.
    public struct Entity: Sendable, Hashable, Codable {
        /// The entity's key (see ``EmployingEntity/key``).
        public let key: String
        /// The figure to declare.
        public let fte: Fraction
    }

    /// The decimals of the declared figures (default 2).
    public let decimals: Int
    /// The ATS figure to declare: the exact FTE rounded down to ``decimals``.
    public let fte: Fraction
    /// The entities' figures, in the order of ``AnnualAssessment/entities``, adding up to ``fte``.
    public let entities: [Entity]
    /// The figures per area di attività, adding up to ``fte`` (each area's exact FTE rounded down, the units missing by largest remainder).
    public let areas: AreaBreakdown
    /// The contribution computed on the declared figure.
    public let contribution: ContributionAssessment

    /// The decimals accepted.
    public static let decimalsRange = 0...6

    /// The declaration of `assessment` with `decimals` decimals.
    ///
    /// - Throws: ``InvalidValue`` with ``DiagnosticCode/fuoriMisura`` for decimals outside 0...6.
    public init(_ assessment: AnnualAssessment, decimals: Int = 2) throws(InvalidValue) {
        guard Self.decimalsRange.contains(decimals) else {
            throw InvalidValue(.fuoriMisura, "decimali degli FTE da dichiarare non validi: \(decimals) (da 0 a 6)")
        }
        let scale = BigInt.tenToThe(decimals)
        let units = assessment.fte.flooredScaled(by: scale)
        let counted = assessment.counted
        let entities = assessment.recordsByEntity().map { (key: $0.key, fte: AnnualAssessment.fte(of: $0.records, in: counted)) }
        let split = LargestRemainder.distribute(units: units, roundingEach: entities.map(\.fte), scale: scale)
        self.decimals = decimals
        fte = Fraction(units, scale)
        self.entities = zip(entities, split).map { Entity(key: $0.key, fte: Fraction($1, scale)) }
        areas = assessment.areas.split(units: units, scale: scale)
        // Declared ≤ exact FTE ≤ 10 million and the population is that of a valid assessment.
        contribution =
            (try? ContributionCalculator.assess(population: assessment.population, fte: fte, parameters: assessment.contribution.parameters))
            ?? assessment.contribution
    }

    /// A declaration from its figures (checked by the caller: a decoded one, ``init(from:)``).
    init(decimals: Int, fte: Fraction, entities: [Entity], areas: AreaBreakdown, contribution: ContributionAssessment) {
        self.decimals = decimals
        self.fte = fte
        self.entities = entities
        self.areas = areas
        self.contribution = contribution
    }

    /// How the declaration of `assessment` was obtained (`--spiega`): the ATS figure (the exact FTE
    /// rounded down), each entity's (its exact FTE rounded down, one unit more for the largest
    /// remainders), then the contribution computed on the ATS figure (docs/regole.md §5, «FTE da
    /// dichiarare»). `assessment` is the one declared (its entities found by key).
    package func explanation(of assessment: AnnualAssessment) -> Explanation {
        let scale = BigInt.tenToThe(decimals)
        let text = { (value: Fraction) in NumberFormatting.italian(value, decimals: self.decimals) }
        // Each entity's figure by its key (a declaration decoded may list them in another order).
        let entitySteps = assessment.entities.map { exact -> Explanation in
            let declared = fte(of: exact.key)
            let floor = Fraction(exact.fte.flooredScaled(by: scale), scale)
            return Explanation(
                title: "FTE da dichiarare di \(exact.name)", value: text(declared),
                rule: "FTE esatti \(NumberFormatting.exactItalian(exact.fte)) arrotondati per difetto: \(text(floor))"
                    + (declared > floor ? ", più un'unità dell'ultimo decimale (uno dei resti maggiori)" : ""))
        }
        let ambito = Explanation(
            title: "N: FTE da dichiarare dell'ambito", value: text(fte),
            rule:
                "FTE esatti \(NumberFormatting.exactItalian(assessment.fte)) arrotondati per difetto a \(Italian.count(decimals, "decimale", "decimali")) (il ministero calcola su quanto dichiarato e recupera quanto dichiarato in più: D.M. 125/2024); ogni ente i suoi FTE esatti arrotondati per difetto, le unità che mancano alla cifra dell'ambito una ciascuno agli enti con i resti maggiori",
            steps: entitySteps)
        let population = Explanation(
            title: "Popolazione residente P", value: NumberFormatting.italian(assessment.population),
            rule: "la stessa del calcolo sugli FTE esatti (residenti al 1° gennaio \(assessment.year))")
        // The contribution's steps (bands, thresholds) under this title: not a second «Contributo»
        // of another amount; P and N said where they come from, not «dato di input» (an officer's
        // trial: the declared N read as a second «FTE conteggiati»).
        return Explanation(
            title: "Contributo sugli FTE dichiarati \(assessment.year)", value: NumberFormatting.euro(contribution.total),
            rule: "fascia A + fascia B, calcolate con N = gli FTE da dichiarare dell'ambito (\(text(fte)))",
            steps: [population, ambito] + contribution.explanation.steps.dropFirst(ContributionAssessment.explainedInputs))
    }

    /// The declared figure of `key`, zero when the entity has none.
    public func fte(of key: String) -> Fraction { entities.first { $0.key == key }?.fte ?? .zero }

    /// The ATS figure as text with exactly ``decimals`` decimals and `decimalMark`.
    func ambitoText(decimalMark: Character) -> String { Self.text(fte, decimals: decimals, decimalMark: decimalMark) }

    /// A declared figure as text with exactly `decimals` decimals (it is exact there).
    static func text(_ value: Fraction, decimals: Int, decimalMark: Character) -> String {
        let plain = NumberFormatting.plain(value, decimals: decimals)
        return decimalMark == "." ? plain : plain.replacing(".", with: String(decimalMark))
    }
}

/// The declarations of both years of a campaign.
enum DeclaredFTE {
    /// Consuntivo and previsione declarations of a prospetto.
    struct Campaign {
        let consuntivo: FTEDeclaration
        let previsione: FTEDeclaration

        init(_ p: Prospetto) {
            consuntivo = p.consuntivoDeclaration
            previsione = p.previsioneDeclaration
        }
    }
}
