/// The list of legal parameters (`potenziamento parametri`): every value with its first year and
/// its legal reference.
public enum ParameterReport {
    /// Renders `table` as `testo`, `json` or `markdown`.
    public static func render(_ table: ParameterTable, format: String) -> String {
        let names = ParameterName.allCases
        switch format {
        case "json":
            return JSONValue.object([
                ("formato", .string("potenziamento.parametri.v1")),
                (
                    "parametri",
                    .array(
                        names.map { name in
                            .object([
                                ("nome", .string(name.rawValue)),
                                ("descrizione", .string(name.label)),
                                ("unita", .string(name.unit.rawValue)),
                                (
                                    "valori",
                                    .array(
                                        table.history(of: name).values.map { value in
                                            .object([
                                                ("dal", .integer(value.fromYear)),
                                                ("valore", .string(value.value.description)),
                                                ("riferimento", .string(value.reference.citation)),
                                                ("url", value.reference.url.map { .string($0) } ?? .null),
                                                ("nota", value.reference.note.map { .string($0) } ?? .null),
                                            ])
                                        })
                                ),
                            ])
                        })
                ),
            ]).rendered()
        case "markdown":
            var lines = ["# Parametri di legge", "", "| parametro | dal | valore | riferimento |", "|---|---|---|---|"]
            for name in names {
                for value in table.history(of: name).values {
                    lines.append("| `\(name.rawValue)` — \(name.label) | \(value.fromYear) | \(value.value) | \(value.reference.citation) |")
                }
            }
            return lines.joined(separator: "\n") + "\n"
        default:
            var lines = ["Parametri della misura (L. 178/2020, art. 1, commi 797-804)", ""]
            for name in names {
                lines.append("\(name.rawValue) — \(name.label) [\(name.unit.label)]")
                for value in table.history(of: name).values {
                    lines.append("  dal \(value.fromYear): \(value.value)    \(value.reference.citation)")
                    if let note = value.reference.note { lines.append("      \(note)") }
                    if let url = value.reference.url { lines.append("      \(url)") }
                }
                lines.append("")
            }
            return lines.joined(separator: "\n")
        }
    }
}
