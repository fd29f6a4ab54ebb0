#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import PotenziamentoFormats

/// The one way into the model from outside (docs/regole.md, «Caricare e validare»): a path, a
/// JSON document in memory, the CSV files of a folder in memory. Every source goes through the
/// same readers and the same validation (``Roster/init(ambito:municipalities:staff:source:)``),
/// and every problem comes back at once, each with its place.
public enum RosterLoader {
    /// A roster with the warnings found while reading it (the roster is usable).
    public struct Loaded: Sendable {
        /// The roster, valid by construction.
        public let roster: Roster
        /// Warnings: encoding, example rows skipped, suspicious ISTAT codes, ignored flags, ...
        public let warnings: [InputDiagnostic]
    }

    /// The names of the files of a CSV folder (compared ignoring case).
    public enum CSVFile: String, Sendable, CaseIterable {
        /// `ambito.csv` (optional).
        case ambito = "ambito.csv"
        /// `comuni.csv`.
        case comuni = "comuni.csv"
        /// `personale.csv`.
        case personale = "personale.csv"
    }

    /// Loads the roster at `path`: a `potenziamento.ambito.v1` JSON file, or a folder holding
    /// `comuni.csv`, `personale.csv` and optionally `ambito.csv` (names in any case).
    ///
    /// - Returns: the roster and its warnings.
    /// - Throws: ``InputError`` listing every problem: a missing or unreadable path
    ///   (``DiagnosticCode/fileInesistente``, ``DiagnosticCode/fileIlleggibile``), a file of
    ///   another kind, and every invalid value with its place.
    public static func load(path: String) throws(InputError) -> Loaded {
        switch FileReading.kind(of: path) {
        case .missing:
            throw InputError(.fileInesistente, SourcePlace(file: path), "file o cartella inesistente")
        case .directory:
            return try loadFolder(path)
        case .file, .other, .unreadable:
            let lowered = path.lowercased()
            if lowered.hasSuffix(".csv") {
                throw InputError(
                    .formatoNonSupportato, SourcePlace(file: path),
                    "per i file CSV indica la cartella che contiene comuni.csv e personale.csv, non il singolo file")
            }
            let bytes = try InputFile.bytes(path)
            if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
                throw InputError(.formatoNonSupportato, SourcePlace(file: path), "file Excel nel vecchio formato .xls: salvalo come .xlsx (o esporta i CSV)")
            }
            if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || lowered.hasSuffix(".xlsx") || lowered.hasSuffix(".ods") {
                throw InputError(.formatoNonSupportato, SourcePlace(file: path), "cartella di lavoro (.xlsx/.ods): non ancora supportata, esporta i tre fogli in CSV")
            }
            return try loadJSON(bytes, name: path)
        }
    }

    /// Loads a `potenziamento.ambito.v1` document held in memory.
    ///
    /// - Parameters:
    ///   - jsonData: the document's bytes (UTF-8).
    ///   - name: the name to show in messages (a file name, a URL).
    /// - Returns: the roster and its warnings.
    /// - Throws: ``InputError`` listing every problem with its JSON path, or where the document
    ///   stops being JSON.
    public static func load(jsonData: Data, name: String) throws(InputError) -> Loaded {
        try loadJSON([UInt8](jsonData), name: name)
    }

    /// Loads the CSV files of one ATS held in memory.
    ///
    /// - Parameters:
    ///   - csvFiles: the bytes of `comuni.csv`, `personale.csv` and optionally `ambito.csv`, by
    ///     file name (compared ignoring case).
    ///   - name: the name of the ATS's folder, for messages (and as its code when `ambito.csv` is absent).
    /// - Returns: the roster and its warnings.
    /// - Throws: ``InputError`` listing every problem with its file and line.
    public static func load(csvFiles: [String: Data], name: String) throws(InputError) -> Loaded {
        var files: [CSVFile: (name: String, bytes: [UInt8])] = [:]
        for (fileName, data) in csvFiles {
            if let file = CSVFile(rawValue: fileName.lowercased()) {
                files[file] = (name.isEmpty ? fileName : "\(name)/\(fileName)", [UInt8](data))
            }
        }
        return try loadCSV(files, folder: name)
    }

    // MARK: Pipeline

    static func loadJSON(_ bytes: [UInt8], name: String) throws(InputError) -> Loaded {
        let (text, _) = try InputFile.text(bytes, file: name, allowsWindows1252: false)
        let utf8 = text.utf8Bytes
        let (roster, diagnostics) = utf8.withUnsafeBufferPointer { RosterJSONReader.read(utf8: $0, file: name) }
        return try finish(roster, diagnostics)
    }

    static func loadFolder(_ folder: String) throws(InputError) -> Loaded {
        let base = folder.hasSuffix("/") && folder.count > 1 ? String(folder.dropLast()) : folder
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: base)) ?? []
        var files: [CSVFile: (name: String, bytes: [UInt8])] = [:]
        var diagnostics = Diagnostics()
        for file in CSVFile.allCases {
            let matches = entries.filter { $0.lowercased() == file.rawValue }.sorted()
            guard let entry = matches.first else { continue }
            if matches.count > 1 {
                diagnostics.error(.campoRipetuto, SourcePlace(file: base), "la cartella contiene più file \(file.rawValue) (\(matches.joined(separator: ", "))): tienine uno")
            }
            let path = "\(base)/\(entry)"
            do { files[file] = (path, try InputFile.bytes(path)) } catch { diagnostics.append(contentsOf: error) }
        }
        if diagnostics.hasErrors { throw InputError(diagnostics) }
        return try loadCSV(files, folder: base)
    }

    static func loadCSV(_ files: [CSVFile: (name: String, bytes: [UInt8])], folder: String) throws(InputError) -> Loaded {
        var diagnostics = Diagnostics()
        for file in [CSVFile.comuni, .personale] where files[file] == nil {
            diagnostics.error(.fileMancante, SourcePlace(file: folder.isEmpty ? file.rawValue : "\(folder)/\(file.rawValue)"), "file mancante nella cartella dell'ambito")
        }
        if diagnostics.hasErrors { throw InputError(diagnostics) }
        var texts: [CSVFile: (name: String, utf8: [UInt8])] = [:]
        var windows1252: [String] = []
        for (file, content) in files {
            do {
                let (text, warning) = try InputFile.text(content.bytes, file: content.name, allowsWindows1252: true)
                if warning != nil { windows1252.append(file.rawValue) }
                texts[file] = (content.name, text.utf8Bytes)
            } catch {
                diagnostics.append(contentsOf: error)
            }
        }
        if !windows1252.isEmpty {
            diagnostics.warning(
                .codificaWindows1252, SourcePlace(file: folder),
                "\(windows1252.sorted().joined(separator: ", ")) non in UTF-8: letti come Windows-1252 (il CSV di Excel in italiano); controlla le lettere accentate")
        }
        let folderName = folder.split(separator: "/").last.map(String.init) ?? folder
        var ambito: Ambito?
        if let content = texts[.ambito] {
            if let table = CSVTable(
                utf8: content.utf8, file: content.name, required: RosterTableReader.Columns.ambitoRequired,
                optional: RosterTableReader.Columns.ambitoOptional, diagnostics: &diagnostics)
            {
                ambito = RosterTableReader.ambito(table, diagnostics: &diagnostics)
            }
        } else if files[.ambito] == nil {
            ambito = try? Ambito(code: folderName.isEmpty ? "ambito" : folderName, name: folderName.isEmpty ? "ambito" : folderName)
            diagnostics.warning(
                .fileMancante, SourcePlace(file: folder.isEmpty ? "ambito.csv" : "\(folder)/ambito.csv"),
                "ambito.csv assente: come codice e denominazione dell'ambito si usa il nome della cartella «\(folderName)»")
        }
        var municipalities: [Municipality] = []
        if let content = texts[.comuni],
            let table = CSVTable(
                utf8: content.utf8, file: content.name, required: RosterTableReader.Columns.comuniRequired,
                optional: RosterTableReader.Columns.comuniOptional, diagnostics: &diagnostics)
        {
            municipalities = RosterTableReader.municipalities(table, diagnostics: &diagnostics)
        }
        var staff: [StaffRecord] = []
        if let content = texts[.personale],
            let table = CSVTable(
                utf8: content.utf8, file: content.name, required: RosterTableReader.Columns.staffRequired,
                optional: RosterTableReader.Columns.staffOptional, diagnostics: &diagnostics)
        {
            staff = RosterTableReader.staff(table, maximumRecords: Bounds.maximumRecords, diagnostics: &diagnostics)
        }
        guard let ambito, !diagnostics.hasErrors else { throw InputError(diagnostics) }
        let roster = Roster.checked(ambito: ambito, municipalities: municipalities, staff: staff, source: folder, into: &diagnostics)
        return try finish(roster, diagnostics)
    }

    /// The loaded roster with the reader's warnings and its own, or the error with every problem.
    static func finish(_ roster: Roster?, _ diagnostics: Diagnostics) throws(InputError) -> Loaded {
        guard let roster, !diagnostics.hasErrors else { throw InputError(diagnostics) }
        var warnings = diagnostics
        warnings.append(contentsOf: roster.warnings)
        return Loaded(roster: roster, warnings: warnings.all)
    }
}
