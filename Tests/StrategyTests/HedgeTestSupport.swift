import Foundation
import MarketData
import Testing
import VolModels

@testable import Strategy
import TestScratch

/// Real dates through the seeded store: the day's modelled VIX chain, the trailing VIX closes
/// and the next FOMC statement, as the planner's caller would build them.
struct HedgeMarket: Sendable {
    let store: SQLiteMarketStore
    let calendar: TradingCalendar

    static let shared = Result { () throws -> HedgeMarket in
        let directory = TestScratch.directory("hedge")
        let store = try SQLiteMarketStore(path: directory.appendingPathComponent("s.sqlite").path)
        return HedgeMarket(store: store, calendar: try TradingCalendar(sessions: store.sessions().map(\.date)))
    }

    static func get() throws -> HedgeMarket { try shared.get() }

    func chain(_ date: MarketDate) throws -> VIXQuoteSheet {
        try VIXChainGenerator.sheet(inputs: MarketInputs.load(store, date: date), calendar: calendar)
    }

    func vixHistory(_ date: MarketDate) throws -> [Double] {
        try store.observations("VIX", from: nil, asOf: date).map(\.value)
    }

    /// The next FOMC statement after `date` and the sessions to it (today < s ≤ FOMC).
    func nextFOMC(after date: MarketDate) throws -> (MarketDate, Int)? {
        guard let event = try store.events(from: date.adding(days: 1), through: date.adding(days: 120), asOf: date).first(where: \.isFOMC),
            let sessions = calendar.sessionCount(from: date, to: event.date)
        else { return nil }
        return (event.date, sessions)
    }

    /// Planner inputs for a real date (FOMC from the store), calm by default.
    func inputs(
        _ date: MarketDate, regime: Regime = .calm, sessionsInRegime: Int = 10, vega: Double = -20_000, capital: Double = 1_000_000,
        drawdown: Double = 0, chain: VIXQuoteSheet? = nil, riskFraction: Double = CondorRules().maxLossFraction
    ) throws -> HedgeInputs {
        let fomc = try nextFOMC(after: date)
        return HedgeInputs(
            date: date, regime: regime, sessionsInRegime: sessionsInRegime, condorVegaDollarsPerVolPoint: vega, capital: capital,
            condorRiskBudget: capital * riskFraction, drawdown: drawdown, vixChain: try chain ?? self.chain(date), vixHistory: try vixHistory(date), nextFOMC: fomc?.0,
            sessionsToNextFOMC: fomc?.1)
    }
}

func hedgeDay(_ text: String) -> MarketDate { MarketDate(parsing: text)! }

/// book + orders = targets for every (layer, instrument); buys at the ask, sells at the bid.
func expectConsistent(_ plan: HedgePlan, book: HedgeBook, chain: VIXQuoteSheet, halfSpread: Double = 0.05) {
    for target in plan.targets {
        let held = book.contracts(target.layer, target.instrument)
        #expect(held == target.held, "\(target.instrument) held")
        let traded = plan.orders.filter { $0.layer == target.layer && $0.instrument == target.instrument }
            .reduce(0) { $0 + ($1.side == .buy ? $1.quantity : -$1.quantity) }
        #expect(held + traded == target.contracts, "\(target.layer) \(target.instrument): \(held) + \(traded) ≠ \(target.contracts)")
    }
    for order in plan.orders {
        #expect(order.quantity > 0)
        #expect(plan.targets.contains { $0.layer == order.layer && $0.instrument == order.instrument }, "order without target")
        guard let expiry = chain.expiries.first(where: { $0.expiry == order.instrument.expiry }) else {
            Issue.record("order expiry \(order.instrument.expiry) not in chain")
            continue
        }
        // Orders are priced by the default fill model (half-way from mid to the far side) on the
        // modelled quote: the price the planner sized its budgets at and the fill pays.
        let fill = FractionOfSpreadFill.halfSpread
        let side: Side = order.side == .buy ? .buy : .sell
        switch order.instrument {
        case .future:
            let expected = fill.fillPrice(side: side, bid: max(0, expiry.forward - halfSpread), ask: expiry.forward + halfSpread)
            #expect(abs(order.limitPrice - expected) <= 1e-12 * max(1, expected))
        case let .call(_, strike):
            guard let index = expiry.strikes.firstIndex(of: strike) else {
                Issue.record("strike \(strike) not listed")
                continue
            }
            let expected = fill.fillPrice(side: side, bid: expiry.calls[index].bid, ask: expiry.calls[index].ask)
            #expect(abs(order.limitPrice - expected) <= 1e-12 * max(1, expected))
            #expect(order.limitPrice >= expiry.calls[index].bid && order.limitPrice <= expiry.calls[index].ask)
        }
    }
    // The book after the orders holds exactly the targets.
    let after = book.applying(plan)
    for target in plan.targets { #expect(after.contracts(target.layer, target.instrument) == target.contracts) }
}

extension HedgeRules {
    /// The design's sizes restated against the condor risk budget R, the hedge frontier's
    /// starting point (hedge ratio 0.5, seed 0.06 × R, layer 2 0.15 × R in 0.025 × R tranches,
    /// ladder 0.10 × R): the sizes these mechanism tests are written for. The defaults moved
    /// from them along the frontier (see `HedgeRules`).
    static var design: HedgeRules {
        var rules = HedgeRules()
        rules.hedgeRatio = 0.5
        rules.preEventOfRisk = 0.06
        rules.layer2BudgetOfRisk = 0.15
        rules.layer2TrancheOfRisk = 0.025
        rules.layer3BudgetOfRisk = 0.10
        return rules
    }
}
