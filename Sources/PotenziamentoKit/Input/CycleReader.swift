import Foundation

/// Reads a `potenziamento.ciclo.v1` document: an optional ambito and, per year, the population
/// and the FTE of the steps reached (`ftePrevisione`, `fteConsuntivo`, `fteCertificato`).
public enum CycleReader {
    /// The format identifier.
    public static let format = "potenziamento.ciclo.v1"

    /// The cycle in `text` (from `file`) and its ambito, or an error with every problem found.
    public static func read(text: String, file: String, parameters: ParameterTable = .official) throws(InputError) -> (cycle: FundingCycle, ambito: Ambito?) {
        var diagnostics = Diagnostics()
        let root = SourcePlace(file: file, position: .json(.root))
        let document: JSONNode
        switch JSONParser.parse(text) {
        case .success(let node): document = node
        case .failure(let error): throw InputError(SourcePlace(file: file, position: .file), error.description)
        }
        guard let fields = JSONFields(document, place: root, allowed: ["formato", "ambito", "anni"], diagnostics: &diagnostics) else {
            throw InputError(diagnostics: diagnostics.all)
        }
        if let found = fields.string("formato", required: true, diagnostics: &diagnostics), found != format {
            diagnostics.error(root.field("formato"), "formato «\(found)» non riconosciuto: atteso «\(format)»")
        }
        var ambito: Ambito?
        if let node = fields.node("ambito", required: false, diagnostics: &diagnostics),
            let object = JSONFields(node, place: root.field("ambito"), allowed: RosterJSONReader.Keys.ambito, diagnostics: &diagnostics)
        {
            ambito = Ambito(
                code: object.string("codice", required: true, diagnostics: &diagnostics) ?? "",
                name: object.string("denominazione", required: true, diagnostics: &diagnostics) ?? "",
                region: object.string("regione", required: false, diagnostics: &diagnostics))
        }
        var cycle = FundingCycle(parameters: parameters)
        let years = fields.array("anni", required: true, diagnostics: &diagnostics)
        if years.isEmpty && fields.node("anni") != nil { diagnostics.error(root.field("anni"), "nessun anno indicato") }
        for (index, node) in years.enumerated() {
            let place = root.field("anni").element(index)
            guard
                let year = JSONFields(
                    node, place: place, allowed: ["anno", "popolazione", "ftePrevisione", "fteConsuntivo", "fteCertificato"],
                    diagnostics: &diagnostics)
            else { continue }
            let errorsBefore = diagnostics.errorCount
            let yearValue = year.numberText("anno", required: true, diagnostics: &diagnostics).flatMap {
                FieldParsing.year($0).report(at: place.field("anno"), into: &diagnostics)
            }
            let population = year.numberText("popolazione", required: true, diagnostics: &diagnostics).flatMap {
                FieldParsing.residents($0).report(at: place.field("popolazione"), into: &diagnostics)
            }
            func fte(_ key: String) -> Fraction? {
                year.numberText(key, required: false, diagnostics: &diagnostics).flatMap { text in
                    switch DecimalParser.parseDecimal(text, maximumDecimals: 6) {
                    case .success(let value) where !value.isNegative && value <= ContributionError.maximumFTE: return value
                    case .success: diagnostics.error(place.field(key), "FTE non validi: \(text) (devono essere tra 0 e 10 milioni)")
                    case .failure(let error): diagnostics.error(place.field(key), "FTE non validi «\(text)»: \(error)")
                    }
                    return nil
                }
            }
            let forecast = fte("ftePrevisione")
            let actual = fte("fteConsuntivo")
            let certified = fte("fteCertificato")
            guard diagnostics.errorCount == errorsBefore, let yearValue, let population else { continue }
            do {
                try cycle.record(CycleYear(year: yearValue, population: population, forecastFTE: forecast, actualFTE: actual, certifiedFTE: certified))
            } catch {
                diagnostics.error(place, error.description)
            }
        }
        if diagnostics.hasErrors { throw InputError(diagnostics: diagnostics.errors) }
        return (cycle, ambito)
    }

    /// Reads the cycle file at `path`.
    public static func load(path: String, parameters: ParameterTable = .official) throws(InputError) -> (cycle: FundingCycle, ambito: Ambito?) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw InputError(SourcePlace(file: path, position: .file), "file inesistente", isUnreadable: true)
        }
        let (text, _) = try RosterLoader.decodedFile(path)
        return try read(text: text, file: path, parameters: parameters)
    }
}
