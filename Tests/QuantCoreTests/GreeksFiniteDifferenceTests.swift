import PropertyBased
import Testing
@testable import QuantCore

/// Greeks against central finite differences of the price itself (independent of the closed
/// forms). A central difference with step h has truncation error O(h²·V''') and rounding error
/// O(ε·V/h); with h = 1e-4 relative to the variable the attainable agreement is about 1e-7 of
/// the price scale; the tolerance is 1e-6 (1e-5 for the second difference in gamma) (relative to max(|greek|, price/variable)).
@Suite struct GreeksFiniteDifferenceTests {
    struct Case { var spot, moneyness, time, rate, dividend, volatility: Double; var type: OptionType }

    /// Spot 50-5000, ln(K/S) in [-0.5, 0.5], T in [7 days, 3 years], r in [-1%, 8%],
    /// q in [0, 5%], σ in [5%, 150%], call or put.
    static let cases = Gen.double(in: 0..<1).array(of: 7).map { u in
        Case(
            spot: 50 + 4950 * u[0], moneyness: -0.5 + u[1], time: 7.0 / 365 + (3 - 7.0 / 365) * u[2],
            rate: -0.01 + 0.09 * u[3], dividend: 0.05 * u[4], volatility: 0.05 + 1.45 * u[5],
            type: u[6] < 0.5 ? .call : .put)
    }

    @Test func blackScholesMertonGreeksMatchFiniteDifferences() throws {
        try seededProperty(count: 400, seed: 11, Self.cases) { c in
            let strike = c.spot * exp(c.moneyness)
            func price(_ s: Double = c.spot, _ t: Double = c.time, _ r: Double = c.rate, _ v: Double = c.volatility) -> Double {
                BlackScholesMerton.uncheckedPrice(c.type, spot: s, strike: strike, time: t, rate: r, dividendYield: c.dividend, volatility: v)
            }
            let greeks = try BlackScholesMerton.value(
                c.type, spot: c.spot, strike: strike, time: c.time, rate: c.rate, dividendYield: c.dividend, volatility: c.volatility)
            let p = greeks.price
            guard p > 1e-6 * c.spot else { return }  // far wings: differences drown in rounding
            let hS = 1e-4 * c.spot
            let delta = (price(c.spot + hS) - price(c.spot - hS)) / (2 * hS)
            let gamma = (price(c.spot + hS) - 2 * p + price(c.spot - hS)) / (hS * hS)
            let hV = 1e-4 * c.volatility
            let vega = (price(c.spot, c.time, c.rate, c.volatility + hV) - price(c.spot, c.time, c.rate, c.volatility - hV)) / (2 * hV)
            let hT = 1e-4 * c.time
            let theta = -(price(c.spot, c.time + hT) - price(c.spot, c.time - hT)) / (2 * hT)
            let hR = 1e-5
            let rho = (price(c.spot, c.time, c.rate + hR) - price(c.spot, c.time, c.rate - hR)) / (2 * hR)
            #expect(abs(greeks.delta - delta) <= 1e-6 * max(1, abs(delta)), "delta \(c)")
            #expect(abs(greeks.gamma - gamma) <= 1e-5 * max(abs(gamma), p / (c.spot * c.spot)), "gamma \(c)")
            #expect(abs(greeks.vega - vega) <= 1e-6 * max(abs(vega), p / c.volatility), "vega \(c)")
            #expect(abs(greeks.theta - theta) <= 1e-6 * max(abs(theta), p / c.time), "theta \(c)")
            #expect(abs(greeks.rho - rho) <= 1e-6 * max(abs(rho), p * c.time, c.spot * c.time * 1e-3), "rho \(c)")
        }
    }

    @Test func black76GreeksMatchFiniteDifferences() throws {
        try seededProperty(count: 400, seed: 12, Self.cases) { c in
            let forward = c.spot / 50  // VIX-like levels
            let strike = forward * exp(c.moneyness)
            func price(_ f: Double = forward, _ t: Double = c.time, _ r: Double = c.rate, _ v: Double = c.volatility) -> Double {
                Black76.uncheckedPrice(c.type, forward: f, strike: strike, time: t, rate: r, volatility: v)
            }
            let greeks = try Black76.value(c.type, forward: forward, strike: strike, time: c.time, rate: c.rate, volatility: c.volatility)
            let p = greeks.price
            guard p > 1e-6 * forward else { return }
            let hF = 1e-4 * forward
            let delta = (price(forward + hF) - price(forward - hF)) / (2 * hF)
            let gamma = (price(forward + hF) - 2 * p + price(forward - hF)) / (hF * hF)
            let hV = 1e-4 * c.volatility
            let vega = (price(forward, c.time, c.rate, c.volatility + hV) - price(forward, c.time, c.rate, c.volatility - hV)) / (2 * hV)
            let hT = 1e-4 * c.time
            let theta = -(price(forward, c.time + hT) - price(forward, c.time - hT)) / (2 * hT)
            let hR = 1e-5
            let rho = (price(forward, c.time, c.rate + hR) - price(forward, c.time, c.rate - hR)) / (2 * hR)
            #expect(abs(greeks.delta - delta) <= 1e-6 * max(1, abs(delta)), "delta \(c)")
            #expect(abs(greeks.gamma - gamma) <= 1e-5 * max(abs(gamma), p / (forward * forward)), "gamma \(c)")
            #expect(abs(greeks.vega - vega) <= 1e-6 * max(abs(vega), p / c.volatility), "vega \(c)")
            #expect(abs(greeks.theta - theta) <= 1e-6 * max(abs(theta), p / c.time), "theta \(c)")
            #expect(abs(greeks.rho - rho) <= 1e-6 * max(abs(rho), p * c.time), "rho \(c)")
        }
    }
}

