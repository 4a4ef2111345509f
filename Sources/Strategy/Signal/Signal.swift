import MarketData
import VolModels

/// The day's educational signal: regime with every voter's evidence, the condor to open, the
/// hedge layers' targets and the orders to reach them, all stamped with the ruleset's hash.
/// Encoded with sorted keys, it is byte-identical for the same store, date and ruleset.
public struct Signal: Sendable, Codable, Equatable {
    public struct Market: Sendable, Codable, Equatable {
        public var spx: Double
        public var vix: Double
        /// 30-day continuously compounded rate from the Treasury curve.
        public var rate30d: Double
        /// Where the rates came from (the Treasury curve, or FRED's daily series after it ends).
        public var rates: String
        /// Scheduled events ahead (within 45 days), `EVENT YYYY-MM-DD`.
        public var upcomingEvents: [String]
        /// Where the SPX surface came from: the VIX, or a real chain imported for the date.
        public var surface: String
        /// Which VIX-complex inputs were real on the date and which fell back (VIX futures
        /// settlements, VVIX); empty when no VIX chain could be built (see `hedgeNote`).
        public var vixModel: [String]
    }

    public var date: MarketDate
    public var rulesetHash: String
    public var disclaimer: String
    /// States that option prices are modelled.
    public var prices: String
    public var market: Market
    public var regime: RegimeDecision
    public var condor: CondorPlan?
    /// Why there is no condor today, when there is none.
    public var condorNote: String?
    public var hedge: HedgePlan?
    public var hedgeNote: String?
    /// With `signal --book`: the orders the decision engine places on the trader's book (the
    /// backtest's engine, `DecisionEngine`), and the orders it refused with their reasons.
    public var orders: [BookOrder]?
    public var orderRejections: [Refusal]?
    /// Why there are no `orders` (the engine failed without a --book), when there are none.
    public var ordersNote: String?

    public static let disclaimer =
        "Educational output only, not investment advice: VixShield's signals come from stated models and rules, not from a licensed adviser."
}
