/// The share of a full-time contract a person works in a period (docs/regole.md §3):
/// a `percentuale` p with 1 < p ≤ 100, exact, or weekly hours over the full-time hours
/// (`ore_settimanali` / `ore_tempo_pieno`, default 36 as in the CCNL Funzioni Locali):
/// 30 h of 36 is exactly 5/6, not 83,33 %.
///
/// The one place of the percentuale rule: readers and the command line build shares through
/// these initialisers, so a share that exists is valid.
public struct WorkShare: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Weekly hours and the full-time hours they are a share of.
    public struct Hours: Sendable, Hashable {
        /// Ten-thousandths of an hour (the readers accept at most 4 decimals, and at most 60
        /// hours: both fit in 32 bits).
        fileprivate let weeklyUnits: UInt32
        fileprivate let fullTimeUnits: UInt32

        /// Hours worked per week.
        public var weekly: Fraction { Fraction(Int(weeklyUnits), WorkShare.hourUnit) }
        /// Hours of a full-time contract per week.
        public var fullTime: Fraction { Fraction(Int(fullTimeUnits), WorkShare.hourUnit) }
    }

    /// How the share was given, in integers: a person has one share per period, and a roster of a
    /// million periods keeps them all (docs/benchmark.md, «Third pass»).
    enum Storage: Sendable, Hashable {
        /// A percentuale in units of 10⁻¹⁵ percent (at most 15 decimals: at most 10¹⁷ units).
        case percent(Int64)
        /// Weekly hours over full-time hours.
        case hours(Hours)
    }

    private let storage: Storage

    /// The units of a percentuale in ``Storage/percent(_:)``: 10¹⁵, one per decimal it may have.
    private static let percentUnit = Bounds.percentageUnit
    /// The units of an hour in ``Hours``: 10⁴, one per decimal the hours may have.
    fileprivate static let hourUnit = Bounds.unit(decimals: hoursDecimals)

    /// The share in percent of full time, 1 < p ≤ 100, exact.
    public var percent: Fraction {
        switch storage {
        case .percent(let units): Fraction(Int(units), Self.percentUnit)
        case .hours(let hours): Fraction(Int(hours.weeklyUnits) * 100, Int(hours.fullTimeUnits))
        }
    }

    /// How the share was given: shares given alike have the same ``description`` (50 % and
    /// 18 h su 36 are equal shares, given differently).
    var given: Storage { storage }

    /// The hours the share was given as, if it was.
    public var hours: Hours? {
        if case .hours(let hours) = storage { return hours }
        return nil
    }

    /// The full-time hours used when none are given (CCNL Funzioni Locali).
    public static let defaultFullTimeHours = Fraction(36)
    /// The full-time hours accepted: from 1 to 60 a week.
    public static let fullTimeHoursRange = Fraction(1)...Fraction(60)
    /// The largest denominator of a share in percent (what 15 decimals and hours need, with room).
    static let maximumDenominator = Fraction(1_000_000_000_000_000_000)
    /// The most decimals of weekly and full-time hours (what the JSON and CSV readers accept).
    static let hoursDecimals = 4

    /// Whether `value` is written exactly with at most `decimals` decimals (so every input format,
    /// and ``RosterWriter``, can carry it unchanged).
    static func hasDecimals(_ value: Fraction, atMost decimals: Int) -> Bool {
        BigInt.tenToThe(decimals) % value.denominator == 0
    }

    /// Full time (100 %).
    public static let fullTime = WorkShare(storage: .percent(100 * Int64(percentUnit)))

    /// A share given in percent of full time.
    ///
    /// - Throws: ``InvalidValue`` with ``DiagnosticCode/percentualeFuoriIntervallo`` when `percent`
    ///   is not in (1, 100]: a value of 1 or less is ambiguous («0,5» half time or half a
    ///   percent?) and the message suggests the value in percent (`forse 50?`);
    ///   ``DiagnosticCode/fuoriMisura`` for a value not written with at most 15 decimals (RULES §3:
    ///   `58,3333` is a percentuale, 175/3 is not: give it as hours, 21 of 36).
    public init(percent: Fraction) throws(InvalidValue) {
        // The usual case: a percentuale exact in units of 10⁻¹⁵ % (so with at most 15 decimals)
        // and in range, checked as an integer.
        let unit = Int64(Self.percentUnit)
        if let units = percent.exactUnits(per: unit), units > unit, units <= 100 * unit {
            self.init(storage: .percent(units))
            return
        }
        guard percent > Fraction(1), percent <= Fraction(100) else {
            throw InvalidValue(.percentualeFuoriIntervallo, Self.outOfRangeMessage(percent))
        }
        guard Fraction(percent.denominator) <= Self.maximumDenominator, Self.hasDecimals(percent, atMost: Bounds.percentageDecimals) else {
            throw InvalidValue(
                .fuoriMisura,
                "percentuale con troppe cifre decimali: al massimo \(Bounds.percentageDecimals) (per una quota come 21 ore su 36 indica le ore settimanali)")
        }
        self.init(storage: .percent(Self.units(of: percent, per: Self.percentUnit)))
    }

    /// A share given as weekly hours over the full-time hours (default 36).
    ///
    /// - Throws: ``InvalidValue`` with ``DiagnosticCode/oreNonValide`` when `fullTime` is not
    ///   between 1 and 60, `weekly` is not in (0, `fullTime`] or either has more than 4 decimals
    ///   (what the input formats carry), and ``DiagnosticCode/percentualeFuoriIntervallo`` when
    ///   the share is 1 % or less.
    public init(weeklyHours weekly: Fraction, fullTimeHours fullTime: Fraction = WorkShare.defaultFullTimeHours) throws(InvalidValue) {
        try Self.checkFullTimeHours(fullTime)
        guard Self.hasDecimals(weekly, atMost: Self.hoursDecimals) else {
            throw InvalidValue(.oreNonValide, "ore con troppe cifre decimali: al massimo \(Self.hoursDecimals)")
        }
        guard weekly > .zero, weekly <= fullTime else {
            // More than 36 over the default full time: a full time of more hours (38 in the health
            // sector's contract; a trial of simula was told only «al massimo 36»). For every reader.
            let longer =
                weekly > fullTime && fullTime == Self.defaultFullTimeHours
                ? "; se il tempo pieno della persona è di più ore (38 nel contratto della sanità), indicalo in ore_tempo_pieno (in JSON oreTempoPieno)" : ""
            throw InvalidValue(
                .oreNonValide,
                "ore settimanali non valide: \(NumberFormatting.italianTrimmed(weekly)) (devono essere più di 0 e al massimo \(NumberFormatting.italianTrimmed(fullTime)), il tempo pieno)\(longer)"
            )
        }
        let percent = weekly * Fraction(100) / fullTime
        guard percent > Fraction(1) else {
            throw InvalidValue(
                .percentualeFuoriIntervallo,
                "\(NumberFormatting.italianTrimmed(weekly)) ore su \(NumberFormatting.italianTrimmed(fullTime)) sono l'1% o meno del tempo pieno")
        }
        guard Fraction(percent.denominator) <= Self.maximumDenominator else {
            throw InvalidValue(.fuoriMisura, "ore con troppe cifre decimali")
        }
        self.init(
            storage: .hours(
                Hours(weeklyUnits: UInt32(Self.units(of: weekly, per: Self.hourUnit)), fullTimeUnits: UInt32(Self.units(of: fullTime, per: Self.hourUnit)))))
    }

    /// Checks the full-time hours of a share given in hours, the rule of
    /// ``init(weeklyHours:fullTimeHours:)`` for them alone (a reader names their own column).
    ///
    /// - Throws: ``InvalidValue`` (``DiagnosticCode/oreNonValide``) outside ``fullTimeHoursRange``
    ///   or with more than 4 decimals.
    static func checkFullTimeHours(_ fullTime: Fraction) throws(InvalidValue) {
        guard Self.hasDecimals(fullTime, atMost: Self.hoursDecimals) else {
            throw InvalidValue(.oreNonValide, "ore con troppe cifre decimali: al massimo \(Self.hoursDecimals)")
        }
        guard Self.fullTimeHoursRange.contains(fullTime) else {
            throw InvalidValue(.oreNonValide, "ore del tempo pieno non valide: \(NumberFormatting.italianTrimmed(fullTime)) (di solito 36; tra 1 e 60)")
        }
    }

    private init(storage: Storage) { self.storage = storage }

    /// `value` × `unit`, for a value the initialisers checked to be exact with the unit's
    /// decimals and small enough for the storage (at most 100 × 10¹⁵).
    private static func units(of value: Fraction, per unit: Int) -> Int64 {
        let units = value.exactUnits(per: Int64(unit))
        assert(units != nil, "a share the initialisers accepted does not fit its storage")
        return units ?? 0
    }

    /// The share as a fraction of full time (p/100): 5/6 for 30 hours of 36.
    public var fraction: Fraction {
        switch storage {
        case .percent(let units): Fraction(Int(units), 100 * Self.percentUnit)
        case .hours(let hours): Fraction(Int(hours.weeklyUnits), Int(hours.fullTimeUnits))
        }
    }

    /// `83,33 %` as given (every decimal written, never rounded: an explanation shows the share
    /// it multiplies), or `30 h su 36` when given in hours.
    /// Whether the share is below ``Bounds/plausibleMinimumShare`` of full time: a warning for a
    /// person who counts (most likely a digit missing, docs/regole.md, «Limiti»).
    /// The share as given, in one integer (for ``StaffRecord/fingerprint``): the units of a
    /// percentage, or the weekly and full-time units of hours with the top bit set.
    var fingerprint: UInt64 {
        switch storage {
        case .percent(let units): UInt64(bitPattern: units)
        case .hours(let hours): 1 << 63 | UInt64(hours.weeklyUnits) << 32 | UInt64(hours.fullTimeUnits)
        }
    }

    /// Compared on the stored integers (every period of a roster is looked at).
    var isImplausiblySmall: Bool {
        switch storage {
        case .percent(let units): units < Int64(Bounds.plausibleMinimumShare) * Int64(Self.percentUnit)
        // weekly / full time < minimum / 100, in 64 bits (each below 2³²).
        case .hours(let hours): UInt64(hours.weeklyUnits) * 100 < UInt64(Bounds.plausibleMinimumShare) * UInt64(hours.fullTimeUnits)
        }
    }

    /// The whole percentage, when a share written as a percentage is a whole number of the
    /// hours of a week of 36 from 12 to 36 (12, 18, 24, 30, 36): most likely the weekly hours
    /// typed into `percentuale` (18 for the 50 %: 18 % counted with no word, a trial). Part-time
    /// percentages are the hours over 36 (50, 66,67, 83,33), seldom these.
    var wholePercentLikeWeeklyHours: Int? {
        guard case .percent(let units) = storage, units % Int64(Self.percentUnit) == 0 else { return nil }
        let whole = Int(units / Int64(Self.percentUnit))
        return whole >= 12 && whole <= 36 && whole % 6 == 0 ? whole : nil
    }

    /// The weekly hours and minutes, when a share given in hours has a fraction of an hour of
    /// ,15 ,30 or ,45: most likely hours and minutes written as a clock does (`18,30` for 18 h
    /// 30 min, read as 18,3 h: 18 h 18 min, a trial). As decimals of an hour these are odd
    /// minutes (9, 18, 27); a quarter, a half and three quarters of an hour are ,25 ,5 ,75.
    /// Hours that are a whole percentage of a full time other than 36 (32,3 of 38 is 85 %, a
    /// review) are no clock, nor a share of a few percent (warned of as such).
    var hoursLikeClockMinutes: (hours: Int, minutes: Int)? {
        guard case .hours(let hours) = storage, !isImplausiblySmall else { return nil }
        let unit = UInt32(Self.hourUnit)
        if hours.fullTimeUnits != 36 * unit && (UInt64(hours.weeklyUnits) * 100) % UInt64(hours.fullTimeUnits) == 0 { return nil }
        let fraction = hours.weeklyUnits % unit
        guard [15, 30, 45].contains(where: { UInt32($0) * unit / 100 == fraction }) else { return nil }
        return (Int(hours.weeklyUnits / unit), Int(fraction * 100 / unit))
    }

    /// The advice of the warning on a share ``hoursLikeClockMinutes``.
    func clockMinutesAdvice(hours whole: Int, minutes: Int) -> String {
        let meant = Fraction(whole) + Fraction(minutes, 60)
        return
            "le ore settimanali \(hours.map { NumberFormatting.italianTrimmed($0.weekly) } ?? "") sono lette come \(whole) ore e \(minutes * 60 / 100) minuti (i decimali sono centesimi di ora): se sono \(whole) ore e \(minutes) minuti, scrivi \(NumberFormatting.italianTrimmed(meant, maximumDecimals: 4)); se sono davvero \(whole) ore e \(minutes * 60 / 100) minuti, non serve altro"
    }

    /// The advice of the warning on a share ``wholePercentLikeWeeklyHours``: `column` is where
    /// hours are written (`ore_settimanali`, `oreSettimanali`).
    func weeklyHoursAdvice(_ whole: Int, column: String) -> String {
        "\(whole) % del tempo pieno: se sono \(whole) ore settimanali (su 36: \(NumberFormatting.italianTrimmed(Fraction(whole * 100, 36), maximumDecimals: 2)) %), scrivile in \(column); se è davvero il \(whole) %, non serve altro"
    }

    /// The share and the advice of the warning on a share ``isImplausiblySmall``.
    var implausiblySmallAdvice: String {
        "\(self)\(hours == nil ? " del tempo pieno" : ""), meno del \(Bounds.plausibleMinimumShare) %: verifica che non manchi una cifra (\(hours == nil ? "50 invece di 5" : "le ore settimanali, non quelle del giorno")); se è giusta, non serve altro"
    }

    public var description: String {
        if let hours { return "\(NumberFormatting.italianTrimmed(hours.weekly)) h su \(NumberFormatting.italianTrimmed(hours.fullTime))" }
        return "\(NumberFormatting.italianTrimmed(percent, maximumDecimals: Bounds.percentageDecimals)) %"
    }

    /// Shares are equal when they are the same share of full time, however given (two shares
    /// given the same way are compared on their integers).
    public static func == (lhs: WorkShare, rhs: WorkShare) -> Bool {
        switch (lhs.storage, rhs.storage) {
        case (.percent(let left), .percent(let right)): left == right
        case (.hours(let left), .hours(let right)):
            UInt64(left.weeklyUnits) * UInt64(right.fullTimeUnits) == UInt64(right.weeklyUnits) * UInt64(left.fullTimeUnits)
        default: lhs.percent == rhs.percent
        }
    }
    /// Hashes the share.
    public func hash(into hasher: inout Hasher) { hasher.combine(percent) }
    /// Orders by share (two shares given the same way are compared on their integers).
    public static func < (lhs: WorkShare, rhs: WorkShare) -> Bool {
        switch (lhs.storage, rhs.storage) {
        case (.percent(let left), .percent(let right)): left < right
        case (.hours(let left), .hours(let right)):
            UInt64(left.weeklyUnits) * UInt64(right.fullTimeUnits) < UInt64(right.weeklyUnits) * UInt64(left.fullTimeUnits)
        default: lhs.percent < rhs.percent
        }
    }

    /// The message for a percentuale outside (1, 100], with `forse 50?` when the value looks
    /// like a fraction of one whose percent is a valid percentuale (0,5 → 50; not 0,005 → 0,5).
    static func outOfRangeMessage(_ percent: Fraction) -> String {
        let given = NumberFormatting.italianTrimmed(percent, maximumDecimals: 15)
        if percent > Fraction(1, 100) && percent <= Fraction(1) {
            let scaled = percent * Fraction(100)
            return
                "percentuale \(given) ambigua: la percentuale è la quota del tempo pieno tra 1 e 100 (forse \(NumberFormatting.italianTrimmed(scaled, maximumDecimals: 13))?); se sono ore settimanali, indicale in ore_settimanali (oreSettimanali in JSON)"
        }
        return "percentuale \(given) fuori intervallo: deve essere maggiore di 1 e al massimo 100 (tempo pieno = 100)"
    }
}

extension WorkShare: Codable {
    private enum CodingKeys: String, CodingKey { case percent, weeklyHours, fullTimeHours }

    /// Decodes a share given as `percent` or as `weeklyHours` (with optional `fullTimeHours`),
    /// through the validating initialisers.
    ///
    /// - Throws: `DecodingError.dataCorrupted` when the share breaks the rule.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        do {
            // As the readers: one form of the share, never one of two dropped in silence.
            if container.contains(.weeklyHours) && container.contains(.percent) {
                throw InvalidValue(.quotaAmbigua, "indica percent oppure weeklyHours, non entrambi")
            }
            if container.contains(.fullTimeHours) && !container.contains(.weeklyHours) {
                throw InvalidValue(.quotaAmbigua, "fullTimeHours vale solo con weeklyHours")
            }
            if let weekly = try container.decodeIfPresent(Fraction.self, forKey: .weeklyHours) {
                let fullTime = try container.decodeIfPresent(Fraction.self, forKey: .fullTimeHours) ?? Self.defaultFullTimeHours
                self = try WorkShare(weeklyHours: weekly, fullTimeHours: fullTime)
            } else {
                self = try WorkShare(percent: try container.decode(Fraction.self, forKey: .percent))
            }
        } catch let invalid as InvalidValue {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: container.codingPath, debugDescription: invalid.message, underlyingError: invalid))
        }
    }

    /// Encodes the hours when the share was given in hours, else the percent.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if let hours {
            try container.encode(hours.weekly, forKey: .weeklyHours)
            try container.encode(hours.fullTime, forKey: .fullTimeHours)
        } else {
            try container.encode(percent, forKey: .percent)
        }
    }
}
