import MarketData
import QuantCore

/// An order the decision engine places: the broker symbol (`InstrumentSymbol`), buy or sell,
/// a positive quantity, and the limit price per unit (index points): the price the fill model
/// pays on the day's modelled quote, so what was budgeted is what the fill pays. The same
/// value lists the backtest's orders (`days[].orders`) and `signal --book`'s.
public struct BookOrder: Sendable, Codable, Equatable {
    public enum Side: String, Sendable, Codable { case buy, sell }

    public var symbol: String
    public var side: Side
    public var quantity: Int
    public var limit: Double
    /// The part of the strategy the order belongs to (`condor`, `layer1`..`layer3`): a fill of
    /// it imported without a layer takes this one.
    public var layer: String

    public init(symbol: InstrumentSymbol, side: Side, quantity: Int, limit: Double, layer: String) {
        self.symbol = symbol.description
        self.side = side
        self.quantity = quantity
        self.limit = limit
        self.layer = layer
    }

    /// The JSON its synthesized `encode(to:)` gives, written directly (a report's days list
    /// thousands of orders; see `StableJSONText`).
    public func writeStableJSON(into text: inout StableJSONText) throws(StableJSONText.Declined) {
        try text.beginObject()
        try text.key("layer")
        try text.string(layer)
        try text.key("limit")
        try text.number(limit)
        try text.key("quantity")
        try text.number(quantity)
        try text.key("side")
        try text.string(side.rawValue)
        try text.key("symbol")
        try text.string(symbol)
        try text.endObject()
    }
}

extension InstrumentSymbol {
    /// An SPX option of `expiry`: root SPX when it is the month's standard (AM-settled)
    /// expiry, SPXW otherwise.
    public static func spxOption(_ type: OptionType, strike: Double, expiry: MarketDate, calendar: TradingCalendar) -> InstrumentSymbol {
        let (y, m, _) = expiry.components
        let root: OptionRoot = calendar.spxMonthlyExpiry(year: y, month: m) == expiry ? .spx : .spxw
        return .option(root: root, expiry: expiry, right: type == .call ? .call : .put, strikeThousandths: Int((strike * 1000).rounded()))
    }

    /// A hedge instrument: a VIX call (root VIX) or the VX future of its expiry's month.
    public init(_ instrument: HedgeInstrument) {
        switch instrument {
        case .future(let expiry):
            self = .vixFuture(year: expiry.year, month: expiry.month)
        case .call(let expiry, let strike):
            self = .option(root: .vix, expiry: expiry, right: .call, strikeThousandths: Int((strike * 1000).rounded()))
        }
    }
}
