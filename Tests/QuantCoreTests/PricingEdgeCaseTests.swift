import Testing
@testable import QuantCore

@Suite struct PricingEdgeCaseTests {
    @Test func invalidInputsThrowNamingTheField() {
        func error(_ body: () throws(PricingError) -> Void) -> PricingError? {
            do { try body(); return nil } catch { return error }
        }
        #expect(error { () throws(PricingError) in _ = try BlackScholesMerton.value(.call, spot: -1, strike: 100, time: 1, rate: 0, dividendYield: 0, volatility: 0.2) }?.field == "S")
        #expect(error { () throws(PricingError) in _ = try BlackScholesMerton.value(.call, spot: 100, strike: 0, time: 1, rate: 0, dividendYield: 0, volatility: 0.2) }?.field == "K")
        #expect(error { () throws(PricingError) in _ = try BlackScholesMerton.value(.call, spot: 100, strike: 100, time: -1, rate: 0, dividendYield: 0, volatility: 0.2) }?.field == "T")
        #expect(error { () throws(PricingError) in _ = try BlackScholesMerton.value(.call, spot: 100, strike: 100, time: 1, rate: .nan, dividendYield: 0, volatility: 0.2) }?.field == "r")
        #expect(error { () throws(PricingError) in _ = try BlackScholesMerton.value(.call, spot: 100, strike: 100, time: 1, rate: 0, dividendYield: .infinity, volatility: 0.2) }?.field == "q")
        #expect(error { () throws(PricingError) in _ = try BlackScholesMerton.value(.call, spot: 100, strike: 100, time: 1, rate: 0, dividendYield: 0, volatility: -0.2) } == .negative(field: "sigma", value: -0.2))
        #expect(error { () throws(PricingError) in _ = try Black76.value(.put, forward: .nan, strike: 100, time: 1, rate: 0, volatility: 0.2) }?.field == "F")
    }

    /// σ = 0 and T = 0 give the deterministic limits, never NaN.
    @Test func zeroVolatilityAndExpiryGiveDeterministicLimits() throws {
        let itm = try BlackScholesMerton.value(.call, spot: 110, strike: 100, time: 0.5, rate: 0.03, dividendYield: 0.01, volatility: 0)
        let expected = 110 * exp(-0.005) - 100 * exp(-0.015)
        #expect(relativeError(itm.price, expected) <= 1e-14)
        #expect(relativeError(itm.delta, exp(-0.005)) <= 1e-15)
        #expect(itm.gamma == 0 && itm.vega == 0)
        #expect(relativeError(itm.theta, 0.01 * 110 * exp(-0.005) - 0.03 * 100 * exp(-0.015)) <= 1e-14)
        let otm = try BlackScholesMerton.value(.put, spot: 110, strike: 100, time: 0.5, rate: 0.03, dividendYield: 0.01, volatility: 0)
        #expect(otm.price == 0 && otm.delta == 0 && otm.rho == 0)
        let expired = try Black76.value(.put, forward: 15, strike: 20, time: 0, rate: 0.02, volatility: 0.9)
        #expect(relativeError(expired.price, 5) <= 1e-15)
        #expect(relativeError(expired.delta, -1) <= 1e-15)
        for v in [itm, otm, expired] {
            let values = [v.price, v.delta, v.gamma, v.vega, v.theta, v.rho]
            #expect(values.allSatisfy { $0.isFinite })
        }
        // Continuity: a tiny σ approaches the σ = 0 limit.
        let tiny = try BlackScholesMerton.value(.call, spot: 110, strike: 100, time: 0.5, rate: 0.03, dividendYield: 0.01, volatility: 1e-6)
        #expect(relativeError(tiny.price, itm.price) <= 1e-12)
    }

    /// Tiny but valid σ√T, tiny T, huge |h|: finite greeks, prices at their limits, never NaN.
    @Test func tinyDeviationsNeverGiveNaN() throws {
        for sigma in [1e-20, 1e-64, 1e-157, 1e-200, 5e-324] {
            for (strike, type) in [(110.0, OptionType.call), (90.0, .put), (100.0, .call), (90.0, .call)] {
                let v = try BlackScholesMerton.value(type, spot: 100, strike: strike, time: 1, rate: 0.01, dividendYield: 0, volatility: sigma)
                let values = [v.price, v.delta, v.gamma, v.vega, v.theta, v.rho]
                #expect(values.allSatisfy { $0.isFinite }, "σ=\(sigma) K=\(strike) \(type): \(values)")
                let limit = try BlackScholesMerton.value(type, spot: 100, strike: strike, time: 1, rate: 0.01, dividendYield: 0, volatility: 0)
                #expect(abs(v.price - limit.price) <= 1e-13 * max(1, limit.price))
            }
        }
        let tinyTime = try Black76.value(.call, forward: 20, strike: 21, time: 1e-310, rate: 0.01, volatility: 0.8)
        #expect([tinyTime.price, tinyTime.delta, tinyTime.gamma, tinyTime.vega, tinyTime.theta, tinyTime.rho].allSatisfy { $0.isFinite })
        #expect(NormalDistribution.pdf(1e155) == 0)
        #expect(NormalDistribution.pdf(-.infinity) == 0)
        #expect(NormalDistribution.pdf(.nan).isNaN)
    }

    /// Inputs at the edge of validation whose discounted terms underflow while ln(F/K) is
    /// ordinary: no field may be NaN, and where the density is involved it is the density at d₁
    /// (the legs must not derive one density from the other through a ratio of underflowed
    /// terms, and the normalised form must not divide an underflowed density by e^{x/2} = 0).
    @Test func underflowingTermsNeverGiveNaN() throws {
        func allFinite(_ v: OptionValuation) -> Bool { [v.price, v.delta, v.gamma, v.vega, v.theta, v.rho].allSatisfy(\.isFinite) }
        // S·e^{-qT} and K·e^{-rT} both below the smallest double, x = ln 2.
        for type in [OptionType.call, .put] {
            let v = try BlackScholesMerton.value(type, spot: 2e-21, strike: 1e-21, time: 1, rate: 700, dividendYield: 700, volatility: 0.2)
            #expect(allFinite(v), "\(type) \(v)")
            let d1 = log(2.0) / 0.2 + 0.1
            let gamma = exp(-700.0) * NormalDistribution.pdf(d1) / (2e-21 * 0.2)
            #expect(relativeError(v.gamma, gamma) <= 1e-13, "\(type) gamma")
        }
        for type in [OptionType.call, .put] {
            let v = try Black76.value(type, forward: 2e-30, strike: 1e-30, time: 1, rate: 700, volatility: 0.2)
            #expect(allFinite(v), "Black-76 \(type) \(v)")
        }
        // x = ln(S/K) + (r - q)T ≈ -2091: e^{x/2} underflows; the call is worth 0 (it is below
        // S·e^{-qT}, itself 0 in doubles).
        let deep = try BlackScholesMerton.value(.call, spot: 1e-300, strike: 1, time: 1, rate: -700, dividendYield: 700, volatility: 100)
        #expect(allFinite(deep), "\(deep)")
        #expect(deep.price.isZero)
        #expect(NormalisedBlack.outOfTheMoneyCall(x: -1500, s: 100).isZero)
    }

    @Test func exponentialsOutOfRangeAreRejected() {
        #expect(throws: PricingError.outOfRange(field: "r", value: -800, limit: 700)) {
            try Black76.value(.call, forward: 20, strike: 21, time: 1, rate: -800, volatility: 0.8)
        }
        #expect(throws: PricingError.outOfRange(field: "q", value: 900, limit: 700)) {
            try BlackScholesMerton.value(.call, spot: 20, strike: 21, time: 3, rate: 0, dividendYield: 300, volatility: 0.8)
        }
    }

    /// The at-the-money, tiny σ√T case exercises the series branch of the normalised Black
    /// function: b(0, s) = erf(s/√8) exactly.
    @Test func atTheMoneyNormalisedValueMatchesErf() {
        for s in [1e-8, 1e-5, 1e-3, 0.01, 0.1, 0.5, 1, 3, 10] {
            let b = NormalisedBlack.value(x: 0, s: s, sign: 1)
            // 4e-15 (18ε): at s = 0.1 the two terms are in the ratio 0.92, just below the 15/16
            // where the series takes over, so their tails' rounding (φ·R, about 2 ulp each) is
            // amplified about 13 times (measured 2.7e-15; with glibc's erfc for the tails it stayed under 2e-15).
            #expect(relativeError(b, erf(s / 8.0.squareRoot())) <= 4e-15, "s=\(s)")
        }
    }
}
