/// The position of each comune of an assessment by its ISTAT code, the first one when a code
/// repeats: how a record employed by a comune finds it (the split among comuni, docs/regole.md
/// §7, and the entities of the prospetto, §5).
///
/// Most ATS have a few comuni, and comparing a record's code with a few short codes costs less
/// than hashing it: up to ``linearLimit`` codes are compared one by one, a longer list is looked
/// up in a dictionary (docs/benchmark.md, «Fifteenth pass»). Either way the answer is the same.
struct ComunePositions {
    /// The codes in order.
    private let codes: [String]
    /// The first position of each code, for a list longer than ``linearLimit``.
    private let byCode: [String: Int]?

    /// The longest list searched by comparing codes one by one.
    static let linearLimit = 16

    /// The positions of `codes` (in order).
    init(_ codes: [String]) {
        self.codes = codes
        guard codes.count > Self.linearLimit else {
            byCode = nil
            return
        }
        var byCode = [String: Int](minimumCapacity: codes.count)
        for (position, code) in codes.enumerated() where byCode[code] == nil { byCode[code] = position }
        self.byCode = byCode
    }

    /// The position of the first comune with `code`, or nil if none has it.
    func position(of code: String) -> Int? {
        if let byCode { return byCode[code] }
        return codes.firstIndex(of: code)
    }
}
