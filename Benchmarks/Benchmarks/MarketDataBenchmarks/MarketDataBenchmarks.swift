import Benchmark
import Foundation
import MarketData

/// Import speed for a 1,000,000-row OptionsDX chain (2,000,000 quotes): parsing alone, and the
/// full import (parse + one transaction into a fresh SQLite store). rows/s = 1e6 / wall time.
let benchmarks: @Sendable () -> Void = {
    let file = SyntheticChainFile.make(rows: 1_000_000)
    let configuration = Benchmark.Configuration(metrics: [.wallClock, .peakMemoryResident], maxDuration: .seconds(30), maxIterations: 5)

    Benchmark("Parse OptionsDX chain 1M rows", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try OptionsDXImporter(underlying: "SPX").parse(file, file: "bench.csv").count)
        }
    }

    Benchmark("Import OptionsDX chain 1M rows (parse + SQLite write)", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vixshield-bench-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: directory) }
            let store = try SQLiteMarketStore(path: directory.appendingPathComponent("s.sqlite").path, seed: false)
            let records = try OptionsDXImporter(underlying: "SPX").parse(file, file: "bench.csv")
            blackHole(try store.write(records, kind: .chainOptionsDX, symbol: "SPX", file: "bench.csv").rows)
        }
    }
}
