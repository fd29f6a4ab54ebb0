/// Writes a roster back in the input formats: `potenziamento.ambito.v1` JSON, or the three CSV
/// files of a folder (`;`, decimal comma). Reading what it writes gives the same roster (up to
/// source places), which the property tests check.
///
/// Residents given per year are written for every year any comune specifies; a comune with one
/// figure for all years is then written for each of those years in CSV.
enum RosterWriter {
    /// The `potenziamento.ambito.v1` document.
    static func json(_ roster: Roster) -> String {
        let years = residentYears(roster)
        let exact = { (value: Fraction) in NumberFormatting.exactPlain(value, maximumDecimals: Bounds.percentageDecimals) }
        return ReportOutput.collecting { output in
            var json = JSONWriter(output)
            json.object { json in
                json.member("formato", RosterJSONReader.format)
                json.member("ambito") { json in
                    json.member("codice", roster.ambito.code)
                    json.member("denominazione", roster.ambito.name)
                    if let region = roster.ambito.region { json.member("regione", region) }
                    json.member("funzioniDelegateAlCapofila", roster.ambito.allFunctionsDelegatedToLead)
                }
                json.member(array: "comuni") { json in
                    for municipality in roster.municipalities {
                        json.element { json in
                            json.member("codiceIstat", municipality.istatCode)
                            json.member("denominazione", municipality.name)
                            if municipality.residents.isSameEveryYear, let value = municipality.residents.everyYear {
                                json.member("popolazione", value)
                            } else {
                                json.member("popolazione") { json in
                                    for year in years { if let count = municipality.residents.count(in: year) { json.member(JSONKey(String(year)), count) } }
                                }
                            }
                        }
                    }
                }
                json.member(array: "personale") { json in
                    for record in roster.staff {
                        json.element { json in
                            json.member("id", record.id.text)
                            json.member("profilo", record.profile.text)
                            json.member("contratto", record.contract.text)
                            json.member("ente") { json in
                                json.member("tipo", record.employer.kind.rawValue)
                                if let code = record.employer.istatCode { json.member("codiceIstat", code) }
                                if record.employer.kind == .asl {
                                    json.member("delegaFunzioni", record.employer.delegatedFunctions)
                                    json.member("costoRimborsato", record.employer.costReimbursed)
                                }
                            }
                            json.member(array: "periodi") { json in
                                for period in record.periods {
                                    json.element { json in
                                        json.member("dal", period.start.iso)
                                        if let end = period.end { json.member("al", end.iso) }
                                        if let hours = period.share.hours {
                                            json.member("oreSettimanali", number: exact(hours.weekly))
                                            json.member("oreTempoPieno", number: exact(hours.fullTime))
                                        } else {
                                            json.member("percentuale", number: exact(period.share.percent))
                                        }
                                    }
                                }
                            }
                            if record.areas.isSpecified {
                                json.member("aree") { json in
                                    for area in ActivityArea.allCases {
                                        if let share = record.areas.shares[area] { json.member(JSONKey(area.rawValue), number: exact(share)) }
                                    }
                                }
                            }
                            json.member("impiegatoNeiServiziTerritoriali", record.employedInTerritorialServices)
                        }
                    }
                }
            }
        }
    }

    /// A value of the roster's tables, typed: CSV writes it as Italian text, a workbook as a
    /// typed cell.
    enum Cell: Equatable {
        case empty
        case text(String)
        /// A count shown with thousands separators (residents).
        case count(Int)
        /// A year (no separators).
        case year(Int)
        /// An exact decimal (percentages, hours, area shares).
        case decimal(Fraction)
        case date(CivilDate)
        case flag(Bool)
    }

    /// The tables `ambito`, `comuni` and `personale` with their header rows, in the columns of
    /// docs/formati.md; what CSV and workbooks write alike. Residents given per year are written
    /// one row per year (an `anno` column), the same every year with an empty `anno`.
    static func tables(_ roster: Roster) -> (ambito: [[Cell]], comuni: [[Cell]], personale: [[Cell]]) {
        let ambito: [[Cell]] = [
            Columns.ambito.map(Cell.text),
            [
                .text(roster.ambito.code), .text(roster.ambito.name), roster.ambito.region.map(Cell.text) ?? .empty,
                .flag(roster.ambito.allFunctionsDelegatedToLead),
            ],
        ]
        var comuni: [[Cell]] = [Columns.comuni.map(Cell.text)]
        for municipality in roster.municipalities {
            let code = Cell.text(municipality.istatCode)
            let name = Cell.text(municipality.name)
            // The figure for every year (empty anno), then those of single years: nothing is lost
            // when a comune has both.
            if let value = municipality.residents.everyYear { comuni.append([code, name, .count(value), .empty]) }
            if !municipality.residents.isSameEveryYear {
                for year in municipality.residents.byYear.keys.sorted() {
                    if let value = municipality.residents.byYear[year] { comuni.append([code, name, .count(value), .year(year)]) }
                }
            }
        }
        var personale: [[Cell]] = [Columns.personale.map(Cell.text)]
        for record in roster.staff {
            let areas = ActivityArea.allCases.map { area in record.areas.shares[area].map(Cell.decimal) ?? .empty }
            let person: [Cell] = [
                .text(record.id.text), .text(record.profile.text), .text(record.contract.text), .text(record.employer.kind.rawValue),
                record.employer.istatCode.map(Cell.text) ?? .empty,
                record.employer.kind == .asl ? .flag(record.employer.delegatedFunctions) : .empty,
                record.employer.kind == .asl ? .flag(record.employer.costReimbursed) : .empty, .flag(record.employedInTerritorialServices),
            ]
            for period in record.periods {
                let share: [Cell] =
                    period.share.hours.map { [.empty, .decimal($0.weekly), .decimal($0.fullTime)] } ?? [.decimal(period.share.percent), .empty, .empty]
                personale.append(person + [.date(period.start), period.end.map(Cell.date) ?? .empty] + share + areas)
            }
            // A person without periods: one row saying so in `dal`, the other cells of the period empty.
            if record.periods.isEmpty {
                let period = [Cell.text(RosterTableReader.Columns.noPeriod)] + [Cell](repeating: .empty, count: RosterTableReader.Columns.period.count - 1)
                personale.append(person + period + areas)
            }
        }
        return (ambito, comuni, personale)
    }

    /// The column order of the written tables (every name is one the readers know).
    enum Columns {
        static let ambito = RosterTableReader.Columns.ambitoRequired + RosterTableReader.Columns.ambitoOptional
        static let comuni = RosterTableReader.Columns.comuniRequired + RosterTableReader.Columns.comuniOptional
        static let personale =
            ["id", "profilo", "contratto", "ente_tipo", "ente_codice_istat", "delega_funzioni", "costo_rimborsato", "impiegato_servizi_territoriali"]
            + RosterTableReader.Columns.period + RosterTableReader.Columns.areas
    }

    /// The texts of `ambito.csv`, `comuni.csv` and `personale.csv` (`;`, decimal comma, dates
    /// `GG/MM/AAAA`, `si`/`no`).
    static func csv(_ roster: Roster) -> (ambito: String, comuni: String, personale: String) {
        func text(_ cell: Cell) -> String {
            switch cell {
            case .empty: ""
            case .text(let value): CellEscaping.quoted(value)
            case .count(let value), .year(let value): String(value)
            case .decimal(let value): NumberFormatting.exactPlain(value, maximumDecimals: Bounds.percentageDecimals, decimalMark: UInt8(ascii: ","))
            case .date(let date): date.italian
            case .flag(let flag): flag ? "si" : "no"
            }
        }
        func file(_ rows: [[Cell]]) -> String { rows.map { $0.map(text).joined(separator: ";") + "\n" }.joined() }
        let tables = tables(roster)
        return (file(tables.ambito), file(tables.comuni), file(tables.personale))
    }

    /// Every year for which some comune gives its own figure, sorted; empty when all are constant.
    static func residentYears(_ roster: Roster) -> [Int] {
        var years: Set<Int> = []
        for municipality in roster.municipalities { years.formUnion(municipality.residents.byYear.keys) }
        return years.sorted()
    }
}
