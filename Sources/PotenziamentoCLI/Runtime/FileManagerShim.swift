import Foundation

/// The few file-system questions the commands ask.
enum FileManagerShim {
    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }
}
