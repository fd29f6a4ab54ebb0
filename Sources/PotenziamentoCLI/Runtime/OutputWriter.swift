import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The system calls the output writer uses, so tests can make any of them fail (a full disk, a
/// read-only folder) even when running as root, where permissions do not stop a write.
struct FileOperations: Sendable {
    var open: @Sendable (String) -> Int32 = systemOpen
    var write: @Sendable (Int32, UnsafeRawPointer, Int) -> Int = systemWrite
    var fsync: @Sendable (Int32) -> Int32 = systemFsync
    var close: @Sendable (Int32) -> Int32 = systemClose
    var rename: @Sendable (String, String) -> Int32 = systemRename
    var unlink: @Sendable (String) -> Int32 = systemUnlink
    /// The errno of the last failed call.
    var lastError: @Sendable () -> Int32 = systemErrno

    static let system = FileOperations()
}

private func systemOpen(_ path: String) -> Int32 { open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644) }
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int { write(descriptor, bytes, count) }
private func systemFsync(_ descriptor: Int32) -> Int32 { fsync(descriptor) }
private func systemClose(_ descriptor: Int32) -> Int32 { close(descriptor) }
private func systemRename(_ from: String, _ to: String) -> Int32 { rename(from, to) }
private func systemUnlink(_ path: String) -> Int32 { unlink(path) }
private func systemErrno() -> Int32 { errno }

/// Writes a report to a file atomically: a temporary file in the same folder, flushed, then
/// renamed over the destination. A failure leaves any old file intact (exit 73).
enum OutputWriter {
    static func writeAtomically(_ text: String, to path: String, inputs: [String], operations: FileOperations = .system) throws(CommandFailure) {
        let destination = URL(fileURLWithPath: path).standardizedFileURL
        for input in inputs
        where URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path
            == destination.resolvingSymlinksInPath().path
        {
            throw CommandFailure(.cannotCreate, ["\(path): il file di output coincide con un file di input; scegli un altro nome"])
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: destination.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw CommandFailure(.cannotCreate, ["\(path): è una cartella, non un file"])
        }
        let folder = destination.deletingLastPathComponent().path
        let temporary = folder + "/.\(destination.lastPathComponent).tmp-\(getpid())"
        let descriptor = operations.open(temporary)
        guard descriptor >= 0 else {
            let code = operations.lastError()
            throw CommandFailure(.cannotCreate, ["\(path): impossibile scrivere nella cartella \(folder) (\(String(cString: strerror(code))))"])
        }
        let bytes = Array(text.utf8)
        var written = 0
        var failure: Int32 = 0
        bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let result = operations.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result < 0 {
                    let code = operations.lastError()
                    if code == EINTR { continue }
                    failure = code
                    return
                }
                written += result
            }
        }
        if failure == 0 && operations.fsync(descriptor) != 0 { failure = operations.lastError() }
        if operations.close(descriptor) != 0 && failure == 0 { failure = operations.lastError() }
        if failure == 0 && operations.rename(temporary, destination.path) != 0 { failure = operations.lastError() }
        if failure != 0 {
            _ = operations.unlink(temporary)
            throw CommandFailure(
                .cannotCreate, ["\(path): scrittura non riuscita (\(String(cString: strerror(failure)))); il file precedente non è stato modificato"])
        }
    }
}
