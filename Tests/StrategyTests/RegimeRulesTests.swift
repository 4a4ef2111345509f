import Foundation
import Testing
@testable import Strategy

@Suite struct RegimeRulesTests {
    @Test func defaultsAreValid() throws {
        try RegimeRules().validate()
        #expect(RegimeRules.voterCount == 12)
    }

    @Test func snakeCaseKeys() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let text = String(decoding: try encoder.encode(RegimeRules()), as: UTF8.self)
        #expect(text.contains("\"stress_votes\":3"))
        #expect(text.contains("\"resolution_persistence\":5"))
        #expect(text.contains("\"breadth_symbol\":\"ADVDEC\""))
        let back = try JSONDecoder().decode(RegimeRules.self, from: Data(text.utf8))
        #expect(back == RegimeRules())
    }

    private func field(of rules: RegimeRules) -> String? {
        do {
            try rules.validate()
            return nil
        } catch {
            return error.field
        }
    }

    @Test func badRulesNameTheField() {
        var rules = RegimeRules()
        rules.stressVotes = 13  // k > n (12 voters)
        #expect(field(of: rules) == "regime.stress_votes")
        rules = RegimeRules()
        rules.stressHoldVotes = 4  // above stress_votes
        #expect(field(of: rules) == "regime.stress_hold_votes")
        rules = RegimeRules()
        rules.calmVotes = 0
        #expect(field(of: rules) == "regime.calm_votes")
        rules = RegimeRules()
        rules.historyDays = -1  // negative lookback
        #expect(field(of: rules) == "regime.history_days")
        rules = RegimeRules()
        rules.reliefLookbackSessions = 0
        #expect(field(of: rules) == "regime.relief_lookback_sessions")
        rules = RegimeRules()
        rules.vixElevated = .nan  // NaN threshold
        #expect(field(of: rules) == "regime.vix_elevated")
        rules = RegimeRules()
        rules.termStressContango = .infinity
        #expect(field(of: rules) == "regime.term_stress_contango")
        rules = RegimeRules()
        rules.vixRsiRelief = 80
        #expect(field(of: rules) == "regime.vix_rsi_relief")
        rules = RegimeRules()
        rules.macdFast = 30
        #expect(field(of: rules) == "regime.macd_fast")
        rules = RegimeRules()
        rules.breadthSymbol = ""
        #expect(field(of: rules) == "regime.breadth_symbol")
    }

    @Test func engineRejectsBadRules() throws {
        var rules = RegimeRules()
        rules.minimumParticipants = 20
        let store = regimeSharedStore
        let calendar = try calendar(of: store)
        #expect(throws: RulesetError.self) {
            try RegimeEngine(rules: rules).decide(store: store, calendar: calendar, date: day("2017-07-14"))
        }
    }
}
