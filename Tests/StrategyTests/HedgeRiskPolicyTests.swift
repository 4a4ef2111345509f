import MarketData
import Testing
import VolModels

@testable import Strategy

@Suite(.serialized) struct HedgeRiskPolicyTests {
    @Test func budgetCapBindsWhenLayerSizesAreLarge() throws {
        let market = try HedgeMarket.get()
        let date = hedgeDay("2018-03-19")  // also seeds the FOMC spread
        let chain = try market.chain(date)
        var rules = HedgeRules.design
        rules.layer3BudgetOfRisk = 5  // 5 × R = 0.5 × capital
        // A wide vega limit isolates the budget (the ladder's calls would otherwise hit it first).
        let planner = try HedgePlanner(rules: rules, risk: RiskPolicy(maxHedgeBudget: 0.10, maxPortfolioVega: 1e7, drawdownBrake: 0.10))
        let plan = try planner.plan(try market.inputs(date, chain: chain))
        expectConsistent(plan, book: HedgeBook(), chain: chain)
        #expect(plan.bound("risk.max_hedge_budget"))
        #expect(plan.totalPremium <= 0.10 * 1_000_000 + 1e-6)
        #expect(plan.totalPremium > 0.09 * 1_000_000)
        // Layer 3 is scaled before the event seed, which keeps its full size.
        #expect(plan.premium(.eventSeed) >= 0.05 * 100_000)  // pre_event_of_risk 0.06 × R = 0.10 × 1M
        #expect(plan.premium(.otmLadder) < 0.5 * 1_000_000)
        print(plan.bindings)

        // Without large sizes the budget does not bind.
        let normal = try HedgePlanner(rules: .design).plan(try market.inputs(date, chain: chain))
        #expect(!normal.bound("risk.max_hedge_budget"))
    }

    @Test func drawdownBrakeBlocksPurchasesButAllowsSales() throws {
        let market = try HedgeMarket.get()
        let date = hedgeDay("2018-03-19")
        let chain = try market.chain(date)
        let planner = try HedgePlanner(rules: .design)
        let braked = try planner.plan(try market.inputs(date, drawdown: 0.12, chain: chain))
        #expect(braked.brakeEngaged && braked.bound("risk.drawdown_brake"))
        #expect(braked.orders.isEmpty, "empty book: nothing may be opened")
        #expect(braked.totalPremium == 0)
        // With a book: an over-sized futures overlay is still cut, nothing is bought.
        let free = try planner.plan(try market.inputs(date, chain: chain))
        let future = try #require(free.targets(.futuresOverlay).first?.instrument)
        let book = HedgeBook(positions: [HedgePosition(layer: .futuresOverlay, instrument: future, contracts: 20, averagePrice: 18)])
        let plan = try planner.plan(try market.inputs(date, drawdown: 0.12, chain: chain), book: book)
        expectConsistent(plan, book: book, chain: chain)
        #expect(plan.orders.allSatisfy { $0.side == .sell })
        #expect(plan.orders(.futuresOverlay).first?.quantity == 10)
        // Just below the brake, purchases go through.
        let below = try planner.plan(try market.inputs(date, drawdown: 0.0999, chain: chain))
        #expect(!below.brakeEngaged && below.orders.contains { $0.side == .buy })
    }

    @Test func portfolioVegaLimitBindsBothWays() throws {
        let market = try HedgeMarket.get()
        let date = hedgeDay("2017-06-01")
        let chain = try market.chain(date)
        // Short 100,000 $/vol pt; hedge ratio 0.5 covers 50,000; limit 25,000 → futures raised.
        let planner = try HedgePlanner(rules: .design)
        let short = try planner.plan(try market.inputs(date, vega: -100_000, chain: chain))
        #expect(short.bound("risk.max_portfolio_vega"))
        #expect(short.netExposurePerVIXPoint >= -25_000 - 1e-6)
        // Over-hedged: full futures cover plus the ladder exceed a tight limit → futures cut first.
        var rules = HedgeRules.design
        rules.hedgeRatio = 1
        let tight = try HedgePlanner(rules: rules, risk: RiskPolicy(maxHedgeBudget: 0.10, maxPortfolioVega: 1_000, drawdownBrake: 0.10))
        let book = HedgeBook()
        let over = try tight.plan(try market.inputs(date, vega: -20_000, chain: chain), book: book)
        #expect(over.bound("risk.max_portfolio_vega"))
        #expect(over.netExposurePerVIXPoint <= 1_000 + 1e-6)
        #expect(over.targets(.futuresOverlay).first!.contracts < 20)
        #expect(over.premium(.otmLadder) > 0.95 * 10_000, "options kept once the futures cut suffices")  // 0.10 × R
        expectConsistent(over, book: book, chain: chain)
    }

    @Test func ordersAreConsistentAcrossASequenceOfDays() throws {
        let market = try HedgeMarket.get()
        let planner = try HedgePlanner(rules: .design)
        let days = market.calendar.sessions(from: hedgeDay("2018-01-02"), through: hedgeDay("2018-04-30"))!
        let regimes: [Regime] = [.calm, .calm, .reliefRally, .stress, .stress, .realResolution, .calm]
        var book = HedgeBook()
        var regime = Regime.calm
        var inRegime = 0
        for (index, date) in days.enumerated() {
            let next = regimes[(index / 6) % regimes.count]
            inRegime = next == regime ? inRegime + 1 : 1
            regime = next
            let chain = try market.chain(date)
            let plan = try planner.plan(try market.inputs(date, regime: regime, sessionsInRegime: inRegime, chain: chain), book: book)
            expectConsistent(plan, book: HedgeBook(positions: book.positions.filter { $0.instrument.expiry > date }), chain: chain)
            #expect(plan.totalPremium <= plan.budget + 1e-6 || plan.orders.allSatisfy { $0.side == .sell })
            book = book.applying(plan)
        }
        #expect(!book.positions.isEmpty)
    }

    @Test func invalidInputsAreNamed() throws {
        let market = try HedgeMarket.get()
        let date = hedgeDay("2017-06-01")
        let chain = try market.chain(date)
        let planner = try HedgePlanner(rules: .design)
        var inputs = try market.inputs(date, chain: chain)
        inputs.capital = 0
        #expect(throws: HedgeError.invalidInput(field: "capital", reason: "must be > 0, got 0.0")) { try planner.plan(inputs) }
        inputs = try market.inputs(date, chain: chain)
        inputs.drawdown = 1.5
        #expect(throws: HedgeError.self) { try planner.plan(inputs) }
        inputs = try market.inputs(hedgeDay("2017-06-02"), chain: chain)
        #expect(throws: HedgeError.self) { try planner.plan(inputs) }
    }
}
