/// The position of each comune of an assessment by its ISTAT code, the first one when a code
/// repeats: how a record employed by a comune finds it (the split among comuni, docs/regole.md
/// §7, and the entities of the prospetto, §5).
///
/// Most ATS have a few comuni, and comparing a record's code with a few short codes costs less
/// than hashing it: up to ``linearLimit`` codes are compared one by one. A longer list (an ATS
/// of up to a hundred comuni) is looked up in a table of the codes as integers (a code of up to 7
/// bytes, as every ISTAT code is, is one integer: no text hashed per record); a list with a longer
/// code, which a valid roster does not have, in a dictionary of texts (docs/benchmark.md,
/// «Fifteenth pass» and «Seventeenth pass»). Either way the answer is the same for codes of
/// ASCII digits, as every comune's is (``Municipality``, ``Employer``): the table compares bytes,
/// where a comparison of texts would also match two spellings of one accented letter.
package struct ComunePositions {
    /// The codes in order.
    private let codes: [String]
    /// How a list longer than ``linearLimit`` is looked up.
    private let lookup: Lookup?

    /// The lookup of a long list.
    private enum Lookup {
        /// Every code packed (``ComunePositions/packed(_:)``): open addressing, each slot a
        /// packed code (0: empty) and its first position.
        case packed(keys: [UInt64], positions: [Int32], shift: UInt64)
        /// Some code longer than 7 bytes: the first position of each code.
        case texts([String: Int])
    }

    /// The longest list searched by comparing codes one by one.
    static let linearLimit = 16

    /// The positions of `codes` (in order).
    init(_ codes: [String]) {
        self.codes = codes
        guard codes.count > Self.linearLimit else {
            lookup = nil
            return
        }
        let packedCodes = codes.compactMap(Self.packed)
        guard packedCodes.count == codes.count else {
            var byCode = [String: Int](minimumCapacity: codes.count)
            for (position, code) in codes.enumerated() where byCode[code] == nil { byCode[code] = position }
            lookup = .texts(byCode)
            return
        }
        // A table of at least twice the codes, a power of two: a probe or two per lookup. An
        // assessment has at most Bounds.maximumMunicipalities codes, far below 2³¹ positions.
        let bits = UInt64(Int.bitWidth - (2 * codes.count - 1).leadingZeroBitCount)
        var keys = [UInt64](repeating: 0, count: 1 << bits)
        var positions = [Int32](repeating: 0, count: 1 << bits)
        let shift = 64 - bits
        for (position, key) in packedCodes.enumerated() {
            var slot = Self.slot(of: key, shift: shift)
            while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & (keys.count - 1) }
            guard keys[slot] == 0 else { continue }  // a repeated code: its first position stays
            keys[slot] = key
            positions[slot] = Int32(truncatingIfNeeded: position)
        }
        lookup = .packed(keys: keys, positions: positions, shift: shift)
    }

    /// The position of the first comune with `code`, or nil if none has it.
    func position(of code: String) -> Int? {
        switch lookup {
        case nil: return codes.firstIndex(of: code)
        case .texts(let byCode): return byCode[code]
        case .packed(let keys, let positions, let shift):
            // A code that does not pack is longer than every code of the list.
            guard let key = Self.packed(code) else { return nil }
            var slot = Self.slot(of: key, shift: shift)
            while keys[slot] != 0 {
                if keys[slot] == key { return Int(positions[slot]) }
                slot = (slot + 1) & (keys.count - 1)
            }
            return nil
        }
    }

    /// A text of at most 7 UTF-8 bytes as one integer, never 0: its bytes, and its length + 1 in
    /// the highest byte (two texts pack alike only when they are the same bytes); nil for a
    /// longer text.
    package static func packed(_ code: String) -> UInt64? {
        var code = code
        // The bytes in place (a short text is held inline: no walk of its characters), copied
        // into the integer's low bytes.
        return code.withUTF8 { bytes -> UInt64? in
            guard bytes.count <= 7 else { return nil }
            var raw: UInt64 = 0
            withUnsafeMutableBytes(of: &raw) { $0.copyMemory(from: UnsafeRawBufferPointer(bytes)) }
            // The first byte the lowest on any processor; the length above the bytes.
            return UInt64(littleEndian: raw) | UInt64(bytes.count + 1) << 56
        }
    }

    /// The first slot of `key` in a table of 2^(64 − `shift`) slots (Fibonacci hashing: the high
    /// bits of the key times the golden ratio).
    private static func slot(of key: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }
}
