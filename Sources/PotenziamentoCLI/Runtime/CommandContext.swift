import PotenziamentoKit

/// What a command needs from the world, injected so tests can run commands in-process.
public struct CommandContext: Sendable {
    /// Today's date (default of `--anno`, deadline warnings).
    public var today: CivilDate

    /// A context for `today`.
    public init(today: CivilDate) { self.today = today }

    /// The current calendar year.
    public var currentYear: Int { today.year }
}

/// What a subcommand produced: the report, warnings for standard error, the input paths (so
/// `--output` never overwrites one) and the status (65 when some input failed but a report
/// was still produced, as in a batch).
struct CommandOutput {
    var report: String
    var warnings: [String] = []
    var inputs: [String] = []
    var status: ExitStatus = .success
    var errors: [String] = []
}

/// A subcommand of `potenziamento`.
protocol Subcommand: Sendable {
    static var spec: CommandSpec { get }
    static func run(_ parsed: ParsedArguments, context: CommandContext) throws(CommandFailure) -> CommandOutput
}
