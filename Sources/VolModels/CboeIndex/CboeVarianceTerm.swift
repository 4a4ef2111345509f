/// The result of the Cboe VIX variance calculation for one expiration (one "term"), with every
/// intermediate the white paper prints, for debugging and tests.
///
///     σ² = (2/T) Σ_i ΔK_i/K_i² e^{RT} Q(K_i) − (1/T) (F/K0 − 1)²
///
/// Source: Cboe VIX White Paper (2019), equation (1) and Step 2; Volatility Index Methodology.
/// σ² is an annualised variance (per year); T in years; R continuously compounded.
public struct CboeVarianceTerm: Sendable, Equatable {
    /// T, time to expiration in years (minutes / 525,600).
    public let years: Double
    /// R, the continuously compounded risk-free rate used in e^{RT}.
    public let rate: Double
    /// Strike at which |call mid − put mid| was smallest (used for F).
    public let parityStrike: Double
    /// F, the forward index level from put-call parity.
    public let forward: Double
    /// K0, the first strike at or below F.
    public let atTheMoneyStrike: Double
    /// The included strikes, ascending, with Q(K), ΔK and contribution.
    public let strikes: [CboeStrikeContribution]
    /// Σ ΔK_i/K_i² e^{RT} Q(K_i), summed in ascending strike order.
    public let contributionSum: Double
    /// (2/T) × ``contributionSum``.
    public let scaledSum: Double
    /// (1/T)(F/K0 − 1)², the term subtracted for F not falling on a strike.
    public let forwardAdjustment: Double
    /// σ² = ``scaledSum`` − ``forwardAdjustment``.
    public let variance: Double

    public init(
        years: Double, rate: Double, parityStrike: Double, forward: Double, atTheMoneyStrike: Double,
        strikes: [CboeStrikeContribution]
    ) {
        self.years = years
        self.rate = rate
        self.parityStrike = parityStrike
        self.forward = forward
        self.atTheMoneyStrike = atTheMoneyStrike
        self.strikes = strikes
        var sum = 0.0
        for item in strikes { sum += item.contribution }
        contributionSum = sum
        scaledSum = 2 / years * sum
        let moneyness = forward / atTheMoneyStrike - 1
        forwardAdjustment = moneyness * moneyness / years
        variance = scaledSum - forwardAdjustment
    }

    /// N_T: minutes to expiration, T × 525,600.
    public var minutes: Double { CboeTime.minutes(years: years) }

    /// The included strike entry at `strike`, if any.
    public func contribution(at strike: Double) -> CboeStrikeContribution? {
        strikes.first { $0.strike == strike }
    }
}
