/// Derivatives m⁽ᵏ⁾(h), k = 0…order, of the Mills ratio m = Φ/φ, for h ≤ 0, as the wing series
/// of `NormalisedBlack.relativeMillsDifference` needs them.
///
/// m⁽ᵏ⁾(h) = ∫₀^∞ uᵏ e^{hu - u²/2} du, so integration by parts gives the three-term recurrence
/// m⁽ᵏ⁺¹⁾ = h·m⁽ᵏ⁾ + k·m⁽ᵏ⁻¹⁾ (with m' = 1 + h·m). For h ≪ 0 the forward direction subtracts
/// nearly equal numbers (m is the recurrence's minimal solution), so at and below
/// `millerThreshold` we run it backwards from a starting index well above `order` with the
/// saddle-point ratio as a seed (Miller's algorithm); backwards, every term is positive, and the
/// result is exact up to one common factor, which a ratio of sums does not need. Near h = 0 the
/// two solutions are too alike for Miller to converge, and forward is stable there
/// (`forwardBasisTaylorSums`). Measured against 40-digit quadrature (order 17): Miller (start
/// order + 40) within 3e-16 for h ≤ -4.5. In the series that uses them, high orders are weighted
/// by tᵏ/k! with t ≤ |h|/32, so the error of the sum stays near ε.
public enum MillsRatioDerivatives {
    /// At and below this h the derivatives come from Miller's backward recurrence; above it
    /// from the forward one.
    public static let millerThreshold = -4.5

    /// 1/k for k = 0…64 (entry 0 unused).
    @usableFromInline static let reciprocals: [Double] = (0...64).map { $0 == 0 ? 0 : 1 / Double($0) }

    /// Fills d[0...order] (order ≤ 24) with c·m⁽ᵏ⁾(h) for one unknown c > 0, h ≤ `millerThreshold`.
    @inlinable
    static func fillBackward(_ d: UnsafeMutableBufferPointer<Double>, h: Double, order: Int) {
        // Backward steps needed fall quickly with |h| (the unwanted solution dies faster).
        // Measured against 40-digit quadrature (order 11, worst k): margins 40/24/16/12 at
        // h = -4.5/-6/-8/-12 keep every m⁽ᵏ⁾ within 1e-15; one step more per higher order.
        let margin = h <= -12 ? 12 : (h <= -8 ? 16 : (h <= -6 ? 24 : 40))
        let a = -h
        // Seed: m⁽ᵏ⁺¹⁾/m⁽ᵏ⁾ ≈ saddle point of uᵏ e^{hu - u²/2}, u* = (h + √(h² + 4k))/2.
        var k = order + margin
        var upper = 0.5 * (h + (h * h + 4 * Double(k + 1)).squareRoot())  // m⁽ᵏ⁺¹⁾, with m⁽ᵏ⁾ = 1
        var lower = 1.0
        reciprocals.withUnsafeBufferPointer { reciprocals in
            // Two steps of m⁽ʲ⁻¹⁾ = (m⁽ʲ⁺¹⁾ + a·m⁽ʲ⁾)/j at once, each new value a positive
            // combination of the two old ones: the serial dependency is one multiply and one add
            // per two steps (the loop's cost is its latency), the coefficients are off that path.
            while k >= 2 {
                let r1 = reciprocals[k]
                let r2 = reciprocals[k - 1]
                let ar1 = a * r1
                let ar2 = a * r2
                let next1 = upper * r1 + lower * ar1  // m⁽ᵏ⁻¹⁾
                let next2 = lower * (r2 + ar2 * ar1) + upper * (ar2 * r1)  // m⁽ᵏ⁻²⁾
                upper = next1
                lower = next2
                k -= 2
                if upper > 1e250 || lower > 1e250 {
                    // Rescale everything kept so far; ratios are all that matter until the end.
                    upper *= 1e-250
                    lower *= 1e-250
                    if k + 2 <= order { for j in (k + 2)...order { d[j] *= 1e-250 } }
                }
                if k + 1 <= order { d[k + 1] = upper }
                if k <= order { d[k] = lower }
            }
        }
        if k == 1 { d[0] = upper + a * lower }  // m⁽⁰⁾ = (m⁽²⁾ + a·m⁽¹⁾)/1
    }

    /// Taylor sums of the forward recurrence's two basis solutions, for h > `millerThreshold`:
    /// m⁽ᵏ⁾(h) = αₖ + βₖ·m(h) with α = (0, 1, …), β = (1, h, …) both obeying
    /// m⁽ᵏ⁺¹⁾ = h·m⁽ᵏ⁾ + k·m⁽ᵏ⁻¹⁾, and the sums Σ αₖtᵏ/k!, Σ βₖtᵏ/k! over odd and even
    /// k ≤ order (odd), so that a caller knowing m at h + t can recover m(h) without evaluating it.
    ///
    /// The terms eₖ = (·)ₖtᵏ/k! obey eₖ₊₁ = (h·t·eₖ + t²·eₖ₋₁)/(k+1); two steps are taken at once,
    /// each new term a combination of the last two with coefficients off the dependency chain,
    /// so the loop costs one multiply and one add of latency per two terms, in registers.
    @inlinable
    public static func forwardBasisTaylorSums(
        h: Double, t: Double, order: Int
    ) -> (alphaOdd: Double, alphaEven: Double, betaOdd: Double, betaEven: Double) {
        let ht = h * t
        let t2 = t * t
        var alphaPrevious = 0.0
        var alphaCurrent = t
        var betaPrevious = 1.0
        var betaCurrent = ht
        var alphaOdd = t
        var alphaEven = 0.0
        var betaOdd = ht
        var betaEven = 1.0
        var k = 1
        reciprocals.withUnsafeBufferPointer { reciprocals in
            while k + 2 <= order {
                let r1 = reciprocals[k + 1]
                let r2 = reciprocals[k + 2]
                let c1 = ht * r1  // eₖ₊₁ = c1·eₖ + c0·eₖ₋₁
                let c0 = t2 * r1
                let p1 = (ht * c1 + t2) * r2  // eₖ₊₂ = p1·eₖ + p0·eₖ₋₁
                let p0 = ht * c0 * r2
                let alphaEvenTerm = c1 * alphaCurrent + c0 * alphaPrevious
                let alphaOddTerm = p1 * alphaCurrent + p0 * alphaPrevious
                let betaEvenTerm = c1 * betaCurrent + c0 * betaPrevious
                let betaOddTerm = p1 * betaCurrent + p0 * betaPrevious
                alphaEven += alphaEvenTerm
                alphaOdd += alphaOddTerm
                betaEven += betaEvenTerm
                betaOdd += betaOddTerm
                alphaPrevious = alphaEvenTerm
                alphaCurrent = alphaOddTerm
                betaPrevious = betaEvenTerm
                betaCurrent = betaOddTerm
                k += 2
            }
        }
        return (alphaOdd, alphaEven, betaOdd, betaEven)
    }
}
