import Foundation
import PropertyBased
import Testing
@testable import MarketData

/// Nothing returned as of a date was unknown at that date's close.
@Suite struct PointInTimeTests {
    static let store = Result { try temporaryStore() }

    @Test func februaryCPIIsInvisibleOnTheFirstOfMarch() throws {
        let store = try Self.store.get()
        let february = MarketDate(year: 2016, month: 2, day: 1)!
        let march1 = try store.observations("CPIAUCSL", asOf: MarketDate(year: 2016, month: 3, day: 1)!)
        #expect(march1.last!.date == MarketDate(year: 2016, month: 1, day: 1)!)
        #expect(!march1.contains { $0.date == february })
        let march15 = try store.observations("CPIAUCSL", asOf: MarketDate(year: 2016, month: 3, day: 15)!)
        #expect(march15.last!.date == february)
        // GDP for Q4 2015 (stamped 2015-10-01) is published 30 days after 2015-12-31.
        let gdpJan29 = try store.observations("GDP", asOf: MarketDate(year: 2016, month: 1, day: 29)!)
        #expect(gdpJan29.last!.date == MarketDate(year: 2015, month: 7, day: 1)!)
        let gdpJan30 = try store.observations("GDP", asOf: MarketDate(year: 2016, month: 1, day: 30)!)
        #expect(gdpJan30.last!.date == MarketDate(year: 2015, month: 10, day: 1)!)
    }

    /// For random dates d, every value in the snapshot and every series read as of d was known
    /// (after its publication lag) at or before d.
    @Test func everythingAsOfADateWasKnownByThen() throws {
        let store = try Self.store.get()
        let catalog = try store.catalog().filter { $0.family == "observations" || $0.family == "bars" }
        let start = MarketDate(year: 1990, month: 1, day: 1)!.dayNumber
        let end = MarketDate(year: 2019, month: 12, day: 31)!.dayNumber
        try seededDates(count: 60, in: start...end) { d in
            let snapshot = try store.snapshot(asOf: d)
            for latest in snapshot.latest {
                #expect(latest.knownDate <= d && latest.date <= d, "\(latest.symbol) as of \(d)")
            }
            if let curve = snapshot.treasury { #expect(curve.date <= d) }
            for entry in catalog {
                let lag = PublicationLag(days: entry.publicationLagDays)
                let frequency = SeriesFrequency(rawValue: entry.frequency)!
                if entry.family == "bars" {
                    #expect(try store.bars(entry.symbol, asOf: d).allSatisfy { $0.date <= d })
                } else {
                    let values = try store.observations(entry.symbol, asOf: d)
                    #expect(values.allSatisfy { lag.knownDate(for: $0.date, frequency: frequency) <= d }, "\(entry.symbol) as of \(d)")
                }
            }
            for event in try store.events(from: MarketDate(dayNumber: start), through: MarketDate(dayNumber: end), asOf: d)
            where event.kind == "unscheduled" {
                #expect(event.date <= d)
            }
        }
    }

    @Test func changingTheLagRecomputesTheWholeSeries() throws {
        let store = try temporaryStore(seed: false)
        let dates = (1...6).map { MarketDate(year: 2016, month: $0, day: 1)! }
        try store.write(.observations(dates.map { Observation(date: $0, value: 1) }), kind: .fred, symbol: "CPIAUCSL", file: "c.csv")
        let asOf = MarketDate(year: 2016, month: 4, day: 10)!
        #expect(try store.observations("CPIAUCSL", asOf: asOf).last!.date == MarketDate(year: 2016, month: 2, day: 1)!)
        try store.write(.observations([Observation(date: dates[5], value: 2)]), kind: .fred, symbol: "CPIAUCSL", file: "c.csv", lagDays: 5)
        #expect(try store.observations("CPIAUCSL", asOf: asOf).last!.date == MarketDate(year: 2016, month: 3, day: 1)!)
    }

    @Test func knownDateRules() {
        let lag = PublicationLag(days: 15)
        #expect(lag.knownDate(for: MarketDate(year: 2016, month: 2, day: 1)!, frequency: .monthly) == MarketDate(year: 2016, month: 3, day: 15)!)
        #expect(lag.knownDate(for: MarketDate(year: 2016, month: 12, day: 1)!, frequency: .monthly) == MarketDate(year: 2017, month: 1, day: 15)!)
        #expect(PublicationLag(days: 30).knownDate(for: MarketDate(year: 2015, month: 10, day: 1)!, frequency: .quarterly) == MarketDate(year: 2016, month: 1, day: 30)!)
        #expect(PublicationLag(days: 0).knownDate(for: MarketDate(year: 2016, month: 2, day: 3)!, frequency: .daily) == MarketDate(year: 2016, month: 2, day: 3)!)
        #expect(PublicationLag.defaultLag(symbol: "GDP", frequency: .quarterly).days == 30)
        #expect(PublicationLag.defaultLag(symbol: "PPIACO", frequency: .monthly).days == 15)
        #expect(PublicationLag.defaultLag(symbol: "GS10", frequency: .monthly).days == 1)
    }

    @Test func storeLocationPrecedence() {
        #expect(StoreLocation.resolve(explicit: "/x/a.sqlite", environment: ["VIXSHIELD_DB": "/y/b.sqlite"]) == "/x/a.sqlite")
        #expect(StoreLocation.resolve(explicit: nil, environment: ["VIXSHIELD_DB": "/y/b.sqlite"]) == "/y/b.sqlite")
        #if os(Linux)
            #expect(StoreLocation.resolve(explicit: nil, environment: ["XDG_DATA_HOME": "/d", "HOME": "/h"]) == "/d/vixshield/vixshield.sqlite")
            #expect(StoreLocation.resolve(explicit: nil, environment: ["HOME": "/h"]) == "/h/.local/share/vixshield/vixshield.sqlite")
        #endif
    }
}

/// Seeded random dates drawn with a swift-property-based generator.
func seededDates(count: Int, in range: ClosedRange<Int>, _ body: (MarketDate) throws -> Void) rethrows {
    var rng = Xoshiro(seed: (20_261_125, 7, 11, 13))
    let generator = Gen.int(in: range)
    for _ in 0..<count { try body(MarketDate(dayNumber: generator.run(using: &rng))) }
}
