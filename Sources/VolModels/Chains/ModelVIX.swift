import MarketData
import QuantCore

/// The VIX computed the Cboe way (`CboeVIX`) over the model's own synthetic SPX chain: the two
/// listed expiries bracketing 30 days (near: the last one at most 30 days out, preferring one
/// more than 23 days out; next: the first one beyond 30 days, which with Friday weeklies falls
/// 31-38 days out: Cboe's rule keeps it under 37 days, and that bound is not enforced here),
/// their bid/ask quotes, the Treasury rate at each maturity. Times are the model's ACT/365
/// close-to-close year fractions.
public enum ModelVIX {
    public static func cboe(_ model: SPXMarketModel) throws -> Double {
        let (near, next) = try terms(model)
        return try CboeVIX.index(near: near, next: next)
    }

    /// The near and next Cboe variance terms over the model's chain (shared with `ModelSKEW`).
    public static func terms(_ model: SPXMarketModel) throws -> (near: CboeVarianceTerm, next: CboeVarianceTerm) {
        let (near, next) = try bracket(model)
        return (try term(model, expiry: near), try term(model, expiry: next))
    }

    /// The two listed expiries the Cboe computation uses on the model's date.
    public static func bracket(_ model: SPXMarketModel) throws -> (near: MarketDate, next: MarketDate) {
        try bracket(date: model.inputs.date, expiryDates: model.expiryDates)
    }

    /// The two of `expiryDates` the Cboe computation uses on `date`.
    static func bracket(date: MarketDate, expiryDates: [MarketDate]) throws -> (near: MarketDate, next: MarketDate) {
        let days = expiryDates.map { $0 - date }
        guard let nearIndex = days.lastIndex(where: { $0 <= 30 && $0 > 23 }) ?? days.lastIndex(where: { $0 <= 30 }),
            let nextIndex = days.firstIndex(where: { $0 > 30 })
        else {
            throw VolModelError.missingMarketData("no SPX expiries bracketing 30 days on \(date)")
        }
        return (expiryDates[nearIndex], expiryDates[nextIndex])
    }

    static func term(_ model: SPXMarketModel, expiry: MarketDate) throws -> CboeVarianceTerm {
        let (strip, years, rate) = SPXChainGenerator.strip(model, expiry: expiry)
        return try CboeVIX.termVariance(strip: strip, years: years, rate: rate)
    }
}
