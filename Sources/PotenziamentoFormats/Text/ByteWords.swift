/// Eight bytes looked at in one step: the readers and writers that scan text for a few special
/// bytes (quotes, escapes, control characters, line ends) load a word and find each kind exactly
/// with the zero-byte test of «Bit Twiddling Hacks». The one place of that test.
package enum ByteWords {
    /// The eight bytes at `pointer` (any alignment) as a word, the first byte lowest (so the
    /// first byte found is at `trailingZeroBitCount / 8`).
    @inline(__always)
    static func load(_ pointer: UnsafeRawPointer) -> UInt64 {
        UInt64(littleEndian: pointer.loadUnaligned(as: UInt64.self))
    }

    /// The top bit of each byte of `word` that is zero, and no other bit (exact: no false
    /// positives, unlike the shorter test).
    @inline(__always)
    static func zeroBytes(_ word: UInt64) -> UInt64 {
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((word & low) &+ low) | word | low)
    }

    /// The top bit of each byte of `word` equal to `byte`.
    @inline(__always)
    static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        zeroBytes(word ^ (0x0101_0101_0101_0101 &* UInt64(byte)))
    }

    /// The top bit of each byte of `word` below 0x20 (its three top bits clear).
    @inline(__always)
    static func control(_ word: UInt64) -> UInt64 { zeroBytes(word & 0xE0E0_E0E0_E0E0_E0E0) }

    /// How many bytes at the start of `bytes` are neither below 0x20 nor one of `specials`
    /// (repeat one to look for fewer): eight at a time, the last word overlapping the one
    /// before, so a text of any length ends its scan on words (one call per text, not per word).
    package static func plainPrefixCount(_ bytes: UnsafeBufferPointer<UInt8>, specials: (UInt8, UInt8, UInt8)) -> Int {
        let masks = (0x0101_0101_0101_0101 &* UInt64(specials.0), 0x0101_0101_0101_0101 &* UInt64(specials.1), 0x0101_0101_0101_0101 &* UInt64(specials.2))
        func found(at offset: Int, in base: UnsafePointer<UInt8>) -> UInt64 {
            let word = load(base + offset)
            return control(word) | zeroBytes(word ^ masks.0) | zeroBytes(word ^ masks.1) | zeroBytes(word ^ masks.2)
        }
        var index = 0
        if let base = bytes.baseAddress, bytes.count >= 8 {
            while index + 8 <= bytes.count {
                let special = found(at: index, in: base)
                if special != 0 { return index + special.trailingZeroBitCount >> 3 }
                index += 8
            }
            guard index < bytes.count else { return index }
            let last = bytes.count - 8
            let special = found(at: last, in: base)
            return special == 0 ? bytes.count : last + special.trailingZeroBitCount >> 3
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x20 || byte == specials.0 || byte == specials.1 || byte == specials.2 { return index }
            index += 1
        }
        return index
    }

    /// How many bytes of `bytes` are each of three different bytes, counted eight at a time: a
    /// count per byte lane (the top bit of each found byte shifted to its lane's bottom), added
    /// up every 255 words, before a lane can overflow (no population count: the baseline
    /// x86-64 has no instruction for it).
    package static func counts(in bytes: UnsafeBufferPointer<UInt8>, of first: UInt8, _ second: UInt8, _ third: UInt8) -> (Int, Int, Int) {
        var counts = (0, 0, 0)
        var index = 0
        if let base = bytes.baseAddress {
            while index + 8 <= bytes.count {
                var lanes: (UInt64, UInt64, UInt64) = (0, 0, 0)
                let words = Swift.min(255, (bytes.count - index) / 8)
                for _ in 0..<words {
                    let word = load(base + index)
                    lanes.0 &+= equal(word, first) >> 7
                    lanes.1 &+= equal(word, second) >> 7
                    lanes.2 &+= equal(word, third) >> 7
                    index &+= 8
                }
                counts.0 &+= laneSum(lanes.0)
                counts.1 &+= laneSum(lanes.1)
                counts.2 &+= laneSum(lanes.2)
            }
        }
        while index < bytes.count {
            switch bytes[index] {
            case first: counts.0 &+= 1
            case second: counts.1 &+= 1
            case third: counts.2 &+= 1
            default: break
            }
            index += 1
        }
        return counts
    }

    /// The sum of the eight byte lanes of `lanes` (each at most 255).
    @inline(__always)
    static func laneSum(_ lanes: UInt64) -> Int {
        // Pairs of lanes into four 16-bit lanes (each at most 510), then their sum in the top 16 bits.
        let pairs = (lanes & 0x00FF_00FF_00FF_00FF) &+ ((lanes >> 8) & 0x00FF_00FF_00FF_00FF)
        return Int((pairs &* 0x0001_0001_0001_0001) >> 48)
    }
}
