import MarketData
import Strategy
/// The backtest's book of account: an append-only journal of dated entries, a running cash
/// balance, realised cash flows per component, and a separate mark-to-market valuation per
/// component per day.
///
/// Why: P&L attribution ("what did the condor earn, what did each hedge layer cost?") is only
/// credible if the parts add up to the whole exactly. All amounts are integer ``Cents``, so
///
///     P&L(c)        = realised cash flows(c) + current mark(c) − mark at start(c)
///     Σ_c P&L(c)    = cash + Σ_c mark(c) − initial capital
///
/// holds to the cent by construction. (The book opens flat: every mark at start is 0 and the
/// initial capital is all cash.) ``checkInvariant()`` audits it anyway, replaying the journal
/// day by day against the stored cash balances and valuations.
///
/// Two records are kept on purpose:
/// - the journal (`entries`): cash entries plus `mark` entries holding each change in a mark —
///   component P&L comes from here;
/// - the valuation table (`setMark`): each component's mark at each day's close, and the
///   end-of-day cash balances — equity comes from here.
/// The invariant ties them together, so a mark written to one but not the other is caught.
///
/// Units: amounts in cents; days are day numbers (days since 1970-01-01, as
/// `MarketDate.dayNumber`). Entries must be recorded in non-decreasing day order.
/// A mark is the component's liquidation value at the close, signed from the account's
/// side: long options positive, a short condor negative (what it would cost to buy back),
/// futures 0 once the day's variation margin has been paid.
public struct Ledger: Sendable {
    /// A component's mark at one day's close (cents).
    struct MarkPoint: Sendable, Equatable {
        var day: Int
        var value: Cents
    }

    /// The cash balance at one day's close (cents).
    struct CashPoint: Sendable, Equatable {
        var day: Int
        var cash: Cents
    }

    /// Opening equity, all in cash (cents).
    public let initialCapital: Cents
    /// The first day of the book (day number).
    public let startDay: Int
    /// The journal, in the order recorded (and so in day order).
    public private(set) var entries: [LedgerEntry] = []
    /// The running cash balance (cents): initial capital + every cash entry.
    public private(set) var cash: Cents
    /// The latest day recorded (day number); `startDay` before any entry.
    public private(set) var lastDay: Int

    /// Running Σ cash entries per component (cents).
    private var realised = ComponentTable<Cents>()
    /// Running Σ `mark` entries per component = the journal's current mark (cents).
    private var journalMarks = ComponentTable<Cents>()
    /// The valuation table: each component's marks by day, ascending, one per day.
    /// Internal so that tests can tamper with it and watch the audit catch it.
    var valuations = ComponentTable<[MarkPoint]>()
    /// End-of-day cash balances by day, ascending, one per day (starts with `startDay`).
    var closingCash: [CashPoint]

    public init(initialCapital: Cents, startDay: Int) {
        self.initialCapital = initialCapital
        self.startDay = startDay
        cash = initialCapital
        lastDay = startDay
        closingCash = [CashPoint(day: startDay, cash: initialCapital)]
    }

    // MARK: Recording

    /// Records a cash movement. `amount` is signed from the account's side: premium paid,
    /// fees, losses negative; premium received, settlement received, gains positive (cents).
    /// - Throws: `outOfOrder` before `lastDay`; `markPostedAsCash` for kind `mark` (use
    ///   ``setMark(_:value:day:memo:)``); `positiveFee` for a fee > 0; `kindNotAllowed` for
    ///   interest outside `cash` or anything but interest in `cash`.
    public mutating func post(
        day: Int, component: LedgerComponent, kind: LedgerEntryKind, amount: Cents,
        memo: @autoclosure @escaping @Sendable () -> String = ""
    ) throws(LedgerError) {
        guard day >= lastDay else { throw .outOfOrder(day: day, lastDay: lastDay) }
        guard kind.movesCash else { throw .markPostedAsCash(day: day, component: component) }
        guard (kind == .interest) == (component == .cash) else {
            throw .kindNotAllowed(day: day, component: component, kind: kind)
        }
        guard kind != .fee || amount <= .zero else { throw .positiveFee(day: day, amount: amount) }
        entries.append(LedgerEntry(dayNumber: day, component: component, kind: kind, amount: amount, memoText: DeferredText(memo)))
        realised[component, default: .zero] += amount
        cash += amount
        lastDay = day
        if closingCash[closingCash.count - 1].day == day {
            closingCash[closingCash.count - 1].cash = cash
        } else {
            closingCash.append(CashPoint(day: day, cash: cash))
        }
    }

    /// Sets a component's mark-to-market value at the close of `day` (cents, signed from the
    /// account's side; 0 when flat). Writes the valuation table and, when the mark changed,
    /// a `mark` journal entry with the change. A second mark on the same day replaces the first.
    /// - Throws: `outOfOrder` before `lastDay`; `cashHasNoMark` for `cash`.
    public mutating func setMark(
        _ component: LedgerComponent, value: Cents, day: Int, memo: @autoclosure @escaping @Sendable () -> String = ""
    ) throws(LedgerError) {
        guard day >= lastDay else { throw .outOfOrder(day: day, lastDay: lastDay) }
        guard component != .cash else { throw .cashHasNoMark(day: day) }
        let change = value - journalMarks[component, default: .zero]
        if change != .zero {
            entries.append(
                LedgerEntry(dayNumber: day, component: component, kind: .mark, amount: change, memoText: DeferredText(memo)))
            journalMarks[component] = value
        }
        lastDay = day
        // Mutated in place: copying the table out and back made every mark O(days).
        if let last = valuations[component]?.last, last.day == day {
            valuations[component]![valuations[component]!.count - 1].value = value
        } else {
            valuations[component, default: []].append(MarkPoint(day: day, value: value))
        }
    }

    // MARK: Reading

    /// The component's current mark from the valuation table (cents; 0 if never marked).
    public func mark(_ component: LedgerComponent) -> Cents { valuations[component]?.last?.value ?? .zero }

    /// Σ of the component's cash entries to date (cents): premium, fees, settlement,
    /// variation margin, interest.
    public func realisedCashFlow(_ component: LedgerComponent) -> Cents { realised[component, default: .zero] }

    /// The component's P&L to date (cents) = realised cash flows + current mark − mark at
    /// start (0: the book opens flat), i.e. the sum of all its journal entries.
    public func componentPnL(_ component: LedgerComponent) -> Cents {
        realised[component, default: .zero] + journalMarks[component, default: .zero]
    }

    /// The component's P&L from the start through the close of `day` (cents): the sum of its
    /// journal entries dated ≤ `day`. P&L over a period (d₀, d₁] is the difference of two calls.
    public func componentPnL(_ component: LedgerComponent, throughDay day: Int) -> Cents {
        var total = Cents.zero
        entries.withUnsafeBufferPointer { journal in
            for index in journal.indices {
                if journal[index].dayNumber > day { break }
                if journal[index].component == component { total += journal[index].amount }
            }
        }
        return total
    }

    /// Σ component P&L to date (cents).
    public var totalPnL: Cents { Self.sum { componentPnL($0) } }

    /// Current equity = cash + Σ marks (cents).
    public var equity: Cents { cash + Self.sum { mark($0) } }

    /// Equity at the close of `day` = that day's closing cash + each component's latest mark
    /// dated ≤ `day` (cents). Before `startDay`: the initial capital.
    public func equity(onDay day: Int) -> Cents {
        closingCash(onDay: day) + Self.sum { mark($0, onDay: day) }
    }

    /// The component's dated net cash flows for XIRR (cents, one per day with a cash entry):
    /// premium paid negative, received positive, fees negative; plus, when
    /// `includeTerminalMark` and the current mark is not 0, the mark as a terminal flow on
    /// `lastDay` (as if liquidated at the mark), merged into that day's flow.
    public func cashFlows(_ component: LedgerComponent, includeTerminalMark: Bool = true) -> [LedgerCashFlow] {
        var flows: [LedgerCashFlow] = []
        func add(_ day: Int, _ amount: Cents) {
            if let last = flows.last, last.dayNumber == day {
                flows[flows.count - 1].amount += amount
            } else {
                flows.append(LedgerCashFlow(dayNumber: day, amount: amount))
            }
        }
        // Fields read in place: copying each entry would retain its memo.
        entries.withUnsafeBufferPointer { journal in
            for index in journal.indices where journal[index].component == component && journal[index].kind.movesCash {
                add(journal[index].dayNumber, journal[index].amount)
            }
        }
        let terminal = mark(component)
        if includeTerminalMark && terminal != .zero { add(lastDay, terminal) }
        return flows
    }

    /// The whole book's flows for XIRR: −initial capital on `startDay`, +equity on `lastDay`
    /// (cents). There are no deposits or withdrawals.
    public func portfolioCashFlows() -> [LedgerCashFlow] {
        [LedgerCashFlow(dayNumber: startDay, amount: -initialCapital), LedgerCashFlow(dayNumber: lastDay, amount: equity)]
    }

    // MARK: Audit

    /// Audits Σ component P&L = cash + Σ marks − initial capital.
    ///
    /// Replays the journal day by day and, at the close of every day with an entry, a mark or
    /// a cash balance, compares the journal's Σ P&L with the stored closing cash + the stored
    /// valuations − initial capital, and each component's journal mark with its stored mark;
    /// then compares the running totals. Cost O(entries + days · components · log days).
    /// - Throws: `invariantViolated` naming the first day where the records disagree, the
    ///   difference (journal − stored, cents) and the component whose mark disagrees, if any.
    public func checkInvariant() throws(LedgerError) {
        var days = Set(closingCash.map(\.day))
        for entry in entries { days.insert(entry.dayNumber) }
        for points in valuations.values { for point in points { days.insert(point.day) } }

        var journalPnL = ComponentTable<Cents>()
        var journalMark = ComponentTable<Cents>()
        var journalCash = initialCapital
        var next = 0
        for day in days.sorted() {
            while next < entries.count && entries[next].dayNumber <= day {
                let (component, amount) = (entries[next].component, entries[next].amount)
                journalPnL[component, default: .zero] += amount
                if entries[next].kind.movesCash {
                    journalCash += amount
                } else {
                    journalMark[component, default: .zero] += amount
                }
                next += 1
            }
            let storedCash = closingCash(onDay: day)
            let storedMarks = Self.sum { mark($0, onDay: day) }
            let difference = journalPnL.values.sum() - (storedCash + storedMarks - initialCapital)
            let disagreeing = Self.components.first { journalMark[$0, default: .zero] != mark($0, onDay: day) }
            if difference != .zero || disagreeing != nil || journalCash != storedCash {
                throw .invariantViolated(day: day, difference: difference, component: disagreeing)
            }
        }
        try checkRunningTotals()
    }

    /// The invariant for the latest day only, in constant time: the running totals (what
    /// `componentPnL`, `cash` and `mark` report) agree — Σ component P&L = cash + Σ marks −
    /// initial capital, to the cent. A simulation calls this after every session and the full
    /// `checkInvariant()` replay once at the end (the replay of every day after every session
    /// would make long runs quadratic).
    public func checkRunningTotals() throws(LedgerError) {
        let difference = totalPnL - (cash + Self.sum { mark($0) } - initialCapital)
        let disagreeing = Self.components.first { journalMarks[$0, default: .zero] != mark($0) }
        if difference != .zero || disagreeing != nil || cash != closingCash[closingCash.count - 1].cash {
            throw .invariantViolated(day: lastDay, difference: difference, component: disagreeing)
        }
    }

    // MARK: Lookups

    static let components = LedgerComponent.allCases

    /// Σ over every component, without building an array (equity is read after every order).
    private static func sum(_ value: (LedgerComponent) -> Cents) -> Cents {
        var total = Cents.zero
        for component in components { total += value(component) }
        return total
    }

    /// Closing cash on `day`: the last balance dated ≤ `day`, or the initial capital.
    private func closingCash(onDay day: Int) -> Cents {
        guard let index = Ledger.lastIndex(in: closingCash, atOrBefore: day, by: \.day) else { return initialCapital }
        return closingCash[index].cash
    }

    /// The component's mark on `day`: the last mark dated ≤ `day`, or 0.
    private func mark(_ component: LedgerComponent, onDay day: Int) -> Cents {
        guard let points = valuations[component], let index = Ledger.lastIndex(in: points, atOrBefore: day, by: \.day) else {
            return .zero
        }
        return points[index].value
    }

    /// Binary search in an array ascending by `key`: the last index whose key ≤ `day`.
    private static func lastIndex<T>(in array: [T], atOrBefore day: Int, by key: (T) -> Int) -> Int? {
        var low = 0
        var high = array.count  // invariant: keys before `low` are ≤ day, keys from `high` on are > day
        while low < high {
            let middle = (low + high) / 2
            if key(array[middle]) <= day { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? nil : low - 1
    }
}
