/// The prospetto riassuntivo of a campaign (L. 178/2020, art. 1, comma 798; DM 15/2021 art. 1;
/// docs/regole.md §6): sent by 28 February of year C, it holds the **consuntivo** of C−1 and the
/// **previsione** of C, for the ATS and each comune, computed here from the same roster (planned
/// hires are simply periods in year C).
public struct Prospetto: Sendable, Hashable, Codable {
    /// The campaign year C.
    public let campaign: Int
    /// The assessment of C−1 (actual FTE).
    public let consuntivo: AnnualAssessment
    /// The assessment of C (forecast FTE).
    public let previsione: AnnualAssessment
    /// The deadline of the prospetto in year C, with its reference.
    public let deadline: ResolvedParameter<CivilDate>
    /// The FTE to declare for C−1 (docs/regole.md §5).
    public let consuntivoDeclaration: FTEDeclaration
    /// The FTE to declare for C.
    public let previsioneDeclaration: FTEDeclaration

    /// The decimals of the FTE to declare when none are asked for (docs/regole.md §5).
    public static let defaultDeclaredDecimals = 2

    /// The first campaign: its consuntivo is 2021, the first year of the measure.
    public static let firstCampaign = Bounds.years.lowerBound + 1

    /// The prospetto of `campaign` for `roster`.
    ///
    /// - Parameters:
    ///   - roster: the roster (valid by construction).
    ///   - campaign: the campaign year C, from 2022 (consuntivo 2021) to 2200.
    ///   - assessor: parameters and FTE method (official parameters, days by default).
    ///   - declaredDecimals: the decimals of the FTE to declare (default 2, from 0 to 6).
    /// - Throws: ``AssessmentError/invalidCampaign(_:)`` for a campaign outside 2022-2200,
    ///   ``AssessmentError/invalidInput(_:)`` when a comune has no residents for C−1 or C or the
    ///   decimals are outside 0...6.
    public init(
        roster: Roster, campaign: Int, assessor: RosterAssessor = RosterAssessor(), declaredDecimals: Int = Prospetto.defaultDeclaredDecimals
    ) throws(AssessmentError) {
        // The range only: the parameters of the two years are checked by their assessments.
        guard Self.campaigns.contains(campaign) else { throw .invalidCampaign(campaign) }
        self.campaign = campaign
        consuntivo = try assessor.assess(roster, year: campaign - 1)
        previsione = try assessor.assess(roster, year: campaign)
        deadline = previsione.contribution.parameters.prospettoDeadline
        do {
            consuntivoDeclaration = try FTEDeclaration(consuntivo, decimals: declaredDecimals)
            previsioneDeclaration = try FTEDeclaration(previsione, decimals: declaredDecimals)
        } catch {
            throw .invalidInput(InputError(diagnostics: [error.diagnostic(at: SourcePlace(file: roster.source))]))
        }
    }

    /// The campaigns a prospetto is made for: from 2022 (consuntivo 2021) to 2200.
    static var campaigns: ClosedRange<Int> { firstCampaign...Bounds.years.upperBound }

    /// Checks what of `campaign` does not depend on a roster: its range and the parameters in
    /// force for C−1 and C. A batch checks it before reading its ATS.
    ///
    /// - Throws: ``AssessmentError/invalidCampaign(_:)`` for a campaign outside 2022-2200,
    ///   ``AssessmentError/parameter(_:)`` for a year with no parameters in force.
    public static func checkCampaign(_ campaign: Int, assessor: RosterAssessor) throws(AssessmentError) {
        guard campaigns.contains(campaign) else { throw .invalidCampaign(campaign) }
        try assessor.checkYear(campaign - 1)
        try assessor.checkYear(campaign)
    }

    /// A prospetto from its parts (checked by the caller: a decoded one, ``init(from:)``).
    init(
        campaign: Int, consuntivo: AnnualAssessment, previsione: AnnualAssessment, deadline: ResolvedParameter<CivilDate>,
        consuntivoDeclaration: FTEDeclaration, previsioneDeclaration: FTEDeclaration
    ) {
        self.campaign = campaign
        self.consuntivo = consuntivo
        self.previsione = previsione
        self.deadline = deadline
        self.consuntivoDeclaration = consuntivoDeclaration
        self.previsioneDeclaration = previsioneDeclaration
    }

    /// The warnings of both years, each once (the same message for both years shown once): a person with no service in one year but some in
    /// the other (a hire planned in C, a leaver of C−1) is what a prospetto expects, not a warning
    /// (the rule of several years' warnings, `AnnualAssessment.warnings(ofYears:)`).
    public var warnings: [InputDiagnostic] { AnnualAssessment.warnings(ofYears: [consuntivo.warnings, previsione.warnings]) }

    /// Whether `today` is past the deadline (the prospetto is late).
    public func isLate(today: CivilDate) -> Bool { today > deadline.value }

    /// The consuntivo's share (DM 15/2021 art. 2) of the recipient of the previsione's share at
    /// `index`, nil when that year has none: the two years list the roster's comuni in the same
    /// order, so the share at the same place is looked at first and the others searched only if
    /// it differs (a report's table of comuni is linear in the comuni, not quadratic).
    package func consuntivoShare(forPrevisioneAt index: Int) -> MunicipalShare? {
        consuntivoIndex(forPrevisioneAt: index).map { consuntivo.split.shares[$0] }
    }

    /// The position among the consuntivo's shares of ``consuntivoShare(forPrevisioneAt:)``.
    package func consuntivoIndex(forPrevisioneAt index: Int) -> Int? {
        let before = consuntivo.split.shares
        let recipient = previsione.split.shares[index].recipient
        if index < before.count && before[index].recipient == recipient { return index }
        return before.firstIndex { $0.recipient == recipient }
    }
}
