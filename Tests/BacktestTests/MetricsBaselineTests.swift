import Testing
@testable import Backtest

@Suite("Baselines") struct MetricsBaselineTests {
    // Cboe VXTH schedule: F < 15 → 0, 15 ≤ F ≤ 30 → 1 %, 30 < F ≤ 50 → 0.5 %, F > 50 → 0.
    @Test(arguments: [
        (10.0, 0.0), (14.99, 0.0), (15.0, 0.01), (22.5, 0.01), (30.0, 0.01), (30.01, 0.005),
        (45.0, 0.005), (50.0, 0.005), (50.01, 0.0), (80.0, 0.0),
    ])
    func vxthWeight(future: Double, weight: Double) throws {
        #expect(try VXTHWeight.weight(forVIXFuture: future) == weight)
    }

    @Test(arguments: [0.0, -3.0, Double.nan, Double.infinity])
    func vxthRejectsBadPrices(price: Double) {
        #expect(throws: MetricsError.self) { try VXTHWeight.weight(forVIXFuture: price) }
    }

    @Test func buyAndHold() throws {
        let e = try BuyAndHold.equityCurve(closes: [2000, 2100, 1900, 2200], initial: 1_000_000)
        #expect(e[0] == 1_000_000)
        #expect(metricsClose(e[1], 1_050_000) && metricsClose(e[2], 950_000) && metricsClose(e[3], 1_100_000))
        #expect(try BuyAndHold.equityCurve(closes: [1234.5], initial: 10) == [10])
    }

    @Test func buyAndHoldErrors() {
        #expect(throws: MetricsError.insufficientData(needed: 1, got: 0)) {
            try BuyAndHold.equityCurve(closes: [], initial: 100)
        }
        #expect(throws: MetricsError.nonPositiveValue(field: "closes", index: 1)) {
            try BuyAndHold.equityCurve(closes: [1, 0], initial: 100)
        }
        #expect(throws: MetricsError.nonFiniteValue(field: "closes", index: 0)) {
            try BuyAndHold.equityCurve(closes: [.nan], initial: 100)
        }
        #expect(throws: MetricsError.self) { try BuyAndHold.equityCurve(closes: [1], initial: 0) }
    }
}
