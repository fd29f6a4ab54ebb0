/// The formats of the reports (docs/formati.md, «Common options»): the raw values are the command's
/// `--formato` values.
public enum ReportFormat: String, Sendable, Hashable, CaseIterable, Codable {
    /// Italian text, aligned for a terminal or a printer.
    case text = "testo"
    /// A JSON document with a `formato` key (`potenziamento.valutazione.v1`, ...).
    case json
    /// CSV for Italian spreadsheets: UTF-8 with BOM, `;`, decimal comma, formulas neutralised.
    case csv
    /// Markdown, data escaped.
    case markdown
    /// A printable XHTML page (the prospetto only).
    case html
}

/// How a prospetto is written (docs/guida.md, «Il prospetto da firmare»).
public struct ProspettoReportOptions: Sendable, Hashable {
    /// The date of production printed in the signature block.
    public var today: CivilDate
    /// The place of signature, printed before the date (a blank line to fill when nil).
    public var place: String?
    /// Whether the annex of persons is included (default true).
    public var includesAnnex: Bool
    /// Whether the explanation of the figures is included (`--spiega`): in text, JSON
    /// (`spiegazione`, `spiegazioneSuDichiarato`), Markdown and HTML; CSV has no place for it.
    public var explains: Bool
    /// The warnings about the data (of reading and of computing, each naming its place), printed
    /// in the document under «Avvisi sui dati»: the caveats go with the signed prospetto, not only
    /// to the screen. Empty by default.
    public var warnings: [String]

    /// Options for a prospetto produced on `today`.
    public init(today: CivilDate, place: String? = nil, includesAnnex: Bool = true, explains: Bool = false, warnings: [String] = []) {
        self.today = today
        self.place = place
        self.includesAnnex = includesAnnex
        self.explains = explains
        self.warnings = warnings
    }
}

extension ContributionAssessment {
    /// The report of the contribution in `format` (text, JSON `potenziamento.contributo.v1`,
    /// CSV, Markdown); nil for HTML, which only the prospetto has.
    public func report(_ format: ReportFormat, explain: Bool = false) -> String? {
        let output = ReportOutput()
        return write(format, explain: explain, to: output) ? output.string : nil
    }

    /// Writes the report into `output`; false when the format is not available.
    package func write(_ format: ReportFormat, explain: Bool, to output: ReportOutput) -> Bool {
        switch format {
        case .text: ContributionReport.text(self, explain: explain, to: output)
        case .json: ContributionReport.json(self, explain: explain, to: output)
        case .csv: ContributionReport.csv(self, to: output)
        case .markdown: ContributionReport.markdown(self, explain: explain, to: output)
        case .html: return false
        }
        return true
    }
}

extension AnnualAssessment {
    /// The report of the assessment in `format` (text, JSON `potenziamento.valutazione.v1`, a
    /// per-person CSV, Markdown); nil for HTML, which only the prospetto has. Text and Markdown
    /// end with the assessment's warnings about the data, each naming its file without the folders.
    public func report(_ format: ReportFormat, explain: Bool = false) -> String? {
        let output = ReportOutput()
        return write(format, explain: explain, to: output) ? output.string : nil
    }

    /// The report as ``report(_:explain:)`` with `readingWarnings` (the warnings of loading the
    /// roster, ``RosterLoader/Loaded/warnings``) before the assessment's in the warnings about
    /// the data: the bytes the `potenziamento calcola` command writes for the same input
    /// (docs/formati.md, «avvisi sui dati»); nil for HTML.
    public func report(_ format: ReportFormat, explain: Bool = false, readingWarnings: [InputDiagnostic]) -> String? {
        let output = ReportOutput()
        return write(format, explain: explain, warnings: readingWarnings + warnings, to: output) ? output.string : nil
    }

    /// Writes the report into `output`, with `warnings` (of reading the roster and of the
    /// assessment, as the caller shows them; nil: the assessment's) as its warnings about the data
    /// in text and Markdown (JSON, the same bytes whatever the source, keeps those about residents;
    /// the per-person CSV none); false when the format is not available.
    package func write(_ format: ReportFormat, explain: Bool, warnings: [InputDiagnostic]? = nil, to output: ReportOutput) -> Bool {
        switch format {
        case .text: AssessmentReport.text(self, explain: explain, warnings: warnings, to: output)
        case .json: AssessmentReport.json(self, explain: explain, to: output)
        case .csv: AssessmentReport.csv(self, to: output)
        case .markdown: AssessmentReport.markdown(self, explain: explain, warnings: warnings, to: output)
        case .html: return false
        }
        return true
    }

    /// The SVG chart of the contribution as a function of FTE for this year.
    public var chart: String {
        ContributionChart.standalone(
            [ContributionChart.Series(label: "Anno \(year)", assessment: contribution, style: .current)],
            title: "Contributo in funzione degli FTE — \(ambito.name)")
    }
}

extension Prospetto {
    /// The prospetto in `format`: text, JSON `potenziamento.prospetto.v1`, CSV, Markdown, or the
    /// printable XHTML page to sign.
    public func report(_ format: ReportFormat, options: ProspettoReportOptions) -> String {
        let output = ReportOutput()
        write(format, options: options, to: output)
        return output.string
    }

    /// Writes the prospetto into `output`.
    package func write(_ format: ReportFormat, options: ProspettoReportOptions, to output: ReportOutput) {
        let content = ProspettoContent(
            prospetto: self,
            options: .init(today: options.today, place: options.place, annex: options.includesAnnex, explain: options.explains, warnings: options.warnings))
        switch format {
        case .text: ProspettoReport.text(content, to: output)
        case .json: ProspettoReport.json(content, to: output)
        case .csv: ProspettoReport.csv(content, to: output)
        case .markdown: ProspettoReport.markdown(content, to: output)
        case .html: ProspettoHTML.render(content, to: output)
        }
    }

    /// The SVG chart of the contribution for consuntivo and previsione.
    public var chart: String { ContributionChart.standalone(ProspettoReport.chartSeries(self), title: ProspettoReport.chartTitle(self)) }
}

extension NationalAllocation {
    /// The riparto in `format` (text, JSON `potenziamento.riparto.v1`, CSV); nil for Markdown and HTML.
    public func report(_ format: ReportFormat) -> String? {
        let output = ReportOutput()
        return write(format, to: output) ? output.string : nil
    }

    /// Writes the riparto into `output`; false when the format is not available.
    package func write(_ format: ReportFormat, to output: ReportOutput) -> Bool {
        switch format {
        case .text: AllocationReport.text(self, to: output)
        case .json: AllocationReport.json(self, to: output)
        case .csv: AllocationReport.csv(self, to: output)
        case .markdown, .html: return false
        }
        return true
    }
}

extension FundingCycle {
    /// The cycle in `format` (text or JSON `potenziamento.ciclo.v1`); nil for the others.
    public func report(_ format: ReportFormat, ambito: Ambito? = nil) -> String? {
        let output = ReportOutput()
        return write(format, ambito: ambito, to: output) ? output.string : nil
    }

    /// Writes the cycle into `output`; false when the format is not available.
    package func write(_ format: ReportFormat, ambito: Ambito?, to output: ReportOutput) -> Bool {
        switch format {
        case .text: CycleReport.text(self, ambito: ambito, to: output)
        case .json: CycleReport.json(self, ambito: ambito, to: output)
        default: return false
        }
        return true
    }
}

extension ParameterTable {
    /// Every parameter with its values over time and references, in `format` (text, JSON
    /// `potenziamento.parametri.v1`, Markdown); nil for CSV and HTML.
    public func report(_ format: ReportFormat) -> String? {
        let output = ReportOutput()
        return write(format, to: output) ? output.string : nil
    }

    /// Writes the table into `output`; false when the format is not available.
    package func write(_ format: ReportFormat, to output: ReportOutput) -> Bool {
        switch format {
        case .text: ParameterReport.text(self, to: output)
        case .json: ParameterReport.json(self, to: output)
        case .markdown: ParameterReport.markdown(self, to: output)
        default: return false
        }
        return true
    }
}

/// The simulation reports, for the command (``SimulationReport``).
package enum SimulationReports {
    /// Writes the simulation in `format` (text or JSON); false for the others.
    package static func write(
        _ format: ReportFormat, years: [ScenarioYear], planning: PlanningFigures, changes: [AppliedChange], sources: [String], to output: ReportOutput
    ) -> Bool {
        switch format {
        case .text: SimulationReport.text(years, planning: planning, changes: changes, sources: sources, to: output)
        case .json: SimulationReport.json(years, planning: planning, changes: changes, to: output)
        default: return false
        }
        return true
    }
}

// MARK: Workbooks

extension AnnualAssessment {
    /// The assessment as a workbook of `kind` (docs/formati.md, «Rapporti come cartelle di lavoro»).
    ///
    /// - Throws: ``InputError`` when a text of the data is too long for a cell.
    /// `warnings`: the warnings about the data of the sheet `avvisi` (nil: the assessment's).
    package func workbook(_ kind: SpreadsheetKind, warnings: [InputDiagnostic]? = nil) throws(InputError) -> [UInt8] {
        try kind.bytes(ReportWorkbooks.assessment(self, warnings: warnings))
    }
}

extension Prospetto {
    /// The prospetto as a workbook of `kind`, the SIOSS figures on their own sheet.
    ///
    /// - Throws: ``InputError`` when a text of the data is too long for a cell.
    package func workbook(_ kind: SpreadsheetKind, options: ProspettoReportOptions) throws(InputError) -> [UInt8] {
        let content = ProspettoContent(
            prospetto: self,
            options: .init(today: options.today, place: options.place, annex: options.includesAnnex, explain: options.explains, warnings: options.warnings))
        return try kind.bytes(ReportWorkbooks.prospetto(content))
    }
}

extension NationalAllocation {
    /// The riparto as a workbook of `kind`.
    ///
    /// - Throws: ``InputError`` when a text of the data is too long for a cell.
    package func workbook(_ kind: SpreadsheetKind) throws(InputError) -> [UInt8] { try kind.bytes(ReportWorkbooks.allocation(self)) }
}

extension SimulationReports {
    /// The simulation as a workbook of `kind`, with the run's `warnings` (each naming its place)
    /// in a sheet `avvisi`.
    ///
    /// - Throws: ``InputError`` when a text of the data is too long for a cell.
    package static func workbook(
        _ kind: SpreadsheetKind, years: [ScenarioYear], planning: PlanningFigures, changes: [AppliedChange], warnings: [String] = []
    ) throws(InputError) -> [UInt8] {
        try kind.bytes(ReportWorkbooks.simulation(years, planning: planning, changes: changes, warnings: warnings))
    }
}
