import PropertyBased
import Testing
@testable import QuantCore

/// Model-free properties over seeded random inputs (swift-property-based generators).
@Suite struct PricingPropertyTests {
    struct Market { var spot, strike, time, rate, dividend, volatility: Double }

    /// Spot 1-5000, ln(K/S) in [-3, 3], T in [1 day, 3 years], r in [-1%, 8%], q in [0, 5%],
    /// σ in [0.01, 3] (log-uniform).
    static let markets = Gen.double(in: 0..<1).array(of: 6).map { u in
        let spot = 1 + 4999 * u[0]
        return Market(
            spot: spot, strike: spot * exp(-3 + 6 * u[1]), time: exp(log(1.0 / 365) + (log(3.0) - log(1.0 / 365)) * u[2]),
            rate: -0.01 + 0.09 * u[3], dividend: 0.05 * u[4], volatility: exp(log(0.01) + (log(3.0) - log(0.01)) * u[5]))
    }

    func value(_ type: OptionType, _ m: Market, volatility: Double? = nil) throws -> OptionValuation {
        try BlackScholesMerton.value(
            type, spot: m.spot, strike: m.strike, time: m.time, rate: m.rate, dividendYield: m.dividend,
            volatility: volatility ?? m.volatility)
    }

    /// C - P = S e^{-qT} - K e^{-rT}, to rounding of the larger leg (4 ulp of max(S, K)).
    @Test func putCallParity() throws {
        try seededProperty(count: 2000, seed: 1, Self.markets) { m in
            let call = try value(.call, m)
            let put = try value(.put, m)
            let forwardValue = m.spot * exp(-m.dividend * m.time) - m.strike * exp(-m.rate * m.time)
            #expect(abs((call.price - put.price) - forwardValue) <= 8 * Double.ulpOfOne * max(m.spot, m.strike), "\(m)")
            // Parity of the greeks: delta_C - delta_P = e^{-qT}; gamma and vega equal.
            #expect(abs(call.delta - put.delta - exp(-m.dividend * m.time)) <= 1e-15)
            #expect(relativeError(call.gamma, put.gamma) <= 1e-15 || call.gamma < 1e-300)
            #expect(relativeError(call.vega, put.vega) <= 1e-15 || call.vega < 1e-300)
        }
    }

    /// Price is non-decreasing in σ (vega ≥ 0, up to rounding) and strictly increasing wherever
    /// the vega-implied change is visible above rounding.
    @Test func priceIsMonotoneInVolatility() throws {
        try seededProperty(count: 2000, seed: 2, Self.markets) { m in
            for type in OptionType.allCases {
                let base = try value(type, m)
                let low = base.price
                let high = try value(type, m, volatility: m.volatility * 1.01).price
                // Monotone up to rounding (4 ulp): deep in the money the change is invisible.
                #expect(high >= low - 4 * low.ulp, "\(type) \(m)")
                if base.vega * m.volatility * 0.01 > 1e-9 * low {
                    #expect(high > low, "\(type) \(m)")
                }
                #expect(base.vega >= 0)
            }
        }
    }

    /// Discounted intrinsic ≤ price ≤ upper bound (S e^{-qT} for calls, K e^{-rT} for puts).
    @Test func priceIsBoundedByIntrinsicAndForward() throws {
        try seededProperty(count: 2000, seed: 3, Self.markets) { m in
            let spotLeg = m.spot * exp(-m.dividend * m.time)
            let strikeLeg = m.strike * exp(-m.rate * m.time)
            let slack = 8 * Double.ulpOfOne * max(spotLeg, strikeLeg)
            let call = try value(.call, m).price
            let put = try value(.put, m).price
            #expect(call >= max(spotLeg - strikeLeg, 0) - slack && call <= spotLeg + slack, "\(m)")
            #expect(put >= max(strikeLeg - spotLeg, 0) - slack && put <= strikeLeg + slack, "\(m)")
            #expect(call >= 0 && put >= 0)
        }
    }

    /// Black-76 with F = S e^{(r-q)T} is the same price as BSM (VIX options reuse the kernel).
    @Test func black76AgreesWithBlackScholesMertonOnTheForward() throws {
        try seededProperty(count: 1000, seed: 4, Self.markets) { m in
            let forward = m.spot * exp((m.rate - m.dividend) * m.time)
            for type in OptionType.allCases {
                let bsm = try value(type, m).price
                let b76 = try Black76.price(type, forward: forward, strike: m.strike, time: m.time, rate: m.rate, volatility: m.volatility)
                #expect(abs(bsm - b76) <= 1e-12 * max(bsm, 1e-300) + 16 * Double.ulpOfOne * max(m.spot, m.strike) * 1e-3, "\(type) \(m)")
            }
        }
    }
}

/// The price-only entry points give the price the valuation does, to the bit, so a quote
/// priced alone and one priced with its greeks cannot differ (one path per price), including
/// at σ√T around the negligible-deviation threshold where the two once branched differently.
@Suite struct PriceValueParityTests {
    @Test func priceEqualsTheValuationsPrice() throws {
        try seededProperty(count: 3000, seed: 7, PricingPropertyTests.markets) { m in
            // Every fourth case at σ√T within a factor 4 of 1.5e-154 (above and below it).
            var volatility = m.volatility
            if Int(m.rate * 1e6) % 4 == 0 {
                volatility = NormalisedBlack.negligibleDeviation * exp(log(4) * (2 * m.dividend / 0.05 - 1)) / m.time.squareRoot()
            }
            for type in [OptionType.call, .put] {
                let value = try BlackScholesMerton.value(
                    type, spot: m.spot, strike: m.strike, time: m.time, rate: m.rate, dividendYield: m.dividend, volatility: volatility)
                let price = try BlackScholesMerton.price(
                    type, spot: m.spot, strike: m.strike, time: m.time, rate: m.rate, dividendYield: m.dividend, volatility: volatility)
                #expect(price.bitPattern == value.price.bitPattern, "BSM \(type) \(m) σ \(volatility)")
                let forward = m.spot * exp((m.rate - m.dividend) * m.time)
                let b76 = try Black76.value(type, forward: forward, strike: m.strike, time: m.time, rate: m.rate, volatility: volatility)
                let b76Price = try Black76.price(type, forward: forward, strike: m.strike, time: m.time, rate: m.rate, volatility: volatility)
                #expect(b76Price.bitPattern == b76.price.bitPattern, "Black-76 \(type) \(m) σ \(volatility)")
            }
        }
    }

    /// A call and a put priced together (`valuePair`, `uncheckedPricePair`: one strike's d₁, d₂,
    /// tails and out-of-the-money price shared, `BlackLegs.pair`) are each the valuation priced
    /// alone, every field to the bit, including
    /// around the negligible-deviation threshold and at σ = 0. (That the shared code computes
    /// what `value` computed before it was split is checked on whole outputs: every modelled
    /// chain's csv, greeks included, is byte-identical to the earlier binary's.)
    @Test func pairsEqualTheSidesPricedAlone() throws {
        func bits(_ v: OptionValuation) -> [UInt64] {
            [v.price, v.delta, v.gamma, v.vega, v.theta, v.rho].map(\.bitPattern)
        }
        try seededProperty(count: 3000, seed: 11, PricingPropertyTests.markets) { m in
            var volatility = m.volatility
            switch Int(m.rate * 1e6) % 8 {
            case 0: volatility = NormalisedBlack.negligibleDeviation * exp(log(4) * (2 * m.dividend / 0.05 - 1)) / m.time.squareRoot()
            case 1: volatility = 0
            default: break
            }
            let expiry = BlackScholesMerton.Expiry(spot: m.spot, time: m.time, rate: m.rate, dividendYield: m.dividend)
            let pair = expiry.valuePair(strike: m.strike, volatility: volatility)
            #expect(bits(pair.call) == bits(expiry.value(.call, strike: m.strike, volatility: volatility)), "BSM call \(m) σ \(volatility)")
            #expect(bits(pair.put) == bits(expiry.value(.put, strike: m.strike, volatility: volatility)), "BSM put \(m) σ \(volatility)")
            // `value` and `price` share one price path (`price(theta:_:)`); the pairs take theirs
            // through `BlackLegs.pair`, which must give the same bits: these guard against the two
            // diverging. What the path computes is checked against mpmath by
            // OptionPricingReferenceTests and NormalisedBlackReferenceTests.
            #expect(pair.call.price.bitPattern == expiry.price(.call, strike: m.strike, volatility: volatility).bitPattern, "BSM call price \(m)")
            #expect(pair.put.price.bitPattern == expiry.price(.put, strike: m.strike, volatility: volatility).bitPattern, "BSM put price \(m)")
            let prices = expiry.pricePair(strike: m.strike, volatility: volatility)
            #expect(prices.call.bitPattern == pair.call.price.bitPattern, "BSM call price pair \(m)")
            #expect(prices.put.bitPattern == pair.put.price.bitPattern, "BSM put price pair \(m)")
            let forward = m.spot * exp((m.rate - m.dividend) * m.time)
            let prices76 = Black76.uncheckedPricePair(forward: forward, strike: m.strike, time: m.time, rate: m.rate, volatility: volatility)
            let call = Black76.uncheckedValue(.call, forward: forward, strike: m.strike, time: m.time, rate: m.rate, volatility: volatility)
            let put = Black76.uncheckedValue(.put, forward: forward, strike: m.strike, time: m.time, rate: m.rate, volatility: volatility)
            #expect(prices76.call.bitPattern == call.price.bitPattern, "Black-76 call \(m) σ \(volatility)")
            #expect(prices76.put.bitPattern == put.price.bitPattern, "Black-76 put \(m) σ \(volatility)")
        }
    }
}
