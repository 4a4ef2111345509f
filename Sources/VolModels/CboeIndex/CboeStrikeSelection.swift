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
        var puts: [(Double, Double)] = []
        var zeroRun = 0
        var index = k0 - 1
        while index >= 0 {
            let row = strip[index]
            if row.putBid == 0 {
                zeroRun += 1
                if zeroRun == 2 { break }
            } else {
                zeroRun = 0
                puts.append((row.strike, row.putMid))
            }
            index -= 1
        }
        var calls: [(Double, Double)] = []
        zeroRun = 0
        index = k0 + 1
        while index < strip.count {
            let row = strip[index]
            if row.callBid == 0 {
                zeroRun += 1
                if zeroRun == 2 { break }
            } else {
                zeroRun = 0
                calls.append((row.strike, row.callMid))
            }
            index += 1
        }
        guard !puts.isEmpty else { throw .noUsableOptions(wing: "put") }
        guard !calls.isEmpty else { throw .noUsableOptions(wing: "call") }

        let atm = strip[k0]
        var chosen: [(strike: Double, kind: CboeStrikeContribution.Kind, price: Double)] = []
        chosen.reserveCapacity(puts.count + calls.count + 1)
        for (strike, price) in puts.reversed() { chosen.append((strike, .put, price)) }
        chosen.append((atm.strike, .putCallAverage, (atm.putMid + atm.callMid) / 2))
        for (strike, price) in calls { chosen.append((strike, .call, price)) }

        let growth = exp(rate * years)
        let last = chosen.count - 1
        return chosen.enumerated().map { i, item in
            let deltaK: Double
            if i == 0 {
                deltaK = chosen[1].strike - item.strike
            } else if i == last {
                deltaK = item.strike - chosen[last - 1].strike
            } else {
                deltaK = (chosen[i + 1].strike - chosen[i - 1].strike) / 2
            }
            let contribution = deltaK / (item.strike * item.strike) * growth * item.price
            return CboeStrikeContribution(
                strike: item.strike, kind: item.kind, price: item.price, deltaK: deltaK, contribution: contribution)
        }
    }
}
