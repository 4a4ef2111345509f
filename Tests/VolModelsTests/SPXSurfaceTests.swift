import Foundation
import QuantCore
import Testing
import VolModels

/// SSVI slices, the VIX-anchored SPX surface, its variance-swap calibration and event variance.
@Suite struct SPXSurfaceTests {
    static let vixLevels: [Double] = [9, 15, 30, 80]
    static let expiryDays: [Double] = [1, 2, 3, 5, 7, 10, 14, 21, 30, 45, 60, 90, 120, 180, 270, 365, 730]
    static let expiries = expiryDays.map { $0 / 365 }
    static let events: [PendingEvent] = [
        .fomc(timeToEvent: 1.5 / 365), .cpi(timeToEvent: 8.0 / 365), .fomc(timeToEvent: 43.0 / 365),
    ]
    static let t30 = VarianceSwapTermStructure.vixHorizon

    static func surface(vix: Double, events: [PendingEvent] = []) throws -> SPXVolSurface {
        try SPXVolSurface.calibrated(vix: vix, spot: 5000, rate: 0.04, expiries: expiries, events: events)
    }

    // MARK: SSVI slice

    @Test func ssviValidationNamesTheParameter() {
        func field(_ body: () throws(SSVIError) -> Void) -> String? {
            do { try body(); return nil } catch { return error.parameter }
        }
        #expect(field { () throws(SSVIError) in _ = try SSVISlice(theta: 0.01, rho: 1, eta: 1, gamma: 0.5) } == "rho")
        #expect(field { () throws(SSVIError) in _ = try SSVISlice(theta: 0.01, rho: -0.5, eta: 0, gamma: 0.5) } == "eta")
        #expect(field { () throws(SSVIError) in _ = try SSVISlice(theta: 0.01, rho: -0.5, eta: 1, gamma: 0.6) } == "gamma")
        #expect(field { () throws(SSVIError) in _ = try SSVISlice(theta: 0.01, rho: -0.5, eta: 1, gamma: 0) } == "gamma")
        #expect(field { () throws(SSVIError) in _ = try SSVISlice(theta: 0, rho: -0.5, eta: 1, gamma: 0.5) } == "theta")
        #expect(field { () throws(SSVIError) in _ = try SSVISlice(theta: .nan, rho: -0.5, eta: 1, gamma: 0.5) } == "theta")
        // η²(1+|ρ|) = 1.7²·1.5 = 4.335 > 4; 1.6²·1.5 = 3.84 is inside the bound.
        #expect(throws: SSVIError.butterflyArbitrage(eta: 1.7, rho: -0.5)) {
            _ = try SSVISlice(theta: 0.01, rho: -0.5, eta: 1.7, gamma: 0.5)
        }
        #expect(field { () throws(SSVIError) in _ = try SSVISlice(theta: 0.01, rho: -0.5, eta: 1.6, gamma: 0.5) } == nil)
        #expect(field { () throws(SSVIError) in _ = try SSVISlice(theta: 0.01, rho: -0.7, eta: 2 / 1.7, gamma: 0.5) } == nil)
    }

    @Test func ssviFormulaAndDerivatives() throws {
        let s = try SSVISlice(theta: 0.02, rho: -0.6, eta: 1.1, gamma: 0.4)
        #expect(abs(s.totalVariance(k: 0) - 0.02) < 1e-18)
        let phi = 1.1 / (pow(0.02, 0.4) * pow(1.02, 0.6))
        #expect(abs(s.phi / phi - 1) < 1e-14)
        for k in stride(from: -1.0, through: 1.0, by: 0.05) {
            let h = 1e-5
            let slope = (s.totalVariance(k: k + h) - s.totalVariance(k: k - h)) / (2 * h)
            let curvature = (s.totalVarianceSlope(k: k + h) - s.totalVarianceSlope(k: k - h)) / (2 * h)
            #expect(abs(s.totalVarianceSlope(k: k) - slope) < 1e-9)
            #expect(abs(s.totalVarianceCurvature(k: k) - curvature) < 1e-7 * max(1, abs(curvature)))
        }
    }

    /// Call prices decreasing and convex in strike on a fine uniform strike grid, and Durrleman's
    /// g(k) ≥ 0, across θ (1 day at VIX 9 to 2 years at VIX 80) and shapes up to the boundary
    /// η²(1+|ρ|) = 4 (the SKEW calibration's strongest shapes: ρ −0.95 with η = 2/√1.95).
    @Test func ssviSlicesHaveNoButterflyArbitrage() throws {
        let shapes: [(rho: Double, eta: Double, gamma: Double)] = [
            (-0.7, 1.0, 0.5), (-0.7, 2 / 1.7, 0.5), (-0.9, 2 / 1.9, 0.3), (0.7, 2 / 1.7, 0.5), (0, 2, 0.1),
            (-0.95, 0.999_999 * 2 / 1.95.squareRoot(), 0.5), (-0.7, 0.999_999 * 2 / 1.7.squareRoot(), 0.5),
            (-0.95, 0.999_999 * 2 / 1.95.squareRoot(), 0.2), (0.9, 0.999_999 * 2 / 1.9.squareRoot(), 0.5),
        ]
        let thetas = [2e-5, 3e-4, 2e-3, 0.02, 0.1, 0.5, 1.5]
        for shape in shapes {
            for theta in thetas {
                let slice = try SSVISlice(theta: theta, rho: shape.rho, eta: shape.eta, gamma: shape.gamma)
                for i in 0...600 {
                    let k = -4 + Double(i) * 0.01
                    #expect(slice.durrlemanG(k: k) >= 0, "g(\(k)) < 0 for θ \(theta), \(shape)")
                }
                // Prices with T = 1 so σ² = w; F = S·e^{(r-q)T}.
                let spot = 100.0, time = 1.0
                let expiry = BlackScholesMerton.Expiry(spot: spot, time: time, rate: 0.03, dividendYield: 0.01)
                let forward = spot * exp(0.02)
                let root = theta.squareRoot()
                let lower = forward * exp(-12 * root), upper = forward * exp(6 * root)
                let n = 2000
                let step = (upper - lower) / Double(n)
                var prices = [Double]()
                prices.reserveCapacity(n + 1)
                for i in 0...n {
                    let strike = lower + Double(i) * step
                    let vol = slice.impliedVolatility(k: log(strike / forward), time: time)
                    prices.append(expiry.price(.call, strike: strike, volatility: vol))
                }
                let tolerance = 1e-12 * spot
                var decreasing = true, convex = true
                for i in 1...n where prices[i] > prices[i - 1] + tolerance { decreasing = false }
                for i in 1..<n where prices[i - 1] - 2 * prices[i] + prices[i + 1] < -tolerance { convex = false }
                #expect(decreasing, "θ \(theta) \(shape)")
                #expect(convex, "θ \(theta) \(shape)")
            }
        }
    }

    // MARK: Variance-swap quadrature

    @Test func varianceSwapQuadratureIsAccurate() throws {
        // Nearly flat smile (η → 0, ρ = 0): w ≡ θ, so the variance swap is θ.
        let flat = try SSVISlice(theta: 0.04, rho: 0, eta: 1e-9, gamma: 0.5)
        #expect(abs(flat.varianceSwapTotalVariance() / 0.04 - 1) < 1e-12)
        #expect(abs(try flat.varianceSwapTotalVarianceByReplication() / 0.04 - 1) < 1e-12)
        // The d₂ form against the option-price (Carr-Madan) form with twice the nodes, and the
        // default against 64 nodes per wing: quadrature error of the default rule.
        for theta in [4e-5, 6.7e-4, 3.3e-3, 0.05, 0.4, 1.3] {
            for (rho, eta) in [(-0.7, 1.0), (-0.7, 2 / 1.7), (0.7, 1.0), (0.0, 2.0)] {
                let s = try SSVISlice(theta: theta, rho: rho, eta: eta, gamma: 0.5)
                let fast = s.varianceSwapTotalVariance()
                let replication = try s.varianceSwapTotalVarianceByReplication(nodesPerWing: 64)
                let fine = try s.varianceSwapTotalVariance(nodesPerWing: 64)
                #expect(abs(fast / replication - 1) < 1e-11, "θ \(theta) ρ \(rho) η \(eta)")
                #expect(abs(fast / fine - 1) < 1e-11, "θ \(theta) ρ \(rho) η \(eta)")
                // Increasing in θ (the calibration relies on it).
                let up = try SSVISlice(theta: theta * 1.001, rho: rho, eta: eta, gamma: 0.5)
                #expect(up.varianceSwapTotalVariance() > fast)
            }
        }
    }

    // MARK: Term structure

    @Test func varianceSwapTermStructureIsAnchoredAndIncreasing() {
        for v30 in [0.0016, 0.0081, 0.04, 0.25, 0.64] {
            let ts = VarianceSwapTermStructure(thirtyDayVariance: v30, meanReversion: 3, longRunVariance: 0.04)
            #expect(abs(ts.variance(Self.t30) / v30 - 1) < 1e-14)
            var previous = 0.0
            for day in 1...3650 {
                let total = ts.totalVariance(Double(day) / 365)
                #expect(total > previous)
                previous = total
            }
            #expect(ts.forwardVariance(0) > 0)
        }
        // The clamp: VIX 4 is far below the 20% long-run level.
        let low = VarianceSwapTermStructure(thirtyDayVariance: 0.0016, meanReversion: 3, longRunVariance: 0.04)
        #expect(low.effectiveLongRunVariance < 0.04)
        #expect(abs(low.variance(Self.t30) / 0.0016 - 1) < 1e-14)
    }

    // MARK: Calibration

    /// The model's own 30-day variance swap reproduces the VIX for VIX 9…80, with and without
    /// events inside 30 days.
    @Test func calibratedThirtyDayVarianceSwapReproducesVIX() throws {
        for vix in stride(from: 9.0, through: 80.0, by: 0.5) {
            for events in [[], Self.events] {
                let surface = try Self.surface(vix: vix, events: events)
                let target = (vix / 100) * (vix / 100)
                let model = surface.varianceSwapVariance(Self.t30)
                #expect(abs(model / target - 1) < 1e-8, "VIX \(vix), \(events.count) events")
                #expect(abs(surface.modelVIX - vix) < 1e-8 * vix)
            }
        }
        // Events inside 30 days are part of the VIX: the diffusive VIX is lower.
        let withEvents = try Self.surface(vix: 15, events: Self.events)
        #expect(withEvents.diffusiveVIX < 15)
        #expect(try Self.surface(vix: 15).diffusiveVIX == 15)
    }

    /// Total variance non-decreasing in T at fixed k (calibrated and interpolated maturities),
    /// for several VIX levels, with and without events.
    @Test func surfaceHasNoCalendarArbitrage() throws {
        let ks = stride(from: -1.5, through: 0.8, by: 0.05).map { $0 }
        var maturities = Self.expiries
        for day in stride(from: 0.25, through: 800, by: 0.5) { maturities.append(day / 365) }
        maturities.sort()
        for vix in Self.vixLevels {
            for events in [[], Self.events] {
                let surface = try Self.surface(vix: vix, events: events)
                var previousTheta = 0.0
                for t in maturities {
                    let theta = surface.atmTotalVariance(t)
                    #expect(theta >= previousTheta)
                    previousTheta = theta
                }
                for k in ks {
                    var previous = 0.0
                    for t in maturities {
                        let w = surface.totalVariance(k: k, T: t)
                        #expect(w >= previous * (1 - 1e-15), "VIX \(vix) k \(k) T \(t)")
                        previous = w
                    }
                }
            }
        }
    }

    /// Absolute skew (vol points between fixed strikes, and between ±1 ATM standard deviation)
    /// is larger when the VIX is higher. (The ATM slope dσ/dk itself is ≈ ρη/(2√T): γ = 1/2
    /// makes it nearly independent of the level.)
    @Test func skewIsSteeperWhenVIXIsHigher() throws {
        let t = Self.t30
        var previousFixed = 0.0, previousDeviation = 0.0
        for vix in [9.0, 15, 20, 30, 50, 80] {
            let surface = try Self.surface(vix: vix)
            let forward = surface.forward(t)
            let fixed = surface.impliedVolatility(strike: 0.95 * forward, expiry: t)
                - surface.impliedVolatility(strike: 1.05 * forward, expiry: t)
            let sd = surface.atmTotalVariance(t).squareRoot()
            let deviation = surface.impliedVolatility(k: -sd, expiry: t) - surface.impliedVolatility(k: sd, expiry: t)
            #expect(fixed > previousFixed, "VIX \(vix)")
            #expect(deviation > previousDeviation, "VIX \(vix)")
            previousFixed = fixed
            previousDeviation = deviation
        }
    }

    /// An expiry 2 days after an FOMC decision pending 1 day ahead carries the event variance;
    /// once the event has passed (same diffusive state, VIX without the event) the ATM total
    /// variance is lower by exactly e, and every strike's IV is lower.
    @Test func eventVarianceDropsWhenTheEventPasses() throws {
        let fomc = PendingEvent.fomc(timeToEvent: 1.0 / 365)
        let expiry = 3.0 / 365
        for vix in Self.vixLevels {
            let before = try SPXVolSurface.calibrated(vix: vix, spot: 5000, rate: 0.04, expiries: [expiry, Self.t30, 0.25], events: [fomc])
            let after = try SPXVolSurface.calibrated(vix: before.diffusiveVIX, spot: 5000, rate: 0.04, expiries: [expiry, Self.t30, 0.25], events: [])
            let drop = before.atmTotalVariance(expiry) - after.atmTotalVariance(expiry)
            #expect(abs(drop - fomc.jumpVariance) < 1e-12, "VIX \(vix): drop \(drop)")
            #expect(abs(before.eventVariance(before: expiry) - fomc.jumpVariance) == 0)
            let forward = before.forward(expiry)
            for moneyness in stride(from: 0.9, through: 1.1, by: 0.01) {
                let strike = moneyness * forward
                #expect(before.impliedVolatility(strike: strike, expiry: expiry) > after.impliedVolatility(strike: strike, expiry: expiry))
            }
            // An expiry before the event does not carry it.
            #expect(abs(before.atmTotalVariance(0.5 / 365) - after.atmTotalVariance(0.5 / 365)) < 1e-12)
            // Next day: the event has passed (τ ≤ 0 is ignored), the same expiry is 2 days out.
            let nextDay = try SPXVolSurface.calibrated(
                vix: before.diffusiveVIX, spot: 5000, rate: 0.04, expiries: [expiry - 1.0 / 365, Self.t30 - 1.0 / 365, 0.25],
                events: [PendingEvent.fomc(timeToEvent: 0)])
            #expect(nextDay.events.isEmpty)
            #expect(nextDay.impliedVolatility(strike: forward, expiry: expiry - 1.0 / 365) < before.impliedVolatility(strike: forward, expiry: expiry))
        }
    }

    @Test func invalidInputsThrowNamingTheField() {
        func field(_ body: () throws(SPXSurfaceError) -> Void) -> String? {
            do { try body(); return nil } catch { return error.field }
        }
        let e = Self.expiries
        #expect(field { () throws(SPXSurfaceError) in _ = try SPXVolSurface.calibrated(vix: 0, spot: 5000, rate: 0.04, expiries: e) } == "vix")
        #expect(field { () throws(SPXSurfaceError) in _ = try SPXVolSurface.calibrated(vix: 15, spot: .nan, rate: 0.04, expiries: e) } == "spot")
        #expect(field { () throws(SPXSurfaceError) in _ = try SPXVolSurface.calibrated(vix: 15, spot: 5000, rate: 0.04, expiries: [0.1, -1]) } == "expiries[1]")
        #expect(field { () throws(SPXSurfaceError) in
            _ = try SPXVolSurface.calibrated(vix: 15, spot: 5000, rate: 0.04, expiries: e, events: [.fomc(timeToEvent: 0.01, jumpVariance: -1)])
        } == "events[0].jumpVariance")
        #expect(field { () throws(SPXSurfaceError) in
            _ = try SPXVolSurface.calibrated(vix: 15, spot: 5000, rate: 0.04, expiries: e, parameters: SPXSurfaceParameters(eta: 1.6))
        } == "eta")
        #expect(field { () throws(SPXSurfaceError) in
            _ = try SPXVolSurface.calibrated(vix: 15, spot: 5000, rate: 0.04, expiries: e, parameters: SPXSurfaceParameters(meanReversion: 0))
        } == "meanReversion")
        // A 3% event move inside 30 days exceeds a VIX of 9's whole 30-day variance.
        #expect(field { () throws(SPXSurfaceError) in
            _ = try SPXVolSurface.calibrated(vix: 9, spot: 5000, rate: 0.04, expiries: e, events: [.fomc(timeToEvent: 0.01, jumpVariance: 9e-4)])
        } == "events")
    }

    @Test func parametersRoundTripThroughCodable() throws {
        let p = SPXSurfaceParameters.standard
        #expect(p.eta * (1 + abs(p.rho)) <= 2)
        let data = try JSONEncoder().encode(p)
        #expect(try JSONDecoder().decode(SPXSurfaceParameters.self, from: data) == p)
    }
}
