#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A strict RFC 8259 JSON pull reader over well-formed UTF-8 bytes: a decoder asks for the next
/// value of the kind it expects and reads it straight into its own types, so no tree of nodes is
/// built for a large document. Numbers are handed out as their exact text (never a binary float).
///
/// Every syntax error stops the reading with a ``JSONSyntaxError`` that carries the byte offset;
/// ``JSONReader/position(of:)`` turns it into line and column. Nesting deeper than
/// ``maximumDepth`` is an error (no stack overflow on `[[[[…`).
package struct JSONReader {
    /// The kind of the next value.
    package enum Kind: Sendable, Equatable {
        /// `{`
        case object
        /// `[`
        case array
        /// `"…"`
        case string
        /// A number.
        case number
        /// `true` or `false`.
        case bool
        /// `null`.
        case null

        /// An Italian name of the kind of value, for messages.
        package var name: String {
            switch self {
            case .object: "un oggetto"
            case .array: "un elenco"
            case .string: "un testo"
            case .number: "un numero"
            case .bool: "un valore vero/falso"
            case .null: "null"
            }
        }
    }

    /// The deepest nesting accepted.
    package static let maximumDepth = 64

    let bytes: UnsafeBufferPointer<UInt8>
    /// The offset of the next byte to read.
    package internal(set) var offset = 0
    /// The bytes not read yet.
    package var remainingCount: Int { bytes.count - offset }
    private var depth = 0
    /// Whether the current object or array has had an element (a comma is due before the next).
    /// No stack is needed: a nested value is always an element of its container, which has had
    /// one from then on, so leaving any value makes the comma due again.
    var commaDue = false

    /// Whether the memory of the bytes already read may be given back (see ``releaseReadPages(every:)``).
    private let releasesReadPages: Bool
    /// The offset below which whole pages were given back.
    var releasedUpTo = 0
    /// Where ``position(of:)`` starts counting: an offset already read, with its line and column.
    var counted = (offset: 0, line: 1, column: 1)

    /// A reader of `bytes` (valid UTF-8, which the caller checked).
    package init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        self.releasesReadPages = false
    }

    /// A reader of `bytes` (valid UTF-8) that may give the memory of what it has read back to the
    /// system with ``releaseReadPages(every:)``: the caller owns `bytes` (writable memory of its
    /// own, not shared) and never reads them again once the reader is done.
    package init(releasingReadPagesOf bytes: UnsafeMutableBufferPointer<UInt8>) {
        self.bytes = UnsafeBufferPointer(bytes)
        self.releasesReadPages = true
    }

    /// The kind of the next value, without reading it.
    package mutating func peek() throws(JSONSyntaxError) -> Kind {
        skipWhitespace()
        guard offset < bytes.count else { throw error("il documento finisce prima del previsto") }
        switch bytes[offset] {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        // What Python's json.dumps writes for a number that is not one (a trial of JSON by other programs).
        case UInt8(ascii: "N"), UInt8(ascii: "I"):
            throw error(
                "valore JSON non valido «\(character(at: offset))»: NaN e Infinity non sono JSON (li scrive Python per un numero mancante o infinito); scrivi il numero, o null se manca"
            )
        default: throw error("valore JSON non valido «\(character(at: offset))»")
        }
    }

    /// Enters the object that comes next.
    package mutating func beginObject() throws(JSONSyntaxError) {
        try expect(UInt8(ascii: "{"), "atteso un oggetto «{»")
        try enter()
    }

    /// Texts a decoder expects (the keys of an object, the codes of a field), each with its
    /// bytes: a text read that equals one of them is known by its index, with no new string made
    /// and no key compared character by character later.
    ///
    /// Immutable once made: its bytes live in memory of its own, allocated once and freed with
    /// it, so that a match is pointer arithmetic with no array access to check.
    package final class KnownTexts: @unchecked Sendable {
        /// The texts.
        package let strings: [String]
        /// Their bytes one after the other, and where each starts (one more entry: the end).
        private let bytes: UnsafeMutablePointer<UInt8>
        private let starts: UnsafeMutablePointer<Int>
        /// An open-addressing table of the texts' indices (-1: empty), placed by ``slot(of:mask:)``
        /// and probed in order: a text read finds its candidate without a search among all.
        private let slots: UnsafeMutablePointer<Int32>
        /// The number of slots minus one (a power of two minus one).
        private let mask: Int
        /// Whether each text can be recognised by comparing its bytes alone (see ``written(_:)``).
        private let recognisable: [Bool]

        /// The texts `strings`.
        package init(_ strings: [String]) {
            self.strings = strings
            let utf8 = strings.map { Array($0.utf8) }
            let total = utf8.reduce(0) { $0 + $1.count }
            bytes = .allocate(capacity: max(total, 1))
            starts = .allocate(capacity: strings.count + 1)
            var end = 0
            for (index, text) in utf8.enumerated() {
                starts[index] = end
                for byte in text {
                    bytes[end] = byte
                    end += 1
                }
            }
            starts[strings.count] = end
            // At most a quarter full, so a probe rarely goes past its first slot.
            var size = 16
            while size < 4 * strings.count { size *= 2 }
            mask = size - 1
            slots = .allocate(capacity: size)
            slots.initialize(repeating: -1, count: size)
            for (index, text) in utf8.enumerated() {
                var slot = text.withUnsafeBufferPointer { Self.slot(of: $0, mask: size - 1) }
                // A text equal to an earlier one keeps the earlier index (the first match wins).
                while slots[slot] >= 0, utf8[Int(slots[slot])] != text { slot = (slot + 1) & (size - 1) }
                if slots[slot] < 0 { slots[slot] = Int32(index) }
            }
            // A text is recognised by its bytes when a string written with those bytes between
            // quotes reads as it: no quote, backslash or control character in it, and no earlier
            // equal text (which would be the match).
            recognisable = utf8.indices.map { index in
                utf8[index].allSatisfy { $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
                    && utf8.firstIndex(of: utf8[index]) == index
            }
        }

        /// Where text `index` starts in the bytes and how long it is, when it can be recognised
        /// by comparing bytes (a predicted key or code): nil for an index out of range.
        @inline(__always)
        fileprivate func written(_ index: Int) -> (bytes: UnsafePointer<UInt8>, count: Int)? {
            guard index >= 0, index < recognisable.count, recognisable[index] else { return nil }
            return (UnsafePointer(bytes + starts[index]), starts[index &+ 1] &- starts[index])
        }

        deinit {
            bytes.deallocate()
            starts.deallocate()
            slots.deallocate()
        }

        /// Where the search for `text` starts: its length and its first and last bytes, mixed.
        @inline(__always)
        private static func slot(of text: UnsafeBufferPointer<UInt8>, mask: Int) -> Int {
            guard let first = text.first, let last = text.last else { return 0 }
            return (text.count &* 31 &+ Int(first) &* 7 &+ Int(last) &* 3) & mask
        }

        /// The index of the text among them whose bytes are `candidate`, if any.
        package func match(_ candidate: UnsafeBufferPointer<UInt8>) -> Int? {
            var slot = Self.slot(of: candidate, mask: mask)
            while slots[slot] >= 0 {
                let index = Int(slots[slot])
                let start = starts[index]
                if starts[index &+ 1] &- start == candidate.count {
                    // No address only for empty texts, which are equal.
                    guard let candidateStart = candidate.baseAddress else { return index }
                    // Codes and keys are up to 40 bytes long: memcmp compares them word by word.
                    if memcmp(bytes + start, candidateStart, candidate.count) == 0 { return index }
                }
                slot = (slot &+ 1) & mask
            }
            return nil
        }
    }

    /// A key or a string read against ``KnownTexts``: the index of the known text it equals, or its text.
    package enum TextMatch: Equatable {
        /// One of the known texts, by index.
        case known(Int)
        /// Any other text.
        case other(String)
    }

    /// The key of the next member of the current object (the reader is then at its value), or
    /// nil at the object's end (which is consumed).
    package mutating func nextKey() throws(JSONSyntaxError) -> String? {
        guard try beginKey() else { return nil }
        let key = try readString()
        try endKey(key)
        return key
    }

    /// The key of the next member of the current object matched against `known` (the reader is
    /// then at its value), or nil at the object's end (which is consumed): a decoder's usual
    /// keys are known by index, with no string made or retained. `expected` is the index of the
    /// key the decoder expects next (keys usually come in the same order): when the key is that
    /// text written plainly, it is recognised by one comparison of its bytes; any other index
    /// (out of range too) only means no guess. The result is the same either way.
    package mutating func nextKey(matching known: KnownTexts, expected: Int = -1) throws(JSONSyntaxError) -> TextMatch? {
        guard try beginKey() else { return nil }
        let key = try readString(matching: known, expected: expected)
        try endKey(
            {
                switch key {
                case .known(let index): known.strings[index]
                case .other(let text): text
                }
            }())
        return key
    }

    /// Reads a string value (the reader is at its opening quote, or whitespace before it) matched
    /// against `known`, guessing text `expected` first (see ``nextKey(matching:expected:)``).
    package mutating func readString(matching known: KnownTexts, expected: Int = -1) throws(JSONSyntaxError) -> TextMatch {
        skipWhitespace()
        if let (text, count) = known.written(expected), let base = bytes.baseAddress, offset &+ count &+ 1 < bytes.count,
            base[offset] == UInt8(ascii: "\""), base[offset &+ count &+ 1] == UInt8(ascii: "\""), memcmp(base + (offset &+ 1), text, count) == 0
        {
            offset &+= count &+ 2
            return .known(expected)
        }
        return try readString { text in known.match(text).map { .known($0) } ?? .other(String(decoding: text, as: UTF8.self)) }
    }

    /// Reads up to a key's opening quote: false at the object's end (which is consumed).
    private mutating func beginKey() throws(JSONSyntaxError) -> Bool {
        skipWhitespace()
        guard offset < bytes.count else { throw error("oggetto non chiuso: manca «}»") }
        if bytes[offset] == UInt8(ascii: "}") {
            offset += 1
            leave()
            return false
        }
        if commaDue {
            try expect(UInt8(ascii: ","), "manca una virgola tra due membri dell'oggetto (o «}»)")
            skipWhitespace()
        }
        commaDue = true
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else {
            if offset < bytes.count, isDigit(bytes[offset]) {
                throw error("attesa una chiave tra virgolette: se è un numero con la virgola decimale, in JSON si scrive con il punto (22.5)")
            }
            throw error("attesa una chiave tra virgolette")
        }
        return true
    }

    /// Reads the colon after key `key` (named in the message only when it is missing).
    private mutating func endKey(_ key: @autoclosure () -> String) throws(JSONSyntaxError) {
        skipWhitespace()
        try expect(UInt8(ascii: ":"), "mancano i due punti «:» dopo la chiave «\(key())»")
    }

    /// Enters the array that comes next.
    package mutating func beginArray() throws(JSONSyntaxError) {
        try expect(UInt8(ascii: "["), "atteso un elenco «[»")
        try enter()
    }

    /// Whether the current array has another element (the reader is then at it); at the end the
    /// array's `]` is consumed.
    package mutating func nextElement() throws(JSONSyntaxError) -> Bool {
        skipWhitespace()
        guard offset < bytes.count else { throw error("elenco non chiuso: manca «]»") }
        if bytes[offset] == UInt8(ascii: "]") {
            offset += 1
            leave()
            return false
        }
        if commaDue {
            try expect(UInt8(ascii: ","), "manca una virgola tra due elementi dell'elenco (o «]»)")
        }
        commaDue = true
        return true
    }

    /// Reads a string value.
    package mutating func readString() throws(JSONSyntaxError) -> String {
        try readString { String(decoding: $0, as: UTF8.self) }
    }

    /// Reads a string value and gives its UTF-8 to `body`, returning what `body` returns: the
    /// bytes as written in the document when the text has no escapes (the usual case: no
    /// `String` is made), else the bytes of the decoded text. A decoder reads values such as
    /// dates this way and makes a text only for a message.
    package mutating func readString<Value>(_ body: (UnsafeBufferPointer<UInt8>) -> Value) throws(JSONSyntaxError) -> Value {
        switch try readStringBytes() {
        case .written(let range): body(UnsafeBufferPointer(rebasing: bytes[range]))
        case .decoded(let utf8): utf8.withUnsafeBufferPointer(body)
        }
    }

    /// Where a string value's text is: its bytes in the document (no escapes), or decoded.
    private enum StringBytes {
        case written(Range<Int>)
        case decoded([UInt8])
    }

    /// Reads a string value (the one place of the string grammar and its escapes).
    private mutating func readStringBytes() throws(JSONSyntaxError) -> StringBytes {
        skipWhitespace()
        try expect(UInt8(ascii: "\""), "atteso un testo tra virgolette")
        let start = offset
        skipPlainText()
        // The usual case: no escapes, taken as it is.
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                offset += 1
                return .written(start..<(offset - 1))
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw error("carattere di controllo non ammesso in un testo (scrivilo come \\u00XX)") }
            offset += 1
        }
        var result = Array(UnsafeBufferPointer(rebasing: bytes[start..<offset]))
        while offset < bytes.count {
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: "\""):
                offset += 1
                return .decoded(result)
            case UInt8(ascii: "\\"):
                offset += 1
                guard offset < bytes.count else { break }
                let escape = bytes[offset]
                offset += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): result.append(escape)
                case UInt8(ascii: "b"): result.append(0x08)
                case UInt8(ascii: "f"): result.append(0x0C)
                case UInt8(ascii: "n"): result.append(0x0A)
                case UInt8(ascii: "r"): result.append(0x0D)
                case UInt8(ascii: "t"): result.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hexQuad()
                    if (0xD800...0xDBFF).contains(scalar) {
                        guard offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u") else {
                            throw error("surrogato \\u senza la sua seconda metà")
                        }
                        offset += 2
                        let low = try hexQuad()
                        guard (0xDC00...0xDFFF).contains(low) else { throw error("surrogato \\u non valido") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(scalar) {
                        throw error("surrogato \\u non valido")
                    }
                    guard let value = Unicode.Scalar(scalar) else { throw error("carattere \\u non valido") }
                    result.append(contentsOf: Array(String(Character(value)).utf8))
                default:
                    throw error("sequenza di escape non valida «\\\(character(at: offset - 1))»")
                }
            default:
                if byte < 0x20 { throw error("carattere di controllo non ammesso in un testo (scrivilo come \\u00XX)") }
                result.append(byte)
                offset += 1
            }
        }
        throw error("testo non chiuso: mancano le virgolette finali")
    }

    /// Reads a number, checked against the JSON grammar, as its exact text.
    package mutating func readNumber() throws(JSONSyntaxError) -> String {
        skipWhitespace()
        let start = offset
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "-") { offset += 1 }
        guard offset < bytes.count, isDigit(bytes[offset]) else { throw error("numero non valido") }
        if bytes[offset] == UInt8(ascii: "0") {
            offset += 1
            if offset < bytes.count, isDigit(bytes[offset]) { throw error("un numero JSON non può iniziare con 0 seguito da altre cifre") }
        } else {
            while offset < bytes.count, isDigit(bytes[offset]) { offset += 1 }
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
            offset += 1
            guard offset < bytes.count, isDigit(bytes[offset]) else { throw error("servono cifre dopo il punto decimale") }
            while offset < bytes.count, isDigit(bytes[offset]) { offset += 1 }
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "e") || bytes[offset] == UInt8(ascii: "E") {
            offset += 1
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") { offset += 1 }
            guard offset < bytes.count, isDigit(bytes[offset]) else { throw error("esponente non valido") }
            while offset < bytes.count, isDigit(bytes[offset]) { offset += 1 }
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: ",") || isDelimiterOrSpace(bytes[offset]) {
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
        }
        guard offset >= bytes.count else {
            throw error(
                bytes[offset] == UInt8(ascii: ",")
                    ? "numero non valido" : "numero non valido: «\(character(at: offset))» dopo le cifre (la virgola decimale in JSON è il punto: 22.5)")
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
    }

    /// Reads `true` or `false`.
    package mutating func readBool() throws(JSONSyntaxError) -> Bool {
        skipWhitespace()
        if matches("true") { return true }
        if matches("false") { return false }
        throw error("atteso true o false")
    }

    /// Reads `null`.
    package mutating func readNull() throws(JSONSyntaxError) {
        skipWhitespace()
        guard matches("null") else { throw error("atteso null") }
    }

    /// Reads and discards the next value, whatever it is (checking its syntax).
    package mutating func skipValue() throws(JSONSyntaxError) {
        switch try peek() {
        case .object:
            try beginObject()
            while try nextKey() != nil { try skipValue() }
        case .array:
            try beginArray()
            while try nextElement() { try skipValue() }
        case .string: _ = try readStringBytes()
        case .number: _ = try readNumber()
        case .bool: _ = try readBool()
        case .null: try readNull()
        }
    }

    /// Checks that nothing but whitespace follows the document.
    package mutating func finish() throws(JSONSyntaxError) {
        skipWhitespace()
        guard offset >= bytes.count else { throw error("testo dopo la fine del documento JSON") }
    }

    /// Line and column (1-based, columns in characters) of byte `offset` (not before the last
    /// ``releaseReadPages(every:)``: errors are at or after the current offset).
    package func position(of offset: Int) -> (line: Int, column: Int) {
        TextDecoding.position(of: offset, in: bytes, from: offset >= counted.offset ? counted : (0, 1, 1))
    }

    /// Gives the whole memory pages of the bytes read so far back to the system once at least
    /// `step` bytes were read since the last time: reading a large document then holds only the
    /// part not read yet, next to what was built from it (docs/benchmark.md, «Fourth pass»). The
    /// line and column of the current offset are counted first, so ``position(of:)`` stays exact.
    /// Does nothing for a reader made with ``init(_:)``, and on systems other than Linux (where
    /// `madvise(MADV_DONTNEED)` is what frees anonymous pages at once).
    package mutating func releaseReadPages(every step: Int) {
        guard releasesReadPages, offset - counted.offset >= step else { return }
        let (line, column) = position(of: offset)
        counted = (offset, line, column)
        #if os(Linux)
            guard let base = bytes.baseAddress else { return }
            let page = Int(getpagesize())
            let address = Int(bitPattern: base)
            // Whole pages only, from the first page boundary at or after the bytes' start.
            let first = (address + releasedUpTo + page - 1) / page * page
            let last = (address + offset) / page * page
            guard last > first, let start = UnsafeMutableRawPointer(bitPattern: first) else { return }
            if madvise(start, last - first, MADV_DONTNEED) == 0 { releasedUpTo = last - address }
        #endif
    }

    // MARK: Helpers

    private mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        guard depth <= Self.maximumDepth else { throw error("annidamento oltre \(Self.maximumDepth) livelli") }
        commaDue = false
    }

    private mutating func leave() {
        depth -= 1
        commaDue = true
    }

    mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x09, 0x0A, 0x0D: offset += 1
            default: return
            }
        }
    }

    /// Moves over the bytes of a string that need no look (not `"`, `\\`, or a control character),
    /// eight at a time: the byte loop of ``readString(_:)`` then starts at the first that does.
    /// Each kind is found exactly (``ByteWords``).
    mutating func skipPlainText() {
        guard let base = bytes.baseAddress else { return }
        while offset + 8 <= bytes.count {
            let word = ByteWords.load(base + offset)
            let found = ByteWords.equal(word, UInt8(ascii: "\"")) | ByteWords.equal(word, UInt8(ascii: "\\")) | ByteWords.control(word)
            if found != 0 {
                offset += found.trailingZeroBitCount >> 3
                return
            }
            offset += 8
        }
    }

    /// Consumes `byte`, or throws `message` (built only then: it may name the data).
    private mutating func expect(_ byte: UInt8, _ message: @autoclosure () -> String) throws(JSONSyntaxError) {
        guard offset < bytes.count, bytes[offset] == byte else { throw error(message()) }
        offset += 1
    }

    private mutating func matches(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard offset + count <= bytes.count else { return false }
        let pointer = word.utf8Start
        for index in 0..<count where bytes[offset + index] != pointer[index] { return false }
        let after = offset + count
        guard after >= bytes.count || isDelimiterOrSpace(bytes[after]) || bytes[after] == UInt8(ascii: ",") else { return false }
        offset = after
        return true
    }

    private mutating func hexQuad() throws(JSONSyntaxError) -> UInt32 {
        guard offset + 4 <= bytes.count else { throw error("sequenza \\u incompleta") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[offset]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw error("sequenza \\u non valida")
            }
            value = value << 4 | digit
            offset += 1
        }
        return value
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private func isDelimiterOrSpace(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: ":"): true
        default: false
        }
    }

    /// The character at `offset`, for messages (a byte that starts a UTF-8 sequence shows it whole).
    private func character(at offset: Int) -> String {
        guard offset < bytes.count else { return "fine del file" }
        var end = offset + 1
        while end < bytes.count, end < offset + 4, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<end]), as: UTF8.self)
    }

    private func error(_ message: String) -> JSONSyntaxError { JSONSyntaxError(message: message, offset: offset) }
}

/// Where and why a document is not valid JSON.
package struct JSONSyntaxError: Error, Sendable, Equatable {
    /// What is wrong (Italian).
    package let message: String
    /// The byte offset where the reader stopped.
    package let offset: Int

    /// The error `message` at byte `offset`.
    package init(message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }
}
