import MarketData

/// `rate_differential`: the Treasury curve slope GS10 − TB3MS (10-year constant maturity minus
/// the 3-month bill, FRED monthly averages, percentage points) for the latest published month.
///
/// - stress: differential ≤ `inversion_threshold` (0.0): an inverted curve.
/// - calm: otherwise.
/// - abstain: either series missing or stale, or months misaligned.
public struct RateDifferentialVoter: RegimeVoter {
    public let name = "rate_differential"
    public let uses = ["GS10", "TB3MS"]

    public init() {}

    public func read(_ input: VoterInput) throws -> VoterReading {
        let pair: MonthlyPair
        switch try MonthlyPair.read("GS10", "TB3MS", input) {
        case .failure(let missing): return abstain(missing.reason)
        case .success(let p): pair = p
        }
        let slope = pair.differences.last!.value
        let values = ["differential": slope]
        let month = pair.differences.last!.date
        if slope <= input.rules.inversionThreshold {
            return reading(.stress, "GS10 − TB3MS \(fmt(slope)) pp (\(month)) ≤ \(fmt(input.rules.inversionThreshold)): curve inverted", values)
        }
        return reading(.calm, "GS10 − TB3MS \(fmt(slope)) pp (\(month)): curve not inverted", values)
    }
}
