/// The shape of a person id: its runs of letters and of digits, with the signs between them
/// (hyphens and dashes, spaces, dots, slashes, any other), the accents of letters and the
/// leading zeros of numbers left out; a digit of another script counts as its number.
///
/// `AS-008`, `AS–008`, `as 8` and `AS008` have one shape, and so have `Nicolò 5` and
/// `Nicolo 5`; `De Luca` and `DeLuca` do not (two runs of letters, and one). Two ids of one
/// shape are most likely one person written twice, a copy of a row with its id retyped, and
/// would count twice. The roster warns of them (``DiagnosticCode/idSimile``, docs/regole.md §3,
/// «Id simili»); ids of one shape stay two persons, as written.
package enum IDShape {
    /// The hash of `id`'s shape: equal for ids of one shape.
    package static func hash(_ id: PersonID) -> Int {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        forEachPart(of: id) { hash = (hash ^ UInt64($0)) &* 0x100_0000_01B3 }
        return Int(truncatingIfNeeded: hash)
    }

    /// Whether `first` and `second` have one shape.
    package static func same(_ first: PersonID, _ second: PersonID) -> Bool {
        var (firstShape, secondShape) = ([UInt32](), [UInt32]())
        forEachPart(of: first) { firstShape.append($0) }
        forEachPart(of: second) { secondShape.append($0) }
        return firstShape == secondShape
    }

    /// The hash of the shape of an ATS code (case, signs and leading zeros left out), or of the
    /// code as written when it is no id: the one comparison of ATS codes, in a batch and in a
    /// national table (`ATS-01`, `ats 1` and `ATS–001` are one code retyped).
    package static func codeHash(_ code: String) -> Int {
        (try? PersonID(code)).map(hash) ?? code.hashValue
    }

    /// Whether two ATS codes are one code retyped (one shape), or the same text.
    package static func sameCode(_ first: String, _ second: String) -> Bool {
        guard first != second else { return true }
        guard let first = try? PersonID(first), let second = try? PersonID(second) else { return false }
        return same(first, second)
    }

    /// Calls `body` with each part of `id`'s shape, read from its comparable form (lower-cased):
    /// the scalar value of each letter (past ASCII, what Unicode calls alphabetic; an accented
    /// Latin letter as its base letter, a combining accent left out), each number's digits
    /// without its leading zeros (`0` for zeros only; a decimal digit of any script as its
    /// value), a 0 between two runs. Any other character (hyphens and dashes of every kind,
    /// spaces, dots) ends a run.
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
                    guard let scalar = Unicode.Scalar(value) else { continue }
                    let properties = scalar.properties
                    // The accent of a letter written decomposed (`o` + U+0300) is no part of the shape.
                    if properties.generalCategory == .nonspacingMark { continue }
                    if properties.numericType == .decimal, let digit = properties.numericValue {
                        // A digit of another script (a full-width ８) is its number.
                        value = 0x30 + UInt32(digit)
                    } else if let base = Self.unaccented(scalar) {
                        (value, isLetter) = (base, true)
                    } else {
                        isLetter = properties.isAlphabetic
                    }
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

    /// The letter without its accent, for the accented lower-case Latin letters of Italian and
    /// its neighbours (`ò` → `o`): `Nicolò` and `Nicolo`, however the `ò` is written, are one shape.
    private static func unaccented(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar {
        case "à", "á", "â", "ä", "ã", "å": UInt32(UInt8(ascii: "a"))
        case "è", "é", "ê", "ë": UInt32(UInt8(ascii: "e"))
        case "ì", "í", "î", "ï": UInt32(UInt8(ascii: "i"))
        case "ò", "ó", "ô", "ö", "õ": UInt32(UInt8(ascii: "o"))
        case "ù", "ú", "û", "ü": UInt32(UInt8(ascii: "u"))
        case "ñ": UInt32(UInt8(ascii: "n"))
        case "ç": UInt32(UInt8(ascii: "c"))
        default: nil
        }
    }
}
