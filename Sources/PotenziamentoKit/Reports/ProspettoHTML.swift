/// The prospetto as one self-contained XHTML page (no external CSS, fonts or scripts) that
/// prints on A4, with the inline SVG chart of ``ContributionChart``. Well-formed XML, so it can
/// be checked with any XML parser.
public enum ProspettoHTML {
    static let style = """
        @page { size: A4; margin: 14mm; }
        body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10pt; color: #111; margin: 0 auto; max-width: 190mm; }
        h1 { font-size: 15pt; margin: 0 0 2mm 0; }
        h2 { font-size: 11.5pt; margin: 6mm 0 2mm 0; border-bottom: 1px solid #999; }
        p.meta { margin: 0.5mm 0; }
        table { border-collapse: collapse; width: 100%; margin: 1mm 0 3mm 0; page-break-inside: avoid; }
        th, td { border: 1px solid #bbb; padding: 1mm 2mm; }
        th { background: #eef2f5; text-align: left; }
        td.n { text-align: right; white-space: nowrap; }
        tr.total td { font-weight: bold; }
        figure { margin: 2mm 0; page-break-inside: avoid; }
        figcaption { font-size: 9pt; color: #444; }
        .warning { color: #8a1c1c; }
        footer { margin-top: 6mm; font-size: 8.5pt; color: #444; }
        """

    static func e(_ text: String) -> String { ContributionChart.escape(text) }

    static func table(header: [String], rows: [[String]], totalLast: Bool = false, numericFrom: Int = 1) -> String {
        var parts = ["<table>", "<tr>" + header.map { "<th>\(e($0))</th>" }.joined() + "</tr>"]
        for (offset, row) in rows.enumerated() {
            let cells = row.enumerated().map { index, cell in index >= numericFrom ? "<td class=\"n\">\(e(cell))</td>" : "<td>\(e(cell))</td>" }
            let classAttribute = totalLast && offset == rows.count - 1 ? " class=\"total\"" : ""
            parts.append("<tr\(classAttribute)>" + cells.joined() + "</tr>")
        }
        parts.append("</table>")
        return parts.joined(separator: "\n")
    }

    /// The XHTML page.
    public static func render(_ p: Prospetto) -> String {
        let ambito = p.previsione.ambito
        let c = p.campaign
        var body: [String] = []
        body.append("<h1>Prospetto riassuntivo — campagna \(c)</h1>")
        body.append("<p class=\"meta\"><strong>Ambito:</strong> \(e(ambito.name)) (\(e(ambito.code)))\(ambito.region.map { ", " + e($0) } ?? "")</p>")
        body.append("<p class=\"meta\"><strong>\(e(ProspettoReport.deadlineLine(p)))</strong></p>")
        body.append("<p class=\"meta\">FTE calcolati per \(e(p.previsione.method.label)). L. 30 dicembre 2020, n. 178, art. 1, commi 797-804.</p>")
        body.append("<h2>Ambito: consuntivo \(c - 1) e previsione \(c)</h2>")
        body.append(
            table(
                header: ["voce", "consuntivo \(c - 1)", "previsione \(c)"],
                rows: ProspettoReport.summaryRows(p).map { [$0.label, $0.consuntivo, $0.previsione] }, totalLast: true))
        body.append("<figure>")
        body.append(ContributionChart.svg(ProspettoReport.chartSeries(p), title: ProspettoReport.chartTitle(p)))
        body.append(
            "<figcaption>Contributo in funzione degli FTE: nullo fino a T65, 40.000 € per FTE fino a T50 (LEP), 20.000 € per FTE fino a T40, poi costante. Linea tratteggiata: consuntivo \(c - 1); continua: previsione \(c).</figcaption>"
        )
        body.append("</figure>")
        body.append("<h2>FTE per area di attività</h2>")
        body.append(
            table(
                header: ["area", "consuntivo \(c - 1)", "previsione \(c)"], rows: ProspettoReport.areaRows(p).map { [$0.label, $0.consuntivo, $0.previsione] }))
        for assessment in [p.consuntivo, p.previsione] {
            let kind = assessment.year == c ? "Previsione" : "Consuntivo"
            body.append("<h2>\(kind) \(assessment.year): comuni e capofila (D.M. 15/2021, art. 2)</h2>")
            var rows = assessment.split.shares.map { share in
                [
                    share.name, share.residents.map { NumberFormatting.italian($0) } ?? "—", TextBlocks.fte(share.ownFTE),
                    TextBlocks.fte(share.attributedFTE), NumberFormatting.euro(share.amount),
                ]
            }
            rows.append([
                "Totale ambito", NumberFormatting.italian(assessment.population), TextBlocks.fte(assessment.fte), "",
                NumberFormatting.euro(assessment.contribution.total),
            ])
            body.append(table(header: ["ente", "residenti", "FTE propri", "FTE attribuiti", "importo"], rows: rows, totalLast: true))
        }
        body.append("<h2>Persone escluse dal calcolo</h2>")
        if p.previsione.excluded.isEmpty {
            body.append("<p>Nessuna.</p>")
        } else {
            body.append(table(header: ["id", "motivo"], rows: p.previsione.excluded.map { [$0.id.text, $0.reason.label] }, numericFrom: 2))
        }
        body.append("<h2>Parametri di legge applicati</h2>")
        body.append("<ul>")
        for citation in p.previsione.contribution.parameters.citations {
            body.append("<li>\(e(citation.name.label)): <strong>\(e(citation.valueText))</strong> — \(e(citation.reference.citation))</li>")
        }
        body.append("</ul>")
        body.append(
            "<footer>Prodotto con PotenziamentoKit \(PotenziamentoKitInfo.version). Importi per fascia arrotondati al centesimo (metà per eccesso); riparto tra i comuni con il metodo dei resti maggiori.</footer>"
        )
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="it" xml:lang="it">
            <head>
            <meta charset="UTF-8"/>
            <title>Prospetto riassuntivo \(c) — \(e(ambito.name))</title>
            <style>
            \(style)
            </style>
            </head>
            <body>
            \(body.joined(separator: "\n"))
            </body>
            </html>

            """
    }
}
