import Dispatch
import Foundation

/// The records of a large `personale` array decoded ahead, on all the processor's cores.
///
/// When the JSON parser meets the first record of a large roster, ``prepare(_:from:file:staffPath:maximumRecords:)``
/// finds where every record starts (a quick scan of strings and brackets), splits the records into
/// one run per core and decodes each run with its own ``StaffRecordJSONDecoder``. The parser then
/// goes on as usual, record by record, and takes each decoded record instead of decoding it again;
/// a record the fast decoder left alone, or any record whose start differs from the scan's (a
/// broken document), goes through the general parser in order. So messages, order and results are
/// those of the sequential reading.
struct ParallelStaffDecoding {
    /// Below this many bytes of records, decoding is done in line (threads would cost more).
    static let minimumBytes = 1 << 20

    private let starts: [Int]
    private var decoded: [(record: StaffRecord, end: Int)?]

    /// Whether record `index` starting at `start` was decoded ahead (successfully or not).
    func covers(_ index: Int, at start: Int) -> Bool { index < starts.count && starts[index] == start }

    /// The decoded record `index` (taken out: each is handed over once), or nil when the fast
    /// decoder left it to the general parser.
    mutating func take(_ index: Int) -> (record: StaffRecord, end: Int)? {
        defer { decoded[index] = nil }
        return decoded[index]
    }

    /// Scans and decodes the records of the array whose first element starts at `start`; nil
    /// when the array is small or its shape is not clear (then everything is decoded in line).
    static func prepare(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, file: String, staffPath: JSONPath, maximumRecords: Int,
        minimumBytes: Int = minimumBytes
    ) -> ParallelStaffDecoding? {
        guard bytes.count - start >= minimumBytes, var starts = elementStarts(bytes, from: start) else { return nil }
        if starts.count > maximumRecords { starts.removeLast(starts.count - maximumRecords) }
        let runs = max(1, min(8, ProcessInfo.processInfo.activeProcessorCount, starts.count / 512))
        var decoded = [(record: StaffRecord, end: Int)?](repeating: nil, count: starts.count)
        let bounds = (0...runs).map { $0 * starts.count / runs }
        decoded.withUnsafeMutableBufferPointer { results in
            nonisolated(unsafe) let results = results
            nonisolated(unsafe) let bytes = bytes
            let starts = starts
            DispatchQueue.concurrentPerform(iterations: runs) { run in
                var decoder = StaffRecordJSONDecoder(file: file, staffPath: staffPath)
                for index in bounds[run]..<bounds[run + 1] {
                    results[index] = decoder.decode(bytes, at: starts[index], index: index)
                }
            }
        }
        return ParallelStaffDecoding(starts: starts, decoded: decoded)
    }

    /// Where each element of the array starts, given the first element's start: commas and the
    /// closing `]` are looked for outside strings and nested brackets. Nil when the array does not
    /// close (the parser will report it).
    static func elementStarts(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> [Int]? {
        var starts = [start]
        starts.reserveCapacity((bytes.count - start) / 128)
        var depth = 0
        var index = start
        let count = bytes.count
        while index < count {
            switch bytes[index] {
            case UInt8(ascii: "\""):
                // Skip the string, escapes included.
                index += 1
                while index < count, bytes[index] != UInt8(ascii: "\"") { index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1 }
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if depth == 0 { return bytes[index] == UInt8(ascii: "]") ? starts : nil }
                depth -= 1
            case UInt8(ascii: ",") where depth == 0:
                var next = index + 1
                while next < count, bytes[next] == 0x20 || bytes[next] == 0x0A || bytes[next] == 0x0D || bytes[next] == 0x09 { next += 1 }
                starts.append(next)
            default:
                break
            }
            index += 1
        }
        return nil
    }
}
