import QuantCore

/// One maturity slice of the SSVI ("surface SVI") parameterisation of Gatheral & Jacquier,
/// "Arbitrage-free SVI volatility surfaces", Quantitative Finance 14(1), 2014, eq. 4.1:
///
///     w(k) = θ/2 · (1 + ρφk + √((φk + ρ)² + 1 − ρ²)),   k = ln(K/F)
///     φ(θ) = η / (θ^γ · (1 + θ)^(1−γ))                   (power law, GJ2014 §4.4, eq. 4.5)
///
/// - `theta` θ > 0: ATM total implied variance σ²_ATM·T (w(0) = θ exactly);
/// - `rho` |ρ| < 1: skew (correlation); SPX ≈ −0.7, VIX options > 0;
/// - `eta` η > 0 and `gamma` 0 < γ ≤ 1/2: curvature level and its decay with θ.
///
/// No arbitrage: with η²(1+|ρ|) ≤ 4 and 0 < γ ≤ 1/2 the slice satisfies the sufficient
/// butterfly conditions of GJ2014 Theorem 4.2 (θφ(1+|ρ|) < 4 and θφ²(1+|ρ|) ≤ 4) for every θ:
/// with the power law, θφ = η(θ/(1+θ))^{1−γ} < η and θφ² = η²(θ/(1+θ))^{1−2γ}/(1+θ) < η², so
/// η²(1+|ρ|) ≤ 4 gives the second and, since it implies η(1+|ρ|) ≤ 2√(1+|ρ|) < 4, the first.
/// (GJ2014 Remark 4.4's η(1+|ρ|) ≤ 2 is a stricter special case; the SKEW calibration needs the
/// room between the two, see `SPXMarketModel`.) The tests check Durrleman's g ≥ 0 on the bound.
/// and a family of such slices with θ_T non-decreasing in T is free of calendar spreads
/// (GJ2014 Theorem 4.1 / Remark 4.4), hence free of static arbitrage. `init` enforces these
/// parameter bounds; `durrlemanG(k:)` exposes Durrleman's density condition g(k) ≥ 0 for checks.
///
/// Limits: the wings are linear in |k| with slopes θφ(1±ρ) ≤ 2 (Roger Lee's bound); the
/// parameterisation has no term-structure of skew beyond what φ(θ) implies. Generic: nothing
/// here is specific to SPX, so it serves VIX options (ρ > 0) as well.
public struct SSVISlice: Sendable, Hashable {
    public let theta: Double
    public let rho: Double
    public let eta: Double
    public let gamma: Double
    /// φ(θ) = η/(θ^γ (1+θ)^(1−γ)).
    public let phi: Double
    /// 1 − ρ², cached.
    @usableFromInline let oneMinusRhoSquared: Double

    /// Validates every parameter (typed error naming it) and the no-butterfly bound η²(1+|ρ|) ≤ 4.
    public init(theta: Double, rho: Double, eta: Double, gamma: Double) throws(SSVIError) {
        try SSVISlice.validateShape(rho: rho, eta: eta, gamma: gamma)
        guard theta.isFinite else { throw .notFinite(parameter: "theta") }
        guard theta > 0 else { throw .outOfRange(parameter: "theta", value: theta, requirement: "theta > 0") }
        self.init(uncheckedTheta: theta, rho: rho, eta: eta, gamma: gamma)
    }

    /// No validation: for inner loops whose shape parameters were validated once
    /// (`validateShape`) and whose θ is known to be positive and finite.
    @inlinable
    public init(uncheckedTheta theta: Double, rho: Double, eta: Double, gamma: Double) {
        self.theta = theta
        self.rho = rho
        self.eta = eta
        self.gamma = gamma
        phi = SSVISlice.phi(theta: theta, eta: eta, gamma: gamma)
        oneMinusRhoSquared = (1 - rho) * (1 + rho)
    }

    /// Checks ρ, η, γ and η²(1+|ρ|) ≤ 4 without a θ (the shape shared by a whole surface).
    public static func validateShape(rho: Double, eta: Double, gamma: Double) throws(SSVIError) {
        guard rho.isFinite else { throw .notFinite(parameter: "rho") }
        guard abs(rho) < 1 else { throw .outOfRange(parameter: "rho", value: rho, requirement: "|rho| < 1") }
        guard eta.isFinite else { throw .notFinite(parameter: "eta") }
        guard eta > 0 else { throw .outOfRange(parameter: "eta", value: eta, requirement: "eta > 0") }
        guard gamma.isFinite else { throw .notFinite(parameter: "gamma") }
        guard gamma > 0, gamma <= 0.5 else {
            throw .outOfRange(parameter: "gamma", value: gamma, requirement: "0 < gamma <= 1/2")
        }
        guard eta * eta * (1 + abs(rho)) <= 4 else {
            throw .butterflyArbitrage(eta: eta, rho: rho)
        }
    }

    /// Power-law φ(θ) = η/(θ^γ (1+θ)^(1−γ)) of GJ2014 eq. 4.5.
    @inlinable
    public static func phi(theta: Double, eta: Double, gamma: Double) -> Double {
        if gamma == 0.5 { return eta / (theta * (1 + theta)).squareRoot() }
        return eta / (pow(theta, gamma) * pow(1 + theta, 1 - gamma))
    }

    /// Total implied variance w(k) = σ_BS(k)²·T at log-moneyness k = ln(K/F).
    @inlinable
    public func totalVariance(k: Double) -> Double {
        let y = phi * k + rho
        return 0.5 * theta * (1 + rho * phi * k + (y * y + oneMinusRhoSquared).squareRoot())
    }

    /// w'(k) = θφ/2 · (ρ + (φk+ρ)/√((φk+ρ)² + 1−ρ²)).
    @inlinable
    public func totalVarianceSlope(k: Double) -> Double {
        let y = phi * k + rho
        return 0.5 * theta * phi * (rho + y / (y * y + oneMinusRhoSquared).squareRoot())
    }

    /// w''(k) = θφ²/2 · (1−ρ²)/((φk+ρ)² + 1−ρ²)^{3/2}  (> 0: every slice is convex in k).
    @inlinable
    public func totalVarianceCurvature(k: Double) -> Double {
        let y = phi * k + rho
        let r2 = y * y + oneMinusRhoSquared
        return 0.5 * theta * phi * phi * oneMinusRhoSquared / (r2 * r2.squareRoot())
    }

    /// Black-Scholes implied volatility √(w(k)/T) for a slice at maturity `time` (years, > 0).
    @inlinable
    public func impliedVolatility(k: Double, time: Double) -> Double {
        (totalVariance(k: k) / time).squareRoot()
    }

    /// Durrleman's function (GJ2014 Lemma 2.2): the risk-neutral density is
    /// p(k) = g(k)/√(2πw)·exp(−d₂²/2), so a slice is free of butterfly arbitrage iff g ≥ 0:
    ///
    ///     g(k) = (1 − k w'/(2w))² − w'²/4 · (1/w + 1/4) + w''/2
    @inlinable
    public func durrlemanG(k: Double) -> Double {
        let w = totalVariance(k: k)
        let w1 = totalVarianceSlope(k: k)
        let w2 = totalVarianceCurvature(k: k)
        let a = 1 - k * w1 / (2 * w)
        return a * a - 0.25 * w1 * w1 * (1 / w + 0.25) + 0.5 * w2
    }
}

/// Why an SSVI slice could not be built; each case names the parameter.
public enum SSVIError: Error, Equatable, Sendable, CustomStringConvertible {
    case notFinite(parameter: String)
    case outOfRange(parameter: String, value: Double, requirement: String)
    /// η²(1+|ρ|) > 4: GJ2014's sufficient no-butterfly condition (Theorem 4.2) for the power law fails.
    case butterflyArbitrage(eta: Double, rho: Double)

    public var parameter: String {
        switch self {
        case .notFinite(let p), .outOfRange(let p, _, _): p
        case .butterflyArbitrage: "eta"
        }
    }

    public var description: String {
        switch self {
        case .notFinite(let p): "SSVI \(p) must be a finite number"
        case .outOfRange(let p, let v, let req): "SSVI \(p) = \(v) violates \(req)"
        case .butterflyArbitrage(let eta, let rho):
            "SSVI eta²·(1+|rho|) = \(eta * eta * (1 + abs(rho))) > 4 (eta \(eta), rho \(rho)): butterfly arbitrage possible"
        }
    }
}
