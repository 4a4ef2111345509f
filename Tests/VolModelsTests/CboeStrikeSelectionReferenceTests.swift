import Foundation
import PropertyBased
import Testing
@testable import VolModels

/// `CboeStrikeSelection.select` against a transcription of the white paper's steps as written:
/// walk each wing outwards collecting the strikes with a bid until two consecutive zero bids,
/// list the chosen strikes in ascending order, then take ΔK from the neighbours in that list.
/// Seeded strips with many zero bids, so lone zero bids skipped, walks stopped before a strike
/// with a bid, every strike taken and empty wings all occur (counted); K0 also falls just
/// outside the strip, where a wing is empty.
@Suite struct CboeStrikeSelectionReferenceTests {
    typealias Item = (strike: Double, kind: CboeStrikeContribution.Kind, price: Double)

    /// The white paper's walk, step by step (Cboe VIX White Paper 2019, Steps 1-2).
    static func reference(
        _ strip: [OptionStripQuote], k0: Int, years: Double, rate: Double, seen: inout Set<String>
    ) -> Result<[CboeStrikeContribution], CboeVIXError> {
        // From K0's neighbour outwards while inside the strip.
        func wing(step: Int, bid: (OptionStripQuote) -> Double, mid: (OptionStripQuote) -> Double) -> [Item] {
            var chosen: [Item] = []
            var previousZero = false
            var index = k0 + step
            while strip.indices.contains(index) {
                let zero = bid(strip[index]).isZero
                if zero && previousZero {
                    var beyond = index + step
                    while strip.indices.contains(beyond) {
                        if !bid(strip[beyond]).isZero { seen.insert("walk stopped before a strike with a bid") }
                        beyond += step
                    }
                    break
                }
                if !zero && previousZero { seen.insert("lone zero bid skipped") }
                if !zero { chosen.append((strip[index].strike, .put, mid(strip[index]))) }
                previousZero = zero
                index += step
            }
            return chosen
        }
        let puts = wing(step: -1, bid: { $0.putBid }, mid: { $0.putMid })
        let calls = wing(step: 1, bid: { $0.callBid }, mid: { $0.callMid })
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

    /// A strip of 1-24 strikes, a zero bid with probability 0, 0.25 or 0.4 (per strip) on
    /// either side, random ticks.
    static func strip(_ rng: inout Xoshiro) -> [OptionStripQuote] {
        let count = Int.random(in: 1...24, using: &rng)
        let zeroBids = [0, 0.25, 0.4][Int.random(in: 0...2, using: &rng)]
        var strike = Double.random(in: 10...2000, using: &rng)
        return (0..<count).map { _ in
            func quote() -> (bid: Double, ask: Double) {
                let bid = Double.random(in: 0..<1, using: &rng) < zeroBids ? 0 : Double(Int.random(in: 1...400, using: &rng)) * 0.05
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
            // K0 one or two places outside the strip one time in ten.
            let k0 =
                Int.random(in: 0..<10, using: &rng) == 0
                ? [-2, -1, strip.count, strip.count + 1][Int.random(in: 0...3, using: &rng)]
                : Int.random(in: 0..<strip.count, using: &rng)
            let years = Double.random(in: 0.01...1, using: &rng)
            let rate = Double.random(in: -0.01...0.08, using: &rng)
            var seen = Set<String>()
            let expected = Self.reference(strip, k0: k0, years: years, rate: rate, seen: &seen)
            let got = Result { () throws(CboeVIXError) in
                try CboeStrikeSelection.select(strip: strip, atTheMoneyIndex: k0, years: years, rate: rate)
            }
            switch (expected, got) {
            case (.failure(let e), .failure(let g)):
                #expect(e == g, "draw \(draw)")
                // A wing's error with K0 in the strip is counted apart from K0 outside it.
                outcomes[strip.indices.contains(k0) ? "\(e)" : "K0 outside the strip", default: 0] += 1
            case (.success(let e), .success(let g)):
                try #require(e.count == g.count, "draw \(draw): \(g.count) strikes, expected \(e.count)")
                for (a, b) in zip(e, g) {
                    try #require(
                        a.kind == b.kind && a.strike.bitPattern == b.strike.bitPattern
                            && a.price.bitPattern == b.price.bitPattern && a.deltaK.bitPattern == b.deltaK.bitPattern
                            && a.contribution.bitPattern == b.contribution.bitPattern,
                        "draw \(draw): \(b) against \(a)")
                }
                if e.count == strip.count { outcomes["every strike taken", default: 0] += 1 }
                for what in seen { outcomes[what, default: 0] += 1 }
            default:
                Issue.record("draw \(draw): \(got) against \(expected)")
                return
            }
        }
        // Every kind of outcome is reached many times.
        for outcome in [
            "every strike taken", "lone zero bid skipped", "walk stopped before a strike with a bid", "K0 outside the strip",
            "\(CboeVIXError.noUsableOptions(wing: "put"))", "\(CboeVIXError.noUsableOptions(wing: "call"))",
        ] {
            #expect(outcomes[outcome, default: 0] > 200, "\(outcome): \(outcomes)")
        }
    }
}
