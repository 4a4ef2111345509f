import MarketData
import VolModels

extension VixShieldStore {
    /// The latest session with both an S&P 500 and a VIX close (what `signal`, `run` and the
    /// server use when no date is given).
    /// - Throws: `VolModelError.missingMarketData` when the store has no SPX or VIX series.
    public func latestSession() throws -> MarketDate {
        let catalog = try catalog()
        guard let spx = catalog.first(where: { $0.symbol == "SPX" })?.last, let vix = catalog.first(where: { $0.symbol == "VIX" })?.last else {
            throw VolModelError.missingMarketData("the store has no SPX and VIX series")
        }
        return try SignalEngine.latestDate(store: self, through: min(spx, vix))
    }
}
