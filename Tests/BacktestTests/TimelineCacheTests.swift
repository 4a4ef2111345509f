import Foundation
@testable import MarketData
import Strategy
import Testing
import VolModels
@testable import Backtest
import TestScratch

/// The timeline cache (issue 14, item 3): a timeline read back from disk gives the same report
/// as one calibrated afresh, byte for byte; the key changes with the store's content, the model
/// parameters, the range and the executable; a damaged file is rebuilt, never trusted.
@Suite(.serialized) struct TimelineCacheTests {
    static let from = MarketDate(parsing: "2018-01-29")!
    static let to = MarketDate(parsing: "2018-03-09")!

    static func fixture() throws -> (store: MemoryMarketStore, calendar: TradingCalendar) {
        let sqlite = try SimulatorTests.store.get()
        let calendar = try TradingCalendar(sessions: sqlite.sessions().map(\.date))
        return (try MemoryMarketStore.load(sqlite, quoteDates: from...to), calendar)
    }

    /// A fresh directory in the tests' scratch space, removed when the test process ends.
    static func directory() -> String {
        TestScratch.directory("cache-tests").path
    }

    static func report(_ timeline: MarketTimeline) throws -> String {
        try StableJSON.encode(BacktestComparison.compare(timeline: timeline).report)
    }

    static func files(_ directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".vxcache") }.sorted()
    }

    @Test func aTimelineReadFromTheCacheGivesTheSameReport() throws {
        let (store, calendar) = try Self.fixture()
        let cache = TimelineCache(directory: Self.directory(), codeIdentity: "test")
        let fresh = try MarketTimeline(store: store, calendar: calendar, from: Self.from, to: Self.to)
        #expect(fresh.cacheOutcome == .off)
        let first = try MarketTimeline(store: store, calendar: calendar, from: Self.from, to: Self.to, cache: cache)
        guard case .built = first.cacheOutcome else { Issue.record("first run: \(first.cacheOutcome)"); return }
        let second = try MarketTimeline(store: store, calendar: calendar, from: Self.from, to: Self.to, cache: cache)
        guard case .hit = second.cacheOutcome else { Issue.record("second run: \(second.cacheOutcome)"); return }
        let expected = try Self.report(fresh)
        #expect(try Self.report(first) == expected)
        #expect(try Self.report(second) == expected)
        // The tape was written by the first comparison and read by the second.
        guard case .built = first.tapeCacheOutcomes.first else { Issue.record("tape: \(first.tapeCacheOutcomes)"); return }
        guard case .hit = second.tapeCacheOutcomes.first else { Issue.record("tape: \(second.tapeCacheOutcomes)"); return }
        // Field by field, the calibrated state read back is the state written.
        for (a, b) in zip(fresh.days, second.days) {
            #expect(a.model.surface.slices == b.model.surface.slices)
            #expect(a.model.anchorVIX.bitPattern == b.model.anchorVIX.bitPattern)
            #expect(a.model.notes == b.model.notes && a.model.skewSource == b.model.skewSource)
            #expect(a.model.modelSKEW?.bitPattern == b.model.modelSKEW?.bitPattern)
            let (x, y) = (try a.vixComplex.get(), try b.vixComplex.get())
            #expect(x.optionModel == y.optionModel && x.vvixModel.bitPattern == y.vvixModel.bitPattern && x.notes == y.notes)
            #expect(try a.vixChain.get() == b.vixChain.get())
        }
        #expect(try Self.files(cache.directory).count == 2)
    }

    @Test func anyChangeToTheStoreParametersRangeOrCodeIsAnotherKey() throws {
        let (store, calendar) = try Self.fixture()
        let directory = Self.directory()
        let cache = TimelineCache(directory: directory, codeIdentity: "test")
        let short = MarketDate(parsing: "2018-02-09")!
        _ = try MarketTimeline(store: store, calendar: calendar, from: Self.from, to: short, cache: cache)
        // One VIX close in the range, changed by a hundredth: a different store content.
        var observations = store.observations
        let index = observations["VIX"]!.firstIndex { $0.observation.date == MarketDate(parsing: "2018-02-05")! }!
        observations["VIX"]![index].observation.value += 0.01
        let changed = MemoryMarketStore(
            bars: store.bars, observations: observations, curves: store.curves, events: store.events, quotes: store.quotes,
            futures: store.futures, quoteRange: store.quoteRange)
        #expect(TimelineCache.storeDigest(changed, calendar: calendar) != TimelineCache.storeDigest(store, calendar: calendar))
        let afterImport = try MarketTimeline(store: changed, calendar: calendar, from: Self.from, to: short, cache: cache)
        guard case .built = afterImport.cacheOutcome else { Issue.record("changed store: \(afterImport.cacheOutcome)"); return }
        var models = ChainModelParameters()
        models.events.fomc *= 2
        let otherModels = try MarketTimeline(store: store, calendar: calendar, from: Self.from, to: short, parameters: models, cache: cache)
        guard case .built = otherModels.cacheOutcome else { Issue.record("other models: \(otherModels.cacheOutcome)"); return }
        let otherRange = try MarketTimeline(store: store, calendar: calendar, from: Self.from, to: short.adding(days: -1), cache: cache)
        guard case .built = otherRange.cacheOutcome else { Issue.record("other range: \(otherRange.cacheOutcome)"); return }
        let otherCode = try MarketTimeline(
            store: store, calendar: calendar, from: Self.from, to: short, cache: TimelineCache(directory: directory, codeIdentity: "rebuilt binary"))
        guard case .built = otherCode.cacheOutcome else { Issue.record("other code: \(otherCode.cacheOutcome)"); return }
        // And each of them is now found again.
        let again = try MarketTimeline(store: changed, calendar: calendar, from: Self.from, to: short, cache: cache)
        guard case .hit = again.cacheOutcome else { Issue.record("changed store again: \(again.cacheOutcome)"); return }
        #expect(again.days.map(\.inputs.vix) == afterImport.days.map(\.inputs.vix))
        // Without a known executable there is no cache.
        let unknown = try MarketTimeline(
            store: store, calendar: calendar, from: Self.from, to: short, cache: TimelineCache(directory: directory, codeIdentity: nil))
        #expect(unknown.cacheOutcome == .unidentified)
    }

    @Test func aDamagedFileIsRebuiltNeverTrusted() throws {
        let (store, calendar) = try Self.fixture()
        let directory = Self.directory()
        let cache = TimelineCache(directory: directory, codeIdentity: "test")
        let short = MarketDate(parsing: "2018-02-09")!
        let fresh = try MarketTimeline(store: store, calendar: calendar, from: Self.from, to: short, cache: cache)
        guard case .built(let path) = fresh.cacheOutcome else { Issue.record("\(fresh.cacheOutcome)"); return }
        let original = try Data(contentsOf: URL(fileURLWithPath: path))
        let expected = fresh.days.map(\.model.anchorVIX)
        func damaged(_ bytes: Data, expecting reason: String) throws {
            try bytes.write(to: URL(fileURLWithPath: path))
            let timeline = try MarketTimeline(store: store, calendar: calendar, from: Self.from, to: short, cache: cache)
            guard case .rebuilt(_, let why) = timeline.cacheOutcome else { Issue.record("\(reason): \(timeline.cacheOutcome)"); return }
            #expect(why.contains(reason), "\(why)")
            #expect(timeline.days.map(\.model.anchorVIX) == expected)
            // Rebuilt and rewritten: the next run reads it.
            let next = try MarketTimeline(store: store, calendar: calendar, from: Self.from, to: short, cache: cache)
            guard case .hit = next.cacheOutcome else { Issue.record("after \(reason): \(next.cacheOutcome)"); return }
        }
        var flipped = original
        flipped[original.count - 100] ^= 0x01
        try damaged(flipped, expecting: "checksum")
        try damaged(original.prefix(original.count - 10), expecting: "truncated")
        try damaged(Data("not a cache".utf8), expecting: "not a cache file")
        var foreign = original
        foreign[10] ^= 0xff
        try damaged(foreign, expecting: "another key")
        // A checksum-valid file whose content does not decode (as a buggy writer would leave):
        // the decoder's ArchiveError, rebuilt.
        let key = try #require(
            cache.key(
                kind: "timeline", storeDigest: TimelineCache.storeDigest(store, calendar: calendar),
                parts: [Self.from.description, short.description, try CacheBinding.canonicalJSON(ChainModelParameters())]))
        #expect(cache.path(kind: "timeline", key: key) == path)
        var garbage = ArchiveWriter()
        garbage.write(fresh.sessions.count)
        garbage.write(raw: [UInt8](repeating: 0xff, count: 64))
        try cache.write(kind: "timeline", key: key, payload: garbage.bytes)
        let decoded = try MarketTimeline(store: store, calendar: calendar, from: Self.from, to: short, cache: cache)
        guard case .rebuilt(_, let why) = decoded.cacheOutcome else { Issue.record("undecodable: \(decoded.cacheOutcome)"); return }
        #expect(why.contains("archive"), "\(why)")
        #expect(decoded.days.map(\.model.anchorVIX) == expected)
    }

    @Test func aCacheThatCannotBeWrittenLeavesTheResultAlone() throws {
        let (store, calendar) = try Self.fixture()
        let blocker = Self.directory()
        try Data("a file where the directory should be".utf8).write(to: URL(fileURLWithPath: blocker))
        let short = MarketDate(parsing: "2018-02-02")!
        let timeline = try MarketTimeline(
            store: store, calendar: calendar, from: Self.from, to: short, cache: TimelineCache(directory: blocker + "/timelines", codeIdentity: "test"))
        guard case .notWritten = timeline.cacheOutcome else { Issue.record("\(timeline.cacheOutcome)"); return }
        let fresh = try MarketTimeline(store: store, calendar: calendar, from: Self.from, to: short)
        #expect(timeline.days.map(\.model.anchorVIX) == fresh.days.map(\.model.anchorVIX))
    }

    @Test(arguments: [("tape", "timeline"), ("timeline", "tape")])
    func onlyTheNewestFilesOfEachKindAreKept(kind: String, other: String) throws {
        let directory = Self.directory()
        let cache = TimelineCache(directory: directory, codeIdentity: "test")
        let keep = TimelineCache.keep(kind: kind)
        func key(_ index: Int) -> [UInt8] { withUnsafeBytes(of: UInt32(index).bigEndian) { Array($0) } + Array(repeating: 7, count: 28) }
        // One file of the other kind, older than all of them (two hours), then `keep` files
        // dated an hour ago with distinct times (file times are coarser than a loop), then
        // three new ones.
        try cache.write(kind: other, key: key(99_999), payload: [99])
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSinceNow: -7_200)], ofItemAtPath: cache.path(kind: other, key: key(99_999)))
        for index in 0..<keep {
            try cache.write(kind: kind, key: key(index), payload: [UInt8(index % 256)])
            try FileManager.default.setAttributes(
                [.modificationDate: Date(timeIntervalSinceNow: Double(index - 3600))], ofItemAtPath: cache.path(kind: kind, key: key(index)))
        }
        // Reading a file makes it the newest: file 0 survives, file 1 is the oldest now.
        guard case .payload = cache.read(kind: kind, key: key(0)) else { Issue.record("\(kind) 0 unreadable"); return }
        for index in keep..<(keep + 3) {
            try cache.write(kind: kind, key: key(index), payload: [UInt8(index % 256)])
        }
        #expect(try Self.files(directory).filter { $0.hasPrefix(kind + "-") }.count == keep)
        for index in 0..<(keep + 3) {
            let kept = FileManager.default.fileExists(atPath: cache.path(kind: kind, key: key(index)))
            #expect(kept == (index == 0 || index >= 4), "\(kind) \(index)")
        }
        // One kind never evicts the other.
        guard case .payload(let payload) = cache.read(kind: other, key: key(99_999)) else {
            Issue.record("the \(other) was evicted by \(kind)s")
            return
        }
        #expect(payload == [99])
    }

    /// A sweep over more regime rules than the timeline bound (here 14) finds every tape in the
    /// cache on its next run: with one bound for both kinds (12), the least recently used tape
    /// was always the next one asked for, and every run rebuilt them all.
    @Test func aSweepsManyTapesAreReadBack() throws {
        let (store, calendar) = try Self.fixture()
        let cache = TimelineCache(directory: Self.directory(), codeIdentity: "test")
        let short = MarketDate(parsing: "2018-02-09")!
        let variants = (0..<14).map { RegimeRules(warmupSessions: 10 + $0) }
        for run in 0..<2 {
            let timeline = try MarketTimeline(store: store, calendar: calendar, from: Self.from, to: short, cache: cache)
            for rules in variants { _ = try timeline.regimeTape(rules) }
            let outcomes = timeline.tapeCacheOutcomes.map { outcome -> String in
                switch outcome {
                case .hit: "hit"
                case .built: "built"
                default: "\(outcome)"
                }
            }
            #expect(outcomes == Array(repeating: run == 0 ? "built" : "hit", count: variants.count), "run \(run): \(outcomes)")
        }
    }

    @Test func theDefaultDirectoryFollowsXDG() {
        #expect(TimelineCache.defaultDirectory(environment: ["XDG_CACHE_HOME": "/x"]) == "/x/vixshield/timelines")
        #expect(TimelineCache.defaultDirectory(environment: ["XDG_CACHE_HOME": "", "HOME": "/h"]) == "/h/.cache/vixshield/timelines")
        #expect(TimelineCache.executableIdentity != nil)
    }

    /// The archives and the store digest write every stored field: a type that gains one fails
    /// here until its archive (and this census) is updated. (MarketDay's `hedgeMemo` and
    /// `callMarks` are run-time memos that start empty, not state.)
    @Test func everyStoredFieldIsArchived() throws {
        let (store, calendar) = try Self.fixture()
        let day = try MarketTimeline(store: store, calendar: calendar, from: Self.from, to: Self.from).days[0]
        let census: [(String, Any, Int)] = [
            ("SPXMarketModel", day.model, 10), ("SPXVolSurface", day.model.surface, 11), ("VIXComplex", try day.vixComplex.get(), 12),
            ("MarketDay", day, 6), ("DailyBar", store.bars["SPX"]![0], 7), ("Observation", store.observations["VIX"]![0].observation, 2),
            ("TreasuryCurve", store.curves[0], 2), ("CalendarEvent", store.events[0], 4),
            ("FuturesSettlement", FuturesSettlement(root: "VX", date: Self.from, expiry: Self.to, settle: 15), 4),
            ("SSVISlice", day.model.surface.slices[0], 6), ("VarianceSwapTermStructure", day.model.surface.termStructure, 5),
            ("SPXSurfaceParameters", day.model.surface.parameters, 6), ("VIXOptionModel", try day.vixComplex.get().optionModel, 2),
            ("VIXOptionParameters", try day.vixComplex.get().optionModel.parameters, 8),
            ("OptionQuote", OptionQuote(underlying: "SPX", quoteDate: Self.from, expiry: Self.to, strike: 2700, right: .call, bid: 1, ask: 2), 12),
        ]
        for (name, value, fields) in census {
            #expect(Mirror(reflecting: value).children.count == fields, "\(name) has \(Mirror(reflecting: value).children.count) stored fields")
        }
    }
}
