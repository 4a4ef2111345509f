import MarketData
import QuantCore

/// The day's VIX chain before any option is priced: each listed expiry with its future, its
/// strikes and each strike's smile volatility, everything the quotes depend on. A quote is
/// priced when asked for (`VIXSheetExpiry.quote`), by the one function the full chain
/// (`materialized`, `VIXChainGenerator.chain`) is built with, so a quote read from the sheet and
/// the same quote read from the chain are the same numbers to the bit.
///
/// Why: the hedge planner reads a handful of quotes a day, and a backtest's 4,839 sessions
/// priced every strike of every expiry for it (about 700 options and 70 kB a day, 340 MB over
/// 2007-2026). Everything that can fail is checked when the sheet is built, so reading a quote
/// cannot fail.
///
/// Read-only outside this module: every field was checked together when the sheet was built.
public struct VIXQuoteSheet: Sendable, Equatable {
    public private(set) var date: MarketDate
    /// The VIX index level (options are priced on each expiry's future).
    public private(set) var underlyingLevel: Double
    public private(set) var expiries: [VIXSheetExpiry]
    /// Which model inputs were real on this date and which fell back (futures settlements, VVIX).
    public private(set) var notes: [String]

    init(date: MarketDate, underlyingLevel: Double, expiries: [VIXSheetExpiry], notes: [String]) {
        self.date = date
        self.underlyingLevel = underlyingLevel
        self.expiries = expiries
        self.notes = notes
    }

    /// The same sheet with every call priced now, for a sheet many runs read (a sweep's
    /// variants): `call(at:)` then returns the stored quote, the same numbers it would compute.
    public func pricingCalls() -> VIXQuoteSheet {
        var sheet = self
        for index in sheet.expiries.indices { sheet.expiries[index].priceCalls() }
        return sheet
    }

    /// Every quote priced: the chain `VIXChainGenerator.chain` returns.
    public func materialized() -> SyntheticChain {
        SyntheticChain(
            underlying: "VIX", date: date, underlyingLevel: underlyingLevel,
            expiries: expiries.map { $0.materialized() }, notes: notes)
    }
}
