import Backtest
import Benchmark
import Foundation
import MarketData
import Strategy

/// The full 2014-2018 ALVH backtest (one run, all layers, one core) and a 4-variant sweep over
/// 2018 (both cores), on a store seeded from the bundled data outside the measured loop.
let benchmarks: @Sendable () -> Void = {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vixshield-bench-bt-\(UUID().uuidString)")
    let store = try! SQLiteMarketStore(path: directory.appendingPathComponent("s.sqlite").path)
    let calendar = try! TradingCalendar(sessions: store.sessions().map(\.date))
    let configuration = Benchmark.Configuration(metrics: [.wallClock], maxDuration: .seconds(60), maxIterations: 3)

    Benchmark("Full backtest 2014-2018, all layers (1 run)", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            let run = try Simulator.run(
                store: store, calendar: calendar,
                configuration: BacktestConfiguration(from: MarketDate(year: 2014, month: 1, day: 2)!, to: MarketDate(year: 2018, month: 12, day: 31)!))
            blackHole(run.days.count)
        }
    }

    let grid = try! SweepGrid.load(
        toml: "\"condor.short_delta\" = [0.16, 0.18]\n\"hedge.layer3_budget\" = [0.01, 0.02]\n", file: "bench", base: .standard)
    Benchmark("Sweep of 4 variants over 2018 (2 cores)", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            let report = try Sweep.run(
                grid: grid, store: store, calendar: calendar, from: MarketDate(year: 2018, month: 1, day: 2)!, to: MarketDate(year: 2018, month: 12, day: 31)!)
            blackHole(report.rows.count)
        }
    }
}
