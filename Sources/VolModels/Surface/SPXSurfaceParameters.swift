import QuantCore

/// Model parameters of `SPXVolSurface`, with defaults from published practice. Every default
/// is a modelling assumption for an educational tool, not a fit to a particular day.
///
/// Smile (SSVI power law, Gatheral & Jacquier 2014, eq. 4.5):
/// - `rho` = −0.7: SPX spot/vol correlation. GJ2014 and later SSVI fits to SPX (e.g. Corbetta,
///   Cohort, Laachir & Martini 2019, "Robust calibration and arbitrage-free interpolation of
///   SSVI slices"; Hendriks & Martini 2019, eSSVI) find ρ between about −0.6 and −0.8 for
///   short and medium SPX maturities.
/// - `eta` = 1.0, `gamma` = 0.5: φ(θ) = η/√(θ(1+θ)), which makes short-dated skew scale like
///   1/√T (the observed SPX pattern); η(1+|ρ|) = 1.7 ≤ 2 (GJ2014 Remark 4.4: no static arbitrage).
///   With these values the 30-day variance swap is ≈ 1.38–1.42·θ, i.e. VIX ≈ 1.18× ATM vol,
///   in line with the usual VIX / ATM-vol spread of SPX.
///
/// Term structure of variance-swap variance (see `VarianceSwapTermStructure`):
/// - `meanReversion` κ = 3.0 per year (half-life ln2/κ ≈ 2.8 months). Estimates of the speed of
///   mean reversion of SPX variance from Heston fits and VIX futures term structures typically
///   lie between 1 and 5 per year; 3 is a middle value (assumption).
/// - `longRunVolatility` = 0.20: long-run variance-swap volatility; the VIX averaged ≈ 19.5
///   from 1990 to 2024 (Cboe history), so 0.20 is the natural long-run level (assumption).
///
/// Carry: `dividendYield` = 0.019, continuously compounded, roughly the S&P 500 average
/// dividend yield 2014–2018 (assumption; pass the day's implied yield when known).
public struct SPXSurfaceParameters: Codable, Sendable, Hashable {
    public var rho: Double
    public var eta: Double
    public var gamma: Double
    /// κ, per year.
    public var meanReversion: Double
    /// √L, the long-run variance-swap volatility (annualised, 0.20 = 20%).
    public var longRunVolatility: Double
    /// q, continuously compounded per year (default used by callers that have none).
    public var dividendYield: Double

    public init(
        rho: Double = -0.7, eta: Double = 1.0, gamma: Double = 0.5,
        meanReversion: Double = 3.0, longRunVolatility: Double = 0.20, dividendYield: Double = 0.019
    ) {
        self.rho = rho
        self.eta = eta
        self.gamma = gamma
        self.meanReversion = meanReversion
        self.longRunVolatility = longRunVolatility
        self.dividendYield = dividendYield
    }

    public static let standard = SPXSurfaceParameters()

    /// Throws `SPXSurfaceError.invalidParameter` naming the field: the SSVI bounds
    /// (|ρ| < 1, η > 0, 0 < γ ≤ 1/2, η²(1+|ρ|) ≤ 4), κ in (0, 100], long-run vol in (0, 5],
    /// dividend yield finite with |q| ≤ 1.
    public func validate() throws(SPXSurfaceError) {
        do {
            try SSVISlice.validateShape(rho: rho, eta: eta, gamma: gamma)
        } catch {
            let value: Double = switch error.parameter {
            case "rho": rho
            case "gamma": gamma
            default: eta
            }
            throw .invalidParameter(field: error.parameter, value: value, reason: error.description)
        }
        guard meanReversion.isFinite, meanReversion > 0, meanReversion <= 100 else {
            throw .invalidParameter(field: "meanReversion", value: meanReversion, reason: "must be in (0, 100] per year")
        }
        guard longRunVolatility.isFinite, longRunVolatility > 0, longRunVolatility <= 5 else {
            throw .invalidParameter(field: "longRunVolatility", value: longRunVolatility, reason: "must be in (0, 5]")
        }
        guard dividendYield.isFinite, abs(dividendYield) <= 1 else {
            throw .invalidParameter(field: "dividendYield", value: dividendYield, reason: "must be finite with |q| <= 1")
        }
    }
}
