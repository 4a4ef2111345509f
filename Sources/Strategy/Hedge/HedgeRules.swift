/// The ALVH (Adaptive Layered VIX Hedge) sizing rules: the `[hedge]` table of a ruleset. Every
/// size is a parameter here; defaults are the values shown in brackets. Every option budget is
/// stated against what it protects: a multiple of the condor risk budget R = capital ×
/// `condor.max_loss_fraction` (the maximum loss the condor book is sized to; `capital` is the
/// account equity the planner is given), so the keys end in `_of_risk`; `HedgeLayerSummary`
/// reports each budget in dollars too.
///
/// The defaults come from the hedge frontier (`HedgeFrontier`, README "Results"): starting
/// from the design's percentages taken as multiples of R instead of capital (hedge ratio 0.5;
/// seed 0.06 × R where the design said 5-7% of capital; layer 2 0.15 × R in tranches of
/// 0.025 × R; ladder 0.10 × R), each layer's default
/// is its frontier point with the highest CAGR among the non-zero multiples over 2007-2026.
/// For the seed and the ladder that is the smallest multiple (0.25×): in this model they do
/// not pay for themselves at any size, and stay on at that size only so that the frontier can
/// still scale them and `signal` still shows them. Premium always means option premium in dollars (VIX
/// options: price × 100; VIX futures carry no premium, multiplier $1,000).
///
/// Renamed keys (their meaning changed from "fraction of capital"): `layer2_tranche`,
/// `layer2_budget`, `layer3_budget`, `pre_event_fraction`. A ruleset file that still uses one
/// loads with the same dollars as before: `Ruleset.migrateLegacyKeys` divides it by that file's
/// `condor.max_loss_fraction`.
///
/// Layer 1 — VIX futures overlay (`HedgeLayer.futuresOverlay`), see `FuturesOverlay`:
/// * `vix_beta` [1.0]: SPX implied-vol points per VIX point. The condor's vega is quoted in $ per
///   SPX vol point; the VIX is the 30-day variance-swap volatility of the SPX, so one VIX point is
///   taken as `vix_beta` SPX vol points (1.0 = one-for-one; the condor's own strikes and tenor make
///   the true ratio differ, so this is an assumption to calibrate).
/// * `hedge_ratio` [0.25], in [0, 2]: the part of the condor's short-vol exposure covered with futures.
///   Ideal contracts = round(hedge_ratio × vix_beta × max(0, −condor vega) / 1,000).
/// * `futures_roll_days` [7]: use the front-month future unless it expires within this many
///   calendar days, then the second month (positions in any other month are rolled into it).
/// * `corridor_band` [0.25]: trade only when |held − ideal| > band × ideal (delta-neutral corridor).
/// * `relief_band_factor` [0.5]: the band is multiplied by this in a relief rally (tighter).
/// * `futures_half_spread` [0.05]: VIX futures are not in the modelled chain; their limit price
///   is the model future ± this many VIX points (one VX tick).
///
/// Layer 2 — long-dated VIX calls bought in cheap relief rallies (`LongDatedCalls`):
/// * `layer2_min_days` [90], `layer2_max_days` [180]: the expiry window (calendar days); the
///   first listed expiry inside it is used.
/// * `layer2_moneyness` [1.1]: strike = listed strike nearest to moneyness × that expiry's future.
/// * `cheap_percentile` [0.30], `cheap_lookback` [252]: "cheap" = spot VIX and the ~3-month
///   future are both strictly below the `cheap_percentile` quantile of their last
///   `cheap_lookback` closes (type-7 linear interpolation; fewer closes than the lookback = not cheap).
/// * `layer2_tranche_of_risk` [0.05]: premium bought per qualifying day (relief rally and
///   cheap), × R, up to `layer2_budget_of_risk` [0.30] × R committed in the layer.
/// * `layer2_exit_days` [30]: layer-2 calls are sold once fewer calendar days remain (they have
///   become short-dated options, which layer 3 covers).
///
/// Layer 3 — OTM VIX call ladder (`CallLadder`):
/// * `ladder_days` [30, 60, 90]: target tenors; each rung is the listed monthly expiry closest
///   to its tenor (distinct expiries, never one within `layer3_min_days` [14] days).
/// * `ladder_weights` [0.40, 0.35, 0.25]: split of `layer3_budget_of_risk` [0.025] × R; they must
///   sum to 1 and have one weight per tenor.
/// * `layer3_moneyness` [1.3]: strike = listed strike nearest to moneyness × the rung's future. A
///   held strike whose moneyness is within ± `layer3_strike_tolerance` [0.15] is kept (not re-struck).
/// * `relief_weight_multiplier` [1.5] and `stress_weight_multiplier` [1.25] multiply every rung
///   weight in those regimes (both ≥ 1: those regimes never reduce the ladder).
///
/// Option re-sizing hysteresis: `option_rebalance_band` [0.25]: a ladder rung already held is
/// only re-sized when its premium at cost is more than band × its budget away from the budget
/// (`CallLadder`: sized at cost, so decay is not re-bought).
///
/// Pre-event seeding (part of layer 1, `HedgeLayer.eventSeed`, see `EventSeed`):
/// * `pre_event_sessions` [2]: the seed is held while 1 ≤ sessions to the next FOMC statement ≤
///   this (0 disables seeding). It is bought on the first such session and not re-sized.
/// * `pre_event_of_risk` [0.015]: net debit of the seed × R (0 turns seeding off).
/// * `pre_event_long_moneyness` [1.0], `pre_event_short_moneyness` [1.5]: the call spread's
///   long and short strikes × the future of the first expiry after the FOMC date.
///
/// De-risking in a real resolution (`DeriskSchedule`): on session n ≥ 1 of the regime every
/// layer's target is multiplied by f(n) = max(`derisk_floor`, 1 − `derisk_step` × min(n,
/// `derisk_sessions`)) [step 0.25, sessions 4, floor 0.25]: 0.75, 0.50, 0.25, 0.25 … — a
/// schedule of steps, never a cliff, and never below the floor (a "resolution" can fail, so a
/// quarter of the protection stays on).
public struct HedgeRules: Sendable, Codable, Equatable {
    public var vixBeta: Double = 1.0
    public var hedgeRatio: Double = 0.25
    public var futuresRollDays: Int = 7
    public var corridorBand: Double = 0.25
    public var reliefBandFactor: Double = 0.5
    public var futuresHalfSpread: Double = 0.05

    public var layer2MinDays: Int = 90
    public var layer2MaxDays: Int = 180
    public var layer2Moneyness: Double = 1.1
    public var cheapPercentile: Double = 0.30
    public var cheapLookback: Int = 252
    public var layer2TrancheOfRisk: Double = 0.05
    public var layer2BudgetOfRisk: Double = 0.30
    public var layer2ExitDays: Int = 30

    public var ladderDays: [Int] = [30, 60, 90]
    public var ladderWeights: [Double] = [0.40, 0.35, 0.25]
    public var layer3BudgetOfRisk: Double = 0.025
    public var layer3Moneyness: Double = 1.3
    public var layer3MinDays: Int = 14
    public var layer3StrikeTolerance: Double = 0.15
    public var reliefWeightMultiplier: Double = 1.5
    public var stressWeightMultiplier: Double = 1.25

    public var optionRebalanceBand: Double = 0.25

    public var preEventSessions: Int = 2
    public var preEventOfRisk: Double = 0.015
    public var preEventLongMoneyness: Double = 1.0
    public var preEventShortMoneyness: Double = 1.5

    public var deriskStep: Double = 0.25
    public var deriskSessions: Int = 4
    public var deriskFloor: Double = 0.25

    public init() {}

    /// The largest `_of_risk` multiple a ruleset may state.
    public static let maximumOfRisk = 10.0

    /// The keys renamed when budgets moved from fractions of capital to multiples of the condor
    /// risk budget: old key → new key.
    public static let legacyKeys: [(old: String, new: String)] = [
        ("layer2_tranche", "layer2_tranche_of_risk"), ("layer2_budget", "layer2_budget_of_risk"),
        ("layer3_budget", "layer3_budget_of_risk"), ("pre_event_fraction", "pre_event_of_risk"),
    ]

    enum CodingKeys: String, CodingKey {
        case vixBeta = "vix_beta"
        case hedgeRatio = "hedge_ratio"
        case futuresRollDays = "futures_roll_days"
        case corridorBand = "corridor_band"
        case reliefBandFactor = "relief_band_factor"
        case futuresHalfSpread = "futures_half_spread"
        case layer2MinDays = "layer2_min_days"
        case layer2MaxDays = "layer2_max_days"
        case layer2Moneyness = "layer2_moneyness"
        case cheapPercentile = "cheap_percentile"
        case cheapLookback = "cheap_lookback"
        case layer2TrancheOfRisk = "layer2_tranche_of_risk"
        case layer2BudgetOfRisk = "layer2_budget_of_risk"
        case layer2ExitDays = "layer2_exit_days"
        case ladderDays = "ladder_days"
        case ladderWeights = "ladder_weights"
        case layer3BudgetOfRisk = "layer3_budget_of_risk"
        case layer3Moneyness = "layer3_moneyness"
        case layer3MinDays = "layer3_min_days"
        case layer3StrikeTolerance = "layer3_strike_tolerance"
        case reliefWeightMultiplier = "relief_weight_multiplier"
        case stressWeightMultiplier = "stress_weight_multiplier"
        case optionRebalanceBand = "option_rebalance_band"
        case preEventSessions = "pre_event_sessions"
        case preEventOfRisk = "pre_event_of_risk"
        case preEventLongMoneyness = "pre_event_long_moneyness"
        case preEventShortMoneyness = "pre_event_short_moneyness"
        case deriskStep = "derisk_step"
        case deriskSessions = "derisk_sessions"
        case deriskFloor = "derisk_floor"
    }

    /// Checks every field's domain; the error names the field as `hedge.<key>`.
    public func validate() throws(RulesetError) {
        func fail(_ key: CodingKeys, _ reason: String) -> RulesetError {
            RulesetError(field: "hedge.\(key.rawValue)", reason: reason)
        }
        func positive(_ value: Double, _ key: CodingKeys) throws(RulesetError) {
            guard value.isFinite, value > 0 else { throw fail(key, "must be a finite number > 0, got \(value)") }
        }
        func fraction(_ value: Double, _ key: CodingKeys) throws(RulesetError) {
            guard value.isFinite, (0...1).contains(value) else { throw fail(key, "must be a fraction in [0, 1], got \(value)") }
        }
        // A budget of the protected risk may exceed it (a legacy file's 6% of capital over a 2%
        // condor is 3×), but not absurdly: the portfolio cap `risk.max_hedge_budget` binds anyway.
        func ofRisk(_ value: Double, _ key: CodingKeys) throws(RulesetError) {
            guard value.isFinite, (0...HedgeRules.maximumOfRisk).contains(value) else {
                throw fail(key, "must be a multiple of the condor risk budget in [0, \(HedgeRules.maximumOfRisk)], got \(value)")
            }
        }
        func nonNegative(_ value: Int, _ key: CodingKeys) throws(RulesetError) {
            guard value >= 0 else { throw fail(key, "must be ≥ 0, got \(value)") }
        }
        try positive(vixBeta, .vixBeta)
        guard hedgeRatio.isFinite, (0...2).contains(hedgeRatio) else { throw fail(.hedgeRatio, "must be in [0, 2], got \(hedgeRatio)") }
        try nonNegative(futuresRollDays, .futuresRollDays)
        try fraction(corridorBand, .corridorBand)
        try fraction(reliefBandFactor, .reliefBandFactor)
        guard futuresHalfSpread.isFinite, futuresHalfSpread >= 0 else { throw fail(.futuresHalfSpread, "must be ≥ 0, got \(futuresHalfSpread)") }

        guard layer2MinDays > 0 else { throw fail(.layer2MinDays, "must be > 0, got \(layer2MinDays)") }
        guard layer2MaxDays >= layer2MinDays else {
            throw fail(.layer2MaxDays, "must be ≥ layer2_min_days (\(layer2MinDays)), got \(layer2MaxDays)")
        }
        try positive(layer2Moneyness, .layer2Moneyness)
        try fraction(cheapPercentile, .cheapPercentile)
        guard cheapLookback >= 2 else { throw fail(.cheapLookback, "must be ≥ 2 sessions, got \(cheapLookback)") }
        try ofRisk(layer2TrancheOfRisk, .layer2TrancheOfRisk)
        try ofRisk(layer2BudgetOfRisk, .layer2BudgetOfRisk)
        try nonNegative(layer2ExitDays, .layer2ExitDays)
        guard layer2ExitDays < layer2MinDays else {
            throw fail(.layer2ExitDays, "must be < layer2_min_days (\(layer2MinDays)), got \(layer2ExitDays)")
        }

        guard !ladderDays.isEmpty, ladderDays.allSatisfy({ $0 > 0 }) else { throw fail(.ladderDays, "needs at least one tenor, each > 0 days") }
        guard ladderWeights.count == ladderDays.count else {
            throw fail(.ladderWeights, "needs one weight per ladder_days tenor (\(ladderDays.count)), got \(ladderWeights.count)")
        }
        for weight in ladderWeights { try fraction(weight, .ladderWeights) }
        let sum = ladderWeights.reduce(0, +)
        guard abs(sum - 1) <= 1e-9 else { throw fail(.ladderWeights, "weights must sum to 1, got \(sum)") }
        try ofRisk(layer3BudgetOfRisk, .layer3BudgetOfRisk)
        try positive(layer3Moneyness, .layer3Moneyness)
        try nonNegative(layer3MinDays, .layer3MinDays)
        try fraction(layer3StrikeTolerance, .layer3StrikeTolerance)
        guard reliefWeightMultiplier.isFinite, reliefWeightMultiplier >= 1 else {
            throw fail(.reliefWeightMultiplier, "must be ≥ 1 (a relief rally never shrinks the ladder), got \(reliefWeightMultiplier)")
        }
        guard stressWeightMultiplier.isFinite, stressWeightMultiplier >= 1 else {
            throw fail(.stressWeightMultiplier, "must be ≥ 1 (stress never shrinks the ladder), got \(stressWeightMultiplier)")
        }
        try fraction(optionRebalanceBand, .optionRebalanceBand)

        try nonNegative(preEventSessions, .preEventSessions)
        try ofRisk(preEventOfRisk, .preEventOfRisk)
        try positive(preEventLongMoneyness, .preEventLongMoneyness)
        try positive(preEventShortMoneyness, .preEventShortMoneyness)
        guard preEventShortMoneyness > preEventLongMoneyness else {
            throw fail(.preEventShortMoneyness, "must be > pre_event_long_moneyness (\(preEventLongMoneyness)), got \(preEventShortMoneyness)")
        }

        guard deriskStep.isFinite, deriskStep > 0, deriskStep <= 1 else { throw fail(.deriskStep, "must be in (0, 1], got \(deriskStep)") }
        guard deriskSessions >= 1 else { throw fail(.deriskSessions, "must be ≥ 1, got \(deriskSessions)") }
        try fraction(deriskFloor, .deriskFloor)
    }
}
