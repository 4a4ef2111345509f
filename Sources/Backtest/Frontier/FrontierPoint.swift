import MarketData
import Strategy

/// One run of the hedge frontier: the strategy with one layer's budget scaled (or, for the
/// brake rows, one brake setting), measured over the whole run.
public struct FrontierPoint: Sendable, Codable, Equatable {
    /// `FrontierLayer` raw value, or `brake` for the brake comparison.
    public var layer: String
    /// The brake row's setting: `year`, `all_time` (references) or `off` (`drawdown_brake = 1`).
    public var brake: String?
    /// The budget multiple (1 = the ruleset's value); nil for a brake row.
    public var scale: Double?
    /// The scaled keys and their values in this run (`hedge.hedge_ratio`, …).
    public var settings: [String: Double]
    public var finalEquity: Double
    public var cagr: Double?
    /// Annualised volatility of daily returns.
    public var volatility: Double?
    public var maxDrawdown: Double?
    /// Daily CVaR at 95%: the mean loss of the worst 5% of sessions (positive = loss).
    public var cvar95: Double?
    /// The stress episode (`StressEpisode.standard`) with the lowest return, and its loss
    /// (−return, positive = loss); nil when no episode lies inside the run.
    public var worstEpisode: String?
    public var worstEpisodeLoss: Double?
    /// Every episode's loss (−return) by name.
    public var episodeLosses: [String: Double]
    /// Option premium the layer paid over the run, dollars (whole cents).
    public var premiumSpent: Double
    /// The layer's ledger component P&L, dollars (whole cents); the futures and the seed share
    /// layer 1, so their rows report that component.
    public var layerPnL: Double
    /// Sessions on which the drawdown brake was engaged (hedges could only shrink).
    public var brakeSessions: Int
}

/// What one dollar of a layer's premium bought: the default point against the zero point.
public struct FrontierLayerSummary: Sendable, Codable, Equatable {
    public var layer: String
    public var label: String
    /// The layer's keys at the default (scale 1).
    public var settings: [String: Double]
    /// Premium paid at the default, dollars.
    public var premiumSpent: Double
    /// CAGR at the default minus CAGR without the layer (scale 0).
    public var cagrChange: Double?
    /// Max drawdown without the layer minus with it (positive = the layer reduced it).
    public var drawdownReduction: Double?
    /// The episode that lost most without the layer, and how much less it lost with it.
    public var worstEpisode: String?
    public var worstEpisodeReduction: Double?
    /// Dollars of max drawdown (at the starting capital) avoided per dollar of premium; nil for
    /// the futures overlay, which pays no premium.
    public var drawdownPerPremiumDollar: Double?
    /// Dollars of the worst episode's loss avoided per dollar of premium.
    public var episodeLossPerPremiumDollar: Double?
    /// The layer's own ledger P&L at the default, dollars.
    public var layerPnL: Double
    /// Whether the layer paid for itself in this model: its default raises CAGR against the
    /// zero point.
    public var paysForItself: Bool
}
