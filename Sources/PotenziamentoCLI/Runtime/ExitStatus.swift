/// The exit statuses of `potenziamento` (docs/formati.md, sysexits-style).
public enum ExitStatus: Int32, Sendable {
    /// Success.
    case success = 0
    /// Usage error: unknown option, missing argument, bad option value form.
    case usage = 64
    /// Invalid input data.
    case dataError = 65
    /// Input file missing or unreadable.
    case noInput = 66
    /// Internal error.
    case software = 70
    /// Output cannot be written.
    case cannotCreate = 73
}

/// An error that ends a command with a status and one or more Italian lines on standard error.
public struct CommandFailure: Error, Sendable {
    /// The exit status.
    public let status: ExitStatus
    /// The lines to print on standard error (each a complete sentence naming the place).
    public let lines: [String]
    /// Extra lines printed after the error (usage hint), not counted as errors.
    public let hint: [String]
    /// Whether the input is a document this program writes, not an ATS
    /// (``DiagnosticCode/rapportoDelProgramma``): in a folder of ATS, a file not computed.
    var isDocumentOfProgram = false

    init(_ status: ExitStatus, _ lines: [String], hint: [String] = []) {
        self.status = status
        self.lines = lines
        self.hint = hint
    }

    static func usage(_ message: String, hint: [String] = []) -> CommandFailure {
        CommandFailure(.usage, [message], hint: hint)
    }

    static func data(_ message: String) -> CommandFailure { CommandFailure(.dataError, [message]) }
}

/// What a command run produced: its status and the bytes for standard output and standard error.
public struct CommandResult: Sendable {
    /// The exit status.
    public var status: ExitStatus
    /// Text for standard output.
    public var standardOutput: String
    /// Text for standard error.
    public var standardError: String
}
