// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "VixShield",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "vixshield", targets: ["vixshield"]),
        .library(name: "QuantCore", targets: ["QuantCore"]),
        .library(name: "MarketData", targets: ["MarketData"]),
        .library(name: "VolModels", targets: ["VolModels"]),
        .library(name: "Strategy", targets: ["Strategy"]),
        .library(name: "Backtest", targets: ["Backtest"]),
        .library(name: "PostgresStore", targets: ["PostgresStore"]),
        .library(name: "VixShieldServer", targets: ["VixShieldServer"]),
        .library(name: "VixShieldCLI", targets: ["VixShieldCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        // Pure maths: no dependencies, so it can be reused anywhere and benchmarked in isolation.
        // Compiled for the building machine's processor (like -march=native): the chain-slice
        // kernel's four-lane vectors then fill AVX registers and its fused multiply-adds are one
        // instruction each. Results do not depend on it (Swift does not contract a·b + c, and a
        // fused multiply-add is correctly rounded in hardware or software alike). A binary built
        // here may not start on an older processor (build where you run; no cross-compiling),
        // and the unsafe flag keeps QuantCore from being a versioned dependency of another
        // package (a local path dependency, as Benchmarks/ uses, is allowed).
        .target(name: "QuantCore", swiftSettings: [.unsafeFlags(["-target-cpu", "native"])]),
        // Market data value types, strict importers, the point-in-time store (SQLite via GRDB)
        // and the bundled history.
        .target(
            name: "MarketData",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            resources: [.copy("Bundled")]
        ),
        // The same store on a PostgreSQL server (postgres-nio), for several processes and
        // replicas on one shared state.
        .target(
            name: "PostgresStore",
            dependencies: [
                "MarketData",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Modelled volatility: SPX surface from VIX, event variance, VIX futures and options,
        // synthetic chains, the Cboe VIX computation. Compiled for this processor like QuantCore
        // (same reasons, same costs, results unchanged): the variance-swap quadrature runs on
        // four-lane vectors, and the quote model's roundings become instructions.
        .target(
            name: "VolModels",
            dependencies: ["QuantCore", "MarketData", .product(name: "TOMLKit", package: "TOMLKit")],
            swiftSettings: [.unsafeFlags(["-target-cpu", "native"])]
        ),
        // Regime voters and quorum, the iron condor planner, the ALVH hedge layers, rulesets.
        .target(name: "Strategy", dependencies: ["QuantCore", "MarketData", "VolModels"]),
        // Day-by-day replay: fills, fees, margin, the cents ledger, metrics and baselines.
        .target(
            name: "Backtest",
            dependencies: [
                "QuantCore", "MarketData", "VolModels", "Strategy", .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The HTTP API on Hummingbird 2: routes, auth, problem+json; no trading logic (the routes
        // call the same library functions as the commands).
        .target(
            name: "VixShieldServer",
            dependencies: [
                "MarketData", "VolModels", "Strategy", "Backtest",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Resources")]
        ),
        .target(
            name: "VixShieldCLI",
            dependencies: [
                "VixShieldServer",
                "PostgresStore",
                "QuantCore",
                "MarketData",
                "VolModels",
                "Strategy",
                "Backtest",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "vixshield", dependencies: ["VixShieldCLI"]),
        // Scratch directories for the tests, removed when the test process exits.
        .target(name: "TestScratch", path: "Tests/TestScratch"),
        .testTarget(
            name: "QuantCoreTests",
            dependencies: [
                "QuantCore",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            resources: [.copy("Resources")]
        ),
        .testTarget(
            name: "MarketDataTests",
            dependencies: [
                "TestScratch", "MarketData",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            resources: [.copy("Resources")]
        ),
        .testTarget(
            name: "VolModelsTests",
            dependencies: [
                "TestScratch", "VolModels", "QuantCore", "MarketData",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            resources: [.copy("Resources")]
        ),
        .testTarget(
            name: "StrategyTests",
            dependencies: [
                "TestScratch", "Strategy", "VolModels", "QuantCore", "MarketData",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "BacktestTests",
            dependencies: ["TestScratch", "Backtest", "Strategy", "VolModels", "QuantCore", "MarketData"]
        ),
        .testTarget(
            name: "VixShieldServerTests",
            dependencies: [
                "TestScratch", "VixShieldServer", "MarketData", "Strategy", "Backtest",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "PostgresStoreTests",
            dependencies: ["TestScratch", "PostgresStore", "MarketData", "Strategy"]
        ),
        .testTarget(
            name: "VixShieldCLITests",
            dependencies: ["TestScratch", "VixShieldCLI", "QuantCore", "MarketData", "PostgresStore"]
        ),
    ]
)
