/// Blocks of Italian text shared by the reports (contribution summary, parameter citations,
/// aligned columns). Data in these lines is made safe when the line is written
/// (``ReportOutput/line(_:)``, ``CellEscaping``).
enum TextBlocks {
    static func fte(_ value: Fraction) -> String { NumberFormatting.italian(value, decimals: fteDecimals) }
    /// An exact FTE as the prospetto shows it beside a figure to declare: 4 decimals, `≈` when it has more.
    static func exactFTE(_ value: Fraction) -> String { NumberFormatting.italianMarkingRounding(value, decimals: 4) }

    /// The exact FTE `exact` of a part of a total (an entity of the ATS) as the prospetto shows it
    /// beside its figure to declare: 4 decimals, and when it has more, `≈` and its `part` of the
    /// total shown (``AnnualAssessment/shownEntitiesWithExactFTE(decimals:of:)`` with 4 decimals),
    /// so the column adds up to the total shown below it and says what JSON and CSV say
    /// (docs/regole.md §5).
    static func exactFTE(part: Fraction, of exact: Fraction) -> String {
        NumberFormatting.isExact(exact, decimals: 4) ? NumberFormatting.italian(exact, decimals: 4) : "≈ " + NumberFormatting.italian(part, decimals: 4)
    }

    /// `threshold`'s ratio in a label over the columns of `contributions` (``ParametersInForce/ratioText(_:)``):
    /// `1/5.000`, or each year's ratio (`1/4.500 nel 2025 · 1/5.000 nel 2026`) when a replaced
    /// parameter makes them differ, so no label names a ratio a column did not use.
    static func ratioText(_ threshold: Threshold, in contributions: [ContributionAssessment]) -> String {
        let texts = contributions.map { $0.parameters.ratioText(threshold) }
        guard let first = texts.first, texts.contains(where: { $0 != first }) else { return texts.first ?? "" }
        return zip(texts, contributions).map { "\($0) nel \($1.parameters.year)" }.joined(separator: " · ")
    }

    /// The range of fascia A (`lower` .minima) or B (`lower` .lep) in a label over `contributions`:
    /// `da 1/6.500 a 1/5.000`, or by name (`dalla soglia minima al LEP`) when a replaced ratio
    /// differs between the columns.
    static func bandRange(from lower: Threshold, in contributions: [ContributionAssessment]) -> String {
        let upper: Threshold = lower == .minima ? .lep : .obiettivo
        let ratios = contributions.map { [$0.parameters.ratioText(lower), $0.parameters.ratioText(upper)] }
        guard let first = ratios.first, ratios.allSatisfy({ $0 == first }) else {
            return lower == .minima ? "dalla soglia minima al LEP" : "dal LEP all'obiettivo"
        }
        return "da \(first[0]) a \(first[1])"
    }

    /// The lines that name the parameters of `parameters` (one or more years) not the law's
    /// (``ParametersInForce/differingFromLaw``), each once; none when all are the law's.
    static func replacedParameters(_ parameters: [ParametersInForce]) -> [String] {
        var seen = Set<ParameterCitation>()
        let replaced = parameters.flatMap(\.differingFromLaw).filter { seen.insert($0).inserted }
        guard !replaced.isEmpty else { return [] }
        return ["Parametri diversi da quelli di legge (ipotesi, non valori ufficiali):"]
            + replaced.map { "  - \($0.name.label): \($0.valueText) dal \($0.fromYear) [\($0.reference.citation)]" }
    }

    /// The decimals of an FTE figure in text, Markdown and HTML (JSON and CSV show 4).
    static let fteDecimals = 2

    /// Pads `text` on the left to `width` characters.
    static func right(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }

    /// Pads `text` on the right to `width` characters.
    static func left(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    /// `rows` as aligned lines: the first column on the left, the others on the right, each as
    /// wide as `widths` says or wider, so that every cell has a space before it (a trial: with
    /// figures of thousands, or more decimals, a table's figures ran into each other).
    static func aligned(_ rows: [[String]], widths: [Int]) -> [String] {
        var columns = widths
        for row in rows {
            for (index, cell) in row.enumerated() where index < columns.count { columns[index] = max(columns[index], cell.count + 1) }
        }
        return rows.map { row in
            row.enumerated().map { index, cell in index == 0 ? left(cell, columns[index]) : right(cell, columns[min(index, columns.count - 1)]) }.joined()
        }
    }

    static func met(_ met: Bool, missing: Fraction) -> String {
        met ? "raggiunta" : "non raggiunta (mancano \(NumberFormatting.italian(missing.roundedUp(decimals: 2), decimals: 2)) FTE)"
    }

    /// Population, FTE, thresholds and bands, as aligned lines.
    static func contributionSummary(_ assessment: ContributionAssessment) -> [String] {
        let p = assessment.parameters
        let thresholds = assessment.thresholds
        // The bands' FTE with 4 decimals, marked `≈` when rounded: the line multiplies them.
        let width = 38
        let bandFTE = { (value: Fraction) in NumberFormatting.italianMarkingRounding(value, decimals: 4) }
        return [
            left("Popolazione residente", width) + right(NumberFormatting.italian(assessment.population), 16),
            left("FTE assistenti sociali conteggiati", width) + right(fte(assessment.fte), 16),
            "",
            "Soglie (FTE)",
            left("  minima \(p.ratioText(.minima)) (T65)", width) + right(fte(thresholds.minimum), 16)
                + "   " + met(assessment.meetsMinimum, missing: assessment.missingToMinimum),
            left("  LEP \(p.ratioText(.lep)) (T50)", width) + right(fte(thresholds.lep), 16)
                + "   " + met(assessment.meetsLEP, missing: assessment.missingToLEP),
            left("  obiettivo \(p.ratioText(.obiettivo)) (T40)", width) + right(fte(thresholds.objective), 16)
                + "   " + met(assessment.meetsObjective, missing: assessment.missingToObjective),
            "",
            left("Fascia A: \(bandFTE(assessment.bandA.fte)) FTE × \(NumberFormatting.euro(assessment.bandA.amountPerFTE))", width)
                + right(NumberFormatting.euro(assessment.bandA.amount), 16),
            left("Fascia B: \(bandFTE(assessment.bandB.fte)) FTE × \(NumberFormatting.euro(assessment.bandB.amountPerFTE))", width)
                + right(NumberFormatting.euro(assessment.bandB.amount), 16),
            left("CONTRIBUTO", width) + right(NumberFormatting.euro(assessment.total), 16),
        ]
    }

    /// The parameters applied with their references, one per line.
    static func parameterCitations(_ parameters: ParametersInForce) -> [String] {
        ["Parametri di legge applicati (anno \(parameters.year)):"]
            + parameters.citations.map { "  - \($0.name.label): \($0.valueText) [\($0.reference.citation)]" }
    }

    /// The same summary as a Markdown table (every cell written by us: numbers and labels).
    static func contributionMarkdownTable(_ assessment: ContributionAssessment) -> [String] {
        let thresholds = assessment.thresholds
        let yesNo = { (value: Bool) in value ? "sì" : "no" }
        return [
            "| voce | valore |",
            "|---|---:|",
            "| Popolazione residente | \(NumberFormatting.italian(assessment.population)) |",
            "| FTE conteggiati | \(fte(assessment.fte)) |",
            "| Soglia minima T65 (raggiunta: \(yesNo(assessment.meetsMinimum))) | \(fte(thresholds.minimum)) |",
            "| LEP T50 (raggiunto: \(yesNo(assessment.meetsLEP))) | \(fte(thresholds.lep)) |",
            "| Obiettivo T40 (raggiunto: \(yesNo(assessment.meetsObjective))) | \(fte(thresholds.objective)) |",
            // The bands' FTE with 4 decimals, as the text (a trial: 4,62 FTE beside 184.615,38 €).
            "| Fascia A (\(NumberFormatting.italianMarkingRounding(assessment.bandA.fte, decimals: 4)) FTE) | \(NumberFormatting.euro(assessment.bandA.amount)) |",
            "| Fascia B (\(NumberFormatting.italianMarkingRounding(assessment.bandB.fte, decimals: 4)) FTE) | \(NumberFormatting.euro(assessment.bandB.amount)) |",
            "| **Contributo** | **\(NumberFormatting.euro(assessment.total))** |",
        ]
    }

    /// The parameters as a Markdown list.
    static func parameterMarkdown(_ parameters: ParametersInForce) -> [String] {
        parameters.citations.map { citation in
            let link = citation.reference.url.map { " (<\($0)>)" } ?? ""
            return "- \(citation.name.label): **\(citation.valueText)** — \(citation.reference.citation)\(link)"
        }
    }

    /// The DM 15/2021 art. 2 split as aligned lines: header, one line per comune and the capofila,
    /// and (optionally) the ATS total.
    static func splitTable(_ assessment: AnnualAssessment, withTotal: Bool) -> [String] {
        var rows = [["  ente", "residenti", "FTE propri", "FTE attrib.", "importo"]]
        let own = shownOwnFTE(assessment)
        for share in assessment.split.shares {
            rows.append([
                "  \(share.name)", share.residents.map { NumberFormatting.italian($0) } ?? "—", fte(own(share)), fte(share.attributedFTE),
                NumberFormatting.euro(share.amount),
            ])
        }
        if withTotal {
            rows.append([
                "  Totale ambito", NumberFormatting.italian(assessment.population), fte(assessment.fte), "",
                NumberFormatting.euro(assessment.contribution.total),
            ])
        }
        return aligned(rows, widths: [32, 11, 12, 12, 16]) + zeroShareReasons(assessment)
    }

    /// The own FTE of each share of `assessment`'s split as a table shows them beside the ATS
    /// total with `decimals` decimals (``AnnualAssessment/shownOwnFTE(decimals:)``: the column
    /// adds up to it). By recipient, for the tables that put two years side by side.
    static func shownOwnFTE(_ assessment: AnnualAssessment, decimals: Int = fteDecimals) -> (MunicipalShare) -> Fraction {
        let shown = Dictionary(
            zip(assessment.split.shares.map(\.recipient), assessment.shownOwnFTE(decimals: decimals)), uniquingKeysWith: { first, _ in first })
        return { shown[$0.recipient] ?? $0.ownFTE }
    }

    /// Why a share of the split is 0,00 €, one line each (a comune below its own soglia minima,
    /// the capofila left nothing by the reduction of c. 5): a zero without a word reads as a mistake.
    static func zeroShareReasons(_ assessment: AnnualAssessment) -> [String] {
        let split = assessment.split
        guard split.rule != .allToLead else { return [] }
        let ratio = assessment.contribution.parameters.minimumRatio.value
        var reasons: [String] = []
        for share in split.shares where share.amount.cents.isZero {
            switch share.recipient {
            case .comune:
                guard share.formulaAmount.isZero, let residents = share.residents else { continue }
                reasons.append(
                    "\(share.name): con \(NumberFormatting.italianMarkingRounding(share.ownFTE + share.attributedFTE, decimals: 4)) FTE (propri + attribuiti) non raggiunge la soglia minima di \(NumberFormatting.italianMarkingRounding(Fraction(residents, ratio), decimals: 4)) FTE per i suoi \(NumberFormatting.italian(residents)) residenti (1 ogni \(NumberFormatting.italian(ratio))): la formula dà 0,00 €"
                )
            case .capofila:
                guard split.rule == .proRataReduction, !share.ownFTE.isZero else { continue }
                reasons.append(
                    "\(share.name): gli importi dei comuni superano il contributo e sono ridotti in proporzione (art. 2, c. 5): agli enti d'ambito non resta un residuo"
                )
            }
        }
        return reasons.isEmpty ? [] : ["  Importi di 0,00 € (il dettaglio con --spiega):"] + reasons.map { "    - \($0)" }
    }
}
