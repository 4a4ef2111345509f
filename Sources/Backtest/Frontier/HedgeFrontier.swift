import Dispatch
import Foundation
import MarketData
import QuantCore
import Strategy
import VolModels

/// The hedge frontier: for each hedge layer (and the pre-FOMC seed on its own), the strategy
/// re-run with that layer's budget scaled by `scales` × its value in the ruleset, the other
/// layers at theirs, on one shared market timeline (calibrated once, regime path built once),
/// the runs in parallel on all cores. Each point reports CAGR, volatility, max drawdown, daily
/// CVaR 95%, the worst stress episode's loss, the layer's premium and its P&L; each layer gets
/// what one dollar of premium bought (default against zero). Three brake rows show what the
/// drawdown brake's reference changes: `year` and `all_time` at the ruleset's brake, and the
/// brake off (`drawdown_brake = 1`).
///
/// The zero point of a layer is exactly the run of a ruleset that sets that layer's budget to
/// zero (the frontier builds that ruleset and runs the one simulator); points are deterministic.
public enum HedgeFrontier {
    public static let scales: [Double] = [0, 0.25, 0.5, 1, 1.5, 2]

    public struct Report: Sendable, Codable, Equatable {
        public var from: MarketDate
        public var to: MarketDate
        public var rulesetHash: String
        public var prices: String
        public var disclaimer: String
        /// Condor risk budget at the starting capital, dollars: what the `_of_risk` keys multiply.
        public var condorRiskBudget: Double
        public var points: [FrontierPoint]
        public var layers: [FrontierLayerSummary]
        public var brake: [FrontierPoint]
        /// Which model inputs were real over the run (VX settlements, VVIX, SKEW sessions).
        public var vixInputs: VIXInputSessions
        /// Points left out because the scaled value is outside its key's domain.
        public var skipped: [String]
    }

    /// A run the frontier makes: a layer at a scale, or a brake setting.
    struct Job: Sendable {
        var layer: String
        var scale: Double?
        var ruleset: Ruleset
        var settings: [String: Double]
        var frontierLayer: FrontierLayer?
        /// The brake row's name (`year`, `all_time`, `off`).
        var brake: String? = nil
    }

    public static func run(
        timeline: MarketTimeline, ruleset: Ruleset, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws -> Report {
        try ruleset.validate()
        var jobs: [Job] = []
        // The default (scale 1) is one run shared by every layer's line.
        jobs.append(Job(layer: "default", scale: 1, ruleset: ruleset, settings: [:], frontierLayer: nil))
        var skipped: [String] = []
        for layer in FrontierLayer.allCases {
            for scale in scales where scale != 1 {
                let scaled = layer.scaled(ruleset, by: scale)
                // A multiple past a key's domain (e.g. a hedge ratio of 1.5 doubled) is left out
                // and listed, rather than failing the whole frontier.
                do {
                    try scaled.validate()
                } catch {
                    skipped.append("\(layer.rawValue) × \(scale): \(error)")
                    continue
                }
                jobs.append(Job(layer: layer.rawValue, scale: scale, ruleset: scaled, settings: layer.settings(scaled), frontierLayer: layer))
            }
        }
        var allTime = ruleset, year = ruleset, off = ruleset
        allTime.risk.drawdownReference = .allTime
        year.risk.drawdownReference = .year
        off.risk.drawdownBrake = 1
        let brakeRulesets = [("all_time", allTime), ("year", year), ("off", off)]
        for (name, rules) in brakeRulesets {
            jobs.append(
                Job(
                    layer: "brake", scale: nil, ruleset: rules, settings: ["risk.drawdown_brake": rules.risk.drawdownBrake], frontierLayer: nil,
                    brake: name))
        }
        _ = try timeline.regimeTape(ruleset.regime)
        try timeline.shareVIXQuotes()
        timeline.shareSPXChains()
        let sessions = timeline.days.map(EpisodeInputs.Session.init)
        let slots = ResultSlots<Measured>(count: jobs.count)
        let planned = jobs
        DispatchQueue.concurrentPerform(iterations: planned.count) { index in
            slots.set(index, Result { try measure(planned[index], timeline: timeline, sessions: sessions) })
            progress?(slots.finished, planned.count)
        }
        let measured = try slots.values()
        let base = measured[0]
        var points: [FrontierPoint] = []
        var layers: [FrontierLayerSummary] = []
        for layer in FrontierLayer.allCases {
            var line: [FrontierPoint] = []
            for scale in scales {
                if scale == 1 {
                    var point = base.point
                    point.layer = layer.rawValue
                    point.settings = layer.settings(ruleset)
                    point.premiumSpent = layer.premiumPaid(base.ledger).dollars
                    point.layerPnL = base.ledger.componentPnL(layer.component).dollars
                    line.append(point)
                } else if let run = measured.first(where: { $0.job.frontierLayer == layer && $0.job.scale == scale }) {
                    line.append(run.point)
                }
            }
            points += line
            if let zero = line.first(where: { $0.scale == 0 }), let one = line.first(where: { $0.scale == 1 }) {
                layers.append(summary(layer, zero: zero, one: one, capital: ruleset.capital, ruleset: ruleset))
            }
        }
        let brake = measured.filter { $0.job.layer == "brake" }.map(\.point)
        return Report(
            from: timeline.sessions.first ?? timeline.from, to: timeline.sessions.last ?? timeline.to, rulesetHash: ruleset.contentHash,
            prices: SyntheticChain.provenance, disclaimer: Signal.disclaimer, condorRiskBudget: ruleset.condorRiskBudget(capital: ruleset.capital),
            points: points, layers: layers, brake: brake, vixInputs: VIXInputSessions(timeline.days), skipped: skipped)
    }

    struct Measured: Sendable {
        var job: Job
        var point: FrontierPoint
        var ledger: Ledger
    }

    static func measure(_ job: Job, timeline: MarketTimeline, sessions: [EpisodeInputs.Session]) throws -> Measured {
        let configuration = BacktestConfiguration(
            from: timeline.from, to: timeline.to, ruleset: job.ruleset, hedge: .alvh, models: timeline.parameters)
        let run = try Simulator.run(timeline: timeline, configuration: configuration)
        let dates = run.days.map(\.date)
        let equity = run.days.map(\.equity)
        let summary = try BacktestSummary(name: job.layer, label: job.layer, dates: dates, equity: equity, trades: [], components: [])
        // A wiped-out account (equity ≤ 0) has no defined return: count it as −100%.
        let returns = zip(equity, equity.dropFirst()).map { $0 > 0 ? $1 / $0 - 1 : -1 }
        let cvar: Double? = returns.isEmpty ? nil : try PortfolioStatistics.conditionalValueAtRisk(returns: returns, level: 0.95)
        let episodes = EpisodeResult.evaluate(
            StressEpisode.standard, dates: dates, runs: [(name: job.layer, equity: equity, pnl: [])], inputs: sessions)
        var losses: [String: Double] = [:]
        for result in episodes { if let run = result.runs.first { losses[result.episode.name] = -run.totalReturn } }
        let worst = losses.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }
        let layer = job.frontierLayer
        let point = FrontierPoint(
            layer: job.layer, brake: job.brake, scale: job.scale, settings: job.settings, finalEquity: summary.finalEquity, cagr: summary.cagr,
            volatility: summary.volatility, maxDrawdown: summary.maxDrawdown, cvar95: cvar, worstEpisode: worst?.key,
            worstEpisodeLoss: worst?.value, episodeLosses: losses, premiumSpent: layer?.premiumPaid(run.ledger).dollars ?? 0,
            layerPnL: layer.map { run.ledger.componentPnL($0.component).dollars } ?? 0,
            brakeSessions: run.brakeSessions)
        return Measured(job: job, point: point, ledger: run.ledger)
    }

    static func summary(_ layer: FrontierLayer, zero: FrontierPoint, one: FrontierPoint, capital: Double, ruleset: Ruleset) -> FrontierLayerSummary {
        let cagrChange = difference(one.cagr, zero.cagr)
        let drawdown = difference(zero.maxDrawdown, one.maxDrawdown)
        // The same episode on both sides: the one that hurt most without the layer.
        let episode = difference(zero.worstEpisodeLoss, one.episodeLosses[zero.worstEpisode ?? ""])
        let premium = one.premiumSpent
        return FrontierLayerSummary(
            layer: layer.rawValue, label: layer.label, settings: layer.settings(ruleset), premiumSpent: premium, cagrChange: cagrChange,
            drawdownReduction: drawdown, worstEpisode: zero.worstEpisode, worstEpisodeReduction: episode,
            drawdownPerPremiumDollar: premium > 0 ? drawdown.map { $0 * capital / premium } : nil,
            episodeLossPerPremiumDollar: premium > 0 ? episode.map { $0 * capital / premium } : nil,
            layerPnL: one.layerPnL, paysForItself: (cagrChange ?? -1) > 0)
    }

    private static func difference(_ a: Double?, _ b: Double?) -> Double? {
        guard let a, let b else { return nil }
        return a - b
    }
}
