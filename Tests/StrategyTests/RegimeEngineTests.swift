import Foundation
import MarketData
import Testing
import VolModels
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
        // TWEXMMTH ends with 2019-12; by mid-2020 it is stale and DTWEXBGS takes over. SPX and
        // VIX run to 2026-03-27 now, so their voters take part.
        let after = try decide("2020-06-01")
        #expect(after.readings.first { $0.voter == "dollar_trend" }!.vote != .abstain)
        for name in ["vix_macd", "vix_rsi", "vix_term_structure", "spx_trend", "realized_vs_implied"] {
            #expect(after.readings.first { $0.voter == name }!.vote != .abstain, "\(name)")
        }
        #expect(after.readings.first { $0.voter == "credit_spread" }!.vote != .abstain)
    }

    /// The fallbacks that keep every macro voter covered through 2026, against hand
    /// computations from the bundled FRED files (Data/rates, Data/macro).
    @Test func votersFallBackToTheSeriesThatContinue() throws {
        // 2024-08-05: BAA ended 2022-09. DGS2 − DFF as known at the close (1-day publication lag):
        // 2024-08-02: 3.88 − 5.33 = −1.45; 30 days earlier, 2024-07-03: 4.71 − 5.33 = −0.62;
        // change −0.83 ≤ −0.50: stress.
        let credit = try decide("2024-08-05").readings.first { $0.voter == "credit_spread" }!
        #expect(credit.vote == .stress, "\(credit.reason)")
        #expect(abs(credit.values["short_rate_differential"]! - -1.45) <= 1e-12)
        #expect(abs(credit.values["change"]! - -0.83) <= 1e-12)
        #expect(credit.reason.contains("BAA − GS10 unavailable"))
        // 2020-06-01: TWEXMMTH's last period (2019-12) is stale. DTWEXBGS (7-day lag): last
        // value 2020-05-22 122.3211 (05-25 a holiday); 3 months before, the last value on or
        // before 2020-02-22 is 2020-02-21 117.0473; change 122.3211/117.0473 − 1 = 4.506% ≥ 3%.
        let dollar = try decide("2020-06-01").readings.first { $0.voter == "dollar_trend" }!
        #expect(dollar.vote == .stress, "\(dollar.reason)")
        #expect(abs(dollar.values["change"]! - (122.3211 / 117.0473 - 1)) <= 1e-12)
        #expect(dollar.reason.contains("DTWEXBGS 2020-05-22"))
        // Before the bundled FOMC calendar (2014-01-29) the headline voter abstains instead of
        // reading "no FOMC in the window" as calm; inside it, a day without one is calm.
        let early = try decide("2010-05-20").readings.first { $0.voter == "headline_relief" }!
        #expect(early.vote == .abstain && early.reason.contains("does not cover"))
        let quiet = try decide("2018-06-01").readings.first { $0.voter == "headline_relief" }!
        #expect(quiet.vote == .calm)
    }

    /// The term-structure voter reads its VIX through the futures model: a VIX the model cannot
    /// take is an abstention, but an error of the model itself stops the run (it used to be
    /// swallowed into an abstention). Rules whose near term is not before the far one, which
    /// `validate` refuses, reach it.
    @Test func termStructureVoterStopsOnAModelError() throws {
        let store = regimeSharedStore
        var rules = RegimeRules()
        rules.termNearDays = 91
        rules.termFarDays = 30
        let input = VoterInput(store: store, calendar: try calendar(of: store), date: day("2018-02-05"), rules: rules)
        do {
            let reading = try VIXTermStructureVoter().read(input)
            Issue.record("expected the futures model's error, got \(reading)")
        } catch {
            guard case .expiriesOutOfOrder = error as? VIXModelError else {
                Issue.record("expected VIXModelError.expiriesOutOfOrder, got \(error)")
                return
            }
        }
        let standard = VoterInput(store: store, calendar: try calendar(of: store), date: day("2018-02-05"), rules: RegimeRules())
        #expect(try VIXTermStructureVoter().read(standard).vote == .stress)
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
