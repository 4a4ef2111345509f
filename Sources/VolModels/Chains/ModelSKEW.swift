/// The Cboe SKEW computed over the model's own synthetic SPX chain: the same two terms and
/// strike strips as `ModelVIX` (Cboe's SKEW uses the VIX's expiries and strike selection),
/// then `CboeSKEW`.
public enum ModelSKEW {
    public static func cboe(_ model: SPXMarketModel) throws -> Double {
        let (near, next) = try ModelVIX.terms(model)
        return try CboeSKEW.index(near: near, next: next)
    }
}
