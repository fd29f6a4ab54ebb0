/// How a figure was obtained: a tree of steps, each with its value, the rule in words and the
/// parameters (with their legal references) it read. OpenFisca calls this a trace.
public struct Explanation: Sendable, Hashable, Codable {
    /// What the step computes (Italian), e.g. `Fascia A`.
    public let title: String
    /// The result of the step as text (`184.615,38 €`, `15,3846`).
    public let value: String
    /// The rule in words with the numbers filled in.
    public let rule: String
    /// The legal parameters read by this step.
    public let parameters: [ParameterCitation]
    /// The steps this one is built from.
    public let steps: [Explanation]

    /// A step of an explanation.
    public init(title: String, value: String, rule: String, parameters: [ParameterCitation] = [], steps: [Explanation] = []) {
        self.title = title
        self.value = value
        self.rule = rule
        self.parameters = parameters
        self.steps = steps
    }

    /// The tree as indented Italian text, one step per line, citations below their step.
    public func renderedText(indent: String = "") -> String { textLines(indent: indent).joined(separator: "\n") }

    /// The lines of ``renderedText(indent:)``.
    func textLines(indent: String = "") -> [String] {
        var lines = ["\(indent)\(title)\(equalsValue)", "\(indent)    regola: \(rule)"]
        for parameter in parameters { lines.append("\(indent)    \(Self.parameterLine(parameter))") }
        for step in steps { lines += step.textLines(indent: indent + "  ") }
        return lines
    }

    /// The value after the title: « = 15,3846», or « ≈ 15,3846» for a value shown rounded (not
    /// «T65 = ≈ 15,3846»); the same in every format.
    var equalsValue: String { value.hasPrefix("≈ ") ? " \(value)" : " = \(value)" }

    /// A parameter read by a step, as every format shows it: `parametro NOME = valore [citazione]`.
    static func parameterLine(_ parameter: ParameterCitation) -> String {
        "parametro \(parameter.name.rawValue) = \(parameter.valueText) [\(parameter.reference.citation)]"
    }
}
