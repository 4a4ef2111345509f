import MarketData
import Foundation
import Testing
@testable import Backtest

/// Cents: rounding half away from zero on the decimal as written, exact sums, formatting.
@Suite struct LedgerCentsTests {
    @Test func pointOnePlusPointTwoDollarsIsThirtyCents() {
        #expect(Cents(dollars: 0.1) + Cents(dollars: 0.2) == Cents(cents: 30))
        // The Double sum is 0.30000000000000004; it still converts to exactly 30¢.
        #expect(0.1 + 0.2 != 0.3)
        #expect(Cents(dollars: 0.1 + 0.2) == Cents(cents: 30))
    }

    @Test(arguments: [
        (0.125, 13), (-0.125, -13), (0.135, 14), (-0.135, -14),
        (1.005, 101), (-1.005, -101), (2.675, 268), (0.285, 29),
        (0.005, 1), (-0.005, -1), (0.0049, 0), (0.00999, 1), (1e-5, 0), (0, 0), (-0.0, 0),
        (1_234.56, 123_456), (123_456_789.125, 12_345_678_913), (1e10, 1_000_000_000_000),
    ] as [(Double, Int64)])
    func roundsHalfAwayFromZero(dollars: Double, cents: Int64) {
        #expect(Cents(dollars: dollars).cents == cents, "\(dollars)")
    }

    @Test func dollarsRoundTrip() {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<10_000 {
            let cents = Cents(cents: Int64.random(in: -1_000_000_000_000_000...1_000_000_000_000_000, using: &rng))  // ±$10 trillion
            #expect(Cents(dollars: cents.dollars) == cents)
        }
        #expect(Cents(cents: 123_456).dollars == 1_234.56)
    }

    @Test func sumsOfTenThousandAmountsAreExact() {
        var rng = SplitMix64(seed: 42)
        // Whole-cent amounts: Σ Cents equals Σ of the integer cents exactly.
        var integerCents: Int64 = 0
        var total = Cents.zero
        for _ in 0..<10_000 {
            let cents = Int64.random(in: -5_000_000...5_000_000, using: &rng)
            let dollars = Double(cents) / 100
            integerCents += cents
            total += Cents(dollars: dollars)
        }
        #expect(total == Cents(cents: integerCents))
        #expect(total.cents == integerCents)
        // Amounts with sub-cent parts: Σ Cents(dollars:) equals the sum of each part's own
        // rounded cents (computed here independently with Double rounding away from zero on
        // three-decimal amounts, which are exact as integers of mills).
        var partsCents: Int64 = 0
        var sum = Cents.zero
        var amounts: [Cents] = []
        for _ in 0..<10_000 {
            let mills = Int64.random(in: -10_000_000...10_000_000, using: &rng)  // tenths of a cent
            let dollars = Double(mills) / 1_000
            let rounded = mills >= 0 ? (mills + 5) / 10 : -((-mills + 5) / 10)
            partsCents += rounded
            let cents = Cents(dollars: dollars)
            #expect(cents.cents == rounded, "\(dollars)")
            sum += cents
            amounts.append(cents)
        }
        #expect(sum.cents == partsCents)
        #expect(amounts.sum() == sum)
        #expect(amounts.reversed().sum() == sum)  // order does not matter: integer addition
    }

    @Test func formatting() {
        #expect(Cents(cents: 123_456).description == "$1,234.56")
        #expect(Cents(cents: -123_456).description == "-$1,234.56")
        #expect(Cents(cents: 5).description == "$0.05")
        #expect(Cents(cents: -5).description == "-$0.05")
        #expect(Cents.zero.description == "$0.00")
        #expect(Cents(cents: 100).description == "$1.00")
        #expect(Cents(cents: 99_999).description == "$999.99")
        #expect(Cents(cents: 100_000).description == "$1,000.00")
        #expect(Cents(cents: 123_456_789_012).description == "$1,234,567,890.12")
        #expect(Cents(cents: .min).description == "-$92,233,720,368,547,758.08")
    }

    @Test func arithmeticAndOrder() {
        let a = Cents(cents: 250), b = Cents(cents: -75)
        #expect(a + b == Cents(cents: 175))
        #expect(a - b == Cents(cents: 325))
        #expect(-a == Cents(cents: -250))
        #expect(a * 3 == Cents(cents: 750))
        #expect(3 * b == Cents(cents: -225))
        #expect(b < .zero && .zero < a)
        #expect([a, b, .zero].sorted() == [b, .zero, a])
    }

    @Test func codableAsBareInteger() throws {
        let data = try JSONEncoder().encode([Cents(cents: -123_456), Cents(cents: 7)])
        #expect(String(decoding: data, as: UTF8.self) == "[-123456,7]")
        #expect(try JSONDecoder().decode([Cents].self, from: data) == [Cents(cents: -123_456), Cents(cents: 7)])
    }
}
