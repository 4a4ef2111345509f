import Foundation
import MarketData
import Strategy
import Testing
import VolModels
@testable import Backtest

/// A prepared timeline changes no number: runs on it (built serially or on all cores, from the
/// SQLite store or its in-memory copy) equal runs that read the store session by session.
@Suite(.serialized) struct MarketTimelineTests {
    static let from = MarketDate(parsing: "2018-01-02")!
    static let to = MarketDate(parsing: "2018-03-29")!

    /// A sweep's variants skip the greeks attribution: every day, trade, journal entry and
    /// refusal is the same as with it, and only the attribution is left empty.
    @Test func runsWithoutGreeksAttributionTradeTheSame() throws {
        let sqlite = try SimulatorTests.store.get()
        let calendar = try TradingCalendar(sessions: sqlite.sessions().map(\.date))
        let timeline = try MarketTimeline(store: sqlite, calendar: calendar, from: Self.from, to: Self.to)
        let full = try Simulator.run(timeline: timeline, configuration: BacktestConfiguration(from: Self.from, to: Self.to))
        var configuration = BacktestConfiguration(from: Self.from, to: Self.to)
        configuration.attributeGreeks = false
        let lean = try Simulator.run(timeline: timeline, configuration: configuration)
        #expect(lean.days == full.days && lean.trades == full.trades && lean.rejections == full.rejections)
        #expect(lean.ledger.entries == full.ledger.entries)
        #expect(!full.trades.isEmpty && full.attribution != GreeksAttribution())
        #expect(abs(lean.attribution.total - lean.attribution.costs) < 1e-9)
    }

    @Test func sharedTimelinesReproduceStandaloneRuns() throws {
        let sqlite = try SimulatorTests.store.get()
        let calendar = try TradingCalendar(sessions: sqlite.sessions().map(\.date))
        let memory = try MemoryMarketStore.load(sqlite, quoteDates: Self.from...Self.to)
        let serial = try MarketTimeline(store: memory, calendar: calendar, from: Self.from, to: Self.to, parallel: false)
        let parallel = try MarketTimeline(store: sqlite, calendar: calendar, from: Self.from, to: Self.to, parallel: true)
        #expect(serial.sessions == parallel.sessions)
        for hedge in HedgeMode.allCases {
            let configuration = BacktestConfiguration(from: Self.from, to: Self.to, hedge: hedge)
            let alone = try Simulator.run(store: sqlite, calendar: calendar, configuration: configuration)
            for timeline in [serial, parallel] {
                let shared = try Simulator.run(timeline: timeline, configuration: configuration)
                #expect(shared.days == alone.days, "\(hedge)")
                #expect(shared.trades == alone.trades, "\(hedge)")
                let entries = (shared.ledger.entries, alone.ledger.entries)
                let firstDifference = entries.0.indices.first { $0 >= entries.1.count || entries.0[$0] != entries.1[$0] }
                #expect(entries.0.count == entries.1.count && firstDifference == nil, "\(hedge): journals differ at \(String(describing: firstDifference))")
                #expect(shared.rejections == alone.rejections, "\(hedge)")
                #expect(shared.finalRiskGraph == alone.finalRiskGraph, "\(hedge)")
            }
        }
        // VIX calls priced once for many runs (a sweep, a frontier) change no number either.
        let configuration = BacktestConfiguration(from: Self.from, to: Self.to, hedge: .alvh)
        let unshared = try Simulator.run(timeline: serial, configuration: configuration)
        try serial.shareVIXQuotes()
        for index in serial.sessions.indices {
            let priced = try serial.vixChain(index).get()
            let sheet = try serial.days[index].vixChain.get()
            #expect(priced == sheet)
            for (a, b) in zip(priced.expiries, sheet.expiries) {
                #expect(a.calls == b.calls && a.strikes.indices.allSatisfy { a.call(at: $0) == b.call(at: $0) })
            }
        }
        let shared = try Simulator.run(timeline: serial, configuration: configuration)
        #expect(shared.days == unshared.days && shared.trades == unshared.trades && shared.ledger.entries == unshared.ledger.entries)
        #expect(shared.days.contains { !$0.orders.isEmpty }, "the period must trade hedges for this to test anything")
        // The regime path is built once per distinct regime rules.
        var rules = Ruleset.standard
        rules.regime.stressVotes += 1
        let tape = try serial.regimeTape(rules.regime)
        #expect(tape.rules == rules.regime)
        #expect(try serial.regimeTape(Ruleset.standard.regime).rules == Ruleset.standard.regime)
    }

    @Test func aConfigurationForOtherDatesOrModelsIsRefused() throws {
        let sqlite = try SimulatorTests.store.get()
        let calendar = try TradingCalendar(sessions: sqlite.sessions().map(\.date))
        let timeline = try MarketTimeline(store: sqlite, calendar: calendar, from: Self.from, to: MarketDate(parsing: "2018-01-31")!)
        #expect(throws: BacktestError.self) {
            try Simulator.run(timeline: timeline, configuration: BacktestConfiguration(from: Self.from, to: Self.to))
        }
        var models = ChainModelParameters()
        models.events.fomc *= 2
        #expect(throws: BacktestError.self) {
            try Simulator.run(
                timeline: timeline, configuration: BacktestConfiguration(from: Self.from, to: MarketDate(parsing: "2018-01-31")!, models: models))
        }
    }

    /// The comparison and the sweep run on a timeline built with other model parameters (they
    /// take the timeline's parameters, not the defaults).
    @Test func comparisonAndSweepUseTheTimelinesModels() throws {
        let sqlite = try SimulatorTests.store.get()
        let calendar = try TradingCalendar(sessions: sqlite.sessions().map(\.date))
        var models = ChainModelParameters()
        models.events.fomc *= 2
        let to = MarketDate(parsing: "2018-01-31")!
        let timeline = try MarketTimeline(store: sqlite, calendar: calendar, from: Self.from, to: to, parameters: models)
        let result = try BacktestComparison.compare(timeline: timeline)
        #expect(result.equityCurves.count == 4 && result.report.days.count == timeline.sessions.count)
        #expect(result.cndr.equity.count == timeline.sessions.count && result.vxth.equity.count == timeline.sessions.count)
        let grid = try SweepGrid.load(toml: "\"condor.short_delta\" = [0.16, 0.18]\n", file: "g.toml", base: .standard)
        #expect(try Sweep.run(grid: grid, timeline: timeline).rows.count == 2)
    }
}
