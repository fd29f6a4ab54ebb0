import Foundation

// The benchmark of the command as users run it: deterministic realistic data, then every case
// timed end to end as a process (posix_spawn of the release `potenziamento`), best of N runs
// taken round-robin, with CPU time and peak memory of the child (getrusage), ratios against a
// simple Python reference run in the same measurement, and instruction counts (callgrind) on
// request. From the package root:
//
//     swift build -c release --static-swift-stdlib && .build/release/potenziamento-benchmark
//
// (`--static-swift-stdlib` builds the command as the office package ships it, scripts/pacchetto.sh:
// Swift's libraries linked in, so its start-up loads no Swift library. Without it the benchmark
// still runs, and says that it measures a command that loads them.)
//
// Options: --ripetizioni N (default 5), --rapido (no 1.000.000-record roster, 3 runs),
// --callgrind (instruction counts of the key cases), --dati DIR (default .build/benchmark-data),
// --solo TEXT (only the cases whose name contains TEXT). Peak memory is measured in one more
// run of each case under /usr/bin/time (see Processes.peakMemory).

/// Prints a line at once (the output may be a file, read while the benchmark runs).
func line(_ text: String = "") {
    print(text)
    fflush(nil)
}

let arguments = Array(CommandLine.arguments.dropFirst())
let usage = """
    USO: potenziamento-benchmark [--rapido] [--ripetizioni N] [--callgrind] [--dati CARTELLA] [--solo TESTO]

    Misura il comando potenziamento (compilato con swift build -c release --static-swift-stdlib,
    come nel pacchetto per gli uffici) sui dati realistici, come processi.

      --rapido          senza l'elenco di 1.000.000 di record, 3 giri
      --ripetizioni N   giri per caso (predefinito 5)
      --callgrind       conta le istruzioni dei casi principali (valgrind)
      --dati CARTELLA   dove generare e tenere i dati (predefinito .build/benchmark-data)
      --solo TESTO      solo i casi il cui nome contiene TESTO
      -h, --help        mostra questo aiuto
    """
let flags: Set = ["--rapido", "--callgrind"]
let valued: Set = ["--ripetizioni", "--dati", "--solo"]
var position = 0
while position < arguments.count {
    let argument = arguments[position]
    if valued.contains(argument) && position + 1 < arguments.count {
        position += 2
    } else if argument == "-h" || argument == "--help" {
        print(usage)
        exit(0)
    } else if flags.contains(argument) {
        position += 1
    } else {
        FileHandle.standardError.write(Data("Errore: argomento non riconosciuto «\(argument)»\n\n\(usage)\n".utf8))
        exit(64)
    }
}
func option(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}
let quick = arguments.contains("--rapido")
let repetitions = Int(option("--ripetizioni") ?? "") ?? (quick ? 3 : 5)
let withCallgrind = arguments.contains("--callgrind")
let only = option("--solo")

let binaries = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path
let command = binaries + "/potenziamento"
guard FileManager.default.isExecutableFile(atPath: command) else {
    line("manca \(command): compila prima il comando (swift build -c release --static-swift-stdlib)")
    exit(1)
}
let packageRoot = FileManager.default.currentDirectoryPath
let reference = packageRoot + "/Benchmarks/reference.py"
guard FileManager.default.fileExists(atPath: reference) else {
    line("manca \(reference): lancia il benchmark dalla cartella del pacchetto")
    exit(1)
}
let data = option("--dati") ?? (packageRoot + "/.build/benchmark-data")
let outputs = data + "/uscite"
/// The Python interpreter itself (python3 on PATH may be a launcher script, such as pyenv's,
/// whose own start-up would be charged to the reference).
let python: String = {
    let answer = outputs + "/python.txt"
    try? FileManager.default.createDirectory(atPath: outputs, withIntermediateDirectories: true)
    let run = Processes.run(["python3", "-c", "import sys; print(sys.executable)"], stdout: answer, stderr: answer + ".err")
    let path = (try? String(contentsOfFile: answer, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
    return run.status == 0 && !path.isEmpty ? path : "python3"
}()

// MARK: Data

/// Bump when the generated data change, so old data are generated again.
let dataVersion = "dati v4"
let national = data + "/nazionale-json"
let nationalCSV = data + "/nazionale-csv"
let largest = national + "/ATS-001.json"
let largestCSV = nationalCSV + "/ATS-001"
let roster100k = data + "/personale-100000.json"
let roster100kCSV = data + "/personale-100000-csv"
let roster1M = data + "/personale-1000000.json"
let roster1MCSV = data + "/personale-1000000-csv"

struct DataFacts: Codable {
    var version: String
    var ambiti = 0
    var persons = 0
    var largestPersons = 0
    var largestResidents = 0
    var comuni = 0
    var residents = 0
}

func size(_ path: String) -> Int {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return 0 }
    if !isFolder.boolValue { return (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0 }
    let entries = (try? FileManager.default.subpathsOfDirectory(atPath: path)) ?? []
    return entries.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: path + "/" + $1)[.size] as? Int) ?? 0) }
}

func validate(_ inputs: [String]) throws {
    for input in inputs {
        let run = Processes.run([command, "valida", input, "--anno", "2025"], stdout: outputs + "/valida.out", stderr: outputs + "/valida.err")
        guard run.status == 0 else {
            let errors = (try? String(contentsOfFile: outputs + "/valida.err", encoding: .utf8)) ?? ""
            throw BenchmarkError("i dati generati non sono validi: potenziamento valida \(input) esce con \(run.status)\n\(errors.prefix(2_000))")
        }
    }
}

func generate() throws -> DataFacts {
    let factsPath = data + "/dati.json"
    if let stored = try? Data(contentsOf: URL(fileURLWithPath: factsPath)), let facts = try? JSONDecoder().decode(DataFacts.self, from: stored),
        facts.version == dataVersion
    {
        return facts
    }
    line("Genero i dati in \(data) (una volta sola)…")
    try? FileManager.default.removeItem(atPath: data)
    try FileManager.default.createDirectory(atPath: national, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(atPath: nationalCSV, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(atPath: outputs, withIntermediateDirectories: true)
    var facts = DataFacts(version: dataVersion)
    var generator = SeededGenerator(seed: 2025)
    var inputs: [String] = []
    for (index, residents) in NationalData.populations().enumerated() {
        let ambito = NationalData.ambito(index: index, residents: residents, generator: &generator)
        try ambito.writeJSON(to: "\(national)/\(ambito.code).json")
        try ambito.writeCSV(to: "\(nationalCSV)/\(ambito.code)")
        inputs += ["\(national)/\(ambito.code).json", "\(nationalCSV)/\(ambito.code)"]
        facts.ambiti += 1
        facts.persons += ambito.staff.count
        facts.comuni += ambito.comuni.count
        facts.residents += ambito.residents2025
        if index == 0 {
            facts.largestPersons = ambito.staff.count
            facts.largestResidents = ambito.residents2025
        }
    }
    for (records, json, csv) in [(100_000, roster100k, roster100kCSV), (1_000_000, roster1M, roster1MCSV)] {
        var rosterGenerator = SeededGenerator(seed: UInt64(records))
        let roster = NationalData.bigRoster(records: records, comuniCount: 300, generator: &rosterGenerator)
        try roster.writeJSON(to: json)
        try roster.writeCSV(to: csv)
        inputs += [json, csv]
    }
    line("Controllo i dati generati con potenziamento valida (\(inputs.count) input)…")
    try validate(inputs)
    try JSONEncoder().encode(facts).write(to: URL(fileURLWithPath: factsPath))
    return facts
}

let facts: DataFacts
do {
    try FileManager.default.createDirectory(atPath: outputs, withIntermediateDirectories: true)
    facts = try generate()
} catch {
    line("errore: \(error)")
    exit(1)
}

// MARK: Cases

struct Case {
    let name: String
    let arguments: [String]
    /// Input bytes and records, for throughput and memory ratios.
    let inputBytes: Int
    let records: Int
    /// Runs per repetition (the start-up is repeated more: a run is a few milliseconds).
    var runsPerRepetition = 1
    var output: String { outputs + "/" + name.filter { $0.isLetter || $0.isNumber } + ".out" }
}

let year = ["--anno", "2025"]
let campaign = ["--campagna", "2026"]
let nationalBytes = size(national)
let nationalCSVBytes = size(nationalCSV)
var cases: [Case] = []
for format in ["testo", "json", "csv", "markdown"] {
    cases.append(
        Case(
            name: "nazionale JSON: calcola \(format)", arguments: [command, "calcola", national] + year + ["--formato", format], inputBytes: nationalBytes,
            records: facts.persons))
}
for format in ["testo", "json", "csv"] {
    cases.append(
        Case(
            name: "nazionale JSON: prospetto \(format)", arguments: [command, "prospetto", national] + campaign + ["--formato", format],
            inputBytes: nationalBytes, records: facts.persons))
}
for format in ["testo", "json", "csv", "markdown"] {
    cases.append(
        Case(
            name: "nazionale CSV: calcola \(format)", arguments: [command, "calcola", nationalCSV] + year + ["--formato", format], inputBytes: nationalCSVBytes,
            records: facts.persons))
}
cases.append(
    Case(
        name: "nazionale CSV: prospetto json", arguments: [command, "prospetto", nationalCSV] + campaign + ["--formato", "json"], inputBytes: nationalCSVBytes,
        records: facts.persons))
cases.append(
    Case(name: "riferimento Python (solo totali)", arguments: [python, reference, national, "2025"], inputBytes: nationalBytes, records: facts.persons))
let largestBytes = size(largest)
cases += [
    Case(
        name: "ambito maggiore JSON: calcola testo", arguments: [command, "calcola", largest] + year, inputBytes: largestBytes, records: facts.largestPersons),
    Case(
        name: "ambito maggiore JSON: calcola json", arguments: [command, "calcola", largest] + year + ["--formato", "json"], inputBytes: largestBytes,
        records: facts.largestPersons),
    Case(
        name: "ambito maggiore JSON: prospetto html", arguments: [command, "prospetto", largest] + campaign + ["--formato", "html"], inputBytes: largestBytes,
        records: facts.largestPersons),
    Case(
        name: "ambito maggiore CSV: calcola testo", arguments: [command, "calcola", largestCSV] + year, inputBytes: size(largestCSV),
        records: facts.largestPersons),
    Case(
        name: "ambito maggiore CSV: prospetto html", arguments: [command, "prospetto", largestCSV] + campaign + ["--formato", "html"],
        inputBytes: size(largestCSV), records: facts.largestPersons),
    Case(name: "avvio: --version", arguments: [command, "--version"], inputBytes: 0, records: 0, runsPerRepetition: 10),
    Case(
        name: "avvio: contributo", arguments: [command, "contributo", "--popolazione", "100000", "--fte", "22,5", "--anno", "2025"], inputBytes: 0, records: 0,
        runsPerRepetition: 10),
    Case(
        name: "100.000 record JSON: calcola json", arguments: [command, "calcola", roster100k] + year + ["--formato", "json"], inputBytes: size(roster100k),
        records: 100_000),
    Case(
        name: "100.000 record CSV: calcola json", arguments: [command, "calcola", roster100kCSV] + year + ["--formato", "json"],
        inputBytes: size(roster100kCSV), records: 100_000),
]
if !quick {
    cases += [
        Case(
            name: "1.000.000 record JSON: calcola json", arguments: [command, "calcola", roster1M] + year + ["--formato", "json"], inputBytes: size(roster1M),
            records: 1_000_000),
        Case(
            name: "1.000.000 record CSV: calcola json", arguments: [command, "calcola", roster1MCSV] + year + ["--formato", "json"],
            inputBytes: size(roster1MCSV), records: 1_000_000),
    ]
}
if let only { cases = cases.filter { $0.name.contains(only) || $0.name.hasPrefix("riferimento") } }

// MARK: Measurement

/// How the measured command is linked: what its start-up loads (`ldd`).
let linkage: String = {
    let answer = outputs + "/ldd.txt"
    let run = Processes.run(["ldd", command], stdout: answer, stderr: answer + ".err")
    let text = (try? String(contentsOfFile: answer, encoding: .utf8)) ?? ""
    guard run.status == 0 else { return "Comando: collegamento non verificato (ldd non disponibile)" }
    return text.contains("libswiftCore")
        ? "Comando: carica le librerie Swift all'avvio (per misurare il pacchetto per gli uffici: swift build -c release --static-swift-stdlib)"
        : "Comando: librerie Swift incluse, come nel pacchetto per gli uffici (scripts/pacchetto.sh)"
}()

struct Outcome {
    var best = Double.infinity
    var cpuOfBest = 0.0
    var peakMemory = 0
    var statuses = Set<Int32>()
}

line("PotenziamentoKit — benchmark del comando (processi), migliore di \(repetitions) giri alternati\(quick ? " [rapido]" : "")")
line(
    "Dati: \(facts.ambiti) ambiti, \(italian(facts.residents)) residenti, \(italian(facts.comuni)) comuni, \(italian(facts.persons)) persone "
        + "(\(italian(Double(nationalBytes) / 1e6, decimals: 1)) MB di JSON, \(italian(Double(nationalCSVBytes) / 1e6, decimals: 1)) MB di CSV); "
        + "ambito maggiore: \(italian(facts.largestResidents)) residenti, \(italian(facts.largestPersons)) persone")
line(linkage)
line("")
var outcomes = Array(repeating: Outcome(), count: cases.count)
for _ in 0..<repetitions {
    for (index, item) in cases.enumerated() {
        for _ in 0..<item.runsPerRepetition {
            let run = Processes.run(item.arguments, stdout: item.output, stderr: item.output + ".err")
            outcomes[index].statuses.insert(run.status)
            if run.wall < outcomes[index].best {
                outcomes[index].best = run.wall
                outcomes[index].cpuOfBest = run.cpu
            }
        }
    }
}

for (index, item) in cases.enumerated() where outcomes[index].statuses == [0] {
    outcomes[index].peakMemory = Processes.peakMemory(item.arguments, stdout: item.output) ?? 0
}

let referenceIndex = cases.firstIndex { $0.name.hasPrefix("riferimento") }!
/// The reference's best time (infinity when it could not run: then no ratio is shown).
let referenceTime = outcomes[referenceIndex].statuses == [0] ? outcomes[referenceIndex].best : .infinity
line("caso".padded(44) + "ms".leftPadded(10) + "CPU ms".leftPadded(10) + "× rif.".leftPadded(8) + "memoria MB".leftPadded(12) + "uscita MB".leftPadded(11))
for (index, item) in cases.enumerated() {
    let outcome = outcomes[index]
    let failed = outcome.statuses.subtracting([0])
    var row = item.name.padded(44)
    if !failed.isEmpty {
        row += "uscita \(failed.sorted().map(String.init).joined(separator: ","))"
        if let message = try? String(contentsOfFile: item.output + ".err", encoding: .utf8) {
            row += ": " + (message.split(separator: "\n").first.map(String.init) ?? "")
        }
        line(row)
        continue
    }
    row += outcome.best.milliseconds.leftPadded(10) + outcome.cpuOfBest.milliseconds.leftPadded(10)
    row += (index == referenceIndex || item.records == 0 || referenceTime.isInfinite ? "" : italian(referenceTime / outcome.best, decimals: 1)).leftPadded(8)
    row += italian(Double(outcome.peakMemory) / 1e6, decimals: 1).leftPadded(12)
    row += italian(Double(size(item.output)) / 1e6, decimals: 2).leftPadded(11)
    line(row)
}

// MARK: Checks and targets

/// The national total in a `calcola --formato json` batch report (the last `"contributo"`, in `totali`).
func reportedTotal(_ path: String) -> String? {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8), let range = text.range(of: "\"contributo\":", options: .backwards) else {
        return nil
    }
    let rest = text[range.upperBound...].drop { $0 == " " }
    return String(rest.prefix { $0.isNumber || $0 == "." })
}
let referenceLine = (try? String(contentsOfFile: cases[referenceIndex].output, encoding: .utf8)) ?? ""
let referenceTotal = referenceLine.split(separator: " ").last.map { String($0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? "?"
line("")
line("Riferimento: \(referenceLine.trimmingCharacters(in: .whitespacesAndNewlines))")
for name in ["nazionale JSON: calcola json", "nazionale CSV: calcola json"] {
    guard let index = cases.firstIndex(where: { $0.name == name }) else { continue }
    let total = reportedTotal(cases[index].output).map { String(Double($0).map { String(format: "%.2f", $0) } ?? $0) } ?? "?"
    line("\(name): contributo totale \(total) — \(total == referenceTotal ? "uguale al riferimento" : "DIVERSO dal riferimento (\(referenceTotal))")")
}

func verdict(_ met: Bool) -> String { met ? "raggiunto" : "NON raggiunto" }
@MainActor func outcome(_ name: String) -> (Case, Outcome)? {
    guard let index = cases.firstIndex(where: { $0.name == name }), outcomes[index].statuses == [0] else { return nil }
    return (cases[index], outcomes[index])
}
line("")
line("Obiettivi (issue 17)")
for name in cases.map(\.name) where name.hasPrefix("nazionale") && !referenceTime.isInfinite {
    guard let (_, result) = outcome(name) else { continue }
    let ratio = referenceTime / result.best
    line("  \(name.padded(42)) \(italian(ratio, decimals: 1).leftPadded(6)) × il riferimento (obiettivo ≥ 15): \(verdict(ratio >= 15))")
}
for name in [
    "ambito maggiore JSON: calcola testo", "ambito maggiore JSON: calcola json", "ambito maggiore JSON: prospetto html", "ambito maggiore CSV: prospetto html",
] {
    guard let (_, result) = outcome(name) else { continue }
    line("  \(name.padded(42)) \(result.best.milliseconds.leftPadded(6)) ms (obiettivo < 15 ms): \(verdict(result.best < 0.015))")
}
if let (_, result) = outcome("avvio: --version") {
    line("  \("avvio: --version".padded(42)) \(result.best.milliseconds.leftPadded(6)) ms (obiettivo < 6 ms): \(verdict(result.best < 0.006))")
}
for (big, small) in [
    ("1.000.000 record JSON: calcola json", "100.000 record JSON: calcola json"), ("1.000.000 record CSV: calcola json", "100.000 record CSV: calcola json"),
] {
    guard let (item, result) = outcome(big) else { continue }
    let memoryRatio = Double(result.peakMemory) / Double(item.inputBytes)
    let memory =
        result.peakMemory == 0
        ? "memoria non misurata (manca /usr/bin/time)"
        : "memoria \(italian(memoryRatio, decimals: 2)) × il file di \(italian(Double(item.inputBytes) / 1e6, decimals: 0)) MB (obiettivo < 2): \(verdict(memoryRatio < 2))"
    line("  \(big.padded(42)) \(italian(result.best, decimals: 2).leftPadded(6)) s (obiettivo < 3 s): \(verdict(result.best < 3)); " + memory)
    if let (_, smaller) = outcome(small) {
        let growth = result.best / (smaller.best * 10)
        line(
            "  \("  costo per record 1.000.000 / 100.000".padded(42)) \(italian(growth, decimals: 2).leftPadded(6)) (lineare: ≤ 1,25): \(verdict(growth <= 1.25))"
        )
    }
}

// MARK: Instruction counts

if withCallgrind {
    line("")
    line("Istruzioni (valgrind --tool=callgrind; profili in \(outputs)/*.callgrind)")
    let counted = [
        "avvio: --version", "ambito maggiore JSON: calcola json", "ambito maggiore JSON: prospetto html", "nazionale JSON: calcola json",
        "nazionale JSON: prospetto json", "nazionale CSV: calcola json", "100.000 record JSON: calcola json", "100.000 record CSV: calcola json",
        "riferimento Python (solo totali)",
    ]
    var counts: [String: Int] = [:]
    for name in counted {
        guard let item = cases.first(where: { $0.name == name }) else { continue }
        let profile = item.output.replacingOccurrences(of: ".out", with: ".callgrind")
        guard let count = Processes.instructions(item.arguments, profile: profile, stdout: item.output) else {
            line("  \(name.padded(42)) non misurato (valgrind mancante o esecuzione fallita)")
            continue
        }
        counts[name] = count
        let perRecord = item.records > 0 ? " (\(italian(count / item.records)) per persona)" : ""
        line("  \(name.padded(42)) \(italian(count).leftPadded(16))\(perRecord)")
    }
    if let python = counts["riferimento Python (solo totali)"], let ours = counts["nazionale JSON: calcola json"] {
        line("  riferimento / calcola json nazionale: \(italian(Double(python) / Double(ours), decimals: 1)) × le istruzioni")
    }
}
