import Foundation

extension HTMLReport {
    /// Cumulative P&L by component as a diverging stacked area: on each day the components'
    /// gains stack upward from zero and their losses downward, in the same order, so each band's
    /// thickness is that component's P&L and the black line (the sum) is the total P&L.
    static func stackedAreaChart(series: [(String, [Double])], dates: [String]) -> String {
        let width = 900.0, height = 300.0, left = 70.0, right = 10.0, top = 10.0, bottom = 40.0
        let count = dates.count
        guard count > 1, series.allSatisfy({ $0.1.count == count }) else { return "<p>(no data)</p>" }
        // Band edges per series: (lower, upper) of its positive and its negative part.
        var positiveBase = Array(repeating: 0.0, count: count)
        var negativeBase = Array(repeating: 0.0, count: count)
        var bands: [(positive: [(Double, Double)], negative: [(Double, Double)])] = []
        for (_, values) in series {
            var positive: [(Double, Double)] = []
            var negative: [(Double, Double)] = []
            for i in 0..<count {
                let v = values[i].isFinite ? values[i] : 0
                positive.append((positiveBase[i], positiveBase[i] + max(v, 0)))
                negative.append((negativeBase[i] + min(v, 0), negativeBase[i]))
                positiveBase[i] += max(v, 0)
                negativeBase[i] += min(v, 0)
            }
            bands.append((positive, negative))
        }
        let total = (0..<count).map { i in series.reduce(0.0) { $0 + ($1.1[i].isFinite ? $1.1[i] : 0) } }
        let high = max(positiveBase.max() ?? 0, 1)
        let low = min(negativeBase.min() ?? 0, -1)
        func x(_ i: Int) -> Double { left + (width - left - right) * Double(i) / Double(count - 1) }
        func y(_ v: Double) -> Double { top + (height - top - bottom) * (1 - (v - low) / (high - low)) }
        func polygon(_ edges: [(Double, Double)], _ colour: String) -> String {
            let upper = edges.indices.map { String(format: "%.1f,%.1f", x($0), y(edges[$0].1)) }
            let lower = edges.indices.reversed().map { String(format: "%.1f,%.1f", x($0), y(edges[$0].0)) }
            return "<polygon fill=\"\(colour)\" fill-opacity=\"0.75\" stroke=\"none\" points=\"\((upper + lower).joined(separator: " "))\"/>"
        }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\">"
        for (index, band) in bands.enumerated() {
            let colour = palette[index % palette.count]
            svg += polygon(band.positive, colour) + polygon(band.negative, colour)
        }
        svg += "<line x1=\"\(left)\" y1=\(String(format: "\"%.1f\"", y(0))) x2=\"\(width - right)\" y2=\(String(format: "\"%.1f\"", y(0))) stroke=\"#666\"/>"
        let line = total.indices.map { String(format: "%.1f,%.1f", x($0), y(total[$0])) }.joined(separator: " ")
        svg += "<polyline class=\"total\" fill=\"none\" stroke=\"#000\" stroke-width=\"1.5\" points=\"\(line)\"/>"
        svg += "<text x=\"4\" y=\"\(top + 10)\" font-size=\"11\">\(String(format: "%.0f", high))</text>"
        svg += String(format: "<text x=\"4\" y=\"%.1f\" font-size=\"11\">0</text>", y(0) + 4)
        svg += "<text x=\"4\" y=\"\(height - bottom)\" font-size=\"11\">\(String(format: "%.0f", low))</text>"
        svg += "<text x=\"\(left)\" y=\"\(height - 22)\" font-size=\"11\">\(dates.first!)</text><text x=\"\(width - right - 70)\" y=\"\(height - 22)\" font-size=\"11\">\(dates.last!)</text>"
        let spacing = (width - left) / Double(series.count + 1)
        for (index, (name, _)) in series.enumerated() {
            svg += "<text x=\"\(left + 10 + spacing * Double(index))\" y=\"\(height - 6)\" font-size=\"11\" fill=\"\(palette[index % palette.count])\">\(escape(name))</text>"
        }
        svg += "<text x=\"\(left + 10 + spacing * Double(series.count))\" y=\"\(height - 6)\" font-size=\"11\">total</text>"
        return svg + "</svg>"
    }
}
