/// An ``Explanation`` (`--spiega`) in the documents that are not plain text: Markdown and the
/// printable HTML page. The same steps, values, rules and parameters as
/// ``Explanation/renderedText(indent:)``, each step an item of a nested list, the data escaped.
extension Explanation {
    /// The tree as a nested Markdown list: a step per item (`- **titolo** = valore`), its rule and
    /// parameters on the lines below it, its steps indented under it.
    func markdownLines(indent: String = "") -> [String] {
        let md = CellEscaping.markdown
        // Two spaces end a line inside an item (a line break, not a new paragraph).
        var lines = ["\(indent)- **\(md(title))**\(md(equalsValue))  ", "\(indent)  regola: \(md(rule))"]
        for parameter in parameters {
            lines[lines.count - 1] += "  "
            lines.append("\(indent)  \(md(Self.parameterLine(parameter)))")
        }
        for step in steps { lines += step.markdownLines(indent: indent + "  ") }
        return lines
    }

    /// A Markdown section `## heading` with `explanations` one after the other.
    static func writeMarkdownSection(_ heading: String, _ explanations: [Explanation], to output: ReportOutput) {
        output.line()
        output.line("## \(CellEscaping.markdown(heading))")
        output.line()
        for explanation in explanations {
            for line in explanation.markdownLines() { output.line(line) }
        }
    }

    /// The tree as nested HTML lists: this step the item of a `<ul>`, the steps it is built from
    /// the items of one list inside it; the data escaped with ``CellEscaping/xml(_:)``.
    func writeHTML(to output: ReportOutput) {
        output.write("<ul class=\"explanation\">")
        writeHTMLItem(to: output)
        output.write("</ul>\n")
    }

    private func writeHTMLItem(to output: ReportOutput) {
        let e = CellEscaping.xml
        output.write("<li><strong>\(e(title))</strong>\(e(equalsValue))<br/>regola: \(e(rule))")
        for parameter in parameters { output.write("<br/><span class=\"parameter\">\(e(Self.parameterLine(parameter)))</span>") }
        if !steps.isEmpty {
            output.write("<ul class=\"explanation\">")
            for step in steps { step.writeHTMLItem(to: output) }
            output.write("</ul>")
        }
        output.write("</li>\n")
    }
}
