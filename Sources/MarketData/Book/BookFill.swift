/// One fill of the trader's book: what was traded, when, how much, at what price, with what
/// fees, and which part of the strategy it belongs to. Money is integer cents: `cashFlow` is
/// fixed when the fill is read (−quantity × price × multiplier for options, 0 for futures,
/// which are marked against their average price, +quantity × price for `CASH`).
public struct BookFill: Hashable, Sendable, Codable {
    public var date: MarketDate
    public var symbol: InstrumentSymbol
    /// Signed: positive buys, negative sells (for `CASH`, the number of `price` amounts).
    public var quantity: Int
    /// Per unit, index points (options, futures) or dollars (`CASH`).
    public var price: Double
    /// Commissions and fees, ≥ 0.
    public var fees: Cents
    /// `condor`, `layer1`, `layer2`, `layer3`, or nil when the file did not say.
    public var layer: String?
    public var cashFlow: Cents

    public static let layers = ["condor", "layer1", "layer2", "layer3"]

    public init(date: MarketDate, symbol: InstrumentSymbol, quantity: Int, price: Double, fees: Cents, layer: String?) {
        self.date = date
        self.symbol = symbol
        self.quantity = quantity
        self.price = price
        self.fees = fees
        self.layer = layer
        switch symbol {
        case .cash: cashFlow = Cents(dollars: Double(quantity) * price)
        case .vixFuture, .peak: cashFlow = .zero
        case .option: cashFlow = -Cents(dollars: Double(quantity) * price * symbol.multiplier)
        }
    }
}
