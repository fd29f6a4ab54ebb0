#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

// Results decoded (docs/regole.md, «Risultati decodificati»): a contribution, an assessment, a
// prospetto or a riparto read back from JSON is taken only when its figures are what their own
// computation gives on the data they carry. A changed figure (a record's FTE, a total, a share)
// is an error of decoding, never a report of figures that do not add up.

extension ContributionAssessment {
    private enum Keys: String, CodingKey { case year, population, fte, thresholds, bandA, bandB, total, parameters }

    /// Decodes a contribution and computes it again from its population, FTE and parameters
    /// (docs/regole.md §4).
    ///
    /// - Throws: `DecodingError.dataCorrupted` when the population or the FTE are out of range or
    ///   not exact, or when a threshold, a band or the total is not what the computation gives.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        let parameters = try container.decode(ParametersInForce.self, forKey: .parameters)
        let population = try container.decodeExactInteger(forKey: .population)
        let fte = try container.decode(Fraction.self, forKey: .fte)
        let computed: ContributionAssessment
        do { computed = try ContributionCalculator.assess(population: population, fte: fte, parameters: parameters) } catch {
            throw DecodingError.dataCorruptedError(forKey: .population, in: container, debugDescription: error.description)
        }
        guard try container.decodeExactInteger(forKey: .year) == computed.year,
            try container.decode(Thresholds.self, forKey: .thresholds) == computed.thresholds,
            try container.decode(BandShare.self, forKey: .bandA) == computed.bandA,
            try container.decode(BandShare.self, forKey: .bandB) == computed.bandB,
            try container.decode(EuroCents.self, forKey: .total) == computed.total
        else { throw DecodingError.inconsistent("il contributo", codingPath: container.codingPath) }
        self = computed
    }
}

extension AnnualAssessment {
    private enum Keys: String, CodingKey { case ambito, year, method, residents, counted, excluded, areas, contribution, split, warnings }

    /// Decodes an assessment and checks it against its own records (docs/regole.md §2-§7): the
    /// contribution computed again, its year the assessment's, the population the sum of the
    /// comuni, each counted record's service what its dates and shares give in the year and its
    /// FTE their sum (from 0 to 1), each counted record's employer one that counts (not a
    /// contractor, not an ASL without the delega), each person once (counted or excluded), the FTE the sum of
    /// the counted records, the areas and the split among comuni what the records give. (An
    /// exclusion's reason cannot be checked: the record it was decided on is not carried.)
    ///
    /// - Throws: `DecodingError.dataCorrupted` for any figure that is not what the computation gives.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        let ambito = try container.decode(Ambito.self, forKey: .ambito)
        let year = try container.decodeExactInteger(forKey: .year)
        let residents = try container.decode([MunicipalResidents].self, forKey: .residents)
        let counted = try container.decode([CountedRecord].self, forKey: .counted)
        let contribution = try container.decode(ContributionAssessment.self, forKey: .contribution)
        func require(_ condition: Bool, _ what: String) throws {
            if !condition { throw DecodingError.inconsistent(what, codingPath: container.codingPath) }
        }
        try require(contribution.year == year, "l'anno del contributo")
        // Each at most 100 million and at most 10.000 comuni (Bounds): the sum fits in 64 bits.
        try require(residents.reduce(0) { $0 + $1.residents } == contribution.population, "la popolazione (somma dei comuni)")
        let method = try container.decode(FTEMethod.self, forKey: .method)
        let counter: FTECounter
        do { counter = try FTECounter(year: year, method: method) } catch {
            throw DecodingError.dataCorruptedError(forKey: .year, in: container, debugDescription: error.description)
        }
        try require(counted.allSatisfy { Self.isConsistent($0, counter: counter) }, "il servizio di una persona (giorni, quota dell'anno, FTE)")
        try require(counted.allSatisfy { !$0.fte.isNegative && $0.fte <= .one }, "l'FTE di una persona (da 0 a 1)")
        try require(
            counted.allSatisfy { Eligibility.exclusionReason(for: $0.employer) == nil },
            "l'ente di una persona contata (un ente i cui assistenti sociali non contano)")
        let excluded = try container.decode([ExcludedRecord].self, forKey: .excluded)
        let ids = counted.map(\.id) + excluded.map(\.id)
        try require(Set(ids).count == ids.count, "gli id delle persone (ognuna una volta, contata o esclusa)")
        try require(counted.map(\.fte).sum() == contribution.fte, "l'FTE dell'ambito (somma delle persone)")
        let areas = try container.decode(AreaBreakdown.self, forKey: .areas)
        try require(areas == AreaBreakdown(counted), "l'FTE per area di attività")
        let split = try container.decode(MunicipalSplit.self, forKey: .split)
        let computedSplit = MunicipalSplit(
            total: contribution.total, residents: residents, counted: counted, allFunctionsDelegated: ambito.allFunctionsDelegatedToLead,
            parameters: contribution.parameters)
        try require(split == computedSplit, "la ripartizione tra i comuni")
        self.init(
            ambito: ambito, year: year, method: method, residents: residents, counted: counted, excluded: excluded, areas: areas,
            contribution: contribution, split: split,
            warnings: try container.decode([InputDiagnostic].self, forKey: .warnings))
    }
}

extension AnnualAssessment {
    /// Whether `record`'s service is what `counter` gives for periods with its dates and shares
    /// (each in the year, its days, share of the year and FTE; no two sharing a day) and its FTE
    /// their sum (docs/regole.md §3).
    fileprivate static func isConsistent(_ record: CountedRecord, counter: FTECounter) -> Bool {
        var sum = Fraction.zero
        for service in record.service {
            guard let period = try? ServicePeriod(start: service.start, end: service.end, share: service.share),
                counter.service(in: period) == service
            else { return false }
            sum += service.fte
        }
        let byStart = record.service.sorted { $0.start < $1.start }
        return sum == record.fte && zip(byStart, byStart.dropFirst()).allSatisfy { $0.end < $1.start }
    }
}

extension FTEDeclaration {
    private enum Keys: String, CodingKey { case decimals, fte, entities, areas, contribution }

    /// Decodes a declaration and checks its figures (docs/regole.md §5): decimals from 0 to 6,
    /// every figure a whole number of units of the last decimal, the entities and the areas adding
    /// up to the ATS figure, the contribution computed on it.
    ///
    /// - Throws: `DecodingError.dataCorrupted` for any figure that does not hold.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        let decimals = try container.decodeExactInteger(forKey: .decimals)
        guard Self.decimalsRange.contains(decimals) else {
            throw DecodingError.dataCorruptedError(forKey: .decimals, in: container, debugDescription: "decimali non validi: \(decimals) (da 0 a 6)")
        }
        let fte = try container.decode(Fraction.self, forKey: .fte)
        let entities = try container.decode([Entity].self, forKey: .entities)
        let areas = try container.decode(AreaBreakdown.self, forKey: .areas)
        let contribution = try container.decode(ContributionAssessment.self, forKey: .contribution)
        let scale = BigInt.tenToThe(decimals)
        func isDeclarable(_ value: Fraction) -> Bool { !value.isNegative && (value * Fraction(scale)).isInteger }
        let figures = [fte] + entities.map(\.fte) + ActivityArea.allCases.map { areas[$0] } + [areas.unspecified]
        guard figures.allSatisfy(isDeclarable), entities.map(\.fte).sum() == fte, areas.total == fte, contribution.fte == fte else {
            throw DecodingError.inconsistent("le cifre da dichiarare", codingPath: container.codingPath)
        }
        self.init(decimals: decimals, fte: fte, entities: entities, areas: areas, contribution: contribution)
    }
}

extension Prospetto {
    private enum Keys: String, CodingKey { case campaign, consuntivo, previsione, deadline, consuntivoDeclaration, previsioneDeclaration }

    /// Decodes a prospetto: its two assessments checked as each is, the years those of the
    /// campaign, both of one ATS with the same comuni, the deadline the one in force, and the
    /// figures to declare made again from the assessments (docs/regole.md §5-§6).
    ///
    /// - Throws: `DecodingError.dataCorrupted` for a campaign outside 2022-2200 or any figure that
    ///   is not what the computation gives.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        let campaign = try container.decodeExactInteger(forKey: .campaign)
        guard Self.campaigns.contains(campaign) else {
            throw DecodingError.dataCorruptedError(forKey: .campaign, in: container, debugDescription: AssessmentError.invalidCampaign(campaign).description)
        }
        let consuntivo = try container.decode(AnnualAssessment.self, forKey: .consuntivo)
        let previsione = try container.decode(AnnualAssessment.self, forKey: .previsione)
        let deadline = try container.decode(ResolvedParameter<CivilDate>.self, forKey: .deadline)
        let declared = (
            try container.decode(FTEDeclaration.self, forKey: .consuntivoDeclaration),
            try container.decode(FTEDeclaration.self, forKey: .previsioneDeclaration)
        )
        let computed = (try? FTEDeclaration(consuntivo, decimals: declared.0.decimals), try? FTEDeclaration(previsione, decimals: declared.1.decimals))
        // Both years of one roster: the same ATS and the same comuni, in the same order.
        guard consuntivo.year == campaign - 1, previsione.year == campaign, deadline == previsione.contribution.parameters.prospettoDeadline,
            consuntivo.ambito == previsione.ambito, consuntivo.residents.map(\.istatCode) == previsione.residents.map(\.istatCode),
            computed.0 == declared.0, computed.1 == declared.1
        else { throw DecodingError.inconsistent("il prospetto", codingPath: container.codingPath) }
        self.init(
            campaign: campaign, consuntivo: consuntivo, previsione: previsione, deadline: deadline, consuntivoDeclaration: declared.0,
            previsioneDeclaration: declared.1)
    }
}

extension NationalAllocation {
    private enum Keys: String, CodingKey { case year, fund, entries, contributions, assigned, coefficient }

    /// Decodes a riparto and computes it again from its entries, fund and the parameters its
    /// contributions carry (docs/regole.md §6).
    ///
    /// - Throws: `DecodingError.dataCorrupted` for an entry, a fund or a year the riparto refuses,
    ///   or any figure that is not what the computation gives (one contribution per entry, the
    ///   amounts assigned, the coefficient).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        let year = try container.decodeExactInteger(forKey: .year)
        let fund = try container.decode(EuroCents.self, forKey: .fund)
        let entries = try container.decode([AllocationEntry].self, forKey: .entries)
        let contributions = try container.decode([ContributionAssessment].self, forKey: .contributions)
        guard contributions.count == entries.count, contributions.allSatisfy({ $0.parameters == contributions.first?.parameters }) else {
            throw DecodingError.inconsistent("l'elenco dei contributi", codingPath: container.codingPath)
        }
        let computed: NationalAllocation
        do {
            if let parameters = contributions.first?.parameters {
                computed = try NationalAllocation(entries, year: year, fund: fund, inForce: parameters)
            } else {
                computed = try NationalAllocation(entries, year: year, fund: fund)
            }
        } catch {
            throw DecodingError.dataCorruptedError(forKey: .entries, in: container, debugDescription: error.description)
        }
        guard computed.contributions == contributions, try container.decode([EuroCents].self, forKey: .assigned) == computed.assigned,
            try container.decode(Fraction.self, forKey: .coefficient) == computed.coefficient
        else { throw DecodingError.inconsistent("il riparto", codingPath: container.codingPath) }
        self = computed
    }
}

extension EmployingEntity {
    private enum Keys: String, CodingKey { case key, name, persons, fte, areas }

    /// Decodes an entity: its persons a whole number from 0, its FTE from 0, its areas adding up to them.
    ///
    /// - Throws: `DecodingError.dataCorrupted` for a figure that does not hold.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        let persons = try container.decodeExactInteger(forKey: .persons)
        let fte = try container.decode(Fraction.self, forKey: .fte)
        let areas = try container.decode(AreaBreakdown.self, forKey: .areas)
        guard persons >= 0, !fte.isNegative, areas.total == fte else {
            throw DecodingError.inconsistent("l'ente (persone, FTE e aree)", codingPath: container.codingPath)
        }
        self.init(
            key: try container.decode(String.self, forKey: .key), name: try container.decode(String.self, forKey: .name), persons: persons, fte: fte,
            areas: areas)
    }
}

extension CycleOutcome {
    private enum Keys: String, CodingKey {
        case year, reserved, computedOnActual, liquidated, savings, computedOnCertified, recovery, decreedReserved, decreedLiquidated
    }

    /// Decodes a year's outcome: each contribution checked as it is decoded and of this year, the
    /// steps in order, and liquidato, economia and recupero what they give (docs/regole.md §6).
    ///
    /// - Throws: `DecodingError.dataCorrupted` for a figure that is not what the computation gives.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        let year = try container.decodeExactInteger(forKey: .year)
        let reserved = try container.decodeIfPresent(ContributionAssessment.self, forKey: .reserved)
        let actual = try container.decodeIfPresent(ContributionAssessment.self, forKey: .computedOnActual)
        let certified = try container.decodeIfPresent(ContributionAssessment.self, forKey: .computedOnCertified)
        let computed = CycleOutcome(
            year: year, reserved: reserved, computedOnActual: actual, computedOnCertified: certified,
            decreedReserved: try container.decodeIfPresent(EuroCents.self, forKey: .decreedReserved),
            decreedLiquidated: try container.decodeIfPresent(EuroCents.self, forKey: .decreedLiquidated))
        let years = [reserved, actual, certified].compactMap { $0?.year }
        let decreed = [computed.decreedReserved, computed.decreedLiquidated].compactMap { $0 }
        guard years.allSatisfy({ $0 == year }), actual == nil || reserved != nil, certified == nil || actual != nil,
            decreed.allSatisfy({ !$0.isNegative && $0.cents <= BigInt(Bounds.maximumEuros) * 100 }),
            try container.decodeIfPresent(EuroCents.self, forKey: .liquidated) == computed.liquidated,
            try container.decodeIfPresent(EuroCents.self, forKey: .savings) == computed.savings,
            try container.decodeIfPresent(EuroCents.self, forKey: .recovery) == computed.recovery
        else { throw DecodingError.inconsistent("l'esito dell'anno", codingPath: container.codingPath) }
        self = computed
    }
}
