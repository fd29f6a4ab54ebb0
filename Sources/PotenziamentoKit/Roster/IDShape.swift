/// The shape of a person id: its runs of letters and of digits, with the marks between them
/// (hyphens and dashes, spaces, dots, slashes) and the leading zeros of numbers left out.
///
/// `AS-008`, `AS–008`, `as 8` and `AS008` have one shape: two ids of one shape are most likely
/// one person written twice, a copy of a row with its id retyped, and would count twice. The
/// roster warns of them (``DiagnosticCode/idSimile``, docs/regole.md §3, «Id simili»); ids of
/// one shape stay two persons, as written.
enum IDShape {
    /// The hash of `id`'s shape: equal for ids of one shape.
    static func hash(_ id: PersonID) -> Int {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        forEachPart(of: id) { hash = (hash ^ UInt64($0)) &* 0x100_0000_01B3 }
        return Int(truncatingIfNeeded: hash)
    }

    /// Whether `first` and `second` have one shape.
    static func same(_ first: PersonID, _ second: PersonID) -> Bool {
        var (firstShape, secondShape) = ([UInt32](), [UInt32]())
        forEachPart(of: first) { firstShape.append($0) }
        forEachPart(of: second) { secondShape.append($0) }
        return firstShape == secondShape
    }

    /// Calls `body` with each part of `id`'s shape, read from its comparable form (lower-cased):
    /// the scalar value of each letter (past ASCII, what Unicode calls alphabetic), each number's
    /// digits without its leading zeros (`0` for zeros only), a 0 between two runs. Any other
    /// character (hyphens and dashes of every kind, spaces, dots) ends a run.
    private static func forEachPart(of id: PersonID, _ body: (UInt32) -> Void) {
        enum Run { case none, letters, zeros, digits }
        var run = Run.none
        var anyRun = false
        var key = id.key
        key.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                // One scalar from its UTF-8 (valid: a Swift string's), its letters told by Unicode past ASCII.
                var value = UInt32(bytes[index])
                index += 1
                var isLetter = value >= 0x61 && value <= 0x7A
                if value >= 0x80 {
                    let length = value >= 0xF0 ? 4 : value >= 0xE0 ? 3 : 2
                    value &= length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F
                    for _ in 1..<length where index < bytes.count {
                        value = value << 6 | UInt32(bytes[index] & 0x3F)
                        index += 1
                    }
                    isLetter = Unicode.Scalar(value)?.properties.isAlphabetic ?? false
                }
                if value >= 0x30 && value <= 0x39 {
                    if run != .zeros && run != .digits {
                        if anyRun { body(0) }
                        (run, anyRun) = (.zeros, true)
                    }
                    if run == .zeros {
                        if value == 0x30 { continue }
                        run = .digits
                    }
                    body(value)
                } else {
                    if run == .zeros { body(0x30) }
                    if isLetter {
                        if run != .letters {
                            if anyRun { body(0) }
                            (run, anyRun) = (.letters, true)
                        }
                        body(value)
                    } else {
                        run = .none
                    }
                }
            }
        }
        if run == .zeros { body(0x30) }
    }
}
