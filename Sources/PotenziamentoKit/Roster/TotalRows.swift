/// The row of totals a spreadsheet user adds at the bottom of a list (`Totale`, `TOTALE AMBITO`):
/// read as one more comune or ATS it would count every resident twice (docs/regole.md §4), so
/// such a row is an error that asks to delete it; the program makes its own totals.
package enum TotalRows {
    /// Whether `label` (a code or a name) begins with the word of a total row: `totale`, `totali`,
    /// `tot`, `tot.`, `total` (any case), alone or followed by more words. (Not `somma`: Somma
    /// Lombardo and Somma Vesuviana are comuni.)
    package static func isTotal(_ label: String) -> Bool {
        let firstWord = label.trimmingSpaces.lowercased().prefix { $0.isLetter || $0 == "." }
        return ["totale", "totali", "tot", "tot.", "total"].contains(String(firstWord))
    }
}
