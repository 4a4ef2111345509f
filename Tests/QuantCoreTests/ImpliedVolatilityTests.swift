import Testing
@testable import QuantCore

/// Round trips over the grid the issue names: ln(K/F) in [-3, 3], T in [1/365, 3], σ in
/// [0.01, 3], calls and puts. A case is well-posed when the double-precision price determines σ
/// to better than 1e-12: the price is a normal double, the time value is not lost in the
/// intrinsic value, and the condition number |V/(σ·vega)| (relative change of σ per relative
/// change of price) is below 1000, so that ε·(1 + condition) < 2.3e-13. Every other case must
/// either round-trip too or give a typed error; none may return garbage silently.
@Suite struct ImpliedVolatilityTests {
    static let logMoneyness = stride(from: -3.0, through: 3.0, by: 0.125).map { $0 }
    static let times = [1.0 / 365, 2.0 / 365, 7.0 / 365, 30.0 / 365, 0.25, 0.5, 1, 2, 3]
    static let vols = [0.01, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5, 0.8, 1.2, 2, 3]

    @Test func black76RoundTripsOnTheGrid() throws {
        var wellPosed = 0
        var worst = 0.0
        var maxIterations = 0
        for k in Self.logMoneyness {
            for time in Self.times {
                for sigma in Self.vols {
                    for type in OptionType.allCases {
                        let forward = 20.0
                        let strike = forward * exp(k)
                        let v = try Black76.value(type, forward: forward, strike: strike, time: time, rate: 0.02, volatility: sigma)
                        let condition = abs(v.price / (sigma * v.vega))
                        do {
                            let solved = try ImpliedVolatility.black76(type, price: v.price, forward: forward, strike: strike, time: time, rate: 0.02)
                            maxIterations = max(maxIterations, solved.iterations)
                            if v.price >= 1e-300 && condition < 1000 {
                                wellPosed += 1
                                let error = relativeError(solved.volatility, sigma)
                                worst = max(worst, error)
                                #expect(error <= 1e-12, "k=\(k) T=\(time) σ=\(sigma) \(type) got \(solved.volatility)")
                            } else {
                                // Ill-posed but solved: the answer must still reprice the input.
                                #expect(solved.volatility.isFinite && solved.volatility > 0)
                                let repriced = Black76.uncheckedPrice(type, forward: forward, strike: strike, time: time, rate: 0.02, volatility: solved.volatility)
                                #expect(abs(repriced - v.price) <= 1e-12 * v.price + 4 * v.price.ulp, "k=\(k) T=\(time) σ=\(sigma) \(type)")
                            }
                        } catch {
                            // Only the ill-posed may fail, and only with a reason.
                            #expect(!(v.price >= 1e-300 && condition < 1000), "k=\(k) T=\(time) σ=\(sigma) \(type): \(error)")
                            #expect([ImpliedVolatilityError.zeroPrice, .atIntrinsic, .belowIntrinsic].contains(error))
                        }
                    }
                }
            }
        }
        #expect(wellPosed > 5000)
        #expect(maxIterations <= 3)
        print("Black-76 IV: \(wellPosed) well-posed cases, worst relative error \(worst), max iterations \(maxIterations)")
    }

    @Test func blackScholesMertonRoundTripsOnTheGrid() throws {
        var wellPosed = 0
        var worst = 0.0
        for k in Self.logMoneyness {
            for time in Self.times {
                for sigma in Self.vols {
                    for type in OptionType.allCases {
                        let (spot, rate, dividend) = (2700.0, 0.025, 0.018)
                        let forward = spot * exp((rate - dividend) * time)
                        let strike = forward * exp(k)
                        let v = try BlackScholesMerton.value(type, spot: spot, strike: strike, time: time, rate: rate, dividendYield: dividend, volatility: sigma)
                        guard v.price >= 1e-300, abs(v.price / (sigma * v.vega)) < 1000 else { continue }
                        let solved = try ImpliedVolatility.blackScholesMerton(type, price: v.price, spot: spot, strike: strike, time: time, rate: rate, dividendYield: dividend)
                        let error = relativeError(solved.volatility, sigma)
                        worst = max(worst, error)
                        #expect(error <= 1e-12, "k=\(k) T=\(time) σ=\(sigma) \(type) got \(solved.volatility)")
                        wellPosed += 1
                    }
                }
            }
        }
        #expect(wellPosed > 5000)
        print("BSM IV: \(wellPosed) well-posed cases, worst relative error \(worst)")
    }

    /// The lowest branch (β below b_l = b(x, s_l)), where a book's far wings solve: its initial
    /// guess (`lowestBranchGuess`, with e^{y + s_l²/8} from φ(z)/b'(s_l) and the unrefined
    /// inverse normal, capped at s_l) must stay good enough for two fourth-order steps, so every
    /// case with |x| ≤ 21 takes at most 2 iterations (beyond about 21.7 some take 3, as they did
    /// with the Halley-refined quantile and e^{y + s_l²/8} by `exp`) and lands within 1e-12
    /// where the price determines s that well (β ≥ 1e-300, condition |b/(s·b')| < 1000). The
    /// grid: 41 log-spaced x from -1e-4 to -40, s from 0.1% to 99.9% of s_l and at 99.95% and
    /// 99.99% of it, where the unrefined quantile can put the guess above s_l (the cap's cases).
    @Test func lowestBranchSolvesInTwoIterations() throws {
        var cases = 0
        var worst = 0.0
        for i in 0...40 {
            let x = -1e-4 * pow(4e5, Double(i) / 40)
            let erfcxAtC = erfcx((-x).squareRoot())
            let sL = (-2 * x).squareRoot() - 1.253_314_137_315_500_251 * (1 - erfcxAtC)
            for fraction in (0...60).map({ 0.001 + 0.998 * Double($0) / 60 }) + [0.9995, 0.9999] {
                let s = sL * fraction
                let beta = NormalisedBlack.outOfTheMoneyCall(x: x, s: s)
                let vega = NormalisedImpliedVolatility.vega(x: x, s: s)
                guard beta >= 1e-300, abs(beta / (s * vega)) < 1000 else { continue }
                let solved = try NormalisedImpliedVolatility.solve(beta: beta, x: x, sign: 1)
                #expect(solved.iterations <= (x >= -21 ? 2 : 3), "x=\(x) s=\(s): \(solved.iterations) iterations")
                let error = relativeError(solved.s, s)
                worst = max(worst, error)
                #expect(error <= 1e-12, "x=\(x) s=\(s) got \(solved.s)")
                cases += 1
            }
        }
        #expect(cases > 1550)
        print("lowest branch: \(cases) cases, worst relative error \(worst)")
    }

    @Test func illPosedInputsGiveTypedErrors() {
        func black(_ type: OptionType, _ price: Double, forward: Double = 100, strike: Double = 100, time: Double = 0.5) -> ImpliedVolatilityError? {
            do {
                _ = try ImpliedVolatility.black76(type, price: price, forward: forward, strike: strike, time: time, rate: 0)
                return nil
            } catch { return error }
        }
        #expect(black(.call, 0) == .zeroPrice)
        #expect(black(.call, -1) == .zeroPrice)
        #expect(black(.call, .nan) == .priceNotFinite)
        #expect(black(.call, .infinity) == .priceNotFinite)
        #expect(black(.call, 100) == .aboveMaximum)  // call ≤ F
        #expect(black(.put, 120, strike: 120) == .aboveMaximum)  // put ≤ K
        #expect(black(.call, 19, forward: 120, strike: 100) == .belowIntrinsic)
        #expect(black(.call, 20, forward: 120, strike: 100) == .atIntrinsic)
        #expect(black(.put, 5, forward: 100, strike: 110) == .belowIntrinsic)
        #expect(black(.call, 5, time: 0) == .zeroTime)
        #expect(black(.call, 5, strike: -1) == .invalidInput(.notPositive(field: "K", value: -1)))
        #expect(black(.call, 5, forward: .nan) == .invalidInput(.notFinite(field: "F")))
        #expect(ImpliedVolatilityError.belowIntrinsic.status == "below_intrinsic")
        #expect(ImpliedVolatilityError.aboveMaximum.status == "above_max")
        #expect(ImpliedVolatilityError.zeroPrice.status == "zero_price")
    }

    @Test func atTheMoneyAndExtremeWingsSolve() throws {
        // x = 0 exactly, tiny and huge s; deep wing with a price near 1e-250.
        for (sigma, time) in [(0.01, 1.0 / 365), (3.0, 3.0), (0.2, 0.25)] {
            let price = try Black76.price(.call, forward: 50, strike: 50, time: time, rate: 0, volatility: sigma)
            let solved = try ImpliedVolatility.black76(.call, price: price, forward: 50, strike: 50, time: time, rate: 0)
            #expect(relativeError(solved.volatility, sigma) <= 1e-12)
        }
        let wing = try Black76.price(.put, forward: 100, strike: 20, time: 1.3, rate: 0, volatility: 0.04)
        #expect(wing > 1e-300 && wing < 1e-200)
        let solved = try ImpliedVolatility.black76(.put, price: wing, forward: 100, strike: 20, time: 1.3, rate: 0)
        #expect(relativeError(solved.volatility, 0.04) <= 1e-12)
    }
}
