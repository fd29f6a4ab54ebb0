import Dispatch

/// Where a report is written: a byte buffer, flushed to a sink (standard output, a file) in
/// chunks as it fills, so a report of any size is written as it is produced, with no whole-document
/// `String` or `Data` copy (docs/benchmark.md). Without a sink it collects the bytes.
///
/// A failed flush (a closed pipe, a full disk) is remembered and the rest of the report is
/// dropped; the caller checks ``failed`` at the end. Reports themselves never fail.
package final class ReportOutput {
    /// The bytes not yet flushed, in memory the output owns. Kept behind a pointer so that the
    /// hot `write` calls (a few bytes each, millions of them in a large report) cost no
    /// exclusivity check of a class property.
    private struct Buffer {
        var base: UnsafeMutablePointer<UInt8>
        var count: Int
        var capacity: Int
    }

    private let buffer: UnsafeMutablePointer<Buffer>
    /// Where full chunks go; false means the write failed.
    private let sink: ((UnsafeRawBufferPointer) -> Bool)?
    /// The size past which the buffer is flushed.
    private let chunk: Int
    /// Whether a flush failed.
    package private(set) var failed = false

    /// An output that flushes to `sink` every `chunk` bytes (and at ``finish()``).
    package init(chunk: Int = 1 << 16, sink: @escaping (UnsafeRawBufferPointer) -> Bool) {
        self.sink = sink
        self.chunk = max(1, chunk)
        buffer = Self.allocate(capacity: self.chunk + 4096)
    }

    /// An output that collects the whole report (see ``string``), with room for `capacity`
    /// bytes before it first grows.
    package init(capacity: Int = 4096) {
        sink = nil
        chunk = .max
        buffer = Self.allocate(capacity: max(1, capacity))
    }

    deinit {
        buffer.pointee.base.deallocate()
        buffer.deinitialize(count: 1)
        buffer.deallocate()
    }

    private static func allocate(capacity: Int) -> UnsafeMutablePointer<Buffer> {
        let state = UnsafeMutablePointer<Buffer>.allocate(capacity: 1)
        state.initialize(to: Buffer(base: .allocate(capacity: capacity), count: 0, capacity: capacity))
        return state
    }

    /// Makes room for `extra` more bytes.
    private func grow(_ extra: Int) {
        let count = buffer.pointee.count
        let capacity = max(buffer.pointee.capacity * 2, count + extra)
        let base = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        base.update(from: buffer.pointee.base, count: count)
        buffer.pointee.base.deallocate()
        buffer.pointee.base = base
        buffer.pointee.capacity = capacity
    }

    /// Appends UTF-8 text as it is (templates and values already made safe).
    @inline(__always)
    package func write(_ text: String) {
        var text = text
        text.withUTF8 { write(buffer: $0) }
    }

    /// Appends bytes.
    @inline(__always)
    package func write(bytes: some Sequence<UInt8>) {
        if bytes.withContiguousStorageIfAvailable({ write(buffer: $0) }) == nil {
            for byte in bytes { write(byte: byte) }
        }
    }

    /// Appends the bytes of `source`.
    @inline(__always)
    package func write(buffer source: UnsafeBufferPointer<UInt8>) {
        guard let start = source.baseAddress, !source.isEmpty else { return }
        if buffer.pointee.count + source.count > buffer.pointee.capacity { grow(source.count) }
        (buffer.pointee.base + buffer.pointee.count).update(from: start, count: source.count)
        buffer.pointee.count += source.count
        if buffer.pointee.count >= chunk { flush() }
    }

    /// Appends `count` copies of `byte` (indentation).
    @inline(__always)
    package func write(repeating byte: UInt8, count: Int) {
        guard count > 0 else { return }
        if buffer.pointee.count + count > buffer.pointee.capacity { grow(count) }
        (buffer.pointee.base + buffer.pointee.count).update(repeating: byte, count: count)
        buffer.pointee.count += count
        if buffer.pointee.count >= chunk { flush() }
    }

    /// Writes up to `count` bytes in one step: `body` gets room for `count` bytes at the end of
    /// the buffer and returns how many it wrote (at most `count`). A writer that makes a piece of
    /// several parts (a separator, a quoted key) pays the checks of one write, not of each part.
    @inline(__always)
    package func write(reserving count: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        if buffer.pointee.count + count > buffer.pointee.capacity { grow(count) }
        buffer.pointee.count += body(buffer.pointee.base + buffer.pointee.count)
        if buffer.pointee.count >= chunk { flush() }
    }

    /// Appends one byte.
    @inline(__always)
    package func write(byte: UInt8) {
        if buffer.pointee.count == buffer.pointee.capacity { grow(1) }
        buffer.pointee.base[buffer.pointee.count] = byte
        buffer.pointee.count += 1
        if buffer.pointee.count >= chunk { flush() }
    }

    /// Appends what `other` collected (an output without a sink), a chunk at a time so that
    /// this buffer does not grow past its chunk.
    package func write(contentsOf other: ReportOutput) {
        let pending = other.pending
        var start = 0
        while start < pending.count {
            let end = min(pending.count, start + min(chunk, 1 << 16))
            write(buffer: UnsafeBufferPointer(rebasing: pending[start..<end]))
            start = end
        }
    }

    /// How many pieces a batch of a parallel writing has: the memory the batch's outputs hold
    /// stays a few megabytes, whatever the count.
    static let batchPieces = 16_384

    /// Writes pieces `0..<count` in order, `body` writing the pieces of a range into an output:
    /// in batches whose ranges are written at once on `parts` processors (by default as
    /// ``ParallelWork/parts(for:)`` says), each into an output of its own, then appended in order. The bytes are those of writing every piece here in order.
    package func write(pieces count: Int, parts requestedParts: Int? = nil, _ body: @Sendable (ReportOutput, Range<Int>) -> Void) {
        let parts = max(1, requestedParts ?? ParallelWork.parts(for: count))
        guard parts > 1 else { return body(self, 0..<count) }
        var batchStart = 0
        while batchStart < count {
            let batchEnd = min(count, batchStart + Self.batchPieces * parts)
            let bounds = (0...parts).map { batchStart + (batchEnd - batchStart) * $0 / parts }
            let outputs = (0..<parts).map { _ in ReportOutput() }
            nonisolated(unsafe) let shared = outputs
            DispatchQueue.concurrentPerform(iterations: parts) { part in body(shared[part], bounds[part]..<bounds[part + 1]) }
            for output in outputs { write(contentsOf: output) }
            batchStart = batchEnd
        }
    }

    /// Appends a line of a text report, control characters from the data escaped (a name can
    /// never clear a terminal or start a fake line), and a line feed.
    package func line(_ text: String = "") {
        write(TextSafety.escapingControlCharacters(text))
        write(byte: 0x0A)
    }

    /// Sends the buffered bytes to the sink.
    package func flush() {
        guard let sink, buffer.pointee.count > 0 else { return }
        if !failed { failed = !sink(UnsafeRawBufferPointer(start: buffer.pointee.base, count: buffer.pointee.count)) }
        buffer.pointee.count = 0
    }

    /// Flushes what is left; whether everything was written.
    package func finish() -> Bool {
        flush()
        return !failed
    }

    /// The bytes written so far and not flushed (all of them for an output without a sink).
    private var pending: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: buffer.pointee.base, count: buffer.pointee.count) }

    /// The collected bytes (an output without a sink).
    package var bytes: [UInt8] { Array(pending) }

    /// The collected text (an output without a sink).
    package var string: String { String(decoding: pending, as: UTF8.self) }

    /// The text `body` writes, collected.
    package static func collecting(_ body: (ReportOutput) -> Void) -> String {
        let output = ReportOutput()
        body(output)
        return output.string
    }
}
