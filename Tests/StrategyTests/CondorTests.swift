import Foundation
import MarketData
import Testing
@testable import Strategy

/// Iron condor structure, payoff, rules validation and management triggers, all hand-checkable.
@Suite struct CondorTests {
    static let expiry = MarketDate(year: 2017, month: 8, day: 18)!

    // MARK: IronCondor validation

    @Test func validCondorAllowsUnequalWings() throws {
        let condor = try IronCondor(expiry: Self.expiry, longPut: 2300, shortPut: 2350, shortCall: 2550, longCall: 2575, quantity: 3, credit: 2.5)
        #expect(condor.putWidth == 50)
        #expect(condor.callWidth == 25)
        #expect(condor.totalCredit == 750)
        // max loss = max(50, 25)·100·3 − 2.5·100·3 = 15,000 − 750
        #expect(condor.maxLoss == 14_250)
        #expect(condor.lowerBreakEven == 2347.5)
        #expect(condor.upperBreakEven == 2552.5)
    }

    @Test(arguments: [
        (2350.0, 2350.0, 2550.0, 2600.0, 1, "long_put"),  // zero put width
        (2400.0, 2350.0, 2550.0, 2600.0, 1, "long_put"),  // long put above short put
        (2300.0, 2550.0, 2550.0, 2600.0, 1, "short_put"),  // shorts crossed/equal
        (2300.0, 2600.0, 2550.0, 2650.0, 1, "short_put"),
        (2300.0, 2350.0, 2550.0, 2550.0, 1, "long_call"),  // zero call width
        (2300.0, 2350.0, 2550.0, 2500.0, 1, "long_call"),
        (2300.0, 2350.0, 2550.0, 2600.0, 0, "quantity"),
        (2300.0, 2350.0, 2550.0, 2600.0, -2, "quantity"),
        (-5.0, 2350.0, 2550.0, 2600.0, 1, "long_put"),
        (Double.nan, 2350.0, 2550.0, 2600.0, 1, "long_put"),
    ])
    func invalidCondorCannotExist(lp: Double, sp: Double, sc: Double, lc: Double, qty: Int, field: String) {
        let error = #expect(throws: CondorError.self) {
            try IronCondor(expiry: Self.expiry, longPut: lp, shortPut: sp, shortCall: sc, longCall: lc, quantity: qty, credit: 1)
        }
        guard case .invalidCondor(let f, _) = error else { Issue.record("\(String(describing: error))"); return }
        #expect(f == field)
    }

    @Test func creditMustBeBelowTheNarrowerWing() throws {
        #expect(throws: CondorError.self) {
            try IronCondor(expiry: Self.expiry, longPut: 2300, shortPut: 2350, shortCall: 2550, longCall: 2560, quantity: 1, credit: 10)
        }
        #expect(throws: CondorError.self) {
            try IronCondor(expiry: Self.expiry, longPut: 2300, shortPut: 2350, shortCall: 2550, longCall: 2600, quantity: 1, credit: -0.1)
        }
    }

    @Test func decodingRejectsAnInvalidCondor() throws {
        let good = try IronCondor(expiry: Self.expiry, longPut: 2300, shortPut: 2350, shortCall: 2550, longCall: 2600, quantity: 2, credit: 1.85)
        let data = try JSONEncoder().encode(good)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"short_put\""))
        #expect(try JSONDecoder().decode(IronCondor.self, from: data) == good)
        let bad = text.replacingOccurrences(of: "\"long_call\":2600", with: "\"long_call\":2500")
        #expect(bad != text)
        #expect(throws: CondorError.self) { try JSONDecoder().decode(IronCondor.self, from: Data(bad.utf8)) }
    }

    // MARK: Payoff

    /// 2 × 2300/2350/2550/2600 for 1.85: credit $370, max loss 50·200 − 370 = $9,630.
    @Test func payoffAtExpiryIsExactToTheCent() throws {
        let c = try IronCondor(expiry: Self.expiry, longPut: 2300, shortPut: 2350, shortCall: 2550, longCall: 2600, quantity: 2, credit: 1.85)
        #expect(abs(c.maxProfit - 370) < 0.005)
        #expect(abs(c.maxLoss - 9_630) < 0.005)
        let cases: [(spot: Double, pnl: Double)] = [
            (1800, -9_630), (2300, -9_630), (2299.99, -9_630),  // below the long put: −max loss
            (2325, 370 - 25 * 200),  // between the put strikes: credit − (2350 − S)·200 = −4,630
            (2348.15, 0),  // lower break-even 2350 − 1.85
            (2350, 370), (2450, 370), (2550, 370),  // between the shorts: +credit
            (2551.85, 0),  // upper break-even
            (2580, 370 - 30 * 200),  // −5,630
            (2600, -9_630), (3000, -9_630),
        ]
        for (spot, pnl) in cases {
            #expect(abs(c.expiryPnL(at: spot) - pnl) < 0.005, "S=\(spot): \(c.expiryPnL(at: spot)) vs \(pnl)")
        }
    }

    // MARK: Rules

    @Test func defaultRulesAreValidAndDocumented() throws {
        let rules = CondorRules()
        try rules.validate()
        #expect(rules.minDTE == 30 && rules.maxDTE == 45)
        #expect(rules.shortDelta == 0.16 && rules.shortDeltaMin == 0.15 && rules.shortDeltaMax == 0.20)
        #expect(rules.wingMode == .delta && rules.wingDelta == 0.05 && rules.wingWidth == 50)
        #expect(rules.maxLossFraction == 0.10 && rules.takeProfit == 0.5 && rules.stopLoss == 2.0 && rules.exitDTE == 21)
        #expect(rules.adjustment(for: .calm) == CondorRegimeAdjustment(regime: .calm, shortDelta: 0.16, sizeMultiplier: 1))
        #expect(rules.adjustment(for: .reliefRally)?.shortDelta == 0.16)
        #expect(rules.adjustment(for: .realResolution) == CondorRegimeAdjustment(regime: .realResolution, shortDelta: 0.20, sizeMultiplier: 1))
        #expect(rules.adjustment(for: .stress) == CondorRegimeAdjustment(regime: .stress, shortDelta: 0.16, sizeMultiplier: 0.5))
        var skip = rules
        skip.stressAction = .skip
        #expect(skip.adjustment(for: .stress) == nil)
    }

    @Test func rulesUseSnakeCaseKeys() throws {
        let json = String(decoding: try JSONEncoder().encode(CondorRules()), as: UTF8.self)
        for key in ["min_dte", "max_dte", "short_delta", "short_delta_min", "short_delta_max", "wing_mode", "wing_delta", "wing_width",
            "max_loss_fraction", "take_profit", "stop_loss", "exit_dte", "real_resolution_short_delta", "stress_action", "stress_size_multiplier"]
        {
            #expect(json.contains("\"\(key)\""), "\(key)")
        }
        #expect(try JSONDecoder().decode(CondorRules.self, from: Data(json.utf8)) == CondorRules())
    }

    /// Default rules with one field (by its snake_case key) set to `value`.
    static func rules(_ key: String, _ value: Double) -> CondorRules {
        var r = CondorRules()
        switch key {
        case "short_delta": r.shortDelta = value
        case "short_delta_min": r.shortDeltaMin = value
        case "short_delta_max": r.shortDeltaMax = value
        case "wing_delta": r.wingDelta = value
        case "wing_width": r.wingWidth = value
        case "max_loss_fraction": r.maxLossFraction = value
        case "take_profit": r.takeProfit = value
        case "stop_loss": r.stopLoss = value
        case "min_dte": r.minDTE = Int(value)
        case "exit_dte": r.exitDTE = Int(value)
        case "real_resolution_short_delta": r.realResolutionShortDelta = value
        case "stress_size_multiplier": r.stressSizeMultiplier = value
        default: Issue.record("unknown key \(key)")
        }
        return r
    }

    @Test(arguments: [
        ("short_delta", 0.5), ("short_delta", 0.12),  // 0.12: outside the band
        ("short_delta", .nan), ("short_delta_min", 0), ("short_delta_min", 0.25),  // 0.25: min > max
        ("short_delta_max", 0.6), ("wing_delta", -0.05), ("wing_delta", 0.15),  // 0.15: not beyond the shorts
        ("wing_width", -50), ("wing_width", 0), ("max_loss_fraction", 0), ("max_loss_fraction", 1.5),
        ("take_profit", 1.2), ("stop_loss", -1), ("min_dte", 50),  // 50: window min > max
        ("min_dte", 0), ("exit_dte", 30), ("exit_dte", -1), ("real_resolution_short_delta", 0.25),
        ("stress_size_multiplier", 0),
    ] as [(String, Double)])
    func rulesValidationNamesTheField(key: String, value: Double) {
        let rules = Self.rules(key, value)
        let error = #expect(throws: RulesetError.self) { try rules.validate() }
        #expect(error?.field == "condor.\(key)", "\(String(describing: error))")
    }

    // MARK: Management triggers

    /// Credit $500: take profit at ≥ +$250, stop at ≤ −$1,000, exit at ≤ 21 DTE.
    @Test func managementTriggersOnPnL() {
        let manager = CondorManager()
        #expect(manager.action(pnl: 100, entryCredit: 500, daysToExpiry: 30) == .hold)
        #expect(manager.action(pnl: -999.99, entryCredit: 500, daysToExpiry: 30) == .hold)
        #expect(manager.action(pnl: 249.99, entryCredit: 500, daysToExpiry: 22) == .hold)
        #expect(manager.action(pnl: 250, entryCredit: 500, daysToExpiry: 30) == .takeProfit)
        #expect(manager.action(pnl: 400, entryCredit: 500, daysToExpiry: 10) == .takeProfit)
        #expect(manager.action(pnl: -1_000, entryCredit: 500, daysToExpiry: 30) == .stopLoss)
        #expect(manager.action(pnl: -1_500, entryCredit: 500, daysToExpiry: 5) == .stopLoss)  // stop beats exit
        #expect(manager.action(pnl: 0, entryCredit: 500, daysToExpiry: 21) == .exitDTE)
        #expect(manager.action(pnl: 249, entryCredit: 500, daysToExpiry: 3) == .exitDTE)
        var rules = CondorRules()
        rules.takeProfit = 0.25
        rules.stopLoss = 1
        let tight = CondorManager(rules: rules)
        #expect(tight.action(pnl: 125, entryCredit: 500, daysToExpiry: 30) == .takeProfit)
        #expect(tight.action(pnl: -500, entryCredit: 500, daysToExpiry: 30) == .stopLoss)
    }
}
