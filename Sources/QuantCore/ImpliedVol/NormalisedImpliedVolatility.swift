/// Implied normalised volatility s = σ√T from a normalised Black price β, following Jäckel,
/// "Let's Be Rational" (Wilmott, January 2015): a four-branch initial guess built from
/// shape-preserving rational cubic interpolations (two of them on transformed "lower" and
/// "upper" maps that linearise the exponentially flat wings), then Householder iterations of
/// order 4 on an objective chosen per branch to be nearly linear in s. Two iterations reach
/// machine precision on almost all of the domain (three on the lowest branch beyond about
/// F/K = e^{±21.7}); the iteration stops once a step is below 1e-6·s (`convergedStep`: the error
/// left after a fourth-order step of that size is far below ε), runs at most
/// `maximumIterations`, and falls back to bisection inside the bracket the branch guarantees if
/// an iterate escapes it.
///
/// Inputs are normalised: x = ln(F/K), β = undiscounted price/√(F·K), θ = ±1. Attainable
/// relative accuracy of s is about (1 + |b/(s·b')|)·ε (Jäckel §5), which is what the round-trip
/// tests check away from the ill-posed wings.
public enum NormalisedImpliedVolatility {
    public static let maximumIterations = 8
    @usableFromInline static let sqrtTwoPi = 2.506_628_274_631_000_502_4
    @usableFromInline static let sqrtHalfPi = 1.253_314_137_315_500_251_2

    public struct Solution: Sendable, Equatable {
        public var s: Double
        public var iterations: Int
    }

    public static func solve(beta: Double, x: Double, sign: Double) throws(ImpliedVolatilityError) -> Solution {
        guard beta.isFinite else { throw .priceNotFinite }
        let intrinsic = sign * x > 0 ? 2 * sinh(0.5 * abs(x)) : 0
        if beta <= 0 && intrinsic == 0 { throw .zeroPrice }
        // A price within rounding (4 ulp) of the intrinsic value carries no time value.
        if beta < intrinsic - 4 * intrinsic.ulp { throw .belowIntrinsic }
        let timeValue = beta - intrinsic
        if timeValue <= 0 { throw .atIntrinsic }
        let otmX = -abs(x)  // from here on: an out-of-the-money call with x ≤ 0
        // Within 4 ulp of the bound (S·e^{-qT} or K·e^{-rT}) counts as at it: only σ = ∞ fits.
        let bMax = exp(0.5 * otmX)
        if timeValue >= bMax * (1 - 4 * Double.ulpOfOne) { throw .aboveMaximum }
        return solveOutOfTheMoney(beta: timeValue, x: otmX, bMax: bMax)
    }

    /// Core for x ≤ 0, 0 < β < b_max = e^{x/2}.
    @usableFromInline
    static func solveOutOfTheMoney(beta: Double, x: Double, bMax: Double) -> Solution {
        let sC = (-2 * x).squareRoot()
        let erfcxAtC = erfcx((-x).squareRoot())
        let bC = 0.5 * bMax * (1 - erfcxAtC)
        let vC = bMax / sqrtTwoPi
        let sL = max(0, sC - sqrtHalfPi * (1 - erfcxAtC))
        let sU = sC + sqrtHalfPi * (1 + erfcxAtC)

        var guess: Double
        var objective: Objective
        var bracket: (Double, Double)
        if beta < bC {
            let vL = vega(x: x, s: sL)
            let bL = NormalisedBlack.outOfTheMoneyCall(x: x, s: sL, growth: bMax, scaledDensity: vL)
            if beta < bL {
                guess = lowestBranchGuess(beta: beta, x: x, sL: sL, bL: bL, vL: vL)
                objective = .lower
                bracket = (0, sL)
            } else {
                let cubic = RationalCubic(
                    xLeft: bL, xRight: bC, yLeft: sL, yRight: sC, dLeft: 1 / vL, dRight: 1 / vC,
                    secondDerivative: 0, atLeft: false, preferShapePreservation: false)
                guess = cubic(beta)
                objective = .plain
                bracket = (sL, sC)
            }
        } else {
            let vU = vega(x: x, s: sU)
            let bU = NormalisedBlack.outOfTheMoneyCall(x: x, s: sU, growth: bMax, scaledDensity: vU)
            if beta <= bU {
                let cubic = RationalCubic(
                    xLeft: bC, xRight: bU, yLeft: sC, yRight: sU, dLeft: 1 / vC, dRight: 1 / vU,
                    secondDerivative: 0, atLeft: true, preferShapePreservation: false)
                guess = cubic(beta)
                objective = .plain
                bracket = (sC, sU)
            } else {
                guess = highestBranchGuess(beta: beta, x: x, sU: sU, bU: bU, bMax: bMax)
                objective = beta > 0.5 * bMax ? .upper : .plain
                bracket = (sU, .greatestFiniteMagnitude)
            }
        }
        if !(guess >= bracket.0 && guess <= bracket.1) { guess = midpoint(bracket) }
        return householder(beta: beta, x: x, bMax: bMax, start: guess, objective: objective, bracket: bracket)
    }

    @usableFromInline
    enum Objective { case lower, plain, upper }

    /// Normalised vega b'(s) = e^{-(h²+t²)/2}/√(2π), independent of θ.
    @inlinable
    static func vega(x: Double, s: Double) -> Double {
        if s <= 0 { return x == 0 ? 1 / sqrtTwoPi : 0 }
        return NormalisedBlack.scaledDensity(h: x / s, t: 0.5 * s)
    }

    @inlinable
    static func midpoint(_ bracket: (Double, Double)) -> Double {
        bracket.1 >= .greatestFiniteMagnitude ? 2 * bracket.0 + 1 : 0.5 * (bracket.0 + bracket.1)
    }
}
