import Foundation
import MarketData
import Testing

@testable import VixShieldServer
import TestScratch

/// Jobs live in the store: a job queued by another replica is answered from it, and a job
/// whose server stopped beating its heart is reported failed.
@Suite struct BacktestJobsTests {
    static func store() throws -> (SQLiteMarketStore, URL) {
        let directory = TestScratch.directory("jobs")
        return (try SQLiteMarketStore(path: directory.appendingPathComponent("s.sqlite").path, seed: false), directory)
    }

    @Test func anotherReplicasJobIsAnsweredAndAStoppedOneFails() async throws {
        let (store, directory) = try Self.store()
        defer { try? FileManager.default.removeItem(at: directory) }
        let day = MarketDate(year: 2018, month: 1, day: 2)!
        let clock = TestClock()
        let jobs = BacktestJobs(store: store, now: { clock.now })
        // Queued by another server at t = 1,000, last heartbeat then.
        _ = try store.addJob(
            BacktestJob(id: "bt-other", state: "running", progress: 0.1, from: day, to: day, createdAt: 1_000, heartbeatAt: 1_000, owner: "b"),
            maximumActive: 4, staleBefore: 0)
        clock.now = 1_000 + BacktestJobs.staleAfter
        #expect(try await jobs.status("bt-other")?.state == "running", "a heartbeat \(BacktestJobs.staleAfter) s old is still alive")
        clock.now += 1
        let stale = try #require(try await jobs.status("bt-other"))
        #expect(stale.state == "failed" && stale.error == BacktestJob.staleError)
        #expect(try store.job(id: "bt-other")?.state == "failed", "recorded, for every replica")
        #expect(try await jobs.status("bt-none") == nil)
    }

    /// A job that finished stays finished: the stale check never overwrites it, and an owner's
    /// late update of a job failed as stale changes nothing.
    @Test func finishedJobsAreNeverOverwritten() throws {
        let (store, directory) = try Self.store()
        defer { try? FileManager.default.removeItem(at: directory) }
        let day = MarketDate(year: 2018, month: 1, day: 2)!
        var job = BacktestJob(id: "bt-a", state: "running", progress: 0.1, from: day, to: day, createdAt: 0, heartbeatAt: 0, owner: "a")
        #expect(try store.addJob(job, maximumActive: 4, staleBefore: -1))
        (job.state, job.progress, job.heartbeatAt) = ("done", 1, 10)
        #expect(try store.updateJob(job, report: "<html>", keep: 20))
        #expect(try store.failStaleJobs(staleBefore: 1_000, error: "x", now: 1_000, keep: 20) == 0)
        #expect(try store.job(id: "bt-a")?.state == "done" && store.jobReport(id: "bt-a") == "<html>")
        var late = BacktestJob(id: "bt-b", state: "running", progress: 0.1, from: day, to: day, createdAt: 0, heartbeatAt: 0, owner: "a")
        #expect(try store.addJob(late, maximumActive: 4, staleBefore: -1))
        #expect(try store.failStaleJobs(staleBefore: 100, error: BacktestJob.staleError, now: 100, keep: 20) == 1)
        (late.state, late.progress) = ("done", 1)
        #expect(try !store.updateJob(late, report: "<html>", keep: 20), "the owner's late result is refused")
        #expect(try store.job(id: "bt-b")?.state == "failed")
    }

    /// Four jobs of a server that died do not block new ones: adding a job fails the stale first.
    @Test func deadJobsDoNotBlockTheQueue() throws {
        let (store, directory) = try Self.store()
        defer { try? FileManager.default.removeItem(at: directory) }
        let day = MarketDate(year: 2018, month: 1, day: 2)!
        for index in 0..<4 {
            let job = BacktestJob(id: "bt-\(index)", state: "queued", progress: 0, from: day, to: day, createdAt: 0, heartbeatAt: 0, owner: "dead")
            #expect(try store.addJob(job, maximumActive: 4, staleBefore: -1))
        }
        let fresh = BacktestJob(id: "bt-new", state: "queued", progress: 0, from: day, to: day, createdAt: 500, heartbeatAt: 500, owner: "b")
        #expect(try !store.addJob(fresh, maximumActive: 4, staleBefore: -1), "all four still alive")
        #expect(try store.addJob(fresh, maximumActive: 4, staleBefore: 500 - BacktestJobs.staleAfter))
        #expect(try store.job(id: "bt-0")?.state == "failed")
    }
}

/// A settable clock for the jobs' heartbeat (Unix seconds).
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    var now: Int {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}
