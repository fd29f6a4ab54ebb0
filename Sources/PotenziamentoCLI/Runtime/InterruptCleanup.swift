#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The temporary files of `--output` removed when the process is interrupted (Ctrl-C, `kill`, a
/// closed terminal): the destination is never half written, since it is replaced by a rename,
/// and no hidden `.name.xxxx.tmp` is left next to it either.
///
/// The paths are kept as C strings in fixed slots, so the signal handler only reads memory and
/// calls `unlink`, `signal` and `raise` (functions safe in a signal handler); then the signal
/// does what it would have done (the process ends with it).
enum InterruptCleanup {
    /// Temporary files open at once (a report and its chart).
    static let slotCount = 4
    /// The longest path kept (a longer one is removed on failure, not on interruption).
    static let slotSize = Int(PATH_MAX) + 1

    /// The slots: a path, NUL-terminated, or an empty string for a free slot.
    nonisolated(unsafe) static let slots: UnsafeMutablePointer<CChar> = {
        let slots = UnsafeMutablePointer<CChar>.allocate(capacity: slotCount * slotSize)
        slots.initialize(repeating: 0, count: slotCount * slotSize)
        return slots
    }()

    /// Installs the handler for SIGINT, SIGTERM and SIGHUP (``Potenziamento/main(_:)``).
    static func install() {
        _ = slots
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber, removeTemporaryFiles)
            sigaddset(&unblocked, signalNumber)
        }
        // A launcher may hand down these signals blocked (a test runner does): Ctrl-C must work.
        sigprocmask(SIG_UNBLOCK, &unblocked, nil)
    }

    /// Keeps `path` to be removed on interruption; the slot to free, or nil when none is free.
    static func register(_ path: String) -> Int? {
        let bytes = Array(path.utf8)
        guard !bytes.isEmpty, bytes.count < slotSize, !bytes.contains(0) else { return nil }
        for slot in 0..<slotCount where slots[slot * slotSize] == 0 {
            let start = slots + slot * slotSize
            // The first byte last: the handler never reads a path being written.
            for index in 1..<bytes.count { start[index] = CChar(bitPattern: bytes[index]) }
            start[bytes.count] = 0
            start[0] = CChar(bitPattern: bytes[0])
            return slot
        }
        return nil
    }

    /// Frees `slot` (the file was renamed or removed).
    static func unregister(_ slot: Int?) {
        guard let slot else { return }
        slots[slot * slotSize] = 0
    }
}

/// The signal handler: removes the registered files, then lets the signal end the process.
private func removeTemporaryFiles(_ signalNumber: Int32) {
    for slot in 0..<InterruptCleanup.slotCount {
        let path = InterruptCleanup.slots + slot * InterruptCleanup.slotSize
        if path[0] != 0 { unlink(path) }
    }
    signal(signalNumber, SIG_DFL)
    raise(signalNumber)
}
