import Foundation
import PotenziamentoKit

/// Turning option values into domain values, with Italian errors (exit 65 for a bad value of a
/// well-formed option, as the contract says: `--fte abc`, `--popolazione 0`).
enum OptionValues {
    static func decimal(_ text: String, option: String, maximumDecimals: Int = 6) throws(CommandFailure) -> Fraction {
        switch DecimalParser.parseDecimal(text, maximumDecimals: maximumDecimals) {
        case .success(let value): return value
        case .failure(let error): throw .usage("--\(option): valore non valido «\(text)»: \(error)")
        }
    }

    /// An amount in euro, read as every input reads amounts (``FieldParsing``): `500.000` and
    /// `180.000.000,00` (Italian thousands), `1000.5`, `45000`; negative or absurd amounts refused.
    static func euros(_ text: String, option: String) throws(CommandFailure) -> EuroCents {
        do { return try FieldParsing.euros(text, what: "--\(option)") } catch { throw .usage("\(error)") }
    }

    /// A whole number written as the contract allows for `--popolazione` and `--anno`: digits,
    /// Italian thousands (`100.000`), or a decimal whose value is whole (`100000,0`, `2025.0`).
    ///
    /// A comma followed by exactly three zeros (`48,000`) is refused as ambiguous: every reader of
    /// files refuses it as a whole number (it is 48 with a decimal comma, 48.000 in English).
    static func integer(_ text: String, option: String) throws(CommandFailure) -> Int {
        if case .success(let value) = DecimalParser.parseInteger(text) { return value }
        let trimmed = text.filter { $0 != " " && $0 != "\t" }
        if let comma = trimmed.lastIndex(of: ","), trimmed[trimmed.index(after: comma)...] == "000" {
            let whole = String(trimmed[..<comma])
            // Commas as English thousands (`1,000,000`): no decimal reading to offer (a trial).
            if whole.contains(",") {
                throw .usage(
                    "--\(option): valore ambiguo «\(text)»: le virgole separano le migliaia all'inglese; scrivi il numero senza separatori o con i punti delle migliaia (per esempio 1000000 oppure 1.000.000 per un milione)"
                )
            }
            // The advice written with the value itself (`1.000,000`: 1000000, not «1.000000»,
            // which reads as 1: an officer's trial followed it).
            let advice =
                (try? DecimalParser.parseInteger(whole).get()).flatMap { value in
                    // Advised only when it could be a population (at most 100 million).
                    value.multipliedReportingOverflow(by: 1000).overflow || value * 1000 > Bounds.maximumResidents ? nil : value * 1000
                }.map { thousands in
                    "; per \(NumberFormatting.italian(thousands)) scrivi \(thousands) oppure \(NumberFormatting.italian(thousands))"
                } ?? ""
            throw .usage("--\(option): valore ambiguo «\(text)»: con la virgola decimale vale \(whole)\(advice)")
        }
        // A whole number with four decimals or more (`1.000000`, `30.000000`) is a number of
        // thousands whose separators went wrong as often as a decimal: refused, not read as 1 or 30.
        if let point = trimmed.lastIndex(where: { $0 == "," || $0 == "." }) {
            let decimals = trimmed[trimmed.index(after: point)...]
            if decimals.count >= 4, decimals.allSatisfy({ $0 == "0" }) {
                throw .usage(
                    "--\(option): valore ambiguo «\(text)»: scrivi il numero intero senza decimali, con i punti delle migliaia o senza (per esempio 1000000 oppure 1.000.000 per un milione)"
                )
            }
        }
        let value = try decimal(text, option: option)
        guard value.isInteger, let whole = value.numerator.int64Value, let result = Int(exactly: whole) else {
            throw .usage("--\(option): valore non valido «\(text)»: deve essere un numero intero")
        }
        return result
    }

    /// A year from 1900 to 2200 (`2025`, also `2025,0` as the contract allows decimals).
    static func year(_ text: String, option: String = "anno") throws(CommandFailure) -> Int {
        // A year grouped by thousands (`2.025`) is no way to write one (a trial: read as 2025);
        // `2025.0`, a plain decimal, is the year as any option's number.
        let parts = text.trimmingCharacters(in: .whitespaces).split(omittingEmptySubsequences: false) { $0 == "." || $0 == "," }
        if parts.count >= 2, (1...3).contains(parts[0].count), parts[1].count == 3, parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) {
            throw .usage("--\(option): anno non valido «\(text)»: scrivi l'anno con le sue 4 cifre, senza separatori (es. \(parts[0])\(parts[1]))")
        }
        let value = try integer(text, option: option)
        guard (1900...2200).contains(value) else {
            throw .usage("--\(option): anno non valido «\(text)»: la misura si applica dal 2021 e il programma conta fino al 2200 (es. 2025)")
        }
        return value
    }

    /// The formats an `--output` file's extension chooses.
    static let extensions: [String: ReportFormat] = [
        "json": .json, "csv": .csv, "md": .markdown, "markdown": .markdown, "html": .html, "htm": .html, "xhtml": .html, "txt": .text, "text": .text,
    ]

    /// Extensions of formats the program does not write, and the formats to use instead in their
    /// order of preference (never a file its program cannot open: an officer's trial wrote HTML
    /// into `p.pdf`, exit 0).
    static let foreignExtensions: [String: [String]] = [
        "pdf": ["html"], "xls": ["xlsx", "ods"], "xlsm": ["xlsx", "ods"],
        "doc": ["html", "markdown"], "docx": ["html", "markdown"], "odt": ["html", "markdown"], "rtf": ["html", "markdown"],
    ]

    /// What to use instead of a foreign extension, among what the command writes (`names`).
    static func foreignAdvice(_ suffix: String, names: [String]) -> String? {
        guard let instead = foreignExtensions[suffix] else { return nil }
        let usable = instead.filter(names.contains)
        if suffix == "pdf" && usable == ["html"] {
            // A folder of many ATS has no HTML (a region trial followed this advice into exit 64).
            return
                "per un PDF scrivi la pagina HTML (--formato html, --output prospetto.html) e stampala o salvala come PDF dal browser; la pagina è di un ambito: con più ambiti indicane uno alla volta"
        }
        return usable.isEmpty ? "questo comando scrive \(names.joined(separator: ", "))" : "usa --formato \(usable.joined(separator: " o "))"
    }

    /// What a command writes: a report in one of its text formats, or a workbook.
    enum OutputChoice: Equatable {
        case report(ReportFormat)
        case workbook(SpreadsheetKind)
    }

    /// The report format: `--formato` if given, else the extension of `--output` (no extension:
    /// text), among the formats the subcommand offers. An unknown format or extension (`.pdf`)
    /// is a usage error.
    static func format(_ parsed: ParsedArguments, allowed: [ReportFormat], command: String) throws(CommandFailure) -> ReportFormat {
        guard case .report(let format) = try choice(parsed, allowed: allowed, workbooks: false, command: command) else { return .text }
        return format
    }

    /// `--spiega` with CSV or a workbook (`choice`), which have no place for the explanation, is a
    /// usage error naming the formats of `allowed` that carry it: never an explanation left out
    /// in silence. Called once the options of one ATS are known to apply (a batch refuses
    /// `--spiega` first, whatever the format).
    static func refuseExplanation(_ parsed: ParsedArguments, in choice: OutputChoice, allowed: [ReportFormat]) throws(CommandFailure) {
        guard parsed.flag("spiega") else { return }
        let name: String
        switch choice {
        case .workbook(let kind): name = kind.rawValue
        case .report(.csv): name = "csv"
        case .report: return
        }
        let explained = allowed.filter { $0 != .csv }.map(\.rawValue)
        let listed = explained.count > 1 ? explained.dropLast().joined(separator: ", ") + " o " + (explained.last ?? "") : explained.joined()
        // Chosen by the extension of --output: another format needs another extension too.
        let output = parsed.value("output").map { " e un --output con la sua estensione (non \($0))" } ?? ""
        throw .usage("--spiega non vale con il formato \(name), che non ha spazio per la spiegazione: usa --formato \(listed)\(output)")
    }

    /// The output: `--formato` if given, else the extension of `--output` (`.xlsx` and `.ods`
    /// choose a workbook when `workbooks`), among the formats the subcommand offers. Both given
    /// and naming two formats (`--formato markdown --output p.xlsx`: a file its program cannot
    /// open) is a usage error; an extension that names no format (`.dat`) follows `--formato`,
    /// and so does `.txt` for any text format (CSV saved as `.txt`, as Excel's import wants it).
    static func choice(_ parsed: ParsedArguments, allowed: [ReportFormat], workbooks: Bool, command: String) throws(CommandFailure) -> OutputChoice {
        let kinds = workbooks ? SpreadsheetKind.allCases : []
        let names = allowed.map(\.rawValue) + kinds.map(\.rawValue)
        let path = parsed.value("output")
        let suffix = path.flatMap { path -> String? in
            let name = path.split(separator: "/").last.map(String.init) ?? path
            guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
            return name[name.index(after: dot)...].lowercased()
        }
        // What the extension names, whatever this command writes: a workbook or a report format.
        let named: (choice: OutputChoice, name: String)? = suffix.flatMap { suffix in
            if let kind = SpreadsheetKind(rawValue: suffix) { return (.workbook(kind), kind.rawValue) }
            return extensions[suffix].map { (.report($0), $0.rawValue) }
        }
        if let path, let suffix, let advice = foreignAdvice(suffix, names: names) {
            throw .usage("--output \(path): il programma non scrive file .\(suffix): \(advice)")
        }
        let chosen: OutputChoice
        if let typed = parsed.value("formato") {
            // Any case (`XLSX`); an extension's name (`md`) for its format.
            let value = typed.lowercased()
            if let kind = kinds.first(where: { $0.rawValue == value }) {
                chosen = .workbook(kind)
            } else if let format = ReportFormat(rawValue: value) ?? extensions[value], allowed.contains(format) {
                chosen = .report(format)
            } else {
                let suggestion = Suggestions.nearest(to: value, in: names).map { " Forse intendevi «\($0)»?" } ?? ""
                throw .usage("formato «\(typed)» non disponibile per \(command): usa \(names.joined(separator: ", ")).\(suggestion)")
            }
            // `.txt` holds any text (a workbook is no text).
            var neutral = false
            if case .report = chosen { neutral = ["txt", "text"].contains(suffix) }
            if let path, let named, named.choice != chosen, !neutral {
                // Without --formato the extension's format, when this command writes it.
                let writable: Bool
                switch named.choice {
                case .workbook: writable = workbooks
                case .report(let format): writable = allowed.contains(format)
                }
                throw .usage(
                    "--output \(path): l'estensione è del formato \(named.name), --formato dice \(typed): il file non si aprirebbe con il programma della sua estensione; cambia l'estensione\(writable ? " o togli --formato" : "")"
                )
            }
        } else {
            chosen = try formatOfExtension(
                path: path, suffix: suffix, named: named?.choice, allowed: allowed, workbooks: workbooks, names: names, command: command)
        }
        return chosen
    }

    /// A workbook without `--output` when standard output is a terminal is a usage error: its
    /// bytes are for a program, not for a screen (an officer's trial). Called after the command's
    /// other refusals (a batch, `--spiega`), whose advice comes first.
    static func refuseWorkbookOnTerminal(_ parsed: ParsedArguments, in choice: OutputChoice, context: CommandContext) throws(CommandFailure) {
        guard case .workbook(let kind) = choice else { return }
        // Standard output, or a path that is a terminal (`--output /dev/stdout`, `/dev/tty`).
        guard parsed.value("output").map(isTerminal) ?? context.standardOutputIsTerminal else { return }
        let output = parsed.value("output").map { "--output \($0) è lo schermo: " } ?? ""
        throw .usage("\(output)una cartella di lavoro non si mostra sullo schermo: indica il file con --output (es. --output rapporto.\(kind.rawValue))")
    }

    /// Whether `path` is a terminal: a character device (links followed) that `isatty` says is
    /// one, opened without waiting and without becoming the process's terminal; a file is never
    /// opened (nor created, nor emptied) here.
    static func isTerminal(_ path: String) -> Bool {
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFCHR else { return false }
        let descriptor = open(path, O_WRONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return isatty(descriptor) == 1
    }

    /// The output chosen by the extension of `--output` alone (no `--formato`).
    private static func formatOfExtension(
        path: String?, suffix: String?, named: OutputChoice?, allowed: [ReportFormat], workbooks: Bool, names: [String], command: String
    ) throws(CommandFailure) -> OutputChoice {
        guard let path, let suffix else { return .report(.text) }
        if case .workbook(let kind)? = named {
            guard workbooks else { throw .usage("--output \(path): \(command) non scrive cartelle di lavoro (formati: \(names.joined(separator: ", ")))") }
            return .workbook(kind)
        }
        guard case .report(let format)? = named else {
            throw .usage(
                "--output \(path): l'estensione «.\(suffix)» non corrisponde a un formato (\(command) scrive \(names.joined(separator: ", "))); indica --formato o cambia estensione"
            )
        }
        guard allowed.contains(format) else {
            throw .usage("--output \(path): \(command) non scrive il formato \(format.rawValue) (formati: \(names.joined(separator: ", ")))")
        }
        return .report(format)
    }

    /// The report of a workbook made by `make` (a text too long for a cell is an error of the data).
    static func workbookOutput(warnings: [String], inputs: [String], _ make: () throws(InputError) -> [UInt8]) throws(CommandFailure) -> CommandOutput {
        let bytes: [UInt8]
        do { bytes = try make() } catch { throw RosterInput.failure(error) }
        return CommandOutput(warnings: warnings, inputs: inputs) { $0.write(bytes: bytes) }
    }

    /// `--parametro NOME=VALORE[@ANNO]` overrides; unknown names and wrong units are usage errors.
    static func overrides(_ parsed: ParsedArguments, defaultYear: Int) throws(CommandFailure) -> [ParameterOverride] {
        var result: [ParameterOverride] = []
        for text in parsed.allValues("parametro") {
            guard let equals = text.firstIndex(of: "=") else {
                throw .usage("--parametro «\(text)»: scrivi NOME=VALORE oppure NOME=VALORE@ANNO")
            }
            let nameText = String(text[..<equals])
            var valueText = String(text[text.index(after: equals)...])
            var fromYear = defaultYear
            if let at = valueText.firstIndex(of: "@") {
                let yearText = String(valueText[valueText.index(after: at)...])
                valueText = String(valueText[..<at])
                guard case .success(let year) = DecimalParser.parseInteger(yearText), (1900...2200).contains(year) else {
                    throw .usage("--parametro «\(text)»: anno non valido «\(yearText)»")
                }
                fromYear = year
            }
            guard let name = ParameterName(rawValue: nameText) else {
                let suggestion = Suggestions.nearest(to: nameText, in: ParameterName.allCases.map(\.rawValue)).map { " Forse intendevi «\($0)»?" } ?? ""
                throw .usage("--parametro: parametro sconosciuto «\(nameText)».\(suggestion) Elenco: 'potenziamento parametri'.")
            }
            let value: ParameterValue
            switch name.unit {
            case .euro:
                guard let amount = try? euros(valueText, option: "parametro") else {
                    throw .usage("--parametro \(name.rawValue): «\(valueText)» non è un importo in euro (es. 45000 o 45.000,00)")
                }
                value = .money(amount)
            case .residentsPerSocialWorker:
                guard case .success(let residents) = DecimalParser.parseInteger(valueText) else {
                    throw .usage("--parametro \(name.rawValue): «\(valueText)» non è un numero intero di abitanti per AS (es. 5000)")
                }
                value = .residentsPerSocialWorker(residents)
            case .dayOfYear:
                let parts = valueText.split(separator: "-")
                guard parts.count == 2, let month = Int(parts[0]), let day = Int(parts[1]) else {
                    throw .usage("--parametro \(name.rawValue): «\(valueText)» non è una data MM-GG (es. 02-28)")
                }
                value = .dayOfYear(month: month, day: day)
            }
            result.append(ParameterOverride(name: name, value: value, fromYear: fromYear))
        }
        return result
    }

    /// The official table with the `--parametro` overrides applied.
    static func parameterTable(_ parsed: ParsedArguments, defaultYear: Int) throws(CommandFailure) -> ParameterTable {
        do {
            return try ParameterTable.official.applying(try overrides(parsed, defaultYear: defaultYear))
        } catch let error as CommandFailure {
            throw error
        } catch {
            throw .usage("--parametro: \(error)")
        }
    }
}
