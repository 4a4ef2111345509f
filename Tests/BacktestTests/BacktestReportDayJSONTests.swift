import Foundation
@testable import MarketData
import Strategy
import Testing

@testable import Backtest

/// A report's days write their own JSON (`BacktestReportDay.writeStableJSON`, orders by
/// `BookOrder.writeStableJSON`): the document is Foundation's bytes, on seeded random days
/// (every regime, missing returns, orders or none, P&L keys in any order) and on a real report
/// long enough for the days to be written in bulk.
@Suite struct BacktestReportDayJSONTests {
    static func number(_ rng: inout SplitMix64) -> Double {
        switch Int.random(in: 0..<5, using: &rng) {
        case 0: return [0, -0.0, 1e21, 5e-324, 1e-5, 0.1, 1_000_000, -3].randomElement(using: &rng)!
        case 1: return Double(Int.random(in: -10_000_000...10_000_000, using: &rng)) / 100
        default: return Double.random(in: -1...1, using: &rng) * pow(10, Double(Int.random(in: -8...9, using: &rng)))
        }
    }

    static func day(_ rng: inout SplitMix64, index: Int) -> BacktestReportDay {
        let components = ["condor", "layer1", "layer2", "layer3", "cash", "vixCalls", "Z", "a"]
        var pnl: [String: Double] = [:]
        for _ in 0..<Int.random(in: 0...6, using: &rng) { pnl[components.randomElement(using: &rng)!] = number(&rng) }
        let symbols: [InstrumentSymbol] = [
            .vixFuture(year: 2007 + index % 19, month: 1 + index % 12),
            .option(root: .vix, expiry: MarketDate(dayNumber: 13_000 + index), right: .call, strikeThousandths: 17_500),
        ]
        let orders = (0..<(Bool.random(using: &rng) ? 0 : Int.random(in: 1...8, using: &rng))).map { _ in
            BookOrder(
                symbol: symbols.randomElement(using: &rng)!, side: Bool.random(using: &rng) ? .buy : .sell, quantity: Int.random(in: 1...500, using: &rng),
                limit: number(&rng), layer: components.randomElement(using: &rng)!)
        }
        return BacktestReportDay(
            date: MarketDate(dayNumber: 13_000 + index), regime: Regime.allCases.randomElement(using: &rng)!, spx: number(&rng), vix: number(&rng),
            equity: .init(strategy: number(&rng), cndr: number(&rng), vxth: number(&rng), buyAndHold: number(&rng)),
            strategyReturn: Bool.random(using: &rng) ? number(&rng) : nil, pnl: pnl, orders: orders)
    }

    @Test func randomDaysAreFoundationsBytes() throws {
        var rng = SplitMix64(seed: 0xDA75)
        for round in 0..<6 {
            let days = (0..<(256 + 131 * round)).map { Self.day(&rng, index: $0) }
            #expect(try StableJSON.encode(days) == StableJSON.foundationEncode(days))
            #expect(try StableJSON.encode(["days": days]) == StableJSON.foundationEncode(["days": days]))
            // Each day written directly is the encoder's rendering of it.
            for day in days.prefix(40) {
                var text = StableJSONText(indent: 4)
                #expect(try day.writeStableJSON(into: &text))
                let direct = String(decoding: try text.finished(), as: UTF8.self)
                let reference = try StableJSON.foundationEncode([[day]])
                #expect(reference.contains(direct), "\(direct)")
            }
        }
    }

    /// A direct write must hold every field `encode(to:)` writes: with every optional set, the
    /// keys it writes are the stored properties (a field added to a type and not to its direct
    /// write fails here).
    @Test func directWritesHoldEveryStoredField() throws {
        var rng = SplitMix64(seed: 0xF1E1D)
        var day = Self.day(&rng, index: 1)
        day.strategyReturn = 0.01
        day.pnl = ["cash": 1, "condor": 2]
        day.orders = [
            BookOrder(symbol: .vixFuture(year: 2020, month: 3), side: .buy, quantity: 2, limit: 14.5, layer: "layer1")
        ]
        var text = StableJSONText(indent: 0)
        #expect(try day.writeStableJSON(into: &text))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(try text.finished())) as? [String: Any])
        func labels(_ value: Any) -> Set<String> { Set(Mirror(reflecting: value).children.compactMap(\.label)) }
        #expect(Set(object.keys) == labels(day))
        #expect(Set(try #require(object["equity"] as? [String: Any]).keys) == labels(day.equity))
        let order = try #require((object["orders"] as? [[String: Any]])?.first)
        #expect(Set(order.keys) == labels(day.orders[0]))
    }

    @Test func aRealReportLongEnoughForBulkDaysIsFoundationsBytes() throws {
        let store = try SimulatorTests.store.get()
        let calendar = try TradingCalendar(sessions: store.sessions().map(\.date))
        let (report, _) = try BacktestComparison.run(
            store: store, calendar: calendar, from: MarketDate(parsing: "2016-10-03")!, to: MarketDate(parsing: "2017-11-30")!)
        #expect(report.days.count >= 256)
        #expect(report.days.contains { !$0.orders.isEmpty } && report.days.contains { $0.orders.isEmpty })
        #expect(try StableJSON.encode(report) == StableJSON.foundationEncode(report))
    }
}
