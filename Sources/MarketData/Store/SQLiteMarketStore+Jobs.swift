import GRDB

/// Backtest jobs in the store (migration v8).
extension SQLiteMarketStore: BacktestJobStore {
    static let jobColumns = "id, state, progress, from_date, to_date, created_at, heartbeat_at, owner, summaries, error"

    public func addJob(_ job: BacktestJob, maximumActive: Int) throws -> Bool {
        try writeUncounted { db in
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

    public func updateJob(_ job: BacktestJob, report: String?, keep: Int) throws {
        try writeUncounted { db in
            try db.execute(
                sql: "UPDATE backtest_jobs SET state = ?, progress = ?, heartbeat_at = ?, summaries = ?, error = ?, report = ? WHERE id = ?",
                arguments: [job.state, job.progress, job.heartbeatAt, job.summaries, job.error, report, job.id])
            try db.execute(
                sql: """
                    DELETE FROM backtest_jobs WHERE state IN ('done', 'failed') AND id NOT IN
                    (SELECT id FROM backtest_jobs WHERE state IN ('done', 'failed') ORDER BY heartbeat_at DESC, id DESC LIMIT ?)
                    """, arguments: [keep])
        }
    }

    public func beat(ids: [String], now: Int) throws {
        guard !ids.isEmpty else { return }
        try writeUncounted { db in
            for id in ids { try db.execute(sql: "UPDATE backtest_jobs SET heartbeat_at = ? WHERE id = ?", arguments: [now, id]) }
        }
    }
}
