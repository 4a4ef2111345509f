/// Derivatives m⁽ᵏ⁾(h), k = 0…order, of the Mills ratio m = Φ/φ, for h ≤ 0.
///
/// m⁽ᵏ⁾(h) = ∫₀^∞ uᵏ e^{hu - u²/2} du, so integration by parts gives the three-term recurrence
/// m⁽ᵏ⁺¹⁾ = h·m⁽ᵏ⁾ + k·m⁽ᵏ⁻¹⁾ (with m' = 1 + h·m). For h ≪ 0 the forward direction subtracts
/// nearly equal numbers (m is the recurrence's minimal solution), so we run it backwards from a
/// starting index well above `order` with the saddle-point ratio as a seed (Miller's algorithm)
/// and normalise with m(h) itself; backwards, every term is positive. Near h = 0 the two
/// solutions are too alike for Miller to converge, and forward is stable there. Measured against
/// 40-digit quadrature (order 17): forward keeps m⁽ᵏ⁾ for k ≤ 5 within 2e-11 relative down to
/// h = -4.5, Miller (start order + 40) within 3e-16 for h ≤ -4.5; the switch is at -4.5. In the
/// series that uses them, high orders are weighted by tᵏ/k! with t ≤ |h|/32, so the error of
/// the sum stays near ε.
public enum MillsRatioDerivatives {
    /// 1/k for k = 0…64 (entry 0 unused).
    @usableFromInline static let reciprocals: [Double] = (0...64).map { $0 == 0 ? 0 : 1 / Double($0) }

    @inlinable
    public static func fill(_ d: UnsafeMutableBufferPointer<Double>, h: Double, order: Int) {
        let m0 = NormalDistribution.millsRatio(h)
        if h > -4.5 {
            d[0] = m0
            d[1] = 1 + h * m0
            if order >= 2 {
                for k in 1..<order {
                    d[k + 1] = h * d[k] + Double(k) * d[k - 1]
                }
            }
            return
        }
        // Backward steps needed fall quickly with |h| (the unwanted solution dies faster).
        // Measured against 40-digit quadrature (order 11, worst k): margins 40/24/16/12 at
        // h = -4.5/-6/-8/-12 keep every m⁽ᵏ⁾ within 1e-15; one step more per higher order.
        let margin = h <= -12 ? 12 : (h <= -8 ? 16 : (h <= -6 ? 24 : 40))
        let start = order + margin
        // Seed: m⁽ᵏ⁺¹⁾/m⁽ᵏ⁾ ≈ saddle point of uᵏ e^{hu - u²/2}, u* = (h + √(h² + 4k))/2.
        var above = 0.5 * (h + (h * h + 4 * Double(start + 1)).squareRoot())
        var current = 1.0
        var k = start
        reciprocals.withUnsafeBufferPointer { reciprocals in
        while k > 0 {
            // m⁽ᵏ⁻¹⁾ = (m⁽ᵏ⁺¹⁾ - h·m⁽ᵏ⁾)/k; a multiply by a tabulated 1/k keeps the serial
            // dependency chain free of divisions (the loop's cost is its latency).
            let below = (above - h * current) * reciprocals[k]
            above = current
            current = below
            if k - 1 <= order { d[k - 1] = current }
            if current > 1e250 {
                // Rescale everything kept so far; ratios are all that matter until the end.
                above *= 1e-250
                current *= 1e-250
                if k - 1 <= order { for j in (k - 1)...order { d[j] *= 1e-250 } }
            }
            k -= 1
        }
        }
        let scale = m0 / d[0]
        for j in 0...order { d[j] *= scale }
    }
}
