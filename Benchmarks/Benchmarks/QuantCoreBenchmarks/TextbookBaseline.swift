import QuantCore

/// The textbook baseline measured in the same run: Black-Scholes-Merton written the way the
/// issue's C reference is (log, erfc-based Φ, exp; price and the five greeks), with none of
/// QuantCore's accuracy machinery. Ratios against it show what the accuracy costs.
enum TextbookBaseline {
    @inline(__always)
    static func cdf(_ x: Double) -> Double { 0.5 * erfc(-x * 0.7071067811865476) }

    @inline(never)
    static func value(call: Bool, spot: Double, strike: Double, time: Double, rate: Double, dividend: Double, vol: Double) -> OptionValuation {
        let sqrtT = time.squareRoot()
        let s = vol * sqrtT
        let d1 = (log(spot / strike) + (rate - dividend) * time) / s + 0.5 * s
        let d2 = d1 - s
        let dq = exp(-dividend * time)
        let dr = exp(-rate * time)
        let density = 0.3989422804014327 * exp(-0.5 * d1 * d1)
        let sign = call ? 1.0 : -1.0
        let n1 = cdf(sign * d1)
        let n2 = cdf(sign * d2)
        return OptionValuation(
            price: sign * (spot * dq * n1 - strike * dr * n2),
            delta: sign * dq * n1,
            gamma: dq * density / (spot * s),
            vega: spot * dq * density * sqrtT,
            theta: -spot * dq * density * vol / (2 * sqrtT) + sign * (dividend * spot * dq * n1 - rate * strike * dr * n2),
            rho: sign * strike * time * dr * n2)
    }

    /// Implied volatility by safeguarded Newton on the textbook price, to 1e-12 relative: the
    /// usual baseline that "Let's Be Rational" is measured against.
    static func impliedVolatility(call: Bool, price: Double, spot: Double, strike: Double, time: Double, rate: Double, dividend: Double) -> Double {
        var low = 1e-4
        var high = 5.0
        var sigma = 0.3
        for _ in 0..<100 {
            let v = value(call: call, spot: spot, strike: strike, time: time, rate: rate, dividend: dividend, vol: sigma)
            let difference = v.price - price
            if difference > 0 { high = sigma } else { low = sigma }
            var next = sigma - difference / v.vega
            if !(next > low && next < high) { next = 0.5 * (low + high) }
            if abs(next - sigma) <= 1e-12 * sigma { return next }
            sigma = next
        }
        return sigma
    }
}
