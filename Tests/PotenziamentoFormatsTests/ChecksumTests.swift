import Testing

@testable import PotenziamentoFormats

@Suite("CRC-32")
struct ChecksumTests {
    @Test(
        "known vectors",
        arguments: [
            ("", 0x0000_0000), ("a", 0xE8B7_BE43), ("abc", 0x3524_41C2), ("123456789", 0xCBF4_3926),
            ("The quick brown fox jumps over the lazy dog", 0x414F_A339),
        ] as [(String, UInt32)])
    func vector(text: String, expected: UInt32) {
        #expect(CRC32.checksum(Array(text.utf8)) == expected)
    }

    @Test("slicing-by-8 agrees with a bit-at-a-time CRC at every length and alignment")
    func slicingAgreesWithBitwise() {
        var bytes: [UInt8] = []
        var state: UInt32 = 12345
        for _ in 0..<300 {
            state = state &* 1_103_515_245 &+ 12345
            bytes.append(UInt8(truncatingIfNeeded: state >> 16))
        }
        for start in 0..<9 {
            for end in stride(from: start, through: bytes.count, by: 7) {
                let slice = Array(bytes[start..<end])
                var crc: UInt32 = 0xFFFF_FFFF
                for byte in slice {
                    crc ^= UInt32(byte)
                    for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
                }
                #expect(CRC32.checksum(slice) == ~crc)
            }
        }
    }

    @Test("a CRC computed in pieces equals the CRC of the whole")
    func incremental() {
        let bytes = Array("123456789".utf8)
        let first = bytes[0..<4].withUnsafeBufferPointer { CRC32.update(0, with: $0) }
        let whole = bytes[4...].withUnsafeBufferPointer { CRC32.update(first, with: $0) }
        #expect(whole == 0xCBF4_3926)
    }
}
