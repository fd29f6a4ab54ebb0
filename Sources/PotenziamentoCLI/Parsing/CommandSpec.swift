import PotenziamentoKit

/// The declaration of an option of a subcommand.
struct OptionSpec: Sendable {
    /// Long name without dashes (`popolazione`).
    let name: String
    /// Optional one-letter short name (`o` for `-o`).
    let short: Character?
    /// Placeholder of the value in help (`P`), or nil for a flag.
    let valueName: String?
    /// One line of help (Italian).
    let help: String
    /// Whether the option may be given several times.
    let repeatable: Bool
    /// Whether the option must be given (the parser reports it missing, usage shows it).
    let required: Bool

    init(_ name: String, short: Character? = nil, value: String? = nil, repeatable: Bool = false, required: Bool = false, help: String) {
        self.name = name
        self.short = short
        self.valueName = value
        self.help = help
        self.repeatable = repeatable
        self.required = required
    }

    var isFlag: Bool { valueName == nil }
}

/// A positional argument.
struct ArgumentSpec: Sendable {
    /// Placeholder in help (`FILE`).
    let valueName: String
    /// One line of help.
    let help: String
    /// Whether it may be omitted.
    let optional: Bool
    /// Whether it takes all remaining positionals.
    let variadic: Bool

    init(_ valueName: String, help: String, optional: Bool = false, variadic: Bool = false) {
        self.valueName = valueName
        self.help = help
        self.optional = optional
        self.variadic = variadic
    }
}

/// The declaration of a subcommand: name, help text, arguments, options.
struct CommandSpec: Sendable {
    let name: String
    let abstract: String
    let discussion: String
    let arguments: [ArgumentSpec]
    let options: [OptionSpec]
    let examples: [String]

    init(name: String, abstract: String, discussion: String = "", arguments: [ArgumentSpec] = [], options: [OptionSpec], examples: [String] = []) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.arguments = arguments
        // On every subcommand, as INTERFACE's common options (an audit: `calcola --version` was refused).
        self.options = options + [OptionSpec("help", short: "h", help: "Mostra questo aiuto."), OptionSpec("version", help: "Mostra la versione.")]
        self.examples = examples
    }

    func option(named name: String) -> OptionSpec? { options.first { $0.name == name } }
    func option(short: Character) -> OptionSpec? { options.first { $0.short == short } }

    /// `potenziamento contributo --popolazione <P> --fte <N> [--anno <Y>] ...`
    var usageLine: String {
        var parts = ["potenziamento", name]
        for argument in arguments {
            let text = argument.variadic ? "<\(argument.valueName)> ..." : "<\(argument.valueName)>"
            parts.append(argument.optional ? "[\(text)]" : text)
        }
        for option in options where option.required { parts.append("--\(option.name) <\(option.valueName ?? "VALORE")>") }
        parts.append("[opzioni]")
        return parts.joined(separator: " ")
    }
}

/// Options shared by the subcommands that write a report.
enum CommonOptions {
    static func format(_ formats: [ReportFormat], workbooks: Bool = false) -> OptionSpec {
        let names = formats.map(\.rawValue) + (workbooks ? SpreadsheetKind.allCases.map(\.rawValue) : [])
        return OptionSpec(
            "formato", value: "FORMATO",
            help: "Formato del risultato: \(names.joined(separator: ", ")) (predefinito: testo, o quello dell'estensione di --output).")
    }
    static let output = OptionSpec(
        "output", short: "o", value: "FILE", help: "Scrive il risultato in FILE (in modo atomico) invece che sullo schermo; l'estensione sceglie il formato.")
    static let explain = OptionSpec("spiega", help: "Mostra come è stato ottenuto ogni importo (passaggi, regole, riferimenti normativi).")
    static let year = OptionSpec("anno", value: "ANNO", help: "Anno di riferimento (es. 2025).")
    static let parameter = OptionSpec(
        "parametro", value: "NOME=VALORE[@ANNO]", repeatable: true,
        help: "Sostituisce un parametro di legge da un anno in poi (es. importoFasciaA=45000@2027); vedi 'potenziamento parametri'.")
}
