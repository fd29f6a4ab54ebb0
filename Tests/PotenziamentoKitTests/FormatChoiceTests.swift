import Foundation
import PotenziamentoCLI
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `--spiega` in every format a command writes (docs/formati.md, «Uscite», `--spiega`): the explanation is in
/// text, JSON, Markdown and the HTML prospetto; CSV and workbooks have no place for it, and asking
/// for it there is a usage error, never an explanation left out in silence (an officer's trial found
/// Markdown and HTML without it and no word).
@Suite("--spiega in every format")
struct ExplanationFormatsTests {
    static let example = TestSupport.path("Examples/ambito-esempio.json")

    /// A command with `--spiega`, the format, and what its output must contain.
    static let explained: [(arguments: [String], format: String, expected: [String])] = [
        (
            ["contributo", "--popolazione", "48000", "--fte", "15", "--anno", "2025"], "markdown",
            ["## Come è stato calcolato", "- **Contributo 2025** = 136.615,38 €"]
        ),
        (["calcola", example, "--anno", "2025"], "markdown", ["## Come è stato calcolato", "  - **FTE di AS-004** ≈ 0,7479  "]),
        (
            ["prospetto", example, "--campagna", "2026"], "markdown",
            ["## Come è stato calcolato il 2025", "## Come è stato calcolato il 2026", "FTE da dichiarare di Borgo Alto"]
        ),
        (
            ["prospetto", example, "--campagna", "2026"], "html",
            ["<section class=\"explain\">", "<h2>Anno 2025</h2>", "<strong>FTE di AS-004</strong> ≈ 0,7479"]
        ),
    ]

    @Test("Markdown and the HTML prospetto carry the explanation; without --spiega they do not", arguments: explained)
    func carried(_ arguments: [String], format: String, expected: [String]) throws {
        let result = TestSupport.run(arguments: arguments + ["--formato", format, "--spiega"])
        #expect(result.status == .success, "\(result.standardError)")
        for text in expected { #expect(result.standardOutput.contains(text), "\(text)") }
        let plain = TestSupport.run(arguments: arguments + ["--formato", format])
        #expect(plain.status == .success)
        #expect(!plain.standardOutput.contains("Come è stato calcolato"))
        if format == "html" {
            let parser = XMLParser(data: Data(result.standardOutput.utf8))
            #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        }
    }

    /// Commands and formats that cannot carry the explanation, by `--formato` or by `--output`'s extension.
    static let refused: [(arguments: [String], format: String)] = [
        (["contributo", "--popolazione", "48000", "--fte", "15", "--anno", "2025", "--formato", "csv"], "csv"),
        (["calcola", example, "--anno", "2025", "--formato", "csv"], "csv"),
        (["calcola", example, "--anno", "2025", "--formato", "xlsx"], "xlsx"),
        (["calcola", example, "--anno", "2025", "--output", "valutazione.ods"], "ods"),
        (["prospetto", example, "--campagna", "2026", "--formato", "csv"], "csv"),
        (["prospetto", example, "--campagna", "2026", "--output", "prospetto.xlsx"], "xlsx"),
    ]

    @Test("CSV and workbooks with --spiega: a usage error naming the formats that carry it, nothing written", arguments: refused)
    func refusedFormats(_ arguments: [String], format: String) throws {
        let folder = try TestSupport.temporaryFolder()
        let result = TestSupport.run(
            arguments: arguments.map { $0.hasSuffix(".ods") || $0.hasSuffix(".xlsx") ? folder.appendingPathComponent($0).path : $0 } + ["--spiega"])
        #expect(result.status == .usage)
        #expect(result.standardError.contains("--spiega non vale con il formato \(format)"), "\(result.standardError)")
        #expect(result.standardError.contains("markdown"))
        #expect(result.standardOutput.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        // The same command without --spiega is fine.
        #expect(
            TestSupport.run(arguments: arguments.map { $0.hasSuffix(".ods") || $0.hasSuffix(".xlsx") ? folder.appendingPathComponent($0).path : $0 }).status
                == .success)
    }
}

/// `--formato` and the extension of `--output` (docs/formati.md, «Uscite»): when both
/// name a format and they differ, the file would not open with the program of its extension (a
/// review found `--formato markdown --output p.xlsx` writing Markdown into `p.xlsx`, exit 0).
@Suite("--formato and the extension of --output")
struct FormatAndExtensionTests {
    static let example = TestSupport.path("Examples/ambito-esempio.json")

    static let cases: [(arguments: [String], file: String, agrees: Bool)] = [
        (["prospetto", example, "--campagna", "2026", "--formato", "markdown"], "p.xlsx", false),
        (["calcola", example, "--anno", "2025", "--formato", "xlsx"], "c.md", false),
        (["calcola", example, "--anno", "2025", "--formato", "json"], "c.csv", false),
        (["contributo", "--popolazione", "48000", "--fte", "15", "--anno", "2025", "--formato", "json"], "c.ods", false),
        (["calcola", example, "--anno", "2025", "--formato", "xlsx"], "c.XLSX", true),
        (["calcola", example, "--anno", "2025", "--formato", "testo"], "c.txt", true),
        (["prospetto", example, "--campagna", "2026", "--formato", "html"], "p.htm", true),
        // An extension that names no format follows --formato; `.txt` holds any text (CSV saved
        // as .txt for Excel's import, a review), not a workbook.
        (["calcola", example, "--anno", "2025", "--formato", "json"], "c.dat", true),
        (["calcola", example, "--anno", "2025", "--formato", "csv"], "c.txt", true),
        (["contributo", "--popolazione", "48000", "--fte", "15", "--anno", "2025", "--formato", "json"], "c.TXT", true),
        (["calcola", example, "--anno", "2025", "--formato", "ods"], "c.txt", false),
    ]

    @Test("two formats named: a usage error, nothing written; one format, or an extension of none: written", arguments: cases)
    func agreement(_ arguments: [String], file: String, agrees: Bool) throws {
        let folder = try TestSupport.temporaryFolder()
        let result = TestSupport.run(arguments: arguments + ["--output", folder.appendingPathComponent(file).path])
        #expect(result.status == (agrees ? .success : .usage), "\(result.standardError)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path) == agrees)
        if !agrees { #expect(result.standardError.contains("l'estensione è del formato"), "\(result.standardError)") }
    }

    @Test("the advice leads to a command that works: «togli --formato» only when the command writes the extension's format")
    func advice() throws {
        let folder = try TestSupport.temporaryFolder()
        let markdown = folder.appendingPathComponent("v.md").path
        // valida writes no Markdown: taking --formato away would be another usage error.
        let valida = TestSupport.run("valida", TestSupport.path("Examples/ambito-esempio"), "--formato", "json", "--output", markdown)
        #expect(valida.status == .usage && !valida.standardError.contains("togli --formato"), "\(valida.standardError)")
        #expect(TestSupport.run("valida", TestSupport.path("Examples/ambito-esempio"), "--output", markdown).status == .usage)
        let calcola = TestSupport.run("calcola", Self.example, "--anno", "2025", "--formato", "json", "--output", markdown)
        #expect(calcola.standardError.contains("togli --formato"), "\(calcola.standardError)")
        #expect(TestSupport.run("calcola", Self.example, "--anno", "2025", "--output", markdown).status == .success)
        // --spiega with a format chosen by the extension: the extension to change is said too.
        let explained = TestSupport.run(
            "contributo", "--popolazione", "48000", "--fte", "15", "--spiega", "--output", folder.appendingPathComponent("c.csv").path)
        #expect(explained.status == .usage && explained.standardError.contains("un --output con la sua estensione"), "\(explained.standardError)")
    }

    @Test("a batch with --spiega is told --spiega is for one ATS, whatever the format (not to use a format a batch refuses)")
    func batchExplanation() throws {
        let folder = try TestSupport.temporaryFolder()
        for name in ["a.json", "b.json"] {
            let text = try String(contentsOfFile: Self.example, encoding: .utf8)
            let code = name == "a.json" ? "ATS-A" : "ATS-B"
            let comuni = name == "a.json" ? text : text.replacingOccurrences(of: "0990", with: "0880")
            try comuni.replacingOccurrences(of: "\"ATS-EX-01\"", with: "\"\(code)\"").write(
                to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        for format in ["csv", "json", "testo", "xlsx", "ods"] {
            let result = TestSupport.run("calcola", folder.path, "--anno", "2025", "--spiega", "--formato", format)
            #expect(result.status == .usage)
            #expect(result.standardError.contains("con più ambiti --spiega non è disponibile"), "\(format): \(result.standardError)")
        }
    }
}

/// What an officer's trial met when choosing an output: a workbook poured onto the terminal, HTML
/// written into `p.pdf`, `--formato md` or `XLSX` refused.
@Suite("Outputs an officer asks for")
struct OfficerOutputTests {
    static let example = TestSupport.path("Examples/ambito-esempio.json")

    @Test("a workbook without --output is refused on a terminal, written to a pipe or a file", arguments: ["xlsx", "ods"])
    func workbookOnTerminal(kind: String) {
        var terminal = TestSupport.context
        terminal.standardOutputIsTerminal = true
        let refused = Potenziamento.run(["calcola", Self.example, "--anno", "2025", "--formato", kind], context: terminal)
        #expect(refused.status == .usage && refused.standardError.contains("--output rapporto.\(kind)"), "\(refused.standardError)")
        #expect(refused.standardOutput.isEmpty)
        // The refusals of a batch and of --spiega come first (a review: their advice led to a second error).
        let batch = Potenziamento.run(
            ["calcola", Self.example, TestSupport.path("Examples/ambito-esempio"), "--anno", "2025", "--formato", kind], context: terminal)
        #expect(batch.status == .usage && !batch.standardError.contains("schermo"), "\(batch.standardError)")
        let explained = Potenziamento.run(["calcola", Self.example, "--anno", "2025", "--formato", kind, "--spiega"], context: terminal)
        #expect(explained.status == .usage && explained.standardError.contains("--spiega"), "\(explained.standardError)")
        // Redirected (`> x.xlsx`, a pipe): the bytes, as before.
        let piped = TestSupport.run("calcola", Self.example, "--anno", "2025", "--formato", kind)
        #expect(piped.status == .success && piped.standardOutput.hasPrefix("PK"))
        // A text format on a terminal is what a person reads.
        #expect(Potenziamento.run(["calcola", Self.example, "--anno", "2025"], context: terminal).status == .success)
    }

    /// On a terminal the text report and standard error showed every warning twice, one list
    /// under the other (an officer's trial): the report lists them, standard error counts them.
    @Test("warnings listed by a report on the terminal are counted on standard error, not repeated")
    func warningsOnTerminal() throws {
        var terminal = TestSupport.context
        terminal.standardOutputIsTerminal = true
        // Standard error to a log (`2> avvisi.txt`): every warning there (a review).
        let logged = Potenziamento.run(["calcola", Self.example, "--anno", "2025"], context: terminal)
        #expect(logged.standardError.contains("«AS-014» non ha la ripartizione per area"), "\(logged.standardError)")
        terminal.standardErrorIsTerminal = true
        let other = try TestSupport.temporaryFolder().appendingPathComponent("b.json")
        try TestSupport.example(at: other, code: "ATS-B1")
        for arguments in [
            ["calcola", Self.example, "--anno", "2025"], ["prospetto", Self.example, "--campagna", "2026"],
            ["calcola", Self.example, other.path, "--anno", "2025"],
        ] {
            let shown = Potenziamento.run(arguments, context: terminal)
            let lines = shown.standardError.split(separator: "\n").filter { $0.hasPrefix("Avviso:") }
            #expect(
                lines.count == 1 && lines[0].contains("sui dati, scritti nel rapporto qui sopra («Avvisi sui dati»)"), "\(arguments): \(shown.standardError)")
            #expect(shown.standardOutput.contains("AS-014"), "\(arguments)")
        }
        // Not on a terminal, to a file, or in a format that does not list them: each warning, as before.
        let piped = TestSupport.run("calcola", Self.example, "--anno", "2025")
        #expect(piped.standardError.contains("«AS-014» non ha la ripartizione per area"))
        let json = Potenziamento.run(["calcola", Self.example, "--anno", "2025", "--formato", "json"], context: terminal)
        #expect(json.standardError.contains("«AS-014» non ha la ripartizione per area"))
        let saved = try TestSupport.temporaryFolder().appendingPathComponent("c.txt").path
        #expect(Potenziamento.run(["calcola", Self.example, "--anno", "2025", "--output", saved], context: terminal).standardError.contains("«AS-014»"))
    }

    /// `--output /dev/stdout` on a terminal wrote the workbook's bytes (the check looked at
    /// `--output` being absent): a path that is a terminal is refused as standard output is.
    @Test("a workbook to an --output path that is a terminal is refused; to a device that is not, written", arguments: ["xlsx", "ods"])
    func workbookToTerminalPath(kind: String) throws {
        // A new pseudo-terminal: each opening of /dev/ptmx is one (the side opened is a terminal).
        let name = "/dev/ptmx"
        try #require(FileManager.default.fileExists(atPath: name))
        let refused = TestSupport.run("calcola", Self.example, "--anno", "2025", "--formato", kind, "--output", name)
        #expect(refused.status == .usage && refused.standardError.contains("non si mostra sullo schermo"), "\(refused.standardError)")
        let discarded = TestSupport.run("calcola", Self.example, "--anno", "2025", "--formato", kind, "--output", "/dev/null")
        #expect(discarded.status == .success, "\(discarded.standardError)")
    }

    @Test(
        "an extension of a format the program does not write is refused with what to use, with --formato or without",
        arguments: [
            ("prospetto", "p.pdf", "salvala come PDF dal browser; la pagina è di un ambito: con più ambiti indicane uno alla volta"),
            ("prospetto", "p.xls", "usa --formato xlsx o ods"),
            ("prospetto", "p.docx", "usa --formato html o markdown"), ("prospetto", "P.PDF", "PDF"),
            // Only what the command writes (a review: calcola was told to write HTML).
            ("calcola", "c.pdf", "questo comando scrive testo, json, csv, markdown, xlsx, ods"), ("calcola", "c.doc", "usa --formato markdown"),
            ("valida", "v.odt", "questo comando scrive testo, json"),
        ])
    func foreignExtension(command: String, file: String, advice: String) throws {
        let folder = try TestSupport.temporaryFolder()
        let path = folder.appendingPathComponent(file).path
        let input = command == "prospetto" ? ["--campagna", "2026"] : command == "calcola" ? ["--anno", "2025"] : []
        for extra in [["--formato", command == "prospetto" ? "html" : "testo"], []] {
            let result = TestSupport.run(arguments: [command, Self.example] + input + ["--output", path] + extra)
            #expect(result.status == .usage && result.standardError.contains(advice), "\(result.standardError)")
            #expect(!FileManager.default.fileExists(atPath: path))
        }
    }

    @Test("--output - is standard output, as in other tools (it wrote a file named «-»)", arguments: [["--output", "-"], ["--output=-"]])
    func dashIsStandardOutput(option: [String]) {
        let dash = FileManager.default.currentDirectoryPath + "/-"
        let result = TestSupport.run(arguments: ["calcola", Self.example, "--anno", "2025"] + option)
        #expect(result.status == .success && result.standardOutput.hasPrefix("Valutazione annuale"), "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: dash))
    }

    @Test(
        "--formato in any case, and an extension's name for its format",
        arguments: [("MD", "# Valutazione"), ("Markdown", "# Valutazione"), ("JSON", "\"formato\"")])
    func formatNames(value: String, start: String) {
        let result = TestSupport.run("calcola", Self.example, "--anno", "2025", "--formato", value)
        #expect(result.status == .success && result.standardOutput.contains(start), "\(result.standardError)")
    }

    @Test("the explanation of the contribution on the declared FTE says where P and N come from, not «dato di input»")
    func declaredExplanation() {
        let text = TestSupport.run("prospetto", Self.example, "--campagna", "2026", "--spiega", "--senza-allegato").standardOutput
        let declared = text.components(separatedBy: "Contributo sugli FTE dichiarati 2026").dropFirst().first ?? ""
        #expect(declared.contains("N: FTE da dichiarare dell'ambito = 18,83"), "\(declared.prefix(600))")
        #expect(declared.contains("la stessa del calcolo sugli FTE esatti"))
        #expect(!declared.prefix(2_000).contains("dato di input"), "\(declared.prefix(2_000))")
    }

    @Test("the months method marks a share of the year shown rounded with ≈ (1/3 is not 0,3333)")
    func monthsMarked() {
        let text = TestSupport.run("calcola", Self.example, "--anno", "2025", "--metodo-fte", "mesi", "--spiega").standardOutput
        #expect(text.contains("≈ 0,3333 (mesi)"), "\(text.prefix(400))")
        #expect(!text.contains(": 0,3333 (mesi)"))
    }
}
