import Foundation

/// A fixed linear congruential generator: every run generates the same bytes.
struct SeededGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A number in `0..<bound`.
    mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(max(1, bound)))
    }

    /// A number in `0..<1000` (for probabilities in per mille).
    mutating func perMille() -> Int { next(1000) }
}

/// One ATS as the benchmark writes it, in JSON (`potenziamento.ambito.v1`) and as a CSV folder.
struct SyntheticAmbito {
    struct Comune {
        let code: String
        let name: String
        /// Residents in 2025 and 2026; `byYear` false: one figure for every year.
        let residents2025: Int
        let residents2026: Int
        let byYear: Bool
    }

    enum Share {
        case percent(String)
        case hours(weekly: Int, fullTime: Int?)
    }

    struct Period {
        let start: (Int, Int, Int)
        let end: (Int, Int, Int)?
        let share: Share
    }

    struct Person {
        let id: String
        let profile: String
        let contract: String
        let employerKind: String
        let employerCode: String?
        let delegated: Bool?
        let reimbursed: Bool?
        let employed: Bool?
        let periods: [Period]
        let areas: [(String, Int)]
    }

    let code: String
    let name: String
    let region: String
    let delegatedToLead: Bool
    let comuni: [Comune]
    let staff: [Person]

    var residents2025: Int { comuni.reduce(0) { $0 + $1.residents2025 } }
}

/// The realistic national picture: 600 ATS from 9.000 to 2.750.000 residents (59 million in all),
/// about 12.600 people, ATS-level employers, part-time in hours, periods that start and end inside
/// the year; and the rosters of one very large ATS.
enum NationalData {
    static let regions = [
        "Piemonte", "Valle d'Aosta", "Lombardia", "Trentino-Alto Adige", "Veneto", "Friuli Venezia Giulia", "Liguria", "Emilia-Romagna",
        "Toscana", "Umbria", "Marche", "Lazio", "Abruzzo", "Molise", "Campania", "Puglia", "Basilicata", "Calabria", "Sicilia", "Sardegna",
    ]
    static let namePrefixes = ["San", "Santa", "Borgo", "Castel", "Monte", "Villa", "Rocca", "Pieve", "Poggio", "Colle", "Forlì", "Città di"]
    static let nameStems = [
        "Martino", "Giorgio", "Agata", "Lorenzo", "Nicolò", "Vito", "Maria", "Fiore", "Sieve", "Adige", "Arno", "Piave", "Tevere", "Serchio",
        "Bormida", "Sangro", "Crati", "Tirso", "Olona", "Brenta",
    ]
    static let areaCodes = [
        "segretariato_sociale", "servizio_sociale_professionale", "famiglia_minori_anziani_autosufficienti", "disabilita_non_autosufficienza",
        "poverta_disagio_adulti",
    ]

    /// The residents of the 600 ATS, largest first: 2.750.000 for the first, then 599 ATS on a
    /// skewed curve from 9.000 to 1.400.000 (median about 62.000; 59 million residents in all),
    /// interpolated in logarithm between these quantiles.
    static func populations() -> [Int] {
        let quantiles: [(Double, Double)] = [
            (0, 9_000), (0.1, 22_000), (0.25, 38_000), (0.5, 62_000), (0.75, 105_000), (0.9, 175_000), (0.97, 300_000), (0.99, 550_000),
            (1, 1_400_000),
        ]
        var result = [2_750_000]
        for index in 0..<599 {
            let u = Double(598 - index) / 598
            let upper = quantiles.firstIndex { $0.0 >= u } ?? quantiles.count - 1
            let (a, low) = quantiles[max(0, upper - 1)]
            let (b, high) = quantiles[upper]
            let t = b > a ? (u - a) / (b - a) : 0
            result.append(Int(exp(log(low) + t * (log(high) - log(low))).rounded()))
        }
        return result
    }

    /// The ATS number `index` (0 is the largest) with `residents`.
    static func ambito(index: Int, residents: Int, generator: inout SeededGenerator) -> SyntheticAmbito {
        let isLargest = index == 0
        let comuniCount = isLargest ? 90 : 1 + generator.next(min(60, max(1, residents / 3_500)))
        let staffCount = isLargest ? 1_000 : max(1, Int((Double(residents) / 4_850.0 * Double(60 + generator.next(81)) / 100.0).rounded()))
        let code = "ATS-\(pad(index + 1, 3))"
        let region = regions[index % regions.count]
        let name = "Ambito territoriale n. \(index + 1) \(namePrefixes[index % namePrefixes.count]) \(nameStems[index % nameStems.count])"
        let comuni = makeComuni(ambito: index, count: comuniCount, residents: residents, generator: &generator)
        var staff: [SyntheticAmbito.Person] = []
        staff.reserveCapacity(staffCount)
        for number in 0..<staffCount {
            staff.append(person(id: "AS-\(pad(number + 1, 4))", comuni: comuni, generator: &generator))
        }
        return SyntheticAmbito(
            code: code, name: name, region: region, delegatedToLead: generator.perMille() < 50, comuni: comuni, staff: staff)
    }

    /// One ATS with `records` staff records over `comuniCount` comuni (the 1.000.000-record roster).
    static func bigRoster(records: Int, comuniCount: Int, generator: inout SeededGenerator) -> SyntheticAmbito {
        let comuni = makeComuni(ambito: 999, count: comuniCount, residents: 95_000_000, generator: &generator)
        var staff: [SyntheticAmbito.Person] = []
        staff.reserveCapacity(records)
        for number in 0..<records {
            staff.append(person(id: "AS-\(pad(number + 1, 7))", comuni: comuni, generator: &generator))
        }
        return SyntheticAmbito(
            code: "ATS-GRANDE", name: "Ambito sintetico di \(records) record", region: "Lazio", delegatedToLead: false, comuni: comuni, staff: staff)
    }

    static func makeComuni(ambito: Int, count: Int, residents: Int, generator: inout SeededGenerator) -> [SyntheticAmbito.Comune] {
        // The capoluogo weighs 20-60, the others 1-10; every comune gets at least 200 residents.
        let weights = (0..<count).map { $0 == 0 ? 20 + generator.next(41) : 1 + generator.next(10) }
        let total = weights.reduce(0, +)
        var left = residents - 200 * count
        var result: [SyntheticAmbito.Comune] = []
        for index in 0..<count {
            let share = index == count - 1 ? left : (residents - 200 * count) * weights[index] / total
            left -= share
            let people = 200 + share
            let byYear = generator.perMille() < 200
            let change = byYear ? people / 100 - generator.next(max(1, people / 50)) : 0
            let name = "\(namePrefixes[(ambito + index) % namePrefixes.count]) \(nameStems[(ambito * 7 + index) % nameStems.count]) \(index + 1)"
            result.append(
                SyntheticAmbito.Comune(
                    code: pad(ambito % 999 + 1, 3) + pad(index + 1, 3), name: name, residents2025: people, residents2026: people + change, byYear: byYear))
        }
        return result
    }

    static func person(id: String, comuni: [SyntheticAmbito.Comune], generator: inout SeededGenerator) -> SyntheticAmbito.Person {
        let profileDraw = generator.perMille()
        let profile =
            profileDraw < 930
            ? "assistente_sociale"
            : profileDraw < 950 ? "Assistente sociale coordinatore" : ["educatore_professionale", "psicologo", "istruttore_amministrativo"][generator.next(3)]
        let contractDraw = generator.perMille()
        let contract =
            contractDraw < 870
            ? "tempo_indeterminato" : contractDraw < 890 ? "T.I." : contractDraw < 970 ? "tempo_determinato" : "somministrazione"
        var kind = "comune"
        var code: String? = comuni[generator.next(comuni.count)].code
        var delegated: Bool?
        var reimbursed: Bool?
        let employerDraw = generator.perMille()
        switch employerDraw {
        case 0..<640: break
        case 640..<710:
            kind = "comune_capofila"
            code = comuni[0].code
        case 710..<770: kind = "unione_di_comuni"
        case 770..<820: kind = "consorzio"
        case 820..<870: kind = "azienda_speciale_consortile"
        case 870..<905: kind = "ambito"
        case 905..<935:
            kind = "asl"
            delegated = true
        case 935..<945:
            kind = "asl"
            reimbursed = true
        case 945..<955: kind = "asl"
        case 955..<975: kind = "asp"
        case 975..<985: kind = "societa_della_salute"
        case 985..<993: kind = "privato_appalto"
        default: kind = "terzo_settore_appalto"
        }
        if kind != "comune" && kind != "comune_capofila" { code = nil }
        let employed: Bool? = generator.perMille() < 10 ? false : nil
        let periods = makePeriods(generator: &generator)
        var areas: [(String, Int)] = []
        if generator.perMille() >= 250 {
            let splits = [[100], [30, 70], [50, 50], [40, 30, 30], [20, 80], [60, 20, 20], [25, 25, 25, 25]]
            let split = splits[generator.next(splits.count)]
            let first = generator.next(areaCodes.count)
            for (offset, value) in split.enumerated() { areas.append((areaCodes[(first + offset) % areaCodes.count], value)) }
        }
        return SyntheticAmbito.Person(
            id: id, profile: profile, contract: contract, employerKind: kind, employerCode: code, delegated: delegated, reimbursed: reimbursed,
            employed: employed, periods: periods, areas: areas)
    }

    static func share(generator: inout SeededGenerator) -> SyntheticAmbito.Share {
        switch generator.perMille() {
        case 0..<700: .percent("100")
        case 700..<850: .hours(weekly: 30, fullTime: nil)
        case 850..<900: .hours(weekly: 18, fullTime: 36)
        case 900..<950: .percent("50")
        default: .percent("83.33")
        }
    }

    static func makePeriods(generator: inout SeededGenerator) -> [SyntheticAmbito.Period] {
        func day() -> Int { 1 + generator.next(28) }
        func month() -> Int { 1 + generator.next(12) }
        let draw = generator.perMille()
        switch draw {
        case 0..<620:
            // In service since before the year, open-ended.
            return [.init(start: (2005 + generator.next(19), month(), day()), end: nil, share: share(generator: &generator))]
        case 620..<720:
            // Hired during 2025.
            return [.init(start: (2025, month(), day()), end: nil, share: share(generator: &generator))]
        case 720..<800:
            // Left during 2025.
            return [.init(start: (2008 + generator.next(16), month(), day()), end: (2025, month(), day()), share: share(generator: &generator))]
        case 800..<900:
            // Full time, then 30 hours of 36 from a day of 2025 (or the other way round).
            let changeMonth = 2 + generator.next(10)
            let fullTimeFirst = generator.next(2) == 0
            let before: SyntheticAmbito.Share = fullTimeFirst ? .percent("100") : .hours(weekly: 30, fullTime: nil)
            let after: SyntheticAmbito.Share = fullTimeFirst ? .hours(weekly: 30, fullTime: nil) : .percent("100")
            // Continuous, as a change of contract is: the first period ends on the last day of its
            // month, the second starts the next day (ending on the 28th left two or three days
            // without service, which the roster's checks now name as a likely typo).
            let lastDay = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][changeMonth - 1]
            return [
                .init(start: (2012 + generator.next(12), month(), day()), end: (2025, changeMonth, lastDay), share: before),
                .init(start: (2025, changeMonth + 1, 1), end: nil, share: after),
            ]
        case 900..<950:
            // Planned hire in 2026 (the previsione of the prospetto).
            return [.init(start: (2026, month(), 1), end: nil, share: share(generator: &generator))]
        default:
            // A period inside 2025.
            let startMonth = 1 + generator.next(6)
            return [.init(start: (2025, startMonth, day()), end: (2025, startMonth + 1 + generator.next(6), day()), share: share(generator: &generator))]
        }
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}

/// Writes text to a file through a large buffer (the 1.000.000-record roster is hundreds of MB).
final class TextFile {
    private let handle: UnsafeMutablePointer<FILE>
    private var buffer: [UInt8] = []

    init(path: String) throws {
        guard let handle = fopen(path, "w") else { throw BenchmarkError("impossibile scrivere \(path)") }
        self.handle = handle
        buffer.reserveCapacity(1 << 20)
    }

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { flush() }
    }

    func flush() {
        buffer.withUnsafeBufferPointer { _ = fwrite($0.baseAddress, 1, $0.count, handle) }
        buffer.removeAll(keepingCapacity: true)
    }

    func close() {
        flush()
        fclose(handle)
    }
}

struct BenchmarkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension SyntheticAmbito {
    private static func isoDate(_ date: (Int, Int, Int)) -> String {
        "\(date.0)-\(NationalData.pad(date.1, 2))-\(NationalData.pad(date.2, 2))"
    }

    private static func italianDate(_ date: (Int, Int, Int)) -> String {
        "\(NationalData.pad(date.2, 2))/\(NationalData.pad(date.1, 2))/\(date.0)"
    }

    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// The ATS as a `potenziamento.ambito.v1` document, indented as a person would save it.
    func writeJSON(to path: String) throws {
        let file = try TextFile(path: path)
        file.write("{\n  \"formato\": \"potenziamento.ambito.v1\",\n  \"ambito\": {\n")
        file.write("    \"codice\": \(Self.quoted(code)),\n    \"denominazione\": \(Self.quoted(name)),\n")
        file.write("    \"regione\": \(Self.quoted(region)),\n    \"funzioniDelegateAlCapofila\": \(delegatedToLead)\n  },\n  \"comuni\": [\n")
        for (index, comune) in comuni.enumerated() {
            let residents =
                comune.byYear ? "{\"2025\": \(comune.residents2025), \"2026\": \(comune.residents2026)}" : String(comune.residents2025)
            file.write(
                "    {\"codiceIstat\": \"\(comune.code)\", \"denominazione\": \(Self.quoted(comune.name)), \"popolazione\": \(residents)}"
                    + (index == comuni.count - 1 ? "\n" : ",\n"))
        }
        file.write("  ],\n  \"personale\": [\n")
        for (index, person) in staff.enumerated() {
            var text = "    {\n      \"id\": \(Self.quoted(person.id)),\n      \"profilo\": \(Self.quoted(person.profile)),\n"
            text += "      \"contratto\": \(Self.quoted(person.contract)),\n      \"ente\": {\"tipo\": \"\(person.employerKind)\""
            if let code = person.employerCode { text += ", \"codiceIstat\": \"\(code)\"" }
            if let delegated = person.delegated { text += ", \"delegaFunzioni\": \(delegated)" }
            if let reimbursed = person.reimbursed { text += ", \"costoRimborsato\": \(reimbursed)" }
            text += "},\n      \"periodi\": [\n"
            for (number, period) in person.periods.enumerated() {
                text += "        {\"dal\": \"\(Self.isoDate(period.start))\""
                if let end = period.end { text += ", \"al\": \"\(Self.isoDate(end))\"" }
                switch period.share {
                case .percent(let value): text += ", \"percentuale\": \(value)}"
                case .hours(let weekly, let fullTime):
                    text += ", \"oreSettimanali\": \(weekly)" + (fullTime.map { ", \"oreTempoPieno\": \($0)" } ?? "") + "}"
                }
                text += number == person.periods.count - 1 ? "\n" : ",\n"
            }
            text += "      ]"
            if !person.areas.isEmpty {
                text += ",\n      \"aree\": {" + person.areas.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
            }
            if let employed = person.employed { text += ",\n      \"impiegatoNeiServiziTerritoriali\": \(employed)" }
            text += index == staff.count - 1 ? "\n    }\n" : "\n    },\n"
            file.write(text)
        }
        file.write("  ]\n}\n")
        file.close()
    }

    /// The ATS as a folder with `ambito.csv`, `comuni.csv` and `personale.csv` (`;`, decimal
    /// comma, dates GG/MM/AAAA, sì/no: what a spreadsheet on Italian Windows saves).
    func writeCSV(to folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let ambito = try TextFile(path: folder + "/ambito.csv")
        ambito.write("codice;denominazione;regione;funzioni_delegate_al_capofila\n\(code);\(name);\(region);\(delegatedToLead ? "si" : "no")\n")
        ambito.close()
        let comuniFile = try TextFile(path: folder + "/comuni.csv")
        comuniFile.write("codice_istat;denominazione;popolazione;anno\n")
        for comune in comuni {
            if comune.byYear {
                comuniFile.write("\(comune.code);\(comune.name);\(comune.residents2025);2025\n\(comune.code);\(comune.name);\(comune.residents2026);2026\n")
            } else {
                comuniFile.write("\(comune.code);\(comune.name);\(comune.residents2025);\n")
            }
        }
        comuniFile.close()
        let staffFile = try TextFile(path: folder + "/personale.csv")
        staffFile.write(
            "id;profilo;contratto;ente_tipo;ente_codice_istat;delega_funzioni;costo_rimborsato;impiegato_servizi_territoriali;dal;al;percentuale;ore_settimanali;ore_tempo_pieno;"
                + NationalData.areaCodes.map { "area_" + $0 }.joined(separator: ";") + "\n")
        for person in staff {
            let areaCells = NationalData.areaCodes.map { code in person.areas.first { $0.0 == code }.map { String($0.1) } ?? "" }.joined(separator: ";")
            let personCells = [
                person.id, person.profile, person.contract, person.employerKind, person.employerCode ?? "", person.delegated.map { $0 ? "si" : "no" } ?? "",
                person.reimbursed.map { $0 ? "si" : "no" } ?? "", person.employed.map { $0 ? "si" : "no" } ?? "",
            ].joined(separator: ";")
            for period in person.periods {
                var share = ""
                switch period.share {
                case .percent(let value): share = value.replacingOccurrences(of: ".", with: ",") + ";;"
                case .hours(let weekly, let fullTime): share = ";\(weekly);" + (fullTime.map(String.init) ?? "")
                }
                staffFile.write(
                    "\(personCells);\(Self.italianDate(period.start));\(period.end.map(Self.italianDate) ?? "");\(share);\(areaCells)\n")
            }
        }
        staffFile.close()
    }
}
