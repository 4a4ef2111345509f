import MarketData
import VolModels

/// P&L of a condor against the SPX level, on a grid of moves from the valuation-day spot, at
/// three dates: today, T+k calendar days, and expiry. All P&L in dollars, relative to the
/// condor's opening credit:
///
///     P&L(S, τ) = (credit − V(S, τ)) · 100 · qty
///
/// where V is the condor's model value per unit (`CondorModelPricer.condorValue`: legs repriced
/// with BSM at the surface vol of each strike for the remaining time τ, sticky strike) and at
/// expiry V is the intrinsic value (payoff). Today's curve at today's spot is therefore
/// (natural credit − mid credit) · 100 · qty: the bid/ask paid to get in.
public struct CondorRiskGraph: Sendable, Codable, Equatable {
    public struct Point: Sendable, Codable, Equatable {
        /// Move from today's spot as a fraction (−0.15 … +0.15).
        public var move: Double
        /// SPX level = spot · (1 + move).
        public var spot: Double
        /// P&L now (dollars).
        public var today: Double
        /// P&L after `interimDays` calendar days (dollars).
        public var interim: Double
        /// P&L at expiry (dollars).
        public var expiry: Double
    }

    /// Calendar days after the valuation date of the `interim` curve.
    public var interimDays: Int
    /// Calendar days from the valuation date to expiry.
    public var daysToExpiry: Int
    public var points: [Point]

    /// Builds the graph on moves −range, −range + step, …, +range (defaults ±15% in 1% steps)
    /// with the interim curve at `interimDays` (default half the days to expiry, rounded down).
    public static func compute(
        condor: IronCondor, model: SPXMarketModel, range: Double = 0.15, step: Double = 0.01, interimDays: Int? = nil
    ) throws(CondorError) -> CondorRiskGraph {
        guard range.isFinite, range >= 0, range < 1 else { throw .invalidInput(field: "range", reason: "must be in [0, 1) (got \(range))") }
        guard step.isFinite, step > 0 else { throw .invalidInput(field: "step", reason: "must be > 0 (got \(step))") }
        let date = model.inputs.date
        let dte = condor.expiry - date
        guard dte > 0 else { throw .invalidInput(field: "expiry", reason: "\(condor.expiry) is not after \(date)") }
        let k = interimDays ?? dte / 2
        guard k >= 0, k <= dte else { throw .invalidInput(field: "interim_days", reason: "must be in [0, \(dte)] (got \(k))") }
        let pricer = CondorModelPricer(model: model)
        let s0 = model.inputs.spot
        let t = Double(dte) / 365
        let tInterim = Double(dte - k) / 365
        let count = Int((2 * range / step).rounded()) + 1
        var points: [Point] = []
        points.reserveCapacity(count)
        for i in 0..<count {
            let move = -range + Double(i) * step
            let spot = s0 * (1 + move)
            points.append(
                Point(
                    move: move, spot: spot,
                    today: (condor.credit - pricer.condorValue(condor, spot: spot, years: t)) * condor.pointValue,
                    interim: (condor.credit - pricer.condorValue(condor, spot: spot, years: tInterim)) * condor.pointValue,
                    expiry: condor.expiryPnL(at: spot)))
        }
        return CondorRiskGraph(interimDays: k, daysToExpiry: dte, points: points)
    }
}
