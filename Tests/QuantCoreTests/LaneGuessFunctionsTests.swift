import Foundation
import PropertyBased
import Testing
@testable import QuantCore

/// The implied-volatility lanes' pieces against the scalar code they mirror, one lane at a
/// time on seeded sweeps, so that a change to a guess is seen here and not only as more lanes
/// declined: the rational cubic (the same operations: within 4 ulp), sinh (against the C
/// library's), Φ⁻¹'s rational estimate of a cube root from the lane `log`, the normalised Black
/// function below the centre and the lowest branch's guess.
@Suite struct LaneGuessFunctionsTests {
    static let unit = Gen.double(in: 0..<1).array(of: 8)

    @Test func rationalCubicIsTheScalarOne() throws {
        var worst = 0.0
        try seededProperty(count: 4_000, seed: 71, Self.unit) { u in
            // Values, slopes and a curvature of either sign; a quarter of the cases with equal
            // end values (slope 0) or a slope equal to one end's (a zero gap).
            let (xLeft, width) = (u[0], 0.01 + u[1])
            let (yLeft, yRight) = (u[2], u[7] < 0.25 ? u[2] : u[3])
            let slope = (yRight - yLeft) / width
            let dLeft = u[7] > 0.75 ? slope : -2 + 4 * u[4]
            let dRight = -2 + 4 * u[5]
            let second = -10 + 20 * u[6]
            let point = xLeft + width * u[7]
            for atLeft in [false, true] {
                for prefer in [false, true] {
                    let scalar = RationalCubic(
                        xLeft: xLeft, xRight: xLeft + width, yLeft: yLeft, yRight: yRight, dLeft: dLeft, dRight: dRight,
                        secondDerivative: second, atLeft: atLeft, preferShapePreservation: prefer)
                    let lanes = LaneMath.rationalCubic(
                        at: Lanes(repeating: point), xLeft: Lanes(repeating: xLeft), xRight: Lanes(repeating: xLeft + width),
                        yLeft: Lanes(repeating: yLeft), yRight: Lanes(repeating: yRight), dLeft: Lanes(repeating: dLeft),
                        dRight: Lanes(repeating: dRight), secondDerivative: Lanes(repeating: second), atLeft: atLeft,
                        preferShapePreservation: prefer)
                    let expected = scalar(point)
                    let error = abs(lanes[0] - expected) / max(abs(expected), 1e-300)
                    worst = max(worst, error)
                    #expect(error <= 4 * Double.ulpOfOne, "\(u) atLeft \(atLeft) prefer \(prefer): \(lanes[0]) against \(expected)")
                }
            }
        }
        print("lane rational cubic against RationalCubic: worst \(worst)")
    }

    @Test func sinhMatchesTheCLibrary() {
        var worst = 0.0
        var u = 1e-8
        while u < 700 {
            let lanes = ImpliedVolatilityLanes.sinh(Lanes(repeating: u), decay: LaneFunctions.exp(Lanes(repeating: -u)))
            let error = relativeError(lanes[0], sinh(u))
            worst = max(worst, error)
            #expect(error <= 4 * Double.ulpOfOne, "u = \(u)")
            u *= 1.01
        }
        print("lane sinh against sinh: worst \(worst)")
    }

    /// Φ⁻¹(v^{1/3}) as the lowest branch's guess forms it, from ln(v)/3, against the scalar
    /// call's `quantile(cbrt(v), halleySteps: 0)`, for v from 1e-300 to 0.115 (p up to 0.487:
    /// the estimate crosses zero just below p = ½, where a relative bound says nothing).
    @Test func quantileOfACubeRootMatchesTheScalarOne() {
        var worst = 0.0
        var v = 1e-300
        while v <= 0.125 {
            let quantile = LaneMath.rationalQuantileEstimate(ofCubeRoot: Lanes(repeating: v)).estimate[0]
            let expected = NormalDistribution.quantile(cbrt(v), halleySteps: 0)
            worst = max(worst, relativeError(quantile, expected))
            #expect(relativeError(quantile, expected) <= 1e-13, "v = \(v)")
            v *= 1.1
        }
        print("lane Φ⁻¹ estimate of a cube root: worst \(worst)")
    }

    /// b(x, s) below the centre wherever the lanes accept it: within 1e-14 of the scalar
    /// function where both subtract (the terms' ratio at most 15/16), and within 5e-13 where
    /// the scalar function takes its series (ratio in (15/16, 255/256]).
    @Test func normalisedBlackBelowTheCentreMatchesTheScalarOne() throws {
        var worst = (direct: 0.0, band: 0.0)
        var accepted = 0
        var inBand = 0
        try seededProperty(count: 20_000, seed: 72, Self.unit) { u in
            let x = -exp(-6 + 9 * u[0])  // -0.0025 to -20
            let s = (-2 * x).squareRoot() * (0.02 + 0.98 * u[1])
            let lanes = ImpliedVolatilityLanes.evaluate(x: Lanes(repeating: x), s: Lanes(repeating: s))
            guard lanes.accepted[0] > 0 else { return }
            accepted += 1
            let expected = NormalisedBlack.outOfTheMoneyCall(x: x, s: s)
            let error = relativeError(lanes.value[0], expected)
            let h = x / s, t = 0.5 * s
            let ratio = NormalDistribution.millsRatio(h - t) / NormalDistribution.millsRatio(h + t)
            if ratio <= NormalisedBlack.acceptedCancellation {
                worst.direct = max(worst.direct, error)
                #expect(error <= 1e-14, "x = \(x), s = \(s)")
            } else {
                inBand += 1
                worst.band = max(worst.band, error)
                #expect(error <= 5e-13, "x = \(x), s = \(s)")
            }
            #expect(relativeError(lanes.vega[0], NormalisedImpliedVolatility.vega(x: x, s: s)) <= 4 * Double.ulpOfOne)
        }
        #expect(accepted > 10_000)
        #expect(inBand > 4_000)  // 5,895 measured
        print("lane b(x, s): \(accepted) accepted, \(inBand) between the bounds, worst \(worst)")
    }

    @Test func lowestBranchGuessIsTheScalarOne() throws {
        var worst = 0.0
        var compared = 0
        try seededProperty(count: 5_000, seed: 73, Self.unit) { u in
            let x = -exp(-5 + 7 * u[0])  // -0.0067 to -7.4
            let sC = (-2 * x).squareRoot()
            let erfcxC = erfcx((-x).squareRoot())
            let sL = sC - NormalisedImpliedVolatility.sqrtHalfPi * (1 - erfcxC)
            guard sL > 0 else { return }
            let vL = NormalisedImpliedVolatility.vega(x: x, s: sL)
            let bL = NormalisedBlack.outOfTheMoneyCall(x: x, s: sL)
            let beta = bL * exp(-40 * u[1])  // from b_l down by up to e^-40
            guard beta >= Double.leastNormalMagnitude else { return }
            let lanes = ImpliedVolatilityLanes.lowestBranchGuess(
                beta: Lanes(repeating: beta), x: Lanes(repeating: x), sL: Lanes(repeating: sL), bL: Lanes(repeating: bL),
                vL: Lanes(repeating: vL))
            guard lanes.accepted[0] > 0 else { return }
            let expected = NormalisedImpliedVolatility.lowestBranchGuess(beta: beta, x: x, sL: sL, bL: bL, vL: vL)
            let error = relativeError(lanes.value[0], expected)
            worst = max(worst, error)
            compared += 1
            #expect(error <= 1e-12, "x = \(x), β = \(beta)")
        }
        #expect(compared > 4_000)
        print("lane lowest-branch guess: \(compared) compared, worst \(worst)")
    }
}
