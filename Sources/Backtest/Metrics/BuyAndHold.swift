/// The buy-and-hold baseline: invest everything at the first close and never trade.
public enum BuyAndHold {
    /// Equity of a buy-and-hold position: `E[i] = initial · (close[i] / close[0])`.
    ///
    /// Price return only: no dividends, fees or cash interest (for the S&P 500 price index this
    /// understates total return by the dividend yield, about 2 %/yr). `E[0] == initial` exactly.
    ///
    /// - Parameters:
    ///   - closes: closing prices, oldest first, at least one, finite and > 0.
    ///   - initial: starting capital, finite and > 0.
    /// - Throws: `.insufficientData` (no closes), `.nonFiniteValue`, `.nonPositiveValue`,
    ///   `.invalidParameter` (initial).
    public static func equityCurve(closes: [Double], initial: Double) throws(MetricsError) -> [Double] {
        guard initial.isFinite, initial > 0 else {
            throw .invalidParameter(name: "initial", reason: "must be finite and > 0, got \(initial)")
        }
        guard !closes.isEmpty else { throw .insufficientData(needed: 1, got: 0) }
        for (i, c) in closes.enumerated() {
            guard c.isFinite else { throw .nonFiniteValue(field: "closes", index: i) }
            guard c > 0 else { throw .nonPositiveValue(field: "closes", index: i) }
        }
        let first = closes[0]
        return closes.map { initial * ($0 / first) }
    }
}
