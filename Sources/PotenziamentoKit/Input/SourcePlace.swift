/// Where a value was read: a JSON path in a file, or a line (and column) of a CSV file.
///
/// Every error and warning names its place, as a person would look for it:
/// `ambito.json: personale[3].periodi[0].al` or `ambito/personale.csv:14 (colonna al)`.
public struct SourcePlace: Sendable, Hashable, CustomStringConvertible {
    /// The kind of place.
    public enum Position: Sendable, Hashable {
        /// A JSON path such as `personale[3].periodi[0].al` (empty for the document).
        case jsonPath(String)
        /// A JSON path built step by step while reading, rendered only when shown.
        case json(JSONPath)
        /// A CSV line (1-based, counting the header) and an optional column name.
        case csvLine(Int, column: String?)
        /// The file as a whole.
        case file
    }

    /// The file (as the user named it).
    public let file: String
    /// The position inside the file.
    public let position: Position

    /// A place in `file`.
    public init(file: String, position: Position) {
        self.file = file
        self.position = position
    }

    /// The same place narrowed to a field: a JSON key (`.al`) or a CSV column.
    public func field(_ name: String) -> SourcePlace {
        switch position {
        case .jsonPath(let path): SourcePlace(file: file, position: .jsonPath(path.isEmpty ? name : "\(path).\(name)"))
        case .json(let path): SourcePlace(file: file, position: .json(JSONPath(parent: path, key: name)))
        case .csvLine(let line, _): SourcePlace(file: file, position: .csvLine(line, column: name))
        case .file: self
        }
    }

    /// The same JSON place narrowed to an array element (`[3]`); unchanged for CSV.
    public func element(_ index: Int) -> SourcePlace {
        switch position {
        case .jsonPath(let path): SourcePlace(file: file, position: .jsonPath("\(path)[\(index)]"))
        case .json(let path): SourcePlace(file: file, position: .json(JSONPath(parent: path, index: index)))
        default: self
        }
    }

    public var description: String {
        switch position {
        case .jsonPath(let path): path.isEmpty ? file : "\(file): \(path)"
        case .json(let path): path.rendered.isEmpty ? file : "\(file): \(path.rendered)"
        case .csvLine(let line, let column): column.map { "\(file):\(line) (colonna \($0))" } ?? "\(file):\(line)"
        case .file: file
        }
    }
}

/// A JSON path as a chain of steps (`personale` → `[3]` → `periodi` → `[0]`), cheap to extend
/// for every value read and turned into text (`personale[3].periodi[0]`) only when a message
/// needs it.
public final class JSONPath: Sendable, Hashable {
    let parent: JSONPath?
    let key: String?
    let index: Int

    /// The document root.
    public static let root = JSONPath(parent: nil, key: nil, index: -1)

    /// A step: a key (`.periodi`), an element (`[3]`), or both in one step (`.periodi[0]`).
    init(parent: JSONPath?, key: String? = nil, index: Int = -1) {
        self.parent = parent
        self.key = key
        self.index = index
    }

    /// The path as text: `personale[3].periodi[0].al` (empty for the root).
    public var rendered: String {
        var steps: [JSONPath] = []
        var node: JSONPath? = self
        while let current = node {
            steps.append(current)
            node = current.parent
        }
        var text = ""
        for step in steps.reversed() {
            if let key = step.key {
                if !text.isEmpty { text += "." }
                text += key
            }
            if step.index >= 0 { text += "[\(step.index)]" }
        }
        return text
    }

    public static func == (lhs: JSONPath, rhs: JSONPath) -> Bool { lhs.rendered == rhs.rendered }
    public func hash(into hasher: inout Hasher) { hasher.combine(rendered) }
}

/// A problem found in an input: an error (the input cannot be used) or a warning.
public struct InputDiagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How serious the problem is.
    public enum Severity: String, Sendable, Hashable {
        /// The input cannot be assessed until it is fixed.
        case error
        /// The input can be assessed, but something deserves a look.
        case warning
    }

    /// Error or warning.
    public let severity: Severity
    /// Where.
    public let place: SourcePlace
    /// What is wrong, in Italian.
    public let message: String

    /// A diagnostic.
    public init(_ severity: Severity, _ place: SourcePlace, _ message: String) {
        self.severity = severity
        self.place = place
        self.message = message
    }

    /// `file: place: message`, one line.
    public var description: String { "\(place): \(message)" }
}

/// The diagnostics collected in one pass over an input.
public struct Diagnostics: Sendable {
    /// All the diagnostics, in the order found.
    public private(set) var all: [InputDiagnostic] = []
    /// How many of them are errors.
    public private(set) var errorCount = 0

    /// No diagnostics yet.
    public init() {}

    /// The errors.
    public var errors: [InputDiagnostic] { all.filter { $0.severity == .error } }
    /// The warnings.
    public var warnings: [InputDiagnostic] { all.filter { $0.severity == .warning } }
    /// Whether any error was found.
    public var hasErrors: Bool { errorCount > 0 }

    /// Records an error.
    public mutating func error(_ place: SourcePlace, _ message: String) {
        all.append(InputDiagnostic(.error, place, message))
        errorCount += 1
    }
    /// Records a warning.
    public mutating func warning(_ place: SourcePlace, _ message: String) { all.append(InputDiagnostic(.warning, place, message)) }
    /// Appends other diagnostics.
    public mutating func append(contentsOf other: Diagnostics) {
        all += other.all
        errorCount += other.errorCount
    }
}

/// An input that cannot be used, with every problem found in it.
public struct InputError: Error, Sendable, CustomStringConvertible {
    /// Whether the input could not even be read (missing file: exit 66) rather than being invalid (exit 65).
    public let isUnreadable: Bool
    /// The problems (errors first, then warnings).
    public let diagnostics: [InputDiagnostic]

    /// An error carrying diagnostics.
    public init(diagnostics: [InputDiagnostic], isUnreadable: Bool = false) {
        self.diagnostics = diagnostics
        self.isUnreadable = isUnreadable
    }

    /// A single error at `place`.
    public init(_ place: SourcePlace, _ message: String, isUnreadable: Bool = false) {
        self.init(diagnostics: [InputDiagnostic(.error, place, message)], isUnreadable: isUnreadable)
    }

    public var description: String { diagnostics.filter { $0.severity == .error }.map(\.description).joined(separator: "\n") }
}
