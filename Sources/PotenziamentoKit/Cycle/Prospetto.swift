/// The prospetto riassuntivo of a campaign (L. 178/2020, art. 1, comma 798; DM 15/2021 art. 1):
/// sent by 28 February of year C, it holds the **consuntivo** of C−1 and the **previsione** of
/// C, for the ATS and each comune, computed here from the same roster (planned hires are simply
/// periods in year C).
public struct Prospetto: Sendable {
    /// The campaign year C.
    public let campaign: Int
    /// The assessment of C−1 (actual FTE).
    public let consuntivo: AnnualAssessment
    /// The assessment of C (forecast FTE).
    public let previsione: AnnualAssessment
    /// The deadline of the prospetto in year C, with its reference.
    public let deadline: ResolvedParameter<CivilDate>

    /// The prospetto of `campaign` for `roster`.
    public static func make(_ roster: Roster, campaign: Int, assessor: RosterAssessor = RosterAssessor()) throws(AssessmentError) -> Prospetto {
        let consuntivo = try assessor.assess(roster, year: campaign - 1)
        let previsione = try assessor.assess(roster, year: campaign)
        return Prospetto(
            campaign: campaign, consuntivo: consuntivo, previsione: previsione,
            deadline: previsione.contribution.parameters.prospettoDeadline)
    }

    /// Whether `today` is past the deadline (the prospetto is late).
    public func isLate(today: CivilDate) -> Bool { today > deadline.value }
}
