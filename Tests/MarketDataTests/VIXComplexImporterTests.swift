import Foundation
import Testing
@testable import MarketData

/// The Cboe index and VIX futures importers: layouts, the ×10 scale, expiry mapping, warnings,
/// holiday rows, and all-or-nothing failures naming file, line and field.
@Suite struct VIXComplexImporterTests {
    private func day(_ text: String) -> MarketDate { MarketDate(parsing: text)! }

    @Test func vvixFileImportsWithWarningsForImplausibleValues() throws {
        let history = try CboeIndexImporter(symbol: "VVIX").parseIndex(ImporterSamples.bytes("cboe_vvix_sample.csv"), file: "vvix.csv")
        #expect(history.closes.count == 11 && history.opens.isEmpty)
        #expect(history.closes[1] == Observation(date: day("2006-03-15"), value: 15.71))
        // 15.71, 27.94, 28.6, 37.93, 37.35 lie below VVIX's plausible 50-250.
        #expect(history.warnings.count == 5)
        #expect(history.warnings[0].hasPrefix("vvix.csv:3: field 'VVIX': VVIX 15.71 is outside the plausible range"))
    }

    @Test func nonNumericValueFailsNamingFileLineAndFieldAndChangesNothing() throws {
        let bad = Array("DATE,VVIX\n03/06/2006,71.73\n03/15/2006,abc\n".utf8)
        #expect(throws: InputError(file: "vvix.csv", line: 3, field: "VVIX", message: "not a number: 'abc'")) {
            try CboeIndexImporter(symbol: "VVIX").parseIndex(bad, file: "vvix.csv")
        }
        let store = try temporaryStore()
        let before = try store.contentChecksum()
        #expect(throws: InputError.self) {
            let records = try CboeIndexImporter(symbol: "VVIX").parse(bad, file: "vvix.csv")
            try store.write(records, kind: .cboeIndex, symbol: "VVIX", file: "vvix.csv")
        }
        #expect(try store.contentChecksum() == before)
    }

    @Test func ohlcLayoutKeepsConsistentOpensOnly() throws {
        let text = "DATE,OPEN,HIGH,LOW,CLOSE\n11/05/2004,14.5,14.9,14.0,14.2\n11/08/2004,2.58,14.9,14.0,14.3\n"
        let history = try CboeIndexImporter(symbol: "VIX").parseIndex(Array(text.utf8), file: "vix.csv")
        #expect(history.closes.map(\.value) == [14.2, 14.3])
        #expect(history.opens == [Observation(date: day("2004-11-05"), value: 14.5)])
        #expect(history.warnings.count == 1 && history.warnings[0].contains("vix.csv:3: field 'OPEN'"))
    }

    @Test func holidayRowsAreSkippedWithACount() throws {
        let store = try temporaryStore()
        // 2022-05-30 (Memorial Day) is a Cboe holiday session, not an NYSE session.
        let text = "DATE,VIX9D\n05/27/2022,24.1\n05/30/2022,25.0\n05/31/2022,26.2\n"
        let records = try CboeIndexImporter(symbol: "VIX9D").parse(Array(text.utf8), file: "vix9d.csv")
        let summary = try store.write(records, kind: .cboeIndex, symbol: "VIX9D", file: "vix9d.csv")
        #expect(summary.rows == 2 && summary.skippedNonSessions == 1)
        #expect(try store.observations("VIX9D", asOf: day("2022-06-01")).map(\.date) == [day("2022-05-27"), day("2022-05-31")])
    }

    @Test func chrisContinuousFileMapsRowsToExpiriesAndRescalesTheOldScale() throws {
        let calendar = try BundledData.calendar()
        let (settlements, notes) = try VXFuturesImporter(position: 1, calendar: calendar)
            .parseSettlements(ImporterSamples.bytes("chris_vx1_sample.csv"), file: "vx1.csv")
        #expect(settlements.count == 13)
        // 2007-03-21 is the March 2007 VIX expiry: VX1 is the March contract through it.
        #expect(settlements[0].date == day("2007-03-19") && settlements[0].expiry == day("2007-03-21"))
        #expect(abs(settlements[0].settle - 14.32) < 1e-12)
        #expect(settlements[3].date == day("2007-03-22") && settlements[3].expiry == day("2007-04-18"))
        // From 2007-03-26 on, the file is on today's scale.
        #expect(settlements[5].date == day("2007-03-26") && abs(settlements[5].settle - 13.38) < 1e-12)
        #expect(notes == ["vx1.csv: 5 settlements before 2007-03-26 were on Cboe's old x10 scale and were divided by 10"])
        let second = try VXFuturesImporter(position: 2, calendar: calendar)
            .parseSettlements(ImporterSamples.bytes("chris_vx1_sample.csv"), file: "vx2.csv").0
        #expect(second[0].expiry == day("2007-04-18"))
    }

    @Test func cfePerContractFileNamesItsContract() throws {
        let calendar = try BundledData.calendar()
        let (settlements, notes) = try VXFuturesImporter(position: nil, calendar: calendar)
            .parseSettlements(ImporterSamples.bytes("cfe_vx_contract_sample.csv"), file: "CFE_G16_VX.csv")
        #expect(settlements.count == 3 && notes.isEmpty)
        #expect(settlements.allSatisfy { $0.expiry == day("2016-02-17") && $0.root == "VX" })
        #expect(settlements[0].settle == 21.225)
        #expect(throws: InputError.self) {
            try VXFuturesImporter(position: 1, calendar: calendar).parseSettlements(ImporterSamples.bytes("cfe_vx_contract_sample.csv"), file: "x.csv")
        }
        #expect(throws: InputError.self) {
            try VXFuturesImporter(position: nil, calendar: calendar).parseSettlements(ImporterSamples.bytes("chris_vx1_sample.csv"), file: "x.csv")
        }
    }

    @Test func bundledFuturesAreReadBackByDate() throws {
        let store = try temporaryStore()
        let settlements = try store.futuresSettlements(root: "VX", date: day("2015-08-24"))
        #expect(settlements.map(\.expiry) == [day("2015-09-16"), day("2015-10-21")])
        let memory = try MemoryMarketStore.load(store, quoteDates: day("2015-08-24")...day("2015-08-24"))
        #expect(try memory.futuresSettlements(root: "VX", date: day("2015-08-24")) == settlements)
    }
}
