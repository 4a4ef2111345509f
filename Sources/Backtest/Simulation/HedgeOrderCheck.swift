import Strategy

extension SimulationState {
    /// Whether an order opens risk (needs capital or cover) or only reduces a holding.
    enum OrderEffect: Int, Comparable {
        case reduces = 0, opensLong = 1, opensShort = 2
        static func < (a: OrderEffect, b: OrderEffect) -> Bool { a.rawValue < b.rawValue }
    }

    func effect(_ order: HedgeOrder) -> OrderEffect {
        let held = hedges.positions.first { $0.layer == order.layer && $0.instrument == order.instrument }?.contracts ?? 0
        let signed = order.side == .buy ? order.quantity : -order.quantity
        if held != 0, (held > 0) != (signed > 0), abs(signed) <= abs(held) { return .reduces }
        return signed > 0 ? .opensLong : .opensShort
    }

    /// The day's orders in the sequence they can be afforded: reductions first (they free
    /// cash and margin), then purchases, then sales that open short calls (which need the long
    /// calls bought just before as cover). Stable within each group.
    func executionOrder(_ orders: [HedgeOrder]) -> [HedgeOrder] {
        orders.enumerated().sorted { (effect($0.element), $0.offset) < (effect($1.element), $1.offset) }.map(\.element)
    }

    /// Why the book cannot take `order` at `price` with `fees`, or nil when it can:
    /// - a purchase (options) or any futures position that grows needs premium or initial
    ///   margin plus fees within free cash (`MarginModel.checkAvailableCapital`);
    /// - a sale that opens or grows a short call must be covered by long calls of the same
    ///   layer and expiry at lower strikes (a call spread); naked short calls are refused.
    /// Orders that only reduce a holding are always accepted.
    func refusal(_ order: HedgeOrder, price: Double, fees: Double) -> String? {
        let effect = effect(order)
        guard effect != .reduces else { return nil }
        let held = hedges.positions.first { $0.layer == order.layer && $0.instrument == order.instrument }?.contracts ?? 0
        let signed = order.side == .buy ? order.quantity : -order.quantity
        // Contracts beyond what closes the current holding.
        let opening = (held != 0 && (held > 0) != (signed > 0)) ? abs(signed) - abs(held) : abs(signed)
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
        let cover = hedges.positions.filter {
            $0.layer == order.layer && $0.instrument.expiry == order.instrument.expiry && !$0.instrument.isFuture
                && ($0.instrument.strike ?? .infinity) < strike && $0.contracts > 0
        }.reduce(0) { $0 + $1.contracts }
        let alreadyShort = hedges.positions.filter {
            $0.layer == order.layer && $0.instrument.expiry == order.instrument.expiry && !$0.instrument.isFuture && $0.contracts < 0
        }.reduce(0) { $0 - $1.contracts }
        guard cover >= alreadyShort + opening else {
            return "naked short call: selling \(opening) would leave \(alreadyShort + opening) short against \(cover) long calls at lower strikes"
        }
        // A covered short call receives premium; the spread's risk was paid with the long leg.
        let check = configuration.margin.checkAvailableCapital(for: .longOptions(contracts: 0), premiumPaid: 0, fees: fees, freeCash: freeCash())
        if case .rejected(let reason) = check { return reason }
        return nil
    }
}
