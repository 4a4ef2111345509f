import Foundation

/// The Cboe VIX index calculation (model-free 30-day implied volatility of SPX options).
///
/// Source: Cboe, "Cboe Volatility Index® (VIX®) White Paper", 2019 edition
/// (https://cdn.cboe.com/resources/vix/vixwhite.pdf), and its successor document, Cboe Global
/// Indices, "Volatility Index Methodology: Cboe Volatility Index"
/// (https://cdn.cboe.com/api/global/us_indices/governance/Volatility_Index_Methodology_Cboe_Volatility_Index.pdf).
/// Implemented from the mathematics; both documents' worked examples are reproduced in the tests.
///
/// Conventions:
/// - Per term: T in years = minutes to settlement / 525,600 (``CboeTime``); R continuously
///   compounded, taken as given (Cboe derives it from a cubic spline of Treasury CMT
///   bond-equivalent yields, which is not done here); quotes as ``OptionStripQuote`` rows.
/// - F, K0: ``CboeForward``. Selection, zero-bid truncation, Q(K), ΔK: ``CboeStrikeSelection``.
/// - σ² per term: ``CboeVarianceTerm``.
/// - 30-day interpolation of total variance in minutes, then annualisation:
///   VIX = 100 × √{ [T1σ1² (N_T2 − N_30)/(N_T2 − N_T1) + T2σ2² (N_30 − N_T1)/(N_T2 − N_T1)] × N_365/N_30 }
///   with N_T = T × 525,600, N_30 = 43,200, N_365 = 525,600. Cboe picks terms with
///   23 < days < 37 so the weights lie in [0, 1]; other terms are accepted here and then the
///   formula extrapolates linearly in total variance.
/// - Not modelled: Cboe's quote filtering algorithm, the 2025 zero-ask rule, the SOQ settlement
///   value and the choice of expirations.
public enum CboeVIX {
    /// σ² and all intermediates for one expiration. T in years.
    public static func termVariance(
        strip: [OptionStripQuote], years: Double, rate: Double
    ) throws(CboeVIXError) -> CboeVarianceTerm {
        try CboeStripValidation.validate(strip: strip, years: years, rate: rate)
        let located = try CboeForward.unchecked(strip: strip, years: years, rate: rate)
        let strikes = try CboeStrikeSelection.select(
            strip: strip, atTheMoneyIndex: located.atTheMoneyIndex, years: years, rate: rate)
        return CboeVarianceTerm(
            years: years, rate: rate, parityStrike: located.parityStrike, forward: located.forward,
            atTheMoneyStrike: located.atTheMoneyStrike, strikes: strikes)
    }

    /// σ² for one expiration with time given as minutes to settlement (T = minutes / 525,600).
    public static func termVariance(
        strip: [OptionStripQuote], minutesToSettlement: Double, rate: Double
    ) throws(CboeVIXError) -> CboeVarianceTerm {
        try termVariance(strip: strip, years: CboeTime.years(minutes: minutesToSettlement), rate: rate)
    }

    /// The 30-day annualised variance (VIX/100)² interpolated from two terms; see the type's
    /// doc comment. Identical `near` and `next` (the single-term case) give that term's σ².
    public static func thirtyDayVariance(
        near: CboeVarianceTerm, next: CboeVarianceTerm
    ) throws(CboeVIXError) -> Double {
        let n1 = near.minutes
        let n2 = next.minutes
        let variance: Double
        if n1 == n2 && near.variance == next.variance {
            variance = near.variance
        } else {
            guard n1 < n2 else { throw .termsNotOrdered(nearMinutes: n1, nextMinutes: n2) }
            let n30 = CboeTime.minutesIn30Days
            let weighted = near.years * near.variance * (n2 - n30) / (n2 - n1)
                + next.years * next.variance * (n30 - n1) / (n2 - n1)
            variance = weighted * CboeTime.minutesPerYear / n30
        }
        guard variance >= 0 else { throw .negativeVariance(variance) }
        return variance
    }

    /// VIX = 100 × √(30-day variance) from the near and next terms.
    public static func index(near: CboeVarianceTerm, next: CboeVarianceTerm) throws(CboeVIXError) -> Double {
        100 * (try thirtyDayVariance(near: near, next: next)).squareRoot()
    }

    /// Single-term case, for model checks where the caller interpolates: 100 × σ of one term.
    public static func index(single term: CboeVarianceTerm) throws(CboeVIXError) -> Double {
        try index(near: term, next: term)
    }
}
