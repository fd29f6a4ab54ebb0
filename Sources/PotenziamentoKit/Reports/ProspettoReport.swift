/// The reports of the prospetto riassuntivo (`potenziamento prospetto`): Italian text, Markdown,
/// JSON `potenziamento.prospetto.v1`, CSV and printable XHTML (see ``ProspettoHTML``).
public enum ProspettoReport {
    /// The JSON format identifier.
    public static let format = "potenziamento.prospetto.v1"

    /// One row of the side-by-side summary: label, consuntivo value, previsione value.
    struct Row {
        let label: String
        let consuntivo: String
        let previsione: String
    }

    static func yesNo(_ value: Bool) -> String { value ? "sì" : "no" }

    /// The summary rows shared by every format.
    static func summaryRows(_ p: Prospetto) -> [Row] {
        let c = p.consuntivo.contribution
        let v = p.previsione.contribution
        let fte = TextBlocks.fte
        return [
            Row(
                label: "Popolazione residente (1° gennaio)", consuntivo: NumberFormatting.italian(c.population),
                previsione: NumberFormatting.italian(v.population)),
            Row(label: "FTE assistenti sociali conteggiati", consuntivo: fte(c.fte), previsione: fte(v.fte)),
            Row(
                label: "Soglia minima 1/6.500 (T65)", consuntivo: "\(fte(c.thresholds.minimum)) (\(yesNo(c.meetsMinimum)))",
                previsione: "\(fte(v.thresholds.minimum)) (\(yesNo(v.meetsMinimum)))"),
            Row(
                label: "LEP 1/5.000 (T50)", consuntivo: "\(fte(c.thresholds.lep)) (\(yesNo(c.meetsLEP)))",
                previsione: "\(fte(v.thresholds.lep)) (\(yesNo(v.meetsLEP)))"),
            Row(
                label: "Obiettivo 1/4.000 (T40)", consuntivo: "\(fte(c.thresholds.objective)) (\(yesNo(c.meetsObjective)))",
                previsione: "\(fte(v.thresholds.objective)) (\(yesNo(v.meetsObjective)))"),
            Row(label: "Fascia A (FTE)", consuntivo: fte(c.bandA.fte), previsione: fte(v.bandA.fte)),
            Row(label: "Fascia A (€)", consuntivo: NumberFormatting.euro(c.bandA.amount), previsione: NumberFormatting.euro(v.bandA.amount)),
            Row(label: "Fascia B (FTE)", consuntivo: fte(c.bandB.fte), previsione: fte(v.bandB.fte)),
            Row(label: "Fascia B (€)", consuntivo: NumberFormatting.euro(c.bandB.amount), previsione: NumberFormatting.euro(v.bandB.amount)),
            Row(label: "Contributo", consuntivo: NumberFormatting.euro(c.total), previsione: NumberFormatting.euro(v.total)),
        ]
    }

    static func areaRows(_ p: Prospetto) -> [Row] {
        ActivityArea.allCases.map { area in
            Row(
                label: area.label, consuntivo: TextBlocks.fte(p.consuntivo.areas.perArea[area] ?? .zero),
                previsione: TextBlocks.fte(p.previsione.areas.perArea[area] ?? .zero))
        } + [Row(label: "Non indicata", consuntivo: TextBlocks.fte(p.consuntivo.areas.unspecified), previsione: TextBlocks.fte(p.previsione.areas.unspecified))]
    }

    static func deadlineLine(_ p: Prospetto) -> String {
        "Da inserire su SIOSS entro il \(p.deadline.value.italian) [\(p.deadline.reference.citation)]"
    }

    // MARK: JSON

    /// The `potenziamento.prospetto.v1` document.
    public static func json(_ p: Prospetto) -> String { jsonValue(p).rendered() }

    /// The `potenziamento.prospetto.v1` document as a value (embedded in batch outputs).
    public static func jsonValue(_ p: Prospetto) -> JSONValue {
        func yearJSON(_ a: AnnualAssessment, _ share: MunicipalShare) -> JSONValue {
            .object([
                ("anno", .integer(a.year)),
                ("popolazione", share.residents.map { .integer($0) } ?? .null),
                ("fteProprio", .decimal(share.ownFTE)),
                ("fteAttribuito", .decimal(share.attributedFTE)),
                ("euro", .euro(share.amount)),
            ])
        }
        let comuni: [JSONValue] = p.previsione.split.shares.indices.map { index in
            let current = p.previsione.split.shares[index]
            let previous = p.consuntivo.split.shares.first { $0.recipient == current.recipient } ?? current
            return .object([
                ("ente", .string(current.recipient.description)),
                ("denominazione", .string(current.name)),
                ("consuntivo", yearJSON(p.consuntivo, previous)),
                ("previsione", yearJSON(p.previsione, current)),
            ])
        }
        return JSONValue.object([
            ("formato", .string(format)),
            ("campagna", .integer(p.campaign)),
            (
                "ambito",
                .object([
                    ("codice", .string(p.previsione.ambito.code)), ("denominazione", .string(p.previsione.ambito.name)),
                    ("regione", p.previsione.ambito.region.map { .string($0) } ?? .null),
                ])
            ),
            ("scadenza", .string(p.deadline.value.iso)),
            ("consuntivo", AssessmentReport.jsonValue(p.consuntivo)),
            ("previsione", AssessmentReport.jsonValue(p.previsione)),
            ("comuni", .array(comuni)),
        ])
    }

    // MARK: Text

    /// The Italian text report a person prints.
    public static func text(_ p: Prospetto) -> String {
        let ambito = p.previsione.ambito
        let c = p.campaign
        var lines = [
            "PROSPETTO RIASSUNTIVO — campagna \(c)",
            "Ambito: \(ambito.name) (\(ambito.code))\(ambito.region.map { ", \($0)" } ?? "")",
            deadlineLine(p),
            "FTE calcolati per \(p.previsione.method.label)",
            "",
            TextBlocks.left("", 44) + TextBlocks.right("Consuntivo \(c - 1)", 16) + TextBlocks.right("Previsione \(c)", 20),
        ]
        lines += summaryRows(p).map { TextBlocks.left($0.label, 44) + TextBlocks.right($0.consuntivo, 16) + TextBlocks.right($0.previsione, 20) }
        lines += ["", "FTE per area di attività"]
        lines += areaRows(p).map { TextBlocks.left("  \($0.label)", 44) + TextBlocks.right($0.consuntivo, 16) + TextBlocks.right($0.previsione, 20) }
        for assessment in [p.consuntivo, p.previsione] {
            let kind = assessment.year == c ? "Previsione" : "Consuntivo"
            lines += ["", "\(kind) \(assessment.year): ambito e comuni (D.M. 15/2021, art. 2 — \(AssessmentReport.ruleLabel(assessment.split.rule)))"]
            lines += TextBlocks.splitTable(assessment, withTotal: true)
        }
        lines += ["", "Persone escluse dal calcolo (\(p.previsione.excluded.count)):"]
        lines += p.previsione.excluded.map { "  - \($0.id): \($0.reason.label) [\($0.reason.rawValue)]" }
        lines.append("")
        lines += TextBlocks.parameterCitations(p.previsione.contribution.parameters)
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: Markdown

    /// The prospetto as Markdown.
    public static func markdown(_ p: Prospetto) -> String {
        let ambito = p.previsione.ambito
        let c = p.campaign
        var lines = [
            "# Prospetto riassuntivo — campagna \(c)", "",
            "**Ambito:** \(ambito.name) (\(ambito.code))\(ambito.region.map { ", \($0)" } ?? "")  ",
            "**\(deadlineLine(p))**  ",
            "FTE calcolati per \(p.previsione.method.label).", "",
            "| voce | consuntivo \(c - 1) | previsione \(c) |", "|---|---:|---:|",
        ]
        lines += summaryRows(p).map { "| \($0.label) | \($0.consuntivo) | \($0.previsione) |" }
        lines += ["", "## FTE per area di attività", "", "| area | consuntivo \(c - 1) | previsione \(c) |", "|---|---:|---:|"]
        lines += areaRows(p).map { "| \($0.label) | \($0.consuntivo) | \($0.previsione) |" }
        for assessment in [p.consuntivo, p.previsione] {
            let kind = assessment.year == c ? "Previsione" : "Consuntivo"
            lines += [
                "", "## \(kind) \(assessment.year): comuni (D.M. 15/2021, art. 2)", "",
                "| ente | residenti | FTE propri | FTE attribuiti | importo |", "|---|---:|---:|---:|---:|",
            ]
            lines += assessment.split.shares.map {
                "| \($0.name) | \($0.residents.map { NumberFormatting.italian($0) } ?? "—") | \(TextBlocks.fte($0.ownFTE)) | \(TextBlocks.fte($0.attributedFTE)) | \(NumberFormatting.euro($0.amount)) |"
            }
        }
        lines += ["", "## Persone escluse", ""]
        lines += p.previsione.excluded.isEmpty ? ["Nessuna."] : p.previsione.excluded.map { "- `\($0.id)`: \($0.reason.label)" }
        lines += ["", "## Parametri di legge applicati", ""] + TextBlocks.parameterMarkdown(p.previsione.contribution.parameters)
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: CSV

    /// The tables in one sheet: `sezione;voce;consuntivo C-1;previsione C` (`;`, decimal comma).
    public static func csv(_ p: Prospetto) -> String {
        let c = p.campaign
        var lines = ["sezione;voce;consuntivo_\(c - 1);previsione_\(c)"]
        func plain(_ a: ContributionAssessment) -> [String] {
            [
                String(a.population), NumberFormatting.spreadsheet(a.fte, decimals: 4),
                NumberFormatting.spreadsheet(a.thresholds.minimum, decimals: 4), NumberFormatting.spreadsheet(a.thresholds.lep, decimals: 4),
                NumberFormatting.spreadsheet(a.thresholds.objective, decimals: 4), NumberFormatting.spreadsheet(a.bandA.fte, decimals: 4),
                NumberFormatting.spreadsheet(a.bandA.amount), NumberFormatting.spreadsheet(a.bandB.fte, decimals: 4),
                NumberFormatting.spreadsheet(a.bandB.amount), NumberFormatting.spreadsheet(a.total),
            ]
        }
        let labels = [
            "popolazione", "fte", "soglia_minima", "lep", "obiettivo", "fascia_a_fte", "fascia_a_euro", "fascia_b_fte", "fascia_b_euro", "contributo",
        ]
        let before = plain(p.consuntivo.contribution)
        let now = plain(p.previsione.contribution)
        for index in labels.indices { lines.append("ambito;\(labels[index]);\(before[index]);\(now[index])") }
        for area in ActivityArea.allCases {
            lines.append(
                "aree;\(area.rawValue);\(NumberFormatting.spreadsheet(p.consuntivo.areas.perArea[area] ?? .zero, decimals: 4));\(NumberFormatting.spreadsheet(p.previsione.areas.perArea[area] ?? .zero, decimals: 4))"
            )
        }
        lines.append(
            "aree;non_indicata;\(NumberFormatting.spreadsheet(p.consuntivo.areas.unspecified, decimals: 4));\(NumberFormatting.spreadsheet(p.previsione.areas.unspecified, decimals: 4))"
        )
        for share in p.previsione.split.shares {
            let previous = p.consuntivo.split.shares.first { $0.recipient == share.recipient } ?? share
            let name = AssessmentReport.csvField(share.recipient.description)
            lines.append("comuni;\(name) residenti;\(previous.residents.map(String.init) ?? "");\(share.residents.map(String.init) ?? "")")
            lines.append(
                "comuni;\(name) fte_propri;\(NumberFormatting.spreadsheet(previous.ownFTE, decimals: 4));\(NumberFormatting.spreadsheet(share.ownFTE, decimals: 4))"
            )
            lines.append(
                "comuni;\(name) fte_attribuiti;\(NumberFormatting.spreadsheet(previous.attributedFTE, decimals: 4));\(NumberFormatting.spreadsheet(share.attributedFTE, decimals: 4))"
            )
            lines.append("comuni;\(name) euro;\(NumberFormatting.spreadsheet(previous.amount));\(NumberFormatting.spreadsheet(share.amount))")
        }
        for record in p.previsione.excluded {
            lines.append("esclusi;\(AssessmentReport.csvField(record.id.text));\(record.reason.rawValue);\(record.reason.rawValue)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The chart series of the prospetto: consuntivo (dashed) and previsione.
    public static func chartSeries(_ p: Prospetto) -> [ContributionChart.Series] {
        [
            ContributionChart.Series(label: "Consuntivo \(p.campaign - 1)", assessment: p.consuntivo.contribution, dashed: true),
            ContributionChart.Series(label: "Previsione \(p.campaign)", assessment: p.previsione.contribution, dashed: false),
        ]
    }

    /// The chart title.
    public static func chartTitle(_ p: Prospetto) -> String {
        "Contributo in funzione degli FTE — \(p.previsione.ambito.name)"
    }
}
