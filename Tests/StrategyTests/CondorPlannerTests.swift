import Foundation
import MarketData
import QuantCore
import Testing
@testable import Strategy
@testable import VolModels

/// The planner on real dates' model chains: expiry window, delta band, sizing, credit,
/// break-evens, probability, greeks, risk graph and management on a later chain.
@Suite(.serialized) struct CondorPlannerTests {
    static let capital = 5_000_000.0
    static let dates = [
        MarketDate(year: 2016, month: 6, day: 27)!,  // day after the Brexit vote sell-off
        MarketDate(year: 2017, month: 7, day: 14)!,  // VIX near 9.5
        MarketDate(year: 2018, month: 2, day: 6)!,  // the day after "Volmageddon"
    ]

    @Test(arguments: dates)
    func planOnARealDate(date: MarketDate) throws {
        let (model, chain) = try CondorFixture.market(date)
        let rules = CondorRules()
        let plan = try CondorPlanner(rules: rules).plan(chain: chain, model: model, capital: Self.capital, regime: .calm)
        let c = plan.condor
        print(
            "\(date): SPX \(plan.spot) VIX \(model.inputs.vix) → \(c.expiry) (\(plan.daysToExpiry)d) \(c.longPut)/\(c.shortPut)/\(c.shortCall)/\(c.longCall)"
                + " ×\(c.quantity) Δ \(plan.leg(.shortPut).delta)/\(plan.leg(.shortCall).delta) natural \(plan.naturalCredit) mid \(plan.midCredit)"
                + " maxLoss \(plan.maxLoss) POP \(plan.probabilityOfProfit) (lognormal \(plan.probabilityOfProfitLognormal))"
                + " greeks Δ \(plan.greeks.delta) Γ \(plan.greeks.gamma) vega \(plan.greeks.vega) θ/day \(plan.greeks.thetaPerDay)")
        // Expiry in the window and listed on the chain; no listed expiry nearer the middle.
        #expect((rules.minDTE...rules.maxDTE).contains(plan.daysToExpiry))
        #expect(plan.daysToExpiry == c.expiry - date)
        let middle = Double(rules.minDTE + rules.maxDTE) / 2
        for e in chain.expiries where (rules.minDTE...rules.maxDTE).contains(e.expiry - date) {
            #expect(abs(Double(e.expiry - date) - middle) >= abs(Double(plan.daysToExpiry) - middle))
        }
        // Shorts within the band, closest to the target among the listed strikes in the band.
        let expiry = try #require(chain.expiries.first { $0.expiry == c.expiry })
        for (role, quotes) in [(CondorLegRole.shortPut, expiry.puts), (.shortCall, expiry.calls)] {
            let delta = abs(plan.leg(role).delta)
            #expect(delta >= rules.shortDeltaMin && delta <= rules.shortDeltaMax, "\(role) |Δ| \(delta)")
            for q in quotes where (rules.shortDeltaMin...rules.shortDeltaMax).contains(abs(q.valuation.delta)) {
                #expect(abs(abs(q.valuation.delta) - 0.16) >= abs(delta - 0.16) - 1e-15)
            }
        }
        #expect(plan.leg(.shortPut).delta < 0 && plan.leg(.shortCall).delta > 0)
        // Strikes on the chain's grid, wings near 5 delta.
        for leg in plan.legs { #expect(expiry.strikes.contains(leg.strike)) }
        #expect(abs(abs(plan.leg(.longPut).delta) - 0.05) < 0.02)
        #expect(abs(abs(plan.leg(.longCall).delta) - 0.05) < 0.02)
        // Credit: natural ≤ mid, both positive; the condor carries the natural credit.
        #expect(plan.naturalCredit > 0 && plan.naturalCredit <= plan.midCredit)
        #expect(c.credit == plan.naturalCredit)
        let natural = plan.leg(.shortPut).bid + plan.leg(.shortCall).bid - plan.leg(.longPut).ask - plan.leg(.longCall).ask
        #expect(abs(plan.naturalCredit - natural) < 1e-12)
        // Size: max loss within 2% of capital, and one more contract would not fit.
        #expect(plan.maxLoss <= rules.maxLossFraction * Self.capital)
        #expect(abs(plan.maxLoss - plan.maxLossPerContract * Double(c.quantity)) < 1e-6)
        #expect(plan.maxLossPerContract * Double(c.quantity + 1) > rules.maxLossFraction * Self.capital)
        #expect(abs(plan.maxLossPerContract - (max(c.putWidth, c.callWidth) - plan.naturalCredit) * 100) < 1e-9)
        // Break-evens and profit.
        #expect(abs(plan.lowerBreakEven - (c.shortPut - plan.maxProfit / 100 / Double(c.quantity))) < 1e-9)
        #expect(abs(plan.upperBreakEven - (c.shortCall + plan.maxProfit / 100 / Double(c.quantity))) < 1e-9)
        // POP: two 16-delta shorts leave roughly 2/3 between them, a little more with the credit.
        #expect(plan.probabilityOfProfit > 0.55 && plan.probabilityOfProfit < 0.85)
        // The smile's density moves it from the lognormal one; with the smile calibrated to the
        // day's SKEW the gap reaches 0.086 (2016-06-27, curvature near its bound).
        #expect(abs(plan.probabilityOfProfit - plan.probabilityOfProfitLognormal) < 0.10)
        // Greeks of a short condor: short gamma and vega, long theta, small delta.
        #expect(plan.greeks.gamma < 0 && plan.greeks.vega < 0 && plan.greeks.thetaPerYear > 0)
        #expect(abs(plan.greeks.thetaPerDay * 365 - plan.greeks.thetaPerYear) < 1e-9)
        #expect(abs(plan.greeks.delta) < 0.1 * Double(c.quantity) * 100)
    }

    /// The backtest prices only the expiry the planner will choose: choosing it from the dates
    /// alone gives the same expiry, its one-expiry chain the same quotes, and the plan the same
    /// condor as on the full chain.
    @Test(arguments: dates)
    func planOnTheChosenExpiryAloneMatchesTheFullChain(date: MarketDate) throws {
        let (model, chain) = try CondorFixture.market(date)
        let planner = CondorPlanner(rules: CondorRules())
        let expiry = try planner.selectExpiry(model.expiryDates, on: date)
        #expect(expiry == (try planner.selectExpiry(chain).expiry))
        let single = SPXChainGenerator.chain(model, expiries: [expiry])
        #expect(single.expiries.count == 1)
        #expect(single.expiries[0] == chain.expiries.first { $0.expiry == expiry })
        let full = try planner.plan(chain: chain, model: model, capital: Self.capital, regime: .calm)
        let short = try planner.plan(chain: single, model: model, capital: Self.capital, regime: .calm)
        #expect(short.condor == full.condor)
        #expect(short.legs == full.legs)
        #expect(throws: CondorError.self) { try planner.selectExpiry([date.adding(days: 200)], on: date) }
    }

    @Test func greeksAreTheSumOfLegsTimesQuantityAndMultiplier() throws {
        let (model, chain) = try CondorFixture.market(Self.dates[1], throughDays: 60)
        let plan = try CondorPlanner().plan(chain: chain, model: model, capital: Self.capital, regime: .calm)
        let q = Double(plan.condor.quantity) * 100
        let l = plan.legs
        #expect(abs(plan.greeks.delta - q * (l[0].delta - l[1].delta - l[2].delta + l[3].delta)) < 1e-9)
        #expect(abs(plan.greeks.vega - q * (l[0].vega - l[1].vega - l[2].vega + l[3].vega)) < 1e-9)
        // Delta by finite difference of the model value (sticky strike) matches the position delta.
        let pricer = CondorModelPricer(model: model)
        let t = Double(plan.daysToExpiry) / 365
        let h = 0.01
        let fd = -(pricer.condorValue(plan.condor, spot: plan.spot + h, years: t) - pricer.condorValue(plan.condor, spot: plan.spot - h, years: t)) / (2 * h) * q
        #expect(abs(fd - plan.greeks.delta) < 1e-4 * q)
    }

    @Test func riskGraphShape() throws {
        let (model, chain) = try CondorFixture.market(Self.dates[0], throughDays: 60)
        var rules = CondorRules()
        rules.wingMode = .width
        rules.wingWidth = 50
        let plan = try CondorPlanner(rules: rules).plan(chain: chain, model: model, capital: Self.capital, regime: .calm)
        let c = plan.condor
        let graph = try #require(plan.riskGraph)
        #expect(try CondorPlanner(rules: rules).plan(chain: chain, model: model, capital: Self.capital, regime: .calm, withRiskGraph: false).riskGraph == nil)
        #expect(graph.points.count == 31)
        #expect(abs(graph.points.first!.move + 0.15) < 1e-12 && abs(graph.points.last!.move - 0.15) < 1e-12)
        #expect(graph.interimDays == plan.daysToExpiry / 2)
        var between = 0, beyond = 0
        for p in graph.points {
            if p.spot >= c.shortPut && p.spot <= c.shortCall {
                #expect(abs(p.expiry - plan.maxProfit) < 0.005)
                between += 1
            }
            if p.spot <= c.longPut || p.spot >= c.longCall {
                #expect(abs(p.expiry + plan.maxLoss) < 0.005)  // equal 50-point wings: −max loss on both sides
                beyond += 1
            }
            // Before expiry the curves are inside [−max loss, +max profit].
            for v in [p.today, p.interim] { #expect(v <= plan.maxProfit + 1e-9 && v >= -plan.maxLoss - 1e-9) }
        }
        #expect(between >= 3 && beyond >= 4)
        // Today at today's spot: the spread paid, (natural − mid)·100·qty.
        let atSpot = try #require(graph.points.first { abs($0.move) < 1e-12 })
        #expect(abs(atSpot.today - (plan.naturalCredit - plan.midCredit) * c.pointValue) < 1e-6)
        // Time decay: at today's spot the interim P&L lies above today's, below max profit.
        #expect(atSpot.interim > atSpot.today && atSpot.interim < plan.maxProfit)
        // Equal widths were requested and listed.
        #expect(c.putWidth == 50 && c.callWidth == 50)
    }

    @Test func regimeAdjustments() throws {
        let (model, chain) = try CondorFixture.market(Self.dates[1], throughDays: 60)
        let planner = CondorPlanner()
        let calm = try planner.plan(chain: chain, model: model, capital: Self.capital, regime: .calm)
        let resolution = try planner.plan(chain: chain, model: model, capital: Self.capital, regime: .realResolution)
        let stress = try planner.plan(chain: chain, model: model, capital: Self.capital, regime: .stress)
        // real_resolution: shorts nearer 0.20, more credit.
        #expect(abs(resolution.leg(.shortPut).delta) > abs(calm.leg(.shortPut).delta))
        #expect(abs(abs(resolution.leg(.shortCall).delta) - 0.20) <= abs(abs(calm.leg(.shortCall).delta) - 0.20))
        #expect(resolution.naturalCredit > calm.naturalCredit)
        // stress: same condor, half the budget.
        #expect(stress.condor.shortPut == calm.condor.shortPut)
        #expect(stress.riskBudget == calm.riskBudget / 2)
        #expect(stress.maxLoss <= 0.05 * Self.capital)
        var rules = CondorRules()
        rules.stressAction = .skip
        #expect(throws: CondorError.skippedInRegime(.stress)) {
            try CondorPlanner(rules: rules).plan(chain: chain, model: model, capital: Self.capital, regime: .stress)
        }
    }

    @Test func typedErrors() throws {
        let (model, chain) = try CondorFixture.market(Self.dates[2], throughDays: 60)
        let planner = CondorPlanner()
        let error = #expect(throws: CondorError.self) { try planner.plan(chain: chain, model: model, capital: 10_000, regime: .calm) }
        guard case .capitalTooSmall(let capital, let budget, _) = error else { Issue.record("\(String(describing: error))"); return }
        #expect(capital == 10_000 && abs(budget - 1_000) < 1e-9)
        // A DTE window with no listed expiry.
        var rules = CondorRules()
        rules.minDTE = 200
        rules.maxDTE = 201
        rules.exitDTE = 21
        #expect(throws: CondorError.noExpiryInWindow(date: Self.dates[2], minDTE: 200, maxDTE: 201)) {
            try CondorPlanner(rules: rules).plan(chain: chain, model: model, capital: Self.capital, regime: .calm)
        }
        // Strip the strikes inside the band: no short put can be found.
        var thin = chain
        for i in thin.expiries.indices {
            let keep = thin.expiries[i].puts.indices.filter { !(0.15...0.20).contains(abs(thin.expiries[i].puts[$0].valuation.delta)) }
            thin.expiries[i].strikes = keep.map { thin.expiries[i].strikes[$0] }
            thin.expiries[i].puts = keep.map { thin.expiries[i].puts[$0] }
            thin.expiries[i].calls = keep.map { thin.expiries[i].calls[$0] }
        }
        let bandError = #expect(throws: CondorError.self) { try planner.plan(chain: thin, model: model, capital: Self.capital, regime: .calm) }
        guard case .noShortStrikeInBand(let side, _, _, let closest) = bandError else { Issue.record("\(String(describing: bandError))"); return }
        #expect(side == .put && closest != nil)
        var bad = CondorRules()
        bad.maxLossFraction = 0
        #expect(throws: CondorError.invalidRules(RulesetError(field: "condor.max_loss_fraction", reason: "must be a fraction in (0, 1] (got 0.0)"))) {
            try CondorPlanner(rules: bad).plan(chain: chain, model: model, capital: Self.capital, regime: .calm)
        }
    }

    /// Open on 2016-06-27 (after the Brexit sell-off) and evaluate on later sessions with the
    /// model chain of each day.
    @Test func managementOnLaterChains() throws {
        let open = Self.dates[0]
        let (model, chain) = try CondorFixture.market(open, throughDays: 60)
        let plan = try CondorPlanner().plan(chain: chain, model: model, capital: Self.capital, regime: .calm)
        let manager = CondorManager()
        // Same day: P&L = natural − mid credit (the spread paid), hold.
        let now = try manager.evaluate(plan.condor, chain: chain, model: model)
        #expect(now.action == .hold)
        #expect(abs(now.pnl - (plan.naturalCredit - plan.midCredit) * plan.condor.pointValue) < 1e-6)
        #expect(now.costToCloseNatural >= now.costToCloseMid)
        // Walk forward to the first decision other than hold (SPX rallied ~8% to mid-July 2016).
        let (_, calendar) = try CondorFixture.store.get()
        var decision: ManagementDecision?
        var day = open
        while decision == nil, let next = calendar.nextSession(after: day), next < plan.condor.expiry {
            day = next
            let (m, c) = try CondorFixture.market(day, throughDays: 60)
            let d = try manager.evaluate(plan.condor, chain: c, model: m)
            #expect(d.daysToExpiry == plan.condor.expiry - day)
            if d.action != .hold { decision = d }
        }
        let d = try #require(decision)
        print("opened \(open) → \(d.date): \(d.action.rawValue), \(d.explanation)")
        switch d.action {
        case .takeProfit: #expect(d.pnl >= 0.5 * d.entryCredit)
        case .stopLoss: #expect(d.pnl <= -2 * d.entryCredit)
        case .exitDTE: #expect(d.daysToExpiry <= 21)
        case .hold: Issue.record("hold is not a decision")
        }
    }
}
