import Backtest
import Benchmark
import Foundation
import MarketData
import Strategy

/// The 2014-2018 backtest, measured in parts so each figure says what it includes:
/// - baseline: a standalone run on one core that prepares its own market from SQLite (what every
///   run did before runs shared a prepared timeline);
/// - the market timeline alone (memory copy of the store + calibrating every session), one core;
/// - one full ALVH run, all layers, on a prepared timeline, one core (the 100 ms target);
/// - the strategy + both option baselines on one prepared timeline;
/// - the 1,000-variant sweep of `examples/sweep-1000.toml` on both cores, timeline included
///   (the one-minute target).
/// The store is seeded from the bundled data outside the measured loops.
let benchmarks: @Sendable () -> Void = {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vixshield-bench-bt-\(UUID().uuidString)")
    let store = try! SQLiteMarketStore(path: directory.appendingPathComponent("s.sqlite").path)
    let calendar = try! TradingCalendar(sessions: store.sessions().map(\.date))
    let from = MarketDate(year: 2014, month: 1, day: 2)!
    let to = MarketDate(year: 2018, month: 12, day: 31)!
    let strategy = BacktestConfiguration(from: from, to: to)
    let slow = Benchmark.Configuration(metrics: [.wallClock], warmupIterations: 1, maxDuration: .seconds(60), maxIterations: 3)
    let fast = Benchmark.Configuration(metrics: [.wallClock], warmupIterations: 2, maxDuration: .seconds(20), maxIterations: 30)

    Benchmark("Baseline: standalone run preparing its market from SQLite (1 core)", configuration: slow) { benchmark in
        for _ in benchmark.scaledIterations {
            let timeline = try MarketTimeline(store: store, calendar: calendar, from: from, to: to, parallel: false)
            blackHole(try Simulator.run(timeline: timeline, configuration: strategy).days.count)
        }
    }

    Benchmark("Market timeline 2014-2018: memory copy + calibration (1 core)", configuration: slow) { benchmark in
        for _ in benchmark.scaledIterations {
            let memory = try MemoryMarketStore.load(store, quoteDates: from...to)
            blackHole(try MarketTimeline(store: memory, calendar: calendar, from: from, to: to, parallel: false).sessions.count)
        }
    }

    let memory = try! MemoryMarketStore.load(store, quoteDates: from...to)
    let timeline = try! MarketTimeline(store: memory, calendar: calendar, from: from, to: to)
    // The regime path is part of the timeline (built once per regime rules): build it here.
    _ = try! Simulator.run(timeline: timeline, configuration: strategy)

    Benchmark("Full backtest 2014-2018, all layers, on a prepared timeline (1 core)", configuration: fast) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try Simulator.run(timeline: timeline, configuration: strategy).days.count)
        }
    }

    Benchmark("Strategy + 2 option baselines on a prepared timeline (1 core)", configuration: fast) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try BacktestComparison.compare(timeline: timeline).runs.count)
        }
    }

    let gridFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../examples/sweep-1000.toml").standardized
    let grid = try! SweepGrid.load(toml: String(contentsOf: gridFile, encoding: .utf8), file: gridFile.path, base: .standard)
    let once = Benchmark.Configuration(metrics: [.wallClock], warmupIterations: 0, maxDuration: .seconds(120), maxIterations: 1)
    Benchmark("Sweep of \(grid.variants.count) variants 2014-2018 incl. timeline (2 cores)", configuration: once) { benchmark in
        for _ in benchmark.scaledIterations {
            let fresh = try MarketTimeline(store: memory, calendar: calendar, from: from, to: to)
            blackHole(try Sweep.run(grid: grid, timeline: fresh).rows.count)
        }
    }
}
