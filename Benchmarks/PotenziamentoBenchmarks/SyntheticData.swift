import PotenziamentoKit

/// Deterministic synthetic inputs for the benchmarks (a fixed linear congruential generator, so
/// every run measures the same bytes).
struct SyntheticData {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }

    /// A roster of `persons` staff records over `comuni` comuni, as JSON text.
    mutating func rosterJSON(persons: Int, comuni: Int) -> String {
        var parts: [String] = []
        parts.reserveCapacity(persons + comuni + 4)
        parts.append(#"{"formato": "potenziamento.ambito.v1", "ambito": {"codice": "BENCH", "denominazione": "Ambito sintetico"}, "comuni": ["#)
        parts.append(
            (0..<comuni).map { index in
                #"{"codiceIstat": "\#(istat(index))", "denominazione": "Comune \#(index)", "popolazione": \#(20_000 + next(80_000))}"#
            }.joined(separator: ",\n"))
        parts.append(#"], "personale": ["#)
        var staff: [String] = []
        staff.reserveCapacity(persons)
        for (index, row) in staffRows(persons: persons, comuni: comuni).enumerated() {
            _ = index
            staff.append(
                #"{"id": "\#(row.id)", "profilo": "\#(row.profile)", "contratto": "\#(row.contract)", "ente": {"tipo": "comune", "codiceIstat": "\#(row.istat)"}, "periodi": [{"dal": "\#(row.start)", "percentuale": \#(row.percentage)}], "aree": {"segretariato_sociale": 40, "servizio_sociale_professionale": 60}}"#
            )
        }
        parts.append(staff.joined(separator: ",\n"))
        parts.append("]}\n")
        return parts.joined(separator: "\n")
    }

    /// The same kind of roster as the texts of `comuni.csv` and `personale.csv`.
    mutating func rosterCSV(persons: Int, comuni: Int) -> (comuni: String, personale: String) {
        var comuniLines = ["codice_istat;denominazione;popolazione"]
        for index in 0..<comuni { comuniLines.append("\(istat(index));Comune \(index);\(20_000 + next(80_000))") }
        var staffLines = [
            "id;profilo;contratto;ente_tipo;ente_codice_istat;dal;al;percentuale;area_segretariato_sociale;area_servizio_sociale_professionale"
        ]
        staffLines.reserveCapacity(persons + 1)
        for row in staffRows(persons: persons, comuni: comuni) {
            staffLines.append("\(row.id);\(row.profile);\(row.contract);comune;\(row.istat);\(row.start);;\(row.percentage);40;60")
        }
        return (comuniLines.joined(separator: "\n") + "\n", staffLines.joined(separator: "\n") + "\n")
    }

    struct Row {
        let id: String
        let profile: String
        let contract: String
        let istat: String
        let start: String
        let percentage: String
    }

    mutating func staffRows(persons: Int, comuni: Int) -> [Row] {
        (0..<persons).map { index in
            let month = 1 + next(12)
            let day = 1 + next(28)
            return Row(
                id: "P\(index)", profile: next(20) == 0 ? "educatore" : "assistente_sociale",
                contract: next(10) == 0 ? "tempo_determinato" : "tempo_indeterminato", istat: istat(next(comuni)),
                start: "20\(20 + next(6))-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)",
                percentage: ["100", "50", "83.33", "66.67", "75"][next(5)])
        }
    }

    func istat(_ index: Int) -> String {
        let text = String(index + 1)
        return "0" + String(repeating: "0", count: max(0, 5 - text.count)) + text
    }
}
