/// The bounds past which an input is refused with a clear error instead of a hang or an overflow.
///
/// Files above 1 GiB (``TextDecoding/maximumFileSize``), populations above 100 million
/// (``ContributionError/maximumPopulation``), percentuali with more than 4 decimals, JSON nested
/// deeper than 64 levels (``JSONParser/maximumDepth``) and rosters of more than 10 million records.
public enum RosterLimits {
    /// The most staff records (JSON entries or CSV period rows) a roster may have.
    public static let maximumRecords = 10_000_000

    static func tooManyRecords(_ count: Int, maximum: Int) -> String {
        "troppi record: \(NumberFormatting.italian(count)) (al massimo \(NumberFormatting.italian(maximum))); nessun ambito ne ha tanti: controlla il file"
    }
}
