import MarketData
import Testing

/// Each importer on its hand-written (or copied) sample file.
@Suite("Importers on sample files")
struct ImporterTests {
    private func day(_ text: String) -> MarketDate { MarketDate(parsing: text)! }

    @Test func factoryPicksTheImporterForEachKind() throws {
        let calendar = try BundledData.calendar()
        for kind in ImportKind.allCases {
            #expect(try MarketImporters.importer(for: kind, underlying: "VVIX", calendar: calendar).kind == kind)
        }
        #expect((try MarketImporters.importer(for: .chainOptionsDX, underlying: "XSP") as? OptionsDXImporter)?.underlying == "XSP")
        #expect((try MarketImporters.importer(for: .chainOptionsDX) as? OptionsDXImporter)?.underlying == "SPX")
        #expect(throws: InputError.self) { try MarketImporters.importer(for: .cboeIndex) }
        #expect(throws: InputError.self) { try MarketImporters.importer(for: .vxFutures, underlying: "VX1") }
    }

    @Test func yahooPrices() throws {
        let bars = try PriceImporter().parseBars(ImporterSamples.bytes("yahoo_spx_sample.csv"), file: "yahoo_spx_sample.csv")
        #expect(bars.count == 5)
        #expect(bars[0] == DailyBar(date: day("1999-01-04"), open: 1229.22998, high: 1248.810059, low: 1219.099976, close: 1228.099976, adjustedClose: 1228.099976, volume: 877_000_000))
        #expect(bars[1].close == 1244.780029)
        #expect(bars.last?.date == day("1999-01-08"))
    }

    @Test func cboeIndexHistory() throws {
        let bars = try PriceImporter().parseBars(ImporterSamples.bytes("cboe_vix_history_sample.csv"), file: "vix_history.csv")
        #expect(bars.count == 5)
        #expect(bars[1] == DailyBar(date: day("2014-01-03"), open: 14.06, high: 14.22, low: 13.57, close: 13.76))
        #expect(bars.allSatisfy { $0.adjustedClose == nil && $0.volume == nil })
    }

    @Test func fredSkipsDots() throws {
        let (series, observations) = try FREDImporter().parseSeries(ImporterSamples.bytes("fred_vixcls_sample.csv"), file: "fred.csv")
        #expect(series == "VIXCLS")
        #expect(observations.map(\.date) == ["2014-01-15", "2014-01-16", "2014-01-17", "2014-01-21", "2014-01-22"].map(day))
        #expect(observations.map(\.value) == [12.28, 12.53, 12.44, 12.87, 12.84])
    }

    @Test func fredAcceptsDateHeaders() throws {
        for header in ["DATE", "Date", "observation_date"] {
            let records = try FREDImporter().parse(Array("\(header),GS10\n1990-01-01,8.21\n".utf8), file: "f.csv")
            #expect(records.count == 1)
        }
    }

    @Test func treasuryCurves() throws {
        let curves = try TreasuryImporter().parseCurves(ImporterSamples.bytes("treasury_sample.csv"), file: "t.csv")
        #expect(curves.count == 5)
        #expect(curves[0].date == day("1990-01-02"))
        #expect(curves[0].yield("1month") == nil)
        #expect(curves[0].yield("20year") == nil)
        #expect(curves[0].yield("3month") == 0.07830000000000001)
        #expect(curves[0].yield("30year") == 0.08)
        #expect(curves[4].date == day("2019-08-26"))
        #expect(curves[4].yields.allSatisfy { $0 != nil })
    }

    @Test func events() throws {
        let events = try EventImporter().parseEvents(ImporterSamples.bytes("events_sample.csv"), file: "e.csv")
        #expect(events.count == 4)
        #expect(events[0] == CalendarEvent(date: day("2024-01-31"), event: "FOMC", kind: "scheduled", timeET: "14:00"))
        #expect(events[2].timeET == nil)
        #expect(events[1].isCPI && events[3].isFOMC)
        let withoutTime = try EventImporter().parseEvents(Array("date,event,kind\n2024-01-31,FOMC,scheduled\n".utf8), file: "e.csv")
        #expect(withoutTime[0].timeET == nil)
    }

    @Test func sessions() throws {
        let sessions = try SessionImporter().parseSessions(ImporterSamples.bytes("sessions_sample.csv"), file: "s.csv")
        #expect(sessions.count == 3)
        // 2024-11-27 14:30:00 UTC = 1732717800; the day after Thanksgiving closes at 18:00 UTC.
        #expect(sessions[0] == TradingSession(date: day("2024-11-27"), openUTC: 1_732_717_800, closeUTC: 1_732_717_800 + 6 * 3600 + 1800))
        #expect(sessions[1].closeUTC - sessions[1].openUTC == 3 * 3600 + 1800)
    }

    @Test func optionsDXChain() throws {
        let quotes = try OptionsDXImporter(underlying: "SPX").parseQuotes(ImporterSamples.bytes("optionsdx_spx_sample.csv"), file: "o.csv")
        #expect(quotes.count == 22)
        #expect(quotes.map(\.right) == Array(repeating: [OptionQuote.Right.call, .put], count: 11).flatMap { $0 })
        #expect(quotes.map(\.strike) == stride(from: 3700.0, through: 3950, by: 25).flatMap { [$0, $0] })
        let first = quotes[0]
        #expect(first == OptionQuote(
            underlying: "SPX", quoteDate: day("2023-01-03"), expiry: day("2023-01-20"), strike: 3700, right: .call,
            bid: 158.2, ask: 159.4, underlyingPrice: 3824.14, impliedVolatility: 0.235, delta: 0.76201, volume: nil))
        #expect(quotes[1] == OptionQuote(
            underlying: "SPX", quoteDate: day("2023-01-03"), expiry: day("2023-01-20"), strike: 3700, right: .put,
            bid: 27.3, ask: 28.3, underlyingPrice: 3824.14, impliedVolatility: 0.235, delta: -0.23799, volume: 100))
        #expect(quotes[20].impliedVolatility == nil)  // empty C_IV on the 3950 row
        #expect(quotes.allSatisfy { $0.bid <= $0.ask && $0.openInterest == nil })
    }

    @Test func cboeChain() throws {
        let quotes = try CboeChainImporter().parseQuotes(ImporterSamples.bytes("cboe_spx_eod_sample.csv"), file: "c.csv")
        #expect(quotes.count == 10)
        #expect(quotes[0] == OptionQuote(
            underlying: "SPXW", quoteDate: day("2023-01-03"), expiry: day("2023-01-06"), strike: 3800, right: .call,
            bid: 47.9, ask: 48.5, underlyingPrice: 3831.4, impliedVolatility: 0.21, delta: 0.6769, volume: 120, openInterest: 1500))
        #expect(quotes[1].right == .put)
        // The SPX monthly and the SPXW weekly share 2023-01-20 3800: distinct by root.
        #expect(quotes[6].underlying == "SPX" && quotes[8].underlying == "SPXW")
        #expect(quotes[6].strike == quotes[8].strike && quotes[6].expiry == quotes[8].expiry)
    }
}
