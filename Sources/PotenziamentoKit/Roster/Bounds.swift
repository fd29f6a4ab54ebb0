import PotenziamentoFormats

/// The bounds of the domain (docs/regole.md, «Limiti»; docs/regole.md §5): inside them every figure is
/// exact and nothing overflows; outside them every input and every public call gives a clear
/// error, never a trap or a hang.
public enum Bounds {
    /// The most residents of one ATS (Italy has about 59 million).
    public static let maximumResidents = 100_000_000
    /// The most FTE of one ATS, or given to `contributo`.
    public static let maximumFTE = 10_000_000
    /// The years the contribution can be computed for: the measure starts in 2021.
    public static let years = 2021...2200
    /// The years of the dates of service periods and of residents figures.
    public static let dateYears = 1900...2200
    /// The first year a period of service still counted can plausibly start in: one that starts
    /// before is a warning (``DiagnosticCode/dataImprobabile``): a career that began in 1959 would
    /// be over 60 years long in 2021, the first year computed; a year typed with two digits from
    /// 30 to 59 is read by spreadsheets as 1930-1959 (docs/regole.md, «Limiti»).
    public static let plausibleStartYear = 1960
    /// The most residents a comune plausibly has: Roma, the largest, has about 2,75 million; a
    /// larger figure for a comune (or a whole ATS in a national table) is a warning
    /// (``DiagnosticCode/valoreImprobabile``), most likely a thousands separator or a digit too
    /// many (a trial: 17.300.000 for a comune of 17.300). Not an error: a what-if may use it.
    public static let plausibleResidents = 3_000_000
    /// The fewest residents a comune plausibly has: the smallest comuni have about 30; fewer
    /// than 20 is a warning (``DiagnosticCode/valoreImprobabile``), most likely digits missing (a
    /// trial of office habits: 12 for 1.200). Not an error: a what-if may use it.
    public static let plausibleMinimumResidents = 20
    /// The fewest residents per FTE plausible in a national table: one assistente sociale for
    /// fewer than 500 residents (ten times the LEP's 1/5.000) is a warning, most likely an FTE
    /// figure typed with a thousands separator (1.803 for 18,03).
    public static let plausibleResidentsPerFTE = 500
    /// The smallest share of full time, in percent, plausible for an assistente sociale who
    /// counts: a period below it is a warning (``DiagnosticCode/valoreImprobabile``), most likely
    /// a digit missing (5 for 50) or hours typed as a percentage (an officer's trial: 1.5 counted
    /// 1,5 % with no word). Not an error: the rules allow any share above 1 %.
    public static let plausibleMinimumShare = 10
    /// The most comuni of one ATS.
    public static let maximumMunicipalities = 10_000
    /// The most staff records (JSON entries, CSV or sheet period rows) of one roster.
    public static let maximumRecords = 10_000_000
    /// The most ATS of a national table.
    public static let maximumAmbiti = 10_000
    /// The most changes of one simulation (`simula`: its plan and its options together), each
    /// hire of a `numero` counted (a hostile plan of 100.000 rows of 1.000 hires each took 17 GB
    /// before any check).
    public static let maximumPlanChanges = 10_000
    /// The largest input file read (1 GiB), checked while reading (also for devices and pipes).
    public static let maximumFileSize = 1 << 30
    /// The most decimals of a percentuale or an area share (what a spreadsheet exports for `=30/36*100`).
    public static let percentageDecimals = 15
    /// 10 to the ``percentageDecimals``: the units in which the model stores a share in percent as
    /// an integer (at most 100 × 10¹⁵, well inside `Int64`; docs/benchmark.md, «Third pass»).
    static let percentageUnit = unit(decimals: percentageDecimals)

    /// 10 to the `decimals`: the units in which a value with at most that many decimals is stored
    /// as an integer (for the small decimal counts of the model's bounds).
    static func unit(decimals: Int) -> Int { (0..<decimals).reduce(1) { value, _ in value * 10 } }
    /// The largest amount of money read from an input or an option (one thousand billion euro).
    public static let maximumEuros = 1_000_000_000_000

    /// The longest id, code or name (characters): enough for any real one, and a cap on what a
    /// text report must make room for.
    public static let maximumLabelLength = 200

    /// An id, code or name as the model keeps it: without surrounding spaces, tabs and non-breaking
    /// spaces; refused when it holds a control character or a line or paragraph separator (a line
    /// break typed with Alt+Invio in a cell would make another person) or is longer than
    /// ``maximumLabelLength``.
    static func label(_ text: String, what: String) throws(InvalidValue) -> String {
        isPlainASCIILabel(text) ? text : try checkedLabel(text, what: what)
    }

    /// ``label(_:what:)`` on the scalars of any text: trimmed, then checked.
    static func checkedLabel(_ text: String, what: String) throws(InvalidValue) -> String {
        // Far longer than any label, said from its bytes alone (their count is known without a
        // scan): a hostile workbook repeats a text of a megabyte over a million rows, and a
        // scan of each took hours (a trial).
        guard text.utf8.count <= maximumLabelLength * 64 else {
            throw InvalidValue(
                .fuoriMisura, "\(what) troppo lungo: \(NumberFormatting.italian(text.utf8.count)) byte (al massimo \(maximumLabelLength) caratteri)")
        }
        var scalars = Substring(text).unicodeScalars
        while let first = scalars.first, SpaceCharacters.isTrimmed(first) { scalars.removeFirst() }
        while let last = scalars.last, SpaceCharacters.isTrimmed(last) { scalars.removeLast() }
        let trimmed = String(scalars)
        // A line or paragraph separator (U+2028, U+2029) is a line break too: `AS-001` and
        // `AS-001` + U+2028 would be two persons that look the same.
        if trimmed.unicodeScalars.contains(where: { TextSafety.isControl($0) || $0 == "\u{2028}" || $0 == "\u{2029}" }) {
            throw InvalidValue(
                .fuoriMisura,
                "\(what) «\(TextSafety.escapingControlCharacters(TextSafety.shortened(trimmed)).replacing("\u{2028}", with: "\\u{2028}").replacing("\u{2029}", with: "\\u{2029}"))» contiene un a capo o un carattere di controllo: scrivilo su una sola riga"
            )
        }
        guard trimmed.count <= maximumLabelLength else {
            throw InvalidValue(.fuoriMisura, "\(what) troppo lungo: \(NumberFormatting.italian(trimmed.count)) caratteri (al massimo \(maximumLabelLength))")
        }
        return trimmed
    }

    /// Whether `text` is already a label as the model keeps it, decided on its bytes: printable
    /// ASCII (so no control character, and as many characters as bytes), at most
    /// ``maximumLabelLength`` of them, no space at either end. Most ids and codes are; the
    /// others take the general path of ``label(_:what:)``.
    static func isPlainASCIILabel(_ text: String) -> Bool {
        let plain = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard let first = bytes.first, let last = bytes.last, bytes.count <= maximumLabelLength,
                first != UInt8(ascii: " "), last != UInt8(ascii: " ")
            else { return false }
            for byte in bytes where byte < 0x20 || byte >= 0x7F { return false }
            return true
        }
        return plain ?? false
    }

    /// «troppi record: 12.000.000 (al massimo 10.000.000)…».
    static func tooMany(_ what: String, _ count: Int, maximum: Int) -> String {
        "troppi \(what): \(NumberFormatting.italian(count)) (al massimo \(NumberFormatting.italian(maximum))); nessun ambito ne ha tanti: controlla il file"
    }
}
