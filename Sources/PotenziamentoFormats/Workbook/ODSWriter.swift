import Foundation

/// Writes a ``WorkbookDocument`` as an OpenDocument spreadsheet (`.ods`, ODF 1.3), deterministically.
///
/// Entries: `mimetype` (first, stored, as ODF requires), `content.xml` (column widths, number,
/// currency, date and boolean data styles, the cells, drop-down lists as content validations),
/// `styles.xml`, `settings.xml` (the frozen rows as a split view) and `META-INF/manifest.xml`.
/// Cell text is written as paragraphs (a line feed starts a new `text:p`), runs of spaces as
/// `text:s`, tabs as `text:tab`; characters XML cannot hold become U+FFFD.
package enum ODSWriter {
    /// The XML declaration of every part.
    static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    /// The namespace declarations and version of the document elements.
    static let namespaces =
        "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
        + "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
        + "xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" "
        + "xmlns:number=\"urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0\" xmlns:of=\"urn:oasis:names:tc:opendocument:xmlns:of:1.2\" "
        + "office:version=\"1.3\""

    /// Returns the `.ods` bytes of `document`. Throws ``WorkbookError/invalidSheetName(_:reason:)``,
    /// ``WorkbookError/duplicateSheetName(_:)``, ``WorkbookError/invalidDocument(_:)`` or
    /// ``WorkbookError/cell(sheet:reference:reason:)`` for content the format cannot hold.
    package static func write(_ document: WorkbookDocument) throws(WorkbookError) -> [UInt8] {
        let numbers = try document.validated()
        let entries: [(name: String, data: [UInt8])] = [
            ("mimetype", Array(WorkbookReader.odsMediaType.utf8)),
            ("content.xml", Array(content(document, numbers: numbers).utf8)),
            ("styles.xml", Array(styles(printTitle: document.printTitle).utf8)),
            ("settings.xml", Array(settings(document).utf8)),
            ("META-INF/manifest.xml", Array(manifest.utf8)),
        ]
        do throws(ZIPError) {
            return try ZIPWriter.archive(entries)
        } catch {
            throw .invalidDocument(error.description)
        }
    }

    /// `META-INF/manifest.xml`.
    static let manifest =
        header + "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.3\">"
        + "<manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.3\" manifest:media-type=\"\(WorkbookReader.odsMediaType)\"/>"
        + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
        + "<manifest:file-entry manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/>"
        + "<manifest:file-entry manifest:full-path=\"settings.xml\" manifest:media-type=\"text/xml\"/>"
        + "</manifest:manifest>"

    /// `styles.xml`: the default cell style and the two pages a sheet prints on: A4 portrait
    /// (master page `Default`), and A4 landscape scaled to one page wide, the rows continuing on
    /// the next pages (master page `Orizzontale`, for ``WritableSheet/printsLandscapeFitToWidth``:
    /// `style:scale-to-X="1"` with no `scale-to-Y`, as LibreOffice writes it; ODF 1.3 types both
    /// as positive integers).
    static func styles(printTitle: String?) -> String {
        // Every page headed by the title (the whole width: a long ATS name ran into the sheet's
        // name beside it, an officer's trial), its foot naming the sheet and numbering the page.
        let headerAndFooter =
            printTitle.map { title in
                "<style:header><style:region-left><text:p>\(XMLEscaping.text(title))</text:p></style:region-left></style:header>"
                    + "<style:footer><style:region-left><text:p><text:sheet-name>???</text:sheet-name></text:p></style:region-left>"
                    + "<style:region-center><text:p>Pagina <text:page-number>1</text:page-number> di <text:page-count>1</text:page-count></text:p></style:region-center></style:footer>"
            } ?? ""
        func masterPage(_ name: String, layout: String) -> String {
            let opening = "<style:master-page style:name=\"\(name)\" style:page-layout-name=\"\(layout)\""
            return headerAndFooter.isEmpty ? opening + "/>" : opening + ">" + headerAndFooter + "</style:master-page>"
        }
        // The room the header and the footer take on a page (as LibreOffice writes it).
        let headerFooterStyles =
            printTitle == nil
            ? ""
            : "<style:header-style><style:header-footer-properties fo:min-height=\"0.6cm\" fo:margin-bottom=\"0.2cm\"/></style:header-style>"
                + "<style:footer-style><style:header-footer-properties fo:min-height=\"0.6cm\" fo:margin-top=\"0.2cm\"/></style:footer-style>"
        return header + "<office:document-styles \(namespaces)><office:styles>"
            + "<style:default-style style:family=\"table-cell\"><style:paragraph-properties style:tab-stop-distance=\"1.25cm\"/></style:default-style>"
            + "<style:style style:name=\"Default\" style:family=\"table-cell\"/>"
            + "</office:styles><office:automatic-styles>"
            + "<style:page-layout style:name=\"pm1\"><style:page-layout-properties fo:page-width=\"21cm\" fo:page-height=\"29.7cm\" "
            + "style:print-orientation=\"portrait\"/>" + headerFooterStyles + "</style:page-layout>"
            + "<style:page-layout style:name=\"pm2\"><style:page-layout-properties fo:page-width=\"29.7cm\" fo:page-height=\"21cm\" "
            + "style:print-orientation=\"landscape\" style:scale-to-X=\"1\"/>" + headerFooterStyles + "</style:page-layout>"
            + "</office:automatic-styles><office:master-styles>"
            + masterPage("Default", layout: "pm1")
            + masterPage("Orizzontale", layout: "pm2")
            + "</office:master-styles></office:document-styles>"
    }

    /// Returns `settings.xml`: for each sheet with frozen rows, a view split frozen below them.
    static func settings(_ document: WorkbookDocument) -> String {
        var xml = header
        xml += "<office:document-settings xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
        xml += "xmlns:config=\"urn:oasis:names:tc:opendocument:xmlns:config:1.0\" office:version=\"1.3\"><office:settings>"
        xml += "<config:config-item-set config:name=\"ooo:view-settings\"><config:config-item-map-indexed config:name=\"Views\">"
        xml += "<config:config-item-map-entry><config:config-item config:name=\"ViewId\" config:type=\"string\">view1</config:config-item>"
        xml += "<config:config-item-map-named config:name=\"Tables\">"
        func item(_ name: String, _ type: String, _ value: Int) -> String {
            "<config:config-item config:name=\"\(name)\" config:type=\"\(type)\">\(value)</config:config-item>"
        }
        for sheet in document.sheets {
            xml += "<config:config-item-map-entry config:name=\"\(XMLEscaping.attribute(sheet.name))\">"
            let frozen = sheet.frozenRows > 0
            xml += item("CursorPositionX", "int", 0) + item("CursorPositionY", "int", sheet.frozenRows)
            xml += item("HorizontalSplitMode", "short", 0) + item("VerticalSplitMode", "short", frozen ? 2 : 0)
            xml += item("HorizontalSplitPosition", "int", 0) + item("VerticalSplitPosition", "int", sheet.frozenRows)
            xml += item("ActiveSplitRange", "short", frozen ? 2 : 0)
            xml += item("PositionLeft", "int", 0) + item("PositionRight", "int", 0)
            xml += item("PositionTop", "int", 0) + item("PositionBottom", "int", sheet.frozenRows)
            xml += "</config:config-item-map-entry>"
        }
        xml += "</config:config-item-map-named>"
        let active = document.sheets.first { !$0.isHidden }?.name ?? document.sheets.first?.name ?? ""
        xml += "<config:config-item config:name=\"ActiveTable\" config:type=\"string\">\(XMLEscaping.text(active))</config:config-item>"
        xml += "</config:config-item-map-entry></config:config-item-map-indexed></config:config-item-set>"
        return xml + "</office:settings></office:document-settings>"
    }

    /// The data style name of each format (nil: dates); general numbers have none.
    static func dataStyle(_ format: NumberFormat?) -> String? {
        switch format {
        case .general: nil
        case .integer: "N1"
        case .euro: "N2"
        case .decimal2: "N3"
        case .decimal4: "N4"
        case .decimal6: "N10"
        case .upTo4Decimals: "N5"
        case nil: "N6"
        case .year: "N9"
        }
    }

    /// The data styles: numbers, euros, the date `DD/MM/YYYY` and booleans.
    static let dataStyles: String = {
        func number(_ name: String, decimals: Int, minimum: Int, grouping: Bool) -> String {
            "<number:number-style style:name=\"\(name)\"><number:number number:decimal-places=\"\(decimals)\" number:min-decimal-places=\"\(minimum)\" "
                + "number:min-integer-digits=\"1\"\(grouping ? " number:grouping=\"true\"" : "")/></number:number-style>"
        }
        var xml = number("N1", decimals: 0, minimum: 0, grouping: true)
        xml += "<number:currency-style style:name=\"N2\"><number:number number:decimal-places=\"2\" number:min-decimal-places=\"2\" "
        xml += "number:min-integer-digits=\"1\" number:grouping=\"true\"/><number:text> </number:text>"
        xml += "<number:currency-symbol number:language=\"it\" number:country=\"IT\">€</number:currency-symbol></number:currency-style>"
        xml += number("N3", decimals: 2, minimum: 2, grouping: false)
        xml += number("N4", decimals: 4, minimum: 4, grouping: false)
        xml += number("N5", decimals: 4, minimum: 0, grouping: false)
        xml += "<number:date-style style:name=\"N6\"><number:day number:style=\"long\"/><number:text>/</number:text>"
        xml += "<number:month number:style=\"long\"/><number:text>/</number:text><number:year number:style=\"long\"/></number:date-style>"
        xml += "<number:boolean-style style:name=\"N7\"><number:boolean/></number:boolean-style>"
        xml += "<number:text-style style:name=\"N8\"><number:text-content/></number:text-style>"
        xml += number("N9", decimals: 0, minimum: 0, grouping: false)
        xml += number("N10", decimals: 6, minimum: 6, grouping: false)
        return xml
    }()

    /// The cell styles: `ce0`-`ce7` regular, `ce8`-`ce15` bold; within each, general, the five
    /// number formats, the date and the boolean format; `ce16`, `ce17`: wrapped text, regular and
    /// bold; `ce18` text columns; `ce19`, `ce20`: years (``NumberFormat/year``, aligned left);
    /// `ce21`, `ce22`: headings over figures, bold and aligned right (one line, wrapped); `ce23`,
    /// `ce24`: six decimals (``NumberFormat/decimal6``), regular and bold.
    static let cellStyles: String = {
        var xml = ""
        // Every cell at the top of its row: a row made taller by a cell on several lines reads
        // from its first line (a person's id beside the first of the periods).
        let top = "<style:table-cell-properties style:vertical-align=\"top\"/>"
        for bold in [false, true] {
            for (index, data) in ([nil, "N1", "N2", "N3", "N4", "N5", "N6", "N7"] as [String?]).enumerated() {
                xml += "<style:style style:name=\"ce\(index + (bold ? 8 : 0))\" style:family=\"table-cell\" style:parent-style-name=\"Default\""
                xml += data.map { " style:data-style-name=\"\($0)\"" } ?? ""
                xml += ">" + top
                xml +=
                    bold
                    ? "<style:text-properties fo:font-weight=\"bold\" style:font-weight-asian=\"bold\" style:font-weight-complex=\"bold\"/></style:style>"
                    : "</style:style>"
            }
        }
        for bold in [false, true] {  // text on several lines: wrapped
            xml += "<style:style style:name=\"ce\(bold ? 17 : 16)\" style:family=\"table-cell\" style:parent-style-name=\"Default\">"
            xml += "<style:table-cell-properties fo:wrap-option=\"wrap\" style:vertical-align=\"top\"/>"
            xml += bold ? "<style:text-properties fo:font-weight=\"bold\" style:font-weight-asian=\"bold\" style:font-weight-complex=\"bold\"/>" : ""
            xml += "</style:style>"
        }
        // Text columns (`@`): typed codes keep their leading zeros.
        xml +=
            "<style:style style:name=\"ce18\" style:family=\"table-cell\" style:parent-style-name=\"Default\" style:data-style-name=\"N8\">\(top)</style:style>"
        for bold in [false, true] {  // years: aligned left
            xml +=
                "<style:style style:name=\"ce\(bold ? 20 : 19)\" style:family=\"table-cell\" style:parent-style-name=\"Default\" style:data-style-name=\"N9\">"
            xml +=
                "<style:table-cell-properties style:text-align-source=\"fix\" style:vertical-align=\"top\"/><style:paragraph-properties fo:text-align=\"start\"/>"
            xml += bold ? "<style:text-properties fo:font-weight=\"bold\" style:font-weight-asian=\"bold\" style:font-weight-complex=\"bold\"/>" : ""
            xml += "</style:style>"
        }
        for wrapped in [false, true] {  // headings over figures: bold, aligned right
            xml += "<style:style style:name=\"ce\(wrapped ? 22 : 21)\" style:family=\"table-cell\" style:parent-style-name=\"Default\">"
            xml += "<style:table-cell-properties style:text-align-source=\"fix\"\(wrapped ? " fo:wrap-option=\"wrap\"" : "") style:vertical-align=\"top\"/>"
            xml += "<style:paragraph-properties fo:text-align=\"end\"/>"
            xml += "<style:text-properties fo:font-weight=\"bold\" style:font-weight-asian=\"bold\" style:font-weight-complex=\"bold\"/></style:style>"
        }
        for bold in [false, true] {  // six decimals
            xml +=
                "<style:style style:name=\"ce\(bold ? 24 : 23)\" style:family=\"table-cell\" style:parent-style-name=\"Default\" style:data-style-name=\"N10\">\(top)"
            xml +=
                bold
                ? "<style:text-properties fo:font-weight=\"bold\" style:font-weight-asian=\"bold\" style:font-weight-complex=\"bold\"/></style:style>"
                : "</style:style>"
        }
        return xml
    }()

    /// Returns the cell style of `format` (nil: date), bold or not; booleans use index 7.
    static func cellStyle(_ format: NumberFormat?, boolean: Bool = false, bold: Bool) -> String {
        let index: Int
        if boolean {
            index = 7
        } else {
            switch format {
            case .general: index = 0
            case .integer: index = 1
            case .euro: index = 2
            case .decimal2: index = 3
            case .decimal4: index = 4
            case .upTo4Decimals: index = 5
            case nil: index = 6
            case .year: return "ce\(bold ? 20 : 19)"
            case .decimal6: return "ce\(bold ? 24 : 23)"
            }
        }
        return "ce\(index + (bold ? 8 : 0))"
    }

    /// Returns the cell style of a column format: `ce18` for text (`@`), the date style for dates.
    static func cellStyle(_ style: ColumnStyle) -> String {
        switch style {
        case .text: "ce18"
        case .date: cellStyle(nil, bold: false)
        }
    }

    /// Returns a column width in characters as an ODF length: (7 × characters + 5) pixels at
    /// 96 per inch, as Excel measures, in millimetres with three decimals.
    static func columnLength(_ characters: Int) -> String {
        let micrometres = ((7 * characters + 5) * 25_400 + 48) / 96
        let thousandths = String(micrometres % 1000)
        return "\(micrometres / 1000).\(String(repeating: "0", count: 3 - thousandths.count))\(thousandths)mm"
    }

    /// Returns `content.xml` of `document`, its numbers already canonical.
    static func content(_ document: WorkbookDocument, numbers: [[[String?]]]) -> String {
        var widths: [Int] = []
        for sheet in document.sheets {
            for width in sheet.columnWidths where width > 0 && !widths.contains(width) { widths.append(width) }
        }
        var xml = header + "<office:document-content \(namespaces)><office:automatic-styles>"
        for (index, width) in widths.enumerated() {
            xml += "<style:style style:name=\"co\(index + 1)\" style:family=\"table-column\">"
            xml += "<style:table-column-properties fo:break-before=\"auto\" style:column-width=\"\(columnLength(width))\"/></style:style>"
        }
        // ta1 visible, ta2 hidden, ta3 visible and printed landscape as wide as a page.
        xml += "<style:style style:name=\"ta1\" style:family=\"table\" style:master-page-name=\"Default\">"
        xml += "<style:table-properties table:display=\"true\"/></style:style>"
        xml += "<style:style style:name=\"ta2\" style:family=\"table\" style:master-page-name=\"Default\">"
        xml += "<style:table-properties table:display=\"false\"/></style:style>"
        xml += "<style:style style:name=\"ta3\" style:family=\"table\" style:master-page-name=\"Orizzontale\">"
        xml += "<style:table-properties table:display=\"true\"/></style:style>"
        xml += dataStyles + cellStyles + "</office:automatic-styles><office:body><office:spreadsheet>"

        // Validations, named in order of appearance.
        var validationNames: [[String]] = []
        var validationXML = ""
        var count = 0
        for sheet in document.sheets {
            var names: [String] = []
            for validation in sheet.validations {
                count += 1
                let name = "val\(count)"
                names.append(name)
                let list = validation.values.map { "\"" + $0.replacingAll("\"", with: "\"\"") + "\"" }.joined(separator: ";")
                let base = CellReference.quotedSheetName(sheet.name) + "." + CellReference.a1(row: validation.firstRow, column: validation.column)
                validationXML +=
                    "<table:content-validation table:name=\"\(name)\" table:condition=\"\(XMLEscaping.attribute("of:cell-content-is-in-list(\(list))"))\" "
                validationXML += "table:allow-empty-cell=\"true\" table:display-list=\"unsorted\" table:base-cell-address=\"\(XMLEscaping.attribute(base))\">"
                if let message = validation.message {
                    validationXML += "<table:error-message table:display=\"true\" table:message-type=\"stop\" table:title=\"Valore non ammesso\">"
                    validationXML += "<text:p>\(XMLEscaping.text(message))</text:p></table:error-message></table:content-validation>"
                } else {
                    validationXML += "<table:error-message table:display=\"true\" table:message-type=\"stop\"/></table:content-validation>"
                }
            }
            validationNames.append(names)
        }
        if !validationXML.isEmpty { xml += "<table:content-validations>" + validationXML + "</table:content-validations>" }

        for (sheetIndex, sheet) in document.sheets.enumerated() {
            xml +=
                "<table:table table:name=\"\(XMLEscaping.attribute(sheet.name))\" table:style-name=\"\(sheet.isHidden ? "ta2" : sheet.printsLandscapeFitToWidth ? "ta3" : "ta1")\">"
            xml += columns(sheet, widths: widths)
            xml += rows(sheet, numbers: numbers[sheetIndex], validationNames: validationNames[sheetIndex])
            xml += "</table:table>"
        }
        return xml + "</office:spreadsheet></office:body></office:document-content>"
    }

    /// Returns the `table:table-column` elements of `sheet`: its widths and column formats, runs
    /// of equal columns joined.
    static func columns(_ sheet: WritableSheet, widths: [Int]) -> String {
        let count = max(
            1, sheet.columnWidths.count, sheet.columnStyles.count, sheet.rows.map(\.count).max() ?? 0, sheet.validations.map(\.column).max() ?? 0)
        func column(_ index: Int) -> (width: Int, style: ColumnStyle?) {
            (index < sheet.columnWidths.count ? sheet.columnWidths[index] : 0, index < sheet.columnStyles.count ? sheet.columnStyles[index] : nil)
        }
        var xml = ""
        var index = 0
        while index < count {
            let (width, cellStyle) = column(index)
            var end = index + 1
            while end < count && column(end) == (width, cellStyle) { end += 1 }
            let style = width > 0 ? " table:style-name=\"co\((widths.firstIndex(of: width) ?? 0) + 1)\"" : ""
            let repeated = end - index > 1 ? " table:number-columns-repeated=\"\(end - index)\"" : ""
            xml += "<table:table-column\(style)\(repeated) table:default-cell-style-name=\"\(cellStyle.map(Self.cellStyle) ?? "Default")\"/>"
            index = end
        }
        return xml
    }

    /// Returns the `table:table-row` elements of `sheet`: the data rows, and the rows of the
    /// validated ranges below them, runs of identical rows joined with `number-rows-repeated`.
    static func rows(_ sheet: WritableSheet, numbers: [[String?]], validationNames: [String]) -> String {
        var breaks: Set<Int> = [1]
        for row in 1...(sheet.rows.count + 1) { breaks.insert(row) }
        let styled = sheet.columnStyles.contains { $0 != nil } ? sheet.formattedRows : 0
        if styled > 0 { breaks.insert(styled + 1) }
        for validation in sheet.validations {
            breaks.insert(validation.firstRow)
            breaks.insert(validation.lastRow + 1)
        }
        let ordered = breaks.sorted()
        let figureColumns = sheet.figureColumns
        var xml = ""
        var previous: (xml: String, count: Int)?
        func emit(_ row: String, _ count: Int) {
            if let last = previous, last.xml == row {
                previous = (row, last.count + count)
            } else {
                flush()
                previous = (row, count)
            }
        }
        func flush() {
            guard let last = previous else { return }
            xml +=
                last.count > 1 ? last.xml.replacingFirst("<table:table-row", with: "<table:table-row table:number-rows-repeated=\"\(last.count)\"") : last.xml
            previous = nil
        }
        // The frozen rows (the headings) are the sheet's header rows: printed at the top of every page.
        let headerRows = min(sheet.frozenRows, sheet.rows.count)
        if headerRows > 0 { xml += "<table:table-header-rows>" }
        for (index, start) in ordered.enumerated() {
            if headerRows > 0 && start == headerRows + 1 {
                flush()
                xml += "</table:table-header-rows>"
            }
            let end = index + 1 < ordered.count ? ordered[index + 1] : start + 1
            let validations = sheet.validations.enumerated().filter { $0.element.firstRow <= start && start <= $0.element.lastRow }
            let data = start <= sheet.rows.count ? sheet.rows[start - 1] : []
            let columnStyles = start <= styled ? sheet.columnStyles : []
            guard !data.isEmpty || !validations.isEmpty || !columnStyles.isEmpty else {
                if start <= sheet.rows.count || index + 1 < ordered.count { emit("<table:table-row><table:table-cell/></table:table-row>", end - start) }
                continue
            }
            let rowNumbers = start - 1 < numbers.count ? numbers[start - 1] : []
            emit(
                row(
                    data, numbers: rowNumbers, bold: start <= sheet.frozenRows || sheet.boldRows.contains(start - 1),
                    rightAligned: start <= sheet.frozenRows ? figureColumns : [],
                    validations: validations.map { ($0.element.column, validationNames[$0.offset]) },
                    columnStyles: columnStyles), end - start)
        }
        flush()
        return xml
    }

    /// Returns one `table:table-row` with `cells`, empty cells carrying a validation where one applies.
    static func row(
        _ cells: [WritableCell], numbers: [String?], bold: Bool, rightAligned: Set<Int> = [], validations: [(column: Int, name: String)],
        columnStyles: [ColumnStyle?] = []
    ) -> String {
        let lastStyled = (columnStyles.lastIndex { $0 != nil } ?? -1) + 1
        let lastColumn = max(cells.count, validations.map(\.column).max() ?? 0, lastStyled)
        var xml = "<table:table-row>"
        var pendingEmpty: (attributes: String, count: Int)?
        var written = false
        func flushEmpty() {
            guard let empty = pendingEmpty else { return }
            written = true
            xml += "<table:table-cell\(empty.count > 1 ? " table:number-columns-repeated=\"\(empty.count)\"" : "")\(empty.attributes)/>"
            pendingEmpty = nil
        }
        for column in 1...max(lastColumn, 1) {
            let cell = column <= cells.count ? cells[column - 1] : .empty
            var validation = validations.last { $0.column == column }.map { " table:content-validation-name=\"\($0.name)\"" } ?? ""
            if cell == .empty, column <= columnStyles.count, let style = columnStyles[column - 1] {
                // An empty cell to type into: written with its column's format (see WritableSheet.formattedRows).
                validation = " table:style-name=\"\(Self.cellStyle(style))\"" + validation
            }
            if cell == .empty {
                if let empty = pendingEmpty, empty.attributes == validation {
                    pendingEmpty = (validation, empty.count + 1)
                } else {
                    flushEmpty()
                    pendingEmpty = (validation, 1)
                }
                continue
            }
            flushEmpty()
            written = true
            switch cell {
            case .empty: break
            case .text(let text):
                // Text in a text column keeps the column's format, so editing it later keeps leading zeros.
                let textColumn = !bold && column <= columnStyles.count && columnStyles[column - 1] == .text
                let wrapped = text.contains(where: \.isNewline)
                let style =
                    rightAligned.contains(column - 1)
                    ? "ce\(wrapped ? 22 : 21)" : wrapped ? "ce\(bold ? 17 : 16)" : textColumn ? Self.cellStyle(.text) : cellStyle(.general, bold: bold)
                xml += "<table:table-cell table:style-name=\"\(style)\"\(validation) office:value-type=\"string\">"
                xml += paragraphs(text) + "</table:table-cell>"
            case .number(_, let format):
                let value = column - 1 < numbers.count ? numbers[column - 1] ?? "0" : "0"
                xml +=
                    "<table:table-cell table:style-name=\"\(cellStyle(format, bold: bold))\"\(validation) office:value-type=\"float\" office:value=\"\(value)\">"
                xml += "<text:p>\(value)</text:p></table:table-cell>"
            case .date(let year, let month, let day):
                let iso = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
                xml +=
                    "<table:table-cell table:style-name=\"\(cellStyle(nil, bold: bold))\"\(validation) office:value-type=\"date\" office:date-value=\"\(iso)\">"
                xml += "<text:p>\(pad(day, 2))/\(pad(month, 2))/\(pad(year, 4))</text:p></table:table-cell>"
            case .boolean(let value):
                xml += "<table:table-cell table:style-name=\"\(cellStyle(.general, boolean: true, bold: bold))\"\(validation) office:value-type=\"boolean\" "
                xml += "office:boolean-value=\"\(value)\"><text:p>\(value ? "TRUE" : "FALSE")</text:p></table:table-cell>"
            }
        }
        if let empty = pendingEmpty, !empty.attributes.isEmpty || !written { flushEmpty() }
        return xml + "</table:table-row>"
    }

    /// Returns `value` in decimal with at least `digits` digits.
    static func pad(_ value: Int, _ digits: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    /// Returns `text` as ODF paragraphs: one `text:p` per line (CR LF, LF or CR), a space that
    /// would be collapsed (leading, or after another space) as `text:s`, tabs as `text:tab`.
    static func paragraphs(_ text: String) -> String {
        let lines = text.replacingAll("\r\n", with: "\n").replacingAll("\r", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        var xml = ""
        for line in lines {
            xml += "<text:p>"
            var spaces = 0
            var afterText = false
            var literal = ""
            func flushSpaces() {
                guard spaces > 0 else { return }
                if afterText {
                    literal += " "
                    spaces -= 1
                }
                if spaces > 0 {
                    xml += XMLEscaping.text(literal) + (spaces == 1 ? "<text:s/>" : "<text:s text:c=\"\(spaces)\"/>")
                    literal = ""
                }
                spaces = 0
            }
            for character in line {
                switch character {
                case " ": spaces += 1
                case "\t":
                    flushSpaces()
                    xml += XMLEscaping.text(literal) + "<text:tab/>"
                    literal = ""
                    afterText = false
                default:
                    flushSpaces()
                    literal.append(character)
                    afterText = true
                }
            }
            flushSpaces()
            xml += XMLEscaping.text(literal) + "</text:p>"
        }
        return xml
    }
}

extension String {
    /// Returns the string with every occurrence of `target` replaced by `replacement`.
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        return components(separatedBy: target).joined(separator: replacement)
    }

    /// Returns the string with the first occurrence of `target` replaced by `replacement`.
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
