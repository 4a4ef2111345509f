/// Why a Cboe VIX-style variance or index could not be computed. Every degenerate input is
/// reported with one of these cases; the calculation never returns a silent `NaN`.
///
/// `index` is the zero-based position of the offending row in the strip that was passed in.
public enum CboeVIXError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The strip has no rows.
    case emptyStrip
    /// A strike or quote at `index` is `NaN` or infinite; `field` names it
    /// (`strike`, `callBid`, `callAsk`, `putBid`, `putAsk`).
    case nonFiniteInput(field: String, index: Int)
    /// A scalar parameter (`years`, `rate`, `minutes`) is `NaN` or infinite.
    case nonFiniteParameter(name: String)
    /// The strike at `index` is zero or negative.
    case nonPositiveStrike(index: Int, strike: Double)
    /// The strike at `index` is not strictly greater than the one before it (unsorted or a duplicate).
    case strikesNotStrictlyIncreasing(index: Int, previous: Double, strike: Double)
    /// Time to expiration (years, or minutes for the minute-based entry points) is zero or negative.
    case nonPositiveTime(Double)
    /// A bid or ask at `index` is negative; `field` names it.
    case negativePrice(field: String, index: Int, value: Double)
    /// The bid exceeds the ask on one leg (`call` or `put`) at `index`.
    case bidAboveAsk(leg: String, index: Int, bid: Double, ask: Double)
    /// The forward F lies below the lowest listed strike, so there is no K0 (strike at or below F).
    case forwardBelowLowestStrike(forward: Double, lowestStrike: Double)
    /// After the zero-bid selection rules, one wing (`put` below K0 or `call` above K0) has no
    /// usable out-of-the-money option, so the variance strip is not calculable.
    case noUsableOptions(wing: String)
    /// The two terms passed to the 30-day interpolation are not near < next (equal times are
    /// accepted only for an identical term, the single-term case).
    case termsNotOrdered(nearMinutes: Double, nextMinutes: Double)
    /// A variance came out negative (only possible with pathological quotes), so no volatility exists.
    case negativeVariance(Double)

    public var description: String {
        switch self {
        case .emptyStrip:
            return "the option strip is empty"
        case let .nonFiniteInput(field, index):
            return "\(field) at row \(index) is not a finite number"
        case let .nonFiniteParameter(name):
            return "parameter '\(name)' is not a finite number"
        case let .nonPositiveStrike(index, strike):
            return "strike at row \(index) must be > 0 (got \(strike))"
        case let .strikesNotStrictlyIncreasing(index, previous, strike):
            return "strikes must be strictly increasing: row \(index) has \(strike) after \(previous)"
        case let .nonPositiveTime(value):
            return "time to expiration must be > 0 (got \(value))"
        case let .negativePrice(field, index, value):
            return "\(field) at row \(index) must be >= 0 (got \(value))"
        case let .bidAboveAsk(leg, index, bid, ask):
            return "\(leg) bid \(bid) exceeds ask \(ask) at row \(index)"
        case let .forwardBelowLowestStrike(forward, lowestStrike):
            return "forward \(forward) is below the lowest strike \(lowestStrike); no K0 exists"
        case let .noUsableOptions(wing):
            return "no usable out-of-the-money \(wing) options after the zero-bid rules"
        case let .termsNotOrdered(nearMinutes, nextMinutes):
            return "near term (\(nearMinutes) min) must expire before next term (\(nextMinutes) min)"
        case let .negativeVariance(value):
            return "variance is negative (\(value)); no volatility exists"
        }
    }
}
