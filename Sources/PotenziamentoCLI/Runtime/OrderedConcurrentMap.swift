import Foundation

/// Independent pieces of work spread over the processors, their results consumed in the order of
/// the items: what a batch of ATS needs to use every core and still write the same bytes.
///
/// Workers (one per active processor) claim items in order and compute them; the caller's thread
/// consumes each result as soon as it and every earlier one are ready. Workers stay at most
/// `window` items ahead of the consumer, so memory is that of a window, not of the whole batch.
enum OrderedConcurrentMap {
    /// The most workers started, whatever the number of processors.
    static let maximumWorkers = 8

    /// Computes `transform` for every item on all processors and passes the results to `consume`
    /// in the order of `items`, on the calling thread. With one processor (or one item) it is a
    /// plain loop, as it is when not `concurrently`. `window` (by default 2 per worker) is how
    /// many results may wait for `consume`.
    static func forEach<Item: Sendable, Value: Sendable>(
        _ items: [Item], concurrently: Bool = true, window: Int? = nil, transform: @escaping @Sendable (Item) -> Value,
        inOrder consume: (consuming Value) -> Void
    ) {
        // At most `maximumWorkers`: a container may report the host's processors, and each
        // worker holds a roster.
        // The processors are asked for only when there is more than one item (asking reads the
        // process's CPU quota from files).
        let workers = concurrently && items.count > 1 ? min(ProcessInfo.processInfo.activeProcessorCount, maximumWorkers, items.count) : 1
        guard workers > 1 else {
            for item in items { consume(transform(item)) }
            return
        }
        let state = State<Value>(count: items.count, window: max(1, window ?? workers * 2))
        let group = DispatchGroup()
        for _ in 0..<workers {
            DispatchQueue.global().async(group: group) {
                while let index = state.claim() {
                    state.store(transform(items[index]), at: index)
                }
            }
        }
        for index in items.indices { consume(state.take(index)) }
        group.wait()
    }

    /// The shared slots, guarded by one condition lock.
    private final class State<Value: Sendable>: @unchecked Sendable {
        private let condition = NSCondition()
        private var slots: [Value?]
        private var claimed = 0
        private var consumed = 0
        private let window: Int

        init(count: Int, window: Int) {
            slots = Array(repeating: nil, count: count)
            self.window = window
        }

        /// The next item to compute, waiting while the workers are a window ahead; nil when all are claimed.
        func claim() -> Int? {
            condition.lock()
            defer { condition.unlock() }
            while claimed < slots.count && claimed - consumed >= window { condition.wait() }
            guard claimed < slots.count else { return nil }
            claimed += 1
            return claimed - 1
        }

        func store(_ value: Value, at index: Int) {
            condition.lock()
            slots[index] = value
            condition.broadcast()
            condition.unlock()
        }

        /// The result of item `index`, waiting until it is computed.
        func take(_ index: Int) -> Value {
            condition.lock()
            defer { condition.unlock() }
            while slots[index] == nil { condition.wait() }
            // Moved out of its slot, not copied (a result holds a whole assessment).
            guard let value = slots[index].take() else { preconditionFailure("OrderedConcurrentMap: slot \(index) emptied twice") }
            consumed = index + 1
            condition.broadcast()
            return value
        }
    }
}
