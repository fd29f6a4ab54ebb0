/// An SVG chart of the contribution as a function of FTE for one ATS (comma 797): flat up to the
/// soglia minima, rising by fascia A to the LEP, by fascia B to the obiettivo, then flat. It is
/// drawn for a reader: round euro ticks with €, an FTE axis that starts near the soglia minima
/// (the flat zero region is cut, and the cut is marked), the thresholds named in words, the
/// consuntivo and the previsione in distinct colours, line styles and markers, and a legend with
/// line samples. Coordinates are exact fractions written with two decimals: the same input gives
/// the same bytes everywhere.
enum ContributionChart {
    /// How a series is drawn.
    enum Style {
        /// The earlier year (consuntivo): blue, dashed, square marker.
        case earlier
        /// The current year (previsione, or the only year): red, solid, round marker.
        case current

        var color: String { self == .earlier ? "#1f5f8b" : "#b03a2e" }
        var dash: String { self == .earlier ? " stroke-dasharray=\"7 4\"" : "" }
    }

    /// A curve and its point: a label and the assessment it stands for.
    struct Series {
        /// `Consuntivo 2025`.
        let label: String
        /// The assessment (population gives the curve, FTE and total give the point).
        let assessment: ContributionAssessment
        /// How it is drawn.
        let style: Style
    }

    static let width = 680
    static let height = 310
    static let left = 92
    static let right = 24
    static let top = 40
    static let bottom = 100

    /// The curve's maximum: both fasce full.
    static func full(_ a: ContributionAssessment) -> Fraction {
        let bands = ContributionCalculator.bands(fte: a.thresholds.objective, thresholds: a.thresholds, parameters: a.parameters)
        return bands.a.exactEuros + bands.b.exactEuros
    }

    /// The curve at the LEP: fascia A full.
    static func bandAFull(_ a: ContributionAssessment) -> Fraction {
        ContributionCalculator.bands(fte: a.thresholds.lep, thresholds: a.thresholds, parameters: a.parameters).a.exactEuros
    }

    /// 1, 2 or 5 times a power of ten, the smallest not below `raw` (which is positive).
    static func niceStep(_ raw: Fraction) -> Fraction {
        var power = Fraction.one
        while power * Fraction(10) <= raw { power *= Fraction(10) }
        while power > raw { power = power / Fraction(10) }
        for factor in [1, 2, 5, 10] where power * Fraction(factor) >= raw { return power * Fraction(factor) }
        return power * Fraction(10)
    }

    /// The `<svg>` element (with the SVG namespace, usable standalone or inside XHTML).
    static func svg(_ series: [Series], title: String) -> String {
        guard let reference = series.last?.assessment else { return "" }
        let t = reference.thresholds
        // X axis: from a round value below the lowest soglia minima to past the obiettivo and the points.
        let lowest = series.map(\.assessment.thresholds.minimum).reduce(t.minimum, Fraction.minimum)
        let highest = series.map { Fraction.maximum($0.assessment.thresholds.objective * Fraction(23, 20), $0.assessment.fte * Fraction(27, 25)) }
            .reduce(Fraction.one, Fraction.maximum)
        let xStep = niceStep((highest - lowest * Fraction(3, 4)) / Fraction(7))
        let xMin = Fraction((lowest * Fraction(3, 4)).divided(by: xStep)?.floor ?? 0) * xStep
        let xMax = Fraction(highest.divided(by: xStep)?.ceiling ?? 1) * xStep
        // Y axis: from 0 to a round value above the highest curve.
        let topEuro = series.map { full($0.assessment) }.reduce(Fraction.one, Fraction.maximum)
        let yStep = niceStep(topEuro / Fraction(5))
        let yMax = Fraction((topEuro * Fraction(21, 20)).divided(by: yStep)?.ceiling ?? 1) * yStep
        let plotWidth = Fraction(width - left - right)
        let plotHeight = Fraction(height - top - bottom)
        let xSpan = Fraction.maximum(xMax - xMin, .one)
        // The one place of an FTE figure on the axis, in pixels.
        func position(_ fte: Fraction) -> Fraction { Fraction(left) + (Fraction.maximum(fte, xMin) - xMin) / xSpan * plotWidth }
        func x(_ fte: Fraction) -> String { number(position(fte)) }
        func y(_ euros: Fraction) -> String { number(Fraction(height - bottom) - euros / yMax * plotHeight) }
        let font = "font-family=\"DejaVu Sans, Arial, sans-serif\""
        var parts: [String] = []
        parts.append(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(escape(title))\">"
        )
        parts.append("<title>\(escape(title))</title>")
        parts.append("<rect x=\"0\" y=\"0\" width=\"\(width)\" height=\"\(height)\" fill=\"#ffffff\"/>")
        // Grid and euro ticks.
        var tick = Fraction.zero
        while tick <= yMax {
            parts.append("<line x1=\"\(left)\" y1=\"\(y(tick))\" x2=\"\(width - right)\" y2=\"\(y(tick))\" stroke=\"#e3e3e3\" stroke-width=\"1\"/>")
            parts.append(
                "<text x=\"\(left - 8)\" y=\"\(y(tick))\" font-size=\"10\" text-anchor=\"end\" dominant-baseline=\"middle\" \(font)>\(escape(NumberFormatting.italian(tick, decimals: 0))) €</text>"
            )
            tick += yStep
        }
        // FTE ticks.
        tick = xMin
        while tick <= xMax {
            parts.append("<line x1=\"\(x(tick))\" y1=\"\(height - bottom)\" x2=\"\(x(tick))\" y2=\"\(height - bottom + 5)\" stroke=\"#333333\"/>")
            parts.append(
                "<text x=\"\(x(tick))\" y=\"\(height - bottom + 17)\" font-size=\"10\" text-anchor=\"middle\" \(font)>\(NumberFormatting.italianTrimmed(tick, maximumDecimals: 2))</text>"
            )
            tick += xStep
        }
        // Axes, with the cut of the zero region marked on the FTE axis.
        parts.append("<line x1=\"\(left)\" y1=\"\(height - bottom)\" x2=\"\(width - right)\" y2=\"\(height - bottom)\" stroke=\"#333333\" stroke-width=\"1\"/>")
        parts.append("<line x1=\"\(left)\" y1=\"\(top)\" x2=\"\(left)\" y2=\"\(height - bottom)\" stroke=\"#333333\" stroke-width=\"1\"/>")
        if xMin > .zero {
            let base = height - bottom
            parts.append(
                "<path d=\"M \(left + 6) \(base + 4) l 4 -8 M \(left + 11) \(base + 4) l 4 -8\" stroke=\"#333333\" stroke-width=\"1\" fill=\"none\"/>")
        }
        parts.append(
            "<text x=\"\((left + width - right) / 2)\" y=\"\(height - bottom + 34)\" font-size=\"11\" text-anchor=\"middle\" \(font)>FTE di assistenti sociali (equivalenti a tempo pieno)\(xMin > .zero ? " — asse da \(NumberFormatting.italianTrimmed(xMin, maximumDecimals: 2))" : "")</text>"
        )
        parts.append("<text x=\"\(left)\" y=\"\(top - 28)\" font-size=\"11\" \(font)>Contributo annuo (€)</text>")
        // Thresholds of the latest year, named in words.
        let ratios = reference.parameters
        let marks = [
            ("soglia minima 1/\(NumberFormatting.italian(ratios.minimumRatio.value))", t.minimum),
            ("LEP 1/\(NumberFormatting.italian(ratios.lepRatio.value))", t.lep),
            ("obiettivo 1/\(NumberFormatting.italian(ratios.objectiveRatio.value))", t.objective),
        ]
        let labels = marks.map { "\($0.0): \(NumberFormatting.italian($0.1, decimals: 2))" }
        // Each label centred over its line, the soglia minima and the obiettivo on the upper row;
        // when those two would overlap (a small ATS on a wide axis: a trial printed one over the
        // other), or one would leave the picture, the three are said on one line, in the order of
        // the lines from the left.
        // Widths estimated at 6 pixels a character of 9,5-pixel text, with a gap of 8.
        let halfWidths = labels.map { Fraction(3 * $0.count) }
        let inside = marks.indices.allSatisfy { position(marks[$0].1) - halfWidths[$0] >= .zero && position(marks[$0].1) + halfWidths[$0] <= Fraction(width) }
        let apart = inside && position(marks[2].1) - position(marks[0].1) >= halfWidths[0] + halfWidths[2] + Fraction(8)
        for (offset, mark) in marks.enumerated() {
            parts.append("<line x1=\"\(x(mark.1))\" y1=\"\(top)\" x2=\"\(x(mark.1))\" y2=\"\(height - bottom)\" stroke=\"#8a8a8a\" stroke-dasharray=\"2 3\"/>")
            guard apart else { continue }
            parts.append(
                "<text x=\"\(x(mark.1))\" y=\"\(top - 12 + (offset % 2) * 10)\" font-size=\"9.5\" text-anchor=\"middle\" fill=\"#444444\" \(font)>\(escape(labels[offset]))</text>"
            )
        }
        if !apart {
            parts.append(
                "<text x=\"\(left)\" y=\"\(top - 8)\" font-size=\"9.5\" fill=\"#444444\" \(font)>\(escape("linee tratteggiate da sinistra: " + labels.joined(separator: " · ")))</text>"
            )
        }
        // Curves (one when every series has the same curve) and points.
        // Curves that differ by less than 2% of the population are drawn as one (two lines on top of
        // each other are unreadable); the legend says so.
        let sameCurve = series.allSatisfy { item in
            let difference = Fraction(abs(item.assessment.population - reference.population), max(reference.population, 1))
            return difference < Fraction(1, 50) && item.assessment.parameters.bandAAmount == reference.parameters.bandAAmount
                && item.assessment.parameters.bandBAmount == reference.parameters.bandBAmount
        }
        for item in series where !sameCurve || item.style == series.last?.style {
            let a = item.assessment
            let bandA = bandAFull(a)
            let points = [(xMin, Fraction.zero), (a.thresholds.minimum, .zero), (a.thresholds.lep, bandA), (a.thresholds.objective, full(a)), (xMax, full(a))]
            let path = points.map { "\(x($0.0)),\(y($0.1))" }.joined(separator: " ")
            let color = sameCurve ? "#555555" : item.style.color
            let dash = sameCurve ? "" : item.style.dash
            parts.append("<polyline points=\"\(path)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\"\(dash)/>")
        }
        for item in series {
            parts.append(marker(item.style, x: x(item.assessment.fte), y: y(item.assessment.total.euros)))
        }
        // Legend with line samples, below the axis title.
        let legendTop = height - bottom + 52
        if sameCurve {
            parts.append("<line x1=\"\(left)\" y1=\"\(legendTop)\" x2=\"\(left + 30)\" y2=\"\(legendTop)\" stroke=\"#555555\" stroke-width=\"2\"/>")
            parts.append(
                "<text x=\"\(left + 38)\" y=\"\(legendTop)\" font-size=\"10.5\" dominant-baseline=\"middle\" \(font)>\(escape(sameCurveLegend(series)))</text>"
            )
        }
        for (offset, item) in series.enumerated() {
            let lineY = legendTop + (sameCurve ? 18 : 0) + offset * 18
            if !sameCurve {
                parts.append(
                    "<line x1=\"\(left)\" y1=\"\(lineY)\" x2=\"\(left + 30)\" y2=\"\(lineY)\" stroke=\"\(item.style.color)\" stroke-width=\"2\"\(item.style.dash)/>"
                )
            }
            parts.append(marker(item.style, x: String(left + 15), y: String(lineY)))
            let a = item.assessment
            // The exact FTE as the summary shows them, said to be those: the figure to declare is
            // rounded down, and «6,99 FTE» beside a declared 6,98 read as a second figure to type
            // (an officer's trial).
            parts.append(
                "<text x=\"\(left + 38)\" y=\"\(lineY)\" font-size=\"10.5\" dominant-baseline=\"middle\" fill=\"\(item.style.color)\" \(font)>\(escape(item.label)): \(escape(TextBlocks.exactFTE(a.fte))) FTE esatti → \(escape(NumberFormatting.euro(a.total)))</text>"
            )
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    /// The legend line of a single curve.
    static func sameCurveLegend(_ series: [Series]) -> String {
        guard series.count > 1, let last = series.last else { return "contributo in funzione degli FTE" }
        let populations = series.map { NumberFormatting.italian($0.assessment.population) }
        if series.allSatisfy({ $0.assessment.population == last.assessment.population }) {
            return "contributo in funzione degli FTE (stessa popolazione, \(populations[0]), per entrambi gli anni)"
        }
        return "contributo per \(populations.last ?? "") residenti (con \(populations[0]) la curva è quasi identica)"
    }

    /// A square (earlier year) or round (current year) marker at (x, y).
    static func marker(_ style: Style, x: String, y: String) -> String {
        switch style {
        case .earlier:
            "<rect x=\"\(x)\" y=\"\(y)\" width=\"10\" height=\"10\" transform=\"translate(-5 -5)\" fill=\"\(style.color)\" stroke=\"#ffffff\" stroke-width=\"1\"/>"
        case .current: "<circle cx=\"\(x)\" cy=\"\(y)\" r=\"5.5\" fill=\"\(style.color)\" stroke=\"#ffffff\" stroke-width=\"1\"/>"
        }
    }

    /// A standalone SVG file (with the XML declaration).
    static func standalone(_ series: [Series], title: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg(series, title: title) + "\n"
    }

    static func number(_ value: Fraction) -> String { NumberFormatting.plain(value, decimals: 2) }

    /// Escapes text for XML (``CellEscaping/xml(_:)``).
    static func escape(_ text: String) -> String { CellEscaping.xml(text) }
}
