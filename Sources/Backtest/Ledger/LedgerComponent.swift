/// The part of the strategy an amount belongs to, so that P&L can be attributed: did the
/// condor earn its premium, and what did each hedge layer cost or pay?
public enum LedgerComponent: String, CaseIterable, Codable, Sendable {
    /// The SPX iron condor: credits, closing debits, settlement, fees, marks.
    case condor
    /// Hedge layer 1: the VIX futures overlay and the pre-FOMC VIX call spreads (event seed).
    case layer1
    /// Hedge layer 2: long-dated VIX calls.
    case layer2
    /// Hedge layer 3: the OTM VIX call ladder.
    case layer3
    /// Interest earned (or paid) on the cash balance. Holds no position, so it has no mark.
    case cash
    /// The S&P 500 holding of an index replica (VXTH): bought and sold at the close, marked at
    /// the close, dividends reinvested.
    case spx
    /// The VIX calls of an index replica (VXTH).
    case vixCalls = "vix_calls"
}

extension LedgerComponent {
    /// Hashes the case, not its raw string (the synthesised hash of a `String`-backed enum
    /// hashes the name): cheaper wherever components key a dictionary.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(UInt8(ordinal))
    }

    /// The case's position in `allCases` (a test checks the two agree): the slot of
    /// `ComponentTable` and the hash.
    var ordinal: Int {
        switch self {
        case .condor: 0
        case .layer1: 1
        case .layer2: 2
        case .layer3: 3
        case .cash: 4
        case .spx: 5
        case .vixCalls: 6
        }
    }

    /// The components the strategy's book uses (the replicas use their own: CNDR condor and
    /// cash, VXTH spx and vix_calls).
    public static let strategyComponents: [LedgerComponent] = [.condor, .layer1, .layer2, .layer3, .cash]
}
