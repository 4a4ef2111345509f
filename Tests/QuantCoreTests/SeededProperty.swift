import PropertyBased

/// Runs a property over `count` inputs drawn from a swift-property-based generator with a fixed
/// Xoshiro seed, so every run of the suite sees the same cases (house rule: seeded randomness
/// only). `propertyCheck` itself draws a fresh seed per run, hence this wrapper.
func seededProperty<Value, Shrink>(
    count: Int, seed: UInt64, _ generator: Generator<Value, Shrink>, _ body: (Value) throws -> Void
) rethrows {
    var rng = Xoshiro(seed: (seed, 0x9E37_79B9_7F4A_7C15, seed &* 31, 0xD1B5_4A32_D192_ED03))
    for _ in 0..<count {
        try body(generator.run(using: &rng))
    }
}
