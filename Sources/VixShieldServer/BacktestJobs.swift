import Backtest
import Foundation
import MarketData
import Strategy

/// Backtests started through the API: each runs in the background, one after another (two
/// cores serve requests and one backtest at a time), off the actor (status requests answer
/// while one runs). At most `maximumQueued` wait or run at once (more is a 409 problem), and
/// only the `maximumKept` most recent finished jobs keep their status and report.
public actor BacktestJobs {
    public struct Status: Codable, Sendable, Equatable {
        public var id: String
        /// `queued`, `running`, `done` or `failed`.
        public var state: String
        /// 0 when queued, 0.1 while running, 1 when done.
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
    private var finished: [String] = []
    static let maximumQueued = 4
    static let maximumKept = 20

    public init() {}

    /// Queues a backtest over `from...to`; returns its status (state `queued`).
    /// - Throws: a 409 problem when `maximumQueued` backtests are already waiting or running.
    func start(from: MarketDate, to: MarketDate, env: ServerEnvironment) throws -> Status {
        let active = statuses.values.filter { $0.state == "queued" || $0.state == "running" }.count
        guard active < Self.maximumQueued else {
            throw Problem(.conflict, detail: "\(active) backtests are already queued or running; try again when one has finished")
        }
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
        let outcome = await Task.detached(priority: .utility) { () -> Result<BacktestComparison.Result, any Error> in
            Result { try Self.compute(from: from, to: to, env: env) }
        }.value
        switch outcome {
        case .success(let result):
            reports[id] = HTMLReport.render(result)
            update(id) {
                ($0.state, $0.progress, $0.summaries, $0.report) = ("done", 1, result.report.summaries, "/api/v1/backtests/\(id)/report")
            }
        case .failure(let error):
            // Reported on its status (the library's own message, which names the date and
            // cause; anything else generically), not retried.
            let message = Self.message(error)
            update(id) { ($0.state, $0.error) = ("failed", message) }
        }
        finished.append(id)
        while finished.count > Self.maximumKept {
            let old = finished.removeFirst()
            (statuses[old], reports[old]) = (nil, nil)
        }
    }

    /// What a client may read of a failure: the library's own message (`domain`), or nothing.
    nonisolated static func message(_ error: any Error) -> String {
        do {
            _ = try domain { () throws -> Int in throw error }
            return "internal error"
        } catch let problem as Problem {
            return problem.detail
        } catch {
            return "internal error"
        }
    }

    /// The backtest itself, off the actor.
    nonisolated static func compute(from: MarketDate, to: MarketDate, env: ServerEnvironment) throws -> BacktestComparison.Result {
        let market = try MemoryMarketStore.load(env.store, quoteDates: from...to)
        let timeline = try MarketTimeline(store: market, calendar: env.calendar, from: from, to: to)
        return try BacktestComparison.compare(timeline: timeline, ruleset: env.ruleset)
    }
}
