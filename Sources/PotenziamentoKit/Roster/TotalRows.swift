/// The row of totals a spreadsheet user adds at the bottom of a list (`Totale`, `TOTALE AMBITO`):
/// read as one more comune or ATS it would count every resident twice (docs/regole.md §4), so
/// such a row is an error that asks to delete it; the program makes its own totals.
package enum TotalRows {
    /// The first words of a total row, lower-cased, each packed in an integer (one byte a letter).
    private static let words: [UInt64] = ["totale", "totali", "total", "tot", "tot."].map { $0.utf8.reduce(0) { $0 << 8 | UInt64($1) } }

    /// Whether `label` (a code or a name) begins with the word of a total row: `totale`, `totali`,
    /// `tot`, `tot.`, `total` (any case), alone or followed by more words. (Not `somma`: Somma
    /// Lombardo and Somma Vesuviana are comuni.) Read on the bytes, the word packed in an
    /// integer: every comune passes here.
    ///
    /// With `abbreviated` false only the whole words count (`totale`, `totali`, `total`): for a
    /// person's id, where `Tot` is a surname, and for the other cells of a row without an id.
    package static func isTotal(_ label: String, abbreviated: Bool = true) -> Bool {
        var label = label
        // `tot` and `tot.` are the last two words.
        let isWord = { (word: UInt64) in abbreviated ? words.contains(word) : words.dropLast(2).contains(word) }
        return label.withUTF8 { bytes in
            var index = 0
            while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == 0x09 { index += 1 }  // leading spaces
            // Every word starts with a «t»: any other label (every id and comune read) stops here.
            guard index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "t") else { return false }
            var word: UInt64 = 0
            var length = 0
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "."):
                    guard length < 6 else { return false }  // longer than any of the words
                    word = word << 8 | UInt64(byte == UInt8(ascii: ".") ? byte : byte | 0x20)
                    length += 1
                case 0x80...: return false  // a letter beyond ASCII: a word none of the listed ones is (`Totalità`)
                default: return isWord(word)  // the end of the first word
                }
                index += 1
            }
            return isWord(word)
        }
    }

    /// The first cell of `row` in `table` whose text is the label of a row of totals (whole
    /// words only, ``isTotal(_:abbreviated:)``), with its column: a row a spreadsheet user added
    /// under a plan or a cycle to sum it (an officer's trial: «tipo di modifica non valido
    /// «totale»», «anno non valido «Totale»»).
    static func label(in table: some CellTable, row: Int) -> (column: Int, text: String)? {
        for column in table.header.written.indices {
            let text = table.text(row, column).trimmingSpaces
            if isTotal(text, abbreviated: false) { return (column, text) }
        }
        return nil
    }

    /// The error of a row of totals labelled `label` under a list of `what` (`modifiche`, `anni`).
    static func rowError(_ label: String, of what: String) -> InvalidValue {
        InvalidValue(
            .rigaDiTotale, "«\(TextSafety.shortened(label))» sembra una riga di totale, non una riga di \(what): cancellala (il programma fa da sé le somme)")
    }

    /// The positions of the figures that equal all the others together (`counts[i] × 2` is the
    /// sum): a row of totals under a name no word marks (`Somma`, `Complessivo`, a bare code),
    /// which counts everything twice. Only with at least three figures (of two equal ones each
    /// is the other); each figure up to 100 million and at most 10.000 of them (``Bounds``), so
    /// the sum fits in 64 bits.
    package static func sumPositions(_ counts: [Int]) -> [Int] {
        guard counts.count >= 3 else { return [] }
        let total = counts.reduce(0, +)
        return counts.indices.filter { counts[$0] * 2 == total }
    }
}
