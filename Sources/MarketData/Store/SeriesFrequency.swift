/// How often a series is observed, inferred from its dates at import: FRED stamps monthly values
/// on the 1st of the month and quarterly ones on the 1st of Jan/Apr/Jul/Oct.
public enum SeriesFrequency: String, Sendable, Codable {
    case daily, monthly, quarterly

    public static func infer(_ dates: [MarketDate]) -> SeriesFrequency {
        guard dates.count >= 2, dates.allSatisfy({ $0.day == 1 }) else { return .daily }
        let monthGaps = zip(dates, dates.dropFirst()).map { a, b in (b.year - a.year) * 12 + b.month - a.month }
        if monthGaps.allSatisfy({ $0 == 3 }) { return .quarterly }
        if monthGaps.allSatisfy({ $0 >= 1 }) && monthGaps.filter({ $0 == 1 }).count * 2 >= monthGaps.count { return .monthly }
        return .daily
    }
}
