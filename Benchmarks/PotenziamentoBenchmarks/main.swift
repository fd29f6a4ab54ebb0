import Foundation
import PotenziamentoKit

// The benchmark suite: deterministic synthetic data, wall time and throughput for each case.
// Run in release mode: `swift run -c release potenziamento-benchmark [--quick]`.

let quick = CommandLine.arguments.contains("--quick")
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
    var line = "\(name.padding(toLength: 52, withPad: " ", startingAt: 0)) \(milliseconds(best).leftPadded(12))   \(perSecond) record/s"
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

print("PotenziamentoKit \(PotenziamentoKit.version) — benchmark (best of 5 runs)\(quick ? " [quick]" : "")")
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

if CommandLine.arguments.contains("--profile-json-read") {
    for _ in 0..<3 { _ = RosterJSONReader.read(text: json, file: "roster.json") }
    exit(0)
}
var lastTotal = EuroCents.zero
try measure("roster \(persons) records, JSON: load + assess", records: persons, bytes: json.utf8.count) {
    let roster = try RosterLoader.load(path: jsonPath).roster
    lastTotal = try RosterAssessor().assess(roster, year: 2025).contribution.total
}
try measure("roster \(persons) records, CSV: load + assess", records: persons, bytes: csv.personale.utf8.count) {
    let roster = try RosterLoader.load(path: csvFolder.path).roster
    lastTotal = try RosterAssessor().assess(roster, year: 2025).contribution.total
}
measure("  phase: JSON syntax only", records: persons, bytes: json.utf8.count) {
    _ = JSONParser.parse(json)
}
measure("  phase: JSON to roster (no validation)", records: persons, bytes: json.utf8.count) {
    _ = RosterJSONReader.read(text: json, file: "roster.json")
}
let roster = try RosterLoader.load(path: jsonPath).roster
measure("  phase: validation", records: persons) {
    _ = RosterValidator.validate(roster)
}
try measure("roster \(persons) records: assess only (giorni)", records: persons) {
    lastTotal = try RosterAssessor().assess(roster, year: 2025).contribution.total
}
try measure("roster \(persons) records: assess only (mesi)", records: persons) {
    lastTotal = try RosterAssessor(method: .months).assess(roster, year: 2025).contribution.total
}
print("")
print("(contributo dell'ultimo caso: \(lastTotal))")
