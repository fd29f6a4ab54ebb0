/// An Ambito Territoriale Sociale (ATS): the unit the contribution is paid to (comma 797).
public struct Ambito: Sendable, Hashable {
    /// Its code (e.g. the SIOSS code), `codice`.
    public var code: String
    /// Its name, `denominazione`.
    public var name: String
    /// Its region, `regione`.
    public var region: String?
    /// Whether all social functions are delegated to the soggetto capofila: then the capofila
    /// receives the whole contribution (DM 15/2021, art. 2, comma 1).
    public var allFunctionsDelegatedToLead: Bool

    /// An ATS.
    public init(code: String, name: String, region: String? = nil, allFunctionsDelegatedToLead: Bool = false) {
        self.code = code
        self.name = name
        self.region = region
        self.allFunctionsDelegatedToLead = allFunctionsDelegatedToLead
    }
}

/// A comune of the ATS with its residents (ISTAT, at 1 January; RULES.md §4).
public struct Municipality: Sendable, Hashable {
    /// The ISTAT code, as text (leading zeros kept: `048001`).
    public var istatCode: String
    /// The name.
    public var name: String
    /// Residents: one figure for every year, or one per year.
    public var residents: Residents
    /// Where it was read.
    public var place: SourcePlace

    /// A comune.
    public init(istatCode: String, name: String, residents: Residents, place: SourcePlace) {
        self.istatCode = istatCode
        self.name = name
        self.residents = residents
        self.place = place
    }
}

/// Residents of a comune: a single figure, or one per year.
public enum Residents: Sendable, Hashable {
    /// The same figure for every year.
    case constant(Int)
    /// One figure per year (at 1 January of that year).
    case byYear([Int: Int])
    /// A base figure (if any) with figures replaced for some years (what-if scenarios).
    indirect case adjusted(base: Residents, byYear: [Int: Int])

    /// The residents at 1 January of `year`, if given.
    public func value(in year: Int) -> Int? {
        switch self {
        case .constant(let value): value
        case .byYear(let table): table[year]
        case .adjusted(let base, let table): table[year] ?? base.value(in: year)
        }
    }

    /// The same residents with `value` for `year`.
    public func replacing(year: Int, with value: Int) -> Residents {
        switch self {
        case .adjusted(let base, var table):
            table[year] = value
            return .adjusted(base: base, byYear: table)
        default:
            return .adjusted(base: self, byYear: [year: value])
        }
    }
}
