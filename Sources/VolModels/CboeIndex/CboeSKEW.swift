import Foundation

/// The Cboe SKEW index: 100 − 10·S, where S is the risk-neutral skewness of the 30-day SPX log
/// return ln(S_T/F), read model-free from out-of-the-money option prices (Bakshi, Kapadia &
/// Madan 2003, "Stock return characteristics, skew laws, and the differential pricing of
/// individual equity options", RFS 16(1)).
///
/// Source: Cboe, "The Cboe SKEW Index" white paper (2010) and Cboe Global Indices, "Cboe SKEW
/// Index Methodology". Implemented from the mathematics. Per term, over the strikes the VIX
/// selection keeps (`CboeStrikeSelection`: same F, K0, Q(K), ΔK and zero-bid truncation):
///
///     P1 = e^{RT} Σ −Q ΔK/K²                               + ε1
///     P2 = e^{RT} Σ 2(1 − ln(K/F)) Q ΔK/K²                 + ε2
///     P3 = e^{RT} Σ 3(2 ln(K/F) − ln²(K/F)) Q ΔK/K²        + ε3
///     ε1 = −(1 + ln(F/K0) − F/K0)
///     ε2 = 2 ln(K0/F)(F/K0 − 1) + ½ ln²(K0/F)
///     ε3 = 3 ln²(K0/F)(⅓ ln(K0/F) − 1 + F/K0)
///     S  = (P3 − 3 P1 P2 + 2 P1³) / (P2 − P1²)^{3/2}
///
/// P1, P2, P3 are E[ln(S_T/F)], E[ln²], E[ln³] (the ε terms correct for F not falling on a
/// strike, as in the VIX). The 30-day value interpolates the skewness linearly in time:
/// S = w·S_near + (1 − w)·S_next, w = (T_next − T_30)/(T_next − T_near), in minutes as the VIX.
/// A lognormal price (Black-Scholes) has S = 0 and SKEW = 100; the SPX index usually reads
/// 110-150 (a fatter left tail).
public enum CboeSKEW {
    /// The three moments and the skewness of one term.
    public struct TermMoments: Sendable, Equatable {
        public let years: Double
        public let p1: Double
        public let p2: Double
        public let p3: Double
        /// (P3 − 3P1P2 + 2P1³)/(P2 − P1²)^{3/2}.
        public let skewness: Double
    }

    /// Moments of one term from the VIX computation's strike strip.
    /// - Throws: `.negativeVariance` when P2 − P1² ≤ 0 (no skewness is defined).
    public static func moments(_ term: CboeVarianceTerm) throws(CboeVIXError) -> TermMoments {
        let f = term.forward
        var s1 = 0.0, s2 = 0.0, s3 = 0.0
        for item in term.strikes {
            // contribution = ΔK/K²·e^{RT}·Q(K)
            let x = log(item.strike / f)
            s1 -= item.contribution
            s2 += 2 * (1 - x) * item.contribution
            s3 += 3 * (2 * x - x * x) * item.contribution
        }
        let k0 = term.atTheMoneyStrike
        let a = log(k0 / f)  // ln(K0/F)
        let ratio = f / k0
        let e1 = -(1 - a - ratio)
        let e2 = 2 * a * (ratio - 1) + 0.5 * a * a
        let e3 = 3 * a * a * (a / 3 - 1 + ratio)
        let p1 = s1 + e1, p2 = s2 + e2, p3 = s3 + e3
        let variance = p2 - p1 * p1
        guard variance > 0, variance.isFinite else { throw .negativeVariance(variance) }
        let skewness = (p3 - 3 * p1 * p2 + 2 * p1 * p1 * p1) / (variance * variance.squareRoot())
        return TermMoments(years: term.years, p1: p1, p2: p2, p3: p3, skewness: skewness)
    }

    /// The 30-day skewness from two terms (identical terms: that term's skewness).
    public static func thirtyDaySkewness(near: CboeVarianceTerm, next: CboeVarianceTerm) throws(CboeVIXError) -> Double {
        let m1 = try moments(near)
        if near.minutes == next.minutes && near.variance == next.variance { return m1.skewness }
        let m2 = try moments(next)
        let n1 = near.minutes, n2 = next.minutes
        guard n1 < n2 else { throw .termsNotOrdered(nearMinutes: n1, nextMinutes: n2) }
        let w = (n2 - CboeTime.minutesIn30Days) / (n2 - n1)
        return w * m1.skewness + (1 - w) * m2.skewness
    }

    /// SKEW = 100 − 10·S.
    public static func index(near: CboeVarianceTerm, next: CboeVarianceTerm) throws(CboeVIXError) -> Double {
        100 - 10 * (try thirtyDaySkewness(near: near, next: next))
    }
}
