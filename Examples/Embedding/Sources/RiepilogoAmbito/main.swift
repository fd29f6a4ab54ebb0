import Foundation
import PotenziamentoKit

// A small HR/budget tool that embeds PotenziamentoKit: it loads an ATS roster, prints the
// contribution for a year, then asks "what if we hire two full-time social workers from April?".
//
//   swift run --package-path Examples/Embedding RiepilogoAmbito [ROSTER] [YEAR]

let arguments = CommandLine.arguments
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
let rosterPath = arguments.count > 1 ? arguments[1] : packageRoot.appendingPathComponent("Examples/ambito-esempio.json").path
let year = arguments.count > 2 ? Int(arguments[2]) ?? 2026 : 2026

do {
    // 1. Load and assess the roster.
    let loaded = try RosterLoader.load(path: rosterPath)
    let assessment = try RosterAssessor().assess(loaded.roster, year: year)
    let contribution = assessment.contribution
    print("\(assessment.ambito.name): anno \(year)")
    print("  FTE conteggiati:   \(NumberFormatting.italian(assessment.fte, decimals: 2))")
    print("  contributo:        \(contribution.total)")
    print("  LEP raggiunto:     \(contribution.meetsLEP ? "sì" : "no")")
    print("  esclusi:           \(assessment.excluded.count)")

    // 2. What if we hire two full-time AS from 1 April in the first comune?
    let comune = loaded.roster.municipalities[0].istatCode
    let start = CivilDate(year: year, month: 4, day: 1)!
    let hires = (1...2).map { index in
        ScenarioChange.hire(PlannedHire(id: "PIANO-\(index)", start: start, employer: Employer(kind: .comune, istatCode: comune)))
    }
    let outcome = try ScenarioEvaluator().evaluate(Scenario(changes: hires), on: loaded.roster, from: year, through: year)[0]
    print("  con 2 assunzioni dal \(start.italian): \(outcome.scenario.contribution.total) (\(outcome.difference.cents >= 0 ? "+" : "")\(outcome.difference))")

    // 3. How was the figure obtained?
    print("")
    print(contribution.explanation.renderedText(indent: "  "))
} catch {
    FileHandle.standardError.write(Data("errore: \(error)\n".utf8))
    exit(1)
}
