import Foundation
import PotenziamentoFormats
import Testing

@testable import PotenziamentoCLI
@testable import PotenziamentoKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `--output`: atomic replacement, devices and FIFOs, symbolic links, permissions and owner,
/// inputs compared by inode, folders, injected system-call failures, `--grafico` against
/// `--output`, and a standard output that cannot be written (real processes).
@Suite("Output writer: --output, --grafico and standard output")
struct OutputWriterTests {
    /// The report used by the in-process tests.
    static let report = Array("contributo: 136.615,38 €\nrighe accentate: è à ù\n".utf8)

    // MARK: - Helpers

    /// A fresh folder for one test (its path, without a trailing slash).
    static func folder() throws -> String { try TestSupport.temporaryFolder().path }

    /// The bytes of the file at `path`.
    static func contents(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path))) }

    /// Writes `text` to `path` (replacing it) with the test's own means, not the writer's.
    static func create(_ path: String, _ text: String = "vecchio contenuto\n") throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// The names in `folder`, sorted (temporary files left behind show up here).
    static func names(_ folder: String) throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: folder).sorted() }

    /// `lstat` of `path` (the link itself for a link).
    static func linkStatus(_ path: String) throws -> FileStatus { try FileOperations.system.lstat(path).get() }

    /// `stat` of `path` (links followed).
    static func status(_ path: String) throws -> FileStatus { try FileOperations.system.stat(path).get() }

    /// The failure `body` throws, or nil.
    static func failure(_ body: () throws(CommandFailure) -> Void) -> CommandFailure? {
        do {
            try body()
            return nil
        } catch {
            return error
        }
    }

    /// Runs `script` with `/bin/sh -c`; in it `$0` is the built `potenziamento` and `$1`, `$2`, …
    /// are `arguments`.
    static func shell(_ script: String, _ arguments: String...) throws -> TestSupport.ProcessResult {
        try run("/bin/sh", ["-c", script, TestSupport.executable.path] + arguments)
    }

    /// Runs `executable` with `arguments`, standard output to `output` (a pipe read fully when nil).
    static func run(_ executable: String, _ arguments: [String], output: FileHandle? = nil) throws -> TestSupport.ProcessResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = output ?? out
        process.standardError = err
        try process.run()
        nonisolated(unsafe) var outData = Data()
        let group = DispatchGroup()
        if output == nil {
            group.enter()
            DispatchQueue.global().async {
                outData = out.fileHandleForReading.readDataToEndOfFile()
                group.leave()
            }
        }
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit, "ended by a signal: \(process.terminationStatus)")
        return TestSupport.ProcessResult(
            status: process.terminationStatus, standardOutput: String(decoding: outData, as: UTF8.self),
            standardError: String(decoding: errData, as: UTF8.self))
    }

    /// The mode a new file created with 0644 gets under the current umask.
    static func newFileMode(in folder: String) throws -> mode_t {
        let reference = folder + "/riferimento-umask"
        let descriptor = open(reference, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        #expect(descriptor >= 0)
        close(descriptor)
        defer { unlink(reference) }
        return try status(reference).permissions
    }

    // MARK: - Regular files

    @Test("a new file is created whole with 0644 minus the umask; an existing one is replaced whole (shorter and longer)", arguments: [0, 10, 100_000])
    func regularFile(oldSize: Int) throws {
        let folder = try Self.folder()
        let path = folder + "/rapporto.txt"
        let expectedMode = try Self.newFileMode(in: folder)
        if oldSize > 0 { try Self.create(path, String(repeating: "x", count: oldSize)) }
        try OutputWriter.write(Self.report, to: path, inputs: [])
        #expect(try Self.contents(path) == Self.report)
        #expect(try Self.names(folder) == ["rapporto.txt"])
        if oldSize == 0 { #expect(try Self.status(path).permissions == expectedMode) }
    }

    @Test("the streaming API: chunks then commit give the whole report; abort and a dropped destination change nothing")
    func streaming() throws {
        let folder = try Self.folder()
        let path = folder + "/rapporto.txt"
        try Self.create(path)
        var destination = try OutputDestination.open(path: path, inputs: [])
        for chunk in ["uno ", "due ", "tre\n"] {
            try Array(chunk.utf8).withUnsafeBytes { try destination.write($0) }
        }
        #expect(try Self.contents(path) == Array("vecchio contenuto\n".utf8), "nothing visible before the commit")
        #expect(try Self.names(folder).count == 2, "the temporary file sits next to the destination")
        try destination.commit()
        #expect(try Self.contents(path) == Array("uno due tre\n".utf8))

        var aborted = try OutputDestination.open(path: path, inputs: [])
        try Self.report.withUnsafeBytes { try aborted.write($0) }
        aborted.abort()
        #expect(try Self.contents(path) == Array("uno due tre\n".utf8))
        #expect(try Self.names(folder) == ["rapporto.txt"])

        do {
            var dropped = try OutputDestination.open(path: folder + "/nuovo.txt", inputs: [])
            try Self.report.withUnsafeBytes { try dropped.write($0) }
        }
        #expect(try Self.names(folder) == ["rapporto.txt"], "a destination dropped without commit removes its temporary file")
    }

    // MARK: - Injected failures

    /// The system call an injected failure hits.
    enum Step: String, CaseIterable, Sendable {
        case open, write, secondWrite, fsync, close, rename, fchmod
    }

    /// Counts calls across the `@Sendable` closures of a `FileOperations`.
    final class Calls: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        private var recorded: [(uid_t, gid_t)] = []

        /// Adds one call and returns the new total.
        func next() -> Int {
            lock.withLock {
                count += 1; return count
            }
        }
        /// Records an `fchown`.
        func record(_ owner: uid_t, _ group: gid_t) { lock.withLock { recorded.append((owner, group)) } }
        /// The recorded `fchown` calls.
        var owners: [(uid_t, gid_t)] { lock.withLock { recorded } }
    }

    /// The real system calls, but `step` fails with `code`.
    static func failing(_ step: Step, _ code: Int32) -> FileOperations {
        var operations = FileOperations.system
        let system = FileOperations.system
        switch step {
        case .open: operations.open = { _, _, _ in .failure(SystemError(code)) }
        case .write: operations.write = { _, _ in .failure(SystemError(code)) }
        case .secondWrite:
            let calls = Calls()
            // The first call writes one byte (a short write), the second fails: partial data on disk.
            operations.write = { descriptor, bytes in
                calls.next() == 1 ? system.write(descriptor, UnsafeRawBufferPointer(rebasing: bytes.prefix(1))) : .failure(SystemError(code))
            }
        case .fsync: operations.fsync = { _ in SystemError(code) }
        case .close:
            operations.close = { descriptor in
                _ = system.close(descriptor)
                return SystemError(code)
            }
        case .rename: operations.rename = { _, _ in SystemError(code) }
        case .fchmod: operations.fchmod = { _, _ in SystemError(code) }
        }
        return operations
    }

    @Test(
        "a failing open, write, fsync, close, rename or fchmod exits 73 naming the file and the reason; the old file is untouched, no temporary file is left",
        arguments: [
            (Step.open, EROFS), (.open, EACCES), (.write, ENOSPC), (.secondWrite, EIO), (.fsync, EIO), (.close, EIO), (.rename, EXDEV), (.rename, EROFS),
            (.fchmod, EPERM),
        ], [true, false])
    func failingStep(failure: (step: Step, code: Int32), existing: Bool) throws {
        let (step, code) = failure
        let folder = try Self.folder()
        let path = folder + "/rapporto.txt"
        if existing { try Self.create(path) }
        if step == .fchmod && !existing {
            // A new file keeps the mode it was created with: no fchmod, so nothing to fail.
            try OutputWriter.write(Self.report, to: path, inputs: [], operations: Self.failing(step, code))
            #expect(try Self.contents(path) == Self.report)
            return
        }
        let error = try #require(
            Self.failure { () throws(CommandFailure) in try OutputWriter.write(Self.report, to: path, inputs: [], operations: Self.failing(step, code)) })
        let line = try #require(error.lines.first)
        #expect(error.status == .cannotCreate)
        #expect(error.lines.count == 1)
        let outcome = existing ? "il file precedente non è stato modificato" : "il file non è stato creato"
        #expect(line == "\(path): impossibile scrivere nella cartella \(folder) (\(SystemErrorText.italian(code))); \(outcome)")
        if existing {
            #expect(try Self.contents(path) == Array("vecchio contenuto\n".utf8))
            #expect(try Self.names(folder) == ["rapporto.txt"])
        } else {
            #expect(try Self.names(folder) == [])
        }
    }

    @Test("interrupted writes (EINTR) and one-byte writes still write the whole report")
    func shortAndInterruptedWrites() throws {
        let folder = try Self.folder()
        let path = folder + "/rapporto.txt"
        let calls = Calls()
        var operations = FileOperations.system
        operations.write = { descriptor, bytes in
            calls.next().isMultiple(of: 2)
                ? .failure(SystemError(EINTR)) : FileOperations.system.write(descriptor, UnsafeRawBufferPointer(rebasing: bytes.prefix(1)))
        }
        try OutputWriter.write(Self.report, to: path, inputs: [], operations: operations)
        #expect(try Self.contents(path) == Self.report)
    }

    // MARK: - Permissions and owner

    @Test("a replaced file keeps its mode", arguments: [0o600, 0o640, 0o644, 0o660, 0o755, 0o444, 0o2750] as [mode_t])
    func modeKept(mode: mode_t) throws {
        let folder = try Self.folder()
        let path = folder + "/rapporto.txt"
        try Self.create(path)
        #expect(chmod(path, mode) == 0)
        // A file its owner may not write is replaced only by root (see `notWritable`).
        if mode & 0o200 == 0 && geteuid() != 0 { return }
        try OutputWriter.write(Self.report, to: path, inputs: [])
        #expect(try Self.status(path).permissions == mode)
        #expect(try Self.contents(path) == Self.report)
    }

    /// Found by an independent review: a rename through a writable folder replaced a file the
    /// user could not write (and gave it the writer as owner); the shell's `>` refuses it.
    @Test("a file this user may not write is refused (exit 73), untouched, no temporary file left")
    func notWritable() throws {
        let folder = try Self.folder()
        let path = folder + "/rapporto.txt"
        try Self.create(path)
        var operations = FileOperations.system
        operations.writable = { _ in SystemError(EACCES) }
        let error = try #require(
            Self.failure { () throws(CommandFailure) in try OutputWriter.write(Self.report, to: path, inputs: [], operations: operations) })
        #expect(error.status == .cannotCreate)
        #expect(error.lines == ["\(path): impossibile scrivere il file (permesso negato); il file precedente non è stato modificato"])
        #expect(try Self.contents(path) == Array("vecchio contenuto\n".utf8))
        #expect(try Self.names(folder) == ["rapporto.txt"])
        // A new file is not asked about (there is nothing to replace).
        try OutputWriter.write(Self.report, to: folder + "/nuovo.txt", inputs: [], operations: operations)
        #expect(try Self.contents(folder + "/nuovo.txt") == Self.report)
    }

    @Test(
        "a file its owner may not write is refused to a user who is not root, as the shell refuses it",
        .enabled(if: geteuid() != 0, "SKIPPED: root may write any file; the refusal is covered by `notWritable` with the check injected"))
    func readOnlyForUser() throws {
        let folder = try Self.folder()
        let path = folder + "/rapporto.txt"
        try Self.create(path)
        #expect(chmod(path, 0o444) == 0)
        #expect(Self.failure { () throws(CommandFailure) in try OutputWriter.write(Self.report, to: path, inputs: []) }?.status == .cannotCreate)
    }

    /// Found by an independent review: Ctrl-C during a long batch left `.name.xxxx.tmp` behind.
    @Test(
        "an interrupted command removes its temporary file (SIGINT, SIGTERM, SIGHUP) and ends by the signal", .timeLimit(.minutes(1)),
        arguments: [SIGINT, SIGTERM, SIGHUP])
    func interrupted(signalNumber: Int32) throws {
        let folder = try Self.folder()
        let output = folder + "/uscita"
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        // A batch whose second input is a FIFO nobody writes: the report is open, the command waits.
        let fifo = folder + "/attesa.json"
        #expect(mkfifo(fifo, 0o600) == 0)
        let process = Process()
        process.executableURL = TestSupport.executable
        process.arguments = [
            "calcola", TestSupport.path("Examples/ambito-esempio.json"), fifo, "--anno", "2025", "--formato", "json", "-o", output + "/r.json",
        ]
        process.standardError = FileHandle.nullDevice
        try process.run()
        var waited = 0
        while try Self.names(output).isEmpty && waited < 200 {
            usleep(50_000)
            waited += 1
        }
        #expect(try Self.names(output).count == 1, "the temporary file was not created")
        kill(process.processIdentifier, signalNumber)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == signalNumber)
        #expect(try Self.names(output) == [])
    }

    @Test(
        "a replaced file keeps its owner and group (as root)",
        .enabled(if: geteuid() == 0, "SKIPPED: keeping another user's ownership needs root (fchown); run the tests as root to cover it"))
    func ownerKept() throws {
        let folder = try Self.folder()
        let path = folder + "/rapporto.txt"
        try Self.create(path)
        #expect(chown(path, 4242, 4343) == 0)
        #expect(chmod(path, 0o640) == 0)
        try OutputWriter.write(Self.report, to: path, inputs: [])
        let after = try Self.status(path)
        #expect(after.owner == 4242)
        #expect(after.group == 4343)
        #expect(after.permissions == 0o640)
    }

    @Test("the owner is set with fchown when it differs; a refused fchown falls back to the group and is not an error")
    func ownerAttempts() throws {
        let folder = try Self.folder()
        let path = folder + "/rapporto.txt"
        try Self.create(path)
        let previous = try Self.status(path)
        for refused in [false, true] {
            let calls = Calls()
            var operations = FileOperations.system
            // The temporary file looks owned by someone else, so the writer must set the owner.
            operations.fstat = { descriptor in
                FileOperations.system.fstat(descriptor).map {
                    var status = $0; status.owner &+= 1; status.group &+= 1; return status
                }
            }
            operations.fchown = { _, owner, group in
                calls.record(owner, group)
                return refused ? SystemError(EPERM) : nil
            }
            try OutputWriter.write(Self.report, to: path, inputs: [], operations: operations)
            let owners = calls.owners
            #expect(owners.first.map { $0 == (previous.owner, previous.group) } == true)
            #expect(owners.count == (refused ? 2 : 1))
            if refused { #expect(owners.last.map { $0 == (uid_t.max, previous.group) } == true) }
            #expect(try Self.contents(path) == Self.report)
        }
    }

    // MARK: - Devices and FIFOs

    @Test("/dev/null is written through and stays a character device, also through a symbolic link", arguments: [false, true])
    func devNull(throughLink: Bool) throws {
        let folder = try Self.folder()
        let before = try Self.linkStatus("/dev/null")
        let path = throughLink ? folder + "/scarto" : "/dev/null"
        if throughLink { #expect(symlink("/dev/null", path) == 0) }
        try OutputWriter.write(Self.report, to: path, inputs: [])
        let after = try Self.linkStatus("/dev/null")
        #expect(after.kind == .characterDevice)
        #expect(after == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: "/dev").filter { $0.hasPrefix(".null") } == [])
        if throughLink {
            #expect(try Self.linkStatus(path).kind == .symbolicLink)
            #expect(try Self.names(folder) == ["scarto"])
        }
    }

    @Test("a FIFO is written through (a reader thread gets every byte of a large report) and stays a FIFO")
    func fifo() throws {
        let folder = try Self.folder()
        let path = folder + "/tubo"
        #expect(mkfifo(path, 0o600) == 0)
        let large = Array(repeating: Self.report, count: 20_000).flatMap { $0 }  // about 1 MB, many pipe buffers
        nonisolated(unsafe) var received = Data()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            received = FileHandle(forReadingAtPath: path)?.readDataToEndOfFile() ?? Data()
            done.signal()
        }
        try OutputWriter.write(large, to: path, inputs: [])
        #expect(done.wait(timeout: .now() + 60) == .success)
        #expect(Array(received) == large)
        #expect(try Self.linkStatus(path).kind == .fifo)
        #expect(try Self.names(folder) == ["tubo"])
    }

    @Test("a real process writes --output into a FIFO read by another process, and to /dev/stdout (a pipe)")
    func fifoAndStdoutProcess() throws {
        let folder = try Self.folder()
        let fifo = folder + "/tubo"
        #expect(mkfifo(fifo, 0o600) == 0)
        let result = try Self.shell(
            #"cat "$1" > "$2" & "$0" contributo --popolazione 10000 --fte 5 --formato json --output "$1"; status=$?; wait; exit $status"#, fifo,
            folder + "/ricevuto.json")
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try String(decoding: Self.contents(folder + "/ricevuto.json"), as: UTF8.self).contains("\"contributo\":"))
        #expect(try Self.linkStatus(fifo).kind == .fifo)

        let stdout = try Self.run(
            TestSupport.executable.path, ["contributo", "--popolazione", "10000", "--fte", "5", "--formato", "json", "--output", "/dev/stdout"])
        #expect(stdout.status == 0, "\(stdout.standardError)")
        #expect(stdout.standardOutput.contains("\"contributo\":"))
    }

    // MARK: - Symbolic links

    @Test("a symbolic link stays a link: its target is replaced (temporary file in the target's folder), keeping the target's mode", arguments: [false, true])
    func symlinkTarget(absolute: Bool) throws {
        let folder = try Self.folder()
        try FileManager.default.createDirectory(atPath: folder + "/dati", withIntermediateDirectories: false)
        try FileManager.default.createDirectory(atPath: folder + "/collegamenti", withIntermediateDirectories: false)
        let target = folder + "/dati/rapporto.txt"
        try Self.create(target)
        #expect(chmod(target, 0o600) == 0)
        let link = folder + "/collegamenti/rapporto.txt"
        let text = absolute ? target : "../dati/rapporto.txt"
        #expect(symlink(text, link) == 0)
        try OutputWriter.write(Self.report, to: link, inputs: [])
        #expect(try Self.linkStatus(link).kind == .symbolicLink)
        #expect(try FileOperations.system.readlink(link).get() == text)
        #expect(try Self.contents(target) == Self.report)
        #expect(try Self.status(target).permissions == 0o600)
        #expect(try Self.names(folder + "/dati") == ["rapporto.txt"])
        #expect(try Self.names(folder + "/collegamenti") == ["rapporto.txt"])
    }

    @Test("a chain of links is followed to its end; every link stays a link")
    func symlinkChain() throws {
        let folder = try Self.folder()
        try FileManager.default.createDirectory(atPath: folder + "/sotto", withIntermediateDirectories: false)
        try Self.create(folder + "/sotto/fine.txt")
        #expect(symlink("fine.txt", folder + "/sotto/c") == 0)
        #expect(symlink(folder + "/sotto/c", folder + "/b") == 0)
        #expect(symlink("b", folder + "/a") == 0)
        try OutputWriter.write(Self.report, to: folder + "/a", inputs: [])
        #expect(try Self.contents(folder + "/sotto/fine.txt") == Self.report)
        for link in ["/a", "/b", "/sotto/c"] { #expect(try Self.linkStatus(folder + link).kind == .symbolicLink) }
        #expect(try Self.names(folder) == ["a", "b", "sotto"])
        #expect(try Self.names(folder + "/sotto") == ["c", "fine.txt"])
    }

    @Test("a dangling link creates its target (through a chain too); a dangling link into a missing folder names that folder")
    func danglingLink() throws {
        let folder = try Self.folder()
        #expect(symlink("nuovo.txt", folder + "/b") == 0)
        #expect(symlink("b", folder + "/a") == 0)
        try OutputWriter.write(Self.report, to: folder + "/a", inputs: [])
        #expect(try Self.contents(folder + "/nuovo.txt") == Self.report)
        #expect(try Self.linkStatus(folder + "/a").kind == .symbolicLink)
        #expect(try Self.linkStatus(folder + "/b").kind == .symbolicLink)
        #expect(try Self.linkStatus(folder + "/nuovo.txt").kind == .regular)

        #expect(symlink("manca/x.txt", folder + "/rotto") == 0)
        let error = try #require(Self.failure { () throws(CommandFailure) in try OutputWriter.write(Self.report, to: folder + "/rotto", inputs: []) })
        #expect(error.status == .cannotCreate)
        #expect(error.lines.first?.contains("la cartella \(folder)/manca non esiste") == true)
    }

    @Test("a loop of links is a clear error (exit 73)", arguments: [1, 2, 3])
    func linkLoop(length: Int) throws {
        let folder = try Self.folder()
        for index in 0..<length { #expect(symlink("anello\((index + 1) % length)", folder + "/anello\(index)") == 0) }
        let error = try #require(Self.failure { () throws(CommandFailure) in try OutputWriter.write(Self.report, to: folder + "/anello0", inputs: []) })
        #expect(error.status == .cannotCreate)
        #expect(error.lines == ["\(folder)/anello0: i collegamenti simbolici formano un ciclo (o una catena troppo lunga)"])
        #expect(try Self.names(folder).count == length)
    }

    // MARK: - Inputs

    /// The ways a destination can be the input file under another name.
    enum InputAlias: String, CaseIterable, Sendable {
        case samePath, otherSpelling, hardLink, symbolicLink, linkChain, linkedFolder
    }

    @Test("an --output that is an input (compared by device and inode) is refused with exit 73, the input untouched", arguments: InputAlias.allCases)
    func inputRefused(alias: InputAlias) throws {
        let folder = try Self.folder()
        try FileManager.default.createDirectory(atPath: folder + "/dati", withIntermediateDirectories: false)
        let input = folder + "/dati/ambito.json"
        try Self.create(input, "{\"ambito\": 1}\n")
        let destination: String
        switch alias {
        case .samePath: destination = input
        case .otherSpelling: destination = folder + "/dati/../dati/./ambito.json"
        case .hardLink:
            destination = folder + "/copia.json"
            #expect(link(input, destination) == 0)
        case .symbolicLink:
            destination = folder + "/collegamento.json"
            #expect(symlink("dati/ambito.json", destination) == 0)
        case .linkChain:
            destination = folder + "/primo.json"
            #expect(symlink(folder + "/collegamento.json", destination) == 0)
            #expect(symlink(input, folder + "/collegamento.json") == 0)
        case .linkedFolder:
            #expect(symlink("dati", folder + "/specchio") == 0)
            destination = folder + "/specchio/ambito.json"
        }
        let before = try Self.names(folder)
        let error = try #require(Self.failure { () throws(CommandFailure) in try OutputWriter.write(Self.report, to: destination, inputs: [input]) })
        #expect(error.status == .cannotCreate)
        #expect(error.lines.first?.contains("il file di output è il file di input") == true)
        #expect(try Self.contents(input) == Array("{\"ambito\": 1}\n".utf8))
        #expect(try Self.names(folder) == before)
        #expect(try Self.names(folder + "/dati") == ["ambito.json"])
    }

    @Test("a real process refuses an --output that is a hard link of its input (exit 73), and accepts another file")
    func inputRefusedProcess() throws {
        let folder = try Self.folder()
        let input = folder + "/ambito.json"
        try FileManager.default.copyItem(atPath: TestSupport.path("Examples/ambito-esempio.json"), toPath: input)
        #expect(link(input, folder + "/uscita.json") == 0)
        let original = try Self.contents(input)
        let refused = try TestSupport.process(["calcola", input, "--anno", "2025", "--output", folder + "/uscita.json"])
        #expect(refused.status == 73)
        #expect(refused.standardError.contains("Errore: \(folder)/uscita.json: il file di output è il file di input (\(input))"))
        #expect(try Self.contents(input) == original)
        let accepted = try TestSupport.process(["calcola", input, "--anno", "2025", "--output", folder + "/altro.txt"])
        #expect(accepted.status == 0)
        #expect(try !Self.contents(folder + "/altro.txt").isEmpty)
    }

    /// In a batch, what each input stands for is known from the look the batch takes at it once
    /// (a JSON file itself, a CSV folder's files): an --output that is any of them is refused.
    @Test(
        "a batch refuses an --output that is a hard link of one of its JSON files or of a CSV folder's file (exit 73)",
        arguments: ["ambito-2.json", "ambito-1/personale.csv", "ambito-1/comuni.csv"])
    func batchInputRefused(linked: String) throws {
        let folder = try Self.folder()
        try FileManager.default.createDirectory(atPath: folder + "/ambiti", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: TestSupport.path("Examples/ambito-esempio"), toPath: folder + "/ambiti/ambito-1")
        let json = try String(contentsOfFile: TestSupport.path("Examples/ambito-esempio.json"), encoding: .utf8)
        // Another ATS (its own code and comuni), not a copy of the first.
        try json.replacing("\"ATS-", with: "\"ALTRO-").replacing("\"0", with: "\"9").write(
            toFile: folder + "/ambiti/ambito-2.json", atomically: true, encoding: .utf8)
        let input = folder + "/ambiti/" + linked
        #expect(link(input, folder + "/uscita.json") == 0)
        let original = try Self.contents(input)
        let refused = try TestSupport.process(["calcola", folder + "/ambiti", "--anno", "2025", "--formato", "json", "--output", folder + "/uscita.json"])
        #expect(refused.status == 73, "\(refused.standardError)")
        #expect(refused.standardError.contains("il file di output è il file di input (\(input))"), "\(refused.standardError)")
        #expect(try Self.contents(input) == original)
        let accepted = try TestSupport.process(["calcola", folder + "/ambiti", "--anno", "2025", "--formato", "json", "--output", folder + "/altro.json"])
        #expect(accepted.status == 0, "\(accepted.standardError)")
    }

    /// The reader takes `Personale.csv` as `personale.csv`: so does the guard (a review found
    /// `calcola cs -o cs/Personale.csv` replaced the input).
    @Test("an --output that is a CSV file of the input folder written with capitals is refused (exit 73)", arguments: ["Personale.csv", "COMUNI.CSV"])
    func capitalisedCSVInput(name: String) throws {
        let folder = try Self.folder()
        try FileManager.default.createDirectory(atPath: folder + "/cs", withIntermediateDirectories: true)
        for file in ["ambito.csv", "comuni.csv", "personale.csv"] {
            let target = file == name.lowercased() ? name : file
            try FileManager.default.copyItem(atPath: TestSupport.path("Examples/ambito-esempio/" + file), toPath: folder + "/cs/" + target)
        }
        let original = try Self.contents(folder + "/cs/" + name)
        let refused = try TestSupport.process(["calcola", folder + "/cs", "--anno", "2025", "--output", folder + "/cs/" + name])
        #expect(refused.status == 73, "\(refused.standardError)")
        #expect(refused.standardError.contains("il file di output è il file di input"), "\(refused.standardError)")
        #expect(try Self.contents(folder + "/cs/" + name) == original)
    }

    // MARK: - Folders

    @Test("a folder, a link to a folder or a path ending in / is a clear error (exit 73)", arguments: ["", "/.", "/collegamento", "/nuova/"])
    func folderDestination(suffix: String) throws {
        let folder = try Self.folder()
        #expect(symlink(".", folder + "/collegamento") == 0)
        let path = folder + suffix
        let error = try #require(Self.failure { () throws(CommandFailure) in try OutputWriter.write(Self.report, to: path, inputs: []) })
        #expect(error.status == .cannotCreate)
        let line = try #require(error.lines.first)
        #expect(line.contains("è una cartella, non un file") || line.contains("indica il nome di un file, non di una cartella"), "\(line)")
        #expect(try Self.names(folder) == ["collegamento"])
    }

    @Test("a destination in a missing folder, or under a file, names the folder (exit 73)")
    func missingFolder() throws {
        let folder = try Self.folder()
        let missing = try #require(
            Self.failure { () throws(CommandFailure) in try OutputWriter.write(Self.report, to: folder + "/manca/rapporto.txt", inputs: []) })
        #expect(missing.status == .cannotCreate)
        #expect(missing.lines == ["\(folder)/manca/rapporto.txt: la cartella \(folder)/manca non esiste"])
        try Self.create(folder + "/file")
        let underFile = try #require(
            Self.failure { () throws(CommandFailure) in try OutputWriter.write(Self.report, to: folder + "/file/rapporto.txt", inputs: []) })
        #expect(underFile.lines == ["\(folder)/file/rapporto.txt: \(folder)/file non è una cartella"])
        #expect(try Self.names(folder) == ["file"])

        let process = try TestSupport.process(["contributo", "--popolazione", "10000", "--fte", "5", "--output", folder + "/manca/rapporto.txt"])
        #expect(process.status == 73)
        #expect(process.standardError == "Errore: \(folder)/manca/rapporto.txt: la cartella \(folder)/manca non esiste\n")
    }

    // MARK: - --grafico against --output

    /// The ways `--grafico` can name the `--output` file.
    enum ChartAlias: String, CaseIterable, Sendable {
        case samePath, dot, dotDot, doubleSlash, hardLink, symbolicLink, danglingLink
    }

    @Test(
        "--grafico equal to --output (same inode or same normalised path) is a usage error (exit 64), nothing written", arguments: ["calcola", "prospetto"],
        ChartAlias.allCases)
    func chartEqualsOutput(command: String, alias: ChartAlias) throws {
        let folder = try Self.folder()
        try FileManager.default.createDirectory(atPath: folder + "/sotto", withIntermediateDirectories: false)
        let output = folder + "/grafico.svg"
        let chart: String
        switch alias {
        case .samePath: chart = output
        case .dot: chart = folder + "/./grafico.svg"
        case .dotDot: chart = folder + "/sotto/../grafico.svg"
        case .doubleSlash: chart = folder + "//grafico.svg"
        case .hardLink:
            try Self.create(output)
            chart = folder + "/altro.svg"
            #expect(link(output, chart) == 0)
        case .symbolicLink:
            try Self.create(output)
            chart = folder + "/collegamento.svg"
            #expect(symlink("grafico.svg", chart) == 0)
        case .danglingLink:
            chart = folder + "/collegamento.svg"
            #expect(symlink("grafico.svg", chart) == 0)
        }
        let before = try Self.names(folder)
        let arguments =
            command == "calcola"
            ? ["calcola", TestSupport.path("Examples/ambito-esempio.json"), "--anno", "2025"]
            : ["prospetto", TestSupport.path("Examples/ambito-esempio.json"), "--campagna", "2026"]
        let result = TestSupport.run(arguments: arguments + ["--formato", "testo", "--output", output, "--grafico", chart])
        #expect(result.status == .usage)
        #expect(result.standardError.contains("--grafico e --output indicano lo stesso file"))
        #expect(try Self.names(folder) == before)
        if FileManager.default.fileExists(atPath: output) { #expect(try Self.contents(output) == Array("vecchio contenuto\n".utf8)) }
    }

    @Test("different --grafico and --output files are both written")
    func chartAndOutput() throws {
        let folder = try Self.folder()
        let result = TestSupport.run(
            arguments: [
                "calcola", TestSupport.path("Examples/ambito-esempio.json"), "--anno", "2025", "--output", folder + "/r.txt", "--grafico", folder + "/g.svg",
            ])
        #expect(result.status == .success)
        #expect(try String(decoding: Self.contents(folder + "/g.svg"), as: UTF8.self).hasPrefix("<"))
        #expect(try !Self.contents(folder + "/r.txt").isEmpty)
    }

    // MARK: - Standard output (real processes)

    /// The one line expected on standard error when the report cannot reach standard output.
    static func expectStandardOutputFailure(_ result: TestSupport.ProcessResult, reason: String) {
        #expect(result.status == 73)
        #expect(result.standardError == "Errore: impossibile scrivere il rapporto sullo standard output (\(reason))\n")
    }

    /// Found by a trial of the documents: «(Bad file descriptor)», «(Broken pipe)» and
    /// «(Input/output error)» in Italian messages, the system's own English.
    @Test(
        "a failed system call is said in Italian",
        arguments: [
            (ENOSPC, "spazio esaurito sul disco"), (EIO, "errore di lettura o scrittura del disco o del dispositivo"),
            (EPIPE, "chi riceveva l'output ha chiuso prima della fine"), (EBADF, "l'output è chiuso"), (EACCES, "permesso negato"),
            (EROFS, "disco o cartella di sola lettura"), (ENOENT, "file o cartella inesistente"),
        ])
    func systemErrorsInItalian(code: Int32, text: String) {
        #expect(SystemErrorText.italian(code) == text)
    }

    @Test("a failure the program does not name gives its number and the system's text")
    func unnamedSystemError() {
        #expect(SystemErrorText.italian(EPROTO) == "errore di sistema \(EPROTO): \(String(cString: strerror(EPROTO)))")
    }

    @Test("a closed standard output exits 73 with one line on standard error")
    func closedStandardOutput() throws {
        let result = try Self.shell(#"exec "$0" contributo --popolazione 10000 --fte 5 >&-"#)
        Self.expectStandardOutputFailure(result, reason: "l'output è chiuso")
        // With --output nothing goes to standard output, so a closed one is no error.
        let folder = try Self.folder()
        let written = try Self.shell(#"exec "$0" contributo --popolazione 10000 --fte 5 --output "$1" >&-"#, folder + "/r.txt")
        #expect(written.status == 0, "\(written.standardError)")
        #expect(try !Self.contents(folder + "/r.txt").isEmpty)
        // Standard error closed too: still 73, no crash.
        let silent = try Self.shell(#""$0" contributo --popolazione 10000 --fte 5 >&- 2>&-; echo "uscita=$?""#)
        #expect(silent.standardOutput == "uscita=73\n")
    }

    @Test("a full standard output (/dev/full) exits 73 with one line on standard error")
    func fullStandardOutput() throws {
        try #require(FileManager.default.fileExists(atPath: "/dev/full"), "/dev/full is missing on this system")
        let result = try Self.shell(#"exec "$0" contributo --popolazione 10000 --fte 5 > /dev/full"#)
        Self.expectStandardOutputFailure(result, reason: "spazio esaurito sul disco")
    }

    @Test("a pipe whose reader has already gone exits 73 (SIGPIPE ignored), never a signal")
    func readerGone() throws {
        var descriptors: [Int32] = [0, 0]
        #expect(pipe(&descriptors) == 0)
        close(descriptors[0])
        let writeEnd = FileHandle(fileDescriptor: descriptors[1], closeOnDealloc: true)
        let result = try Self.run(TestSupport.executable.path, ["contributo", "--popolazione", "10000", "--fte", "5"], output: writeEnd)
        Self.expectStandardOutputFailure(result, reason: "chi riceveva l'output ha chiuso prima della fine")
    }

    @Test("a reader that stops after 10 bytes of a large report (| head -c 10) gives exit 73, not a crash")
    func readerStopsEarly() throws {
        let folder = try Self.folder()
        let table = folder + "/ambiti.csv"
        let rows = (0..<3_000).map { "ATS-\($0);Ambito \($0);\(50_000 + $0);\(10 + $0 % 7);0" }
        try Self.create(table, "codice;denominazione;popolazione;fte;pregresso\n" + rows.joined(separator: "\n") + "\n")
        let result = try Self.shell(#"{ "$0" riparto "$1" --anno 2025 --formato json; echo "uscita=$?" >&2; } | head -c 10"#, table)
        #expect(result.standardOutput == "{\n  \"forma")
        #expect(
            result.standardError
                == "Errore: impossibile scrivere il rapporto sullo standard output (chi riceveva l'output ha chiuso prima della fine)\nuscita=73\n")
    }
}
