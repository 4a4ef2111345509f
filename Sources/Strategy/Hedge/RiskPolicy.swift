/// Portfolio-level limits applied by `HedgePlanner` above every hedge layer: the `[risk]` table of
/// a ruleset (defaults in brackets). How each one is enforced is documented at `RiskPolicyLimits`.
///
/// * `max_hedge_budget` [0.10]: total committed hedge premium (held options at their cost, new
///   purchases at the ask, short legs netted at the bid) ≤ this fraction of capital.
/// * `max_portfolio_vega` [25,000]: |net portfolio exposure| in $ per VIX point (condor vega ×
///   `hedge.vix_beta` + hedge exposure) ≤ this absolute dollar amount.
/// * `drawdown_brake` [0.10]: at or beyond this drawdown (fraction of peak capital) no new risk is
///   taken: orders may only shrink positions (sales and de-risking still go through).
/// * `drawdown_reference` [`year`]: which peak the drawdown is measured from, and so when the
///   brake releases (`DrawdownReference`); `all_time` is the rule before 2026-11.
public struct RiskPolicy: Sendable, Codable, Equatable {
    public var maxHedgeBudget: Double = 0.10
    public var maxPortfolioVega: Double = 25_000
    public var drawdownBrake: Double = 0.10
    public var drawdownReference: DrawdownReference = .year

    public init() {}

    public init(maxHedgeBudget: Double, maxPortfolioVega: Double, drawdownBrake: Double, drawdownReference: DrawdownReference = .year) {
        self.maxHedgeBudget = maxHedgeBudget
        self.maxPortfolioVega = maxPortfolioVega
        self.drawdownBrake = drawdownBrake
        self.drawdownReference = drawdownReference
    }

    enum CodingKeys: String, CodingKey {
        case maxHedgeBudget = "max_hedge_budget"
        case maxPortfolioVega = "max_portfolio_vega"
        case drawdownBrake = "drawdown_brake"
        case drawdownReference = "drawdown_reference"
    }

    /// Checks every field's domain; the error names the field as `risk.<key>`.
    public func validate() throws(RulesetError) {
        guard maxHedgeBudget.isFinite, (0...1).contains(maxHedgeBudget) else {
            throw RulesetError(field: "risk.max_hedge_budget", reason: "must be a fraction in [0, 1], got \(maxHedgeBudget)")
        }
        guard maxPortfolioVega.isFinite, maxPortfolioVega >= 0 else {
            throw RulesetError(field: "risk.max_portfolio_vega", reason: "must be a finite dollar amount ≥ 0, got \(maxPortfolioVega)")
        }
        guard drawdownBrake.isFinite, drawdownBrake > 0, drawdownBrake <= 1 else {
            throw RulesetError(field: "risk.drawdown_brake", reason: "must be a fraction in (0, 1], got \(drawdownBrake)")
        }
    }
}
