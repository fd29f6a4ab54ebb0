/// Writes a ``WorkbookDocument`` as an Office Open XML workbook (`.xlsx`), deterministically.
///
/// Parts: `[Content_Types].xml`, `_rels/.rels`, `xl/workbook.xml`, `xl/_rels/workbook.xml.rels`,
/// `xl/styles.xml` and `xl/worksheets/sheetN.xml`, in a ZIP of stored entries. Text is written as
/// inline strings; dates as serial numbers of the 1900 date system with the `dd/mm/yyyy` format;
/// the frozen rows as a frozen pane, in bold. A drop-down list whose values do not fit Excel's
/// 255-character inline list (or contain a comma or a quote) is written on a hidden sheet named
/// ``listSheetName`` and referenced as a range.
package enum XLSXWriter {
    /// The hidden sheet holding long drop-down lists (a name documents cannot use).
    package static let listSheetName = "_elenchi"

    /// The formats in the order of their cell styles: style `index` is format `index % 8`, bold
    /// from 8 on; styles 16 and 17 are wrapped text, regular and bold; 18 text columns; 19 and 20
    /// years (``NumberFormat/year``, aligned left), regular and bold; 21 and 22 headings over
    /// figures.
    static let formats: [NumberFormat?] = [.general, .integer, .euro, .decimal2, .decimal4, .decimal6, .upTo4Decimals, nil]

    /// Returns the `.xlsx` bytes of `document`. Throws ``WorkbookError/invalidSheetName(_:reason:)``,
    /// ``WorkbookError/duplicateSheetName(_:)`` (also for a sheet named ``listSheetName``),
    /// ``WorkbookError/invalidDocument(_:)`` or ``WorkbookError/cell(sheet:reference:reason:)``
    /// for content the format cannot hold.
    package static func write(_ document: WorkbookDocument) throws(WorkbookError) -> [UInt8] {
        let numbers = try document.validated(reservedNames: [listSheetName])
        // Long lists go to the hidden sheet, one column each, in order of first use.
        var lists: [[String]] = []
        for sheet in document.sheets {
            for validation in sheet.validations where !fitsInline(validation.values) && !lists.contains(validation.values) {
                lists.append(validation.values)
            }
        }
        var sheets: [(name: String, hidden: Bool, frozenRows: Int, xml: String)] = []
        for (index, sheet) in document.sheets.enumerated() {
            sheets.append(
                (
                    sheet.name, sheet.isHidden, sheet.frozenRows,
                    worksheet(sheet, numbers: numbers[index], lists: lists, selected: index == 0, printTitle: document.printTitle)
                ))
        }
        if !lists.isEmpty {
            var rows: [[WritableCell]] = []
            for (column, list) in lists.enumerated() {
                for (row, value) in list.enumerated() {
                    while rows.count <= row { rows.append([]) }
                    while rows[row].count < column { rows[row].append(.empty) }
                    rows[row].append(.text(value))
                }
            }
            let listSheet = WritableSheet(name: listSheetName, rows: rows, isHidden: true)
            sheets.append((listSheetName, true, 0, worksheet(listSheet, numbers: [], lists: [], selected: false)))
        }

        var entries: [(name: String, data: [UInt8])] = []
        entries.append(("[Content_Types].xml", Array(contentTypes(sheetCount: sheets.count).utf8)))
        entries.append(("_rels/.rels", Array(packageRelationships.utf8)))
        entries.append(("xl/workbook.xml", Array(workbook(sheets.map { ($0.name, $0.hidden, $0.frozenRows) }).utf8)))
        entries.append(("xl/_rels/workbook.xml.rels", Array(workbookRelationships(sheetCount: sheets.count).utf8)))
        entries.append(("xl/styles.xml", Array(styles.utf8)))
        for (index, sheet) in sheets.enumerated() { entries.append(("xl/worksheets/sheet\(index + 1).xml", Array(sheet.xml.utf8))) }
        do throws(ZIPError) {
            return try ZIPWriter.archive(entries)
        } catch {
            throw .invalidDocument(error.description)
        }
    }

    /// Returns whether a list fits Excel's inline form `"a,b,c"`: at most 255 characters in all,
    /// no commas or quotes in the values.
    static func fitsInline(_ values: [String]) -> Bool {
        values.joined(separator: ",").utf16.count <= 253 && !values.contains { $0.contains(",") || $0.contains("\"") }
    }

    /// The XML declaration of every part.
    static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    /// The SpreadsheetML namespace.
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    /// The namespace of relationship ids and types.
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// Returns `[Content_Types].xml` for `sheetCount` worksheets.
    static func contentTypes(sheetCount: Int) -> String {
        var xml = header + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        xml += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        xml += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        xml += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        xml += "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        for index in 1...max(sheetCount, 1) {
            xml +=
                "<Override PartName=\"/xl/worksheets/sheet\(index).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        return xml + "</Types>"
    }

    /// `_rels/.rels`: the workbook is the office document.
    static let packageRelationships =
        header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relationshipNamespace)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"

    /// Returns `xl/workbook.xml` listing `sheets` (name, hidden), each sheet's frozen rows (its
    /// headings) repeated at the top of every printed page (`_xlnm.Print_Titles`): a long table
    /// printed on several pages keeps its column titles (an officer's trial).
    static func workbook(_ sheets: [(name: String, hidden: Bool, frozenRows: Int)]) -> String {
        var xml = header + "<workbook xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\">"
        xml += "<workbookPr/><bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
        for (index, sheet) in sheets.enumerated() {
            let state = sheet.hidden ? " state=\"hidden\"" : ""
            xml += "<sheet name=\"\(XMLEscaping.attribute(sheet.name))\" sheetId=\"\(index + 1)\"\(state) r:id=\"rId\(index + 1)\"/>"
        }
        xml += "</sheets>"
        let titled = sheets.enumerated().filter { $0.element.frozenRows > 0 }
        if !titled.isEmpty {
            xml += "<definedNames>"
            for (index, sheet) in titled {
                let range = "\(CellReference.quotedSheetName(sheet.name))!$1:$\(sheet.frozenRows)"
                xml += "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(index)\">\(XMLEscaping.text(range))</definedName>"
            }
            xml += "</definedNames>"
        }
        return xml + "</workbook>"
    }

    /// Returns `xl/_rels/workbook.xml.rels`: the sheets, then the styles.
    static func workbookRelationships(sheetCount: Int) -> String {
        var xml = header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for index in 1...max(sheetCount, 1) {
            xml += "<Relationship Id=\"rId\(index)\" Type=\"\(relationshipNamespace)/worksheet\" Target=\"worksheets/sheet\(index).xml\"/>"
        }
        xml += "<Relationship Id=\"rId\(sheetCount + 1)\" Type=\"\(relationshipNamespace)/styles\" Target=\"styles.xml\"/>"
        return xml + "</Relationships>"
    }

    /// The custom number format id of each format (built-in ids for `#,##0` and `0.00`).
    static func formatID(_ format: NumberFormat?) -> Int {
        switch format {
        case .general: 0
        case .integer: 3
        case .decimal2: 2
        case .euro: 164
        case .decimal4: 165
        case .decimal6: 166
        // Excel shows `0.####` with a trailing separator on whole numbers («30.», a trial): the
        // spreadsheet's General shows 30 and 83,33 (LibreOffice reads the `.ods` form well).
        case .upTo4Decimals: 0
        case nil: 167  // dates
        case .year: 1  // built-in `0`
        }
    }

    /// `xl/styles.xml`: two fonts (regular, bold) and one cell format per number format and font.
    static let styles: String = {
        var xml = header + "<styleSheet xmlns=\"\(mainNamespace)\">"
        xml += "<numFmts count=\"4\">"
        for format in [NumberFormat.euro, .decimal4, .decimal6] {
            xml += "<numFmt numFmtId=\"\(formatID(format))\" formatCode=\"\(XMLEscaping.attribute(format.code))\"/>"
        }
        xml += "<numFmt numFmtId=\"\(formatID(nil))\" formatCode=\"dd/mm/yyyy\"/></numFmts>"
        xml += "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
        xml += "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>"
        xml += "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        xml += "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        // The Normal style at the top too: a cell written with no style (`s` left out) is read by
        // LibreOffice with it.
        xml += "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" applyAlignment=\"1\">"
        xml += "<alignment vertical=\"top\"/></xf></cellStyleXfs>"
        xml += "<cellXfs count=\"\(formats.count * 2 + 7)\">"
        // Every cell at the top of its row: a row made taller by a cell on several lines reads
        // from its first line (a person's id beside the first of the periods).
        for bold in [false, true] {
            for format in formats {
                let id = formatID(format)
                let applied = (id != 0 ? " applyNumberFormat=\"1\"" : "") + (bold ? " applyFont=\"1\"" : "")
                xml += "<xf numFmtId=\"\(id)\" fontId=\"\(bold ? 1 : 0)\" fillId=\"0\" borderId=\"0\" xfId=\"0\"\(applied) applyAlignment=\"1\">"
                xml += "<alignment vertical=\"top\"/></xf>"
            }
        }
        for bold in [false, true] {  // text on several lines: wrapped, so the row grows to show it
            xml += "<xf numFmtId=\"0\" fontId=\"\(bold ? 1 : 0)\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\"\(bold ? " applyFont=\"1\"" : "")>"
            xml += "<alignment vertical=\"top\" wrapText=\"1\"/></xf>"
        }
        // Text columns: `@` (built-in format 49), so typed codes keep their leading zeros.
        xml += "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" applyAlignment=\"1\">"
        xml += "<alignment vertical=\"top\"/></xf>"
        for bold in [false, true] {  // years: `0`, aligned left
            xml += "<xf numFmtId=\"1\" fontId=\"\(bold ? 1 : 0)\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" applyAlignment=\"1\""
            xml += "\(bold ? " applyFont=\"1\"" : "")><alignment vertical=\"top\" horizontal=\"left\"/></xf>"
        }
        for wrapped in [false, true] {  // headings over figures: bold, aligned right (one line, or wrapped)
            xml += "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyAlignment=\"1\">"
            xml += "<alignment vertical=\"top\" horizontal=\"right\"\(wrapped ? " wrapText=\"1\"" : "")/></xf>"
        }
        xml += "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        return xml + "<dxfs count=\"0\"/><tableStyles count=\"0\"/></styleSheet>"
    }()

    /// Returns the cell style index of `format` (nil: the date format), bold or not.
    static func style(_ format: NumberFormat?, bold: Bool) -> Int {
        if format == .year { return formats.count * 2 + (bold ? 4 : 3) }
        return (formats.firstIndex(of: format) ?? 0) + (bold ? formats.count : 0)
    }

    /// Returns the cell style index of text on several lines (wrapped), bold or not.
    static func wrappedStyle(bold: Bool) -> Int { formats.count * 2 + (bold ? 1 : 0) }

    /// Returns the cell style index of a column's format.
    static func columnStyle(_ style: ColumnStyle) -> Int {
        switch style {
        case .text: formats.count * 2 + 2
        case .date: self.style(nil, bold: false)
        }
    }

    /// Returns `text` with the characters XML cannot hold, and carriage returns, written as
    /// Excel's `_xHHHH_` escapes, and any text that reads as such an escape protected with `_x005F_`.
    static func excelEscaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "_" || $0 == "\r" || !XMLEscaping.isAllowed($0) }) else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = ""
        for (index, scalar) in scalars.enumerated() {
            if scalar == "_", index + 6 < scalars.count, scalars[index + 1] == "x", scalars[index + 6] == "_",
                scalars[(index + 2)...(index + 5)].allSatisfy({ $0.properties.isASCIIHexDigit })
            {
                result += "_x005F_"
                continue
            }
            if scalar == "\r" || !XMLEscaping.isAllowed(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += "_x" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "_"
                continue
            }
            result.unicodeScalars.append(scalar)
        }
        return result
    }

    /// Returns the worksheet XML of `sheet`, its numbers already canonical; long lists refer to
    /// their column of the list sheet.
    /// The most characters Excel takes in a page header (its codes included).
    static let maximumHeaderLength = 255

    static func worksheet(_ sheet: WritableSheet, numbers: [[String?]], lists: [[String]], selected: Bool, printTitle: String? = nil) -> String {
        var xml = header + "<worksheet xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\">"
        if sheet.printsLandscapeFitToWidth {
            xml += "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"
        } else if sheet.isHidden {
            xml += "<sheetPr/>"
        }
        let lastColumn = sheet.rows.map(\.count).max() ?? 0
        let figureColumns = sheet.figureColumns
        if lastColumn > 0 { xml += "<dimension ref=\"A1:\(CellReference.a1(row: sheet.rows.count, column: lastColumn))\"/>" }
        xml += "<sheetViews><sheetView\(selected ? " tabSelected=\"1\"" : "") workbookViewId=\"0\">"
        if sheet.frozenRows > 0 {
            let topLeft = CellReference.a1(row: sheet.frozenRows + 1, column: 1)
            xml += "<pane ySplit=\"\(sheet.frozenRows)\" topLeftCell=\"\(topLeft)\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            xml += "<selection pane=\"bottomLeft\" activeCell=\"\(topLeft)\" sqref=\"\(topLeft)\"/>"
        }
        xml += "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>"
        let styledColumns = max(sheet.columnWidths.count, sheet.columnStyles.count)
        if sheet.columnWidths.contains(where: { $0 > 0 }) || sheet.columnStyles.contains(where: { $0 != nil }) {
            xml += "<cols>"
            for index in 0..<styledColumns {
                let width = index < sheet.columnWidths.count ? sheet.columnWidths[index] : 0
                let style = index < sheet.columnStyles.count ? sheet.columnStyles[index] : nil
                guard width > 0 || style != nil else { continue }
                let size = width > 0 ? "width=\"\(width).7109375\" customWidth=\"1\"" : "width=\"8.7109375\""
                xml += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" \(size)\(style.map { " style=\"\(columnStyle($0))\"" } ?? "")/>"
            }
            xml += "</cols>"
        }
        xml += "<sheetData>"
        for (rowIndex, row) in sheet.rows.enumerated() where row.contains(where: { $0 != .empty }) {
            let bold = rowIndex < sheet.frozenRows || sheet.boldRows.contains(rowIndex)
            // Rows with text on several lines get the height of their lines (15 points each):
            // spreadsheets do not grow rows of a file by themselves.
            let lines =
                row.map { cell in if case .text(let text) = cell { text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).count } else { 1 }
                }.max() ?? 1
            xml += lines > 1 ? "<row r=\"\(rowIndex + 1)\" ht=\"\(15 * lines)\" customHeight=\"1\">" : "<row r=\"\(rowIndex + 1)\">"
            for (columnIndex, cell) in row.enumerated() {
                let reference = CellReference.a1(row: rowIndex + 1, column: columnIndex + 1)
                switch cell {
                case .empty: continue
                case .text(let text):
                    // Text in a text column keeps the column's `@`, so editing it later keeps leading zeros.
                    let textColumn = !bold && columnIndex < sheet.columnStyles.count && sheet.columnStyles[columnIndex] == .text
                    let wrapped = text.contains(where: \.isNewline)
                    let index =
                        rowIndex < sheet.frozenRows && figureColumns.contains(columnIndex)
                        ? formats.count * 2 + (wrapped ? 6 : 5)
                        : wrapped ? wrappedStyle(bold: bold) : textColumn ? columnStyle(.text) : style(.general, bold: bold)
                    let styleAttribute = index == 0 ? "" : " s=\"\(index)\""
                    xml += "<c r=\"\(reference)\"\(styleAttribute) t=\"inlineStr\"><is><t xml:space=\"preserve\">"
                    xml += XMLEscaping.text(excelEscaped(text)) + "</t></is></c>"
                case .number(_, let format):
                    let value = rowIndex < numbers.count && columnIndex < numbers[rowIndex].count ? numbers[rowIndex][columnIndex] ?? "0" : "0"
                    let index = style(format, bold: bold)
                    xml += "<c r=\"\(reference)\"\(index == 0 ? "" : " s=\"\(index)\"")><v>\(value)</v></c>"
                case .date(let year, let month, let day):
                    let serial = SpreadsheetDates.serial1900(year: year, month: month, day: day) ?? 0
                    xml += "<c r=\"\(reference)\" s=\"\(style(nil, bold: bold))\"><v>\(serial)</v></c>"
                case .boolean(let value):
                    let styleAttribute = bold ? " s=\"\(style(.general, bold: true))\"" : ""
                    xml += "<c r=\"\(reference)\"\(styleAttribute) t=\"b\"><v>\(value ? 1 : 0)</v></c>"
                }
            }
            xml += "</row>"
        }
        xml += "</sheetData>"
        if !sheet.validations.isEmpty {
            xml += "<dataValidations count=\"\(sheet.validations.count)\">"
            for validation in sheet.validations {
                let column = CellReference.columnLetters(validation.column)
                let range = "\(column)\(validation.firstRow):\(column)\(validation.lastRow)"
                let formula: String
                if let listIndex = lists.firstIndex(of: validation.values) {
                    let listColumn = CellReference.columnLetters(listIndex + 1)
                    formula = "\(CellReference.quotedSheetName(listSheetName))!$\(listColumn)$1:$\(listColumn)$\(validation.values.count)"
                } else {
                    formula = "\"" + validation.values.joined(separator: ",") + "\""
                }
                let message = validation.message.map { " errorTitle=\"Valore non ammesso\" error=\"\(XMLEscaping.attribute($0))\"" } ?? ""
                xml += "<dataValidation type=\"list\" allowBlank=\"1\" showInputMessage=\"1\" showErrorMessage=\"1\"\(message) sqref=\"\(range)\">"
                xml += "<formula1>\(XMLEscaping.text(formula))</formula1></dataValidation>"
            }
            xml += "</dataValidations>"
        }
        xml += "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
        if sheet.printsLandscapeFitToWidth {
            xml += "<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
        }
        if let printTitle {
            // Header and footer codes: &L left, &R right, &A the sheet's name, &P page, &N pages; a
            // literal & is written &&. Excel takes at most 255 characters a header: a longer title
            // is cut, with «…», never inside a doubled &.
            var title = ""
            for character in printTitle {
                let written = character == "&" ? "&&" : String(character)
                guard title.utf16.count + written.utf16.count <= Self.maximumHeaderLength - 7 else {
                    title += "…"
                    break
                }
                title += written
            }
            // The title alone at the top (a long one ran into the sheet's name beside it: an
            // officer's trial); the sheet's name and the page at the foot.
            xml += "<headerFooter><oddHeader>\(XMLEscaping.text("&L" + title))</oddHeader>"
            xml += "<oddFooter>\(XMLEscaping.text("&L&A&CPagina &P di &N"))</oddFooter></headerFooter>"
        }
        return xml + "</worksheet>"
    }
}
