/// The `[regime]` section of a ruleset: every threshold of the twelve regime voters, the quorum
/// (k of the participating voters) each posture change needs, and the data-freshness limits.
/// Keys are the snake_case names below (`regime.<key>` in TOML); every default is documented on
/// its property, and the voter that uses it says how (see `RegimeVoters`).
///
/// Units: VIX and volatilities in vol points (VIX 20 = 20% a year); returns, growth rates and
/// relative changes as decimals (0.02 = 2%); FRED rates and spreads in percentage points as FRED
/// publishes them (BAA − GS10 = 2.5 means 250 bp); days are calendar days, sessions are trading
/// sessions of the calendar.
public struct RegimeRules: Sendable, Codable, Equatable {
    // MARK: Quorum and path

    /// Sessions replayed before the decision date, starting in `calm` (the posture is path
    /// dependent). Default 30.
    public var warmupSessions: Int
    /// Votes (of the non-abstaining voters) a change to `stress` needs. Default 3.
    public var stressVotes: Int
    /// Votes `stress` needs to be *kept* once in force (hysteresis: entering needs
    /// `stress_votes`, staying needs this many, at most `stress_votes`). Default 2.
    public var stressHoldVotes: Int
    /// Votes a change to `relief_rally` needs. Default 3.
    public var reliefVotes: Int
    /// Votes an upgrade from `relief_rally` to `real_resolution` needs. Default 2 (of the
    /// confirmation voters credit_spread, inflation_trend, gdp_trend, breadth_macd).
    public var resolutionVotes: Int
    /// Votes a change to `calm` needs. Default 6.
    public var calmVotes: Int
    /// Fewer non-abstaining voters than this and the posture does not change. Default 6.
    public var minimumParticipants: Int
    /// Consecutive sessions the posture must have been `relief_rally` (up to the previous
    /// session) before it may become `real_resolution` or `calm`. Default 5.
    public var resolutionPersistence: Int

    // MARK: Data

    /// Calendar days of daily history read for the indicators (MACD, RSI, SMA need warm-up).
    /// Default 400 (about 275 sessions).
    public var historyDays: Int
    /// A daily series (SPX, VIX, breadth) whose last value is more than this many calendar days
    /// before the as-of date is stale: its voters abstain. Default 5.
    public var dailyMaxAgeDays: Int
    /// A monthly series is stale when the end of its latest published period (the first day of
    /// the following month) is more than this many days before the as-of date. Default 75.
    public var monthlyMaxAgeDays: Int
    /// A quarterly series is stale when the end of its latest published quarter is more than
    /// this many days before the as-of date. Default 200.
    public var quarterlyMaxAgeDays: Int

    // MARK: VIX voters

    /// A VIX close at or above this level is "elevated" (relief is a fall from an elevated
    /// level). Default 20.
    public var vixElevated: Double
    /// Sessions looked back for an elevated VIX or a backwardated curve before a relief vote.
    /// Default 10.
    public var reliefLookbackSessions: Int
    /// MACD fast EMA period (VIX and breadth). Default 12.
    public var macdFast: Int
    /// MACD slow EMA period. Default 26.
    public var macdSlow: Int
    /// MACD signal EMA period. Default 9.
    public var macdSignal: Int
    /// vix_macd votes stress when the VIX MACD histogram is ≥ this (vol points). Default 1.0.
    public var vixMacdStressHistogram: Double
    /// vix_macd votes relief_rally when the histogram is ≤ −this while the MACD line is still
    /// positive (VIX falling fast from above its averages). Default 1.0.
    public var vixMacdReliefHistogram: Double
    /// RSI period (Wilder). Default 14.
    public var rsiPeriod: Int
    /// vix_rsi votes stress when the VIX RSI is ≥ this. Default 70.
    public var vixRsiStress: Double
    /// vix_rsi votes relief_rally when the VIX RSI is ≤ this after an elevated VIX. Default 40.
    public var vixRsiRelief: Double
    /// Near expiry of the modelled VIX futures curve, calendar days. Default 30.
    public var termNearDays: Int
    /// Far expiry of the modelled VIX futures curve, calendar days. Default 91.
    public var termFarDays: Int
    /// vix_term_structure votes stress when contango (F_far − F_near)/F_near is ≤ this
    /// (backwardation). Default −0.01.
    public var termStressContango: Double
    /// Event name headline_relief watches (`CalendarEvent.event`, case-insensitive). Default "FOMC".
    public var headlineEvent: String
    /// headline_relief looks at the sessions 0…this after the event. Default 3.
    public var headlineWindowSessions: Int
    /// headline_relief votes relief_rally when VIX is down ≥ this fraction from its close the
    /// session before the event. Default 0.10.
    public var headlineReliefDrop: Double
    /// headline_relief votes stress when VIX is up ≥ this fraction from that close. Default 0.20.
    public var headlineShockRise: Double

    // MARK: SPX voters

    /// SPX simple moving average period, sessions. Default 50.
    public var spxSMAPeriod: Int
    /// spx_trend votes stress on a one-session SPX return ≤ −this. Default 0.02.
    public var spxDayDrop: Double
    /// spx_trend votes stress on a five-session SPX return ≤ −this. Default 0.03.
    public var spxWeekDrop: Double
    /// spx_trend votes stress when the close is ≥ this fraction below its SMA. Default 0.05.
    public var spxTrendBreak: Double
    /// spx_trend votes relief_rally on a five-session return ≥ this after a close below the SMA
    /// within the relief lookback. Default 0.025.
    public var spxWeekRally: Double
    /// Realised-volatility window (log returns), sessions. Default 20.
    public var realizedPeriod: Int
    /// realized_vs_implied votes stress when realised vol is ≥ this (vol points). Default 25.
    public var realizedStressLevel: Double
    /// realized_vs_implied votes stress when VIX − realised vol is ≥ this (vol points: options
    /// price much more movement than the market shows, a fear premium). Default 10.
    public var impliedPremiumStress: Double
    /// realized_vs_implied votes relief_rally when VIX ≤ realised vol while realised vol is ≥
    /// this (vol points): implied has already let go of a turbulent stretch. Default 12.
    public var realizedReliefMinimum: Double

    // MARK: Breadth

    /// Daily breadth series (net advances − declines) read by breadth_macd; the bundled data has
    /// none, so the voter abstains unless a series of this symbol is imported. Default "ADVDEC".
    public var breadthSymbol: String

    // MARK: Macro voters

    /// Months of the short change window of the monthly voters (credit, inflation, dollar).
    /// Default 3.
    public var changeMonths: Int
    /// credit_spread votes stress when BAA − GS10 is ≥ this (percentage points). Default 3.25.
    public var creditStressLevel: Double
    /// credit_spread votes stress when the spread widened by ≥ this over `change_months`.
    /// Default 0.40.
    public var creditStressWidening: Double
    /// credit_spread votes real_resolution when the spread tightened by ≥ this over
    /// `change_months`. Default 0.20.
    public var creditTightening: Double
    /// rate_differential votes stress when GS10 − TB3MS is ≤ this (an inverted curve).
    /// Default 0.0.
    public var inversionThreshold: Double
    /// inflation_trend votes stress when core CPI's annualised `change_months` change exceeds its
    /// 12-month change by ≥ this (and is above the ceiling). Default 0.01.
    public var inflationAcceleration: Double
    /// Inflation ceiling for the stress vote (annualised core CPI). Default 0.03.
    public var inflationCeiling: Double
    /// gdp_trend votes stress when real GDP growth (latest quarter, annualised) is ≤ this.
    /// Default 0.0.
    public var gdpStressGrowth: Double
    /// gdp_trend votes real_resolution ("GDP stable") when that growth is ≥ this. Default 0.01.
    public var gdpStableGrowth: Double
    /// dollar_trend votes stress when the dollar index rose ≥ this over `change_months`.
    /// Default 0.03.
    public var dollarStressRise: Double
    /// After BAA − GS10 ends (FRED's Moody's series in the bundled data stops 2022-09),
    /// credit_spread reads the short-rate differential DGS2 − DFF and votes stress when it fell
    /// by ≥ this (percentage points) over `short_rate_window_days`: the market rushing to price
    /// emergency cuts. Default 0.50.
    public var shortRateStressDrop: Double
    /// Calendar days of the DGS2 − DFF change window. Default 30.
    public var shortRateWindowDays: Int

    public init(
        warmupSessions: Int = 30, stressVotes: Int = 3, stressHoldVotes: Int = 2, reliefVotes: Int = 3, resolutionVotes: Int = 2, calmVotes: Int = 6,
        minimumParticipants: Int = 6, resolutionPersistence: Int = 5, historyDays: Int = 400, dailyMaxAgeDays: Int = 5,
        monthlyMaxAgeDays: Int = 75, quarterlyMaxAgeDays: Int = 200, vixElevated: Double = 20, reliefLookbackSessions: Int = 10,
        macdFast: Int = 12, macdSlow: Int = 26, macdSignal: Int = 9, vixMacdStressHistogram: Double = 1.0,
        vixMacdReliefHistogram: Double = 1.0, rsiPeriod: Int = 14, vixRsiStress: Double = 70, vixRsiRelief: Double = 40,
        termNearDays: Int = 30, termFarDays: Int = 91, termStressContango: Double = -0.01, headlineEvent: String = "FOMC",
        headlineWindowSessions: Int = 3, headlineReliefDrop: Double = 0.10, headlineShockRise: Double = 0.20,
        spxSMAPeriod: Int = 50, spxDayDrop: Double = 0.02, spxWeekDrop: Double = 0.03, spxTrendBreak: Double = 0.05,
        spxWeekRally: Double = 0.025, realizedPeriod: Int = 20, realizedStressLevel: Double = 25, impliedPremiumStress: Double = 10,
        realizedReliefMinimum: Double = 12, breadthSymbol: String = "ADVDEC", changeMonths: Int = 3,
        creditStressLevel: Double = 3.25, creditStressWidening: Double = 0.40, creditTightening: Double = 0.20,
        inversionThreshold: Double = 0.0, inflationAcceleration: Double = 0.01, inflationCeiling: Double = 0.03,
        gdpStressGrowth: Double = 0.0, gdpStableGrowth: Double = 0.01, dollarStressRise: Double = 0.03,
        shortRateStressDrop: Double = 0.50, shortRateWindowDays: Int = 30
    ) {
        self.shortRateStressDrop = shortRateStressDrop
        self.shortRateWindowDays = shortRateWindowDays
        self.warmupSessions = warmupSessions
        self.stressVotes = stressVotes
        self.stressHoldVotes = stressHoldVotes
        self.reliefVotes = reliefVotes
        self.resolutionVotes = resolutionVotes
        self.calmVotes = calmVotes
        self.minimumParticipants = minimumParticipants
        self.resolutionPersistence = resolutionPersistence
        self.historyDays = historyDays
        self.dailyMaxAgeDays = dailyMaxAgeDays
        self.monthlyMaxAgeDays = monthlyMaxAgeDays
        self.quarterlyMaxAgeDays = quarterlyMaxAgeDays
        self.vixElevated = vixElevated
        self.reliefLookbackSessions = reliefLookbackSessions
        self.macdFast = macdFast
        self.macdSlow = macdSlow
        self.macdSignal = macdSignal
        self.vixMacdStressHistogram = vixMacdStressHistogram
        self.vixMacdReliefHistogram = vixMacdReliefHistogram
        self.rsiPeriod = rsiPeriod
        self.vixRsiStress = vixRsiStress
        self.vixRsiRelief = vixRsiRelief
        self.termNearDays = termNearDays
        self.termFarDays = termFarDays
        self.termStressContango = termStressContango
        self.headlineEvent = headlineEvent
        self.headlineWindowSessions = headlineWindowSessions
        self.headlineReliefDrop = headlineReliefDrop
        self.headlineShockRise = headlineShockRise
        self.spxSMAPeriod = spxSMAPeriod
        self.spxDayDrop = spxDayDrop
        self.spxWeekDrop = spxWeekDrop
        self.spxTrendBreak = spxTrendBreak
        self.spxWeekRally = spxWeekRally
        self.realizedPeriod = realizedPeriod
        self.realizedStressLevel = realizedStressLevel
        self.impliedPremiumStress = impliedPremiumStress
        self.realizedReliefMinimum = realizedReliefMinimum
        self.breadthSymbol = breadthSymbol
        self.changeMonths = changeMonths
        self.creditStressLevel = creditStressLevel
        self.creditStressWidening = creditStressWidening
        self.creditTightening = creditTightening
        self.inversionThreshold = inversionThreshold
        self.inflationAcceleration = inflationAcceleration
        self.inflationCeiling = inflationCeiling
        self.gdpStressGrowth = gdpStressGrowth
        self.gdpStableGrowth = gdpStableGrowth
        self.dollarStressRise = dollarStressRise
    }

    enum CodingKeys: String, CodingKey {
        case warmupSessions = "warmup_sessions"
        case stressVotes = "stress_votes"
        case stressHoldVotes = "stress_hold_votes"
        case reliefVotes = "relief_votes"
        case resolutionVotes = "resolution_votes"
        case calmVotes = "calm_votes"
        case minimumParticipants = "minimum_participants"
        case resolutionPersistence = "resolution_persistence"
        case historyDays = "history_days"
        case dailyMaxAgeDays = "daily_max_age_days"
        case monthlyMaxAgeDays = "monthly_max_age_days"
        case quarterlyMaxAgeDays = "quarterly_max_age_days"
        case vixElevated = "vix_elevated"
        case reliefLookbackSessions = "relief_lookback_sessions"
        case macdFast = "macd_fast"
        case macdSlow = "macd_slow"
        case macdSignal = "macd_signal"
        case vixMacdStressHistogram = "vix_macd_stress_histogram"
        case vixMacdReliefHistogram = "vix_macd_relief_histogram"
        case rsiPeriod = "rsi_period"
        case vixRsiStress = "vix_rsi_stress"
        case vixRsiRelief = "vix_rsi_relief"
        case termNearDays = "term_near_days"
        case termFarDays = "term_far_days"
        case termStressContango = "term_stress_contango"
        case headlineEvent = "headline_event"
        case headlineWindowSessions = "headline_window_sessions"
        case headlineReliefDrop = "headline_relief_drop"
        case headlineShockRise = "headline_shock_rise"
        case spxSMAPeriod = "spx_sma_period"
        case spxDayDrop = "spx_day_drop"
        case spxWeekDrop = "spx_week_drop"
        case spxTrendBreak = "spx_trend_break"
        case spxWeekRally = "spx_week_rally"
        case realizedPeriod = "realized_period"
        case realizedStressLevel = "realized_stress_level"
        case impliedPremiumStress = "implied_premium_stress"
        case realizedReliefMinimum = "realized_relief_minimum"
        case breadthSymbol = "breadth_symbol"
        case changeMonths = "change_months"
        case creditStressLevel = "credit_stress_level"
        case creditStressWidening = "credit_stress_widening"
        case creditTightening = "credit_tightening"
        case inversionThreshold = "inversion_threshold"
        case inflationAcceleration = "inflation_acceleration"
        case inflationCeiling = "inflation_ceiling"
        case gdpStressGrowth = "gdp_stress_growth"
        case gdpStableGrowth = "gdp_stable_growth"
        case dollarStressRise = "dollar_stress_rise"
        case shortRateStressDrop = "short_rate_stress_drop"
        case shortRateWindowDays = "short_rate_window_days"
    }

    /// The number of regime voters (`RegimeVoters.names`), the upper bound of every k.
    public static var voterCount: Int { RegimeVoters.names.count }

    /// The quorum k a change to `regime` needs.
    public func votesNeeded(for regime: Regime) -> Int {
        switch regime {
        case .stress: stressVotes
        case .reliefRally: reliefVotes
        case .realResolution: resolutionVotes
        case .calm: calmVotes
        }
    }

    /// Checks every value's domain; the error names the field as `regime.<key>`.
    ///
    /// Rules: every k (`*_votes`, `minimum_participants`) in 1…12 (the number of voters),
    /// `stress_hold_votes` in 1…`stress_votes`;
    /// sessions, day counts and periods ≥ 1 (MACD and RSI periods ≥ 2, `macd_fast` <
    /// `macd_slow`, realised-vol period ≥ 2, `term_near_days` < `term_far_days`); every threshold
    /// finite; drops, rises and histogram thresholds > 0; `vix_elevated` > 0; RSI thresholds in
    /// [0, 100] with `vix_rsi_relief` < `vix_rsi_stress`; `gdp_stress_growth` <
    /// `gdp_stable_growth`; `breadth_symbol` and `headline_event` not empty.
    public func validate() throws(RulesetError) {
        func fail(_ key: CodingKeys, _ reason: String) -> RulesetError {
            RulesetError(field: "regime.\(key.rawValue)", reason: reason)
        }
        let n = Self.voterCount
        for (value, key) in [
            (stressVotes, CodingKeys.stressVotes), (reliefVotes, .reliefVotes), (resolutionVotes, .resolutionVotes),
            (calmVotes, .calmVotes), (minimumParticipants, .minimumParticipants),
        ] {
            guard (1...n).contains(value) else { throw fail(key, "must be between 1 and the number of voters \(n) (got \(value))") }
        }
        guard (1...stressVotes).contains(stressHoldVotes) else {
            throw fail(.stressHoldVotes, "must be between 1 and stress_votes \(stressVotes) (got \(stressHoldVotes))")
        }
        for (value, key) in [
            (warmupSessions, CodingKeys.warmupSessions), (resolutionPersistence, .resolutionPersistence), (historyDays, .historyDays),
            (dailyMaxAgeDays, .dailyMaxAgeDays), (monthlyMaxAgeDays, .monthlyMaxAgeDays), (quarterlyMaxAgeDays, .quarterlyMaxAgeDays),
            (reliefLookbackSessions, .reliefLookbackSessions), (termNearDays, .termNearDays), (termFarDays, .termFarDays),
            (headlineWindowSessions, .headlineWindowSessions), (spxSMAPeriod, .spxSMAPeriod), (changeMonths, .changeMonths),
        ] {
            guard value >= 1 else { throw fail(key, "must be at least 1 (got \(value))") }
        }
        for (value, key) in [
            (macdFast, CodingKeys.macdFast), (macdSlow, .macdSlow), (macdSignal, .macdSignal), (rsiPeriod, .rsiPeriod),
            (realizedPeriod, .realizedPeriod),
        ] {
            guard (2...100_000).contains(value) else { throw fail(key, "must be a period in 2...100000 (got \(value))") }
        }
        guard macdFast < macdSlow else { throw fail(.macdFast, "must be below macd_slow (\(macdFast) >= \(macdSlow))") }
        guard termNearDays < termFarDays else {
            throw fail(.termNearDays, "must be below term_far_days (\(termNearDays) >= \(termFarDays))")
        }
        for (value, key) in [
            (termStressContango, CodingKeys.termStressContango), (inversionThreshold, .inversionThreshold),
            (gdpStressGrowth, .gdpStressGrowth), (gdpStableGrowth, .gdpStableGrowth), (inflationCeiling, .inflationCeiling),
        ] {
            guard value.isFinite else { throw fail(key, "must be a finite number (got \(value))") }
        }
        for (value, key) in [
            (vixElevated, CodingKeys.vixElevated), (vixMacdStressHistogram, .vixMacdStressHistogram),
            (vixMacdReliefHistogram, .vixMacdReliefHistogram), (headlineReliefDrop, .headlineReliefDrop),
            (headlineShockRise, .headlineShockRise), (spxDayDrop, .spxDayDrop), (spxWeekDrop, .spxWeekDrop),
            (spxTrendBreak, .spxTrendBreak), (spxWeekRally, .spxWeekRally), (realizedStressLevel, .realizedStressLevel),
            (impliedPremiumStress, .impliedPremiumStress), (realizedReliefMinimum, .realizedReliefMinimum),
            (creditStressLevel, .creditStressLevel), (creditStressWidening, .creditStressWidening),
            (creditTightening, .creditTightening), (inflationAcceleration, .inflationAcceleration),
            (dollarStressRise, .dollarStressRise), (shortRateStressDrop, .shortRateStressDrop),
        ] {
            guard value.isFinite, value > 0 else { throw fail(key, "must be a finite number > 0 (got \(value))") }
        }
        guard (1...366).contains(shortRateWindowDays) else {
            throw fail(.shortRateWindowDays, "must be between 1 and 366 days (got \(shortRateWindowDays))")
        }
        guard headlineReliefDrop < 1 else { throw fail(.headlineReliefDrop, "must be a fraction below 1 (got \(headlineReliefDrop))") }
        guard spxDayDrop < 1 else { throw fail(.spxDayDrop, "must be a fraction below 1 (got \(spxDayDrop))") }
        guard spxWeekDrop < 1 else { throw fail(.spxWeekDrop, "must be a fraction below 1 (got \(spxWeekDrop))") }
        guard spxTrendBreak < 1 else { throw fail(.spxTrendBreak, "must be a fraction below 1 (got \(spxTrendBreak))") }
        for (value, key) in [(vixRsiStress, CodingKeys.vixRsiStress), (vixRsiRelief, .vixRsiRelief)] {
            guard value.isFinite, (0...100).contains(value) else { throw fail(key, "an RSI level must be in [0, 100] (got \(value))") }
        }
        guard vixRsiRelief < vixRsiStress else {
            throw fail(.vixRsiRelief, "must be below vix_rsi_stress (\(vixRsiRelief) >= \(vixRsiStress))")
        }
        guard gdpStressGrowth < gdpStableGrowth else {
            throw fail(.gdpStressGrowth, "must be below gdp_stable_growth (\(gdpStressGrowth) >= \(gdpStableGrowth))")
        }
        guard !breadthSymbol.isEmpty else { throw fail(.breadthSymbol, "must name a series") }
        guard !headlineEvent.isEmpty else { throw fail(.headlineEvent, "must name an event") }
    }
}
