import Foundation
import MarketData
import Strategy
import Testing
@testable import Backtest

/// The hedge frontier on October 2017 – March 2018 (a FOMC seed, the February 2018 episode).
@Suite(.serialized) struct HedgeFrontierTests {
    static let window = (from: MarketDate(year: 2017, month: 10, day: 2)!, to: MarketDate(year: 2018, month: 3, day: 29)!)

    static let frontier = Result { () throws -> (HedgeFrontier.Report, MarketTimeline) in
        let store = try SimulatorTests.store.get()
        let calendar = try TradingCalendar(sessions: store.sessions().map(\.date))
        let timeline = try MarketTimeline(store: store, calendar: calendar, from: window.from, to: window.to)
        return (try HedgeFrontier.run(timeline: timeline, ruleset: .standard), timeline)
    }

    /// The zero point of each layer is, to the cent, the run of a ruleset that sets that
    /// layer's budget to zero, and the default point is the plain run.
    @Test(arguments: FrontierLayer.allCases) func zeroPointIsTheRunWithoutTheLayer(_ layer: FrontierLayer) throws {
        let (report, timeline) = try Self.frontier.get()
        var ruleset = Ruleset.standard
        switch layer {
        case .futures: ruleset.hedge.hedgeRatio = 0
        case .eventSeed: ruleset.hedge.preEventOfRisk = 0
        case .longDated: (ruleset.hedge.layer2BudgetOfRisk, ruleset.hedge.layer2TrancheOfRisk) = (0, 0)
        case .ladder: ruleset.hedge.layer3BudgetOfRisk = 0
        }
        let configuration = BacktestConfiguration(from: timeline.from, to: timeline.to, ruleset: ruleset, hedge: .alvh, models: timeline.parameters)
        let run = try Simulator.run(timeline: timeline, configuration: configuration)
        let zero = try #require(report.points.first { $0.layer == layer.rawValue && $0.scale == 0 })
        #expect(Cents(dollars: zero.finalEquity) == Cents(dollars: run.days.last!.equity))
        #expect(Cents(dollars: zero.layerPnL) == run.ledger.componentPnL(layer.component))
        #expect(Cents(dollars: zero.premiumSpent) == .zero, "no premium at zero: \(zero.premiumSpent)")
        #expect(zero.settings.values.allSatisfy { $0.magnitude < 1e-300 })
    }

    @Test func defaultPointIsThePlainRunAndEveryLineHasSixPoints() throws {
        let (report, timeline) = try Self.frontier.get()
        // Deterministic: the parallel runs give the same report again.
        #expect(try HedgeFrontier.run(timeline: timeline, ruleset: .standard) == report)
        let configuration = BacktestConfiguration(from: timeline.from, to: timeline.to, ruleset: .standard, hedge: .alvh, models: timeline.parameters)
        let run = try Simulator.run(timeline: timeline, configuration: configuration)
        for layer in FrontierLayer.allCases {
            let line = report.points.filter { $0.layer == layer.rawValue }
            #expect(line.compactMap(\.scale) == HedgeFrontier.scales)
            let one = try #require(line.first { $0.scale == 1 })
            #expect(Cents(dollars: one.finalEquity) == Cents(dollars: run.days.last!.equity))
        }
        // The ladder buys: more budget, more premium.
        let ladder = report.points.filter { $0.layer == FrontierLayer.ladder.rawValue }
        #expect(ladder[3].premiumSpent > 0 && ladder[5].premiumSpent >= ladder[3].premiumSpent)
        #expect(report.points.contains { $0.worstEpisode == "2018-02" })
        #expect(report.brake.map(\.brake) == ["all_time", "year", "off"])
    }

    /// A multiple past its key's domain is left out and listed, not a failure of the frontier.
    @Test func aPointOutsideItsDomainIsLeftOutAndSaid() throws {
        let (_, timeline) = try Self.frontier.get()
        var ruleset = Ruleset.standard
        ruleset.hedge.hedgeRatio = 1.5  // × 1.5 and × 2 exceed the domain [0, 2]
        let report = try HedgeFrontier.run(timeline: timeline, ruleset: ruleset)
        #expect(report.points.filter { $0.layer == FrontierLayer.futures.rawValue }.compactMap(\.scale) == [0, 0.25, 0.5, 1])
        #expect(report.skipped.count == 2 && report.skipped.allSatisfy { $0.contains("hedge.hedge_ratio") })
    }

    /// Each layer's summary is the default point against the zero point, per premium dollar.
    @Test func layerSummariesCompareDefaultWithZero() throws {
        let (report, _) = try Self.frontier.get()
        #expect(report.layers.count == FrontierLayer.allCases.count)
        for summary in report.layers {
            let zero = try #require(report.points.first { $0.layer == summary.layer && $0.scale == 0 })
            let one = try #require(report.points.first { $0.layer == summary.layer && $0.scale == 1 })
            let cut = (zero.maxDrawdown ?? 0) - (one.maxDrawdown ?? 0)
            #expect(abs((summary.drawdownReduction ?? .nan) - cut) < 1e-15)
            #expect(summary.paysForItself == ((one.cagr ?? 0) > (zero.cagr ?? 0)))
            if summary.layer == FrontierLayer.futures.rawValue {
                #expect(summary.drawdownPerPremiumDollar == nil, "futures pay no premium")
            } else if one.premiumSpent > 0 {
                let perDollar = try #require(summary.drawdownPerPremiumDollar)
                #expect(abs(perDollar - cut * Ruleset.standard.capital / one.premiumSpent) < 1e-9)
            }
        }
    }

    /// The brake rows: `off` never blocks a line, so it cannot refuse more than the braked runs;
    /// the year reference measures from a peak in the current year.
    @Test func brakeRowsDifferOnlyInTheBrake() throws {
        let (report, _) = try Self.frontier.get()
        let rows = Dictionary(uniqueKeysWithValues: report.brake.map { ($0.brake ?? "", $0) })
        let year = try #require(rows["year"]), base = try #require(report.points.first { $0.scale == 1 })
        #expect(Cents(dollars: year.finalEquity) == Cents(dollars: base.finalEquity), "the default reference is year")
        #expect(try #require(rows["off"]).settings["risk.drawdown_brake"] == 1)
    }
}

/// The drawdown brake's reference: a `year` book measures from this year's peak, and the
/// decision engine on a book exported across the new year places the backtest's orders.
@Suite(.serialized) struct DrawdownReferenceTests {
    @Test func yearReferenceResetsThePeakAndKeepsParity() throws {
        let store = try SimulatorTests.store.get()
        let calendar = try TradingCalendar(sessions: store.sessions().map(\.date))
        let from = MarketDate(year: 2017, month: 10, day: 2)!, to = MarketDate(year: 2018, month: 1, day: 31)!
        let timeline = try MarketTimeline(store: store, calendar: calendar, from: from, to: to)
        let last2017 = MarketDate(year: 2017, month: 12, day: 29)!, first2018 = MarketDate(year: 2018, month: 1, day: 2)!
        func run(_ reference: DrawdownReference) throws -> (BacktestRun, Ruleset) {
            var ruleset = Ruleset.standard
            ruleset.risk.drawdownReference = reference
            ruleset.risk.drawdownBrake = 0.001  // so the brake is engaged most days and the reference matters
            let configuration = BacktestConfiguration(from: from, to: to, ruleset: ruleset, hedge: .alvh, models: timeline.parameters)
            return (try Simulator.run(timeline: timeline, configuration: configuration, booksAt: [last2017, first2018]), ruleset)
        }
        func peak(_ csv: String) throws -> (date: MarketDate, equity: Double) {
            let line = try #require(csv.split(separator: "\n").first { $0.contains(",PEAK,") })
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            return (try #require(MarketDate(parsing: String(fields[0]))), try #require(Double(fields[3])))
        }
        let (yearRun, yearRules) = try run(.year)
        let (allTimeRun, _) = try run(.allTime)
        let yearPeak = try peak(try #require(yearRun.books[first2018]))
        let allTimePeak = try peak(try #require(allTimeRun.books[first2018]))
        #expect(yearPeak.date.year == 2018, "the year's first mark is the new reference: \(yearPeak)")
        #expect(allTimePeak.date <= first2018)
        #expect(allTimePeak.date.year == 2017 || allTimePeak.date == first2018)

        // Parity across the reset: the book at the last close of 2017, decided on 2018-01-02.
        let csv = try #require(yearRun.books[last2017])
        let book = try BookImporter(asOf: last2017, calendar: calendar).parse(Array(csv.utf8), file: "book.csv")
        let decided = try DecisionEngine.decide(store: store, calendar: calendar, date: first2018, book: book, ruleset: yearRules)
        let index = try #require(yearRun.days.firstIndex { $0.date == first2018 })
        #expect(decided.orders.count == yearRun.days[index].orders.count)
        for (a, b) in zip(decided.orders, yearRun.days[index].orders) {
            #expect(a.symbol == b.symbol && a.side == b.side && a.quantity == b.quantity && abs(a.limit - b.limit) <= 1e-12 * max(1, abs(b.limit)))
        }
        #expect(Cents(dollars: decided.equity) == Cents(dollars: yearRun.days[index].equity))
    }
}
