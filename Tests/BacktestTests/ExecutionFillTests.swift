import Strategy
import MarketData
import Testing
@testable import Backtest

/// Fills a fraction of the way from mid to the far side.
@Suite struct ExecutionFillTests {
    @Test func halfSpreadOnAOnePointTwoQuote() throws {
        let fill = try FractionOfSpreadFill(fraction: 0.5)
        #expect(fill == .halfSpread)
        #expect(abs(fill.fillPrice(side: .buy, bid: 1.00, ask: 1.20) - 1.15) < 1e-12)
        #expect(abs(fill.fillPrice(side: .sell, bid: 1.00, ask: 1.20) - 1.05) < 1e-12)
        #expect(Cents(dollars: fill.fillPrice(side: .buy, bid: 1.00, ask: 1.20)) == Cents(cents: 115))
        #expect(Cents(dollars: fill.fillPrice(side: .sell, bid: 1.00, ask: 1.20)) == Cents(cents: 105))
    }

    @Test func fractionZeroFillsAtMidAndOneAtTheFarSide() throws {
        let mid = try FractionOfSpreadFill(fraction: 0)
        #expect(mid.fillPrice(side: .buy, bid: 1.00, ask: 1.20) == (1.00 + 1.20) / 2)
        #expect(mid.fillPrice(side: .sell, bid: 1.00, ask: 1.20) == (1.00 + 1.20) / 2)
        let far = try FractionOfSpreadFill(fraction: 1)
        #expect(far.fillPrice(side: .buy, bid: 1.00, ask: 1.20) == 1.20)
        #expect(far.fillPrice(side: .sell, bid: 1.00, ask: 1.20) == 1.00)
        #expect(far.fillPrice(side: .buy, bid: 17.35, ask: 17.45) == 17.45)
        #expect(far.fillPrice(side: .sell, bid: 0, ask: 0.05) == 0)
    }

    @Test func buysNeverBelowSellsAndInsideTheQuote() throws {
        for step in 0...20 {
            let fill = try FractionOfSpreadFill(fraction: Double(step) / 20)
            let buy = fill.fillPrice(side: .buy, bid: 2.40, ask: 2.70)
            let sell = fill.fillPrice(side: .sell, bid: 2.40, ask: 2.70)
            #expect(sell <= buy)
            #expect(2.40 <= sell && buy <= 2.70)
            #expect(abs((buy + sell) / 2 - 2.55) < 1e-12)  // symmetric about the mid
        }
    }

    @Test(arguments: [-0.01, 1.01, .nan, .infinity, -.infinity])
    func fractionOutsideZeroOneIsRejected(fraction: Double) {
        #expect(throws: ExecutionError.self) { try FractionOfSpreadFill(fraction: fraction) }
        do throws(ExecutionError) {
            _ = try FractionOfSpreadFill(fraction: fraction)
        } catch {
            #expect(error.parameter == "fill.fraction")
        }
    }

    @Test func usableThroughTheProtocol() {
        let model: any FillModel = FractionOfSpreadFill.halfSpread
        #expect(abs(model.fillPrice(side: .buy, bid: 1.00, ask: 1.20) - 1.15) < 1e-12)
    }
}
