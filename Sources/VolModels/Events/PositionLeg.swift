import MarketData
import QuantCore

/// One option line of a position: `quantity` contracts (negative = short) of an SPX call or put,
/// each on `multiplier` units of the index (100 for SPX).
public struct PositionLeg: Sendable, Equatable, Codable {
    public var type: OptionType
    public var strike: Double
    public var expiry: MarketDate
    public var quantity: Double
    public var multiplier: Double

    public init(type: OptionType, strike: Double, expiry: MarketDate, quantity: Double, multiplier: Double = 100) {
        self.type = type
        self.strike = strike
        self.expiry = expiry
        self.quantity = quantity
        self.multiplier = multiplier
    }
}
