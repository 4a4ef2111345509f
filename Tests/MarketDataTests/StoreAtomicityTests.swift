import Foundation
import Testing
@testable import MarketData

/// A failed import leaves the store exactly as before: same row counts, same content digest.
@Suite struct StoreAtomicityTests {
    @Test func badFileChangesNothing() throws {
        let store = try temporaryStore()
        let counts = try tableCounts(store)
        let digest = try store.contentChecksum()
        let bad = Array("Date,Open,High,Low,Close,Adj Close,Volume\n2019-01-02,1,2,0.5,1.5,1.5,100\n2019-01-03,1,0.5,2,1.5,1.5,100\n".utf8)
        #expect(throws: InputError.self) {
            let records = try MarketImporters.importer(for: .prices).parse(bad, file: "bad.csv")
            try store.write(records, kind: .prices, symbol: "XYZ", file: "bad.csv")
        }
        #expect(try tableCounts(store) == counts)
        #expect(try store.contentChecksum() == digest)
    }

    /// A failure inside the transaction (here: bars into a series that holds observations,
    /// after a first good batch of the same command) rolls everything back.
    @Test func failureInsideTheTransactionRollsBack() throws {
        let store = try temporaryStore()
        let counts = try tableCounts(store)
        let digest = try store.contentChecksum()
        let day = MarketDate(year: 2019, month: 1, day: 2)!
        let good = ImportBatch(records: .observations([Observation(date: day, value: 1)]), kind: .fred, symbol: "NEWSERIES", file: "a.csv")
        let clash = ImportBatch(
            records: .bars([DailyBar(date: day, open: 1, high: 1, low: 1, close: 1)]), kind: .prices, symbol: "VIX", file: "b.csv")
        #expect(throws: StoreError.conflictingKind(symbol: "VIX", existing: "observations", new: "bars")) {
            try store.write([good, clash])
        }
        #expect(try tableCounts(store) == counts)
        #expect(try store.contentChecksum() == digest)
    }

    @Test func checksumSeesAChange() throws {
        let store = try temporaryStore()
        let digest = try store.contentChecksum()
        try store.write(.observations([Observation(date: MarketDate(year: 2019, month: 1, day: 2)!, value: 1)]), kind: .fred, symbol: "NEW", file: "n.csv")
        #expect(try store.contentChecksum() != digest)
    }
}

@Suite struct StoreLagValidationTests {
    @Test func negativeLagIsRejectedBeforeAnythingIsWritten() throws {
        let store = try temporaryStore(seed: false)
        let digest = try store.contentChecksum()
        let observations = ImportedRecords.observations([Observation(date: MarketDate(year: 2016, month: 2, day: 1)!, value: 1)])
        #expect(throws: StoreError.negativeLag(symbol: "CPIAUCSL", days: -3)) {
            try store.write(observations, kind: .fred, symbol: "CPIAUCSL", file: "c.csv", lagDays: -3)
        }
        #expect(try store.contentChecksum() == digest)
    }
}
