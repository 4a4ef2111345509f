import Foundation
import MarketData
import Strategy
import VolModels

/// A replica of the Cboe VIX Tail Hedge Index (VXTH) by its published rules, on the same
/// modelled VIX complex as every other run:
///
/// - Hold the S&P 500 as a total-return index: the price index plus a flat dividend yield
///   (`vxth_dividend_yield`, 1.9%/yr continuous), reinvested daily.
/// - On each monthly VIX options expiration day (the Wednesday 30 days before the next
///   month's SPX expiry, from the trading calendar): the expiring calls settle at the Special
///   Opening Quotation (stand-in: the VIX open of that day, as for every VIX settlement here)
///   and the proceeds go back into the S&P 500; then one-month VIX calls (the next monthly
///   expiry) are bought at the listed strike whose model delta is nearest `vxth_call_delta`
///   (0.30), for `VXTHWeight` of the portfolio value: 0% / 1% / 0.5% / 0% when the future of
///   that expiry is below 15 / 15-30 / above 30 up to 50 / above 50, paid by selling S&P 500
///   units.
/// - Held to expiry. Prices: the fill model on the modelled bid/ask (Cboe prices its rolls from
///   real quotes around 11:00 ET; the replica uses the close); fees per contract × units.
/// - Before the first VIX option listing (2006-02-24) no call is bought and the refusal is
///   recorded.
public enum VXTHReplica {
    public static let name = "vxth"

    public static func run(
        timeline: MarketTimeline, rules: BaselineRules, capital: Double, fill: any FillModel, fees: any FeeModel
    ) throws -> ReplicaRun {
        try rules.validate()
        let calendar = timeline.calendar
        let firstDay = timeline.sessions[0]
        var book = ReplicaBook(capital: capital, firstDay: firstDay, components: [.spx, .vixCalls])
        var spxUnits = 0.0
        var calls: (expiry: MarketDate, strike: Double, units: Double, opened: MarketDate, paid: Cents)?
        var previous: MarketDate?
        let pricing = HedgePricing()
        var schedule = RollSchedule(firstSession: firstDay) { calendar.vixExpiry(year: $0, month: $1) }
        for (index, day) in timeline.sessions.enumerated() {
            let market = timeline.days[index]
            let inputs = market.inputs
            let d = day.dayNumber
            if let previous { spxUnits *= exp(rules.vxthDividendYield * Double(day - previous) / 365) }
            previous = day
            // Idle cash (the start, a settlement) goes into the S&P 500 at the close.
            func invest(_ amount: Cents, _ memo: String) throws {
                guard amount != .zero else { return }
                spxUnits += amount.dollars / inputs.spot
                try book.ledger.post(day: d, component: .spx, kind: .trade, amount: -amount, memo: memo)
            }
            if index == 0 { try invest(book.ledger.cash, "buy the S&P 500") }
            if let position = calls, position.expiry <= day {
                if position.expiry < day {
                    book.rejections.append(
                        Refusal(date: day, kind: .late, reason: "VXTH calls of \(position.expiry) settled late at the VIX close: their expiry day is not in the data"))
                }
                let soq = HedgePricing.settlementValue(expiry: position.expiry, inputs: inputs)
                let received = Cents(dollars: max(soq - position.strike, 0) * 100 * position.units)
                try book.ledger.post(day: d, component: .vixCalls, kind: .settlement, amount: received, memo: "settle VXTH calls at \(soq)")
                book.rolls[book.rolls.count - 1].settlement = received
                book.trades.append(ClosedTrade(entryDay: position.opened.dayNumber, exitDay: d, pnl: (received - position.paid).dollars))
                calls = nil
                try invest(book.ledger.cash, "reinvest the call settlement")
            }
            if calls == nil, let roll = schedule.due(on: day) {
                schedule.rolled(roll)
                if roll < day { book.rejections.append(Refusal(date: day, kind: .late, reason: "VXTH roll of \(roll) made late: that session is not in the data")) }
                let portfolio = spxUnits * inputs.spot
                do {
                    let bought = try buy(
                        day: day, roll: roll, market: market, calendar: calendar, portfolio: portfolio, rules: rules, fill: fill, fees: fees, book: &book)
                    if let bought {
                        // The premium and fees are paid by selling S&P 500 units at the close.
                        let sold = bought.paid
                        spxUnits -= sold.dollars / inputs.spot
                        try book.ledger.post(day: d, component: .spx, kind: .trade, amount: sold, memo: "sell the S&P 500 for VIX calls")
                        calls = bought
                    }
                } catch let refusal as CNDRReplica.RollRefused {
                    book.rejections.append(Refusal(date: day, kind: .replicaRoll, reason: "no VXTH calls: \(refusal.reason)"))
                }
            }
            try book.ledger.setMark(.spx, value: Cents(dollars: spxUnits * inputs.spot), day: d, memo: "S&P 500 at the close")
            var callMark = Cents.zero
            if let position = calls {
                let price = try pricing.callPrice(expiry: position.expiry, strike: position.strike, vix: try dayComplex(market), inputs: inputs)
                callMark = Cents(dollars: price * 100 * position.units)
            }
            try book.ledger.setMark(.vixCalls, value: callMark, day: d, memo: "VXTH calls at model mid")
            try book.close(day)
        }
        return try book.run(name)
    }

    /// The day's VIX complex; a day without one stops the run naming the date and cause.
    static func dayComplex(_ market: MarketDay) throws -> VIXComplex {
        do {
            return try market.vixComplex.get()
        } catch {
            throw BacktestError.marketData("\(market.inputs.date): no VIX model for the VXTH replica: \(error)")
        }
    }

    /// The roll's purchase, or nil when the weight is 0 (the future outside 15-50).
    static func buy(
        day: MarketDate, roll: MarketDate, market: MarketDay, calendar: TradingCalendar, portfolio: Double, rules: BaselineRules,
        fill: any FillModel, fees: any FeeModel, book: inout ReplicaBook
    ) throws -> (expiry: MarketDate, strike: Double, units: Double, opened: MarketDate, paid: Cents)? {
        if let listing = HedgePricing.firstListing(.call(expiry: day, strike: 1)), day < listing {
            throw CNDRReplica.RollRefused(reason: "no VIX option traded before \(listing)")
        }
        let (year, month) = RollSchedule.nextMonth(after: roll)
        guard let expiry = calendar.vixExpiry(year: year, month: month) else {
            throw CNDRReplica.RollRefused(reason: "the calendar has no VIX expiry next month")
        }
        let chain: VIXQuoteSheet
        do {
            chain = try market.vixChain.get()
        } catch {
            throw BacktestError.marketData("\(day): no VIX chain for the VXTH replica: \(error)")
        }
        guard let slice = chain.expiries.first(where: { $0.expiry == expiry }) else {
            throw CNDRReplica.RollRefused(reason: "no modelled VIX chain for \(expiry)")
        }
        let weight = try VXTHWeight.weight(forVIXFuture: slice.forward)
        guard weight > 0 else { return nil }
        let calls = slice.calls
        guard let index = calls.indices.min(by: {
            abs(calls[$0].valuation.delta - rules.vxthCallDelta) < abs(calls[$1].valuation.delta - rules.vxthCallDelta)
        }) else { throw CNDRReplica.RollRefused(reason: "no VIX calls listed for \(expiry)") }
        let price = fill.fillPrice(side: .buy, bid: calls[index].bid, ask: calls[index].ask)
        guard price > 0 else { throw CNDRReplica.RollRefused(reason: "VIX call \(expiry) \(slice.strikes[index]) has no price") }
        let premium = Cents(dollars: weight * portfolio)
        let units = premium.dollars / (price * 100)
        let feeCents = Cents(dollars: fees.fees(contracts: 1, instrument: .vixOption) * units)
        let d = day.dayNumber
        try book.ledger.post(day: d, component: .vixCalls, kind: .premium, amount: -premium, memo: "buy VXTH calls \(expiry) \(slice.strikes[index])")
        try book.ledger.post(day: d, component: .vixCalls, kind: .fee, amount: -feeCents, memo: "VXTH fees")
        book.rolls.append(
            ReplicaRoll(
                opened: day, expiry: expiry, strikes: [slice.strikes[index]], units: units, price: price, premium: -premium, fees: -feeCents,
                settlement: nil))
        return (expiry, slice.strikes[index], units, day, premium + feeCents)
    }
}
