/// The lane kernel's normalised Black function, lowest-branch guess and Householder steps: the
/// scalar path's formulas (`NormalisedBlack.outOfTheMoneyCall`, `lowestBranchGuess`, the loop
/// of `NormalisedImpliedVolatility.householder`) with each lane's conditions as blends.
extension ImpliedVolatilityLanes {
    /// (1 where `condition` holds, else 0) · `accepted`.
    @inline(__always)
    static func require(_ accepted: inout Lanes, _ condition: SIMDMask<Lanes.MaskStorage>) {
        accepted = Lanes().replacing(with: accepted, where: condition)
    }

    /// b'(s) = D = e^{-(h²+t²)/2}/√(2π) and b(x, s) = D·m(h+t) - D·m(h-t) for x < 0 below the
    /// centre (h + t ≤ 0), with h = x/s, t = s/2 and m the Mills ratio. Declined: h + t > 0,
    /// t - h > 37 (the table's range), D's exponent below -700, and terms cancelling beyond
    /// `BlackLegs.acceptedCancellation` (see `ImpliedVolatilityLanes` on why this bound, not the
    /// scalar call's 15/16).
    @inline(__always)
    static func evaluate(x: Lanes, s: Lanes) -> (vega: Lanes, value: Lanes, accepted: Lanes) {
        var ok = Lanes(repeating: 1)
        let h = x / s
        let t = 0.5 * s
        let h2 = h * h
        let t2 = t * t
        let lo = LaneMath.muladd(h, h, -h2) + LaneMath.muladd(t, t, -t2)
        let exponent = -0.5 * (h2 + t2)
        require(&ok, exponent .>= -700)
        let density =
            NormalDistribution.inverseSqrtTwoPi * LaneMath.exp(exponent.replacing(with: Lanes(), where: exponent .< -700), plus: Lanes())
            * (1 - 0.5 * lo)
        let upper = -(h + t)
        let lower = t - h
        require(&ok, upper .>= 0)
        require(&ok, lower .<= 37)
        let first = density * LaneMath.upperMillsRatio(upper)
        let second = density * LaneMath.upperMillsRatio(lower)
        require(&ok, second .<= BlackLegs.acceptedCancellation * first)
        return (density, first - second, ok)
    }

    /// `NormalisedImpliedVolatility.lowestBranchGuess`, lane-wise. Declined: z = |x|/(√3·s_l)
    /// beyond 37 (a backstop: the evaluation at s_l already bounds z by 37/√3), the lower map's
    /// ratio below the normal doubles (the scalar path's two cube roots) or above 1, Φ⁻¹'s
    /// argument above ½, and a guess that is not finite.
    @inline(__always)
    static func lowestBranchGuess(beta: Lanes, x: Lanes, sL: Lanes, bL: Lanes, vL: Lanes) -> (value: Lanes, accepted: Lanes) {
        let lowerMapScale = 1.209_199_576_156_145_2  // 2π/√27
        let sqrtThree = 1.732_050_807_568_877_2
        var ok = Lanes(repeating: 1)
        let absX = LaneMath.magnitude(x)
        let z = absX / (sqrtThree * sL)
        require(&ok, z .<= 37)
        let y = z * z
        let mills = LaneMath.upperMillsRatio(z)
        let density = LaneMath.normalDensity(z)
        let tail = density * mills
        let fAtL = lowerMapScale * absX * tail * tail * tail
        let growth = density / vL
        let slopeAtL = 6.283_185_307_179_586 * y * tail * tail * growth
        // Split for the type checker, in the scalar expression's order of evaluation.
        let cubeL: Lanes = sL * sL * sL
        let threeSquare: Lanes = 3 * sL * sL
        let polynomial: Lanes = threeSquare * (sL * sL - 8) - 8 * x * x
        let bracket: Lanes = 13.856_406_460_551_018 * sL * absX + polynomial * mills
        let lead: Lanes = 0.523_598_775_598_298_8 * y / cubeL * tail
        let curvatureAtL: Lanes = lead * bracket * (growth * growth)
        let cubic = LaneMath.rationalCubic(
            at: beta, xLeft: Lanes(), xRight: bL, yLeft: Lanes(), yRight: fAtL, dLeft: Lanes(repeating: 1), dRight: slopeAtL,
            secondDerivative: curvatureAtL, atLeft: false, preferShapePreservation: true)
        let finite = LaneMath.pick(
            LaneMath.magnitude(curvatureAtL) .< .infinity, LaneMath.pick(LaneMath.magnitude(slopeAtL) .< .infinity, cubic, Lanes()), Lanes())
        let t = beta / bL
        let f = LaneMath.pick(finite .> 0, finite, (fAtL * t + bL * (1 - t)) * t)
        let ratio = f / (lowerMapScale * absX)
        require(&ok, ratio .>= Double.leastNormalMagnitude)
        require(&ok, ratio .<= 1)
        // p ≤ ½ as ln p ≤ -ln 2 (p = ½ itself, a ratio of exactly ⅛, declines by rounding;
        // the branch never reaches it, p being at most Φ(-0.46) ≈ 0.32 there).
        let (quantile, logP) = LaneMath.rationalQuantileEstimate(ofCubeRoot: ratio.replacing(with: Lanes(repeating: 0.125), where: ok .== 0))
        require(&ok, logP .<= -0.693_147_180_559_945_3)
        let candidate = LaneMath.magnitude(x / (sqrtThree * quantile))
        // min(candidate, s_l) as Swift's `min` takes it (a NaN candidate stays NaN and declines).
        let guess = LaneMath.pick(sL .< candidate, sL, candidate)
        require(&ok, LaneMath.magnitude(guess) .< .infinity)
        return (guess, ok)
    }
}

/// Householder steps in four lanes, each a pass of the scalar loop in
/// `NormalisedImpliedVolatility.householder` on its lane's objective: 1/ln b - 1/ln β in the lowest branch, b - β in the lower middle one.
/// A lane that has converged keeps its state; a lane whose step would leave the kernel's terms
/// (see `ImpliedVolatilityLanes`) is declined.
struct IterationLanes {
    let beta, x, logBeta: Lanes
    let lowest: SIMDMask<Lanes.MaskStorage>
    var s, low, high: Lanes
    /// 1 once a lane has converged.
    var converged = Lanes()
    var iterations = Lanes()
    var accepted = Lanes(repeating: 1)

    /// β must be a normal positive double in every lane the caller keeps (its logarithm is
    /// taken lane-wise).
    init(beta: Lanes, x: Lanes, lowest: SIMDMask<Lanes.MaskStorage>, start: Lanes, low: Lanes, high: Lanes) {
        self.beta = beta
        self.x = x
        self.lowest = lowest
        s = start
        self.low = low
        self.high = high
        logBeta = LaneMath.log(beta)
    }

    /// One pass of the scalar loop in every lane not yet converged: evaluate b and b' at s,
    /// narrow the bracket, take the fourth-order step on the lane's objective (Newton where its
    /// correction breaks down, at most -s/2), restart from the bracket's midpoint if the step
    /// leaves it, and stop once the step is within 1e-6·s (`convergedStep`).
    @inline(__always)
    mutating func step() {
        let one = Lanes(repeating: 1)
        func pick(_ condition: SIMDMask<Lanes.MaskStorage>, _ a: Lanes, _ b: Lanes) -> Lanes { LaneMath.pick(condition, a, b) }
        let active = converged .== 0
        iterations += pick(active, one, Lanes())
        // A condition only an active lane (or only a lowest-branch one) must meet.
        var keep = one
        let at = ImpliedVolatilityLanes.evaluate(x: x, s: s)
        keep *= at.accepted
        let (vega, b) = (at.vega, at.value)
        high = pick(b .> beta, pick(s .< high, s, high), high)
        low = pick(b .< beta, pick(s .> low, s, low), low)
        let exact = b .== beta
        let b2 = x * x / (s * s * s) - 0.25 * s
        let b3 = b2 * b2 - 3 * x * x / (s * s * s * s) - 0.25
        // The lowest branch's objective 1/ln b - 1/ln β: its guard b > 0, vega > 0, b < 1 holds
        // wherever `evaluate` accepts; b must be normal for the lane logarithm.
        keep *= pick(lowest, pick(b .>= Double.leastNormalMagnitude, one, Lanes()), one)
        let logB = LaneMath.log(b.replacing(with: Lanes(repeating: 0.5), where: b .< Double.leastNormalMagnitude))
        let lambda = 1 / logB
        let q = vega / b
        let nuLower = (logBeta - logB) * logB / logBeta * (b / vega)
        let h2Lower: Lanes = b2 - q * (1 + 2 * lambda)
        let twoLambda: Lanes = 1 + 2 * lambda
        let curvature: Lanes = 2 + 6 * lambda * (1 + lambda)
        let squareTerm: Lanes = q * q * curvature
        let crossTerm: Lanes = 3 * b2 * q * twoLambda
        let h3Lower: Lanes = b3 + squareTerm - crossTerm
        let nu = pick(lowest, nuLower, (beta - b) / vega)
        let h2 = pick(lowest, h2Lower, b2)
        let h3 = pick(lowest, h3Lower, b3)
        let denominator = 1 + nu * (h2 + nu * h3 / 6)
        var step = nu * (1 + 0.5 * nu * h2) / denominator
        // Newton where the correction breaks down.
        step = pick(denominator .> 0, pick(LaneMath.magnitude(step) .< .infinity, step, nu), nu)
        // max(-s/2, step) as Swift's `max` takes it (a NaN step becomes -s/2).
        step = pick(step .>= -0.5 * s, step, -0.5 * s)
        let next = s + step
        let done = LaneMath.magnitude(step) .<= 1e-6 * s
        let inside = pick(next .> low, pick(next .< high, one, Lanes()), Lanes())
        let moved = pick(done, next, pick(inside .> 0, next, 0.5 * (low + high)))
        s = pick(active, pick(exact, s, moved), s)
        converged = pick(active, pick(exact, one, pick(done, one, Lanes())), converged)
        accepted *= pick(active, keep, one)
    }
}
