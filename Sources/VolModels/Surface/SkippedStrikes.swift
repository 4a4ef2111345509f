/// Why strikes of an imported chain are not fitted, by reason (counts of strikes).
public struct SkippedStrikes: Sendable, Equatable {
    /// Strikes of expiries under 2 days out, whose smile is too short-lived to fit.
    public var nearExpiry = 0
    /// Strikes of expiries whose put-call parity forward is not within
    /// `RealChainCalibration.forwardTolerance(years:)` of the carry forward (stale or
    /// inconsistent mids).
    public var noForward = 0
    /// Strikes without a quote on their out-of-the-money side (puts below the forward, calls
    /// at and above it).
    public var noOutOfTheMoneyQuote = 0
    /// Out-of-the-money quotes without a positive bid below the ask.
    public var noTwoSidedQuote = 0
    /// Quotes wider than `RealChainCalibration.maximumRelativeSpread` of their mid.
    public var wideSpread = 0
    /// Mids no volatility reproduces (at or below intrinsic value, or at the price bound).
    public var noImpliedVolatility = 0
    /// Usable points of expiries with fewer than 5 of them.
    public var thinExpiry = 0

    public init() {}

    public var total: Int { nearExpiry + noForward + noOutOfTheMoneyQuote + noTwoSidedQuote + wideSpread + noImpliedVolatility + thinExpiry }

    /// The reasons that occurred, in a fixed order, with their counts.
    public var reasons: [(reason: String, count: Int)] {
        [
            ("in expiries under 2 days", nearExpiry),
            ("in expiries without a usable put-call parity forward", noForward),
            ("without an out-of-the-money quote", noOutOfTheMoneyQuote), ("without a two-sided quote", noTwoSidedQuote),
            ("wider than \(Int((RealChainCalibration.maximumRelativeSpread * 100).rounded()))% of mid", wideSpread),
            ("without an implied volatility", noImpliedVolatility), ("in expiries with fewer than 5 usable points", thinExpiry),
        ].filter { $0.1 > 0 }
    }

    /// The reasons with their counts as one list ("735 without a two-sided quote, 1080 wider
    /// than 50% of mid"), empty when none occurred.
    public var listed: String { reasons.map { "\($0.count) \($0.reason)" }.joined(separator: ", ") }
}
