#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import PotenziamentoFormats
import PotenziamentoKit

extension Potenziamento {
    /// Runs the command as a process: today's date in Italy from the system clock (``ItalianTime``:
    /// the same date whatever the machine's time zone), or from `SOURCE_DATE_EPOCH` when it is set
    /// (the reproducible-builds convention: the same input gives the same bytes on another day;
    /// docs/guida.md, «La data di oggi»; a value that is not a whole number of seconds is a usage
    /// error, exit 64), the report on
    /// standard output, messages on standard error; the exit status to return.
    ///
    /// A standard output that cannot be written (closed, a full disk, a reader that stopped
    /// early) gives exit 73 and one line on standard error when that works: never a crash
    /// (SIGPIPE is ignored so a closed pipe is an error to report, not a signal).
    public static func main(_ arguments: [String]) -> Int32 {
        signal(SIGPIPE, SIG_IGN)
        InterruptCleanup.install()
        ProcessLifetime.isEnabled = true
        let standardOutputOpen = ProcessIO.reserveIfClosed(STDOUT_FILENO)
        let standardErrorOpen = ProcessIO.reserveIfClosed(STDERR_FILENO)
        // SOURCE_DATE_EPOCH, when set and not empty, gives today's date (the reproducible-builds convention).
        let epoch = getenv("SOURCE_DATE_EPOCH").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
        guard let today = clockSeconds(sourceDateEpoch: epoch).flatMap(ItalianTime.date(unixSeconds:)) else {
            let message =
                epoch.map {
                    "Errore: SOURCE_DATE_EPOCH «\(TextSafety.shortened($0))» non è un numero di secondi dal 1° gennaio 1970 (UTC) che dia una data fino al 31/12/9999, come 1772323200: correggilo o toglilo dall'ambiente\n"
                } ?? "Errore: l'orologio del sistema non dà una data valida\n"
            _ = ProcessIO.write(Array(message.utf8), to: STDERR_FILENO)
            return (epoch == nil ? ExitStatus.software : ExitStatus.usage).rawValue
        }
        var wroteSomething = false
        let standardOutput = ReportOutput { bytes in
            wroteSomething = true
            return standardOutputOpen && ProcessIO.write(bytes, to: STDOUT_FILENO)
        }
        var context = CommandContext(today: today)
        context.standardOutputIsTerminal = isatty(STDOUT_FILENO) == 1
        context.standardErrorIsTerminal = isatty(STDERR_FILENO) == 1
        var (status, standardError) = execute(arguments, context: context, standardOutput: standardOutput)
        // A date left in the environment changes the year of every command without --anno: said.
        if epoch != nil {
            standardError = "Avviso: la data di oggi è il \(today.italian), da SOURCE_DATE_EPOCH (toglila dall'ambiente per usare l'orologio)\n" + standardError
        }
        var outputWritten = standardOutput.finish()
        let errorWritten = standardErrorOpen && ProcessIO.write(Array(standardError.utf8), to: STDERR_FILENO)
        if !standardOutputOpen && wroteSomething {
            ProcessIO.lastError = SystemErrorText.italian(EBADF)
            outputWritten = false
        }
        guard outputWritten else {
            if errorWritten {
                _ = ProcessIO.write(Array("Errore: impossibile scrivere il rapporto sullo standard output (\(ProcessIO.lastError))\n".utf8), to: STDERR_FILENO)
            }
            return ExitStatus.cannotCreate.rawValue
        }
        return status.rawValue
    }
}

extension Potenziamento {
    /// The seconds since 1970 (UTC) that give today's date: the system clock's, or
    /// `sourceDateEpoch` when it is given (`SOURCE_DATE_EPOCH`, the reproducible-builds
    /// convention); nil when it is not a whole number of seconds (digits only, at most 12; a
    /// date past 9999 is refused by ``ItalianTime``).
    static func clockSeconds(sourceDateEpoch: String?) -> Int? {
        guard let text = sourceDateEpoch else { return Int(time(nil)) }
        let digits = text.utf8
        guard digits.count <= 12, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }
}

/// Writing bytes to a file descriptor completely, reporting failure instead of trapping.
enum ProcessIO {
    /// The system's message for the last failed write.
    nonisolated(unsafe) static var lastError = ""

    /// Whether `descriptor` was open at start-up. A closed one is filled with `/dev/null`, so no
    /// file opened later (an input, an `--output` temporary file) can take its number and receive
    /// what was meant for standard output or standard error.
    static func reserveIfClosed(_ descriptor: Int32) -> Bool {
        guard fcntl(descriptor, F_GETFD) == -1, errno == EBADF else { return true }
        let null = open("/dev/null", O_RDWR)
        if null >= 0 && null != descriptor {
            _ = dup2(null, descriptor)
            _ = close(null)
        }
        return false
    }

    /// Writes all of `bytes` to `descriptor`; false when the write fails (EPIPE, ENOSPC, EBADF).
    static func write(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        bytes.withUnsafeBytes { write($0, to: descriptor) }
    }

    /// Writes all of `bytes` to `descriptor`; false when the write fails.
    static func write(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Bool {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return true }
        var written = 0
        while written < bytes.count {
            let result = systemWrite(descriptor, base + written, bytes.count - written)
            if result < 0 {
                if errno == EINTR { continue }
                lastError = SystemErrorText.italian(errno)
                return false
            }
            written += result
        }
        return true
    }
}

private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int { write(descriptor, bytes, count) }

/// What the process keeps until it exits: freeing a large roster or assessment just before
/// `exit` (or before its report is written) is work for nothing, up to a tenth of the run on a
/// million records (docs/benchmark.md). Only the process entry point turns it on; in-process
/// runs (tests, embedding programs) free as usual.
enum ProcessLifetime {
    /// Whether values are kept (set by ``Potenziamento/main(_:)``).
    nonisolated(unsafe) static var isEnabled = false
    /// The roster of a single-input command, kept until exit (a batch frees each roster once its
    /// result is written, so memory stays that of a few rosters).
    nonisolated(unsafe) private static var lastInput: Any?
    /// The command's result (its report closure holds the assessment), kept until exit.
    nonisolated(unsafe) private static var result: Any?

    /// Keeps `input` (a loaded roster) until the exit (main thread only).
    static func keep(input: Any) {
        if isEnabled { lastInput = input }
    }

    /// Keeps the command's result until the exit.
    static func keep(result value: Any) {
        if isEnabled { result = value }
    }
}
