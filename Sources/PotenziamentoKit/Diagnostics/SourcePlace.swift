import PotenziamentoFormats

/// Where a value was read, as a person would look for it (docs/regole.md, «Messaggi»):
/// `personale.csv:14 (colonna al)`, `ambito.json: personale[3].periodi[0].al`,
/// `ambito.xlsx: personale!K7 (colonna al)`.
///
/// A place describes the source, not the value: it never takes part in the equality of the
/// model's values (a roster read from JSON equals the same roster read from CSV).
public struct SourcePlace: Sendable, Hashable, CustomStringConvertible {
    /// The kind of place, one case per kind of source.
    public enum Position: Sendable, Hashable {
        /// The file (or folder, or document in memory) as a whole.
        case file
        /// A line of a CSV file (1-based, counting the header line) and, if known, the column as
        /// the user wrote it in the header.
        case line(Int, column: String?)
        /// A line and column (both 1-based) of a text file: where a JSON document stops being JSON.
        case text(line: Int, column: Int)
        /// A JSON path such as `personale[3].periodi[0].al`.
        case json(JSONPath)
        /// A cell of a workbook: the sheet, the cell reference (`K7`, or only the row number `7`
        /// for a whole row) and, if known, the column name from the header row. Kept out of line
        /// (`indirect`): it is the largest case, and every place of a roster would pay for it.
        indirect case cell(sheet: String, reference: String, column: String?)
    }

    /// The file (as the user named it), folder, or name of a document in memory.
    public let file: String
    /// The position inside it.
    public let position: Position
    /// For a whole row of a workbook sheet: the header's columns, so that narrowing the place to
    /// a column (``field(_:)``) names its cell (`personale!E7`). Not part of equality, and not
    /// encoded: a decoded row place narrows to `personale, riga 7 (colonna dal)`.
    let sheetColumns: SheetColumns?

    /// A place in `file`.
    public init(file: String, position: Position = .file) {
        self.init(file: file, position: position, sheetColumns: nil)
    }

    /// A place with the header columns of its sheet.
    init(file: String, position: Position, sheetColumns: SheetColumns?) {
        self.file = file
        self.position = position
        self.sheetColumns = sheetColumns
    }

    /// The place as a report names it: its file without the folders
    /// (``InputDiagnostic/documentName(_:workingDirectory:)``), the rest the same.
    package var inDocument: SourcePlace {
        SourcePlace(file: InputDiagnostic.documentName(file), position: position, sheetColumns: sheetColumns)
    }

    /// Whether the place is in a JSON document (its messages name JSON keys, not columns).
    var isJSON: Bool {
        if case .json = position { return true }
        return false
    }

    /// Places are equal when file and position are.
    public static func == (lhs: SourcePlace, rhs: SourcePlace) -> Bool { lhs.file == rhs.file && lhs.position == rhs.position }

    /// Hashes file and position.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(file)
        hasher.combine(position)
    }

    /// The same place narrowed to a field: a JSON key (`.al`), or the named column of a CSV line
    /// or workbook cell. A file-level place stays as it is.
    public func field(_ name: String) -> SourcePlace {
        switch position {
        case .json(let path): SourcePlace(file: file, position: .json(path.appending(key: name)))
        case .line(let line, _): SourcePlace(file: file, position: .line(line, column: name))
        case .cell(let sheet, let reference, _):
            if reference.first?.isLetter != true, let column = sheetColumns?.column(named: name) {
                SourcePlace(file: file, position: .cell(sheet: sheet, reference: column.letters + reference, column: column.written))
            } else {
                SourcePlace(file: file, position: .cell(sheet: sheet, reference: reference, column: name))
            }
        case .file, .text: self
        }
    }

    /// The same place narrowed to a field named as its source names it: the CSV or sheet column
    /// `column`, or the JSON keys `keys` (`ente`, `codiceIstat`), so a message speaks the user's words.
    public func field(csv column: String, json keys: String...) -> SourcePlace {
        switch position {
        case .json(var path):
            for key in keys { path = path.appending(key: key) }
            return SourcePlace(file: file, position: .json(path))
        case .line, .cell: return field(column)
        case .file, .text: return self
        }
    }

    /// The same JSON place narrowed to an array element (`[3]`); other places are unchanged.
    public func element(_ index: Int) -> SourcePlace {
        guard case .json(let path) = position else { return self }
        return SourcePlace(file: file, position: .json(path.appending(index: index)))
    }

    /// The CSV line or the workbook row of the place, if it has one (for "già alla riga 12").
    public var line: Int? {
        switch position {
        case .line(let line, _): line
        case .text(let line, _): line
        case .cell(_, let reference, _): Int(String(reference.drop { $0.isLetter }))
        case .file, .json: nil
        }
    }

    /// `file: position`, one line.
    public var description: String {
        switch position {
        case .file: file
        case .line(let line, let column): column.map { "\(file):\(line) (colonna \($0))" } ?? "\(file):\(line)"
        case .text(let line, let column): "\(file):\(line):\(column)"
        case .json(let path): path.isRoot ? file : "\(file): \(path)"
        case .cell(let sheet, let reference, let column):
            // A cell: `personale!K7`; a whole row (reference without letters): `personale, riga 7`.
            (reference.first?.isLetter == true ? "\(file): \(CellReference.quotedSheetName(sheet))!\(reference)" : "\(file): \(sheet), riga \(reference)")
                + (column.map { " (colonna \($0))" } ?? "")
        }
    }
}

/// A JSON path (`personale[3].periodi[0].al`) built step by step while reading, shared between
/// the values read below it, and turned into text only when a message shows it.
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    // How a path is held. The places of a list's records (`personale[3]`), of their periods
    // (`personale[3].periodi[0]`) and of their nested objects (`personale[3].ente`) are held
    // inline, on the shared step of the list, so a record read costs no node of its own
    // (docs/benchmark.md, «Fourth pass», «Fifth pass»); plain fields, not an enum, so copying a
    // path costs what it did with one node (a reference count) and no switch:
    // - a chain of steps: `head` is the last step (nil: the root), `index` is `none`;
    // - element `index` of the array at `head`: `innerField` is nil;
    // - member `innerField` of element `index` of the array at `head`, and element `inner` of it
    //   when that member is an array (`inner` is `none` for an object).
    private let head: Step?
    private let index: UInt32
    private let inner: UInt32
    private let innerField: InnerField?
    private static let none = UInt32.max

    /// The members of a list's elements that are placed inline: a record's `periodi` (an array,
    /// whose elements are placed inline too), `ente` and `aree` (objects), a comune's
    /// `popolazione` (a number or an object).
    enum InnerField: String, Sendable {
        /// A record's periods of service.
        case periodi
        /// A record's employer.
        case ente
        /// A record's area split.
        case aree
        /// A comune's residents.
        case popolazione

        /// The member called `key` that is placed inline without elements of its own (`ente`,
        /// `aree`, `popolazione`), found by its length first (`init(rawValue:)` would compare the
        /// key with every case).
        static func object(named key: String) -> InnerField? {
            switch key.utf8.count {
            case 4: key == "ente" ? .ente : key == "aree" ? .aree : nil
            case 11: key == "popolazione" ? .popolazione : nil
            default: nil
            }
        }
    }

    /// The document root (the empty path).
    public static let root = JSONPath(chain: nil)

    private init(chain last: Step?) {
        self.init(head: last, index: Self.none, inner: Self.none, innerField: nil)
    }

    private init(head: Step?, index: UInt32, inner: UInt32, innerField: InnerField?) {
        self.head = head
        self.index = index
        self.inner = inner
        self.innerField = innerField
    }

    /// Whether this is the root of the document.
    public var isRoot: Bool { head == nil && index == Self.none }

    /// The path one key further down: `personale` → `personale.periodi`.
    public func appending(key: String) -> JSONPath {
        if index != Self.none, innerField == nil, let field = InnerField.object(named: key) {
            return JSONPath(head: head, index: index, inner: Self.none, innerField: field)
        }
        return JSONPath(chain: Step(parent: chain, key: key, index: nil))
    }

    /// The path one array element further down: `personale` → `personale[3]`.
    public func appending(index: Int) -> JSONPath {
        if self.index == Self.none, let list = head, let element = UInt32(exactly: index), element != Self.none {
            return JSONPath(head: list, index: element, inner: Self.none, innerField: nil)
        }
        return JSONPath(chain: Step(parent: chain, key: nil, index: index))
    }

    /// The same path on a node of its own (equal to this one): for a reader on another
    /// processor, whose records' places then count references on an object of their own.
    func copied() -> JSONPath {
        guard let head else { return self }
        return JSONPath(head: Step(parent: head.parent, key: head.key, index: head.index), index: index, inner: inner, innerField: innerField)
    }

    /// The path to element `index` of the array `list`, in one step: `personale[3]` →
    /// `personale[3].periodi[0]` (equal to the path made in two; held inline, without a node).
    func appending(_ list: InnerField, index: Int) -> JSONPath {
        if self.index != Self.none, innerField == nil, list == .periodi, let element = UInt32(exactly: index), element != Self.none {
            return JSONPath(head: head, index: self.index, inner: element, innerField: list)
        }
        return JSONPath(chain: Step(parent: chain, key: list.rawValue, index: index))
    }

    /// The path as a chain of steps (the inline ones made into steps).
    private var chain: Step? {
        guard index != Self.none else { return head }
        let element = Step(parent: head, key: nil, index: Int(index))
        guard let innerField else { return element }
        return Step(parent: element, key: innerField.rawValue, index: inner == Self.none ? nil : Int(inner))
    }

    /// The path as text: `personale[3].periodi[0].al` (empty for the root).
    public var description: String {
        var text = ""
        Self.write(head, into: &text)
        if index != Self.none { Self.write(key: nil, index: Int(index), into: &text) }
        if let innerField { Self.write(key: innerField.rawValue, index: inner == Self.none ? nil : Int(inner), into: &text) }
        return text
    }

    /// The text of the steps up to `step`, the first one first (in a loop: a path decoded from
    /// a text may have any number of steps, and no recursion may run out of stack).
    private static func write(_ step: Step?, into text: inout String) {
        var steps: [Step] = []
        var node = step
        while let current = node {
            steps.append(current)
            node = current.parent
        }
        for step in steps.reversed() { write(key: step.key, index: step.index, into: &text) }
    }

    /// One step's text: `.key` (`key` at the start), then `[index]`.
    private static func write(key: String?, index: Int?, into text: inout String) {
        if let key {
            if !text.isEmpty { text += "." }
            text += key
        }
        if let index {
            text += "["
            text += String(index)
            text += "]"
        }
    }

    /// Paths are equal when they read the same (so a path decoded from its text, which is how
    /// places are encoded, equals the original).
    public static func == (lhs: JSONPath, rhs: JSONPath) -> Bool { lhs.description == rhs.description }
    /// Hashes the path's text.
    public func hash(into hasher: inout Hasher) { hasher.combine(description) }

    /// One step, shared by every path below it (immutable, so safe to share across threads).
    private final class Step: Sendable {
        let parent: Step?
        let key: String?
        let index: Int?

        init(parent: Step?, key: String?, index: Int?) {
            self.parent = parent
            self.key = key
            self.index = index
        }
    }
}

/// The columns of a workbook sheet's header (canonical name → letters and the name as written),
/// shared by the places of all its rows.
final class SheetColumns: Sendable {
    private let columns: [String: (letters: String, written: String)]

    /// The columns of `names` as written in the header (position 0 is column A).
    init(names: [String]) {
        var columns: [String: (letters: String, written: String)] = [:]
        for (index, name) in names.enumerated() {
            let written = name.trimmingSpaces
            let key = written.lowercased()
            if !key.isEmpty && columns[key] == nil { columns[key] = (CellReference.columnLetters(index + 1), written) }
        }
        self.columns = columns
    }

    /// The letters and written name of the column called `name` (compared ignoring case).
    func column(named name: String) -> (letters: String, written: String)? { columns[name.lowercased()] }
}
