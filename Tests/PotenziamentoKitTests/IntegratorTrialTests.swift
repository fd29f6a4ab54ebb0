import Foundation
import Testing

@testable import PotenziamentoKit

/// What a trial of the JSON input, `simula`, `ciclo`, `riparto` and `contributo` found (an
/// officer's and an integrator's use, figures recomputed apart with exact fractions): no figure
/// of the arithmetic was wrong; inputs the tool let through without a word now have one.
@Suite("The trial of simula, ciclo, riparto and contributo")
struct IntegratorTrialTests {
    /// A file in a new temporary folder.
    static func file(_ name: String, _ text: String) throws -> String {
        let url = try TestSupport.temporaryFolder().appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test("a riparto row with as many residents as the others together is a warning at its cell")
    func ripartoSumRow() throws {
        let table = try Self.file("t.csv", "codice;denominazione;popolazione;fte\nA;Uno;100000;22\nB;Due;50000;10\nC;Somma;150000;32\n")
        let result = TestSupport.run("riparto", table, "--anno", "2025")
        #expect(result.status == .success)
        #expect(
            result.standardError.contains("t.csv:4 (colonna popolazione): l'ambito C «Somma» ha tanti residenti quanti gli altri ambiti"),
            "\(result.standardError)")
        // Without it, no word.
        let plain = try Self.file("t.csv", "codice;denominazione;popolazione;fte\nA;Uno;100000;22\nB;Due;50000;10\nC;Tre;140000;32\n")
        #expect(!TestSupport.run("riparto", plain, "--anno", "2025").standardError.contains("riga di totale"))
    }

    @Test("a coefficient that cuts is never shown as 1: rounded down to 6 decimals in every format")
    func coefficientRoundedDown() throws {
        let table = try Self.file("t.csv", "codice;denominazione;popolazione;fte\nA;Uno;420000;100\nB;Due;400000;100\n")
        let arguments = ["riparto", table, "--anno", "2025", "--fondo", "2233846,15"]
        let json = TestSupport.run(arguments: arguments + ["--formato", "json"]).standardOutput
        #expect(json.contains("\"richiesto\": 2233846.16,"), "\(json)")
        #expect(json.contains("\"coefficiente\": 0.999999,"), "\(json)")
        #expect(TestSupport.run(arguments: arguments).standardOutput.contains("0,999999"))
        // Exact 1 with no cut.
        #expect(TestSupport.run(arguments: ["riparto", table, "--anno", "2025", "--formato", "json"]).standardOutput.contains("\"coefficiente\": 1.0,"))
    }

    @Test("an FTE shortfall is rounded up: never shown as zero beside «non raggiunta»")
    func shortfallRoundedUp() {
        let json = TestSupport.run("contributo", "--popolazione", "50000", "--fte", "9,99999", "--anno", "2025", "--formato", "json").standardOutput
        #expect(json.contains("\"lep\": 0.0001,"), "\(json)")
        #expect(json.contains("\"obiettivo\": 2.5001"), "\(json)")
        let text = TestSupport.run("contributo", "--popolazione", "50000", "--fte", "9,99999", "--anno", "2025").standardOutput
        #expect(text.contains("non raggiunta (mancano 0,01 FTE)"), "\(text)")
        #expect(Fraction(1, 100_000).roundedUp(decimals: 4) == Fraction(1, 10_000))
        #expect(Fraction(2).roundedUp(decimals: 4) == Fraction(2))
    }

    @Test("a change from after the years computed is a warning, not a 0 in a table")
    func laterChange() {
        let example = TestSupport.path("Examples/ambito-esempio.json")
        let later = TestSupport.run("simula", example, "--anno", "2025", "--assunzione", "dal=2026-07-01,ente=comune:099001")
        #expect(later.standardError.contains("la modifica comincia il 01/07/2026, dopo il 2025: nel calcolo non conta"), "\(later.standardError)")
        // Once per option, however many hires it makes (a review: `numero=3` said it three times).
        let three = TestSupport.run("simula", example, "--anno", "2025", "--assunzione", "dal=2026-07-01,ente=comune:099001,numero=3")
        #expect(three.standardError.components(separatedBy: "nel calcolo non conta").count == 2, "\(three.standardError)")
        let within = TestSupport.run("simula", example, "--anno", "2025", "--fino-al", "2026", "--assunzione", "dal=2026-07-01,ente=comune:099001")
        #expect(!within.standardError.contains("nel calcolo non conta"), "\(within.standardError)")
    }

    @Test("a prospetto edited by hand is an error in ciclo, at the figure that disagrees", arguments: ["fteDaDichiarare", "popolazione"])
    func editedProspetto(field: String) throws {
        let example = TestSupport.path("Examples/ambito-esempio.json")
        let folder = try TestSupport.temporaryFolder()
        var paths: [String] = []
        for campaign in ["2026"] {
            let path = folder.appendingPathComponent("p\(campaign).json").path
            #expect(TestSupport.run("prospetto", example, "--campagna", campaign, "--formato", "json", "--output", path).status == .success)
            paths.append(path)
        }
        #expect(TestSupport.run(arguments: ["ciclo"] + paths).status == .success)
        // Unedited prospetti with every number of declared decimals are read (a review: with 3
        // decimals `18.033` was refused as an ambiguous FTE, with 0 a total written 2.0 beside 1).
        for decimals in 0...6 {
            let other = folder.appendingPathComponent("d\(decimals).json").path
            #expect(
                TestSupport.run("prospetto", example, "--campagna", "2026", "--decimali-dichiarati", String(decimals), "--formato", "json", "--output", other)
                    .status == .success)
            let read = TestSupport.run("ciclo", other)
            #expect(read.status == .success, "\(decimals): \(read.standardError)")
        }
        // 1,99999 FTE: `fte.totale` is written 2.0 beside 1 declared with 0 decimals (a review:
        // refused as edited by hand).
        let nearlyTwo = try Self.file(
            "r.json",
            #"{"formato": "potenziamento.ambito.v1", "ambito": {"codice": "ATS-R", "denominazione": "R"}, "comuni": [{"codiceIstat": "001001", "denominazione": "Uno", "popolazione": 50000}], "personale": [{"id": "A", "profilo": "assistente_sociale", "contratto": "tempo_indeterminato", "ente": {"tipo": "comune", "codiceIstat": "001001"}, "periodi": [{"dal": "2020-01-01", "percentuale": 100}]}, {"id": "B", "profilo": "assistente_sociale", "contratto": "tempo_indeterminato", "ente": {"tipo": "comune", "codiceIstat": "001001"}, "periodi": [{"dal": "2020-01-01", "percentuale": 99.999}]}]}"#
        )
        let rounded = folder.appendingPathComponent("r0.json").path
        #expect(
            TestSupport.run("prospetto", nearlyTwo, "--campagna", "2026", "--decimali-dichiarati", "0", "--formato", "json", "--output", rounded).status
                == .success)
        #expect(try String(contentsOfFile: rounded, encoding: .utf8).contains("\"fteDaDichiarare\": 1"))
        let roundedRead = TestSupport.run("ciclo", rounded)
        #expect(roundedRead.status == .success, "\(roundedRead.standardError)")
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: paths[0]))) as? [String: Any])
        var forecast = try #require(object["previsione"] as? [String: Any])
        forecast[field] = field == "popolazione" ? 70000 : 25.5
        object["previsione"] = forecast
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: paths[0]))
        let edited = TestSupport.run(arguments: ["ciclo"] + paths)
        #expect(edited.status == .dataError)
        #expect(edited.standardError.contains("previsione.\(field):"), "\(edited.standardError)")
        #expect(edited.standardError.contains("il file sembra modificato a mano"))
    }

    @Test("an FTE with a point before three digits is ambiguous in a table; a comma or no separator is read", arguments: ["1.234", "12.500"])
    func ambiguousFTE(_ written: String) throws {
        let table = try Self.file("t.csv", "codice;denominazione;popolazione;fte\nA;Uno;100000;\(written)\n")
        let result = TestSupport.run("riparto", table, "--anno", "2025")
        #expect(result.status == .dataError)
        #expect(result.standardError.contains("FTE «\(written)» ambiguo"), "\(result.standardError)")
        #expect((try? FieldParsing.fte(written.replacingOccurrences(of: ".", with: ","))) != nil)
        #expect((try? FieldParsing.fte(written.replacingOccurrences(of: ".", with: ""))) != nil)
        #expect((try? FieldParsing.fte("0.500")) == Fraction(1, 2))
        // The same figure as an option (a review: `--fte 12.500` read 12,5 beside `--popolazione 50.000`).
        let option = TestSupport.run("contributo", "--popolazione", "50000", "--fte", written, "--anno", "2025")
        #expect(option.status == .usage && option.standardError.contains("--fte «\(written)» ambiguo"), "\(option.standardError)")
        #expect(TestSupport.run("contributo", "--popolazione", "50000", "--fte", "0.500", "--anno", "2025").status == .success)
    }

    @Test("a share is shown with the decimals it was given, never rounded without a mark")
    func shareAsGiven() throws {
        #expect(try WorkShare(percent: Fraction(83_333_333, 1_000_000)).description == "83,333333 %")
        #expect(try WorkShare(percent: Fraction(50)).description == "50 %")
    }

    /// An overlap of periods (an error of one person) hid the repeated id and the comune outside
    /// the ATS (errors across persons) of a JSON roster: a CSV folder listed them all.
    @Test("valida lists the errors across persons of a JSON roster beside an error of one person")
    func everyProblemListed() throws {
        let example = TestSupport.path("Examples/ambito-esempio.json")
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: example))) as? [String: Any])
        var staff = try #require(object["personale"] as? [[String: Any]])
        var repeated = staff[0]
        repeated["id"] = (staff[0]["id"] as? String)?.lowercased()
        // The second person's period twice: they overlap.
        var overlapping = staff[1]
        let periods = try #require(overlapping["periodi"] as? [[String: Any]])
        overlapping["periodi"] = periods + periods
        staff[1] = overlapping
        staff.append(repeated)
        object["personale"] = staff
        let path = try Self.file("a.json", String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self))
        let result = TestSupport.run("valida", path)
        #expect(result.standardOutput.contains("si sovrappone"), "\(result.standardOutput)")
        #expect(result.standardOutput.contains("ripetuto"), "\(result.standardOutput)")
    }

    @Test("a year of four digits out of range names the range")
    func yearRange() {
        #expect(throws: InvalidValue.self) { try FieldParsing.year("2201") }
        #expect(throws: InvalidValue.self) { try FieldParsing.year("25") }
        do { _ = try FieldParsing.year("2201") } catch { #expect(error.message.contains("dal 1900 al 2200"), "\(error.message)") }
        do { _ = try FieldParsing.year("25") } catch { #expect(error.message.contains("quattro cifre"), "\(error.message)") }
    }
}
