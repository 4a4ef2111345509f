import Foundation
import MarketData

/// One session's model prices of VIX calls (per unit, `HedgePricing.callPrice` on the session's
/// complex), kept for every run that marks on that session: a sweep's variants hold the same
/// ladder strikes and mark them every day. Keyed by expiry and strike; bound to one session
/// (`MarketDay.callMarks`), so a hit is exactly what the function computes. A failed price is
/// not kept: the error reaches the caller as before.
final class SessionCallMarks: @unchecked Sendable {
    private struct Key: Hashable {
        let expiry: MarketDate
        let strike: UInt64
    }

    private let lock = NSLock()
    private var prices: [Key: Double] = [:]

    func price(expiry: MarketDate, strike: Double, _ compute: () throws -> Double) rethrows -> Double {
        let key = Key(expiry: expiry, strike: strike.bitPattern)
        lock.lock()
        let known = prices[key]
        lock.unlock()
        if let known { return known }
        let price = try compute()
        lock.lock()
        prices[key] = price
        lock.unlock()
        return price
    }
}
