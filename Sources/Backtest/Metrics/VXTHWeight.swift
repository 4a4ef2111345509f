/// The VIX-call weight rule of the Cboe VIX Tail Hedge Index (VXTH), used as a baseline hedge.
///
/// VXTH holds the S&P 500 and, at each monthly roll, buys one-month 30-delta VIX calls worth a
/// fraction of the portfolio that depends on the level of the VIX future (the "forward VIX")
/// (Cboe, *VIX Tail Hedge Index (VXTH)* methodology, www.cboe.com/VXTH):
///
/// | VIX future `F`     | VIX call weight |
/// |--------------------|-----------------|
/// | `F < 15`           | 0 %             |
/// | `15 <= F <= 30`    | 1.0 %           |
/// | `30 < F <= 50`     | 0.5 %           |
/// | `F > 50`           | 0 %             |
///
/// Boundary convention: each band is closed at its **upper** end except the first, i.e. 15
/// and 30 buy 1 %, 50 buys 0.5 %, and only values strictly above 50 buy nothing.
public enum VXTHWeight {
    /// Fraction of portfolio value spent on VIX calls at a roll (0.01 = 1 %).
    /// - Parameter price: the VIX future level used at the roll, finite and > 0.
    /// - Throws: `.invalidParameter` for a non-finite or non-positive price.
    public static func weight(forVIXFuture price: Double) throws(MetricsError) -> Double {
        guard price.isFinite, price > 0 else {
            throw .invalidParameter(name: "price", reason: "VIX future must be finite and > 0, got \(price)")
        }
        switch price {
        case ..<15: return 0
        case ...30: return 0.01
        case ...50: return 0.005
        default: return 0
        }
    }
}
