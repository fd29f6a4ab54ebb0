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
            if case .constant(let value) = municipality.residents { return .integer(value) }
            return .object(years.compactMap { year in municipality.residents.value(in: year).map { (String(year), JSONValue.integer($0)) } })
        }
        func percent(_ value: Fraction) -> JSONValue { .number(NumberFormatting.json(value, decimals: 4)) }
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
                            ("id", .string(record.id)), ("profilo", .string(record.profile)), ("contratto", .string(record.contract)),
                            ("ente", .object(employer)),
                            (
                                "periodi",
                                .array(
                                    record.periods.map { period in
                                        .object(
                                            [("dal", .string(period.start.iso))] + (period.end.map { [("al", JSONValue.string($0.iso))] } ?? [])
                                                + [("percentuale", percent(period.percentage))])
                                    })
                            ),
                        ]
                        if !record.areas.isEmpty {
                            members.append(
                                ("aree", .object(ActivityArea.allCases.compactMap { area in record.areas[area].map { (area.rawValue, percent($0)) } })))
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
                comuni.append("\(field(municipality.istatCode));\(field(municipality.name));\(municipality.residents.value(in: 2000) ?? 0)")
            }
        } else {
            comuni = ["codice_istat;denominazione;popolazione;anno"]
            for municipality in roster.municipalities {
                for year in years {
                    if let value = municipality.residents.value(in: year) {
                        comuni.append("\(field(municipality.istatCode));\(field(municipality.name));\(value);\(year)")
                    }
                }
            }
        }
        let areaColumns = ActivityArea.allCases.map { "area_\($0.rawValue)" }.joined(separator: ";")
        var staff = [
            "id;profilo;contratto;ente_tipo;ente_codice_istat;delega_funzioni;costo_rimborsato;impiegato_servizi_territoriali;dal;al;percentuale;\(areaColumns)"
        ]
        for record in roster.staff {
            let areas = ActivityArea.allCases.map { area in record.areas[area].map { NumberFormatting.spreadsheet($0, decimals: 4) } ?? "" }
            let person = [
                field(record.id), field(record.profile), field(record.contract), record.employer.kind.rawValue, field(record.employer.istatCode ?? ""),
                record.employer.delegatedFunctions ? "si" : "no", record.employer.costReimbursed ? "si" : "no",
                record.employedInTerritorialServices ? "si" : "no",
            ]
            for period in record.periods {
                let cells = person + [period.start.italian, period.end?.italian ?? "", NumberFormatting.spreadsheet(period.percentage, decimals: 4)] + areas
                staff.append(cells.joined(separator: ";"))
            }
        }
        return (ambito, comuni.joined(separator: "\n") + "\n", staff.joined(separator: "\n") + "\n")
    }

    /// Every year for which some comune gives its own figure, sorted; empty when all are constant.
    static func residentYears(_ roster: Roster) -> [Int] {
        var years: Set<Int> = []
        func collect(_ residents: Residents) {
            switch residents {
            case .constant: break
            case .byYear(let table): years.formUnion(table.keys)
            case .adjusted(let base, let table):
                collect(base)
                years.formUnion(table.keys)
            }
        }
        roster.municipalities.forEach { collect($0.residents) }
        return years.sorted()
    }
}
