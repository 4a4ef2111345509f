import Foundation
import Testing
import TestScratch

/// `vixshield backtest` through the binary on a short window.
@Suite struct BacktestCommandTests {
    let cli = ExecutableTests()

    @Test func tableJSONAndTradesFile() throws {
        let directory = TestScratch.directory("backtest")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("s.sqlite").path
        let trades = directory.appendingPathComponent("trades.csv").path
        let cache = directory.appendingPathComponent("cache").path
        let text = try cli.run(["backtest", "--db", db, "--from", "2017-10-02", "--to", "2017-12-29", "--trades", trades, "--cache-dir", cache])
        #expect(text.status == 0, "\(text.err)")
        #expect(text.err.contains("timeline cache: built and written to \(cache)/timeline-"), "\(text.err)")
        for needle in ["ALVH strategy", "Cboe CNDR replica", "Cboe VXTH replica", "buy and hold S&P 500", "by component", "calendar-year returns", "not investment advice", "Modelled prices"] {
            #expect(text.out.contains(needle), "missing \(needle)")
        }
        let csv = try String(contentsOfFile: trades, encoding: .utf8)
        #expect(csv.hasPrefix("opened,closed,expiry,long_put,short_put,short_call,long_call,quantity,credit,exit,pnl\n"))
        let json = try cli.run(["backtest", "--db", db, "--from", "2017-10-02", "--to", "2017-12-29", "--json", "--no-cache"])
        #expect(json.err.contains("timeline cache: off"), "\(json.err)")
        let object = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as! [String: Any]
        #expect(Set(object.keys) == ["from", "to", "rulesetHash", "prices", "disclaimer", "summaries", "annualReturns", "regimeSessions", "vixInputs", "episodes", "days"])
        let days = try #require(object["days"] as? [[String: Any]])
        #expect(days.count > 55)
        #expect(Set(days[1].keys) == ["date", "regime", "spx", "vix", "equity", "strategyReturn", "pnl", "orders"])
        #expect(Set((days[0]["equity"] as? [String: Double] ?? [:]).keys) == ["strategy", "cndr", "vxth", "buyAndHold"])
        let summaries = try #require(object["summaries"] as? [[String: Any]])
        #expect(summaries.compactMap { $0["name"] as? String } == ["strategy", "cndr", "vxth", "buyAndHold"])
        // Refusals are typed: date, a stable kind, the reason in words.
        for refusal in summaries.flatMap({ $0["rejections"] as? [[String: Any]] ?? [] }) {
            #expect(Set(refusal.keys) == ["date", "kind", "reason"])
            #expect(["no_condor", "capital_too_small", "condor_credit", "insufficient_cash", "hedge_order", "no_hedge_plan", "not_listed", "replica_roll", "late"]
                .contains(refusal["kind"] as? String ?? ""))
        }
        let e0 = (days[0]["equity"] as? [String: Double])?["strategy"] ?? 0, e1 = (days[1]["equity"] as? [String: Double])?["strategy"] ?? 0
        #expect(abs((days[1]["strategyReturn"] as? Double ?? 0) - (e1 / e0 - 1)) < 1e-12)
        // Read from the cache the first run wrote: the same report as the fresh calibration.
        let again = try cli.run(["backtest", "--db", db, "--from", "2017-10-02", "--to", "2017-12-29", "--json", "--cache-dir", cache])
        #expect(again.err.contains("timeline cache: read from \(cache)/timeline-") && again.err.contains("regime tape cache: read from"), "\(again.err)")
        #expect(again.out == json.out)
        let both = try cli.run(["backtest", "--db", db, "--no-cache", "--cache-dir", cache])
        #expect(both.status != 0 && both.err.contains("--no-cache and --cache-dir exclude each other"), "\(both.err)")
        let bad = try cli.run(["backtest", "--db", db, "--from", "2018-01-05", "--to", "2017-12-29"])
        #expect(bad.status != 0 && bad.err.contains("is after"))
        // An open end is the history's last session, read from the loaded store: the same
        // report and the same cache entry as naming that date.
        let open = try cli.run(["backtest", "--db", db, "--from", "2026-01-02", "--json", "--cache-dir", cache])
        #expect(open.status == 0 && open.err.contains("timeline cache: built"), "\(open.err)")
        let named = try cli.run(["backtest", "--db", db, "--from", "2026-01-02", "--to", "2026-03-27", "--json", "--cache-dir", cache])
        #expect(named.err.contains("timeline cache: read from"), "\(named.err)")
        #expect(named.out == open.out)
        let last = try #require(try JSONSerialization.jsonObject(with: Data(open.out.utf8)) as? [String: Any])
        #expect(last["to"] as? String == "2026-03-27")
        let late = try cli.run(["backtest", "--db", db, "--from", "2030-01-02"])
        #expect(late.status != 0 && late.err.contains("--from 2030-01-02 is after the last date 2026-03-27"), "\(late.err)")
    }

    /// `backtest --frontier`: the table, stable JSON keys, the HTML report with its chart, and
    /// the flags it refuses to mix with.
    @Test func frontierTableJSONAndReport() throws {
        let directory = TestScratch.directory("frontier")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("s.sqlite").path
        let html = directory.appendingPathComponent("frontier.html").path
        let window = ["--from", "2017-10-02", "--to", "2017-12-29"]
        let text = try cli.run(["backtest", "--db", db, "--frontier", "--report", html] + window)
        #expect(text.status == 0, "\(text.err)")
        for needle in ["Hedge frontier", "What one dollar of premium bought", "Drawdown brake", "layer3_budget_of_risk", "not investment advice"] {
            #expect(text.out.contains(needle), "missing \(needle)")
        }
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.contains("<svg") && page.contains("<polyline") && page.contains("prefers-color-scheme: dark"))
        let json = try cli.run(["backtest", "--db", db, "--frontier", "--json"] + window)
        let object = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as! [String: Any]
        #expect(Set(object.keys) == ["from", "to", "rulesetHash", "prices", "disclaimer", "condorRiskBudget", "points", "layers", "brake", "vixInputs", "skipped"])
        let points = try #require(object["points"] as? [[String: Any]])
        #expect(points.count == 24)
        #expect(Set(points[0].keys).isSuperset(of: ["layer", "scale", "settings", "finalEquity", "cagr", "maxDrawdown", "cvar95", "premiumSpent", "layerPnL", "brakeSessions"]))
        #expect((object["layers"] as? [[String: Any]])?.count == 4)
        #expect((object["brake"] as? [[String: Any]])?.compactMap { $0["brake"] as? String } == ["all_time", "year", "off"])
        let mixed = try cli.run(["backtest", "--db", db, "--frontier", "--sweep", "x.toml"] + window)
        #expect(mixed.status != 0 && mixed.err.contains("--frontier"))
    }

    /// A sweep whose figures cannot be given says why, in its text and its JSON.
    @Test func sweepSaysWhyAFigureIsMissing() throws {
        let directory = TestScratch.directory("sweep")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("s.sqlite").path
        let grid = directory.appendingPathComponent("grid.toml")
        try "\"condor.short_delta\" = [0.16]\n[walk_forward]\nfit_sessions = 20\ntrade_sessions = 10\n".write(
            to: grid, atomically: true, encoding: .utf8)
        let window = ["--from", "2017-10-02", "--to", "2017-10-20", "--no-cache"]
        let text = try cli.run(["backtest", "--db", db, "--sweep", grid.path] + window)
        #expect(text.status == 0, "\(text.err)")
        #expect(text.out.contains("after 1 trial): n/a (fewer than two variants"), "\(text.out)")
        #expect(text.out.contains("Sharpe n/a, CAGR n/a (not computed: 15 sessions give 14 daily returns"), "\(text.out)")
        let json = try cli.run(["backtest", "--db", db, "--sweep", grid.path, "--json"] + window)
        let object = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any]
        #expect((object?["deflatedSharpeNote"] as? String)?.hasPrefix("fewer than two variants") == true)
        #expect((object?["walkForwardNote"] as? String)?.hasPrefix("not computed: 15 sessions") == true)
    }
}
