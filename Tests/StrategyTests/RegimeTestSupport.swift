import Foundation
import MarketData
@testable import Strategy
import TestScratch

/// One seeded store shared by the regime tests (read-only use), in its own temporary directory.
let regimeSharedStore: SQLiteMarketStore = {
    let directory = TestScratch.directory("regime")
    return try! SQLiteMarketStore(path: directory.appendingPathComponent("s.sqlite").path)
}()

func calendar(of store: SQLiteMarketStore) throws -> TradingCalendar {
    try TradingCalendar(sessions: store.sessions().map(\.date))
}

func day(_ text: String) -> MarketDate { MarketDate(parsing: text)! }

/// A fresh, unseeded store holding only the bundled records dated on or before `cutoff`
/// (calendar and events included: the regime tests cut everything).
func truncatedStore(through cutoff: MarketDate) throws -> SQLiteMarketStore {
    try storeOf(BundledData.batches(through: cutoff, dropCalendarAfterCutoff: true))
}

/// A fresh store with the bundled market data dated on or before `cutoff`, plus the full
/// trading calendar and the scheduled events (known in advance).
func marketTruncatedStore(through cutoff: MarketDate) throws -> SQLiteMarketStore {
    try storeOf(BundledData.batches(through: cutoff))
}

private func storeOf(_ batches: [ImportBatch]) throws -> SQLiteMarketStore {
    let directory = TestScratch.directory("cut")
    let store = try SQLiteMarketStore(path: directory.appendingPathComponent("s.sqlite").path, seed: false)
    try store.write(batches)
    return store
}

/// Deterministic SplitMix64 for seeded random dates and values.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A compact one-line view of a decision for failure messages and the debug dump.
func describe(_ d: RegimeDecision) -> String {
    "\(d.date) \(d.regime.rawValue) (prev \(d.previousRegime.rawValue)) " + d.explanation + "\n"
        + d.readings.map { r in
            "    \(r.voter): \(r.vote.rawValue) — \(r.reason)"
        }.joined(separator: "\n")
}
