/// "Did you mean": the name a person most likely meant when they mistyped one (an option, a
/// column, a code). Used by the readers' messages and by the command line.
package enum NameSuggestion {
    /// The candidate nearest to `given` by edit distance (at most 2, or a quarter of its length),
    /// else the only candidate that starts with it; nil when nothing is close.
    package static func nearest(to given: String, in candidates: [String]) -> String? {
        let lowered = Array(given.lowercased())
        let best = candidates.map { ($0, distance(lowered, Array($0.lowercased()))) }.min { $0.1 < $1.1 }
        // Never a whole word replaced (`%` is not «id»).
        if let best, best.1 <= max(2, given.count / 4), best.1 < given.count { return best.0 }
        let prefixed = candidates.filter { $0.lowercased().hasPrefix(given.lowercased()) }
        if prefixed.count == 1 { return prefixed[0] }
        return nearestByWords(to: given, in: candidates)
    }

    /// The candidate whose words are those of `given` in another order (`azienda consortile
    /// speciale`), or each near one of its words (`indeterminatto` for `tempo_indeterminato`: an
    /// officer's trial), the nearest when one is nearer than the others; nil otherwise.
    static func nearestByWords(to given: String, in candidates: [String]) -> String? {
        func words(_ text: String) -> [[Character]] {
            text.lowercased().split(whereSeparator: { $0 == "_" || $0 == " " || $0 == "-" }).map(Array.init)
        }
        let wanted = words(given)
        guard !wanted.isEmpty else { return nil }
        var best: (candidate: String, cost: Int)?
        var tie = false
        for candidate in candidates {
            let theirs = words(candidate)
            // Each word of `given` to its nearest word of the candidate, near enough.
            var cost = 0
            for word in wanted {
                guard let nearest = theirs.map({ distance(word, $0) }).min(), nearest <= max(1, word.count / 4) else {
                    cost = -1
                    break
                }
                cost += nearest
            }
            guard cost >= 0 else { continue }
            if let current = best, current.cost <= cost {
                if current.cost == cost { tie = true }
                continue
            }
            (best, tie) = ((candidate, cost), false)
        }
        return tie ? nil : best?.candidate
    }

    /// The Levenshtein distance between two character sequences.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
