/// Reads a `potenziamento.ciclo.v1` document (docs/formati.md): an optional ambito and, per year,
/// the population and the FTE of the steps reached (`ftePrevisione`, `fteConsuntivo`,
/// `fteCertificato`).
package enum CycleReader {
    /// The format identifier.
    package static let format = "potenziamento.ciclo.v1"

    /// The cycle of a file read by the command.
    package struct Loaded: Sendable {
        /// The cycle.
        package let cycle: FundingCycle
        /// The ATS, if the document names it.
        package let ambito: Ambito?
        /// Warnings (encoding).
        package let warnings: [InputDiagnostic]
    }

    /// Reads the cycle file at `path`.
    ///
    /// - Throws: ``InputError`` listing every problem with its JSON path.
    package static func load(path: String, parameters: ParameterTable = .official) throws(InputError) -> Loaded {
        let bytes = try InputFile.bytes(path)
        let (text, _) = try InputFile.text(bytes, file: path, allowsWindows1252: false)
        return try read(utf8: text.utf8Bytes, file: path, parameters: parameters)
    }

    static func read(utf8 bytes: [UInt8], file: String, parameters: ParameterTable) throws(InputError) -> Loaded {
        var diagnostics = Diagnostics()
        let root = SourcePlace(file: file, position: .json(.root))
        let document = try JSONDocument.parse(bytes, file: file)
        guard let fields = JSONFields(document, place: root, allowed: ["formato", "ambito", "anni"], diagnostics: &diagnostics) else {
            throw InputError(diagnostics)
        }
        if let found = fields.string("formato", required: true, diagnostics: &diagnostics), found != format {
            diagnostics.error(.formatoDocumento, root.field("formato"), "formato «\(found)» non riconosciuto: atteso «\(format)»")
        }
        var ambito: Ambito?
        if let node = fields.node("ambito", required: false, diagnostics: &diagnostics),
            let object = JSONFields(node, place: root.field("ambito"), allowed: ["codice", "denominazione", "regione", "funzioniDelegateAlCapofila"], diagnostics: &diagnostics)
        {
            let code = object.string("codice", required: true, diagnostics: &diagnostics)
            let name = object.string("denominazione", required: true, diagnostics: &diagnostics)
            let region = object.string("regione", required: false, diagnostics: &diagnostics)
            if let code, let name {
                ambito = diagnostics.value(at: root.field("ambito")) { () throws(InvalidValue) in try Ambito(code: code, name: name, region: region) }
            }
        }
        var cycle = FundingCycle(parameters: parameters)
        let years = fields.array("anni", required: true, diagnostics: &diagnostics)
        if years.isEmpty && !diagnostics.hasErrors { diagnostics.error(.nessunDato, root.field("anni"), "nessun anno indicato") }
        for (index, node) in years.enumerated() {
            let place = root.field("anni").element(index)
            guard
                let year = JSONFields(
                    node, place: place, allowed: ["anno", "popolazione", "ftePrevisione", "fteConsuntivo", "fteCertificato"], diagnostics: &diagnostics)
            else { continue }
            let errorsBefore = diagnostics.errorCount
            let yearValue = year.numberText("anno", required: true, diagnostics: &diagnostics).flatMap { text in
                diagnostics.value(at: place.field("anno")) { () throws(InvalidValue) in try FieldParsing.year(text) }
            }
            let population = year.numberText("popolazione", required: true, diagnostics: &diagnostics).flatMap { text in
                diagnostics.value(at: place.field("popolazione")) { () throws(InvalidValue) in try FieldParsing.residents(text) }
            }
            func fte(_ key: String) -> Fraction? {
                year.numberText(key, required: false, diagnostics: &diagnostics).flatMap { text in
                    diagnostics.value(at: place.field(key)) { () throws(InvalidValue) in try FieldParsing.fte(text) }
                }
            }
            let forecast = fte("ftePrevisione")
            let actual = fte("fteConsuntivo")
            let certified = fte("fteCertificato")
            guard diagnostics.errorCount == errorsBefore, let yearValue, let population else { continue }
            do {
                try cycle.record(CycleYear(year: yearValue, population: population, forecastFTE: forecast, actualFTE: actual, certifiedFTE: certified))
            } catch {
                diagnostics.error(.fuoriMisura, place, error.description)
            }
        }
        if diagnostics.hasErrors { throw InputError(diagnostics) }
        return Loaded(cycle: cycle, ambito: ambito, warnings: diagnostics.warnings)
    }
}
