import Testing

@testable import PotenziamentoKit

/// The persons of a large report are written on several processors at once
/// (``ReportOutput/write(pieces:parts:_:)``, ``JSONWriter/elements(count:parts:_:)``): the bytes
/// are those of writing them in order, wherever the parts and the batches split them.
@Suite("Writing a large report in parallel")
struct ParallelWritingTests {
    /// A JSON document with an array of `count` elements, each an object whose members depend on
    /// its index (strings to escape, nested arrays), written in `parts` parts (nil: in order).
    static func document(count: Int, parts: Int?, sink: Bool, head: Bool) -> [UInt8] {
        var collected: [UInt8] = []
        let output =
            sink
            ? ReportOutput(chunk: 1_000) { bytes in
                collected += bytes; return true
            } : ReportOutput()
        var json = JSONWriter(output)
        json.object { json in
            json.member("prima", 1)
            json.member(array: "persone") { json in
                // An element before the parallel ones (their first one follows a comma), or none.
                if head { json.element("testa") }
                let body: @Sendable (inout JSONWriter, Int) -> Void = { json, index in
                    json.element { json in
                        json.member("id", "AS-\(index)\(index % 7 == 0 ? " \"citato\"\n" : "")")
                        json.member("fte", decimal: Fraction(BigInt(index), BigInt(7)))
                        if index % 5 == 0 { json.member(array: "vuoto") { _ in } }
                        if index % 3 == 0 {
                            json.member(array: "aree") { json in
                                json.element("a"); json.element("b")
                            }
                        }
                    }
                }
                if let parts {
                    json.elements(count: count, parts: parts, body)
                } else {
                    for index in 0..<count { body(&json, index) }
                }
                // An element after them: it follows a comma when any came before.
                json.element("coda")
            }
            json.member("dopo", "fine")
        }
        #expect(output.finish())
        return sink ? collected : output.bytes
    }

    @Test("the same bytes as writing in order, for any count, across batches, collected or flushed", arguments: [0, 1, 2, 3, 17, 70_000])
    func sameBytes(count: Int) {
        for sink in [false, true] {
            for head in [false, true] {
                let expected = Self.document(count: count, parts: nil, sink: sink, head: head)
                for parts in [1, 2, 3, 4] {
                    Self.expectSame(
                        Self.document(count: count, parts: parts, sink: sink, head: head), expected, "\(parts) parts, flushed: \(sink), head: \(head)")
                }
            }
        }
    }

    /// Compares two documents, naming the first byte that differs (a whole document in a failure
    /// message would take minutes to print).
    static func expectSame(_ bytes: [UInt8], _ expected: [UInt8], _ comment: String) {
        guard bytes != expected else { return }
        let difference = zip(bytes, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(bytes.count, expected.count)
        Issue.record("\(comment): first difference at byte \(difference) of \(expected.count)")
    }

    @Test("rows of a CSV document: the same bytes in any number of parts")
    func csvRows() {
        func rows(parts: Int?) -> String {
            ReportOutput.collecting { output in
                let csv = CSVWriter(output)
                csv.row(["id", "fte"])
                output.write(pieces: 40_000, parts: parts) { output, range in
                    let csv = CSVWriter(continuing: output)
                    for index in range { csv.row(["AS-\(index)", String(index % 13)]) }
                }
                csv.row(["TOTALE", ""])
            }
        }
        let expected = rows(parts: 1)
        #expect(expected.hasPrefix("\u{FEFF}id;fte\nAS-0;0\n") && expected.hasSuffix("AS-39999;11\nTOTALE;\n"))
        for parts in [2, 3, 4, 5] { Self.expectSame(Array(rows(parts: parts).utf8), Array(expected.utf8), "\(parts) parts") }
    }
}
