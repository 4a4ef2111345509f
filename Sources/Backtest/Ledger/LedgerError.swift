import MarketData
/// Why the ledger refused an entry or why its audit failed. Days are day numbers
/// (days since 1970-01-01); amounts are cents.
public enum LedgerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An entry or mark dated before the last one recorded (or before the ledger's start):
    /// the journal is append-only and in date order.
    case outOfOrder(day: Int, lastDay: Int)
    /// `mark` entries are written by `setMark`, never posted as cash.
    case markPostedAsCash(day: Int, component: LedgerComponent)
    /// The `cash` component holds no position, so it cannot be marked.
    case cashHasNoMark(day: Int)
    /// Interest belongs to the `cash` component, and the `cash` component holds only interest.
    case kindNotAllowed(day: Int, component: LedgerComponent, kind: LedgerEntryKind)
    /// Fees are costs: their amount must be ≤ 0.
    case positiveFee(day: Int, amount: Cents)
    /// The audit found Σ component P&L ≠ cash + Σ marks − initial capital at the close of
    /// `day`; `difference` = left − right. `component` names the component whose stored mark
    /// disagrees with its journal, when one does (nil: the cash balance disagrees).
    case invariantViolated(day: Int, difference: Cents, component: LedgerComponent?)

    public var description: String {
        switch self {
        case let .outOfOrder(day, lastDay):
            "ledger entry for day \(day) is before the last recorded day \(lastDay): the ledger is append-only in date order"
        case let .markPostedAsCash(day, component):
            "day \(day): a \(component.rawValue) mark must be recorded with setMark, not posted as a cash flow"
        case let .cashHasNoMark(day):
            "day \(day): the cash component holds no position and cannot be marked"
        case let .kindNotAllowed(day, component, kind):
            "day \(day): a \(kind.rawValue) entry cannot be posted to \(component.rawValue) (interest goes to cash, and cash holds only interest)"
        case let .positiveFee(day, amount):
            "day \(day): fee \(amount) is positive; fees are costs and must be ≤ 0"
        case let .invariantViolated(day, difference, component):
            "ledger invariant broken on day \(day): Σ component P&L − (cash + Σ marks − initial capital) = \(difference)"
                + (component.map { " (the \($0.rawValue) mark disagrees with its journal)" } ?? " (the cash balance disagrees with the journal)")
        }
    }
}
