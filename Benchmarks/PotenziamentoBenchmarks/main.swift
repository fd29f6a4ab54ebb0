import Foundation
import PotenziamentoKit

// The benchmark suite: deterministic synthetic data, wall time and throughput for each case.
// Run in release mode: `swift run -c release potenziamento-benchmark [--quick]`.

let quick = CommandLine.arguments.contains("--quick")
/// `--roster-only`: only the two end-to-end roster cases, 15 runs each (to catch a quiet moment
/// of a shared machine).
let rosterOnly = CommandLine.arguments.contains("--roster-only")
let clock = ContinuousClock()

func milliseconds(_ duration: Duration) -> String {
    let (seconds, attoseconds) = duration.components
    let micros = seconds * 1_000_000 + attoseconds / 1_000_000_000_000
    return "\(micros / 1000),\(String(format: "%03d", micros % 1000)) ms"
}

/// Runs `body` `repetitions` times and reports the best time (the least disturbed run).
func measure(_ name: String, repetitions: Int = 5, records: Int, bytes: Int = 0, _ body: () throws -> Void) rethrows {
    var best = Duration.seconds(1_000)
    for _ in 0..<repetitions {
        let start = clock.now
        try body()
        best = min(best, clock.now - start)
    }
    let (seconds, attoseconds) = best.components
    let nanos = max(1, seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    let perSecond = Int64(records) * 1_000_000_000 / nanos
    var line = "\(name.padding(toLength: 62, withPad: " ", startingAt: 0)) \(milliseconds(best).leftPadded(12))   \(perSecond) record/s"
    if bytes > 0 {
        let megabytesPerSecond = Int64(bytes) * 1_000_000_000 / nanos / 1_000_000
        line += ", \(megabytesPerSecond) MB/s"
    }
    print(line)
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}

let folder = FileManager.default.temporaryDirectory.appendingPathComponent("potenziamento-benchmark-\(getpid())")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }

print("PotenziamentoKit \(PotenziamentoKitInfo.version) — benchmark (best of 5 runs)\(quick ? " [quick]" : "")")
print("")

// 1. One roster of 100.000 records, JSON and CSV, read from disk and assessed (end to end).
let persons = quick ? 10_000 : 100_000
var generator = SyntheticData(seed: 42)
let json = generator.rosterJSON(persons: persons, comuni: 300)
let jsonPath = folder.appendingPathComponent("roster.json").path
try json.write(toFile: jsonPath, atomically: true, encoding: .utf8)
let csvFolder = folder.appendingPathComponent("roster-csv")
try FileManager.default.createDirectory(at: csvFolder, withIntermediateDirectories: true)
let csv = generator.rosterCSV(persons: persons, comuni: 300)
try csv.comuni.write(to: csvFolder.appendingPathComponent("comuni.csv"), atomically: true, encoding: .utf8)
try csv.personale.write(to: csvFolder.appendingPathComponent("personale.csv"), atomically: true, encoding: .utf8)

// `--profile-load-json` / `--profile-load-csv`: only the end-to-end load + assessment, 5 times,
// for a profiler (`perf record`, `valgrind --tool=callgrind`).
for (flag, path) in [("--profile-load-json", jsonPath), ("--profile-load-csv", csvFolder.path)] where CommandLine.arguments.contains(flag) {
    for _ in 0..<5 {
        let roster = try RosterLoader.load(path: path).roster
        print(try RosterAssessor().assess(roster, year: 2025).contribution.total)
    }
    exit(0)
}
var lastTotal = EuroCents.zero
try measure("roster \(persons) records, JSON: load + assess", repetitions: rosterOnly ? 15 : 5, records: persons, bytes: json.utf8.count) {
    let roster = try RosterLoader.load(path: jsonPath).roster
    lastTotal = try RosterAssessor().assess(roster, year: 2025).contribution.total
}
try measure("roster \(persons) records, CSV: load + assess", repetitions: rosterOnly ? 15 : 5, records: persons, bytes: csv.personale.utf8.count) {
    let roster = try RosterLoader.load(path: csvFolder.path).roster
    lastTotal = try RosterAssessor().assess(roster, year: 2025).contribution.total
}
if rosterOnly { exit(0) }
try measure("  phase: JSON from memory to a validated roster", records: persons, bytes: json.utf8.count) {
    _ = try RosterLoader.load(jsonData: Data(json.utf8), name: "roster.json")
}
let roster = try RosterLoader.load(path: jsonPath).roster
try measure("  phase: validation (the roster built again from its parts)", records: persons) {
    _ = try Roster(ambito: roster.ambito, municipalities: roster.municipalities, staff: roster.staff)
}
try measure("roster \(persons) records: assess only (giorni)", records: persons) {
    lastTotal = try RosterAssessor().assess(roster, year: 2025).contribution.total
}
try measure("roster \(persons) records: assess only (mesi)", records: persons) {
    lastTotal = try RosterAssessor(method: .months).assess(roster, year: 2025).contribution.total
}

// 2. A national table of 600 ATS with the fund cap.
var tableLines = ["codice;denominazione;popolazione;fte;pregresso"]
for index in 0..<600 {
    let population = 20_000 + generator.next(400_000)
    tableLines.append(
        "ATS-\(index);Ambito \(index);\(population);\(max(0, population / 5_000 + generator.next(20) - 8)),\(generator.next(100));\(generator.next(3) == 0 ? generator.next(50_000) : 0)"
    )
}
let table = tableLines.joined(separator: "\n") + "\n"
let tablePath = folder.appendingPathComponent("nazionale.csv").path
try table.write(toFile: tablePath, atomically: true, encoding: .utf8)
try measure("national table 600 ATS: load + riparto (fund cap)", records: 600, bytes: table.utf8.count) {
    let entries = try NationalTableReader.load(path: tablePath).entries
    lastTotal = try NationalAllocation(entries, year: 2025, fund: EuroCents(euros: 100_000_000)).assignedTotal
}
let entries = try NationalTableReader.load(path: tablePath).entries
try measure("  phase: riparto only", records: 600) {
    lastTotal = try NationalAllocation(entries, year: 2025, fund: EuroCents(euros: 100_000_000)).assignedTotal
}

// 3. A region: 90 ATS rosters of 25 AS each, as a folder of JSON files.
let region = folder.appendingPathComponent("regione")
try FileManager.default.createDirectory(at: region, withIntermediateDirectories: true)
var regionBytes = 0
for index in 0..<90 {
    let text = generator.rosterJSON(persons: 25, comuni: 1 + generator.next(12))
    regionBytes += text.utf8.count
    try text.write(to: region.appendingPathComponent("ambito-\(index).json"), atomically: true, encoding: .utf8)
}
try measure("region 90 rosters × 25 AS: load + assess each", records: 90 * 25, bytes: regionBytes) {
    for index in 0..<90 {
        let roster = try RosterLoader.load(path: region.appendingPathComponent("ambito-\(index).json").path).roster
        lastTotal = try RosterAssessor().assess(roster, year: 2025).contribution.total
    }
}

// 4. 1.000 what-if scenarios on one ATS (one to three hires each).
let ats = try RosterLoader.load(path: region.appendingPathComponent("ambito-0.json").path).roster
let code = ats.municipalities[0].istatCode
let employer = try Employer(kind: .comune, istatCode: code)
var scenarios: [Scenario] = []
for index in 0..<1_000 {
    var changes: [ScenarioChange] = []
    for hire in 0...(index % 3) {
        let start = CivilDate(year: 2025, month: 1 + (index + hire) % 12, day: 1)!
        let period = try ServicePeriod(start: start, end: nil, share: WorkShare(percent: Fraction(50 + (index % 2) * 50)))
        changes.append(.hire(PlannedHire(id: try PersonID("S\(index)-\(hire)"), period: period, employer: employer)))
    }
    scenarios.append(Scenario(changes: changes))
}
try measure("1.000 scenarios on one ATS (base + scenario each)", records: 1_000) {
    for scenario in scenarios {
        lastTotal = try ScenarioEvaluator().evaluate(scenario, on: ats, from: 2025, through: 2025)[0].difference
    }
}

// 5. Start-up of the command for a one-line `contributo` (needs `swift build -c release` first).
let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("potenziamento")
if FileManager.default.isExecutableFile(atPath: executable.path) {
    let arguments = [executable.path, "contributo", "--popolazione", "100000", "--fte", "22,5", "--anno", "2025"]
    measure("start-up: potenziamento contributo", repetitions: 20, records: 1) {
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        var pid: pid_t = 0
        posix_spawn(&pid, executable.path, &actions, nil, &argv, environ)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        posix_spawn_file_actions_destroy(&actions)
        for pointer in argv { free(pointer) }
    }
} else {
    print("command start-up: skipped (build the command first: swift build -c release)")
}

print("")
print("(ultimo importo calcolato: \(lastTotal))")
