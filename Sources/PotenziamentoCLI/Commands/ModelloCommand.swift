import PotenziamentoFormats
import PotenziamentoKit

/// `potenziamento modello --output FILE.xlsx|FILE.ods`: the roster workbook to fill in, empty or
/// (with `--da`) holding an existing roster.
enum ModelloCommand: Subcommand {
    static let spec = CommandSpec(
        name: "modello",
        abstract: "Scrive la cartella di lavoro da compilare (.xlsx per Excel, .ods per LibreOffice).",
        discussion: """
            Fogli «istruzioni», «ambito», «comuni» e «personale» con le intestazioni giuste, elenchi
            a tendina per profilo, contratto, ente_tipo e le colonne sì/no, codici come testo (lo
            zero iniziale resta) e date come date. La seconda riga di ogni foglio è un esempio
            («# ESEMPIO …»): il programma la salta e lo segnala. Con --da il modello contiene i dati
            di un ambito già descritto in CSV o JSON (per passare al foglio di calcolo).
            """,
        options: [
            OptionSpec("output", short: "o", value: "FILE", help: "Il file da scrivere: FILE.xlsx (Excel) o FILE.ods (LibreOffice)."),
            OptionSpec("da", value: "INPUT", help: "Riempie il modello con i dati di questo ambito (cartella CSV, JSON o cartella di lavoro)."),
            OptionSpec("sovrascrivi", help: "Sostituisce il file --output se esiste già (altrimenti non lo tocca: può essere l'elenco già compilato)."),
        ],
        examples: ["potenziamento modello --output ambito.xlsx", "potenziamento modello --output ambito.ods --da Examples/ambito-esempio"])

    static func run(_ parsed: ParsedArguments, context: CommandContext) throws(CommandFailure) -> CommandOutput {
        guard let path = parsed.value("output") else {
            throw .usage("indica il file da scrivere: --output ambito.xlsx (Excel) oppure --output ambito.ods (LibreOffice)")
        }
        let lowered = path.lowercased()
        guard let kind = SpreadsheetKind.allCases.first(where: { lowered.hasSuffix("." + $0.rawValue) }) else {
            throw .usage("--output \(path): il modello è una cartella di lavoro, usa l'estensione .xlsx (Excel) o .ods (LibreOffice)")
        }
        // A file already there is most likely the roster filled in last year: the template does
        // not replace it unless asked (a newcomer's trial: the guide's command run again emptied it).
        // (A pipe or a device is written through, as any --output; a path that cannot be looked
        // at fails when written, with its reason.)
        if !parsed.flag("sovrascrivi"), FileReading.kind(of: path) == .file {
            throw CommandFailure(
                .cannotCreate,
                [
                    "\(path): il file esiste già e il modello non lo sostituisce (può essere l'elenco già compilato): scegli un altro nome, oppure aggiungi --sovrascrivi per sostituirlo"
                ])
        }
        var warnings: [String] = []
        var roster: Roster?
        var inputs: [String] = []
        if let source = parsed.value("da") {
            let loaded = try RosterInput.load(source)
            roster = loaded.roster
            warnings = loaded.warnings.map(\.description)
            inputs = [source]
        }
        let bytes: [UInt8]
        do {
            bytes = try kind.bytes(RosterTemplate.document(filledWith: roster))
        } catch {
            throw RosterInput.failure(error)
        }
        var output = CommandOutput(warnings: warnings, inputs: inputs) { $0.write(bytes: bytes) }
        output.status = .success
        return output
    }
}
