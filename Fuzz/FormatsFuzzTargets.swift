// Fuzz targets for PotenziamentoFormats, compiled by scripts/fuzz.sh against the library built as
// its own module (swiftc -sanitize=fuzzer,address, same -package-name). The target is chosen with
// the environment variable POTENZIAMENTO_FUZZ_TARGET: deflate, workbook or workbook-xml. Besides
// "never crash", each target checks invariants (output within the limit, the same result twice,
// values written and read back unchanged); a violation is a crash.

import Foundation
import PotenziamentoFormats

@_cdecl("LLVMFuzzerTestOneInput")
public func potenziamentoFormatsFuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    switch ProcessInfo.processInfo.environment["POTENZIAMENTO_FUZZ_TARGET"] ?? "deflate" {
    case "deflate": FormatsFuzzTargets.deflate(bytes)
    case "workbook": FormatsFuzzTargets.workbook(bytes)
    case "workbook-xml": FormatsFuzzTargets.workbookXML(bytes)
    default: fatalError("unknown POTENZIAMENTO_FUZZ_TARGET")
    }
    return 0
}

enum FormatsFuzzTargets {
    static func check(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { fatalError("invariant violated: \(message())") }
    }

    /// Returns the output of inflating `bytes` with `limit`, or the error.
    static func inflate(_ bytes: [UInt8], limit: Int) -> Result<[UInt8], DeflateError> {
        Result { () throws(DeflateError) -> [UInt8] in try Inflate.inflate(bytes, limit: limit) }
    }

    /// Raw bytes as a DEFLATE stream: never beyond the limit, the same result twice, and a
    /// stream that decodes to n bytes decodes with limit n and stops with limit n - 1.
    static func deflate(_ bytes: [UInt8]) {
        let limit = 1 << 20
        let first = inflate(bytes, limit: limit)
        guard case .success(let output) = first else {
            check(inflate(bytes, limit: limit) == first, "two decodings differ")
            return
        }
        check(output.count <= limit, "output beyond the limit")
        guard output.count <= 256 << 10 else { return }  // the checks below decode again: small outputs only (speed)
        check(inflate(bytes, limit: limit) == first, "two decodings differ")
        check(inflate(bytes, limit: output.count) == .success(output), "exact limit refused")
        if !output.isEmpty {
            check(inflate(bytes, limit: output.count - 1) == .failure(.outputLimitExceeded(limit: output.count - 1)), "limit not enforced")
        }
        // The stored-entry ZIP of the output reads back with the same bytes and CRC-32.
        if let archive = try? ZIPWriter.archive([("x", output)]) {
            check((try? ZIPArchive(bytes: archive).contents(of: "x")) == output, "ZIP round trip")
        }
    }

    /// Any bytes as a workbook file.
    static func workbook(_ bytes: [UInt8]) {
        _ = try? WorkbookReader.detect(bytes)
        guard let workbook = try? WorkbookReader.read(bytes, limits: limits) else { return }
        checkAndRoundTrip(workbook)
    }

    /// The caps the fuzzed workbooks are read with: the standard ones but 100.000 cells. A cap is
    /// checked the same way at any value; at 10.000.000 cells, a few repeated rows made one input
    /// take 35 s under AddressSanitizer, past libFuzzer's timeout.
    static let limits: WorkbookLimits = {
        var limits = WorkbookLimits.standard
        limits.maximumCells = 100_000
        return limits
    }()

    /// The parts of a small valid .xlsx, and an .ods; the fuzz bytes replace one of them.
    static let xlsxParts: [(name: String, data: [UInt8])] = {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let parts = [
            (
                "xl/workbook.xml",
                "<workbook xmlns=\"\(main)\" xmlns:r=\"\(relationships)\"><sheets><sheet name=\"personale\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
            ),
            (
                "xl/_rels/workbook.xml.rels",
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"\(relationships)/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                    + "<Relationship Id=\"rId2\" Type=\"\(relationships)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
                    + "<Relationship Id=\"rId3\" Type=\"\(relationships)/styles\" Target=\"styles.xml\"/></Relationships>"
            ),
            (
                "xl/worksheets/sheet1.xml",
                "<worksheet xmlns=\"\(main)\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
                    + "<c r=\"C1\" s=\"1\"><v>45839</v></c><c r=\"D1\" s=\"2\"><v>0.5</v></c><c r=\"E1\" s=\"3\"><v>0.25</v></c></row></sheetData></worksheet>"
            ),
            ("xl/sharedStrings.xml", "<sst xmlns=\"\(main)\"><si><t>nome</t></si><si><r><t>a</t></r><r><t>b</t></r></si></sst>"),
            (
                "xl/styles.xml",
                "<styleSheet xmlns=\"\(main)\"><numFmts><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/></numFmts>"
                    + "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"20\"/><xf numFmtId=\"10\"/></cellXfs></styleSheet>"
            ),
        ]
        return parts.map { ($0.0, Array($0.1.utf8)) }
    }()

    /// The fuzz bytes (after the first, which picks the part) as one part of a valid workbook:
    /// 0 the worksheet, 1 the shared strings, 2 the styles, 3 the workbook part, 4 an .ods content.xml.
    static func workbookXML(_ bytes: [UInt8]) {
        guard let selector = bytes.first else { return }
        let xml = Array(bytes.dropFirst())
        let archive: [UInt8]?
        switch selector % 5 {
        case 4: archive = try? ZIPWriter.archive([("mimetype", Array("application/vnd.oasis.opendocument.spreadsheet".utf8)), ("content.xml", xml)])
        case let index:
            let names = ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml", "xl/workbook.xml"]
            archive = try? ZIPWriter.archive(xlsxParts.map { $0.name == names[Int(index)] ? ($0.name, xml) : $0 })
        }
        guard let archive, let workbook = try? WorkbookReader.read(archive, limits: limits) else { return }
        checkAndRoundTrip(workbook)
    }

    /// Checks the shape of a workbook read (sorted, unique, in range), then writes its plain
    /// values with both writers and checks they read back the same.
    static func checkAndRoundTrip(_ workbook: Workbook) {
        var cells = 0
        for sheet in workbook.sheets {
            for (previous, next) in zip(sheet.rows, sheet.rows.dropFirst()) { check(previous.index < next.index, "rows out of order") }
            for row in sheet.rows {
                check(!row.cells.isEmpty, "empty row kept")
                check((1...1_048_576).contains(row.index), "row out of range")
                for (previous, next) in zip(row.cells, row.cells.dropFirst()) { check(previous.column < next.column, "cells out of order") }
                for cell in row.cells {
                    check(cell.row == row.index && (1...16_384).contains(cell.column), "cell out of range")
                    check(cell.value != .empty, "empty cell kept")
                    check(row.cell(column: cell.column) == cell, "cell lookup")
                    if case .number(let text) = cell.value { check(DecimalText.canonical(text) == text, "number not canonical: \(text)") }
                    if case .text(let text) = cell.value { check(!text.isEmpty, "empty text") }
                    cells += 1
                }
            }
        }
        check(cells <= limits.maximumCells, "cell cap")
        // Round trip of the values the writers can hold, in small sheets only (fuzzing speed).
        guard workbook.sheets.allSatisfy({ ($0.rows.last?.index ?? 0) <= 2000 && $0.columnCount <= 100 }) else { return }
        var sheets: [WritableSheet] = []
        var expected: [[String: CellValue]] = []
        for sheet in workbook.sheets {
            var rows: [[WritableCell]] = Array(repeating: [], count: sheet.rows.last?.index ?? 0)
            var values: [String: CellValue] = [:]
            for row in sheet.rows {
                rows[row.index - 1] = Array(repeating: .empty, count: row.cells.last?.column ?? 0)
                for cell in row.cells {
                    let writable: WritableCell
                    switch cell.value {
                    case .text(let text) where text.utf16.count <= 32_767: writable = .text(text)
                    case .number(let number): writable = .number(number, .general)
                    case .boolean(let value): writable = .boolean(value)
                    case .date(let year, let month, let day) where year > 1900 || (year == 1900 && month > 2):
                        writable = .date(year: year, month: month, day: day)
                    default: continue
                    }
                    rows[row.index - 1][cell.column - 1] = writable
                    values[cell.reference] = cell.value
                }
            }
            sheets.append(WritableSheet(name: sheet.name, rows: rows, isHidden: sheet.isHidden))
            expected.append(values)
        }
        let document = WorkbookDocument(sheets: sheets)
        if let written = try? XLSXWriter.write(document) {
            guard let reread = try? WorkbookReader.read(written) else { fatalError("invariant violated: our .xlsx unreadable") }
            for (index, values) in expected.enumerated() {
                check(cellValues(of: reread.sheets[index]) == values, "xlsx round trip of sheet \(index)")
            }
        }
        if let written = try? ODSWriter.write(document) {
            guard let reread = try? WorkbookReader.read(written) else { fatalError("invariant violated: our .ods unreadable") }
            for (index, values) in expected.enumerated() {
                // .ods cannot hold control characters (written as U+FFFD) nor a lone CR (a line break).
                let comparable = values.filter { _, value in
                    guard case .text(let text) = value else { return true }
                    return !text.unicodeScalars.contains {
                        $0 == "\r" || ($0.value < 0x20 && $0 != "\t" && $0 != "\n") || $0.value == 0xFFFE || $0.value == 0xFFFF
                    }
                }
                let actual = cellValues(of: reread.sheets[index]).filter { comparable[$0.key] != nil || values[$0.key] == nil }
                check(actual == comparable, "ods round trip of sheet \(index)")
            }
        }
    }

    /// The values of a sheet by reference.
    static func cellValues(of sheet: Sheet) -> [String: CellValue] {
        var values: [String: CellValue] = [:]
        for row in sheet.rows { for cell in row.cells { values[cell.reference] = cell.value } }
        return values
    }
}
