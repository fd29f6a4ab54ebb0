import Foundation
import Synchronization
import PotenziamentoKit
import Testing

/// The library as another Swift tool embeds it: only `import PotenziamentoKit`, the entry points of
/// INTERFACE.md («Library entry points»), the model built in code, Codable round trips, errors with
/// codes, places and Italian messages.
@Suite("The library through its public API")
struct IntegratorTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func example(_ path: String) -> URL { root.appendingPathComponent(path) }

    @Test("the example loads from a path, from JSON Data, from CSV bytes and from workbook bytes, to the same roster")
    func loading() throws {
        let fromPath = try RosterLoader.load(path: Self.example("Examples/ambito-esempio.json").path).roster
        let data = try Data(contentsOf: Self.example("Examples/ambito-esempio.json"))
        let fromData = try RosterLoader.load(jsonData: data, name: "ambito.json").roster
        var files: [String: Data] = [:]
        for name in ["ambito.csv", "comuni.csv", "personale.csv"] {
            files[name.uppercased()] = try Data(contentsOf: Self.example("Examples/ambito-esempio/\(name)"))
        }
        let fromCSV = try RosterLoader.load(csvFiles: files, name: "ambito-esempio").roster
        #expect(fromPath == fromData)
        #expect(fromData == fromCSV)
        // The same ambito as the workbooks an office fills in (Excel and LibreOffice).
        for name in ["ambito-esempio.xlsx", "ambito-esempio.ods"] {
            let bytes = try Data(contentsOf: Self.example("Examples/\(name)"))
            #expect(try RosterLoader.load(workbookData: bytes, name: name).roster == fromCSV)
        }
        #expect(throws: InputError.self) { try RosterLoader.load(workbookData: Data("non è una cartella di lavoro".utf8), name: "x.xlsx") }
        let assessment = try RosterAssessor().assess(fromCSV, year: 2025)
        #expect(assessment.contribution.total == EuroCents(cents: 18_620_969))
        #expect(assessment.counted.count + assessment.excluded.count == fromCSV.staff.count)
    }

    /// The README's «From Swift» lines as written there, with what their comments promise (a
    /// newcomer's trial: `Fraction(45, 2)`, internal, did not compile outside the package).
    @Test("the README's Swift lines compile through the public API and give the figures their comments say")
    func readmeLines() throws {
        let roster = try RosterLoader.load(path: Self.example("Examples/ambito-esempio.json").path).roster
        let assessment = try RosterAssessor().assess(roster, year: 2025)
        #expect(assessment.contribution.total.description == "186.209,69 €")
        let fte = Fraction(numerator: 45, denominator: 2)!  // 22,5 (nil only for a zero denominator)
        let result = try ContributionCalculator().assess(population: 100_000, fte: fte, year: 2025)
        #expect("\(result.total) \(result.meetsLEP) \(result.missingToObjective)" == "234.615,38 € true 5/2")
        let readme = try String(contentsOf: Self.example("README.md"), encoding: .utf8)
        #expect(readme.contains("let fte = Fraction(numerator: 45, denominator: 2)!"))
        #expect(readme.contains("print(result.total, result.meetsLEP, result.missingToObjective)  // 234.615,38 € true 5/2"))
    }

    @Test("a roster built in code goes through the same rules")
    func builtInCode() throws {
        let comune = try Municipality(istatCode: "048001", name: "A", residents: Residents(30_000))
        let employer = try Employer(kind: .comune, istatCode: "048001")
        let period = try ServicePeriod(start: CivilDate(year: 2025, month: 1, day: 1)!, end: nil, share: WorkShare(weeklyHours: Fraction(30)))
        let record = try StaffRecord(
            id: PersonID("AS-1"), profile: Profile("Assistente sociale coordinatore"), contract: Contract("T.I."), employer: employer, periods: [period])
        let roster = try Roster(ambito: Ambito(code: "T", name: "Test"), municipalities: [comune], staff: [record])
        let assessment = try RosterAssessor().assess(roster, year: 2025)
        #expect(assessment.fte == Fraction(numerator: 5, denominator: 6)!)
    }

    @Test(
        "a value that breaks a rule cannot be built, whatever the source: an error, never a trap",
        arguments: [
            ("residents 0", DiagnosticCode.popolazioneNonValida), ("share 500 %", .percentualeFuoriIntervallo), ("share 0,5 %", .percentualeFuoriIntervallo),
            ("unknown profile", .profiloSconosciuto), ("empty id", .valoreVuoto), ("areas to 160", .ripartizioneAree),
        ])
    func invalidValues(what: String, code: DiagnosticCode) {
        let attempts: [String: () throws(InvalidValue) -> Void] = [
            "residents 0": { () throws(InvalidValue) in _ = try Residents(0) },
            "share 500 %": { () throws(InvalidValue) in _ = try WorkShare(percent: Fraction(500)) },
            "share 0,5 %": { () throws(InvalidValue) in _ = try WorkShare(percent: Fraction(numerator: 1, denominator: 2)!) },
            "unknown profile": { () throws(InvalidValue) in _ = try Profile("assistente_socale") },
            "empty id": { () throws(InvalidValue) in _ = try PersonID(" ") },
            "areas to 160": { () throws(InvalidValue) in _ = try AreaSplit([.segretariatoSociale: Fraction(80), .povertaDisagioAdulti: Fraction(80)]) },
        ]
        do {
            try attempts[what]?()
            Issue.record("\(what) was accepted")
        } catch {
            #expect(error.code == code)
            #expect(!error.localizedDescription.isEmpty)
            #expect(error.localizedDescription != "The operation could not be completed.")
        }
    }

    @Test("rules that span records: duplicate ids (case-insensitive), a comune outside the ATS, overlapping periods, no comuni")
    func rosterRules() throws {
        let comune = try Municipality(istatCode: "048001", name: "A", residents: Residents(30_000))
        let inside = try Employer(kind: .comune, istatCode: "048001")
        let outside = try Employer(kind: .comune, istatCode: "099999")
        let year = try ServicePeriod(start: CivilDate(year: 2025, month: 1, day: 1)!, end: nil, share: .fullTime)
        func record(_ id: String, _ employer: Employer) throws -> StaffRecord {
            try StaffRecord(id: PersonID(id), profile: .socialWorker, contract: .permanent, employer: employer, periods: [year])
        }
        let ambito = try Ambito(code: "T", name: "T")
        #expect(throws: InputError.self) {
            try Roster(ambito: ambito, municipalities: [comune], staff: [record("SD-01 Bianchi", inside), record("sd-01 bianchi ", inside)])
        }
        #expect(throws: InputError.self) { try Roster(ambito: ambito, municipalities: [comune], staff: [record("X", outside)]) }
        #expect(throws: InputError.self) { try Roster(ambito: ambito, municipalities: [], staff: []) }
        #expect(throws: InputError.self) {
            try StaffRecord(id: PersonID("O"), profile: .socialWorker, contract: .permanent, employer: inside, periods: [year, year])
        }
        do {
            _ = try Roster(ambito: ambito, municipalities: [comune], staff: [record("A", inside), record("a", inside)])
        } catch let error as InputError {
            #expect(error.diagnostics.first?.code == .idRipetuto)
        }
    }

    @Test("an error names the file and the place, with a code a program can switch on")
    func errors() throws {
        let text =
            #"{"formato": "potenziamento.ambito.v1", "ambito": {"codice": "T", "denominazione": "T"}, "comuni": [{"codiceIstat": "048001", "denominazione": "A", "popolazione": 0}], "personale": []}"#
        do {
            _ = try RosterLoader.load(jsonData: Data(text.utf8), name: "mio.json")
            Issue.record("accepted")
        } catch {
            let diagnostic = try #require(error.diagnostics.first)
            #expect(diagnostic.code == .popolazioneNonValida)
            #expect(diagnostic.place.file == "mio.json")
            if case .json(let path) = diagnostic.place.position { #expect(path.description == "comuni[0].popolazione") } else { Issue.record("no JSON path") }
            let described = (error as Error).localizedDescription
            #expect(described.contains("mio.json: comuni[0].popolazione"))
            #expect(described.contains("positivo"))
        }
        let missing = URL(fileURLWithPath: "/nessuno/qui.json").path
        #expect(throws: InputError.self) { try RosterLoader.load(path: missing) }
    }

    @Test("roster, assessment, prospetto and cycle encode and decode exactly")
    func codable() throws {
        let roster = try RosterLoader.load(path: Self.example("Examples/ambito-esempio.json").path).roster
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let decoder = JSONDecoder()
        #expect(try decoder.decode(Roster.self, from: encoder.encode(roster)) == roster)
        let assessment = try RosterAssessor(method: .months).assess(roster, year: 2025)
        #expect(try decoder.decode(AnnualAssessment.self, from: encoder.encode(assessment)) == assessment)
        let prospetto = try Prospetto(roster: roster, campaign: 2026)
        #expect(try decoder.decode(Prospetto.self, from: encoder.encode(prospetto)) == prospetto)
        var cycle = FundingCycle()
        try cycle.record(CycleYear(year: 2025, population: 81_000, forecastFTE: Fraction(19), actualFTE: Fraction(18)))
        #expect(try decoder.decode(FundingCycle.self, from: encoder.encode(cycle)) == cycle)
        // FTE per area by code: every area written; an area left out reads as zero, an unknown code is an error.
        let areas = try JSONSerialization.jsonObject(with: encoder.encode(assessment.areas)) as? [String: Any]
        #expect(Set((areas?["perArea"] as? [String: Any])?.keys ?? [:].keys) == Set(ActivityArea.allCases.map(\.rawValue)))
        let partial = #"{"perArea":{"segretariato_sociale":{"numerator":1,"denominator":3}},"unspecified":{"numerator":0,"denominator":1}}"#
        let decoded = try decoder.decode(AreaBreakdown.self, from: Data(partial.utf8))
        #expect(decoded[.segretariatoSociale] == Fraction(numerator: 1, denominator: 3)!)
        #expect(
            decoded[.povertaDisagioAdulti] == .zero && decoded.perArea.count == ActivityArea.allCases.count && decoded.total == decoded[.segretariatoSociale])
        // Written back with every area, the zero ones too.
        let rewritten = try JSONSerialization.jsonObject(with: encoder.encode(decoded)) as? [String: Any]
        #expect(Set((rewritten?["perArea"] as? [String: Any])?.keys ?? [:].keys) == Set(ActivityArea.allCases.map(\.rawValue)))
        #expect(throws: DecodingError.self) {
            try decoder.decode(AreaBreakdown.self, from: Data(partial.replacingOccurrences(of: "segretariato_sociale", with: "segretariato").utf8))
        }
        // Exact values stay exact: a fraction as numerator and denominator, cents as an integer.
        let third = try encoder.encode(Fraction(numerator: 1, denominator: 3)!)
        #expect(String(decoding: third, as: UTF8.self) == #"{"denominator":3,"numerator":1}"#)
        #expect(String(decoding: try encoder.encode(EuroCents(cents: 18_620_969)), as: UTF8.self) == "18620969")
        // Decoding goes through the same rules: a roster with a comune of 0 residents is refused.
        let broken = String(decoding: try encoder.encode(roster), as: UTF8.self).replacing("\"everyYear\":17300", with: "\"everyYear\":0")
        #expect(throws: DecodingError.self) { try decoder.decode(Roster.self, from: Data(broken.utf8)) }
    }

    @Test("reports from the public API: JSON, text, the prospetto page")
    func reports() throws {
        let loaded = try RosterLoader.load(path: Self.example("Examples/ambito-esempio.json").path)
        let roster = loaded.roster
        let assessment = try RosterAssessor().assess(roster, year: 2025)
        // The command's bytes, its warnings about the data at the end included (a review found the
        // library's text naming the data's folders, the command's not).
        let golden = try String(contentsOf: Self.example("Tests/PotenziamentoKitTests/Golden/calcola-2025.txt"), encoding: .utf8)
        #expect(assessment.report(.text, readingWarnings: loaded.warnings) == golden)
        #expect(assessment.report(.text)?.contains(Self.example("Examples").path) == false)
        #expect(assessment.report(.json)?.contains("\"contributo\": 186209.69,") == true)
        #expect(assessment.report(.html) == nil)
        let prospetto = try Prospetto(roster: roster, campaign: 2026)
        let page = prospetto.report(.html, options: ProspettoReportOptions(today: CivilDate(year: 2026, month: 2, day: 20)!, place: "Pontassieve"))
        #expect(page.contains("Pontassieve, 20/02/2026"))
        #expect(assessment.contribution.explanation.renderedText().contains("comma 797"))
        // The explanation in Markdown and on the page when asked, not without.
        #expect(assessment.report(.markdown, explain: true)?.contains("- **Contributo 2025** = 186.209,69 €") == true)
        #expect(assessment.report(.markdown)?.contains("Come è stato calcolato") == false)
        #expect(assessment.contribution.report(.markdown, explain: true)?.contains("## Come è stato calcolato") == true)
        let explainedPage = prospetto.report(.html, options: ProspettoReportOptions(today: CivilDate(year: 2026, month: 2, day: 20)!, explains: true))
        #expect(explainedPage.contains("<h1>Come è stato calcolato</h1>") && !page.contains("Come è stato calcolato"))
    }

    @Test("a reform from a year on holds until the next override, even past a newer official value")
    func reform() throws {
        let reform = try ParameterTable.official.applying([
            ParameterOverride(name: .fondoAnnuo, value: .money(EuroCents(euros: 1_000_000)), fromYear: 2022)
        ])
        #expect(try reform.inForce(for: 2025).fund.value == EuroCents(euros: 1_000_000))
        #expect(try ParameterTable.official.inForce(for: 2025).fund.value == EuroCents(euros: 180_000_000))
        let result = try ContributionCalculator(
            parameters: ParameterTable.official.applying([
                ParameterOverride(name: .importoFasciaA, value: .money(EuroCents(euros: 45_000)), fromYear: 2027)
            ])
        ).assess(population: 100_000, fte: Fraction(20), year: 2027)
        #expect(result.bandA.amountPerFTE == EuroCents(euros: 45_000))
    }

    @Test("one assessor used for several years, from several threads, gives each year what a new assessor gives")
    func sharedAssessor() throws {
        let roster = try RosterLoader.load(path: Self.example("Examples/ambito-esempio.json").path).roster
        let reform = try ParameterTable.official.applying([
            ParameterOverride(name: .importoFasciaA, value: .money(EuroCents(euros: 45_000)), fromYear: 2026)
        ])
        let shared = RosterAssessor(parameters: reform, method: .days)
        let years = [2026, 2025, 2026, 2025, 2024, 2025, 2026, 2020]
        let results = Mutex<[Int: Result<AnnualAssessment, AssessmentError>]>([:])
        DispatchQueue.concurrentPerform(iterations: years.count) { index in
            let result = Result { () throws(AssessmentError) in try shared.assess(roster, year: years[index]) }
            results.withLock { $0[index] = result }
        }
        for (index, year) in years.enumerated() {
            let alone = Result { () throws(AssessmentError) in try RosterAssessor(parameters: reform, method: .days).assess(roster, year: year) }
            let together = results.withLock { $0[index] }
            #expect(together == alone, "\(year)")
        }
        #expect(try shared.assess(roster, year: 2026).contribution.parameters.bandAAmount.value == EuroCents(euros: 45_000))
        #expect(try shared.assess(roster, year: 2025).contribution.parameters.bandAAmount.value == EuroCents(euros: 40_000))
    }
}
