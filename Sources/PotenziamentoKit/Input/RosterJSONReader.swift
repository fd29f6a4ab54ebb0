#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import Dispatch
import PotenziamentoFormats
import Synchronization

/// Reads one ATS from a `potenziamento.ambito.v1` JSON document (docs/formati.md) straight into
/// the model: one pass of a pull reader, no tree of nodes, every record built through the model's
/// validating initialisers (a large `personale` array is read in runs on several processors, with
/// the same result: docs/benchmark.md, «Sixth pass»). Every problem is collected with its JSON path
/// (`personale[3].periodi[0].al`); unknown keys are errors, so a typo is never ignored. A syntax
/// error stops the reading at its line and column.
struct RosterJSONReader {
    /// The format identifier of the input.
    static let format = "potenziamento.ambito.v1"
    /// The documents the program writes (and `ciclo` reads), said as such when given as a roster.
    static let reportFormats: Set<String> = [
        AssessmentReport.format, ProspettoReport.format, SimulationReport.format, AllocationReport.format, ContributionReport.format,
        ParameterReport.format, ValidationReport.format, CycleReport.format, CycleReader.format, BatchReport.formats.assessments, BatchReport.formats.prospetti,
    ]

    private var reader: JSONReader
    private let file: String
    private let maximumRecords: Int
    private let releaseStep: Int
    private let parallelism: Parallelism
    private(set) var diagnostics = Diagnostics()
    /// The employers of persons left out for an error, in order (their comune is still checked).
    private(set) var employersOfInvalid: [Roster.UncheckedEmployer] = []
    /// The code met last in each coded field, guessed first for the next record (see ``code(at:in:field:)``).
    private var expectedCodes = [Int](repeating: 0, count: CodedField.allCases.count)

    /// The fields whose value is a code.
    private enum CodedField: Int, CaseIterable {
        case profile, contract, employer
    }

    /// What a document holds, each value valid, not yet checked as a whole (``Roster``'s rules
    /// across records): so that the caller can let go of the document's bytes first.
    struct Parts {
        /// The ATS (nil: it could not be read).
        let ambito: Ambito?
        let municipalities: [Municipality]
        let staff: [StaffRecord]
        /// The comuni not read (nil: every comune was).
        let incompleteComuni: Roster.IncompleteComuni?
        /// The employers of the persons left out for an error.
        let employersOfInvalid: [Roster.UncheckedEmployer]

        /// The roster, or nil after recording in `diagnostics` every rule across records it breaks.
        func roster(source: String, into diagnostics: inout Diagnostics) -> Roster? {
            Roster.checked(
                ambito: ambito, municipalities: municipalities, staff: staff, source: source, incompleteComuni: incompleteComuni,
                employersOfInvalid: employersOfInvalid, into: &diagnostics)
        }
    }

    /// What a reading gives: the values (nil when any is invalid or the document stops being
    /// JSON before their end), the diagnostics, and a syntax error after the document's end (text
    /// after the closing brace), reported after the checks of the roster as a whole.
    struct Reading {
        let parts: Parts?
        let diagnostics: Diagnostics
        let trailingError: InputDiagnostic?

        /// The roster, or nil after recording in `diagnostics` every problem: the rules across
        /// records (also when text follows the document), then the trailing syntax error.
        func roster(source: String, into diagnostics: inout Diagnostics) -> Roster? {
            let roster = parts?.roster(source: source, into: &diagnostics)
            guard let trailingError else { return roster }
            diagnostics.append(trailingError)
            return nil
        }
    }

    /// The roster in the UTF-8 `bytes` of `file`, or nil; the diagnostics either way.
    static func read(utf8 bytes: UnsafeBufferPointer<UInt8>, file: String, maximumRecords: Int = Bounds.maximumRecords) -> (
        roster: Roster?, diagnostics: Diagnostics
    ) {
        let reading = readParts(utf8: bytes, file: file, maximumRecords: maximumRecords)
        var diagnostics = reading.diagnostics
        let roster = reading.roster(source: file, into: &diagnostics)
        return (roster, diagnostics)
    }

    /// The values in the UTF-8 `bytes` of `file` and the diagnostics.
    static func readParts(
        utf8 bytes: UnsafeBufferPointer<UInt8>, file: String, maximumRecords: Int = Bounds.maximumRecords, parallelism: Parallelism = .automatic
    ) -> Reading {
        readParts(JSONReader(bytes), file: file, maximumRecords: maximumRecords, releaseStep: .max, parallelism: parallelism)
    }

    /// The values in the UTF-8 `bytes` of `file` and the diagnostics, giving the memory of the
    /// records read back to the system every `releaseStep` bytes (``JSONReader/releaseReadPages(every:)``):
    /// the caller owns `bytes` and does not read them afterwards.
    static func readParts(
        releasing bytes: UnsafeMutableBufferPointer<UInt8>, file: String, releaseStep: Int = Self.releaseStep, maximumRecords: Int = Bounds.maximumRecords,
        parallelism: Parallelism = .automatic
    ) -> Reading {
        readParts(JSONReader(releasingReadPagesOf: bytes), file: file, maximumRecords: maximumRecords, releaseStep: releaseStep, parallelism: parallelism)
    }

    /// How many bytes are read between two ``JSONReader/releaseReadPages(every:)``: large enough
    /// that the system calls cost nothing next to the reading (none for a file below it).
    static let releaseStep = 1 << 24

    private static func readParts(_ reader: JSONReader, file: String, maximumRecords: Int, releaseStep: Int, parallelism: Parallelism) -> Reading {
        var decoder = RosterJSONReader(reader: reader, file: file, maximumRecords: maximumRecords, releaseStep: releaseStep, parallelism: parallelism)
        let parts: Parts?
        do {
            parts = try decoder.document()
        } catch {
            var diagnostics = decoder.diagnostics
            diagnostics.append(decoder.syntaxError(error))
            return Reading(parts: nil, diagnostics: diagnostics, trailingError: nil)
        }
        do {
            try decoder.reader.finish()
            return Reading(parts: parts, diagnostics: decoder.diagnostics, trailingError: nil)
        } catch {
            return Reading(parts: parts, diagnostics: decoder.diagnostics, trailingError: decoder.syntaxError(error))
        }
    }

    /// The diagnostic of a syntax error, at its line and column.
    private func syntaxError(_ error: JSONSyntaxError) -> InputDiagnostic {
        let (line, column) = reader.position(of: error.offset)
        return InputDiagnostic(.error, .sintassiJSON, SourcePlace(file: file, position: .text(line: line, column: column)), "JSON non valido: \(error.message)")
    }

    private init(reader: JSONReader, file: String, maximumRecords: Int, releaseStep: Int, parallelism: Parallelism) {
        self.reader = reader
        self.file = file
        self.maximumRecords = maximumRecords
        self.releaseStep = releaseStep
        self.parallelism = parallelism
    }

    private func place(_ path: JSONPath) -> SourcePlace { SourcePlace(file: file, position: .json(path)) }

    // MARK: Document

    private mutating func document() throws(JSONSyntaxError) -> Parts? {
        let root = JSONPath.root
        guard try expect(.object, at: root) else { return nil }
        var ambito: Ambito?
        var municipalities: [Municipality] = []
        var staff: [StaffRecord] = []
        var seen: UInt32 = 0
        // The errors of the ATS, the comuni and the persons' records (the rules across records
        // run after them, on what could be read).
        var (ambitoErrors, comuniErrors, staffErrors) = (0, 0, 0)
        // The codes of the comuni not read (for the rules across records).
        var unreadComuni = Roster.IncompleteComuni()
        try reader.beginObject()
        while let key = try nextMember(DocumentKey.self, seen: &seen, at: root) {
            lazy var path = root.appending(key: key.rawValue)
            switch key {
            case .formato:
                if let text = try string(at: path), text != Self.format {
                    // A report of this program given back as input: one error, not one per key.
                    if Self.reportFormats.contains(text) {
                        let what =
                            text == CycleReader.format
                            ? "è l'ingresso del comando ciclo («\(text)»): usalo con potenziamento ciclo"
                            : "è un rapporto del programma («\(TextSafety.shortened(text))»)"
                        // The input of ciclo is the user's data, not a report to replace (a review).
                        diagnostics.error(
                            text == CycleReader.format ? .formatoDocumento : .rapportoDelProgramma, place(path),
                            "questo file \(what), non un ambito da calcolare: come ambito serve un file «\(Self.format)», una cartella di CSV o un modello compilato"
                        )
                        while try reader.nextKey(matching: DocumentKey.table, expected: 0) != nil { try reader.skipValue() }
                        return nil
                    }
                    // Another `potenziamento.` name (a trial: «potenziamento.ambiti.v1» for several ATS in one file).
                    let hint =
                        text.hasPrefix("potenziamento.ambiti")
                        ? ": un file contiene un ambito; per più ambiti indica più file o una cartella che li contiene" : ""
                    diagnostics.error(
                        .formatoDocumento, place(path), "formato «\(TextSafety.shortened(text))» non riconosciuto: atteso «\(Self.format)»\(hint)")
                }
            case .ambito:
                let before = diagnostics.errorCount
                ambito = try readAmbito(at: path)
                ambitoErrors += diagnostics.errorCount - before
            case .comuni:
                guard try expect(.array, at: path) else { continue }
                try reader.beginArray()
                let before = diagnostics.errorCount
                var index = 0
                while try reader.nextElement() {
                    var code: String?
                    if let municipality = try readMunicipality(at: path.appending(index: index), code: &code) {
                        municipalities.append(municipality)
                    } else {
                        unreadComuni.saw(code, at: place(path.appending(index: index).appending(key: "codiceIstat")))
                    }
                    index += 1
                }
                comuniErrors += diagnostics.errorCount - before
            case .personale:
                guard try expect(.array, at: path) else { continue }
                try reader.beginArray()
                let before = diagnostics.errorCount
                staff = try readStaffList(at: path)
                staffErrors += diagnostics.errorCount - before
            }
        }
        try missing(DocumentKey.self, seen: seen, at: root)
        // The rules across records run on the ATS, comuni and persons that could be read even
        // when some could not, so one `valida` lists every problem (an officer's trial: an overlap
        // of periods hid a repeated id; a trial of the documents: a comune's bad population hid
        // a repeated comune), as for a CSV folder (``Roster/checked(ambito:municipalities:staff:source:incompleteComuni:into:)``
        // leaves out what a comune not read would make wrong); not when the document itself is
        // wrong (another format, a member missing).
        guard diagnostics.errorCount == ambitoErrors + comuniErrors + staffErrors else { return nil }
        return Parts(
            ambito: ambito, municipalities: municipalities, staff: staff, incompleteComuni: comuniErrors > 0 ? unreadComuni : nil,
            employersOfInvalid: employersOfInvalid)
    }

    /// The records of the `personale` array (the reader just inside it), in order: read in runs
    /// at the same time on several processors when the array is large (``Parallelism``), else
    /// one after the other. Either way the records, the diagnostics and the first syntax error
    /// are the same, in the same order.
    private mutating func readStaffList(at path: JSONPath) throws(JSONSyntaxError) -> [StaffRecord] {
        // The processors are asked for only when the list is large enough (asking reads the
        // process's CPU quota from files, which a small roster should not pay for).
        guard reader.remainingCount >= parallelism.minimumBytes, case let parts = parallelism.parts, parts > 1 else {
            var staff: [StaffRecord] = []
            let count = try readStaffRun(at: path, firstIndex: 0, end: .known(nil), into: &staff)
            if count > maximumRecords {
                diagnostics.error(.troppiDati, place(path), Bounds.tooMany("record", count, maximum: maximumRecords))
            }
            return staff
        }
        // The first run is read from the start while another processor scans for the runs (and
        // then reads the others): it learns where it ends only once it reaches the bytes where
        // its end can be. It is a little longer than the others, as the scan delays them.
        let firstPart = (reader.remainingCount / parts) * 11 / 10
        let results = UnsafeMutablePointer<RunResult?>.allocate(capacity: parts)
        results.initialize(repeating: nil, count: parts)
        defer {
            results.deinitialize(count: parts)
            results.deallocate()
        }
        nonisolated(unsafe) let slots = results
        nonisolated(unsafe) let shared = self
        let sharedRuns = SharedRuns(notBefore: reader.offset + firstPart) {
            shared.reader.elementRuns(parts: parts, minimumBytes: 0, firstPart: firstPart)
        }
        /// Reads run `index` (starting at `start`, ending as `end` says) into its slot.
        @Sendable func read(run index: Int, from start: JSONReader, firstIndex: Int, end: RunEnd, capacity: Int) {
            // A file name and a path of its own: the places of every record refer to them, and
            // objects counted by references from several processors at once slow them all down.
            var runReader = RosterJSONReader(
                reader: start, file: String(decoding: Array(shared.file.utf8), as: UTF8.self), maximumRecords: shared.maximumRecords,
                releaseStep: shared.releaseStep, parallelism: .sequential)
            runReader.expectedCodes = shared.expectedCodes
            let path = path.copied()
            var staff: [StaffRecord] = []
            staff.reserveCapacity(capacity)
            let outcome: Result<Int, JSONSyntaxError>
            do throws(JSONSyntaxError) {
                outcome = .success(try runReader.readStaffRun(at: path, firstIndex: firstIndex, end: end, into: &staff))
            } catch {
                outcome = .failure(error)
            }
            slots[index] = RunResult(reader: runReader, staff: staff, outcome: outcome)
        }
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            if worker == 0 {
                read(run: 0, from: shared.reader, firstIndex: 0, end: .pending(sharedRuns), capacity: Self.sampledRecords)
                return
            }
            guard let runs = sharedRuns.runs() else { return }
            DispatchQueue.concurrentPerform(iterations: runs.count - 1) { other in
                let run = runs[other + 1]
                read(
                    run: other + 1, from: shared.reader.reader(for: run), firstIndex: run.firstIndex, end: .known(run.end),
                    capacity: run.end == nil ? Self.sampledRecords : runs[other + 2].firstIndex - run.firstIndex)
            }
        }
        // The runs in order, as one reading: the first syntax error ends it. The records move
        // into the first run's array, made large enough for all of them at once.
        var staff: [StaffRecord] = []
        let total = (0..<parts).reduce(0) { $0 + (results[$1]?.staff.count ?? 0) }
        let last = (0..<parts).last { results[$0] != nil } ?? 0
        for index in 0..<parts {
            guard var result = results[index] else { break }
            results[index] = nil
            diagnostics.append(contentsOf: result.reader.diagnostics)
            employersOfInvalid += result.reader.employersOfInvalid
            reader.resume(from: result.reader.reader)
            switch result.outcome {
            case .failure(let error): throw error
            case .success(let count):
                if index == 0 {
                    swap(&staff, &result.staff)
                    staff.reserveCapacity(total)
                } else {
                    staff.append(contentsOf: result.staff)
                }
                if index == last, count > maximumRecords {
                    diagnostics.error(.troppiDati, place(path), Bounds.tooMany("record", count, maximum: maximumRecords))
                }
            }
        }
        return staff
    }

    /// What a reader of one run gives: its state at the end, its records, and the index after
    /// its last element or the syntax error that stopped it.
    private struct RunResult {
        let reader: RosterJSONReader
        var staff: [StaffRecord]
        let outcome: Result<Int, JSONSyntaxError>
    }

    /// Where a run ends: known (the comma after it; nil: the array's end), or (the first run)
    /// still being found.
    private enum RunEnd {
        case known(Int?)
        case pending(SharedRuns)
    }

    /// The runs of the array, found once by whichever worker needs them first: the scanning
    /// worker as soon as it starts, or the first run itself when it reaches `notBefore` (the
    /// earliest place its end can be) before that worker has started, so the first run never
    /// waits for work that no thread is doing.
    private final class SharedRuns: @unchecked Sendable {
        /// The earliest offset of the first run's end.
        let notBefore: Int
        private let found = Mutex<[JSONElementRun]??>(nil)
        private let scan: @Sendable () -> [JSONElementRun]?

        init(notBefore: Int, scan: @escaping @Sendable () -> [JSONElementRun]?) {
            self.notBefore = notBefore
            self.scan = scan
        }

        /// The runs (nil: the array is read as one run), scanning for them if no one has yet, or
        /// waiting for the worker scanning now.
        func runs() -> [JSONElementRun]? {
            found.withLock { found in
                if let runs = found { return runs }
                let runs = scan()
                found = .some(runs)
                return runs
            }
        }

        /// The runs if they are known already (`.some`), without waiting; nil if not yet.
        func poll() -> [JSONElementRun]?? {
            found.withLockIfAvailable { $0 } ?? nil
        }
    }

    /// Reads the elements of the `personale` array from element `firstIndex` up to `end` (the
    /// comma after the run; nil: the array's end) into `staff`, and returns the index after the
    /// last element read. Elements past ``maximumRecords`` are checked as JSON and not kept.
    private mutating func readStaffRun(at path: JSONPath, firstIndex: Int, end runEnd: RunEnd, into staff: inout [StaffRecord]) throws(JSONSyntaxError)
        -> Int
    {
        let start = reader.offset
        var index = firstIndex
        var pending: SharedRuns?
        var end: Int?
        switch runEnd {
        case .known(let known): end = known
        case .pending(let shared): pending = shared
        }
        while true {
            if let shared = pending {
                // The scan also reads the bytes of this run: no page is given back before it is
                // done. Asked every 64 elements, needed only at the earliest place of the end.
                if reader.isAt(shared.notBefore) || reader.offset > shared.notBefore {
                    end = shared.runs()?.first?.end
                    pending = nil
                } else if (index - firstIndex) % 64 == 0, let runs = shared.poll() {
                    end = runs?.first?.end
                    pending = nil
                }
            }
            // The first run ends only after an element: a comma right after `[` is an error, as
            // in the reading in order, even where the scan put a run's start.
            if let end, index > firstIndex || firstIndex > 0, reader.isAt(end) { break }
            guard try reader.nextElement() else {
                // A run that is not the last ends at a comma, never at the array's end.
                guard end == nil else { throw JSONSyntaxError(message: Self.inconsistentRun, offset: reader.offset) }
                break
            }
            if let end, reader.offset > end { throw JSONSyntaxError(message: Self.inconsistentRun, offset: reader.offset) }
            if index - firstIndex == Self.sampledRecords && staff.capacity < Self.sampledRecords * 2 {
                staff.reserveCapacity(
                    Self.expectedCount(
                        sampled: index - firstIndex, bytes: reader.offset - start, remaining: (end ?? reader.offset + reader.remainingCount) - reader.offset,
                        maximum: maximumRecords))
            }
            if index >= maximumRecords {
                try reader.skipValue()
            } else if let record = try readStaff(at: path.appending(index: index)) {
                staff.append(record)
            }
            if pending == nil { reader.releaseReadPages(every: releaseStep) }
            index += 1
        }
        return index
    }

    /// The message of a run whose reading disagrees with the scan that found it: cannot happen
    /// (both follow the JSON grammar); said plainly rather than giving a wrong roster.
    static let inconsistentRun = "lettura dell'elenco «personale» non coerente tra le sue parti: segnala il problema allegando il file"

    /// How the `personale` array is read: in `parts` runs at the same time when at least
    /// `minimumBytes` of the document are left at its start, else one element after the other.
    struct Parallelism {
        /// The runs, or nil for one per processor (``ParallelWork/processors``).
        private let fixedParts: Int?
        let minimumBytes: Int

        /// `parts` runs (nil: one per processor) from `minimumBytes`.
        init(parts: Int?, minimumBytes: Int) {
            fixedParts = parts
            self.minimumBytes = minimumBytes
        }

        /// How many runs.
        var parts: Int { fixedParts ?? ParallelWork.processors }

        /// One element after the other.
        static let sequential = Parallelism(parts: 1, minimumBytes: .max)

        /// Runs on up to 4 processors for an array of at least 8 MB (a roster of about 25.000
        /// persons): below it, starting the threads and scanning would cost more than they save;
        /// the processors of a batch are busy with its other files, which are small.
        static let automatic = Parallelism(parts: nil, minimumBytes: 8 << 20)
    }

    /// The records read before the size of the list is estimated.
    static let sampledRecords = 1_000

    /// The number of records to make room for, from the bytes the first `sampled` records took
    /// and the bytes left: usually one allocation near the final size instead of doubling, whose
    /// last step holds the old and the new array at once (docs/benchmark.md, «Third pass»). An
    /// eighth more covers records longer than the first ones; a wrong guess only costs memory
    /// (growth as before, or room not used, at most `maximum` records), never a record.
    /// Records are taken to be at least 64 bytes (a valid one is longer), so that a list that
    /// starts with empty objects does not make room for records that cannot be there.
    static func expectedCount(sampled: Int, bytes: Int, remaining: Int, maximum: Int) -> Int {
        let perRecord = max(64, bytes / max(1, sampled))
        let estimate = sampled + remaining / perRecord
        return min(estimate + estimate / 8, maximum)
    }

    private mutating func readAmbito(at path: JSONPath) throws(JSONSyntaxError) -> Ambito? {
        guard try expect(.object, at: path) else { return nil }
        var code: String?
        var name: String?
        var region: String?
        var delegated = false
        var seen: UInt32 = 0
        try reader.beginObject()
        while let key = try nextMember(AmbitoKey.self, seen: &seen, at: path) {
            // Made into a path only when used (an error, or a nested value that keeps its place).
            lazy var field = path.appending(key: key.rawValue)
            switch key {
            case .codice: code = try string(at: field)
            case .denominazione: name = try string(at: field)
            case .regione: region = try string(at: field, nullable: true)
            case .funzioniDelegateAlCapofila: delegated = try bool(at: field) ?? false
            }
        }
        try missing(AmbitoKey.self, seen: seen, at: path)
        guard let code, let name else { return nil }
        return value(at: path) { () throws(InvalidValue) in
            try Ambito(code: code, name: name, region: region, allFunctionsDelegatedToLead: delegated)
        }
    }

    /// The comune at `path`, or nil after its errors; `readCode` its code when it could be read.
    private mutating func readMunicipality(at path: JSONPath, code readCode: inout String?) throws(JSONSyntaxError) -> Municipality? {
        guard try expect(.object, at: path) else { return nil }
        var code: String?
        var name: String?
        var residents: Residents?
        var seen: UInt32 = 0
        let errorsBefore = diagnostics.errorCount
        try reader.beginObject()
        while let key = try nextMember(MunicipalityKey.self, seen: &seen, at: path) {
            // Made into a path only when used (an error, or a nested value that keeps its place).
            lazy var field = path.appending(key: key.rawValue)
            switch key {
            case .codiceIstat: code = try string(at: field)
            case .denominazione: name = try string(at: field)
            case .popolazione: residents = try readResidents(at: field)
            }
        }
        try missing(MunicipalityKey.self, seen: seen, at: path)
        readCode = code
        guard let code, let name, let residents, diagnostics.errorCount == errorsBefore else { return nil }
        let municipalityPlace = place(path)
        // The place of the field an error is about, made only for an error.
        let file = self.file
        let fieldPlace = { (error: InvalidValue) -> SourcePlace in
            switch Municipality.field(of: error, code: code) {
            case .code: SourcePlace(file: file, position: .json(path.appending(key: "codiceIstat")))
            case .name: SourcePlace(file: file, position: .json(path.appending(key: "denominazione")))
            case nil: municipalityPlace
            }
        }
        return diagnostics.value(placing: fieldPlace) { () throws(InvalidValue) in
            try Municipality(istatCode: code, name: name, residents: residents, place: municipalityPlace)
        }
    }

    private mutating func readResidents(at path: JSONPath) throws(JSONSyntaxError) -> Residents? {
        switch try reader.peek() {
        case .number:
            let text = try reader.readNumber()
            return value(at: path) { () throws(InvalidValue) in try Residents(try Self.integer(text, what: "popolazione")) }
        case .object:
            var table: [Int: Int] = [:]
            var valid = true
            try reader.beginObject()
            while let key = try reader.nextKey() {
                // Made into a path only when used (an error, or a nested value that keeps its place).
                lazy var field = path.appending(key: key)
                guard let year = value(at: field, { () throws(InvalidValue) in try FieldParsing.year(key) }) else {
                    valid = false
                    try reader.skipValue()
                    continue
                }
                if table[year] != nil {
                    diagnostics.error(.campoRipetuto, place(field), "anno \(year) indicato due volte")
                    valid = false
                }
                guard try expect(.number, at: field) else {
                    valid = false
                    continue
                }
                let text = try reader.readNumber()
                if let count = value(
                    at: field,
                    { () throws(InvalidValue) in
                        let count = try Self.integer(text, what: "popolazione")
                        try Residents.check(count)
                        return count
                    })
                {
                    table[year] = count
                } else {
                    valid = false
                }
            }
            guard valid else { return nil }
            return value(at: path) { () throws(InvalidValue) in try Residents(byYear: table) }
        default:
            let found = try reader.peek().name
            diagnostics.error(.tipoErrato, place(path), "deve essere un numero intero o un oggetto anno → residenti, trovato \(found)")
            try reader.skipValue()
            return nil
        }
    }

    // MARK: Staff

    private mutating func readStaff(at path: JSONPath) throws(JSONSyntaxError) -> StaffRecord? {
        guard try expect(.object, at: path) else { return nil }
        let recordPlace = place(path)
        let errorsBefore = diagnostics.errorCount
        var id: PersonID?
        var profile: Profile?
        var contract: Contract?
        var employer: Employer?
        var periods: [ServicePeriod] = []
        var areas = AreaSplit.unspecified
        var employed = true
        var delegationStated = false
        var seen: UInt32 = 0
        try reader.beginObject()
        while let key = try nextMember(StaffKey.self, seen: &seen, at: path) {
            // Made into a path only when used (an error, or a nested value that keeps its place).
            lazy var field = path.appending(key: key.rawValue)
            switch key {
            case .id:
                if let text = try string(at: field) { id = value(at: field) { () throws(InvalidValue) in try PersonID(text) } }
            // A code written exactly (the reader matched it as it read it) is that code; any other
            // text is read by the model's vocabulary.
            case .profilo:
                switch try code(at: field, in: Profile.Kind.codes.texts, field: .profile) {
                case .known(let index)?: profile = Profile(kind: Profile.Kind.codes.cases[index])
                case .other(let text)?: profile = value(at: field) { () throws(InvalidValue) in try Profile(text) }
                case nil: break
                }
            case .contratto:
                switch try code(at: field, in: Contract.Kind.codes.texts, field: .contract) {
                case .known(let index)?: contract = Contract(kind: Contract.Kind.codes.cases[index])
                case .other(let text)?: contract = value(at: field) { () throws(InvalidValue) in try Contract(text) }
                case nil: break
                }
            case .ente: employer = try readEmployer(at: field, delegationStated: &delegationStated)
            case .periodi:
                guard try expect(.array, at: field) else { continue }
                try reader.beginArray()
                var index = 0
                while try reader.nextElement() {
                    if let period = try readPeriod(at: path.appending(.periodi, index: index)) { periods.append(period) }
                    index += 1
                }
            case .aree: areas = try readAreas(at: field) ?? .unspecified
            case .impiegatoNeiServiziTerritoriali: employed = try bool(at: field) ?? true
            // Free notes (where the messages send what is not a profile or a contract): read, not used.
            case .note: _ = try string(at: field, nullable: true)
            }
        }
        try missing(StaffKey.self, seen: seen, at: path)
        guard let id, let profile, let contract, let employer, diagnostics.errorCount == errorsBefore else {
            // The overlaps of a person with other errors, and their comune, said in the same run (trials).
            if let id, periods.count > 1 { StaffRecord.checkPeriods(periods, id: id, place: recordPlace, into: &diagnostics) }
            if let id, let employer { employersOfInvalid.append(Roster.UncheckedEmployer(id: id, employer: employer, place: recordPlace)) }
            return nil
        }
        if employer.kind == .asl, !delegationStated, profile.isSocialWorker, contract.isPermanent {
            diagnostics.warning(.valoreVuoto, recordPlace.field("ente"), Employer.delegationNotStated(csv: false))
        }
        do {
            return try StaffRecord(
                id: id, profile: profile, contract: contract, employer: employer, periods: periods, areas: areas,
                employedInTerritorialServices: employed, place: recordPlace)
        } catch {
            diagnostics.append(contentsOf: error)
            employersOfInvalid.append(Roster.UncheckedEmployer(id: id, employer: employer, place: recordPlace))
            return nil
        }
    }

    /// The employer at `path`; `delegationStated` tells whether `delegaFunzioni` or
    /// `costoRimborsato` was written.
    private mutating func readEmployer(at path: JSONPath, delegationStated: inout Bool) throws(JSONSyntaxError) -> Employer? {
        guard try expect(.object, at: path) else { return nil }
        var kind: EmployerKind?
        var writtenKind: String?
        var istatCode: String?
        var delegated: Bool?
        var reimbursed: Bool?
        var seen: UInt32 = 0
        let errorsBefore = diagnostics.errorCount
        try reader.beginObject()
        while let key = try nextMember(EmployerKey.self, seen: &seen, at: path) {
            // Made into a path only when used (an error, or a nested value that keeps its place).
            lazy var field = path.appending(key: key.rawValue)
            switch key {
            case .tipo:
                switch try code(at: field, in: EmployerKind.codes.texts, field: .employer) {
                case .known(let index)?: kind = EmployerKind.codes.cases[index]
                case .other(let text)?:
                    kind = value(at: field) { () throws(InvalidValue) in try EmployerKind(parsing: text) }
                    writtenKind = text
                case nil: break
                }
            case .codiceIstat: istatCode = try string(at: field, nullable: true)
            case .delegaFunzioni: delegated = try bool(at: field)
            case .costoRimborsato: reimbursed = try bool(at: field)
            }
        }
        try missing(EmployerKey.self, seen: seen, at: path)
        delegationStated = delegated != nil || reimbursed != nil
        guard let kind, diagnostics.errorCount == errorsBefore else { return nil }
        if let warning = Employer.flagsWarning(kind: kind, written: writtenKind ?? kind.rawValue, delegated: delegated, reimbursed: reimbursed, csv: false) {
            diagnostics.warning(warning.code, place(path), warning.message)
        }
        if let warning = Employer.ignoredCodeWarning(kind: kind, istatCode: istatCode) {
            diagnostics.warning(.valoreIgnorato, place(path.appending(key: "codiceIstat")), warning)
        }
        let employer = value(at: path.appending(key: "codiceIstat")) { () throws(InvalidValue) in
            try Employer(kind: kind, istatCode: istatCode, delegatedFunctions: delegated ?? false, costReimbursed: reimbursed ?? false)
        }
        return writtenKind.flatMap { text in employer?.written(as: text) } ?? employer
    }

    private mutating func readPeriod(at path: JSONPath) throws(JSONSyntaxError) -> ServicePeriod? {
        guard try expect(.object, at: path) else { return nil }
        var start: CivilDate?
        var end: CivilDate?
        var percent: String?
        var weekly: String?
        var fullTime: String?
        var seen: UInt32 = 0
        let errorsBefore = diagnostics.errorCount
        // A share written but refused (a text, not a number) has its error: it is not also missing.
        var shareRefused = false
        var endRefused = false
        try reader.beginObject()
        while let key = try nextMember(PeriodKey.self, seen: &seen, at: path) {
            // Made into a path only when used (an error, or a nested value that keeps its place).
            lazy var field = path.appending(key: key.rawValue)
            switch key {
            case .dal: start = try date(at: field)
            // `"al": null` is an open-ended period, like an omitted `al`.
            case .al:
                let before = diagnostics.errorCount
                end = try date(at: field, nullable: true)
                endRefused = diagnostics.errorCount > before
            case .percentuale:
                let before = diagnostics.errorCount
                percent = try number(at: field)
                shareRefused = shareRefused || diagnostics.errorCount > before
            case .oreSettimanali:
                let before = diagnostics.errorCount
                weekly = try number(at: field)
                shareRefused = shareRefused || diagnostics.errorCount > before
            case .oreTempoPieno: fullTime = try number(at: field)
            }
        }
        try missing(PeriodKey.self, seen: seen, at: path)
        let share: WorkShare?
        switch (percent, weekly) {
        case (let percent?, nil):
            if fullTime != nil {
                diagnostics.error(
                    .quotaAmbigua, place(path.appending(key: "oreTempoPieno")),
                    "oreTempoPieno vale solo con oreSettimanali: se la quota è in ore (30 su 36), scrivi le ore in oreSettimanali e togli percentuale; se la percentuale è giusta, togli oreTempoPieno"
                )
            }
            share = value(at: path.appending(key: "percentuale")) { () throws(InvalidValue) in
                try WorkShare(percent: try FieldParsing.jsonNumber(percent, maximumDecimals: Bounds.percentageDecimals, what: "percentuale"))
            }
        case (nil, let weekly?):
            // The full-time hours checked at their own key, then the share at the weekly hours'.
            let full =
                fullTime.map { text in
                    value(at: path.appending(key: "oreTempoPieno")) { () throws(InvalidValue) in
                        let hours = try FieldParsing.jsonNumber(text, maximumDecimals: 4, what: "ore del tempo pieno")
                        try WorkShare.checkFullTimeHours(hours)
                        return hours
                    }
                } ?? WorkShare.defaultFullTimeHours
            share = full.flatMap { full in
                value(at: path.appending(key: "oreSettimanali")) { () throws(InvalidValue) in
                    try WorkShare(weeklyHours: try FieldParsing.jsonNumber(weekly, maximumDecimals: 4, what: "ore settimanali"), fullTimeHours: full)
                }
            }
        case (.some, .some):
            diagnostics.error(.quotaAmbigua, place(path), "indica percentuale oppure oreSettimanali, non entrambi")
            share = nil
        case (nil, nil):
            // (`null` or absent: missing.)
            if !shareRefused {
                diagnostics.error(.campoMancante, place(path.appending(key: "percentuale")), "manca la percentuale (o oreSettimanali)")
            }
            share = nil
        }
        let periodPlace = place(path)
        guard let start, let share, diagnostics.errorCount == errorsBefore else {
            // Only the share refused, the dates good: the dates stand for the period in the check of
            // the person's overlaps (the person, with an error, is left out after it: a trial).
            if let start, share == nil, !endRefused { return try? ServicePeriod(start: start, end: end, share: .fullTime, place: periodPlace) }
            return nil
        }
        return value(at: path.appending(key: ServicePeriod.errorIsAtEnd(start: start, end: end) ? "al" : "dal")) { () throws(InvalidValue) in
            try ServicePeriod(start: start, end: end, share: share, place: periodPlace)
        }
    }

    private mutating func readAreas(at path: JSONPath) throws(JSONSyntaxError) -> AreaSplit? {
        if try reader.peek() == .null {
            try reader.readNull()
            return nil
        }
        guard try expect(.object, at: path) else { return nil }
        var shares = AreaSplit.Percentages()
        var valid = true
        try reader.beginObject()
        // Guessed first: the area after the last one met (they are often written in order).
        var expected = 0
        while let read = try reader.nextKey(matching: ActivityArea.codes.texts, expected: expected) {
            // The table lists the areas in the order of allCases: a known key's index is its area.
            let known: ActivityArea? = if case .known(let index) = read { ActivityArea.codes.cases[index] } else { nil }
            if case .known(let index) = read { expected = index + 1 }
            let key =
                switch read {
                case .known(let index): ActivityArea.codes.cases[index].rawValue
                case .other(let text): text
                }
            // Made into a path only when used (an error, or a nested value that keeps its place).
            lazy var field = path.appending(key: key)
            guard let area = known ?? value(at: field, { () throws(InvalidValue) in try ActivityArea.parse(key) }) else {
                valid = false
                try reader.skipValue()
                continue
            }
            if shares[area] != nil {
                diagnostics.error(.campoRipetuto, place(field), "area indicata due volte")
                valid = false
            }
            guard let text = try number(at: field),
                let share = value(
                    at: field,
                    { () throws(InvalidValue) in
                        let value = try FieldParsing.jsonNumber(text, maximumDecimals: Bounds.percentageDecimals, what: "quota di area")
                        guard !value.isNegative, value <= Fraction(100) else {
                            throw InvalidValue(.ripartizioneAree, "la quota di un'area deve essere tra 0 e 100 (indicato: \(text))")
                        }
                        return value
                    })
            else {
                valid = false
                continue
            }
            shares[area] = share
        }
        guard valid else { return nil }
        return value(at: path) { () throws(InvalidValue) in try AreaSplit(percentages: shares) }
    }

    // MARK: Values

    /// The value of `attempt`, or nil after recording its ``InvalidValue`` at `path` (made into
    /// a place only then).
    private mutating func value<Value>(at path: @autoclosure () -> JSONPath, _ attempt: () throws(InvalidValue) -> Value) -> Value? {
        do {
            return try attempt()
        } catch {
            let place = place(path())
            diagnostics.error(error, at: place)
            return nil
        }
    }

    /// Whether the next value is of `kind`; if not, it is skipped and reported at `path`.
    private mutating func expect(_ kind: JSONReader.Kind, at path: @autoclosure () -> JSONPath) throws(JSONSyntaxError) -> Bool {
        let found = try reader.peek()
        guard found == kind else {
            try reportWrongKind(kind, found: found, at: path())
            return false
        }
        return true
    }

    /// The error of a value of kind `found` where `kind` is due, at `path`, the value skipped;
    /// what it likely is, when the value says (a trial of JSON by other programs): a number or
    /// a yes/no as text (`"50"`, `"TRUE"`, as Power Query writes them), a date as a number
    /// (`45658`, an Excel serial), a document that is a list of ATS.
    private mutating func reportWrongKind(_ kind: JSONReader.Kind, found: JSONReader.Kind, at path: JSONPath) throws(JSONSyntaxError) {
        var hint = ""
        switch (kind, found) {
        case (.number, .string):
            let text = try reader.readString()
            if (try? FieldParsing.decimal(text, maximumDecimals: 15, what: "")) != nil { hint = ": scrivi \(TextSafety.shortened(text)) senza virgolette" }
        case (.bool, .string):
            let text = try reader.readString()
            if let flag = (try? FieldParsing.boolean(text)) ?? nil { hint = ": scrivi \(flag) senza virgolette" }
        case (.string, .number):
            let text = try reader.readNumber()
            if path.description.hasSuffix(".dal") || path.description.hasSuffix(".al"), let serial = Int(text),
                let date = CivilDate(year: 1899, month: 12, day: 30)?.adding(days: serial),
                Bounds.dateYears.contains(date.year)
            {
                hint = ": \(text) sembra una data di Excel come numero (il \(date.italian)): scrivi la data come testo, \"\(date.iso)\""
            }
        case (.object, .array) where path.isRoot:
            try reader.skipValue()
            hint =
                ": un file contiene un ambito, un oggetto con formato, ambito, comuni e personale; per più ambiti indica più file o una cartella che li contiene"
        default:
            try reader.skipValue()
        }
        diagnostics.error(.tipoErrato, place(path), "deve essere \(kind.name), trovato \(found.name)\(hint)")
    }

    /// Whether the next value is of `kind` (true); or null where `nullable` (nil, the null then
    /// read); else false, after skipping it and reporting it at `path`. One look at the value.
    private mutating func expect(_ kind: JSONReader.Kind, nullable: Bool, at path: @autoclosure () -> JSONPath) throws(JSONSyntaxError) -> Bool? {
        let found = try reader.peek()
        if found == kind { return true }
        if nullable && found == .null {
            try reader.readNull()
            return nil
        }
        try reportWrongKind(kind, found: found, at: path())
        return false
    }

    /// The keys of the objects of the format (docs/formati.md): each enum lists them in the order of
    /// the bits of `seen`, its case names (raw values) are the keys, and the reader matches them on bytes.
    private enum DocumentKey: String, ObjectKey {
        case formato, ambito, comuni, personale
        static let cases = allCases
        static let table = knownTexts()
        static let required = mask([.formato, .ambito, .comuni, .personale])
    }
    private enum AmbitoKey: String, ObjectKey {
        case codice, denominazione, regione, funzioniDelegateAlCapofila
        static let cases = allCases
        static let table = knownTexts()
        static let required = mask([.codice, .denominazione])
    }
    private enum MunicipalityKey: String, ObjectKey {
        case codiceIstat, denominazione, popolazione
        static let cases = allCases
        static let table = knownTexts()
        static let required = mask([.codiceIstat, .denominazione, .popolazione])
    }
    private enum StaffKey: String, ObjectKey {
        case id, profilo, contratto, ente, periodi, aree, impiegatoNeiServiziTerritoriali, note
        static let cases = allCases
        static let table = knownTexts()
        static let required = mask([.id, .profilo, .contratto, .ente, .periodi])
    }
    private enum EmployerKey: String, ObjectKey {
        case tipo, codiceIstat, delegaFunzioni, costoRimborsato
        static let cases = allCases
        static let table = knownTexts()
        static let required = mask([.tipo])
    }
    private enum PeriodKey: String, ObjectKey {
        case dal, al, percentuale, oreSettimanali, oreTempoPieno
        static let cases = allCases
        static let table = knownTexts()
        static let required = mask([.dal])
    }

    /// The next member of the current object whose key is one of `Key`'s and not yet met (`seen`
    /// has a bit for each key met); nil at the object's end. Unknown and
    /// repeated keys are reported at their path under `path`, and their values skipped.
    private mutating func nextMember<Key: ObjectKey>(_: Key.Type, seen: inout UInt32, at path: JSONPath) throws(JSONSyntaxError) -> Key? {
        let cases = Key.cases
        // Keys usually come in the order of the format: the next after the last one met is guessed first.
        let expected = UInt32.bitWidth - seen.leadingZeroBitCount
        while let key = try reader.nextKey(matching: Key.table, expected: expected) {
            // The reader matched the key against the table as it read it.
            guard case .known(let index) = key, index < cases.count else {
                let text =
                    switch key {
                    case .known(let index): Key.table.strings[index]
                    case .other(let text): text
                    }
                let suggestion = NameSuggestion.nearest(to: text, in: Key.table.strings).map { " (forse «\($0)»?)" } ?? ""
                diagnostics.error(.colonnaSconosciuta, place(path.appending(key: text)), "chiave sconosciuta «\(text)»\(suggestion)")
                try reader.skipValue()
                continue
            }
            let bit: UInt32 = 1 << UInt32(index)
            let found = cases[index]
            guard seen & bit == 0 else {
                diagnostics.error(.campoRipetuto, place(path.appending(key: found.rawValue)), "chiave «\(found.rawValue)» ripetuta")
                try reader.skipValue()
                continue
            }
            seen |= bit
            return found
        }
        return nil
    }

    /// Reports the required keys of `Key` not in `seen`.
    private mutating func missing<Key: ObjectKey>(_: Key.Type, seen: UInt32, at path: JSONPath) throws(JSONSyntaxError) {
        guard seen & Key.required != Key.required else { return }
        for (index, key) in Key.cases.enumerated() where Key.required & (1 << UInt32(index)) != 0 && seen & (1 << UInt32(index)) == 0 {
            diagnostics.error(.campoMancante, place(path.appending(key: key.rawValue)), "manca il campo obbligatorio «\(key.rawValue)»")
        }
    }

    /// A string value; null is nil when `nullable` (else an error).
    private mutating func string(at path: @autoclosure () -> JSONPath, nullable: Bool = false) throws(JSONSyntaxError) -> String? {
        guard try expect(.string, nullable: nullable, at: path()) == true else { return nil }
        return try reader.readString()
    }

    /// The string value of coded field `field` matched against `codes` (nil, after an error,
    /// when it is not a string), guessing first the code met last in the same field: a roster's
    /// codes repeat from record to record.
    private mutating func code(at path: @autoclosure () -> JSONPath, in codes: JSONReader.KnownTexts, field: CodedField) throws(JSONSyntaxError)
        -> JSONReader.TextMatch?
    {
        guard try expect(.string, at: path()) else { return nil }
        let match = try reader.readString(matching: codes, expected: expectedCodes[field.rawValue])
        if case .known(let index) = match { expectedCodes[field.rawValue] = index }
        return match
    }

    /// A date (null: nil when `nullable`, else an error), by ``FieldParsing/date(_:)``. One written
    /// exactly (`AAAA-MM-GG`, `GG/MM/AAAA`, the usual case) is read from its bytes, with no text
    /// made; any other text goes through the rule, which accepts or explains it.
    private mutating func date(at path: @autoclosure () -> JSONPath, nullable: Bool = false) throws(JSONSyntaxError) -> CivilDate? {
        guard try expect(.string, nullable: nullable, at: path()) == true else { return nil }
        let read = try reader.readString { bytes -> (date: CivilDate?, text: String?) in
            if let date = CivilDate.parse(utf8: bytes) { return (date, nil) }
            return (nil, String(decoding: bytes, as: UTF8.self))
        }
        if let date = read.date { return date }
        return value(at: path()) { () throws(InvalidValue) in
            // An empty end date: a service with no end is written null (or without the key).
            if nullable, (read.text ?? "").trimmingSpaces.isEmpty {
                throw InvalidValue(.valoreVuoto, "data vuota: per un servizio senza data di fine scrivi null o togli la chiave")
            }
            return try FieldParsing.date(read.text ?? "")
        }
    }

    /// A number's exact text (null: nil).
    private mutating func number(at path: @autoclosure () -> JSONPath) throws(JSONSyntaxError) -> String? {
        guard try expect(.number, nullable: true, at: path()) == true else { return nil }
        return try reader.readNumber()
    }

    /// A boolean (null: nil).
    private mutating func bool(at path: @autoclosure () -> JSONPath) throws(JSONSyntaxError) -> Bool? {
        guard try expect(.bool, nullable: true, at: path()) == true else { return nil }
        return try reader.readBool()
    }

    /// A whole number from a JSON number's text.
    static func integer(_ text: String, what: String) throws(InvalidValue) -> Int {
        let value = try FieldParsing.jsonNumber(text, maximumDecimals: 6, what: what)
        guard value.isInteger, let whole = value.numerator.int64Value, let result = Int(exactly: whole) else {
            throw InvalidValue(.numeroNonValido, "\(what) deve essere un numero intero (indicato: \(text))")
        }
        return result
    }
}

/// The keys of one kind of JSON object (the raw values), in the order of their bits in a `seen`
/// mask (the order of the cases).
private protocol ObjectKey: RawRepresentable<String>, CaseIterable, Equatable, Sendable where AllCases == [Self] {
    /// The cases, in order (`allCases` builds a new array at each use).
    static var cases: [Self] { get }
    /// The key texts, matched by the reader on bytes.
    static var table: JSONReader.KnownTexts { get }
    /// The bits of the required keys.
    static var required: UInt32 { get }
}

extension ObjectKey {
    /// The texts of the keys, in order.
    static func knownTexts() -> JSONReader.KnownTexts { JSONReader.KnownTexts(cases.map(\.rawValue)) }
    /// The bits of `keys`.
    static func mask(_ keys: [Self]) -> UInt32 { keys.reduce(0) { $0 | 1 << UInt32(cases.firstIndex(of: $1) ?? 0) } }
}
