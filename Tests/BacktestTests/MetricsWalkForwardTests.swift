import Testing
@testable import Backtest

@Suite("Walk-forward splits") struct MetricsWalkForwardTests {
    @Test func smallExample() throws {
        // Sessions with gaps (weekends): fit 3, trade 2 over 8 sessions.
        let s = [1, 2, 3, 6, 7, 8, 9, 10]
        let w = try WalkForward(fitSessions: 3, tradeSessions: 2).windows(sessions: s)
        #expect(w.map(\.fitDays) == [[1, 2, 3], [3, 6, 7], [7, 8, 9]])
        #expect(w.map(\.tradeDays) == [[6, 7], [8, 9], [10]])  // the last trade window is the leftover
        #expect(w.map(\.index) == [0, 1, 2])
        #expect(w[1].fitRange == 2..<5 && w[1].tradeRange == 5..<7)
    }

    /// Exhaustive check of the guarantees for every small configuration.
    @Test func invariantsHoldForAllSmallConfigurations() throws {
        for n in 2...40 {
            let sessions = (0..<n).map { 1000 + 2 * $0 + $0 / 5 }  // strictly increasing, with gaps
            for fit in 1..<n {
                for trade in 1...(n + 2) {
                    let windows = try WalkForward(fitSessions: fit, tradeSessions: trade).windows(sessions: sessions)
                    #expect(!windows.isEmpty)
                    var next = fit  // where the next trade window must start
                    for (k, w) in windows.enumerated() {
                        #expect(w.index == k)
                        #expect(w.fitRange.count == fit)
                        #expect(w.fitRange.upperBound == w.tradeRange.lowerBound)  // fit ends right before trade
                        #expect(w.tradeRange.lowerBound == next)  // consecutive, no gap, no overlap
                        #expect(!w.tradeRange.isEmpty)
                        #expect(w.tradeRange.count == trade || k == windows.count - 1)
                        #expect(w.fitDays == Array(sessions[w.fitRange]))
                        #expect(w.tradeDays == Array(sessions[w.tradeRange]))
                        #expect(w.fitDays.last! < w.tradeDays.first!)  // never trade before fitting
                        next = w.tradeRange.upperBound
                    }
                    #expect(next == n)  // everything after the first fit window is traded exactly once
                    #expect(windows.flatMap(\.tradeDays) == Array(sessions[fit...]))
                }
            }
        }
    }

    @Test func errors() throws {
        #expect(throws: MetricsError.self) { try WalkForward(fitSessions: 0, tradeSessions: 5) }
        #expect(throws: MetricsError.self) { try WalkForward(fitSessions: 5, tradeSessions: 0) }
        let wf = try WalkForward(fitSessions: 3, tradeSessions: 1)
        #expect(throws: MetricsError.insufficientData(needed: 4, got: 0)) { try wf.windows(sessions: []) }
        #expect(throws: MetricsError.insufficientData(needed: 4, got: 3)) { try wf.windows(sessions: [1, 2, 3]) }
        #expect(throws: MetricsError.daysNotIncreasing(index: 2)) { try wf.windows(sessions: [1, 2, 2, 3, 4]) }
        #expect(throws: MetricsError.daysNotIncreasing(index: 1)) { try wf.windows(sessions: [5, 4, 6, 7]) }
    }
}
