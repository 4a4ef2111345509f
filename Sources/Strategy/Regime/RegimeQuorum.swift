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

    /// `decide` on the running posture, then moves it on: a change starts a new run of one
    /// session, no change lengthens the current run.
    public func advance(date: MarketDate, posture: inout Regime, heldSessions: inout Int, readings: [VoterReading]) -> RegimeDecision {
        let decision = decide(date: date, previous: posture, heldSessions: heldSessions, readings: readings)
        if decision.changed {
            posture = decision.regime
            heldSessions = 1
        } else {
            heldSessions += 1
        }
        return decision
    }

    public func decide(date: MarketDate, previous: Regime, heldSessions: Int, readings: [VoterReading]) -> RegimeDecision {
        var tally: [String: Int] = [:]
        for regime in Regime.allCases { tally[regime.rawValue] = 0 }
        for reading in readings {
            if let regime = reading.vote.regime { tally[regime.rawValue, default: 0] += 1 }
        }
        let participating = readings.filter { $0.vote != .abstain }.count
        func votes(_ regime: Regime) -> Int { tally[regime.rawValue] ?? 0 }
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

        guard participating >= rules.minimumParticipants else {
            return unchanged("only \(participating) voters participating, \(rules.minimumParticipants) needed for any change")
        }
        let persisted = previous == .reliefRally && heldSessions >= rules.resolutionPersistence
        let candidate: Regime?
        let stressK = previous == .stress ? rules.stressHoldVotes : rules.stressVotes
        if votes(.stress) >= stressK {
            candidate = .stress
        } else if persisted, votes(.realResolution) >= rules.resolutionVotes {
            candidate = .realResolution
        } else if votes(.reliefRally) >= rules.reliefVotes, previous != .realResolution {
            candidate = .reliefRally
        } else if votes(.calm) >= rules.calmVotes, votes(.stress) < rules.stressHoldVotes, previous != .reliefRally || persisted {
            candidate = .calm
        } else {
            candidate = nil
        }
        guard let candidate else { return unchanged("no regime reached its quorum") }
        guard candidate != previous else {
            let k = previous == .stress ? stressK : rules.votesNeeded(for: previous)
            return unchanged("\(previous.rawValue) still has its quorum (\(votes(previous)) ≥ \(k))")
        }
        let k = rules.votesNeeded(for: candidate)
        return RegimeDecision(
            date: date, regime: candidate, previousRegime: previous, changed: true, readings: readings, tally: tally,
            participating: participating, quorumRequired: k,
            explanation: "\(previous.rawValue) → \(candidate.rawValue): \(votes(candidate)) of \(participating) voters (quorum \(k))"
                + (candidate == .realResolution ? " after \(heldSessions) sessions of relief_rally" : "") + " [votes: \(summary)]")
    }
}
