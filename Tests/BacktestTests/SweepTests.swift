import Foundation
import MarketData
import QuantCore
import Strategy
import Testing
@testable import Backtest

@Suite struct SweepTests {
    @Test func gridRunsRanksDeflatesAndWalksForward() throws {
        let grid = try SweepGrid.load(
            toml: "\"condor.short_delta\" = [0.16, 0.18]\n\"hedge.layer3_budget_of_risk\" = [0.0, 0.2]\n[walk_forward]\nfit_sessions = 20\ntrade_sessions = 10\n",
            file: "grid.toml", base: .standard)
        #expect(grid.variants.count == 4)
        #expect(grid.variants.map(\.label).contains("condor.short_delta=0.18 hedge.layer3_budget_of_risk=0.2"))
        #expect(grid.variants.map(\.label).contains("condor.short_delta=0.16 hedge.layer3_budget_of_risk=0.0"))
        #expect(grid.variants[0].ruleset.condor.shortDelta == 0.16 && grid.variants[0].ruleset.hedge.layer3BudgetOfRisk == 0)
        let store = try SimulatorTests.store.get()
        let calendar = try TradingCalendar(sessions: store.sessions().map(\.date))
        let report = try Sweep.run(
            grid: grid, store: store, calendar: calendar, from: MarketDate(parsing: "2017-10-02")!, to: MarketDate(parsing: "2017-12-29")!)
        #expect(report.rows.count == 4)
        #expect(report.rows.map(\.rank) == [1, 2, 3, 4])
        let sharpes = report.rows.compactMap(\.sharpe)
        #expect(sharpes == sharpes.sorted(by: >))
        let dsr = try #require(report.deflatedSharpeProbability)
        #expect(dsr >= 0 && dsr <= 1)
        #expect(!report.walkForwardChoices.isEmpty && report.walkForwardSharpe != nil)
        #expect(report.deflatedSharpeNote == nil && report.walkForwardNote == nil)
        // Notes are absent from the JSON (as the command writes it) when both figures are there.
        let keys = try JSONSerialization.jsonObject(with: Data(StableJSON.encode(report).utf8)) as? [String: Any]
        #expect(keys?["deflatedSharpeNote"] == nil && keys?["walkForwardNote"] == nil && keys?["walkForwardSharpe"] != nil)
        // Each variant is the same run as a single backtest with its ruleset.
        let single = try Simulator.run(
            store: store, calendar: calendar,
            configuration: BacktestConfiguration(
                from: MarketDate(parsing: "2017-10-02")!, to: MarketDate(parsing: "2017-12-29")!, ruleset: grid.variants[3].ruleset))
        let row = try #require(report.rows.first { $0.settings == grid.variants[3].label })
        #expect(abs(row.finalEquity - single.days.last!.equity) <= 1e-9)
    }

    /// A figure the sweep cannot give comes with its reason, in the report and its JSON: one
    /// variant has nothing to deflate against, and 15 sessions cannot hold a fit window of 20.
    @Test func missingFiguresSayWhy() throws {
        let grid = try SweepGrid.load(
            toml: "\"condor.short_delta\" = [0.16]\n[walk_forward]\nfit_sessions = 20\ntrade_sessions = 10\n", file: "grid.toml",
            base: .standard)
        let store = try SimulatorTests.store.get()
        let calendar = try TradingCalendar(sessions: store.sessions().map(\.date))
        let report = try Sweep.run(
            grid: grid, store: store, calendar: calendar, from: MarketDate(parsing: "2017-10-02")!, to: MarketDate(parsing: "2017-10-20")!)
        #expect(report.deflatedSharpeProbability == nil && report.walkForwardSharpe == nil && report.walkForwardChoices.isEmpty)
        #expect(report.deflatedSharpeNote?.hasPrefix("fewer than two variants") == true, "\(report.deflatedSharpeNote ?? "nil")")
        let walk = try #require(report.walkForwardNote)
        #expect(walk == "not computed: 15 sessions give 14 daily returns, and a fit window of 20 needs at least 21", "\(walk)")
        let keys = try JSONSerialization.jsonObject(with: Data(StableJSON.encode(report).utf8)) as? [String: Any]
        #expect(keys?["deflatedSharpeNote"] as? String == report.deflatedSharpeNote && keys?["walkForwardNote"] as? String == walk)
    }

    /// The reasons themselves, on returns made up to reach each one.
    @Test func deflatedAndWalkForwardReasons() throws {
        let grid = try SweepGrid.load(
            toml: "\"condor.short_delta\" = [0.16, 0.18]\n[walk_forward]\nfit_sessions = 3\ntrade_sessions = 2\n", file: "grid.toml",
            base: .standard)
        let varied = [0.01, -0.02, 0.015, 0.0, 0.01, -0.005, 0.02, 0.001]
        let flat = [Double](repeating: 0.001, count: varied.count)
        let days = Array(0...varied.count)
        // A variant without variance has no Sharpe ratio: named in the note.
        let (none, why) = try Sweep.deflatedSharpe(grid: grid, returns: [varied, flat], best: 0)
        #expect(none == nil && why?.contains("variant condor.short_delta=0.18 has no Sharpe ratio") == true, "\(why ?? "nil")")
        let (some, noWhy) = try Sweep.deflatedSharpe(grid: grid, returns: [varied, varied.map { $0 * 0.5 + 0.001 }], best: 0)
        #expect(some != nil && noWhy == nil)
        // Fewer than two returns: said once, before any variant is named.
        let (few, fewWhy) = try Sweep.deflatedSharpe(grid: grid, returns: [[0.01], [0.02]], best: 0)
        #expect(few == nil && fewWhy == "1 daily return(s): a Sharpe ratio needs 2", "\(fewWhy ?? "nil")")
        // Bad input is a failure, not a note: checked over every variant before the statistics,
        // and each statistic refuses it too.
        var late = flat
        late[7] = .infinity
        #expect(throws: MetricsError.nonFiniteValue(field: "returns of condor.short_delta=0.18", index: 7)) {
            try Sweep.requireFinite([varied, late], grid: grid)
        }
        try Sweep.requireFinite([varied, flat], grid: grid)
        var broken = varied
        broken[2] = .nan
        #expect(throws: MetricsError.statistics(.nonFiniteInput(index: 2))) {
            try Sweep.deflatedSharpe(grid: grid, returns: [varied, broken], best: 0)
        }
        #expect(throws: StatisticsError.nonFiniteInput(index: 2)) {
            try Sweep.walkForward(grid: grid, returns: [varied, broken], dayNumbers: days)
        }
        // Walk-forward: 8 returns, fit 3, trade 2 -> windows trade returns 3-4 and 5-6 (and 7):
        // the stitched series of the constant variant has no Sharpe; the varied one has.
        let flatWalk = try Sweep.walkForward(grid: grid, returns: [flat, flat], dayNumbers: days)
        #expect(flatWalk.sharpe == nil && flatWalk.choices.count == 3 && flatWalk.cagr != nil)
        #expect(flatWalk.note?.hasPrefix("the stitched out-of-sample returns have no Sharpe ratio") == true, "\(flatWalk.note ?? "nil")")
        // Neither variant has a Sharpe in any fit window: the first listed, and the choice says so.
        #expect(flatWalk.choices.allSatisfy { $0.hasSuffix("condor.short_delta=0.16 (no variant had a Sharpe ratio in the fit window: the first listed)") })
        let walk = try Sweep.walkForward(grid: grid, returns: [varied, flat], dayNumbers: days)
        #expect(walk.sharpe != nil && walk.cagr != nil && walk.note == nil)
        #expect(walk.choices.allSatisfy { $0.hasSuffix(": condor.short_delta=0.16") })
        // A stitched series that loses everything has a Sharpe but no CAGR, and says so.
        var ruin = varied
        ruin[5] = -1
        let ruined = try Sweep.walkForward(grid: grid, returns: [ruin, flat], dayNumbers: days)
        #expect(ruined.sharpe != nil && ruined.cagr == nil)
        #expect(ruined.note == "the stitched out-of-sample returns lose everything: no CAGR", "\(ruined.note ?? "nil")")
        // One window with one out-of-sample return (fit 3 over 4 returns).
        let one = try Sweep.walkForward(grid: grid, returns: [varied, flat].map { Array($0.prefix(4)) }, dayNumbers: Array(0...4))
        #expect(one.sharpe == nil && one.choices.count == 1 && one.note == "one out-of-sample return: a Sharpe ratio needs 2")
    }

    @Test func badGridsNameTheField() {
        #expect(throws: RulesetError.self) { try SweepGrid.load(toml: "\"condor.short_delta\" = [0.7]\n", file: "g.toml", base: .standard) }
        #expect(throws: RulesetError.self) { try SweepGrid.load(toml: "\"condor.nope\" = [1]\n", file: "g.toml", base: .standard) }
        #expect(throws: RulesetError.self) { try SweepGrid.load(toml: "\"condor.short_delta\" = []\n", file: "g.toml", base: .standard) }
        #expect(throws: RulesetError.self) { try SweepGrid.load(toml: "[walk_forward]\nfit_sessions = 5\n", file: "g.toml", base: .standard) }
        // A fit window of one session has no Sharpe ratio to rank by.
        #expect {
            try SweepGrid.load(toml: "\"condor.short_delta\" = [0.16]\n[walk_forward]\nfit_sessions = 1\n", file: "g.toml", base: .standard)
        } throws: { error in
            (error as? RulesetError)?.field == "walk_forward.fit_sessions"
        }
        let axis = "\"condor.short_delta\" = [0.16]\n"
        #expect(throws: RulesetError.self) { try SweepGrid.load(toml: axis + "[walk_forward]\nfit_session = 5\n", file: "g.toml", base: .standard) }
        #expect(throws: RulesetError.self) { try SweepGrid.load(toml: axis + "[walk_forward]\nfit_sessions = 2.5\n", file: "g.toml", base: .standard) }
        #expect(throws: RulesetError.self) { try SweepGrid.load(toml: "\"condor.short_delta\" = [[0.16]]\n", file: "g.toml", base: .standard) }
    }

    /// Values reach the ruleset exactly as written (a JSON detour once made 0.035 into
    /// 0.03500000000000002, a few units in the last place; the tolerance is below one).
    /// A grid on a renamed key keeps its old meaning (a fraction of capital) for each variant's
    /// own condor risk fraction: same dollars as before the rename.
    @Test func legacyKeyInAGridIsConvertedPerVariant() throws {
        let grid = try SweepGrid.load(
            toml: "\"hedge.layer3_budget\" = [0.02]\n\"condor.max_loss_fraction\" = [0.02, 0.05]\n", file: "g.toml", base: .standard)
        #expect(grid.variants.count == 2)
        for variant in grid.variants {
            let dollars = variant.ruleset.hedge.layer3BudgetOfRisk * variant.ruleset.condorRiskBudget(capital: 1_000_000)
            #expect(abs(dollars - 20_000) < 1e-9, "\(variant.label): \(dollars)")
        }
    }

    @Test func valuesAreReadExactly() throws {
        let grid = try SweepGrid.load(
            toml: "\"hedge.layer3_budget_of_risk\" = [0.035, 0.0175]\n\"condor.exit_dte\" = [14]\n\"condor.wing_mode\" = [\"width\"]\n", file: "g.toml",
            base: .standard)
        #expect(grid.variants.map(\.label) == [
            "condor.exit_dte=14 condor.wing_mode=\"width\" hedge.layer3_budget_of_risk=0.035", "condor.exit_dte=14 condor.wing_mode=\"width\" hedge.layer3_budget_of_risk=0.0175",
        ])
        #expect(abs(grid.variants[0].ruleset.hedge.layer3BudgetOfRisk - 0.035) < 1e-18)
        #expect(abs(grid.variants[1].ruleset.hedge.layer3BudgetOfRisk - 0.0175) < 1e-18)
        #expect(grid.variants[0].ruleset.condor.exitDTE == 14)
        #expect(grid.variants[0].ruleset.condor.wingMode == .width)
    }
}
