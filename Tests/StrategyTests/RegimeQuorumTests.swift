import MarketData
import Testing
@testable import Strategy

@Suite struct RegimeQuorumTests {
    /// Twelve synthetic readings: the given votes first, then abstentions.
    func readings(_ votes: [Vote]) -> [VoterReading] {
        let all = votes + Array(repeating: Vote.abstain, count: 12 - votes.count)
        return all.enumerated().map { i, vote in
            VoterReading(voter: RegimeVoters.names[i], uses: [], values: [:], vote: vote, reason: "synthetic")
        }
    }

    let quorum = RegimeQuorum(rules: RegimeRules())
    let date = MarketDate(year: 2017, month: 7, day: 14)!

    @Test func stressNeedsItsQuorum() {
        // k = 3: two stress votes among 11 participants change nothing, three do.
        let below = quorum.decide(
            date: date, previous: .calm, heldSessions: 20,
            readings: readings([.stress, .stress] + Array(repeating: .calm, count: 9)))
        #expect(below.regime == .calm)
        #expect(!below.changed)
        #expect(below.quorumRequired == 3)
        #expect(below.tally["stress"] == 2)
        #expect(below.participating == 11)
        let at = quorum.decide(
            date: date, previous: .calm, heldSessions: 20,
            readings: readings([.stress, .stress, .stress] + Array(repeating: .calm, count: 8)))
        #expect(at.regime == .stress)
        #expect(at.changed)
        #expect(at.previousRegime == .calm)
        #expect(at.quorumRequired == 3)
    }

    @Test func customKIsHonoured() {
        var rules = RegimeRules()
        rules.stressVotes = 5
        let q = RegimeQuorum(rules: rules)
        let four = q.decide(date: date, previous: .calm, heldSessions: 9, readings: readings(Array(repeating: .stress, count: 4) + Array(repeating: .calm, count: 6)))
        #expect(four.regime == .calm)
        let five = q.decide(date: date, previous: .calm, heldSessions: 9, readings: readings(Array(repeating: .stress, count: 5) + Array(repeating: .calm, count: 5)))
        #expect(five.regime == .stress)
    }

    @Test func stressHoldsWhileItKeepsItsQuorum() {
        let d = quorum.decide(
            date: date, previous: .stress, heldSessions: 1,
            readings: readings([.stress, .stress, .stress] + Array(repeating: .calm, count: 8)))
        #expect(d.regime == .stress)
        #expect(!d.changed)
        // Hysteresis: once in stress, two stress votes keep it (entering needed three).
        let hold = quorum.decide(
            date: date, previous: .stress, heldSessions: 1,
            readings: readings([.stress, .stress] + Array(repeating: .calm, count: 9)))
        #expect(hold.regime == .stress)
        let leave = quorum.decide(
            date: date, previous: .stress, heldSessions: 2,
            readings: readings([.stress] + Array(repeating: .calm, count: 10)))
        #expect(leave.regime == .calm)
        #expect(leave.changed)
        #expect(leave.quorumRequired == 6)
        // Calm below its own quorum: stress is kept.
        let short = quorum.decide(
            date: date, previous: .stress, heldSessions: 2,
            readings: readings([.stress, .realResolution, .realResolution, .reliefRally] + Array(repeating: .calm, count: 5)))
        #expect(short.regime == .stress)
        #expect(!short.changed)
        #expect(short.quorumRequired == 6)
    }

    @Test func tooFewParticipantsBlockChanges() {
        let d = quorum.decide(date: date, previous: .calm, heldSessions: 3, readings: readings([.stress, .stress, .stress, .stress, .stress]))
        #expect(d.participating == 5)
        #expect(d.regime == .calm)
    }

    @Test func realResolutionNeedsPersistenceAndConfirmation() {
        let votes: [Vote] = [.reliefRally, .reliefRally, .reliefRally, .calm, .calm, .calm, .realResolution, .realResolution, .calm, .calm]
        let early = quorum.decide(date: date, previous: .reliefRally, heldSessions: 4, readings: readings(votes))
        #expect(early.regime == .reliefRally)
        let persisted = quorum.decide(date: date, previous: .reliefRally, heldSessions: 5, readings: readings(votes))
        #expect(persisted.regime == .realResolution)
        #expect(persisted.changed)
        // Without the confirmation quorum it stays a relief rally.
        let unconfirmed = quorum.decide(
            date: date, previous: .reliefRally, heldSessions: 9,
            readings: readings([.reliefRally, .reliefRally, .reliefRally, .calm, .calm, .realResolution, .stress, .stress, .calm, .calm]))
        #expect(unconfirmed.regime == .reliefRally)
        // A calm or stress posture never jumps straight to real resolution.
        let fromCalm = quorum.decide(
            date: date, previous: .calm, heldSessions: 40,
            readings: readings([.realResolution, .realResolution, .realResolution, .realResolution, .calm, .calm]))
        #expect(fromCalm.regime == .calm)
    }

    @Test func reliefFromStress() {
        let d = quorum.decide(
            date: date, previous: .stress, heldSessions: 3,
            readings: readings([.reliefRally, .reliefRally, .reliefRally, .stress, .calm, .calm, .calm]))
        #expect(d.regime == .reliefRally)
        #expect(d.changed)
    }
}
