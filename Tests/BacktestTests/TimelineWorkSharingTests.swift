import Foundation
import MarketData
@testable import Strategy
import Testing
import VolModels

@testable import Backtest

/// Work a comparison spreads over its two cores changes no number: a session's VIX sheet is
/// built on first read (on either core, or ahead of the strategy by `prepareSessions`) and is
/// the sheet built with the day; SPX chains are kept only for runs that share them; the
/// strategy's component summaries computed on all cores equal the serial ones.
@Suite(.serialized) struct TimelineWorkSharingTests {
    static let from = MarketDate(parsing: "2016-11-01")!
    static let to = MarketDate(parsing: "2017-01-31")!

    /// A sheet's numbers as bit patterns (dates as day numbers): equal sheets, to the bit.
    static func bits(_ sheet: VIXQuoteSheet) -> [UInt64] {
        [UInt64(sheet.date.dayNumber), sheet.underlyingLevel.bitPattern]
            + sheet.expiries.flatMap { e in
                [UInt64(e.expiry.dayNumber), e.years.bitPattern, e.rate.bitPattern, e.forward.bitPattern] + e.strikes.map(\.bitPattern)
                    + e.volatilities.map(\.bitPattern)
            }
    }

    /// A chain's numbers as bit patterns: strikes and every quote field.
    static func bits(_ chain: SyntheticChain) -> [UInt64] {
        chain.expiries.flatMap { e in
            e.strikes.map(\.bitPattern)
                + (e.calls + e.puts).flatMap { q in
                    [q.bid, q.ask, q.mid, q.impliedVolatility, q.valuation.price, q.valuation.delta, q.valuation.gamma, q.valuation.vega,
                     q.valuation.theta, q.valuation.rho].map(\.bitPattern)
                }
        }
    }

    static func timeline(parallel: Bool = true) throws -> MarketTimeline {
        let store = try SimulatorTests.store.get()
        let calendar = try TradingCalendar(sessions: store.sessions().map(\.date))
        return try MarketTimeline(store: store, calendar: calendar, from: from, to: to, parallel: parallel)
    }

    @Test func vixSheetsAreBuiltOnFirstReadAndEqualTheSheetBuiltWithTheDay() throws {
        let timeline = try Self.timeline()
        #expect(timeline.days.allSatisfy { !$0.hasBuiltVIXSheet })
        timeline.prepareSessions()
        #expect(timeline.days.allSatisfy { $0.hasBuiltVIXSheet && $0.hedgeMemo.answers == 0 })
        // Each equals the sheet of a VIX complex calibrated afresh from the day's inputs.
        for day in timeline.days {
            let fresh = try VIXChainGenerator.sheet(inputs: day.inputs, calendar: timeline.calendar, parameters: timeline.parameters)
            #expect(Self.bits(try day.vixChain.get()) == Self.bits(fresh))
        }
        // A failed VIX complex is kept as the sheet's failure, as when the sheet was built with the day.
        struct Failed: Error, Equatable {}
        let first = timeline.days[0]
        let failed = MarketDay(
            inputs: first.inputs, model: first.model, vixComplex: .failure(Failed()), calendar: timeline.calendar, parameters: timeline.parameters)
        #expect(!failed.hasBuiltVIXSheet)
        #expect(throws: Failed.self) { try failed.vixChain.get() }
    }

    /// The comparison is the same report whether the sheets were built and the hedge planner's
    /// questions answered before it or ahead of its strategy on the other core (racing it), and
    /// a run whose own reads build every sheet and answer every question (no comparison, nothing
    /// prepared) is the same run as on prepared sessions.
    @Test func runsAreTheSameWhoeverBuildsTheSheets() throws {
        let prepared = try Self.timeline()
        prepared.prepareSessions(hedge: Ruleset.standard.hedge)
        // Both of the hedge planner's questions are answered for every session before it runs ...
        #expect(prepared.days.allSatisfy { $0.hedgeMemo.answers == 2 })
        let reference = try BacktestComparison.compare(timeline: prepared)
        // ... and it asks no other (a question asked differently would be a third answer).
        #expect(prepared.days.allSatisfy { $0.hedgeMemo.answers == 2 })
        for timeline in [try Self.timeline(), try Self.timeline(parallel: false)] {
            let result = try BacktestComparison.compare(timeline: timeline)
            #expect(result.strategy.ledger.entries == reference.strategy.ledger.entries)
            #expect(try StableJSON.encode(result.report) == StableJSON.encode(reference.report))
        }
        #expect(reference.strategy.days.contains { !$0.orders.isEmpty })
        let configuration = BacktestConfiguration(from: Self.from, to: Self.to)
        let unprepared = try Self.timeline()
        let alone = try Simulator.run(timeline: unprepared, configuration: configuration)
        #expect(unprepared.days.allSatisfy { $0.hasBuiltVIXSheet })
        let onPrepared = try Simulator.run(timeline: prepared, configuration: configuration)
        #expect(try StableJSON.encode(alone.days) == StableJSON.encode(onPrepared.days))
        #expect(try StableJSON.encode(alone.trades) == StableJSON.encode(onPrepared.trades) && alone.rejections == onPrepared.rejections)
        #expect(alone.ledger.entries == onPrepared.ledger.entries)
        // The planner, unprepared, asked both of `prepare`'s questions on every session: it
        // answers none the planner does not need.
        #expect(unprepared.days.allSatisfy { $0.hedgeMemo.answers == 2 })
    }

    /// Rules the planner refuses are refused before either core starts (the replicas' core
    /// prepares the sessions with them), with the strategy's error.
    @Test func invalidRulesAreRefusedBeforeTheRuns() throws {
        let timeline = try Self.timeline()
        var rules = Ruleset.standard
        rules.hedge.cheapPercentile = .nan
        var expected: RulesetError?
        do { try rules.validate() } catch { expected = error }
        var thrown: (any Error)?
        do { _ = try BacktestComparison.compare(timeline: timeline, ruleset: rules) } catch { thrown = error }
        #expect(expected != nil && (thrown as? RulesetError) == expected)
        // Refused before either core started: no sheet was built, no question asked.
        #expect(timeline.days.allSatisfy { !$0.hasBuiltVIXSheet && $0.hedgeMemo.answers == 0 })
        // And the memo asks nothing of rules the planner refuses: a percentile outside [0, 1]
        // (NaN, above, below) or a lookback below 1.
        let day = timeline.days[0]
        for (percentile, lookback) in [(Double.nan, 252), (1.5, 252), (-0.1, 252), (0.3, 0)] {
            rules.hedge.cheapPercentile = percentile
            rules.hedge.cheapLookback = lookback
            day.hedgeMemo.prepare(vixHistory: day.inputs.vixComplex.recentVIX, rules: rules.hedge)
        }
        #expect(day.hedgeMemo.answers == 0)
    }

    @Test func spxChainsAreKeptOnlyForRunsThatShareThem() throws {
        let timeline = try Self.timeline()
        let expiry = try CondorPlanner(rules: Ruleset.standard.condor).selectExpiry(timeline.days[3].model.expiryDates, on: timeline.sessions[3])
        let first = timeline.spxChain(3, expiry: expiry)
        #expect(timeline.keptSPXChains == 0)
        timeline.shareSPXChains()
        let kept = timeline.spxChain(3, expiry: expiry)
        #expect(timeline.keptSPXChains == 1)
        #expect(Self.bits(kept) == Self.bits(first) && !Self.bits(kept).isEmpty)
        #expect(Self.bits(timeline.spxChain(3, expiry: expiry)) == Self.bits(kept) && timeline.keptSPXChains == 1)
    }

    @Test func componentSummariesOnAllCoresEqualTheSerialOnes() throws {
        let timeline = try Self.timeline()
        let run = try Simulator.run(timeline: timeline, configuration: BacktestConfiguration(from: Self.from, to: Self.to))
        let trades = run.trades.map { ClosedTrade(entryDay: $0.opened.dayNumber, exitDay: $0.closed.dayNumber, pnl: $0.pnl) }
        let summaries = try [false, true].map { parallel in
            try BacktestComparison.summary(
                ("strategy", "ALVH strategy"), ledger: run.ledger, dates: run.days.map(\.date), equity: run.days.map(\.equity), trades: trades,
                attribution: run.attribution, rejections: run.rejections, parallel: parallel)
        }
        #expect(try StableJSON.encode(summaries[0]) == StableJSON.encode(summaries[1]))
        #expect(summaries[0].components.count >= 3)
    }
}
