/// A daily US Treasury constant-maturity curve, yields as decimals (0.0224 = 2.24%).
/// Tenors follow the Treasury file's columns; a tenor missing on a day (the 1-month bill before
/// 2001, the 20-year between 1987 and 1993) is nil.
public struct TreasuryCurve: Hashable, Sendable, Codable {
    public static let tenorNames = ["1month", "3month", "6month", "1year", "2year", "3year", "5year", "7year", "10year", "20year", "30year"]
    /// Tenors in years, aligned with `tenorNames`.
    public static let tenorYears: [Double] = [1.0 / 12, 0.25, 0.5, 1, 2, 3, 5, 7, 10, 20, 30]

    public var date: MarketDate
    /// Yields aligned with `tenorNames`.
    public var yields: [Double?]

    public init(date: MarketDate, yields: [Double?]) {
        precondition(yields.count == Self.tenorNames.count, "one yield per tenor")
        self.date = date
        self.yields = yields
    }

    public func yield(_ tenor: String) -> Double? {
        Self.tenorNames.firstIndex(of: tenor).flatMap { yields[$0] }
    }
}
