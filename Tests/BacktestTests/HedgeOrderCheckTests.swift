import Foundation
import MarketData
import Testing
import VolModels
@testable import Backtest
@testable import Strategy

/// Hedge orders face the capital check and the no-naked-calls rule, one by one.
@Suite(.serialized) struct HedgeOrderCheckTests {
    static let expiry = MarketDate(parsing: "2018-03-21")!

    static func state(capital: Double, holding: [HedgePosition]) throws -> SimulationState {
        let store = try SimulatorTests.store.get()
        var ruleset = Ruleset.standard
        ruleset.capital = capital
        let day = MarketDate(parsing: "2018-02-01")!
        let tape = try RegimeTape(
            rules: ruleset.regime, sessions: [], store: store, calendar: TradingCalendar(sessions: store.sessions().map(\.date)), parallel: false)
        var state = SimulationState(configuration: BacktestConfiguration(from: day, to: day, ruleset: ruleset), firstDay: day, tape: tape)
        state.hedges = HedgeBook(positions: holding)
        return state
    }

    static func order(_ side: OrderSide, _ quantity: Int, _ instrument: HedgeInstrument, layer: HedgeLayer = .eventSeed) -> HedgeOrder {
        HedgeOrder(layer: layer, side: side, instrument: instrument, quantity: quantity, limitPrice: 1, reason: "test")
    }

    @Test func purchasesNeedFreeCashAndShortCallsNeedCover() throws {
        let long = HedgePosition(layer: .eventSeed, instrument: .call(expiry: Self.expiry, strike: 20), contracts: 5, averagePrice: 1)
        let state = try Self.state(capital: 1_000, holding: [long])
        // 10 calls at 1.50 = $1,500 of premium against $1,000 of cash.
        let buy = Self.order(.buy, 10, .call(expiry: Self.expiry, strike: 22))
        #expect(state.refusal(buy, price: 1.5, fees: 11)?.contains("insufficient capital") == true)
        #expect(state.refusal(Self.order(.buy, 5, .call(expiry: Self.expiry, strike: 22)), price: 1.5, fees: 5.5) == nil)
        // Short calls: covered by the 5 long 20-strike calls up to 5, never beyond.
        #expect(state.refusal(Self.order(.sell, 5, .call(expiry: Self.expiry, strike: 30)), price: 0.5, fees: 5.5) == nil)
        #expect(state.refusal(Self.order(.sell, 6, .call(expiry: Self.expiry, strike: 30)), price: 0.5, fees: 6.6)?.contains("naked short call") == true)
        // A lower strike than the long one is not covered by it.
        #expect(state.refusal(Self.order(.sell, 1, .call(expiry: Self.expiry, strike: 18)), price: 2.5, fees: 1.1)?.contains("naked") == true)
        // Selling what is held only reduces risk: always allowed.
        #expect(state.refusal(Self.order(.sell, 5, .call(expiry: Self.expiry, strike: 20)), price: 1, fees: 5.5) == nil)
        // Futures: $8,000 initial margin each.
        #expect(state.refusal(Self.order(.buy, 1, .future(expiry: Self.expiry), layer: .futuresOverlay), price: 15, fees: 2)?.contains("insufficient") == true)
    }

    @Test func reductionsRunFirstThenPurchasesThenCoveredSales() throws {
        let held = HedgePosition(layer: .otmLadder, instrument: .call(expiry: Self.expiry, strike: 25), contracts: 4, averagePrice: 1)
        let state = try Self.state(capital: 1_000_000, holding: [held])
        let orders = [
            Self.order(.sell, 3, .call(expiry: Self.expiry, strike: 30)),  // opens a short (spread leg)
            Self.order(.buy, 3, .call(expiry: Self.expiry, strike: 20)),  // opens a long
            Self.order(.sell, 4, .call(expiry: Self.expiry, strike: 25), layer: .otmLadder),  // closes a holding
        ]
        #expect(state.executionOrder(orders) == [orders[2], orders[1], orders[0]])
    }

    /// An order through zero is split: the closing part always executes, the opening part is
    /// checked on its own; buy-backs of short calls run before sales of their cover.
    @Test func ordersThroughZeroAreSplitAndSpreadsUnwindShortFirst() throws {
        let long = HedgePosition(layer: .eventSeed, instrument: .call(expiry: Self.expiry, strike: 20), contracts: 5, averagePrice: 1)
        let short = HedgePosition(layer: .eventSeed, instrument: .call(expiry: Self.expiry, strike: 30), contracts: -5, averagePrice: 0.4)
        let state = try Self.state(capital: 1_000_000, holding: [long, short])
        let through = Self.order(.sell, 8, .call(expiry: Self.expiry, strike: 20))
        let unwindShort = Self.order(.buy, 5, .call(expiry: Self.expiry, strike: 30))
        let planned = state.executionOrder([through, unwindShort])
        #expect(planned.map(\.quantity) == [5, 5, 3])
        #expect(planned[0] == unwindShort)
        #expect(planned[1].side == .sell && planned[1].quantity == 5 && planned[2].side == .sell)
        // Alone, the 3 opened short calls would be naked once the longs are gone.
        let after = try Self.state(capital: 1_000_000, holding: [])
        #expect(after.refusal(planned[2], price: 1, fees: 3.3)?.contains("naked") == true)
    }

    /// A spread stacked below a held one is covered strike by strike.
    @Test func stackedSpreadsAreCoveredStrikeByStrike() throws {
        let held = [
            HedgePosition(layer: .eventSeed, instrument: .call(expiry: Self.expiry, strike: 30), contracts: 10, averagePrice: 1),
            HedgePosition(layer: .eventSeed, instrument: .call(expiry: Self.expiry, strike: 40), contracts: -10, averagePrice: 0.3),
            HedgePosition(layer: .eventSeed, instrument: .call(expiry: Self.expiry, strike: 20), contracts: 5, averagePrice: 2),
        ]
        let state = try Self.state(capital: 1_000_000, holding: held)
        #expect(state.refusal(Self.order(.sell, 5, .call(expiry: Self.expiry, strike: 25)), price: 1, fees: 5.5) == nil)
        #expect(state.refusal(Self.order(.sell, 6, .call(expiry: Self.expiry, strike: 25)), price: 1, fees: 6.6)?.contains("naked") == true)
    }

    /// An order refused at execution leaves the ledger and the book untouched and records the
    /// reason; the same order within the account executes.
    @Test func aRefusedOrderChangesNothing() throws {
        let store = try SimulatorTests.store.get()
        let calendar = try TradingCalendar(sessions: store.sessions().map(\.date))
        let day = MarketDate(parsing: "2018-02-01")!
        let market = try MarketDay(store: store, calendar: calendar, date: day, parameters: ChainModelParameters())
        let chain = try market.vixChain.get()
        let future = Self.order(.buy, 200, .future(expiry: chain.expiries[0].expiry), layer: .futuresOverlay)
        var state = try Self.state(capital: 1_000_000, holding: [])
        let before = state.ledger
        try state.execute(future, day: day, market: market, chain: chain)
        #expect(state.ledger.entries == before.entries && state.ledger.cash == before.cash)
        #expect(state.hedges.positions.isEmpty)
        #expect(state.rejections.count == 1 && state.rejections[0].kind == .hedgeOrder && state.rejections[0].reason.contains("hedge order refused: buy 200 VX") && state.rejections[0].reason.contains("insufficient capital"))
        var fits = future
        fits.quantity = 100
        try state.execute(fits, day: day, market: market, chain: chain)
        #expect(state.hedges.positions.map(\.contracts) == [100])
        #expect(state.rejections.count == 1)
    }
}
