/// The report of `potenziamento valida --formato json` (`potenziamento.validazione.v1`): every
/// error and warning with its stable code, place and message.
package enum ValidationReport {
    /// The document's `formato`.
    static let format = "potenziamento.validazione.v1"

    /// The document for `input`; `year` the year whose computation was checked too (`anno`, null
    /// when none was: the warnings of a year, such as persons without areas, were not looked for).
    package static func json(path: String, year: Int? = nil, errors: [InputDiagnostic], warnings: [InputDiagnostic]) -> String {
        ReportOutput.collecting { output in
            var json = JSONWriter(output)
            json.object { json in
                json.member("formato", Self.format)
                json.member("input", path)
                if let year { json.member("anno", year) } else { json.member(null: "anno") }
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
