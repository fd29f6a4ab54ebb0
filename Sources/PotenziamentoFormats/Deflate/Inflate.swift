/// A DEFLATE decoder (RFC 1951): stored, fixed-Huffman and dynamic-Huffman blocks.
///
/// Huffman codes are decoded with a first-level lookup table (10 bits for literals and lengths,
/// 8 bits for distances) and a canonical walk for the rare longer codes. The output limit is
/// checked before every write, so a decompression bomb stops as soon as it passes the limit.
/// Every malformed input throws a ``DeflateError``; no input can make the decoder read or write
/// outside its buffers.
package enum Inflate {
    /// Returns the bytes that the raw DEFLATE stream `input` decodes to (no zlib or gzip header).
    /// `limit` is the largest output accepted; `expectedSize`, when known (a ZIP entry's declared
    /// size), sizes the output buffer up front. Data after the final block is ignored.
    /// Throws ``DeflateError/outputLimitExceeded(limit:)`` as soon as the output would exceed
    /// `limit`, and the other ``DeflateError`` cases for malformed or truncated data.
    package static func inflate(_ input: [UInt8], limit: Int, expectedSize: Int? = nil) throws(DeflateError) -> [UInt8] {
        let result: Result<[UInt8], DeflateError> = input.withUnsafeBufferPointer { buffer in
            Result { () throws(DeflateError) -> [UInt8] in try inflate(buffer, limit: limit, expectedSize: expectedSize) }
        }
        return try result.get()
    }

    /// Returns the bytes that the raw DEFLATE stream in `input` decodes to; as
    /// ``inflate(_:limit:expectedSize:)-([UInt8],_,_)``, reading the stream in place.
    /// Throws ``DeflateError`` for malformed data or output beyond `limit`.
    package static func inflate(_ input: UnsafeBufferPointer<UInt8>, limit: Int, expectedSize: Int? = nil) throws(DeflateError) -> [UInt8] {
        let limit = max(0, limit)
        let initialCapacity = min(limit, max(expectedSize ?? 0, input.count > Int.max / 4 ? Int.max : input.count * 4, 4096))
        var decoder = InflateDecoder(input: input, limit: limit, capacity: initialCapacity)
        defer { decoder.deallocate() }
        try decoder.run()
        return Array(UnsafeBufferPointer(start: decoder.output, count: decoder.outputCount))
    }
}

/// A canonical Huffman code in decoder-owned memory: a first-level table indexed by the next
/// `fastBits` input bits, whose entries are `symbol << 4 | length` (0: the code is longer, or
/// no code starts with these bits), and the code counts and sorted symbols for the longer codes.
private struct HuffmanTable {
    /// The first-level table: `1 << fastBits` entries `symbol << 4 | length`, 0 for none.
    let fast: UnsafeMutablePointer<UInt16>
    /// How many input bits index the first-level table.
    let fastBits: Int
    /// How many codes have each length (index 0 to 15).
    let counts: UnsafeMutablePointer<Int>
    /// The symbols with a code, by code length then symbol (the canonical order).
    let symbols: UnsafeMutablePointer<UInt16>

    /// Returns a table with room for `maximumSymbols` symbols and a `fastBits`-bit first level.
    static func allocate(fastBits: Int, maximumSymbols: Int) -> HuffmanTable {
        let table = HuffmanTable(
            fast: .allocate(capacity: 1 << fastBits), fastBits: fastBits, counts: .allocate(capacity: 16),
            symbols: .allocate(capacity: maximumSymbols))
        table.fast.initialize(repeating: 0, count: 1 << fastBits)
        table.counts.initialize(repeating: 0, count: 16)
        table.symbols.initialize(repeating: 0, count: maximumSymbols)
        return table
    }

    /// Frees the table's memory.
    func deallocate() {
        fast.deallocate()
        counts.deallocate()
        symbols.deallocate()
    }

    /// Fills the table from the code lengths `lengths[0..<count]` (0: the symbol has no code).
    /// An incomplete code is accepted only when `allowIncomplete` and it has at most one code
    /// (as zlib does), or when it has no code at all. Throws
    /// ``DeflateError/invalidCodeLengths(_:)`` for an over-subscribed or incomplete code.
    func build(_ lengths: UnsafePointer<UInt8>, count: Int, allowIncomplete: Bool) throws(DeflateError) {
        counts.update(repeating: 0, count: 16)
        for symbol in 0..<count { counts[Int(lengths[symbol] & 15)] += 1 }
        fast.update(repeating: 0, count: 1 << fastBits)
        if counts[0] == count { return }  // no codes: any use of the table is an invalid symbol
        var left = 1
        for length in 1...15 {
            left = left * 2 - counts[length]
            if left < 0 { throw .invalidCodeLengths("codici in eccesso") }
        }
        if left > 0 && !(allowIncomplete && count - counts[0] == 1) { throw .invalidCodeLengths("codice incompleto") }
        var offsets = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &offsets) { raw in
            let offsets = raw.bindMemory(to: Int.self)
            for length in 1..<15 { offsets[length + 1] = offsets[length] + counts[length] }
            for symbol in 0..<count where lengths[symbol] != 0 {
                let length = Int(lengths[symbol])
                symbols[offsets[length]] = UInt16(symbol)
                offsets[length] += 1
            }
        }
        var code = 0
        var index = 0
        for length in 1...min(fastBits, 15) {
            for _ in 0..<counts[length] {
                var reversed = 0
                for bit in 0..<length where code & (1 << bit) != 0 { reversed |= 1 << (length - 1 - bit) }
                let entry = symbols[index] << 4 | UInt16(length)
                var slot = reversed
                while slot < 1 << fastBits {
                    fast[slot] = entry
                    slot += 1 << length
                }
                code += 1
                index += 1
            }
            code <<= 1
        }
    }
}

/// The decoder's state: the input and bit buffer, the output buffer and the Huffman tables.
/// A struct with pointers (no class), so the hot loop has no reference counting or dynamic
/// exclusivity checks; the entry point frees its memory.
private struct InflateDecoder {
    /// The compressed data (nil when empty).
    let input: UnsafePointer<UInt8>?
    /// How many bytes of compressed data there are.
    let inputCount: Int
    /// The next input byte not yet in the bit buffer.
    var position = 0
    /// The next input bits, least significant first; `bitCount` of them are valid (the bits
    /// above may hold a copy of the following input, never anything else).
    var bits: UInt64 = 0
    /// How many bits of `bits` are valid.
    var bitCount = 0
    /// The output buffer.
    var output: UnsafeMutablePointer<UInt8>
    /// How many output bytes are written.
    var outputCount = 0
    /// How many bytes the output buffer holds (never more than `limit`).
    var outputCapacity: Int
    /// The most output bytes accepted.
    let limit: Int
    /// The literal/length code of the current block.
    let literals = HuffmanTable.allocate(fastBits: 10, maximumSymbols: 288)
    /// The distance code of the current block.
    let distances = HuffmanTable.allocate(fastBits: 8, maximumSymbols: 32)
    /// The code of a dynamic block's code lengths.
    let codeLengths = HuffmanTable.allocate(fastBits: 7, maximumSymbols: 19)
    /// The code lengths being read (literal/length then distance).
    let lengths = UnsafeMutablePointer<UInt8>.allocate(capacity: 320)

    /// The base lengths of length symbols 257-285 (RFC 1951 3.2.5).
    static let lengthBase: [UInt16] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    /// The extra bits of length symbols 257-285.
    static let lengthExtra: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    /// The base distances of distance symbols 0-29.
    static let distanceBase: [UInt16] = [
        1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
    ]
    /// The extra bits of distance symbols 0-29.
    static let distanceExtra: [UInt8] = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
    /// The order in which a dynamic block lists the code length code's lengths.
    static let codeLengthOrder: [Int] = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    /// Returns a decoder of `input` with an output buffer of `capacity` bytes (at most `limit`).
    init(input: UnsafeBufferPointer<UInt8>, limit: Int, capacity: Int) {
        self.input = input.baseAddress
        self.inputCount = input.count
        self.limit = limit
        self.outputCapacity = capacity
        self.output = .allocate(capacity: max(capacity, 1))
        lengths.initialize(repeating: 0, count: 320)
    }

    /// Frees the output buffer and the tables (after the output has been copied out).
    func deallocate() {
        output.deallocate()
        literals.deallocate()
        distances.deallocate()
        codeLengths.deallocate()
        lengths.deallocate()
    }

    /// Adds input bytes to the bit buffer until it holds at least 56 bits or the input ends.
    @inline(__always)
    mutating func refill() {
        guard let input else { return }
        if inputCount - position >= 8 {
            let word = UInt64(littleEndian: UnsafeRawPointer(input + position).loadUnaligned(as: UInt64.self))
            bits |= word << UInt64(bitCount)
            let taken = (63 - bitCount) >> 3
            position += taken
            bitCount += taken << 3
        } else {
            while bitCount <= 56 && position < inputCount {
                bits |= UInt64(input[position]) << UInt64(bitCount)
                position += 1
                bitCount += 8
            }
        }
    }

    /// Returns the next `count` bits (at most 32) as a number, first bit least significant.
    /// Throws ``DeflateError/truncatedInput`` if the input ends first.
    @inline(__always)
    mutating func take(_ count: Int) throws(DeflateError) -> Int {
        if bitCount < count {
            refill()
            if bitCount < count { throw .truncatedInput }
        }
        let value = Int(truncatingIfNeeded: bits & ((1 << UInt64(count)) &- 1))
        bits >>= UInt64(count)
        bitCount -= count
        return value
    }

    /// Returns the next symbol of `table`. Throws ``DeflateError/truncatedInput`` if the input ends
    /// inside a code, ``DeflateError/invalidSymbol`` for bits that are no code.
    @inline(__always)
    mutating func decode(_ table: HuffmanTable) throws(DeflateError) -> Int {
        let entry = table.fast[Int(truncatingIfNeeded: bits & UInt64((1 << table.fastBits) - 1))]
        if entry != 0 {
            let length = Int(entry & 15)
            if length > bitCount {
                refill()
                if length > bitCount { throw .truncatedInput }
            }
            bits >>= UInt64(length)
            bitCount -= length
            return Int(entry >> 4)
        }
        return try decodeSlowly(table)
    }

    /// Returns the next symbol of `table` by walking the canonical code a bit at a time (codes
    /// longer than the first-level table). Throws as ``decode(_:)``.
    mutating func decodeSlowly(_ table: HuffmanTable) throws(DeflateError) -> Int {
        if bitCount < 15 { refill() }
        var code = 0
        var first = 0
        var index = 0
        for length in 1...15 {
            if length > bitCount { throw .truncatedInput }
            code |= Int(truncatingIfNeeded: (bits >> UInt64(length - 1)) & 1)
            let count = table.counts[length]
            if code - first < count {
                bits >>= UInt64(length)
                bitCount -= length
                return Int(table.symbols[index + code - first])
            }
            index += count
            first = (first + count) << 1
            code <<= 1
        }
        throw .invalidSymbol
    }

    /// Makes room for `count` more output bytes. Throws
    /// ``DeflateError/outputLimitExceeded(limit:)`` if they would pass the limit.
    @inline(__always)
    mutating func reserve(_ count: Int) throws(DeflateError) {
        if count > outputCapacity - outputCount { try grow(count) }
    }

    /// Enlarges the output buffer for `count` more bytes (doubling, up to the limit). Throws
    /// ``DeflateError/outputLimitExceeded(limit:)`` if they would pass the limit.
    mutating func grow(_ count: Int) throws(DeflateError) {
        guard count <= limit - outputCount else { throw .outputLimitExceeded(limit: limit) }
        let needed = outputCount + count
        let doubled = outputCapacity > Int.max / 2 ? Int.max : outputCapacity * 2
        let capacity = min(limit, max(needed, doubled))
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        larger.update(from: output, count: outputCount)
        output.deallocate()
        output = larger
        outputCapacity = capacity
    }

    /// Decodes the whole stream. Throws ``DeflateError`` for malformed data or output beyond the limit.
    mutating func run() throws(DeflateError) {
        var isFinal = false
        while !isFinal {
            isFinal = try take(1) == 1
            switch try take(2) {
            case 0: try storedBlock()
            case 1:
                try buildFixedTables()
                try huffmanBlock()
            case 2:
                try buildDynamicTables()
                try huffmanBlock()
            default: throw .invalidBlockType
            }
        }
    }

    /// Copies a stored block to the output. Throws for a truncated block, a LEN/NLEN mismatch or
    /// output beyond the limit.
    mutating func storedBlock() throws(DeflateError) {
        let drop = bitCount & 7
        bits >>= UInt64(drop)
        bitCount -= drop
        position -= bitCount >> 3  // give the whole bytes still in the bit buffer back to the input
        bits = 0
        bitCount = 0
        guard let input, inputCount - position >= 4 else { throw .truncatedInput }
        let length = Int(input[position]) | Int(input[position + 1]) << 8
        let complement = Int(input[position + 2]) | Int(input[position + 3]) << 8
        guard length == complement ^ 0xFFFF else { throw .storedLengthMismatch }
        position += 4
        guard inputCount - position >= length else { throw .truncatedInput }
        try reserve(length)
        (output + outputCount).update(from: input + position, count: length)
        outputCount += length
        position += length
    }

    /// Fills the literal/length and distance tables with the fixed codes of RFC 1951 3.2.6.
    mutating func buildFixedTables() throws(DeflateError) {
        for symbol in 0..<288 { lengths[symbol] = symbol < 144 ? 8 : symbol < 256 ? 9 : symbol < 280 ? 7 : 8 }
        try literals.build(lengths, count: 288, allowIncomplete: false)
        for symbol in 0..<32 { lengths[symbol] = 5 }
        try distances.build(lengths, count: 32, allowIncomplete: false)
    }

    /// Reads a dynamic block's header and fills the literal/length and distance tables. Throws
    /// ``DeflateError/invalidCodeLengths(_:)`` for counts or lengths that make no valid code.
    mutating func buildDynamicTables() throws(DeflateError) {
        let literalCount = try take(5) + 257
        let distanceCount = try take(5) + 1
        let codeLengthCount = try take(4) + 4
        guard literalCount <= 286, distanceCount <= 30 else { throw .invalidCodeLengths("troppi simboli") }
        for index in 0..<19 { lengths[index] = 0 }
        for index in 0..<codeLengthCount { lengths[Self.codeLengthOrder[index]] = UInt8(try take(3)) }
        try codeLengths.build(lengths, count: 19, allowIncomplete: false)
        let total = literalCount + distanceCount
        var index = 0
        while index < total {
            if bitCount < 16 { refill() }
            let symbol = try decode(codeLengths)
            if symbol < 16 {
                lengths[index] = UInt8(symbol)
                index += 1
                continue
            }
            var value: UInt8 = 0
            let repeats: Int
            switch symbol {
            case 16:
                guard index > 0 else { throw .invalidCodeLengths("ripetizione senza lunghezza precedente") }
                value = lengths[index - 1]
                repeats = 3 + (try take(2))
            case 17: repeats = 3 + (try take(3))
            default: repeats = 11 + (try take(7))
            }
            guard repeats <= total - index else { throw .invalidCodeLengths("troppe lunghezze") }
            for offset in 0..<repeats { lengths[index + offset] = value }
            index += repeats
        }
        guard lengths[256] != 0 else { throw .invalidCodeLengths("manca il codice di fine blocco") }
        try literals.build(lengths, count: literalCount, allowIncomplete: true)
        try distances.build(lengths + literalCount, count: distanceCount, allowIncomplete: true)
    }

    /// Decodes a Huffman-coded block with the current tables. Throws for invalid codes, distances
    /// before the start of the output, truncated data or output beyond the limit.
    mutating func huffmanBlock() throws(DeflateError) {
        while true {
            if bitCount < 48 { refill() }
            let symbol = try decode(literals)
            if symbol < 256 {
                if outputCount == outputCapacity { try grow(1) }
                output[outputCount] = UInt8(truncatingIfNeeded: symbol)
                outputCount += 1
                continue
            }
            if symbol == 256 { return }
            let lengthIndex = symbol - 257
            guard lengthIndex < 29 else { throw .invalidSymbol }
            let length = Int(Self.lengthBase[lengthIndex]) + (try take(Int(Self.lengthExtra[lengthIndex])))
            let distanceSymbol = try decode(distances)
            guard distanceSymbol < 30 else { throw .invalidSymbol }
            let distance = Int(Self.distanceBase[distanceSymbol]) + (try take(Int(Self.distanceExtra[distanceSymbol])))
            guard distance <= outputCount else { throw .distanceTooFarBack(distance: distance, available: outputCount) }
            try reserve(length)
            let target = output + outputCount
            let source = target - distance
            if distance >= length {
                target.update(from: source, count: length)
            } else {
                for offset in 0..<length { target[offset] = source[offset] }
            }
            outputCount += length
        }
    }
}
