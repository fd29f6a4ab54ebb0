/// Who receives a part of the ATS contribution in the DM 15/2021 art. 2 split.
public enum SplitRecipient: Sendable, Hashable, Codable, CustomStringConvertible {
    /// A comune of the ATS, by ISTAT code.
    case comune(istatCode: String)
    /// The soggetto capofila (with every ATS-level employer).
    case capofila

    /// The contract's `riparto[].ente`: `comune:<codiceIstat>` or `capofila`.
    public var description: String {
        switch self {
        case .comune(let code): Employer.comuneKey(code)
        case .capofila: "capofila"
        }
    }
}

/// One part of the ATS contribution after the DM 15/2021 art. 2 split.
public struct MunicipalShare: Sendable, Hashable, Codable {
    /// Who receives it.
    public let recipient: SplitRecipient
    /// The comune's name, or `Soggetto capofila`.
    public let name: String
    /// Residents at 1 January of the year (nil for the capofila).
    public let residents: Int?
    /// FTE employed by the comune itself (for the capofila: all ATS-level entities).
    public let ownFTE: Fraction
    /// FTE of the ATS-level entities attributed to the comune by residents (art. 2, c. 3).
    public let attributedFTE: Fraction
    /// What the national formula gives for the comune alone (art. 2, c. 4), exact, in euro.
    public let formulaAmount: Fraction
    /// The exact share before rounding to the cent, in euro.
    public let exactAmount: Fraction
    /// The final amount, cents by largest remainder so the parts add up to the ATS contribution.
    public let amount: EuroCents
}

/// How the ATS contribution was split among comuni and capofila (DM 15/2021 art. 2;
/// docs/regole.md §7), and which branch of art. 2 applied.
public struct MunicipalSplit: Sendable, Hashable, Codable {
    /// Which rule decided the split.
    public enum Rule: String, Sendable, Hashable, Codable {
        /// Art. 2, c. 1: all functions delegated to the capofila, which receives everything.
        case allToLead = "tutto_al_capofila"
        /// Art. 2, c. 5: the comune amounts exceed the ATS contribution and are cut pro rata.
        case proRataReduction = "riduzione_proporzionale"
        /// Art. 2, c. 6: the residue is split by own FTE among comuni and capofila.
        case residueByOwnFTE = "residuo_per_fte_propri"
    }

    /// The rule applied.
    public let rule: Rule
    /// One share per comune (input order), then the capofila.
    public let shares: [MunicipalShare]
    /// The exact sum of the comune formula amounts (art. 2, c. 4).
    public let formulaTotal: Fraction

    /// The DM 15/2021 art. 2 split of `total` among the comuni and the capofila.
    ///
    /// - Parameters:
    ///   - total: the ATS contribution to split.
    ///   - residents: residents of each comune at 1 January (each at least 1), in input order.
    ///   - counted: the counted records (their employer decides own and ATS-level FTE).
    ///   - allFunctionsDelegated: all social functions are delegated to the capofila (art. 2, c. 1).
    ///   - parameters: the parameters in force for the year (the national formula of c. 4).
    init(total: EuroCents, residents: [MunicipalResidents], counted: [CountedRecord], allFunctionsDelegated: Bool, parameters: ParametersInForce) {
        // Sums by denominator (``FractionSum``): no greatest common divisor per record.
        // A comune's own FTE by its position (a code no comune has counts for none, as the roster
        // allows none: docs/regole.md §7).
        let comuni = ComunePositions(residents.map(\.istatCode))
        var ownSums = [FractionSum](repeating: FractionSum(), count: residents.count)
        var leadSum = FractionSum()
        for index in counted.indices {
            let employer = counted[index].employer
            if employer.kind == .comune, let code = employer.istatCode {
                if let position = comuni.position(of: code) { ownSums[position].add(counted[index].fte) }
            } else {
                leadSum.add(counted[index].fte)
            }
        }
        let leadFTE = leadSum.total
        let population = max(residents.reduce(0) { $0 + $1.residents }, 1)
        let attributed = residents.map { leadFTE * Fraction($0.residents, population) }
        let own = ownSums.map(\.total)
        let formula = residents.indices.map { index -> Fraction in
            // Each comune has 1 to 100 million residents and at most the ATS FTE: always computable.
            ContributionCalculator.exactEuros(population: residents[index].residents, fte: own[index] + attributed[index], parameters: parameters)
                ?? .zero
        }
        let formulaTotal = formula.sum()
        let target = total.euros
        var exactShares: [Fraction]
        if allFunctionsDelegated {
            rule = .allToLead
            exactShares = Array(repeating: .zero, count: residents.count) + [target]
        } else if formulaTotal > target {
            rule = .proRataReduction
            exactShares = formula.map { target * $0 / formulaTotal } + [.zero]
        } else {
            rule = .residueByOwnFTE
            let residue = target - formulaTotal
            let ownTotal = own.sum() + leadFTE
            if ownTotal.isZero {
                exactShares = formula + [residue]
            } else {
                exactShares = residents.indices.map { formula[$0] + residue * own[$0] / ownTotal } + [residue * leadFTE / ownTotal]
            }
        }
        let cents = LargestRemainder.distribute(total, exactShares: exactShares)
        var shares: [MunicipalShare] = residents.indices.map { index in
            MunicipalShare(
                recipient: .comune(istatCode: residents[index].istatCode), name: residents[index].name, residents: residents[index].residents,
                ownFTE: own[index], attributedFTE: attributed[index], formulaAmount: formula[index], exactAmount: exactShares[index],
                amount: cents[index])
        }
        shares.append(
            MunicipalShare(
                recipient: .capofila, name: "Soggetto capofila", residents: nil, ownFTE: leadFTE, attributedFTE: .zero, formulaAmount: .zero,
                exactAmount: exactShares[residents.count], amount: cents[residents.count]))
        self.shares = shares
        self.formulaTotal = formulaTotal
    }
}
