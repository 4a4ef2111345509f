import Foundation
import MarketData
import Testing
@testable import Strategy

/// Average-cost accounting of the trader's book, against hand computations, and its identity
/// cash − deposits = Σ realised − Σ basis of open options, to the cent, on seeded random fills.
@Suite struct BookPositionsTests {
    static func day(_ text: String) -> MarketDate { MarketDate(parsing: text)! }
    static let put = InstrumentSymbol.option(root: .spxw, expiry: day("2018-03-16"), right: .put, strikeThousandths: 2_500_000)
    static let call = InstrumentSymbol.option(root: .vix, expiry: day("2018-03-21"), right: .call, strikeThousandths: 20_000)
    static let future = InstrumentSymbol.vixFuture(year: 2018, month: 3)

    static func fill(_ date: String, _ symbol: InstrumentSymbol, _ quantity: Int, _ price: Double, fees: Double = 0, layer: String? = nil) -> BookFill {
        BookFill(date: day(date), symbol: symbol, quantity: quantity, price: price, fees: Cents(dollars: fees), layer: layer)
    }

    @Test func averageCostRealisesOnReductionsAndFlips() {
        let book = BookPositions(fills: [
            Self.fill("2018-01-02", .cash, 1, 100_000),
            // Short 3 puts at 4.00 and 2 more at 5.00: basis −(1,200 + 1,000) = −$2,200, avg 4.40.
            Self.fill("2018-01-03", Self.put, -3, 4.00, fees: 3.93, layer: "condor"),
            Self.fill("2018-01-04", Self.put, -2, 5.00, fees: 2.62, layer: "condor"),
            // Buy back 4 at 3.00: releases 4/5 of the basis (−$1,760) and pays $1,200: +$560.
            Self.fill("2018-01-05", Self.put, 4, 3.00, fees: 5.24, layer: "condor"),
            // Long 10 VIX calls at 1.15 in layer 3, then sell 15 at 2.00: close 10 (+$850), open −5.
            Self.fill("2018-01-08", Self.call, 10, 1.15, fees: 11, layer: "layer3"),
            Self.fill("2018-01-09", Self.call, -15, 2.00, fees: 16.5, layer: "layer3"),
            // A short VX future at 13.10 bought back at 15.00: −1.90 × 1,000 = −$1,900 through cash.
            Self.fill("2018-01-10", Self.future, -1, 13.10, fees: 2.7, layer: "layer1"),
            Self.fill("2018-01-11", Self.future, 1, 15.00, fees: 2.7, layer: "layer1"),
        ])
        #expect(book.deposits == Cents(dollars: 100_000))
        #expect(book.realised["condor"] == Cents(dollars: 560 - 3.93 - 2.62 - 5.24))
        #expect(book.realised["layer3"] == Cents(dollars: 850 - 11 - 16.5))
        #expect(book.realised["layer1"] == Cents(dollars: -1_900 - 5.4))
        #expect(book.lots.count == 2)
        let put = book.lots.first { $0.symbol == Self.put }!
        #expect(put.quantity == -1 && put.basis == Cents(dollars: -440) && abs(put.averagePrice - 4.40) < 1e-12)
        let call = book.lots.first { $0.symbol == Self.call }!
        #expect(call.quantity == -5 && call.basis == Cents(dollars: -1_000) && abs(call.averagePrice - 2.00) < 1e-12)
        // Cash: deposit + option premiums − fees + the future's realised loss.
        let premiums = 1_200.0 + 1_000 - 1_200 - 1_150 + 3_000
        let fees = 3.93 + 2.62 + 5.24 + 11 + 16.5 + 5.4
        #expect(book.cash == Cents(dollars: 100_000 + premiums - 1_900) - Cents(dollars: fees))
    }

    @Test func settlingAnExpiredLotRealisesItsIntrinsicValue() {
        // An expiry is a closing fill at the settlement value (what `BookSettlement` appends):
        // the S&P 500 closed 30 points below the strike.
        let book = BookPositions(fills: [
            Self.fill("2018-01-03", Self.put, -2, 4.00, layer: "condor"), Self.fill("2018-03-16", Self.put, 2, 30, layer: "condor"),
        ])
        #expect(book.lots.isEmpty)
        #expect(book.realised["condor"] == Cents(dollars: 2 * (4.00 - 30) * 100))
        #expect(book.cash == Cents(dollars: 2 * (4.00 - 30) * 100))
    }

    @Test func cashAndRealisedAgreeToTheCentOnRandomFills() {
        var state: UInt64 = 0x0B00C
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        let symbols = [Self.put, Self.call, Self.future]
        for _ in 0..<200 {
            var fills = [Self.fill("2018-01-02", .cash, 1, 50_000)]
            for _ in 0..<Int(next() % 30) {
                let quantity = Int(next() % 9) - 4
                guard quantity != 0 else { continue }
                // Prices with five decimals: a fill through zero must still split to the cent.
                let price = Double(next() % 2_000_000) / 100_000 + 0.05
                fills.append(Self.fill("2018-01-03", symbols[Int(next() % 3)], quantity, price, fees: Double(next() % 500) / 100, layer: ["condor", "layer3", nil][Int(next() % 3)]))
            }
            let book = BookPositions(fills: fills)
            let openOptions = book.lots.filter { $0.symbol.multiplier == 100 }.map(\.basis).reduce(.zero, +)
            #expect(book.cash - book.deposits == book.realised.values.reduce(.zero, +) - openOptions)
        }
    }
}

/// A fill imported without a layer takes the layer of the strategy's order of that day.
@Suite struct LayerInferenceTests {
    @Test func fillsTakeTheLayerOfTheMatchingOrder() {
        let day = MarketDate(parsing: "2018-02-06")!
        let call = InstrumentSymbol.option(root: .vix, expiry: MarketDate(parsing: "2018-03-21")!, right: .call, strikeThousandths: 33_000)
        let orders = [day: [
            BookOrder(symbol: call, side: .buy, quantity: 40, limit: 2.45, layer: "layer3"),
            BookOrder(symbol: .vixFuture(year: 2018, month: 3), side: .buy, quantity: 1, limit: 25.4, layer: "layer1"),
        ]]
        let fills = [
            BookFill(date: day, symbol: call, quantity: 40, price: 2.45, fees: .zero, layer: nil),  // matches: layer3
            BookFill(date: day, symbol: call, quantity: -5, price: 2.45, fees: .zero, layer: nil),  // a sell: no buy order matches
            BookFill(date: day, symbol: .vixFuture(year: 2018, month: 3), quantity: 1, price: 25.4, fees: .zero, layer: "layer2"),  // given: kept
            BookFill(date: day.adding(days: 1), symbol: call, quantity: 40, price: 2.45, fees: .zero, layer: nil),  // another day
        ]
        let (result, inferred) = LayerInference.infer(fills, ordersByDate: orders)
        #expect(inferred == 1)
        #expect(result.map(\.layer) == ["layer3", nil, "layer2", nil])
    }
}
