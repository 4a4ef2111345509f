import PropertyBased
import Testing

@testable import QuantCore

/// `Black76.validate(forward:strikes:time:rate:volatilities:)` checks what a strip's strikes
/// share once; it must throw exactly what validating each strike in order throws first (or
/// nothing when that passes), whatever is wrong and wherever.
@Suite("Black-76 strip validation")
struct Black76StripValidationTests {
    static let bad: [Double] = [.nan, .infinity, -.infinity, 0, -1, -0.0]

    /// The reference: every strike through the single-option check, in order.
    static func oneByOne(forward: Double, strikes: [Double], time: Double, rate: Double, volatilities: [Double]) -> PricingError? {
        for (strike, volatility) in zip(strikes, volatilities) {
            do {
                try Black76.validate(forward: forward, strike: strike, time: time, rate: rate, volatility: volatility)
            } catch {
                return error
            }
        }
        return nil
    }

    @Test func throwsWhatTheStrikesCheckedOneByOneThrowFirst() {
        var rng = Xoshiro(seed: (17, 0x9E37_79B9_7F4A_7C15, 17 &* 31, 0xD1B5_4A32_D192_ED03))
        var failures = 0
        for _ in 0..<4000 {
            let count = Int.random(in: 0...12, using: &rng)
            var forward = Double.random(in: 5...80, using: &rng)
            var time = Double.random(in: 0...2, using: &rng)
            var rate = Double.random(in: -0.02...0.08, using: &rng)
            var strikes = (0..<count).map { _ in Double.random(in: 1...200, using: &rng) }
            var volatilities = (0..<count).map { _ in Double.random(in: 0...3, using: &rng) }
            // Spoil up to three inputs, shared or per strike, at random.
            for _ in 0..<Int.random(in: 0...3, using: &rng) {
                let value = Self.bad.randomElement(using: &rng)!
                switch Int.random(in: 0..<6, using: &rng) {
                case 0: forward = value
                case 1: time = value
                case 2: rate = value.isFinite ? 1e5 : value  // |rT| beyond 700 when T is not tiny
                case 3 where count > 0: strikes[Int.random(in: 0..<count, using: &rng)] = value
                case 4 where count > 0: volatilities[Int.random(in: 0..<count, using: &rng)] = value
                default: break
                }
            }
            let expected = Self.oneByOne(forward: forward, strikes: strikes, time: time, rate: rate, volatilities: volatilities)
            var actual: PricingError?
            do {
                try Black76.validate(forward: forward, strikes: strikes, time: time, rate: rate, volatilities: volatilities)
            } catch {
                actual = error
            }
            #expect(actual == expected, "F \(forward) T \(time) r \(rate) K \(strikes) σ \(volatilities)")
            if expected != nil { failures += 1 }
        }
        // Both outcomes must be common for the comparison to mean anything.
        #expect(failures > 1000 && failures < 3500, "\(failures) failing strips of 4000")
    }

    @Test func strikesAndVolatilitiesOfDifferentLengthsAreRefused() {
        #expect(throws: PricingError.mismatchedLengths("strikes 2, sigmas 1")) {
            try Black76.validate(forward: 20, strikes: [10, 20], time: 0.1, rate: 0.01, volatilities: [0.8])
        }
    }
}
