import Foundation

/// Helpers shared by the format tests: fixture paths and files.
enum FormatsTestSupport {
    /// The package root.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The fixtures folder of this test target.
    static let fixtures: URL = packageRoot.appendingPathComponent("Tests/PotenziamentoFormatsTests/Fixtures")

    /// The bytes of the fixture at `relative` (e.g. "deflate/sheet.xml").
    static func fixture(_ relative: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: fixtures.appendingPathComponent(relative)))
    }

    /// The names of the files in the fixture folder `folder`, sorted.
    static func fixtureNames(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixtures.appendingPathComponent(folder).path)) ?? []
        return names.sorted()
    }

    /// A fresh temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("potenziamento-formats-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
