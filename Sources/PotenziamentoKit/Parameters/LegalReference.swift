/// Where a legal parameter comes from: the act, the provision and, where known, a public URL.
///
/// Every ``DatedValue`` carries one, and every report that uses a value cites it.
public struct LegalReference: Sendable, Hashable, Codable {
    /// The act, e.g. `L. 30 dicembre 2020, n. 178`.
    public let act: String
    /// The provision within the act, e.g. `art. 1, comma 797, lett. a)`.
    public let provision: String
    /// A public URL of the text or of the source that reports it, if known.
    public let url: String?
    /// A short note on how certain the source is or what it says (Italian).
    public let note: String?

    /// A reference to `provision` of `act`.
    public init(act: String, provision: String, url: String? = nil, note: String? = nil) {
        self.act = act
        self.provision = provision
        self.url = url
        self.note = note
    }

    /// `L. 30 dicembre 2020, n. 178, art. 1, comma 797, lett. a)`.
    public var citation: String { provision.isEmpty ? act : "\(act), \(provision)" }
}
