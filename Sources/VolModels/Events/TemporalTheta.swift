import MarketData
import QuantCore

/// "Temporal theta": how a position's model value changes from one session to the next with
/// the market held still, split into decay from calendar time and the extra decay from
/// scheduled events passing.
///
/// Holding the market still means: same spot, same rates, and each expiry keeps its diffusive
/// variance *rate* (the diffusive ATM total variance shrinks in proportion to the remaining
/// time, θᵈ' = θᵈ·T'/T). The event part of the ATM total variance, E(T) = Σ_{τⱼ < T} eⱼ, loses
/// the jump variance of every event released between the two closes. Then
///
///     calendar = V(T', θᵈ' + E)  − V(T, θᵈ + E)      (time passes, events still pending)
///     event    = V(T', θᵈ' + E') − V(T', θᵈ' + E)    (events released: E → E')
///
/// and calendar + event is the whole modelled change. Values in index points × multiplier
/// (dollars for SPX); the smile shape (ρ, η, γ) is the surface's. Modelled prices.
public struct TemporalThetaReport: Sendable, Equatable {
    public var from: MarketDate
    public var to: MarketDate
    public var valueBefore: Double
    public var valueAfter: Double
    /// Change from calendar time alone (events still pending).
    public var calendarDecay: Double
    /// Extra change from the events released between the two closes.
    public var eventDecay: Double
    /// Names and dates of those events.
    public var releasedEvents: [String]

    public var total: Double { calendarDecay + eventDecay }
}

public enum TemporalTheta {
    public static func decompose(_ legs: [PositionLeg], model: SPXMarketModel, to next: MarketDate) throws -> TemporalThetaReport {
        let inputs = model.inputs
        guard next > inputs.date else { throw VolModelError.invalidParameter(name: "to", reason: "must be after \(inputs.date)") }
        let elapsed = Double(next - inputs.date) / 365
        let surface = model.surface
        let parameters = model.parameters.surface
        let q = parameters.dividendYield
        let released = inputs.pendingEvents.filter { $0.date <= next }
        let releasedNames = released.map { "\($0.event) \($0.date)" }
        let stillPending = surface.events.filter { $0.timeToEvent > elapsed }

        func value(_ leg: PositionLeg, time: Double, atmTotalVariance theta: Double) -> Double {
            guard time > 0 else {
                let intrinsic = leg.type == .call ? max(inputs.spot - leg.strike, 0) : max(leg.strike - inputs.spot, 0)
                return intrinsic * leg.quantity * leg.multiplier
            }
            let rate = inputs.rates.rate(years: time)
            let forward = inputs.spot * exp((rate - q) * time)
            let slice = SSVISlice(uncheckedTheta: theta, rho: parameters.rho, eta: parameters.eta, gamma: parameters.gamma)
            let vol = (slice.totalVariance(k: log(leg.strike / forward)) / time).squareRoot()
            let price = BlackScholesMerton.uncheckedPrice(leg.type, spot: inputs.spot, strike: leg.strike, time: time, rate: rate, dividendYield: q, volatility: vol)
            return price * leg.quantity * leg.multiplier
        }

        var before = 0.0, pendingAfter = 0.0, after = 0.0
        for leg in legs {
            guard leg.strike > 0, leg.expiry > inputs.date else {
                throw VolModelError.invalidParameter(name: "legs", reason: "strike must be > 0 and expiry after \(inputs.date)")
            }
            let t = inputs.years(to: leg.expiry)
            let remaining = t - elapsed
            let diffusive = surface.diffusiveATMTotalVariance(t)
            let events = surface.eventVariance(before: t)
            // Events still ahead at `next`, counted against the remaining time (same release
            // instants, measured from the later close).
            let eventsLeft = stillPending.filter { $0.timeToEvent < t }.reduce(0) { $0 + $1.jumpVariance }
            let diffusiveLeft = remaining > 0 ? diffusive * remaining / t : 0
            before += value(leg, time: t, atmTotalVariance: diffusive + events)
            pendingAfter += value(leg, time: remaining, atmTotalVariance: diffusiveLeft + events)
            after += value(leg, time: remaining, atmTotalVariance: diffusiveLeft + eventsLeft)
        }
        return TemporalThetaReport(
            from: inputs.date, to: next, valueBefore: before, valueAfter: after,
            calendarDecay: pendingAfter - before, eventDecay: after - pendingAfter, releasedEvents: releasedNames)
    }
}
