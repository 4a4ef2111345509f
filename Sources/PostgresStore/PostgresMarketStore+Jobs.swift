import MarketData
import PostgresNIO

/// Backtest jobs on PostgreSQL (migration v2), shared by every replica.
extension PostgresMarketStore: BacktestJobStore {
    static let jobColumns = "id, state, progress, from_date, to_date, created_at, heartbeat_at, owner, summaries, error"

    public func addJob(_ job: BacktestJob, maximumActive: Int, staleBefore: Int) throws -> Bool {
        try writeUncounted { session in
            // Replicas adding jobs at once count one after another.
            try session.execute("SELECT pg_advisory_xact_lock(\(PostgresMigrations.lockKey + 2))")
            try Self.failStale(session, staleBefore: staleBefore, error: BacktestJob.staleError, now: job.createdAt)
            let active = try session.rows("SELECT COUNT(*) FROM backtest_jobs WHERE state IN ('queued', 'running')")[0].decode(Int.self)
            guard active < maximumActive else { return false }
            try session.execute(
                """
                INSERT INTO backtest_jobs (\(unescaped: Self.jobColumns)) VALUES (\(job.id), \(job.state), \(job.progress), \(job.from.dayNumber),
                \(job.to.dayNumber), \(job.createdAt), \(job.heartbeatAt), \(job.owner), \(job.summaries), \(job.error))
                """)
            return true
        }
    }

    public func job(id: String) throws -> BacktestJob? {
        try read { session in
            try session.rows("SELECT \(unescaped: Self.jobColumns) FROM backtest_jobs WHERE id = \(id)").first.map { row in
                let (id, state, progress, from, to, createdAt, heartbeat, owner, summaries, error) = try row.decode(
                    (String, String, Double, Int, Int, Int, Int, String, String?, String?).self)
                return BacktestJob(
                    id: id, state: state, progress: progress, from: MarketDate(dayNumber: from), to: MarketDate(dayNumber: to), createdAt: createdAt,
                    heartbeatAt: heartbeat, owner: owner, summaries: summaries, error: error)
            }
        }
    }

    public func jobReport(id: String) throws -> String? {
        try read { session in
            try session.rows("SELECT report FROM backtest_jobs WHERE id = \(id) AND state = 'done'").first?.decode(String?.self)
        }
    }

    @discardableResult
    public func updateJob(_ job: BacktestJob, report: String?, keep: Int) throws -> Bool {
        try writeUncounted { session in
            let updated = try session.execute(
                """
                UPDATE backtest_jobs SET state = \(job.state), progress = \(job.progress), heartbeat_at = \(job.heartbeatAt),
                summaries = \(job.summaries), error = \(job.error), report = \(report) WHERE id = \(job.id) AND state IN ('queued', 'running')
                """) > 0
            try Self.prune(session, keep: keep)
            return updated
        }
    }

    @discardableResult
    public func failStaleJobs(staleBefore: Int, error: String, now: Int, keep: Int) throws -> Int {
        try writeUncounted { session in
            let failed = try Self.failStale(session, staleBefore: staleBefore, error: error, now: now)
            try Self.prune(session, keep: keep)
            return failed
        }
    }

    @discardableResult
    static func failStale(_ session: PostgresSession, staleBefore: Int, error: String, now: Int) throws -> Int {
        try session.execute(
            """
            UPDATE backtest_jobs SET state = 'failed', error = \(error), heartbeat_at = \(now)
            WHERE state IN ('queued', 'running') AND heartbeat_at < \(staleBefore)
            """)
    }

    static func prune(_ session: PostgresSession, keep: Int) throws {
        try session.execute(
            """
            DELETE FROM backtest_jobs WHERE state IN ('done', 'failed') AND id NOT IN
            (SELECT id FROM backtest_jobs WHERE state IN ('done', 'failed') ORDER BY heartbeat_at DESC, id DESC LIMIT \(keep))
            """)
    }

    public func beat(ids: [String], now: Int) throws {
        guard !ids.isEmpty else { return }
        try writeUncounted { session in
            try session.execute("UPDATE backtest_jobs SET heartbeat_at = \(now) WHERE id = ANY(\(ids)) AND state IN ('queued', 'running')")
        }
    }
}
