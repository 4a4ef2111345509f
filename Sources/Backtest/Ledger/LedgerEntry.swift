import MarketData
/// One line of the append-only ledger journal.
///
/// Units: `amount` in cents, signed from the account's point of view.
/// - Cash kinds (`premium`, `fee`, `settlement`, `variationMargin`, `interest`): the cash that
///   moved — positive received, negative paid.
/// - `mark`: the *change* in the component's mark-to-market value (new mark − previous mark),
///   so that a component's P&L to date is simply the sum of its entries' amounts, and the
///   journal alone reproduces every mark.
public struct LedgerEntry: Hashable, Codable, Sendable {
    /// The trading day, as days since 1970-01-01 (`MarketDate.dayNumber`).
    public var dayNumber: Int
    public var component: LedgerComponent
    public var kind: LedgerEntryKind
    /// Signed cents; see the type's documentation for the sign convention.
    public var amount: Cents
    /// Free text for audit trails ("sell 2 condor 2300/2350/2550/2620 @ 1.85").
    public var memo: String

    public init(dayNumber: Int, component: LedgerComponent, kind: LedgerEntryKind, amount: Cents, memo: String = "") {
        self.dayNumber = dayNumber
        self.component = component
        self.kind = kind
        self.amount = amount
        self.memo = memo
    }
}
