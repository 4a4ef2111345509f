import Backtest
import Benchmark
import BenchmarkScratch
import Foundation
import MarketData
import Strategy

/// The 2014-2018 backtest, measured in parts so each figure says what it includes:
/// - baseline: a standalone run on one core that prepares its own market from SQLite (what every
///   run did before runs shared a prepared timeline);
/// - the market timeline alone (memory copy of the store + calibrating every session), one core;
/// - one full ALVH run, all layers, on a prepared timeline, one core (the 100 ms target);
/// - the strategy + the CNDR and VXTH replicas on one prepared timeline;
/// - cold runs 2007-2026 (memory copy + timeline + tape + comparison): calibrating every session,
///   and reading the timeline and tape from the disk cache;
/// - the decision engine on a book for one day (`signal --book`), beside the plain signal;
/// - the 1,000-variant sweep of `examples/sweep-1000.toml` on both cores, 2014-2018 with its
///   timeline, and 2007-2026 on the cached timeline (the issues' one-minute targets).
/// The store is seeded from the bundled data outside the measured loops.
let benchmarks: @Sendable () -> Void = {
    let directory = try! BenchmarkScratch.directory("bt")
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

    Benchmark("Strategy + CNDR and VXTH replicas on a prepared timeline (side by side, 2 cores)", configuration: fast) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try BacktestComparison.compare(timeline: timeline).equityCurves.count)
        }
    }

    // Cold runs over the whole history (issue 14, item 3): what `backtest --from 2007-01-03
    // --to 2026-03-27` does after opening the store: the memory copy, the timeline (calibrated,
    // or read from the disk cache a first run wrote), the regime tape and the comparison.
    let wholeFrom = MarketDate(year: 2007, month: 1, day: 3)!, wholeTo = MarketDate(year: 2026, month: 3, day: 27)!
    let cacheDirectory = directory.appendingPathComponent("timelines").path
    func coldRun(cache: TimelineCache?) throws -> Int {
        let memory = try MemoryMarketStore.load(store, quoteDates: wholeFrom...wholeTo)
        let timeline = try MarketTimeline(store: memory, calendar: calendar, from: wholeFrom, to: wholeTo, cache: cache)
        return try BacktestComparison.compare(timeline: timeline).report.days.count
    }
    let cold = Benchmark.Configuration(metrics: [.wallClock], warmupIterations: 0, maxDuration: .seconds(60), maxIterations: 2)
    Benchmark("Cold backtest 2007-2026: calibrating every session (2 cores)", configuration: cold) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try coldRun(cache: nil)) }
    }
    // The warm-up run writes the cache; the measured runs read it.
    let cached = Benchmark.Configuration(metrics: [.wallClock], warmupIterations: 1, maxDuration: .seconds(30), maxIterations: 5)
    Benchmark("Cold backtest 2007-2026: timeline and tape from the disk cache (2 cores)", configuration: cached) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try coldRun(cache: TimelineCache(directory: cacheDirectory))) }
    }

    // `signal --book`: the decision engine on a trader's book for one day, from the SQLite store
    // (a February 2018 condor, a short VX future and a layer-3 VIX call line), beside the plain
    // signal of the same day (regime replay, condor plan, hedge plan from an empty book).
    let day = MarketDate(year: 2018, month: 2, day: 6)!
    let book = try! BookImporter(asOf: MarketDate(year: 2018, month: 2, day: 5)!, calendar: calendar).parse(Array("""
        date,symbol,quantity,price,fees,layer
        2018-01-02,CASH,1,1000000,0,
        2018-01-19,SPX   180216P02600000,-2,4.20,2.62,condor
        2018-01-19,SPX   180216P02550000,2,2.60,2.62,condor
        2018-01-19,SPX   180216C02950000,-2,3.10,2.62,condor
        2018-01-19,SPX   180216C03000000,2,1.20,2.62,condor
        2018-01-22,VIX   180321C00020000,30,1.15,33.00,layer3
        2018-01-22,VXH18,-1,13.10,2.70,layer1

        """.utf8), file: "book.csv")
    let daily = Benchmark.Configuration(metrics: [.wallClock], warmupIterations: 2, maxDuration: .seconds(10), maxIterations: 50)
    Benchmark("Baseline: signal for one day, no book (SQLite store)", configuration: daily) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try SignalEngine.signal(store: store, calendar: calendar, date: day, ruleset: .standard).date)
        }
    }
    Benchmark("signal --book: memory copy of the store + decision engine for one day", configuration: daily) { benchmark in
        for _ in benchmark.scaledIterations {
            let memory = try MemoryMarketStore.load(store, quoteDates: day...day)
            blackHole(try DecisionEngine.decide(store: memory, calendar: calendar, date: day, book: book, ruleset: .standard).orders.count)
        }
    }
    // The 50 ms target: everything `signal --book` does after parsing its arguments
    // (memory copy, the signal's regime/condor/hedge sections, the engine's orders).
    Benchmark("signal --book: the command's whole work for one day (memory copy + signal + engine)", configuration: daily) { benchmark in
        for _ in benchmark.scaledIterations {
            let memory = try MemoryMarketStore.load(store, quoteDates: day...day)
            blackHole(try BookSignal.signal(store: memory, calendar: calendar, date: day, book: book, ruleset: .standard).orders?.count)
        }
    }
    Benchmark("signal --book: decision engine on a book for one day (SQLite store)", configuration: daily) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try DecisionEngine.decide(store: store, calendar: calendar, date: day, book: book, ruleset: .standard).orders.count)
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
    // The 1,000-variant sweep over 2007-2026, on the timeline the cold-run benchmark
    // above cached (so it measures the variants, not the calibration).
    let long = Benchmark.Configuration(metrics: [.wallClock], warmupIterations: 0, maxDuration: .seconds(300), maxIterations: 1)
    Benchmark("Sweep of \(grid.variants.count) variants 2007-2026, timeline from the disk cache (2 cores)", configuration: long) { benchmark in
        for _ in benchmark.scaledIterations {
            let whole = try MemoryMarketStore.load(store, quoteDates: wholeFrom...wholeTo)
            let timeline = try MarketTimeline(
                store: whole, calendar: calendar, from: wholeFrom, to: wholeTo, cache: TimelineCache(directory: cacheDirectory))
            blackHole(try Sweep.run(grid: grid, timeline: timeline).rows.count)
        }
    }
}
