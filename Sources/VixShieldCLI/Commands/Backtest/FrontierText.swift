import Backtest
import Foundation

/// The terminal form of the hedge frontier: every point, what a premium dollar bought per
/// layer, and the drawdown brake rows.
enum FrontierText {
    static func render(_ r: HedgeFrontier.Report) -> String {
        func pct(_ x: Double?) -> String { x.map { String(format: "%.2f%%", 100 * $0) } ?? "n/a" }
        func num(_ x: Double?) -> String { x.map { String(format: "%.2f", $0) } ?? "n/a" }
        func money(_ x: Double) -> String { String(format: "%.0f", x) }
        func ratio(_ x: Double?) -> String { x.map { String(format: "%.3f", $0) } ?? "n/a" }
        var out = "Hedge frontier \(r.from) .. \(r.to): each layer's budget × 0, 0.25, 0.5, 1, 1.5, 2 (others at default)\n"
        out += "Condor risk budget at the starting capital: \(money(r.condorRiskBudget)) (the `_of_risk` keys multiply it)\n"
        var rows = [["layer", "×", "settings", "CAGR", "vol", "max DD", "CVaR95 1d", "worst episode", "premium", "layer P&L"]]
        for p in r.points {
            let settings = p.settings.keys.sorted().map { "\($0.replacingOccurrences(of: "hedge.", with: ""))=\(String(format: "%g", p.settings[$0]!))" }
            rows.append([
                p.layer, num(p.scale), settings.joined(separator: " "), pct(p.cagr), pct(p.volatility), pct(p.maxDrawdown), pct(p.cvar95),
                "\(p.worstEpisode ?? "n/a") \(pct(p.worstEpisodeLoss))", money(p.premiumSpent), money(p.layerPnL),
            ])
        }
        out += TextTable.render(rows)
        for note in r.skipped { out += "left out: \(note)\n" }
        out += "\nWhat one dollar of premium bought (default against the layer at zero):\n"
        var layers = [["layer", "premium", "ΔCAGR", "max DD cut", "DD $/premium $", "worst episode", "its loss cut", "episode $/premium $", "pays for itself"]]
        for s in r.layers {
            layers.append([
                s.label, money(s.premiumSpent), pct(s.cagrChange), pct(s.drawdownReduction), ratio(s.drawdownPerPremiumDollar), s.worstEpisode ?? "n/a",
                pct(s.worstEpisodeReduction), ratio(s.episodeLossPerPremiumDollar), s.paysForItself ? "yes" : "no",
            ])
        }
        out += TextTable.render(layers)
        out += "\nDrawdown brake (risk.drawdown_reference; off = drawdown_brake 1):\n"
        var brake = [["brake", "CAGR", "vol", "max DD", "CVaR95 1d", "worst episode", "sessions braked"]]
        for p in r.brake {
            brake.append([p.brake ?? "?", pct(p.cagr), pct(p.volatility), pct(p.maxDrawdown), pct(p.cvar95), "\(p.worstEpisode ?? "n/a") \(pct(p.worstEpisodeLoss))", String(p.brakeSessions)])
        }
        out += TextTable.render(brake)
        out += "Inputs: \(r.vixInputs.description)\n\(r.prices)\n"
        out += r.disclaimer + "\n"
        return out
    }
}
