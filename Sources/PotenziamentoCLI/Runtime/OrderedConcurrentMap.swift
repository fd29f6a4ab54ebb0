import Foundation

/// Independent pieces of work spread over the processors, their results consumed in the order of
/// the items: what a batch of ATS needs to use every core and still write the same bytes.
///
/// Workers (one per active processor) claim items in order and compute them; the caller's thread
/// consumes each result as soon as it and every earlier one are ready. Workers stay at most
/// `window` items ahead of the consumer, and stop claiming while the results waiting weigh
/// `budget` or more, so memory is that of a window, not of the whole batch. A wide window keeps
/// every processor busy while one item takes long (a large ATS among small ones: with a window
/// of 2 per worker the others waited for it); the budget keeps a batch of large items to a few
/// results in memory.
enum OrderedConcurrentMap {
    /// The most workers started, whatever the number of processors.
    static let maximumWorkers = 8

    /// Computes `transform` for every item on all processors and passes the results to `consume`
    /// in the order of `items`, on the calling thread. With one processor (or one item) it is a
    /// plain loop, as it is when not `concurrently`. `window` (by default 32 per worker) is how
    /// many results may wait for `consume`; `weight` (by default 0) says what a result holds
    /// (an ATS's persons), and workers claim no new item while the results waiting weigh
    /// `budget` or more (the next result the consumer needs is always claimed: no deadlock).
    static func forEach<Item: Sendable, Value: Sendable>(
        _ items: [Item], concurrently: Bool = true, window: Int? = nil, budget: Int = .max, weight: @escaping @Sendable (borrowing Value) -> Int = { _ in 0 },
        transform: @escaping @Sendable (Item) -> Value, inOrder consume: (consuming Value) -> Void
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
        let state = State<Value>(count: items.count, window: max(1, window ?? workers * 32), budget: budget)
        let group = DispatchGroup()
        for _ in 0..<workers {
            DispatchQueue.global().async(group: group) {
                while let index = state.claim() {
                    let value = transform(items[index])
                    let held = weight(value)
                    state.store(value, weighing: held, at: index)
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
        /// The weight of each stored result, and the sum of those not yet consumed.
        private var weights: [Int]
        private var held = 0
        private var claimed = 0
        private var consumed = 0
        private let window: Int
        private let budget: Int

        init(count: Int, window: Int, budget: Int) {
            slots = Array(repeating: nil, count: count)
            weights = Array(repeating: 0, count: count)
            self.window = window
            self.budget = budget
        }

        /// The next item to compute, waiting while the workers are a window ahead or the results
        /// waiting reach the budget; nil when all are claimed. (The results waiting come after the
        /// one the consumer needs, which was claimed before them: it is never held up.)
        func claim() -> Int? {
            condition.lock()
            defer { condition.unlock() }
            while claimed < slots.count && (claimed - consumed >= window || held >= budget) { condition.wait() }
            guard claimed < slots.count else { return nil }
            claimed += 1
            return claimed - 1
        }

        func store(_ value: consuming Value, weighing weight: Int, at index: Int) {
            condition.lock()
            slots[index] = consume value
            weights[index] = weight
            held += weight
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
            held -= weights[index]
            condition.broadcast()
            return value
        }
    }
}
