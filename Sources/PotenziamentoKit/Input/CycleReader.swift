import Foundation
import PotenziamentoFormats

/// Reads the years of a funding cycle (docs/formati.md, «Ciclo annuale») from real data: a
/// `potenziamento.ciclo.v1` JSON document, a CSV table
/// (`anno;popolazione;fte_previsione;fte_consuntivo;fte_certificato`, optionally
/// `prenotato_decreto;liquidato_decreto`, Italian decimals, empty = step not reached), or the
/// prospetti of successive campaigns written by `prospetto --formato json` (each gives the
/// previsione of its campaign year and the consuntivo of the year before, taken as declared:
/// `fteDaDichiarare`).
package enum CycleReader {
    /// The format identifier.
    package static let format = "potenziamento.ciclo.v1"

    /// The cycle read from files.
    package struct Loaded: Sendable {
        /// The cycle.
        package let cycle: FundingCycle
        /// The ATS, if the input names it.
        package let ambito: Ambito?
        /// Warnings (encoding, years left out).
        package let warnings: [InputDiagnostic]
    }

    /// The CSV columns.
    static let required = ["anno", "popolazione"]
    static let optional = ["fte_previsione", "fte_consuntivo", "fte_certificato", "prenotato_decreto", "liquidato_decreto", "popolazione_consuntivo"]

    /// Reads the cycle at `paths`: one JSON cycle, one CSV table, or one or more prospetti.
    ///
    /// - Throws: ``InputError`` listing every problem with its place.
    package static func load(paths: [String], parameters: ParameterTable = .official) throws(InputError) -> Loaded {
        var nodes: [(path: String, node: JSONNode)] = []
        for path in paths {
            let bytes = try InputFile.bytes(path)
            // A JSON document is read as JSON whatever its name (`ciclo.csv` that holds `{…}`).
            if !TableFile.looksLikeJSON(bytes) && (path.lowercased().hasSuffix(".csv") || TableFile.isWorkbook(path: path, bytes: bytes)) {
                guard paths.count == 1 else {
                    throw InputError(
                        .formatoNonSupportato, SourcePlace(file: path), "una tabella del ciclo (CSV o foglio di calcolo) va indicata da sola, senza altri file")
                }
                var diagnostics = Diagnostics()
                let table = try TableFile.open(path: path, required: required, optional: optional, diagnostics: &diagnostics)
                return try readTable(table, diagnostics: diagnostics, parameters: parameters)
            }
            let (text, _) = try InputFile.text(bytes, file: path, allowsWindows1252: false)
            nodes.append((path, try JSONDocument.parse(text.utf8Bytes, file: path)))
        }
        let isCycle = nodes.count == 1 && formatOf(nodes[0].node) == format
        return isCycle ? try read(nodes[0].node, file: nodes[0].path, parameters: parameters) : try readProspetti(nodes, parameters: parameters)
    }

    static func formatOf(_ node: JSONNode) -> String? {
        guard case .object(let members) = node, case .string(let text)? = members.first(where: { $0.key == "formato" })?.value else { return nil }
        return text
    }

    // MARK: potenziamento.ciclo.v1

    static func read(_ document: JSONNode, file: String, parameters: ParameterTable) throws(InputError) -> Loaded {
        var diagnostics = Diagnostics()
        let root = SourcePlace(file: file, position: .json(.root))
        guard let fields = JSONFields(document, place: root, allowed: ["formato", "ambito", "anni", "totali"], diagnostics: &diagnostics) else {
            throw InputError(diagnostics)
        }
        // `ciclo`'s own output has the same format: its computed amounts are not data (said once).
        var computedFound = false
        if fields.node("totali", required: false, diagnostics: &diagnostics) != nil {
            diagnostics.error(.formatoDocumento, root.field("totali"), computedMessage("totali"))
            computedFound = true
        }
        if let found = fields.string("formato", required: true, diagnostics: &diagnostics), found != format {
            diagnostics.error(
                .formatoDocumento, root.field("formato"), "formato «\(found)» non riconosciuto: atteso «\(format)» (o i prospetti di più campagne)")
        }
        let ambito = fields.node("ambito", required: false, diagnostics: &diagnostics).flatMap {
            readAmbito($0, place: root.field("ambito"), diagnostics: &diagnostics)
        }
        var years: [(CycleYear, SourcePlace)] = []
        var given: [Int: SourcePlace] = [:]
        let nodes = fields.array("anni", required: true, diagnostics: &diagnostics)
        if nodes.isEmpty && !diagnostics.hasErrors { diagnostics.error(.nessunDato, root.field("anni"), "nessun anno indicato") }
        for (index, node) in nodes.enumerated() {
            let place = root.field("anni").element(index)
            guard
                let year = JSONFields(
                    node, place: place,
                    allowed: [
                        "anno", "popolazione", "popolazioneConsuntivo", "ftePrevisione", "fteConsuntivo", "fteCertificato", "prenotatoDecreto",
                        "liquidatoDecreto",
                    ]
                        + computedKeys,
                    diagnostics: &diagnostics)
            else { continue }
            let errorsBefore = diagnostics.errorCount
            for key in computedKeys where !computedFound && year.node(key, required: false, diagnostics: &diagnostics) != nil {
                diagnostics.error(.formatoDocumento, place.field(key), computedMessage(key))
                computedFound = true
            }
            let yearValue = year.numberText("anno", required: true, diagnostics: &diagnostics).flatMap { text in
                diagnostics.value(at: place.field("anno")) { () throws(InvalidValue) in try FieldParsing.year(text) }
            }
            if let yearValue { note(yearValue, at: place, in: &given, diagnostics: &diagnostics) }
            let population = year.numberText("popolazione", required: true, diagnostics: &diagnostics).flatMap { text in
                diagnostics.value(at: place.field("popolazione")) { () throws(InvalidValue) in try FieldParsing.residents(text) }
            }
            func fte(_ key: String) -> Fraction? {
                year.numberText(key, required: false, diagnostics: &diagnostics).flatMap { text in
                    // A JSON number (`1e1` is said to be written in full).
                    diagnostics.value(at: place.field(key)) { () throws(InvalidValue) in
                        try FieldParsing.fte(value: FieldParsing.jsonNumber(text, maximumDecimals: 6, what: "FTE"), written: text)
                    }
                }
            }
            func euros(_ key: String) -> EuroCents? {
                year.numberText(key, required: false, diagnostics: &diagnostics).flatMap { text in
                    diagnostics.value(at: place.field(key)) { () throws(InvalidValue) in try FieldParsing.euros(text, what: key) }
                }
            }
            let values = (fte("ftePrevisione"), fte("fteConsuntivo"), fte("fteCertificato"), euros("prenotatoDecreto"), euros("liquidatoDecreto"))
            let actualPopulation = year.numberText("popolazioneConsuntivo", required: false, diagnostics: &diagnostics).flatMap { text in
                diagnostics.value(at: place.field("popolazioneConsuntivo")) { () throws(InvalidValue) in try FieldParsing.residents(text) }
            }
            guard diagnostics.errorCount == errorsBefore, let yearValue, let population else { continue }
            years.append(
                (
                    CycleYear(
                        year: yearValue, population: population, forecastFTE: values.0, actualFTE: values.1, certifiedFTE: values.2, decreedReserved: values.3,
                        decreedLiquidated: values.4, actualPopulation: actualPopulation == population ? nil : actualPopulation), place
                ))
        }
        return try finish(years, ambito: ambito, parameters: parameters, diagnostics: diagnostics)
    }

    /// The amounts `ciclo` computes and writes for each year: in an input they are an error (a
    /// result read as data), said as such rather than as unknown keys.
    static let computedKeys = ["prenotato", "calcolatoConsuntivo", "liquidato", "economia", "calcolatoCertificato", "recupero"]

    /// The message for a computed amount `key` found in an input.
    static func computedMessage(_ key: String) -> String {
        "\(key == "totali" ? "«totali» sono importi" : "«\(key)» è un importo") che ciclo calcola (questo file sembra il risultato di un ciclo, non i suoi dati): dai per ogni anno popolazione, ftePrevisione, fteConsuntivo, fteCertificato e, se li hai, gli importi dei decreti ricevuti come prenotatoDecreto e liquidatoDecreto"
    }

    static func readAmbito(_ node: JSONNode, place: SourcePlace, diagnostics: inout Diagnostics) -> Ambito? {
        guard let object = JSONFields(node, place: place, allowed: nil, diagnostics: &diagnostics) else { return nil }
        let code = object.string("codice", required: true, diagnostics: &diagnostics)
        let name = object.string("denominazione", required: true, diagnostics: &diagnostics)
        let region = object.string("regione", required: false, diagnostics: &diagnostics)
        guard let code, let name else { return nil }
        return diagnostics.value(at: place) { () throws(InvalidValue) in try Ambito(code: code, name: name, region: region) }
    }

    // MARK: CSV

    static func readTable(_ table: some CellTable, diagnostics: Diagnostics, parameters: ParameterTable) throws(InputError) -> Loaded {
        var diagnostics = diagnostics
        var years: [(CycleYear, SourcePlace)] = []
        var given: [Int: SourcePlace] = [:]
        let header = table.header
        for row in 0..<table.rowCount {
            // A row of totals under the years: said as such, not as a year and a population not valid.
            if let total = TotalRows.label(in: table, row: row) {
                diagnostics.error(TotalRows.rowError(total.text, of: "anno"), at: table.place(row, total.column))
                continue
            }
            // No year, figures beside: sums under the years (`=SOMMA`, no label), or a year missing.
            if table.isEmpty(row, header.index(of: "anno")) {
                diagnostics.error(
                    .annoNonValido, table.place(row, header.index(of: "anno")),
                    "anno vuoto: se la riga è di somme o di totali, cancellala (il programma fa da sé le somme); altrimenti scrivi l'anno (quattro cifre, es. 2025)"
                )
                continue
            }
            let errorsBefore = diagnostics.errorCount
            let year = table.value(row, header.index(of: "anno"), CellParsing.year, diagnostics: &diagnostics)
            if let year { note(year, at: table.place(row, nil), in: &given, diagnostics: &diagnostics) }
            let population = table.value(row, header.index(of: "popolazione"), CellParsing.residents, diagnostics: &diagnostics)
            func fte(_ name: String) -> Fraction? {
                let column = header.index(of: name)
                return table.isEmpty(row, column) ? nil : table.value(row, column, CellParsing.fte, diagnostics: &diagnostics)
            }
            func euros(_ name: String) -> EuroCents? {
                let column = header.index(of: name)
                return table.isEmpty(row, column) ? nil : table.value(row, column, { CellParsing.euros($0, what: name) }, diagnostics: &diagnostics)
            }
            let values = (fte("fte_previsione"), fte("fte_consuntivo"), fte("fte_certificato"), euros("prenotato_decreto"), euros("liquidato_decreto"))
            let actualColumn = header.index(of: "popolazione_consuntivo")
            let actualPopulation =
                table.isEmpty(row, actualColumn) ? nil : table.value(row, actualColumn, CellParsing.residents, diagnostics: &diagnostics)
            guard diagnostics.errorCount == errorsBefore, let year, let population else { continue }
            years.append(
                (
                    CycleYear(
                        year: year, population: population, forecastFTE: values.0, actualFTE: values.1, certifiedFTE: values.2, decreedReserved: values.3,
                        decreedLiquidated: values.4, actualPopulation: actualPopulation == population ? nil : actualPopulation), table.place(row, nil)
                ))
        }
        if table.rowCount == 0 { diagnostics.error(.nessunDato, SourcePlace(file: table.file), "nessun anno indicato") }
        return try finish(years, ambito: nil, parameters: parameters, diagnostics: diagnostics)
    }

    // MARK: Prospetti

    static func readProspetti(_ nodes: [(path: String, node: JSONNode)], parameters: ParameterTable) throws(InputError) -> Loaded {
        var diagnostics = Diagnostics()
        var ambito: Ambito?
        /// Per year, what each step declared: FTE, residents and where (the previsione from the
        /// prospetto of the year's campaign, the consuntivo from the next campaign's).
        struct Step {
            var fte: Fraction
            var population: Int
            var place: SourcePlace
            /// The parameters this step was computed with that the cycle does not use: said
            /// only for a year that enters the cycle.
            var otherParameters: [InputDiagnostic]
        }
        var byYear: [Int: (forecast: Step?, actual: Step?)] = [:]
        for (path, node) in nodes {
            let root = SourcePlace(file: path, position: .json(.root))
            guard let fields = JSONFields(node, place: root, allowed: nil, diagnostics: &diagnostics) else { continue }
            guard let found = fields.string("formato", required: true, diagnostics: &diagnostics), found == ProspettoReport.format else {
                diagnostics.error(
                    .formatoDocumento, root.field("formato"),
                    "atteso un prospetto (\(ProspettoReport.format)) scritto da `prospetto --formato json`, o un solo file del ciclo (\(format)) o CSV")
                continue
            }
            if let node = fields.node("ambito", required: true, diagnostics: &diagnostics),
                let read = readAmbito(node, place: root.field("ambito"), diagnostics: &diagnostics)
            {
                if let known = ambito, known.code != read.code {
                    diagnostics.error(.formatoDocumento, root.field("ambito"), "prospetto dell'ambito \(read.code), gli altri sono dell'ambito \(known.code)")
                }
                ambito = ambito ?? read
            }
            // The campaign names the years of its two sections: one edited by hand would move
            // a year's figures to another year (a trial: previsione.anno 2027 in the 2026 prospetto).
            let campaign = fields.numberText("campagna", required: true, diagnostics: &diagnostics).flatMap { text in
                diagnostics.value(at: root.field("campagna")) { () throws(InvalidValue) in try FieldParsing.year(text) }
            }
            var comuni: [JSONNode] = []
            if let node = fields.node("comuni", required: false, diagnostics: &diagnostics), case .array(let elements) = node { comuni = elements }
            for (key, isForecast) in [("consuntivo", false), ("previsione", true)] {
                guard let section = fields.node(key, required: true, diagnostics: &diagnostics),
                    let year = JSONFields(section, place: root.field(key), allowed: nil, diagnostics: &diagnostics)
                else { continue }
                let place = root.field(key)
                let yearValue = year.numberText("anno", required: true, diagnostics: &diagnostics).flatMap { text in
                    diagnostics.value(at: place.field("anno")) { () throws(InvalidValue) in try FieldParsing.year(text) }
                }
                let population = year.numberText("popolazione", required: true, diagnostics: &diagnostics).flatMap { text in
                    diagnostics.value(at: place.field("popolazione")) { () throws(InvalidValue) in try FieldParsing.residents(text) }
                }
                let declared = year.numberText("fteDaDichiarare", required: true, diagnostics: &diagnostics).flatMap { text in
                    diagnostics.value(at: place.field("fteDaDichiarare")) { () throws(InvalidValue) in
                        // A JSON number: its point is always the decimal point (`18.033`).
                        try FieldParsing.fte(value: FieldParsing.jsonNumber(text, maximumDecimals: 6, what: "FTE"), written: text)
                    }
                }
                guard let yearValue, let population, let declared else { continue }
                if let campaign, yearValue != (isForecast ? campaign : campaign - 1) {
                    diagnostics.error(
                        .formatoDocumento, place.field("anno"),
                        "anno \(yearValue) \(isForecast ? "della previsione" : "del consuntivo") in un prospetto della campagna \(campaign) (\(isForecast ? "la previsione è dell'anno della campagna" : "il consuntivo è dell'anno prima della campagna"), il \(isForecast ? campaign : campaign - 1)): il file sembra modificato a mano; rifai il prospetto con `prospetto --formato json`"
                    )
                    continue
                }
                let shares = checkConsistency(year, at: place, population: population, declared: declared, diagnostics: &diagnostics)
                checkComuni(comuni, section: key, against: shares, at: root, diagnostics: &diagnostics)
                let otherParameters = otherParameters(year, at: place, year: yearValue, against: parameters)
                var entry = byYear[yearValue] ?? (nil, nil)
                if let earlier = isForecast ? entry.forecast : entry.actual {
                    diagnostics.error(
                        .campoRipetuto, place,
                        "\(isForecast ? "la previsione" : "il consuntivo") del \(yearValue) è già in un altro prospetto (\(earlier.place.file)): indica una sola volta il prospetto di ogni campagna"
                    )
                }
                let step = Step(fte: declared, population: population, place: place, otherParameters: otherParameters)
                if isForecast { entry.forecast = step } else { entry.actual = step }
                byYear[yearValue] = entry
            }
        }
        var years: [(CycleYear, SourcePlace)] = []
        for year in byYear.keys.sorted() {
            guard let entry = byYear[year] else { continue }
            guard let forecast = entry.forecast else {
                if let actual = entry.actual {
                    diagnostics.warning(
                        .nessunDato, actual.place,
                        "per il \(year) c'è il consuntivo ma non la previsione (manca il prospetto della campagna \(year)): l'anno non entra nel ciclo")
                }
                continue
            }
            diagnostics.append(contentsOf: forecast.otherParameters + (entry.actual?.otherParameters ?? []))
            // Each step on the residents its prospetto declared (the order of the files does
            // not matter); residents that differ are named, as a figure to check.
            if let actual = entry.actual, actual.population != forecast.population {
                diagnostics.warning(
                    .popolazioneUnica, actual.place.field("popolazione"),
                    "residenti del \(year) diversi da quelli della previsione (\(forecast.place.file): \(NumberFormatting.italian(forecast.population))): il prenotato è calcolato su \(NumberFormatting.italian(forecast.population)), il consuntivo su \(NumberFormatting.italian(actual.population)); verifica quale sia la popolazione al 1° gennaio \(year)"
                )
            }
            let actualPopulation = entry.actual.map(\.population).flatMap { $0 == forecast.population ? nil : $0 }
            years.append(
                (
                    CycleYear(
                        year: year, population: forecast.population, forecastFTE: forecast.fte, actualFTE: entry.actual?.fte,
                        actualPopulation: actualPopulation),
                    (entry.actual ?? forecast).place
                ))
        }
        return try finish(years, ambito: ambito, parameters: parameters, diagnostics: diagnostics)
    }

    /// Checks that a year of a prospetto agrees with itself where ciclo reads it: the residents
    /// are those of its comuni (`riparto[].popolazione`) and the FTE to declare are its exact FTE
    /// (`fte.totale`, 4 decimals) rounded down, so not above them nor a whole FTE below. A file
    /// edited by hand (an integrator's trial set `fteDaDichiarare` to 9 beside 8,4013 FTE, and the
    /// cycle computed on the 9 without a word) is an error at the figure that disagrees. Returns
    /// the residents of each share of the riparto (`ente` → `popolazione` as written), for
    /// ``checkComuni(_:section:against:at:diagnostics:)``.
    /// Whether `declared` is an exact FTE within `rounding` of `total` rounded down, as the
    /// prospetto writes it with 0 to 6 decimals (a trial of JSON edited by hand: 17,5 beside
    /// 18,0336 FTE was taken, any figure less than a whole FTE below passed): with up to 4
    /// decimals, the rounding down of one of the ends of the interval; with 5 or 6, any figure
    /// of the interval.
    static func isRoundedDown(_ declared: Fraction, of total: Fraction, within rounding: Fraction) -> Bool {
        let (low, high) = (total - rounding, total + rounding)
        if low <= declared && declared <= high { return true }
        return (0...4).contains { decimals in
            guard let scale = BigInt.powerOfTen(decimals) else { return false }
            return [low, high].contains { Fraction(numerator: $0.flooredScaled(by: scale), denominator: scale) == declared }
        }
    }

    static func checkConsistency(_ year: JSONFields, at place: SourcePlace, population: Int, declared: Fraction, diagnostics: inout Diagnostics)
        -> [String: String]
    {
        var ignored = Diagnostics()
        // `fte.totale` is rounded to 4 decimals, so up to 0,00005 from the exact FTE either way
        // (1,99999 is written 2.0 beside 1 declared with 0 decimals).
        let rounding = Fraction(1, 20_000)
        if let fte = year.node("fte", required: false, diagnostics: &ignored).flatMap({
            JSONFields($0, place: place.field("fte"), allowed: nil, diagnostics: &ignored)
        }),
            let text = fte.numberText("totale", required: false, diagnostics: &ignored),
            let total = try? FieldParsing.jsonNumber(text, maximumDecimals: 15, what: "FTE"),
            !Self.isRoundedDown(declared, of: total, within: rounding)
        {
            diagnostics.error(
                .formatoDocumento, place.field("fteDaDichiarare"),
                "FTE da dichiarare \(NumberFormatting.italianTrimmed(declared)) non coerenti con gli FTE del prospetto (fte.totale \(NumberFormatting.italianTrimmed(total))): il file sembra modificato a mano; rifai il prospetto con `prospetto --formato json`"
            )
        }
        var sum = 0
        var counted = 0
        var byRecipient: [String: String] = [:]
        for share in year.array("riparto", required: false, diagnostics: &ignored) {
            guard let fields = JSONFields(share, place: place.field("riparto"), allowed: nil, diagnostics: &ignored),
                let text = fields.numberText("popolazione", required: false, diagnostics: &ignored)
            else { continue }
            if let recipient = fields.string("ente", required: false, diagnostics: &ignored) { byRecipient[recipient] = text }
            guard let residents = Int(text) else { continue }
            (sum, counted) = (sum + residents, counted + 1)
        }
        if counted > 0, sum != population {
            diagnostics.error(
                .formatoDocumento, place.field("popolazione"),
                "popolazione \(NumberFormatting.italian(population)) diversa dalla somma dei residenti dei comuni del prospetto (\(NumberFormatting.italian(sum))): il file sembra modificato a mano; rifai il prospetto con `prospetto --formato json`"
            )
        }
        return byRecipient
    }

    /// Checks that the residents of each comune in a prospetto's table of comuni (`comuni[i]`,
    /// the `section` of a year) are those its year computed the riparto on (`computed`, the
    /// residents of each share that ``checkConsistency(_:at:population:declared:diagnostics:)``
    /// adds up to the year's residents): a figure edited by hand in one table only is an error at it.
    static func checkComuni(_ comuni: [JSONNode], section: String, against computed: [String: String], at root: SourcePlace, diagnostics: inout Diagnostics) {
        var ignored = Diagnostics()
        for (index, node) in comuni.enumerated() {
            let place = root.field("comuni").element(index)
            guard let fields = JSONFields(node, place: place, allowed: nil, diagnostics: &ignored),
                let recipient = fields.string("ente", required: false, diagnostics: &ignored), let expected = computed[recipient],
                let inner = fields.node(section, required: false, diagnostics: &ignored).flatMap({
                    JSONFields($0, place: place.field(section), allowed: nil, diagnostics: &ignored)
                }),
                let residents = inner.numberText("popolazione", required: false, diagnostics: &ignored), residents != expected
            else { continue }
            diagnostics.error(
                .formatoDocumento, place.field(section).field("popolazione"),
                "residenti \(residents) del comune \(recipient.split(separator: ":").last ?? Substring(recipient)) diversi da quelli del riparto del prospetto (\(expected)): il file sembra modificato a mano; rifai il prospetto con `prospetto --formato json`"
            )
        }
    }

    /// The warnings, at a prospetto's `parametri`, for each parameter of the contribution (the
    /// amounts of the fasce, the three ratios) the prospetto was computed with whose value is not
    /// the one this cycle uses for `year` (a `--parametro` given to `prospetto` and not to
    /// `ciclo`, or from another year): the cycle's amounts would otherwise differ from the
    /// prospetto's with no word. The fund and the deadlines change no amount of an ATS.
    static func otherParameters(_ year: JSONFields, at place: SourcePlace, year yearValue: Int, against parameters: ParameterTable) -> [InputDiagnostic] {
        guard let inForce = try? parameters.inForce(for: yearValue) else { return [] }
        let amounts: Set<ParameterName> = [.importoFasciaA, .importoFasciaB, .rapportoSogliaMinima, .rapportoLEP, .rapportoObiettivo]
        var ignored = Diagnostics()
        var warnings: [InputDiagnostic] = []
        for (index, element) in year.array("parametri", required: false, diagnostics: &ignored).enumerated() {
            let elementPlace = place.field("parametri").element(index)
            guard let fields = JSONFields(element, place: elementPlace, allowed: nil, diagnostics: &ignored),
                let name = fields.string("nome", required: false, diagnostics: &ignored),
                let value = fields.string("valore", required: false, diagnostics: &ignored),
                let used = inForce.citations.first(where: { $0.name.rawValue == name }), amounts.contains(used.name), used.valueText != value
            else { continue }
            // The year the prospetto's value holds from: what `--parametro` needs (`@ANNO`), since
            // a value without a year holds from the year each command starts from.
            let from = fields.numberText("dal", required: false, diagnostics: &ignored) ?? String(yearValue)
            warnings.append(
                InputDiagnostic(
                    .warning, .parametroDiverso, elementPlace,
                    "il prospetto è calcolato con \(name) = \(value) (dal \(from)), il ciclo con \(used.valueText): gli importi del \(yearValue) non sono quelli del prospetto; indica a ciclo lo stesso valore con il suo anno (--parametro \(name)=…@\(from)) o rifai il prospetto con i parametri di legge"
                ))
        }
        return warnings
    }

    // MARK: The cycle

    /// Notes that `year` is given at `place`: a year given before (in `given`) is an error that
    /// names where, even when that first row has an error of its own.
    static func note(_ year: Int, at place: SourcePlace, in given: inout [Int: SourcePlace], diagnostics: inout Diagnostics) {
        if let earlier = given[year] {
            diagnostics.error(.campoRipetuto, place, "anno \(year) indicato due volte (già a \(earlier)): indica ogni anno una volta sola")
        } else {
            given[year] = place
        }
    }

    /// Records the years in order, every problem with its place.
    static func finish(_ years: [(CycleYear, SourcePlace)], ambito: Ambito?, parameters: ParameterTable, diagnostics: Diagnostics) throws(InputError) -> Loaded
    {
        var diagnostics = diagnostics
        var cycle = FundingCycle(parameters: parameters)
        // A year given twice is an error its reader reported (``note(_:at:in:diagnostics:)``): the first is kept.
        var first: [Int: SourcePlace] = [:]
        for (year, place) in years where first[year.year] == nil { first[year.year] = place }
        var previous: Int?
        for (given, place) in years.sorted(by: { $0.0.year < $1.0.year }) where first[given.year] == place {
            var year = given
            // A hole in the years: most likely a year typed wrong (2032 for 2023, a trial), which
            // would put its figures in another year and leave the ones between out.
            if let previous, year.year > previous + 1 {
                let missing = year.year == previous + 2 ? "manca il \(previous + 1)" : "mancano gli anni dal \(previous + 1) al \(year.year - 1)"
                diagnostics.warning(
                    .anniMancanti, place,
                    "dopo il \(previous) il ciclo riprende dal \(year.year): \(missing); se un anno è scritto male correggilo, altrimenti non serve altro")
            }
            previous = year.year
            // Residents of a consuntivo not given are not used: said, and left out.
            if let unused = year.actualPopulation, year.actualFTE == nil {
                diagnostics.warning(
                    .valoreIgnorato, place,
                    "anno \(year.year): residenti del consuntivo (\(NumberFormatting.italian(unused))) indicati senza gli FTE del consuntivo: non sono usati")
                year.actualPopulation = nil
            }
            // A decree's amount for a step not given: not compared with anything (a trial: the
            // comparison printed nothing for it, with no word).
            if year.decreedReserved != nil, year.forecastFTE == nil {
                diagnostics.warning(
                    .valoreIgnorato, place.field(csv: "prenotato_decreto", json: "prenotatoDecreto"),
                    "anno \(year.year): prenotato del decreto senza gli FTE della previsione: non è confrontato con nulla; indica fte_previsione (ftePrevisione)"
                )
            }
            if year.decreedLiquidated != nil, year.actualFTE == nil {
                diagnostics.warning(
                    .valoreIgnorato, place.field(csv: "liquidato_decreto", json: "liquidatoDecreto"),
                    "anno \(year.year): liquidato del decreto senza gli FTE del consuntivo: non è confrontato con nulla; indica fte_consuntivo (fteConsuntivo)")
            }
            // A decree that liquidated more than it reserved: not what DM 144/2021 allows (an officer's trial).
            if let reserved = year.decreedReserved, let liquidated = year.decreedLiquidated, liquidated > reserved {
                diagnostics.warning(
                    .valoreImprobabile, place.field(csv: "liquidato_decreto", json: "liquidatoDecreto"),
                    "anno \(year.year): il liquidato del decreto (\(NumberFormatting.euro(liquidated))) supera il prenotato del decreto (\(NumberFormatting.euro(reserved))), che per il D.M. 144/2021 (art. 2) è il massimo: verifica gli importi"
                )
            }
            do { try cycle.record(year) } catch { diagnostics.error(.fuoriMisura, place, error.description) }
        }
        if diagnostics.hasErrors { throw InputError(diagnostics) }
        return Loaded(cycle: cycle, ambito: ambito, warnings: diagnostics.warnings)
    }
}
