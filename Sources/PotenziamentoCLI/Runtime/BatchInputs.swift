import Foundation
import PotenziamentoKit

/// Resolving the inputs of `calcola` and `prospetto`: one roster (a JSON file or a CSV folder),
/// or many (several paths, or a folder whose entries are ATS folders and JSON files).
enum BatchInputs {
    /// Whether `path` is a folder holding one ATS as CSV.
    static func isRosterFolder(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent("comuni.csv"))
            || FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent("personale.csv"))
    }

    static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The rosters the arguments stand for, and whether this is a batch (more than one ATS, or a
    /// folder of ATS). Entries of a folder are taken in name order, so output order is stable.
    static func resolve(_ paths: [String]) throws(CommandFailure) -> (inputs: [String], isBatch: Bool) {
        if paths.count == 1, !isFolder(paths[0]) || isRosterFolder(paths[0]) { return (paths, false) }
        var inputs: [String] = []
        for path in paths {
            if isFolder(path) && !isRosterFolder(path) {
                let entries = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
                let found = entries.map { (path as NSString).appendingPathComponent($0) }.filter { entry in
                    (isFolder(entry) && isRosterFolder(entry)) || entry.lowercased().hasSuffix(".json")
                }
                if found.isEmpty {
                    throw CommandFailure(.noInput, ["\(path): la cartella non contiene ambiti (cartelle con comuni.csv e personale.csv, o file .json)"])
                }
                inputs += found
            } else {
                inputs.append(path)
            }
        }
        return (inputs, true)
    }

    /// The batch branch of `calcola` and `prospetto`: loads every input, computes it, renders the
    /// table in `format` (testo, json or csv), and reports the failures and every ATS's warnings
    /// (those of reading and those of the computation) so nothing is lost.
    static func run<Result>(
        _ inputs: [String], format: String, compute: (Roster) throws(CommandFailure) -> (result: Result, warnings: [InputDiagnostic]),
        text: ([Result], [BatchReport.Failure]) -> String, json: ([Result], [BatchReport.Failure]) -> String, csv: ([Result]) -> String
    ) throws(CommandFailure) -> CommandOutput {
        guard ["testo", "json", "csv"].contains(format) else { throw .usage("con più ambiti il formato può essere testo, json o csv") }
        var warnings: [String] = []
        let (results, failures) = each(inputs) { input throws(CommandFailure) in
            let loaded = try RosterInput.load(input)
            let computed = try compute(loaded.roster)
            warnings += (loaded.warnings + computed.warnings).map(\.description)
            return computed.result
        }
        let report: String
        switch format {
        case "json": report = json(results, failures)
        case "csv": report = csv(results)
        default: report = text(results, failures)
        }
        var result = output(report: report, failures: failures, inputs: inputs)
        result.warnings = warnings
        return result
    }

    /// Runs `body` on each input, collecting results and failures (one bad ATS does not stop the others).
    static func each<Result>(_ inputs: [String], _ body: (String) throws(CommandFailure) -> Result) -> (results: [Result], failures: [BatchReport.Failure]) {
        var results: [Result] = []
        var failures: [BatchReport.Failure] = []
        for input in inputs {
            do {
                results.append(try body(input))
            } catch {
                failures.append(BatchReport.Failure(input: input, errors: error.lines))
            }
        }
        return (results, failures)
    }

    /// The output of a batch: failures on standard error and status 65 if any input failed.
    static func output(report: String, failures: [BatchReport.Failure], inputs: [String]) -> CommandOutput {
        var output = CommandOutput(report: report, inputs: inputs.flatMap(RosterInput.inputFiles))
        if !failures.isEmpty {
            output.status = .dataError
            output.errors = failures.flatMap { $0.errors }
            output.errors.append("\(failures.count) ambiti su \(inputs.count) non calcolati")
        }
        return output
    }
}
