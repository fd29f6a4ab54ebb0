#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Baseline and scenario side by side for one year.
public struct ScenarioYear: Sendable, Hashable, Codable {
    /// The year.
    public let year: Int
    /// The assessment of the roster as it is (official parameters).
    public let base: AnnualAssessment
    /// The assessment with the scenario's changes and overrides.
    public let scenario: AnnualAssessment

    /// scenario − base, in euro.
    public var difference: EuroCents { scenario.contribution.total - base.contribution.total }

    init(year: Int, base: AnnualAssessment, scenario: AnnualAssessment) {
        self.year = year
        self.base = base
        self.scenario = scenario
    }

    private enum CodingKeys: String, CodingKey { case year, base, scenario }

    /// Decodes a year of a scenario: its two assessments are checked as any decoded assessment is
    /// (docs/regole.md, «Risultati decodificati»), and both are of the year.
    ///
    /// - Throws: `DecodingError` for an assessment that does not decode, or one of another year.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let year = try container.decodeExactInteger(forKey: .year)
        let base = try container.decode(AnnualAssessment.self, forKey: .base)
        let scenario = try container.decode(AnnualAssessment.self, forKey: .scenario)
        guard base.year == year, scenario.year == year else {
            throw DecodingError.inconsistent(
                "l'anno delle due valutazioni (\(base.year), \(scenario.year)) e quello dello scenario (\(year))", codingPath: container.codingPath)
        }
        self.init(year: year, base: base, scenario: scenario)
    }
}

/// The three staffing thresholds, by name (the keys of `fabbisogno` in `simula --formato json`).
public enum Threshold: String, Sendable, Hashable, CaseIterable, Codable {
    /// P/6.500, the soglia minima.
    case minima
    /// P/5.000, the LEP.
    case lep
    /// P/4.000, the obiettivo di servizio.
    case obiettivo

    /// Italian name: `LEP`, `soglia minima`, `obiettivo di servizio`. With the ratio, which a
    /// `--parametro` may have replaced, it is ``label(in:)``.
    public var label: String {
        switch self {
        case .minima: "soglia minima"
        case .lep: "LEP"
        case .obiettivo: "obiettivo di servizio"
        }
    }

    /// Italian name with the ratio in force in `parameters`: `LEP (1/5.000)`, or `LEP (1/4.500)`
    /// when the LEP was replaced with 4.500 (``ParametersInForce/ratioText(_:)``).
    public func label(in parameters: ParametersInForce) -> String { "\(label) (\(parameters.ratioText(self)))" }
}

/// How many full-time hires from a date are needed to reach a threshold in a year.
public struct HiringTarget: Sendable, Hashable, Codable {
    /// The threshold.
    public let threshold: Threshold
    /// FTE still missing (≥ 0).
    public let missingFTE: Fraction
    /// Full-time hires from the planning date needed to cover it in the year (nil when a hire
    /// from that date serves no day of the year).
    public let hiresNeeded: BigInt?
}

/// The contribution if the residents changed by a percentage (FTE unchanged).
public struct PopulationSensitivity: Sendable, Hashable, Codable {
    /// The change in percent (−5, +1, ...).
    public let percent: Int
    /// The residents after the change (rounded to a whole person).
    public let population: Int
    /// The contribution with them.
    public let contribution: EuroCents
}

/// The planning figures for the scenario year: missing FTE, hires needed, marginal values and
/// the sensitivity to population.
public struct PlanningFigures: Sendable, Hashable, Codable {
    /// The changes of residents, in percent, of the sensitivity rows `simula` shows.
    public static let sensitivityPercentages = [-5, -1, 1, 5]

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
    public let sensitivity: [PopulationSensitivity]
}

/// Evaluates scenarios against a roster (docs/regole.md §1-§7, with the scenario applied).
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
    public enum EvaluationError: Error, LocalizedError, Sendable, Hashable, CustomStringConvertible {
        /// The scenario cannot be applied.
        case scenario(ScenarioError)
        /// A parameter override is invalid.
        case parameter(ParameterError)
        /// The assessment fails (population missing for a year, parameter not in force).
        case assessment(AssessmentError)
        /// The years asked are outside 2021-2200 or more than 50.
        case years(InvalidValue)

        /// The Italian message.
        public var description: String {
            switch self {
            case .scenario(let error): error.description
            case .parameter(let error): error.description
            case .assessment(let error): error.description
            case .years(let error): error.description
            }
        }

        /// The Italian message.
        public var errorDescription: String? { description }
    }

    /// The most years one evaluation covers.
    public static let maximumYears = 50

    /// Baseline and scenario for every year from `year` to `lastYear`.
    ///
    /// Residents given by the scenario for a year the roster has no figure for are a forecast:
    /// they fill the gap in the baseline too, so both sides can be assessed. For a year the
    /// roster already has, they change the scenario only (a what-if on population).
    ///
    /// - Returns: one ``ScenarioYear`` per year, in order.
    /// - Throws: ``EvaluationError`` when the scenario cannot be applied, an override is invalid,
    ///   a year cannot be assessed, `lastYear` comes before `year`, or more than ``maximumYears``
    ///   years are asked.
    public func evaluate(_ scenario: Scenario, on roster: Roster, from year: Int, through lastYear: Int) throws(EvaluationError) -> [ScenarioYear] {
        // Years out of order are a mistake of the caller, not one year to evaluate.
        guard lastYear >= year else {
            throw .years(InvalidValue(.fuoriMisura, "l'ultimo anno da simulare (\(lastYear)) viene prima del primo (\(year)): indica gli anni in ordine"))
        }
        let last = lastYear
        // Any two years: their distance may not fit in an Int (`Int.min` to `Int.max`).
        let (span, overflow) = last.subtractingReportingOverflow(year)
        guard !overflow, span < Self.maximumYears else {
            throw .years(InvalidValue(.fuoriMisura, "troppi anni da simulare: al massimo \(Self.maximumYears)"))
        }
        let changed: Roster
        do { changed = try scenario.apply(to: roster) } catch { throw .scenario(error) }
        let forecasts = scenario.changes.filter { $0.isForecast(on: roster) }
        let baseline: Roster
        do { baseline = try Scenario(changes: forecasts).apply(to: roster) } catch { throw .scenario(error) }
        let reformed: ParameterTable
        do { reformed = try parameters.applying(scenario.overrides) } catch { throw .parameter(error) }
        let baseAssessor = RosterAssessor(parameters: parameters, method: method)
        let scenarioAssessor = RosterAssessor(parameters: reformed, method: method)
        var years: [ScenarioYear] = []
        for current in year...last {
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
    /// `percentages`.
    ///
    /// - Parameters:
    ///   - assessment: the assessment planned on.
    ///   - hireStart: the date new hires would start.
    ///   - percentages: changes of residents in percent, each from −99 to +1000; one that takes
    ///     the population out of 1 to 100 million residents (docs/regole.md §5) has no row (a
    ///     population the user never typed is no error).
    /// - Throws: ``InvalidValue`` with ``DiagnosticCode/fuoriMisura`` for a percentage outside
    ///   −99...+1000.
    public static func planning(
        for assessment: AnnualAssessment, hireStart: CivilDate, percentages: [Int] = PlanningFigures.sensitivityPercentages
    ) throws(InvalidValue)
        -> PlanningFigures
    {
        let c = assessment.contribution
        let counter = try FTECounter(year: assessment.year, method: assessment.method)
        let oneHire = counter.fte(of: [try ServicePeriod(start: hireStart, end: nil, share: .fullTime)])
        func hires(_ missing: Fraction) -> BigInt? {
            if missing.isZero { return 0 }
            return missing.divided(by: oneHire)?.ceiling
        }
        let targets = [(Threshold.minima, c.missingToMinimum), (.lep, c.missingToLEP), (.obiettivo, c.missingToObjective)].map {
            HiringTarget(threshold: $0.0, missingFTE: $0.1, hiresNeeded: hires($0.1))
        }
        func total(population: Int, fte: Fraction) throws(InvalidValue) -> EuroCents {
            do {
                return try ContributionCalculator.assess(population: population, fte: fte, parameters: c.parameters).total
            } catch {
                throw InvalidValue(.fuoriMisura, error.description)
            }
        }
        var sensitivity: [PopulationSensitivity] = []
        for percent in percentages {
            guard (-99...1000).contains(percent) else {
                throw InvalidValue(.fuoriMisura, "variazione della popolazione \(percent)% fuori intervallo (da −99 a +1000)")
            }
            // In big integers: a decoded assessment may carry any population (refused just below).
            let rounded = Fraction(BigInt(c.population) * BigInt(100 + percent), 100).roundedScaled(by: 1)
            guard let whole = rounded.int64Value, let population = Int(exactly: whole), (1...Bounds.maximumResidents).contains(population) else { continue }
            sensitivity.append(PopulationSensitivity(percent: percent, population: population, contribution: try total(population: population, fte: c.fte)))
        }
        let fullYear = try total(population: c.population, fte: c.fte + .one)
        let fromStart = try total(population: c.population, fte: c.fte + oneHire)
        return PlanningFigures(
            year: assessment.year, hireStart: hireStart, fteOfOneHire: oneHire, targets: targets, marginalFullYear: fullYear - c.total,
            marginalFromStart: fromStart - c.total, sensitivity: sensitivity)
    }
}
