import Foundation
import PotenziamentoFormats
import PotenziamentoKit

/// Loading rosters and assessing them for the subcommands, with the contract's exit statuses:
/// 66 for a missing or unreadable input, 65 for invalid data, every problem on its own line.
enum RosterInput {
    /// The roster at `path`, kept until the exit when `keepsUntilExit` (a single input: freeing it
    /// is work the process need not do; a batch keeps each roster until its result is written).
    /// A folder of several ATS is refused with a usage error (``BatchInputs/refuseFolderOfAmbiti(_:)``)
    /// unless `isAmbito` says the path is an ATS already (an input of a batch, found as one).
    static func load(_ path: String, keepsUntilExit: Bool = true, isAmbito: Bool = false) throws(CommandFailure) -> RosterLoader.Loaded {
        if !isAmbito { try BatchInputs.refuseFolderOfAmbiti(path) }
        do {
            let loaded = try RosterLoader.load(path: path)
            if keepsUntilExit { ProcessLifetime.keep(input: loaded) }
            return loaded
        } catch {
            throw failure(error)
        }
    }

    /// The failure of an input that cannot be used: exit 66 when a file is missing or cannot be
    /// read, 65 when it is read but invalid (the one place that decides it).
    static func failure(_ error: InputError) -> CommandFailure {
        var failure = CommandFailure(isUnreadable(error) ? .noInput : .dataError, error.errors.map(\.description))
        failure.isDocumentOfProgram = !error.errors.isEmpty && error.errors.allSatisfy { $0.code == .rapportoDelProgramma }
        return failure
    }

    /// Whether an error means the input could not be read at all (exit 66).
    static func isUnreadable(_ error: InputError) -> Bool {
        error.errors.contains { [.fileInesistente, .fileIlleggibile, .fileMancante].contains($0.code) }
    }

    /// The assessment of `roster` for `year` by `assessor` (one per run: a batch's rosters share
    /// the parameters it resolves), its failures as the contract's exit statuses.
    static func assess(_ roster: Roster, year: Int, assessor: RosterAssessor) throws(CommandFailure) -> AnnualAssessment {
        do {
            return try assessor.assess(roster, year: year)
        } catch {
            throw failure(error)
        }
    }

    /// The command's failure for an error of an assessment for `--anno`.
    static func failure(_ error: AssessmentError) -> CommandFailure {
        switch error {
        case .invalidInput(let input): failure(input)
        case .parameter(let parameter): .usage("--anno: \(parameter)")
        case .invalidCampaign: .usage("\(error)")
        }
    }

    static func method(_ parsed: ParsedArguments) throws(CommandFailure) -> FTEMethod {
        guard let text = parsed.value("metodo-fte") else { return .days }
        // Any case and surrounding spaces, as --formato (a trial: «Mesi» was refused).
        guard let method = FTEMethod(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased()) else {
            let suggestion = Suggestions.nearest(to: text, in: FTEMethod.allCases.map(\.rawValue)).map { " Forse intendevi «\($0)»?" } ?? ""
            throw .usage("--metodo-fte «\(text)» non valido: usa giorni oppure mesi.\(suggestion)")
        }
        return method
    }

    static let methodOption = OptionSpec(
        "metodo-fte", value: "METODO", help: "Come si conta la quota d'anno: giorni (predefinito) oppure mesi.")
}

extension RosterInput {
    /// The files an input stands for (so `--output` never replaces one of them): a file itself;
    /// anything else (a folder, or not yet known: `kind` nil) itself and an ATS folder's CSV files,
    /// as the folder names them (the reader takes `Personale.csv` as `personale.csv`: a review).
    static func inputFiles(_ path: String, kind: FileReading.Kind? = nil) -> [String] {
        guard kind != .file else { return [path] }
        let base = path.hasSuffix("/") ? String(path.dropLast()) : path
        let listed = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter(BatchInputs.isCSVFileOfAmbito)
        return [path] + Set(["ambito.csv", "comuni.csv", "personale.csv"] + listed).sorted().map { "\(base)/\($0)" }
    }
}
