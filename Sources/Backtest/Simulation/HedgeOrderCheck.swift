import Strategy

extension SimulationState {
    /// Whether an order only reduces a holding or opens risk (needs capital or cover).
    enum OrderEffect: Int, Comparable {
        case buysBack = 0, sells = 1, opensLong = 2, opensShort = 3
        static func < (a: OrderEffect, b: OrderEffect) -> Bool { a.rawValue < b.rawValue }
        var reduces: Bool { self == .buysBack || self == .sells }
    }

    func held(_ order: HedgeOrder) -> Int {
        hedges.positions.first { $0.layer == order.layer && $0.instrument == order.instrument }?.contracts ?? 0
    }

    func effect(_ order: HedgeOrder) -> OrderEffect {
        Self.effect(held: held(order), signed: order.side == .buy ? order.quantity : -order.quantity)
    }

    static func effect(held: Int, signed: Int) -> OrderEffect {
        if held != 0, (held > 0) != (signed > 0), abs(signed) <= abs(held) { return signed > 0 ? .buysBack : .sells }
        return signed > 0 ? .opensLong : .opensShort
    }

    /// The day's orders in the sequence they can be afforded. An order that goes through zero is
    /// split into the part that closes the holding and the part that opens the other side, so a
    /// refusal never blocks the closing part. Then: short calls bought back first (a spread never
    /// goes naked on the way), other reductions (they free cash and margin), purchases, and last
    /// the sales that open short calls (covered by the long calls just bought). Stable within each
    /// group.
    func executionOrder(_ orders: [HedgeOrder]) -> [HedgeOrder] {
        var split: [HedgeOrder] = []
        for order in orders {
            let held = held(order)
            let signed = order.side == .buy ? order.quantity : -order.quantity
            if held != 0, (held > 0) != (signed > 0), abs(signed) > abs(held) {
                var closing = order
                closing.quantity = abs(held)
                var opening = order
                opening.quantity = abs(signed) - abs(held)
                split += [closing, opening]
            } else {
                split.append(order)
            }
        }
        // Effects are judged on the book before any of the day's orders, as they will execute.
        var seen: [HedgeInstrumentKey: Int] = [:]
        let effects = split.map { order -> OrderEffect in
            let key = HedgeInstrumentKey(layer: order.layer, instrument: order.instrument)
            defer { seen[key, default: 0] += order.side == .buy ? order.quantity : -order.quantity }
            return Self.effect(held: held(order) + seen[key, default: 0], signed: order.side == .buy ? order.quantity : -order.quantity)
        }
        return split.indices.sorted { (effects[$0], $0) < (effects[$1], $1) }.map { split[$0] }
    }

    /// Why the book cannot take `order` at `price` with `fees`, or nil when it can:
    /// - a purchase (options) or a futures position that grows needs premium or initial margin
    ///   plus fees within free cash (`MarginModel.checkAvailableCapital`);
    /// - a sale that opens or grows a short call must leave every short call of that layer and
    ///   expiry covered by a long call at a lower strike (call spreads; naked calls are refused).
    /// Orders that only reduce a holding are always accepted (`executionOrder` splits orders that
    /// go through zero, so this sees either a pure reduction or a pure opening).
    func refusal(_ order: HedgeOrder, price: Double, fees: Double) -> String? {
        let effect = effect(order)
        guard !effect.reduces else { return nil }
        let opening = order.quantity
        if order.instrument.isFuture {
            let check = configuration.margin.checkAvailableCapital(for: .vixFutures(contracts: opening), premiumPaid: 0, fees: fees, freeCash: freeCash())
            if case .rejected(let reason) = check { return reason }
            return nil
        }
        if effect == .opensLong {
            let premium = price * order.instrument.multiplier * Double(opening)
            let check = configuration.margin.checkAvailableCapital(for: .longOptions(contracts: opening), premiumPaid: premium, fees: fees, freeCash: freeCash())
            if case .rejected(let reason) = check { return reason }
            return nil
        }
        guard let strike = order.instrument.strike else { return nil }
        // Walk the layer's calls of this expiry upwards with the new short included: each short
        // must be matched by longs below it.
        var book: [Double: Int] = [strike: -opening]
        for position in hedges.positions where position.layer == order.layer && position.instrument.expiry == order.instrument.expiry {
            if let k = position.instrument.strike { book[k, default: 0] += position.contracts }
        }
        var longs = 0
        for k in book.keys.sorted() {
            longs += book[k]!
            if longs < 0 {
                return "naked short call: selling \(opening) \(order.instrument) leaves short calls at or below \(k) not covered by long calls at lower strikes"
            }
        }
        // A covered short call receives premium; the spread's risk was paid with its long leg.
        let check = configuration.margin.checkAvailableCapital(for: .longOptions(contracts: 0), premiumPaid: 0, fees: fees, freeCash: freeCash())
        if case .rejected(let reason) = check { return reason }
        return nil
    }
}

/// A holding's identity in the book (layer and instrument).
struct HedgeInstrumentKey: Hashable {
    var layer: HedgeLayer
    var instrument: HedgeInstrument
}
