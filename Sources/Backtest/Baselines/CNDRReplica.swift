import Foundation
import MarketData
import Strategy
import VolModels

/// A replica of the Cboe S&P 500 Iron Condor Index (CNDR) by its published rules, on the same
/// modelled SPX chains as every other run:
///
/// - Roll on each standard monthly SPX expiration (the third Friday, or the session before it
///   when that is a holiday): the expiring condor settles at intrinsic value against the S&P
///   500 close, then the next month's standard expiry is sold: the put and the call whose model
///   |delta| is nearest `cndr_short_delta` (0.20), bought back by the put below and the call
///   above whose |delta| is nearest `cndr_wing_delta` (0.05). Cboe rolls at about 11:00 ET and
///   settles at the morning's Special Opening Quotation; the replica uses the close for both.
/// - Size: the number of condors (fractional, like the index's units) whose combined maximum
///   loss, (wider wing − credit) × 100 each, equals `cndr_risk_fraction` (0.10) of the index
///   value at the roll.
/// - Held to expiry; the rest of the capital earns the one-month Treasury rate (continuous,
///   calendar days). Prices: the fill model on the modelled bid/ask; fees per contract × units.
/// - Until the first roll date inside the run the replica holds cash.
public enum CNDRReplica {
    public static let name = "cndr"

    public static func run(
        timeline: MarketTimeline, rules: BaselineRules, capital: Double, fill: any FillModel, fees: any FeeModel
    ) throws -> ReplicaRun {
        try rules.validate()
        let calendar = timeline.calendar
        var book = ReplicaBook(capital: capital, firstDay: timeline.sessions[0], components: [.condor, .cash])
        var open: (condor: IronCondor, units: Double, opened: MarketDate)?
        // Interest over (previous close, this close] accrues at the rate known at the previous close.
        var previous: (day: MarketDate, rate: Double)?
        var schedule = RollSchedule(firstSession: timeline.sessions[0]) { calendar.spxMonthlyExpiry(year: $0, month: $1) }
        for (index, day) in timeline.sessions.enumerated() {
            let market = timeline.days[index]
            let inputs = market.inputs
            let d = day.dayNumber
            if let previous {
                let interest = book.ledger.cash.dollars * (exp(previous.rate * Double(day - previous.day) / 365) - 1)
                try book.ledger.post(
                    day: d, component: .cash, kind: .interest, amount: Cents(dollars: interest), memo: "one-month T-bill \(previous.rate)")
            }
            previous = (day, inputs.rates.rate(years: 30.0 / 365))
            if let position = open, position.condor.expiry <= day {
                if position.condor.expiry < day {
                    book.rejections.append(
                        Refusal(date: day, kind: .late, reason: "CNDR condor of \(position.condor.expiry) settled late: its expiry day is not in the data"))
                }
                let paid = Cents(dollars: position.condor.intrinsicValue(at: inputs.spot) * 100 * position.units)
                try book.ledger.post(day: d, component: .condor, kind: .settlement, amount: -paid, memo: "settle CNDR condor")
                // The settled condor's mark goes with it before the next one is sized on equity.
                try book.ledger.setMark(.condor, value: .zero, day: d, memo: "CNDR condor settled")
                book.rolls[book.rolls.count - 1].settlement = -paid
                let pnl = book.rolls[book.rolls.count - 1].pnl ?? .zero
                book.trades.append(ClosedTrade(entryDay: position.opened.dayNumber, exitDay: d, pnl: pnl.dollars))
                open = nil
            }
            if open == nil, let roll = schedule.due(on: day) {
                schedule.rolled(roll)
                if roll < day { book.rejections.append(Refusal(date: day, kind: .late, reason: "CNDR roll of \(roll) made late: that session is not in the data")) }
                let (year, month) = RollSchedule.nextMonth(after: roll)
                if let expiry = calendar.spxMonthlyExpiry(year: year, month: month) {
                    do {
                        open = try sell(expiry: expiry, index: index, day: day, timeline: timeline, rules: rules, fill: fill, fees: fees, book: &book)
                    } catch let refusal as RollRefused {
                        book.rejections.append(Refusal(date: day, kind: .replicaRoll, reason: "no CNDR condor: \(refusal.reason)"))
                    }
                } else {
                    book.rejections.append(Refusal(date: day, kind: .replicaRoll, reason: "no CNDR condor: the calendar has no standard expiry next month"))
                }
            }
            var mark = Cents.zero
            if let position = open {
                let pricer = CondorModelPricer(model: market.model)
                let value = pricer.condorValue(position.condor, spot: inputs.spot, years: inputs.years(to: position.condor.expiry))
                mark = -Cents(dollars: value * 100 * position.units)
            }
            try book.ledger.setMark(.condor, value: mark, day: d, memo: "CNDR condor at model mid")
            try book.close(day)
        }
        return try book.run(name)
    }

    /// A roll that cannot trade (no strike near the deltas, no credit): recorded, not thrown.
    struct RollRefused: Error { var reason: String }

    static func sell(
        expiry: MarketDate, index: Int, day: MarketDate, timeline: MarketTimeline, rules: BaselineRules,
        fill: any FillModel, fees: any FeeModel, book: inout ReplicaBook
    ) throws -> (condor: IronCondor, units: Double, opened: MarketDate) {
        guard let slice = timeline.spxChain(index, expiry: expiry).expiries.first(where: { $0.expiry == expiry }) else {
            throw RollRefused(reason: "no modelled chain for \(expiry)")
        }
        func nearest(_ quotes: [SyntheticQuote], _ target: Double, where keep: (Double) -> Bool) -> Int? {
            slice.strikes.indices.filter { keep(slice.strikes[$0]) }
                .min { abs(abs(quotes[$0].valuation.delta) - target) < abs(abs(quotes[$1].valuation.delta) - target) }
        }
        guard let shortPut = nearest(slice.puts, rules.cndrShortDelta, where: { $0 < slice.forward }),
            let shortCall = nearest(slice.calls, rules.cndrShortDelta, where: { $0 > slice.forward })
        else { throw RollRefused(reason: "no strike near |delta| \(rules.cndrShortDelta) for \(expiry)") }
        guard let longPut = nearest(slice.puts, rules.cndrWingDelta, where: { $0 < slice.strikes[shortPut] }),
            let longCall = nearest(slice.calls, rules.cndrWingDelta, where: { $0 > slice.strikes[shortCall] })
        else { throw RollRefused(reason: "no wing strike beyond the shorts for \(expiry)") }
        let sold = fill.fillPrice(side: .sell, bid: slice.puts[shortPut].bid, ask: slice.puts[shortPut].ask)
            + fill.fillPrice(side: .sell, bid: slice.calls[shortCall].bid, ask: slice.calls[shortCall].ask)
        let bought = fill.fillPrice(side: .buy, bid: slice.puts[longPut].bid, ask: slice.puts[longPut].ask)
            + fill.fillPrice(side: .buy, bid: slice.calls[longCall].bid, ask: slice.calls[longCall].ask)
        let credit = sold - bought
        guard credit > 0 else { throw RollRefused(reason: "condor credit \(credit) after fills is not positive") }
        let condor: IronCondor
        do {
            condor = try IronCondor(
                expiry: expiry, longPut: slice.strikes[longPut], shortPut: slice.strikes[shortPut], shortCall: slice.strikes[shortCall],
                longCall: slice.strikes[longCall], quantity: 1, credit: credit)
        } catch {
            throw RollRefused(reason: "condor not valid after fills: \(error)")
        }
        let maxLoss = (max(condor.putWidth, condor.callWidth) - credit) * 100
        let units = rules.cndrRiskFraction * book.ledger.equity.dollars / maxLoss
        let d = day.dayNumber
        let feeCents = Cents(dollars: fees.fees(contracts: 4, instrument: .spxOption) * units)
        let premium = Cents(dollars: credit * 100 * units)
        try book.ledger.post(day: d, component: .condor, kind: .premium, amount: premium, memo: "sell CNDR condor \(expiry)")
        try book.ledger.post(day: d, component: .condor, kind: .fee, amount: -feeCents, memo: "CNDR fees")
        book.rolls.append(
            ReplicaRoll(
                opened: day, expiry: expiry, strikes: [condor.longPut, condor.shortPut, condor.shortCall, condor.longCall], units: units,
                price: credit, premium: premium, fees: -feeCents, settlement: nil))
        return (condor, units, day)
    }
}
