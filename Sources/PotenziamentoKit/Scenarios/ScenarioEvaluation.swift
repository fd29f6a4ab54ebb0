/// Baseline and scenario side by side for one year.
public struct ScenarioYear: Sendable {
    /// The year.
    public let year: Int
    /// The assessment of the roster as it is (official parameters).
    public let base: AnnualAssessment
    /// The assessment with the scenario's changes and overrides.
    public let scenario: AnnualAssessment

    /// scenario − base, in euro.
    public var difference: EuroCents { scenario.contribution.total - base.contribution.total }
}

/// How many full-time hires from a date are needed to reach a threshold in a year.
public struct HiringTarget: Sendable, Hashable {
    /// `minima`, `lep` or `obiettivo`.
    public let key: String
    /// FTE still missing (≥ 0).
    public let missingFTE: Fraction
    /// Full-time hires from `start` needed to cover it in the year (nil when a hire from that
    /// date serves no day of the year).
    public let hiresNeeded: Int?
}

/// The planning figures for the scenario year: missing FTE, hires needed, marginal values and
/// the sensitivity to population.
public struct PlanningFigures: Sendable {
    /// The year.
    public let year: Int
    /// The hire date assumed for the targets.
    public let hireStart: CivilDate
    /// FTE one full-time hire from `hireStart` gives in the year.
    public let fteOfOneHire: Fraction
    /// For each threshold: missing FTE and hires needed.
    public let targets: [HiringTarget]
    /// What one more full-time AS for the whole year adds (40.000, 20.000, 0 € or a mix).
    public let marginalFullYear: EuroCents
    /// What one more full-time AS hired on `hireStart` adds in the year.
    public let marginalFromStart: EuroCents
    /// Contribution with residents changed by the given percentages (FTE unchanged).
    public let sensitivity: [(percent: Int, population: Int, contribution: EuroCents)]
}

/// Evaluates scenarios against a roster (RULES.md §1-§7, with the scenario applied).
public struct ScenarioEvaluator: Sendable {
    /// The FTE method.
    public let method: FTEMethod
    /// The baseline parameter table.
    public let parameters: ParameterTable

    /// An evaluator.
    public init(method: FTEMethod = .days, parameters: ParameterTable = .official) {
        self.method = method
        self.parameters = parameters
    }

    /// A problem evaluating a scenario.
    public enum EvaluationError: Error, Sendable, CustomStringConvertible {
        /// The scenario cannot be applied.
        case scenario(ScenarioError)
        /// A parameter override is invalid.
        case parameter(ParameterError)
        /// The roster with the scenario is invalid (diagnostics say where).
        case invalidRoster(InputError)
        /// The assessment fails (population missing for a year, parameter not in force).
        case assessment(AssessmentError)

        public var description: String {
            switch self {
            case .scenario(let error): error.description
            case .parameter(let error): error.description
            case .invalidRoster(let error): error.description
            case .assessment(let error): error.description
            }
        }
    }

    /// Baseline and scenario for every year from `year` to `lastYear`.
    ///
    /// Residents given by the scenario for a year the roster has no figure for are a forecast:
    /// they fill the gap in the baseline too, so both sides can be assessed. For a year the
    /// roster already has, they change the scenario only (a what-if on population).
    public func evaluate(_ scenario: Scenario, on roster: Roster, from year: Int, through lastYear: Int) throws(EvaluationError) -> [ScenarioYear] {
        let changed: Roster
        do { changed = try scenario.apply(to: roster) } catch { throw .scenario(error) }
        let forecasts = scenario.changes.filter { change in
            guard case .residents(let code, let forecastYear, _) = change else { return false }
            return roster.municipalities.first { $0.istatCode == code }.map { $0.residents.value(in: forecastYear) == nil } ?? false
        }
        let baseline: Roster
        do { baseline = try Scenario(changes: forecasts).apply(to: roster) } catch { throw .scenario(error) }
        let validation = RosterValidator.validate(changed)
        if validation.hasErrors { throw .invalidRoster(InputError(diagnostics: validation.errors)) }
        let reformed: ParameterTable
        do { reformed = try parameters.applying(scenario.overrides) } catch { throw .parameter(error) }
        let baseAssessor = RosterAssessor(parameters: parameters, method: method)
        let scenarioAssessor = RosterAssessor(parameters: reformed, method: method)
        var years: [ScenarioYear] = []
        for current in year...max(year, lastYear) {
            do {
                years.append(
                    ScenarioYear(
                        year: current, base: try baseAssessor.assess(baseline, year: current),
                        scenario: try scenarioAssessor.assess(changed, year: current)))
            } catch {
                throw .assessment(error)
            }
        }
        return years
    }

    /// The planning figures of an assessment: hires from `hireStart` needed to reach each
    /// threshold in its year, marginal values, and the contribution if residents change by
    /// `percentages` (e.g. −5, −1, +1, +5).
    public static func planning(for assessment: AnnualAssessment, hireStart: CivilDate, percentages: [Int] = [-5, -1, 1, 5]) -> PlanningFigures {
        let c = assessment.contribution
        let counter = FTECounter(year: assessment.year, method: assessment.method)
        let oneHire = counter.fte(of: [ServicePeriod(start: hireStart, end: nil, percentage: Fraction(100), place: SourcePlace(file: "", position: .file))])
        func hires(_ missing: Fraction) -> Int? {
            if missing.isZero { return 0 }
            if oneHire.isZero { return nil }
            return Int((missing / oneHire).ceiling)
        }
        let targets = [("minima", c.missingToMinimum), ("lep", c.missingToLEP), ("obiettivo", c.missingToObjective)].map {
            HiringTarget(key: $0.0, missingFTE: $0.1, hiresNeeded: hires($0.1))
        }
        func total(population: Int, fte: Fraction) -> EuroCents {
            ContributionCalculator.assess(population: population, fte: fte, parameters: c.parameters).total
        }
        let sensitivity = percentages.map { percent -> (Int, Int, EuroCents) in
            let population = Int(Fraction(c.population * (100 + percent), 100).roundedScaled(by: 1))
            return (percent, population, population > 0 ? total(population: population, fte: c.fte) : .zero)
        }
        return PlanningFigures(
            year: assessment.year, hireStart: hireStart, fteOfOneHire: oneHire, targets: targets,
            marginalFullYear: total(population: c.population, fte: c.fte + .one) - c.total,
            marginalFromStart: total(population: c.population, fte: c.fte + oneHire) - c.total,
            sensitivity: sensitivity)
    }
}
