import MarketData
import Foundation
import Testing
@testable import MarketData

/// Broker symbols and the fill importer: OCC symbology both ways, and every refusal the issue
/// lists, each naming file, line and field.
@Suite struct BookImporterTests {
    static func day(_ text: String) -> MarketDate { MarketDate(parsing: text)! }

    static func importer(asOf: String = "2018-03-29") throws -> BookImporter {
        BookImporter(asOf: day(asOf), calendar: try #require(TradingCalendarTests.calendar))
    }

    static func parse(_ csv: String, asOf: String = "2018-03-29") throws(InputError) -> [BookFill] {
        let importer = BookImporter(asOf: day(asOf), calendar: TradingCalendarTests.calendar!)
        return try importer.parse(Array(csv.utf8), file: "fills.csv")
    }

    @Test func occSymbolsParseAndPrintBack() throws {
        let cases: [(String, InstrumentSymbol)] = [
            ("SPXW  180316P02500000", .option(root: .spxw, expiry: Self.day("2018-03-16"), right: .put, strikeThousandths: 2_500_000)),
            ("SPX   180316C02800000", .option(root: .spx, expiry: Self.day("2018-03-16"), right: .call, strikeThousandths: 2_800_000)),
            ("VIX   180321C00040000", .option(root: .vix, expiry: Self.day("2018-03-21"), right: .call, strikeThousandths: 40_000)),
            ("VIX   180321C00012500", .option(root: .vix, expiry: Self.day("2018-03-21"), right: .call, strikeThousandths: 12_500)),
            ("VXH18", .vixFuture(year: 2018, month: 3)),
            ("VXF26", .vixFuture(year: 2026, month: 1)),
            ("CASH", .cash),
        ]
        for (text, expected) in cases {
            #expect(try InstrumentSymbol.parse(text).get() == expected, "\(text)")
            #expect(expected.description == text)
        }
        // Unpadded, as some brokers print it.
        #expect(try InstrumentSymbol.parse("SPXW180316P02500000").get() == cases[0].1)
        #expect(cases[3].1.strike == 12.5)
        for bad in ["SPY   180316P02500000", "SPXW  181316P02500000", "SPXW  180316X02500000", "SPXW  180316P0250000", "VXA18", "SPXW 180316P02500000", ""] {
            guard case .failure = InstrumentSymbol.parse(bad) else {
                Issue.record("'\(bad)' parsed")
                continue
            }
        }
    }

    @Test func fillsCarryCashFlowsInCents() throws {
        let fills = try Self.parse("""
            date,symbol,quantity,price,fees,layer
            2018-01-02,CASH,1,250000.10,0,
            2018-01-19,SPXW  180216P02600000,-3,4.15,3.93,condor
            2018-01-22,VXH18,2,13.10,5.40,layer1
            2018-01-22,VIX   180321C00020000,10,1.15,11,
            """)
        #expect(fills.count == 4)
        #expect(fills[0].cashFlow == Cents(cents: 25_000_010))
        // Selling 3 puts at 4.15 receives 3 × 4.15 × 100 = $1,245.00.
        #expect(fills[1].cashFlow == Cents(cents: 124_500) && fills[1].fees == Cents(cents: 393) && fills[1].layer == "condor")
        #expect(fills[2].cashFlow == .zero)  // futures move no cash at the fill
        #expect(fills[3].cashFlow == Cents(cents: -115_000) && fills[3].layer == nil)
    }

    @Test(arguments: [
        ("2018-01-19,SPY   180216P02600000,-1,4.15,1.31", "fills.csv:2: field 'symbol': unknown symbol"),
        ("2018-02-20,SPXW  180216P02600000,-1,4.15,1.31", "fills.csv:2: field 'symbol': SPXW  180216P02600000 expired on 2018-02-16, before the fill date 2018-02-20"),
        ("2018-03-22,VXH18,1,13.1,2.7", "fills.csv:2: field 'symbol': VXH18 expired on 2018-03-21"),
        ("2018-01-19,SPXW  180216P02600000,-1,abc,1.31", "fills.csv:2: field 'price': not a number: 'abc'"),
        ("2018-04-02,SPXW  180420P02600000,-1,4.15,1.31", "fills.csv:2: field 'date': 2018-04-02 is after the as-of date 2018-03-29"),
        ("2018-01-19,SPXW  180216P02600000,0,4.15,1.31", "fills.csv:2: field 'quantity': must not be 0"),
        ("2018-01-19,SPXW  180216P02600000,1.5,4.15,1.31", "fills.csv:2: field 'quantity': must be a whole number"),
        ("2018-01-19,SPXW  180216P02600000,1,4.15,-1", "fills.csv:2: field 'fees': must be >= 0"),
        ("2018-01-19,SPXW  180216P02600000,1,-4.15,1", "fills.csv:2: field 'price': must be >= 0"),
        ("2018-01-02,CASH,1,1000000,5", "fills.csv:2: field 'fees': must be 0 on a CASH line"),
        ("2018-01-02,PEAK,2,1000000,0", "fills.csv:2: field 'quantity': a PEAK line is quantity 1"),
        ("2018-01-19,SPXW  180216P02600000,-1,1e20,1.31", "fills.csv:2: field 'price': quantity × price × multiplier is out of range"),
    ])
    func badRowsNameFileLineAndField(row: String, message: String) throws {
        do {
            _ = try Self.parse("date,symbol,quantity,price,fees\n" + row + "\n")
            Issue.record("accepted: \(row)")
        } catch {
            #expect(error.description.hasPrefix(message), "\(error)")
        }
    }

    @Test func anUnknownLayerIsRefused() throws {
        #expect(throws: InputError.self) {
            _ = try Self.parse("date,symbol,quantity,price,fees,layer\n2018-01-19,SPXW  180216P02600000,-1,4.15,1.31,layer9\n")
        }
    }
}
