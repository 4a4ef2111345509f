/// One point of an equity curve: the account value at the close of a session.
///
/// `dayNumber` counts days since 1970-01-01 (the same epoch as QuantCore's `CashFlow` and
/// MarketData's `MarketDate.dayNumber`); only order and differences matter.
public struct EquityPoint: Equatable, Hashable, Sendable {
    public var dayNumber: Int
    /// Account value in dollars.
    public var equity: Double

    public init(dayNumber: Int, equity: Double) {
        self.dayNumber = dayNumber
        self.equity = equity
    }

    /// Zips parallel arrays of day numbers and equity values into points.
    /// - Throws: `.lengthMismatch` when the arrays differ in length.
    public static func curve(dayNumbers: [Int], equity: [Double]) throws(MetricsError) -> [EquityPoint] {
        guard dayNumbers.count == equity.count else {
            throw .lengthMismatch(dayNumbers: dayNumbers.count, values: equity.count)
        }
        return zip(dayNumbers, equity).map { EquityPoint(dayNumber: $0, equity: $1) }
    }
}
