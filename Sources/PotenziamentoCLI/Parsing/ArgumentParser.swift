import PotenziamentoKit

/// The result of parsing a subcommand's arguments against its ``CommandSpec``.
struct ParsedArguments: Sendable {
    private(set) var values: [String: [String]] = [:]
    private(set) var flags: Set<String> = []
    private(set) var positionals: [String] = []

    /// The last value of an option, if given.
    func value(_ name: String) -> String? { values[name]?.last }
    /// All the values of a repeatable option, in order.
    func allValues(_ name: String) -> [String] { values[name] ?? [] }
    /// Whether a flag was given.
    func flag(_ name: String) -> Bool { flags.contains(name) }

    mutating func add(value: String, for name: String) { values[name, default: []].append(value) }
    /// Forgets every value of an option (as if it had not been given).
    mutating func removeValues(of name: String) { values[name] = nil }
    mutating func add(flag name: String) { flags.insert(name) }
    mutating func add(positional: String) { positionals.append(positional) }
}

/// Our command-line parser, in the manner of swift-argument-parser: `--name value`,
/// `--name=value`, `-o value`, `--` ends options, negative numbers are values, unknown options
/// are usage errors with a "did you mean" suggestion.
enum ArgumentParser {
    static func parse(_ arguments: [String], for spec: CommandSpec) throws(CommandFailure) -> ParsedArguments {
        var parsed = ParsedArguments()
        var index = 0
        var optionsEnded = false
        let hint = ["Uso: \(spec.usageLine)", "Vedi 'potenziamento \(spec.name) --help'."]
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || !argument.hasPrefix("-") || argument == "-" || looksNumeric(argument) {
                parsed.add(positional: argument)
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }
            var name: String
            var inlineValue: String?
            let option: OptionSpec
            if argument.hasPrefix("--") {
                name = String(argument.dropFirst(2))
                if let equals = name.firstIndex(of: "=") {
                    inlineValue = String(name[name.index(after: equals)...])
                    name = String(name[..<equals])
                }
                guard let found = spec.option(named: name) else {
                    throw .usage(unknownOptionMessage("--\(name)", candidates: spec.options.map { "--\($0.name)" }), hint: hint)
                }
                option = found
            } else {
                let letters = Array(argument.dropFirst())
                guard letters.count == 1, let found = spec.option(short: letters[0]) else {
                    throw .usage(unknownOptionMessage(argument, candidates: spec.options.map { "--\($0.name)" }), hint: hint)
                }
                option = found
                name = found.name
            }
            if option.isFlag {
                if inlineValue != nil { throw .usage("l'opzione --\(name) non accetta un valore", hint: hint) }
                parsed.add(flag: name)
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else if index < arguments.count, !arguments[index].hasPrefix("--") {
                value = arguments[index]
                index += 1
            } else {
                throw .usage("manca il valore dell'opzione --\(name) (<\(option.valueName ?? "VALORE")>)", hint: hint)
            }
            if !option.repeatable, parsed.value(name) != nil {
                throw .usage("l'opzione --\(name) è indicata più di una volta", hint: hint)
            }
            parsed.add(value: value, for: name)
        }
        if parsed.flag("help") || parsed.flag("version") { return parsed }
        for option in spec.options where option.required && parsed.value(option.name) == nil {
            throw .usage("manca l'opzione --\(option.name) <\(option.valueName ?? "VALORE")>", hint: hint)
        }
        let required = spec.arguments.filter { !$0.optional }
        if parsed.positionals.count < required.count {
            let missing = required[parsed.positionals.count]
            throw .usage("manca l'argomento <\(missing.valueName)> (\(missing.help))", hint: hint)
        }
        if !spec.arguments.contains(where: \.variadic), parsed.positionals.count > spec.arguments.count {
            let extra = parsed.positionals[spec.arguments.count]
            throw .usage("argomento inatteso «\(extra)»", hint: hint)
        }
        return parsed
    }

    /// `-1`, `-0,5`: a value, not an option.
    static func looksNumeric(_ argument: String) -> Bool {
        guard argument.hasPrefix("-"), let second = argument.dropFirst().first else { return false }
        return second.isASCII && second.isNumber
    }

    /// Options of one command that another command names otherwise, with why (two trials:
    /// `prospetto --anno`, the year a person thinks of, said only «opzione sconosciuta»).
    static let otherNames: [String: (option: String, why: String)] = [
        "--anno": ("--campagna", "il prospetto si chiede per la campagna, l'anno in cui si invia: consuntivo dell'anno prima e previsione di quell'anno"),
        "--campagna": ("--anno", "qui si indica l'anno da calcolare; il prospetto di una campagna si fa con «potenziamento prospetto … --campagna»"),
    ]

    static func unknownOptionMessage(_ given: String, candidates: [String]) -> String {
        if let other = otherNames[given.lowercased()], candidates.contains(other.option) {
            return "opzione sconosciuta «\(given)». Forse intendevi «\(other.option)»? (\(other.why))"
        }
        if let suggestion = Suggestions.nearest(to: given, in: candidates) {
            return "opzione sconosciuta «\(given)». Forse intendevi «\(suggestion)»?"
        }
        return "opzione sconosciuta «\(given)»"
    }
}

/// "Did you mean" for options, subcommands and values: the library's ``NameSuggestion``.
enum Suggestions {
    static func nearest(to given: String, in candidates: [String]) -> String? { NameSuggestion.nearest(to: given, in: candidates) }
}
