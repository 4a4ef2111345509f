import Foundation
import QuantCore
import Testing
@testable import VolModels

// The Cboe SKEW calculation (Sources/VolModels/CboeIndex/CboeSKEW.swift) against distributions
// whose skewness of ln(S_T/F) is known in closed form:
// - Black-Scholes: ln(S_T/F) is normal, skewness 0, SKEW 100.
// - Merton (1976) jump-diffusion: ln S_T has cumulants κ2 = σ²T + λT(μ² + δ²) and
//   κ3 = λT(μ³ + 3μδ²) (jumps ln J ~ N(μ, δ²), Poisson intensity λ), skewness κ3/κ2^{3/2};
//   options priced by Merton's series (Hull, "Options, Futures, and Other Derivatives", §27.1):
//   C = Σ_n e^{−λ'T}(λ'T)^n/n! · BS(σ_n, r_n), λ' = λ(1+k), k = e^{μ+δ²/2} − 1,
//   σ_n² = σ² + nδ²/T, r_n = r − λk + n·ln(1+k)/T.
// The strip is dense (ΔK = 0.25 on S = 100) and wide; its discretisation error is at most 0.005
// SKEW points on these cases (measured 0.0001-0.0049), so the tolerance is 0.01 (0.001 in
// skewness).
@Suite("Cboe SKEW")
struct CboeSKEWTests {
    static let strikes = stride(from: 10.0, through: 400.0, by: 0.25).map { $0 }

    static func strip(call: (Double) throws -> Double, put: (Double) throws -> Double) throws -> [OptionStripQuote] {
        try strikes.map { k in
            let c = try call(k), p = try put(k)
            return OptionStripQuote(strike: k, callBid: c, callAsk: c, putBid: p, putAsk: p)
        }
    }

    static func merton(_ type: OptionType, strike: Double, spot: Double, time: Double, rate: Double, sigma: Double, lambda: Double, mu: Double, delta: Double) throws -> Double {
        let k = exp(mu + delta * delta / 2) - 1
        let lambdaPrime = lambda * (1 + k)
        var weight = exp(-lambdaPrime * time)
        var total = 0.0
        for n in 0..<60 {
            if n > 0 { weight *= lambdaPrime * time / Double(n) }
            let sigmaN = (sigma * sigma + Double(n) * delta * delta / time).squareRoot()
            let rateN = rate - lambda * k + Double(n) * log(1 + k) / time
            total += weight * (try BlackScholesMerton.price(type, spot: spot, strike: strike, time: time, rate: rateN, dividendYield: 0, volatility: sigmaN))
        }
        return total
    }

    @Test("Black-Scholes prices give SKEW 100 (zero skewness of the log return)")
    func lognormal() throws {
        for (sigma, time) in [(0.15, 30.0 / 365), (0.40, 23.0 / 365), (0.10, 37.0 / 365)] {
            let strip = try Self.strip(
                call: { try BlackScholesMerton.price(.call, spot: 100, strike: $0, time: time, rate: 0.02, dividendYield: 0, volatility: sigma) },
                put: { try BlackScholesMerton.price(.put, spot: 100, strike: $0, time: time, rate: 0.02, dividendYield: 0, volatility: sigma) })
            let term = try CboeVIX.termVariance(strip: strip, years: time, rate: 0.02)
            let skew = try CboeSKEW.index(near: term, next: term)
            #expect(abs(skew - 100) <= 0.01, "sigma \(sigma), T \(time): SKEW \(skew)")
            let m = try CboeSKEW.moments(term)
            // E[ln(S_T/F)] = −σ²T/2, Var = σ²T, up to the strip's discretisation: the kink of
            // the integrand at K0 costs ≈ ΔK²/(12·K0²) = 5.2e-7 in P1 (measured 5.23e-7).
            #expect(abs(m.p1 + sigma * sigma * time / 2) <= 6e-7)
            #expect(abs((m.p2 - m.p1 * m.p1) / (sigma * sigma * time) - 1) <= 1.5e-3)
        }
    }

    @Test("Merton jump-diffusion prices give the closed-form skewness")
    func mertonSkewness() throws {
        let cases: [(sigma: Double, lambda: Double, mu: Double, delta: Double, time: Double)] = [
            (0.15, 1.0, -0.10, 0.10, 30.0 / 365), (0.12, 0.5, -0.20, 0.15, 30.0 / 365), (0.20, 2.0, -0.05, 0.05, 45.0 / 365),
        ]
        for c in cases {
            let price = { (type: OptionType, k: Double) throws in
                try Self.merton(type, strike: k, spot: 100, time: c.time, rate: 0.02, sigma: c.sigma, lambda: c.lambda, mu: c.mu, delta: c.delta)
            }
            let strip = try Self.strip(call: { try price(.call, $0) }, put: { try price(.put, $0) })
            let term = try CboeVIX.termVariance(strip: strip, years: c.time, rate: 0.02)
            let lt = c.lambda * c.time
            let k2 = c.sigma * c.sigma * c.time + lt * (c.mu * c.mu + c.delta * c.delta)
            let k3 = lt * (c.mu * c.mu * c.mu + 3 * c.mu * c.delta * c.delta)
            let expected = 100 - 10 * k3 / (k2 * k2.squareRoot())
            let skew = try CboeSKEW.index(near: term, next: term)
            #expect(abs(skew - expected) <= 0.01, "case \(c): SKEW \(skew), closed form \(expected)")
            #expect(expected > 102)  // a real left skew, not a degenerate case
        }
    }

    @Test("two terms are interpolated linearly in minutes around 30 days")
    func interpolation() throws {
        func term(_ days: Double, _ sigma: Double) throws -> CboeVarianceTerm {
            let time = days / 365
            let strip = try Self.strip(
                call: { try Self.merton(.call, strike: $0, spot: 100, time: time, rate: 0.01, sigma: sigma, lambda: 1, mu: -0.1, delta: 0.1) },
                put: { try Self.merton(.put, strike: $0, spot: 100, time: time, rate: 0.01, sigma: sigma, lambda: 1, mu: -0.1, delta: 0.1) })
            return try CboeVIX.termVariance(strip: strip, years: time, rate: 0.01)
        }
        let near = try term(25, 0.15), next = try term(39, 0.15)
        let s1 = try CboeSKEW.moments(near).skewness, s2 = try CboeSKEW.moments(next).skewness
        let w = (39.0 - 30) / (39 - 25)
        let index = try CboeSKEW.index(near: near, next: next)
        #expect(abs(index - (100 - 10 * (w * s1 + (1 - w) * s2))) <= 1e-9)
        // Jumps weigh more at short horizons: the near term is the more skewed.
        #expect(s1 < s2)
        #expect(throws: CboeVIXError.self) { try CboeSKEW.index(near: next, next: near) }
    }
}
