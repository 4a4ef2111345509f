import MarketData
import Strategy

/// What a replica of a published Cboe index produced over a timeline: one equity value per
/// session, each ledger component's cumulative P&L, the closed positions and the orders it
/// could not place. Positions are index units (fractional, like the index itself), money is
/// integer cents in the ledger.
public struct ReplicaRun: Sendable {
    /// The run's key in reports (`cndr`, `vxth`).
    public var name: String
    public var dates: [MarketDate]
    public var equity: [Double]
    /// Cumulative P&L by ledger component, dollars (components sum to the total to the cent).
    public var pnl: [[String: Double]]
    public var ledger: Ledger
    /// Each position from its roll to its expiry, with its P&L in dollars including fees.
    public var trades: [ClosedTrade]
    /// Every roll's position: what was traded, how much, at what price, and how it ended.
    public var rolls: [ReplicaRoll]
    /// Rolls that could not trade, and late rolls or settlements.
    public var rejections: [Refusal]
}

/// One roll of a replica: the position opened, its size and price, and (once it expired) its
/// settlement and P&L. Units are fractional contracts; prices in index points per contract.
public struct ReplicaRoll: Sendable, Equatable, Codable {
    public var opened: MarketDate
    public var expiry: MarketDate
    /// CNDR: long put, short put, short call, long call. VXTH: the call's strike.
    public var strikes: [Double]
    public var units: Double
    /// CNDR: the credit per condor after fills; VXTH: the price paid per call.
    public var price: Double
    public var premium: Cents
    public var fees: Cents
    /// Paid (CNDR, ≤ 0) or received (VXTH, ≥ 0) at expiry; nil while open.
    public var settlement: Cents?
    /// premium + fees + settlement, signed from the account's side; nil while open.
    public var pnl: Cents? { settlement.map { premium + fees + $0 } }
}

/// The running state every replica shares: ledger, per-session rows and interest on cash.
struct ReplicaBook {
    var ledger: Ledger
    var dates: [MarketDate] = []
    var equity: [Double] = []
    var pnl: [[String: Double]] = []
    var trades: [ClosedTrade] = []
    var rolls: [ReplicaRoll] = []
    var rejections: [Refusal] = []
    let components: [LedgerComponent]

    init(capital: Double, firstDay: MarketDate, components: [LedgerComponent]) {
        ledger = Ledger(initialCapital: Cents(dollars: capital), startDay: firstDay.dayNumber)
        self.components = components
    }

    /// Records the session's close after every posting and mark of the day.
    mutating func close(_ day: MarketDate) throws {
        try ledger.checkRunningTotals()
        dates.append(day)
        equity.append(ledger.equity.dollars)
        var row: [String: Double] = [:]
        for component in components { row[component.rawValue] = ledger.componentPnL(component).dollars }
        pnl.append(row)
    }

    func run(_ name: String) throws -> ReplicaRun {
        try ledger.checkInvariant()
        return ReplicaRun(name: name, dates: dates, equity: equity, pnl: pnl, ledger: ledger, trades: trades, rolls: rolls, rejections: rejections)
    }
}
