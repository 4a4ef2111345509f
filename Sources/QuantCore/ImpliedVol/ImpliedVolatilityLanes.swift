/// Implied volatilities of four Black-Scholes-Merton prices at once (`LaneMath`), for the batch
/// API (`ImpliedVolatility.blackScholesMerton(_:spot:rate:dividendYield:into:)`).
///
/// The algorithm is the scalar path's, "Let's Be Rational" (`NormalisedImpliedVolatility`,
/// whose comments state the formulas), restricted to what a book of listed options mostly
/// needs: prices below b_c = b(x, √(2|x|)), the lowest branch (the lower map's guess, the
/// objective 1/ln b) and the lower middle branch (the rational cubic between s_l and s_c, the
/// objective b - β), two Householder steps (`NormalisedImpliedVolatility.householder`). Every
/// step is the scalar one with the lane functions: the normalised Black function as
/// D·m(h+t) - D·m(h-t) (D = b'(s), m the Mills ratio from the table), the guesses through
/// `LaneGuessFunctions`.
///
/// One deliberate difference: the two terms are subtracted while the smaller is at most
/// `BlackLegs.acceptedCancellation` (255/256, at most 8 bits lost) of the larger, the pricing
/// path's bound, where the scalar call's `NormalisedBlack.outOfTheMoneyCall` takes its series
/// beyond 15/16. Most of a book's wings lie between the two (at 15/16 the lanes would decline
/// 3,616 of the benchmark book's 4,096 options). Why 8 bits are enough here: both terms share
/// one D, so what the difference amplifies (by up to 256) is two Mills ratios from the table
/// and a few roundings, some 3e-13 of b at worst; and below b_c the volatility moves less than
/// the price, by the factor b/(s·b') ≤ 1 (b is convex in s there, with b(0) = 0). The tests
/// check it against 50-digit prices in that band (`legs_cancellation_reference.csv`).
///
/// A lane is declined (`accepted` 0) and solved by the scalar call wherever this code is not
/// the scalar arithmetic on its own terms or the lane functions leave their domain:
/// - the upper half (β ≥ b_c: the upper middle and highest branches);
/// - in the money with a time value within 64 ε of the intrinsic value (see below), x = 0 or
///   s_l = 0, |(r - q)T| above 1 (a backstop for that margin's argument);
/// - the terms cancelling beyond 255/256, Mills-ratio arguments outside [0, 37], D's exponent
///   below -700, b below the normal doubles in the lowest branch, the lower map's ratio outside
///   [2.2e-308, 1] or Φ⁻¹'s argument above ½;
/// - a guard of the scalar iteration failing (it would restart from the bracket's midpoint);
/// - no convergence (a step above 1e-6·s) after the second step: the scalar call's third step
///   (the lowest branch beyond |x| of about 21.7);
/// - anything not finite.
///
/// Where accepted, a lane's volatility agrees with the scalar call's to within the accuracy the
/// price allows: both are roots of the same function, evaluated with roundings a few ulp apart.
/// Near a branch point (β ≈ b_l) or the convergence bound, those roundings can choose the other
/// branch or stop a step apart; the iteration counts were equal on every test grid and book.
struct ImpliedVolatilityLanes {
    var volatility: Lanes
    /// Householder steps taken (1 or 2), as the scalar path counts them.
    var iterations: Lanes
    /// 1 in the lanes solved here, 0 in those to be solved on the scalar path.
    var accepted: Lanes

    static let sqrtTwoPi = NormalisedImpliedVolatility.sqrtTwoPi
    static let sqrtHalfPi = NormalisedImpliedVolatility.sqrtHalfPi

    /// Options of sign `sign` (+1 call, -1 put), discounted prices `price`, strikes and times,
    /// sharing the spot, rate and dividend yield. Lanes the caller declines beforehand (invalid
    /// inputs) may hold any values.
    init(spot: Double, rate: Double, dividendYield: Double, sign theta: Lanes, price: Lanes, strike: Lanes, time: Lanes) {
        var ok = Lanes(repeating: 1)
        func require(_ condition: SIMDMask<Lanes.MaskStorage>) { ok = Lanes().replacing(with: ok, where: condition) }
        func pick(_ condition: SIMDMask<Lanes.MaskStorage>, _ a: Lanes, _ b: Lanes) -> Lanes { LaneMath.pick(condition, a, b) }

        // The normalisation (`ImpliedVolatility.blackScholesMerton`): x = ln(F/K), β = price/(e^{-rT}·√(F·K)).
        let quotient = spot / strike
        require(quotient .>= Double.leastNormalMagnitude)
        require(quotient .<= Double.greatestFiniteMagnitude)
        let carry = (rate - dividendYield) * time
        let x = LaneMath.logRatio(spot, strike, quotient: quotient) + carry
        // The 64 ε margin below takes x's error as a few ulp of x; where the carry is large
        // and cancels ln(S/K) it would be a few ulp of the carry instead (no market has
        // |(r - q)T| above 1: a backstop).
        require(LaneMath.magnitude(carry) .<= 1)
        let exponent = -0.5 * (rate + dividendYield) * time
        let size = LaneMath.magnitude(exponent)
        require(size .<= 700)
        let decay = LaneMath.exp(-size.replacing(with: Lanes(), where: size .> 700), plus: Lanes())
        let scale = pick(exponent .<= 0, decay, 1 / decay) * spot.squareRoot() * strike.squareRoot()
        let beta = price / scale

        // `NormalisedImpliedVolatility.solve`: the out-of-the-money call's time value.
        let otmX = -LaneMath.magnitude(x)
        let half = -0.5 * otmX
        require(half .<= 700)
        require(half .> 0)
        let bMax = LaneMath.exp(0.5 * otmX.replacing(with: Lanes(), where: half .> 700), plus: Lanes())
        let intrinsic = pick(theta * x .> 0, 2 * Self.sinh(half, decay: bMax), Lanes())
        let timeValue = beta - intrinsic
        // The scalar call decides "at intrinsic" (or solves an ill-posed price) on its own x and
        // `sinh`; the lanes' intrinsic value differs from its by about |x|/2 times 2 ulp of x
        // plus a few ulp of sinh and the scale. An accepted in-the-money lane has
        // 64 ε·e^{|x|/2} < timeValue < b_c < e^{-|x|/2}/2, so |x| is below about 31, and that
        // difference stays under some 30 ε of the intrinsic value: half this margin.
        require(timeValue .> (64 * Double.ulpOfOne) * intrinsic)
        require(timeValue .< Double.greatestFiniteMagnitude)

        // `solveOutOfTheMoney`'s branch points, below the centre only.
        let root = (-otmX).squareRoot()
        let erfcxArgument = 1.414_213_562_373_095_048_8 * root
        require(erfcxArgument .<= 37)
        let erfcxC = 0.797_884_560_802_865_355_88 * LaneMath.upperMillsRatio(erfcxArgument)
        let sC = (-2 * otmX).squareRoot()
        let bC = 0.5 * bMax * (1 - erfcxC)
        let vC = bMax / Self.sqrtTwoPi
        let sL = sC - Self.sqrtHalfPi * (1 - erfcxC)
        // The scalar call's branch choice; also a backstop, since a root above s_c would take
        // the evaluation beyond h + t ≤ 0, which declines the lane anyway.
        require(timeValue .< bC)
        require(sL .> 0)
        let atL = Self.evaluate(x: otmX, s: sL)
        ok *= atL.accepted
        let (vL, bL) = (atL.vega, atL.value)

        let lowest = timeValue .< bL
        let guessLowest = Self.lowestBranchGuess(beta: timeValue, x: otmX, sL: sL, bL: bL, vL: vL)
        ok *= pick(lowest, guessLowest.accepted, Lanes(repeating: 1))
        let guessMiddle = LaneMath.rationalCubic(
            at: timeValue, xLeft: bL, xRight: bC, yLeft: sL, yRight: sC, dLeft: 1 / vL, dRight: 1 / vC,
            secondDerivative: Lanes(), atLeft: false, preferShapePreservation: false)
        let bracketLow = pick(lowest, Lanes(), sL)
        let bracketHigh = pick(lowest, sL, sC)
        var s = pick(lowest, guessLowest.value, guessMiddle)
        let inside = pick(s .>= bracketLow, pick(s .<= bracketHigh, Lanes(repeating: 1), Lanes()), Lanes())
        s = pick(inside .> 0, s, 0.5 * (bracketLow + bracketHigh))

        // Two Householder steps (the loop of `NormalisedImpliedVolatility.householder`); β's
        // logarithm is taken lane-wise there, so β must be a normal double.
        require(timeValue .>= Double.leastNormalMagnitude)
        var state = IterationLanes(
            beta: timeValue, x: otmX, lowest: lowest, start: s, low: bracketLow * (1 - 1e-10), high: bracketHigh * (1 + 1e-10))
        state.step()
        state.step()
        ok *= state.accepted
        require(state.converged .> 0)
        accepted = ok
        volatility = state.s / time.squareRoot()
        iterations = state.iterations
    }

    /// sinh(u) for 0 < u ≤ 700 (where e^{-u}, `decay`, is a normal double): its Taylor series
    /// below ½ (to u¹⁷, the first omitted term under 1e-22 of the sum), (1/e^{-u} - e^{-u})/2
    /// above, which then loses under two bits.
    @inline(__always)
    static func sinh(_ u: Lanes, decay: Lanes) -> Lanes {
        let u2 = u * u
        // 1/k! for k = 17, 15, ..., 3.
        var series = Lanes(repeating: 1.0 / 355_687_428_096_000)
        series = LaneMath.muladd(series, u2, Lanes(repeating: 1.0 / 1_307_674_368_000))
        series = LaneMath.muladd(series, u2, Lanes(repeating: 1.0 / 6_227_020_800))
        series = LaneMath.muladd(series, u2, Lanes(repeating: 1.0 / 39_916_800))
        series = LaneMath.muladd(series, u2, Lanes(repeating: 1.0 / 362_880))
        series = LaneMath.muladd(series, u2, Lanes(repeating: 1.0 / 5_040))
        series = LaneMath.muladd(series, u2, Lanes(repeating: 1.0 / 120))
        series = LaneMath.muladd(series, u2, Lanes(repeating: 1.0 / 6))
        let small = u * LaneMath.muladd(series, u2, Lanes(repeating: 1))
        return LaneMath.pick(u .< 0.5, small, 0.5 * (1 / decay - decay))
    }
}
