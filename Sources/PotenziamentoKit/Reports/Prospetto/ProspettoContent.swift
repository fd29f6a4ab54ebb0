/// What every form of the prospetto shows, computed once from a ``Prospetto``: the summary rows,
/// the figures to declare, the employing entities and the comuni of both years, the annex of
/// persons. The text, Markdown, CSV, JSON and XHTML writers only lay these out.
struct ProspettoContent {
    /// How the document is produced.
    struct Options {
        /// The date of production (printed in the signature block).
        var today: CivilDate
        /// The place of signature, if given.
        var place: String?
        /// Whether the annex of persons is included.
        var annex = true
        /// Whether the explanation of the figures is included.
        var explain = false
        /// The warnings about the data, printed under «Avvisi sui dati».
        var warnings: [String] = []
    }

    /// The heading of the warnings about the data, with their count.
    var warningsHeading: String { AssessmentReport.dataWarningsHeading(options.warnings) }

    /// What the warnings are, before their list.
    static let warningsNote =
        "Gli avvisi del programma sui dati letti: non hanno impedito il calcolo, ma vanno controllati prima di firmare (ciascuno indica il file e il punto)."

    /// One row of a side-by-side table: label, consuntivo value, previsione value.
    struct Row {
        let label: String
        let consuntivo: String
        let previsione: String
    }

    /// One entity in both years.
    struct EntityRow {
        let key: String
        let name: String
        let istatCode: String?
        let consuntivo: EmployingEntity?
        let previsione: EmployingEntity?
        let declaredConsuntivo: Fraction
        let declaredPrevisione: Fraction
        /// The entity's exact FTE in each year (zero in a year it has none).
        let exactConsuntivo: Fraction
        let exactPrevisione: Fraction
        /// The entity's part of the ATS total with 4 decimals in each year (zero in a year it has
        /// none): what is shown for its exact FTE when that has more decimals (``TextBlocks/exactFTE(part:of:)``).
        let partConsuntivo: Fraction
        let partPrevisione: Fraction
        /// The entity's areas to declare in each year, split to its figure to declare with the
        /// declaration's decimals (nil in a year it has none): what a table of entities by areas
        /// shows beside that figure (docs/regole.md §5).
        let areasToDeclareConsuntivo: AreaBreakdown?
        let areasToDeclarePrevisione: AreaBreakdown?
    }

    /// A person of the annex in one year.
    struct PersonRow {
        let id: String
        let entity: String
        /// The person's periods of service in the year.
        let service: [ServiceInYear]
        let days: Int
        let fte: Fraction
        /// Writes the text of a period (shared by the persons of one year).
        let periodText: PeriodText

        /// The periods' texts (``PeriodText``), `separator` between two.
        func periods(separatedBy separator: String) -> String {
            ReportOutput.collecting { writePeriods(separatedBy: separator, to: $0) }
        }

        /// The periods' texts into `output`, `separator` between two (nothing when there is none).
        func writePeriods(separatedBy separator: String, to output: ReportOutput) {
            for (number, period) in service.enumerated() {
                if number > 0 { output.write(separator) }
                periodText.write(period, to: output)
            }
        }
    }

    /// The text of a period of service in the annex, the one place of its form:
    /// `01/01/2025–31/12/2025 · 365/365 × 100 %` (by days), or with the share of the year in
    /// decimals (by months), then the share of full time as it was given (50 % and 18 h su 36 are
    /// equal shares, written differently). Only digits, dates and the signs written here: nothing
    /// any format has to escape.
    final class PeriodText {
        private let method: FTEMethod
        /// `/365` or `/366`.
        private let yearDays: String
        /// The text of each share met so far, by how it was given: a roster has few.
        private var shareTexts: [WorkShare.Storage: String] = [:]

        init(year: Int, method: FTEMethod) {
            self.method = method
            yearDays = "/\(CivilDate.daysInYear(year))"
        }

        func write(_ service: ServiceInYear, to output: ReportOutput) {
            output.write(reserving: 2 * CivilDate.italianLength + 7) { bytes in
                var count = service.start.writeItalian(into: bytes)
                for byte in "–".utf8 {
                    bytes[count] = byte
                    count += 1
                }
                count += service.end.writeItalian(into: bytes + count)
                for byte in " · ".utf8 {
                    bytes[count] = byte
                    count += 1
                }
                return count
            }
            if method == .days {
                output.write(String(service.days))
                output.write(yearDays)
            } else {
                output.write(NumberFormatting.italian(service.shareOfYear, decimals: 4))
            }
            output.write(" × ")
            output.write(shareText(service.share))
        }

        private func shareText(_ share: WorkShare) -> String {
            if let text = shareTexts[share.given] { return text }
            let text = share.description
            shareTexts[share.given] = text
            return text
        }
    }

    let prospetto: Prospetto
    let options: Options

    var campaign: Int { prospetto.campaign }
    var ambito: Ambito { prospetto.previsione.ambito }
    var declaredDecimals: Int { prospetto.previsioneDeclaration.decimals }

    static func yesNo(_ value: Bool) -> String { value ? "sì" : "no" }

    /// The summary rows shared by every format.
    var summaryRows: [Row] {
        let c = prospetto.consuntivo.contribution
        let v = prospetto.previsione.contribution
        let fte = TextBlocks.fte
        let yesNo = Self.yesNo
        let ratio = { (threshold: Threshold) in TextBlocks.ratioText(threshold, in: [c, v]) }
        return [
            Row(
                label: "Popolazione residente (1° gennaio)", consuntivo: NumberFormatting.italian(c.population),
                previsione: NumberFormatting.italian(v.population)),
            // Exact to 4 decimals (`≈` when the value has more): the figure to declare is this one rounded down.
            Row(
                label: "FTE assistenti sociali conteggiati (esatti)", consuntivo: TextBlocks.exactFTE(c.fte), previsione: TextBlocks.exactFTE(v.fte)),
            Row(
                label: "Persone in servizio · escluse",
                consuntivo:
                    "\(NumberFormatting.italian(prospetto.consuntivo.countedPersons)) · \(NumberFormatting.italian(prospetto.consuntivo.excluded.count))",
                previsione:
                    "\(NumberFormatting.italian(prospetto.previsione.countedPersons)) · \(NumberFormatting.italian(prospetto.previsione.excluded.count))"),
            Row(
                label: "Soglia minima \(ratio(.minima))", consuntivo: "\(fte(c.thresholds.minimum)) (\(yesNo(c.meetsMinimum)))",
                previsione: "\(fte(v.thresholds.minimum)) (\(yesNo(v.meetsMinimum)))"),
            Row(
                label: "LEP \(ratio(.lep))", consuntivo: "\(fte(c.thresholds.lep)) (\(yesNo(c.meetsLEP)))",
                previsione: "\(fte(v.thresholds.lep)) (\(yesNo(v.meetsLEP)))"),
            Row(
                label: "Obiettivo di servizio \(ratio(.obiettivo))", consuntivo: "\(fte(c.thresholds.objective)) (\(yesNo(c.meetsObjective)))",
                previsione: "\(fte(v.thresholds.objective)) (\(yesNo(v.meetsObjective)))"),
            Row(
                label: "Fascia A (\(TextBlocks.bandRange(from: .minima, in: [c, v])))",
                consuntivo: "\(fte(c.bandA.fte)) FTE · \(NumberFormatting.euro(c.bandA.amount))",
                previsione: "\(fte(v.bandA.fte)) FTE · \(NumberFormatting.euro(v.bandA.amount))"),
            Row(
                label: "Fascia B (\(TextBlocks.bandRange(from: .lep, in: [c, v])))",
                consuntivo: "\(fte(c.bandB.fte)) FTE · \(NumberFormatting.euro(c.bandB.amount))",
                previsione: "\(fte(v.bandB.fte)) FTE · \(NumberFormatting.euro(v.bandB.amount))"),
            Row(label: "Contributo sugli FTE esatti", consuntivo: NumberFormatting.euro(c.total), previsione: NumberFormatting.euro(v.total)),
        ]
    }

    /// The figures to type into SIOSS.
    var declarationRows: [Row] {
        let c = prospetto.consuntivoDeclaration
        let v = prospetto.previsioneDeclaration
        return [
            Row(label: "FTE da dichiarare per l'ambito", consuntivo: declared(c.fte), previsione: declared(v.fte)),
            Row(
                label: "Contributo sugli FTE dichiarati", consuntivo: NumberFormatting.euro(c.contribution.total),
                previsione: NumberFormatting.euro(v.contribution.total)),
        ]
    }

    /// The heading of the figures to type into SIOSS: how they are rounded, the ATS's and the entities'.
    var declarationHeading: String {
        "ambito arrotondato per difetto a \(Italian.count(declaredDecimals, "decimale", "decimali")); enti e aree per difetto, più le unità mancanti ai resti maggiori"
    }

    /// A declared figure with exactly the declared decimals, Italian style.
    func declared(_ value: Fraction) -> String { NumberFormatting.italian(value, decimals: declaredDecimals) }

    /// The sentence that says why the figure is rounded down.
    /// The comuni of the ATS with no counted staff of their own in either year, named under the
    /// figures to type into SIOSS (their figure to declare is 0): the box lists the employing
    /// entities (docs/formati.md, `enti`), and without this line an officer looks there for every
    /// comune and thinks one forgotten (an officer's trial). Nil when every comune is there.
    var comuniWithoutStaffNote: String? {
        let listed = Set((prospetto.consuntivoDeclaration.entities + prospetto.previsioneDeclaration.entities).map(\.key))
        var missing = prospetto.previsione.residents.filter { !listed.contains(Employer.comuneKey($0.istatCode)) }
        guard !missing.isEmpty else { return nil }
        // The comune capofila's own staff are in the box under «Comune capofila» (a review): its
        // comune is not said to have none.
        var capofila = Set<String>()
        for assessment in [prospetto.consuntivo, prospetto.previsione] {
            for index in assessment.counted.indices where assessment.counted[index].employer.kind == .comuneCapofila {
                if let code = assessment.counted[index].employer.istatCode, !assessment.counted[index].fte.isZero { capofila.insert(code) }
            }
        }
        missing.removeAll { capofila.contains($0.istatCode) }
        guard !missing.isEmpty else { return nil }
        let c = prospetto.campaign
        let names = missing.map { "\($0.name) (\($0.istatCode))" }.joined(separator: ", ")
        return missing.count == 1
            ? "Senza assistenti sociali propri conteggiati nel \(c - 1) e nel \(c), e quindi con 0 FTE da dichiarare, il comune: \(names)."
            : "Senza assistenti sociali propri conteggiati nel \(c - 1) e nel \(c), e quindi con 0 FTE da dichiarare, i comuni: \(names)."
    }

    /// The note under a table of the areas to declare by entity when its columns do not add up
    /// to the ATS's areas (each entity's areas are rounded to its own figure, the ATS's to its
    /// own: docs/regole.md §5); nil when every column does (an officer's trial: a SUM of a column
    /// was a hundredth off the «Totale ambito» row, with no word on the page).
    static func areaColumnsNote(_ entityAreas: [[AreaBreakdown]], totals: [AreaBreakdown]) -> String? {
        func column(_ breakdowns: [AreaBreakdown], _ part: (AreaBreakdown) -> Fraction) -> Fraction { breakdowns.reduce(.zero) { $0 + part($1) } }
        let differs = zip(entityAreas, totals).contains { entities, total in
            ActivityArea.allCases.contains { area in column(entities) { $0[area] } != total[area] } || column(entities, \.unspecified) != total.unspecified
        }
        guard differs else { return nil }
        return
            "Le aree di ogni ente sono arrotondate sulla cifra dell'ente (ogni riga somma a quella cifra): la somma di una colonna può differire di qualche centesimo dal «Totale ambito», che arrotonda le aree dell'ambito sulla sua cifra. Su SIOSS le aree dell'ambito sono quelle del «Totale ambito»."
    }

    var declarationNote: String {
        "Gli FTE da dichiarare per l'ambito sono quelli esatti arrotondati per difetto a \(Italian.count(declaredDecimals, "decimale", "decimali")): il ministero calcola su quanto dichiarato e, dopo la certificazione, recupera quanto dichiarato in più (D.M. 125/2024). Ogni ente e ogni area dichiara i suoi FTE arrotondati per difetto; le unità che mancano alla cifra dell'ambito vanno una ciascuno a chi ha i resti maggiori (quelle cifre risultano arrotondate per eccesso): le somme coincidono."
    }

    /// A year's table of entities (text and Markdown): each entity (exact figures) with its figure
    /// to declare, its areas to declare, and its exact FTE as shown beside them, the 4-decimal
    /// part of the total (``TextBlocks/exactFTE(part:of:)``): the column adds up to the total.
    static func entityTable(_ assessment: AnnualAssessment, _ declaration: FTEDeclaration) -> [(
        entity: EmployingEntity, declared: Fraction, areas: AreaBreakdown, exactShown: String
    )] {
        let entities = assessment.entities
        let parts = assessment.shownEntitiesWithExactFTE(decimals: 4, of: entities).map(\.shown.fte)
        return zip(assessment.entitiesWithAreasToDeclare(declaration, of: entities), parts).map { row, part in
            (row.entity, row.declared, row.areas, TextBlocks.exactFTE(part: part, of: row.entity.fte))
        }
    }

    /// The employing entities of either year, comuni first (with ISTAT code), then ATS-level ones,
    /// with their FTE and areas as shown with `decimals` decimals (adding up, see
    /// ``AnnualAssessment/shownEntities(decimals:)``).
    func entityRows(decimals: Int) -> [EntityRow] {
        // Looked up by key (a large ATS has about a hundred entities: no search per entity).
        func firstByKey(_ entities: [EmployingEntity]) -> [String: EmployingEntity] {
            Dictionary(entities.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        }
        // Each year's entities summed once, for the figures shown and for the areas to declare.
        let (entitiesBefore, entitiesNow) = (prospetto.consuntivo.entities, prospetto.previsione.entities)
        let beforeExact = prospetto.consuntivo.shownEntitiesWithExactFTE(decimals: decimals, of: entitiesBefore)
        let nowExact = prospetto.previsione.shownEntitiesWithExactFTE(decimals: decimals, of: entitiesNow)
        let beforeList = beforeExact.map(\.shown)
        let nowList = nowExact.map(\.shown)
        let before = firstByKey(beforeList)
        let now = firstByKey(nowList)
        func exactByKey(_ list: [(shown: EmployingEntity, exactFTE: Fraction)]) -> [String: Fraction] {
            Dictionary(list.map { ($0.shown.key, $0.exactFTE) }, uniquingKeysWith: { first, _ in first })
        }
        let exactBefore = exactByKey(beforeExact)
        let exactNow = exactByKey(nowExact)
        // The parts with 4 decimals (those above when the rows are shown with 4).
        func partsByKey(_ assessment: AnnualAssessment, _ list: [(shown: EmployingEntity, exactFTE: Fraction)], _ entities: [EmployingEntity])
            -> [String: Fraction]
        {
            let parts = decimals == 4 ? list : assessment.shownEntitiesWithExactFTE(decimals: 4, of: entities)
            return Dictionary(parts.map { ($0.shown.key, $0.shown.fte) }, uniquingKeysWith: { first, _ in first })
        }
        let partBefore = partsByKey(prospetto.consuntivo, beforeExact, entitiesBefore)
        let partNow = partsByKey(prospetto.previsione, nowExact, entitiesNow)
        func areasToDeclare(_ assessment: AnnualAssessment, _ declaration: FTEDeclaration, _ entities: [EmployingEntity]) -> [String: AreaBreakdown] {
            Dictionary(
                assessment.entitiesWithAreasToDeclare(declaration, of: entities).map { ($0.entity.key, $0.areas) },
                uniquingKeysWith: { first, _ in first })
        }
        let areasBefore = areasToDeclare(prospetto.consuntivo, prospetto.consuntivoDeclaration, entitiesBefore)
        let areasNow = areasToDeclare(prospetto.previsione, prospetto.previsioneDeclaration, entitiesNow)
        var keys: [(key: String, name: String)] = []
        var seen: Set<String> = []
        for entity in nowList + beforeList where seen.insert(entity.key).inserted {
            keys.append((entity.key, entity.name))
        }
        let order = prospetto.previsione.residents.map { Employer.comuneKey($0.istatCode) } + EmployerKind.allCases.map(\.rawValue)
        let rank = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        keys.sort { (rank[$0.key] ?? .max) < (rank[$1.key] ?? .max) }
        return keys.map { entry in
            EntityRow(
                key: entry.key, name: entry.name,
                istatCode: Employer.istatCode(ofComuneKey: entry.key)
                    ?? (entry.key == EmployerKind.comuneCapofila.rawValue ? prospetto.previsione.capofilaCode ?? prospetto.consuntivo.capofilaCode : nil),
                consuntivo: before[entry.key], previsione: now[entry.key],
                declaredConsuntivo: prospetto.consuntivoDeclaration.fte(of: entry.key), declaredPrevisione: prospetto.previsioneDeclaration.fte(of: entry.key),
                exactConsuntivo: exactBefore[entry.key] ?? .zero, exactPrevisione: exactNow[entry.key] ?? .zero,
                partConsuntivo: partBefore[entry.key] ?? .zero, partPrevisione: partNow[entry.key] ?? .zero,
                areasToDeclareConsuntivo: areasBefore[entry.key], areasToDeclarePrevisione: areasNow[entry.key])
        }
    }

    /// The counted persons of `assessment` for the annex.
    func persons(_ assessment: AnnualAssessment) -> [PersonRow] {
        var rows: [PersonRow] = []
        rows.reserveCapacity(assessment.counted.count)
        forEachPerson(in: assessment) { rows.append($0) }
        return rows
    }

    /// Each counted person of `assessment` for the annex, in order, made one at a time.
    func forEachPerson(in assessment: AnnualAssessment, _ body: (PersonRow) -> Void) {
        // A comune employer is named, every other by its kind.
        let name = assessment.employerNamer()
        let periodText = PeriodText(year: assessment.year, method: assessment.method)
        for record in assessment.counted {
            let entity = name(record.employer)
            let service = record.service
            let days = service.reduce(0) { $0 + $1.days }
            body(PersonRow(id: record.id.text, entity: entity, service: service, days: days, fte: record.fte, periodText: periodText))
        }
    }

    /// `Da inserire su SIOSS entro il 28/02/2026 [...]`.
    var deadlineLine: String {
        "Da inserire su SIOSS entro il \(prospetto.deadline.value.italian) [\(prospetto.deadline.reference.citation)]"
    }

    /// `Prodotto il 26/11/2026 con PotenziamentoKit 2.0.0`.
    /// How each year's figures were obtained (`--spiega`), consuntivo then previsione: the
    /// contribution on exact FTE, then the figures to declare and the contribution on them (what
    /// the ministry computes). The one list the text, Markdown and HTML prospetto explain.
    var explanations: [(year: Int, steps: [Explanation])] {
        [(prospetto.consuntivo, prospetto.consuntivoDeclaration), (prospetto.previsione, prospetto.previsioneDeclaration)].map { assessment, declaration in
            (assessment.year, [AssessmentReport.explanation(assessment), declaration.explanation(of: assessment)])
        }
    }

    var productionLine: String { "Prodotto il \(options.today.italian) con PotenziamentoKit \(PotenziamentoKitInfo.version)" }

    /// The signature block's place-and-date line.
    var placeAndDate: String { "Luogo e data: \(options.place ?? "____________________"), \(options.today.italian)" }
}
