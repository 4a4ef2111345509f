/// `[baselines]`: the published-index replicas run beside the strategy in every backtest (see
/// `CNDRReplica` and `VXTHReplica` in Backtest). The Cboe rules themselves are fixed; these keys
/// hold what the rules leave to the replica.
public struct BaselineRules: Sendable, Codable, Equatable {
    /// CNDR: the combined maximum loss of the condors sold at each roll, as a fraction of the
    /// index value at the roll. Default 0.10: Cboe's description of its condor indices says the
    /// Treasury bills "cover ten times the maximum loss" of the options (CNDR dashboard text,
    /// shared with BFLY), and Cboe reports CNDR moving less than 10% in every month the S&P 500
    /// moved more than 10%, which a fully collateralised (1.0) condor could not do.
    public var cndrRiskFraction: Double = 0.10
    /// CNDR: |delta| of the short put and call (Cboe: ≈ 0.20).
    public var cndrShortDelta: Double = 0.20
    /// CNDR: |delta| of the long put and call (Cboe: ≈ 0.05).
    public var cndrWingDelta: Double = 0.05
    /// VXTH: delta of the one-month VIX calls bought at each roll (Cboe: ≈ 0.30).
    public var vxthCallDelta: Double = 0.30
    /// VXTH: dividend yield (continuous, per year) added to the S&P 500 price return to make the
    /// index's total return. Default 0.019, the same flat yield the SPX option model uses
    /// (roughly the S&P 500's average yield 2007-2026).
    public var vxthDividendYield: Double = 0.019

    public init() {}

    enum CodingKeys: String, CodingKey {
        case cndrRiskFraction = "cndr_risk_fraction"
        case cndrShortDelta = "cndr_short_delta"
        case cndrWingDelta = "cndr_wing_delta"
        case vxthCallDelta = "vxth_call_delta"
        case vxthDividendYield = "vxth_dividend_yield"
    }

    /// Risk fraction in (0, 1]; deltas in (0, 1) with the wing below the short; dividend yield
    /// finite in [0, 0.2].
    public func validate() throws(RulesetError) {
        func fail(_ key: CodingKeys, _ reason: String) -> RulesetError {
            RulesetError(field: "baselines.\(key.rawValue)", reason: reason)
        }
        guard cndrRiskFraction.isFinite, cndrRiskFraction > 0, cndrRiskFraction <= 1 else {
            throw fail(.cndrRiskFraction, "must be in (0, 1] (got \(cndrRiskFraction))")
        }
        for (value, key) in [(cndrShortDelta, CodingKeys.cndrShortDelta), (cndrWingDelta, .cndrWingDelta), (vxthCallDelta, .vxthCallDelta)] {
            guard value.isFinite, value > 0, value < 1 else { throw fail(key, "must be a delta in (0, 1) (got \(value))") }
        }
        guard cndrWingDelta < cndrShortDelta else {
            throw fail(.cndrWingDelta, "must be below cndr_short_delta (\(cndrWingDelta) >= \(cndrShortDelta))")
        }
        guard vxthDividendYield.isFinite, (0...0.2).contains(vxthDividendYield) else {
            throw fail(.vxthDividendYield, "must be in [0, 0.2] (got \(vxthDividendYield))")
        }
    }
}
