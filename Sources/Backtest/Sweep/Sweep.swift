import Dispatch
import Foundation
import MarketData
import QuantCore
import Strategy

/// Runs every variant of a grid over the same sessions, in parallel on all cores, and reports
/// them ranked by Sharpe with two honesty checks:
/// - the Deflated Sharpe Ratio (Bailey & López de Prado 2014) of the best variant given how many
///   were tried and how dispersed their Sharpe ratios were;
/// - a walk-forward run: on each fit window pick the variant with the best Sharpe, then take its
///   returns over the next trade window only; the stitched out-of-sample returns get their own
///   Sharpe and CAGR.
public enum Sweep {
    public struct Row: Sendable, Codable, Equatable {
        public var rank: Int
        public var settings: String
        public var finalEquity: Double
        public var cagr: Double?
        public var sharpe: Double?
        public var maxDrawdown: Double?
    }

    public struct Report: Sendable, Codable, Equatable {
        public var from: MarketDate
        public var to: MarketDate
        public var variants: Int
        public var rows: [Row]
        /// Probability that the best variant's true Sharpe is above zero after deflating for
        /// the number of trials (nil with too few returns or trials).
        public var deflatedSharpeProbability: Double?
        /// Why `deflatedSharpeProbability` is nil, when it is (absent from the JSON otherwise).
        public var deflatedSharpeNote: String?
        public var walkForwardSharpe: Double?
        public var walkForwardCAGR: Double?
        /// Variant chosen for each trade window, `first_day..last_day: settings`.
        public var walkForwardChoices: [String]
        /// Why the walk-forward Sharpe or CAGR is nil, when one is (absent from the JSON otherwise).
        public var walkForwardNote: String?
        public var disclaimer: String
    }

    public static func run(
        grid: SweepGrid, store: some MarketDataStore, calendar: TradingCalendar, from: MarketDate, to: MarketDate,
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws -> Report {
        for variant in grid.variants { try variant.ruleset.validate() }
        return try run(grid: grid, timeline: MarketTimeline(store: store, calendar: calendar, from: from, to: to), progress: progress)
    }

    /// The sweep on a prepared timeline: every variant shares its calibrated days and, per
    /// distinct regime rules, its regime path; each run is reduced to its row and daily
    /// returns as soon as it ends, so memory does not grow with the ledgers of a large grid.
    public static func run(grid: SweepGrid, timeline: MarketTimeline, progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> Report {
        let from = timeline.from, to = timeline.to
        let count = grid.variants.count
        for variant in grid.variants { _ = try timeline.regimeTape(variant.ruleset.regime) }
        try timeline.shareVIXQuotes()
        timeline.shareSPXChains()
        let results = ResultSlots<Outcome>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let variant = grid.variants[index]
            var configuration = BacktestConfiguration(from: from, to: to, ruleset: variant.ruleset, hedge: .alvh, models: timeline.parameters)
            configuration.attributeGreeks = false
            results.set(
                index,
                Result {
                    let run = try Simulator.run(timeline: timeline, configuration: configuration)
                    // The ranking needs the headline statistics only, not the per-component XIRRs.
                    let summary = try BacktestSummary(
                        name: variant.label, label: variant.label, dates: run.days.map(\.date), equity: run.days.map(\.equity),
                        trades: run.trades.map { ClosedTrade(entryDay: $0.opened.dayNumber, exitDay: $0.closed.dayNumber, pnl: $0.pnl) },
                        components: [])
                    let equity = run.days.map(\.equity)
                    // A wiped-out account (equity ≤ 0) has no defined return: count it as −100%.
                    let returns = zip(equity, equity.dropFirst()).map { $0 > 0 ? $1 / $0 - 1 : -1 }
                    let row = Row(
                        rank: 0, settings: variant.label, finalEquity: summary.finalEquity, cagr: summary.cagr, sharpe: summary.sharpe,
                        maxDrawdown: summary.maxDrawdown)
                    return Outcome(row: row, returns: returns)
                })
            progress?(results.finished, count)
        }
        let outcomes = try results.values()
        let dayNumbers = timeline.sessions.map(\.dayNumber)
        let returns = outcomes.map(\.returns)
        var rows = outcomes.map(\.row)
        let order = rows.indices.sorted { (rows[$0].sharpe ?? -.infinity) > (rows[$1].sharpe ?? -.infinity) }
        rows = order.enumerated().map { rank, index in
            var row = rows[index]
            row.rank = rank + 1
            return row
        }
        try requireFinite(returns, grid: grid)
        let (deflated, deflatedNote) = try deflatedSharpe(grid: grid, returns: returns, best: order.first)
        let walk = try walkForward(grid: grid, returns: returns, dayNumbers: dayNumbers)
        return Report(
            from: timeline.sessions.first ?? from, to: timeline.sessions.last ?? to, variants: count, rows: rows,
            deflatedSharpeProbability: deflated, deflatedSharpeNote: deflatedNote, walkForwardSharpe: walk.sharpe,
            walkForwardCAGR: walk.cagr, walkForwardChoices: walk.choices, walkForwardNote: walk.note, disclaimer: Signal.disclaimer)
    }

    /// A run's returns come from its equity, which the metrics refuse when not finite; a
    /// non-finite return is a failure wherever it falls, checked once before the statistics
    /// (which look only at some variants and windows).
    static func requireFinite(_ returns: [[Double]], grid: SweepGrid) throws(MetricsError) {
        for (variant, series) in returns.enumerated() {
            if let index = series.firstIndex(where: { !$0.isFinite }) {
                throw .nonFiniteValue(field: "returns of \(grid.variants[variant].label)", index: index)
            }
        }
    }

    /// The Deflated Sharpe over the trials' per-session Sharpe ratios, or nil with the reason:
    /// fewer than two variants (nothing to deflate against), fewer than two returns, a variant
    /// whose returns have no variance, or the statistic refusing its inputs (`invalidParameter`:
    /// its z-score's variance term not positive, or an overflow). Any other error is a failure
    /// and stops the sweep.
    static func deflatedSharpe(grid: SweepGrid, returns: [[Double]], best: Int?) throws -> (Double?, String?) {
        guard let best, returns.count >= 2 else { return (nil, "fewer than two variants: no other trials to deflate the best's Sharpe against") }
        // Every variant runs over the same sessions, so all have the same number of returns.
        guard returns[best].count >= 2 else {
            return (nil, "\(returns[best].count) daily return(s): a Sharpe ratio needs 2")
        }
        var perSession: [Double] = []
        for (index, series) in returns.enumerated() {
            guard let sharpe = try sharpeRatio(moments: series) else {
                return (nil, "variant \(grid.variants[index].label) has no Sharpe ratio (no variance)")
            }
            perSession.append(sharpe)
        }
        do {
            return (try DeflatedSharpeRatio(returns: returns[best], trialSharpeRatios: perSession).probability, nil)
        } catch {
            guard case MetricsError.invalidParameter = error else { throw error }
            return (nil, "not computable: \(error)")
        }
    }

    /// Walk-forward over return indices (return i is from session i to i+1): on each fit window
    /// the variant with the best Sharpe, traded over the next window; a variant without a
    /// Sharpe in a fit window (no variance) ranks last, and when none has one the first listed
    /// is taken and its choice says so. Without a Sharpe or a CAGR for the stitched returns,
    /// the note says why. Any other error is a failure and stops the sweep.
    static func walkForward(
        grid: SweepGrid, returns: [[Double]], dayNumbers: [Int]
    ) throws -> (sharpe: Double?, cagr: Double?, choices: [String], note: String?) {
        // `WalkForward.windows` needs more returns than the fit window holds; short of that
        // there is no window, which the note says (any other refusal is a failure).
        let returnCount = max(dayNumbers.count - 1, 0)
        guard returnCount > grid.fitSessions else {
            return (
                nil, nil, [],
                "not computed: \(dayNumbers.count) sessions give \(returnCount) daily returns, and a fit window of "
                    + "\(grid.fitSessions) needs at least \(grid.fitSessions + 1)"
            )
        }
        let windows = try WalkForward(fitSessions: grid.fitSessions, tradeSessions: grid.tradeSessions)
            .windows(sessions: Array(dayNumbers.dropLast()))
        var stitched: [Double] = []
        var choices: [String] = []
        for window in windows {
            let fit = try returns.map { try sharpeRatio(Array($0[window.fitRange])) ?? -.infinity }
            let best = fit.indices.max { fit[$0] < fit[$1] }!
            stitched += returns[best][window.tradeRange]
            let none = fit[best] == -.infinity ? " (no variant had a Sharpe ratio in the fit window: the first listed)" : ""
            choices.append(
                "\(MarketDate(dayNumber: window.tradeDays.first!))..\(MarketDate(dayNumber: window.tradeDays.last!)): \(grid.variants[best].label)\(none)")
        }
        // Every trade window holds a return, so a single window with one return is the only
        // way to fall short here.
        guard stitched.count >= 2 else { return (nil, nil, choices, "one out-of-sample return: a Sharpe ratio needs 2") }
        let growth = stitched.reduce(1) { $0 * (1 + $1) }
        let cagr = growth > 0 ? pow(growth, 252 / Double(stitched.count)) - 1 : nil
        let lost = cagr == nil ? "the stitched out-of-sample returns lose everything: no CAGR" : nil
        guard let sharpe = try sharpeRatio(stitched) else {
            let none = "the stitched out-of-sample returns have no Sharpe ratio (no variance)"
            return (nil, cagr, choices, lost.map { "\(none); \($0)" } ?? none)
        }
        return (sharpe, cagr, choices, lost)
    }

    /// The annualised Sharpe ratio of `returns`, nil where it has none: fewer than two returns,
    /// or no variance. Any other error (a non-finite return) is a failure. Fit windows hold at
    /// least two returns (`SweepGrid` refuses shorter ones); a window without a Sharpe ranks last.
    ///
    /// The errors are matched without binding them: binding the typed error in a `catch` made
    /// this compiler (Swift 6.3.1) crash in its ownership verifier.
    static func sharpeRatio(_ returns: [Double]) throws -> Double? {
        do {
            return try PortfolioStatistics.sharpeRatio(returns: returns)
        } catch StatisticsError.zeroVolatility {
            return nil
        } catch StatisticsError.insufficientData {
            return nil
        }
    }

    /// The per-session Sharpe ratio the Deflated Sharpe compares (`ReturnMoments`), nil where
    /// there is none, as `sharpeRatio`.
    static func sharpeRatio(moments returns: [Double]) throws -> Double? {
        do {
            return try ReturnMoments(returns: returns).sharpe
        } catch MetricsError.statistics(.zeroVolatility) {
            return nil
        } catch MetricsError.statistics(.insufficientData) {
            return nil
        }
    }

    /// What a sweep keeps of one run.
    struct Outcome: Sendable {
        var row: Row
        var returns: [Double]
    }
}
