import Foundation
import MarketData
import Testing
@testable import Strategy

@Suite(.serialized) struct RegimeEngineTests {
    let engine = RegimeEngine()

    func decide(_ text: String) throws -> RegimeDecision {
        let store = regimeSharedStore
        return try engine.decide(store: store, calendar: calendar(of: store), date: day(text))
    }

    @Test(arguments: [
        ("2018-02-05", Regime.stress), ("2018-02-06", .stress), ("2016-06-24", .stress), ("2016-06-27", .stress),
        ("2017-07-14", .calm), ("2017-11-03", .calm),
    ])
    func namedDays(_ date: String, _ expected: Regime) throws {
        let decision = try decide(date)
        #expect(decision.regime == expected, "\(describe(decision))")
    }

    @Test func everyDecisionListsAllTwelveVoters() throws {
        for date in ["2016-06-24", "2017-07-14", "2018-12-24", "2020-06-01"] {
            let decision = try decide(date)
            #expect(decision.readings.map(\.voter) == RegimeVoters.names)
            #expect(decision.participating == decision.readings.filter { $0.vote != .abstain }.count)
            let breadth = decision.readings.first { $0.voter == "breadth_macd" }!
            #expect(breadth.vote == .abstain, "no ADVDEC series is bundled")
            #expect(breadth.uses == ["ADVDEC"])
        }
        let in2018 = try decide("2018-06-01").readings.first { $0.voter == "dollar_trend" }!
        #expect(in2018.vote != .abstain)
        #expect(in2018.values["change"] != nil)
        // TWEXMMTH ends with 2019-12; by mid-2020 it is stale. SPX and VIX run to 2026-03-27 now,
        // so their voters take part.
        let after = try decide("2020-06-01")
        #expect(after.readings.first { $0.voter == "dollar_trend" }!.vote == .abstain)
        for name in ["vix_macd", "vix_rsi", "vix_term_structure", "spx_trend", "realized_vs_implied"] {
            #expect(after.readings.first { $0.voter == name }!.vote != .abstain, "\(name)")
        }
        #expect(after.readings.first { $0.voter == "credit_spread" }!.vote != .abstain)
    }

    @Test func deterministic() throws {
        let a = try decide("2018-02-06")
        let b = try decide("2018-02-06")
        #expect(a == b)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(try encoder.encode(a) == encoder.encode(b))
    }

    /// Deciding on a store that holds nothing after d gives the identical decision.
    @Test func noLookAhead() throws {
        let full = regimeSharedStore
        let fullCalendar = try calendar(of: full)
        let sessions = fullCalendar.sessions.filter { $0 >= day("2014-03-01") && $0 <= day("2018-12-31") }
        var random = SplitMix64(state: 20_140_101)
        var dates = (0..<20).map { _ in sessions[Int(random.next() % UInt64(sessions.count))] }
        dates.append(day("2018-02-05"))
        for d in dates {
            let cut = try truncatedStore(through: d)
            let cutCalendar = try calendar(of: cut)
            #expect(cutCalendar.lastSession == d)
            let expected = try engine.decide(store: full, calendar: fullCalendar, date: d)
            let actual = try engine.decide(store: cut, calendar: cutCalendar, date: d)
            #expect(actual == expected, "\(d):\n\(describe(expected))\nvs\n\(describe(actual))")
        }
    }
}
