import PropertyBased
import Testing
@testable import MarketData

@Suite struct MarketDateTests {
    @Test func parsesBothLayoutsAndRejectsTheRest() {
        #expect(MarketDate(parsing: "2016-02-29")?.description == "2016-02-29")
        #expect(MarketDate(parsing: "2/29/2016") == MarketDate(parsing: "2016-02-29"))
        #expect(MarketDate(parsing: " 1/4/1999 ")?.description == "1999-01-04")
        for bad in ["2015-02-29", "2016-13-01", "2016-1-01", "1/4/99", "99999999999999999999-01-01", "2016/01/04", "", "2016-01-01x", "--"] {
            #expect(MarketDate(parsing: bad) == nil, "\(bad)")
        }
    }

    @Test func knownDayNumbersAndWeekdays() {
        #expect(MarketDate(year: 1970, month: 1, day: 1)!.dayNumber == 0)
        #expect(MarketDate(year: 2000, month: 3, day: 1)!.dayNumber == 11017)
        #expect(MarketDate(year: 1970, month: 1, day: 1)!.weekday == 4)  // Thursday
        #expect(MarketDate(year: 2018, month: 2, day: 5)!.weekday == 1)  // Monday
        #expect(MarketDate(year: 1969, month: 12, day: 31)!.dayNumber == -1)
    }

    /// Day number → components → day number is the identity (seeded, 1600-2400).
    @Test func componentsRoundTrip() {
        var rng = Xoshiro(seed: (1, 2, 3, 4))
        let days = Gen.int(in: -135_000...157_000)
        for _ in 0..<5000 {
            let date = MarketDate(dayNumber: days.run(using: &rng))
            let (y, m, d) = date.components
            #expect(MarketDate(year: y, month: m, day: d) == date)
            #expect(MarketDate(parsing: date.description) == date)
            #expect(date.adding(days: 1).weekday == date.weekday % 7 + 1)
        }
    }
}
