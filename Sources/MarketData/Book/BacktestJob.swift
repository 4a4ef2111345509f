/// A backtest started through `vixshield serve`, as the store keeps it, so every replica on
/// one database answers for every job. The server that accepted a job runs it and beats its
/// heart (`heartbeatAt`, Unix seconds) while it waits or runs; a job whose heart stopped (its
/// server died) is reported failed by whoever reads it. `summaries` is the JSON of the
/// finished run's summaries (the server encodes and decodes it).
public struct BacktestJob: Sendable, Codable, Equatable {
    public var id: String
    /// `queued`, `running`, `done` or `failed`.
    public var state: String
    public var progress: Double
    public var from: MarketDate
    public var to: MarketDate
    public var createdAt: Int
    public var heartbeatAt: Int
    public var owner: String
    public var summaries: String?
    public var error: String?

    public init(
        id: String, state: String, progress: Double, from: MarketDate, to: MarketDate, createdAt: Int, heartbeatAt: Int, owner: String,
        summaries: String? = nil, error: String? = nil
    ) {
        (self.id, self.state, self.progress, self.from, self.to) = (id, state, progress, from, to)
        (self.createdAt, self.heartbeatAt, self.owner, self.summaries, self.error) = (createdAt, heartbeatAt, owner, summaries, error)
    }

    public var isActive: Bool { state == "queued" || state == "running" }

    /// The error of a job whose server stopped beating its heart.
    public static let staleError = "the server running this backtest stopped before it finished"
}

/// Where backtest jobs live. Job writes do not move the store's generation: a heartbeat every
/// few seconds must not invalidate what is cached from market data and the book. A finished
/// job's `heartbeatAt` is the time it finished (pruning keeps the most recent).
public protocol BacktestJobStore: Sendable {
    /// Fails the jobs whose heart stopped before `staleBefore`, then adds a queued job unless
    /// `maximumActive` jobs are still queued or running (all in one transaction); returns
    /// whether it was added.
    func addJob(_ job: BacktestJob, maximumActive: Int, staleBefore: Int) throws -> Bool
    func job(id: String) throws -> BacktestJob?
    /// The finished job's HTML report.
    func jobReport(id: String) throws -> String?
    /// Sets a job's state, progress, heartbeat and outcome (and its report) if it is still
    /// queued or running; false when it was already finished (for instance failed as stale by
    /// another replica). Only the `keep` most recent finished jobs are kept.
    @discardableResult
    func updateJob(_ job: BacktestJob, report: String?, keep: Int) throws -> Bool
    /// Fails every queued or running job whose heartbeat is older than `staleBefore`, with
    /// `error`, finished at `now`; returns how many.
    @discardableResult
    func failStaleJobs(staleBefore: Int, error: String, now: Int, keep: Int) throws -> Int
    /// Moves the heartbeat of these jobs to `now` (those still queued or running).
    func beat(ids: [String], now: Int) throws
}
