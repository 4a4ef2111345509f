import MarketData
import VolModels

/// Everything the planner reads for one date, all known at that date's close.
public struct HedgeInputs: Sendable {
    public var date: MarketDate
    public var regime: Regime
    /// Sessions the regime has been in force, counting today (1 on the day it starts).
    public var sessionsInRegime: Int
    /// The condor book's vega in $ per SPX implied-vol point (negative = short volatility).
    public var condorVegaDollarsPerVolPoint: Double
    /// Account equity in dollars (> 0): what the portfolio limits (`[risk]`) are fractions of.
    public var capital: Double
    /// The condor risk budget R in dollars (≥ 0): capital × `condor.max_loss_fraction`, the
    /// maximum loss the condor book is sized to (`Ruleset.condorRiskBudget`). Every option
    /// layer's budget is a multiple of it (`HedgeRules`, keys ending `_of_risk`).
    public var condorRiskBudget: Double
    /// Current drawdown from the equity peak, a fraction in [0, 1].
    public var drawdown: Double
    /// The day's (modelled) VIX chain: monthly expiries, each with its future as `forward`; its
    /// quotes are priced as the planner reads them (`VIXQuoteSheet`).
    public var vixChain: VIXQuoteSheet
    /// Trailing VIX closes up to and including `date`, oldest first (point-in-time).
    public var vixHistory: [Double]
    /// Optional trailing closes of the ~3-month VIX future, oldest first. When `nil` the
    /// future's cheapness test uses the VIX history: under the one-factor curve model
    /// F = θ + (VIX − θ)e^{−κτ} the future at a fixed tenor is an increasing function of the VIX,
    /// so both have the same percentile rank and the two tests coincide (stated in the plan notes).
    public var futureHistory: [Double]?
    /// Date of the next FOMC statement (the first one after today's close), if known.
    public var nextFOMC: MarketDate?
    /// Sessions from today to that statement: sessions s with today < s ≤ FOMC
    /// (`TradingCalendar.sessionCount(from:to:)`); 2 on the Monday before a Wednesday statement.
    public var sessionsToNextFOMC: Int?
    /// The session's shared answers about the histories (`HedgeSessionMemo`), when several runs
    /// plan on this session; nil computes them here. Changes no number either way.
    public var memo: HedgeSessionMemo?

    public init(
        date: MarketDate, regime: Regime, sessionsInRegime: Int, condorVegaDollarsPerVolPoint: Double, capital: Double,
        condorRiskBudget: Double, drawdown: Double, vixChain: VIXQuoteSheet, vixHistory: [Double], futureHistory: [Double]? = nil,
        nextFOMC: MarketDate? = nil, sessionsToNextFOMC: Int? = nil, memo: HedgeSessionMemo? = nil
    ) {
        self.date = date
        self.regime = regime
        self.sessionsInRegime = sessionsInRegime
        self.condorVegaDollarsPerVolPoint = condorVegaDollarsPerVolPoint
        self.capital = capital
        self.condorRiskBudget = condorRiskBudget
        self.drawdown = drawdown
        self.vixChain = vixChain
        self.vixHistory = vixHistory
        self.futureHistory = futureHistory
        self.nextFOMC = nextFOMC
        self.sessionsToNextFOMC = sessionsToNextFOMC
        self.memo = memo
    }

    /// `TrailingPercentile.value` of a history, through the memo when there is one.
    func trailingPercentile(_ history: [Double], percentile: Double, lookback: Int) -> Double? {
        if let memo { return memo.trailingPercentile(history, percentile: percentile, lookback: lookback) }
        return TrailingPercentile.value(history, percentile: percentile, lookback: lookback)
    }

    private func positiveFinite(_ history: [Double]) -> Bool {
        memo?.allPositiveFinite(history) ?? Self.allPositiveFinite(history)
    }

    func validate() throws(HedgeError) {
        guard capital.isFinite, capital > 0 else { throw .invalidInput(field: "capital", reason: "must be > 0, got \(capital)") }
        guard condorRiskBudget.isFinite, condorRiskBudget >= 0 else {
            throw .invalidInput(field: "condorRiskBudget", reason: "must be finite and ≥ 0, got \(condorRiskBudget)")
        }
        guard condorVegaDollarsPerVolPoint.isFinite else {
            throw .invalidInput(field: "condorVegaDollarsPerVolPoint", reason: "must be finite")
        }
        guard drawdown.isFinite, (0...1).contains(drawdown) else {
            throw .invalidInput(field: "drawdown", reason: "must be a fraction in [0, 1], got \(drawdown)")
        }
        guard sessionsInRegime >= 1 else {
            throw .invalidInput(field: "sessionsInRegime", reason: "must be ≥ 1 (today counts), got \(sessionsInRegime)")
        }
        guard vixChain.date == date, !vixChain.expiries.isEmpty else {
            throw .invalidInput(field: "vixChain", reason: "must be a non-empty VIX chain dated \(date)")
        }
        guard positiveFinite(vixHistory), futureHistory.map(positiveFinite) ?? true else {
            throw .invalidInput(field: "vixHistory", reason: "closes must be finite and > 0")
        }
        if let sessions = sessionsToNextFOMC, sessions < 0 {
            throw .invalidInput(field: "sessionsToNextFOMC", reason: "must be ≥ 0, got \(sessions)")
        }
    }

    /// Every value finite and > 0 (NaN fails both comparisons); a plain loop because the planner
    /// checks the whole trailing history on every session of every sweep variant.
    static func allPositiveFinite(_ values: [Double]) -> Bool {
        values.withUnsafeBufferPointer { buffer in
            for value in buffer where !(value > 0 && value < .infinity) { return false }
            return true
        }
    }
}
