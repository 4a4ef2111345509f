import MarketData
import VolModels

/// `vix_term_structure`: slope of the *modelled* VIX futures curve (`VIXFuturesCurve` with the
/// standard θ = 19.5, κ = 4/yr), contango = (F(far) − F(near)) / F(near) with near =
/// `term_near_days` (30) and far = `term_far_days` (91) calendar days over 365. Under this
/// one-factor model the sign is sign(θ − VIX): backwardation exactly when VIX > θ. No quoted
/// futures are used (the bundled data has none).
///
/// - stress: contango ≤ `term_stress_contango` (−0.01, backwardation; VIX ≳ 20.2).
/// - relief_rally: contango > 0 today and ≤ `term_stress_contango` on one of the previous
///   `relief_lookback_sessions` (10) closes: the curve has just flipped back into contango.
/// - calm: otherwise.
/// - abstain: VIX missing or stale, or outside the futures model's domain (not finite, not
///   positive). An error of the model itself (terms the rules' validation refuses) stops the run.
public struct VIXTermStructureVoter: RegimeVoter {
    public let name = "vix_term_structure"
    public let uses = ["VIX"]
    let curve = VIXFuturesCurve(parameters: .standard)

    public init() {}

    public func read(_ input: VoterInput) throws -> VoterReading {
        let rules = input.rules
        let series: [Observation]
        switch try input.freshDaily("VIX", minimumCount: 1) {
        case .failure(let missing): return abstain(missing.reason)
        case .success(let s): series = s
        }
        let near = Double(rules.termNearDays) / 365
        let far = Double(rules.termFarDays) / 365
        // A VIX the model cannot take (not finite, not positive) is no reading; any other error
        // of the model (a near term not before the far one, or a negative term, both refused
        // by the rules' validation) stops the run.
        func contango(_ vix: Double) throws -> Double? {
            guard vix.isFinite, vix > 0 else { return nil }
            return try curve.contango(vix: vix, nearTime: near, farTime: far)
        }
        let vix = series.last!.value
        guard let today = try contango(vix) else { return abstain("VIX \(vix) outside the futures model's domain") }
        let earlier = try series.dropLast().suffix(rules.reliefLookbackSessions).compactMap { try contango($0.value) }
        let lowest = earlier.min()
        var values = ["vix": vix, "contango": today, "theta": curve.parameters.longRunLevel]
        if let lowest { values["recent_min_contango"] = lowest }
        if today <= rules.termStressContango {
            return reading(.stress, "modelled VIX curve backwardated: contango \(pct(today)) ≤ \(pct(rules.termStressContango))", values)
        }
        if today > 0, let lowest, lowest <= rules.termStressContango {
            return reading(.reliefRally, "modelled VIX curve back in contango (\(pct(today))) after backwardation (\(pct(lowest)))", values)
        }
        return reading(.calm, "modelled VIX curve contango \(pct(today))", values)
    }
}
