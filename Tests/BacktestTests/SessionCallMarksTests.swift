import MarketData
import Testing

@testable import Backtest

/// The session's shared VIX call prices: a price is computed once per (expiry, strike) and
/// returned as computed; a failure is not kept.
@Suite struct SessionCallMarksTests {
    struct Failure: Error {}

    @Test func computesOncePerKeyAndKeepsNoFailure() throws {
        let marks = SessionCallMarks()
        let expiry = MarketDate(parsing: "2018-03-21")!
        var calls = 0
        let first = marks.price(expiry: expiry, strike: 20) { calls += 1; return 1.2345678901234567 }
        let again = marks.price(expiry: expiry, strike: 20) { calls += 1; return 9 }
        #expect(first.bitPattern == (1.2345678901234567).bitPattern && again.bitPattern == first.bitPattern && calls == 1)
        // Another strike (20 vs 20.000000000000004) and another expiry are other keys.
        #expect(marks.price(expiry: expiry, strike: 20.000000000000004) { 2 } == 2)
        #expect(marks.price(expiry: expiry.adding(days: 28), strike: 20) { 3 } == 3)
        #expect(throws: Failure.self) { try marks.price(expiry: expiry, strike: 25) { throw Failure() } }
        #expect(marks.price(expiry: expiry, strike: 25) { 4 } == 4)
    }
}
