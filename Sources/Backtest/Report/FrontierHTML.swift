import Foundation

/// The hedge frontier as a self-contained HTML page: max drawdown (x) against CAGR (y), one
/// line per layer through its budget multiples (labelled), the default point shared by all
/// lines; then the per-layer and brake tables. Inline SVG, no network.
public enum FrontierHTML {
    static let colours = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"]

    public static func render(_ report: HedgeFrontier.Report) -> String {
        func pct(_ x: Double?) -> String { x.map { String(format: "%.2f%%", 100 * $0) } ?? "n/a" }
        func money(_ x: Double) -> String { String(format: "%.0f", x) }
        func num(_ x: Double?) -> String { x.map { String(format: "%.2f", $0) } ?? "n/a" }
        func ratio(_ x: Double?) -> String { x.map { String(format: "%.3f", $0) } ?? "n/a" }
        var layerRows = ""
        for s in report.layers {
            layerRows += "<tr><td>\(HTMLReport.escape(s.label))</td><td>\(money(s.premiumSpent))</td><td>\(pct(s.cagrChange))</td>"
                + "<td>\(pct(s.drawdownReduction))</td><td>\(ratio(s.drawdownPerPremiumDollar))</td><td>\(HTMLReport.escape(s.worstEpisode ?? "n/a"))</td>"
                + "<td>\(pct(s.worstEpisodeReduction))</td><td>\(ratio(s.episodeLossPerPremiumDollar))</td><td>\(money(s.layerPnL))</td>"
                + "<td>\(s.paysForItself ? "yes" : "no")</td></tr>\n"
        }
        var pointRows = ""
        for p in report.points + report.brake {
            let name = p.brake.map { "brake: \($0)" } ?? "\(p.layer) × \(num(p.scale))"
            pointRows += "<tr><td>\(HTMLReport.escape(name))</td><td>\(pct(p.cagr))</td><td>\(pct(p.volatility))</td><td>\(pct(p.maxDrawdown))</td>"
                + "<td>\(pct(p.cvar95))</td><td>\(HTMLReport.escape(p.worstEpisode ?? "n/a")) \(pct(p.worstEpisodeLoss))</td>"
                + "<td>\(money(p.premiumSpent))</td><td>\(money(p.layerPnL))</td><td>\(p.brakeSessions)</td></tr>\n"
        }
        return """
            <!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>VixShield hedge frontier \(report.from) – \(report.to)</title>
            <style>body{font-family:sans-serif;margin:24px;color:#222;background:#fff}table{border-collapse:collapse;font-size:13px}
            td,th{border:1px solid #ccc;padding:3px 6px;text-align:right}td:first-child{text-align:left}.note{color:#555;font-size:13px;max-width:60em}
            svg{max-width:100%;height:auto}@media (prefers-color-scheme: dark){body{background:#111;color:#ddd}td,th{border-color:#444}.note{color:#aaa}}</style>
            </head><body>
            <h1>Hedge frontier, \(report.from) – \(report.to)</h1>
            <p class="note">Each line scales one hedge layer's budget by 0, 0.25, 0.5, 1, 1.5 and 2 × its value in the ruleset (sha256 \(report.rulesetHash)),
            the others at theirs; condor risk budget \(money(report.condorRiskBudget)) dollars at the starting capital. \(HTMLReport.escape(report.prices))
            Inputs: \(HTMLReport.escape(report.vixInputs.description)).
            \(HTMLReport.escape(report.disclaimer))</p>
            \(chart(report))
            <h2>What a dollar of premium bought (default against zero)</h2>
            <table><tr><th>layer</th><th>premium $</th><th>ΔCAGR</th><th>max DD cut</th><th>DD $ per premium $</th><th>worst episode (no layer)</th>
            <th>its loss cut</th><th>episode $ per premium $</th><th>layer P&amp;L $</th><th>pays for itself</th></tr>
            \(layerRows)</table>
            <h2>Every point</h2>
            <table><tr><th>run</th><th>CAGR</th><th>vol</th><th>max DD</th><th>daily CVaR 95%</th><th>worst episode</th><th>premium $</th><th>layer P&amp;L $</th><th>sessions braked</th></tr>
            \(pointRows)</table>
            </body></html>
            """
    }

    /// Max drawdown (x, %) against CAGR (y, %): a polyline per layer, its points labelled with
    /// their multiple.
    static func chart(_ report: HedgeFrontier.Report) -> String {
        let lines = FrontierLayer.allCases.map { layer in
            (layer, report.points.filter { $0.layer == layer.rawValue }.compactMap { p -> (Double, Double, Double)? in
                guard let dd = p.maxDrawdown, let cagr = p.cagr, let scale = p.scale else { return nil }
                return (dd, cagr, scale)
            })
        }
        let all = lines.flatMap(\.1)
        guard !all.isEmpty else { return "<p>No points to draw.</p>" }
        let (width, height, left, right, top, bottom) = (720.0, 420.0, 60.0, 20.0, 20.0, 70.0)
        var (x0, x1) = (all.map(\.0).min()!, all.map(\.0).max()!)
        var (y0, y1) = (all.map(\.1).min()!, all.map(\.1).max()!)
        if x1 - x0 < 1e-6 { (x0, x1) = (x0 - 0.005, x1 + 0.005) }
        if y1 - y0 < 1e-6 { (y0, y1) = (y0 - 0.005, y1 + 0.005) }
        let (padX, padY) = ((x1 - x0) * 0.08, (y1 - y0) * 0.08)
        (x0, x1, y0, y1) = (x0 - padX, x1 + padX, y0 - padY, y1 + padY)
        func x(_ v: Double) -> Double { left + (width - left - right) * (v - x0) / (x1 - x0) }
        func y(_ v: Double) -> Double { top + (height - top - bottom) * (1 - (v - y0) / (y1 - y0)) }
        var svg = "<svg viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"hedge frontier: max drawdown against CAGR\">"
        svg += "<rect x=\"\(left)\" y=\"\(top)\" width=\"\(width - left - right)\" height=\"\(height - top - bottom)\" fill=\"none\" stroke=\"#888\"/>"
        for i in 0...4 {
            let vx = x0 + (x1 - x0) * Double(i) / 4, vy = y0 + (y1 - y0) * Double(i) / 4
            svg += "<text x=\"\(x(vx))\" y=\"\(height - bottom + 16)\" font-size=\"11\" text-anchor=\"middle\" fill=\"currentColor\">\(String(format: "%.1f%%", 100 * vx))</text>"
            svg += "<text x=\"\(left - 6)\" y=\"\(y(vy) + 4)\" font-size=\"11\" text-anchor=\"end\" fill=\"currentColor\">\(String(format: "%.2f%%", 100 * vy))</text>"
        }
        svg += "<text x=\"\((left + width - right) / 2)\" y=\"\(height - bottom + 34)\" font-size=\"12\" text-anchor=\"middle\" fill=\"currentColor\">max drawdown</text>"
        svg += "<text x=\"14\" y=\"\((top + height - bottom) / 2)\" font-size=\"12\" transform=\"rotate(-90 14 \((top + height - bottom) / 2))\" text-anchor=\"middle\" fill=\"currentColor\">CAGR</text>"
        for (index, (layer, points)) in lines.enumerated() where !points.isEmpty {
            let colour = colours[index % colours.count]
            let path = points.map { "\(x($0.0)),\(y($0.1))" }.joined(separator: " ")
            svg += "<polyline points=\"\(path)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.5\"/>"
            for p in points {
                svg += "<circle cx=\"\(x(p.0))\" cy=\"\(y(p.1))\" r=\"3\" fill=\"\(colour)\"/>"
                svg += "<text x=\"\(x(p.0) + 4)\" y=\"\(y(p.1) - 4)\" font-size=\"9\" fill=\"\(colour)\">×\(String(format: "%g", p.2))</text>"
            }
            svg += "<text x=\"\(left + 10 + 165 * Double(index))\" y=\"\(height - 8)\" font-size=\"11\" fill=\"\(colour)\">\(HTMLReport.escape(layer.label))</text>"
        }
        return svg + "</svg>"
    }
}
