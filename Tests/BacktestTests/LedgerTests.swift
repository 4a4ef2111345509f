import Foundation
import MarketData
import Testing
@testable import Backtest

/// The ledger: recording rules, equity history, XIRR flows, and the P&L invariant under a long
/// random sequence and under deliberate corruption.
@Suite struct LedgerTests {
    static let start = 16_071  // 2014-01-02

    /// A small hand-worked book: condor sold and marked, a layer-2 call bought, interest.
    static func workedLedger() throws -> Ledger {
        var ledger = Ledger(initialCapital: Cents(dollars: 100_000), startDay: start)
        try ledger.post(day: start, component: .condor, kind: .premium, amount: Cents(dollars: 370), memo: "sell 2 condor @ 1.85")
        try ledger.post(day: start, component: .condor, kind: .fee, amount: Cents(dollars: -10.48))
        try ledger.setMark(.condor, value: Cents(dollars: -380), day: start)
        try ledger.post(day: start + 1, component: .layer2, kind: .premium, amount: Cents(dollars: -60))
        try ledger.post(day: start + 1, component: .layer2, kind: .fee, amount: Cents(dollars: -1.10))
        try ledger.setMark(.layer2, value: Cents(dollars: 55), day: start + 1)
        try ledger.setMark(.condor, value: Cents(dollars: -300), day: start + 1)
        try ledger.post(day: start + 2, component: .cash, kind: .interest, amount: Cents(dollars: 1.23))
        return ledger
    }

    /// The ledger's per-component slots and the components' hash use `ordinal`: it must be each
    /// case's own position, or two components would share a slot.
    @Test func ordinalsAreTheCasePositions() {
        #expect(LedgerComponent.allCases.map(\.ordinal) == Array(LedgerComponent.allCases.indices))
        var table = ComponentTable<Int>()
        for (index, component) in LedgerComponent.allCases.enumerated() { table[component, default: 0] += index + 1 }
        #expect(LedgerComponent.allCases.map { table[$0] } == LedgerComponent.allCases.indices.map { $0 + 1 })
        #expect(table.values == Array(1...LedgerComponent.allCases.count))
    }

    /// Memos are formatted when read, from the values of the moment they were posted; they
    /// encode and compare as their text.
    @Test func memosReadAsPostedAndEncodeAsText() throws {
        var ledger = Ledger(initialCapital: Cents(dollars: 1_000), startDay: Self.start)
        let instrument = "VIX 2014-02-19 18.00C"
        for quantity in 1...3 {
            try ledger.post(
                day: Self.start + quantity, component: .layer3, kind: .premium, amount: Cents(dollars: -10), memo: "buy \(quantity) \(instrument)")
        }
        try ledger.setMark(.layer3, value: Cents(dollars: 25), day: Self.start + 3, memo: "at \(25.5) mid")
        #expect(ledger.entries.map(\.memo) == ["buy 1 VIX 2014-02-19 18.00C", "buy 2 VIX 2014-02-19 18.00C", "buy 3 VIX 2014-02-19 18.00C", "at 25.5 mid"])
        let entry = ledger.entries[0]
        let decoded = try JSONDecoder().decode(LedgerEntry.self, from: JSONEncoder().encode(entry))
        #expect(decoded == entry && decoded.memo == entry.memo && decoded.hashValue == entry.hashValue)
        #expect(try StableJSON.encode(entry).contains(#""memo" : "buy 1 VIX 2014-02-19 18.00C""#))
        var renamed = entry
        renamed.memo = "other"
        #expect(renamed != entry && renamed.memo == "other")
    }

    @Test func workedExampleAddsUp() throws {
        let ledger = try Self.workedLedger()
        try ledger.checkInvariant()
        #expect(ledger.cash == Cents(dollars: 100_000 + 370 - 10.48 - 60 - 1.10 + 1.23))
        #expect(ledger.realisedCashFlow(.condor) == Cents(dollars: 359.52))
        #expect(ledger.mark(.condor) == Cents(dollars: -300))
        #expect(ledger.componentPnL(.condor) == Cents(dollars: 59.52))
        #expect(ledger.componentPnL(.layer2) == Cents(dollars: -6.10))
        #expect(ledger.componentPnL(.cash) == Cents(dollars: 1.23))
        #expect(ledger.componentPnL(.layer1) == .zero)
        #expect(ledger.totalPnL == Cents(dollars: 54.65))
        #expect(ledger.equity == ledger.initialCapital + ledger.totalPnL)
        // Equity history: before the start, at each close.
        #expect(ledger.equity(onDay: Self.start - 1) == Cents(dollars: 100_000))
        #expect(ledger.equity(onDay: Self.start) == Cents(dollars: 100_000 + 359.52 - 380))
        #expect(ledger.equity(onDay: Self.start + 1) == Cents(dollars: 100_000 + 359.52 - 61.10 - 300 + 55))
        #expect(ledger.equity(onDay: Self.start + 2) == ledger.equity)
        #expect(ledger.equity(onDay: Self.start + 100) == ledger.equity)
        // P&L through a day, and over a period.
        #expect(ledger.componentPnL(.condor, throughDay: Self.start) == Cents(dollars: -20.48))
        #expect(ledger.componentPnL(.condor, throughDay: Self.start + 1) - ledger.componentPnL(.condor, throughDay: Self.start) == Cents(dollars: 80))
        // Journal: a mark entry holds the change in the mark.
        let condorMarks = ledger.entries.filter { $0.component == .condor && $0.kind == .mark }.map(\.amount)
        #expect(condorMarks == [Cents(dollars: -380), Cents(dollars: 80)])
    }

    @Test func cashFlowsForXIRR() throws {
        let ledger = try Self.workedLedger()
        // Condor: credit net of fees on the first day, the mark (a liability) as a terminal outflow.
        #expect(ledger.cashFlows(.condor) == [
            LedgerCashFlow(dayNumber: Self.start, amount: Cents(dollars: 359.52)),
            LedgerCashFlow(dayNumber: Self.start + 2, amount: Cents(dollars: -300)),
        ])
        // Layer 2: premium and fee paid (negative), terminal mark received (positive).
        #expect(ledger.cashFlows(.layer2) == [
            LedgerCashFlow(dayNumber: Self.start + 1, amount: Cents(dollars: -61.10)),
            LedgerCashFlow(dayNumber: Self.start + 2, amount: Cents(dollars: 55)),
        ])
        #expect(ledger.cashFlows(.layer2, includeTerminalMark: false).count == 1)
        #expect(ledger.cashFlows(.layer3).isEmpty)
        for component in LedgerComponent.allCases {
            #expect(ledger.cashFlows(component).map(\.amount).sum() == ledger.componentPnL(component))
        }
        #expect(ledger.portfolioCashFlows() == [
            LedgerCashFlow(dayNumber: Self.start, amount: Cents(dollars: -100_000)),
            LedgerCashFlow(dayNumber: Self.start + 2, amount: ledger.equity),
        ])
    }

    @Test func recordingRules() throws {
        var ledger = try Self.workedLedger()
        let last = Self.start + 2
        #expect(throws: LedgerError.outOfOrder(day: last - 1, lastDay: last)) {
            try ledger.post(day: last - 1, component: .condor, kind: .premium, amount: Cents(cents: 1))
        }
        #expect(throws: LedgerError.outOfOrder(day: last - 1, lastDay: last)) {
            try ledger.setMark(.condor, value: .zero, day: last - 1)
        }
        #expect(throws: LedgerError.markPostedAsCash(day: last, component: .layer1)) {
            try ledger.post(day: last, component: .layer1, kind: .mark, amount: Cents(cents: 1))
        }
        #expect(throws: LedgerError.cashHasNoMark(day: last)) {
            try ledger.setMark(.cash, value: Cents(cents: 1), day: last)
        }
        #expect(throws: LedgerError.positiveFee(day: last, amount: Cents(cents: 1))) {
            try ledger.post(day: last, component: .layer3, kind: .fee, amount: Cents(cents: 1))
        }
        #expect(throws: LedgerError.kindNotAllowed(day: last, component: .condor, kind: .interest)) {
            try ledger.post(day: last, component: .condor, kind: .interest, amount: Cents(cents: 1))
        }
        #expect(throws: LedgerError.kindNotAllowed(day: last, component: .cash, kind: .premium)) {
            try ledger.post(day: last, component: .cash, kind: .premium, amount: Cents(cents: 1))
        }
        #expect(throws: LedgerError.outOfOrder(day: Self.start - 1, lastDay: Self.start)) {
            var fresh = Ledger(initialCapital: .zero, startDay: Self.start)
            try fresh.post(day: Self.start - 1, component: .condor, kind: .premium, amount: Cents(cents: 1))
        }
        // Refused entries leave no trace.
        #expect(ledger.entries == (try Self.workedLedger()).entries)
        try ledger.checkInvariant()
        // A same-day re-mark replaces the valuation; an unchanged mark writes no journal entry.
        let count = ledger.entries.count
        try ledger.setMark(.condor, value: Cents(dollars: -250), day: last)
        try ledger.setMark(.condor, value: Cents(dollars: -260), day: last)
        try ledger.setMark(.condor, value: Cents(dollars: -260), day: last)
        #expect(ledger.entries.count == count + 2)
        #expect(ledger.valuations[.condor]!.filter { $0.day == last }.count == 1)
        #expect(ledger.mark(.condor) == Cents(dollars: -260))
        try ledger.checkInvariant()
    }

    /// ~2,500 trading days of random premiums, fees, settlements, variation margin, interest and
    /// marks (several a day, same-day re-marks included) across all components: the invariant
    /// holds at every audit, and Σ component P&L equals equity − capital to the cent.
    @Test func invariantHoldsAfterLongRandomSequence() throws {
        var rng = SplitMix64(seed: 20_140_102)
        var ledger = Ledger(initialCapital: Cents(dollars: 1_000_000), startDay: Self.start)
        let positions: [LedgerComponent] = [.condor, .layer1, .layer2, .layer3]
        let cashKinds: [LedgerEntryKind] = [.premium, .fee, .settlement, .variationMargin]
        var day = Self.start
        var records = 0
        for session in 0..<2_500 {
            day += Int.random(in: 1...4, using: &rng)  // weekends and holidays
            for _ in 0..<Int.random(in: 0...6, using: &rng) {
                let component = positions.randomElement(using: &rng)!
                let kind = cashKinds.randomElement(using: &rng)!
                // Sub-cent amounts on purpose: each is rounded to the cent when recorded.
                let dollars = Double.random(in: -25_000...25_000, using: &rng)
                try ledger.post(
                    day: day, component: component, kind: kind,
                    amount: Cents(dollars: kind == .fee ? -abs(dollars) / 1_000 : dollars))
                records += 1
            }
            if Bool.random(using: &rng) {
                try ledger.post(day: day, component: .cash, kind: .interest, amount: Cents(dollars: Double.random(in: -5...40, using: &rng)))
            }
            for component in positions where Int.random(in: 0..<3, using: &rng) > 0 {
                try ledger.setMark(component, value: Cents(dollars: Double.random(in: -80_000...80_000, using: &rng)), day: day)
                if Int.random(in: 0..<10, using: &rng) == 0 {  // re-marked later the same day
                    try ledger.setMark(component, value: Cents(dollars: Double.random(in: -80_000...80_000, using: &rng)), day: day)
                }
                records += 1
            }
            if session % 250 == 0 { try ledger.checkInvariant() }
        }
        try ledger.checkInvariant()
        #expect(records > 10_000)
        let components = LedgerComponent.allCases.map { ledger.componentPnL($0) }.sum()
        #expect(components == ledger.totalPnL)
        #expect(components == ledger.cash + LedgerComponent.allCases.map { ledger.mark($0) }.sum() - ledger.initialCapital)
        #expect(ledger.equity(onDay: day) == ledger.equity)
        // The journal alone reproduces each component's P&L, and its flows for XIRR sum to it.
        for component in LedgerComponent.allCases {
            let journal = ledger.entries.filter { $0.component == component }.map(\.amount).sum()
            #expect(journal == ledger.componentPnL(component))
            #expect(ledger.componentPnL(component, throughDay: day) == ledger.componentPnL(component))
            #expect(ledger.cashFlows(component).map(\.amount).sum() == ledger.componentPnL(component))
        }
        #expect(ledger.portfolioCashFlows().map(\.amount).sum() == ledger.totalPnL)
    }

    /// A valuation changed behind the journal's back (a 1¢ corruption of one stored layer-2
    /// mark, mid-history) is caught, naming its day, the difference and the component.
    @Test func corruptedMarkIsCaughtNamingTheDay() throws {
        var rng = SplitMix64(seed: 99)
        var ledger = Ledger(initialCapital: Cents(dollars: 250_000), startDay: Self.start)
        for offset in 1...400 {
            for component in [LedgerComponent.condor, .layer1, .layer2, .layer3] {
                try ledger.post(day: Self.start + offset, component: component, kind: .premium, amount: Cents(dollars: Double.random(in: -900...900, using: &rng)))
                try ledger.setMark(component, value: Cents(dollars: Double.random(in: -5_000...5_000, using: &rng)), day: Self.start + offset)
            }
        }
        try ledger.checkInvariant()
        var corrupted = ledger
        let index = 123
        let day = corrupted.valuations[.layer2]![index].day
        corrupted.valuations[.layer2]![index].value += Cents(cents: 1)
        #expect(throws: LedgerError.invariantViolated(day: day, difference: Cents(cents: -1), component: .layer2)) {
            try corrupted.checkInvariant()
        }
        do throws(LedgerError) {
            try corrupted.checkInvariant()
            Issue.record("the corrupted ledger passed its audit")
        } catch {
            #expect(error.description.contains("day \(day)"))
            #expect(error.description.contains("-$0.01"))
        }
        // The latest mark corrupted: caught on the last day.
        var latest = ledger
        let lastIndex = latest.valuations[.condor]!.count - 1
        latest.valuations[.condor]![lastIndex].value = Cents(dollars: 1_000_000)
        #expect(throws: LedgerError.self) { try latest.checkInvariant() }
        do throws(LedgerError) {
            try latest.checkInvariant()
        } catch {
            guard case let .invariantViolated(failedDay, _, component) = error else { Issue.record("\(error)"); return }
            #expect(failedDay == ledger.lastDay)
            #expect(component == .condor)
        }
        // A stored closing cash balance corrupted: caught on its day, no component named.
        var cash = ledger
        let cashDay = cash.closingCash[200].day
        cash.closingCash[200].cash += Cents(cents: 5)
        #expect(throws: LedgerError.invariantViolated(day: cashDay, difference: Cents(cents: -5), component: nil)) {
            try cash.checkInvariant()
        }
        // The untouched ledger still passes.
        try ledger.checkInvariant()
    }
}
