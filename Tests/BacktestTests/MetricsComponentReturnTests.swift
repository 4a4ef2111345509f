import QuantCore
import Testing
@testable import Backtest

@Suite("Component returns") struct MetricsComponentReturnTests {
    // A VIX hedge layer: buy 1,000 of calls (fee 2.60) on day 0, add 500 (fee 1.30) on day 30,
    // sell for 2,400 (fee 3.90) on day 61.
    // Expected XIRR: scipy.optimize.brentq on sum(a_i * (1+r)**(-(d_i-d_0)/365)) with
    //   days = [0, 30, 61], amounts = [-1002.6, -501.3, 2396.1], xtol = rtol = 1e-15
    //   -> 25.513396714389824 (2551 %/yr: a short, very profitable hedge).
    // Tolerance 1e-10 relative (two different root finders, as in QuantCore's XIRR tests).
    @Test func hedgeLayerPnLCostAndXIRR() throws {
        let c = try ComponentReturn(name: "VIX hedge 1", flows: [
            LayerCashFlow(dayNumber: 61, premium: 2400, fees: 3.9),
            LayerCashFlow(dayNumber: 0, premium: -1000, fees: 2.6),
            LayerCashFlow(dayNumber: 30, premium: -500, fees: 1.3),
        ])
        #expect(c.flows.map(\.dayNumber) == [0, 30, 61])
        #expect(c.premiumPaid == 1500 && c.premiumReceived == 2400)
        #expect(metricsClose(c.fees, 7.8))
        #expect(metricsClose(c.cost, 1507.8))
        #expect(metricsClose(c.pnl, 892.2))
        #expect(metricsClose(c.returnOnCost.value, 892.2 / 1507.8))
        #expect(metricsClose(c.xirr.value, 25.513396714389824, rel: 1e-10))
        #expect(c.xirr.value == (try PortfolioStatistics.xirr(c.netCashFlows)))
    }

    // -1000 on day 0, +1100 on day 365: (1 + r)^1 = 1.1, r = 10 % exactly (Act/365).
    @Test func oneYearTenPercent() throws {
        let c = try ComponentReturn(name: "condor", flows: [LayerCashFlow(dayNumber: 100, premium: -1000),
                                                            LayerCashFlow(dayNumber: 465, premium: 1100)])
        #expect(metricsClose(c.xirr.value, 0.10, rel: 1e-10))
        #expect(c.pnl == 100 && c.cost == 1000)
    }

    @Test func expiredWorthlessHedgeHasNoXIRR() throws {
        let c = try ComponentReturn(name: "hedge", flows: [LayerCashFlow(dayNumber: 0, premium: -800, fees: 2),
                                                           LayerCashFlow(dayNumber: 30, premium: 0, fees: 0)])
        #expect(c.pnl == -802 && c.cost == 802)
        #expect(c.returnOnCost.value == -1)
        #expect(c.xirr.value == nil)
        #expect(c.xirr.unavailableReason == .statistics(.noSignChange))
    }

    @Test func emptyAndCostFreeComponents() throws {
        let empty = try ComponentReturn(name: "none", flows: [])
        #expect(empty.pnl == 0 && empty.cost == 0)
        #expect(empty.returnOnCost.unavailableReason == .zeroCost)
        #expect(empty.xirr.unavailableReason == .statistics(.insufficientData(needed: 2, got: 0)))
        let credit = try ComponentReturn(name: "credit only", flows: [LayerCashFlow(dayNumber: 0, premium: 500)])
        #expect(credit.returnOnCost.unavailableReason == .zeroCost)
        #expect(credit.xirr.value == nil)
    }

    @Test func combinedPoolsFlows() throws {
        let condor = try ComponentReturn(name: "condor", flows: [LayerCashFlow(dayNumber: 0, premium: 1200, fees: 5),
                                                                  LayerCashFlow(dayNumber: 40, premium: -300, fees: 5)])
        let hedge = try ComponentReturn(name: "hedge", flows: [LayerCashFlow(dayNumber: 0, premium: -200, fees: 2)])
        let all = try ComponentReturn.combined(name: "strategy", [condor, hedge])
        #expect(all.pnl == condor.pnl + hedge.pnl)
        #expect(all.cost == condor.cost + hedge.cost)
        #expect(all.flows.count == 3 && all.flows.map(\.dayNumber) == [0, 0, 40])
    }

    @Test func invalidFlowsThrow() {
        #expect(throws: MetricsError.nonFiniteValue(field: "premium", index: 0)) {
            try ComponentReturn(name: "x", flows: [LayerCashFlow(dayNumber: 0, premium: .nan)])
        }
        #expect(throws: MetricsError.nonFiniteValue(field: "fees", index: 0)) {
            try ComponentReturn(name: "x", flows: [LayerCashFlow(dayNumber: 0, premium: 1, fees: .infinity)])
        }
        #expect(throws: MetricsError.self) {
            try ComponentReturn(name: "x", flows: [LayerCashFlow(dayNumber: 0, premium: 1, fees: -1)])
        }
    }
}
