import MarketData
import Strategy
import VolModels

/// How the condor is hedged in a run.
public enum HedgeMode: String, Sendable, Codable, CaseIterable {
    /// The ALVH layers of the ruleset (the strategy).
    case alvh
    /// No hedge: the condor alone (what the hedge layers add is the difference).
    case none
}

/// What a backtest replays and how it trades: the date range, the ruleset, the hedge mode
/// (the strategy's ALVH layers or none), and the execution models (fills 50% of the way from mid to the far side,
/// per-contract fees, margin).
public struct BacktestConfiguration: Sendable {
    public var from: MarketDate
    public var to: MarketDate
    public var ruleset: Ruleset
    public var hedge: HedgeMode
    /// false holds every condor to expiry (the CNDR-style baseline), ignoring take profit,
    /// stop and exit DTE.
    public var manageCondor: Bool
    public var fill: any FillModel
    public var fees: any FeeModel
    public var margin: any MarginModel
    public var models: ChainModelParameters
    /// Whether the run explains the condor's daily P&L by its greeks (`BacktestRun.attribution`,
    /// the report's condor attribution). A sweep's variants, whose table shows none of it, turn
    /// it off: repricing the condor's legs twice a session was about a tenth of a sweep. It
    /// changes no trade, mark or P&L.
    public var attributeGreeks = true

    public init(
        from: MarketDate, to: MarketDate, ruleset: Ruleset = .standard, hedge: HedgeMode = .alvh, manageCondor: Bool = true,
        fill: any FillModel = FractionOfSpreadFill.halfSpread, fees: any FeeModel = PerContractFees(),
        margin: any MarginModel = StandardMargin(), models: ChainModelParameters = ChainModelParameters()
    ) {
        self.from = from
        self.to = to
        self.ruleset = ruleset
        self.hedge = hedge
        self.manageCondor = manageCondor
        self.fill = fill
        self.fees = fees
        self.margin = margin
        self.models = models
    }
}
