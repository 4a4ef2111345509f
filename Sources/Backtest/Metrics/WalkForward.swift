/// Rolling walk-forward splits of a session calendar: fit on `fitSessions` sessions, trade the
/// next `tradeSessions`, then roll both windows forward by `tradeSessions`.
///
/// For sessions `s[0..<n]` and window `k = 0, 1, ...`:
///
///     fit   = s[k·trade ..< k·trade + fit]
///     trade = s[k·trade + fit ..< min(k·trade + fit + trade, n)]
///
/// while the trade window is non-empty. Guarantees (tested): every fit window has exactly
/// `fitSessions` sessions and ends immediately before its trade window starts; trade windows are
/// consecutive and disjoint, and together cover `s[fitSessions..<n]` exactly once. Only the
/// **last** trade window may be shorter than `tradeSessions` (the leftover sessions are traded,
/// not dropped). Fit windows overlap whenever `fitSessions > tradeSessions`.
public struct WalkForward: Equatable, Sendable {
    /// One (fit, trade) pair.
    public struct Window: Equatable, Sendable {
        /// 0-based position of the window in the sequence.
        public let index: Int
        /// Positions in the input session array.
        public let fitRange: Range<Int>
        public let tradeRange: Range<Int>
        /// Day numbers of the fit sessions (oldest first).
        public let fitDays: [Int]
        /// Day numbers of the trade sessions (oldest first).
        public let tradeDays: [Int]
    }

    public let fitSessions: Int
    public let tradeSessions: Int

    /// - Throws: `.invalidParameter` if either count is < 1.
    public init(fitSessions: Int, tradeSessions: Int) throws(MetricsError) {
        guard fitSessions >= 1 else {
            throw .invalidParameter(name: "fitSessions", reason: "must be >= 1, got \(fitSessions)")
        }
        guard tradeSessions >= 1 else {
            throw .invalidParameter(name: "tradeSessions", reason: "must be >= 1, got \(tradeSessions)")
        }
        self.fitSessions = fitSessions
        self.tradeSessions = tradeSessions
    }

    /// The windows over `sessions` (session day numbers, strictly increasing).
    /// - Throws: `.daysNotIncreasing`, `.insufficientData(needed: fitSessions + 1, got:)` when
    ///   there is no session left to trade after the first fit window.
    public func windows(sessions: [Int]) throws(MetricsError) -> [Window] {
        for i in sessions.indices.dropFirst() where sessions[i] <= sessions[i - 1] {
            throw .daysNotIncreasing(index: i)
        }
        guard sessions.count > fitSessions else {
            throw .insufficientData(needed: fitSessions + 1, got: sessions.count)
        }
        var out: [Window] = []
        var tradeStart = fitSessions
        while tradeStart < sessions.count {
            let fit = (tradeStart - fitSessions)..<tradeStart
            let trade = tradeStart..<min(tradeStart + tradeSessions, sessions.count)
            out.append(Window(index: out.count, fitRange: fit, tradeRange: trade,
                              fitDays: Array(sessions[fit]), tradeDays: Array(sessions[trade])))
            tradeStart = trade.upperBound
        }
        return out
    }
}
