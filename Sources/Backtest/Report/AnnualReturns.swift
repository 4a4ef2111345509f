import MarketData

/// One calendar year's return of every run: equity at the year's last session over equity at
/// the previous year's last session (the run's first session for the first year), minus 1.
public struct AnnualReturns: Sendable, Codable, Equatable {
    public var year: Int
    /// False for the run's first year (no previous close to measure from) and for a year the
    /// run ends before its last session.
    public var fullYear: Bool
    /// Return by run key (`strategy`, `cndr`, `vxth`, `buyAndHold`), as a fraction.
    public var returns: [String: Double]

    /// A year is full when the run holds the previous year's last session (the base) and the
    /// year's last session in `calendar`.
    static func table(dates: [MarketDate], runs: [(name: String, equity: [Double])], calendar: TradingCalendar) -> [AnnualReturns] {
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
            let lastOfYear = calendar.sessions.last { $0.year == year }
            let full = index > 0 && dates[end] == lastOfYear
            rows.append(AnnualReturns(year: year, fullYear: full, returns: returns))
            base = end
            index = end + 1
        }
        return rows
    }
}
