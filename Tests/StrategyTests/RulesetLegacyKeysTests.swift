import Foundation
import MarketData
import Testing

@testable import Strategy

/// Hedge budgets moved from fractions of capital to multiples of the condor risk budget R; the
/// old keys still load and mean the same dollars.
@Suite struct RulesetLegacyKeysTests {
    @Test(arguments: [
        ("layer3_budget", 0.02), ("layer2_budget", 0.03), ("layer2_tranche", 0.005), ("pre_event_fraction", 0.06),
    ])
    func oldKeyKeepsItsDollars(_ key: String, _ fraction: Double) throws {
        for risk in [0.02, 0.10, 0.25] {
            let ruleset = try Ruleset.load(toml: "[condor]\nmax_loss_fraction = \(risk)\n[hedge]\n\(key) = \(fraction)\n", file: "old.toml")
            let multiple: Double =
                switch key {
                case "layer3_budget": ruleset.hedge.layer3BudgetOfRisk
                case "layer2_budget": ruleset.hedge.layer2BudgetOfRisk
                case "layer2_tranche": ruleset.hedge.layer2TrancheOfRisk
                default: ruleset.hedge.preEventOfRisk
                }
            let dollars = multiple * ruleset.condorRiskBudget(capital: 1_000_000)
            #expect(abs(dollars - fraction * 1_000_000) < 1e-6, "\(key) with max_loss_fraction \(risk): \(dollars)")
        }
    }

    /// 0 and 1 are numbers, not booleans, whatever JSON bridging does with them.
    @Test func oldKeysSetToZeroOrOneLoad() throws {
        #expect(try Ruleset.load(toml: "[hedge]\nlayer3_budget = 0\n", file: "old.toml").hedge.layer3BudgetOfRisk.magnitude < 1e-300)
        let one = try Ruleset.load(toml: "[condor]\nmax_loss_fraction = 0.5\n[hedge]\nlayer2_budget = 1\n", file: "old.toml")
        #expect(abs(one.hedge.layer2BudgetOfRisk - 2) < 1e-15)
    }

    @Test func oldKeyUsesTheDefaultRiskFractionWhenTheFileGivesNone() throws {
        let ruleset = try Ruleset.load(toml: "[hedge]\nlayer3_budget = 0.01\n", file: "old.toml")
        #expect(abs(ruleset.hedge.layer3BudgetOfRisk * CondorRules().maxLossFraction - 0.01) < 1e-15)
    }

    @Test func bothNamesAtOnceIsAnErrorNamingTheOldKey() {
        #expect(throws: RulesetError.self) { try Ruleset.load(toml: "[hedge]\nlayer3_budget = 0.01\nlayer3_budget_of_risk = 0.1\n", file: "x.toml") }
        do {
            _ = try Ruleset.load(toml: "[hedge]\nlayer3_budget = 0.01\nlayer3_budget_of_risk = 0.1\n", file: "x.toml")
        } catch {
            #expect(error.field == "hedge.layer3_budget")
        }
    }

    @Test(arguments: ["layer3_budget = true", "pre_event_fraction = \"six\""])
    func aNonNumericOldKeyIsAnErrorNamingIt(_ line: String) {
        do {
            _ = try Ruleset.load(toml: "[hedge]\n\(line)\n", file: "x.toml")
            Issue.record("loaded \(line)")
        } catch {
            #expect(error.field == "hedge." + line.prefix { $0 != " " })
        }
    }

    @Test func drawdownReferenceLoadsAndRejectsUnknownValues() throws {
        #expect(try Ruleset.load(toml: "[risk]\ndrawdown_reference = \"all_time\"\n", file: "r.toml").risk.drawdownReference == .allTime)
        #expect(Ruleset().risk.drawdownReference == .year)
        #expect(throws: RulesetError.self) { try Ruleset.load(toml: "[risk]\ndrawdown_reference = \"month\"\n", file: "r.toml") }
    }

    @Test func yearReferenceResetsOnANewYearOnly() {
        func day(_ text: String) -> MarketDate { MarketDate(parsing: text)! }
        #expect(DrawdownReference.year.resets(peakDate: day("2019-12-31"), on: day("2020-01-02")))
        #expect(!DrawdownReference.year.resets(peakDate: day("2020-01-02"), on: day("2020-12-31")))
        #expect(!DrawdownReference.allTime.resets(peakDate: day("2007-01-03"), on: day("2026-03-27")))
    }
}
