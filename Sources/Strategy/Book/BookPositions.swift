import MarketData

/// The book's positions from its fills, by average cost, in integer cents.
///
/// Each (symbol, layer) is one lot. A fill in the lot's direction adds to it; a fill against it
/// closes up to the open quantity first (realising its P&L) and opens the remainder the other
/// way. The lot's *basis* is Σ quantity × price × multiplier over its open units (what was paid
/// for a long, minus what was received for a short); closing c of n units releases c/n of the
/// basis (rounded to the cent; all of it when the lot closes), and realises
/// −(closing units' quantity × price × multiplier + released basis). Options pay their premium
/// through cash at the fill; futures move no cash at the fill and realise through cash when
/// reduced (variation margin). Fees are realised in the lot's layer and paid from cash.
/// Hence, to the cent: cash − deposits = Σ realised − Σ basis of open options.
public struct BookPositions: Sendable, Equatable {
    public struct Lot: Sendable, Equatable {
        public var symbol: InstrumentSymbol
        /// `condor`, `layer1`..`layer3`, or `unassigned` (no layer in the fill).
        public var layer: String
        public var quantity: Int
        public var basis: Cents
        /// Basis per unit in index points (the average cost).
        public var averagePrice: Double { quantity == 0 ? 0 : basis.dollars / (Double(quantity) * symbol.multiplier) }
    }

    /// Open lots (quantity ≠ 0), sorted by layer then symbol.
    public private(set) var lots: [Lot] = []
    /// Realised P&L (closed units and all fees) by layer.
    public private(set) var realised: [String: Cents] = [:]
    public private(set) var cash: Cents = .zero
    /// Net deposits (`CASH` fills).
    public private(set) var deposits: Cents = .zero

    public static let unassigned = "unassigned"

    public init(fills: [BookFill]) {
        var open: [String: Lot] = [:]
        var order: [String] = []
        for fill in fills { apply(fill, to: &open, order: &order) }
        lots = order.compactMap { open[$0] }.filter { $0.quantity != 0 }.sorted { ($0.layer, $0.symbol) < ($1.layer, $1.symbol) }
    }

    private func key(_ symbol: InstrumentSymbol, _ layer: String) -> String { "\(layer)|\(symbol)" }

    private mutating func apply(_ fill: BookFill, to open: inout [String: Lot], order: inout [String]) {
        if fill.symbol == .peak { return }  // carried for the drawdown brake, not a trade
        cash += fill.cashFlow - fill.fees
        if fill.symbol == .cash {
            deposits += fill.cashFlow
            return
        }
        let layer = fill.layer ?? Self.unassigned
        realised[layer, default: .zero] -= fill.fees
        let k = key(fill.symbol, layer)
        if open[k] == nil {
            open[k] = Lot(symbol: fill.symbol, layer: layer, quantity: 0, basis: .zero)
            order.append(k)
        }
        var lot = open[k]!
        let m = fill.symbol.multiplier
        var remaining = fill.quantity
        // The fill's whole amount in cents, split between its closing part and the remainder so
        // that the parts add up to the rounded total (and to the option's cash flow) exactly.
        let total = Cents(dollars: Double(fill.quantity) * fill.price * m)
        var closingAmount = Cents.zero
        if lot.quantity != 0, (lot.quantity > 0) != (remaining > 0) {
            let closing = min(abs(remaining), abs(lot.quantity))
            let released = closing == abs(lot.quantity)
                ? lot.basis : Cents(dollars: lot.basis.dollars * Double(closing) / Double(abs(lot.quantity)))
            let signedClosing = remaining > 0 ? closing : -closing
            closingAmount = signedClosing == fill.quantity ? total : Cents(dollars: Double(signedClosing) * fill.price * m)
            let pnl = -(closingAmount + released)
            realised[layer, default: .zero] += pnl
            if case .vixFuture = fill.symbol { cash += pnl }
            lot.basis -= released
            lot.quantity += signedClosing
            remaining -= signedClosing
        }
        if remaining != 0 {
            lot.quantity += remaining
            lot.basis += total - closingAmount
        }
        open[k] = lot
    }
}
