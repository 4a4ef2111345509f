import Testing
@testable import VolModels

/// Strike-direction static-arbitrage checks on model mids: calls non-increasing and convex in
/// strike, puts non-decreasing and convex, all mids non-negative. The slack is rounding of the
/// prices (a few ulp of the forward), not a modelling tolerance.
enum StaticArbitrage {
    static func checkStrikes(_ expiry: SyntheticExpiry, label: String) throws {
        let slack = 1e-11 * expiry.forward
        let calls = expiry.calls.map(\.mid)
        let puts = expiry.puts.map(\.mid)
        let strikes = expiry.strikes
        #expect(calls.allSatisfy { $0 >= 0 } && puts.allSatisfy { $0 >= 0 }, "\(label): negative price")
        for i in 1..<strikes.count {
            #expect(calls[i] <= calls[i - 1] + slack, "\(label): call rises at K=\(strikes[i])")
            #expect(puts[i] >= puts[i - 1] - slack, "\(label): put falls at K=\(strikes[i])")
        }
        for i in 1..<(strikes.count - 1) {
            // Convexity on a possibly uneven grid: the middle price lies below the chord.
            let w = (strikes[i] - strikes[i - 1]) / (strikes[i + 1] - strikes[i - 1])
            #expect(calls[i] <= (1 - w) * calls[i - 1] + w * calls[i + 1] + slack, "\(label): call not convex at K=\(strikes[i])")
            #expect(puts[i] <= (1 - w) * puts[i - 1] + w * puts[i + 1] + slack, "\(label): put not convex at K=\(strikes[i])")
        }
    }
}
