/// An SVG chart of the contribution as a function of FTE for one ATS: the curve is flat up to
/// T65, rises by fascia A to T50, by fascia B to T40, then stays flat (comma 797). The
/// thresholds are marked and the given points (consuntivo, previsione) are placed on their
/// curves. Coordinates are computed exactly and written with two decimals: the same input gives
/// the same bytes everywhere.
public enum ContributionChart {
    /// A point to place on the chart: a label and the assessment it stands for.
    public struct Series: Sendable {
        /// `Consuntivo 2025`.
        public let label: String
        /// The assessment (population gives the curve, FTE and total give the point).
        public let assessment: ContributionAssessment
        /// Draw the curve dashed (for the older year).
        public let dashed: Bool

        /// A series.
        public init(label: String, assessment: ContributionAssessment, dashed: Bool) {
            self.label = label
            self.assessment = assessment
            self.dashed = dashed
        }
    }

    static let width = 640
    static let height = 360
    static let left = 80
    static let right = 24
    static let top = 28
    static let bottom = 56

    /// The `<svg>` element (with the SVG namespace, usable standalone or inside XHTML).
    public static func svg(_ series: [Series], title: String) -> String {
        guard let reference = series.last?.assessment else { return "" }
        let maxFTE = series.map { Fraction.maximum($0.assessment.thresholds.objective * Fraction(5, 4), $0.assessment.fte * Fraction(11, 10)) }
            .reduce(Fraction.one, Fraction.maximum)
        let maxEuro =
            series.map { (a: Series) -> Fraction in
                let t = a.assessment.thresholds
                return (t.lep - t.minimum) * a.assessment.parameters.bandAAmount.value.euros
                    + (t.objective - t.lep) * a.assessment.parameters.bandBAmount.value.euros
            }.reduce(Fraction.one, Fraction.maximum) * Fraction(11, 10)
        let plotWidth = Fraction(width - left - right)
        let plotHeight = Fraction(height - top - bottom)
        func x(_ fte: Fraction) -> String { number(Fraction(left) + fte / maxFTE * plotWidth) }
        func y(_ euros: Fraction) -> String { number(Fraction(height - bottom) - euros / maxEuro * plotHeight) }
        var parts: [String] = []
        parts.append(
            ##"<svg xmlns="http://www.w3.org/2000/svg" width="\##(width)" height="\##(height)" viewBox="0 0 \##(width) \##(height)" role="img" aria-label="\##(escape(title))">"##
        )
        parts.append("<title>\(escape(title))</title>")
        parts.append(##"<rect x="0" y="0" width="\##(width)" height="\##(height)" fill="#ffffff"/>"##)
        // Axes.
        parts.append(##"<line x1="\##(left)" y1="\##(height - bottom)" x2="\##(width - right)" y2="\##(height - bottom)" stroke="#333333" stroke-width="1"/>"##)
        parts.append(##"<line x1="\##(left)" y1="\##(top)" x2="\##(left)" y2="\##(height - bottom)" stroke="#333333" stroke-width="1"/>"##)
        parts.append(
            ##"<text x="\##((left + width - right) / 2)" y="\##(height - 12)" font-size="12" text-anchor="middle" font-family="sans-serif">FTE assistenti sociali</text>"##
        )
        parts.append(##"<text x="14" y="\##(top - 10)" font-size="12" font-family="sans-serif">contributo (€)</text>"##)
        // Y ticks: 0, 1/2, max of the reference curve.
        let full =
            (reference.thresholds.lep - reference.thresholds.minimum) * reference.parameters.bandAAmount.value.euros
            + (reference.thresholds.objective - reference.thresholds.lep) * reference.parameters.bandBAmount.value.euros
        for tick in [Fraction.zero, full / Fraction(2), full] {
            parts.append(##"<line x1="\##(left - 4)" y1="\##(y(tick))" x2="\##(left)" y2="\##(y(tick))" stroke="#333333"/>"##)
            parts.append(
                ##"<text x="\##(left - 6)" y="\##(y(tick))" font-size="10" text-anchor="end" dominant-baseline="middle" font-family="sans-serif">\##(NumberFormatting.italian(tick, decimals: 0))</text>"##
            )
        }
        // Threshold markers of the reference (latest) year.
        let t = reference.thresholds
        for (label, value) in [("T65", t.minimum), ("T50 (LEP)", t.lep), ("T40", t.objective)] {
            parts.append(##"<line x1="\##(x(value))" y1="\##(top)" x2="\##(x(value))" y2="\##(height - bottom)" stroke="#999999" stroke-dasharray="3 3"/>"##)
            parts.append(
                ##"<text x="\##(x(value))" y="\##(height - bottom + 14)" font-size="10" text-anchor="middle" font-family="sans-serif">\##(label) \##(NumberFormatting.italian(value, decimals: 2))</text>"##
            )
        }
        // Curves and points.
        let colors = ["#1f6f8b", "#c0392b", "#2e7d32", "#6a1b9a"]
        for (offset, item) in series.enumerated() {
            let a = item.assessment
            let bandA = (a.thresholds.lep - a.thresholds.minimum) * a.parameters.bandAAmount.value.euros
            let bandB = (a.thresholds.objective - a.thresholds.lep) * a.parameters.bandBAmount.value.euros
            let points = [
                (Fraction.zero, Fraction.zero), (a.thresholds.minimum, .zero), (a.thresholds.lep, bandA),
                (a.thresholds.objective, bandA + bandB), (maxFTE, bandA + bandB),
            ]
            let color = colors[offset % colors.count]
            let path = points.map { "\(x($0.0)),\(y($0.1))" }.joined(separator: " ")
            parts.append(
                ##"<polyline points="\##(path)" fill="none" stroke="\##(color)" stroke-width="2"\##(item.dashed ? ##" stroke-dasharray="6 4""## : "")/>"##)
            parts.append(##"<circle cx="\##(x(a.fte))" cy="\##(y(a.total.euros))" r="5" fill="\##(color)"/>"##)
            parts.append(
                ##"<text x="\##(left + 10)" y="\##(top + 14 + offset * 16)" font-size="11" fill="\##(color)" font-family="sans-serif">● \##(escape(item.label)): \##(NumberFormatting.italian(a.fte, decimals: 2)) FTE → \##(escape(NumberFormatting.euro(a.total)))</text>"##
            )
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    /// A standalone SVG file (with the XML declaration).
    public static func standalone(_ series: [Series], title: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg(series, title: title) + "\n"
    }

    static func number(_ value: Fraction) -> String { NumberFormatting.plain(value, decimals: 2) }

    /// Escapes text for XML.
    public static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
