import Foundation

/// Step 1 (continued) of the Cboe VIX calculation: which options enter the variance sum, and
/// each one's ΔK and contribution.
///
/// Source: Cboe VIX White Paper (2019), Step 1 and Step 2, and the Volatility Index Methodology:
/// - Puts: start at the strike immediately below K0 and move down. A put with a zero bid is
///   excluded; once two puts at *consecutive* listed strikes have zero bids, no lower strike is
///   considered, even one with a bid (the paper's 1350 and 1355 puts).
/// - Calls: the mirror image, moving up from the strike immediately above K0 (the paper's 2225 call).
/// - K0: both the put and the call are used, and Q(K0) is the average of their mid quotes. K0 is
///   included whatever its bids (the sources always select it).
/// - Q(K) is the mid quote (bid + ask) / 2.
/// - ΔK_i = (K_{i+1} − K_{i−1}) / 2 over the *included* strikes, so an excluded zero-bid strike
///   widens its neighbours' ΔK (the paper's next-term 1325 put: (1350 − 1275)/2 = 37.5); at the
///   lowest and highest included strikes ΔK is the distance to the single neighbour.
public enum CboeStrikeSelection {
    /// Included strikes in ascending order, with ΔK and contribution ΔK/K² × e^{RT} × Q(K).
    /// Throws ``CboeVIXError/noUsableOptions(wing:)`` if either wing ends up empty.
    public static func select(
        strip: [OptionStripQuote], atTheMoneyIndex k0: Int, years: Double, rate: Double
    ) throws(CboeVIXError) -> [CboeStrikeContribution] {
        // Each wing is found by the rule's walk outwards from K0; its included strikes are
        // then the rows with a bid between the walk's stop and K0 (the walk stops on the
        // second of two consecutive zero bids, so every row inside it was looked at). The
        // contributions are written in one pass in ascending strike order, each with its
        // neighbours, so the selection allocates only its result: it runs for every strip of
        // every calibration step.
        // The walk never leaves the strip, and the ranges are clamped to it: a K0 outside the
        // strip leaves a wing empty and ends in that wing's error, never in a trap.
        func inStrip(_ index: Int) -> Int { min(max(index, 0), strip.count) }
        let putRange = inStrip(wingStop(strip, from: k0 - 1, step: -1) { $0.putBid } + 1)..<inStrip(k0)
        let callRange = inStrip(k0 + 1)..<inStrip(wingStop(strip, from: k0 + 1, step: 1) { $0.callBid })
        guard strip[putRange].contains(where: { $0.putBid != 0 }) else { throw .noUsableOptions(wing: "put") }
        guard strip[callRange].contains(where: { $0.callBid != 0 }) else { throw .noUsableOptions(wing: "call") }

        let growth = exp(rate * years)
        var result: [CboeStrikeContribution] = []
        // At most every row the walks looked at, and K0 (a lone zero bid inside is left out).
        result.reserveCapacity(putRange.count + callRange.count + 1)
        // A sliding window over the chosen strikes in ascending order: each is written once
        // its upper neighbour is known (or, for the last, at the end).
        var previousStrike: Double?
        var pending: (strike: Double, kind: CboeStrikeContribution.Kind, price: Double)?
        func choose(_ strike: Double, _ kind: CboeStrikeContribution.Kind, _ price: Double) {
            if let item = pending {
                let deltaK =
                    if let below = previousStrike { (strike - below) / 2 } else { strike - item.strike }
                result.append(contribution(item, deltaK: deltaK, growth: growth))
                previousStrike = item.strike
            }
            pending = (strike, kind, price)
        }
        for index in putRange where strip[index].putBid != 0 {
            choose(strip[index].strike, .put, strip[index].putMid)
        }
        let atm = strip[k0]
        choose(atm.strike, .putCallAverage, (atm.putMid + atm.callMid) / 2)
        for index in callRange where strip[index].callBid != 0 {
            choose(strip[index].strike, .call, strip[index].callMid)
        }
        if let item = pending, let below = previousStrike {
            result.append(contribution(item, deltaK: item.strike - below, growth: growth))
        }
        return result
    }

    /// The index the walk from `start` in direction `step` stops at: the second of two
    /// consecutive zero bids, or the first index outside the strip (-1 or `strip.count`; `start`
    /// itself when it lies outside).
    private static func wingStop(
        _ strip: [OptionStripQuote], from start: Int, step: Int, bid: (OptionStripQuote) -> Double
    ) -> Int {
        var zeroRun = 0
        var index = start
        while index >= 0 && index < strip.count {
            if bid(strip[index]) == 0 {
                zeroRun += 1
                if zeroRun == 2 { break }
            } else {
                zeroRun = 0
            }
            index += step
        }
        return index
    }

    private static func contribution(
        _ item: (strike: Double, kind: CboeStrikeContribution.Kind, price: Double), deltaK: Double, growth: Double
    ) -> CboeStrikeContribution {
        let contribution = deltaK / (item.strike * item.strike) * growth * item.price
        return CboeStrikeContribution(
            strike: item.strike, kind: item.kind, price: item.price, deltaK: deltaK, contribution: contribution)
    }
}
