extension PortfolioStatistics {
    /// Pearson's sample correlation of two equally long series:
    ///
    ///     r = Σ(x − x̄)(y − ȳ) / √(Σ(x − x̄)² · Σ(y − ȳ)²)
    ///
    /// Two-pass (means first) for accuracy; dimensionless, in [−1, 1].
    /// - Throws: `.invalidParameter` when the lengths differ, fewer than 2 points are given, a
    ///   value is not finite, or either series is constant (the correlation is undefined).
    public static func correlation(_ x: [Double], _ y: [Double]) throws(StatisticsError) -> Double {
        guard x.count == y.count else {
            throw .invalidParameter(name: "y", reason: "must have as many values as x (\(y.count) vs \(x.count))")
        }
        guard x.count >= 2 else { throw .invalidParameter(name: "x", reason: "needs at least 2 values, got \(x.count)") }
        for (name, series) in [("x", x), ("y", y)] where !series.allSatisfy(\.isFinite) {
            throw .invalidParameter(name: name, reason: "every value must be finite")
        }
        let n = Double(x.count)
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (a, b) in zip(x, y) {
            sxy += (a - mx) * (b - my)
            sxx += (a - mx) * (a - mx)
            syy += (b - my) * (b - my)
        }
        guard sxx > 0, syy > 0 else { throw .invalidParameter(name: sxx > 0 ? "y" : "x", reason: "is constant: correlation undefined") }
        return max(-1, min(1, sxy / (sxx * syy).squareRoot()))
    }
}
