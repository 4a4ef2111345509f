import Foundation
import QuantCore
import Testing
import VolModels

/// VIX futures curve F(t,T) = θ + (VIX - θ)e^{-κτ}: limits, monotonicity, contango sign, validation.
@Suite struct VIXFuturesCurveTests {
    let curve = VIXFuturesCurve()
    var theta: Double { curve.parameters.longRunLevel }
    var kappa: Double { curve.parameters.meanReversion }

    @Test func defaultsAreTheDocumentedAssumptions() {
        #expect(VIXTermStructureParameters.standard.longRunLevel == 19.5)
        #expect(VIXTermStructureParameters.standard.meanReversion == 4.0)
        #expect(abs(VIXTermStructureParameters.standard.halfLife - log(2) / 4) < 1e-15)
    }

    /// τ → 0: |F - VIX| = |VIX - θ|(1 - e^{-κτ}) ≤ |VIX - θ|·κτ.
    @Test func futureTendsToSpotAtExpiry() throws {
        for vix in [9.0, 12, 19.5, 30, 50, 80] {
            #expect(try curve.future(vix: vix, timeToExpiry: 0) == vix)
            for tau in [1e-9, 1e-6, 1e-3, 1.0 / 365] {
                let bound = abs(vix - theta) * kappa * tau
                // + 4 ulps of θ + (VIX - θ)e^{-κτ} for rounding.
                #expect(abs(try curve.future(vix: vix, timeToExpiry: tau) - vix) <= bound + 4 * max(vix, theta).ulp)
            }
        }
    }

    /// τ → ∞: |F - θ| = |VIX - θ|e^{-κτ}, checked against the exponential, and exactly θ in the limit.
    @Test func futureTendsToLongRunLevel() throws {
        for vix in [9.0, 12, 19.5, 30, 50, 80] {
            for tau in [0.5, 1, 2, 5, 10] {
                let expected = abs(vix - theta) * exp(-kappa * tau)
                #expect(abs(abs(try curve.future(vix: vix, timeToExpiry: tau) - theta) - expected) <= 1e-13 * theta)
            }
            #expect(abs(try curve.future(vix: vix, timeToExpiry: 1_000) - theta) <= 1e-14 * theta)
            // One half-life: halfway from spot to θ.
            let half = try curve.future(vix: vix, timeToExpiry: curve.parameters.halfLife)
            #expect(abs(half - (theta + vix) / 2) <= 1e-13 * theta)
        }
    }

    /// F moves monotonically from VIX toward θ and never overshoots.
    @Test func curveIsMonotoneTowardLongRunLevel() throws {
        let expiries = (0...1_095).map { Double($0) / 365 }
        for vix in [9.0, 12, 19.5, 30, 50, 80] {
            let points = try curve.curve(vix: vix, expiries: expiries)
            #expect(points.count == expiries.count)
            for (point, tau) in zip(points, expiries) {
                #expect(point.timeToExpiry == tau)
                #expect(point.future == (try curve.future(vix: vix, timeToExpiry: tau)))
                #expect(point.future >= min(vix, theta) && point.future <= max(vix, theta))
            }
            for (a, b) in zip(points, points.dropFirst()) {
                #expect(abs(b.future - theta) <= abs(a.future - theta))
                if vix < theta { #expect(b.future >= a.future) }
                if vix > theta { #expect(b.future <= a.future) }
            }
        }
    }

    @Test func contangoSign() throws {
        let pairs: [(Double, Double)] = [(0, 30.0 / 365), (30.0 / 365, 60.0 / 365), (30.0 / 365, 182.0 / 365), (1, 2)]
        for (near, far) in pairs {
            for vix in [9.0, 12, 15, 19] { #expect(try curve.contango(vix: vix, nearTime: near, farTime: far) > 0) }
            for vix in [20.0, 25, 40, 80] { #expect(try curve.contango(vix: vix, nearTime: near, farTime: far) < 0) }
            #expect(try curve.contango(vix: theta, nearTime: near, farTime: far) == 0)
        }
        // Definition (F_far - F_near)/F_near.
        let near = try curve.future(vix: 12, timeToExpiry: 30.0 / 365)
        let far = try curve.future(vix: 12, timeToExpiry: 60.0 / 365)
        #expect(try curve.contango(vix: 12, nearTime: 30.0 / 365, farTime: 60.0 / 365) == (far - near) / near)
        // κ = 0: flat curve.
        let flat = VIXFuturesCurve(parameters: try VIXTermStructureParameters(longRunLevel: 19.5, meanReversion: 0))
        #expect(try flat.contango(vix: 12, nearTime: 0.1, farTime: 0.5) == 0)
        #expect(flat.parameters.halfLife == .infinity)
    }

    @Test func invalidInputsThrowTypedErrors() throws {
        #expect(throws: VIXModelError.notPositive(field: "vix", value: 0)) { try curve.future(vix: 0, timeToExpiry: 1) }
        #expect(throws: VIXModelError.notPositive(field: "vix", value: -3)) { try curve.future(vix: -3, timeToExpiry: 1) }
        #expect(throws: VIXModelError.notFinite(field: "vix")) { try curve.future(vix: .nan, timeToExpiry: 1) }
        #expect(throws: VIXModelError.notFinite(field: "vix")) { try curve.future(vix: .infinity, timeToExpiry: 1) }
        #expect(throws: VIXModelError.negative(field: "T", value: -0.1)) { try curve.future(vix: 15, timeToExpiry: -0.1) }
        #expect(throws: VIXModelError.notFinite(field: "T")) { try curve.future(vix: 15, timeToExpiry: .infinity) }
        #expect(throws: VIXModelError.negative(field: "T", value: -1)) { try curve.curve(vix: 15, expiries: [0.1, -1]) }
        #expect(throws: VIXModelError.expiriesOutOfOrder(near: 0.5, far: 0.5)) {
            try curve.contango(vix: 15, nearTime: 0.5, farTime: 0.5)
        }
        #expect(throws: VIXModelError.expiriesOutOfOrder(near: 0.5, far: 0.1)) {
            try curve.contango(vix: 15, nearTime: 0.5, farTime: 0.1)
        }
        #expect(throws: VIXModelError.notPositive(field: "longRunLevel", value: 0)) {
            try VIXTermStructureParameters(longRunLevel: 0, meanReversion: 4)
        }
        #expect(throws: VIXModelError.negative(field: "meanReversion", value: -1)) {
            try VIXTermStructureParameters(longRunLevel: 20, meanReversion: -1)
        }
        #expect(throws: VIXModelError.notFinite(field: "meanReversion")) {
            try VIXTermStructureParameters(longRunLevel: 20, meanReversion: .nan)
        }
    }

    @Test func parametersRoundTripThroughCodableAndDecodingValidates() throws {
        let parameters = try VIXTermStructureParameters(longRunLevel: 21, meanReversion: 2.5)
        let data = try JSONEncoder().encode(parameters)
        #expect(try JSONDecoder().decode(VIXTermStructureParameters.self, from: data) == parameters)
        let bad = Data(#"{"longRunLevel": -5, "meanReversion": 4}"#.utf8)
        #expect(throws: VIXModelError.notPositive(field: "longRunLevel", value: -5)) {
            try JSONDecoder().decode(VIXTermStructureParameters.self, from: bad)
        }
    }
}

/// VIX options: Black-76 on the future with the vol-of-vol level/term model and the SSVI smile.
@Suite struct VIXOptionModelTests {
    let model = VIXOptionModel()
    static let month = 30.0 / 365

    @Test func defaultsAreTheDocumentedValues() {
        let p = VIXOptionParameters.standard
        // Round 2: no level law (β = 0, the ATM level is calibrated to the VVIX each day), the
        // smile shape fitted to real VIX call quotes (Tools/fits/RESULTS.md).
        #expect(p.atmVolatilityAtLongRun == 0.824 && p.levelElasticity == 0 && p.termElasticity == 0.0788)
        #expect(p.referenceTime == 30.0 / 365 && p.minimumVolatility == 0.25 && p.maximumVolatility == 2.5)
        #expect(p.skewCorrelation == 0.8373 && p.skewLevel == 0.6823)
        #expect(p.skewLevel * (1 + abs(p.skewCorrelation)) <= 2)
        #expect(VIXOptionParameters.ssviGamma == 0.5)
    }

    /// "A VIX call with strike near zero is worth the discounted future." Black-76 gives
    /// C → e^{-rT}(F - K) as K → 0, so: K = 1e-9 matches e^{-rT}F to 1e-9 relative, and at
    /// K = 0.01 the call is e^{-rT}(F - K) (the put is worthless), within e^{-rT}K of e^{-rT}F.
    @Test func nearZeroStrikeCallIsTheDiscountedFuture() throws {
        for vix in [9.0, 12, 19.5, 30, 50, 80] {
            for time in [1.0 / 365, 7.0 / 365, Self.month, 0.25, 0.5, 1] {
                for rate in [0.0, 0.02, 0.05] {
                    let future = try model.curve.future(vix: vix, timeToExpiry: time)
                    let discount = exp(-rate * time)
                    let tiny = try model.price(.call, strike: 1e-9, future: future, time: time, rate: rate, vix: vix)
                    #expect(abs(tiny.price / (discount * future) - 1) <= 1e-9, "VIX \(vix) T \(time) r \(rate)")
                    let cent = try model.price(.call, strike: 0.01, future: future, time: time, rate: rate, vix: vix)
                    #expect(abs(cent.price / (discount * (future - 0.01)) - 1) <= 1e-12, "VIX \(vix) T \(time) r \(rate)")
                    #expect(abs(cent.price - discount * future) <= discount * 0.01 * (1 + 1e-12))
                    #expect(abs(cent.delta - discount) <= 1e-12)
                    // The convenience overload takes the same future from the curve.
                    #expect(try model.price(.call, strike: 0.01, time: time, rate: rate, vix: vix) == cent)
                }
            }
        }
    }

    /// Calls non-increasing and convex in K, bounded by e^{-rT}(F-K)⁺ and e^{-rT}F, put-call
    /// parity to 1e-10, on the strike grid 1..100 step 1, and Durrleman's g(k) ≥ 0 on the smile.
    @Test func noStaticArbitrageOnStrikeGrid() throws {
        let rate = 0.02
        let strikes = (1...100).map(Double.init)
        for vix in [9.0, 12, 16, 19.5, 25, 35, 50, 80] {
            for days in [1.0, 7, 30, 60, 120, 182, 365] {
                let time = days / 365
                let future = try model.curve.future(vix: vix, timeToExpiry: time)
                let discount = exp(-rate * time)
                var calls: [Double] = []
                for strike in strikes {
                    let call = try model.price(.call, strike: strike, future: future, time: time, rate: rate, vix: vix).price
                    let put = try model.price(.put, strike: strike, future: future, time: time, rate: rate, vix: vix).price
                    #expect(abs(call - put - discount * (future - strike)) <= 1e-10, "parity VIX \(vix) T \(days)d K \(strike)")
                    #expect(call >= max(0, discount * (future - strike)) - 1e-12 && call <= discount * future)
                    #expect(put >= max(0, discount * (strike - future)) - 1e-12 && put <= discount * strike)
                    calls.append(call)
                }
                for i in 1..<calls.count {
                    #expect(calls[i] <= calls[i - 1] + 1e-12, "monotone VIX \(vix) T \(days)d K \(strikes[i])")
                }
                for i in 1..<(calls.count - 1) {
                    #expect(calls[i - 1] - 2 * calls[i] + calls[i + 1] >= -1e-11, "convex VIX \(vix) T \(days)d K \(strikes[i])")
                }
                let slice = try model.smile(vix: vix, time: time)
                for step in -400...400 {
                    let k = Double(step) / 100
                    #expect(slice.durrlemanG(k: k) >= 0, "g(k) VIX \(vix) T \(days)d k \(k)")
                }
            }
        }
    }

    /// Round-1 level law (superseded as the default): σ_v over VIX 9..50 at T = 30 days: within 0.60-1.46, mean ≈ 0.86 (Cboe VVIX mean ~86,
    /// range ~60-146); lower for higher VIX and for longer expiries; clipped to [0.25, 2.50].
    @Test func volOfVolLevelsAndRange() throws {
        // The round-1 level law, still available through the parameters (β > 0).
        let legacy = VIXOptionModel(
            parameters: try VIXOptionParameters(
                atmVolatilityAtLongRun: 0.978, levelElasticity: 0.518, termElasticity: 0.25, skewCorrelation: 0.6, skewLevel: 0.9))
        let levels = (9...50).map { try! legacy.atmVolatility(vix: Double($0), time: Self.month) }
        #expect(levels.allSatisfy { $0 >= 0.60 && $0 <= 1.46 })
        #expect(abs(levels.first! - 1.46) < 0.005 && abs(levels.last! - 0.60) < 0.005)
        let mean = levels.reduce(0, +) / Double(levels.count)
        #expect(abs(mean - 0.86) < 0.01, "mean \(mean)")
        for (a, b) in zip(levels, levels.dropFirst()) { #expect(b < a) }
        #expect(abs(try legacy.atmVolatility(vix: 19.5, time: Self.month) - 0.978) < 1e-15)
        for vix in [9.0, 19.5, 50] {
            var previous = Double.infinity
            for days in [1.0, 7, 14, 30, 60, 90, 182, 365, 730] {
                let vol = try legacy.atmVolatility(vix: vix, time: days / 365)
                #expect(vol <= previous && vol >= 0.25 && vol <= 2.5)
                previous = vol
            }
        }
        #expect(try legacy.atmVolatility(vix: 9, time: 0) == 2.5)
        #expect(try legacy.atmVolatility(vix: 5_000, time: 5) == 0.25)
        // ATM total variance σ_v²T non-decreasing in T (no calendar arbitrage in θ_T).
        for vix in [9.0, 19.5, 50] {
            let thetas = (1...730).map { day -> Double in
                let t = Double(day) / 365
                let v = try! legacy.atmVolatility(vix: vix, time: t)
                return v * v * t
            }
            for (a, b) in zip(thetas, thetas.dropFirst()) { #expect(b >= a) }
        }
    }

    /// Upward call skew: IV(1.2F) > IV(F) > IV(0.8F), IV rising from F to 3F, ATM IV = σ_v.
    @Test func upwardCallSkew() throws {
        for vix in [9.0, 12, 16, 19.5, 25, 35, 50] {
            for days in [7.0, 30, 60, 90, 182, 365] {
                let time = days / 365
                let future = try model.curve.future(vix: vix, timeToExpiry: time)
                func iv(_ m: Double) throws -> Double {
                    try model.impliedVolatility(strike: m * future, future: future, time: time, vix: vix)
                }
                let atm = try iv(1)
                #expect(abs(atm - (try model.atmVolatility(vix: vix, time: time))) <= 1e-14)
                #expect(try iv(1.2) > atm, "VIX \(vix) T \(days)d")
                #expect(atm > (try iv(0.8)), "VIX \(vix) T \(days)d")
                var previous = atm
                for step in 1...40 {
                    let vol = try iv(1 + Double(step) * 0.05)
                    #expect(vol > previous)
                    previous = vol
                }
                // Black-76 round trip: the model price inverts to the smile vol.
                let strike = 1.3 * future
                let value = try model.price(.call, strike: strike, future: future, time: time, rate: 0.03, vix: vix)
                let implied = try ImpliedVolatility.black76(.call, price: value.price, forward: future, strike: strike, time: time, rate: 0.03)
                #expect(abs(implied.volatility - (try iv(1.3))) <= 1e-10)
            }
        }
    }

    @Test func expiryAndInvalidInputs() throws {
        // T = 0: intrinsic value; implied vol undefined.
        #expect(abs(try model.price(.call, strike: 15, future: 18, time: 0, rate: 0.05, vix: 18).price - 3) <= 1e-14)
        #expect(try model.price(.put, strike: 15, future: 18, time: 0, rate: 0.05, vix: 18).price == 0)
        #expect(try model.totalVariance(logMoneyness: 0.3, vix: 18, time: 0) == 0)
        #expect(throws: VIXModelError.notPositive(field: "T", value: 0)) {
            try model.impliedVolatility(strike: 15, future: 18, time: 0, vix: 18)
        }
        #expect(throws: VIXModelError.notPositive(field: "K", value: 0)) {
            try model.price(.call, strike: 0, future: 18, time: 0.1, rate: 0.05, vix: 18)
        }
        #expect(throws: VIXModelError.notPositive(field: "F", value: -1)) {
            try model.price(.call, strike: 15, future: -1, time: 0.1, rate: 0.05, vix: 18)
        }
        #expect(throws: VIXModelError.notFinite(field: "vix")) {
            try model.price(.call, strike: 15, future: 18, time: 0.1, rate: 0.05, vix: .nan)
        }
        #expect(throws: VIXModelError.negative(field: "T", value: -0.1)) {
            try model.price(.put, strike: 15, future: 18, time: -0.1, rate: 0.05, vix: 18)
        }
        #expect(throws: VIXModelError.pricing(.notFinite(field: "r"))) {
            try model.price(.put, strike: 15, future: 18, time: 0.1, rate: .nan, vix: 18)
        }
        #expect(throws: VIXModelError.self) { try VIXOptionParameters(skewCorrelation: 0.6, skewLevel: 1.3) }
        #expect(throws: VIXModelError.self) { try VIXOptionParameters(skewCorrelation: 1) }
        #expect(throws: VIXModelError.self) { try VIXOptionParameters(termElasticity: 0.5) }
        #expect(throws: VIXModelError.self) { try VIXOptionParameters(minimumVolatility: 3) }
        #expect(try VIXOptionParameters() == .standard)
        let data = try JSONEncoder().encode(VIXOptionParameters.standard)
        #expect(try JSONDecoder().decode(VIXOptionParameters.self, from: data) == .standard)
    }
}
