import Backtest
import Foundation
import MarketData
import Strategy

/// Backtests started through the API: each runs in the background, one after another (two
/// cores serve requests and one backtest at a time), and keeps its status, summary and report
/// in memory for the life of the process.
public actor BacktestJobs {
    public struct Status: Codable, Sendable, Equatable {
        public var id: String
        /// `queued`, `running`, `done` or `failed`.
        public var state: String
        /// 0 when queued, 0.1 preparing the market timeline, 0.6 replaying, 1 done.
        public var progress: Double
        public var from: MarketDate
        public var to: MarketDate
        public var summaries: [BacktestSummary]?
        /// Where the HTML report is, once done.
        public var report: String?
        public var error: String?
        public var disclaimer: String
    }

    private var statuses: [String: Status] = [:]
    private var reports: [String: String] = [:]
    private var last: Task<Void, Never>?
    private var counter = 0

    public init() {}

    /// Queues a backtest over `from...to`; returns its status (state `queued`).
    func start(from: MarketDate, to: MarketDate, env: ServerEnvironment) -> Status {
        counter += 1
        var generator = SystemRandomNumberGenerator()
        let id = String(format: "bt-%04d-%08x", counter, UInt32.random(in: 0...UInt32.max, using: &generator))
        let status = Status(id: id, state: "queued", progress: 0, from: from, to: to, disclaimer: Signal.disclaimer)
        statuses[id] = status
        let previous = last
        last = Task.detached(priority: .utility) {
            await previous?.value
            await self.run(id: id, from: from, to: to, env: env)
        }
        return status
    }

    func status(_ id: String) -> Status? { statuses[id] }
    func report(_ id: String) -> String? { reports[id] }

    private func update(_ id: String, _ change: (inout Status) -> Void) {
        if var status = statuses[id] {
            change(&status)
            statuses[id] = status
        }
    }

    private func run(id: String, from: MarketDate, to: MarketDate, env: ServerEnvironment) async {
        update(id) { ($0.state, $0.progress) = ("running", 0.1) }
        do {
            let market = try MemoryMarketStore.load(env.store, quoteDates: from...to)
            let timeline = try MarketTimeline(store: market, calendar: env.calendar, from: from, to: to)
            update(id) { $0.progress = 0.6 }
            let result = try BacktestComparison.compare(timeline: timeline, ruleset: env.ruleset)
            reports[id] = HTMLReport.render(result)
            update(id) {
                ($0.state, $0.progress, $0.summaries, $0.report) = ("done", 1, result.report.summaries, "/api/v1/backtests/\(id)/report")
            }
        } catch {
            // A failed backtest is reported on its status (the date and cause), not retried.
            update(id) { ($0.state, $0.error) = ("failed", "\(error)") }
        }
    }
}
