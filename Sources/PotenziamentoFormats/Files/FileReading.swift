#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reading a whole input file into memory with a size cap checked while reading, so a device,
/// a pipe or a file that grows is refused as soon as it passes the cap (`/dev/zero` costs one
/// buffer, not a gigabyte).
package enum FileReading {
    /// Why a file cannot be read.
    package enum Problem: Error, Sendable, Equatable {
        /// Nothing at the path.
        case notFound
        /// A folder where a file is expected.
        case isDirectory
        /// Permission denied.
        case permissionDenied
        /// A loop of symbolic links.
        case symbolicLinkLoop
        /// More than the cap.
        case tooLarge(maximum: Int)
        /// A zero byte in a text file read from a device or a pipe (stopped there).
        case zeroByte
        /// Any other failure, with the system's message.
        case failed(String)
    }

    /// The kind of thing at a path.
    package enum Kind: Sendable, Equatable {
        /// Nothing (or a broken link).
        case missing
        /// Something that cannot be examined (a loop of links, no permission): reading it says why.
        case unreadable
        /// A folder.
        case directory
        /// A regular file.
        case file
        /// A device, pipe or socket.
        case other
    }

    /// What is at `path` (links followed).
    package static func kind(of path: String) -> Kind { entry(path).kind }

    /// What is at `path` (links followed) and, for a file, its size in bytes (0 otherwise): one `stat`.
    package static func kindAndSize(of path: String) -> (kind: Kind, size: Int) {
        var status = stat()
        guard stat(path, &status) == 0 else { return (errno == ENOENT || errno == ENOTDIR ? .missing : .unreadable, 0) }
        switch status.st_mode & S_IFMT {
        case S_IFDIR: return (.directory, 0)
        case S_IFREG: return (.file, Int(status.st_size))
        default: return (.other, 0)
        }
    }

    /// What is at `path` (links followed) and, when something is there, its identity as the file
    /// system knows it (device and inode: two paths to one file or folder have the same): one `stat`.
    package static func entry(_ path: String) -> (kind: Kind, identity: (device: UInt64, inode: UInt64)?) {
        var status = stat()
        guard stat(path, &status) == 0 else { return (errno == ENOENT || errno == ENOTDIR ? .missing : .unreadable, nil) }
        let identity = (device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
        switch status.st_mode & S_IFMT {
        case S_IFDIR: return (.directory, identity)
        case S_IFREG: return (.file, identity)
        default: return (.other, identity)
        }
    }

    /// Why the folder at `path` cannot be listed and read (in Italian), or nil when it can.
    package static func folderProblem(_ path: String) -> String? {
        access(path, R_OK | X_OK) == 0 ? nil : SystemErrorText.italian(errno)
    }

    /// Whether `path` itself is a symbolic link (the link, not what it points to).
    package static func isLink(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFLNK
    }

    /// The first bytes (at most `count`) of the regular file at `path`, or nil when it is not
    /// one or cannot be read: a look at what a file declares, without reading it whole.
    package static func head(of path: String, count: Int) -> [UInt8]? {
        guard kind(of: path) == .file else { return nil }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: max(0, count))
        var failure: Int32 = 0
        let got = bytes.withUnsafeMutableBufferPointer { fill(descriptor, $0, &failure) }
        return failure != 0 ? nil : Array(bytes.prefix(got))
    }

    /// The bytes of the file at `path`, at most `maximumSize` of them. When `textOnly`, a device or
    /// a pipe that yields a zero byte is refused at once (`/dev/zero` costs one chunk, not the
    /// cap), unless its first bytes are a ZIP or OLE signature (a workbook).
    package static func read(_ path: String, maximumSize: Int, textOnly: Bool = false) -> Result<[UInt8], Problem> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(problem(errno)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(problem(errno)) }
        if status.st_mode & S_IFMT == S_IFDIR { return .failure(.isDirectory) }
        let isRegular = status.st_mode & S_IFMT == S_IFREG
        if isRegular && Int64(status.st_size) > Int64(maximumSize) { return .failure(.tooLarge(maximum: maximumSize)) }
        // A regular file is read into a buffer of its size (and one byte more: the CSV reader
        // ends the text with a line end in place); then (for a file that grew, a device or a
        // pipe) in chunks until the end, stopping at the cap.
        var failure: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: isRegular ? Int(status.st_size) + 1 : 0) { buffer, initialized in
            initialized = fill(descriptor, UnsafeMutableBufferPointer(rebasing: buffer.prefix(isRegular ? Int(status.st_size) : 0)), &failure)
        }
        // Only the bytes `read` wrote are used: no need to clear the chunk first.
        var chunk = [UInt8](unsafeUninitializedCapacity: 1 << 16) { _, initialized in initialized = 1 << 16 }
        while failure == 0 {
            let count = chunk.withUnsafeMutableBufferPointer { fill(descriptor, $0, &failure) }
            if count == 0 { break }
            if bytes.count + count > maximumSize { return .failure(.tooLarge(maximum: maximumSize)) }
            bytes.append(contentsOf: chunk[0..<count])
            if textOnly && !isRegular && !startsLikeBinary(bytes) && chunk[0..<count].contains(0) { return .failure(.zeroByte) }
        }
        if failure != 0 { return .failure(problem(failure)) }
        return .success(bytes)
    }

    /// Whether `bytes` start like a ZIP archive or an OLE file (binary formats that hold zero bytes).
    package static func startsLikeBinary(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0])
    }

    private static func problem(_ code: Int32) -> Problem {
        switch code {
        case ENOENT, ENOTDIR: .notFound
        case EISDIR: .isDirectory
        case EACCES, EPERM: .permissionDenied
        case ELOOP: .symbolicLinkLoop
        default: .failed(SystemErrorText.italian(code))
        }
    }
}

/// Reads into `buffer` until it is full or the file ends; the count read (`failure` set on an error).
private func fill(_ descriptor: Int32, _ buffer: UnsafeMutableBufferPointer<UInt8>, _ failure: inout Int32) -> Int {
    guard let base = buffer.baseAddress else { return 0 }
    var total = 0
    while total < buffer.count {
        let result = read(descriptor, base + total, buffer.count - total)
        if result < 0 && errno == EINTR { continue }
        if result < 0 { failure = errno }
        if result <= 0 { break }
        total += result
    }
    return total
}

extension Array where Element == String {
    /// File names in name order, the same on every run: names Swift holds equal (canonically
    /// equivalent: «Forlì» written with `ì` or with `i` and a combining accent, as a Mac writes it)
    /// are ordered by their bytes, not left in the order the folder lists them (a region trial:
    /// the order of the table, and which copy was counted, changed with the order of creation).
    package func sortedAsNames() -> [String] {
        sorted { $0 != $1 ? $0 < $1 : $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
