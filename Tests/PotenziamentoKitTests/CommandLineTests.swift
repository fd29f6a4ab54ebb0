import Foundation
import Testing

@testable import PotenziamentoCLI
@testable import PotenziamentoKit

@Suite("The command line, in-process")
struct CommandLineTests {
    @Test("contributo --formato json prints the contract document")
    func contributoJSON() {
        let result = TestSupport.run("contributo", "--popolazione", "100000", "--fte", "22,5", "--formato", "json", "--anno", "2025")
        #expect(result.status == .success)
        #expect(result.standardOutput.contains("\"formato\": \"potenziamento.contributo.v1\""))
        #expect(result.standardOutput.contains("\"contributo\": 234615.38,"))
        #expect(result.standardOutput.contains("\"minima\": 15.3846,"))
        #expect(result.standardError.isEmpty)
    }

    @Test("--opt=value, plain decimals and Italian decimals give the same bytes")
    func optionForms() {
        let a = TestSupport.run("contributo", "--popolazione=100000", "--fte=22.5", "--anno=2025", "--formato=json")
        let b = TestSupport.run("contributo", "--popolazione", "100.000", "--fte", "22,5", "--anno", "2025", "--formato", "json")
        let c = TestSupport.run("contributo", "--popolazione", "100000,0", "--fte", "22,50", "--anno", "2025.0", "--formato", "json")
        #expect(a.status == .success)
        #expect(a.standardOutput == b.standardOutput)
        #expect(a.standardOutput == c.standardOutput)
    }

    @Test("the default year is the current one")
    func defaultYear() {
        let result = TestSupport.run("contributo", "--popolazione", "100000", "--fte", "22", "--formato", "json")
        #expect(result.standardOutput.contains("\"anno\": 2026,"))
    }

    @Test(
        "bad option values exit 64 with a message naming the option",
        arguments: [
            (["--popolazione", "0", "--fte", "3"], "--popolazione"),
            (["--popolazione", "100000", "--fte", "-1"], "--fte"),
            (["--popolazione", "100000", "--fte", "abc"], "--fte"),
            (["--popolazione", "100000", "--fte", "1e3"], "--fte"),
            (["--popolazione", "22,5", "--fte", "3"], "--popolazione"),
            (["--popolazione", "100000", "--fte", "3", "--anno", "2020"], "2020"),
            (["--popolazione", "100000", "--fte", "3", "--anno", "2025,5"], "intero"),
            // Found by a trial of dates (2026-11-29): 2.025 was read as 2025 (the point of thousands).
            (["--popolazione", "100000", "--fte", "3", "--anno", "2.025"], "anno non valido «2.025»: scrivi l'anno con le sue 4 cifre"),
            (["--popolazione", "100000", "--fte", "3", "--anno", "2.025,0"], "anno non valido «2.025,0»: scrivi l'anno con le sue 4 cifre"),
            (["--popolazione", "100000", "--fte", "3", "--anno", "25"], "anno non valido"),
            // Found by an independent review: 48,000 was read as 48 residents, silently.
            (["--popolazione", "48,000", "--fte", "15"], "valore ambiguo «48,000»"),
            (["--popolazione", " 30,000 ", "--fte", "15"], "per 30.000 scrivi 30000 oppure 30.000"),
            // An officer's trial: the advice for 1.000,000 was «1.000000», then read as 1 resident.
            (["--popolazione", "1.000,000", "--fte", "200"], "per 1.000.000 scrivi 1000000 oppure 1.000.000"),
            (["--popolazione", "1.000000", "--fte", "200"], "valore ambiguo «1.000000»"),
            (["--popolazione", "30.000000", "--fte", "2"], "scrivi il numero intero senza decimali"),
            (["--popolazione", "30000,0000", "--fte", "2"], "valore ambiguo"),
            (
                ["--popolazione", "100000", "--fte", "3", "--anno", "2027", "--parametro", "importoFasciaA=1@2027", "--parametro", "importoFasciaA=2@2027"],
                "due volte"
            ),
            (["--popolazione", "100000", "--fte", "3", "--anno", "2027", "--parametro", "rapportoSogliaMinima=4000@2027"], "non sono in ordine"),
        ])
    func badValues(arguments: [String], mentions: String) {
        let result = TestSupport.run(arguments: ["contributo"] + arguments)
        #expect(result.status == .usage)
        #expect(result.standardError.hasPrefix("Errore: "))
        #expect(result.standardError.contains(mentions))
        #expect(result.standardOutput.isEmpty)
    }

    @Test(
        "usage errors exit 64 and suggest the nearest name",
        arguments: [
            (["contributo", "--popolazione", "1000", "--fet", "3"], "«--fte»"),
            (["contributo", "--popolazione", "1000", "--fte", "3", "--formato", "jsno"], "«json»"),
            (["contribut"], "«contributo»"),
            (["contributo", "--fte", "3"], "--popolazione"),
            (["contributo", "--popolazione"], "manca il valore"),
            (["--versione"], "«--version»"),
            (["contributo", "--popolazione", "1000", "--fte", "3", "--parametro", "importoFasciaZ=1"], "«importoFasciaA»"),
            // An empty file name is an empty value (it was exit 73, a file that cannot be written).
            (["contributo", "--popolazione", "1000", "--fte", "3", "-o", ""], "il nome del file di output è vuoto"),
            (["contributo", "--popolazione", "1000", "--fte", "3", "--output="], "il nome del file di output è vuoto"),
        ])
    func usageErrors(arguments: [String], mentions: String) {
        let result = TestSupport.run(arguments: arguments)
        #expect(result.status == .usage)
        #expect(result.standardError.contains(mentions))
    }

    /// Found by an audit of INTERFACE.md: `--version` is a common option, but only the command
    /// took it (`calcola --version`: «opzione sconosciuta», exit 64).
    @Test("--version on the command and on every subcommand, with or without other arguments")
    func versionEverywhere() {
        let expected = "potenziamento \(PotenziamentoKitInfo.version)\n"
        for arguments in [["--version"]] + Potenziamento.subcommands.map({ [$0.spec.name, "--version"] }) + [["calcola", "mio.json", "--version"]] {
            let result = TestSupport.run(arguments: arguments)
            #expect(result.status == .success, "\(arguments): \(result.standardError)")
            #expect(result.standardOutput == expected, "\(arguments)")
        }
    }

    /// Found by the same audit: a tab in an ATS's name was said at the column of its code.
    @Test("riparto: a name that cannot be a label is said at its own column")
    func ripartoNamePlace() throws {
        let table = try TestSupport.temporaryFolder().appendingPathComponent("r.csv")
        try "codice;denominazione;popolazione;fte\nA1;\"x\ty\";50000;10\n".write(to: table, atomically: true, encoding: .utf8)
        let result = TestSupport.run("riparto", table.path, "--anno", "2025")
        #expect(result.status == .dataError)
        #expect(result.standardError.hasPrefix("Errore: \(table.path):2 (colonna denominazione): denominazione dell'ambito"), "\(result.standardError)")
    }

    /// Found by a review: `simula`'s example of a change of law failed (the example ATS has no
    /// residents for 2027). Every example a help shows runs on the bundled examples; outputs go
    /// to a temporary folder; an example that names the reader's own files (`ciclo
    /// prospetto-2025.json prospetto-2026.json`) is left out.
    @Test("every example of every command's help runs on the bundled examples")
    func helpExamplesRun() throws {
        let folder = try TestSupport.temporaryFolder()
        var ran = 0
        for command in Potenziamento.subcommands {
            for example in command.spec.examples {
                var arguments: [String] = []
                var ownFiles = false
                for word in example.split(separator: " ").dropFirst().map(String.init) {
                    if arguments.last == "--output" || arguments.last == "-o" {
                        arguments.append(folder.appendingPathComponent(word).path)
                    } else if word.hasPrefix("Examples/") {
                        arguments.append(TestSupport.path(word))
                    } else {
                        ownFiles = ownFiles || word.hasSuffix(".json") || word.hasSuffix(".csv")
                        arguments.append(word)
                    }
                }
                guard !ownFiles else { continue }
                let result = TestSupport.run(arguments: arguments)
                #expect(result.status == .success, "\(example): \(result.standardError)")
                ran += 1
            }
        }
        #expect(ran >= 15)
    }

    @Test("help on the command, on each subcommand and via 'help'; --version")
    func help() {
        #expect(TestSupport.run("--help").standardOutput.contains("SOTTOCOMANDI:"))
        #expect(TestSupport.run("-h").status == .success)
        for command in Potenziamento.subcommands {
            let viaFlag = TestSupport.run(command.spec.name, "--help")
            #expect(viaFlag.status == .success)
            #expect(viaFlag.standardOutput.contains("USO: potenziamento \(command.spec.name)"))
            #expect(TestSupport.run(command.spec.name, "-h").standardOutput == viaFlag.standardOutput)
            #expect(TestSupport.run("help", command.spec.name).standardOutput == viaFlag.standardOutput)
        }
        #expect(TestSupport.run("--version").standardOutput == "potenziamento \(PotenziamentoKitInfo.version)\n")
        #expect(TestSupport.run().status == .usage)
    }

    @Test("--spiega prints the explanation tree; a reform changes the amount")
    func explainAndReform() {
        let explained = TestSupport.run("contributo", "--popolazione", "48000", "--fte", "15", "--anno", "2025", "--spiega")
        #expect(explained.standardOutput.contains("Come è stato calcolato:"))
        #expect(explained.standardOutput.contains("136.615,38 €"))
        let reformed = TestSupport.run(
            "contributo", "--popolazione", "100000", "--fte", "22", "--anno", "2027", "--parametro", "importoFasciaA=45000@2027", "--formato", "json")
        #expect(reformed.standardOutput.contains("\"contributo\": 247692.31,"))
        // Two reforms of a parameter: each holds from its year (the first was lost before).
        let twice = TestSupport.run(
            "contributo", "--popolazione", "100000", "--fte", "22,5", "--anno", "2028", "--parametro", "importoFasciaA=45000@2027", "--parametro",
            "importoFasciaA=50000@2029", "--formato", "json")
        #expect(twice.standardOutput.contains("\"euro\": 207692.31"), "\(twice.standardOutput)")
        // Whole numbers with a decimal part of zeros other than three stay accepted (the contract's `100000,0`).
        #expect(TestSupport.run("contributo", "--popolazione", "48000,00", "--fte", "15", "--anno", "2025").standardOutput.contains("136.615,38 €"))
    }

    /// A ratio replaced with `--parametro` is named as used in every label: the prospetto said
    /// "LEP 1/5.000 · 18,00" for 81.000 / 4.500 (found by this session's review of the labels).
    @Test(
        "A replaced ratio or deadline is named as used, in every report that names it",
        arguments: [
            (
                ["prospetto", "Examples/ambito-esempio.json", "--campagna", "2026", "--parametro", "rapportoLEP=4500@2025"],
                ["LEP 1/4.500 ", "(da 1/6.500 a 1/4.500)"]
            ),
            (
                ["prospetto", "Examples/ambito-esempio.json", "--campagna", "2026", "--parametro", "rapportoLEP=4500@2025", "--formato", "markdown"],
                ["LEP 1/4.500 |"]
            ),
            (
                ["prospetto", "Examples/ambito-esempio.json", "--campagna", "2026", "--parametro", "rapportoLEP=4500@2025", "--formato", "html"],
                ["<td>LEP 1/4.500</td>", "al LEP (1 ogni 4.500)"]
            ),
            // Different ratios in the two columns: each year's, and the bands by name.
            (
                ["prospetto", "Examples/ambito-esempio.json", "--campagna", "2026", "--parametro", "rapportoLEP=4500@2026"],
                ["LEP 1/5.000 nel 2025 · 1/4.500 nel 2026", "Fascia A (dalla soglia minima al LEP)"]
            ),
            (["calcola", "Examples/ambito-esempio.json", "--anno", "2025", "--parametro", "rapportoLEP=4500@2025"], ["LEP 1/4.500 (T50)"]),
            (["simula", "Examples/ambito-esempio.json", "--anno", "2025", "--parametro", "rapportoLEP=4500@2025"], ["  - LEP 1/4.500: "]),
            (["riparto", "Examples/riparto-esempio.csv", "--anno", "2025", "--parametro", "rapportoLEP=4500@2025"], ["Ambiti al LEP 1/4.500 o oltre:"]),
            // A run of many ATS, or the riparto, names a replaced parameter under its table (a regional analyst's review:
            // nothing told a run on `importoFasciaA=45000` from the official one).
            (
                ["riparto", "Examples/riparto-esempio.csv", "--anno", "2025", "--parametro", "importoFasciaA=45000@2025"],
                ["Parametri diversi da quelli di legge", "fascia A (dalla soglia minima al LEP): 45.000,00 € dal 2025"]
            ),
            (
                ["calcola", "Examples/ambito-esempio.json", "Examples/riparto-esempio.csv", "--anno", "2025", "--parametro", "importoFasciaA=45000@2025"],
                ["Parametri diversi da quelli di legge", "45.000,00 € dal 2025"]
            ),
            (
                ["prospetto", "Examples/ambito-esempio.json", "Examples/ambito-esempio", "--campagna", "2026", "--parametro", "rapportoLEP=4500@2026"],
                ["Parametri diversi da quelli di legge", "LEP (abitanti per assistente sociale): 1/4.500 dal 2026"]
            ),
            // The decree's deadline too: every year's, or a general word when the years differ.
            (["ciclo", "Examples/ciclo-esempio.csv", "--parametro", "scadenzaDecreto=07-31@2021"], ["(prenotazione entro il 31 luglio;"]),
            (
                ["ciclo", "Examples/ciclo-esempio.csv", "--parametro", "scadenzaDecreto=07-31@2025"],
                ["(prenotazione entro la scadenza del decreto di ogni anno;"]
            ),
        ])
    func replacedRatioNamedAsUsed(arguments: [String], expected: [String]) {
        // Paths of the examples made absolute. A batch names two inputs (the example and a file that is
        // not an ATS of its own, or the same ATS twice): one fails, exit 65, and the table is still written.
        let result = TestSupport.run(arguments: arguments.map { $0.hasPrefix("Examples/") ? TestSupport.path($0) : $0 })
        #expect(result.status == .success || arguments.count(where: { $0.hasPrefix("Examples/") }) > 1, "\(result.standardError)")
        for text in expected { #expect(result.standardOutput.contains(text), "\(text)") }
        let lepReplacedFrom2025 = arguments.contains("rapportoLEP=4500@2025")
        #expect(!lepReplacedFrom2025 || !result.standardOutput.contains("1/5.000"), "the law's LEP named where 4.500 was used")
    }

    /// Found by a review of spreadsheet mistakes: the warnings (a population used for both years,
    /// hidden rows) reached only the screen; the printed, signed prospetto recorded none of them.
    @Test("the prospetto lists the warnings about the data in the document, in every format a person reads", arguments: ["testo", "markdown", "html"])
    func prospettoWarnings(format: String) {
        let result = TestSupport.run("prospetto", TestSupport.path("Examples/ambito-esempio"), "--campagna", "2026", "--formato", format)
        #expect(result.status == .success)
        let warnings = result.standardError.split(separator: "\n").filter { $0.hasPrefix("Avviso: ") }.map { $0.dropFirst("Avviso: ".count) }
        #expect(warnings.count >= 2)
        #expect(result.standardOutput.contains(format == "testo" ? "AVVISI SUI DATI (\(warnings.count))" : "Avvisi sui dati (\(warnings.count))"))
        // The document names each file without its folders (`personale.csv:16`, `ambito-esempio`).
        #expect(!result.standardOutput.contains(TestSupport.packageRoot.path))
        for warning in warnings {
            let named = warning.replacingOccurrences(of: TestSupport.path("Examples/ambito-esempio") + "/", with: "")
                .replacingOccurrences(of: TestSupport.path("Examples") + "/", with: "")
            let written = format == "html" ? CellEscaping.xml(named) : format == "markdown" ? CellEscaping.markdown(named) : named
            #expect(result.standardOutput.contains(written), "\(written)")
        }
    }

    @Test("a run on the law's parameters names none as replaced")
    func lawParametersNotNamed() {
        for arguments in [
            ["riparto", TestSupport.path("Examples/riparto-esempio.csv"), "--anno", "2025"],
            ["calcola", TestSupport.path("Examples/ambito-esempio.json"), TestSupport.path("Examples/riparto-esempio.csv"), "--anno", "2025"],
        ] {
            let result = TestSupport.run(arguments: arguments)
            #expect(result.standardOutput.contains("TOTALE") || result.standardOutput.contains("Riparto nazionale"))
            #expect(!result.standardOutput.contains("Parametri diversi"), "\(arguments)")
        }
    }

    /// Found by an independent review: a period's FTE written `= 0,7534` for 275/365.
    @Test("--spiega on a roster: a period's FTE is `= x` when exact, `≈ x` when rounded")
    func explainPeriods() {
        let explained = TestSupport.run("calcola", TestSupport.path("Examples/ambito-esempio.json"), "--anno", "2025", "--spiega")
        #expect(explained.standardOutput.contains("dal 01/01/2025 al 31/12/2025: 365/365 × 100 % = 1,0000"), "\(explained.standardOutput)")
        #expect(explained.standardOutput.contains("dal 01/01/2025 al 30/06/2025: 181/365 × 100 % ≈ 0,4959"))
        #expect(!explained.standardOutput.contains("181/365 × 100 % = "))
    }

    @Test("parametri lists every parameter with its legal reference")
    func parametri() {
        let text = TestSupport.run("parametri").standardOutput
        for name in ParameterName.allCases {
            #expect(text.contains(name.rawValue))
            #expect(text.contains(ParameterTable.official.history(of: name).values[0].reference.citation))
        }
    }

    @Test("--output writes the file atomically and prints nothing")
    func output() throws {
        let folder = try TestSupport.temporaryFolder()
        let path = folder.appendingPathComponent("contributo.json").path
        let result = TestSupport.run("contributo", "--popolazione", "100000", "--fte", "22,5", "--anno", "2025", "--formato", "json", "--output", path)
        #expect(result.status == .success)
        #expect(result.standardOutput.isEmpty)
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written.contains("234615.38"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(leftovers == ["contributo.json"])
        let unwritable = TestSupport.run("contributo", "--popolazione", "1", "--fte", "0", "--output", "/nonexistent-folder/x.txt")
        #expect(unwritable.status == .cannotCreate)
    }
}

@Suite("The command as a process")
struct ProcessTests {
    @Test("exit statuses and streams of the real executable")
    func realProcess() throws {
        let ok = try TestSupport.process(["contributo", "--popolazione", "100000", "--fte", "22,5", "--formato", "json", "--anno", "2025"])
        #expect(ok.status == 0)
        #expect(ok.standardOutput.contains("\"contributo\": 234615.38,"))
        #expect(ok.standardError.isEmpty)
        let bad = try TestSupport.process(["calcola", TestSupport.path("Tests/PotenziamentoKitTests/Fixtures/windows-1252/comuni.csv"), "--anno", "2025"])
        #expect(bad.status == 65)
        #expect(bad.standardOutput.isEmpty)
        #expect(bad.standardError.split(separator: "\n").count == 1)
        let usage = try TestSupport.process(["contributo", "--popolazione", "1000", "--fet", "3"])
        #expect(usage.status == 64)
        #expect(usage.standardError.contains("Forse intendevi «--fte»?"))
        let version = try TestSupport.process(["--version"])
        #expect(version.status == 0)
        #expect(version.standardOutput.hasPrefix("potenziamento "))
    }

    /// The reproducible-builds convention: the same input gives the same bytes on another day.
    @Test(
        "SOURCE_DATE_EPOCH sets today's date, in Italy; a value that is not whole seconds is a usage error; empty is unset",
        arguments: [
            ("1772323200", "01/03/2026"), ("1767222000", "01/01/2026"), ("1767221999", "31/12/2025"), ("abc", nil), ("-1", nil),
            ("1772323200.5", nil), (" 1772323200", nil), ("1234567890123", nil), ("999999999999", nil),
        ] as [(String, String?)])
    func sourceDateEpoch(epoch: String, today: String?) throws {
        let arguments = ["prospetto", TestSupport.path("Examples/ambito-esempio"), "--campagna", "2026"]
        let result = try TestSupport.process(arguments, environment: ["SOURCE_DATE_EPOCH": epoch])
        guard let today else {
            #expect(result.status == 64)
            #expect(result.standardOutput.isEmpty)
            #expect(result.standardError.contains("SOURCE_DATE_EPOCH «\(epoch)» non è un numero di secondi"), "\(result.standardError)")
            return
        }
        #expect(result.status == 0, "\(result.standardError)")
        // A date left in the environment is said: it changes the year of every command without --anno.
        #expect(result.standardError.hasPrefix("Avviso: la data di oggi è il \(today), da SOURCE_DATE_EPOCH"), "\(result.standardError)")
        #expect(result.standardOutput.contains("Prodotto il \(today) con PotenziamentoKit"))
        // The same bytes on another run (another second of the clock, the same date given).
        #expect(try TestSupport.process(arguments, environment: ["SOURCE_DATE_EPOCH": epoch]).standardOutput == result.standardOutput)
    }

    @Test("an empty SOURCE_DATE_EPOCH counts as unset: today's date from the clock")
    func emptySourceDateEpoch() throws {
        let before = try #require(ItalianTime.date(unixSeconds: Int(Date().timeIntervalSince1970)))
        let result = try TestSupport.process(
            ["prospetto", TestSupport.path("Examples/ambito-esempio"), "--campagna", "2026"], environment: ["SOURCE_DATE_EPOCH": ""])
        let after = try #require(ItalianTime.date(unixSeconds: Int(Date().timeIntervalSince1970)))
        #expect(result.status == 0, "\(result.standardError)")
        // Today's date before or after the run (a run across midnight in Italy).
        #expect(result.standardOutput.contains("Prodotto il \(before.italian) con") || result.standardOutput.contains("Prodotto il \(after.italian) con"))
        #expect(!result.standardError.contains("SOURCE_DATE_EPOCH"))
    }
}
