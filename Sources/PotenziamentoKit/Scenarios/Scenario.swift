/// A planned hire of a social worker a tempo indeterminato (what-if).
public struct PlannedHire: Sendable, Hashable {
    /// The id given to the new person (`NUOVA-1`, ...).
    public var id: String
    /// First day of service.
    public var start: CivilDate
    /// Last day, if the hire is not open-ended.
    public var end: CivilDate?
    /// Share of full time, 0 < p ≤ 100.
    public var percentage: Fraction
    /// The employer (a comune of the ATS or an ATS-level entity).
    public var employer: Employer
    /// Area split in percent (empty: not indicated).
    public var areas: [ActivityArea: Fraction]

    /// A planned hire.
    public init(
        id: String, start: CivilDate, end: CivilDate? = nil, percentage: Fraction = Fraction(100), employer: Employer, areas: [ActivityArea: Fraction] = [:]
    ) {
        self.id = id
        self.start = start
        self.end = end
        self.percentage = percentage
        self.employer = employer
        self.areas = areas
    }
}

/// One change of a scenario applied to a roster.
public enum ScenarioChange: Sendable, Hashable {
    /// A new person.
    case hire(PlannedHire)
    /// The person `id` leaves from `from` (their last day is the day before).
    case termination(id: String, from: CivilDate)
    /// The person `id` works `percentage` of full time from `from` on.
    case percentageChange(id: String, from: CivilDate, percentage: Fraction)
    /// The comune `istatCode` has `residents` at 1 January of `year`.
    case residents(istatCode: String, year: Int, residents: Int)
}

/// Why a scenario cannot be applied.
public enum ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The change names a person not in the roster.
    case unknownPerson(String)
    /// The change names a comune not in the ATS.
    case unknownMunicipality(String)
    /// A new person's id is already used.
    case duplicateId(String)
    /// The person has no service on or after the date (nothing to end or change).
    case noServiceAfter(id: String, date: CivilDate)

    public var description: String {
        switch self {
        case .unknownPerson(let id): "la persona «\(id)» non è nell'elenco del personale"
        case .unknownMunicipality(let code): "il comune \(code) non fa parte dell'ambito"
        case .duplicateId(let id): "l'id «\(id)» è già usato nell'elenco del personale"
        case .noServiceAfter(let id, let date): "«\(id)» non è in servizio dal \(date.italian) in poi"
        }
    }
}

/// A what-if scenario: changes to the roster and, optionally, a reform of the parameters
/// (OpenFisca-style). Applying it never touches the baseline roster: rosters are values.
public struct Scenario: Sendable, Hashable {
    /// The changes, applied in order.
    public var changes: [ScenarioChange]
    /// Parameter overrides for the scenario (the baseline keeps the official values).
    public var overrides: [ParameterOverride]

    /// A scenario.
    public init(changes: [ScenarioChange] = [], overrides: [ParameterOverride] = []) {
        self.changes = changes
        self.overrides = overrides
    }

    /// A copy of `roster` with the changes applied.
    public func apply(to roster: Roster) throws(ScenarioError) -> Roster {
        var result = roster
        for change in changes {
            switch change {
            case .hire(let hire):
                if result.staff.contains(where: { $0.id == hire.id }) { throw .duplicateId(hire.id) }
                let place = SourcePlace(file: "scenario", position: .jsonPath("assunzione \(hire.id)"))
                result.staff.append(
                    StaffRecord(
                        id: hire.id, profile: StaffRecord.socialWorkerProfile, contract: StaffRecord.permanentContract, employer: hire.employer,
                        periods: [ServicePeriod(start: hire.start, end: hire.end, percentage: hire.percentage, place: place)],
                        areas: hire.areas, place: place))
            case .termination(let id, let from):
                guard let index = result.staff.firstIndex(where: { $0.id == id }) else { throw .unknownPerson(id) }
                guard result.staff[index].periods.contains(where: { $0.end.map { $0 >= from } ?? true }) else {
                    throw .noServiceAfter(id: id, date: from)
                }
                let lastDay = from.adding(days: -1)
                var periods: [ServicePeriod] = []
                for var period in result.staff[index].periods where period.start <= lastDay {
                    if period.end.map({ $0 > lastDay }) ?? true { period.end = lastDay }
                    periods.append(period)
                }
                result.staff[index].periods = periods
            case .percentageChange(let id, let from, let percentage):
                guard let index = result.staff.firstIndex(where: { $0.id == id }) else { throw .unknownPerson(id) }
                var periods: [ServicePeriod] = []
                var changed = false
                for period in result.staff[index].periods {
                    if period.end.map({ $0 < from }) ?? false {
                        periods.append(period)
                    } else if period.start >= from {
                        var updated = period
                        updated.percentage = percentage
                        periods.append(updated)
                        changed = true
                    } else {
                        var before = period
                        before.end = from.adding(days: -1)
                        var after = period
                        after.start = from
                        after.percentage = percentage
                        periods += [before, after]
                        changed = true
                    }
                }
                if !changed { throw .noServiceAfter(id: id, date: from) }
                result.staff[index].periods = periods
            case .residents(let code, let year, let residents):
                guard let index = result.municipalities.firstIndex(where: { $0.istatCode == code }) else { throw .unknownMunicipality(code) }
                result.municipalities[index].residents = result.municipalities[index].residents.replacing(year: year, with: residents)
            }
        }
        return result
    }
}
