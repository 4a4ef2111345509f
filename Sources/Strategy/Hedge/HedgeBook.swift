import MarketData

/// One holding of the hedge book: signed contracts (negative = short, e.g. the short leg of a
/// call spread) and the average price paid (received for a short), per unit of the quote, used to
/// measure committed premium against the budget.
public struct HedgePosition: Sendable, Codable, Equatable {
    public var layer: HedgeLayer
    public var instrument: HedgeInstrument
    public var contracts: Int
    public var averagePrice: Double

    public init(layer: HedgeLayer, instrument: HedgeInstrument, contracts: Int, averagePrice: Double) {
        self.layer = layer
        self.instrument = instrument
        self.contracts = contracts
        self.averagePrice = averagePrice
    }
}

/// The hedge holdings before today's plan, one position per (layer, instrument); empty by default.
/// Positions whose expiry is on or before the plan date are treated as settled and ignored.
public struct HedgeBook: Sendable, Codable, Equatable {
    public var positions: [HedgePosition]

    public init(positions: [HedgePosition] = []) {
        self.positions = positions.filter { $0.contracts != 0 }
    }

    /// Contracts held in `layer` of `instrument` (0 when none).
    public func contracts(_ layer: HedgeLayer, _ instrument: HedgeInstrument) -> Int {
        positions.first { $0.layer == layer && $0.instrument == instrument }?.contracts ?? 0
    }

    /// Signed futures contracts held by the overlay, all expiries.
    public var overlayFutures: Int {
        positions.filter { $0.layer == .futuresOverlay && $0.instrument.isFuture }.reduce(0) { $0 + $1.contracts }
    }

    /// The book after every order of `plan` is filled at its limit price (average price updated
    /// on increases, kept on reductions, reset on a flip); settled positions are dropped.
    public func applying(_ plan: HedgePlan) -> HedgeBook {
        var result = positions.filter { $0.instrument.expiry > plan.date }
        for order in plan.orders {
            let quantity = order.side == .buy ? order.quantity : -order.quantity
            if let index = result.firstIndex(where: { $0.layer == order.layer && $0.instrument == order.instrument }) {
                var position = result[index]
                let new = position.contracts + quantity
                if new == 0 {
                    result.remove(at: index)
                    continue
                } else if position.contracts.signum() != new.signum() {
                    position.averagePrice = order.limitPrice
                } else if abs(new) > abs(position.contracts) {
                    position.averagePrice =
                        (Double(position.contracts) * position.averagePrice + Double(quantity) * order.limitPrice) / Double(new)
                }
                position.contracts = new
                result[index] = position
            } else {
                result.append(HedgePosition(layer: order.layer, instrument: order.instrument, contracts: quantity, averagePrice: order.limitPrice))
            }
        }
        return HedgeBook(positions: result)
    }
}
