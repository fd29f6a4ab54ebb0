/// Help pages in the manner of swift-argument-parser: OVERVIEW, USAGE, ARGUMENTS, OPTIONS.
enum HelpFormatter {
    static func help(for spec: CommandSpec) -> String {
        var lines = ["DESCRIZIONE: \(spec.abstract)"]
        if !spec.discussion.isEmpty { lines += ["", spec.discussion] }
        lines += ["", "USO: \(spec.usageLine)"]
        if !spec.arguments.isEmpty {
            lines += ["", "ARGOMENTI:"]
            for argument in spec.arguments { lines.append(row("<\(argument.valueName)>", argument.help)) }
        }
        lines += ["", "OPZIONI:"]
        for option in spec.options {
            var name = option.short.map { "-\($0), --\(option.name)" } ?? "--\(option.name)"
            if let value = option.valueName { name += " <\(value)>" }
            lines.append(row(name, option.help + (option.repeatable ? " (ripetibile)" : "")))
        }
        if !spec.examples.isEmpty {
            lines += ["", "ESEMPI:"] + spec.examples.map { "  \($0)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func row(_ name: String, _ help: String) -> String {
        let column = 34
        if name.count + 2 >= column { return "  \(name)\n" + String(repeating: " ", count: column) + help }
        return "  " + name + String(repeating: " ", count: column - 2 - name.count) + help
    }
}
