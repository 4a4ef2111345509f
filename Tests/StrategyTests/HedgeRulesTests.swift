import Foundation
import PropertyBased
import Testing

@testable import Strategy

@Suite struct HedgeRulesTests {
    @Test func defaultsAreValid() throws {
        try HedgeRules().validate()
        try RiskPolicy().validate()
        _ = try HedgePlanner()
    }

    static let broken: [(String, @Sendable (inout HedgeRules) -> Void)] = [
        ("hedge.ladder_weights", { $0.ladderWeights = [0.5, 0.5, 0.5] }),
        ("hedge.ladder_weights", { $0.ladderWeights = [0.5, 0.5] }),
        ("hedge.layer2_tranche_of_risk", { $0.layer2TrancheOfRisk = -0.01 }),
        ("hedge.layer3_budget_of_risk", { $0.layer3BudgetOfRisk = 10.5 }),
        ("hedge.layer2_budget_of_risk", { $0.layer2BudgetOfRisk = .infinity }),
        ("hedge.corridor_band", { $0.corridorBand = -0.1 }),
        ("hedge.hedge_ratio", { $0.hedgeRatio = .nan }),
        ("hedge.pre_event_of_risk", { $0.preEventOfRisk = -0.06 }),
        ("hedge.pre_event_of_risk", { $0.preEventOfRisk = .nan }),
        ("hedge.hedge_ratio", { $0.hedgeRatio = 2.5 }),
        ("hedge.pre_event_sessions", { $0.preEventSessions = -1 }),
        ("hedge.cheap_percentile", { $0.cheapPercentile = 30 }),
        ("hedge.layer2_max_days", { $0.layer2MaxDays = 60 }),
        ("hedge.derisk_step", { $0.deriskStep = 0 }),
        ("hedge.derisk_floor", { $0.deriskFloor = 1.2 }),
        ("hedge.relief_weight_multiplier", { $0.reliefWeightMultiplier = 0.8 }),
        ("hedge.stress_weight_multiplier", { $0.stressWeightMultiplier = 0.5 }),
        ("hedge.vix_beta", { $0.vixBeta = 0 }),
    ]

    @Test(arguments: 0..<broken.count) func invalidHedgeRuleNamesItsField(_ index: Int) {
        let (field, change) = Self.broken[index]
        var rules = HedgeRules()
        change(&rules)
        #expect(throws: RulesetError.self) { try rules.validate() }
        do {
            try rules.validate()
        } catch {
            #expect(error.field == field, "\(error)")
        }
        #expect(throws: RulesetError.self) { _ = try HedgePlanner(rules: rules) }
    }

    @Test func invalidRiskPolicyNamesItsField() {
        let cases: [(String, RiskPolicy)] = [
            ("risk.max_hedge_budget", RiskPolicy(maxHedgeBudget: 1.5, maxPortfolioVega: 25_000, drawdownBrake: 0.1)),
            ("risk.max_hedge_budget", RiskPolicy(maxHedgeBudget: -0.1, maxPortfolioVega: 25_000, drawdownBrake: 0.1)),
            ("risk.max_portfolio_vega", RiskPolicy(maxHedgeBudget: 0.1, maxPortfolioVega: -1, drawdownBrake: 0.1)),
            ("risk.drawdown_brake", RiskPolicy(maxHedgeBudget: 0.1, maxPortfolioVega: 25_000, drawdownBrake: 0)),
        ]
        for (field, policy) in cases {
            do {
                try policy.validate()
                Issue.record("\(field) accepted")
            } catch {
                #expect(error.field == field)
            }
            #expect(throws: RulesetError.self) { _ = try HedgePlanner(risk: policy) }
        }
    }

    @Test func codingKeysAreSnakeCaseAndRoundTrip() throws {
        var rules = HedgeRules()
        rules.corridorBand = 0.2
        let json = String(decoding: try JSONEncoder().encode(rules), as: UTF8.self)
        for key in ["corridor_band", "relief_band_factor", "layer2_tranche_of_risk", "layer2_budget_of_risk", "cheap_percentile", "cheap_lookback",
            "layer3_budget_of_risk", "layer3_moneyness", "ladder_weights", "relief_weight_multiplier", "pre_event_sessions",
            "pre_event_of_risk", "derisk_step", "derisk_sessions", "derisk_floor", "hedge_ratio", "vix_beta"]
        {
            #expect(json.contains("\"\(key)\""), "\(key)")
        }
        #expect(try JSONDecoder().decode(HedgeRules.self, from: Data(json.utf8)) == rules)
        let risk = String(decoding: try JSONEncoder().encode(RiskPolicy()), as: UTF8.self)
        for key in ["max_hedge_budget", "max_portfolio_vega", "drawdown_brake", "drawdown_reference"] { #expect(risk.contains("\"\(key)\"")) }
    }

    @Test func deriskScheduleIsStepsToAFloor() {
        let rules = HedgeRules()
        let factors = (1...7).map { DeriskSchedule(rules: rules, regime: .realResolution, sessionsInRegime: $0).current }
        #expect(factors == [0.75, 0.5, 0.25, 0.25, 0.25, 0.25, 0.25])
        #expect(DeriskSchedule(rules: rules, regime: .calm, sessionsInRegime: 3).current == 1)
        #expect(DeriskSchedule(rules: rules, regime: .stress, sessionsInRegime: 3).current == 1)
    }

    @Test func trailingPercentileIsType7() {
        let history = (1...10).map(Double.init)
        #expect(abs(TrailingPercentile.value(history, percentile: 0.3, lookback: 10)! - 3.7) < 1e-12)
        #expect(TrailingPercentile.value(history, percentile: 0.5, lookback: 4) == 8.5)
        #expect(TrailingPercentile.value(history, percentile: 0.3, lookback: 11) == nil)
        #expect(TrailingPercentile.value([1, .nan, 3], percentile: 0.5, lookback: 3) == nil)
    }

    /// The selection gives the sorted window's type-7 quantile on seeded random windows with
    /// many ties (VIX closes repeat), at every percentile including 0 and 1.
    @Test func trailingPercentileSelectionMatchesSorting() {
        var rng = Xoshiro(seed: (20_261_125, 17, 19, 23))
        let lengths = Gen.int(in: 1...300)
        let values = Gen.int(in: 0...40)
        let percentiles = Gen.int(in: 0...100)
        for _ in 0..<2_000 {
            let history = (0..<lengths.run(using: &rng)).map { _ in 9 + Double(values.run(using: &rng)) / 4 }
            let lookback = max(1, history.count - values.run(using: &rng))
            let p = Double(percentiles.run(using: &rng)) / 100
            let window = history.suffix(lookback).sorted()
            let h = Double(window.count - 1) * p
            let low = Int(h.rounded(.down))
            let high = min(low + 1, window.count - 1)
            let expected = window[low] + (h - Double(low)) * (window[high] - window[low])
            let got = TrailingPercentile.value(history, percentile: p, lookback: lookback)
            #expect(got.map { abs($0 - expected) <= 1e-15 * expected } == true, "n \(history.count) lookback \(lookback) p \(p)")
        }
    }
}
