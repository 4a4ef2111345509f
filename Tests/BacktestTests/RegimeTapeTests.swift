import Foundation
import MarketData
import Strategy
import Testing
@testable import Backtest

/// The tape is the canonical regime path: on every session, the posture and the sessions held
/// are those of `RegimeEngine.replay` for that date (what `signal` reports), whether the tape's
/// windows replay serially or on all cores.
@Suite struct RegimeTapeTests {
    @Test func everySessionHasTheEnginesPostureAndRun() throws {
        let sqlite = try SimulatorTests.store.get()
        let calendar = try TradingCalendar(sessions: sqlite.sessions().map(\.date))
        let from = MarketDate(parsing: "2018-01-22")!
        let to = MarketDate(parsing: "2018-03-02")!
        let store = try MemoryMarketStore.load(sqlite, quoteDates: from...to)
        let sessions = try #require(calendar.sessions(from: from, through: to))
        // The standard rules, and a looser set that changes posture more often.
        let loose = RegimeRules(warmupSessions: 12, stressHoldVotes: 1, reliefVotes: 2, resolutionVotes: 1, resolutionPersistence: 2)
        var changes = 0
        for rules in [RegimeRules(), loose] {
            let engine = RegimeEngine(rules: rules)
            let tapes = try [false, true].map {
                try RegimeTape(rules: rules, sessions: sessions, store: store, calendar: calendar, parallel: $0)
            }
            for (index, date) in sessions.enumerated() {
                let path = try engine.replay(store: store, calendar: calendar, date: date).map(\.regime)
                let posture = path.last!
                let held = max(1, path.reversed().prefix { $0 == posture }.count)
                for tape in tapes {
                    #expect(tape.postures[index] == posture && tape.heldSessions[index] == held, "\(date): \(tape.postures[index]) \(tape.heldSessions[index]) against \(posture) \(held)")
                }
                if index > 0, posture != tapes[0].postures[index - 1] { changes += 1 }
            }
        }
        // The period (the February 2018 shock) must move the posture for this to test anything.
        #expect(changes >= 2, "\(changes) changes")
    }
}
