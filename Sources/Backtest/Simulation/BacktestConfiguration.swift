import MarketData
import Strategy
import VolModels

/// What a backtest replays and how it trades: the date range, the ruleset, whether the ALVH
/// hedges run (off gives the unhedged-condor baseline on the same data and costs), and the
/// execution models (fills 50% of the way from mid to the far side, per-contract fees, margin).
public struct BacktestConfiguration: Sendable {
    public var from: MarketDate
    public var to: MarketDate
    public var ruleset: Ruleset
    public var hedged: Bool
    public var fill: any FillModel
    public var fees: any FeeModel
    public var margin: any MarginModel
    public var models: ChainModelParameters

    public init(
        from: MarketDate, to: MarketDate, ruleset: Ruleset = .standard, hedged: Bool = true,
        fill: any FillModel = FractionOfSpreadFill.halfSpread, fees: any FeeModel = PerContractFees(),
        margin: any MarginModel = StandardMargin(), models: ChainModelParameters = ChainModelParameters()
    ) {
        self.from = from
        self.to = to
        self.ruleset = ruleset
        self.hedged = hedged
        self.fill = fill
        self.fees = fees
        self.margin = margin
        self.models = models
    }
}
