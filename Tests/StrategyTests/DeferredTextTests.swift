import Foundation
import MarketData
import Testing
import VolModels

@testable import Strategy

/// Reasons and notes are formatted when read (`DeferredText`); what is read must be what the
/// planner decided, and what is encoded must be the plain string.
@Suite struct DeferredTextTests {
    @Test func rendersLiteralsDeferredTextAndClausesInOrder() throws {
        var reason = DeferredText { "layer 2 exit: \(3) days left < \(5)" }
        #expect(reason.text == "layer 2 exit: 3 days left < 5")
        reason += "; cut 2 by risk.max_portfolio_vega"
        reason += "; blocked by risk.drawdown_brake"
        #expect(reason.text == "layer 2 exit: 3 days left < 5; cut 2 by risk.max_portfolio_vega; blocked by risk.drawdown_brake")
        let literal: DeferredText = "layer 2 hold"
        #expect(literal.text == "layer 2 hold" && literal.description == "layer 2 hold")
        #expect(literal == DeferredText { "layer 2 " + "hold" })
        #expect(literal != reason)
    }

    @Test func encodesAsThePlainStringAndDecodesFromIt() throws {
        var reason = DeferredText { "roll into \(HedgeInstrument.future(expiry: MarketDate(parsing: "2018-03-21")!))" }
        reason += "; +2 by risk.max_portfolio_vega"
        let data = try JSONEncoder().encode([reason])
        #expect(String(decoding: data, as: UTF8.self) == #"["roll into VX 2018-03-21; +2 by risk.max_portfolio_vega"]"#)
        let decoded = try JSONDecoder().decode([DeferredText].self, from: data)
        #expect(decoded == [reason])
        #expect(try StableJSON.encode(["r": reason]) == StableJSON.encode(["r": reason.text]))
    }

    /// The texts carry the values the layer decided with: a fresh layer-3 rung states the target
    /// it set (unless the risk policy then appended a clause changing it), the futures line its
    /// ideal; every reason and note renders, the same each time it is read.
    @Test func planReasonsStateTheDecidedValues() throws {
        let market = try HedgeMarket.get()
        let planner = try HedgePlanner(rules: .design)
        var rungs = 0
        for text in ["2017-06-01", "2018-02-06", "2018-03-19", "2016-06-24"] {
            let date = hedgeDay(text)
            let chain = try market.chain(date)
            for regime in Regime.allCases {
                let plan = try planner.plan(try market.inputs(date, regime: regime, sessionsInRegime: 1, chain: chain))
                for target in plan.targets {
                    let reason = target.reason.text
                    #expect(!reason.isEmpty && reason == target.reason.text)
                    if target.layer == .otmLadder, target.held == 0, !reason.contains(";") {
                        #expect(reason.contains(": \(target.contracts) × \(target.instrument) at \(target.price.formatted2) for "), "\(reason)")
                        rungs += 1
                    }
                    if target.layer == .futuresOverlay, !reason.contains(";") {
                        #expect(reason.hasPrefix("rebalance to \(target.contracts) ") || reason.hasPrefix("inside corridor"), "\(reason)")
                    }
                }
                for order in plan.orders {
                    let target = try #require(plan.targets.first { $0.layer == order.layer && $0.instrument == order.instrument })
                    #expect(order.reason == target.reason)
                }
                for layer in plan.layers { #expect(layer.notes.allSatisfy { !$0.text.isEmpty }) }
                let decoded = try JSONDecoder().decode(HedgePlan.self, from: JSONEncoder().encode(plan))
                #expect(decoded == plan)
            }
        }
        #expect(rungs > 10)
    }
}
