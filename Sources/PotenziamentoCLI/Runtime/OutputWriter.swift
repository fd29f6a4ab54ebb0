import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a report to a file atomically: a temporary file in the same folder, flushed, then
/// renamed over the destination. A failure leaves any old file intact (exit 73).
enum OutputWriter {
    static func writeAtomically(_ text: String, to path: String, inputs: [String]) throws(CommandFailure) {
        let destination = URL(fileURLWithPath: path).standardizedFileURL
        for input in inputs where URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path
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
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else {
            throw CommandFailure(.cannotCreate, ["\(path): impossibile scrivere nella cartella \(folder) (\(String(cString: strerror(errno))))"])
        }
        let bytes = Array(text.utf8)
        var written = 0
        var failure: Int32 = 0
        bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let result = write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                written += result
            }
        }
        if failure == 0 && fsync(descriptor) != 0 { failure = errno }
        if close(descriptor) != 0 && failure == 0 { failure = errno }
        if failure == 0 && rename(temporary, destination.path) != 0 { failure = errno }
        if failure != 0 {
            unlink(temporary)
            throw CommandFailure(.cannotCreate, ["\(path): scrittura non riuscita (\(String(cString: strerror(failure)))); il file precedente non è stato modificato"])
        }
    }
}
