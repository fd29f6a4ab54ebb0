/// One part of the ATS contribution after the DM 15/2021 art. 2 split.
public struct MunicipalShare: Sendable, Hashable {
    /// `comune:<codiceIstat>` or `capofila` (the contract's `riparto[].ente`).
    public let key: String
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
    /// The final amount, cents by largest remainder so the parts add up to the ATS contribution.
    public let amount: EuroCents
}

/// How the ATS contribution was split, and which branch of art. 2 applied.
public struct MunicipalSplit: Sendable, Hashable {
    /// Which rule decided the split.
    public enum Rule: String, Sendable, Hashable {
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

    /// The DM 15/2021 art. 2 split of `total` among the comuni and the capofila (RULES.md §7).
    ///
    /// - Parameters:
    ///   - total: the ATS contribution to split.
    ///   - residents: residents of each comune at 1 January, in input order, with code and name.
    ///   - ownFTE: FTE employed by each comune itself, by ISTAT code.
    ///   - leadFTE: FTE of the ATS-level entities (capofila, unione, consorzio, ASL with delega, ...).
    ///   - allFunctionsDelegated: all social functions are delegated to the capofila (art. 2, c. 1).
    ///   - parameters: the parameters in force for the year (the national formula of c. 4).
    public static func compute(
        total: EuroCents, residents: [(code: String, name: String, residents: Int)], ownFTE: [String: Fraction],
        leadFTE: Fraction, allFunctionsDelegated: Bool, parameters: ParametersInForce
    ) -> MunicipalSplit {
        let population = residents.reduce(0) { $0 + $1.residents }
        let attributed = residents.map { leadFTE * Fraction($0.residents, population) }
        let own = residents.map { ownFTE[$0.code] ?? .zero }
        let formula = residents.indices.map { index -> Fraction in
            let alone = ContributionCalculator.assess(
                population: residents[index].residents, fte: own[index] + attributed[index], parameters: parameters)
            return alone.bandA.exactEuros + alone.bandB.exactEuros
        }
        let formulaTotal = formula.sum()
        let target = total.euros
        let rule: Rule
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
        let cents = LargestRemainder.distribute(total, exactShares: exactShares.map { $0 * Fraction(100) })
        var shares: [MunicipalShare] = residents.indices.map { index in
            MunicipalShare(
                key: "comune:\(residents[index].code)", name: residents[index].name, residents: residents[index].residents,
                ownFTE: own[index], attributedFTE: attributed[index], formulaAmount: formula[index], amount: cents[index])
        }
        shares.append(
            MunicipalShare(
                key: "capofila", name: "Soggetto capofila", residents: nil, ownFTE: leadFTE, attributedFTE: .zero,
                formulaAmount: .zero, amount: cents[residents.count]))
        return MunicipalSplit(rule: rule, shares: shares, formulaTotal: formulaTotal)
    }
}
