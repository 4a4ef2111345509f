import QuantCore

/// A realistic SPX-like book: 4,096 options with spot 2,700, strikes 2,000-3,500, 7-120 days,
/// vols 10-40%, calls and puts, built from a fixed-seed generator so every run prices the same.
struct BenchmarkInputs {
    static let count = 4096
    var types: [OptionType] = []
    var strikes: [Double] = []
    var times: [Double] = []
    var vols: [Double] = []
    var prices: [Double] = []
    let spot = 2700.0
    let rate = 0.02
    let dividend = 0.018

    init() {
        var state: UInt64 = 0x5EED_1234_ABCD_0001
        func uniform() -> Double {
            // SplitMix64: deterministic and dependency-free.
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            return Double(z >> 11) / Double(1 << 53)
        }
        for index in 0..<Self.count {
            let type: OptionType = index % 2 == 0 ? .call : .put
            let strike = 2000 + 1500 * uniform()
            let time = (7 + 113 * uniform()) / 365
            let vol = 0.1 + 0.3 * uniform()
            types.append(type)
            strikes.append(strike)
            times.append(time)
            vols.append(vol)
            prices.append(BlackScholesMerton.uncheckedPrice(type, spot: spot, strike: strike, time: time, rate: rate, dividendYield: dividend, volatility: vol))
        }
    }
}

/// 10,000 points of a VIX-like series for the streaming indicators.
let vixLikeSeries: [Double] = {
    var level = 15.0
    var state: UInt64 = 42
    return (0..<10_000).map { _ in
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        let shock = Double(Int64(bitPattern: state >> 1) % 2001 - 1000) / 1000
        level = max(9, level + 0.3 * (15 - level) * 0.05 + shock)
        return level
    }
}()
