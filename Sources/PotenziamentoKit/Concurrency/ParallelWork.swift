#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// When the work on a large roster is shared among processors: the one rule for reading its staff
/// table, counting its FTE and writing its persons in a report (docs/benchmark.md, «Sixth pass»
/// and «Seventh pass»). Each of them gives the same result in any number of parts; below the
/// minimum, starting threads costs more than it saves.
enum ParallelWork {
    /// Collections of at least this many items (rows, records, persons) are shared among processors.
    static let minimumItems = 50_000

    /// The processors a large collection is shared among: those the process may use, up to 4.
    static let processors = min(ProcessInfo.processInfo.activeProcessorCount, 4)

    /// How many parts `count` items are split into: ``processors`` from ``minimumItems``, else 1.
    static func parts(for count: Int) -> Int { count >= minimumItems ? processors : 1 }
}
