import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Data that would run, break or deceive in the documents it ends up in (docs/regole.md, «Uscite»):
/// names and ids with formulas, Markdown and HTML syntax, control characters.
@Suite("Hostile names in every output")
struct InjectionTests {
    static let hostileName = "=HYPERLINK(\"http://x\")|<b>&amp;</b>*_[2J"
    static let hostileId = "=1+2"

    /// A valid roster whose ambito, comune and person carry hostile text.
    static func roster() throws -> String {
        let folder = try TestSupport.temporaryFolder()
        let file = folder.appendingPathComponent("ostile.json")
        let name = hostileName.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\u{1B}", with: "\\u001b")
        let json = """
            {"formato": "potenziamento.ambito.v1",
             "ambito": {"codice": "ATS-1", "denominazione": "\(name)"},
             "comuni": [{"codiceIstat": "048001", "denominazione": "\(name)", "popolazione": 30000}],
             "personale": [{"id": "\(hostileId)", "profilo": "assistente_sociale", "contratto": "tempo_indeterminato",
                            "ente": {"tipo": "comune", "codiceIstat": "048001"}, "periodi": [{"dal": "2025-01-01", "percentuale": 100}]},
                           {"id": "@SUM(A1)", "profilo": "educatore", "contratto": "tempo_indeterminato",
                            "ente": {"tipo": "comune", "codiceIstat": "048001"}, "periodi": [{"dal": "2025-01-01", "percentuale": 100}]}]}
            """
        try json.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    @Test("CSV: a BOM first, formulas neutralised with a leading apostrophe")
    func csv() throws {
        let result = TestSupport.run("calcola", try Self.roster(), "--anno", "2025", "--formato", "csv")
        #expect(result.status == .success)
        #expect(result.standardOutput.hasPrefix("\u{FEFF}"))
        #expect(result.standardOutput.contains("'=1+2;"))
        #expect(result.standardOutput.contains("'@SUM(A1);"))
        #expect(!result.standardOutput.contains(";=") && !result.standardOutput.contains("\n="))
    }

    @Test("Markdown: no table break, no raw HTML, no control character (the explanation's lists too)")
    func markdown() throws {
        let result = TestSupport.run("calcola", try Self.roster(), "--anno", "2025", "--formato", "markdown", "--spiega")
        #expect(result.status == .success)
        let output = result.standardOutput
        #expect(!output.contains("<b>"))
        #expect(!output.contains("\u{1B}"))
        #expect(output.contains("\\|"))
        // Every table row keeps its column count: the name's | is escaped.
        let rows = output.split(separator: "\n").filter { $0.hasPrefix("| ") && $0.contains("HYPERLINK") }
        #expect(rows.count == 1)
        for line in rows { #expect(line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count == 6, "\(line)") }
        // The explanation names the comune in its rule: escaped there too.
        let rule = output.split(separator: "\n").first { $0.contains("regola: somma dei residenti") }
        #expect(rule?.contains("\\*\\_\\[2J") == true, "\(rule ?? "")")
    }

    @Test("control characters: refused in ids and names (a line break would make another person), shown escaped in messages")
    func text() throws {
        let result = TestSupport.run("calcola", try Self.roster(), "--anno", "2025")
        #expect(result.status == .success)
        #expect(result.standardOutput.contains("HYPERLINK"))
        let folder = try TestSupport.temporaryFolder()
        let bad = folder.appendingPathComponent("bad.json")
        try rosterJSON(staff: "[\(personJSON(id: "X\\u001b[31m"))]").replacingOccurrences(of: "assistente_sociale", with: "pilota\\u001b[31m")
            .write(to: bad, atomically: true, encoding: .utf8)
        let failed = TestSupport.run("calcola", bad.path, "--anno", "2025")
        #expect(failed.status == .dataError)
        #expect(!failed.standardError.contains("\u{1B}"))
        #expect(failed.standardError.contains("\\u{1B}"))
    }

    @Test("the prospetto's XHTML stays well-formed XML with any name")
    func xhtml() throws {
        let roster = try Self.roster()
        let folder = URL(fileURLWithPath: roster).deletingLastPathComponent()
        // The prospetto needs the residents of two years: the one figure serves both.
        let result = TestSupport.run("prospetto", roster, "--campagna", "2026", "--formato", "html", "--luogo", "<script>&\u{1B}", "--spiega")
        #expect(result.status == .success, "\(result.standardError)")
        let parser = XMLParser(data: Data(result.standardOutput.utf8))
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        #expect(!result.standardOutput.contains("<script>"))
        // The explanation (`--spiega`) names the comune in its rules: escaped there too.
        #expect(result.standardOutput.contains("<section class=\"explain\">"))
        #expect(!result.standardOutput.contains("<b>"))
        // The name in the pages' footer (a CSS string): quotes escaped, no markup in the style sheet.
        let style = try #require(
            result.standardOutput.firstRange(of: "<style>").flatMap { start in
                result.standardOutput.firstRange(of: "</style>").map { String(result.standardOutput[start.upperBound..<$0.lowerBound]) }
            })
        #expect(!style.contains("<") && style.contains(#"content: "Prospetto riassuntivo 2026 — =HYPERLINK(\"http://x\")|\3c b\3e \26 amp;"#), "\(style)")
        _ = folder
    }
}
