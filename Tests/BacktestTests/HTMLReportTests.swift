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
}
