import Foundation

/// Step 1 of the Cboe VIX calculation for one expiration: the forward index level F and the
/// at-the-money strike K0.
///
/// Source: Cboe VIX White Paper (2019), Step 1, and the Volatility Index Methodology:
/// - F is found by put-call parity at the strike where |call mid − put mid| is smallest:
///   F = K + e^{RT} × (call mid − put mid), R continuously compounded, T in years.
///   Every listed strike takes part (mid quotes, whatever the bids). Convention here when two
///   strikes tie on |call − put|: the lower strike is used (the sources do not address ties).
/// - K0 is the first listed strike at or below F ("equal to or otherwise immediately below").
///   A forward that falls exactly on a strike gives K0 = F and a zero (F/K0 − 1)² term.
public enum CboeForward {
    /// The strike used for parity, F, and the index of K0 in `strip`. The strip must already be
    /// valid (see ``CboeVIX/termVariance(strip:years:rate:)``, which validates first).
    public struct Result: Sendable, Equatable {
        /// Strike at which |call mid − put mid| is smallest.
        public let parityStrike: Double
        /// Forward index level F.
        public let forward: Double
        /// K0, the first strike at or below F.
        public let atTheMoneyStrike: Double
        /// Position of K0 in the strip.
        public let atTheMoneyIndex: Int
    }

    public static func locate(strip: [OptionStripQuote], years: Double, rate: Double) throws(CboeVIXError) -> Result {
        try CboeStripValidation.validate(strip: strip, years: years, rate: rate)
        return try unchecked(strip: strip, years: years, rate: rate)
    }

    static func unchecked(strip: [OptionStripQuote], years: Double, rate: Double) throws(CboeVIXError) -> Result {
        var best = 0
        var bestGap = Double.infinity
        for (index, row) in strip.enumerated() {
            let gap = abs(row.callMid - row.putMid)
            if gap < bestGap {  // strict: a tie keeps the lower strike
                bestGap = gap
                best = index
            }
        }
        let row = strip[best]
        let forward = row.strike + exp(rate * years) * (row.callMid - row.putMid)
        guard let k0 = strip.lastIndex(where: { $0.strike <= forward }) else {
            throw .forwardBelowLowestStrike(forward: forward, lowestStrike: strip[0].strike)
        }
        return Result(parityStrike: row.strike, forward: forward, atTheMoneyStrike: strip[k0].strike, atTheMoneyIndex: k0)
    }
}
