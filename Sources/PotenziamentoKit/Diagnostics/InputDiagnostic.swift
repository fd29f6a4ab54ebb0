#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A problem found in an input: an error (the input cannot be used until it is fixed) or a
/// warning (it can, but something deserves a look). Each has a stable ``code``, a structured
/// ``place`` and an Italian ``message`` (docs/regole.md, «Messaggi»).
public struct InputDiagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How serious a problem is.
    public enum Severity: String, Sendable, Hashable, Codable {
        /// The input cannot be assessed until it is fixed.
        case error = "errore"
        /// The input can be assessed, but something deserves a look.
        case warning = "avviso"
    }

    /// Error or warning.
    public let severity: Severity
    /// The stable code of the problem.
    public let code: DiagnosticCode
    /// Where it is.
    public let place: SourcePlace
    /// What is wrong and what to do, in Italian.
    public let message: String

    /// A diagnostic.
    public init(_ severity: Severity, _ code: DiagnosticCode, _ place: SourcePlace, _ message: String) {
        self.severity = severity
        self.code = code
        self.place = place
        self.message = message
    }

    /// The last component of `path` as a report names it: `.` and `..` resolved against the
    /// working folder (`calcola .` names the folder, not «.»).
    package static func documentName(_ path: String, workingDirectory: String = FileManager.default.currentDirectoryPath) -> String {
        lastComponents(path, 1, workingDirectory: workingDirectory).last ?? "/"
    }

    /// An input of a batch as a report names it: its folder's name and its own (`Piemonte/ATS-1`,
    /// `nazionale/ATS-001.json`), the same however the path was typed (`./a1`, `a1`, absolute).
    package static func batchName(_ path: String, workingDirectory: String = FileManager.default.currentDirectoryPath) -> String {
        let components = lastComponents(path, 2, workingDirectory: workingDirectory)
        return components.isEmpty ? "/" : components.joined(separator: "/")
    }

    /// The last `count` components of `path` (fewer when it has fewer), made absolute against
    /// `workingDirectory` when relative, with `.` and `..` resolved on the text and empty
    /// components (`a//b`, a final `/`) left out: what `URL.standardizedFileURL` gave for every
    /// path a person types, on the text alone (no `~` expanded, no link followed; `a//..` is `.`,
    /// as for the file system). On the bytes: Foundation's URL took about 50.000 instructions a
    /// file in a batch of 600 ATS, more than reading a small one.
    static func lastComponents(_ path: String, _ count: Int, workingDirectory: String) -> [String] {
        let (slash, dot) = (UInt8(ascii: "/"), UInt8(ascii: "."))
        var bytes: [UInt8] = []
        if path.utf8.first != slash {
            bytes += workingDirectory.utf8
            bytes.append(slash)
        }
        bytes += path.utf8
        // `/` and `.` are ASCII: every cut is between characters.
        var components: [Range<Int>] = []
        var start = 0
        for index in 0...bytes.count where index == bytes.count || bytes[index] == slash {
            let length = index - start
            if length == 2 && bytes[start] == dot && bytes[start + 1] == dot {
                _ = components.popLast()
            } else if length > 0 && !(length == 1 && bytes[start] == dot) {
                components.append(start..<index)
            }
            start = index + 1
        }
        return components.suffix(count).map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    /// `place: message` on one line, control characters from the data shown escaped
    /// (a name can never clear a terminal or fake a line).
    public var description: String { TextSafety.escapingControlCharacters("\(place): \(message)") }

    /// `diagnostics` as a saved or signed report shows them: each naming its file without the
    /// folders (`personale.csv:14`, not `/home/…/ambito/personale.csv:14`: a report names the
    /// data, not where they sat on one computer), so the report is the same bytes from any folder
    /// (docs/formati.md, «avvisi sui dati»). With `root` (an input of a batch: a CSV folder, a
    /// workbook, a JSON file) a file under it is named from the root's folder and name
    /// (``batchName(_:workingDirectory:)``: `Piemonte/ambito-1/personale.csv:14`), so the files
    /// of two ATS, or of two regions, are told apart, however the root was typed (`a1`, `a1/`).
    /// The one rule of every report's warnings.
    package static func inDocument(_ diagnostics: [InputDiagnostic], root: String? = nil) -> [InputDiagnostic] {
        // The name of each file made once (a few files, up to a hundred diagnostics each).
        var names: [String: String] = [:]
        let slash = UInt8(ascii: "/")
        // The root without its final slashes (`a1/`, as a shell completes a folder, is `a1`).
        let root = root.map { root in
            guard let last = root.utf8.lastIndex(where: { $0 != slash }) else { return root }
            return String(root[..<root.utf8.index(after: last)])
        }
        let rootName = root.map { batchName($0) }
        return diagnostics.map { diagnostic in
            let file = diagnostic.place.file
            let name =
                names[file]
                ?? {
                    // A file under the root, compared byte by byte; named after one slash.
                    if let root, let rootName, file.utf8.starts(with: root.utf8) {
                        let rest = file.utf8.index(file.utf8.startIndex, offsetBy: root.utf8.count)
                        if rest == file.utf8.endIndex { return rootName }
                        if file.utf8[rest] == slash {
                            let name = file.utf8[rest...].firstIndex { $0 != slash }.map { file[$0...] } ?? ""
                            return name.isEmpty ? rootName : rootName + "/" + name
                        }
                    }
                    return documentName(file)
                }()
            names[file] = name
            return InputDiagnostic(
                diagnostic.severity, diagnostic.code, SourcePlace(file: name, position: diagnostic.place.position, sheetColumns: diagnostic.place.sheetColumns),
                diagnostic.message)
        }
    }
}

/// The diagnostics collected in one pass over an input, with bounded memory: at most
/// ``maximumListedPerFile`` are kept for each file; the others are counted by code and
/// summarised in one ``DiagnosticCode/altriProblemi`` line per file (docs/regole.md, «Limiti»).
package struct Diagnostics: Sendable {
    /// The most diagnostics listed one by one for each file.
    package static let maximumListedPerFile = 100

    /// The diagnostics listed, in the order found.
    package private(set) var listed: [InputDiagnostic] = []
    /// How many errors were found (listed or not).
    package private(set) var errorCount = 0
    /// Per file (a few: linear search, no hashing of a path per problem): how many were listed,
    /// and the others counted by code (total, errors). The persons built in code, each placed
    /// in a file of their own (`persona «AS-1»`), count as one file, ``unplacedStaff``.
    private var files: [(file: String, listed: Int, unlisted: [DiagnosticCode: (count: Int, errors: Int)])] = []
    /// Past a few files, their positions by name (a batch of many inputs).
    private var fileIndices: [String: Int] = [:]
    /// The file the problems of persons built in code are counted under.
    static let unplacedStaff = "persone senza file"

    /// No diagnostics yet.
    package init() {}

    /// Whether any error was found.
    package var hasErrors: Bool { errorCount > 0 }

    /// Whether an error with `code` was found, listed or only counted.
    package func containsError(_ code: DiagnosticCode) -> Bool {
        listed.contains { $0.severity == .error && $0.code == code } || files.contains { ($0.unlisted[code]?.errors ?? 0) > 0 }
    }

    /// Every diagnostic: the listed ones, then one summary per file of those not listed.
    package var all: [InputDiagnostic] { listed + summaries }

    /// The errors (listed, then the summary of unlisted ones if it counts errors).
    package var errors: [InputDiagnostic] { all.filter { $0.severity == .error } }
    /// The warnings.
    package var warnings: [InputDiagnostic] { all.filter { $0.severity == .warning } }

    /// Records a diagnostic.
    package mutating func append(_ diagnostic: InputDiagnostic) {
        record(diagnostic.severity, diagnostic.code, diagnostic.place, diagnostic.message)
    }

    /// Records a problem; its message is built only when it is listed (past the cap only the
    /// count by code is kept, so a file with millions of bad rows costs no message each).
    private mutating func record(_ severity: InputDiagnostic.Severity, _ code: DiagnosticCode, _ place: SourcePlace, _ message: @autoclosure () -> String) {
        if severity == .error { errorCount += 1 }
        let index = fileIndex(place.file)
        if files[index].listed < Self.maximumListedPerFile {
            files[index].listed += 1
            listed.append(InputDiagnostic(severity, code, place, message()))
            return
        }
        var entry = files[index].unlisted[code] ?? (0, 0)
        entry.count += 1
        if severity == .error { entry.errors += 1 }
        files[index].unlisted[code] = entry
    }

    /// The position of `file` among the files with problems, added if new: the last one first,
    /// then a search of a few, or the index of many (linear in the problems however many files).
    private mutating func fileIndex(_ file: String) -> Int {
        if let last = files.last, last.file == file { return files.count - 1 }
        // (`hasPrefix` compares characters: the first byte first, `p` of `persona`.)
        let file = file.utf8.first == UInt8(ascii: "p") && file.hasPrefix(StaffRecord.unplacedPrefix) ? Self.unplacedStaff : file
        if let last = files.last, last.file == file { return files.count - 1 }
        if files.count <= 8 {
            if let found = files.lastIndex(where: { $0.file == file }) { return found }
        } else if let found = fileIndices[file] {
            return found
        }
        files.append((file, 0, [:]))
        if files.count == 9 {
            for (position, entry) in files.enumerated() { fileIndices[entry.file] = position }
        } else if files.count > 9 {
            fileIndices[file] = files.count - 1
        }
        return files.count - 1
    }

    /// Records an error (the message is built only if it is listed).
    package mutating func error(_ code: DiagnosticCode, _ place: SourcePlace, _ message: @autoclosure () -> String) {
        record(.error, code, place, message())
    }

    /// Records a warning (the message is built only if it is listed).
    package mutating func warning(_ code: DiagnosticCode, _ place: SourcePlace, _ message: @autoclosure () -> String) {
        record(.warning, code, place, message())
    }

    /// Records the diagnostics of `error`.
    package mutating func append(contentsOf error: InputError) {
        for diagnostic in error.diagnostics { append(diagnostic) }
    }

    /// Records other diagnostics.
    package mutating func append(contentsOf other: [InputDiagnostic]) {
        for diagnostic in other { append(diagnostic) }
    }

    /// Records the diagnostics of `other`, collected after these (a part of the same input read
    /// apart): the listed ones in order, then the counts of those not listed. The result is what
    /// recording all of them here one by one gives, because within a file `other` stopped
    /// listing only after its cap, so its listed ones all came before its counted ones.
    package mutating func append(contentsOf other: Diagnostics) {
        for diagnostic in other.listed { append(diagnostic) }
        for entry in other.files where !entry.unlisted.isEmpty {
            let index = fileIndex(entry.file)
            for (code, counts) in entry.unlisted {
                var merged = files[index].unlisted[code] ?? (0, 0)
                merged.count += counts.count
                merged.errors += counts.errors
                files[index].unlisted[code] = merged
                errorCount += counts.errors
            }
        }
    }

    /// The words of a summary line of warnings not listed, after their count (``summaries``).
    static let unlistedWarnings = (one: "altro avviso non elencato", many: "altri avvisi non elencati")

    /// How many warnings `lines` (warnings as a report lists them) stand for: one a line, but a
    /// summary line of warnings not listed stands for its count (a trial: «Avvisi sui dati (101)»
    /// above 100 warnings and «4 altri avvisi non elencati»).
    /// Only a line made as a summary is read so: it ends as one (``unlistedEnding``), its count is
    /// the last before the words, after «: », of at most 9 digits (a name or an id that holds the
    /// words, a review found, is one warning; and no count can overflow the sum).
    package static func warningCount(_ lines: [String]) -> Int {
        lines.reduce(0) { total, line in
            guard line.hasSuffix(unlistedEnding) else { return total + 1 }
            for words in [unlistedWarnings.one, unlistedWarnings.many] {
                guard let range = line.range(of: " " + words + " (", options: .backwards) else { continue }
                // The count before the words, with its thousands points (`1.234 altri avvisi`).
                let written = line[..<range.lowerBound].reversed().prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
                let digits = String(written.reversed()).filter { $0 != "." }
                guard line[..<range.lowerBound].dropLast(written.count).hasSuffix(": "), (1...9).contains(digits.count), let count = Int(digits)
                else { continue }
                return total + count
            }
            return total + 1
        }
    }

    /// How a summary line of warnings not listed ends (``summaries``).
    static let unlistedEnding = "): da controllare"

    /// One line per file with problems not listed: how many, by code.
    private var summaries: [InputDiagnostic] {
        files.compactMap { entry in
            let codes = entry.unlisted
            guard !codes.isEmpty else { return nil }
            let total = codes.values.reduce(0) { $0 + $1.count }
            let errors = codes.values.reduce(0) { $0 + $1.errors }
            let byKind = codes.sorted { $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.key.rawValue < $1.key.rawValue }
                .prefix(10).map { "\(Italian.count($0.value.count, "volta", "volte")) \($0.key.rawValue)" }
            return InputDiagnostic(
                errors > 0 ? .error : .warning, .altriProblemi, SourcePlace(file: entry.file),
                errors > 0
                    ? "\(Italian.count(total, "altro problema non elencato", "altri problemi non elencati")) (\(byKind.joined(separator: ", "))): correggi quelli elencati e ricontrolla"
                    : "\(Italian.count(total, Self.unlistedWarnings.one, Self.unlistedWarnings.many)) (\(byKind.joined(separator: ", ")))\(Self.unlistedEnding)"
            )
        }
    }
}

/// An input that cannot be used, with every problem found in it (errors first, then warnings).
///
/// Thrown by every loading entry point (``RosterLoader``) and by the validating initialisers of
/// the model (``Roster/init(ambito:municipalities:staff:source:)``).
public struct InputError: Error, LocalizedError, Sendable, Hashable, CustomStringConvertible {
    /// The problems: errors first, then warnings (past 100 per file, one summary line counts the others).
    public let diagnostics: [InputDiagnostic]
    /// How many errors were found, listed or not.
    public let errorCount: Int

    /// An error carrying `diagnostics` (reordered: errors first).
    public init(diagnostics: [InputDiagnostic]) {
        self.diagnostics = diagnostics.filter { $0.severity == .error } + diagnostics.filter { $0.severity == .warning }
        errorCount = diagnostics.count { $0.severity == .error && $0.code != .altriProblemi }
    }

    /// An error carrying what `collected` found (its count includes the problems not listed).
    init(_ collected: Diagnostics) {
        let all = collected.all
        diagnostics = all.filter { $0.severity == .error } + all.filter { $0.severity == .warning }
        errorCount = collected.errorCount
    }

    /// A single error.
    public init(_ code: DiagnosticCode, _ place: SourcePlace, _ message: String) {
        self.init(diagnostics: [InputDiagnostic(.error, code, place, message)])
    }

    /// The errors only.
    public var errors: [InputDiagnostic] { diagnostics.filter { $0.severity == .error } }

    /// The errors, one per line (what `localizedDescription` shows); an error built with no
    /// error among its diagnostics (``init(diagnostics:)`` is public) shows them all, and one
    /// with none says so: never an empty message.
    public var description: String {
        let shown = errors.isEmpty ? diagnostics : errors
        guard !shown.isEmpty else { return "dati non utilizzabili (nessun problema indicato)" }
        return shown.map(\.description).joined(separator: "\n")
    }

    /// The Italian message: every error with its place, one per line.
    public var errorDescription: String? { description }
}

/// A value the model refuses (a percentuale of 500, a date in year 3000, an unknown profile),
/// with its stable code and an Italian message that says what to write instead. Readers attach
/// the place where the value was read and report it as an ``InputDiagnostic``.
public struct InvalidValue: Error, LocalizedError, Sendable, Hashable, CustomStringConvertible {
    /// The stable code.
    public let code: DiagnosticCode
    /// What is wrong, in Italian, with a suggestion when there is one.
    public let message: String

    /// An invalid value.
    public init(_ code: DiagnosticCode, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The message, control characters escaped.
    public var description: String { TextSafety.escapingControlCharacters(message) }
    /// The Italian message.
    public var errorDescription: String? { description }

    /// A value whose problem the reader has already reported at its place (a workbook cell
    /// holding `#N/A`): recording it again adds nothing.
    package static let alreadyReported = InvalidValue(.valoreDelFoglio, "")

    /// The diagnostic of this value read at `place`.
    public func diagnostic(at place: SourcePlace) -> InputDiagnostic { InputDiagnostic(.error, code, place, message) }
}

extension Diagnostics {
    /// Records `invalid` as an error at `place`.
    mutating func error(_ invalid: InvalidValue, at place: SourcePlace) {
        if invalid != .alreadyReported { append(invalid.diagnostic(at: place)) }
    }

    /// The value of `attempt`, or nil after recording its ``InvalidValue`` at `place` (made only then).
    mutating func value<Value>(at place: @autoclosure () -> SourcePlace, _ attempt: () throws(InvalidValue) -> Value) -> Value? {
        do {
            return try attempt()
        } catch {
            self.error(error, at: place())
            return nil
        }
    }

    /// The value `attempt` makes, or nil after recording its error at the place `place` gives
    /// for the error (a rule about one field reported at that field, the others at the record).
    mutating func value<Value>(placing place: (InvalidValue) -> SourcePlace, _ attempt: () throws(InvalidValue) -> Value) -> Value? {
        do {
            return try attempt()
        } catch {
            self.error(error, at: place(error))
            return nil
        }
    }
}
