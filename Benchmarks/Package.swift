// swift-tools-version: 6.1
// Benchmarks live in their own package so that CI's test build does not compile the benchmark
// framework. Run from this directory: swift package benchmark
import PackageDescription

let package = Package(
    name: "VixShieldBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "VixShield", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // The C reference kernel, at -O2 as the issue states it.
        .target(
            name: "CKernel",
            path: "Benchmarks/CKernel",
            cSettings: [.unsafeFlags(["-O2"])]
        ),
        // Scratch directories removed when a benchmark process exits.
        .target(name: "BenchmarkScratch", path: "Benchmarks/BenchmarkScratch"),
        .executableTarget(
            name: "QuantCoreBenchmarks",
            dependencies: [
                "CKernel",
                .product(name: "QuantCore", package: "VixShield"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/QuantCoreBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "MarketDataBenchmarks",
            dependencies: [
                "BenchmarkScratch",
                .product(name: "MarketData", package: "VixShield"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/MarketDataBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "VolModelsBenchmarks",
            dependencies: [
                "BenchmarkScratch",
                .product(name: "VolModels", package: "VixShield"),
                .product(name: "MarketData", package: "VixShield"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/VolModelsBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "BacktestBenchmarks",
            dependencies: [
                "BenchmarkScratch",
                .product(name: "Backtest", package: "VixShield"),
                .product(name: "MarketData", package: "VixShield"),
                .product(name: "Strategy", package: "VixShield"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/BacktestBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
