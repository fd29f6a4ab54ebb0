/// One ATS of a national table: residents, FTE and the amount already recognised for earlier
/// years and due from this year's fund (`pregresso`).
public struct AllocationEntry: Sendable, Hashable, Codable {
    /// The ATS code.
    public let code: String
    /// The ATS name.
    public let name: String
    /// Residents (P), 1 to 100 million.
    public let population: Int
    /// Counted FTE (N), 0 to 10 million.
    public let fte: Fraction
    /// Amount recognised for earlier years, paid whole from this year's fund (0 to one thousand billion euro).
    public let previous: EuroCents

    /// An entry.
    ///
    /// - Throws: ``InvalidValue`` for an empty code or name, a code or name with a line break or a
    ///   control character or longer than a label may be (``Bounds``), a row of totals
    ///   (a code or name beginning with `Totale`, `Totali` or `Tot.`, docs/formati.md), a population or FTE out of range, or a negative or absurd `previous`.
    public init(code: String, name: String, population: Int, fte: Fraction, previous: EuroCents = .zero) throws(InvalidValue) {
        let code = try Bounds.checkedLabel(code, what: "codice dell'ambito")
        let name = try Bounds.checkedLabel(name, what: "denominazione dell'ambito")
        guard !code.isEmpty else { throw InvalidValue(.valoreVuoto, "codice dell'ambito vuoto") }
        if TotalRows.isTotal(code) || TotalRows.isTotal(name) {
            throw InvalidValue(
                .rigaDiTotale,
                "«\(TextSafety.shortened(TotalRows.isTotal(code) ? code : name))» sembra una riga di totale, non un ambito: cancellala (il programma fa da sé i totali)"
            )
        }
        guard !name.isEmpty else { throw InvalidValue(.valoreVuoto, "denominazione dell'ambito \(code) vuota") }
        try Residents.check(population)
        guard !fte.isNegative, fte <= Fraction(Bounds.maximumFTE) else {
            throw InvalidValue(
                .fteNonValidi,
                "FTE non validi: \(NumberFormatting.italian(fte, decimals: 4)) (devono essere tra 0 e \(NumberFormatting.italian(Bounds.maximumFTE)))")
        }
        guard !previous.isNegative, previous.cents <= BigInt(Bounds.maximumEuros) * 100 else {
            throw InvalidValue(.importoNonValido, "pregresso fuori misura: \(previous)")
        }
        self.code = code
        self.name = name
        self.population = population
        self.fte = fte
        self.previous = previous
    }

    /// How two codes of ATS are compared: without case (as person ids are), so `ATS-01` and
    /// `ats-01` are one ATS (the one rule of the riparto's reader and of ``NationalAllocation``).
    static func comparable(code: String) -> String { code.lowercased() }

    private enum CodingKeys: String, CodingKey { case code, name, population, fte, previous }

    /// Decodes an entry through ``init(code:name:population:fte:previous:)``, the residents exactly.
    ///
    /// - Throws: `DecodingError.dataCorrupted` for what the initialiser refuses or a population
    ///   that is not exactly an integer.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let code = try container.decode(String.self, forKey: .code)
        let name = try container.decode(String.self, forKey: .name)
        let population = try container.decodeExactInteger(forKey: .population)
        let fte = try container.decode(Fraction.self, forKey: .fte)
        let previous = try container.decode(EuroCents.self, forKey: .previous)
        self = try DecodingError.validating(container.codingPath) { () throws(InvalidValue) in
            try AllocationEntry(code: code, name: name, population: population, fte: fte, previous: previous)
        }
    }
}

/// How many ATS stand below, between and above the thresholds.
public struct ThresholdCounts: Sendable, Hashable, Codable {
    /// Below P/6.500.
    public let belowMinimum: Int
    /// From P/6.500 up to (not reaching) the LEP.
    public let betweenMinimumAndLEP: Int
    /// At or above the LEP.
    public let atLeastLEP: Int
    /// At or above P/4.000 (also counted in `atLeastLEP`).
    public let atLeastObjective: Int
}

/// FTE missing nationally to bring every ATS to a threshold (the UPB figure).
public struct MissingFTE: Sendable, Hashable, Codable {
    /// To P/6.500.
    public let minimum: Fraction
    /// To the LEP, P/5.000.
    public let lep: Fraction
    /// To P/4.000.
    public let objective: Fraction
}

/// The national riparto of a year with the fund cap (docs/regole.md §6): amounts already
/// recognised for earlier years are kept whole; if the new contributions exceed what is left of
/// the fund, they are all reduced by one coefficient, cents by largest remainder so the assigned
/// amounts add up exactly to what is left.
public struct NationalAllocation: Sendable, Hashable, Codable {
    /// The year.
    public let year: Int
    /// The fund available in the year.
    public let fund: EuroCents
    /// The entries, in input order.
    public let entries: [AllocationEntry]
    /// The contribution of each entry (comma 797), in input order.
    public let contributions: [ContributionAssessment]
    /// The amount assigned to each entry after the reduction, in input order.
    public let assigned: [EuroCents]
    /// The share of the new contributions paid: min(1, (fund − previous) / requested), exact.
    public let coefficient: Fraction

    /// The sum of the amounts recognised for earlier years.
    public var previousTotal: EuroCents { entries.map(\.previous).sum() }
    /// The sum of the new contributions requested.
    public var requested: EuroCents { contributions.map(\.total).sum() }
    /// The sum of the assigned amounts.
    public var assignedTotal: EuroCents { assigned.sum() }
    /// Whether the fund forced a reduction.
    public var isReduced: Bool { coefficient < .one }

    /// The riparto of `entries` in `year` with `fund` (by default the fund in force).
    ///
    /// - Throws: ``ContributionError`` for a year with no parameters in force, a negative fund or
    ///   one above 1.000 miliardi, more than ``Bounds/maximumAmbiti`` entries, or two entries
    ///   with the same code, compared without case (as the riparto reader refuses them).
    public init(_ entries: [AllocationEntry], year: Int, fund: EuroCents? = nil, parameters: ParameterTable = .official) throws(ContributionError) {
        let inForce: ParametersInForce
        do { inForce = try parameters.inForce(for: year) } catch { throw .parameter(error) }
        try self.init(entries, year: year, fund: fund, inForce: inForce)
    }

    /// The riparto of `entries` with the parameters `inForce` (those of `year`; a decoded riparto
    /// gives those its contributions carry).
    init(_ entries: [AllocationEntry], year: Int, fund: EuroCents?, inForce: ParametersInForce) throws(ContributionError) {
        guard inForce.year == year else { throw .parameter(.yearOutOfRange(year)) }
        let available = fund ?? inForce.fund.value
        guard !available.isNegative else { throw .parameter(.invalidValue(.fondoAnnuo, "il fondo non può essere negativo")) }
        guard available.cents <= BigInt(Bounds.maximumEuros) * 100 else {
            throw .parameter(.invalidValue(.fondoAnnuo, "importo fuori misura (al massimo \(NumberFormatting.italian(Bounds.maximumEuros)) euro)"))
        }
        guard entries.count <= Bounds.maximumAmbiti else {
            throw .invalidTable(InvalidValue(.troppiDati, Bounds.tooMany("ambiti", entries.count, maximum: Bounds.maximumAmbiti)))
        }
        var seen = [String: String](minimumCapacity: entries.count)
        for entry in entries {
            let key = AllocationEntry.comparable(code: entry.code)
            if let first = seen[key] {
                let written = first == entry.code ? "" : " (già come «\(first)»)"
                throw .invalidTable(InvalidValue(.ambitoRipetuto, "ambito \(entry.code) ripetuto\(written)"))
            }
            seen[key] = entry.code
        }
        var contributions: [ContributionAssessment] = []
        contributions.reserveCapacity(entries.count)
        for entry in entries { contributions.append(try ContributionCalculator.assess(population: entry.population, fte: entry.fte, parameters: inForce)) }
        let requested = contributions.map(\.total).sum()
        let left = max(available - entries.map(\.previous).sum(), .zero)
        let coefficient: Fraction
        let assigned: [EuroCents]
        if requested <= left {
            coefficient = .one
            assigned = contributions.map(\.total)
        } else {
            coefficient = Fraction(left.cents, requested.cents)
            assigned = LargestRemainder.distribute(left, exactShares: contributions.map { $0.total.euros * coefficient })
        }
        self.year = year
        self.fund = available
        self.entries = entries
        self.contributions = contributions
        self.assigned = assigned
        self.coefficient = coefficient
    }

    /// How many ATS are below T65, between T65 and the LEP, at or above the LEP, at or above T40.
    public var counts: ThresholdCounts {
        var below = 0
        var between = 0
        var atLEP = 0
        var atObjective = 0
        for assessment in contributions {
            if !assessment.meetsMinimum {
                below += 1
            } else if !assessment.meetsLEP {
                between += 1
            } else {
                atLEP += 1
            }
            if assessment.meetsObjective { atObjective += 1 }
        }
        return ThresholdCounts(belowMinimum: below, betweenMinimumAndLEP: between, atLeastLEP: atLEP, atLeastObjective: atObjective)
    }

    /// FTE missing nationally to bring every ATS to T65, the LEP and T40 (the UPB figure).
    public var missingFTE: MissingFTE {
        MissingFTE(
            minimum: contributions.map(\.missingToMinimum).sum(), lep: contributions.map(\.missingToLEP).sum(),
            objective: contributions.map(\.missingToObjective).sum())
    }
}
