import MarketData

/// The day-by-day posture rule: from yesterday's posture, how long it has held, and today's
/// voter readings, today's posture. A pure function of its arguments.
///
/// ## The rule, exactly
/// 1. Tally the votes of the non-abstaining voters per regime; `participating` = their number.
/// 2. If `participating` < `minimum_participants` (6), the posture does not change.
/// 3. Otherwise the candidate is the first regime in this priority order that is *eligible*:
///    a. `stress` — eligible when its votes ≥ `stress_votes` (3), or, when yesterday's posture
///       is already `stress`, ≥ `stress_hold_votes` (2) (hysteresis: a shock's second day, with
///       VIX still backwardated and SPX still falling, is not yet "calm").
///    b. `real_resolution` — eligible when yesterday's posture is `relief_rally`, it has been
///       `relief_rally` for ≥ `resolution_persistence` (5) consecutive sessions up to
///       yesterday, and real_resolution votes ≥ `resolution_votes` (2). Only the confirmation
///       voters (credit_spread, inflation_trend, gdp_trend, breadth_macd) ever vote
///       real_resolution, so this is "relief rally, persisted and confirmed".
///    c. `relief_rally` — eligible when its votes ≥ `relief_votes` (3) and yesterday's posture
///       is not `real_resolution` (a resolved episode is not re-labelled unconfirmed).
///    d. `calm` — eligible when its votes ≥ `calm_votes` (6), stress votes < `stress_hold_votes`
///       (2; no residual stress), and, if yesterday's posture is `relief_rally`, it has held ≥
///       `resolution_persistence` sessions.
/// 4. If there is a candidate and it differs from yesterday's posture, the posture changes to
///    it; otherwise (no candidate, or the candidate is the current posture) it stays.
///
/// The priority order is the severity order stress > real_resolution-as-upgrade >
/// relief_rally > calm; it also breaks ties. Because the current posture counts as a candidate,
/// `stress` holds as long as it keeps its quorum whatever the other votes, and a relief rally
/// can become a real resolution only after it has persisted and been confirmed. Note the
/// candidate is *not* simply the regime with the most votes: the slow macro voters usually vote
/// calm, and a plurality rule would let them outvote a one-day market shock (2018-02-05 had
/// only 3 calm votes, but 2016-06-24 had 6 calm against 3 stress).
///
/// `quorumRequired` in the decision: the k of the new posture when it changed; otherwise the
/// k of the most-voted regime other than the current posture (ties by severity), the quorum
/// that proposal needed; 0 when no other regime got a vote.
public struct RegimeQuorum: Sendable {
    public var rules: RegimeRules

    public init(rules: RegimeRules) {
        self.rules = rules
    }

    /// Severity order, most severe first (also the tie-break order).
    public static let severity: [Regime] = [.stress, .reliefRally, .realResolution, .calm]

    /// Votes per regime among the non-abstaining voters of one day, and their number: all the
    /// rule reads of the readings.
    public struct Count: Sendable, Equatable {
        public private(set) var calm = 0
        public private(set) var reliefRally = 0
        public private(set) var realResolution = 0
        public private(set) var stress = 0

        public init(_ readings: [VoterReading]) {
            for reading in readings {
                switch reading.vote {
                case .calm: calm += 1
                case .reliefRally: reliefRally += 1
                case .realResolution: realResolution += 1
                case .stress: stress += 1
                case .abstain: break
                }
            }
        }

        public var participating: Int { calm + reliefRally + realResolution + stress }

        public func votes(_ regime: Regime) -> Int {
            switch regime {
            case .calm: calm
            case .reliefRally: reliefRally
            case .realResolution: realResolution
            case .stress: stress
            }
        }
    }

    /// What the rule concludes, before it is explained: the one place the rule is applied.
    enum Verdict {
        case tooFewParticipants
        case noCandidate
        /// The candidate is the current posture, which keeps its quorum of `k`.
        case keeps(k: Int)
        case changes(to: Regime, k: Int)
    }

    func verdict(previous: Regime, heldSessions: Int, count: Count) -> Verdict {
        guard count.participating >= rules.minimumParticipants else { return .tooFewParticipants }
        let persisted = previous == .reliefRally && heldSessions >= rules.resolutionPersistence
        let candidate: Regime?
        let stressK = previous == .stress ? rules.stressHoldVotes : rules.stressVotes
        if count.stress >= stressK {
            candidate = .stress
        } else if persisted, count.realResolution >= rules.resolutionVotes {
            candidate = .realResolution
        } else if count.reliefRally >= rules.reliefVotes, previous != .realResolution {
            candidate = .reliefRally
        } else if count.calm >= rules.calmVotes, count.stress < rules.stressHoldVotes, previous != .reliefRally || persisted {
            candidate = .calm
        } else {
            candidate = nil
        }
        guard let candidate else { return .noCandidate }
        guard candidate != previous else { return .keeps(k: previous == .stress ? stressK : rules.votesNeeded(for: previous)) }
        return .changes(to: candidate, k: rules.votesNeeded(for: candidate))
    }

    /// `decide` on the running posture, then moves it on: a change starts a new run of one
    /// session, no change lengthens the current run.
    public func advance(date: MarketDate, posture: inout Regime, heldSessions: inout Int, readings: [VoterReading]) -> RegimeDecision {
        let decision = decide(date: date, previous: posture, heldSessions: heldSessions, readings: readings)
        Self.move(posture: &posture, heldSessions: &heldSessions, to: decision.changed ? decision.regime : nil)
        return decision
    }

    /// `advance` without the decision's evidence and explanation, for replays that keep only
    /// the posture path (a backtest's regime tape replays about 150,000 of them): the same
    /// verdict, the same move.
    public func advance(posture: inout Regime, heldSessions: inout Int, count: Count) {
        let change: Regime?
        if case .changes(let to, _) = verdict(previous: posture, heldSessions: heldSessions, count: count) { change = to } else { change = nil }
        Self.move(posture: &posture, heldSessions: &heldSessions, to: change)
    }

    private static func move(posture: inout Regime, heldSessions: inout Int, to change: Regime?) {
        if let change {
            posture = change
            heldSessions = 1
        } else {
            heldSessions += 1
        }
    }

    public func decide(date: MarketDate, previous: Regime, heldSessions: Int, readings: [VoterReading]) -> RegimeDecision {
        let count = Count(readings)
        var tally: [String: Int] = [:]
        for regime in Regime.allCases { tally[regime.rawValue] = count.votes(regime) }
        let participating = count.participating
        let votes = count.votes
        let summary = Self.severity.map { "\($0.rawValue) \(votes($0))" }.joined(separator: ", ")

        func unchanged(_ why: String) -> RegimeDecision {
            let others = Self.severity.filter { $0 != previous && votes($0) > 0 }
            let most = others.map(votes).max() ?? 0
            let top = others.first { votes($0) == most }  // most votes, ties to the most severe
            return RegimeDecision(
                date: date, regime: previous, previousRegime: previous, changed: false, readings: readings, tally: tally,
                participating: participating, quorumRequired: top.map(rules.votesNeeded(for:)) ?? 0,
                explanation: "\(previous.rawValue) kept: \(why) [votes: \(summary); \(participating) participating]")
        }

        switch verdict(previous: previous, heldSessions: heldSessions, count: count) {
        case .tooFewParticipants:
            return unchanged("only \(participating) voters participating, \(rules.minimumParticipants) needed for any change")
        case .noCandidate:
            return unchanged("no regime reached its quorum")
        case .keeps(let k):
            return unchanged("\(previous.rawValue) still has its quorum (\(votes(previous)) ≥ \(k))")
        case .changes(let candidate, let k):
            return RegimeDecision(
                date: date, regime: candidate, previousRegime: previous, changed: true, readings: readings, tally: tally,
                participating: participating, quorumRequired: k,
                explanation: "\(previous.rawValue) → \(candidate.rawValue): \(votes(candidate)) of \(participating) voters (quorum \(k))"
                    + (candidate == .realResolution ? " after \(heldSessions) sessions of relief_rally" : "") + " [votes: \(summary)]")
        }
    }
}
