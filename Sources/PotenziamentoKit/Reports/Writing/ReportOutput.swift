/// Where a report is written: a byte buffer, flushed to a sink (standard output, a file) in
/// chunks as it fills, so a report of any size is written as it is produced, with no whole-document
/// `String` or `Data` copy (docs/benchmark.md). Without a sink it collects the bytes.
///
/// A failed flush (a closed pipe, a full disk) is remembered and the rest of the report is
/// dropped; the caller checks ``failed`` at the end. Reports themselves never fail.
package final class ReportOutput {
    /// The bytes not yet flushed.
    private var buffer: [UInt8] = []
    /// Where full chunks go; false means the write failed.
    private let sink: ((UnsafeRawBufferPointer) -> Bool)?
    /// The size past which the buffer is flushed.
    private let chunk: Int
    /// Whether a flush failed.
    package private(set) var failed = false

    /// An output that flushes to `sink` every `chunk` bytes (and at ``finish()``).
    package init(chunk: Int = 1 << 16, sink: @escaping (UnsafeRawBufferPointer) -> Bool) {
        self.sink = sink
        self.chunk = chunk
        buffer.reserveCapacity(chunk + 4096)
    }

    /// An output that collects the whole report (see ``string``).
    package init() {
        sink = nil
        chunk = .max
    }

    /// Appends UTF-8 text as it is (templates and values already made safe).
    @inline(__always)
    package func write(_ text: String) {
        var text = text
        text.withUTF8 { buffer.append(contentsOf: $0) }
        if buffer.count >= chunk { flush() }
    }

    /// Appends bytes.
    @inline(__always)
    package func write(bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= chunk { flush() }
    }

    /// Appends one byte.
    @inline(__always)
    package func write(byte: UInt8) {
        buffer.append(byte)
        if buffer.count >= chunk { flush() }
    }

    /// Appends a line of a text report, control characters from the data escaped (a name can
    /// never clear a terminal or start a fake line), and a line feed.
    package func line(_ text: String = "") {
        write(TextSafety.escapingControlCharacters(text))
        write(byte: 0x0A)
    }

    /// Sends the buffered bytes to the sink.
    package func flush() {
        guard let sink, !buffer.isEmpty else { return }
        if !failed { failed = !buffer.withUnsafeBytes(sink) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes what is left; whether everything was written.
    package func finish() -> Bool {
        flush()
        return !failed
    }

    /// The collected bytes (an output without a sink).
    package var bytes: [UInt8] { buffer }

    /// The collected text (an output without a sink).
    package var string: String { String(decoding: buffer, as: UTF8.self) }

    /// The text `body` writes, collected.
    package static func collecting(_ body: (ReportOutput) -> Void) -> String {
        let output = ReportOutput()
        body(output)
        return output.string
    }
}
