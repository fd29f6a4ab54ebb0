#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A planned hire of a social worker a tempo indeterminato (what-if): valid by construction,
/// since its parts are.
public struct PlannedHire: Sendable, Hashable, Codable {
    /// The id given to the new person (`NUOVA-1`, ...).
    public let id: PersonID
    /// The period of service (start, optional end, share of full time).
    public let period: ServicePeriod
    /// The employer (a comune of the ATS or an ATS-level entity).
    public let employer: Employer
    /// The area split.
    public let areas: AreaSplit

    /// A planned hire.
    public init(id: PersonID, period: ServicePeriod, employer: Employer, areas: AreaSplit = .unspecified) {
        self.id = id
        self.period = period
        self.employer = employer
        self.areas = areas
    }
}

/// One change of a scenario applied to a roster.
public enum ScenarioChange: Sendable, Hashable, Codable {
    /// A new person.
    case hire(PlannedHire)
    /// The person `id` leaves from `from`: `from` is the first day out, their last day of service
    /// is the day before (in `personale.csv` a leaver's `al` is the last day instead).
    case termination(id: PersonID, from: CivilDate)
    /// The person `id` works `share` of full time from `from` on.
    case shareChange(id: PersonID, from: CivilDate, share: WorkShare)
    /// The comune `istatCode` has `residents` at 1 January of `year`.
    case residents(istatCode: String, year: Int, residents: Int)

    private enum Case: String, CodingKey { case hire, termination, shareChange, residents }
    private enum Payload: String, CodingKey { case hire = "_0", id, from, share, istatCode, year, residents }

    /// Decodes the form the encoder writes (`{"residents": {"istatCode": …, "year": 2027,
    /// "residents": 17300}}`), whole numbers exactly: `17300.0000000000001` is not read as 17.300.
    ///
    /// - Throws: `DecodingError` for a form with no case or more than one, or a number that is not
    ///   exactly an integer (the values are checked when the scenario is applied).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Case.self)
        guard container.allKeys.count == 1, let which = container.allKeys.first else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: container.codingPath, debugDescription: "una modifica ha una sola forma: hire, termination, shareChange o residents"))
        }
        let payload = try container.nestedContainer(keyedBy: Payload.self, forKey: which)
        switch which {
        case .hire: self = .hire(try payload.decode(PlannedHire.self, forKey: .hire))
        case .termination: self = .termination(id: try payload.decode(PersonID.self, forKey: .id), from: try payload.decode(CivilDate.self, forKey: .from))
        case .shareChange:
            self = .shareChange(
                id: try payload.decode(PersonID.self, forKey: .id), from: try payload.decode(CivilDate.self, forKey: .from),
                share: try payload.decode(WorkShare.self, forKey: .share))
        case .residents:
            self = .residents(
                istatCode: try payload.decode(String.self, forKey: .istatCode), year: try payload.decodeExactInteger(forKey: .year),
                residents: try payload.decodeExactInteger(forKey: .residents))
        }
    }
}

/// Why a scenario cannot be applied.
public enum ScenarioError: Error, LocalizedError, Sendable, Hashable, CustomStringConvertible {
    /// The change names a person not in the roster.
    case unknownPerson(PersonID)
    /// The change names a comune not in the ATS: a hire's comune or a residents figure's.
    case unknownMunicipality(String)
    /// A new person's id is already used.
    case duplicateId(PersonID)
    /// The person has no service on or after the date (nothing to end or change).
    case noServiceAfter(id: PersonID, date: CivilDate)
    /// A value of the change breaks a rule (residents out of range, a date out of range).
    case invalidValue(InvalidValue)
    /// The roster with the changes breaks a rule (more records than docs/regole.md §5 allows).
    case invalidRoster(InputError)
    /// The scenario gives the residents of a comune for a year twice.
    case repeatedResidents(istatCode: String, year: Int)
    /// Two changes of one person from the same day (two variazioni, a variazione and a
    /// cessazione): which one holds is not said.
    case sameDayChanges(id: PersonID, date: CivilDate)
    /// A cessazione or variazione from a day before the person's first day of service.
    case beforeStart(id: PersonID, date: CivilDate, start: CivilDate)

    /// The Italian message.
    public var description: String {
        switch self {
        case .unknownPerson(let id): "la persona «\(id)» non è nell'elenco del personale"
        case .unknownMunicipality(let code):
            "il comune \(code) non fa parte dell'ambito\(IstatCodes.leadingZeroHint(code))\(IstatCodes.hiddenCharacterHint(code))"
        case .duplicateId(let id):
            "l'id «\(id)» è già usato nell'elenco del personale o da un'assunzione precedente"
                + (id.text.uppercased().hasPrefix("NUOVA-")
                    ? " (le assunzioni senza id si chiamano NUOVA-1, NUOVA-2, …): scegli un altro id" : ": scegli un altro id")
        case .noServiceAfter(let id, let date): "«\(id)» non è in servizio dal \(date.italian) in poi"
        case .invalidValue(let invalid): invalid.description
        case .invalidRoster(let error): error.description
        case .repeatedResidents(let code, let year):
            "la popolazione del comune \(code) al 1° gennaio \(year) è indicata due volte: indica un solo valore"
        case .sameDayChanges(let id, let date):
            "due modifiche di «\(id)» dal \(date.italian): non è detto quale valga; tienine una"
        case .beforeStart(let id, let date, let start):
            "«\(id)» entra in servizio il \(start.italian), dopo il \(date.italian) di questa modifica: una cessazione o una variazione vale da un giorno di servizio (se l'assunzione non avviene, togli la persona o la riga dell'assunzione; se la quota è un'altra, scrivila nella sua riga)"
        }
    }

    /// The Italian message.
    public var errorDescription: String? { description }
}

/// A what-if scenario: changes to the roster and, optionally, a reform of the parameters
/// (OpenFisca-style). Applying it never touches the baseline roster: rosters are values.
public struct Scenario: Sendable, Hashable, Codable {
    /// The changes, in the order written. Each person's are applied in order of date, whatever
    /// the order written (a variazione from September written before one from March still holds
    /// from September; docs/formati.md, «simula»); a hire before the changes of its person.
    public var changes: [ScenarioChange]
    /// Parameter overrides for the scenario (the baseline keeps the official values).
    public var overrides: [ParameterOverride]

    /// A scenario.
    public init(changes: [ScenarioChange] = [], overrides: [ParameterOverride] = []) {
        self.changes = changes
        self.overrides = overrides
    }

    /// A copy of `roster` with the changes applied, checked again as any roster is; in
    /// O(roster + changes) (people found by id through one index).
    ///
    /// - Throws: ``ScenarioError`` when a change names an unknown person or comune, reuses an id,
    ///   ends or changes a person with no service from its date (or from a date outside
    ///   1900-2200: ``ScenarioError/invalidValue(_:)``), or makes the roster invalid; and
    ///   ``ScenarioError/invalidValue(_:)`` for more than ``Bounds/maximumPlanChanges`` changes,
    ///   the bound of the readers' plans (an integrator's trial applied 200.000).
    public func apply(to roster: Roster) throws(ScenarioError) -> Roster {
        guard changes.count <= Bounds.maximumPlanChanges else {
            throw .invalidValue(
                InvalidValue(
                    .troppiDati,
                    "lo scenario ha \(NumberFormatting.italian(changes.count)) modifiche: al massimo \(NumberFormatting.italian(Bounds.maximumPlanChanges))"))
        }
        var state = ScenarioState(roster)
        for position in try applicationOrder() { _ = try state.apply(changes[position]) }
        return try state.roster()
    }

    /// The changes that apply but deserve a look, each with its position in ``changes`` and
    /// the Italian message: a variazione in weekly hours over the default full time (its position
    /// in `defaultFullTime`: `ore_settimanali` without `ore_tempo_pieno`, 36 hours) of a person
    /// whose period it changes is on another full time (`19 h su 36` for a contract of 38 hours;
    /// docs/formati.md, «simula»), that period as the changes before it left it (a hire, an
    /// earlier variazione); a hire or variazione at a share below
    /// ``Bounds/plausibleMinimumShare`` (a digit missing?), a whole percentage that is a week's
    /// hours, or hours with minutes as a clock writes them (`18,30`); a cessazione from the day the person enters service (the hire does
    /// not happen) or from the last day of service the roster already has (the date is the
    /// first day out of service: the end moves a day earlier; an officer's trial). Changes that
    /// cannot be applied are left to ``apply(to:)`` to report.
    /// Each with the column of a plan's row it is about.
    package func warnings(on roster: Roster, defaultFullTime: Set<Int>) -> [(change: Int, column: String, message: String)] {
        guard let order = try? applicationOrder() else { return [] }
        var found: [(change: Int, column: String, message: String)] = []
        var state = ScenarioState(roster)
        for position in order {
            // A share of a few percent: most likely a digit missing (an officer's trial: 1.5).
            let share: WorkShare? =
                switch changes[position] {
                case .hire(let hire): hire.period.share
                case .shareChange(_, _, let share): share
                case .termination, .residents: nil
                }
            if let share, share.isImplausiblySmall {
                found.append((position, share.hours == nil ? "percentuale" : "ore_settimanali", "quota di \(share.implausiblySmallAdvice)"))
            } else if let share, let whole = share.wholePercentLikeWeeklyHours {
                found.append((position, "percentuale", "quota del \(share.weeklyHoursAdvice(whole, column: "ore_settimanali"))"))
            } else if let share, let (hours, minutes) = share.hoursLikeClockMinutes {
                found.append((position, "ore_settimanali", share.clockMinutesAdvice(hours: hours, minutes: minutes)))
            }
            if case .termination(let id, let from) = changes[position], let periods = state.periods(of: id), let lastDay = from.adding(days: -1) {
                if periods.map(\.start).min() == from {
                    found.append(
                        (
                            position, "dal",
                            "la cessazione di «\(id)» dal \(from.italian) è dal suo primo giorno di servizio: non ne resta nessuno (un'assunzione prevista non avviene); la data di una cessazione è il primo giorno fuori servizio"
                        ))
                } else if !periods.contains(where: { $0.end == nil }), periods.compactMap(\.end).max() == from {
                    found.append(
                        (
                            position, "dal",
                            "«\(id)» ha già nell'elenco come ultimo giorno di servizio il \(from.italian): la data di una cessazione è il primo giorno fuori servizio, quindi questa anticipa la fine al \(lastDay.italian); se il \(from.italian) è l'ultimo giorno, la riga non serve"
                        ))
                }
            }
            if defaultFullTime.contains(position), case .shareChange(let id, let from, let share) = changes[position], case .hours(let hours) = share.given,
                let (start, before) = state.fullTime(of: id, on: from), before != hours.fullTime
            {
                let fullTime = NumberFormatting.italianTrimmed(before)
                found.append(
                    (
                        position, "ore_tempo_pieno",
                        "la variazione di «\(id)» dal \(from.italian) è di \(share) (36 ore di tempo pieno se non indicate), ma il suo periodo dal \(start.italian) è su \(fullTime) ore: se il contratto resta su \(fullTime) ore, indica ore_tempo_pieno=\(fullTime)"
                    ))
            }
            guard (try? state.apply(changes[position])) != nil else { break }
        }
        return found.sorted { $0.change < $1.change }
    }

    /// The positions of ``changes`` in the order they are applied: residents, then hires (in the
    /// order written), then the other changes by date (in the order written among equal dates);
    /// changes of different persons are independent, so this is each person's changes in order
    /// of date.
    ///
    /// - Throws: ``ScenarioError/sameDayChanges(id:date:)`` for two changes of one person (other
    ///   than a hire) from the same day.
    func applicationOrder() throws(ScenarioError) -> [Int] {
        let (order, repeatedDays) = orderAndRepeatedDays()
        if let first = repeatedDays.first { throw first.error }
        return order
    }

    /// Every change that cannot be applied, with its position in ``changes``, in the order the
    /// changes are written: each is applied as ``apply(to:)`` applies it, and one that fails is
    /// left out and the others go on, so a plan's problems are listed at once (a trial of
    /// `simula`: they came one a run); a change after one left out is applied without it, and
    /// a change of a person whose hire was left out is not looked at (its error would only
    /// repeat the hire's: a review). Empty when every change applies (the roster that results
    /// may still break a rule: ``apply(to:)`` says it).
    package func errors(on roster: Roster) -> [(change: Int, error: ScenarioError)] {
        let (order, repeatedDays) = orderAndRepeatedDays()
        var found = repeatedDays
        let left = Set(repeatedDays.map(\.change))
        var hiresLeftOut = Set<PersonID>()
        var state = ScenarioState(roster)
        for position in order where !left.contains(position) {
            if let id = changes[position].person, hiresLeftOut.contains(id) { continue }
            do { _ = try state.apply(changes[position]) } catch {
                found.append((position, error))
                if case .hire(let hire) = changes[position] { hiresLeftOut.insert(hire.id) }
            }
        }
        return found.sorted { $0.change < $1.change }
    }

    /// The order of ``applicationOrder()`` and each change of a person from a day another of
    /// that person's changes already has (the later in that order).
    private func orderAndRepeatedDays() -> (order: [Int], repeated: [(change: Int, error: ScenarioError)]) {
        func rank(_ change: ScenarioChange) -> Int {
            switch change {
            case .residents: 0
            case .hire: 1
            case .termination, .shareChange: 2
            }
        }
        let order = changes.indices.sorted { left, right in
            let (a, b) = (changes[left], changes[right])
            // Hires in the order written (independent of each other); the other changes by date.
            let (aDate, bDate) = (rank(a) == 2 ? a.from?.dayNumber ?? .min : 0, rank(b) == 2 ? b.from?.dayNumber ?? .min : 0)
            return (rank(a), aDate, left) < (rank(b), bDate, right)
        }
        // Two changes of one person from one day: stable order would decide in silence which holds.
        var seen: Set<String> = []
        var repeated: [(change: Int, error: ScenarioError)] = []
        for position in order where rank(changes[position]) == 2 {
            if let id = changes[position].person, let date = changes[position].from, !seen.insert("\(id.key)@\(date.dayNumber)").inserted {
                repeated.append((position, .sameDayChanges(id: id, date: date)))
            }
        }
        return (order, repeated)
    }

    /// Each change as it was applied, with the FTE it adds to or removes from the counted FTE in
    /// `year` (what `simula` shows): zero, with the reason, for a person who does not count
    /// (docs/regole.md §2: a hire by an ASL without delega or by a body in appalto).
    ///
    /// - Throws: ``ScenarioError`` as ``apply(to:)``, and ``ScenarioError/invalidValue(_:)`` for a year outside 1900-2200.
    public func appliedChanges(on roster: Roster, year: Int, method: FTEMethod = .days) throws(ScenarioError) -> [AppliedChange] {
        let counter: FTECounter
        do { counter = try FTECounter(year: year, method: method) } catch { throw .invalidValue(error) }
        var state = ScenarioState(roster)
        var applied: [AppliedChange?] = Array(repeating: nil, count: changes.count)
        for position in try applicationOrder() {
            // A person named as the roster writes the id (`as-002` typed finds AS-002: a trial).
            let change = changes[position].person.flatMap(state.rosterID(of:)).map(changes[position].naming) ?? changes[position]
            let (before, after, exclusion) = try state.apply(change)
            let delta = exclusion == nil ? counter.fte(of: after) - counter.fte(of: before) : .zero
            applied[position] = AppliedChange(change: change, fteInYear: change.affectsPerson ? delta : nil, year: year, exclusion: exclusion)
        }
        // In the order written, each with the FTE it adds applied in order of date.
        return applied.compactMap { $0 }
    }
}

extension ScenarioChange {
    /// Whether the change gives residents for a year `roster` has no figure for, of one of its
    /// comuni: a forecast, for the baseline too; residents of a year the roster has change the
    /// scenario only (``ScenarioEvaluator/evaluate(_:on:from:through:)``).
    package func isForecast(on roster: Roster) -> Bool {
        guard case .residents(let code, let year, _) = self else { return false }
        return roster.municipalities.first { $0.istatCode == code }.map { $0.residents.count(in: year) == nil } ?? false
    }

    /// Whether the change is about a person (rather than residents).
    var affectsPerson: Bool {
        if case .residents = self { return false }
        return true
    }

    /// The same change of the person `id` (a cessazione or variazione; a hire or residents unchanged).
    func naming(_ id: PersonID) -> ScenarioChange {
        switch self {
        case .termination(_, let from): .termination(id: id, from: from)
        case .shareChange(_, let from, let share): .shareChange(id: id, from: from, share: share)
        case .hire, .residents: self
        }
    }

    /// The person concerned, if any.
    package var person: PersonID? {
        switch self {
        case .hire(let hire): hire.id
        case .termination(let id, _), .shareChange(let id, _, _): id
        case .residents: nil
        }
    }

    /// The first day the change applies (none for residents).
    var from: CivilDate? {
        switch self {
        case .hire(let hire): hire.period.start
        case .termination(_, let date), .shareChange(_, let date, _): date
        case .residents: nil
        }
    }
}

/// A change of a scenario as applied: what it is, who and from when, and the FTE it adds (or
/// removes, negative) in the year simulated.
public struct AppliedChange: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The change.
    public let change: ScenarioChange
    /// The FTE it adds to the counted FTE in the year (negative when it removes; zero for a
    /// person who does not count), nil for a change of residents.
    public let fteInYear: Fraction?
    /// The year simulated.
    public let year: Int
    /// Why the person concerned does not count (docs/regole.md §2), if they do not: the change
    /// then adds no FTE.
    public let exclusion: ExclusionReason?

    /// `assunzione`, `cessazione`, `variazione` or `residenti`.
    public var kind: String {
        switch change {
        case .hire: "assunzione"
        case .termination: "cessazione"
        case .shareChange: "variazione"
        case .residents: "residenti"
        }
    }

    /// The person concerned, if any.
    public var id: PersonID? { change.person }

    /// The first day the change applies.
    public var from: CivilDate? { change.from }

    /// The change in words, with its FTE in the year.
    public var description: String {
        let fte =
            fteInYear.map { value in
                // The hyphen of the tables' negative figures (-0,25), not a minus sign beside them (a trial of simula).
                let sign = value > .zero ? "+" : (value.isNegative ? "-" : "")
                let excluded = exclusion.map { " (non conta: \($0.label))" } ?? ""
                return ": \(sign)\(NumberFormatting.italian(value.isNegative ? -value : value, decimals: 4)) FTE nel \(year)\(excluded)"
            } ?? ""
        switch change {
        case .hire(let hire):
            let until = hire.period.end.map { " al \($0.italian)" } ?? ""
            return "assunzione di \(hire.id) (\(hire.employer.key)) dal \(hire.period.start.italian)\(until), \(hire.period.share)\(fte)"
        case .termination(let id, let date):
            let lastDay = date.adding(days: -1).map { ", ultimo giorno di servizio \($0.italian)" } ?? ""
            return "cessazione di \(id) dal \(date.italian)\(lastDay)\(fte)"
        case .shareChange(let id, let date, let share):
            return "variazione di \(id) dal \(date.italian) a \(share)\(fte)"
        case .residents(let code, let year, let residents):
            return "popolazione del comune \(code) al 1° gennaio \(year): \(NumberFormatting.italian(residents))"
        }
    }
}

/// A roster being changed by a scenario: staff indexed by id, comuni by position.
struct ScenarioState {
    private let base: Roster
    private var staff: [StaffRecord]
    private var index: [PersonID: Int] = [:]
    private var municipalities: [Municipality]
    /// The comuni and years whose residents the scenario has given (each at most once).
    private var residentsGiven: Set<String> = []

    init(_ roster: Roster) {
        base = roster
        staff = roster.staff
        municipalities = roster.municipalities
        index.reserveCapacity(staff.count)
        for (position, record) in staff.enumerated() { index[record.id] = position }
    }

    /// The id of the roster's person `id` as the roster writes it, if there is one.
    func rosterID(of id: PersonID) -> PersonID? { index[id].map { staff[$0].id } }

    /// Applies `change`; the periods of the person concerned before and after (empty for
    /// residents), and why that person does not count, if they do not.
    mutating func apply(_ change: ScenarioChange) throws(ScenarioError) -> (
        before: [ServicePeriod], after: [ServicePeriod], exclusion: ExclusionReason?
    ) {
        switch change {
        case .hire(let hire):
            if index[hire.id] != nil { throw .duplicateId(hire.id) }
            // A comune outside the ATS is the hire's own mistake, said as such (where the plan wrote it).
            if hire.employer.kind == .comune || hire.employer.kind == .comuneCapofila, let code = hire.employer.istatCode,
                !municipalities.contains(where: { $0.istatCode == code })
            {
                throw .unknownMunicipality(code)
            }
            index[hire.id] = staff.count
            staff.append(
                StaffRecord(
                    unchecked: hire.id, .socialWorker, .permanent, hire.employer, [hire.period], hire.areas, true,
                    // Where the hire was written (a plan's row), else a name for it.
                    hire.period.place
                        ?? SourcePlace(file: "scenario", position: .json(JSONPath.root.appending(key: "assunzione").appending(key: hire.id.text)))))
            return ([], [hire.period], Eligibility.exclusionReason(for: staff[staff.count - 1]))
        case .termination(let id, let from):
            guard let position = index[id] else { throw .unknownPerson(id) }
            try Self.checkInRange(from)
            let record = staff[position]
            try Self.checkStarted(record, id: id, from: from)
            guard record.periods.contains(where: { $0.end.map { $0 >= from } ?? true }), let lastDay = from.adding(days: -1) else {
                throw .noServiceAfter(id: id, date: from)
            }
            let periods = record.periods.compactMap { period -> ServicePeriod? in
                guard period.start <= lastDay else { return nil }
                return period.end.map { $0 > lastDay } ?? true ? period.ending(on: lastDay) : period
            }
            staff[position] = record.with(periods: periods)
            return (record.periods, periods, Eligibility.exclusionReason(for: record))
        case .shareChange(let id, let from, let share):
            guard let position = index[id] else { throw .unknownPerson(id) }
            try Self.checkInRange(from)
            let record = staff[position]
            try Self.checkStarted(record, id: id, from: from)
            var periods: [ServicePeriod] = []
            var changed = false
            for period in record.periods {
                if period.end.map({ $0 < from }) ?? false {
                    periods.append(period)
                } else if period.start >= from {
                    periods.append(period.starting(on: period.start, share: share))
                    changed = true
                } else if let dayBefore = from.adding(days: -1) {
                    periods += [period.ending(on: dayBefore), period.starting(on: from, share: share)]
                    changed = true
                }
            }
            if !changed { throw .noServiceAfter(id: id, date: from) }
            staff[position] = record.with(periods: periods)
            return (record.periods, periods, Eligibility.exclusionReason(for: record))
        case .residents(let code, let year, let residents):
            guard let position = municipalities.firstIndex(where: { $0.istatCode == code }) else { throw .unknownMunicipality(code) }
            // Two figures for one comune and year: which one holds is not said.
            guard residentsGiven.insert("\(code)@\(year)").inserted else { throw .repeatedResidents(istatCode: code, year: year) }
            do {
                municipalities[position] = municipalities[position].with(
                    residents: try municipalities[position].residents.replacing(year: year, with: residents))
            } catch {
                throw .invalidValue(error)
            }
            return ([], [], nil)
        }
    }

    /// Refuses a cessazione or variazione from a day outside the dates a period can have
    /// (1900-2200, ``ServicePeriod``): the changed periods would be no periods of a roster.
    private static func checkInRange(_ from: CivilDate) throws(ScenarioError) {
        guard Bounds.dateYears.contains(from.year) else {
            throw .invalidValue(
                InvalidValue(
                    .dataFuoriIntervallo,
                    "data \(from.italian) fuori intervallo: le date delle cessazioni e delle variazioni vanno dal \(Bounds.dateYears.lowerBound) al \(Bounds.dateYears.upperBound)"
                ))
        }
    }

    /// Refuses a cessazione or variazione of `record` from before its first day of service: it
    /// would remove a hire whole, or change its share from its start, with no word.
    private static func checkStarted(_ record: StaffRecord, id: PersonID, from: CivilDate) throws(ScenarioError) {
        if let start = record.periods.map(\.start).min(), from < start { throw .beforeStart(id: id, date: from, start: start) }
    }

    /// The periods of `id` as the changes so far left them, or nil for an id not in the roster.
    func periods(of id: PersonID) -> [ServicePeriod]? { index[id].map { staff[$0].periods } }

    /// The start and the full-time hours of the period of `id` that `date` falls in (or the last
    /// before it, or the first), when its share is given in hours; nil otherwise.
    func fullTime(of id: PersonID, on date: CivilDate) -> (start: CivilDate, hours: Fraction)? {
        guard let position = index[id] else { return nil }
        let periods = staff[position].periods
        guard let period = periods.last(where: { $0.start <= date }) ?? periods.first, case .hours(let hours) = period.share.given else { return nil }
        return (period.start, hours.fullTime)
    }

    /// The changed roster, checked again.
    func roster() throws(ScenarioError) -> Roster {
        do {
            return try base.replacing(municipalities: municipalities, staff: staff)
        } catch {
            throw .invalidRoster(error)
        }
    }
}
