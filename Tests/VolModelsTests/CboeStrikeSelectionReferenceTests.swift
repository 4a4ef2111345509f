import Foundation
import PropertyBased
import Testing
@testable import VolModels

/// `CboeStrikeSelection.select` (one pass, no intermediate arrays) against a transcription of
/// the white paper's steps as written: walk each wing outwards collecting the strikes with a
/// bid until two consecutive zero bids, list the chosen strikes in ascending order, then take
/// ΔK from the neighbours in that list. Seeded strips with many zero bids, so lone zero bids,
/// stopped walks, strips that run out and empty wings all occur.
@Suite struct CboeStrikeSelectionReferenceTests {
    typealias Item = (strike: Double, kind: CboeStrikeContribution.Kind, price: Double)

    /// The white paper's walk, step by step (Cboe VIX White Paper 2019, Steps 1-2).
    static func reference(
        _ strip: [OptionStripQuote], k0: Int, years: Double, rate: Double
    ) -> Result<[CboeStrikeContribution], CboeVIXError> {
        func wing(_ indices: [Int], bid: (OptionStripQuote) -> Double, mid: (OptionStripQuote) -> Double) -> [Item] {
            var chosen: [Item] = []
            var previousZero = false
            for index in indices {
                let zero = bid(strip[index]) == 0
                if zero && previousZero { break }
                if !zero { chosen.append((strip[index].strike, .put, mid(strip[index]))) }
                previousZero = zero
            }
            return chosen
        }
        let puts = wing(Array((0..<k0).reversed()), bid: { $0.putBid }, mid: { $0.putMid })
        let calls = wing(Array((k0 + 1)..<strip.count), bid: { $0.callBid }, mid: { $0.callMid })
        guard !puts.isEmpty else { return .failure(.noUsableOptions(wing: "put")) }
        guard !calls.isEmpty else { return .failure(.noUsableOptions(wing: "call")) }
        let atm = strip[k0]
        let list: [Item] =
            puts.reversed().map { ($0.strike, .put, $0.price) }
            + [(atm.strike, .putCallAverage, (atm.putMid + atm.callMid) / 2)]
            + calls.map { ($0.strike, .call, $0.price) }
        let growth = exp(rate * years)
        return .success(
            list.indices.map { i in
                let upper = i == list.count - 1 ? list[i].strike : list[i + 1].strike
                let lower = i == 0 ? list[i].strike : list[i - 1].strike
                let deltaK = i == 0 || i == list.count - 1 ? upper - lower : (upper - lower) / 2
                let item = list[i]
                return CboeStrikeContribution(
                    strike: item.strike, kind: item.kind, price: item.price, deltaK: deltaK,
                    contribution: deltaK / (item.strike * item.strike) * growth * item.price)
            })
    }

    /// A strip of 1-24 strikes, a zero bid with probability 0.4 on either side, random ticks.
    static func strip(_ rng: inout Xoshiro) -> [OptionStripQuote] {
        let count = Int.random(in: 1...24, using: &rng)
        var strike = Double.random(in: 10...2000, using: &rng)
        return (0..<count).map { _ in
            func quote() -> (bid: Double, ask: Double) {
                let bid = Double.random(in: 0..<1, using: &rng) < 0.4 ? 0 : Double(Int.random(in: 1...400, using: &rng)) * 0.05
                return (bid, bid + Double(Int.random(in: 1...20, using: &rng)) * 0.05)
            }
            let (call, put) = (quote(), quote())
            defer { strike += Double(Int.random(in: 1...4, using: &rng)) * 5 }
            return OptionStripQuote(strike: strike, callBid: call.bid, callAsk: call.ask, putBid: put.bid, putAsk: put.ask)
        }
    }

    @Test func selectionEqualsTheWhitePapersWalk() throws {
        var rng = Xoshiro(seed: (0xCB0E, 0x5E1E_C7, 0x57A1_DE, 0x0DD5))
        var outcomes: [String: Int] = [:]
        for draw in 0..<20_000 {
            let strip = Self.strip(&rng)
            let k0 = Int.random(in: 0..<strip.count, using: &rng)
            let years = Double.random(in: 0.01...1, using: &rng)
            let rate = Double.random(in: -0.01...0.08, using: &rng)
            let expected = Self.reference(strip, k0: k0, years: years, rate: rate)
            let got = Result { () throws(CboeVIXError) in
                try CboeStrikeSelection.select(strip: strip, atTheMoneyIndex: k0, years: years, rate: rate)
            }
            switch (expected, got) {
            case (.failure(let e), .failure(let g)):
                #expect(e == g, "draw \(draw)")
                outcomes["\(e)", default: 0] += 1
            case (.success(let e), .success(let g)):
                try #require(e.count == g.count, "draw \(draw): \(g.count) strikes, expected \(e.count)")
                for (a, b) in zip(e, g) {
                    try #require(
                        a.kind == b.kind && a.strike.bitPattern == b.strike.bitPattern
                            && a.price.bitPattern == b.price.bitPattern && a.deltaK.bitPattern == b.deltaK.bitPattern
                            && a.contribution.bitPattern == b.contribution.bitPattern,
                        "draw \(draw): \(b) against \(a)")
                }
                let skipped = e.count < strip.count - 1
                outcomes[skipped ? "selected, strikes left out" : "selected, every strike", default: 0] += 1
            default:
                Issue.record("draw \(draw): \(got) against \(expected)")
                return
            }
        }
        // Every kind of outcome is reached many times.
        for outcome in [
            "selected, strikes left out", "selected, every strike",
            "\(CboeVIXError.noUsableOptions(wing: "put"))", "\(CboeVIXError.noUsableOptions(wing: "call"))",
        ] {
            #expect(outcomes[outcome, default: 0] > 200, "\(outcome): \(outcomes)")
        }
    }
}
