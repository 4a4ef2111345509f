/// The instrument classes the strategy trades, for per-contract fees and margin.
public enum InstrumentKind: String, CaseIterable, Codable, Sendable {
    /// SPX index options (the condor legs): cash-settled, multiplier 100.
    case spxOption
    /// VIX index options (hedge layers 1–3): cash-settled, multiplier 100.
    case vixOption
    /// VIX futures (hedge layer 1 overlay): multiplier 1,000.
    case vixFuture
}
