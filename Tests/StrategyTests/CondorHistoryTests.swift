import Foundation
import MarketData
import Testing
@testable import Strategy
@testable import VolModels

/// Acceptance: "Condor short strikes have model delta within the ruleset's band on every
/// trading day of 2014-2018" — every session with both an S&P 500 and a VIX close, with the
/// default rules in the calm regime (target 0.16) and in real_resolution (target 0.20).
@Suite(.serialized) struct CondorHistoryTests {
    @Test func shortStrikesWithinTheDeltaBandEveryDay2014to2018() throws {
        let days = try CondorFixture.sessions2014to2018()
        #expect(days.count > 1200)
        let rules = CondorRules()
        let planner = CondorPlanner(rules: rules)
        let capital = 10_000_000.0
        var lo = (calm: 1.0, resolution: 1.0), hi = (calm: 0.0, resolution: 0.0)
        var sumCalm = 0.0
        var dteRange = (Int.max, Int.min)
        var popRange = (1.0, 0.0)
        var farthest = (gap: 0.0, label: "")
        for day in days {
            // Only the expiries up to max_dte are generated (the surface is the full one).
            let (model, chain) = try CondorFixture.market(day, throughDays: rules.maxDTE)
            for regime in [Regime.calm, .realResolution] {
                let plan = try planner.plan(chain: chain, model: model, capital: capital, regime: regime)
                #expect((rules.minDTE...rules.maxDTE).contains(plan.daysToExpiry), "\(day)")
                #expect(plan.maxLoss <= rules.maxLossFraction * capital)
                for role in [CondorLegRole.shortPut, .shortCall] {
                    let delta = abs(plan.leg(role).delta)
                    #expect(delta >= rules.shortDeltaMin && delta <= rules.shortDeltaMax, "\(day) \(regime) \(role) |Δ| \(delta)")
                    if regime == .calm, abs(delta - rules.shortDelta) > farthest.gap {
                        let side = plan.legs.first { $0.role == role }!
                        let quotes = chain.expiries.first { $0.expiry == plan.condor.expiry }!
                        let listed = (role == .shortPut ? quotes.puts : quotes.calls).map { abs($0.valuation.delta) }
                            .filter { abs($0 - rules.shortDelta) < 0.05 }.map { String(format: "%.5f", $0) }
                        farthest = (abs(delta - rules.shortDelta), "\(day) \(role.rawValue) K=\(side.strike) VIX \(model.inputs.vix) listed |Δ| \(listed)")
                    }
                    if regime == .calm {
                        lo.calm = min(lo.calm, delta)
                        hi.calm = max(hi.calm, delta)
                        sumCalm += delta
                    } else {
                        lo.resolution = min(lo.resolution, delta)
                        hi.resolution = max(hi.resolution, delta)
                    }
                }
                if regime == .calm {
                    dteRange = (min(dteRange.0, plan.daysToExpiry), max(dteRange.1, plan.daysToExpiry))
                    popRange = (min(popRange.0, plan.probabilityOfProfit), max(popRange.1, plan.probabilityOfProfit))
                }
            }
        }
        print(
            "Condor shorts, \(days.count) days \(days.first!)…\(days.last!): calm |Δ| \(lo.calm)…\(hi.calm) (mean \(sumCalm / Double(2 * days.count)));"
                + " real_resolution |Δ| \(lo.resolution)…\(hi.resolution); DTE \(dteRange.0)…\(dteRange.1); POP \(popRange.0)…\(popRange.1); farthest from target: \(farthest.label)")
    }
}
