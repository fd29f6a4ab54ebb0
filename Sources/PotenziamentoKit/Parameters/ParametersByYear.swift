import Synchronization

/// The parameters in force of the years an assessor has been asked for, each resolved once and
/// with its citations formatted once (docs/benchmark.md, «Eighth pass»): a batch assesses hundreds
/// of ATS for the same year, on several threads at once.
final class ParametersByYear: Sendable {
    private let table: ParameterTable
    /// The years resolved so far (a run asks for one or two: a list, searched in order).
    private let resolved = Mutex<[ParametersInForce]>([])

    /// The years of `table`, none resolved yet.
    init(_ table: ParameterTable) { self.table = table }

    /// The parameters in force in `year`, resolved on first use.
    ///
    /// - Throws: ``ParameterError`` as ``ParameterTable/inForce(for:)`` does (an error is not
    ///   kept: asking again resolves again).
    func inForce(for year: Int) throws(ParameterError) -> ParametersInForce {
        if let known = resolved.withLock({ years in years.first { $0.year == year } }) { return known }
        let inForce = try table.inForce(for: year)
        resolved.withLock { years in
            if !years.contains(where: { $0.year == year }) { years.append(inForce) }
        }
        return inForce
    }
}
