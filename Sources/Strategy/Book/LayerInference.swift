import MarketData

/// The layer of a fill imported without one, from the strategy's own orders: a fill on date D
/// of a symbol the decision engine ordered on D, on the same side (buy for a positive quantity),
/// belongs to that order's layer. Fills that match no order, or orders of two layers, keep no
/// layer (`unassigned`).
public enum LayerInference {
    public static func infer(_ fills: [BookFill], ordersByDate: [MarketDate: [BookOrder]]) -> (fills: [BookFill], inferred: Int) {
        var inferred = 0
        let result = fills.map { fill -> BookFill in
            guard fill.layer == nil, fill.symbol != .cash, fill.symbol != .peak else { return fill }
            let side: BookOrder.Side = fill.quantity > 0 ? .buy : .sell
            let layers = Set((ordersByDate[fill.date] ?? []).filter { $0.symbol == fill.symbol.description && $0.side == side }.map(\.layer))
            guard layers.count == 1, let layer = layers.first else { return fill }
            var copy = fill
            copy.layer = layer
            inferred += 1
            return copy
        }
        return (result, inferred)
    }
}
