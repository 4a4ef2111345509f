import MarketData

/// The de-risking schedule of a confirmed real resolution:
///
///     f(n) = max(floor, 1 − step × min(n, sessions)),  n = sessions in the regime (1 = first day)
///
/// and f = 1 in every other regime (f(0) = 1). With the defaults (step 0.25, sessions 4, floor
/// 0.25): 0.75, 0.50, 0.25, 0.25, … — each layer's target falls step by step, never in one cliff,
/// and never below the floor (a quarter of the protection stays on, since a resolution can fail).
///
/// How layers use it: layers whose target is recomputed each day (futures overlay, ladder)
/// multiply their base target by f(n). Layers held as bought (layer 2, the event seed) scale
/// the holding by f(n)/f(n − 1), which is the same schedule on the holding at the start of the
/// regime when the previous plans were executed. In a real resolution no line may grow (new
/// hedges are not opened; futures may still roll within their held total).
struct DeriskSchedule: Equatable {
    let current: Double
    let previous: Double
    let active: Bool

    init(rules: HedgeRules, regime: Regime, sessionsInRegime n: Int) {
        func f(_ n: Int) -> Double { n <= 0 ? 1 : max(rules.deriskFloor, 1 - rules.deriskStep * Double(min(n, rules.deriskSessions))) }
        active = regime == .realResolution
        current = active ? f(n) : 1
        previous = active ? f(n - 1) : 1
    }

    /// A holding scaled from yesterday's step to today's (rounded half away from zero).
    func scaleHolding(_ held: Int) -> Int {
        guard active, previous > 0 else { return held }
        return Int((Double(held) * current / previous).rounded())
    }
}
