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
        // Every column is checked: they are public, and the batch writes `count` entries into
        // each through its storage.
        if price.count != count || delta.count != count || gamma.count != count || vega.count != count
            || theta.count != count || rho.count != count
        {
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

    /// The six columns' storage, for one batch's writes (`withColumns`).
    @usableFromInline
    struct Pointers {
        @usableFromInline let price, delta, gamma, vega, theta, rho: UnsafeMutablePointer<Double>

        /// A group's values at `index`..<`index + Lanes.scalarCount`.
        @inline(__always)
        func store(_ v: BlackScholesLanes, at index: Int) {
            UnsafeMutableRawPointer(price + index).storeBytes(of: v.price, as: Lanes.self)
            UnsafeMutableRawPointer(delta + index).storeBytes(of: v.delta, as: Lanes.self)
            UnsafeMutableRawPointer(gamma + index).storeBytes(of: v.gamma, as: Lanes.self)
            UnsafeMutableRawPointer(vega + index).storeBytes(of: v.vega, as: Lanes.self)
            UnsafeMutableRawPointer(theta + index).storeBytes(of: v.theta, as: Lanes.self)
            UnsafeMutableRawPointer(rho + index).storeBytes(of: v.rho, as: Lanes.self)
        }

        @inlinable @inline(__always)
        func store(_ v: OptionValuation, at index: Int) {
            price[index] = v.price
            delta[index] = v.delta
            gamma[index] = v.gamma
            vega[index] = v.vega
            theta[index] = v.theta
            rho[index] = v.rho
        }
    }

    /// Runs `body` with the columns' storage (all `count` long after `resize`).
    @usableFromInline
    mutating func withColumns(_ body: (Pointers) -> Void) {
        guard !price.isEmpty else { return }
        price.withUnsafeMutableBufferPointer { price in
            delta.withUnsafeMutableBufferPointer { delta in
                gamma.withUnsafeMutableBufferPointer { gamma in
                    vega.withUnsafeMutableBufferPointer { vega in
                        theta.withUnsafeMutableBufferPointer { theta in
                            rho.withUnsafeMutableBufferPointer { rho in
                                body(
                                    Pointers(
                                        price: price.baseAddress!, delta: delta.baseAddress!, gamma: gamma.baseAddress!,
                                        vega: vega.baseAddress!, theta: theta.baseAddress!, rho: rho.baseAddress!))
                            }
                        }
                    }
                }
            }
        }
    }
}

extension BlackScholesMerton {
    /// Values every option of `slice` into `output` (resized if needed); inputs are validated
    /// here once. Four options at a time go through `BlackScholesLanes`; a lane it declines (the
    /// far wings where the legs cancel, σ√T near zero, |d| beyond 37) and nothing else is
    /// priced by `uncheckedValue`'s path, so every option's price and greeks are within 1e-12
    /// relative of `uncheckedValue`'s (theta of its terms' scale; the tests measure the worst
    /// case).
    public static func value(
        _ slice: OptionChainSlice, spot: Double, time: Double, rate: Double, dividendYield: Double,
        into output: inout OptionValuationColumns
    ) throws(PricingError) {
        try validate(spot: spot, strike: 1, time: time, rate: rate, dividendYield: dividendYield, volatility: 0)
        output.resize(to: slice.count)
        let expiry = Expiry(spot: spot, time: time, rate: rate, dividendYield: dividendYield)
        output.withColumns { columns in
            slice.types.withUnsafeBufferPointer { types in
                slice.strikes.withUnsafeBufferPointer { strikes in
                    slice.volatilities.withUnsafeBufferPointer { volatilities in
                        expiry.value(types: types, strikes: strikes, volatilities: volatilities, into: columns)
                    }
                }
            }
        }
    }
}

extension BlackScholesMerton.Expiry {
    func value(
        types: UnsafeBufferPointer<OptionType>, strikes: UnsafeBufferPointer<Double>,
        volatilities: UnsafeBufferPointer<Double>, into columns: OptionValuationColumns.Pointers
    ) {
        let count = strikes.count
        let width = Lanes.scalarCount
        let whole = count / width * width
        var group = 0
        while group < whole {
            let values = BlackScholesLanes(
                self, sign: Lanes(types[group].sign, types[group &+ 1].sign, types[group &+ 2].sign, types[group &+ 3].sign),
                strike: UnsafeRawPointer(strikes.baseAddress! + group).loadUnaligned(as: Lanes.self),
                volatility: UnsafeRawPointer(volatilities.baseAddress! + group).loadUnaligned(as: Lanes.self))
            columns.store(values, at: group)
            if values.declinesAny {
                for lane in 0..<width where values.accepted[lane] < 1 {
                    let index = group &+ lane
                    columns.store(value(types[index], strike: strikes[index], volatility: volatilities[index]), at: index)
                }
            }
            group &+= width
        }
        guard whole < count else { return }
        // The last group repeats the slice's last option in its missing lanes (not stored).
        let lanes = count &- whole
        var sign = Lanes(), strike = Lanes(), volatility = Lanes()
        for lane in 0..<width {
            let index = whole &+ min(lane, lanes &- 1)
            sign[lane] = types[index].sign
            strike[lane] = strikes[index]
            volatility[lane] = volatilities[index]
        }
        let values = BlackScholesLanes(self, sign: sign, strike: strike, volatility: volatility)
        for lane in 0..<lanes {
            let index = whole &+ lane
            if values.accepted[lane] < 1 {
                columns.store(value(types[index], strike: strikes[index], volatility: volatilities[index]), at: index)
            } else {
                columns.store(
                    OptionValuation(
                        price: values.price[lane], delta: values.delta[lane], gamma: values.gamma[lane],
                        vega: values.vega[lane], theta: values.theta[lane], rho: values.rho[lane]),
                    at: index)
            }
        }
    }
}
