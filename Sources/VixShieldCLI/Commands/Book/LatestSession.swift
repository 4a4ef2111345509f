import ArgumentParser
import MarketData
import Strategy

/// The latest session with S&P 500 and VIX closes (`VixShieldStore.latestSession`), as a
/// usage error when the store has neither.
func latestSession(_ database: any VixShieldStore) throws -> MarketDate {
    do {
        return try database.latestSession()
    } catch {
        throw ValidationError("\(error)")
    }
}
