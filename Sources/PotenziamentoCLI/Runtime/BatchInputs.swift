import Foundation
import PotenziamentoFormats
import PotenziamentoKit

/// Resolving the inputs of `calcola` and `prospetto`: one roster (a JSON file or a CSV folder),
/// or many (several paths, or a folder whose entries are ATS folders and JSON files).
enum BatchInputs {
    /// Whether `path` is a folder (links followed).
    static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// An entry of a folder of ATS not read, and why: named on the screen by its path as found,
    /// in a saved report by ``InputDiagnostic/batchName(_:workingDirectory:)`` (the same bytes from any folder).
    struct Skipped: Sendable {
        let path: String
        let reason: String
        /// Whether it is an error (data not computed that look like an ATS: the run ends with
        /// exit 65, as for an ATS that cannot be read), not a warning.
        var isError = false
        /// Whether it is a folder whose ATS are deeper than the levels read (another path given
        /// may reach them: then they are computed, and this is no error).
        var isBeyondDepth = false
        /// Whether the error is that nothing could be read (a folder without ATS): exit 66 when
        /// every input not computed is of this kind, as for a missing file.
        var isUnreadable = false

        /// The line on the screen (a name's control characters shown escaped).
        var text: String { TextSafety.escapingControlCharacters("\(path): \(reason)") }
        /// The line in a saved report.
        var documentText: String { TextSafety.escapingControlCharacters("\(InputDiagnostic.batchName(path)): \(reason)") }
    }

    /// The rosters the arguments stand for, whether this is a batch (more than one ATS, or a
    /// folder of ATS), and a warning for each entry of the folders that is not read (hidden, or
    /// not an ATS: nothing is skipped silently). Entries of a folder are taken in name order, so
    /// output order is stable.
    static func resolve(_ paths: [String]) throws(CommandFailure) -> Resolved {
        if paths.count == 1, !isFolder(paths[0]) || RosterLoader.isRosterFolder(paths[0]) {
            return Resolved(inputs: paths, isBatch: false, skipped: [], kinds: [nil], foundInFolders: [])
        }
        var inputs: [String] = []
        var foundInFolders: Set<String> = []
        var skipped: [Skipped] = []
        // A path given twice (`a`, `a/`, `./a`, or a link to it) is read once.
        let paths = withoutRepeatedPaths(paths, skipped: &skipped).map(\.path)
        for path in paths {
            if isFolder(path) && RosterLoader.isRosterFolder(path), let mixed = mixedFolder(path) {
                skipped.append(mixed)
            } else if isFolder(path) && !RosterLoader.isRosterFolder(path) {
                // A folder that cannot be listed is that, not an empty folder.
                guard access(path, R_OK | X_OK) == 0 else {
                    throw CommandFailure(.noInput, ["\(path): impossibile leggere la cartella (\(SystemError.current.reason))"])
                }
                var found: [String] = []
                var visited: Set<FolderIdentity> = FolderIdentity(path).map { [$0] } ?? []
                let refusedBefore = skipped.count(where: \.isError)
                collect(path, depth: 0, visited: &visited, into: &found, skipped: &skipped)
                // Nothing of this folder computed nor refused: it holds no ATS (whatever the other
                // paths hold). Given alone, nothing to compute (66); beside others, an input not
                // computed, as a missing file is, and the others are (a review).
                if found.isEmpty && skipped.count(where: \.isError) == refusedBefore {
                    let message = "la cartella non contiene ambiti (cartelle con comuni.csv e personale.csv, file .json, .xlsx o .ods)"
                    guard paths.count > 1 else { throw CommandFailure(.noInput, ["\(path): \(message)"]) }
                    skipped.append(Skipped(path: path, reason: message, isError: true, isUnreadable: true))
                }
                inputs += found
                foundInFolders.formUnion(found)
            } else {
                inputs.append(path)
            }
        }
        // Each input looked at once here (a `stat`): its kind says which files it stands for and
        // whether all can be read at once (a stream is read in turn).
        let computed = withoutRepeatedPaths(inputs, skipped: &skipped)
        let computedPaths = computed.map(\.path)
        return Resolved(
            inputs: computedPaths, isBatch: true, skipped: withoutReachedDepths(withoutRepeatedRefusals(skipped), inputs: computedPaths),
            kinds: computed.map(\.kind), foundInFolders: foundInFolders)
    }

    /// The inputs the paths given stand for (``resolve(_:)``).
    struct Resolved {
        /// The ATS to read: the path given, or each ATS of the folders and files given, each once.
        let inputs: [String]
        /// Whether this is a batch (more than one ATS, or a folder of ATS).
        let isBatch: Bool
        /// The entries not read, each with why.
        let skipped: [Skipped]
        /// What each input is, from the look the batch took at it (nil: not looked at, a single input).
        let kinds: [FileReading.Kind?]
        /// The inputs found in the folders given (not named): one that turns out to be a document
        /// of this program (a report saved there) is a file not computed, not an error.
        let foundInFolders: Set<String>

        /// The files the inputs stand for (``RosterInput/inputFiles(_:kind:)``): what `--output`
        /// never replaces (a look at each CSV folder: asked for only when the destination exists).
        var files: [String] { zip(inputs, kinds).flatMap { RosterInput.inputFiles($0, kind: $1) } }

        /// Whether every input is a file or a folder: read on every processor at once (a stream,
        /// standard input or a FIFO named twice, is read in turn, as written).
        var allFilesOrFolders: Bool { kinds.allSatisfy { $0 != .other } }
    }

    /// `skipped` without the folders «beyond the levels read» whose ATS another path given
    /// reached (`calcola n n/r1`: computed through `n/r1`, not also said to be left out).
    static func withoutReachedDepths(_ skipped: [Skipped], inputs: [String]) -> [Skipped] {
        guard skipped.contains(where: \.isBeyondDepth) else { return skipped }
        let real = { (path: String) -> String? in
            guard let resolved = realpath(path, nil) else { return nil }
            defer { free(resolved) }
            return String(cString: resolved)
        }
        let reached = inputs.compactMap(real)
        return skipped.filter { entry in
            guard entry.isBeyondDepth, let folder = real(entry.path) else { return true }
            return !reached.contains { $0.hasPrefix(folder + "/") }
        }
    }

    /// `skipped` without a second refusal of one folder (reached by two paths given, or through
    /// a link): one error for it, not two, and the count of what was not computed right.
    static func withoutRepeatedRefusals(_ skipped: [Skipped]) -> [Skipped] {
        var refused = Set<FolderIdentity>()
        return skipped.filter { entry in
            guard entry.isError, let identity = FolderIdentity(entry.path) else { return true }
            return refused.insert(identity).inserted
        }
    }

    /// `paths` without a second path to a file or folder already among them: the same path
    /// written otherwise (`a`, `a/`, `./a`), or a link to it (in the same folder of ATS, or given
    /// beside it). One warning for it, instead of the «same ATS twice» error of two copies; of a
    /// path and a link to it, the path is kept and the link named. A stream (standard input, a
    /// FIFO) named twice is read twice, as written.
    static func withoutRepeatedPaths(_ paths: [String], skipped: inout [Skipped]) -> [(path: String, kind: FileReading.Kind)] {
        var firstPath: [FolderIdentity: Int] = [:]
        var kept: [(path: String, kind: FileReading.Kind)] = []
        for path in paths {
            // What it is and its identity, in one look.
            let (kind, found) = FileReading.entry(path)
            guard kind == .file || kind == .directory, let found else {
                kept.append((path, kind))
                continue
            }
            let identity = FolderIdentity(device: found.device, inode: found.inode)
            guard let earlier = firstPath[identity] else {
                firstPath[identity] = kept.count
                kept.append((path, kind))
                continue
            }
            let (laterLinks, earlierLinks) = (linkCount(path), linkCount(kept[earlier].path))
            if laterLinks == earlierLinks {
                let same = path == kept[earlier].path ? "" : "è \(kept[earlier].path), "
                skipped.append(Skipped(path: path, reason: "\(same)indicato più di una volta: calcolato una volta sola"))
            } else {
                // The path without links is kept, wherever it came in name order.
                let (link, original) = laterLinks > earlierLinks ? (path, kept[earlier].path) : (kept[earlier].path, path)
                kept[earlier].path = original
                skipped.append(Skipped(path: link, reason: "è un collegamento a \(original), già indicato: letto una volta sola"))
            }
        }
        return kept
    }

    /// How many symbolic links `path` goes through, component by component from the root (the
    /// working folder as the system names it, itself maybe reached through a link: not this
    /// path's), `.` and `..` resolved on the text. Of two paths to one file, the one through
    /// fewer links is the path, the other a link (a folder reached through a linked ancestor
    /// counts that link for both).
    static func linkCount(_ path: String) -> Int {
        var components: [Substring] = []
        if !path.hasPrefix("/") {
            guard let base = realpath(".", nil) else { return 0 }
            components = String(cString: base).split(separator: "/")
            free(base)
        }
        for component in path.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": _ = components.popLast()
            default: components.append(component)
            }
        }
        var count = 0
        var prefix = ""
        for component in components {
            prefix += "/" + component
            if FileReading.isLink(prefix) { count += 1 }
        }
        return count
    }

    /// The error of the CSV folder `path` when it also holds other ATS (``RosterLoader/otherAmbiti(inFolder:depth:)``),
    /// nil when it holds none. Nothing in it is computed: which of its data are the ATS cannot be
    /// told (a copy of the region's CSV files left beside its ATS, or an old copy of an ATS's
    /// files in a subfolder), and a table with either would be a figure chosen by guess.
    /// `entries`: the folder's listing when the caller has it.
    static func mixedFolder(_ path: String, entries listed: [String]? = nil) -> Skipped? {
        let entries = listed ?? (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        let others = RosterLoader.otherAmbiti(inFolder: path, entries: entries)
        guard !others.isEmpty else { return nil }
        let csv = entries.filter(isCSVFileOfAmbito).sortedAsNames()
        return Skipped(
            path: path,
            reason:
                "la cartella ha i file CSV di un ambito (\(Italian.list(csv, limit: 3))) e contiene anche \(others.count == 1 ? "un altro ambito" : "altri ambiti") (\(Italian.list(others, limit: 3))): non è chiaro quali dati calcolare e non è calcolato niente della cartella; se i CSV sono un ambito mettili in una cartella loro, se sono una copia toglili, e sposta fuori le copie vecchie",
            isError: true)
    }

    /// Refuses a folder of several ATS given to a command that reads one (`valida`, `simula`,
    /// `modello --da`): a usage error that says so, not «comuni.csv: file mancante».
    static func refuseFolderOfAmbiti(_ path: String) throws(CommandFailure) {
        guard isFolder(path), !RosterLoader.isRosterFolder(path), holdsAmbiti(path, depth: 0, visited: []) else { return }
        var (found, skipped) = ([String](), [Skipped]())
        var visited: Set<FolderIdentity> = FolderIdentity(path).map { [$0] } ?? []
        collect(path, depth: 0, visited: &visited, into: &found, skipped: &skipped)
        if found.count == 1 {
            throw .usage("\(path) non è un ambito ma contiene l'ambito \(found[0]): indica quello")
        }
        throw .usage(
            "\(path) è una cartella di più ambiti: questo comando ne legge uno alla volta; indica la cartella o il file di un ambito (calcola e prospetto leggono anche una cartella di più ambiti)"
        )
    }

    /// The deepest folder of folders read (a region's folder inside a national one, and so on).
    static let maximumFolderDepth = 4
    /// How deep a folder is searched for ATS below those levels, to say they were not read.
    static let deepestSearched = 16

    /// The entries of the folder of ATS `path`, in name order, into `found` (the ATS) and
    /// `skipped` (a warning for each entry not read). A folder that holds ATS itself (a region's,
    /// inside a national folder) is read in turn, down to ``maximumFolderDepth``.
    /// `visited` holds the folders already read (by device and inode): a link back to one of them
    /// (`ln -s . copia`) is named in a warning, not read again.
    static func collect(_ path: String, depth: Int, visited: inout Set<FolderIdentity>, into found: inout [String], skipped: inout [Skipped]) {
        let entries = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sortedAsNames()
        for entry in entries {
            let full = (path as NSString).appendingPathComponent(entry)
            // What the entry is, looked up once (one `stat`; links followed).
            let (kind, size) = entry.hasPrefix(".") ? (nil, 0) : FileReading.kindAndSize(of: full)
            let isFolder = kind == .directory
            // A folder's listing, made once for the tests below.
            let listing = isFolder ? (try? FileManager.default.contentsOfDirectory(atPath: full)) ?? [] : []
            if kind == nil {
                // Hidden entries (`.DS_Store`, the `._` copies a Mac leaves on shared disks, `.git`): named, not read.
                skipped.append(Skipped(path: full, reason: "file nascosto: non calcolato"))
            } else if kind == .other {
                // A pipe, socket or device inside a folder of ATS: reading it could wait for ever.
                skipped.append(Skipped(path: full, reason: "non è un file ordinario (una pipe, un socket o un dispositivo): non calcolato"))
            } else if isFolder, let identity = FolderIdentity(full), visited.contains(identity) {
                skipped.append(Skipped(path: full, reason: "è la stessa cartella di un'altra già letta (un collegamento): non calcolata di nuovo"))
            } else if isFolder && RosterLoader.isRosterFolder(full, entries: listing), let mixed = mixedFolder(full, entries: listing) {
                if let identity = FolderIdentity(full) { visited.insert(identity) }
                skipped.append(mixed)
            } else if isFolder && RosterLoader.isRosterFolder(full, entries: listing) {
                found.append(full)
            } else if isFolder && depth < maximumFolderDepth && holdsAmbiti(full, depth: depth + 1, visited: visited) {
                if let identity = FolderIdentity(full) { visited.insert(identity) }
                collect(full, depth: depth + 1, visited: &visited, into: &found, skipped: &skipped)
            } else if isFolder && entry == "__MACOSX" {
                // What a ZIP made on a Mac leaves: copies of the files' attributes, not data.
                skipped.append(Skipped(path: full, reason: "cartella che un archivio ZIP fatto su Mac lascia (non contiene dati): non calcolata"))
            } else if isFolder && (listing.contains { !$0.hasPrefix(".") && $0.lowercased().hasSuffix(".csv") } || access(full, R_OK | X_OK) != 0) {
                // A folder that should be an ATS but lacks a roster file (only ambito.csv, or
                // `personale (copia).csv`), or cannot be read: computed, so its error is reported.
                found.append(full)
            } else if isFolder && holdsAmbiti(full, depth: maximumFolderDepth - deepestSearched, visited: visited) {
                // ATS only deeper than the levels read (searched down to ``deepestSearched``).
                skipped.append(
                    Skipped(
                        path: full,
                        reason:
                            "la cartella contiene ambiti oltre i \(maximumFolderDepth) livelli di cartelle che si leggono: non sono calcolati; spostali più in alto o indica una cartella più interna",
                        isError: true, isBeyondDepth: true))
            } else if isFolder {
                // Empty, or notes only: an ATS whose files are missing as far as anyone can tell
                // (a region's folder for an ATS that has not sent its data): an error, not a warning.
                skipped.append(
                    Skipped(
                        path: full,
                        reason:
                            "la cartella non contiene i dati di un ambito (comuni.csv e personale.csv, o un file .json, .xlsx o .ods): se è un ambito mancano i suoi file, se non lo è toglila dalla cartella degli ambiti",
                        isError: true))
            } else if kind == .file && size == 0 {
                // An empty file: no ATS, and most likely the report being written by the shell into
                // this very folder (`calcola CARTELLA > CARTELLA/riepilogo.json`, a trial: every run
                // failed on it, and the report listed itself among its errors).
                skipped.append(
                    Skipped(
                        path: full,
                        reason: "file vuoto: non calcolato (se è il rapporto che si sta scrivendo, scrivilo fuori dalla cartella degli ambiti o con --output)"))
            } else if (entry.hasPrefix("~$") || entry.hasPrefix(".~lock.")) && !RosterLoader.isWorkbookFile(full) {
                // The lock file of a workbook open in Excel or LibreOffice (a trial: it was told it
                // is no .xlsx file, though its name ends so), or of another document (`~$lettera.docx`).
                let lockedIsWorkbook = RosterLoader.isRosterFileName(String(entry.dropFirst(entry.hasPrefix("~$") ? 2 : 7)))
                skipped.append(
                    Skipped(
                        path: full,
                        reason:
                            "file di blocco di \(lockedIsWorkbook ? "una cartella di lavoro aperta in Excel o LibreOffice" : "un documento aperto in Office o LibreOffice") (non contiene dati): non letto"
                    ))
            } else {
                // A file: by its name, or by its first bytes when the name does not say.
                switch RosterLoader.folderFile(full, name: entry) {
                case .roster: found.append(full)
                case .archiveOfAmbiti(let names, let total):
                    let shown = names.map { "«\(TextSafety.shortened($0))»" }.joined(separator: ", ")
                    skipped.append(
                        Skipped(
                            path: full,
                            reason:
                                "è un archivio ZIP con i file di ambiti (\(shown)\(total > names.count ? " e altri \(total - names.count)" : "")): non calcolato; estrailo nella cartella e togli l'archivio (se è già estratto, basta toglierlo)",
                            isError: true))
                case .other:
                    skipped.append(
                        Skipped(
                            path: full, reason: "non è un ambito (né una cartella con comuni.csv e personale.csv né un file .json, .xlsx o .ods): non calcolato"
                        ))
                }
            }
        }
    }

    /// Whether `name` is one of the CSV files of an ATS (case ignored).
    static func isCSVFileOfAmbito(_ name: String) -> Bool {
        RosterLoader.CSVFile(rawValue: name.lowercased()) != nil
    }

    /// Whether the folder `path` (not an ATS itself) holds an ATS, in it or in its folders down
    /// to ``maximumFolderDepth``.
    static func holdsAmbiti(_ path: String, depth: Int, visited: Set<FolderIdentity>) -> Bool {
        var visited = visited
        if let identity = FolderIdentity(path) { visited.insert(identity) }
        let entries = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { !$0.hasPrefix(".") }
        return entries.contains { entry in
            let full = (path as NSString).appendingPathComponent(entry)
            let kind = FileReading.kind(of: full)
            guard kind != .other else { return false }
            if kind == .directory {
                if let identity = FolderIdentity(full), visited.contains(identity) { return false }
                return RosterLoader.isRosterFolder(full) || (depth < maximumFolderDepth && holdsAmbiti(full, depth: depth + 1, visited: visited))
            }
            // A file by its name, or by its content as the listing reads it (a subfolder holding a
            // roster named `a3.txt` was «una cartella senza dati», a trial).
            return RosterLoader.isRosterFileName(entry) || !entry.hasPrefix("~$") && RosterLoader.folderFile(full, name: entry) == .roster
        }
    }

    /// A folder as the file system knows it (device and inode, links followed): two paths to one
    /// folder are one identity.
    struct FolderIdentity: Hashable {
        let device: UInt64
        let inode: UInt64

        /// The identity of the folder at `path`, or nil when it cannot be read.
        init?(_ path: String) {
            guard let found = FileReading.entry(path).identity else { return nil }
            self.init(device: found.device, inode: found.inode)
        }

        /// The identity of device `device` and inode `inode`.
        init(device: UInt64, inode: UInt64) {
            self.device = device
            self.inode = inode
        }
    }

    /// Refuses the options of a single ATS in a batch (a usage error, exit 64, as a workbook or
    /// Markdown format is): each would otherwise be ignored in silence (`--grafico` would write no
    /// chart, `--spiega` explain nothing).
    static func refuseSingleOptions(_ parsed: ParsedArguments, _ names: [String]) throws(CommandFailure) {
        for name in names where parsed.value(name) != nil || parsed.flag(name) {
            throw .usage("con più ambiti --\(name) non è disponibile: vale per un ambito alla volta (un comando per ambito)")
        }
    }

    /// The batch formats: text, JSON and CSV.
    static func batchFormat(_ format: ReportFormat) throws(CommandFailure) -> BatchReport.Format {
        switch format {
        case .text: return .text
        case .json: return .json
        case .csv: return .csv
        default: throw .usage("con più ambiti il formato può essere testo, json o csv (con --formato, o con un --output .txt, .json o .csv)")
        }
    }

    /// The batch branch of `calcola` and `prospetto`: while the report is written, loads each
    /// input, computes it and hands the result to the report (only the totals are kept), then
    /// reports the failures and every ATS's warnings (those of reading and those of the
    /// computation) so nothing is lost.
    ///
    /// The ATS are independent, so they are loaded and computed on every processor
    /// (``OrderedConcurrentMap``) and handed to the report in the order of `inputs`: the output is
    /// the same bytes whatever the number of processors, and memory is that of the ATS in progress
    /// and of a few results waiting.
    static func output<Result: Sendable>(
        _ resolved: Resolved, notes: [String] = [],
        compute: @escaping @Sendable (Roster) throws(CommandFailure) -> (result: Result, code: String, warnings: [InputDiagnostic]),
        write: @escaping (ReportOutput, (_ emit: (Result) -> Void) -> BatchReport.Outcome) -> Void
    ) -> CommandOutput {
        let (inputs, skipped) = (resolved.inputs, resolved.skipped)
        var command = CommandOutput(inputs: resolved.files) { output in
            var outcome = RenderOutcome()
            // The warnings on the screen name the paths as found; the report's, the same by
            // ``InputDiagnostic/batchName(_:workingDirectory:)`` (the same bytes from any folder).
            let (refused, notRead) = (skipped.filter(\.isError), skipped.filter { !$0.isError })
            // The notes about the whole run (a deadline passed) first.
            outcome.warnings = notes + notRead.map(\.text)
            var reportWarnings = notes + notRead.map(\.documentText)
            // Data not computed that look like an ATS: errors of the run, as an ATS not read.
            var failures = refused.map { BatchReport.Failure(input: $0.path, errors: [$0.text], isUnreadable: $0.isUnreadable) }
            // The ATS counted so far, found by the shape of their code (`ATS-01`, `ats 1` and
            // `ATS–001` are one code retyped) and by their content (a copy under another code:
            // a folder copied without its ambito.csv takes the folder's name): the same ATS again
            // is an error, not counted twice. And the ATS of each comune, to say when one is in two.
            var counted: [(code: String, input: String, outline: Outline)] = []
            var byCodeShape: [Int: [Int]] = [:]
            var byComuni: [Int: Int] = [:]
            var byStaff: [UInt64: Int] = [:]
            // By the code packed in one integer (``ComunePositions/packed(_:)``: every ISTAT code
            // packs), so that this step, the one run in order, hashes no text per comune.
            var comuneATS: [UInt64: Int] = [:]
            // The comuni found in more than one ATS counted, each once, in the order found.
            var sharedComuni: [String] = []
            var sharedSeen = Set<UInt64>()
            // The inputs that turned out to be no ATS (a report saved among them).
            var notAmbiti = 0
            write(output) { emit in
                // A stream (standard input, a FIFO) named twice must be read in turn, as written.
                OrderedConcurrentMap.forEach(
                    inputs, concurrently: resolved.allFilesOrFolders, budget: Self.personsWaiting, weight: \.persons
                ) { input -> Computed<Result> in
                    do throws(CommandFailure) {
                        // The roster is freed here, on the worker, once computed.
                        // A roster file is an ATS: not looked at again as a folder of ATS (a folder
                        // read because it holds a CSV file may hold ATS deeper: checked).
                        let loaded = try RosterInput.load(input, keepsUntilExit: false, isAmbito: RosterLoader.isRosterFileName(input))
                        // A code taken from the name of the folder or file (no ambito.csv, no sheet
                        // «ambito»): the loader's warning says so.
                        let outline = Outline(loaded.roster, codeFromName: loaded.warnings.contains { $0.code == .fileMancante })
                        let computed: (result: Result, code: String, warnings: [InputDiagnostic])
                        do throws(CommandFailure) { computed = try compute(loaded.roster) } catch {
                            // Read but not computed (a year without residents): the row has its code,
                            // so a table's filter on `codice` finds it (a consistency trial).
                            return .failed(BatchReport.Failure(input: input, errors: error.lines, code: loaded.roster.ambito.code))
                        }
                        let (result, code, warnings) = computed
                        // The warnings' text is made here, on the worker, not in the one ordered step.
                        let all = loaded.warnings + warnings
                        return .computed(
                            result, code: code, warnings: all.map(\.description),
                            reportWarnings: InputDiagnostic.inDocument(all, root: input).map(\.description), input: input, outline: outline)
                    } catch let failure {
                        // A report saved into the folder by an earlier run (a region trial: every
                        // later run ended 65): named, as any file that is no ATS.
                        if failure.isDocumentOfProgram && resolved.foundInFolders.contains(input) {
                            return .notAmbito(
                                Skipped(
                                    path: input, reason: "è un rapporto del programma, non un ambito (salvato qui da un'esecuzione precedente?): non calcolato")
                            )
                        }
                        return .failed(BatchReport.Failure(input: input, errors: failure.lines, isUnreadable: failure.status == .noInput))
                    }
                } inOrder: { (computed: consuming Computed<Result>) in
                    // Taken apart, not copied (a result holds a whole assessment).
                    switch consume computed {
                    case .computed(let result, let code, let warnings, let computedReportWarnings, let input, let outline):
                        // The same ATS twice (a JSON file and its CSV folder, an old copy) is an error of the second
                        // input, left out of the table: totals that count it twice would be a wrong number. Two
                        // different ATS under one code are said to differ (a code to change, not a copy to delete).
                        let shape = IDShape.codeHash(code)
                        // A code written otherwise is the same ATS only with a comune in common: ATS
                        // are numbered by region, so `ATS-1` of one region and `ATS 01` of another are two.
                        if let earlier = byCodeShape[shape, default: []].first(where: {
                            counted[$0].code == code || IDShape.sameCode(counted[$0].code, code) && counted[$0].outline.sharesComune(with: outline)
                        }) {
                            let (firstCode, first, firstOutline) = counted[earlier]
                            let named = firstCode == code ? "l'ambito \(code)" : "l'ambito \(code) (scritto «\(firstCode)» là)"
                            // Which copy is the right one the program cannot know: the figures
                            // counted are said to be the first's (a trial: the older copy came first).
                            let advice =
                                outline.sameContent(as: firstOutline)
                                ? "(\(outline) in entrambi): contato una volta sola, quello di \(first); togli la copia dalla cartella, o se sono due ambiti dai loro codici diversi"
                                : "con altri dati (\(outline.description == firstOutline.description ? "in entrambi \(outline), ma con comuni o residenti diversi" : "qui \(outline), là \(firstOutline)")): contato una volta sola, quello di \(first) (le cifre di \(firstCode) nel rapporto sono le sue, e potrebbe essere la copia vecchia); tieni solo il file giusto e ricalcola, o se sono due ambiti dai loro codici diversi"
                            failures.append(
                                BatchReport.Failure(
                                    input: input, errors: [TextSafety.escapingControlCharacters("\(input): \(named) compare anche in \(first) \(advice)")],
                                    code: code))
                        } else if let earlier = byComuni[outline.comuniHash], counted[earlier].outline.sameComuni(as: outline) {
                            // The same comuni with the same residents: the same ATS (a copy, or an old
                            // version), whatever its code; counting both would count every resident twice.
                            let (firstCode, first, firstOutline) = counted[earlier]
                            let what =
                                outline.sameContent(as: firstOutline)
                                ? "gli stessi comuni, residenti e numero di persone"
                                : "gli stessi comuni e residenti (con altre persone: qui \(outline), là \(firstOutline))"
                            failures.append(
                                BatchReport.Failure(
                                    input: input,
                                    errors: [
                                        TextSafety.escapingControlCharacters(
                                            "\(input): l'ambito \(code) ha \(what) dell'ambito \(firstCode) di \(first): sembra lo stesso ambito con un altro codice\(outline.codeFromName || firstOutline.codeFromName ? " (senza ambito.csv, o senza il foglio «ambito», il codice è il nome della cartella o del file)" : ""); contato una volta sola, quello di \(first); togli la copia, o se sono due ambiti correggi i loro dati"
                                        )
                                    ], code: code))
                        } else if outline.persons > 0, let earlier = byStaff[outline.staffKey], counted[earlier].outline.sameStaff(as: outline) {
                            // The same comuni and the same persons (ids, employers, periods) with other
                            // residents: an old copy (last year's residents) under another code; counting
                            // both would count every person and resident twice (a regional trial: exit 0).
                            let (firstCode, first, firstOutline) = counted[earlier]
                            failures.append(
                                BatchReport.Failure(
                                    input: input,
                                    errors: [
                                        TextSafety.escapingControlCharacters(
                                            "\(input): l'ambito \(code) ha gli stessi comuni e lo stesso personale (\(Italian.count(outline.persons, "persona", "persone")) con gli stessi id, enti e periodi) dell'ambito \(firstCode) di \(first), \(outline.residents == firstOutline.residents ? "con altri nomi dei comuni o altri residenti di un anno" : "con altri residenti (qui \(NumberFormatting.italian(outline.residents)), là \(NumberFormatting.italian(firstOutline.residents)))"): sembra una copia dello stesso ambito (forse di un altro anno) con un altro codice; contato una volta sola, quello di \(first); togli la copia (tieni quella con i residenti giusti), o se sono due ambiti correggi i loro dati"
                                        )
                                    ], code: code))
                        } else {
                            let position = counted.count
                            counted.append((code, input, outline))
                            byCodeShape[shape, default: []].append(position)
                            byComuni[outline.comuniHash] = byComuni[outline.comuniHash] ?? position
                            if outline.persons > 0 { byStaff[outline.staffKey] = byStaff[outline.staffKey] ?? position }
                            // A comune in two ATS: its residents count in both (one ATS per comune,
                            // but for a city divided among ATS); said once for each other ATS, not refused.
                            var shared: [Int: [String]] = [:]
                            var sharedWarnings: [(screen: String, report: String)] = []
                            for (index, key) in outline.comuniKeys.enumerated() {
                                if let other = comuneATS[key] {
                                    let (istatCode, name) = outline.comuniCodes[index]
                                    shared[other, default: []].append("\(istatCode) «\(TextSafety.shortened(name, limit: 40))»")
                                    if sharedSeen.insert(key).inserted { sharedComuni.append(istatCode) }
                                } else {
                                    comuneATS[key] = position
                                }
                            }
                            for other in shared.keys.sorted() {
                                let comuni = shared[other] ?? []
                                let named = comuni.count == 1 ? "il comune \(comuni[0]) è" : "i comuni \(Italian.list(comuni, limit: 5)) sono"
                                let message = { (here: String, there: String) in
                                    "\(here): \(named) sia nell'ambito \(code) sia nell'ambito \(counted[other].code) (\(there)): \(comuni.count == 1 ? "i suoi" : "i loro") residenti contano in entrambi; se un comune è di un solo ambito, toglilo dall'elenco dei comuni dell'altro (se è diviso tra più ambiti, come una grande città, ignora questo avviso)"
                                }
                                sharedWarnings.append(
                                    (
                                        message(input, counted[other].input),
                                        message(InputDiagnostic.batchName(input), InputDiagnostic.batchName(counted[other].input))
                                    ))
                            }
                            // The warnings of an ATS counted (not of a copy left out), then those of its comuni.
                            outcome.warnings += warnings + sharedWarnings.map(\.screen)
                            reportWarnings += computedReportWarnings + sharedWarnings.map(\.report)
                            emit(result)
                        }
                    case .failed(let failure):
                        failures.append(failure)
                    case .notAmbito(let skipped):
                        notAmbiti += 1
                        outcome.warnings.append(skipped.text)
                        reportWarnings.append(skipped.documentText)
                    }
                }
                return BatchReport.Outcome(failures: failures, warnings: reportWarnings, sharedComuni: sharedComuni)
            }
            if failures.isEmpty && notAmbiti == inputs.count {
                // Only reports found: no ATS to compute, as a folder without any (66).
                outcome.status = .noInput
                outcome.discardsOutput = true
                outcome.errors = [
                    "nessun ambito da calcolare: i file trovati sono rapporti del programma; servono cartelle con comuni.csv e personale.csv, o file .json, .xlsx o .ods di ambiti"
                ]
            } else if !failures.isEmpty {
                // Every input not computed missing or unreadable: 66, as for one of them alone
                // (INTERFACE: 66 input file missing or unreadable); any invalid data: 65.
                outcome.status = failures.allSatisfy(\.isUnreadable) ? .noInput : .dataError
                outcome.errors = failures.flatMap { $0.errors }
                outcome.errors.append(
                    "\(Italian.count(failures.count, "ambito", "ambiti")) su \(inputs.count - notAmbiti + refused.count) non \(failures.count == 1 ? "calcolato" : "calcolati")"
                )
            }
            return outcome
        }
        // A report of an earlier run saved among the ATS (`-o regione/riepilogo.json`, run again):
        // not an ATS, so replaced (a region trial: the same command ended 73 the second time).
        command.replaceable = { path in resolved.foundInFolders.contains(path) && RosterLoader.isDocumentOfProgram(path) }
        return command
    }

    /// What tells two rosters of one ATS code apart in a message: name, region, comuni, residents
    /// and persons (`«Ambito 1», Piemonte, 3 comuni, 34 persone`).
    /// Kept as values, made into text only for a message (every ATS of a batch has one).
    struct Outline: Sendable, CustomStringConvertible {
        let name: String
        let region: String?
        let comuni: Int
        let persons: Int
        /// Each comune's ISTAT code and name, in order.
        let comuniCodes: [(code: String, name: String)]
        /// Each comune's code packed in one integer (``ComunePositions/packed(_:)``; a code that
        /// does not pack, longer than any ISTAT code, by its text's hash), in order.
        let comuniKeys: [UInt64]
        /// A hash of the comuni (codes, names, residents): equal for two copies of one ATS,
        /// whatever their code and name and the order of their comuni (the persons are not
        /// hashed: an old copy has others).
        let comuniHash: Int
        /// The comuni (codes, names, residents) by code: compared for two copies of one ATS whose
        /// comuni are in another order (a trial: a copy re-sorted in a spreadsheet, with other
        /// persons, was counted twice with exit 0).
        let comuniByCode: [Municipality]
        /// The residents of the comuni, each comune's latest figure (for a message).
        let residents: Int
        /// A hash of the comuni's codes and of the persons (each person's id, employer and
        /// periods), whatever their order: equal for a copy of one ATS with other residents
        /// (an old copy with last year's figures).
        let staffKey: UInt64
        /// Whether the code is the name of the folder or file (no `ambito.csv`, no sheet
        /// «ambito»): the hint of a copy under another code is given only then (a trial: it was
        /// given for folders with their file).
        let codeFromName: Bool

        init(_ roster: Roster, codeFromName: Bool) {
            self.codeFromName = codeFromName
            name = roster.ambito.name
            region = roster.ambito.region
            comuni = roster.municipalities.count
            persons = roster.staff.count
            comuniCodes = roster.municipalities.map { ($0.istatCode, $0.name) }
            comuniKeys = roster.municipalities.map { ComunePositions.packed($0.istatCode) ?? UInt64(bitPattern: Int64($0.istatCode.hashValue)) }
            // A sum of the comuni's hashes: the same in any order (within a run, as compared).
            comuniHash = roster.municipalities.reduce(0) { $0 &+ $1.hashValue }
            comuniByCode = roster.municipalities.sorted { $0.istatCode < $1.istatCode }
            residents = roster.municipalities.reduce(0) { total, municipality in
                total + (municipality.residents.byYear.max { $0.key < $1.key }?.value ?? municipality.residents.everyYear ?? 0)
            }
            // The same whatever the order of the comuni and of the persons, and on every run.
            var key = roster.staffFingerprint
            for comune in comuniKeys { key = key &+ (comune &* 0x9E37_79B9_7F4A_7C15) }
            staffKey = key
        }

        /// Whether the two rosters have the same comuni (by code) and the same persons (ids,
        /// employers and periods), as their hashes tell.
        func sameStaff(as other: Outline) -> Bool {
            persons == other.persons && comuni == other.comuni && staffKey == other.staffKey
                && Set(comuniCodes.map(\.code)) == Set(other.comuniCodes.map(\.code))
        }

        /// Whether the two rosters have the same comuni (codes and names) with the same
        /// residents, in any order.
        func sameComuni(as other: Outline) -> Bool {
            comuni == other.comuni && comuniHash == other.comuniHash && comuniByCode == other.comuniByCode
        }

        /// Whether the two rosters have a comune (an ISTAT code) in common.
        func sharesComune(with other: Outline) -> Bool {
            let codes = Set(comuniCodes.map(\.code))
            return other.comuniCodes.contains { codes.contains($0.code) }
        }

        /// Whether two rosters look alike in a message: the same comuni and residents, and as
        /// many persons.
        func sameContent(as other: Outline) -> Bool {
            sameComuni(as: other) && persons == other.persons
        }

        var description: String {
            "«\(TextSafety.shortened(name, limit: 40))»\(region.map { ", \($0)" } ?? ""), \(Italian.count(comuni, "comune", "comuni")), \(Italian.count(persons, "persona", "persone"))"
        }
    }

    /// How many persons the results computed and waiting to be written may hold together: the
    /// workers of a batch run ahead of the writing (a large ATS among small ones keeps no
    /// processor idle) until the results waiting hold this many (tens of megabytes), so that a
    /// batch of large ATS keeps a few of them in memory, not the whole batch.
    static let personsWaiting = 100_000

    /// What one input of a batch gave: its result and warnings, or its failure.
    private enum Computed<Result: Sendable>: Sendable {
        case computed(Result, code: String, warnings: [String], reportWarnings: [String], input: String, outline: Outline)
        case failed(BatchReport.Failure)
        /// An input found in a folder that is no ATS (a report of this program).
        case notAmbito(Skipped)

        /// The persons its result holds (what it weighs while it waits to be written).
        var persons: Int {
            switch self {
            case .computed(_, _, _, _, _, let outline): outline.persons
            case .failed, .notAmbito: 0
            }
        }
    }
}
