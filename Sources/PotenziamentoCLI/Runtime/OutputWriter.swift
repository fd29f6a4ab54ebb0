#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

import PotenziamentoFormats

/// A failed system call: the `errno` it left.
struct SystemError: Error, Equatable, Sendable {
    /// The `errno` value (`ENOSPC`, `EIO`, …).
    let code: Int32

    /// A failure with `errno` value `code`.
    init(_ code: Int32) { self.code = code }

    /// The failure of the call that just returned -1 (the thread's current `errno`).
    static var current: SystemError { SystemError(errno) }

    /// The failure in Italian («spazio esaurito sul disco»: ``SystemErrorText``).
    var reason: String { SystemErrorText.italian(code) }
}

/// What `stat` says about a file: its kind, identity (device and inode), permissions and owner.
struct FileStatus: Equatable, Sendable {
    /// The kinds of file the output writer tells apart.
    enum Kind: Equatable, Sendable {
        /// A regular file: replaced atomically.
        case regular
        /// A folder: never a valid destination.
        case directory
        /// A symbolic link (only `lstat` reports it): followed.
        case symbolicLink
        /// A named pipe: written through, never replaced.
        case fifo
        /// A character device (`/dev/null`, a terminal): written through, never replaced.
        case characterDevice
        /// A block device: written through, never replaced.
        case blockDevice
        /// A socket: opening it fails with the system's reason.
        case socket
        /// Anything else the system may report.
        case other
    }

    /// The kind of file.
    var kind: Kind
    /// The device the file lives on.
    var device: UInt64
    /// The file's inode number on its device.
    var inode: UInt64
    /// The permission bits, with set-user-ID, set-group-ID and sticky (`mode & 0o7777`).
    var permissions: mode_t
    /// The owning user.
    var owner: uid_t
    /// The owning group.
    var group: gid_t

    /// A status with the given fields (tests build fake ones).
    init(kind: Kind, device: UInt64, inode: UInt64, permissions: mode_t, owner: uid_t, group: gid_t) {
        self.kind = kind
        self.device = device
        self.inode = inode
        self.permissions = permissions
        self.owner = owner
        self.group = group
    }

    /// The status the system filled in.
    init(_ raw: stat) {
        let type = raw.st_mode & S_IFMT
        switch type {
        case S_IFREG: kind = .regular
        case S_IFDIR: kind = .directory
        case S_IFLNK: kind = .symbolicLink
        case S_IFIFO: kind = .fifo
        case S_IFCHR: kind = .characterDevice
        case S_IFBLK: kind = .blockDevice
        case S_IFSOCK: kind = .socket
        default: kind = .other
        }
        device = UInt64(truncatingIfNeeded: raw.st_dev)
        inode = UInt64(truncatingIfNeeded: raw.st_ino)
        permissions = raw.st_mode & 0o7777
        owner = raw.st_uid
        group = raw.st_gid
    }

    /// Whether `other` is the same file on disk (same device and inode), whatever its path.
    func isSameFile(as other: FileStatus) -> Bool { device == other.device && inode == other.inode }
}

/// The system calls the output writer uses, so tests can make any of them fail (a full disk, a
/// read-only folder, a rename across devices) even when running as root, where permissions do
/// not stop a write. Each call returns the failure's `errno` instead of leaving it in a global.
struct FileOperations: Sendable {
    /// `open(path, flags, mode)`: the new descriptor.
    var open: @Sendable (_ path: String, _ flags: Int32, _ mode: mode_t) -> Result<Int32, SystemError> = systemOpen
    /// `write(descriptor, bytes)`: how many bytes were written (possibly fewer than asked).
    var write: @Sendable (_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Result<Int, SystemError> = systemWrite
    /// `fsync(descriptor)`: nil when the data reached the disk.
    var fsync: @Sendable (_ descriptor: Int32) -> SystemError? = systemFsync
    /// `close(descriptor)`: nil on success (a late write error can show up here).
    var close: @Sendable (_ descriptor: Int32) -> SystemError? = systemClose
    /// `rename(from, to)`: nil when `to` now names the new file.
    var rename: @Sendable (_ from: String, _ to: String) -> SystemError? = systemRename
    /// `unlink(path)`: nil when the name is gone.
    var unlink: @Sendable (_ path: String) -> SystemError? = systemUnlink
    /// `lstat(path)`: the status of the path itself (a link is not followed).
    var lstat: @Sendable (_ path: String) -> Result<FileStatus, SystemError> = systemLstat
    /// `stat(path)`: the status of what the path leads to (links followed).
    var stat: @Sendable (_ path: String) -> Result<FileStatus, SystemError> = systemStat
    /// `fstat(descriptor)`: the status of an open file.
    var fstat: @Sendable (_ descriptor: Int32) -> Result<FileStatus, SystemError> = systemFstat
    /// `readlink(path)`: the text of a symbolic link.
    var readlink: @Sendable (_ path: String) -> Result<String, SystemError> = systemReadlink
    /// `fchmod(descriptor, mode)`: nil when the permissions are set.
    var fchmod: @Sendable (_ descriptor: Int32, _ mode: mode_t) -> SystemError? = systemFchmod
    /// `fchown(descriptor, owner, group)`: nil when the owner is set (`uid_t.max` keeps one unchanged).
    var fchown: @Sendable (_ descriptor: Int32, _ owner: uid_t, _ group: gid_t) -> SystemError? = systemFchown
    /// Flushes a folder's entries after a rename (best effort: a failure changes nothing already done).
    var syncFolder: @Sendable (_ folder: String) -> Void = systemSyncFolder
    /// `access(path, W_OK)`: nil when this process may write the file (as the shell's `>` asks).
    var writable: @Sendable (_ path: String) -> SystemError? = systemWritable

    /// The real system calls.
    static let system = FileOperations()
}

private func systemOpen(_ path: String, _ flags: Int32, _ mode: mode_t) -> Result<Int32, SystemError> {
    let descriptor = open(path, flags, mode)
    return descriptor >= 0 ? .success(descriptor) : .failure(.current)
}

private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Result<Int, SystemError> {
    guard let base = bytes.baseAddress else { return .success(0) }
    let written = write(descriptor, base, bytes.count)
    return written >= 0 ? .success(written) : .failure(.current)
}

private func systemFsync(_ descriptor: Int32) -> SystemError? { fsync(descriptor) == 0 ? nil : .current }

private func systemClose(_ descriptor: Int32) -> SystemError? { close(descriptor) == 0 ? nil : .current }

private func systemRename(_ from: String, _ to: String) -> SystemError? { rename(from, to) == 0 ? nil : .current }

private func systemUnlink(_ path: String) -> SystemError? { unlink(path) == 0 ? nil : .current }

private func systemWritable(_ path: String) -> SystemError? { access(path, W_OK) == 0 ? nil : .current }

private func systemLstat(_ path: String) -> Result<FileStatus, SystemError> {
    var raw = stat()
    return lstat(path, &raw) == 0 ? .success(FileStatus(raw)) : .failure(.current)
}

private func systemStat(_ path: String) -> Result<FileStatus, SystemError> {
    var raw = stat()
    return stat(path, &raw) == 0 ? .success(FileStatus(raw)) : .failure(.current)
}

private func systemFstat(_ descriptor: Int32) -> Result<FileStatus, SystemError> {
    var raw = stat()
    return fstat(descriptor, &raw) == 0 ? .success(FileStatus(raw)) : .failure(.current)
}

private func systemReadlink(_ path: String) -> Result<String, SystemError> {
    var capacity = 256
    while true {
        var buffer = [UInt8](repeating: 0, count: capacity)
        let count = buffer.withUnsafeMutableBytes { readlink(path, $0.baseAddress!.assumingMemoryBound(to: CChar.self), capacity) }
        if count < 0 { return .failure(.current) }
        if count < capacity { return .success(String(decoding: buffer[0..<count], as: UTF8.self)) }
        capacity *= 4
        if capacity > 1 << 20 { return .failure(SystemError(ENAMETOOLONG)) }
    }
}

private func systemFchmod(_ descriptor: Int32, _ mode: mode_t) -> SystemError? { fchmod(descriptor, mode) == 0 ? nil : .current }

private func systemFchown(_ descriptor: Int32, _ owner: uid_t, _ group: gid_t) -> SystemError? {
    fchown(descriptor, owner, group) == 0 ? nil : .current
}

private func systemSyncFolder(_ folder: String) {
    let descriptor = open(folder, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return }
    _ = fsync(descriptor)
    _ = close(descriptor)
}

/// Paths as text: the folder and the name of a path, a path made absolute and normalised.
enum OutputPath {
    /// The folder that holds `path` ("." for a bare name, "/" for a name at the root).
    static func folder(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "." }
        let folder = String(path[..<slash])
        return folder.isEmpty ? "/" : folder
    }

    /// The last component of `path` (empty when `path` ends with "/").
    static func name(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
        return String(path[path.utf8.index(after: slash)...])
    }

    /// `target` (the text of a link found at `link`) as a path from the current folder.
    static func resolve(_ target: String, from link: String) -> String {
        target.hasPrefix("/") ? target : folder(of: link) + "/" + target
    }

    /// `path` made absolute (from the current folder) with ".", ".." and repeated "/" removed; the
    /// existing folder part resolved by `realpath`, so two spellings of one place compare equal.
    static func normalised(_ path: String) -> String {
        var absolute = path
        if !path.hasPrefix("/") {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            if getcwd(&buffer, buffer.count) != nil {
                let cwd = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                absolute = cwd + "/" + path
            }
        }
        var components: [Substring] = []
        for component in absolute.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..": _ = components.popLast()
            default: components.append(component)
            }
        }
        let lexical = "/" + components.joined(separator: "/")
        let folder = folder(of: lexical)
        guard let resolved = realpath(folder, nil) else { return lexical }
        defer { free(resolved) }
        let real = String(cString: resolved)
        return (real == "/" ? "" : real) + "/" + name(of: lexical)
    }
}

/// Where an `--output` path leads once its symbolic links are followed.
enum ResolvedDestination: Equatable {
    /// Nothing there yet (or a dangling link): `target` is created, in its own folder.
    case newFile(target: String)
    /// A regular file at `target` (the end of the chain of links): replaced atomically, keeping
    /// the mode and owner in `previous`.
    case regularFile(target: String, previous: FileStatus)
    /// A device, a FIFO or a socket: written through the path itself, never replaced.
    case special(FileStatus)
    /// The target path (nil for a device or a FIFO, which is written through the given path).
    var target: String? {
        switch self {
        case .newFile(let target), .regularFile(let target, _): target
        case .special: nil
        }
    }
}

/// An open `--output` destination: bytes are written to it in chunks, then it is committed (the
/// report appears whole) or aborted (nothing changes on disk).
///
/// A regular file, new or existing, is written to a temporary file in the same folder, then
/// flushed (`fsync`) and renamed over the destination: a failure at any step leaves the old
/// file untouched and no temporary file behind. A replaced file keeps its permissions and, when
/// the system allows it (as root), its owner. A symbolic link is followed: its target is
/// replaced (the temporary file lives in the target's folder) and the link stays a link. A
/// device or a FIFO (`/dev/null`, `/dev/stdout`, a named pipe) is written directly, never
/// replaced. A destination that is one of the inputs (same device and inode), a folder, in a
/// missing folder, or a loop of links is refused before anything is written. Every failure is a
/// ``CommandFailure`` with exit 73 and one Italian line naming the file and the system's reason.
struct OutputDestination: ~Copyable {
    /// How the bytes reach the destination.
    private enum Mode {
        /// Written into `temporary`, renamed over `target` on commit; `previous` is the replaced
        /// file's status (nil for a new file).
        case replace(temporary: String, target: String, previous: FileStatus?)
        /// Written straight into the destination (a device or a FIFO).
        case direct
    }

    /// The path the user gave (named in messages).
    private let path: String
    /// The system calls.
    private let operations: FileOperations
    /// Temporary file and rename, or direct writes.
    private let mode: Mode
    /// The open descriptor; -1 once committed, aborted or failed.
    private var descriptor: Int32

    /// The slot of the temporary file in ``InterruptCleanup`` (removed if the process is interrupted).
    private let interruptSlot: Int?

    /// A destination already opened.
    private init(path: String, operations: FileOperations, mode: Mode, descriptor: Int32) {
        self.path = path
        self.operations = operations
        self.mode = mode
        self.descriptor = descriptor
        if case .replace(let temporary, _, _) = mode { interruptSlot = InterruptCleanup.register(temporary) } else { interruptSlot = nil }
    }

    /// Removes the temporary file when the destination is dropped without a commit.
    deinit {
        Self.release(descriptor, mode: mode, operations: operations)
        InterruptCleanup.unregister(interruptSlot)
    }

    /// Opens `path` for writing a report: resolves links, refuses a folder, a missing folder, a
    /// loop of links or one of `inputs` (compared by device and inode; listed only when the
    /// destination exists, the one case they are compared; but for one `replaceable` says may be
    /// replaced: a report found in a folder of ATS, not computed), and opens the temporary file (or the
    /// device or FIFO itself; opening a FIFO waits for a reader).
    static func open(
        path: String, inputs: @autoclosure () -> [String], replaceable: (String) -> Bool = { _ in false }, operations: FileOperations = .system
    ) throws(CommandFailure) -> OutputDestination {
        let resolved = try resolve(path, operations: operations)
        switch resolved {
        case .special:
            let descriptor: Int32
            switch operations.open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC, 0) {
            case .success(let opened): descriptor = opened
            case .failure(let error): throw failure("\(path): impossibile aprire per la scrittura (\(error.reason))")
            }
            if case .success(let status) = operations.fstat(descriptor), status.kind == .regular || status.kind == .directory {
                _ = operations.close(descriptor)
                throw failure("\(path): il file è cambiato mentre veniva aperto; riprova")
            }
            return OutputDestination(path: path, operations: operations, mode: .direct, descriptor: descriptor)
        case .regularFile(let target, let previous):
            for input in inputs() {
                if case .success(let status) = operations.stat(input), status.isSameFile(as: previous), !replaceable(input) {
                    let same = input == path ? "" : " (\(input))"
                    throw failure("\(display(path, target)): il file di output è il file di input\(same); scegli un altro nome per il file da scrivere")
                }
            }
            // A file this user may not write is not replaced through its folder (a rename would):
            // refused as the shell's `>` refuses it.
            if let error = operations.writable(target) {
                throw failure("\(display(path, target)): impossibile scrivere il file (\(error.reason)); il file precedente non è stato modificato")
            }
            return try openTemporary(path: path, target: target, previous: previous, operations: operations)
        case .newFile(let target):
            return try openTemporary(path: path, target: target, previous: nil, operations: operations)
        }
    }

    /// Writes all of `bytes` (retrying short writes and interruptions). On failure the
    /// destination is cleaned up at once (no temporary file is left) and cannot be used again.
    mutating func write(_ bytes: UnsafeRawBufferPointer) throws(CommandFailure) {
        guard descriptor >= 0 else { throw Self.failure("\(path): scrittura non riuscita (la destinazione è già chiusa)") }
        var offset = 0
        while offset < bytes.count {
            switch operations.write(descriptor, UnsafeRawBufferPointer(rebasing: bytes[offset...])) {
            case .success(let count) where count > 0:
                offset += count
            case .success:
                throw fail(SystemError(EIO))
            case .failure(let error) where error.code == EINTR:
                continue
            case .failure(let error):
                throw fail(error)
            }
        }
    }

    /// Finishes the report: for a file, sets the replaced file's owner (when possible) and
    /// permissions, flushes, closes and renames over the destination; for a device or a FIFO,
    /// closes it. On failure the old file is untouched and the temporary file removed.
    consuming func commit() throws(CommandFailure) {
        guard descriptor >= 0 else { throw Self.failure("\(path): scrittura non riuscita (la destinazione è già chiusa)") }
        switch mode {
        case .direct:
            let error = operations.close(descriptor)
            descriptor = -1
            if let error { throw Self.failure("\(path): scrittura non riuscita (\(error.reason))") }
        case .replace(let temporary, let target, let previous):
            if let previous {
                keepOwner(previous)
                if let error = operations.fchmod(descriptor, previous.permissions) { throw fail(error) }
            }
            if let error = operations.fsync(descriptor) { throw fail(error) }
            let closed = operations.close(descriptor)
            descriptor = -1
            if let error = closed {
                _ = operations.unlink(temporary)
                throw failure(error)
            }
            if let error = operations.rename(temporary, target) {
                _ = operations.unlink(temporary)
                throw failure(error)
            }
            // Renamed: nothing left to remove if the process is interrupted now.
            InterruptCleanup.unregister(interruptSlot)
            operations.syncFolder(OutputPath.folder(of: target))
        }
    }

    /// Gives up: closes the destination and removes the temporary file (a device or a FIFO keeps
    /// what was already written to it).
    consuming func abort() { cleanUp() }

    /// Closes the descriptor and removes the temporary file, if still open.
    private mutating func cleanUp() {
        Self.release(descriptor, mode: mode, operations: operations)
        descriptor = -1
    }

    /// Closes `descriptor` (when open) and removes the temporary file of `mode`.
    private static func release(_ descriptor: Int32, mode: Mode, operations: FileOperations) {
        guard descriptor >= 0 else { return }
        _ = operations.close(descriptor)
        if case .replace(let temporary, _, _) = mode { _ = operations.unlink(temporary) }
    }

    /// Cleans up after `error` and returns the failure to throw.
    private mutating func fail(_ error: SystemError) -> CommandFailure {
        cleanUp()
        return failure(error)
    }

    /// The message for a failed write, flush, close or rename.
    private func failure(_ error: SystemError) -> CommandFailure {
        switch mode {
        case .direct:
            return Self.failure("\(path): scrittura non riuscita (\(error.reason))")
        case .replace(_, let target, let previous):
            return Self.replaceFailure(path, target: target, previous: previous, error)
        }
    }

    /// The message for a file that could not be written or replaced: the folder, the system's
    /// reason, and what happened to the destination (untouched, or not created).
    private static func replaceFailure(_ path: String, target: String, previous: FileStatus?, _ error: SystemError) -> CommandFailure {
        let outcome = previous == nil ? "il file non è stato creato" : "il file precedente non è stato modificato"
        let folder = OutputPath.folder(of: target)
        return failure("\(display(path, target)): impossibile scrivere nella cartella \(folder) (\(error.reason)); \(outcome)")
    }

    /// Gives the new file the replaced file's owner and group, as far as the system allows (the
    /// owner needs root; the group, membership): a refusal is not an error.
    private func keepOwner(_ previous: FileStatus) {
        guard case .success(let current) = operations.fstat(descriptor) else { return }
        guard current.owner != previous.owner || current.group != previous.group else { return }
        if operations.fchown(descriptor, previous.owner, previous.group) == nil { return }
        if current.group != previous.group { _ = operations.fchown(descriptor, uid_t.max, previous.group) }
    }

    /// Opens a fresh temporary file next to `target` (0600 while a replaced file's mode is set on
    /// commit; 0644 minus the umask for a new file, as usual).
    private static func openTemporary(path: String, target: String, previous: FileStatus?, operations: FileOperations) throws(CommandFailure)
        -> OutputDestination
    {
        let folder = OutputPath.folder(of: target)
        var stem = ""
        for character in OutputPath.name(of: target) {
            if stem.utf8.count + character.utf8.count > 100 { break }
            stem.append(character)
        }
        let creationMode: mode_t = previous == nil ? 0o644 : 0o600
        for _ in 0..<100 {
            let temporary = folder + "/.\(stem).\(String(UInt64.random(in: 0...UInt64.max), radix: 36)).tmp"
            switch operations.open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, creationMode) {
            case .success(let descriptor):
                let mode = Mode.replace(temporary: temporary, target: target, previous: previous)
                return OutputDestination(path: path, operations: operations, mode: mode, descriptor: descriptor)
            case .failure(let error) where error.code == EEXIST:
                continue
            case .failure(let error):
                throw replaceFailure(path, target: target, previous: previous, error)
            }
        }
        throw replaceFailure(path, target: target, previous: previous, SystemError(EEXIST))
    }

    /// Follows `path` to what it leads to, refusing a folder, a missing folder and a loop of links.
    static func resolve(_ path: String, operations: FileOperations = .system) throws(CommandFailure) -> ResolvedDestination {
        // An empty name is a usage error (exit 64), as an empty value of any option is.
        guard !path.isEmpty else { throw .usage("il nome del file di output è vuoto: indica il file da scrivere") }
        switch operations.stat(path) {
        case .success(let status):
            switch status.kind {
            case .directory:
                throw failure("\(path): è una cartella, non un file; indica il nome del file da scrivere")
            case .regular:
                let target = try followLinks(path, operations: operations)
                guard case .success(let found) = operations.lstat(target), found.isSameFile(as: status) else {
                    throw failure("\(path): impossibile stabilire a quale file porta il collegamento simbolico")
                }
                return .regularFile(target: target, previous: status)
            default:
                return .special(status)
            }
        case .failure(let error) where error.code == ELOOP:
            throw failure("\(path): i collegamenti simbolici formano un ciclo (o una catena troppo lunga)")
        case .failure(let error) where error.code == ENOENT || error.code == ENOTDIR:
            let target = try followLinks(path, operations: operations)
            let name = OutputPath.name(of: target)
            guard !name.isEmpty, name != ".", name != ".." else {
                throw failure("\(display(path, target)): indica il nome di un file, non di una cartella")
            }
            let folder = OutputPath.folder(of: target)
            switch operations.stat(folder) {
            case .success(let status) where status.kind == .directory:
                return .newFile(target: target)
            case .success:
                throw failure("\(display(path, target)): \(folder) non è una cartella")
            case .failure(let error) where error.code == ENOENT || error.code == ENOTDIR:
                throw failure("\(display(path, target)): la cartella \(folder) non esiste")
            case .failure(let error):
                throw failure("\(display(path, target)): impossibile accedere alla cartella \(folder) (\(error.reason))")
            }
        case .failure(let error):
            throw failure("\(path): impossibile accedere al file (\(error.reason))")
        }
    }

    /// The end of the chain of symbolic links starting at `path` (`path` itself when it is not a
    /// link; the missing name when the chain dangles).
    private static func followLinks(_ path: String, operations: FileOperations) throws(CommandFailure) -> String {
        var current = path
        for _ in 0..<40 {
            switch operations.lstat(current) {
            case .success(let status) where status.kind == .symbolicLink:
                switch operations.readlink(current) {
                case .success(let text): current = OutputPath.resolve(text, from: current)
                case .failure(let error): throw failure("\(path): impossibile leggere il collegamento simbolico \(current) (\(error.reason))")
                }
            case .success:
                return current
            case .failure(let error) where error.code == ENOENT || error.code == ENOTDIR:
                return current
            case .failure(let error) where error.code == ELOOP:
                throw failure("\(path): i collegamenti simbolici formano un ciclo (o una catena troppo lunga)")
            case .failure(let error):
                throw failure("\(display(path, current)): impossibile accedere al file (\(error.reason))")
            }
        }
        throw failure("\(path): i collegamenti simbolici formano un ciclo (o una catena troppo lunga)")
    }

    /// The path for messages: the given one, and where its links lead when that differs.
    private static func display(_ path: String, _ target: String) -> String {
        target == path ? path : "\(path) (collegamento a \(target))"
    }

    /// An "output cannot be written" failure (exit 73) with one line.
    private static func failure(_ line: String) -> CommandFailure { CommandFailure(.cannotCreate, [line]) }
}

/// Writing a whole report to `--output` or `--grafico`, and the checks on those two paths.
enum OutputWriter {
    /// Writes `bytes` to `path` through an ``OutputDestination`` (atomically for a file, directly
    /// for a device or a FIFO), refusing any of `inputs`.
    static func write(_ bytes: [UInt8], to path: String, inputs: [String], operations: FileOperations = .system) throws(CommandFailure) {
        var destination = try OutputDestination.open(path: path, inputs: inputs, operations: operations)
        let failure: CommandFailure? = bytes.withUnsafeBytes { buffer in
            do throws(CommandFailure) {
                try destination.write(buffer)
                return nil
            } catch {
                return error
            }
        }
        if let failure {
            destination.abort()
            throw failure
        }
        try destination.commit()
    }

    /// Refuses (usage error, exit 64) a `--grafico` file that is the `--output` file: the same
    /// file on disk, or the same path once normalised and its links followed.
    static func refuseSameFile(chart: String?, output: String?, operations: FileOperations = .system) throws(CommandFailure) {
        guard let chart, let output else { return }
        if isSameDestination(chart, output, operations: operations) {
            throw .usage("--grafico e --output indicano lo stesso file («\(chart)»): scegli due nomi diversi")
        }
    }

    /// Whether `first` and `second` lead to the same file: by device and inode when both exist,
    /// otherwise by the normalised path at the end of their links.
    static func isSameDestination(_ first: String, _ second: String, operations: FileOperations = .system) -> Bool {
        switch (operations.stat(first), operations.stat(second)) {
        case (.success(let a), .success(let b)):
            return a.isSameFile(as: b)
        case (.success, .failure), (.failure, .success):
            return false
        case (.failure, .failure):
            let a = (try? OutputDestination.resolve(first, operations: operations))?.target ?? first
            let b = (try? OutputDestination.resolve(second, operations: operations))?.target ?? second
            return OutputPath.normalised(a) == OutputPath.normalised(b)
        }
    }
}
