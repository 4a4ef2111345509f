import Benchmark
import BenchmarkScratch
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

    // The baseline, measured in the same run: the sqlite3 shell's own `.import` of the
    // same file into a plain table (33 untyped columns, no key), in one transaction, with the
    // shell's defaults (rollback journal, 4 KiB pages).
    let directory = try! BenchmarkScratch.directory("file")
    let csv = directory.appendingPathComponent("chain.csv")
    FileManager.default.createFile(atPath: csv.path, contents: Data(file))
    let shell = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3"].first { FileManager.default.isExecutableFile(atPath: $0) }
    if let shell {
        Benchmark("Baseline: sqlite3 shell .import of the same file into a plain table", configuration: configuration) { benchmark in
            for _ in benchmark.scaledIterations {
                let database = directory.appendingPathComponent("plain-\(UUID().uuidString).sqlite")
                defer { try? FileManager.default.removeItem(at: database) }
                let columns = (1...33).map { "c\($0)" }.joined(separator: ", ")
                let process = Process()
                process.executableURL = URL(fileURLWithPath: shell)
                process.arguments = [
                    database.path, "CREATE TABLE t (\(columns));", ".import --csv --skip 1 \(csv.path) t",
                ]
                try process.run()
                process.waitUntilExit()
                guard process.terminationStatus == 0 else { throw ShellFailed(status: process.terminationStatus) }
            }
        }
    } else {
        print("sqlite3 shell not found: the .import baseline is not measured")
    }

    // What `data import --kind chain-optionsdx` does into an existing SQLite store: the parse
    // streamed into the writer (the parser on its own thread, the SQLite transaction on the
    // calling one). The store here is new and unseeded (no seed to measure); the command parses
    // first into a store it creates.
    Benchmark("Import OptionsDX chain 1M rows (parse streamed into the SQLite write)", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            let directory = try BenchmarkScratch.directory("import")
            defer { try? FileManager.default.removeItem(at: directory) }
            let store = try SQLiteMarketStore(path: directory.appendingPathComponent("s.sqlite").path, seed: false)
            let stream = try OptionsDXImporter(underlying: "SPX").quoteStream(file, file: "bench.csv")
            blackHole(try store.write(.quoteStream(stream), kind: .chainOptionsDX, symbol: "SPX", file: "bench.csv").rows)
        }
    }
}

/// The sqlite3 shell exited with a failure status.
struct ShellFailed: Error {
    let status: Int32
}
