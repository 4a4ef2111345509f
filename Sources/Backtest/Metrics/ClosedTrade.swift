/// A closed (round-trip) trade: when it was opened and closed, and what it made.
public struct ClosedTrade: Equatable, Hashable, Sendable {
    /// Day number (days since 1970-01-01) of the opening fill.
    public var entryDay: Int
    /// Day number of the closing fill (or expiry); `>= entryDay`.
    public var exitDay: Int
    /// Realised profit (+) or loss (-) in dollars, net of fees.
    public var pnl: Double

    public init(entryDay: Int, exitDay: Int, pnl: Double) {
        self.entryDay = entryDay
        self.exitDay = exitDay
        self.pnl = pnl
    }

    /// Calendar days held: `exitDay - entryDay` (a trade opened and closed on the same
    /// day holds for 0 days; Friday to Monday is 3).
    public var daysInTrade: Int { exitDay - entryDay }
}
