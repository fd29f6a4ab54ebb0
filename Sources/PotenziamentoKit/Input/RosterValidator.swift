/// The checks of a roster that do not depend on the input form (JSON or CSV) nor on a year:
/// duplicate ids and comuni, periods (`al` before `dal`, overlaps), area splits summing to 100,
/// employers of the right kind and comune. All problems are reported in one pass.
public enum RosterValidator {
    /// The diagnostics of `roster`.
    public static func validate(_ roster: Roster) -> Diagnostics {
        var diagnostics = Diagnostics()
        var comuni: [String: SourcePlace] = [:]
        for municipality in roster.municipalities {
            if let earlier = comuni[municipality.istatCode] {
                diagnostics.error(municipality.place, "comune \(municipality.istatCode) ripetuto (già in \(earlier))")
            } else {
                comuni[municipality.istatCode] = municipality.place
            }
            let code = municipality.istatCode
            if !(code.utf8.count == 6 && code.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }) {
                diagnostics.warning(
                    municipality.place,
                    "il codice ISTAT «\(code)» non ha 6 cifre: un foglio di calcolo potrebbe aver tolto uno zero iniziale")
            }
            if case .byYear(let table) = municipality.residents, table.isEmpty {
                diagnostics.error(municipality.place, "nessuna popolazione indicata per il comune \(code)")
            }
        }
        if roster.municipalities.isEmpty {
            diagnostics.error(SourcePlace(file: roster.source, position: .file), "l'ambito non ha comuni: serve almeno un comune con la sua popolazione")
        }
        var ids: [String: Int] = [:]
        ids.reserveCapacity(roster.staff.count)
        roster.staff.withUnsafeBufferPointer { staff in
            for position in staff.indices {
                validate(staff[position], position: position, in: roster, ids: &ids, comuni: comuni, diagnostics: &diagnostics)
            }
        }
        return diagnostics
    }

    /// The checks of one record (borrowed, not copied: this runs once per record).
    private static func validate(
        _ record: borrowing StaffRecord, position: Int, in roster: Roster, ids: inout [String: Int], comuni: [String: SourcePlace],
        diagnostics: inout Diagnostics
    ) {
        if let earlier = ids.updateValue(position, forKey: record.id) {
            ids[record.id] = earlier
            diagnostics.error(
                record.place,
                "id «\(record.id)» ripetuto (già in \(roster.staff[earlier].place)); una persona in comando va indicata una sola volta, presso l'ente che ne sostiene il costo"
            )
        }
        validateEmployer(record, comuni: comuni, diagnostics: &diagnostics)
        validatePeriods(record, diagnostics: &diagnostics)
        if !record.areas.isEmpty && !areasSumToHundred(record.areas) {
            let sum = record.areas.values.sum()
            diagnostics.error(
                record.place.field("aree"), "le percentuali per area di «\(record.id)» sommano a \(NumberFormatting.italian(sum, decimals: 2)), non a 100")
        }
    }

    /// Whether the shares add up to exactly 100. Shares read from input have at most 4 decimals,
    /// so they are summed as integers (per 10.000); others as fractions.
    static func areasSumToHundred(_ areas: [ActivityArea: Fraction]) -> Bool {
        var total: Int64 = 0
        for share in areas.values {
            guard let scaled = share.exactlyScaled(by: 10_000), let small = Int64(exactly: scaled), small >= 0, small <= 1_000_000 else {
                return areas.values.sum() == Fraction(100)
            }
            total += small
        }
        return total == 1_000_000
    }

    static func validateEmployer(_ record: borrowing StaffRecord, comuni: [String: SourcePlace], diagnostics: inout Diagnostics) {
        // Built only for a message (a JSON place is an allocation).
        var place: SourcePlace { record.place.field("ente") }
        switch record.employer.kind {
        case .comune:
            guard let code = record.employer.istatCode, !code.isEmpty else {
                diagnostics.error(place.field("codiceIstat"), "per un dipendente di un comune serve il codice ISTAT del comune")
                return
            }
            if comuni[code] == nil {
                diagnostics.error(
                    place.field("codiceIstat"), "il comune \(code) non fa parte dell'ambito (comuni: \(comuni.keys.sorted().joined(separator: ", ")))")
            }
        case .comuneCapofila:
            if let code = record.employer.istatCode, comuni[code] == nil {
                diagnostics.error(place.field("codiceIstat"), "il comune capofila \(code) non fa parte dell'ambito")
            }
        default:
            break
        }
        if record.employer.kind != .asl && (record.employer.delegatedFunctions || record.employer.costReimbursed) {
            diagnostics.warning(place, "delegaFunzioni e costoRimborsato valgono solo per un ente di tipo asl: qui sono ignorati")
        }
    }

    static func validatePeriods(_ record: borrowing StaffRecord, diagnostics: inout Diagnostics) {
        if record.periods.isEmpty {
            diagnostics.warning(record.place, "«\(record.id)» non ha periodi di servizio: non conta in nessun anno")
        }
        if record.periods.count == 1, let only = record.periods.first, only.end.map({ only.start <= $0 }) ?? true {
            return  // one well-ordered period: nothing can overlap
        }
        var valid: [ServicePeriod] = []
        for period in record.periods {
            if let end = period.end, end < period.start {
                diagnostics.error(period.place.field("al"), "la data di fine \(end.italian) è precedente all'inizio \(period.start.italian)")
            } else {
                valid.append(period)
            }
        }
        let sorted = valid.sorted { $0.start < $1.start }
        for (previous, next) in zip(sorted, sorted.dropFirst()) {
            let overlaps = previous.end.map { next.start <= $0 } ?? true
            if overlaps {
                let until = previous.end.map { "al \($0.italian)" } ?? "senza data di fine"
                diagnostics.error(
                    next.place.field("dal"),
                    "il periodo dal \(next.start.italian) di «\(record.id)» si sovrappone a quello dal \(previous.start.italian) \(until) (\(previous.place))")
            }
        }
    }
}
