import Backtest
import Foundation
import MarketData
import Testing
@testable import VixShieldServer
import TestScratch

/// Backtest jobs use the server's timeline cache (`serve --cache-dir`): the first job over a
/// range writes it, a second reads it and computes the same report.
@Suite struct BacktestJobCacheTests {
    @Test func aSecondJobOverTheSameRangeReadsTheCache() throws {
        var environment = try ServerFixture.get().environment
        let directory = TestScratch.directory("server-cache")
        defer { try? FileManager.default.removeItem(at: directory) }
        environment.timelineCache = TimelineCache(directory: directory.path, codeIdentity: "test")
        let (from, to) = (MarketDate(parsing: "2018-01-29")!, MarketDate(parsing: "2018-02-16")!)
        let first = try BacktestJobs.compute(from: from, to: to, env: environment)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(files.count == 2 && files[0].hasPrefix("tape-") && files[1].hasPrefix("timeline-"), "\(files)")
        func inode() throws -> Int? {
            try (FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent(files[1]).path)[.systemFileNumber] as? NSNumber)?.intValue
        }
        let written = try inode()
        let second = try BacktestJobs.compute(from: from, to: to, env: environment)
        #expect(try StableJSON.encode(second.report) == StableJSON.encode(first.report))
        // Read, not rewritten: the same two files, the timeline the same inode (a write replaces it).
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == files)
        let reread = try inode()
        #expect(written != nil && reread == written)
    }
}
