import Foundation
import MarketData
import Strategy
import Testing
@testable import Backtest

/// One decision engine: on 20 seeded sessions, the orders `signal --book` places on D for the
/// book the backtest exported at the close of the session before D equal the backtest's own
/// orders of D (symbol, side, quantity exactly; limit prices to 1e-12 relative, i.e. the same
/// numbers), and so do the day's refusals and closing equity.
@Suite(.serialized) struct DecisionParityTests {
    @Test func signalOnAnExportedBookPlacesTheBacktestsOrders() throws {
        let store = try SimulatorTests.store.get()
        let calendar = try TradingCalendar(sessions: store.sessions().map(\.date))
        let from = MarketDate(year: 2015, month: 6, day: 1)!, to = MarketDate(year: 2016, month: 3, day: 31)!
        let timeline = try MarketTimeline(store: store, calendar: calendar, from: from, to: to)
        var rng: UInt64 = 0x5EED_0012
        var picks = Set<Int>()
        while picks.count < 20 {
            rng = rng &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            picks.insert(1 + Int((rng >> 33) % UInt64(timeline.sessions.count - 1)))
        }
        let dates = picks.sorted().map { timeline.sessions[$0] }
        let previous = Set(picks.map { timeline.sessions[$0 - 1] })
        let configuration = BacktestConfiguration(from: from, to: to, ruleset: .standard, hedge: .alvh, models: timeline.parameters)
        let run = try Simulator.run(timeline: timeline, configuration: configuration, booksAt: previous)
        var withOrders = 0
        for (date, index) in zip(dates, picks.sorted()) {
            let csv = try #require(run.books[timeline.sessions[index - 1]])
            let book = try BookImporter(asOf: timeline.sessions[index - 1], calendar: calendar).parse(Array(csv.utf8), file: "book.csv")
            let decided = try DecisionEngine.decide(store: store, calendar: calendar, date: date, book: book, ruleset: .standard)
            let expected = run.days[index]
            #expect(decided.regime == expected.regime, "\(date)")
            #expect(decided.orders.count == expected.orders.count, "\(date): \(decided.orders) vs \(expected.orders)")
            for (a, b) in zip(decided.orders, expected.orders) {
                #expect(a.symbol == b.symbol && a.side == b.side && a.quantity == b.quantity && a.layer == b.layer, "\(date): \(a) vs \(b)")
                #expect(abs(a.limit - b.limit) <= 1e-12 * max(1, abs(b.limit)), "\(date): \(a.limit) vs \(b.limit)")
            }
            let refusedThatDay = run.rejections.filter { $0.date == date }
            #expect(decided.rejections == refusedThatDay, "\(date)")
            // Equity to the cent: both are ledger cents shown in dollars.
            #expect(Cents(dollars: decided.equity) == Cents(dollars: expected.equity), "\(date): equity \(decided.equity) vs \(expected.equity)")
            if !expected.orders.isEmpty { withOrders += 1 }
        }
        // The sample must exercise the engine, not only quiet days.
        #expect(withOrders >= 5, "only \(withOrders) of 20 dates had orders")
        print("decision parity: \(dates.count) dates, \(withOrders) with orders")
    }
}
