import Foundation

/// Loads a roster from disk: a `potenziamento.ambito.v1` JSON file, or a folder holding
/// `comuni.csv`, `personale.csv` and optionally `ambito.csv`.
public enum RosterLoader {
    /// A roster with the warnings found while reading it.
    public struct Loaded: Sendable {
        /// The roster.
        public let roster: Roster
        /// Warnings (encoding, ISTAT codes, ...): the roster is usable.
        public let warnings: [InputDiagnostic]
    }

    /// Loads the roster at `path`. A missing or unreadable path is `isUnreadable` (exit 66);
    /// a file that can be read but is invalid is not (exit 65).
    public static func load(path: String) throws(InputError) -> Loaded {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(SourcePlace(file: path, position: .file), "file o cartella inesistente", isUnreadable: true)
        }
        if isDirectory.boolValue { return try loadFolder(path) }
        if path.lowercased().hasSuffix(".csv") {
            throw InputError(
                SourcePlace(file: path, position: .file),
                "per i file CSV indica la cartella che contiene comuni.csv e personale.csv, non il singolo file")
        }
        // UTF-8 (the usual case) is parsed from the file's own buffer, without a String copy.
        switch try TextDecoding.decodeKeepingUTF8(try readFile(path), file: path) {
        case .utf8(let bytes, let start):
            let (roster, diagnostics) = bytes.withUnsafeBufferPointer { RosterJSONReader.read(utf8: UnsafeBufferPointer(rebasing: $0[start...]), file: path) }
            return try finish(roster, diagnostics, extraWarnings: [])
        case .text(let text, let warning):
            let (roster, diagnostics) = RosterJSONReader.read(text: text, file: path)
            return try finish(roster, diagnostics, extraWarnings: [warning])
        }
    }

    static func loadFolder(_ folder: String) throws(InputError) -> Loaded {
        let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        func file(_ name: String) -> String { "\(base)/\(name)" }
        var warnings: [InputDiagnostic] = []
        func read(_ name: String) throws(InputError) -> (text: String, name: String) {
            let (text, warning) = try decodedFile(file(name))
            if let warning { warnings.append(warning) }
            return (text, file(name))
        }
        var missing: [InputDiagnostic] = []
        for name in ["comuni.csv", "personale.csv"] where !FileManager.default.fileExists(atPath: file(name)) {
            missing.append(InputDiagnostic(.error, SourcePlace(file: file(name), position: .file), "file mancante nella cartella dell'ambito"))
        }
        if !missing.isEmpty { throw InputError(diagnostics: missing, isUnreadable: true) }
        let ambito = FileManager.default.fileExists(atPath: file("ambito.csv")) ? try read("ambito.csv") : nil
        let comuni = try read("comuni.csv")
        let personale = try read("personale.csv")
        let folderName = URL(fileURLWithPath: base).lastPathComponent
        let (roster, diagnostics) = RosterCSVReader.read(
            RosterCSVReader.Files(ambito: ambito, comuni: comuni, personale: personale), folderName: folderName)
        if ambito == nil {
            warnings.append(
                InputDiagnostic(
                    .warning, SourcePlace(file: file("ambito.csv"), position: .file),
                    "ambito.csv assente: come codice e denominazione dell'ambito si usa il nome della cartella «\(folderName)»"))
        }
        return try finish(
            roster.map { roster in
                var named = roster
                named.source = base
                return named
            }, diagnostics, extraWarnings: warnings)
    }

    static func finish(_ roster: Roster?, _ diagnostics: Diagnostics, extraWarnings: [InputDiagnostic]) throws(InputError) -> Loaded {
        var all = diagnostics
        if let roster { all.append(contentsOf: RosterValidator.validate(roster)) }
        guard let roster, !all.hasErrors else {
            throw InputError(diagnostics: all.errors + extraWarnings + all.warnings)
        }
        return Loaded(roster: roster, warnings: extraWarnings + all.warnings)
    }

    /// Whether `path` is an existing file (not a folder).
    public static func isRegularFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    /// The decoded text of a file (UTF-8 or Windows-1252), or an error naming it.
    public static func readText(_ path: String) throws(InputError) -> String {
        try decodedFile(path).0
    }

    /// The decoded text of a file (``TextDecoding``), or an error naming it.
    static func decodedFile(_ path: String) throws(InputError) -> (String, InputDiagnostic?) {
        try TextDecoding.decode(try readFile(path), file: path)
    }

    /// The bytes of a file, or an error naming it: one `read` loop into a buffer of the file's
    /// size (no intermediate `Data`).
    static func readFile(_ path: String) throws(InputError) -> [UInt8] {
        let place = SourcePlace(file: path, position: .file)
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw InputError(place, "impossibile leggere il file (permessi?)", isUnreadable: true) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw InputError(place, "errore di lettura", isUnreadable: true) }
        guard Int64(status.st_size) <= Int64(TextDecoding.maximumFileSize) else {
            throw InputError(place, "il file supera 1 GiB: non è un file di dati plausibile")
        }
        var failed = false
        /// Reads into `buffer` until it is full or the file ends; the count read.
        func fill(_ buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
            var total = 0
            while total < buffer.count {
                let result = read(descriptor, buffer.baseAddress! + total, buffer.count - total)
                if result < 0 && errno == EINTR { continue }
                if result < 0 { failed = true }
                if result <= 0 { break }
                total += result
            }
            return total
        }
        // One byte more than the size: a full buffer means the file grew while being read.
        let expected = max(Int(status.st_size), 0) + 1
        var bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, initialized in initialized = fill(buffer) }
        while !failed, bytes.count >= expected, bytes.count <= TextDecoding.maximumFileSize {
            let chunk = [UInt8](unsafeUninitializedCapacity: 1 << 16) { buffer, initialized in initialized = fill(buffer) }
            if chunk.isEmpty { break }
            bytes += chunk
        }
        if failed { throw InputError(place, "errore di lettura", isUnreadable: true) }
        return bytes
    }
}
