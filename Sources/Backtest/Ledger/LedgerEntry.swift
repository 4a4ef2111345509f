import MarketData
import Strategy
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
    /// Free text for audit trails ("sell 2 condor 2300/2350/2550/2620 @ 1.85"), formatted when
    /// read: a run posts thousands of entries and a sweep reads none of their memos.
    public var memo: String {
        get { memoText.text }
        set { memoText = DeferredText(newValue) }
    }
    var memoText: DeferredText

    public init(dayNumber: Int, component: LedgerComponent, kind: LedgerEntryKind, amount: Cents, memo: String = "") {
        self.init(dayNumber: dayNumber, component: component, kind: kind, amount: amount, memoText: DeferredText(memo))
    }

    init(dayNumber: Int, component: LedgerComponent, kind: LedgerEntryKind, amount: Cents, memoText: DeferredText) {
        self.dayNumber = dayNumber
        self.component = component
        self.kind = kind
        self.amount = amount
        self.memoText = memoText
    }

    private enum CodingKeys: String, CodingKey { case dayNumber, component, kind, amount, memo }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            dayNumber: try c.decode(Int.self, forKey: .dayNumber), component: try c.decode(LedgerComponent.self, forKey: .component),
            kind: try c.decode(LedgerEntryKind.self, forKey: .kind), amount: try c.decode(Cents.self, forKey: .amount),
            memo: try c.decode(String.self, forKey: .memo))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(dayNumber, forKey: .dayNumber)
        try c.encode(component, forKey: .component)
        try c.encode(kind, forKey: .kind)
        try c.encode(amount, forKey: .amount)
        try c.encode(memo, forKey: .memo)
    }

    public static func == (a: LedgerEntry, b: LedgerEntry) -> Bool {
        a.dayNumber == b.dayNumber && a.component == b.component && a.kind == b.kind && a.amount == b.amount && a.memo == b.memo
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(dayNumber)
        hasher.combine(component)
        hasher.combine(kind)
        hasher.combine(amount)
        hasher.combine(memo)
    }
}
