import Backtest
import Foundation
import MarketData
import Strategy

/// What every route reads: the store (market data, book, journal, tokens), its trading
/// calendar, the ruleset the server decides with, the token authority and the backtest jobs.
/// No trading logic lives in the server: routes call the same library functions as the CLI.
public struct ServerEnvironment: Sendable {
    public let store: any VixShieldStore
    public let calendar: TradingCalendar
    public let ruleset: Ruleset
    public let tokens: TokenAuthority
    public let jobs: BacktestJobs
    public let metrics: RequestMetrics
    public let dashboard: Dashboard
    let cache = ResponseCache()
    /// Whether the server listens on loopback only (set by `buildApplication` from its host).
    public var loopback = true
    /// Where backtest jobs cache their calibrated timelines (`serve --cache-dir`); nil: none.
    public var timelineCache: TimelineCache?

    public init(store: any VixShieldStore, ruleset: Ruleset) throws {
        try ruleset.validate()
        self.store = store
        calendar = try TradingCalendar(sessions: store.sessions().map(\.date))
        self.ruleset = ruleset
        tokens = TokenAuthority(store: store)
        jobs = BacktestJobs(store: store)
        metrics = RequestMetrics()
        dashboard = try Dashboard()
    }

    /// The day's signal with the engine's orders on the stored book (fills through the previous
    /// close; none stored: the ruleset's capital in cash), as `signal --json` computes it. Shared
    /// by `GET /api/v1/signal` and the dashboard's today page.
    func signal(_ date: MarketDate) throws -> Signal {
        let market = try MemoryMarketStore.load(store, quoteDates: date...date)
        let previous = try DecisionEngine.previousClose(before: date, store: market, calendar: calendar)
        let fills = try store.fills(through: previous)
        return try BookSignal.signal(store: market, calendar: calendar, date: date, book: fills.isEmpty ? nil : fills, ruleset: ruleset)
    }

    /// The session a request names with `?date=` (default: the latest with S&P 500 and VIX).
    func session(_ text: String?, name: String = "date") throws -> MarketDate {
        guard let text else { return try store.latestSession() }
        return try Self.date(text, name: name)
    }

    static func date(_ text: String, name: String) throws -> MarketDate {
        guard let date = MarketDate(parsing: text) else {
            throw Problem(.badRequest, detail: "query parameter '\(name)': '\(text)' is not a date YYYY-MM-DD")
        }
        return date
    }
}
