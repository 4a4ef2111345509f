import MarketData

/// The equity the drawdown brake (`risk.drawdown_brake`) measures from: `risk.drawdown_reference`.
///
/// - `all_time`: the highest close since the book began. A book that falls past the brake can
///   only recover through the positions it already holds, so a brake that engages in a bad
///   year may never release (the landed 2014-2018 run froze its hedges from mid-2014 on).
/// - `year` (default): the highest close of the calendar year, the year's first session counting
///   from its own close after the condor's management. Release rule: the brake is off whenever
///   the drawdown from that peak is below the brake, and at the latest on the first session of
///   the next year, when the reference resets. Stateless, so a book exported with its `PEAK`
///   line (the peak equity and its date) carries everything the brake needs.
public enum DrawdownReference: String, Sendable, Codable, CaseIterable {
    case allTime = "all_time"
    case year

    /// Whether a peak reached on `peakDate` no longer counts on `day` (the reference reset
    /// between them).
    public func resets(peakDate: MarketDate, on day: MarketDate) -> Bool {
        switch self {
        case .allTime: false
        case .year: peakDate.year < day.year
        }
    }
}
