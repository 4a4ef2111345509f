import MarketData

/// The market regime VixShield classifies each day into (see the ruleset's regime rules).
public enum Regime: String, Sendable, Codable, CaseIterable, Comparable {
    case calm
    /// A sharp VIX fall and S&P 500 rise around a headline, not confirmed by breadth, credit
    /// and macro voters.
    case reliefRally = "relief_rally"
    /// The same move confirmed by credit, macro and breadth voters, and persisting.
    case realResolution = "real_resolution"
    case stress

    public static func < (a: Regime, b: Regime) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
}

/// One voter's vote: a regime, or abstain when its data is missing or stale.
public enum Vote: String, Sendable, Codable, CaseIterable {
    case calm
    case reliefRally = "relief_rally"
    case realResolution = "real_resolution"
    case stress
    case abstain

    public var regime: Regime? { Regime(rawValue: rawValue) }
}

/// What one voter saw and how it voted, kept in every decision as its evidence.
public struct VoterReading: Sendable, Codable, Equatable {
    /// Stable voter name, e.g. `vix_macd`.
    public var voter: String
    /// The data it used (series symbols), for the evidence trail.
    public var uses: [String]
    /// Its numeric inputs as of the date (name → value), e.g. `macd_hist`, `rsi14`.
    public var values: [String: Double]
    public var vote: Vote
    /// One-line human explanation of the vote.
    public var reason: String

    public init(voter: String, uses: [String], values: [String: Double], vote: Vote, reason: String) {
        self.voter = voter
        self.uses = uses
        self.values = values
        self.vote = vote
        self.reason = reason
    }
}

/// The day's regime with its evidence: every voter's reading, the tally, the quorum rule that
/// applied, and whether the posture changed.
public struct RegimeDecision: Sendable, Codable, Equatable {
    public var date: MarketDate
    public var regime: Regime
    /// The regime of the previous session (the posture in force before today).
    public var previousRegime: Regime
    public var changed: Bool
    public var readings: [VoterReading]
    /// Votes per regime among non-abstaining voters (keys are `Regime` raw values).
    public var tally: [String: Int]
    /// Non-abstaining voters today.
    public var participating: Int
    /// Votes the winning change needed (k of `participating`), or 0 when no change was proposed.
    public var quorumRequired: Int
    public var explanation: String

    public init(
        date: MarketDate, regime: Regime, previousRegime: Regime, changed: Bool, readings: [VoterReading], tally: [String: Int],
        participating: Int, quorumRequired: Int, explanation: String
    ) {
        self.date = date
        self.regime = regime
        self.previousRegime = previousRegime
        self.changed = changed
        self.readings = readings
        self.tally = tally
        self.participating = participating
        self.quorumRequired = quorumRequired
        self.explanation = explanation
    }
}
