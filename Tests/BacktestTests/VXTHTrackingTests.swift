import Foundation
import QuantCore
import MarketData
import Strategy
import Testing
@testable import Backtest

/// The VXTH replica against Cboe's real VXTH index, month by month, on 2012-2013: out of sample
/// for the VIX call smile (fitted on 2007-2011 VXTH quotes, see Tools/fits). The target
/// is a monthly return correlation of 0.8 or more; the full 2007-2013 figure is in the README.
@Suite struct VXTHTrackingTests {
    /// Cboe's VXTH index closes (date, vxth), from the file the VIX smile was fitted on.
    static func realIndex() throws -> [MarketDate: Double] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("VolModelsTests/Resources/vxth_2006-2013.csv")
        var index: [MarketDate: Double] = [:]
        for line in try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline).dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count > 1, let date = MarketDate(parsing: fields[0]), let value = Double(fields[1]) else { continue }
            index[date] = value
        }
        return index
    }

    /// Month-end to month-end returns of a daily series, by "YYYY-MM" of the later month end.
    static func monthly(_ points: [(MarketDate, Double)]) -> [String: Double] {
        var ends: [String: Double] = [:]
        var order: [String] = []
        for (date, value) in points {
            let key = String(date.description.prefix(7))
            if ends[key] == nil { order.append(key) }
            ends[key] = value
        }
        var returns: [String: Double] = [:]
        for (a, b) in zip(order, order.dropFirst()) { returns[b] = ends[b]! / ends[a]! - 1 }
        return returns
    }


    @Test func replicaTracksTheRealIndexMonthByMonthOutOfSample() throws {
        let store = try SimulatorTests.store.get()
        let calendar = try TradingCalendar(sessions: store.sessions().map(\.date))
        let from = MarketDate(year: 2011, month: 12, day: 30)!, to = MarketDate(year: 2013, month: 12, day: 31)!
        let timeline = try MarketTimeline(store: store, calendar: calendar, from: from, to: to)
        let run = try VXTHReplica.run(
            timeline: timeline, rules: BaselineRules(), capital: 1_000_000, fill: FractionOfSpreadFill.halfSpread, fees: PerContractFees())
        let real = try Self.realIndex()
        let shared = zip(run.dates, run.equity).filter { real[$0.0] != nil }
        let model = Self.monthly(shared), actual = Self.monthly(shared.map { ($0.0, real[$0.0]!) })
        let months = model.keys.sorted()
        #expect(months.count == 24)
        let rho = try PortfolioStatistics.correlation(months.map { model[$0]! }, months.map { actual[$0]! })
        #expect(rho >= 0.8, "monthly correlation \(rho)")
        print("VXTH replica vs real VXTH, 2012-2013 monthly: correlation \(rho) over \(months.count) months")
    }
}
