import Foundation
import MarketData
import Testing

@testable import VixShieldServer

/// Jobs live in the store: a job queued by another replica is answered from it, and a job
/// whose server stopped beating its heart is reported failed.
@Suite struct BacktestJobsTests {
    static func store() throws -> (SQLiteMarketStore, URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vixshield-jobs-\(UUID().uuidString)")
        return (try SQLiteMarketStore(path: directory.appendingPathComponent("s.sqlite").path, seed: false), directory)
    }

    @Test func anotherReplicasJobIsAnsweredAndAStoppedOneFails() async throws {
        let (store, directory) = try Self.store()
        defer { try? FileManager.default.removeItem(at: directory) }
        let day = MarketDate(year: 2018, month: 1, day: 2)!
        let clock = Clock()
        let jobs = BacktestJobs(store: store, now: { clock.now })
        // Queued by another server at t = 1,000, last heartbeat then.
        _ = try store.addJob(
            BacktestJob(id: "bt-other", state: "running", progress: 0.1, from: day, to: day, createdAt: 1_000, heartbeatAt: 1_000, owner: "b"),
            maximumActive: 4)
        clock.now = 1_000 + BacktestJobs.staleAfter
        #expect(try await jobs.status("bt-other")?.state == "running", "a heartbeat \(BacktestJobs.staleAfter) s old is still alive")
        clock.now += 1
        let stale = try #require(try await jobs.status("bt-other"))
        #expect(stale.state == "failed" && stale.error == "the server running this backtest stopped before it finished")
        #expect(try store.job(id: "bt-other")?.state == "failed", "recorded, for every replica")
        #expect(try await jobs.status("bt-none") == nil)
    }
}

/// A settable clock for the jobs' heartbeat (Unix seconds).
final class Clock: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    var now: Int {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}
