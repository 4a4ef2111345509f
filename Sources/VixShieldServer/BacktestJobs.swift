import Backtest
import Foundation
import Logging
import MarketData
import Strategy

/// Backtests started through the API, kept in the store so every replica on one database
/// answers for every job. The server that accepts a job runs it in the background, one after
/// another (two cores serve requests and one backtest at a time), off the actor (status
/// requests answer while one runs), and beats its heart every `heartbeatSeconds` while it waits
/// or runs; a job whose heart stopped for `staleAfter` seconds (its server died) is failed by
/// the next replica that reads or adds a job (a conditional update: a job that finished
/// meanwhile stays finished). At most `maximumQueued` wait or run at once across all replicas
/// (more is a 409 problem), and only the `maximumKept` most recent finished jobs are kept.
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

    let store: any VixShieldStore
    /// This server's name on the jobs it runs.
    let owner: String
    let now: @Sendable () -> Int
    let logger = Logger(label: "vixshield.backtests")
    private var last: Task<Void, Never>?
    /// Jobs this server has queued or is running.
    private var owned: Set<String> = []
    private var heartbeat: Task<Void, Never>?
    static let maximumQueued = 4
    static let maximumKept = 20
    static let heartbeatSeconds = 10
    /// Generous against a slow database (a heartbeat may wait for a busy pool or a lock) and
    /// against clocks of replicas that differ by seconds.
    static let staleAfter = 180

    public init(store: any VixShieldStore, now: @escaping @Sendable () -> Int = { Int(Date().timeIntervalSince1970) }) {
        self.store = store
        self.now = now
        var generator = SystemRandomNumberGenerator()
        owner = String(format: "%016llx", UInt64.random(in: 0...UInt64.max, using: &generator))
    }

    /// Queues a backtest over `from...to`; returns its status (state `queued`).
    /// - Throws: a 409 problem when `maximumQueued` backtests are already waiting or running.
    func start(from: MarketDate, to: MarketDate, env: ServerEnvironment) throws -> Status {
        var generator = SystemRandomNumberGenerator()
        let id = String(format: "bt-%016llx", UInt64.random(in: 0...UInt64.max, using: &generator))
        let time = now()
        let job = BacktestJob(id: id, state: "queued", progress: 0, from: from, to: to, createdAt: time, heartbeatAt: time, owner: owner)
        guard try store.addJob(job, maximumActive: Self.maximumQueued, staleBefore: time - Self.staleAfter) else {
            throw Problem(.conflict, detail: "\(Self.maximumQueued) backtests are already queued or running; try again when one has finished")
        }
        owned.insert(id)
        if heartbeat == nil {
            heartbeat = Task.detached(priority: .utility) { [weak self] in
                while let self, await self.beatOrStop() {
                    try? await Task.sleep(for: .seconds(Self.heartbeatSeconds))
                }
            }
        }
        let previous = last
        last = Task.detached(priority: .utility) {
            await previous?.value
            await self.run(job, env: env)
        }
        return try Self.status(job)
    }

    /// The job's status, from the store (any replica's job); nil when unknown.
    func status(_ id: String) throws -> Status? {
        guard let job = try store.job(id: id) else { return nil }
        // A plain read unless this job looks stale (pages poll every two seconds): only then a
        // write, conditional in the store, so a job finishing meanwhile stays finished.
        let time = now()
        guard job.isActive && job.heartbeatAt < time - Self.staleAfter else { return try Self.status(job) }
        try store.failStaleJobs(staleBefore: time - Self.staleAfter, error: BacktestJob.staleError, now: time, keep: Self.maximumKept)
        return try store.job(id: id).map(Self.status)
    }

    func report(_ id: String) throws -> String? { try store.jobReport(id: id) }

    static func status(_ job: BacktestJob) throws -> Status {
        let summaries = try job.summaries.map { text in
            do { return try JSONDecoder().decode([BacktestSummary].self, from: Data(text.utf8)) } catch {
                throw StoreError.database("backtest_jobs \(job.id): unreadable summaries (\(error))")
            }
        }
        return Status(
            id: job.id, state: job.state, progress: job.progress, from: job.from, to: job.to, summaries: summaries,
            report: job.state == "done" ? "/api/v1/backtests/\(job.id)/report" : nil, error: job.error, disclaimer: Signal.disclaimer)
    }

    /// Beats the heart of this server's waiting and running jobs; false (and the heartbeat task
    /// ends) when it has none. Decided on the actor, so a job started meanwhile gets a new task.
    private func beatOrStop() -> Bool {
        guard !owned.isEmpty else {
            heartbeat = nil
            return false
        }
        do { try store.beat(ids: owned.sorted(), now: now()) } catch {
            // Readers then see the job stale and report it failed: logged here for the operator.
            logger.error("backtest heartbeat failed: \(String(describing: error))")
        }
        return true
    }

    private func save(_ job: BacktestJob, report: String? = nil) {
        var job = job
        job.heartbeatAt = now()
        do {
            if try !store.updateJob(job, report: report, keep: Self.maximumKept) {
                logger.warning("backtest \(job.id): already finished in the store (failed as stale?); its \(job.state) outcome is not recorded")
            }
        } catch {
            // The job keeps its last stored state and goes stale: readers report it failed.
            logger.error("backtest \(job.id): cannot store its status: \(String(describing: error))")
        }
    }

    private func run(_ queued: BacktestJob, env: ServerEnvironment) async {
        var job = queued
        (job.state, job.progress) = ("running", 0.1)
        save(job)
        let (from, to) = (job.from, job.to)
        let outcome = await Task.detached(priority: .utility) { () -> Result<(BacktestComparison.Result, String), any Error> in
            Result {
                let result = try Self.compute(from: from, to: to, env: env)
                let summaries = String(decoding: try JSONEncoder().encode(result.report.summaries), as: UTF8.self)
                return (result, summaries)
            }
        }.value
        switch outcome {
        case .success(let (result, summaries)):
            (job.state, job.progress, job.summaries) = ("done", 1, summaries)
            save(job, report: HTMLReport.render(result))
        case .failure(let error):
            // Reported on its status (the library's own message, which names the date and
            // cause; anything else generically), not retried.
            (job.state, job.error) = ("failed", Self.message(error))
            save(job)
        }
        owned.remove(job.id)
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
        let timeline = try MarketTimeline(store: market, calendar: env.calendar, from: from, to: to, cache: env.timelineCache)
        // What the cache did (a read-only directory or an unreadable identity shows here).
        let log = Logger(label: "vixshield.backtests")
        switch timeline.cacheOutcome {
        case .notWritten, .rebuilt, .unidentified: log.warning("backtest \(from) .. \(to): timeline cache \(timeline.cacheOutcome)")
        case .off, .hit, .built: log.info("backtest \(from) .. \(to): timeline cache \(timeline.cacheOutcome)")
        }
        return try BacktestComparison.compare(timeline: timeline, ruleset: env.ruleset)
    }
}
