import Foundation
import Testing

@testable import PotenziamentoFormats

@Suite("Workbook writing")
struct WorkbookWriterTests {
    enum Format: String, CaseIterable, Sendable {
        case xlsx, ods

        func write(_ document: WorkbookDocument) throws(WorkbookError) -> [UInt8] {
            switch self {
            case .xlsx: try XLSXWriter.write(document)
            case .ods: try ODSWriter.write(document)
            }
        }
    }

    @Test("what the writers write, the readers read back with the same typed values", arguments: Format.allCases)
    func roundTrip(format: Format) throws {
        let bytes = try format.write(SampleDocument.document)
        let workbook = try WorkbookReader.read(bytes)
        #expect(workbook.kind.rawValue == format.rawValue)
        #expect(SampleDocument.values(workbook) == SampleDocument.expected(ods: format == .ods))
        let names = [String](["personale", "Riepilogo 2025", "nascosto"]) + (format == .xlsx ? [XLSXWriter.listSheetName] : [])
        #expect(workbook.sheetNames == names)
        #expect(workbook.sheets.map(\.isHidden) == [false, false, true] + (format == .xlsx ? [true] : []))
    }

    @Test("the same document gives the same bytes", arguments: Format.allCases)
    func determinism(format: Format) throws {
        let first = try format.write(SampleDocument.document)
        let second = try format.write(SampleDocument.document)
        #expect(first == second)
        var copy = SampleDocument.document
        copy.sheets[0].rows[1][0] = .text("P00X")
        #expect(try format.write(copy) != first)
    }

    @Test("the .ods starts with the stored mimetype and lists its parts in the manifest")
    func odsLayout() throws {
        let bytes = try ODSWriter.write(SampleDocument.document)
        #expect(Array(bytes[30..<38]) == Array("mimetype".utf8))
        #expect(Array(bytes[38..<(38 + 46)]) == Array(WorkbookReader.odsMediaType.utf8))
        let archive = try ZIPArchive(bytes: bytes)
        #expect(archive.entryNames == ["mimetype", "content.xml", "styles.xml", "settings.xml", "META-INF/manifest.xml"])
        let settings = String(decoding: try #require(try archive.contents(of: "settings.xml")), as: UTF8.self)
        #expect(settings.contains("<config:config-item config:name=\"VerticalSplitMode\" config:type=\"short\">2</config:config-item>"))
        #expect(settings.contains("<config:config-item config:name=\"VerticalSplitPosition\" config:type=\"int\">1</config:config-item>"))
        let content = String(decoding: try #require(try archive.contents(of: "content.xml")), as: UTF8.self)
        #expect(content.contains("table:condition=\"of:cell-content-is-in-list(&quot;sì&quot;;&quot;no&quot;)\""))
        #expect(content.contains("table:display-list=\"unsorted\""))
        #expect(content.contains("<number:currency-symbol number:language=\"it\" number:country=\"IT\">€</number:currency-symbol>"))
        #expect(content.contains("style:column-width=\"16.140mm\""))  // 8 characters: 61 pixels
        // The validated rows below the data are one repeated row, not 200 rows.
        #expect(content.contains("table:number-rows-repeated=\"43\""))
    }

    /// Found by a newcomer's trial: a printed sheet of the prospetto (`sioss`) was an untitled table.
    @Test("a document with a print title heads every printed page with it alone, and names the sheet and numbers the pages at the foot")
    func printTitle() throws {
        var document = SampleDocument.document
        document.printTitle = "Prospetto riassuntivo — campagna 2026 — A & B"
        let xlsx = try ZIPArchive(bytes: try XLSXWriter.write(document))
        let sheet = String(decoding: try #require(try xlsx.contents(of: "xl/worksheets/sheet1.xml")), as: UTF8.self)
        #expect(sheet.contains("<headerFooter><oddHeader>&amp;LProspetto riassuntivo — campagna 2026 — A &amp;&amp; B</oddHeader>"))
        #expect(sheet.contains("<oddFooter>&amp;L&amp;A&amp;CPagina &amp;P di &amp;N</oddFooter></headerFooter>"))
        let ods = try ZIPArchive(bytes: try ODSWriter.write(document))
        let styles = String(decoding: try #require(try ods.contents(of: "styles.xml")), as: UTF8.self)
        #expect(
            styles.contains(
                "<style:header><style:region-left><text:p>Prospetto riassuntivo — campagna 2026 — A &amp; B</text:p></style:region-left></style:header>"))
        #expect(styles.contains("<style:footer><style:region-left><text:p><text:sheet-name>"))
        #expect(styles.contains("<text:page-number>1</text:page-number>"))
        // Excel takes at most 255 characters a header: a longer title is cut, never inside a doubled &.
        document.printTitle = String(repeating: "R&S ", count: 100)
        let long = String(
            decoding: try #require(try ZIPArchive(bytes: try XLSXWriter.write(document)).contents(of: "xl/worksheets/sheet1.xml")), as: UTF8.self)
        let header = try #require(
            long.firstRange(of: "<oddHeader>").flatMap { start in
                long[start.upperBound...].firstRange(of: "</oddHeader>").map { long[start.upperBound..<$0.lowerBound] }
            })
        let unescaped = header.replacing("&amp;", with: "&")
        #expect(unescaped.utf16.count <= 255, "\(unescaped.utf16.count)")
        #expect(unescaped.hasSuffix("…"))
        #expect(!unescaped.replacing("&&", with: "").replacing("&L", with: "").contains("&"))
        // Without a title, no header: the template an office fills in prints as it did.
        let plain = String(
            decoding: try #require(try ZIPArchive(bytes: try XLSXWriter.write(SampleDocument.document)).contents(of: "xl/worksheets/sheet1.xml")), as: UTF8.self
        )
        #expect(!plain.contains("headerFooter"))
        // Both still read back.
        #expect(SampleDocument.values(try WorkbookReader.read(try XLSXWriter.write(document))) == SampleDocument.expected(ods: false))
        #expect(SampleDocument.values(try WorkbookReader.read(try ODSWriter.write(document))) == SampleDocument.expected(ods: true))
    }

    /// A long table printed on several pages keeps its column titles: the frozen rows repeat at
    /// the top of every page (an officer's trial: page 3 of the `sioss` sheet had figures under no
    /// heading). Only sheets with frozen rows; the document still reads back.
    @Test("a sheet's frozen rows repeat at the top of every printed page, in both formats")
    func repeatedHeadings() throws {
        var document = SampleDocument.document
        document.sheets[0].frozenRows = 1
        let xlsx = try ZIPArchive(bytes: try XLSXWriter.write(document))
        let workbook = String(decoding: try #require(try xlsx.contents(of: "xl/workbook.xml")), as: UTF8.self)
        let name = CellReference.quotedSheetName(document.sheets[0].name)
        #expect(
            workbook.contains("<definedNames><definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">\(XMLEscaping.text(name))!$1:$1</definedName>"),
            "\(workbook)")
        #expect(workbook.components(separatedBy: "_xlnm.Print_Titles").count == 1 + document.sheets.count(where: { $0.frozenRows > 0 }))
        let ods = try ZIPArchive(bytes: try ODSWriter.write(document))
        let content = String(decoding: try #require(try ods.contents(of: "content.xml")), as: UTF8.self)
        let first = try #require(content.firstRange(of: "<table:table-header-rows>"))
        let end = try #require(content[first.upperBound...].firstRange(of: "</table:table-header-rows>"))
        // Exactly the first row inside, the data after it.
        #expect(content[first.upperBound..<end.lowerBound].components(separatedBy: "<table:table-row").count == 2)
        #expect(SampleDocument.values(try WorkbookReader.read(try XLSXWriter.write(document))) == SampleDocument.expected(ods: false))
        #expect(SampleDocument.values(try WorkbookReader.read(try ODSWriter.write(document))) == SampleDocument.expected(ods: true))
        // Without frozen rows, no repeated headings.
        var plain = document
        for index in plain.sheets.indices { plain.sheets[index].frozenRows = 0 }
        #expect(
            !String(decoding: try #require(try ZIPArchive(bytes: try XLSXWriter.write(plain)).contents(of: "xl/workbook.xml")), as: UTF8.self).contains(
                "definedName"))
        #expect(
            !String(decoding: try #require(try ZIPArchive(bytes: try ODSWriter.write(plain)).contents(of: "content.xml")), as: UTF8.self).contains(
                "header-rows"))
    }

    /// Headings over figures align right, as the figures do (left-aligned, they stood over the
    /// next column's figures in print: an officer's trial); over text and years, left.
    @Test("the headings over numbers and dates align right, those over text and years left, in both formats")
    func headingsOverFigures() throws {
        let sheet = WritableSheet(
            name: "enti", frozenRows: 1,
            rows: [
                [.text("nome"), .text("anno"), .text("FTE"), .text("dal\nal"), .text("nota")],
                [.text("Alfa"), .number("2025", .year), .empty, .date(year: 2025, month: 1, day: 1), .text("x")],
                [.text("Beta"), .number("2026", .year), .number("1.5", .decimal4), .empty, .number("3", .integer)],
            ])
        // A column is decided by its first filled cell under the headings.
        #expect(sheet.figureColumns == [2, 3])
        let document = WorkbookDocument(sheets: [sheet])
        let xlsx = try ZIPArchive(bytes: try XLSXWriter.write(document))
        let xml = String(decoding: try #require(try xlsx.contents(of: "xl/worksheets/sheet1.xml")), as: UTF8.self)
        let styles = String(decoding: try #require(try xlsx.contents(of: "xl/styles.xml")), as: UTF8.self)
        func style(_ reference: String) throws -> Int {
            let start = try #require(xml.firstRange(of: "<c r=\"\(reference)\" s=\""))
            return Int(xml[start.upperBound...].prefix { $0.isNumber }) ?? -1
        }
        let formats = styles.split(separator: "<cellXfs")[1].components(separatedBy: "<xf ").dropFirst()
        func alignedRight(_ reference: String) throws -> Bool {
            formats[formats.index(formats.startIndex, offsetBy: try style(reference))].contains("horizontal=\"right\"")
        }
        #expect(try alignedRight("C1") && alignedRight("D1"))
        #expect(try !alignedRight("A1") && !alignedRight("B1") && !alignedRight("E1"))
        let ods = try ZIPArchive(bytes: try ODSWriter.write(document))
        let content = String(decoding: try #require(try ods.contents(of: "content.xml")), as: UTF8.self)
        #expect(content.contains("<style:style style:name=\"ce21\"") && content.contains("<style:paragraph-properties fo:text-align=\"end\"/>"))
        #expect(content.components(separatedBy: "table:style-name=\"ce21\"").count == 2)  // FTE
        #expect(content.components(separatedBy: "table:style-name=\"ce22\"").count == 2)  // dal / al, on two lines
        // Both read back.
        #expect(try WorkbookReader.read(try XLSXWriter.write(document)).sheets.first?.rows.count == 3)
        #expect(try WorkbookReader.read(try ODSWriter.write(document)).sheets.first?.rows.count == 3)
    }

    @Test("every cell style puts its cell at the top of the row, in both formats (a row made taller by a cell on several lines reads from its first line)")
    func cellsAtTheTop() throws {
        let xlsx = String(
            decoding: try #require(try ZIPArchive(bytes: try XLSXWriter.write(SampleDocument.document)).contents(of: "xl/styles.xml")), as: UTF8.self)
        // Each cell format and the Normal style: as many alignments at the top as formats.
        let formats = xlsx.matches(of: /<xf numFmtId=/).count
        #expect(formats > 3 && xlsx.matches(of: /<alignment vertical="top"/).count == formats, "\(xlsx)")
        let ods = String(
            decoding: try #require(try ZIPArchive(bytes: try ODSWriter.write(SampleDocument.document)).contents(of: "content.xml")), as: UTF8.self)
        let cellStyles = ods.matches(of: /<style:style style:name="ce\d+" style:family="table-cell"/).count
        #expect(cellStyles > 3 && ods.matches(of: /style:vertical-align="top"/).count == cellStyles, "\(ods)")
    }

    /// A table with a year beside a name and a total in bold (a report's `comuni` sheet).
    static let totals: WorkbookDocument = {
        var sheet = WritableSheet(
            name: "comuni", frozenRows: 1,
            rows: [
                [.text("anno"), .text("ente"), .text("importo")], [.number("2025", .year), .text("Borgo Alto"), .number("10.5", .euro)], [],
                [.number("2025", .year), .text("Totale ambito"), .number("10.5", .euro)],
            ])
        sheet.boldRows = [3]
        return WorkbookDocument(sheets: [sheet])
    }()

    @Test("a year is aligned left (it ran into the name beside it: «2025Borgo Alto»); a total row is in bold; both read back as numbers")
    func yearsAndTotals() throws {
        // .xlsx: each cell's style (`s`) is its place among the cell formats of styles.xml.
        let archive = try ZIPArchive(bytes: try XLSXWriter.write(Self.totals))
        let styles = String(decoding: try #require(try archive.contents(of: "xl/styles.xml")), as: UTF8.self)
        let cellFormats = try #require(styles.firstMatch(of: /<cellXfs[^>]*>(.*)<\/cellXfs>/)).1.matches(of: /<xf [^>]*>(<alignment[^>]*>)?/).map {
            String($0.0)
        }
        let sheet = String(decoding: try #require(try archive.contents(of: "xl/worksheets/sheet1.xml")), as: UTF8.self)
        func format(_ reference: String) throws -> String {
            let style = try #require(sheet.firstMatch(of: try Regex("<c r=\"\(reference)\"( s=\"([0-9]+)\")?")))
            let index = (style.output[2].substring).flatMap { Int($0) } ?? 0
            return cellFormats[index]
        }
        for (reference, left, bold) in [
            ("A2", true, false), ("B2", false, false), ("A4", true, true), ("B4", false, true), ("C4", false, true), ("C2", false, false),
        ] {
            let cellFormat = try format(reference)
            #expect(cellFormat.contains("horizontal=\"left\"") == left, "\(reference): \(cellFormat)")
            #expect(cellFormat.contains("fontId=\"1\"") == bold, "\(reference): \(cellFormat)")
        }
        // .ods: the style named on each cell, defined with its alignment and weight.
        let ods = String(
            decoding: try #require(try ZIPArchive(bytes: try ODSWriter.write(Self.totals)).contents(of: "content.xml")), as: UTF8.self)
        func definition(_ name: Substring) throws -> String {
            String(try #require(ods.firstMatch(of: try Regex("<style:style style:name=\"\(name)\".*?</style:style>"))).0)
        }
        let rows = ods.matches(of: /<table:table-row>(.*?)<\/table:table-row>/).map { $0.1 }
        #expect(rows.count == 4, "\(rows)")
        for (row, bold) in [(1, false), (3, true)] {
            let names = rows[row].matches(of: /table:style-name="(ce[0-9]+)"/).map { $0.1 }
            #expect(names.count == 3)
            for (column, name) in names.enumerated() {
                let style = try definition(name)
                #expect(style.contains("fo:text-align=\"start\"") == (column == 0), "\(style)")
                #expect(style.contains("fo:font-weight=\"bold\"") == bold, "\(style)")
            }
        }
        // Years are numbers, in both formats.
        for kind in Format.allCases {
            let values = SampleDocument.values(try WorkbookReader.read(try kind.write(Self.totals)))["comuni"]
            #expect(values?["A2"] == .number("2025") && values?["A4"] == .number("2025"), "\(kind)")
        }
    }

    @Test("the .xlsx has a frozen header, widths, formats and lists within Excel's limits")
    func xlsxLayout() throws {
        let archive = try ZIPArchive(bytes: try XLSXWriter.write(SampleDocument.document))
        #expect(
            archive.entryNames == [
                "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/worksheets/sheet1.xml",
                "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml", "xl/worksheets/sheet4.xml",
            ])
        let sheet = String(decoding: try #require(try archive.contents(of: "xl/worksheets/sheet1.xml")), as: UTF8.self)
        #expect(sheet.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(sheet.contains("<col min=\"2\" max=\"2\" width=\"32.7109375\" customWidth=\"1\"/>"))
        #expect(sheet.contains("<formula1>\"sì,no\"</formula1>"))
        #expect(sheet.contains("<formula1>_elenchi!$A$1:$A$40</formula1>"))
        #expect(sheet.contains("sqref=\"H2:H50\""))
        let styles = String(decoding: try #require(try archive.contents(of: "xl/styles.xml")), as: UTF8.self)
        #expect(styles.contains("formatCode=\"#,##0.00 &quot;€&quot;\""))
        #expect(styles.contains("formatCode=\"dd/mm/yyyy\""))
        // No `0.####`: Excel shows a whole number with it as «30.» (a trial); the shares are General.
        #expect(!styles.contains("formatCode=\"0.####\""))
        let workbook = String(decoding: try #require(try archive.contents(of: "xl/workbook.xml")), as: UTF8.self)
        #expect(workbook.contains("<sheet name=\"_elenchi\" sheetId=\"4\" state=\"hidden\" r:id=\"rId4\"/>"))
    }

    @Test(
        "sheet names the spreadsheets refuse",
        arguments: [
            ("", "è vuoto"), (String(repeating: "x", count: 32), "supera 31 caratteri"), ("a/b", "contiene il carattere «/»"),
            ("a[1]", "contiene il carattere «[»"),
            ("a:b", "contiene il carattere «:»"), ("a*", "contiene il carattere «*»"), ("a?", "contiene il carattere «?»"),
            ("a\\b", "contiene il carattere «\\»"),
            ("'a", "inizia o finisce con un apostrofo"), ("a\u{1}", "contiene caratteri di controllo"),
        ])
    func badSheetName(name: String, reason: String) {
        for format in Format.allCases {
            #expect(throws: WorkbookError.invalidSheetName(name, reason: reason)) { try format.write(WorkbookDocument(sheets: [WritableSheet(name: name)])) }
        }
    }

    @Test("a 31-character name and names that differ only in case")
    func sheetNameLimits() throws {
        let name = String(repeating: "è", count: 31)
        for format in Format.allCases {
            #expect(try WorkbookReader.read(try format.write(WorkbookDocument(sheets: [WritableSheet(name: name)]))).sheetNames.first == name)
            #expect(throws: WorkbookError.duplicateSheetName("Dati")) {
                try format.write(WorkbookDocument(sheets: [WritableSheet(name: "dati"), WritableSheet(name: "Dati")]))
            }
        }
        #expect(throws: WorkbookError.duplicateSheetName("_ELENCHI")) { try XLSXWriter.write(WorkbookDocument(sheets: [WritableSheet(name: "_ELENCHI")])) }
    }

    @Test("content the formats cannot hold is refused with the cell")
    func badContent() {
        let cases: [(WritableCell, String)] = [
            (.number("1,5", .general), "numero non valido «1,5»"),
            (.date(year: 2025, month: 2, day: 29), "data non valida o fuori dall'intervallo dal 01/03/1900 al 31/12/9999 (2025-2-29)"),
            (.date(year: 1900, month: 2, day: 28), "data non valida o fuori dall'intervallo dal 01/03/1900 al 31/12/9999 (1900-2-28)"),
            (.text(String(repeating: "x", count: 32_768)), "testo oltre 32.767 caratteri"),
        ]
        for format in Format.allCases {
            for (cell, reason) in cases {
                let document = WorkbookDocument(sheets: [WritableSheet(name: "personale", rows: [[], [.empty, cell]])])
                #expect(throws: WorkbookError.cell(sheet: "personale", reference: "B2", reason: reason)) { try format.write(document) }
            }
            #expect(throws: WorkbookError.self) { try format.write(WorkbookDocument(sheets: [])) }
            #expect(throws: WorkbookError.self) { try format.write(WorkbookDocument(sheets: [WritableSheet(name: "a", isHidden: true)])) }
            #expect(throws: WorkbookError.self) {
                try format.write(
                    WorkbookDocument(sheets: [WritableSheet(name: "a", validations: [ListValidation(column: 1, firstRow: 5, lastRow: 4, values: ["x"])])]))
            }
            #expect(throws: WorkbookError.self) { try format.write(WorkbookDocument(sheets: [WritableSheet(name: "a", columnWidths: [256])])) }
        }
    }

    @Test("control characters: .xlsx keeps them as _xHHHH_, .ods shows U+FFFD; tabs, line breaks and runs of spaces survive")
    func awkwardText() throws {
        let text = "a\u{1}b\u{FFFE}c\td  e\r\nf _x0041_ <&>\"' \u{1F600}"
        let document = WorkbookDocument(sheets: [WritableSheet(name: "t", rows: [[.text(text), .text("   "), .text(" x ")]])])
        let xlsx = try WorkbookReader.read(try XLSXWriter.write(document)).sheets[0]
        #expect(xlsx.value(row: 1, column: 1) == .text(text))
        #expect(xlsx.value(row: 1, column: 2) == .text("   "))
        let ods = try WorkbookReader.read(try ODSWriter.write(document)).sheets[0]
        #expect(ods.value(row: 1, column: 1) == .text("a\u{FFFD}b\u{FFFD}c\td  e\nf _x0041_ <&>\"' \u{1F600}"))
        #expect(ods.value(row: 1, column: 2) == .text("   "))
        #expect(ods.value(row: 1, column: 3) == .text(" x "))
    }

    @Test("validations far below the data cost one repeated row in .ods")
    func sparseValidation() throws {
        let document = WorkbookDocument(sheets: [
            WritableSheet(name: "t", rows: [[.text("a")]], validations: [.yesNo(column: 3, firstRow: 2, lastRow: 1_048_576)])
        ])
        let bytes = try ODSWriter.write(document)
        #expect(bytes.count < 20_000)
        let workbook = try WorkbookReader.read(bytes)
        #expect(SampleDocument.values(workbook) == ["t": ["A1": .text("a")]])
        #expect(try WorkbookReader.read(try XLSXWriter.write(document)).sheets[0].rows.count == 1)
    }
}
