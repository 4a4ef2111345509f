// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "VixShield",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "vixshield", targets: ["vixshield"]),
        .library(name: "QuantCore", targets: ["QuantCore"]),
        .library(name: "VixShieldCLI", targets: ["VixShieldCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // Pure maths: no dependencies, so it can be reused anywhere and benchmarked in isolation.
        .target(name: "QuantCore"),
        .target(
            name: "VixShieldCLI",
            dependencies: [
                "QuantCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "vixshield", dependencies: ["VixShieldCLI"]),
        .testTarget(
            name: "QuantCoreTests",
            dependencies: [
                "QuantCore",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            resources: [.copy("Resources")]
        ),
        .testTarget(
            name: "VixShieldCLITests",
            dependencies: ["VixShieldCLI", "QuantCore"]
        ),
    ]
)
