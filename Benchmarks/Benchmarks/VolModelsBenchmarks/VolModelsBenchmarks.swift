import Benchmark
import Foundation
import MarketData
import VolModels

/// One day's SPX model: the surface calibrated to the VIX (with the Cboe-matching anchor
/// iterations) and the full synthetic chain with greeks, on real 2017-06-13 inputs (S&P 500
/// 2440.35, VIX 10.42, 1% rates, the FOMC of 2017-06-14 pending). The calendar is read from the
/// bundled NYSE sessions, outside the measured loop.
let benchmarks: @Sendable () -> Void = {
    let sessions = try! String(contentsOf: BundledData.directory.appendingPathComponent("calendar/nyse_sessions_1990-2026.csv"), encoding: .utf8)
    let calendar = try! TradingCalendar(sessionsCSV: sessions)
    let date = MarketDate(year: 2017, month: 6, day: 13)!
    let fomc = CalendarEvent(date: MarketDate(year: 2017, month: 6, day: 14)!, event: "FOMC", kind: "scheduled", timeET: "14:00")
    let inputs = MarketInputs(date: date, spot: 2440.35, vix: 10.42, rates: RateCurve(date: date, flatRate: 0.01), pendingEvents: [fomc])
    let options = SPXChainGenerator.chain(try! SPXMarketModel(inputs: inputs, calendar: calendar)).optionCount
    let configuration = Benchmark.Configuration(metrics: [.wallClock, .throughput], maxDuration: .seconds(5))

    Benchmark("SPX surface calibration (with Cboe VIX matching)", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try SPXMarketModel(inputs: inputs, calendar: calendar).anchorVIX)
        }
    }

    let model = try! SPXMarketModel(inputs: inputs, calendar: calendar)
    Benchmark("SPX full chain with greeks (\(options) options)", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(SPXChainGenerator.chain(model).optionCount)
        }
    }

    Benchmark("SPX surface + full chain, one day (\(options) options)", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(SPXChainGenerator.chain(try SPXMarketModel(inputs: inputs, calendar: calendar)).optionCount)
        }
    }
}
