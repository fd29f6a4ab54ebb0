@testable import PotenziamentoFormats

/// A document with every kind of cell, format and list the writers support, for the round-trip,
/// determinism and LibreOffice tests.
enum SampleDocument {
    static let qualifiche = ["assistente_sociale", "amministrativo", "educatore", "psicologo"]
    /// 40 municipality names: more than Excel's 255 characters as an inline list.
    static let comuni = (1...40).map { "Comune numero \($0)" }

    static let document = WorkbookDocument(sheets: [
        WritableSheet(
            name: "personale", columnWidths: [8, 32, 12, 8, 14, 12, 20, 18], frozenRows: 1,
            rows: [
                ["id", "nome", "dal", "ore", "costo", "tempo pieno", "qualifica", "comune"].map { .text($0) },
                [
                    .text("P001"), .text("Rossi Mario"), .date(year: 2025, month: 7, day: 1), .number("36", .integer), .number("1234.56", .euro),
                    .boolean(true), .text("assistente_sociale"), .text("Comune numero 7"),
                ],
                [
                    .text("P002"), .text("  Bianchi  Anna  "), .date(year: 2024, month: 2, day: 29), .number("18", .integer), .number("0.5", .euro),
                    .boolean(false), .text("amministrativo"),
                ],
                [
                    .text("P003"), .text("città è più\nseconda riga"), .date(year: 1900, month: 3, day: 1), .number("22.5", .upTo4Decimals),
                    .number("-3.14159", .decimal4), .empty, .text("segni & <xml> \"virgolette\" _x0041_ e ' apostrofo"),
                ],
                [.text("P004"), .empty, .date(year: 9999, month: 12, day: 31), .number("1E-3", .decimal2), .number("1234567.891", .decimal2)],
                [],
                [.text("dopo una riga vuota"), .number("12345678901234567890.5", .general), .date(year: 2000, month: 2, day: 29)],
            ],
            validations: [
                .yesNo(column: 6, firstRow: 2, lastRow: 200), ListValidation(column: 7, firstRow: 2, lastRow: 200, values: qualifiche),
                ListValidation(column: 8, firstRow: 2, lastRow: 50, values: comuni),
            ]),
        WritableSheet(
            name: "Riepilogo 2025", columnWidths: [30, 16], frozenRows: 1,
            rows: [[.text("voce"), .text("importo")], [.text("totale"), .number("2469.12", .euro)], [.text("quota"), .number("0.4567", .decimal4)]]),
        WritableSheet(name: "nascosto", rows: [[.text("non si vede")]], isHidden: true),
    ])

    /// The values our readers should read back from the written files, by sheet and reference.
    static func expected(ods: Bool) -> [String: [String: CellValue]] {
        var personale: [String: CellValue] = [:]
        for (index, header) in ["id", "nome", "dal", "ore", "costo", "tempo pieno", "qualifica", "comune"].enumerated() {
            personale[CellReference.a1(row: 1, column: index + 1)] = .text(header)
        }
        personale["A2"] = .text("P001")
        personale["B2"] = .text("Rossi Mario")
        personale["C2"] = .date(year: 2025, month: 7, day: 1)
        personale["D2"] = .number("36")
        personale["E2"] = .number("1234.56")
        personale["F2"] = .boolean(true)
        personale["G2"] = .text("assistente_sociale")
        personale["H2"] = .text("Comune numero 7")
        personale["A3"] = .text("P002")
        personale["B3"] = .text("  Bianchi  Anna  ")
        personale["C3"] = .date(year: 2024, month: 2, day: 29)
        personale["D3"] = .number("18")
        personale["E3"] = .number("0.5")
        personale["F3"] = .boolean(false)
        personale["G3"] = .text("amministrativo")
        personale["A4"] = .text("P003")
        personale["B4"] = .text("città è più\nseconda riga")
        personale["C4"] = .date(year: 1900, month: 3, day: 1)
        personale["D4"] = .number("22.5")
        personale["E4"] = .number("-3.14159")
        personale["G4"] = .text("segni & <xml> \"virgolette\" _x0041_ e ' apostrofo")
        personale["A5"] = .text("P004")
        personale["C5"] = .date(year: 9999, month: 12, day: 31)
        personale["D5"] = .number("0.001")
        personale["E5"] = .number("1234567.891")
        personale["A7"] = .text("dopo una riga vuota")
        personale["B7"] = .number("12345678901234567890.5")
        personale["C7"] = .date(year: 2000, month: 2, day: 29)
        let riepilogo: [String: CellValue] = [
            "A1": .text("voce"), "B1": .text("importo"), "A2": .text("totale"), "B2": .number("2469.12"), "A3": .text("quota"), "B3": .number("0.4567"),
        ]
        var sheets = ["personale": personale, "Riepilogo 2025": riepilogo, "nascosto": ["A1": .text("non si vede")]]
        if !ods {
            var lists: [String: CellValue] = [:]
            for (index, comune) in comuni.enumerated() { lists["A\(index + 1)"] = .text(comune) }
            sheets[XLSXWriter.listSheetName] = lists
        }
        return sheets
    }

    /// The values of `workbook` by sheet and reference.
    static func values(_ workbook: Workbook) -> [String: [String: CellValue]] {
        var sheets: [String: [String: CellValue]] = [:]
        for sheet in workbook.sheets {
            var values: [String: CellValue] = [:]
            for row in sheet.rows { for cell in row.cells { values[cell.reference] = cell.value } }
            sheets[sheet.name] = values
        }
        return sheets
    }
}
