import MarketData

/// One calendar year's return of every run: equity at the year's last session over equity at
/// the previous year's last session (the run's first session for the first year), minus 1.
public struct AnnualReturns: Sendable, Codable, Equatable {
    public var year: Int
    /// False when the run starts after the year's first session or ends before its last.
    public var fullYear: Bool
    /// Return by run key (`strategy`, `cndr`, `vxth`, `buyAndHold`), as a fraction.
    public var returns: [String: Double]

    static func table(dates: [MarketDate], runs: [(name: String, equity: [Double])]) -> [AnnualReturns] {
        guard !dates.isEmpty else { return [] }
        var rows: [AnnualReturns] = []
        var base = 0  // index of the session the year's return is measured from
        var index = 0
        while index < dates.count {
            let year = dates[index].year
            var end = index
            while end + 1 < dates.count, dates[end + 1].year == year { end += 1 }
            var returns: [String: Double] = [:]
            for run in runs where run.equity[base] > 0 { returns[run.name] = run.equity[end] / run.equity[base] - 1 }
            // Full: measured from the previous year's last close to this year's last close.
            let full = index > 0 && (end < dates.count - 1 || isLastSession(dates[end]))
            rows.append(AnnualReturns(year: year, fullYear: full, returns: returns))
            base = end
            index = end + 1
        }
        return rows
    }

    /// December 24-31 counts as the year's end (the last NYSE session is in that week).
    private static func isLastSession(_ date: MarketDate) -> Bool { date.month == 12 && date.day >= 24 }
}
