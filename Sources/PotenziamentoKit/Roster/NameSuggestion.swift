/// "Did you mean": the name a person most likely meant when they mistyped one (an option, a
/// column, a code). Used by the readers' messages and by the command line.
package enum NameSuggestion {
    /// The candidate nearest to `given` by edit distance (at most 2, or a quarter of its length),
    /// else the only candidate that starts with it; nil when nothing is close.
    package static func nearest(to given: String, in candidates: [String]) -> String? {
        let lowered = Array(given.lowercased())
        let best = candidates.map { ($0, distance(lowered, Array($0.lowercased()))) }.min { $0.1 < $1.1 }
        if let best, best.1 <= max(2, given.count / 4) { return best.0 }
        let prefixed = candidates.filter { $0.lowercased().hasPrefix(given.lowercased()) }
        return prefixed.count == 1 ? prefixed[0] : nil
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
