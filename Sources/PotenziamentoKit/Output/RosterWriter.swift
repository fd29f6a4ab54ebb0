/// Writes a roster back in the input formats: `potenziamento.ambito.v1` JSON, or the three CSV
/// files of a folder (`;`, decimal comma). Reading what it writes gives the same roster (up to
/// source places), which the property tests check.
///
/// Residents given per year are written for every year any comune specifies; a comune with one
/// figure for all years is then written for each of those years in CSV.
public enum RosterWriter {
    /// The `potenziamento.ambito.v1` document.
    public static func json(_ roster: Roster) -> String {
        let years = residentYears(roster)
        func residents(_ municipality: Municipality) -> JSONValue {
            if municipality.residents.isSameEveryYear, let value = municipality.residents.everyYear { return .integer(value) }
            return .object(years.compactMap { year in municipality.residents.count(in: year).map { (String(year), JSONValue.integer($0)) } })
        }
        func percent(_ value: Fraction) -> JSONValue { .number(NumberFormatting.exactPlain(value, maximumDecimals: Bounds.percentageDecimals)) }
        func share(_ share: WorkShare) -> [(String, JSONValue)] {
            guard let hours = share.hours else { return [("percentuale", percent(share.percent))] }
            return [("oreSettimanali", percent(hours.weekly)), ("oreTempoPieno", percent(hours.fullTime))]
        }
        return JSONValue.object([
            ("formato", .string(RosterJSONReader.format)),
            (
                "ambito",
                .object(
                    [("codice", .string(roster.ambito.code)), ("denominazione", .string(roster.ambito.name))]
                        + (roster.ambito.region.map { [("regione", JSONValue.string($0))] } ?? [])
                        + [("funzioniDelegateAlCapofila", .bool(roster.ambito.allFunctionsDelegatedToLead))])
            ),
            (
                "comuni",
                .array(
                    roster.municipalities.map {
                        .object([("codiceIstat", .string($0.istatCode)), ("denominazione", .string($0.name)), ("popolazione", residents($0))])
                    })
            ),
            (
                "personale",
                .array(
                    roster.staff.map { record in
                        var employer: [(String, JSONValue)] = [("tipo", .string(record.employer.kind.rawValue))]
                        if let code = record.employer.istatCode { employer.append(("codiceIstat", .string(code))) }
                        if record.employer.kind == .asl {
                            employer += [
                                ("delegaFunzioni", .bool(record.employer.delegatedFunctions)), ("costoRimborsato", .bool(record.employer.costReimbursed)),
                            ]
                        }
                        var members: [(String, JSONValue)] = [
                            ("id", .string(record.id.text)), ("profilo", .string(record.profile.text)), ("contratto", .string(record.contract.text)),
                            ("ente", .object(employer)),
                            (
                                "periodi",
                                .array(
                                    record.periods.map { period in
                                        .object(
                                            [("dal", .string(period.start.iso))] + (period.end.map { [("al", JSONValue.string($0.iso))] } ?? [])
                                                + share(period.share))
                                    })
                            ),
                        ]
                        if record.areas.isSpecified {
                            members.append(
                                ("aree", .object(ActivityArea.allCases.compactMap { area in record.areas.shares[area].map { (area.rawValue, percent($0)) } })))
                        }
                        members.append(("impiegatoNeiServiziTerritoriali", .bool(record.employedInTerritorialServices)))
                        return .object(members)
                    })
            ),
        ]).rendered()
    }

    /// The texts of `ambito.csv`, `comuni.csv` and `personale.csv`.
    public static func csv(_ roster: Roster) -> (ambito: String, comuni: String, personale: String) {
        let field = AssessmentReport.csvField
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
