import Foundation
import MarketData
@testable import VolModels
import TestScratch

/// Shared store and calendar for the condor tests (the bundled data seeded into a temp file).
enum CondorFixture {
    static let store = Result { () throws -> (SQLiteMarketStore, TradingCalendar) in
        let directory = TestScratch.directory("condor")
        let store = try SQLiteMarketStore(path: directory.appendingPathComponent("s.sqlite").path)
        return (store, try TradingCalendar(sessions: store.sessions().map(\.date)))
    }

    /// The model and chain of `date`; with `throughDays` only the expiries up to that many
    /// calendar days ahead are generated (the surface is the same, the chain just shorter).
    static func market(_ date: MarketDate, throughDays: Int? = nil) throws -> (SPXMarketModel, SyntheticChain) {
        let (store, calendar) = try store.get()
        var model = try SPXMarketModel(inputs: MarketInputs.load(store, date: date), calendar: calendar)
        if let throughDays { model.expiryDates = model.expiryDates.filter { $0 - date <= throughDays } }
        return (model, SPXChainGenerator.chain(model))
    }

    /// Sessions of 2014-2018 with both an S&P 500 and a VIX close.
    static func sessions2014to2018() throws -> [MarketDate] {
        let (store, _) = try store.get()
        let first = MarketDate(year: 2014, month: 1, day: 2)!
        let last = MarketDate(year: 2018, month: 12, day: 31)!
        let vixDays = Set(try store.observations("VIX", from: first, asOf: last).map(\.date))
        return try store.bars("SPX", from: first, asOf: last).map(\.date).filter { vixDays.contains($0) }
    }
}
