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
                                    for year in years { if let count = municipality.residents.count(in: year) { json.member(String(year), count) } }
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
                                    for area in ActivityArea.allCases { if let share = record.areas.shares[area] { json.member(area.rawValue, number: exact(share)) } }
                                }
                            }
                            json.member("impiegatoNeiServiziTerritoriali", record.employedInTerritorialServices)
                        }
                    }
                }
            }
        }
    }

    /// The texts of `ambito.csv`, `comuni.csv` and `personale.csv`.
    static func csv(_ roster: Roster) -> (ambito: String, comuni: String, personale: String) {
        let field = CellEscaping.quoted
        let ambito =
            "codice;denominazione;regione;funzioni_delegate_al_capofila\n"
            + [
                field(roster.ambito.code), field(roster.ambito.name), field(roster.ambito.region ?? ""),
                roster.ambito.allFunctionsDelegatedToLead ? "si" : "no",
            ]
            .joined(separator: ";") + "\n"
        let years = residentYears(roster)
        var comuni: [String]
        if years.isEmpty {
            comuni = ["codice_istat;denominazione;popolazione"]
            for municipality in roster.municipalities {
                comuni.append("\(field(municipality.istatCode));\(field(municipality.name));\(municipality.residents.everyYear ?? 0)")
            }
        } else {
            comuni = ["codice_istat;denominazione;popolazione;anno"]
            for municipality in roster.municipalities {
                for year in years {
                    if let value = municipality.residents.count(in: year) {
                        comuni.append("\(field(municipality.istatCode));\(field(municipality.name));\(value);\(year)")
                    }
                }
            }
        }
        let areaColumns = ActivityArea.allCases.map { "area_\($0.rawValue)" }.joined(separator: ";")
        var staff = [
            "id;profilo;contratto;ente_tipo;ente_codice_istat;delega_funzioni;costo_rimborsato;impiegato_servizi_territoriali;dal;al;percentuale;ore_settimanali;ore_tempo_pieno;\(areaColumns)"
        ]
        for record in roster.staff {
            let areas = ActivityArea.allCases.map { area in
                record.areas.shares[area].map { NumberFormatting.exactPlain($0, maximumDecimals: Bounds.percentageDecimals, decimalMark: UInt8(ascii: ",")) } ?? ""
            }
            let person = [
                field(record.id.text), field(record.profile.text), field(record.contract.text), record.employer.kind.rawValue, field(record.employer.istatCode ?? ""),
                record.employer.delegatedFunctions ? "si" : "no", record.employer.costReimbursed ? "si" : "no",
                record.employedInTerritorialServices ? "si" : "no",
            ]
            for period in record.periods {
                let exact = { (value: Fraction) in NumberFormatting.exactPlain(value, maximumDecimals: Bounds.percentageDecimals, decimalMark: UInt8(ascii: ",")) }
                let share =
                    period.share.hours.map { ["", exact($0.weekly), exact($0.fullTime)] } ?? [exact(period.share.percent), "", ""]
                let cells = person + [period.start.italian, period.end?.italian ?? ""] + share + areas
                staff.append(cells.joined(separator: ";"))
            }
        }
        return (ambito, comuni.joined(separator: "\n") + "\n", staff.joined(separator: "\n") + "\n")
    }

    /// Every year for which some comune gives its own figure, sorted; empty when all are constant.
    static func residentYears(_ roster: Roster) -> [Int] {
        var years: Set<Int> = []
        for municipality in roster.municipalities { years.formUnion(municipality.residents.byYear.keys) }
        return years.sorted()
    }
}
