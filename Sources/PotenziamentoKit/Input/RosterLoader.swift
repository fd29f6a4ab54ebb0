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

    /// Loads the roster at `path`: a `potenziamento.ambito.v1` JSON file, an `.xlsx` or `.ods`
    /// workbook with the sheets `comuni`, `personale` and optionally `ambito`, or a folder holding
    /// `comuni.csv`, `personale.csv` and optionally `ambito.csv` (names in any case).
    ///
    /// - Returns: the roster and its warnings.
    /// - Throws: ``InputError`` listing every problem: a missing or unreadable path
    ///   (``DiagnosticCode/fileInesistente``, ``DiagnosticCode/fileIlleggibile``), a file of
    ///   another kind, and every invalid value with its place.
    public static func load(path: String) throws(InputError) -> Loaded {
        switch FileReading.kind(of: path) {
        case .missing:
            // A link whose file was moved or deleted (a region trial: «inesistente» for a name listed).
            if FileReading.isLink(path) {
                throw InputError(
                    .fileInesistente, SourcePlace(file: path), "è un collegamento a un file o a una cartella che non esiste più: ricrealo o indica il file vero"
                )
            }
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
            if TableFile.isWorkbook(path: path, bytes: bytes) { return try loadWorkbook(bytes, name: path) }
            // Named neither `.json` nor as a workbook and no JSON: said what it is (a `.fods`, a
            // `.txt` export), not «JSON non valido» at its first byte.
            if !lowered.hasSuffix(".json"), !bytes.isEmpty, !TableFile.looksLikeJSON(bytes) {
                throw InputError(
                    .formatoNonSupportato, SourcePlace(file: path),
                    "\(WorkbookReader.guess(bytes)); come ambito serve un modello compilato (.xlsx, .ods), un file JSON «\(RosterJSONReader.format)» o una cartella con comuni.csv e personale.csv"
                )
            }
            do {
                return try loadJSON(consume bytes, name: path)
            } catch {
                // A report whose keys were sorted (`jq -S`): its `formato` comes after keys a roster
                // has not, each an error; said as the report it is, alone (a trial of the listing).
                if let report = error.errors.first(where: { $0.code == .rapportoDelProgramma }) { throw InputError(diagnostics: [report]) }
                if let head = FileReading.head(of: path, count: 1 << 20) {
                    let text = String(decoding: head, as: UTF8.self)
                    if !text.contains(RosterJSONReader.format),
                        let format = RosterJSONReader.reportFormats.sorted().first(where: { $0 != CycleReader.format && text.contains("\"\($0)\"") })
                    {
                        throw InputError(
                            .rapportoDelProgramma, SourcePlace(file: path),
                            "questo file è un rapporto del programma («\(format)»), non un ambito da calcolare: come ambito serve un file «\(RosterJSONReader.format)», una cartella di CSV o un modello compilato"
                        )
                    }
                }
                throw error
            }
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

    /// Loads a roster workbook (`.xlsx` or `.ods`) held in memory: the sheets `comuni`,
    /// `personale` and optionally `ambito` (names in any case), the columns of the CSV files.
    ///
    /// - Parameters:
    ///   - workbookData: the file's bytes.
    ///   - name: the name to show in messages (and, without the `ambito` sheet, the ATS's code).
    /// - Returns: the roster and its warnings.
    /// - Throws: ``InputError`` listing every problem with its sheet and cell (`personale!K7`), or
    ///   why the file is no workbook that can be read.
    public static func load(workbookData: Data, name: String) throws(InputError) -> Loaded {
        try loadWorkbook([UInt8](workbookData), name: name)
    }

    // MARK: Pipeline

    static func loadWorkbook(_ bytes: [UInt8], name: String) throws(InputError) -> Loaded {
        try load(workbook: TableFile.workbook(bytes, file: name), name: name)
    }

    /// The roster of a workbook already read: its sheets `ambito` (optional), `comuni`, `personale`.
    static func load(workbook: Workbook, name: String) throws(InputError) -> Loaded {
        // A report of this program given back as input (saved into the ATS's folder): one error
        // that says so, not one per unknown column of its sheets (as for a JSON report).
        let sheetNames = Set(workbook.sheets.map { $0.name.trimmingSpaces.lowercased() })
        // Its summary sheet and a sheet only reports have (a roster with a sheet of the officer's
        // own called «riepilogo» and a misnamed staff sheet is told the sheet it lacks instead).
        // Only the sheets reports have (a review: a roster with `personale 2025` and sheets of its
        // own called riepilogo and parametri was taken for a report, and left out of a batch).
        let reportSheets: Set<String> = [
            "riepilogo", "confronto", "parametri", "riparto", "sioss", "enti", "comuni", "aree", "persone", "esclusi", "avvisi", "modifiche",
            "assunzioni necessarie",
        ]
        if !sheetNames.contains("personale"), let report = ["riepilogo", "confronto"].first(where: sheetNames.contains),
            sheetNames.contains("parametri") || sheetNames.contains("riparto"), sheetNames.isSubset(of: reportSheets)
        {
            throw InputError(
                .rapportoDelProgramma, SourcePlace(file: name),
                "questo file è un rapporto del programma (ha il foglio «\(report)» e non il foglio «personale»), non un ambito da calcolare: come ambito serve un modello compilato (potenziamento modello), un file «\(RosterJSONReader.format)» o una cartella di CSV"
            )
        }
        var diagnostics = Diagnostics()
        let columns = RosterTableReader.Columns.self
        func table(_ sheet: Sheet?, _ needed: [String], _ optional: [String], oneOf: [[String]] = []) -> WorkbookTable? {
            // A hidden sheet is read all the same: say so (the officer may have edited a visible copy).
            if let sheet, sheet.isHidden {
                diagnostics.warning(
                    .foglioNascosto, SourcePlace(file: name, position: .cell(sheet: sheet.name, reference: "A1", column: nil)),
                    "il foglio «\(TextSafety.shortened(sheet.name))» è nascosto ma è letto e i suoi dati contano: mostralo e controllalo; se i dati giusti sono in un altro foglio, spostali qui"
                )
            }
            return sheet.flatMap { WorkbookTable(sheet: $0, file: name, required: needed, optional: optional, oneOf: oneOf, diagnostics: &diagnostics) }
        }
        let ambitoSheet = TableFile.sheet(
            "ambito", of: workbook, file: name, required: false, columns: RosterTableReader.Columns.ambitoRequired + RosterTableReader.Columns.ambitoOptional,
            diagnostics: &diagnostics)
        let ambito = table(ambitoSheet, columns.ambitoRequired, columns.ambitoOptional)
        let errorsBeforeComuni = diagnostics.errorCount
        let comuni = table(
            TableFile.sheet("comuni", of: workbook, file: name, required: true, diagnostics: &diagnostics), columns.comuniRequired, columns.comuniOptional)
        let comuniTableRead = diagnostics.errorCount == errorsBeforeComuni
        let personale = table(
            TableFile.sheet("personale", of: workbook, file: name, required: true, diagnostics: &diagnostics), columns.staffRequired, columns.staffOptional,
            oneOf: columns.staffOneOf)
        let hasAmbito = ambitoSheet != nil
        // A sheet the program does not read, with something in it: perhaps data put in a copy
        // (`personale (2)`) or a new sheet. Named, as nothing is dropped in silence.
        let readSheets: Set<String> = ["ambito", "comuni", "personale", RosterTemplate.instructionsSheet, XLSXWriter.listSheetName]
        for sheet in workbook.sheets where !readSheets.contains(sheet.name.trimmingSpaces.lowercased()) && !sheet.rows.isEmpty {
            diagnostics.warning(
                .foglioIgnorato, SourcePlace(file: name, position: .cell(sheet: sheet.name, reference: "A1", column: nil)),
                "il foglio «\(TextSafety.shortened(sheet.name))» non è letto: il programma legge solo i fogli «ambito», «comuni» e «personale»; se contiene dati da contare, spostali lì"
            )
        }
        let fileName = lastComponent(name)
        let stem = fileName.split(separator: ".").dropLast().joined(separator: ".")
        return try assemble(
            ambito: ambito, hasAmbito: hasAmbito, comuni: comuni, comuniTableRead: comuniTableRead, personale: personale, source: name,
            fallbackName: stem.isEmpty ? fileName : stem, missingAmbito: "il foglio «ambito» non c'è",
            ambitoPlace: "un foglio «ambito»", diagnostics: diagnostics)
    }

    /// The roster of a JSON document. The document's bytes are let go of once its values are
    /// read, before the roster is checked as a whole: the file and the index of ids are never in
    /// memory together (docs/benchmark.md, «Third pass»).
    static func loadJSON(_ bytes: consuming [UInt8], name: String) throws(InputError) -> Loaded {
        var utf8 = try utf8Text(consume bytes, name: name)
        // The text is this function's own copy (unique: no copy is made here), read once: the
        // reader gives the pages it has read back as it goes (docs/benchmark.md, «Fourth pass»).
        let reading = utf8.withUnsafeMutableBufferPointer { RosterJSONReader.readParts(releasing: $0, file: name) }
        _ = consume utf8
        var diagnostics = reading.diagnostics
        return try finish(reading.roster(source: name, into: &diagnostics), diagnostics)
    }

    /// The UTF-8 text of a JSON document (its bytes after a BOM).
    private static func utf8Text(_ bytes: consuming [UInt8], name: String) throws(InputError) -> [UInt8] {
        let (text, _) = try InputFile.text(consume bytes, file: name, allowsWindows1252: false)
        return text.utf8Bytes
    }

    /// Whether a file name is a roster file of a folder of ATS: JSON or a workbook (`.xlsm`, the
    /// name Excel gives a workbook with macros; `.xls` too, so its error says to save it as
    /// `.xlsx`), not the lock files Excel (`~$…`) and LibreOffice
    /// (`.~lock…`) leave next to an open workbook.
    package static func isRosterFileName(_ name: String) -> Bool {
        let lowered = name.lowercased()
        guard !lowered.hasPrefix("~$"), !lowered.hasPrefix(".~lock") else { return false }
        return [".json", ".xlsx", ".xlsm", ".ods", ".xls"].contains { lowered.hasSuffix($0) }
    }

    /// Whether the file at `path` is a JSON roster: a JSON document that declares
    /// `potenziamento.ambito.v1` in its first megabyte (a report or a template saved beside the CSV
    /// files is not another ATS).
    package static func declaresAmbito(_ path: String) -> Bool {
        // Any name (`a3.txt`, no extension), and the format looked for in the first megabyte: a
        // roster with sorted keys has it after its comuni (a trial: one such file in a CSV folder
        // was left out in silence).
        guard let head = FileReading.head(of: path, count: 1 << 20),
            TableFile.jsonStart(head).map({ head[$0] }) == UInt8(ascii: "{")
        else { return false }
        return String(decoding: head, as: UTF8.self).contains(RosterJSONReader.format)
    }

    /// Whether `path` is a folder holding one ATS as CSV: it has `comuni.csv` or
    /// `personale.csv` (file names compared ignoring case); `entries`, its listing when the
    /// caller has it.
    package static func isRosterFolder(_ path: String, entries listed: [String]? = nil) -> Bool {
        let entries = listed ?? (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return entries.contains { entry in
            let file = CSVFile(rawValue: entry.lowercased())
            return file == .comuni || file == .personale
        }
    }

    /// The other ATS inside the CSV folder `path`, by name: JSON rosters that declare the format
    /// and folders that are or hold CSV folders of ATS or such JSON rosters (down to `depth`
    /// levels). Links to folders are not followed (a link to a parent folder is not an ATS of this
    /// one), nor hidden entries; workbooks and other JSON files (a report written there, a template) do not
    /// count: the folder's reader names them among the files not read.
    package static func otherAmbiti(inFolder path: String, entries listed: [String]? = nil, depth: Int = 4) -> [String] {
        // The CSV files of the folder (every ATS folder has them) are no other ATS: passed over
        // by name, with no look at the disk. The entries listed once by a caller that has them.
        let entries = (listed ?? (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter {
            !$0.hasPrefix(".") && CSVFile(rawValue: $0.lowercased()) == nil
        }.sortedAsNames()
        return entries.filter { entry in
            let full = "\(path)/\(entry)"
            switch FileReading.kind(of: full) {
            // A folder reached through a link is not one of this folder's (a link to a parent
            // would make every ATS hold the others); a file through a link is named like any.
            case .directory: return !FileReading.isLink(full) && (isRosterFolder(full) || depth > 1 && !otherAmbiti(inFolder: full, depth: depth - 1).isEmpty)
            // A JSON roster by its content; in a subfolder a workbook by its name too (it was left
            // out in silence, a trial; beside the CSV files it is named among the files not read).
            case .file: return declaresAmbito(full) || depth < 4 && isRosterFileName(entry) && !entry.lowercased().hasSuffix(".json")
            default: return false
            }
        }
    }

    static func loadFolder(_ folder: String) throws(InputError) -> Loaded {
        let base = folder.hasSuffix("/") && folder.count > 1 ? String(folder.dropLast()) : folder
        // A folder that cannot be listed is that, not a folder whose files are missing (a region
        // trial: «comuni.csv: file mancante» for a folder without the permission to read it).
        if let problem = FileReading.folderProblem(base) {
            throw InputError(.fileIlleggibile, SourcePlace(file: base), "impossibile leggere la cartella (\(problem))")
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: base)) ?? []
        var files: [CSVFile: (name: String, bytes: [UInt8])] = [:]
        var diagnostics = Diagnostics()
        // Other ATS in the folder (a comuni.csv left in a folder of ATS, an old copy in a
        // subfolder): the folder is one ATS, and they are not read; said, never dropped in silence.
        let others = otherAmbiti(inFolder: base, entries: entries)
        let present = CSVFile.allCases.map(\.rawValue).filter { name in entries.contains { $0.lowercased() == name } }
        let othersNote =
            others.isEmpty
            ? nil
            : "la cartella è letta come un solo ambito (ha \(present.count > 1 ? present.dropLast().joined(separator: ", ") + " e " + (present.last ?? "") : present.joined())) e \(others.count == 1 ? "l'altro ambito che contiene (\(others[0])) non è letto" : "gli altri \(Italian.count(others.count, "ambito", "ambiti")) che contiene (\(Italian.list(others, limit: 3))) non sono letti"): per calcolare più ambiti togli da questa cartella i CSV di un ambito (o mettili in una cartella loro); se sono copie vecchie, spostale fuori dalla cartella"
        for file in CSVFile.allCases {
            let matches = entries.filter { $0.lowercased() == file.rawValue }.sortedAsNames()
            guard let entry = matches.first else { continue }
            if matches.count > 1 {
                diagnostics.error(
                    .campoRipetuto, SourcePlace(file: base), "la cartella contiene più file \(file.rawValue) (\(matches.joined(separator: ", "))): tienine uno")
            }
            let path = "\(base)/\(entry)"
            do { files[file] = (path, try InputFile.bytes(path)) } catch { diagnostics.append(contentsOf: error) }
        }
        if diagnostics.hasErrors { throw InputError(diagnostics) }
        let ignored = ignoredFiles(entries, rosters: others).map { [InputDiagnostic(.warning, .fileIgnorato, SourcePlace(file: base), $0)] } ?? []
        guard othersNote != nil || !ignored.isEmpty else { return try loadCSV(consume files, folder: base, entries: entries) }
        let loaded: Loaded
        do { loaded = try loadCSV(consume files, folder: base, entries: entries) } catch {
            var errors = Diagnostics()
            errors.append(contentsOf: error)
            // The missing CSV file is likely not missing: the folder was meant as a folder of ATS.
            if let othersNote { errors.error(.voceNonRiconosciuta, SourcePlace(file: base), othersNote) }
            for warning in ignored { errors.append(warning) }
            throw InputError(errors)
        }
        let othersWarning = othersNote.map { [InputDiagnostic(.warning, .voceNonRiconosciuta, SourcePlace(file: base), $0)] } ?? []
        return Loaded(roster: loaded.roster, warnings: othersWarning + ignored + loaded.warnings)
    }

    /// The message on the files of a folder of CSV files (`entries`) that are not read and could
    /// hold the roster's data: CSV files of other names (`personale (copia).csv`,
    /// `comuni_2026.csv`) and workbooks, not the rosters of other ATS already named (`rosters`),
    /// hidden files or the lock files of an open workbook; nil when there are none. One message
    /// for all of them: the numbers are computed on ambito.csv, comuni.csv and personale.csv only.
    static func ignoredFiles(_ entries: [String], rosters: [String]) -> String? {
        let read = Set(CSVFile.allCases.map(\.rawValue))
        let ignored = entries.filter { entry in
            let lowered = entry.lowercased()
            guard !entry.hasPrefix("."), !entry.hasPrefix("~$"), !read.contains(lowered), !rosters.contains(entry) else { return false }
            return lowered.hasSuffix(".csv") || isRosterFileName(entry) && !lowered.hasSuffix(".json")
        }.sortedAsNames()
        guard !ignored.isEmpty else { return nil }
        let named = Italian.list(ignored.map { "«\(TextSafety.shortened($0))»" }, limit: 5)
        return
            "\(ignored.count == 1 ? "il file \(named) della cartella non è letto" : "i file \(named) della cartella non sono letti"): si leggono solo ambito.csv, comuni.csv e personale.csv; se \(ignored.count == 1 ? "contiene" : "uno di essi contiene") i dati da contare, copiali nel file giusto (o dagli il nome di quel file); se è un altro ambito, mettilo in una cartella sua"
    }

    /// The roster of the CSV files of one ATS. Each file's bytes are handed on, not copied: the
    /// table unquotes them in place, so a UTF-8 file without a BOM is in memory once (a file with
    /// a BOM, or read as Windows-1252, is copied once when decoded; docs/benchmark.md, «Third pass»).
    static func loadCSV(_ files: consuming [CSVFile: (name: String, bytes: [UInt8])], folder: String, entries: [String] = []) throws(InputError) -> Loaded {
        var diagnostics = Diagnostics()
        // A missing file is an error; the files present are still read, so that one `valida`
        // also lists their problems (a trial: a missing personale.csv hid those of comuni.csv).
        for file in [CSVFile.comuni, .personale] where files[file] == nil {
            // A file of that name with another extension (a trial of HR exports: `personale.txt`).
            let stem = file.rawValue.dropLast(4)
            let similar = entries.filter { entry in
                let lowered = entry.lowercased()
                return lowered != file.rawValue && lowered.hasPrefix(stem + ".")
            }
            let hint =
                similar.first.map { "; c'è «\(TextSafety.shortened($0))»: se contiene i dati, salvalo come CSV («;» o «,») con il nome \(file.rawValue)" } ?? ""
            diagnostics.error(
                .fileMancante, SourcePlace(file: folder.isEmpty ? file.rawValue : "\(folder)/\(file.rawValue)"),
                "file mancante nella cartella dell'ambito\(hint)")
        }
        if files.isEmpty { throw InputError(diagnostics) }
        let hasAmbito = files[.ambito] != nil
        var texts: [CSVFile: (name: String, utf8: [UInt8])] = [:]
        var windows1252: [String] = []
        for file in CSVFile.allCases {
            guard let content = files.removeValue(forKey: file) else { continue }
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
                "\(windows1252.sorted().joined(separator: ", ")) non in UTF-8: letti come Windows-1252 (il CSV di Excel in italiano); controlla le lettere accentate"
            )
        }
        let columns = RosterTableReader.Columns.self
        func table(_ file: CSVFile, _ required: [String], _ optional: [String], oneOf: [[String]] = []) -> CSVTable? {
            // The bytes moved out, the only reference handed on: the table unquotes them in place
            // without a copy (a closure's argument would keep a second reference alive).
            guard let (name, utf8) = texts.removeValue(forKey: file) else { return nil }
            return CSVTable(utf8: consume utf8, file: name, required: required, optional: optional, oneOf: oneOf, diagnostics: &diagnostics)
        }
        let ambito = table(.ambito, columns.ambitoRequired, columns.ambitoOptional)
        let errorsBeforeComuni = diagnostics.errorCount
        let comuni = table(.comuni, columns.comuniRequired, columns.comuniOptional)
        let comuniTableRead = diagnostics.errorCount == errorsBeforeComuni
        let personale = table(.personale, columns.staffRequired, columns.staffOptional, oneOf: columns.staffOneOf)
        return try assemble(
            ambito: ambito, hasAmbito: hasAmbito, comuni: comuni, comuniTableRead: comuniTableRead, personale: personale, source: folder,
            fallbackName: lastComponent(folder), missingAmbito: "ambito.csv assente",
            ambitoPlace: "ambito.csv", diagnostics: diagnostics)
    }

    /// The last component of `path` as typed (`a/b/` → `b`), except `.` and `..`, which are the
    /// folders they stand for (`.` → the working folder's name); `path` itself when it has none
    /// (`/`). Found on the bytes: `String.split` on characters cost 9.500 instructions a folder.
    static func lastComponent(_ path: String) -> String {
        let (utf8, slash) = (path.utf8, UInt8(ascii: "/"))
        guard let end = utf8.lastIndex(where: { $0 != slash }) else { return path }
        let start = utf8[..<end].lastIndex(of: slash).map { utf8.index(after: $0) } ?? utf8.startIndex
        // After the last byte that is no slash: the end of a character, whatever its bytes.
        let component = String(path[start..<utf8.index(after: end)])
        // `valida .` in the folder: the folder's own name, not «.» (a newcomer's trial).
        guard component == "." || component == ".." else { return component }
        let resolved = URL(fileURLWithPath: path).standardizedFileURL.lastPathComponent
        return resolved.isEmpty || resolved == "/" ? component : resolved
    }

    /// The roster of the three tables (from CSV files or workbook sheets alike): without the
    /// `ambito` table, `fallbackName` (the folder's or the workbook's name) is the ATS's code and
    /// name, with a warning that starts with `missingAmbito`; a name that cannot be one is an
    /// error that says to write them in `ambitoPlace`.
    static func assemble(
        ambito ambitoTable: (some CellTable)?, hasAmbito: Bool, comuni: (some CellTable)?, comuniTableRead: Bool, personale: (some CellTable)?, source: String,
        fallbackName: String,
        missingAmbito: String, ambitoPlace: String, diagnostics: Diagnostics
    ) throws(InputError) -> Loaded {
        var diagnostics = diagnostics
        var ambito: Ambito?
        if let ambitoTable {
            ambito = RosterTableReader.ambito(ambitoTable, diagnostics: &diagnostics)
        } else if !hasAmbito {
            let name = fallbackName.isEmpty ? "ambito" : fallbackName
            do {
                ambito = try Ambito(code: name, name: name)
                diagnostics.warning(
                    .fileMancante, SourcePlace(file: source), "\(missingAmbito): come codice e denominazione dell'ambito si usa il nome «\(name)»")
            } catch {
                // A name that cannot be a code (too long, two lines): the roster has no ATS.
                diagnostics.error(
                    error.code, SourcePlace(file: source),
                    "\(missingAmbito) e il nome «\(TextSafety.shortened(name))» non può fare da codice e denominazione dell'ambito (\(error.message)): scrivi codice e denominazione in \(ambitoPlace)"
                )
            }
        }
        let errorsBeforeComuni = diagnostics.errorCount
        var unreadComuni = Roster.IncompleteComuni()
        let municipalities = comuni.map { RosterTableReader.municipalities($0, unread: &unreadComuni, diagnostics: &diagnostics) } ?? []
        let comuniRead = comuniTableRead && diagnostics.errorCount == errorsBeforeComuni
        var employersOfInvalid: [Roster.UncheckedEmployer] = []
        let staff =
            personale.map {
                RosterTableReader.staff($0, maximumRecords: Bounds.maximumRecords, employersOfInvalid: &employersOfInvalid, diagnostics: &diagnostics)
            } ?? []
        // The rules across records run on what could be read even when some rows could not, so
        // one `valida` lists the problems of every sheet at once; with a comune not read, without
        // the rules that need every comune (its persons would seem to work outside the ATS).
        guard comuni != nil, personale != nil else { throw InputError(diagnostics) }
        let roster = Roster.checked(
            ambito: ambito, municipalities: municipalities, staff: staff, source: source, incompleteComuni: comuniRead ? nil : unreadComuni,
            employersOfInvalid: employersOfInvalid, into: &diagnostics)
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
