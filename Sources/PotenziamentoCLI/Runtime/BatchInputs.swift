import Foundation
import PotenziamentoKit

/// Resolving the inputs of `calcola` and `prospetto`: one roster (a JSON file or a CSV folder),
/// or many (several paths, or a folder whose entries are ATS folders and JSON files).
enum BatchInputs {
    /// Whether `path` is a folder holding one ATS as CSV (file names compared ignoring case).
    static func isRosterFolder(_ path: String) -> Bool {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return entries.contains { ["comuni.csv", "personale.csv"].contains($0.lowercased()) }
    }

    static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Whether a file name is a roster file of a folder of ATS.
    static func isRosterFile(_ name: String) -> Bool { name.lowercased().hasSuffix(".json") }

    /// The rosters the arguments stand for, whether this is a batch (more than one ATS, or a
    /// folder of ATS), and the entries of the folders that are not ATS (named in warnings, so
    /// nothing is skipped silently). Entries of a folder are taken in name order, so output order is stable.
    static func resolve(_ paths: [String]) throws(CommandFailure) -> (inputs: [String], isBatch: Bool, skipped: [String]) {
        if paths.count == 1, !isFolder(paths[0]) || isRosterFolder(paths[0]) { return (paths, false, []) }
        var inputs: [String] = []
        var skipped: [String] = []
        for path in paths {
            if isFolder(path) && !isRosterFolder(path) {
                let entries = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
                var found: [String] = []
                for entry in entries {
                    let full = (path as NSString).appendingPathComponent(entry)
                    if (isFolder(full) && isRosterFolder(full)) || (!isFolder(full) && isRosterFile(entry)) {
                        found.append(full)
                    } else if isFolder(full) {
                        // A folder that should be an ATS but has no roster files: computed, so its error is reported.
                        found.append(full)
                    } else {
                        skipped.append(full)
                    }
                }
                if found.isEmpty {
                    throw CommandFailure(.noInput, ["\(path): la cartella non contiene ambiti (cartelle con comuni.csv e personale.csv, o file .json)"])
                }
                inputs += found
            } else {
                inputs.append(path)
            }
        }
        return (inputs, true, skipped)
    }

    /// The batch branch of `calcola` and `prospetto`: loads every input, computes it, renders the
    /// table in `format` (testo, json or csv), and reports the failures and every ATS's warnings
    /// (those of reading and those of the computation) so nothing is lost.
    static func run<Result>(
        _ inputs: [String], skipped: [String], format: String, compute: (Roster) throws(CommandFailure) -> (result: Result, warnings: [InputDiagnostic]),
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
        result.warnings = skipped.map { "\($0): non è un ambito (né una cartella con comuni.csv e personale.csv né un file .json): non calcolato" } + warnings
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
            output.errors.append("\(Italian.count(failures.count, "ambito", "ambiti")) su \(inputs.count) non \(failures.count == 1 ? "calcolato" : "calcolati")")
        }
        return output
    }
}
