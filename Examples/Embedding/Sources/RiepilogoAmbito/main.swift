import Foundation
import PotenziamentoKit

// A small HR/budget tool that embeds PotenziamentoKit: it reads an ATS roster from bytes it already
// holds (here a file read by the tool itself), prints the contribution for a year and the FTE to
// declare, asks "what if we hire two full-time social workers from April?", and shows how an error
// reads when the data are wrong.
//
//   swift run --package-path Examples/Embedding RiepilogoAmbito [ROSTER.json|FOLDER|WORKBOOK] [YEAR]

let arguments = CommandLine.arguments
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
let rosterURL = arguments.count > 1 ? URL(fileURLWithPath: arguments[1]) : packageRoot.appendingPathComponent("Examples/ambito-esempio.json")
let year = arguments.count > 2 ? Int(arguments[2]) ?? 2026 : 2026

do {
    // 1. Load the roster from memory (the tool's own bytes) when it is JSON, from its path when
    //    it is a CSV folder or a workbook, and assess it.
    let loaded =
        rosterURL.pathExtension.lowercased() == "json"
        ? try RosterLoader.load(jsonData: Data(contentsOf: rosterURL), name: rosterURL.lastPathComponent)
        : try RosterLoader.load(path: rosterURL.path)
    let assessment = try RosterAssessor().assess(loaded.roster, year: year)
    let contribution = assessment.contribution
    print("\(assessment.ambito.name): anno \(year)")
    print("  FTE conteggiati:      \(assessment.fte)  (esatti)")
    print("  contributo:           \(contribution.total)")
    print("  LEP raggiunto:        \(contribution.meetsLEP ? "sì" : "no")")
    print("  esclusi:              \(assessment.excluded.count)")
    let declaration = try FTEDeclaration(assessment)
    print("  FTE da dichiarare:    \(declaration.fte) → \(declaration.contribution.total)")

    // 2. What if we hire two full-time AS from 1 April in the first comune?
    let employer = try Employer(kind: .comune, istatCode: loaded.roster.municipalities[0].istatCode)
    let period = try ServicePeriod(start: CivilDate(year: year, month: 4, day: 1)!, end: nil, share: .fullTime)
    let hires = try (1...2).map { index in ScenarioChange.hire(PlannedHire(id: try PersonID("PIANO-\(index)"), period: period, employer: employer)) }
    let outcome = try ScenarioEvaluator().evaluate(Scenario(changes: hires), on: loaded.roster, from: year, through: year)[0]
    print("  con 2 assunzioni dal \(period.start.italian): \(outcome.scenario.contribution.total) (differenza \(outcome.difference))")

    // 3. How was the figure obtained?
    print("")
    print(contribution.explanation.renderedText(indent: "  "))

    // 4. Wrong data give an error with its place and a code, never a crash (the bundled example
    //    with a share written 0,5).
    let example = try Data(contentsOf: packageRoot.appendingPathComponent("Examples/ambito-esempio.json"))
    let wrong = String(decoding: example, as: UTF8.self).replacing("\"percentuale\": 50", with: "\"percentuale\": 0.5")
    do {
        _ = try RosterLoader.load(jsonData: Data(wrong.utf8), name: "modificato.json")
    } catch {
        print("")
        print("Con una percentuale scritta 0,5:")
        for problem in error.errors.prefix(3) { print("  [\(problem.code.rawValue)] \(problem)") }
    }
} catch {
    FileHandle.standardError.write(Data("errore: \(error.localizedDescription)\n".utf8))
    exit(1)
}
