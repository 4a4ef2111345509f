/// Fills a fixed fraction of the way from the mid to the far side of the quote:
///
///     mid  = (bid + ask) / 2
///     buy  = mid + fraction · (ask − mid)
///     sell = mid − fraction · (mid − bid)
///
/// `fraction` = 0 fills at the mid (optimistic), 1 at the far side (buy at the ask, sell at the
/// bid: pessimistic, a market order into the quote), 0.5 half-way (the default, a common
/// assumption for liquid index options worked with limit orders).
///
/// Units: `fraction` is dimensionless in [0, 1]; prices per unit of the quote.
public struct FractionOfSpreadFill: FillModel, Codable, Equatable {
    /// Half-way between mid and far side: the default assumption.
    public static let halfSpread = FractionOfSpreadFill(validFraction: 0.5)

    /// Share of the half-spread given up, in [0, 1].
    public let fraction: Double

    /// - Throws: `ExecutionError` (`fill.fraction`) unless `fraction` is finite and in [0, 1].
    public init(fraction: Double) throws(ExecutionError) {
        guard fraction.isFinite, (0...1).contains(fraction) else {
            throw ExecutionError(parameter: "fill.fraction", reason: "must be in [0, 1] (got \(fraction))")
        }
        self.fraction = fraction
    }

    init(validFraction: Double) { fraction = validFraction }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(fraction: container.decode(Double.self, forKey: .fraction))
    }

    /// Written as an interpolation so that the ends are exact: fraction 0 gives the mid itself,
    /// fraction 1 the ask (buy) or the bid (sell) itself.
    public func fillPrice(side: Side, bid: Double, ask: Double) -> Double {
        let mid = (bid + ask) / 2
        let far = side == .buy ? ask : bid
        return (1 - fraction) * mid + fraction * far
    }
}
