/// Parameters of `VIXOptionModel`: the ATM volatility of VIX options ("vol of vol") and the
/// shape of the SSVI smile around it.
///
/// ROUND 2 — what the engine uses. `VIXComplex` calibrates the ATM level every day so that the
/// Cboe VVIX over the modelled chain equals the day's real VVIX (or its fitted fallback, in
/// which vol of vol RISES in a VIX spike), with β = 0: the inverse level law documented below
/// made VIX calls dearest in calm markets and cheapest in a spike, the opposite of the real
/// VVIX (2018-02-05: VIX 37.32, VVIX 177.34), and priced one-month ~30-delta calls about 65%
/// above real quotes. The smile shape ρ = 0.8373, η = 0.6823 and term slope δ = 0.0788 were
/// fitted (Tools/fits/vix_complex_fit.py) to Cboe's real VXTH call quotes 2007-2011 with the
/// level calibrated to each day's VVIX: median absolute error 9.8% in sample, 9.1% on
/// 2012-2013 out of sample (median signed −6.0%); on the real 2016-06-01 chain 7.0%.
/// The level-law description below is kept for anyone who sets β > 0 in a config file.
///
/// Round-1 calibration (superseded):
///
/// ATM vol of vol, for a VIX level V, long-run level θ (from `VIXTermStructureParameters`) and
/// option time to expiry T in years:
///
///     σ_v(V, T) = clip( base·(V/θ)^(-β)·(T/T₀)^(-δ), minimumVolatility, maximumVolatility )
///
/// Defaults and calibration (educational targets, not a fit to option quotes):
/// - Target: Cboe's published VVIX study, as quoted in the project brief (not re-checked here):
///   the 30-day implied volatility of VIX options averages about 86% and ranged about 60%-146%.
///   VVIX is a model-free 30-day index over the whole strike strip, so it includes skew and is
///   not exactly an ATM vol; we use it as the scale for ATM vol.
/// - `levelElasticity` β = 0.518 = ln(1.46/0.60)/ln(50/9), so that at T = 30 days
///   σ_v(9) ≈ 1.46 and σ_v(50) ≈ 0.60: VIX options are dearest (in vol terms) when VIX is low,
///   because the VIX can double from 10 far more easily than from 50.
/// - `atmVolatilityAtLongRun` base = 0.978 = 1.46·(9/19.5)^β: the 30-day ATM vol when VIX = θ.
///   With these values the mean of σ_v over the VIX levels 9, 10, ..., 50 at T = 30 days is
///   ≈ 0.859 (the "about 0.86" target) and the range is ≈ 0.600-1.460.
///   Caveat: weighting VIX levels by their historical frequency instead (the bundled
///   `market/vix.csv`, 2014-2018 closes, mean VIX 14.9) gives a mean σ_v of ≈ 1.15, above the
///   VVIX mean; the level grid 9-50 is the stated calibration target.
/// - `termElasticity` δ = 0.25 with `referenceTime` T₀ = 30/365: vol of vol falls with expiry.
///   If log-VIX were an Ornstein-Uhlenbeck process with κ = 4 (the futures default), the option
///   vol on the future of the same expiry would scale as √((1 - e^{-2κT})/(2κT)), whose log-log
///   slope is about -0.24 between 30 and 90 days and -0.30 between 30 and 180 days; δ = 0.25
///   matches the 1-3 month range, where most VIX options trade.
/// - Clip range [0.25, 2.50]: keeps very short expiries (T → 0 makes the power law diverge) and
///   extreme inputs finite and plausible. It does not bind for T = 30 days and VIX in 9-50.
///
/// Smile (`SSVISlice`, Gatheral & Jacquier 2014, "Arbitrage-free SVI volatility surfaces",
/// Quantitative Finance 14:59-71), with k = ln(K/F) and ATM total variance θ_T = σ_v²·T:
///
///     w(k) = θ_T/2·(1 + ρφk + √((φk + ρ)² + 1 - ρ²)),  φ(θ_T) = η/(θ_T^γ·(1+θ_T)^(1-γ)),  γ = 1/2
///
/// - `skewCorrelation` ρ = +0.6: POSITIVE, so implied vol rises with strike (VIX calls are bid:
///   VIX spikes upward). Must satisfy |ρ| < 1.
/// - `skewLevel` η = 0.9: η(1+|ρ|) = 1.44 ≤ 2, inside the Gatheral-Jacquier condition for the
///   power-law φ with γ = 1/2 to be free of butterfly arbitrage (it implies θφ(1+|ρ|) < 4 and
///   θφ²(1+|ρ|) ≤ 4, their Theorem 4.2); it also keeps the wings within Lee's moment bound
///   w(k) ≤ 2|k|. ATM skew: ∂σ/∂k at k = 0 is ρη/(2√T·√(1+θ_T)) (it scales like T^(-1/2)),
///   ≈ 0.91 at 30 days for VIX = 16 (σ_v ≈ 1.08): about +17 vol points at K = 1.2F, +36 at
///   K = 1.5F, and about -17 at K = 0.8F. These are illustrative magnitudes chosen by us (an
///   assumption, not a fit to quotes). The smile minimum is at k = -2ρ/φ(θ_T) (≈ 0.65F here),
///   and the SSVI put wing rises again linearly in |k| far below it.
public struct VIXOptionParameters: Sendable, Hashable, Codable {
    /// base: 30-day ATM vol when VIX equals θ (per √year, 1.00 = 100%).
    public let atmVolatilityAtLongRun: Double
    /// β ≥ 0: elasticity of ATM vol to VIX/θ (vol falls as VIX rises).
    public let levelElasticity: Double
    /// δ ∈ [0, 0.5): elasticity of ATM vol to T/T₀. δ < 1/2 keeps θ_T = σ_v²T increasing in T.
    public let termElasticity: Double
    /// T₀ > 0 in years: the expiry at which `atmVolatilityAtLongRun` applies.
    public let referenceTime: Double
    /// Lower clip of σ_v (> 0).
    public let minimumVolatility: Double
    /// Upper clip of σ_v (≥ minimumVolatility).
    public let maximumVolatility: Double
    /// ρ ∈ (-1, 1): SSVI correlation; positive gives the upward VIX call skew.
    public let skewCorrelation: Double
    /// η > 0 with η(1+|ρ|) ≤ 2: SSVI power-law level (γ = 1/2 is fixed).
    public let skewLevel: Double

    /// γ of the SSVI power law, fixed at 1/2 (GJ2014's square-root φ).
    public static let ssviGamma = 0.5

    /// Fitted to real VIX call quotes (Tools/fits, see the note at the top of this type):
    /// base 0.824 (the median calibrated level; `VIXComplex` recalibrates it every day to the
    /// VVIX), β 0 (no level law), δ 0.0788, T₀ 30/365, clip [0.25, 2.50], ρ 0.8373, η 0.6823.
    public static let standard = VIXOptionParameters(
        unchecked: 0.824, 0, 0.0788, 30.0 / 365.0, 0.25, 2.50, 0.8373, 0.6823)

    public init(
        atmVolatilityAtLongRun: Double = 0.824, levelElasticity: Double = 0, termElasticity: Double = 0.0788,
        referenceTime: Double = 30.0 / 365.0, minimumVolatility: Double = 0.25, maximumVolatility: Double = 2.50,
        skewCorrelation: Double = 0.8373, skewLevel: Double = 0.6823
    ) throws(VIXModelError) {
        try VIXCheck.positive(atmVolatilityAtLongRun, "atmVolatilityAtLongRun")
        try VIXCheck.nonNegative(levelElasticity, "levelElasticity")
        try VIXCheck.nonNegative(termElasticity, "termElasticity")
        guard termElasticity < 0.5 else {
            throw .invalidParameter(name: "termElasticity", value: termElasticity, requirement: "must be < 0.5 so that σ²T rises with T")
        }
        try VIXCheck.positive(referenceTime, "referenceTime")
        try VIXCheck.positive(minimumVolatility, "minimumVolatility")
        try VIXCheck.positive(maximumVolatility, "maximumVolatility")
        guard maximumVolatility >= minimumVolatility else {
            throw .invalidParameter(name: "maximumVolatility", value: maximumVolatility, requirement: "must be >= minimumVolatility")
        }
        try VIXCheck.finite(skewCorrelation, "skewCorrelation")
        guard abs(skewCorrelation) < 1 else {
            throw .invalidParameter(name: "skewCorrelation", value: skewCorrelation, requirement: "|rho| must be < 1")
        }
        try VIXCheck.positive(skewLevel, "skewLevel")
        guard skewLevel * (1 + abs(skewCorrelation)) <= 2 else {
            throw .invalidParameter(
                name: "skewLevel", value: skewLevel, requirement: "eta*(1+|rho|) must be <= 2 (no butterfly arbitrage)")
        }
        self.init(
            unchecked: atmVolatilityAtLongRun, levelElasticity, termElasticity, referenceTime,
            minimumVolatility, maximumVolatility, skewCorrelation, skewLevel)
    }

    private init(
        unchecked base: Double, _ beta: Double, _ delta: Double, _ referenceTime: Double,
        _ minimum: Double, _ maximum: Double, _ rho: Double, _ eta: Double
    ) {
        atmVolatilityAtLongRun = base
        levelElasticity = beta
        termElasticity = delta
        self.referenceTime = referenceTime
        minimumVolatility = minimum
        maximumVolatility = maximum
        skewCorrelation = rho
        skewLevel = eta
    }

    private enum CodingKeys: String, CodingKey {
        case atmVolatilityAtLongRun, levelElasticity, termElasticity, referenceTime
        case minimumVolatility, maximumVolatility, skewCorrelation, skewLevel
    }

    /// Decoding validates exactly like the throwing initialiser.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            atmVolatilityAtLongRun: c.decode(Double.self, forKey: .atmVolatilityAtLongRun),
            levelElasticity: c.decode(Double.self, forKey: .levelElasticity),
            termElasticity: c.decode(Double.self, forKey: .termElasticity),
            referenceTime: c.decode(Double.self, forKey: .referenceTime),
            minimumVolatility: c.decode(Double.self, forKey: .minimumVolatility),
            maximumVolatility: c.decode(Double.self, forKey: .maximumVolatility),
            skewCorrelation: c.decode(Double.self, forKey: .skewCorrelation),
            skewLevel: c.decode(Double.self, forKey: .skewLevel))
    }
}
