import Foundation
import MarketData
import Strategy

/// A self-contained HTML report (inline SVG, no scripts, no network): the comparison table,
/// equity curves of the strategy and baselines, the strategy's drawdown, the regime timeline
/// shaded over the S&P 500, cumulative P&L per ledger component (stacked), the condor's greeks
/// attribution, the trade table and the risk graph of the condor open at the end. It says
/// that option prices are modelled and carries the disclaimer.
public enum HTMLReport {
    static let palette = ["#1f77b4", "#d62728", "#2ca02c", "#7f7f7f", "#9467bd"]
    static let regimeColours: [Regime: String] = [.calm: "#e8f4e8", .reliefRally: "#fff3cd", .realResolution: "#d9ecff", .stress: "#f8d7da"]

    public static func render(_ result: BacktestComparison.Result) -> String {
        let report = result.report
        let days = result.strategy.days
        let dates = days.map(\.date)
        var html = """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>VixShield backtest \(report.from) to \(report.to)</title>
            <style>body{font-family:sans-serif;margin:24px;color:#222}table{border-collapse:collapse;font-size:13px}
            td,th{border:1px solid #ccc;padding:3px 6px;text-align:right}th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}
            .note{background:#fff8e1;border:1px solid #e0c060;padding:8px;margin:12px 0}svg{background:#fff;border:1px solid #ddd;margin:8px 0}</style>
            </head><body><h1>VixShield backtest \(report.from) – \(report.to)</h1>
            <p class="note">\(escape(report.prices)) \(escape(report.disclaimer)) Ruleset sha256 \(report.rulesetHash).</p>
            """
        html += "<h2>Strategy and baselines</h2>" + summaryTable(report)
        let series: [(String, [Double])] = result.equityCurves.map { ($0.label, $0.equity) }
        html += "<h2>Equity</h2>" + lineChart(series: series, dates: dates)
        var peak = -Double.infinity
        let drawdown = days.map { day -> Double in
            peak = max(peak, day.equity)
            return day.equity / peak - 1
        }
        html += "<h2>Strategy drawdown</h2>" + lineChart(series: [("drawdown", drawdown)], dates: dates, percent: true)
        html += "<h2>Regime over the S&P 500</h2>" + lineChart(series: [("S&P 500", days.map(\.spx))], dates: dates, regimes: days.map(\.regime))
        let components = ["condor", "layer1", "layer2", "layer3", "cash"]
        html += "<h2>Cumulative P&amp;L by component (strategy)</h2><p>Stacked: gains above zero, losses below; the black line is the total.</p>"
            + stackedAreaChart(series: components.map { name in (name, days.map { $0.pnl[name] ?? 0 }) }, dates: dates.map(\.description))
        let a = result.strategy.attribution
        html += "<h2>Condor P&amp;L by greeks (strategy)</h2><table><tr><th>delta</th><th>gamma</th><th>vega</th><th>theta</th><th>event theta</th><th>residual</th><th>costs</th><th>total</th></tr><tr>"
            + [a.delta, a.gamma, a.vega, a.theta, a.eventTheta, a.residual, a.costs, a.total].map { "<td>\(String(format: "%.2f", $0))</td>" }.joined()
            + "</tr></table>"
        html += "<h2>Condor trades (strategy)</h2>" + tradeTable(result.strategy.trades)
        if let graph = result.strategy.finalRiskGraph {
            html += "<h2>Risk graph of the open condor (\(graph.daysToExpiry) days to expiry)</h2>"
                + lineChart(
                    series: [("today", graph.points.map(\.today)), ("in \(graph.interimDays) days", graph.points.map(\.interim)), ("at expiry", graph.points.map(\.expiry))],
                    axis: graph.points.map { String(format: "%.0f", $0.spot) })
        } else {
            html += "<p>No condor open at the end of the run: no risk graph.</p>"
        }
        html += "</body></html>\n"
        return html
    }

    static func summaryTable(_ report: BacktestReport) -> String {
        func pct(_ x: Double?) -> String { x.map { String(format: "%.2f%%", 100 * $0) } ?? "n/a" }
        func num(_ x: Double?) -> String { x.map { String(format: "%.2f", $0) } ?? "n/a" }
        var rows = "<table><tr><th>run</th><th>final equity</th><th>CAGR</th><th>vol</th><th>Sharpe</th><th>Sortino</th><th>max DD</th><th>Calmar</th><th>trades</th><th>win rate</th></tr>"
        for s in report.summaries {
            rows += "<tr><td>\(escape(s.label))</td><td>\(String(format: "%.0f", s.finalEquity))</td><td>\(pct(s.cagr))</td><td>\(pct(s.volatility))</td>"
                + "<td>\(num(s.sharpe))</td><td>\(num(s.sortino))</td><td>\(pct(s.maxDrawdown))</td><td>\(num(s.calmar))</td><td>\(s.trades)</td><td>\(pct(s.winRate))</td></tr>"
        }
        return rows + "</table>"
    }

    static func tradeTable(_ trades: [CondorTrade]) -> String {
        var rows = "<table><tr><th>opened</th><th>closed</th><th>expiry</th><th>strikes</th><th>qty</th><th>credit</th><th>exit</th><th>P&amp;L $</th></tr>"
        for t in trades {
            let strikes = t.strikes.map { String(format: "%.0f", $0) }.joined(separator: "/")
            rows += "<tr><td>\(t.opened)</td><td>\(t.closed)</td><td>\(t.expiry)</td><td>\(strikes)</td><td>\(t.quantity)</td>"
                + "<td>\(String(format: "%.2f", t.credit))</td><td>\(t.exit)</td><td>\(String(format: "%.2f", t.pnl))</td></tr>"
        }
        return rows + "</table>"
    }

    /// A line chart as inline SVG: one polyline per series on shared axes, optional regime
    /// shading behind it, first/last dates and min/max values as labels.
    static func lineChart(series: [(String, [Double])], dates: [MarketDate], percent: Bool = false, regimes: [Regime]? = nil) -> String {
        lineChart(series: series, axis: dates.map(\.description), percent: percent, regimes: regimes)
    }

    /// `axis` labels the x positions (dates, or S&P 500 levels for a risk graph).
    static func lineChart(series: [(String, [Double])], axis dates: [String], percent: Bool = false, regimes: [Regime]? = nil) -> String {
        let width = 900.0, height = 260.0, left = 70.0, right = 10.0, top = 10.0, bottom = 40.0
        let values = series.flatMap(\.1).filter(\.isFinite)
        guard let low = values.min(), let high = values.max(), dates.count > 1 else { return "<p>(no data)</p>" }
        let span = high > low ? high - low : 1
        func x(_ i: Int) -> Double { left + (width - left - right) * Double(i) / Double(dates.count - 1) }
        func y(_ v: Double) -> Double { top + (height - top - bottom) * (1 - (v - low) / span) }
        func label(_ v: Double) -> String { percent ? String(format: "%.1f%%", 100 * v) : String(format: "%.0f", v) }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\">"
        if let regimes {
            var start = 0
            for i in 1...regimes.count where i == regimes.count || regimes[i] != regimes[start] {
                svg += String(format: "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%@\"/>", x(start), top, max(1, x(i - 1) - x(start)), height - top - bottom, regimeColours[regimes[start]] ?? "#fff")
                start = i
            }
        }
        svg += "<line x1=\"\(left)\" y1=\"\(height - bottom)\" x2=\"\(width - right)\" y2=\"\(height - bottom)\" stroke=\"#999\"/>"
        svg += "<text x=\"4\" y=\"\(top + 10)\" font-size=\"11\">\(label(high))</text><text x=\"4\" y=\"\(height - bottom)\" font-size=\"11\">\(label(low))</text>"
        svg += "<text x=\"\(left)\" y=\"\(height - 22)\" font-size=\"11\">\(dates.first!)</text><text x=\"\(width - right - 70)\" y=\"\(height - 22)\" font-size=\"11\">\(dates.last!)</text>"
        for (index, (name, data)) in series.enumerated() {
            let colour = palette[index % palette.count]
            let points = data.enumerated().filter { $0.element.isFinite }.map { String(format: "%.1f,%.1f", x($0.offset), y($0.element)) }.joined(separator: " ")
            svg += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.5\" points=\"\(points)\"/>"
            let spacing = (width - left - (regimes == nil ? 0 : 380)) / Double(series.count)
            svg += "<text x=\"\(left + 10 + spacing * Double(index))\" y=\"\(height - 6)\" font-size=\"11\" fill=\"\(colour)\">\(escape(name))</text>"
        }
        if regimes != nil {
            for (index, regime) in Regime.allCases.enumerated() {
                svg += "<rect x=\"\(width - 380 + 95 * Double(index))\" y=\"\(height - 16)\" width=\"10\" height=\"10\" fill=\"\(regimeColours[regime]!)\" stroke=\"#999\"/>"
                svg += "<text x=\"\(width - 366 + 95 * Double(index))\" y=\"\(height - 7)\" font-size=\"10\">\(regime.rawValue)</text>"
            }
        }
        return svg + "</svg>"
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
