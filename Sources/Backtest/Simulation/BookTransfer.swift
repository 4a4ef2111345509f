import Foundation
import MarketData
import QuantCore
import Strategy

/// The strategy's book as `book import` reads it, and back: what `backtest --book-out` writes
/// at a close and what `signal --book` starts from, so that the one decision engine (the
/// session step of `SimulationState`) can be run on a trader's book.
///
/// Written at the close of a session: one line per open position at its fill price (the
/// condor's four legs at their entry fills, in layer `condor`; hedge positions at their average
/// price in layer1/2/3: layer-1 futures are the overlay, layer-1 calls the pre-FOMC seed), a
/// `CASH` line such that the lines' cash flows add up to the account's cash to the cent, and a
/// `PEAK` line carrying the peak equity the drawdown brake measures from. Prices are written
/// with 17 significant digits so that they read back as the same numbers.
extension SimulationState {
    func bookCSV(date: MarketDate, calendar: TradingCalendar) -> String {
        var fills: [BookFill] = []
        if let open = condor {
            let c = open.condor
            for (leg, price) in zip(c.signedLegs, open.legPrices) {
                fills.append(
                    BookFill(
                        date: open.opened, symbol: .spxOption(leg.type, strike: leg.strike, expiry: c.expiry, calendar: calendar),
                        quantity: Int(leg.sign) * c.quantity, price: price, fees: .zero, layer: "condor"))
            }
        }
        for position in hedges.positions {
            fills.append(
                BookFill(
                    date: date, symbol: InstrumentSymbol(position.instrument), quantity: position.contracts, price: position.averagePrice, fees: .zero,
                    layer: Self.component(position.layer).rawValue))
        }
        let flows = fills.map(\.cashFlow).reduce(Cents.zero, +)
        var csv = "date,symbol,quantity,price,fees,layer\n"
        csv += "\(date),CASH,1,\((ledger.cash - flows).dollars),0,\n"
        for fill in fills {
            csv += "\(fill.date),\(fill.symbol),\(fill.quantity),\(Self.exact(fill.price)),0,\(fill.layer ?? "")\n"
        }
        csv += "\(peakDate ?? date),PEAK,1,\(Self.exact(peakEquity)),0,\n"
        return csv
    }

    static func exact(_ x: Double) -> String { String(format: "%.17g", x) }

    /// The state at the close of `previousDay` rebuilt from a book (see the extension).
    /// - Throws: `BookStateError` when the SPX lines do not form one iron condor, a hedge line
    ///   is not a VIX call or future of a known layer, or the book has no cash line.
    init(book fills: [BookFill], previousDay: MarketDate, configuration: BacktestConfiguration, tape: RegimeTape, calendar: TradingCalendar) throws {
        self.init(configuration: configuration, firstDay: previousDay, tape: tape)
        let positions = BookPositions(fills: fills)
        ledger = Ledger(initialCapital: positions.cash, startDay: previousDay.dayNumber)
        self.previousDay = previousDay
        // One line per lot (as `backtest --book-out` writes) keeps its exact price.
        var single: [String: Double] = [:]
        var counts: [String: Int] = [:]
        for fill in fills where fill.symbol != .cash {
            let key = "\(fill.layer ?? BookPositions.unassigned)|\(fill.symbol)"
            counts[key, default: 0] += 1
            single[key] = fill.price
        }
        func price(_ lot: BookPositions.Lot) -> Double {
            let key = "\(lot.layer)|\(lot.symbol)"
            return counts[key] == 1 ? single[key]! : lot.averagePrice
        }
        var legs: [(type: OptionType, strike: Double, quantity: Int, price: Double, expiry: MarketDate, opened: MarketDate)] = []
        var hedgePositions: [HedgePosition] = []
        for lot in positions.lots {
            switch lot.symbol {
            case .option(let root, let expiry, let right, _) where !root.isVIX:
                guard lot.layer == "condor" || lot.layer == BookPositions.unassigned else {
                    throw BookStateError("SPX option \(lot.symbol) is in layer \(lot.layer): only the condor holds SPX options")
                }
                let opened = fills.filter { $0.symbol == lot.symbol }.map(\.date).min() ?? previousDay
                legs.append((right == .call ? .call : .put, lot.symbol.strike ?? 0, lot.quantity, price(lot), expiry, opened))
            case .option(_, let expiry, let right, _):
                guard right == .call else { throw BookStateError("VIX put \(lot.symbol): the hedge layers hold only calls") }
                let layer: HedgeLayer
                switch lot.layer {
                case "layer1": layer = .eventSeed
                case "layer2": layer = .longDatedCalls
                case "layer3": layer = .otmLadder
                default: throw BookStateError("VIX call \(lot.symbol) needs a layer (layer1, layer2 or layer3), not \(lot.layer)")
                }
                hedgePositions.append(
                    HedgePosition(layer: layer, instrument: .call(expiry: expiry, strike: lot.symbol.strike ?? 0), contracts: lot.quantity, averagePrice: price(lot)))
            case .vixFuture(let year, let month):
                guard lot.layer == "layer1" else {
                    throw BookStateError("VX future \(lot.symbol) is in layer \(lot.layer): only the layer-1 overlay holds futures (give it layer1)")
                }
                guard let expiry = calendar.vixExpiry(year: year, month: month) else { throw BookStateError("\(lot.symbol): no expiry in the calendar") }
                hedgePositions.append(HedgePosition(layer: .futuresOverlay, instrument: .future(expiry: expiry), contracts: lot.quantity, averagePrice: price(lot)))
            case .cash, .peak:
                continue
            }
        }
        // The book's line order is the order the positions were opened in (the backtest writes
        // them so); the planner lists its orders in that order, so it is kept.
        func firstLine(_ position: HedgePosition) -> Int {
            let symbol = InstrumentSymbol(position.instrument), layer = Self.component(position.layer).rawValue
            return fills.firstIndex { $0.symbol == symbol && $0.layer == layer } ?? fills.count
        }
        hedges = HedgeBook(positions: hedgePositions.sorted { firstLine($0) < firstLine($1) })
        if !legs.isEmpty {
            let sorted = legs.sorted { ($0.type == .put ? 0 : 1, $0.strike) < ($1.type == .put ? 0 : 1, $1.strike) }
            let quantity = abs(sorted[0].quantity)
            guard sorted.count == 4, sorted.map(\.type) == [.put, .put, .call, .call], Set(sorted.map(\.expiry)).count == 1,
                sorted.map(\.quantity) == [quantity, -quantity, -quantity, quantity]
            else { throw BookStateError("the SPX option lines do not form one iron condor (long put, short put, short call, long call, equal size)") }
            var credit = 0.0
            for (leg, sign) in zip(sorted, [1.0, -1, -1, 1]) { credit += sign < 0 ? leg.price : -leg.price }
            let condor: IronCondor
            do {
                condor = try IronCondor(
                    expiry: sorted[0].expiry, longPut: sorted[0].strike, shortPut: sorted[1].strike, shortCall: sorted[2].strike,
                    longCall: sorted[3].strike, quantity: quantity, credit: credit)
            } catch {
                throw BookStateError("the book's condor is not valid: \(error)")
            }
            self.condor = OpenCondor(
                condor: condor, opened: sorted.map(\.opened).min() ?? previousDay, credit: credit, entryFees: 0, legPrices: sorted.map(\.price))
        }
        // The highest PEAK still inside the brake's reference at the previous close (an older
        // one would be reset by the step anyway, and must not hide a lower current one).
        let reference = configuration.ruleset.risk.drawdownReference
        let peaks = fills.filter { $0.symbol == .peak }
        let current = peaks.filter { !reference.resets(peakDate: $0.date, on: previousDay) }
        if let peak = (current.isEmpty ? peaks : current).max(by: { $0.price < $1.price }) {
            peakEquity = peak.price
            peakDate = peak.date
        } else {
            (peakEquity, peakDate) = (0, nil)  // unknown: the first mark sets it (no drawdown on the book's first day)
        }
    }
}

/// A book that the decision engine cannot start from, with the reason.
public struct BookStateError: Error, Equatable, Sendable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
