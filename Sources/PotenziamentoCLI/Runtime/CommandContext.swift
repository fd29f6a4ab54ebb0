import PotenziamentoKit

/// What a command needs from the world, injected so tests can run commands in-process.
public struct CommandContext: Sendable {
    /// Today's date (default of `--anno`, deadline warnings).
    public var today: CivilDate

    /// Whether standard output is a terminal (a workbook is then refused without `--output`:
    /// its bytes are for a program, not for a screen). False in-process.
    public var standardOutputIsTerminal = false
    /// Whether standard error is a terminal too (warnings a report on the terminal lists are then
    /// only counted there; to a log, `2> avvisi.txt`, each is written). False in-process.
    public var standardErrorIsTerminal = false

    /// A context for `today`.
    public init(today: CivilDate) { self.today = today }

    /// The current calendar year.
    public var currentYear: Int { today.year }
}

/// What a subcommand produced: the report (written into a ``ReportOutput`` when the dispatcher
/// asks, so it streams to its destination), warnings for standard error, the input paths (so
/// `--output` never overwrites one) and the status (65 when some input failed but a report
/// was still produced, as in a batch).
struct CommandOutput {
    /// Writes the report; what it learns while writing (a batch computes as it writes) comes back.
    var render: (ReportOutput) -> RenderOutcome
    var warnings: [String] = []
    /// The files the command read, so `--output` never replaces one: asked for only when the
    /// destination exists (a batch's take a look at each CSV folder).
    var inputs: () -> [String] = { [] }
    /// Whether one of ``inputs`` that is the destination may be replaced all the same (a report
    /// of an earlier run found in a folder of ATS: the batch does not compute it).
    var replaceable: (String) -> Bool = { _ in false }
    var status: ExitStatus = .success
    var errors: [String] = []
    /// Whether the report lists every warning itself (the text, Markdown and HTML reports of
    /// `calcola` and `prospetto`, a batch's text table): on a terminal they are not shown a
    /// second time on standard error, only counted (``Potenziamento``).
    var reportListsWarnings = false

    /// A report written by `render`.
    init(warnings: [String] = [], inputs: [String] = [], render: @escaping (ReportOutput) -> Void) {
        self.render = { output in
            render(output)
            return RenderOutcome()
        }
        self.warnings = warnings
        self.inputs = { inputs }
    }

    /// A report that learns its warnings, errors and status while it is written; `inputs` listed
    /// only if the destination exists.
    init(inputs: @autoclosure @escaping () -> [String], rendering: @escaping (ReportOutput) -> RenderOutcome) {
        self.render = rendering
        self.inputs = inputs
    }

    /// A report already made.
    init(report: String, warnings: [String] = [], inputs: [String] = []) {
        self.init(warnings: warnings, inputs: inputs) { $0.write(report) }
    }
}

/// What a report learned while being written (the ATS of a batch that failed).
struct RenderOutcome {
    var warnings: [String] = []
    var errors: [String] = []
    var status: ExitStatus?
    /// Whether the report written is to be dropped, not saved: it has nothing in it (a batch whose
    /// inputs turned out to be no ATS).
    var discardsOutput = false
}

/// A subcommand of `potenziamento`.
protocol Subcommand: Sendable {
    static var spec: CommandSpec { get }
    static func run(_ parsed: ParsedArguments, context: CommandContext) throws(CommandFailure) -> CommandOutput
}
