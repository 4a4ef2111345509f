import Dispatch
import MarketData
import Testing

@testable import Strategy

/// The session memo answers what the planner's own functions answer, for every history it is
/// shown, including new histories at a freed history's address and changed copies.
@Suite struct HedgeSessionMemoTests {
    static func history(_ rng: inout SplitMix64, count: Int) -> [Double] {
        (0..<count).map { _ in Double.random(in: 9...80, using: &rng) }
    }

    @Test func answersEqualTheDirectFunctionsForFreshAndChangedHistories() {
        var rng = SplitMix64(state: 0x4D45_4D4F)
        let memo = HedgeSessionMemo()
        // Many short-lived histories: without the memo retaining them, malloc would hand a
        // freed history's address to the next one and the memo would answer from the old closes.
        for round in 0..<2_000 {
            var values = Self.history(&rng, count: 300)
            if round % 7 == 0 { values[Int.random(in: 0..<300, using: &rng)] = [0, -1, .nan, .infinity][round % 4] }
            let p = [0.1, 0.2, 0.5][round % 3]
            let direct = TrailingPercentile.value(values, percentile: p, lookback: 252)
            let memoised = memo.trailingPercentile(values, percentile: p, lookback: 252)
            #expect(direct?.bitPattern == memoised?.bitPattern, "round \(round)")
            #expect(memo.trailingPercentile(values, percentile: p, lookback: 252)?.bitPattern == direct?.bitPattern)
            #expect(memo.allPositiveFinite(values) == HedgeInputs.allPositiveFinite(values))
            var changed = values
            changed[299] = 1_000
            #expect(memo.trailingPercentile(changed, percentile: p, lookback: 252)?.bitPattern
                    == TrailingPercentile.value(changed, percentile: p, lookback: 252)?.bitPattern)
            changed[0] = -.infinity
            #expect(memo.allPositiveFinite(changed) == false)
        }
        #expect(memo.trailingPercentile([], percentile: 0.2, lookback: 1) == nil)
        #expect(memo.allPositiveFinite([]))
    }

    @Test func concurrentRunsShareOneAnswer() {
        var rng = SplitMix64(state: 0xC0C0)
        let values = Self.history(&rng, count: 400)
        let memo = HedgeSessionMemo()
        let expected = TrailingPercentile.value(values, percentile: 0.2, lookback: 252)!.bitPattern
        let answers = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: 64)
        defer { answers.deallocate() }
        nonisolated(unsafe) let slots = answers
        DispatchQueue.concurrentPerform(iterations: 64) { i in
            slots[i] = memo.trailingPercentile(values, percentile: 0.2, lookback: 252)!.bitPattern
        }
        #expect(answers.allSatisfy { $0 == expected })
    }

    @Test func aPlanWithTheMemoIsThePlanWithout() throws {
        let market = try HedgeMarket.get()
        let planner = try HedgePlanner(rules: .design)
        for text in ["2017-06-01", "2018-02-06", "2016-06-24"] {
            let date = hedgeDay(text)
            let chain = try market.chain(date)
            let memo = HedgeSessionMemo()
            for regime in Regime.allCases {
                var inputs = try market.inputs(date, regime: regime, chain: chain)
                let plain = try planner.plan(inputs)
                inputs.memo = memo
                #expect(try planner.plan(inputs) == plain)
                #expect(try planner.plan(inputs) == plain)
            }
        }
    }
}
