import QuantCore

/// P&L, cost and money-weighted return (XIRR) of one strategy layer from its dated cash flows.
///
/// Definitions (dollars unless stated):
/// - `premiumPaid = Σ max(-premium, 0)`, `premiumReceived = Σ max(premium, 0)`, `fees = Σ fees`;
/// - `cost = premiumPaid + fees` (everything that went out);
/// - `pnl = premiumReceived - premiumPaid - fees = Σ (premium - fees)`;
/// - `returnOnCost = pnl / cost` (fraction; unavailable with `.zeroCost` when nothing was paid);
/// - `xirr`: QuantCore's `PortfolioStatistics.xirr` on the net flows `premium - fees` dated by
///   `dayNumber` — the annual rate `r` solving `Σ a_i (1 + r)^(-(d_i - d_0)/365) = 0`
///   (Act/365 Fixed, Excel's XIRR convention). Unavailable with the QuantCore reason when the
///   net flows have no sign change (`.noSignChange`: e.g. a hedge that expired worthless has
///   only outflows), no root in `[-99.99 %, 1e8 %]` (`.noRoot`), or fewer than 2 flows.
///
/// A position still open at the end of the backtest must be closed out by the caller with a
/// final flow at its mark-to-market value, otherwise P&L and XIRR only see the premium paid.
public struct ComponentReturn: Equatable, Sendable {
    /// Layer label, e.g. "condor" or "VIX hedge 1".
    public let name: String
    /// The flows in date order (stable for equal dates).
    public let flows: [LayerCashFlow]
    public let premiumPaid: Double
    public let premiumReceived: Double
    public let fees: Double
    public let pnl: Double
    public let returnOnCost: MetricValue<Double>
    public let xirr: MetricValue<Double>

    /// Premium paid plus fees.
    public var cost: Double { premiumPaid + fees }

    /// Net flows (`premium - fees`) as QuantCore cash flows, in date order.
    public var netCashFlows: [CashFlow] { flows.map { CashFlow(dayNumber: $0.dayNumber, amount: $0.net) } }

    /// - Throws: `.nonFiniteValue` (premium or fees), `.invalidParameter` for negative fees.
    public init(name: String, flows: [LayerCashFlow]) throws(MetricsError) {
        for (i, f) in flows.enumerated() {
            guard f.premium.isFinite else { throw .nonFiniteValue(field: "premium", index: i) }
            guard f.fees.isFinite else { throw .nonFiniteValue(field: "fees", index: i) }
            guard f.fees >= 0 else {
                throw .invalidParameter(name: "fees", reason: "must be >= 0, got \(f.fees) at index \(i)")
            }
        }
        self.name = name
        // Stable sort by date: Swift's sort is not guaranteed stable, so sort on (day, index).
        self.flows = flows.enumerated()
            .sorted { ($0.element.dayNumber, $0.offset) < ($1.element.dayNumber, $1.offset) }
            .map(\.element)
        premiumPaid = -compensatedSum(self.flows.lazy.map { min($0.premium, 0) })
        premiumReceived = compensatedSum(self.flows.lazy.map { max($0.premium, 0) })
        fees = compensatedSum(self.flows.lazy.map(\.fees))
        pnl = compensatedSum(self.flows.lazy.flatMap { [$0.premium, -$0.fees] })
        let cost = premiumPaid + fees
        returnOnCost = cost > 0 ? .available(pnl / cost) : .unavailable(.zeroCost)
        let net = self.flows.map { CashFlow(dayNumber: $0.dayNumber, amount: $0.net) }
        xirr = .catching { () throws(StatisticsError) in try PortfolioStatistics.xirr(net) }
    }

    /// All layers' flows pooled into one component (e.g. condor + hedges = the whole strategy).
    /// P&L, cost and fees add up; the XIRR is that of the pooled flows (not an average).
    public static func combined(name: String, _ components: [ComponentReturn]) throws(MetricsError) -> ComponentReturn {
        try ComponentReturn(name: name, flows: components.flatMap(\.flows))
    }
}
