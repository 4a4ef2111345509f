import MarketData
import Testing
@testable import Strategy

/// The quorum rule against an independent transcription of it (the rule as written before it
/// was split into `Count`, `verdict` and its two users): the full decision, its explanation
/// included, and the evidence-free `advance` that regime tapes replay, on 20,000 seeded days
/// under random rules; and the explanation of each outcome spelled out.
@Suite struct RegimeQuorumReferenceTests {
    let date = MarketDate(year: 2017, month: 7, day: 14)!

    func readings(_ votes: [Vote]) -> [VoterReading] {
        votes.enumerated().map { i, vote in
            VoterReading(voter: RegimeVoters.names[i], uses: [], values: [:], vote: vote, reason: "synthetic")
        }
    }

    /// The rule as `RegimeQuorum`'s documentation states it, written independently of its code.
    func reference(_ rules: RegimeRules, previous: Regime, held: Int, readings: [VoterReading]) -> RegimeDecision {
        var tally: [String: Int] = [:]
        for regime in Regime.allCases { tally[regime.rawValue] = 0 }
        for reading in readings {
            if let regime = reading.vote.regime { tally[regime.rawValue, default: 0] += 1 }
        }
        let participating = readings.filter { $0.vote != .abstain }.count
        func votes(_ regime: Regime) -> Int { tally[regime.rawValue] ?? 0 }
        let severity: [Regime] = [.stress, .reliefRally, .realResolution, .calm]
        let summary = severity.map { "\($0.rawValue) \(votes($0))" }.joined(separator: ", ")
        func kept(_ why: String) -> RegimeDecision {
            let others = severity.filter { $0 != previous && votes($0) > 0 }
            let most = others.map(votes).max() ?? 0
            let top = others.first { votes($0) == most }
            return RegimeDecision(
                date: date, regime: previous, previousRegime: previous, changed: false, readings: readings, tally: tally,
                participating: participating, quorumRequired: top.map(rules.votesNeeded(for:)) ?? 0,
                explanation: "\(previous.rawValue) kept: \(why) [votes: \(summary); \(participating) participating]")
        }
        guard participating >= rules.minimumParticipants else {
            return kept("only \(participating) voters participating, \(rules.minimumParticipants) needed for any change")
        }
        let persisted = previous == .reliefRally && held >= rules.resolutionPersistence
        let stressK = previous == .stress ? rules.stressHoldVotes : rules.stressVotes
        var candidate: Regime?
        if votes(.stress) >= stressK {
            candidate = .stress
        } else if persisted, votes(.realResolution) >= rules.resolutionVotes {
            candidate = .realResolution
        } else if votes(.reliefRally) >= rules.reliefVotes, previous != .realResolution {
            candidate = .reliefRally
        } else if votes(.calm) >= rules.calmVotes, votes(.stress) < rules.stressHoldVotes, previous != .reliefRally || persisted {
            candidate = .calm
        }
        guard let candidate else { return kept("no regime reached its quorum") }
        guard candidate != previous else {
            let k = previous == .stress ? stressK : rules.votesNeeded(for: previous)
            return kept("\(previous.rawValue) still has its quorum (\(votes(previous)) ≥ \(k))")
        }
        let k = rules.votesNeeded(for: candidate)
        return RegimeDecision(
            date: date, regime: candidate, previousRegime: previous, changed: true, readings: readings, tally: tally,
            participating: participating, quorumRequired: k,
            explanation: "\(previous.rawValue) → \(candidate.rawValue): \(votes(candidate)) of \(participating) voters (quorum \(k))"
                + (candidate == .realResolution ? " after \(held) sessions of relief_rally" : "") + " [votes: \(summary)]")
    }

    @Test func decisionsAndLeanMovesFollowTheReference() throws {
        var random = SplitMix64(state: 14)
        var outcomes = [String: Int]()
        for _ in 0..<200 {
            var rules = RegimeRules()
            rules.minimumParticipants = Int.random(in: 1...12, using: &random)
            rules.stressVotes = Int.random(in: 1...6, using: &random)
            rules.stressHoldVotes = Int.random(in: 1...rules.stressVotes, using: &random)
            rules.reliefVotes = Int.random(in: 1...6, using: &random)
            rules.resolutionVotes = Int.random(in: 1...4, using: &random)
            rules.calmVotes = Int.random(in: 1...10, using: &random)
            rules.resolutionPersistence = Int.random(in: 1...6, using: &random)
            try rules.validate()
            let quorum = RegimeQuorum(rules: rules)
            var posture = Regime.allCases.randomElement(using: &random)!
            var held = Int.random(in: 0...8, using: &random)
            var lean = (posture: posture, held: held)
            for _ in 0..<100 {
                let day = readings((0..<12).map { _ in Vote.allCases.randomElement(using: &random)! })
                let expected = reference(rules, previous: posture, held: held, readings: day)
                let decision = quorum.advance(date: date, posture: &posture, heldSessions: &held, readings: day)
                quorum.advance(posture: &lean.posture, heldSessions: &lean.held, count: RegimeQuorum.Count(day))
                let context = "rules \(rules), votes \(day.map(\.vote.rawValue))"
                try #require(decision == expected, "\(context): \(decision.explanation) against \(expected.explanation)")
                try #require(lean.posture == posture && lean.held == held, "\(context): lean \(lean) against \(posture) \(held)")
                outcomes[Self.outcome(decision), default: 0] += 1
            }
        }
        // Every outcome of the rule must be reached: each change, and each reason to keep.
        for outcome in ["to calm", "to relief_rally", "to real_resolution", "to stress", "too few", "no candidate", "keeps"] {
            #expect((outcomes[outcome] ?? 0) > 50, "\(outcome): \(outcomes)")
        }
    }

    static func outcome(_ decision: RegimeDecision) -> String {
        if decision.changed { return "to \(decision.regime.rawValue)" }
        if decision.explanation.contains("voters participating,") { return "too few" }
        if decision.explanation.contains("no regime reached its quorum") { return "no candidate" }
        return decision.explanation.contains("still has its quorum") ? "keeps" : "unexplained"
    }

    /// Each explanation, spelled out: what `signal` prints as the regime's reason.
    @Test func explanationsReadAsDocumented() {
        let quorum = RegimeQuorum(rules: RegimeRules())
        func explain(_ previous: Regime, _ held: Int, _ votes: [Vote]) -> String {
            quorum.decide(date: date, previous: previous, heldSessions: held, readings: readings(votes)).explanation
        }
        let calm6: [Vote] = Array(repeating: .calm, count: 6)
        #expect(explain(.calm, 3, [.stress, .calm, .calm]) == "calm kept: only 3 voters participating, 6 needed for any change [votes: stress 1, relief_rally 0, real_resolution 0, calm 2; 3 participating]")
        #expect(explain(.stress, 3, [.stress, .reliefRally, .reliefRally, .calm, .calm, .calm]) == "stress kept: no regime reached its quorum [votes: stress 1, relief_rally 2, real_resolution 0, calm 3; 6 participating]")
        #expect(explain(.calm, 9, calm6 + [.stress]) == "calm kept: calm still has its quorum (6 ≥ 6) [votes: stress 1, relief_rally 0, real_resolution 0, calm 6; 7 participating]")
        #expect(explain(.stress, 2, [.stress, .stress] + calm6) == "stress kept: stress still has its quorum (2 ≥ 2) [votes: stress 2, relief_rally 0, real_resolution 0, calm 6; 8 participating]")
        #expect(explain(.calm, 9, [.stress, .stress, .stress] + calm6) == "calm → stress: 3 of 9 voters (quorum 3) [votes: stress 3, relief_rally 0, real_resolution 0, calm 6]")
        #expect(explain(.reliefRally, 5, [.realResolution, .realResolution, .reliefRally, .calm, .calm, .calm]) == "relief_rally → real_resolution: 2 of 6 voters (quorum 2) after 5 sessions of relief_rally [votes: stress 0, relief_rally 1, real_resolution 2, calm 3]")
    }
}
