/// Where within the quoted bid/ask an order fills.
///
/// Why a protocol: fill realism is the assumption a backtest of short premium is most
/// sensitive to (a condor has four legs, each crossing part of the spread twice), so it must be
/// swappable and stated. Default: ``FractionOfSpreadFill``.
///
/// Units: prices per unit of the quote (index points for SPX/VIX options, VIX points for
/// futures), before the contract multiplier.
public protocol FillModel: Sendable {
    /// The price at which an order on `side` fills against the quote `bid`/`ask` (bid ≤ ask).
    func fillPrice(side: Side, bid: Double, ask: Double) -> Double
}
