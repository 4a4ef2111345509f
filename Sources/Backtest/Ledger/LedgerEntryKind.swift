/// What a ledger entry records. Every kind except `mark` moves cash; `mark` only revalues an
/// open position (see ``LedgerEntry/amount``).
public enum LedgerEntryKind: String, CaseIterable, Codable, Sendable {
    /// Option premium: paid (negative) when buying, received (positive) when selling.
    case premium
    /// Commissions and exchange/regulatory fees; never positive.
    case fee
    /// Cash settlement at expiry (SPX and VIX options are cash-settled; VIX futures settle to
    /// the special opening quotation): received positive, paid negative.
    case settlement
    /// Daily futures variation margin: the day's gain (positive) or loss (negative) on VIX
    /// futures, paid through cash at the close.
    case variationMargin
    /// Interest on the cash balance (component `cash` only).
    case interest
    /// Buying (negative) or selling (positive) a holding that is not an option or future: the
    /// S&P 500 units of an index replica.
    case trade
    /// A change in a component's mark-to-market value; moves no cash.
    case mark

    /// Whether entries of this kind change the cash balance.
    public var movesCash: Bool { self != .mark }
}
