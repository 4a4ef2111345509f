import PropertyBased
import Testing
@testable import QuantCore

/// The chain-slice batch (`BlackScholesLanes`, four options at a time, the scalar path for the
/// lanes it declines) against the scalar `BlackScholesMerton.value` and against mpmath.
/// Tolerance 1e-12 relative, the issue's: price, delta, gamma, vega and rho of every option;
/// theta relative to the sum of its three terms' magnitudes (it is their difference, and both
/// paths round each term).
@Suite struct OptionChainSliceTests {
    static let tolerance = 1e-12

    struct Market {
        var spot, time, rate, dividendYield: Double
        var strikes, volatilities: [Double]
        var types: [OptionType]
    }

    /// Whole chains: 1 to 40 options (so every tail length occurs), volatilities from 1% to
    /// 150%, a day to 5 years, rates and yields -2% to 10%; in half the chains strikes from 0.3
    /// to 3 times the spot, in the other half from 1/200 to 200 times (log-uniform), which
    /// reaches accepted lanes with |d| up to the kernel's 37.
    static let markets = Gen.double(in: 0..<1).array(of: 125).map { u in market(u) }

    static func market(_ u: [Double]) -> Market {
        let count = 1 + Int(u[0] * 40)
        let spot = 50 + 5_000 * u[1]
        let days = 1 + 1_825 * u[2] * u[2]
        let wide = u[124] < 0.5
        let strikes = (0..<count).map { index -> Double in
            wide ? spot * exp(-5.3 + 10.6 * u[5 + index]) : spot * (0.3 + 2.7 * u[5 + index])
        }
        let volatilities = (0..<count).map { index -> Double in 0.01 + 1.49 * u[45 + index] * u[45 + index] }
        let types = (0..<count).map { index -> OptionType in u[85 + index] < 0.5 ? .call : .put }
        return Market(
            spot: spot, time: days / 365, rate: -0.02 + 0.12 * u[3], dividendYield: -0.02 + 0.12 * u[4],
            strikes: strikes, volatilities: volatilities, types: types)
    }

    static func scale(_ v: OptionValuation, _ m: Market, _ index: Int) -> Double {
        // θ = -A·φ(d₁)·σ/(2√T) + θ(q·A·Φ(θd₁) - r·B·Φ(θd₂)): the first term is vega·σ/(2T),
        // the others at most |q|·A and |r|·B.
        let diffusion = abs(v.vega * m.volatilities[index] / (2 * m.time))
        let spotTerm = m.spot * exp(-m.dividendYield * m.time)
        let strikeTerm = m.strikes[index] * exp(-m.rate * m.time)
        return diffusion + abs(m.dividendYield) * spotTerm + abs(m.rate) * strikeTerm
    }

    static func compare(_ m: Market, worst: inout [Double]) throws {
        let slice = try OptionChainSlice(types: m.types, strikes: m.strikes, volatilities: m.volatilities)
        var output = OptionValuationColumns()
        try BlackScholesMerton.value(slice, spot: m.spot, time: m.time, rate: m.rate, dividendYield: m.dividendYield, into: &output)
        #expect(output.price.count == m.strikes.count)
        for index in m.strikes.indices {
            let v = try BlackScholesMerton.value(
                m.types[index], spot: m.spot, strike: m.strikes[index], time: m.time, rate: m.rate,
                dividendYield: m.dividendYield, volatility: m.volatilities[index])
            let got = [output.price[index], output.delta[index], output.gamma[index], output.vega[index], output.rho[index]]
            let expected = [v.price, v.delta, v.gamma, v.vega, v.rho]
            for k in 0..<5 where !(expected[k].isZero && got[k].isZero) {
                // Below 1e-290 the values are subnormal-adjacent: compared absolutely.
                let error = abs(expected[k]) < 1e-290 ? abs(got[k] - expected[k]) * 1e290 : relativeError(got[k], expected[k])
                worst[k] = max(worst[k], error)
                #expect(error <= tolerance, "field \(k) of option \(index) in \(m)")
            }
            let thetaError = abs(output.theta[index] - v.theta) / max(scale(v, m, index), 1e-290)
            worst[5] = max(worst[5], thetaError)
            #expect(thetaError <= tolerance, "theta of option \(index) in \(m)")
        }
    }

    @Test func batchMatchesTheScalarPath() throws {
        var worst = [Double](repeating: 0, count: 6)
        try seededProperty(count: 1_500, seed: 31, Self.markets) { try Self.compare($0, worst: &worst) }
        // Not vacuous: the lanes' own arithmetic differs from the scalar path's in the last bits.
        #expect(worst[0] > 0)
        print("slice against scalar, worst relative: price, delta, gamma, vega, rho, theta/scale = \(worst)")
    }

    /// The benchmark's book shape: one expiry, strikes across ±30%, where most options are far
    /// enough out of the money that the legs cancel up to 8 bits; most lanes must be the
    /// kernel's own (not declined), or the comparison would test the scalar path against itself.
    @Test func wingsOfOneExpiryMatchTheScalarPath() throws {
        var worst = [Double](repeating: 0, count: 6)
        var accepted = 0.0
        var lanes = 0.0
        for days in [1.0, 7, 45, 365] {
            for volatility in [0.005, 0.1, 0.4, 1.2] {
                let strikes = stride(from: 1_500.0, through: 4_000, by: 5).map { $0 }
                let market = Market(
                    spot: 2_700, time: days / 365, rate: 0.02, dividendYield: 0.018, strikes: strikes,
                    volatilities: strikes.map { volatility * (1 + abs($0 - 2_700) / 2_700) },
                    types: strikes.indices.map { $0 % 3 == 0 ? .put : .call })
                try Self.compare(market, worst: &worst)
                let expiry = BlackScholesMerton.Expiry(spot: 2_700, time: days / 365, rate: 0.02, dividendYield: 0.018)
                for start in stride(from: 0, to: strikes.count - 3, by: 4) {
                    let group = start..<start + 4
                    let values = BlackScholesLanes(
                        expiry, sign: Lanes(market.types[group].map(\.sign)), strike: Lanes(strikes[group]),
                        volatility: Lanes(market.volatilities[group]))
                    accepted += values.accepted.sum()
                    lanes += 4
                }
            }
        }
        #expect(accepted > 0.5 * lanes)
    }

    /// The lanes the kernel declines go through the scalar path itself: bit-identical results,
    /// in full groups and in the tail. Each reason occurs: σ = 0 and σ√T below 1.5e-154 (the
    /// deterministic limits), legs cancelling beyond 255/256 at the money (σ√T of 0.0026 and
    /// 0.0042 < 0.005) and far out (|x| ≫ σ√T), |d| beyond 37, legs below 1e-280 (|d| about 36,
    /// K = S·e^{±5.3}).
    @Test func declinedLanesAreTheScalarPathsValues() throws {
        let far = 2_700 * exp(5.3)
        let strikes = [2_700, 2_700, 1_000, 9_000, 2_700, 2_700, 2_000, 3_500, far, 2_700 / exp(5.3), 2_700.5]
        let volatilities = [0, 1e-160, 0.01, 0.01, 0.05, 0.08, 0.002, 0.3, 2.79, 2.79, 0]
        let types: [OptionType] = [.call, .put, .put, .call, .call, .put, .put, .call, .call, .put, .put]
        let expiry = BlackScholesMerton.Expiry(spot: 2_700, time: 1 / 365, rate: 0.02, dividendYield: 0.018)
        for start in [0, 4] {
            let group = start..<start + 4
            let values = BlackScholesLanes(
                expiry, sign: Lanes(types[group].map(\.sign)), strike: Lanes(strikes[group]),
                volatility: Lanes(volatilities[group]))
            #expect(values.accepted.sum().isZero, "group at \(start)")
        }
        let slice = try OptionChainSlice(types: types, strikes: strikes, volatilities: volatilities)
        var output = OptionValuationColumns()
        try BlackScholesMerton.value(slice, spot: 2_700, time: 1 / 365, rate: 0.02, dividendYield: 0.018, into: &output)
        for index in strikes.indices {
            let v = try BlackScholesMerton.value(
                types[index], spot: 2_700, strike: strikes[index], time: 1 / 365, rate: 0.02, dividendYield: 0.018,
                volatility: volatilities[index])
            let got = [output.price[index], output.delta[index], output.gamma[index], output.vega[index], output.theta[index], output.rho[index]]
            let expected = [v.price, v.delta, v.gamma, v.vega, v.theta, v.rho]
            #expect(got.map(\.bitPattern) == expected.map(\.bitPattern), "option \(index)")
        }
    }

    /// The same BSM fixture as the scalar reference test (50-digit mpmath), each row valued in a
    /// slice of five (a full group of four and a tail of one), the same 1e-12 bound where the
    /// reference price exceeds 1e-8.
    @Test func batchMatchesMpmath() throws {
        let (_, rows) = try Fixtures.csv("bsm_reference.csv")
        var checked = 0
        for row in rows {
            let v = row.enumerated().map { $0.offset == 6 ? 0 : Double($0.element)! }
            guard v[7] > 1e-8 else { continue }
            let type = try #require(OptionType(rawValue: row[6]))
            // The row's option in lanes 0 and 2 and the tail, neighbours of other strikes and
            // volatilities between them (a lane mix-up in the gather would show).
            let slice = try OptionChainSlice(
                types: Array(repeating: type, count: 5), strikes: [v[1], 1.1 * v[1], v[1], 0.9 * v[1], v[1]],
                volatilities: [v[5], 1.2 * v[5], v[5], 0.8 * v[5], v[5]])
            var output = OptionValuationColumns()
            try BlackScholesMerton.value(slice, spot: v[0], time: v[2], rate: v[3], dividendYield: v[4], into: &output)
            for index in [0, 2, 4] {
                let got = [output.price[index], output.delta[index], output.gamma[index], output.vega[index], output.theta[index], output.rho[index]]
                for (k, value) in got.enumerated() where abs(v[7 + k]) >= Double.leastNormalMagnitude || v[7 + k].isZero {
                    #expect(relativeError(value, v[7 + k]) <= Self.tolerance, "field \(k) of \(row.joined(separator: ","))")
                }
            }
            checked += 1
        }
        #expect(checked > 800)
    }

    @Test func emptySliceWritesNothing() throws {
        var output = OptionValuationColumns()
        try BlackScholesMerton.value(
            try OptionChainSlice(types: [], strikes: [], volatilities: []), spot: 100, time: 1, rate: 0, dividendYield: 0,
            into: &output)
        #expect(output.price.isEmpty && output.rho.isEmpty)
    }

    @Test func invalidEntriesAreNamed() {
        #expect(throws: PricingError.notPositive(field: "K[1]", value: 0)) {
            try OptionChainSlice(types: [.call, .put], strikes: [100, 0], volatilities: [0.2, 0.2])
        }
        #expect(throws: PricingError.negative(field: "sigma[0]", value: -0.1)) {
            try OptionChainSlice(types: [.call], strikes: [100], volatilities: [-0.1])
        }
        var output = OptionValuationColumns()
        #expect(throws: PricingError.notPositive(field: "S", value: -1)) {
            try BlackScholesMerton.value(
                try OptionChainSlice(types: [.call], strikes: [100], volatilities: [0.2]),
                spot: -1, time: 1, rate: 0, dividendYield: 0, into: &output)
        }
    }
}
