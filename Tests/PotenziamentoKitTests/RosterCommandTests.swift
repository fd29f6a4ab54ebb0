import Foundation
import Testing

@testable import PotenziamentoCLI
@testable import PotenziamentoKit

@Suite("calcola and valida")
struct RosterCommandTests {
    let example = TestSupport.path("Examples/ambito-esempio.json")

    @Test("calcola prints the Italian report with contribution, areas, split and exclusions")
    func text() {
        let result = TestSupport.run("calcola", example, "--anno", "2025")
        #expect(result.status == .success)
        for expected in ["Ambito di esempio Val di Sieve", "CONTRIBUTO", "Riparto tra i comuni", "Escluse dal calcolo:", "asl_senza_delega", "Non indicata"] {
            #expect(result.standardOutput.contains(expected), "\(expected)")
        }
        #expect(result.standardError.contains("Avviso:"))
    }

    @Test("calcola --formato json has the contract keys and perArea with all six keys")
    func json() throws {
        let result = TestSupport.run("calcola", example, "--anno", "2025", "--formato", "json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        for key in ["formato", "ambito", "anno", "metodoFte", "popolazione", "soglie", "fte", "fasce", "contributo", "conteggiati", "esclusi", "riparto"] {
            #expect(object[key] != nil, "\(key)")
        }
        #expect(object["formato"] as? String == "potenziamento.valutazione.v1")
        let perArea = try #require((object["fte"] as? [String: Any])?["perArea"] as? [String: Any])
        #expect(Set(perArea.keys) == Set(ActivityArea.allCases.map(\.rawValue) + ["non_indicata"]))
        let riparto = try #require(object["riparto"] as? [[String: Any]])
        #expect(riparto.last?["ente"] as? String == "capofila")
        #expect(riparto.first?["ente"] as? String == "comune:099001")
    }

    @Test("the JSON figures agree with contributo on the same population and FTE")
    func consistentWithContributo() throws {
        let roster = try RosterLoader.load(path: example).roster
        let assessment = try RosterAssessor().assess(roster, year: 2025)
        let direct = try ContributionCalculator().assess(population: assessment.population, fte: assessment.fte, year: 2025)
        #expect(direct.total == assessment.contribution.total)
    }

    @Test("calcola --formato csv has one row per person plus the total")
    func csv() throws {
        let result = TestSupport.run("calcola", example, "--anno", "2025", "--formato", "csv")
        let lines = result.standardOutput.split(separator: "\n")
        let roster = try RosterLoader.load(path: example).roster
        #expect(lines.count == roster.staff.count + 2)
        #expect(lines.contains { $0.hasPrefix("AS-009;escluso;0,0000;;contratto_non_a_tempo_indeterminato") })
        #expect(lines.last?.hasPrefix("TOTALE;;") == true)
    }

    @Test("--spiega shows the FTE of each person and the law")
    func explain() {
        let result = TestSupport.run("calcola", example, "--anno", "2025", "--spiega")
        #expect(result.standardOutput.contains("FTE di AS-005 ≈ 0,5041"), "a figure shown rounded is marked ≈")
        #expect(result.standardOutput.contains("min(max(≈ 18,0336 − ≈ 12,4615; 0); 16,2000 − ≈ 12,4615)"), "in the rules too")
        #expect(result.standardOutput.contains("quota esatta ≈ "), "and in the split's")
        #expect(result.standardOutput.contains("FTE di AS-001 = 1,0000"), "an exact figure is not")
        #expect(result.standardOutput.contains("comma 797"))
    }

    @Test("valida: 0 on a good input, 65 with every problem listed on a bad one")
    func valida() throws {
        let good = TestSupport.run("valida", TestSupport.path("Examples/ambito-esempio"))
        #expect(good.status == .success)
        #expect(good.standardOutput.contains("Nessun problema trovato."))
        // Found by an officer's trial: without --anno the warnings of a year (AS-014 without areas)
        // are not checked, and the report says so; with it they are listed.
        #expect(good.standardOutput.contains("Controllati i dati, non il calcolo di un anno") && good.standardOutput.contains("--anno"))
        let year = TestSupport.run("valida", TestSupport.path("Examples/ambito-esempio"), "--anno", "2025")
        #expect(year.standardOutput.contains("[aree_non_indicate]") && !year.standardOutput.contains("Controllati i dati"))
        // In JSON too a program can tell whether the year's warnings were looked for (the review).
        #expect(TestSupport.run("valida", TestSupport.path("Examples/ambito-esempio"), "--formato", "json").standardOutput.contains("\"anno\": null,"))
        #expect(
            TestSupport.run("valida", TestSupport.path("Examples/ambito-esempio"), "--anno", "2025", "--formato", "json").standardOutput.contains(
                "\"anno\": 2025,"))
        let folder = try TestSupport.temporaryFolder()
        let bad = folder.appendingPathComponent("bad.json")
        let staff =
            #"[{"id": "P1", "profilo": "assistente_sociale", "contratto": "tempo_indeterminato", "ente": {"tipo": "boh"}, "periodi": [{"dal": "2025-02-30", "percentuale": 200}]}]"#
        try rosterJSON(staff: staff).write(to: bad, atomically: true, encoding: .utf8)
        let result = TestSupport.run("valida", bad.path)
        #expect(result.status == .dataError)
        #expect(result.standardOutput.contains("personale[0].ente.tipo"))
        #expect(result.standardOutput.contains("personale[0].periodi[0].dal"))
        #expect(result.standardOutput.contains("personale[0].periodi[0].percentuale"))
        let json = TestSupport.run("valida", bad.path, "--formato", "json")
        #expect(json.standardOutput.contains("\"valido\": false"))
        // With errors there is no computation: not «e 0 avvisi», which would say there are none.
        #expect(
            !result.standardOutput.contains("0 avvisi") && result.standardOutput.contains("gli avvisi del calcolo si controllano quando non ci sono errori"))
    }

    @Test("valida --anno checks the population of that year")
    func validaYear() {
        let result = TestSupport.run("valida", example, "--anno", "2024")
        #expect(result.status == .dataError)
        #expect(result.standardOutput.contains("manca la popolazione del comune 099001"))
    }

    @Test("--output never replaces an input file")
    func outputOverInput() throws {
        let folder = try TestSupport.temporaryFolder()
        let input = folder.appendingPathComponent("a.json")
        try FileManager.default.copyItem(atPath: example, toPath: input.path)
        let before = try Data(contentsOf: input)
        let result = TestSupport.run("calcola", input.path, "--anno", "2025", "--output", input.path)
        #expect(result.status == .cannotCreate)
        #expect(try Data(contentsOf: input) == before)
    }
}

@Suite("Garbage input never crashes the command")
struct GarbageInputTests {
    static func write(_ data: Data, name: String) throws -> String {
        let folder = try TestSupport.temporaryFolder()
        let url = folder.appendingPathComponent(name)
        try data.write(to: url)
        return url.path
    }

    @Test(
        "bad files exit 65 with a one-line reason (real process)",
        arguments: [
            ("binary.json", Data((0..<512).map { UInt8(($0 * 37 + 11) % 256) })),
            ("truncated.json", Data(#"{"formato": "potenziamento.ambito.v1", "ambito": {"codice": "#.utf8)),
            ("empty.json", Data()),
            ("array.json", Data("[1, 2, 3]".utf8)),
            ("nul.json", Data([0x7B, 0x00, 0x7D])),
            ("invalid-utf8.json", Data([0x7B, 0xFF, 0xFE, 0x7D])),
        ])
    func badFiles(name: String, data: Data) throws {
        let path = try Self.write(data, name: name)
        let result = try TestSupport.process(["calcola", path, "--anno", "2025"])
        #expect(result.status == 65)
        #expect(result.standardOutput.isEmpty)
        let errors = result.standardError.split(separator: "\n").filter { $0.hasPrefix("Errore:") }
        #expect(errors.count == 1, "\(result.standardError)")
        #expect(errors.first?.contains(name) == true)
    }

    @Test("a CSV folder with a missing column exits 65; a missing file or folder exits 66")
    func folders() throws {
        let folder = try TestSupport.temporaryFolder()
        try "codice_istat;denominazione\n048001;A\n".write(to: folder.appendingPathComponent("comuni.csv"), atomically: true, encoding: .utf8)
        try "id;profilo\nP1;assistente_sociale\n".write(to: folder.appendingPathComponent("personale.csv"), atomically: true, encoding: .utf8)
        let missingColumn = try TestSupport.process(["calcola", folder.path, "--anno", "2025"])
        #expect(missingColumn.status == 65)
        #expect(missingColumn.standardError.contains("manca la colonna obbligatoria «popolazione»"))
        let missing = try TestSupport.process(["calcola", folder.appendingPathComponent("nope.json").path, "--anno", "2025"])
        #expect(missing.status == 66)
        #expect(missing.standardError.contains("inesistente"))
        let empty = try TestSupport.temporaryFolder()
        let noFiles = try TestSupport.process(["calcola", empty.path, "--anno", "2025"])
        #expect(noFiles.status == 66)
        #expect(noFiles.standardError.contains("comuni.csv"))
        #expect(noFiles.standardError.contains("personale.csv"))
    }

    @Test("a year with no parameter in force is an error, not a guess")
    func yearBeforeTheMeasure() throws {
        let result = try TestSupport.process(["calcola", TestSupport.path("Examples/ambito-esempio.json"), "--anno", "2020"])
        #expect(result.status == 64)
        #expect(result.standardError.contains("2020"))
    }
}

@Suite("Spreadsheet templates")
struct TemplateTests {
    @Test("the templates open as a roster once the example rows are filled in, and comment rows are skipped")
    func filledTemplate() throws {
        let folder = try TestSupport.temporaryFolder().appendingPathComponent("mio-ambito")
        try FileManager.default.copyItem(atPath: TestSupport.path("Examples/modelli"), toPath: folder.path)
        for name in ["ambito.csv", "comuni.csv", "personale.csv"] {
            let url = folder.appendingPathComponent(name)
            let bytes = try Data(contentsOf: url)
            #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]), "\(name) has a BOM")
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(text.contains(";"))
            // A user keeps the example as a comment and adds a real row below it.
            let lines = text.split(separator: "\r\n").map(String.init)
            let filled = lines + lines.dropFirst().map { $0.replacingOccurrences(of: "# ESEMPIO, cancellare: ", with: "") }
            try Data(filled.joined(separator: "\r\n").utf8).write(to: url)
        }
        let valida = TestSupport.run("valida", folder.path)
        #expect(valida.status == .success, "\(valida.standardOutput)")
        let prospetto = TestSupport.run("prospetto", folder.path, "--campagna", "2026")
        #expect(prospetto.status == .success, "\(prospetto.standardError)")
        #expect(prospetto.standardOutput.contains("PROSPETTO RIASSUNTIVO — campagna 2026"))
        let calcola = TestSupport.run("calcola", folder.path, "--anno", "2026", "--formato", "json")
        #expect(calcola.status == .success)
        #expect(calcola.standardOutput.contains("\"popolazione\": 29950,"))
    }
}
