/// The report of `potenziamento valida --formato json` (`potenziamento.validazione.v1`): every
/// error and warning with its stable code, place and message.
package enum ValidationReport {
    /// The document for `input`.
    package static func json(path: String, errors: [InputDiagnostic], warnings: [InputDiagnostic]) -> String {
        ReportOutput.collecting { output in
            var json = JSONWriter(output)
            json.object { json in
                json.member("formato", "potenziamento.validazione.v1")
                json.member("input", path)
                json.member("valido", errors.isEmpty)
                json.member(array: "errori") { json in diagnostics(errors, into: &json) }
                json.member(array: "avvisi") { json in diagnostics(warnings, into: &json) }
            }
        }
    }

    static func diagnostics(_ list: [InputDiagnostic], into json: inout JSONWriter) {
        for diagnostic in list {
            json.element { json in
                json.member("codice", diagnostic.code.rawValue)
                json.member("posizione", diagnostic.place.description)
                json.member("messaggio", diagnostic.message)
            }
        }
    }
}
