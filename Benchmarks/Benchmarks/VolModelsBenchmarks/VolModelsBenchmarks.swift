import Benchmark
import BenchmarkScratch
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

    // The real-input calibrations on 2016-06-01 (VIX 14.20, SKEW 132.46, VVIX 78.93, VX Jun
    // 15.275 / Jul 17.525), from a store seeded with the bundled data outside the measured loops. Each calibration is measured beside the work it adds to, in the same run:
    // SKEW = (surface with SKEW) − (surface with the fixed shape); VVIX = (complex calibrated to
    // the VVIX + its chain) − (the chain from an already calibrated complex).
    let directory = try! BenchmarkScratch.directory("vol")
    let store = try! SQLiteMarketStore(path: directory.appendingPathComponent("s.sqlite").path)
    let storeCalendar = try! TradingCalendar(sessions: store.sessions().map(\.date))
    let real = try! MarketInputs.load(store, date: MarketDate(year: 2016, month: 6, day: 1)!)
    var fixedShape = real
    fixedShape.skew = nil
    let parameters = ChainModelParameters()

    Benchmark("Baseline: SPX surface, fixed smile shape, 2016-06-01", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try SPXMarketModel(inputs: fixedShape, calendar: storeCalendar).anchorVIX)
        }
    }

    Benchmark("SPX surface calibrated to the real SKEW, 2016-06-01", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try SPXMarketModel(inputs: real, calendar: storeCalendar).modelSKEW)
        }
    }

    let complex = try! VIXComplex.calibrate(inputs: real, calendar: storeCalendar, parameters: parameters)
    Benchmark("Baseline: VIX chain from a calibrated complex, 2016-06-01", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try VIXChainGenerator.chain(vix: complex, inputs: real, calendar: storeCalendar, parameters: parameters).optionCount)
        }
    }

    Benchmark("VIX complex calibrated to the real VVIX + chain, 2016-06-01", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            let calibrated = try VIXComplex.calibrate(inputs: real, calendar: storeCalendar, parameters: parameters)
            blackHole(try VIXChainGenerator.chain(vix: calibrated, inputs: real, calendar: storeCalendar, parameters: parameters).optionCount)
        }
    }
}
