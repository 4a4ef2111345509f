import ArgumentParser
import Backtest
import Foundation
import MarketData
import Strategy
import VolModels

struct BacktestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "Replay the ALVH book day by day and compare it with Cboe's CNDR and VXTH indices (educational).",
        discussion: """
            Runs the strategy (condor + ALVH hedge layers), replicas of Cboe's CNDR (monthly 20/5-delta
            iron condor, held to expiry) and VXTH (S&P 500 plus one-month 30-delta VIX calls) by their
            published rules, and buy-and-hold S&P 500, on the same data and costs (fills 50% of the way
            to the far side of the modelled quote, per-contract fees). --json keys the runs strategy,
            cndr, vxth and buyAndHold in summaries[].name and days[].equity. Without dates:
            2007-01-03 (or the first session with S&P 500 and VIX closes, if later) to the last session with
            both (2026-03-27 on the bundled data). Orders that do not fit (free cash, margin, cover
            for short calls) are refused and reported with their reason; --json also carries every
            session's equity of each run and the strategy's orders (days[].orders: symbol, side, quantity, limit).
            --book-out FILE --at D writes the strategy's book at the close of D as `book import` CSV (positions at
            their prices, a CASH line, a PEAK line); `signal --date <next session> --book FILE` then places the
            backtest's orders of that session. --frontier runs the hedge frontier instead: the strategy with each
            hedge layer's budget (and the pre-FOMC seed's) scaled 0, 0.25, 0.5, 1, 1.5, 2 × its value, the others at
            theirs, plus the drawdown brake's references, with CAGR, volatility, max drawdown, daily CVaR 95%, the worst
            stress episode, premium and P&L per point and what a dollar of premium bought per layer (--json keys:
            points, layers, brake; --report draws drawdown against CAGR). Option prices are modelled.
            \(Signal.disclaimer)
            """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var rules: RulesetOptions
    @Option(help: "First date, YYYY-MM-DD (default: 2007-01-03, or the first date with S&P 500 and VIX if later).") var from: MarketDate?
    @Option(help: "Last date, YYYY-MM-DD (default: last date with S&P 500 and VIX).") var to: MarketDate?
    @Option(help: "Write the strategy's closed condor trades as CSV to this file.") var trades: String?
    @Option(help: "Write a self-contained HTML report (inline SVG) to this file.") var report: String?
    @Option(help: "TOML grid of ruleset variations: run them all in parallel, rank them, deflate the best Sharpe, walk forward.") var sweep: String?
    @Option(help: "Write the strategy's book at the close of --at to this file, in the `book import` CSV format (for `signal --book`).") var bookOut: String?
    @Option(help: "The session whose closing book --book-out writes, YYYY-MM-DD.") var at: MarketDate?
    @Flag(
        help: ArgumentHelp(
            "Run the hedge frontier instead: each layer's budget × 0, 0.25, 0.5, 1, 1.5, 2 on one timeline, in parallel (with --json, --report).")
    ) var frontier = false
    @OptionGroup var timelineCache: TimelineCacheOptions
    @Flag(help: "Print the report as JSON.") var json = false

    func validate() throws {
        if frontier && (sweep != nil || bookOut != nil || trades != nil) {
            throw ValidationError("--frontier runs on its own: not with --sweep, --book-out or --trades")
        }
        if let from, let to, from > to { throw ValidationError("--from \(from) is after --to \(to)") }
        if (bookOut == nil) != (at == nil) { throw ValidationError("--book-out and --at go together") }
    }

    /// The default first session: the first of 2007, the first full year in which VIX futures
    /// (2004) and VIX options (2006) both traded and VX settlements are on today's scale.
    static let defaultStart = MarketDate(year: 2007, month: 1, day: 3)!
    /// The end of the quotes loaded when `--to` is not given (the run ends at the history's end).
    static let openEnd = MarketDate(year: 9999, month: 12, day: 31)!

    func run() throws {
        let ruleset = try rules.load()
        try ruleset.validate()
        // The sweep grid is read before the store is opened and the long work starts, so that a
        // bad file fails at once and touches nothing.
        var grid: SweepGrid?
        if let sweep {
            let loaded = try SweepGrid.load(toml: InputFile.settings(sweep, kind: "sweep"), file: sweep, base: ruleset)
            for variant in loaded.variants { try variant.ruleset.validate() }
            grid = loaded
        }
        let database = try store.open()
        let calendar = try TradingCalendar(sessions: database.sessions().map(\.date))
        // One read of the store into memory: the replay then reads its histories without SQL,
        // and the default dates come from it (the catalog's counts scanned every table, a tenth
        // of a cached run). The quotes read past the run's range are left out of the run's store.
        let first = from ?? Self.defaultStart
        let loaded = try MemoryMarketStore.load(database, quoteDates: first...max(first, to ?? Self.openEnd))
        // A store without the series is a data problem (exit 1); dates outside what it holds are
        // refused options (exit 64), named by the option the user gave.
        guard let vix = loaded.span(of: "VIX"), let spx = loaded.span(of: "SPX") else {
            throw VolModelError.missingMarketData("the store has no SPX and VIX series (import them with `vixshield data import`)")
        }
        let start = from ?? max(Self.defaultStart, vix.lowerBound, spx.lowerBound)
        let end = to ?? min(vix.upperBound, spx.upperBound)
        guard start <= end else {
            if from != nil { throw ValidationError("--from \(start) is after the last date \(end)") }
            if to != nil { throw ValidationError("--to \(end) is before the first date \(start)") }
            throw VolModelError.missingMarketData("the store's SPX and VIX series share no session from \(start) on")
        }
        let market = try loaded.restrictingQuotes(to: start...end)
        let timeline = try MarketTimeline(store: market, calendar: calendar, from: start, to: end, cache: timelineCache.cache)
        defer { reportCache(timeline) }
        if let grid {
            let bar = SweepProgress(enabled: !json)
            let report = try Sweep.run(grid: grid, timeline: timeline) { done, total in bar.update(done, total) }
            bar.finish()
            write(json ? try JSONOutput.encode(report) : SweepText.render(report))
            ExitReclaims.keep(loaded, market, timeline, report)
            return
        }
        if frontier {
            let bar = SweepProgress(enabled: !json)
            let report = try HedgeFrontier.run(timeline: timeline, ruleset: ruleset) { done, total in bar.update(done, total) }
            bar.finish()
            if let path = self.report { try FrontierHTML.render(report).write(toFile: path, atomically: true, encoding: .utf8) }
            write(json ? try JSONOutput.encode(report) : FrontierText.render(report))
            return
        }
        let result = try BacktestComparison.compare(timeline: timeline, ruleset: ruleset, booksAt: at.map { [$0] } ?? [])
        if let bookOut, let at, let csv = result.strategy.books[at] {
            try csv.write(toFile: bookOut, atomically: true, encoding: .utf8)
        }
        let (report, strategy) = (result.report, result.strategy)
        if let path = self.report {
            try HTMLReport.render(result).write(toFile: path, atomically: true, encoding: .utf8)
        }
        if let trades {
            var lines = ["opened,closed,expiry,long_put,short_put,short_call,long_call,quantity,credit,exit,pnl"]
            for t in strategy.trades {
                lines.append(
                    ([t.opened.description, t.closed.description, t.expiry.description] + t.strikes.map { formatNumber($0) }
                        + [String(t.quantity), formatNumber(t.credit), t.exit, String(format: "%.2f", t.pnl)]).joined(separator: ","))
            }
            try (lines.joined(separator: "\n") + "\n").write(toFile: trades, atomically: true, encoding: .utf8)
        }
        write(json ? try JSONOutput.encode(report) : BacktestText.render(report))
        ExitReclaims.keep(loaded, market, timeline, result)
    }

    /// The cache's outcome on standard error, so that --json output stays the report alone.
    func reportCache(_ timeline: MarketTimeline) {
        let lines = ["timeline cache: \(timeline.cacheOutcome)"] + timeline.tapeCacheOutcomes.map { "regime tape cache: \($0)" }
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}
