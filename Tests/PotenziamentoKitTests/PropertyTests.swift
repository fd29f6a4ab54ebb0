import Foundation
import Testing

@testable import PotenziamentoKit

/// A seeded generator (SplitMix64) so every property test is reproducible: the seed is printed in
/// each failure, and `POTENZIAMENTO_SEED=<n> swift test --filter Property` replays it.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The seed of this run: `POTENZIAMENTO_SEED` if set, else a fixed default.
    static let runSeed: UInt64 = ProcessInfo.processInfo.environment["POTENZIAMENTO_SEED"].flatMap(UInt64.init) ?? 20_261_123
}

/// Random rosters and figures for the property tests.
struct RandomRosters {
    var generator: SeededGenerator

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &generator) }
    mutating func bool() -> Bool { Bool.random(using: &generator) }

    mutating func date(in years: ClosedRange<Int>) -> CivilDate {
        let year = int(years)
        let month = int(1...12)
        return CivilDate(year: year, month: month, day: int(1...CivilDate.daysInMonth(month, year: year)))!
    }

    mutating func percentage() -> WorkShare {
        switch int(0...5) {
        case 0: return .fullTime
        case 1: return try! WorkShare(percent: Fraction(50))
        case 2: return try! WorkShare(percent: Fraction(8333, 100))
        case 3: return try! WorkShare(weeklyHours: Fraction(int(1...36)))
        case 4: return try! WorkShare(weeklyHours: Fraction(int(4...76), 2), fullTimeHours: Fraction(38))
        default: return try! WorkShare(percent: Fraction(int(10_001...1_000_000), 10_000))
        }
    }

    mutating func areas() -> [ActivityArea: Fraction] {
        if int(0...3) == 0 { return [:] }
        let first = ActivityArea.allCases[int(0...4)]
        let second = ActivityArea.allCases[int(0...4)]
        if first == second { return [first: Fraction(100)] }
        let share = Fraction(int(1...9_999), 100)
        return [first: share, second: Fraction(100) - share]
    }

    /// Non-overlapping periods in 2023-2027.
    mutating func periods() -> [ServicePeriod] {
        var result: [ServicePeriod] = []
        var start = date(in: 2023...2025)
        for _ in 0..<int(1...3) {
            let openEnded = int(0...3) == 0
            let end = openEnded ? nil : start.adding(days: int(0...500))
            result.append(try! ServicePeriod(start: start, end: end, share: percentage()))
            guard let end else { break }
            start = end.adding(days: int(1...120))!
        }
        return result
    }

    mutating func roster() -> Roster {
        let comuni = (0..<int(1...6)).map { index in
            try! Municipality(
                istatCode: "0990\(10 + index)", name: "Comune \(index)",
                residents: bool() ? Residents(int(500...90_000)) : Residents(byYear: [2025: int(500...90_000), 2026: int(500...90_000)]))
        }
        let kinds = EmployerKind.allCases
        let staff = (0..<int(0...40)).map { index -> StaffRecord in
            let kind = int(0...2) == 0 ? kinds[int(0...kinds.count - 1)] : .comune
            let employer = try! Employer(
                kind: kind, istatCode: kind == .comune ? comuni[int(0...comuni.count - 1)].istatCode : nil,
                delegatedFunctions: kind == .asl && bool(), costReimbursed: kind == .asl && bool())
            return try! StaffRecord(
                id: PersonID("P\(index)"), profile: Profile(int(0...9) == 0 ? "educatore" : "assistente_sociale"),
                contract: Contract(int(0...6) == 0 ? "tempo_determinato" : "tempo_indeterminato"), employer: employer, periods: periods(),
                areas: AreaSplit(areas()), employedInTerritorialServices: int(0...12) != 0)
        }
        return try! Roster(
            ambito: Ambito(code: "R", name: "Random", allFunctionsDelegatedToLead: int(0...5) == 0), municipalities: comuni, staff: staff, source: "p")
    }
}

@Suite("Properties (seeded; replay with POTENZIAMENTO_SEED)")
struct PropertyTests {
    static let iterations = 60

    func forEachCase(_ body: (inout RandomRosters, UInt64) throws -> Void) rethrows {
        for index in 0..<Self.iterations {
            let seed = SeededGenerator.runSeed &+ UInt64(index)
            var random = RandomRosters(generator: SeededGenerator(seed: seed))
            try body(&random, seed)
        }
    }

    @Test("the contribution is monotone in FTE, zero below T65 and bounded by the cap")
    func contributionShape() throws {
        let calculator = ContributionCalculator()
        try forEachCase { random, seed in
            let population = random.int(1...2_000_000)
            var previous = EuroCents.zero
            for step in 0...40 {
                let fte = Fraction(population, 4_000) * Fraction(step, 30)
                let result = try calculator.assess(population: population, fte: fte, year: 2025)
                #expect(result.total >= previous, "seed \(seed): P \(population), N \(fte)")
                if fte < result.thresholds.minimum { #expect(result.total == .zero, "seed \(seed)") }
                #expect(result.total.euros <= Fraction(population) * Fraction(37, 13) + Fraction(1, 100), "seed \(seed)")
                previous = result.total
            }
        }
    }

    @Test("order of staff records and of periods does not change the figures")
    func orderInvariance() throws {
        try forEachCase { random, seed in
            let roster = random.roster()
            var staff = roster.staff.map { $0.with(periods: $0.periods.shuffled(using: &random.generator)) }
            staff.shuffle(using: &random.generator)
            let shuffled = try roster.replacing(staff: staff)
            for year in [2025, 2026] {
                let a = try RosterAssessor().assess(roster, year: year)
                let b = try RosterAssessor().assess(shuffled, year: year)
                #expect(a.fte == b.fte, "seed \(seed)")
                #expect(a.contribution.total == b.contribution.total, "seed \(seed)")
                #expect(a.areas == b.areas, "seed \(seed)")
                #expect(a.split.shares.map(\.amount) == b.split.shares.map(\.amount), "seed \(seed)")
            }
        }
    }

    @Test("splitting a period into two adjacent periods does not change the FTE")
    func periodSplitting() {
        forEachCase { random, seed in
            let start = random.date(in: 2024...2025)
            let end = start.adding(days: random.int(1...700))!
            let cut = start.adding(days: random.int(0...(end.dayNumber - start.dayNumber - 1)))!
            let share = random.percentage()
            let whole = [try! ServicePeriod(start: start, end: end, share: share)]
            let split = [
                try! ServicePeriod(start: start, end: cut, share: share),
                try! ServicePeriod(start: cut.adding(days: 1)!, end: end, share: share),
            ]
            for year in 2024...2027 {
                for method in FTEMethod.allCases {
                    let counter = try! FTECounter(year: year, method: method)
                    #expect(counter.fte(of: whole) == counter.fte(of: split), "seed \(seed) \(method) \(year)")
                }
            }
        }
    }

    @Test("giorni and mesi agree on whole calendar months")
    func wholeMonths() {
        forEachCase { random, seed in
            let year = random.int(2021...2030)
            let first = random.int(1...12)
            let last = random.int(first...12)
            let share = random.percentage()
            let periods = [
                try! ServicePeriod(
                    start: CivilDate(year: year, month: first, day: 1)!,
                    end: CivilDate(year: year, month: last, day: CivilDate.daysInMonth(last, year: year))!, share: share)
            ]
            let months = try! FTECounter(year: year, method: .months).fte(of: periods)
            #expect(months == share.fraction * Fraction(last - first + 1, 12), "seed \(seed)")
            if first == 1 && last == 12 { #expect(try! FTECounter(year: year, method: .days).fte(of: periods) == months, "seed \(seed)") }
        }
    }

    @Test("areas add up to the total; the DM 15 split adds up to the cent; every record is in one list")
    func totals() throws {
        try forEachCase { random, seed in
            let roster = random.roster()
            for year in [2025, 2026] {
                for method in FTEMethod.allCases {
                    let a = try RosterAssessor(method: method).assess(roster, year: year)
                    #expect(a.areas.total == a.fte, "seed \(seed)")
                    #expect(a.split.shares.map(\.amount).sum() == a.contribution.total, "seed \(seed)")
                    #expect(a.counted.count + a.excluded.count == roster.staff.count, "seed \(seed)")
                }
            }
        }
    }

    @Test("per employing entity: FTE and areas add up to the ATS; the figures to declare (entities, areas) are rounded down and add up")
    func entities() throws {
        try forEachCase { random, seed in
            let roster = random.roster()
            for method in FTEMethod.allCases {
                let prospetto = try Prospetto(roster: roster, campaign: 2026, assessor: RosterAssessor(method: method), declaredDecimals: random.int(0...4))
                for (assessment, declaration) in [
                    (prospetto.consuntivo, prospetto.consuntivoDeclaration), (prospetto.previsione, prospetto.previsioneDeclaration),
                ] {
                    let entities = assessment.entities
                    #expect(entities.map(\.fte).sum() == assessment.fte, "seed \(seed)")
                    #expect(entities.map(\.persons).reduce(0, +) == assessment.countedPersons, "seed \(seed)")
                    for entity in entities { #expect(entity.areas.total == entity.fte, "seed \(seed) \(entity.key)") }
                    #expect(declaration.fte <= assessment.fte, "seed \(seed)")
                    #expect(assessment.fte - declaration.fte < Fraction(numerator: 1, denominator: BigInt.tenToThe(declaration.decimals))!, "seed \(seed)")
                    #expect(declaration.entities.map(\.fte).sum() == declaration.fte, "seed \(seed)")
                    // The areas to declare add up too, each within two units of the last decimal of its
                    // exact figure (its proportional share of the declared figure, rounded by largest remainder).
                    #expect(declaration.areas.total == declaration.fte, "seed \(seed)")
                    let twoUnits = Fraction(numerator: 2, denominator: BigInt.tenToThe(declaration.decimals))!
                    for area in ActivityArea.allCases {
                        let gap = assessment.areas[area] - declaration.areas[area]
                        #expect(gap < twoUnits && gap > -twoUnits, "seed \(seed) \(area)")
                    }
                    #expect(declaration.contribution.total <= assessment.contribution.total, "seed \(seed)")
                }
            }
        }
    }

    @Test("the national riparto adds up to the cent and never pays more than the fund")
    func riparto() throws {
        try forEachCase { random, seed in
            let entries = (0..<random.int(1...80)).map { index in
                let population = random.int(1_000...500_000)
                return try! AllocationEntry(
                    code: "A\(index)", name: "A\(index)", population: population,
                    fte: Fraction(population, 5_000) * Fraction(random.int(0...200), 100),
                    previous: EuroCents(cents: random.int(0...1) * random.int(0...5_000_000)))
            }
            let fund = EuroCents(cents: random.int(0...2_000_000_000))
            let allocation = try NationalAllocation(entries, year: 2025, fund: fund)
            let left = max(fund - allocation.previousTotal, .zero)
            if allocation.isReduced {
                #expect(allocation.assignedTotal == left, "seed \(seed)")
            } else {
                #expect(allocation.assigned == allocation.contributions.map(\.total), "seed \(seed)")
            }
            for (assigned, contribution) in zip(allocation.assigned, allocation.contributions) {
                #expect(assigned <= contribution.total, "seed \(seed)")
                if contribution.total == .zero { #expect(assigned == .zero, "seed \(seed)") }
            }
        }
    }

    @Test("JSON ↔ CSV round trip of a roster gives the same assessment")
    func roundTrip() throws {
        try forEachCase { random, seed in
            let generated = random.roster()
            let roster = try generated.replacing(staff: generated.staff.filter { !$0.periods.isEmpty })  // CSV has one row per period
            let json = RosterWriter.json(roster)
            let fromJSON = try RosterLoader.load(jsonData: Data(json.utf8), name: "r.json").roster
            let csv = RosterWriter.csv(roster)
            let fromCSV = try RosterLoader.load(
                csvFiles: ["ambito.csv": Data(csv.ambito.utf8), "comuni.csv": Data(csv.comuni.utf8), "personale.csv": Data(csv.personale.utf8)], name: "r"
            ).roster
            #expect(fromJSON == roster, "seed \(seed)")
            #expect(fromCSV.staff == roster.staff, "seed \(seed)")
            for year in [2025, 2026] {
                let original = try RosterAssessor().assess(roster, year: year)
                let viaJSON = try RosterAssessor().assess(fromJSON, year: year)
                let viaCSV = try RosterAssessor().assess(fromCSV, year: year)
                #expect(viaJSON.report(.json) == original.report(.json), "seed \(seed)")
                // CSV writes a comune with one figure for every year as one row per year (a figure per
                // year): the same numbers, only the «popolazione unica» warning can differ.
                #expect(viaCSV.contribution == original.contribution && viaCSV.split == original.split, "seed \(seed)")
                #expect(viaCSV.counted == original.counted && viaCSV.excluded == original.excluded && viaCSV.areas == original.areas, "seed \(seed)")
            }
        }
    }
}

/// Found by an independent review: each figure rounded on its own, the entities of a prospetto did
/// not add up to `fte.totale` nor an entity's areas to its FTE (3.038 times on the national
/// folder). The figures shown split the total shown by largest remainder (docs/regole.md §5).
@Suite("Figures shown add up")
struct ShownFiguresTests {
    static func distance(_ a: Fraction, _ b: Fraction) -> Fraction { a < b ? b - a : a - b }

    /// Whether `shown` is `exact` rounded down, or rounded down plus one unit of 1/`scale`.
    static func isRoundedDownOrUp(_ shown: Fraction, _ exact: Fraction, scale: BigInt) -> Bool {
        let down = exact.flooredScaled(by: scale)
        let units = shown * Fraction(scale)
        return units == Fraction(down) || units == Fraction(down + BigInt(1))
    }

    @Test(
        "areas and entities shown add up to the total shown, and the FTE to declare to the figure declared, each its own value rounded down or up",
        arguments: [2, 4])
    func shownFiguresAddUp(decimals: Int) throws {
        var random = RandomRosters(generator: SeededGenerator(seed: SeededGenerator.runSeed &+ UInt64(decimals)))
        let scale = BigInt.tenToThe(decimals)
        let unit = Fraction(1, scale)
        for _ in 0..<60 {
            let roster = random.roster()
            for year in [2024, 2025, 2026] {
                guard let assessment = try? RosterAssessor().assess(roster, year: year) else { continue }
                let total = Fraction(assessment.fte.roundedScaled(by: scale), scale)
                let areas = assessment.shownAreas(decimals: decimals)
                #expect(areas.total == total, "seed \(SeededGenerator.runSeed)")
                for area in ActivityArea.allCases {
                    #expect(Self.distance(areas[area], assessment.areas[area]) < unit)
                    #expect((areas[area] * Fraction(scale)).isInteger)
                }
                let exact = assessment.entities
                let shown = assessment.shownEntities(decimals: decimals)
                #expect(shown.map(\.key) == exact.map(\.key))
                if !shown.isEmpty { #expect(shown.map(\.fte).sum() == total, "seed \(SeededGenerator.runSeed)") }
                for (entity, exactEntity) in zip(shown, exact) {
                    #expect(entity.areas.total == entity.fte)
                    #expect(Self.distance(entity.fte, exactEntity.fte) < unit)
                    #expect(entity.persons == exactEntity.persons)
                    // Each part is its own value rounded down or up (a second review: the proportional
                    // split showed an entity of exactly 1 below 1).
                    #expect(Self.isRoundedDownOrUp(entity.fte, exactEntity.fte, scale: scale), "seed \(SeededGenerator.runSeed)")
                    for area in ActivityArea.allCases {
                        #expect(Self.isRoundedDownOrUp(entity.areas[area], exactEntity.areas[area], scale: scale))
                    }
                }
                for area in ActivityArea.allCases { #expect(Self.isRoundedDownOrUp(areas[area], assessment.areas[area], scale: scale)) }
                // The FTE to declare: the ATS figure rounded down; each entity and area its own
                // figure rounded down, or one unit more, adding up to it.
                let declaration = try FTEDeclaration(assessment, decimals: decimals)
                #expect(declaration.fte == Fraction(assessment.fte.flooredScaled(by: scale), scale))
                #expect(declaration.entities.map(\.fte).sum() == declaration.fte || declaration.entities.isEmpty)
                for (entity, exactEntity) in zip(declaration.entities, exact) {
                    #expect(entity.key == exactEntity.key)
                    #expect(Self.isRoundedDownOrUp(entity.fte, exactEntity.fte, scale: scale), "seed \(SeededGenerator.runSeed)")
                }
                #expect(declaration.areas.total == declaration.fte)
            }
        }
    }
}
