import MarketData

/// Two monthly FRED series read together (a spread or differential a − b), aligned on their
/// latest common month. Used by credit_spread and rate_differential.
struct MonthlyPair {
    /// a − b by FRED month, oldest first, on the months both series have.
    var differences: [Observation]

    /// Reads both series fresh (see `VoterInput.freshPeriodic`) and requires their latest months
    /// to be equal; otherwise the voter abstains with the returned reason.
    static func read(_ a: String, _ b: String, _ input: VoterInput) throws -> Result<MonthlyPair, VoterInput.Missing> {
        let left: [Observation]
        let right: [Observation]
        switch try input.freshPeriodic(a, .monthly) {
        case .failure(let missing): return .failure(missing)
        case .success(let s): left = s
        }
        switch try input.freshPeriodic(b, .monthly) {
        case .failure(let missing): return .failure(missing)
        case .success(let s): right = s
        }
        guard left.last!.date == right.last!.date else {
            return .failure(VoterInput.Missing("\(a) (\(left.last!.date)) and \(b) (\(right.last!.date)) latest months differ"))
        }
        var byDate: [MarketDate: Double] = [:]
        for observation in right { byDate[observation.date] = observation.value }
        let differences = left.compactMap { o in byDate[o.date].map { Observation(date: o.date, value: o.value - $0) } }
        return .success(MonthlyPair(differences: differences))
    }
}
