/// How the long wings of the condor are chosen.
public enum CondorWingMode: String, Sendable, Codable, CaseIterable {
    /// Long put and long call at the listed strikes beyond the shorts whose model |Δ| is closest
    /// to `wing_delta`.
    case delta
    /// Long put at shortPut − `wing_width`, long call at shortCall + `wing_width` (index points).
    case width
}

/// What the condor does in the `stress` regime.
public enum CondorStressAction: String, Sendable, Codable, CaseIterable {
    /// Trade, with the size multiplied by `stress_size_multiplier`.
    case reduce
    /// Open no new condor.
    case skip
}

/// The `[condor]` section of a ruleset: how the SPX iron condor is chosen, sized and managed.
/// Keys are the snake_case names below (`condor.<key>` in TOML); every default is documented.
///
/// - Expiry: the listed expiry (standard monthly or Friday weekly, as the chain lists them)
///   whose calendar days to expiry (DTE) lie in [`min_dte`, `max_dte`] = [30, 45] and are
///   closest to the window's middle (min + max)/2 = 37.5; ties go to the earlier expiry.
/// - Shorts: the short put and the short call are the listed strikes whose absolute model
///   delta |Δ| (Black-Scholes-Merton spot delta at the surface vol) is closest to
///   `short_delta` = 0.16, among strikes with |Δ| inside [`short_delta_min`, `short_delta_max`]
///   = [0.15, 0.20]; ties go to the strike further from the money.
/// - Wings: `wing_mode` = `delta` puts the longs at |Δ| ≈ `wing_delta` = 0.05; `width` puts
///   them `wing_width` = 50 index points beyond the shorts.
/// - Size: contracts = ⌊capital · `max_loss_fraction` · (regime multiplier) / max loss per
///   contract⌋ with `max_loss_fraction` = 0.10: the condor book (one condor at a time) may lose
///   at most 10% of capital at its maximum loss, the collateral rule of Cboe's CNDR index
///   (reproduced by `cndr_risk_fraction`). This is the condor risk budget R that every hedge
///   budget is a multiple of. (Until 2026-11 the default was 0.02, which left a 15-20 delta
///   condor with 5-delta wings unable to open a single contract once the S&P 500 stood above
///   about 4,000, and made the hedges several times the size of the book they protect.)
/// - Management (P&L marked at model mids, in multiples of the entry credit C):
///   take profit when P&L ≥ `take_profit`·C = 0.5·C (half the credit kept); stop loss when
///   P&L ≤ −`stop_loss`·C = −2.0·C (a loss of twice the credit, i.e. buying back at 3·C);
///   close when DTE ≤ `exit_dte` = 21 (before the gamma of the last three weeks).
/// - Regimes: `calm` and `relief_rally` (unconfirmed) use the rules as they are;
///   `real_resolution` (a confirmed all-clear) moves the short delta target to
///   `real_resolution_short_delta` = 0.20, the top of the band (shorts nearer the money, more
///   credit); `stress` applies `stress_action` = `reduce`, multiplying the size by
///   `stress_size_multiplier` = 0.5 (or `skip`: no new condor).
public struct CondorRules: Sendable, Codable, Equatable {
    /// Minimum calendar days to expiry of the chosen expiry (days). Default 30.
    public var minDTE: Int
    /// Maximum calendar days to expiry of the chosen expiry (days). Default 45.
    public var maxDTE: Int
    /// Target |Δ| of the short put and the short call. Default 0.16 (≈ one standard deviation).
    public var shortDelta: Double
    /// Lowest acceptable |Δ| of a short strike. Default 0.15.
    public var shortDeltaMin: Double
    /// Highest acceptable |Δ| of a short strike. Default 0.20.
    public var shortDeltaMax: Double
    /// How the wings are chosen. Default `delta`.
    public var wingMode: CondorWingMode
    /// Target |Δ| of the long wings in `delta` mode. Default 0.05.
    public var wingDelta: Double
    /// Distance of each long strike from its short strike in `width` mode (index points). Default 50.
    public var wingWidth: Double
    /// Maximum loss of one trade (the condor book: one condor at a time) as a fraction of
    /// capital, in (0, 1]. Default 0.10.
    public var maxLossFraction: Double
    /// Take profit when the P&L reaches this fraction of the entry credit, in (0, 1]. Default 0.5.
    public var takeProfit: Double
    /// Stop when the loss reaches this multiple of the entry credit, > 0. Default 2.0.
    public var stopLoss: Double
    /// Close when the calendar days to expiry fall to this value or below. Default 21.
    public var exitDTE: Int
    /// Short |Δ| target in the `real_resolution` regime (inside the band). Default 0.20.
    public var realResolutionShortDelta: Double
    /// What to do in the `stress` regime. Default `reduce`.
    public var stressAction: CondorStressAction
    /// Size multiplier in the `stress` regime when reducing, in (0, 1]. Default 0.5.
    public var stressSizeMultiplier: Double

    public init(
        minDTE: Int = 30, maxDTE: Int = 45, shortDelta: Double = 0.16, shortDeltaMin: Double = 0.15, shortDeltaMax: Double = 0.20,
        wingMode: CondorWingMode = .delta, wingDelta: Double = 0.05, wingWidth: Double = 50, maxLossFraction: Double = 0.10,
        takeProfit: Double = 0.5, stopLoss: Double = 2.0, exitDTE: Int = 21, realResolutionShortDelta: Double = 0.20,
        stressAction: CondorStressAction = .reduce, stressSizeMultiplier: Double = 0.5
    ) {
        self.minDTE = minDTE
        self.maxDTE = maxDTE
        self.shortDelta = shortDelta
        self.shortDeltaMin = shortDeltaMin
        self.shortDeltaMax = shortDeltaMax
        self.wingMode = wingMode
        self.wingDelta = wingDelta
        self.wingWidth = wingWidth
        self.maxLossFraction = maxLossFraction
        self.takeProfit = takeProfit
        self.stopLoss = stopLoss
        self.exitDTE = exitDTE
        self.realResolutionShortDelta = realResolutionShortDelta
        self.stressAction = stressAction
        self.stressSizeMultiplier = stressSizeMultiplier
    }

    enum CodingKeys: String, CodingKey {
        case minDTE = "min_dte"
        case maxDTE = "max_dte"
        case shortDelta = "short_delta"
        case shortDeltaMin = "short_delta_min"
        case shortDeltaMax = "short_delta_max"
        case wingMode = "wing_mode"
        case wingDelta = "wing_delta"
        case wingWidth = "wing_width"
        case maxLossFraction = "max_loss_fraction"
        case takeProfit = "take_profit"
        case stopLoss = "stop_loss"
        case exitDTE = "exit_dte"
        case realResolutionShortDelta = "real_resolution_short_delta"
        case stressAction = "stress_action"
        case stressSizeMultiplier = "stress_size_multiplier"
    }

    /// Checks every value's domain; the error names the field as `condor.<key>`.
    public func validate() throws(RulesetError) {
        func fail(_ key: CodingKeys, _ reason: String) -> RulesetError {
            RulesetError(field: "condor.\(key.rawValue)", reason: reason)
        }
        func delta(_ value: Double, _ key: CodingKeys) throws(RulesetError) {
            guard value.isFinite, value > 0, value < 0.5 else { throw fail(key, "an absolute delta must be in (0, 0.5) (got \(value))") }
        }
        func fraction(_ value: Double, _ key: CodingKeys) throws(RulesetError) {
            guard value.isFinite, value > 0, value <= 1 else { throw fail(key, "must be a fraction in (0, 1] (got \(value))") }
        }
        guard minDTE >= 1 else { throw fail(.minDTE, "must be at least 1 day (got \(minDTE))") }
        guard maxDTE >= minDTE else { throw fail(.minDTE, "must not exceed max_dte (\(minDTE) > \(maxDTE))") }
        try delta(shortDelta, .shortDelta)
        try delta(shortDeltaMin, .shortDeltaMin)
        try delta(shortDeltaMax, .shortDeltaMax)
        guard shortDeltaMin <= shortDeltaMax else {
            throw fail(.shortDeltaMin, "must not exceed short_delta_max (\(shortDeltaMin) > \(shortDeltaMax))")
        }
        guard shortDeltaMin <= shortDelta, shortDelta <= shortDeltaMax else {
            throw fail(.shortDelta, "must lie inside the band [\(shortDeltaMin), \(shortDeltaMax)] (got \(shortDelta))")
        }
        try delta(wingDelta, .wingDelta)
        guard wingDelta < shortDeltaMin else {
            throw fail(.wingDelta, "wings must be further out than the shorts: below short_delta_min \(shortDeltaMin) (got \(wingDelta))")
        }
        guard wingWidth.isFinite, wingWidth > 0 else { throw fail(.wingWidth, "must be > 0 index points (got \(wingWidth))") }
        try fraction(maxLossFraction, .maxLossFraction)
        try fraction(takeProfit, .takeProfit)
        guard stopLoss.isFinite, stopLoss > 0 else { throw fail(.stopLoss, "must be a positive multiple of the credit (got \(stopLoss))") }
        guard exitDTE >= 0, exitDTE < minDTE else {
            throw fail(.exitDTE, "must be in [0, min_dte) so a new trade is not closed at once (got \(exitDTE))")
        }
        try delta(realResolutionShortDelta, .realResolutionShortDelta)
        guard shortDeltaMin <= realResolutionShortDelta, realResolutionShortDelta <= shortDeltaMax else {
            throw fail(.realResolutionShortDelta, "must lie inside the band [\(shortDeltaMin), \(shortDeltaMax)] (got \(realResolutionShortDelta))")
        }
        try fraction(stressSizeMultiplier, .stressSizeMultiplier)
    }

    /// The short |Δ| target and size multiplier in force in `regime`, or `nil` when the rules
    /// open no condor in it (`stress` with `stress_action = skip`).
    public func adjustment(for regime: Regime) -> CondorRegimeAdjustment? {
        switch regime {
        case .calm, .reliefRally:
            return CondorRegimeAdjustment(regime: regime, shortDelta: shortDelta, sizeMultiplier: 1)
        case .realResolution:
            return CondorRegimeAdjustment(regime: regime, shortDelta: realResolutionShortDelta, sizeMultiplier: 1)
        case .stress:
            switch stressAction {
            case .skip: return nil
            case .reduce: return CondorRegimeAdjustment(regime: regime, shortDelta: shortDelta, sizeMultiplier: stressSizeMultiplier)
            }
        }
    }
}

/// The condor rules as adjusted for one regime (see `CondorRules.adjustment(for:)`).
public struct CondorRegimeAdjustment: Sendable, Codable, Equatable {
    public var regime: Regime
    /// Target |Δ| of the shorts.
    public var shortDelta: Double
    /// Multiplier of the risk budget capital · max_loss_fraction.
    public var sizeMultiplier: Double

    public init(regime: Regime, shortDelta: Double, sizeMultiplier: Double) {
        self.regime = regime
        self.shortDelta = shortDelta
        self.sizeMultiplier = sizeMultiplier
    }
}
