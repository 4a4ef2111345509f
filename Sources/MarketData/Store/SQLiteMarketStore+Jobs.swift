import GRDB

/// Backtest jobs in the store (migration v8).
extension SQLiteMarketStore: BacktestJobStore {
    static let jobColumns = "id, state, progress, from_date, to_date, created_at, heartbeat_at, owner, summaries, error"

    public func addJob(_ job: BacktestJob, maximumActive: Int, staleBefore: Int) throws -> Bool {
        try writeUncounted { db in
            try Self.failStale(db, staleBefore: staleBefore, error: BacktestJob.staleError, now: job.createdAt)
            let active = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM backtest_jobs WHERE state IN ('queued', 'running')") ?? 0
            guard active < maximumActive else { return false }
            try db.execute(
                sql: "INSERT INTO backtest_jobs (\(Self.jobColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                arguments: [
                    job.id, job.state, job.progress, job.from.dayNumber, job.to.dayNumber, job.createdAt, job.heartbeatAt, job.owner, job.summaries,
                    job.error,
                ])
            return true
        }
    }

    public func job(id: String) throws -> BacktestJob? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT \(Self.jobColumns) FROM backtest_jobs WHERE id = ?", arguments: [id]).map {
                BacktestJob(
                    id: $0[0], state: $0[1], progress: $0[2], from: MarketDate(dayNumber: $0[3]), to: MarketDate(dayNumber: $0[4]), createdAt: $0[5],
                    heartbeatAt: $0[6], owner: $0[7], summaries: $0[8], error: $0[9])
            }
        }
    }

    public func jobReport(id: String) throws -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT report FROM backtest_jobs WHERE id = ? AND state = 'done'", arguments: [id]) }
    }

    @discardableResult
    public func updateJob(_ job: BacktestJob, report: String?, keep: Int) throws -> Bool {
        try writeUncounted { db in
            try db.execute(
                sql: """
                    UPDATE backtest_jobs SET state = ?, progress = ?, heartbeat_at = ?, summaries = ?, error = ?, report = ?
                    WHERE id = ? AND state IN ('queued', 'running')
                    """,
                arguments: [job.state, job.progress, job.heartbeatAt, job.summaries, job.error, report, job.id])
            let updated = db.changesCount > 0
            try Self.prune(db, keep: keep)
            return updated
        }
    }

    @discardableResult
    public func failStaleJobs(staleBefore: Int, error: String, now: Int, keep: Int) throws -> Int {
        try writeUncounted { db in
            let failed = try Self.failStale(db, staleBefore: staleBefore, error: error, now: now)
            try Self.prune(db, keep: keep)
            return failed
        }
    }

    @discardableResult
    static func failStale(_ db: Database, staleBefore: Int, error: String, now: Int) throws -> Int {
        try db.execute(
            sql: "UPDATE backtest_jobs SET state = 'failed', error = ?, heartbeat_at = ? WHERE state IN ('queued', 'running') AND heartbeat_at < ?",
            arguments: [error, now, staleBefore])
        return db.changesCount
    }

    static func prune(_ db: Database, keep: Int) throws {
        try db.execute(
            sql: """
                DELETE FROM backtest_jobs WHERE state IN ('done', 'failed') AND id NOT IN
                (SELECT id FROM backtest_jobs WHERE state IN ('done', 'failed') ORDER BY heartbeat_at DESC, id DESC LIMIT ?)
                """, arguments: [keep])
    }

    public func beat(ids: [String], now: Int) throws {
        guard !ids.isEmpty else { return }
        try writeUncounted { db in
            for id in ids {
                try db.execute(
                    sql: "UPDATE backtest_jobs SET heartbeat_at = ? WHERE id = ? AND state IN ('queued', 'running')", arguments: [now, id])
            }
        }
    }
}
