import Foundation
import MarketData
import Testing
@testable import Backtest

/// The HTML report is one self-contained file. (That it renders to a non-blank page is checked
/// by Tools/report/screenshot.sh with headless Chromium, which CI machines do not carry.)
@Suite struct HTMLReportTests {
    @Test func selfContainedWithChartsTablesAndNotes() throws {
        let store = try SimulatorTests.store.get()
        let calendar = try TradingCalendar(sessions: store.sessions().map(\.date))
        let result = try BacktestComparison.compare(
            store: store, calendar: calendar, from: MarketDate(parsing: "2018-01-02")!, to: MarketDate(parsing: "2018-02-28")!)
        let html = HTMLReport.render(result)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.components(separatedBy: "<svg").count - 1 == (result.strategy.finalRiskGraph == nil ? 4 : 5))
        #expect(html.contains("Modelled prices") && html.contains("not investment advice"))
        #expect(html.contains("stress"))  // the February 2018 regime shading and legend
        for trade in result.strategy.trades { #expect(html.contains("<td>\(trade.opened)</td>")) }
        // No network: the only URL is the SVG namespace; no scripts, no external stylesheets.
        let urls = html.components(separatedBy: "http").count - 1
        #expect(urls == html.components(separatedBy: "http://www.w3.org/2000/svg").count - 1)
        #expect(!html.contains("<script") && !html.contains("<link"))
    }

    /// Gains stack above zero and losses below, band by band; the total line is their sum.
    @Test func stackedComponentChartStacksSignedValues() throws {
        let svg = HTMLReport.stackedAreaChart(series: [("a", [1, 2, -1]), ("b", [2, -1, -1])], dates: ["d0", "d1", "d2"])
        #expect(svg.components(separatedBy: "<polygon").count - 1 == 4)
        // Axis from −2 (all losses on d2) to 3 (all gains on d0): y(v) = 10 + 250·(1 − (v + 2)/5).
        let total = try #require(svg.components(separatedBy: "class=\"total\"").last)
        #expect(total.contains("points=\"70.0,10.0 480.0,110.0 890.0,260.0\""))  // totals 3, 1, −2
        // Series b's positive band on d0 runs from a's gain (1) up to 3.
        #expect(svg.contains("70.0,10.0") && svg.contains("70.0,110.0"))
        #expect(HTMLReport.stackedAreaChart(series: [("a", [1])], dates: ["d0"]).contains("no data"))
    }
}
