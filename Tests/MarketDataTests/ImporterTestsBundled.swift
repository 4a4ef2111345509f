import Foundation
import MarketData
import Testing

/// The real files in Data/ import cleanly, with the counts and values of the source: every
/// value is checked bit for bit against a naive split + `Double(String)` reading of the file.
@Suite("Importers on the bundled real data")
struct ImporterTestsBundled {
    /// Naive reading: lines split on LF, CR dropped, cells split on commas (these files have no
    /// quotes).
    private func naiveRows(_ bytes: [UInt8]) -> [[String]] {
        ImporterSamples.lines(String(decoding: bytes, as: UTF8.self)).dropFirst().filter { !$0.isEmpty }.map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
    }

    private func day(_ text: String) -> MarketDate { MarketDate(parsing: text)! }

    @Test func sp500() throws {
        let bytes = try ImporterSamples.data("market/sp500.csv")
        let bars = try PriceImporter().parseBars(bytes, file: "sp500.csv")
        #expect(bars.count == 5031)
        #expect(bars.first == DailyBar(date: day("1999-01-04"), open: 1229.22998, high: 1248.810059, low: 1219.099976, close: 1228.099976, adjustedClose: 1228.099976, volume: 877_000_000))
        #expect(bars.last == DailyBar(date: day("2018-12-31"), open: 2498.939941, high: 2509.23999, low: 2482.820068, close: 2506.850098, adjustedClose: 2506.850098, volume: 3_442_870_000))
        let naive = naiveRows(bytes)
        #expect(naive.count == bars.count)
        for (bar, row) in zip(bars, naive) {
            let expected = DailyBar(
                date: day(row[0]), open: Double(row[1])!, high: Double(row[2])!, low: Double(row[3])!,
                close: Double(row[4])!, adjustedClose: Double(row[5])!, volume: Double(row[6])!)
            if bar != expected { Issue.record("\(bar) != \(expected)"); return }
        }
    }

    @Test func vixWithHolidayDots() throws {
        let bytes = try ImporterSamples.data("market/vix.csv")
        let (series, observations) = try FREDImporter().parseSeries(bytes, file: "vix.csv")
        #expect(series == "vix")
        #expect(observations.count == 1259)
        let naive = naiveRows(bytes)
        #expect(naive.count == 1305)
        #expect(naive.filter { $0[1] == "." }.count == 46)
        let expected = naive.filter { $0[1] != "." }.map { Observation(date: day($0[0]), value: Double($0[1])!) }
        #expect(observations == expected)
        #expect(observations.first == Observation(date: day("2014-01-03"), value: 13.76))
        #expect(observations.last == Observation(date: day("2019-01-03"), value: 25.45))
    }

    @Test(arguments: [
        ("macro/AAA.csv", 393), ("macro/BAA.csv", 393), ("macro/CPIAUCSL.csv", 393), ("macro/CPILFESL.csv", 393),
        ("macro/FEDFUNDS.csv", 393), ("macro/GDP.csv", 131), ("macro/GDPC1.csv", 131), ("macro/GS10.csv", 393),
        ("macro/PPIACO.csv", 393), ("macro/TB3MS.csv", 393), ("macro/TWEXMMTH.csv", 360), ("macro/UNRATE.csv", 393),
        ("market/core_cpi.csv", 743),
    ])
    func fredSeries(path: String, count: Int) throws {
        let bytes = try ImporterSamples.data(path)
        let (series, observations) = try FREDImporter().parseSeries(bytes, file: path)
        #expect(observations.count == count)
        #expect(series == URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent || path.hasSuffix("core_cpi.csv"))
        let expected = naiveRows(bytes).map { Observation(date: day($0[0]), value: Double($0[1])!) }
        #expect(observations == expected)
    }

    @Test func treasury() throws {
        let bytes = try ImporterSamples.data("rates/treasury_curves_1990-2019.csv")
        let curves = try TreasuryImporter().parseCurves(bytes, file: "treasury.csv")
        #expect(curves.count == 7419)
        #expect(curves.first?.date == day("1990-01-02"))
        #expect(curves.last?.date == day("2019-08-26"))
        #expect(curves.last?.yield("30year") == 0.0204)
        let expected = naiveRows(bytes).map { row in
            TreasuryCurve(date: day(String(row[0].prefix(10))), yields: row.dropFirst().map { $0.isEmpty ? nil : Double($0)! })
        }
        #expect(curves == expected)
    }

    @Test func fomc() throws {
        let bytes = try ImporterSamples.data("calendar/fomc_statements_2014-2026.csv")
        let events = try EventImporter().parseEvents(bytes, file: "fomc.csv")
        #expect(events.count == 105)
        #expect(events.allSatisfy { $0.isFOMC })
        #expect(events.filter { $0.kind == "unscheduled" }.map(\.date) == [day("2020-03-03"), day("2020-03-15")])
        #expect(events.first == CalendarEvent(date: day("2014-01-29"), event: "FOMC", kind: "scheduled", timeET: "14:00"))
        #expect(events.last == CalendarEvent(date: day("2026-12-09"), event: "FOMC", kind: "scheduled", timeET: "14:00"))
    }

    @Test func nyseSessions() throws {
        let bytes = try ImporterSamples.data("calendar/nyse_sessions_1990-2026.csv")
        let sessions = try SessionImporter().parseSessions(bytes, file: "nyse.csv")
        #expect(sessions.count == 9318)
        // 1990-01-02 is day 7306 since 1970-01-01; 14:30 UTC open, 21:00 UTC close.
        #expect(sessions.first == TradingSession(date: day("1990-01-02"), openUTC: 7306 * 86_400 + 52_200, closeUTC: 7306 * 86_400 + 75_600))
        #expect(sessions.last?.date == day("2026-12-31"))
        #expect(sessions.allSatisfy { $0.openUTC / 86_400 == $0.date.dayNumber })
        #expect(sessions.filter { $0.closeUTC - $0.openUTC < 6 * 3600 }.count == 79)  // early closes: 75 of 3.5 h, 4 of 4.5 h
    }
}
