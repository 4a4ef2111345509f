import MarketData

/// What the store holds of the VIX complex at one date's close, for `VIXComplex`: the day's VX
/// settlements, the day's VVIX, the day's VIX open (the stand-in for the Special Opening
/// Quotation on an expiry morning) and the trailing VIX closes (the fallback models' inputs).
public struct VIXComplexInputs: Sendable, Equatable {
    /// VX settlements dated on the valuation date, by expiry (empty: none in the store).
    public var futures: [FuturesSettlement]
    /// The day's VVIX close, if the store has it.
    public var vvix: Double?
    /// The day's VIX open, if the store has it (`VIX.OPEN`).
    public var vixOpen: Double?
    /// The last closes of the VIX up to and including the valuation date, oldest first (at most
    /// `trailingCount`, enough for the longest fallback window: the futures θ averages 252).
    public var recentVIX: [Double]

    public static let trailingCount = 252

    public init(futures: [FuturesSettlement] = [], vvix: Double? = nil, vixOpen: Double? = nil, recentVIX: [Double] = []) {
        self.futures = futures
        self.vvix = vvix
        self.vixOpen = vixOpen
        self.recentVIX = recentVIX
    }

    public static func load(_ store: some MarketDataStore, date: MarketDate) throws -> VIXComplexInputs {
        let vvix = try store.observations("VVIX", from: date, asOf: date).last.flatMap { $0.date == date ? $0.value : nil }
        let open = try store.observations(IndexHistory.openSymbol(of: "VIX"), from: date, asOf: date).last.flatMap { $0.date == date ? $0.value : nil }
        let recent = try store.trailingValues("VIX", from: date.adding(days: -400), asOf: date, count: trailingCount)
        return VIXComplexInputs(
            futures: try store.futuresSettlements(root: "VX", date: date), vvix: vvix, vixOpen: open, recentVIX: recent)
    }
}
