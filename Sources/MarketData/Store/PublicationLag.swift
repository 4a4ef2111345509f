/// When a value became known. Market data (prices, VIX, Treasury yields) is known at the close
/// of the day it describes. Monthly and quarterly macro values are stamped with the period they
/// describe and published later: a value for period P becomes known `days` calendar days after
/// the end of P. Defaults follow the release calendars (BLS CPI/PPI about mid next month: 15
/// days; BEA advance GDP about a month after the quarter: 30 days; the jobs report on the first
/// Friday: 7 days; monthly averages of market rates: the day after the month ends). Revisions are
/// not modelled: the store keeps the latest vintage, made visible from its first release date.
public struct PublicationLag: Hashable, Sendable, Codable {
    public var days: Int

    public init(days: Int) { self.days = days }

    public static let defaults: [String: Int] = [
        "CPIAUCSL": 15, "CPILFESL": 15, "PPIACO": 15, "GDP": 30, "GDPC1": 30, "UNRATE": 7,
        // Daily FRED rates appear the next business day (DFF: the New York Fed publishes day d's
        // effective rate on d+1; H.15 yields likewise); the broad dollar index (H.10) is
        // released weekly on Mondays for the week before.
        "DFF": 1, "DGS2": 1, "DGS10": 1, "DTWEXBGS": 7,
    ]

    /// The default for a series: named defaults above, else 1 day after a monthly/quarterly
    /// period, 0 for daily data.
    public static func defaultLag(symbol: String, frequency: SeriesFrequency) -> PublicationLag {
        if let days = defaults[symbol.uppercased()] { return PublicationLag(days: days) }
        return PublicationLag(days: frequency == .daily ? 0 : 1)
    }

    /// The first date at whose close a value dated `date` is known.
    public func knownDate(for date: MarketDate, frequency: SeriesFrequency) -> MarketDate {
        switch frequency {
        case .daily:
            return date.adding(days: days)
        case .monthly, .quarterly:
            let months = frequency == .monthly ? 1 : 3
            let (y, m, _) = date.components
            let nextMonth = m + months
            let periodStart = MarketDate(year: y + (nextMonth - 1) / 12, month: (nextMonth - 1) % 12 + 1, day: 1)!
            return periodStart.adding(days: days - 1)
        }
    }
}
