/// A fingerprint of a roster's persons (docs/regole.md, «Uscite»: the same ATS twice in a batch
/// is counted once): the same for the same persons (ids as compared, employers, periods) in any
/// order, and the same on every run and platform (no randomly seeded hashing), made with a few
/// operations a person (a batch makes one per ATS).
struct Fingerprint {
    /// FNV-1a (64 bits) for texts, a multiply-shift mix for whole words.
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    /// Mixes in the bytes of `text`, read in place.
    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { bytes in for byte in bytes { add(byte: byte) } }
        add(byte: 0xFF)  // the end of the text (no UTF-8 byte is 0xFF): «ab»+«c» is not «a»+«bc»
    }

    /// Mixes in `number` as one word (a multiply and a shift).
    mutating func add(_ number: UInt64) {
        value = (value ^ number) &* 0x9E37_79B9_7F4A_7C15
        value ^= value >> 29
    }

    private mutating func add(byte: UInt8) {
        value ^= UInt64(byte)
        value &*= 0x0000_0100_0000_01B3
    }
}

extension Roster {
    /// The fingerprint of the persons: the wrapping sum of each person's (``StaffRecord/fingerprint``),
    /// so equal for the same persons in any order.
    package var staffFingerprint: UInt64 {
        // Each record read in place (a copy would retain and release its parts).
        staff.withUnsafeBufferPointer { records in
            var total: UInt64 = 0
            for index in records.indices { total &+= StaffRecord.fingerprint(of: records[index]) }
            return total
        }
    }
}

extension StaffRecord {
    /// The kinds of employer, made once (`allCases` makes an array at each use).
    private static let employerKinds = EmployerKind.allCases

    /// The fingerprint of the id (as compared: case and spaces aside), the employer (kind and
    /// code) and each period (dates and share as given).
    var fingerprint: UInt64 { Self.fingerprint(of: self) }

    /// ``fingerprint`` of `record`, read in place.
    static func fingerprint(of record: borrowing StaffRecord) -> UInt64 {
        var print = Fingerprint()
        print.add(record.id.key)
        print.add(UInt64(employerKinds.firstIndex(of: record.employer.kind) ?? 0))
        print.add(record.employer.istatCode ?? "")
        record.periods.withUnsafeBufferPointer { periods in
            for index in periods.indices {
                // Start and end in one word (no end: all ones).
                print.add(UInt64(periods[index].start.packedValue) << 32 | UInt64(periods[index].end?.packedValue ?? .max))
                print.add(periods[index].share.fingerprint)
            }
        }
        return print.value
    }
}
