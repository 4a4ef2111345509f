// Internal helpers shared by the statistics files: validation and accurate sums.

extension PortfolioStatistics {
    /// Throws `.insufficientData` if `values.count < needed`, `.nonFiniteInput` at the
    /// first NaN/infinite element.
    static func validateFinite(_ values: [Double], needed: Int) throws(StatisticsError) {
        guard values.count >= needed else {
            throw .insufficientData(needed: needed, got: values.count)
        }
        for (i, v) in values.enumerated() where !v.isFinite {
            throw .nonFiniteInput(index: i)
        }
    }

    /// As ``validateFinite(_:needed:)`` and additionally every element must be > 0.
    static func validatePositive(_ values: [Double], needed: Int) throws(StatisticsError) {
        try validateFinite(values, needed: needed)
        for (i, v) in values.enumerated() where !(v > 0) {
            throw .nonPositiveValue(index: i)
        }
    }

    /// `periodsPerYear` must be finite and > 0.
    static func validatePeriodsPerYear(_ p: Double) throws(StatisticsError) {
        guard p.isFinite, p > 0 else {
            throw .invalidParameter(name: "periodsPerYear", reason: "must be finite and > 0, got \(p)")
        }
    }

    /// Neumaier (improved Kahan) compensated sum.
    static func compensatedSum(_ values: [Double]) -> Double {
        var sum = 0.0
        var c = 0.0
        for v in values {
            let t = sum + v
            if abs(sum) >= abs(v) { c += (sum - t) + v } else { c += (v - t) + sum }
            sum = t
        }
        return sum + c
    }

    /// Arithmetic mean; caller guarantees `values` is non-empty and finite.
    static func mean(_ values: [Double]) -> Double {
        compensatedSum(values) / Double(values.count)
    }

    /// Sample standard deviation (ddof = 1, two-pass); caller guarantees count >= 2.
    static func sampleStandardDeviation(_ values: [Double]) -> Double {
        let m = mean(values)
        let squares = values.map { ($0 - m) * ($0 - m) }
        return (compensatedSum(squares) / Double(values.count - 1)).squareRoot()
    }

    /// True when a standard deviation is zero up to rounding noise, i.e.
    /// `sd <= 64·ε·max(1, max|x|)`. Returns computed from an equity curve as E[i+1]/E[i] - 1
    /// carry an *absolute* rounding noise of about ε whatever their size (the ratio is near 1),
    /// so a constant-growth curve shows an sd of a few ε; dividing by it would give a
    /// meaningless ratio around 1e13.
    static func isNumericallyZeroDispersion(_ sd: Double, of values: [Double]) -> Bool {
        let scale = values.reduce(1.0) { max($0, abs($1)) }
        return sd <= 64 * Double.ulpOfOne * scale
    }
}
