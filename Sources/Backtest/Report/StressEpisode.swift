import MarketData

/// A named market stress window over which every run's drawdown and each hedge layer's P&L
/// are reported. P&L is counted from the close of the last session before `from` (the base)
/// to the close of the last session on or before `to`.
public struct StressEpisode: Sendable, Codable, Equatable {
    public var name: String
    public var from: MarketDate
    public var to: MarketDate

    public init(name: String, from: MarketDate, to: MarketDate) {
        self.name = name
        self.from = from
        self.to = to
    }

    /// The VIX spikes and bear markets since 2007 that a tail hedge exists for. Windows are the
    /// calendar months the names give, except: 2008-10 runs from the Lehman weekend (2008-09-15)
    /// to the end of October; 2020-03 starts at the S&P 500's 2020-02-19 high; 2022 is the whole
    /// bear-market year; 2024-08 covers the yen-carry unwind from 2024-07-31.
    public static let standard: [StressEpisode] = [
        episode("2008-10", "2008-09-15", "2008-10-31"),
        episode("2010-05", "2010-05-01", "2010-05-31"),
        episode("2011-08", "2011-08-01", "2011-08-31"),
        episode("2015-08", "2015-08-01", "2015-08-31"),
        episode("2018-02", "2018-02-01", "2018-02-28"),
        episode("2020-03", "2020-02-20", "2020-03-31"),
        episode("2022", "2022-01-01", "2022-12-31"),
        episode("2024-08", "2024-07-31", "2024-08-31"),
        episode("2025-04", "2025-04-01", "2025-04-30"),
    ]

    private static func episode(_ name: String, _ from: String, _ to: String) -> StressEpisode {
        // The literals above are valid dates; a typo would fail the tests that list them.
        StressEpisode(name: name, from: MarketDate(parsing: from) ?? .init(dayNumber: 0), to: MarketDate(parsing: to) ?? .init(dayNumber: 0))
    }
}

/// One run over one episode.
public struct EpisodeRunResult: Sendable, Codable, Equatable {
    public var run: String
    /// Equity at the end over equity at the base, minus 1.
    public var totalReturn: Double
    /// The deepest fall from a running peak inside the window (the base equity is the first
    /// peak), as a positive fraction.
    public var maxDrawdown: Double
    /// P&L in dollars over the window by ledger component (empty for buy-and-hold).
    public var pnl: [String: Double]
}

/// Which model inputs were real on the episode's sessions.
public struct EpisodeInputs: Sendable, Codable, Equatable {
    public var sessions: Int
    public var futuresSettled: Int
    public var vvixReal: Int
    public var skewReal: Int

    /// Which inputs were real on one session.
    public struct Session: Sendable, Equatable {
        public var futuresSettled: Bool
        public var vvixReal: Bool
        public var skewReal: Bool

        public init(futuresSettled: Bool, vvixReal: Bool, skewReal: Bool) {
            (self.futuresSettled, self.vvixReal, self.skewReal) = (futuresSettled, vvixReal, skewReal)
        }

        init(_ day: MarketDay) {
            var settled = false, vvix = false
            if case .success(let complex) = day.vixComplex {
                settled = complex.futuresSource == .settlements
                vvix = complex.vvixSource == .vvix
            }
            self.init(futuresSettled: settled, vvixReal: vvix, skewReal: day.model.skewSource.isReal)
        }
    }
}

/// An episode's results across the runs of a comparison.
public struct EpisodeResult: Sendable, Codable, Equatable {
    public var episode: StressEpisode
    /// The first and last sessions inside the window.
    public var firstSession: MarketDate
    public var lastSession: MarketDate
    public var runs: [EpisodeRunResult]
    public var inputs: EpisodeInputs

    /// Episodes whose window lies inside the sessions of `dates` (one base session before the
    /// window is needed, so an episode that starts with the run is left out, and the run must
    /// reach the window's end). `runs` and `sessions` are aligned with `dates`.
    static func evaluate(
        _ episodes: [StressEpisode], dates: [MarketDate], runs: [(name: String, equity: [Double], pnl: [[String: Double]])], inputs sessions: [EpisodeInputs.Session]
    ) -> [EpisodeResult] {
        episodes.compactMap { episode in
            guard let first = dates.firstIndex(where: { $0 >= episode.from }), first > 0,
                let last = dates.lastIndex(where: { $0 <= episode.to }), last >= first,
                let end = dates.last, end >= episode.to
            else { return nil }
            let base = first - 1
            let results = runs.map { run in
                var peak = run.equity[base], drawdown = 0.0
                for i in first...last {
                    peak = max(peak, run.equity[i])
                    if peak > 0 { drawdown = max(drawdown, 1 - run.equity[i] / peak) }
                }
                var pnl: [String: Double] = [:]
                if !run.pnl.isEmpty {
                    for key in Set(run.pnl[last].keys).union(run.pnl[base].keys) {
                        // Cumulative P&L is whole cents shown in dollars: subtract in cents.
                        pnl[key] = (Cents(dollars: run.pnl[last][key] ?? 0) - Cents(dollars: run.pnl[base][key] ?? 0)).dollars
                    }
                }
                let start = run.equity[base]
                return EpisodeRunResult(
                    run: run.name, totalReturn: start > 0 ? run.equity[last] / start - 1 : 0, maxDrawdown: drawdown, pnl: pnl)
            }
            var inputs = EpisodeInputs(sessions: last - first + 1, futuresSettled: 0, vvixReal: 0, skewReal: 0)
            for session in sessions[first...last] {
                if session.futuresSettled { inputs.futuresSettled += 1 }
                if session.vvixReal { inputs.vvixReal += 1 }
                if session.skewReal { inputs.skewReal += 1 }
            }
            return EpisodeResult(episode: episode, firstSession: dates[first], lastSession: dates[last], runs: results, inputs: inputs)
        }
    }
}

