import Foundation

/// The dashboard's inline SVG charts (no script, no network; `currentColor` follows dark mode).
enum DashboardCharts {
    /// A line over `values` (oldest first) with its first and last dates and the range labelled.
    static func line(_ values: [Double], first: String, last: String, label: String) -> String {
        guard values.count >= 2, let low = values.min(), let high = values.max() else { return "<p class=\"muted\">Not enough history to draw.</p>" }
        let (width, height, pad) = (640.0, 160.0, 28.0)
        let span = max(high - low, 1e-9)
        let points = values.enumerated().map { i, v in
            String(format: "%.1f,%.1f", pad + (width - 2 * pad) * Double(i) / Double(values.count - 1), pad / 2 + (height - pad) * (1 - (v - low) / span))
        }.joined(separator: " ")
        return """
            <svg viewBox="0 0 \(Int(width)) \(Int(height))" role="img" aria-label="\(escape(label))">\
            <polyline points="\(points)" fill="none" stroke="currentColor" stroke-width="1.5"/>\
            <text x="\(pad)" y="\(height - 4)" font-size="11" fill="currentColor">\(escape(first))</text>\
            <text x="\(width - pad)" y="\(height - 4)" font-size="11" text-anchor="end" fill="currentColor">\(escape(last))</text>\
            <text x="4" y="12" font-size="11" fill="currentColor">\(escape(label)): \(String(format: "%.2f", low)) – \(String(format: "%.2f", high))</text></svg>
            """
    }

    /// P&L (y, dollars) against the S&P 500 (x), with the zero line and the current level.
    static func riskGraph(spots: [Double], pnl: [Double], current: Double) -> String {
        guard spots.count >= 2, let low = pnl.min(), let high = pnl.max(), let x0 = spots.first, let x1 = spots.last, x1 > x0 else {
            return "<p class=\"muted\">No SPX option positions to draw.</p>"
        }
        let (width, height, pad) = (640.0, 220.0, 40.0)
        let top = max(high, 0), bottom = min(low, 0), span = max(top - bottom, 1)
        func x(_ s: Double) -> Double { pad + (width - 2 * pad) * (s - x0) / (x1 - x0) }
        func y(_ v: Double) -> Double { 10 + (height - 40) * (1 - (v - bottom) / span) }
        let path = zip(spots, pnl).map { String(format: "%.1f,%.1f", x($0), y($1)) }.joined(separator: " ")
        return """
            <svg viewBox="0 0 \(Int(width)) \(Int(height))" role="img" aria-label="risk graph at expiry">\
            <line x1="\(pad)" x2="\(width - pad)" y1="\(y(0))" y2="\(y(0))" stroke="currentColor" stroke-opacity="0.4"/>\
            <line x1="\(x(current))" x2="\(x(current))" y1="10" y2="\(height - 30)" stroke="currentColor" stroke-dasharray="4 3" stroke-opacity="0.6"/>\
            <polyline points="\(path)" fill="none" stroke="#1f6feb" stroke-width="2"/>\
            <text x="\(pad)" y="\(height - 10)" font-size="11" fill="currentColor">\(Int(x0))</text>\
            <text x="\(width - pad)" y="\(height - 10)" font-size="11" text-anchor="end" fill="currentColor">\(Int(x1))</text>\
            <text x="\(x(current))" y="\(height - 10)" font-size="11" text-anchor="middle" fill="currentColor">S&amp;P \(Int(current))</text>\
            <text x="4" y="\(y(top) + 4)" font-size="11" fill="currentColor">\(String(format: "%.0f", top))</text>\
            <text x="4" y="\(y(bottom))" font-size="11" fill="currentColor">\(String(format: "%.0f", bottom))</text></svg>
            """
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }
}
