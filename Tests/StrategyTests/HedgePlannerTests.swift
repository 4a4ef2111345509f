import MarketData
import Testing
import VolModels

@testable import Strategy

/// The ALVH planner on real dates (bundled S&P 500 / VIX / Treasury data, modelled VIX chains).
@Suite(.serialized) struct HedgePlannerTests {
    let planner = try! HedgePlanner(rules: .design)

    func layer3Contracts(_ plan: HedgePlan) -> Int { plan.targets(.otmLadder).reduce(0) { $0 + $1.contracts } }
    func futures(_ plan: HedgePlan) -> Int { plan.targets(.futuresOverlay).reduce(0) { $0 + $1.contracts } }

    @Test func reliefRallyRaisesLayer3AndStressKeepsOrRaisesProtection() throws {
        let market = try HedgeMarket.get()
        let date = hedgeDay("2017-06-01")
        let chain = try market.chain(date)
        var plans: [Regime: HedgePlan] = [:]
        for regime in Regime.allCases {
            plans[regime] = try planner.plan(try market.inputs(date, regime: regime, sessionsInRegime: 1, chain: chain))
            expectConsistent(plans[regime]!, book: HedgeBook(), chain: chain)
        }
        let calm = plans[.calm]!, relief = plans[.reliefRally]!, stress = plans[.stress]!, resolution = plans[.realResolution]!
        #expect(relief.summary(.otmLadder)!.weight == 1.5)
        #expect(calm.summary(.otmLadder)!.weight == 1)
        #expect(stress.summary(.otmLadder)!.weight >= 1)
        #expect(relief.premium(.otmLadder) > calm.premium(.otmLadder) * 1.3)
        #expect(layer3Contracts(relief) > layer3Contracts(calm))
        #expect(stress.premium(.otmLadder) >= calm.premium(.otmLadder))
        #expect(futures(stress) >= futures(calm))
        #expect(futures(calm) == 10)  // 0.5 × 1.0 × 20,000 / 1,000
        // Ladder: three rungs near 30/60/90 days at ~1.3 × their future, within 5% of the budget
        // (layer3_budget_of_risk 0.10 × R, R = 0.10 × 1M).
        let rungs = calm.targets(.otmLadder)
        #expect(rungs.count == 3)
        for rung in rungs {
            let expiry = chain.expiries.first { $0.expiry == rung.instrument.expiry }!
            #expect(abs(rung.instrument.strike! / expiry.forward - 1.3) < 0.05)
        }
        #expect(calm.premium(.otmLadder) <= 10_000 && calm.premium(.otmLadder) > 9_500)
        // An empty book opens nothing in a real resolution (it only de-risks).
        #expect(resolution.orders.isEmpty)
        print("layer 3 premium calm \(Int(calm.premium(.otmLadder))), relief \(Int(relief.premium(.otmLadder))), stress \(Int(stress.premium(.otmLadder)))")
    }

    @Test func realResolutionDeRisksStepByStepToAFloor() throws {
        let market = try HedgeMarket.get()
        let date = hedgeDay("2017-06-01")
        let chain = try market.chain(date)
        // A hedged book: yesterday's calm plan, executed.
        let calm = try planner.plan(try market.inputs(date, chain: chain))
        var book = HedgeBook().applying(calm)
        let startLadder = layer3Contracts(calm)
        let startFutures = futures(calm)
        var ladder: [Int] = [startLadder]
        var overlay: [Int] = [startFutures]
        for n in 1...6 {
            let plan = try planner.plan(try market.inputs(date, regime: .realResolution, sessionsInRegime: n, chain: chain), book: book)
            expectConsistent(plan, book: book, chain: chain)
            #expect(plan.orders.allSatisfy { $0.side == .sell }, "de-risking only sells")
            book = book.applying(plan)
            ladder.append(layer3Contracts(plan))
            overlay.append(futures(plan))
        }
        print("real resolution: ladder \(ladder), futures \(overlay)")
        // Strictly lower for the first three sessions, then flat at the floor: a schedule, not a cliff.
        #expect(ladder[1] < ladder[0] && ladder[2] < ladder[1] && ladder[3] < ladder[2])
        #expect(ladder[3...].allSatisfy { $0 == ladder[3] })
        #expect(Double(ladder[1]) >= 0.6 * Double(startLadder), "first step is a step")
        #expect(ladder[3] > 0 && abs(Double(ladder[3]) - 0.25 * Double(startLadder)) <= 0.05 * Double(startLadder) + 1)
        #expect(overlay == [10, 8, 5, 3, 3, 3, 3])
    }

    @Test func preFOMCSeedsCallSpreadsTwoSessionsBeforeAndNotFarAway() throws {
        let market = try HedgeMarket.get()
        let capital = 1_000_000.0
        let monday = hedgeDay("2018-03-19")
        let (fomc, sessions) = try #require(try market.nextFOMC(after: monday))
        #expect(fomc == hedgeDay("2018-03-21") && sessions == 2)
        let chain = try market.chain(monday)
        let plan = try planner.plan(try market.inputs(monday, capital: capital, chain: chain))
        expectConsistent(plan, book: HedgeBook(), chain: chain)
        let seed = plan.targets(.eventSeed)
        #expect(seed.count == 2)
        let long = try #require(seed.first { $0.contracts > 0 })
        let short = try #require(seed.first { $0.contracts < 0 })
        #expect(long.contracts == -short.contracts)
        #expect(long.instrument.expiry == short.instrument.expiry && long.instrument.expiry > fomc)
        let expiry = chain.expiries.first { $0.expiry == long.instrument.expiry }!
        #expect(chain.expiries.filter { $0.expiry > fomc }.first!.expiry == expiry.expiry, "nearest expiry after the event")
        #expect(abs(long.instrument.strike! - expiry.forward) <= 1)
        #expect(abs(short.instrument.strike! - 1.5 * expiry.forward) <= 1)
        let seeded = plan.premium(.eventSeed)
        let risk = CondorRules().maxLossFraction * capital  // the condor risk budget R
        #expect(seeded >= 0.05 * risk && seeded <= 0.06 * risk, "seeded \(seeded)")
        #expect(plan.orders(.eventSeed).count == 2)
        print("pre-FOMC seed \(long.contracts) × \(long.instrument) / \(short.instrument): $\(Int(seeded))")

        // Tuesday: held through the event, no new seed orders.
        let tuesday = hedgeDay("2018-03-20")
        var book = HedgeBook().applying(plan)
        let tuesdayChain = try market.chain(tuesday)
        let held = try planner.plan(try market.inputs(tuesday, capital: capital, chain: tuesdayChain), book: book)
        #expect(held.orders(.eventSeed).isEmpty)
        #expect(held.targets(.eventSeed).map(\.contracts).sorted() == seed.map(\.contracts).sorted())
        // Statement day (sessions to it 0 once it has passed): the seed is unwound.
        book = book.applying(held)
        let wednesday = hedgeDay("2018-03-21")
        let wednesdayChain = try market.chain(wednesday)
        var inputs = try market.inputs(wednesday, capital: capital, chain: wednesdayChain)
        inputs.nextFOMC = wednesday
        inputs.sessionsToNextFOMC = 0
        let unwound = try planner.plan(inputs, book: book)
        expectConsistent(unwound, book: book, chain: wednesdayChain)
        #expect(unwound.targets(.eventSeed).allSatisfy { $0.contracts == 0 })
        #expect(unwound.orders(.eventSeed).count == 2)

        // Far from an FOMC: nothing seeded.
        let far = hedgeDay("2018-03-05")
        let (_, farSessions) = try #require(try market.nextFOMC(after: far))
        #expect(farSessions > 2)
        let farPlan = try planner.plan(try market.inputs(far, capital: capital))
        #expect(farPlan.targets(.eventSeed).isEmpty && farPlan.premium(.eventSeed) == 0)
    }

    @Test func corridorTradesOnlyOutsideTheBandAndTighterInReliefRally() throws {
        let market = try HedgeMarket.get()
        let date = hedgeDay("2017-06-01")
        let chain = try market.chain(date)
        let empty = try planner.plan(try market.inputs(date, chain: chain))
        let future = try #require(empty.targets(.futuresOverlay).first?.instrument)
        func book(_ contracts: Int) -> HedgeBook {
            HedgeBook(positions: [HedgePosition(layer: .futuresOverlay, instrument: future, contracts: contracts, averagePrice: 15)])
        }
        func layer1Orders(_ regime: Regime, _ held: Int) throws -> [HedgeOrder] {
            let b = book(held)
            let plan = try planner.plan(try market.inputs(date, regime: regime, chain: chain), book: b)
            expectConsistent(plan, book: b, chain: chain)
            return plan.orders(.futuresOverlay)
        }
        // Ideal 10; calm band 0.25 × 10 = 2.5 contracts, relief band 1.25.
        #expect(try layer1Orders(.calm, 12).isEmpty)
        #expect(try layer1Orders(.calm, 8).isEmpty)
        let outside = try layer1Orders(.calm, 13)
        #expect(outside.count == 1 && outside[0].side == .sell && outside[0].quantity == 3)
        let under = try layer1Orders(.calm, 7)
        #expect(under.count == 1 && under[0].side == .buy && under[0].quantity == 3)
        let relief = try layer1Orders(.reliefRally, 12)
        #expect(relief.count == 1 && relief[0].side == .sell && relief[0].quantity == 2)
        #expect(try layer1Orders(.reliefRally, 11).isEmpty)
    }

    @Test func layer2AccumulatesOnlyInCheapReliefRallies() throws {
        let market = try HedgeMarket.get()
        // The first session of 2017 on which VIX is below its trailing 252-session 30th percentile.
        let sessions = market.calendar.sessions(from: hedgeDay("2017-01-03"), through: hedgeDay("2017-12-29"))!
        var cheapDay: MarketDate?
        for date in sessions {
            let history = try market.vixHistory(date)
            if let q = TrailingPercentile.value(history, percentile: 0.3, lookback: 252), history.last! < q {
                cheapDay = date
                break
            }
        }
        let date = try #require(cheapDay)
        let chain = try market.chain(date)
        let relief = try planner.plan(try market.inputs(date, regime: .reliefRally, chain: chain))
        expectConsistent(relief, book: HedgeBook(), chain: chain)
        let buys = relief.orders(.longDatedCalls)
        #expect(buys.count == 1)
        let buy = try #require(buys.first)
        let days = buy.instrument.expiry - date
        #expect((90...180).contains(days))
        let expiry = chain.expiries.first { $0.expiry == buy.instrument.expiry }!
        #expect(abs(buy.instrument.strike! - 1.1 * expiry.forward) <= 0.5 + 1e-9)
        let spent = Double(buy.quantity) * buy.limitPrice * 100
        #expect(spent <= 2_500 && spent > 2_000, "tranche 0.025 × R = 2,500, spent \(spent)")
        print("layer 2 on \(date): \(buy.quantity) × \(buy.instrument) at \(buy.limitPrice)")
        // Same day, calm: no accumulation; a held position is kept.
        let calm = try planner.plan(try market.inputs(date, regime: .calm, chain: chain))
        #expect(calm.orders(.longDatedCalls).isEmpty)
        let book = HedgeBook().applying(relief)
        let stress = try planner.plan(try market.inputs(date, regime: .stress, chain: chain), book: book)
        #expect(stress.orders(.longDatedCalls).isEmpty && stress.targets(.longDatedCalls).first?.contracts == buy.quantity)
        // The layer budget caps accumulation: after enough tranches the layer stops buying.
        var accumulated = HedgeBook()
        var bought: [Int] = []
        for _ in 0..<8 {
            let plan = try planner.plan(try market.inputs(date, regime: .reliefRally, chain: chain), book: accumulated)
            bought.append(plan.orders(.longDatedCalls).reduce(0) { $0 + $1.quantity })
            accumulated = accumulated.applying(plan)
            #expect(plan.premium(.longDatedCalls) <= 30_000 + 1e-6)
        }
        #expect(bought.last == 0 && bought.first! > 0, "\(bought)")
    }

    /// The ladder is sized at cost: a rung whose calls decayed is not re-bought; one bought
    /// for less than 75% of its budget is topped up, one that cost more than 125% is cut.
    @Test func ladderRungsAreSizedAtCostNotAtMarket() throws {
        let market = try HedgeMarket.get()
        let date = hedgeDay("2017-06-01")
        let chain = try market.chain(date)
        let inputs = try market.inputs(date, chain: chain)
        let opening = try planner.plan(inputs)
        let rungs = opening.targets(.otmLadder)
        #expect(rungs.count == 3)
        func book(costFactor: Double) -> HedgeBook {
            HedgeBook(positions: rungs.map { HedgePosition(layer: .otmLadder, instrument: $0.instrument, contracts: $0.contracts, averagePrice: $0.price * costFactor) })
        }
        // Bought at today's ask: held as is, no orders.
        let held = try planner.plan(inputs, book: book(costFactor: 1))
        #expect(held.orders(.otmLadder).isEmpty, "\(held.orders(.otmLadder))")
        // Bought at 1.2 × today's ask (the calls decayed 17% since): still within 25% of the
        // budget at cost, so nothing is re-bought (sized at market it would buy ~20% more).
        let decayed = try planner.plan(inputs, book: book(costFactor: 1.2))
        #expect(decayed.orders(.otmLadder).isEmpty, "\(decayed.orders(.otmLadder))")
        // Bought at half today's ask: half the budget committed at cost, topped up to it.
        let cheap = try planner.plan(inputs, book: book(costFactor: 0.5))
        for rung in rungs {
            let top = try #require(cheap.orders(.otmLadder).first { $0.instrument == rung.instrument })
            #expect(top.side == .buy)
            let committed = Double(rung.contracts) * rung.price * 0.5 * 100 + Double(top.quantity) * top.limitPrice * 100
            // Up to the budget (which the opening premium undershoots by less than one contract).
            #expect(committed <= rung.premium + rung.price * 100 + 1e-6 && committed > rung.premium * 0.75, "\(rung.instrument): \(committed) vs \(rung.premium)")
        }
        // Bought at twice today's ask: cut to about the budget at cost.
        let dear = try planner.plan(inputs, book: book(costFactor: 2))
        for rung in rungs where rung.contracts >= 2 {
            let cut = try #require(dear.orders(.otmLadder).first { $0.instrument == rung.instrument })
            let tolerance = max(1, rung.contracts / 10)
            #expect(cut.side == .sell && abs(cut.quantity - rung.contracts / 2) <= tolerance, "\(rung.instrument): sold \(cut.quantity) of \(rung.contracts)")
        }
        expectConsistent(dear, book: book(costFactor: 2), chain: chain)
    }
}
