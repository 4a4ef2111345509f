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
    /// Cboe's VXTH index closes with the S&P 500 close and the day's dividend (index points),
    /// from the file the VIX smile was fitted on.
    static func realIndex() throws -> [MarketDate: (vxth: Double, spx: Double, dividend: Double)] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("VolModelsTests/Resources/vxth_2006-2013.csv")
        var index: [MarketDate: (vxth: Double, spx: Double, dividend: Double)] = [:]
        for line in try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline).dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count > 3, let date = MarketDate(parsing: fields[0]), let value = Double(fields[1]), let spx = Double(fields[2]),
                let dividend = Double(fields[3])
            else { continue }
            index[date] = (value, spx, dividend)
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
        // Started two months early so that the replica holds its calls when the measured
        // months begin (month ends 2011-12-30 .. 2013-12-31).
        let from = MarketDate(year: 2011, month: 11, day: 1)!, to = MarketDate(year: 2013, month: 12, day: 31)!
        let timeline = try MarketTimeline(store: store, calendar: calendar, from: from, to: to)
        let run = try VXTHReplica.run(
            timeline: timeline, rules: BaselineRules(), capital: 1_000_000, fill: FractionOfSpreadFill.halfSpread, fees: PerContractFees())
        let real = try Self.realIndex()
        let start = MarketDate(year: 2011, month: 12, day: 1)!
        let shared = zip(run.dates, run.equity).filter { real[$0.0] != nil && $0.0 >= start }
        let model = Self.monthly(shared), actual = Self.monthly(shared.map { ($0.0, real[$0.0]!.vxth) })
        let months = model.keys.sorted()
        #expect(months.count == 24)
        let rho = try PortfolioStatistics.correlation(months.map { model[$0]! }, months.map { actual[$0]! })
        #expect(rho >= 0.8, "monthly correlation \(rho)")
        // About 99% of either portfolio is the S&P 500, so the call leg is checked on its own:
        // each side's monthly return in excess of its own S&P 500 total return (real: Cboe's
        // S&P 500 and dividend columns; replica: the close plus the flat 1.9% yield).
        var total = 1.0, previous: Double?
        var realTotal: [(MarketDate, Double)] = []
        for (date, _) in shared {
            let row = real[date]!
            if let previous { total *= (row.spx + row.dividend) / previous }
            previous = row.spx
            realTotal.append((date, total))
        }
        let index = Dictionary(uniqueKeysWithValues: timeline.sessions.enumerated().map { ($1, $0) })
        let modelTotal = shared.map { ($0.0, timeline.days[index[$0.0]!].inputs.spot * exp(0.019 * Double($0.0 - start) / 365)) }
        let realSPX = Self.monthly(realTotal), modelSPX = Self.monthly(modelTotal)
        let excess = try PortfolioStatistics.correlation(months.map { model[$0]! - modelSPX[$0]! }, months.map { actual[$0]! - realSPX[$0]! })
        #expect(excess >= 0.8, "excess-return correlation \(excess)")
        print("VXTH replica vs real VXTH, 2012-2013 monthly: correlation \(rho), of returns in excess of the S&P 500 total return \(excess)")
    }
}
