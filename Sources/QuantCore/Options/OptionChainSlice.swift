/// Batch valuation of one expiry of a chain: many strikes and vols sharing spot (or forward),
/// time, rate and dividend yield, as an options chain is organised. Shared factors (√T, the
/// discount factors) are computed once per slice; each option then costs one log, two Φ and one
/// φ. Results are written column-wise into caller-owned arrays (structure of arrays), so a
/// chain can be revalued every day without allocating.
public struct OptionChainSlice: Sendable {
    // Read-only after validation: a mutated entry would bypass the checks in `init`.
    public private(set) var types: [OptionType]
    public private(set) var strikes: [Double]
    public private(set) var volatilities: [Double]

    /// Throws `PricingError` naming the field (`K[i]`, `sigma[i]`) of the first bad entry.
    public init(types: [OptionType], strikes: [Double], volatilities: [Double]) throws(PricingError) {
        guard types.count == strikes.count, strikes.count == volatilities.count else {
            throw .mismatchedLengths("types \(types.count), strikes \(strikes.count), sigmas \(volatilities.count)")
        }
        for index in strikes.indices {
            try InputCheck.positive(strikes[index], "K[\(index)]")
            try InputCheck.nonNegative(volatilities[index], "sigma[\(index)]")
        }
        self.types = types
        self.strikes = strikes
        self.volatilities = volatilities
    }

    public var count: Int { strikes.count }
}

/// Column-wise greeks, one entry per option of a slice.
public struct OptionValuationColumns: Sendable {
    public var price: [Double] = []
    public var delta: [Double] = []
    public var gamma: [Double] = []
    public var vega: [Double] = []
    public var theta: [Double] = []
    public var rho: [Double] = []

    public init() {}

    @usableFromInline
    mutating func resize(to count: Int) {
        if price.count != count {
            // Six separate allocations: columns must not share storage, or every first write
            // would copy.
            price = Array(repeating: 0, count: count)
            delta = Array(repeating: 0, count: count)
            gamma = Array(repeating: 0, count: count)
            vega = Array(repeating: 0, count: count)
            theta = Array(repeating: 0, count: count)
            rho = Array(repeating: 0, count: count)
        }
    }

    @inlinable
    mutating func store(_ v: OptionValuation, at index: Int) {
        price[index] = v.price
        delta[index] = v.delta
        gamma[index] = v.gamma
        vega[index] = v.vega
        theta[index] = v.theta
        rho[index] = v.rho
    }
}

extension BlackScholesMerton {
    /// Values every option of `slice` into `output` (resized if needed). Same results, to the
    /// bit, as `uncheckedValue` per option; inputs are validated here once.
    public static func value(
        _ slice: OptionChainSlice, spot: Double, time: Double, rate: Double, dividendYield: Double,
        into output: inout OptionValuationColumns
    ) throws(PricingError) {
        try validate(spot: spot, strike: 1, time: time, rate: rate, dividendYield: dividendYield, volatility: 0)
        output.resize(to: slice.count)
        let expiry = Expiry(spot: spot, time: time, rate: rate, dividendYield: dividendYield)
        for index in 0..<slice.count {
            let v = expiry.value(slice.types[index], strike: slice.strikes[index], volatility: slice.volatilities[index])
            output.store(v, at: index)
        }
    }
}
