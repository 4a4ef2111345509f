import Backtest
import Foundation
import Strategy

/// The terminal form of a backtest report: the comparison table and the strategy's components.
enum BacktestText {
    static func render(_ r: BacktestReport) -> String {
        var out = "Backtest \(r.from) .. \(r.to)  (ruleset \(r.rulesetHash.prefix(12)))\n\n"
        func pct(_ x: Double?) -> String { x.map { String(format: "%.2f%%", 100 * $0) } ?? "n/a" }
        func num(_ x: Double?) -> String { x.map { String(format: "%.2f", $0) } ?? "n/a" }
        var rows = [["run", "final equity", "return", "CAGR", "vol", "Sharpe", "Sortino", "max DD", "DD trough", "Calmar", "trades", "win rate", "PF"]]
        for s in r.summaries {
            rows.append([
                s.label, String(format: "%.0f", s.finalEquity), pct(s.totalReturn), pct(s.cagr), pct(s.volatility), num(s.sharpe), num(s.sortino),
                pct(s.maxDrawdown), s.maxDrawdownTrough?.description ?? "", num(s.calmar), String(s.trades), pct(s.winRate), num(s.profitFactor),
            ])
        }
        out += TextTable.render(rows) + "\n"
        if let strategy = r.summaries.first {
            var components = [["component", "P&L $", "cost $", "XIRR"]]
            var notes: [String] = []
            for c in strategy.components {
                components.append([c.component, String(format: "%.2f", c.pnl), String(format: "%.2f", c.cost), c.xirr == nil ? "n/a*" : pct(c.xirr) + (c.xirrNote == nil ? "" : "*")])
                if let note = c.xirrNote { notes.append("* \(c.component) XIRR: \(note)") }
            }
            out += "\(strategy.label) by component (sums to the total P&L to the cent):\n" + TextTable.render(components) + "\n"
            out += notes.map { $0 + "\n" }.joined() + (notes.isEmpty ? "" : "\n")
            if let a = strategy.condorAttribution {
                let rows = [["delta", "gamma", "vega", "theta", "event theta", "residual", "costs", "total"],
                            [a.delta, a.gamma, a.vega, a.theta, a.eventTheta, a.residual, a.costs, a.total].map { String(format: "%.2f", $0) }]
                out += "condor P&L by greeks ($):\n" + TextTable.render(rows) + "\n"
            }
        }
        for summary in r.summaries where !summary.rejections.isEmpty {
            // Refusals by kind, most frequent first, with one example each: what kept the book
            // from trading.
            var kinds: [Refusal.Kind: (count: Int, example: Refusal)] = [:]
            for refusal in summary.rejections {
                let seen = kinds[refusal.kind]
                kinds[refusal.kind] = ((seen?.count ?? 0) + 1, seen?.example ?? refusal)
            }
            out += "\(summary.label): \(summary.rejections.count) orders not placed (--json lists each):\n"
            for (kind, entry) in kinds.sorted(by: { ($0.value.count, $1.key.rawValue) > ($1.value.count, $0.key.rawValue) }).prefix(4) {
                out += "  \(entry.count) × \(kind.rawValue), e.g. \(entry.example)\n"
            }
        }
        out += annualReturns(r)
        out += episodes(r)
        out += "regime sessions: " + r.regimeSessions.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + "\n"
        out += r.vixInputs.description + "\n"
        out += "\(r.prices)\n\(r.disclaimer)\n"
        return out
    }

    /// Calendar-year returns of every run, side by side (a partial year is marked *).
    static func annualReturns(_ r: BacktestReport) -> String {
        guard !r.annualReturns.isEmpty else { return "" }
        var rows = [["year"] + r.summaries.map(\.label)]
        for year in r.annualReturns {
            rows.append(
                ["\(year.year)\(year.fullYear ? "" : "*")"]
                    + r.summaries.map { s in year.returns[s.name].map { String(format: "%.2f%%", 100 * $0) } ?? "n/a" })
        }
        return "\ncalendar-year returns (* partial year):\n" + TextTable.render(rows) + "\n"
    }

    /// Stress episodes: one row per episode and run (drawdown, return), the strategy's P&L by
    /// ledger component, and how many of the episode's sessions had real inputs.
    static func episodes(_ r: BacktestReport) -> String {
        let episodes = r.episodes
        guard !episodes.isEmpty else { return "" }
        let labels = Dictionary(r.summaries.map { ($0.name, $0.label) }, uniquingKeysWith: { a, _ in a })
        let components = ["condor", "layer1", "layer2", "layer3", "spx", "vix_calls"]
        var rows = [["episode", "sessions", "run", "max DD", "return"] + components.map { "\($0) $" } + ["real VX / VVIX / SKEW"]]
        for e in episodes {
            for (i, run) in e.runs.enumerated() {
                let pnl = components.map { key in run.pnl[key].map { String(format: "%.0f", $0) } ?? "" }
                let inputs = "\(e.inputs.futuresSettled) / \(e.inputs.vvixReal) / \(e.inputs.skewReal)"
                rows.append(
                    [i == 0 ? e.episode.name : "", i == 0 ? String(e.inputs.sessions) : "", labels[run.run] ?? run.run,
                     String(format: "%.2f%%", 100 * run.maxDrawdown), String(format: "%.2f%%", 100 * run.totalReturn)]
                        + pnl + [i == 0 ? inputs : ""])
            }
        }
        return "stress episodes (P&L from the close before each window; inputs: sessions with real VX settlements / VVIX / SKEW):\n"
            + TextTable.render(rows) + "\n"
    }
}
