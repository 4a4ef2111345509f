import Foundation
import MarketData
@testable import Strategy

/// One seeded store shared by the regime tests (read-only use), in its own temporary directory.
let regimeSharedStore: SQLiteMarketStore = {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vixshield-regime-\(UUID().uuidString)")
    return try! SQLiteMarketStore(path: directory.appendingPathComponent("s.sqlite").path)
}()

func calendar(of store: SQLiteMarketStore) throws -> TradingCalendar {
    try TradingCalendar(sessions: store.sessions().map(\.date))
}

func day(_ text: String) -> MarketDate { MarketDate(parsing: text)! }

/// The bundled files parsed once (item, records), for building truncated store copies.
let regimeBundledRecords: [(BundledData.Item, ImportedRecords)] = BundledData.items.map { item in
    let bytes = try! [UInt8](Data(contentsOf: BundledData.url(item)))
    return (item, try! MarketImporters.importer(for: item.kind).parse(bytes, file: "bundled:" + item.path))
}

/// A fresh, unseeded store holding only the bundled records dated on or before `cutoff`.
func truncatedStore(through cutoff: MarketDate) throws -> SQLiteMarketStore {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vixshield-regime-cut-\(UUID().uuidString)")
    let store = try SQLiteMarketStore(path: directory.appendingPathComponent("s.sqlite").path, seed: false)
    let batches = regimeBundledRecords.map { item, records -> ImportBatch in
        let kept: ImportedRecords =
            switch records {
            case .bars(let r): .bars(r.filter { $0.date <= cutoff })
            case .observations(let r): .observations(r.filter { $0.date <= cutoff })
            case .treasury(let r): .treasury(r.filter { $0.date <= cutoff })
            case .events(let r): .events(r.filter { $0.date <= cutoff })
            case .sessions(let r): .sessions(r.filter { $0.date <= cutoff })
            case .quotes(let r): .quotes(r.filter { $0.quoteDate <= cutoff })
            }
        return ImportBatch(records: kept, kind: item.kind, symbol: item.symbol, file: "bundled:" + item.path)
    }
    try store.write(batches)
    return store
}

/// Deterministic SplitMix64 for seeded random dates.
struct SplitMix64 {
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
