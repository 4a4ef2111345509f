import MarketData
import Testing
@testable import Backtest

/// Stress-episode figures against a hand computation on a small synthetic run.
struct StressEpisodeTests {
    static func date(_ text: String) -> MarketDate { MarketDate(parsing: text)! }

    @Test func drawdownReturnAndComponentPnLAreMeasuredFromTheBaseClose() throws {
        let dates = ["2020-02-18", "2020-02-19", "2020-02-20", "2020-02-21", "2020-03-02", "2020-04-01"].map(Self.date)
        // Base is 02-19 (the last session before the 02-20 window start): equity 100.
        let equity = [90.0, 100, 110, 88, 99, 120]
        let pnl: [[String: Double]] = [
            ["condor": 0, "layer3": 0], ["condor": 1.25, "layer3": -2], ["condor": 3, "layer3": 5.5],
            ["condor": -4, "layer3": 10], ["condor": -3.75, "layer3": 12.01], ["condor": 9, "layer3": 20],
        ]
        let sessions = dates.indices.map { EpisodeInputs.Session(futuresSettled: $0 % 2 == 0, vvixReal: true, skewReal: false) }
        let results = EpisodeResult.evaluate(
            StressEpisode.standard, dates: dates, runs: [("s", equity, pnl), ("hold", equity.map { $0 * 2 }, [])], inputs: sessions)
        let covid = try #require(results.first { $0.episode.name == "2020-03" })
        #expect(results.count == 1)  // no other episode lies inside these dates
        #expect(covid.firstSession == Self.date("2020-02-20") && covid.lastSession == Self.date("2020-03-02"))
        let run = covid.runs[0]
        // Peak 110 on 02-20, trough 88 on 02-21: 20% drawdown; 99 at the end over 100 at the base.
        #expect(abs(run.maxDrawdown - 0.2) <= 1e-15)
        #expect(abs(run.totalReturn - -0.01) <= 1e-15)
        #expect(abs(run.pnl["condor"]! - -5.0) <= 1e-9 && abs(run.pnl["layer3"]! - 14.01) <= 1e-9)
        #expect(covid.runs[1].pnl.isEmpty && abs(covid.runs[1].maxDrawdown - 0.2) <= 1e-15)
        // Sessions 02-20, 02-21, 03-02 (indices 2, 3, 4): settled on 2 and 4.
        #expect(covid.inputs == EpisodeInputs(sessions: 3, futuresSettled: 2, vvixReal: 3, skewReal: 0))
    }

    @Test func episodesOutsideTheRunOrCutByItsEdgesAreLeftOut() {
        let dates = ["2020-02-20", "2020-03-02"].map(Self.date)  // starts inside the window: no base
        let results = EpisodeResult.evaluate(
            StressEpisode.standard, dates: dates, runs: [("s", [1, 1], [[:], [:]])],
            inputs: Array(repeating: EpisodeInputs.Session(futuresSettled: false, vvixReal: false, skewReal: false), count: 2))
        #expect(results.isEmpty)
    }

    @Test func standardEpisodesAreOrderedWellFormedWindows() {
        let episodes = StressEpisode.standard
        #expect(episodes.map(\.name) == ["2008-10", "2010-05", "2011-08", "2015-08", "2018-02", "2020-03", "2022", "2024-08", "2025-04"])
        for (a, b) in zip(episodes, episodes.dropFirst()) { #expect(a.to < b.from) }
        for e in episodes { #expect(e.from.dayNumber > 0 && e.from < e.to) }
    }
}
