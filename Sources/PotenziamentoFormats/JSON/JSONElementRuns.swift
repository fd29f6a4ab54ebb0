/// A run of consecutive elements of an array, for a reader of its own to read while other readers
/// read the other runs (see ``JSONReader/elementRuns(parts:minimumBytes:firstPart:)``).
package struct JSONElementRun: Sendable, Equatable {
    /// Where the run starts: the comma before its first element, or (the first run) where the
    /// reader stood, just inside the array.
    package let start: Int
    /// The index of its first element in the array.
    package let firstIndex: Int
    /// The comma after its last element (where the next run starts); nil for the last run, which
    /// ends with the array.
    package let end: Int?
    /// The line and column of `start` (for the positions of errors in the run).
    fileprivate let line: Int
    fileprivate let column: Int
}

extension JSONReader {
    /// Splits the rest of the array being read (the reader just inside its `[`, before its first
    /// element) into at most `parts` runs of about equal length, so that readers made with
    /// ``reader(for:)`` read them at the same time: the array's bytes are scanned once for their
    /// structure (strings, nesting, the commas between elements, line ends) up to the start of
    /// the last run.
    ///
    /// Nil when parallel reading would not pay or the structure is not plain: fewer than
    /// `minimumBytes` bytes left, an array that ends (or a document that stops) before the last
    /// run. The caller then reads the array as usual, and reports what is wrong as usual.
    ///
    /// Each run's reader is in the state a reader of the whole array would be in at the run's
    /// start (a comma due, same depth, line and column known): for bytes that are JSON up to
    /// there, both read the same elements; at the first byte that is not, both stop with the same
    /// error.
    ///
    /// The first run is about `firstPart` bytes long when given (a reader that starts on it
    /// before the scan ends); the others share the rest evenly.
    package func elementRuns(parts: Int, minimumBytes: Int, firstPart: Int? = nil) -> [JSONElementRun]? {
        guard parts > 1, let base = bytes.baseAddress, bytes.count - offset >= minimumBytes else { return nil }
        let start = offset
        let first = min(firstPart ?? (bytes.count - start) / parts, bytes.count - start)
        let step = (bytes.count - start - first) / (parts - 1)
        let (startLine, startColumn) = position(of: start)
        var runs = [JSONElementRun(start: start, firstIndex: 0, end: nil, line: startLine, column: startColumn)]
        var depth = 0
        var elements = 0
        var line = startLine
        var lineStart: Int?
        let count = bytes.count
        var index = start
        /// The column of byte `offset` of the current line.
        func column(at offset: Int) -> Int {
            if let lineStart { return 1 + TextDecoding.count(in: UnsafeBufferPointer(rebasing: bytes[lineStart..<offset]), lineEnds: false) }
            return startColumn + TextDecoding.count(in: UnsafeBufferPointer(rebasing: bytes[start..<offset]), lineEnds: false)
        }
        return Self.structuralBytes.withUnsafeBufferPointer { kinds -> [JSONElementRun]? in
            while index < count {
                let kind = kinds[Int(base[index])]
                if kind == 0 {
                    index &+= 1
                    continue
                }
                switch kind {
                case 1:
                    // A string: plain bytes eight at a time, then escapes, line ends and its end.
                    index &+= 1
                    while true {
                        while index &+ 8 <= count {
                            let word = ByteWords.load(base + index)
                            let found = ByteWords.equal(word, UInt8(ascii: "\"")) | ByteWords.equal(word, UInt8(ascii: "\\")) | ByteWords.control(word)
                            if found != 0 {
                                index &+= found.trailingZeroBitCount >> 3
                                break
                            }
                            index &+= 8
                        }
                        guard index < count else { return nil }
                        let inner = base[index]
                        if inner == UInt8(ascii: "\"") { break }
                        if inner == UInt8(ascii: "\\") {
                            index &+= 2
                            continue
                        }
                        if inner == 0x0A {
                            line &+= 1
                            lineStart = index &+ 1
                        }
                        index &+= 1
                    }
                case 2: depth &+= 1
                case 3:
                    // The array ends before its last run would start: read it as a whole.
                    if depth == 0 { return nil }
                    depth &-= 1
                case 4:
                    guard depth == 0 else { break }
                    elements &+= 1
                    guard index >= start + first + (runs.count - 1) * step else { break }
                    runs.append(JSONElementRun(start: index, firstIndex: elements, end: nil, line: line, column: column(at: index)))
                    if runs.count == parts {
                        return runs.indices.map { position in
                            let run = runs[position]
                            return JSONElementRun(
                                start: run.start, firstIndex: run.firstIndex, end: position + 1 < runs.count ? runs[position + 1].start : nil, line: run.line,
                                column: run.column)
                        }
                    }
                default:
                    line &+= 1
                    lineStart = index &+ 1
                }
                index &+= 1
            }
            return nil
        }
    }

    /// What each byte is to ``elementRuns(parts:minimumBytes:firstPart:)``: 0 nothing to note, 1 a quote, 2 an
    /// opening bracket, 3 a closing one, 4 a comma, 5 a line end.
    private static let structuralBytes: [UInt8] = (0..<256).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "\""): 1
        case UInt8(ascii: "["), UInt8(ascii: "{"): 2
        case UInt8(ascii: "]"), UInt8(ascii: "}"): 3
        case UInt8(ascii: ","): 4
        case 0x0A: 5
        default: 0
        }
    }

    /// A reader of the same bytes at the start of `run` (one of this reader's
    /// ``elementRuns(parts:minimumBytes:firstPart:)``), in the state this reader would be in there. It
    /// gives back the memory of the pages it reads only after its run's first 64 bytes.
    package func reader(for run: JSONElementRun) -> JSONReader {
        var reader = self
        reader.offset = run.start
        reader.commaDue = run.firstIndex > 0
        reader.counted = (run.start, run.line, run.column)
        // Not the page of the run's comma, nor of the bytes just after it: the run before reads
        // the comma to know it has ended, and may look a little past it (a word of a string
        // read eight bytes at a time, a guessed key or code compared whole: under 64 bytes).
        reader.releasedUpTo = max(releasedUpTo, run.start + 64)
        return reader
    }

    /// Whether the next byte after whitespace is at `offset`, the end of a run (the whitespace is
    /// read).
    package mutating func isAt(_ offset: Int) -> Bool {
        skipWhitespace()
        return self.offset == offset
    }

    /// Goes on from where `other`, a reader made from this one by ``reader(for:)``, stopped: its
    /// offset, nesting, line count and pages given back.
    package mutating func resume(from other: JSONReader) {
        self = other
    }
}
