/// The list of legal parameters (`potenziamento parametri`): every value with its first year and
/// its legal reference.
enum ParameterReport {
    /// The document's `formato`.
    static let format = "potenziamento.parametri.v1"

    /// The document as JSON (`potenziamento.parametri.v1`).
    static func json(_ table: ParameterTable, to output: ReportOutput) {
        var json = JSONWriter(output)
        json.object { json in
            json.member("formato", Self.format)
            json.member(array: "parametri") { json in
                for name in ParameterName.allCases {
                    json.element { json in
                        json.member("nome", name.rawValue)
                        json.member("descrizione", name.label)
                        json.member("unita", name.unit.rawValue)
                        json.member(array: "valori") { json in
                            for value in table.history(of: name).values {
                                json.element { json in
                                    json.member("dal", value.fromYear)
                                    json.member("valore", value.value.description)
                                    json.member("riferimento", value.reference.citation)
                                    json.member("url", value.reference.url)
                                    json.member("nota", value.reference.note)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The document as a Markdown table.
    static func markdown(_ table: ParameterTable, to output: ReportOutput) {
        output.line("# Parametri di legge")
        output.line()
        output.line("| parametro | dal | valore | riferimento |")
        output.line("|---|---|---|---|")
        for name in ParameterName.allCases {
            for value in table.history(of: name).values {
                output.line("| `\(name.rawValue)` — \(name.label) | \(value.fromYear) | \(value.value) | \(CellEscaping.markdown(value.reference.citation)) |")
            }
        }
    }

    /// The document as Italian text.
    static func text(_ table: ParameterTable, to output: ReportOutput) {
        output.line("Parametri della misura (L. 178/2020, art. 1, commi 797-804)")
        output.line()
        for name in ParameterName.allCases {
            output.line("\(name.rawValue) — \(name.label) [\(name.unit.label)]")
            for value in table.history(of: name).values {
                output.line("  dal \(value.fromYear): \(value.value)    \(value.reference.citation)")
                if let note = value.reference.note { output.line("      \(note)") }
                if let url = value.reference.url { output.line("      \(url)") }
            }
            output.line()
        }
    }
}
