import Foundation
import MarketData
import Testing

/// Every refusal names file, line and field in one exact line.
@Suite("Importer errors")
struct ImporterTestsErrors {
    typealias S = ImporterSamples

    @Test func prices() throws {
        let yahoo = try S.text("yahoo_spx_sample.csv")
        let p = PriceImporter()
        expectImportError(p, S.replacing(cell: 4, line: 3, in: yahoo, with: "abc"), "bad.csv:3: field 'Close': not a number: 'abc'")
        expectImportError(p, S.replacing(cell: 4, line: 3, in: yahoo, with: "nan"), "bad.csv:3: field 'Close': not a number: 'nan'")
        expectImportError(p, S.replacing(cell: 4, line: 3, in: yahoo, with: ""), "bad.csv:3: field 'Close': empty cell, expected a number")
        expectImportError(p, S.replacing(cell: 4, line: 3, in: yahoo, with: "1e999"), "bad.csv:3: field 'Close': number out of range: '1e999'")
        expectImportError(p, S.replacing(cell: 0, line: 4, in: yahoo, with: "1/32/1999"), "bad.csv:4: field 'Date': not a date (expected YYYY-MM-DD or M/D/YYYY): '1/32/1999'")
        expectImportError(p, S.replacing(cell: 0, line: 4, in: yahoo, with: "1999010600000000000000000"), "bad.csv:4: field 'Date': not a date (expected YYYY-MM-DD or M/D/YYYY): '1999010600000000000000000'")
        expectImportError(p, S.replacing(cell: 0, line: 4, in: yahoo, with: "1/4/1999"), "bad.csv:4: field 'Date': date 1999-01-04 is out of order: it follows 1999-01-05 on line 3 (dates must increase)")
        expectImportError(p, S.replacing(cell: 0, line: 4, in: yahoo, with: "1/5/1999"), "bad.csv:4: field 'Date': duplicate date 1999-01-05 (also on line 3)")
        expectImportError(p, S.replacing(cell: 1, line: 2, in: yahoo, with: "-1.5"), "bad.csv:2: field 'Open': must be >= 0 (got -1.5)")
        expectImportError(p, S.replacing(cell: 6, line: 2, in: yahoo, with: "-7"), "bad.csv:2: field 'Volume': must be >= 0 (got -7)")
        expectImportError(p, S.replacing(cell: 3, line: 2, in: yahoo, with: "1250"), "bad.csv:2: field 'High': must be >= Low (got 1248.810059 < 1250)")
        expectImportError(p, S.replacing(line: 2, in: yahoo, with: "1/4/1999,1,2,1,2,2"), "bad.csv:2: expected 7 cells as in the header, found 6")
        expectImportError(p, S.replacing(line: 1, in: yahoo, with: "Date,Open,High,Close,Adj Close,Volume,Extra"), "bad.csv:1: field 'Low': missing column (found: Date,Open,High,Close,Adj Close,Volume,Extra)")

        let vix = try S.text("cboe_vix_history_sample.csv")
        expectImportError(p, S.replacing(cell: 2, line: 2, in: vix, with: "13.9"), file: "VIX_History.csv", "VIX_History.csv:2: field 'HIGH': must be >= LOW (got 13.9 < 14.00)")
        expectImportError(p, S.replacing(cell: 3, line: 3, in: vix, with: "-13.57"), file: "VIX_History.csv", "VIX_History.csv:3: field 'LOW': must be >= 0 (got -13.57)")
    }

    @Test func fred() throws {
        let fred = try S.text("fred_vixcls_sample.csv")
        let f = FREDImporter()
        expectImportError(f, S.replacing(cell: 1, line: 3, in: fred, with: "n/a"), "bad.csv:3: field 'VIXCLS': not a number: 'n/a'")
        expectImportError(f, S.replacing(cell: 1, line: 3, in: fred, with: ""), "bad.csv:3: field 'VIXCLS': empty cell, expected a number")
        expectImportError(f, S.replacing(cell: 0, line: 6, in: fred, with: "2014-01-20"), "bad.csv:6: field 'observation_date': duplicate date 2014-01-20 (also on line 5)")
        expectImportError(f, S.replacing(cell: 0, line: 3, in: fred, with: "2014-1-16"), "bad.csv:3: field 'observation_date': not a date (expected YYYY-MM-DD or M/D/YYYY): '2014-1-16'")
        expectImportError(f, "observation_date,AAA,BAA\n1990-01-01,1,2\n", "bad.csv:1: expected 2 columns (date and one series), found 3")
        expectImportError(f, "when,AAA\n1990-01-01,1\n", "bad.csv:1: field 'observation_date': missing column (found: when,AAA)")
        expectImportError(f, "AAA,DATE\n1,1990-01-01\n", "bad.csv:1: field 'AAA': expected the date as the first column")
    }

    @Test func treasury() throws {
        let curves = try S.text("treasury_sample.csv")
        let t = TreasuryImporter()
        expectImportError(t, S.replacing(cell: 0, line: 2, in: curves, with: "1990-01-02 16:00:00+00:00"), "bad.csv:2: field 'Time Period': not a date (expected YYYY-MM-DD, optionally with a 00:00:00 time): '1990-01-02 16:00:00+00:00'")
        expectImportError(t, S.replacing(cell: 3, line: 3, in: curves, with: "7.9%"), "bad.csv:3: field '6month': not a number: '7.9%'")
        expectImportError(t, S.replacing(cell: 0, line: 3, in: curves, with: "1990-01-02"), "bad.csv:3: field 'Time Period': duplicate date 1990-01-02 (also on line 2)")
        expectImportError(t, "Time Period,1month,3month\n1990-01-02,,0.07\n", "bad.csv:1: field '6month': missing column (found: Time Period,1month,3month)")
    }

    @Test func events() throws {
        let events = try S.text("events_sample.csv")
        let e = EventImporter()
        expectImportError(e, S.replacing(cell: 3, line: 2, in: events, with: "2pm"), "bad.csv:2: field 'time_et': expected HH:MM (24-hour), got '2pm'")
        expectImportError(e, S.replacing(cell: 3, line: 2, in: events, with: "24:00"), "bad.csv:2: field 'time_et': expected HH:MM (24-hour), got '24:00'")
        expectImportError(e, S.replacing(cell: 3, line: 2, in: events, with: "8:30"), "bad.csv:2: field 'time_et': expected HH:MM (24-hour), got '8:30'")
        expectImportError(e, S.replacing(cell: 1, line: 3, in: events, with: ""), "bad.csv:3: field 'event': empty cell, expected a name")
        expectImportError(e, S.replacing(cell: 0, line: 2, in: events, with: "2024-02-30"), "bad.csv:2: field 'date': not a date (expected YYYY-MM-DD or M/D/YYYY): '2024-02-30'")
        expectImportError(e, events + "2024-01-31,FOMC,unscheduled,\n", "bad.csv:6: field 'event': duplicate event FOMC on 2024-01-31 (also on line 2)")
        expectImportError(e, "date,kind\n", "bad.csv:1: field 'event': missing column (found: date,kind)")
    }

    @Test func sessions() throws {
        let sessions = try S.text("sessions_sample.csv")
        let s = SessionImporter()
        expectImportError(s, S.replacing(cell: 2, line: 2, in: sessions, with: "2024-11-27 14:00:00"), "bad.csv:2: field 'close_utc': must be after open_utc (got 2024-11-27 14:00:00 <= 2024-11-27 14:30:00)")
        expectImportError(s, S.replacing(cell: 1, line: 2, in: sessions, with: "2024-11-27 14:30"), "bad.csv:2: field 'open_utc': not a UTC time (expected YYYY-MM-DD HH:MM:SS): '2024-11-27 14:30'")
        expectImportError(s, S.replacing(cell: 1, line: 2, in: sessions, with: "2024-11-27 25:30:00"), "bad.csv:2: field 'open_utc': not a UTC time (expected YYYY-MM-DD HH:MM:SS): '2024-11-27 25:30:00'")
        expectImportError(s, S.replacing(cell: 0, line: 3, in: sessions, with: "2024-11-27"), "bad.csv:3: field 'session': duplicate date 2024-11-27 (also on line 2)")
        expectImportError(s, "session,open_utc\n", "bad.csv:1: field 'close_utc': missing column (found: session,open_utc)")
    }

    @Test func optionsDX() throws {
        let chain = try S.text("optionsdx_spx_sample.csv")
        let o = OptionsDXImporter()
        // Columns: 2 QUOTE_DATE, 5 EXPIRE_DATE, 17 C_BID, 18 C_ASK, 19 STRIKE, 20 P_BID, 21 P_ASK.
        expectImportError(o, S.replacing(cell: 19, line: 2, in: chain, with: "0"), "bad.csv:2: field 'STRIKE': must be > 0 (got 0)")
        expectImportError(o, S.replacing(cell: 19, line: 2, in: chain, with: "-3700"), "bad.csv:2: field 'STRIKE': must be > 0 (got -3700)")
        expectImportError(o, S.replacing(cell: 17, line: 4, in: chain, with: "200.00"), "bad.csv:4: field 'C_BID': must be <= C_ASK (got 200.00 > 118.50)")
        expectImportError(o, S.replacing(cell: 20, line: 5, in: chain, with: "-0.05"), "bad.csv:5: field 'P_BID': must be >= 0 (got -0.05)")
        expectImportError(o, S.replacing(cell: 21, line: 5, in: chain, with: "x"), "bad.csv:5: field 'P_ASK': not a number: 'x'")
        expectImportError(o, S.replacing(cell: 5, line: 6, in: chain, with: "2023-01-02"), "bad.csv:6: field 'EXPIRE_DATE': expiry 2023-01-02 is before the quote date 2023-01-03")
        expectImportError(o, S.replacing(cell: 2, line: 7, in: chain, with: "2023-01-02"), "bad.csv:7: field 'QUOTE_DATE': date 2023-01-02 is out of order: it follows 2023-01-03 on line 6 (dates must not decrease)")
        expectImportError(o, S.replacing(cell: 19, line: 3, in: chain, with: "3700.0"), "bad.csv:3: field 'STRIKE': duplicate contract SPX 2023-01-20 3700.0 C on 2023-01-03 (also on line 2)")
        expectImportError(o, S.replacing(cell: 2, line: 3, in: chain, with: "3/1/2023"), "bad.csv:3: field 'EXPIRE_DATE': expiry 2023-01-20 is before the quote date 2023-03-01")
        let noIV = S.replacing(line: 1, in: chain, with: S.line(1, of: chain).replacingOccurrences(of: "[C_IV]", with: "[C_IMPLIED]"))
        expectImportError(o, noIV, "bad.csv:1: field 'C_IV': missing column (found: QUOTE_UNIXTIME,QUOTE_READTIME,QUOTE_DATE,QUOTE_TIME_HOURS,UNDERLYING_LAST,EXPIRE_DATE,EXPIRE_UNIX,DTE,C_DELTA,C_GAMMA,C_VEGA,C_THETA,C_RHO,C_IMPLIED,C_VOLUME,C_LAST,C_SIZE,C_BID,C_ASK,STRIKE,P_BID,P_ASK,P_SIZE,P_LAST,P_DELTA,P_GAMMA,P_VEGA,P_THETA,P_RHO,P_IV,P_VOLUME,STRIKE_DISTANCE,STRIKE_DISTANCE_PCT)")
    }

    @Test func cboe() throws {
        let chain = try S.text("cboe_spx_eod_sample.csv")
        let c = CboeChainImporter()
        // Columns: 1 quote_date, 2 root, 3 expiration, 4 strike, 5 option_type, 12 bid_1545, 14 ask_1545.
        expectImportError(c, S.replacing(cell: 5, line: 2, in: chain, with: "X"), "bad.csv:2: field 'option_type': unknown option type 'X' (expected C or P)")
        expectImportError(c, S.replacing(cell: 5, line: 2, in: chain, with: "call"), "bad.csv:2: field 'option_type': unknown option type 'call' (expected C or P)")
        expectImportError(c, S.replacing(cell: 12, line: 3, in: chain, with: "16.0"), "bad.csv:3: field 'bid_1545': must be <= ask_1545 (got 16.0 > 15.8000)")
        expectImportError(c, S.replacing(cell: 14, line: 3, in: chain, with: "-1"), "bad.csv:3: field 'ask_1545': must be >= 0 (got -1)")
        expectImportError(c, S.replacing(cell: 4, line: 4, in: chain, with: "0.000"), "bad.csv:4: field 'strike': must be > 0 (got 0.000)")
        expectImportError(c, S.replacing(cell: 3, line: 4, in: chain, with: "2022-12-30"), "bad.csv:4: field 'expiration': expiry 2022-12-30 is before the quote date 2023-01-03")
        expectImportError(c, S.replacing(cell: 4, line: 4, in: chain, with: "3800"), "bad.csv:4: field 'strike': duplicate contract SPXW 2023-01-06 3800 C on 2023-01-03 (also on line 2)")
        expectImportError(c, S.replacing(cell: 1, line: 11, in: chain, with: "2023-01-02"), "bad.csv:11: field 'quote_date': date 2023-01-02 is out of order: it follows 2023-01-03 on line 10 (dates must not decrease)")
        // Given one underlying name, the SPX monthly and the SPXW weekly at 2023-01-20 3800 collide.
        expectImportError(CboeChainImporter(underlying: "SPX"), chain, "bad.csv:10: field 'strike': duplicate contract SPX 2023-01-20 3800.000 C on 2023-01-03 (also on line 8)")
        expectImportError(c, S.replacing(line: 1, in: chain, with: S.line(1, of: chain).replacingOccurrences(of: "bid_1545", with: "bid")), "bad.csv:1: field 'bid_1545': missing column (found: \(S.line(1, of: chain).replacingOccurrences(of: "bid_1545", with: "bid")))")
    }

    @Test func messagesStayOnOneLineAndEscapeBytes() {
        expectImportError(FREDImporter(), "DATE,X\n1990-01-01,1\u{01}\n", "bad.csv:2: field 'X': not a number: '1\\x01'")
        var bytes = Array("DATE,X\n1990-01-01,1".utf8)
        bytes.append(0xFF)
        do {
            _ = try FREDImporter().parse(bytes, file: "bad.csv")
            Issue.record("accepted")
        } catch {
            #expect(error.description == "bad.csv:2: field 'X': not a number: '1\\xFF'")
        }
        expectImportError(FREDImporter(), "DATE,X\n1990-01-01,\(String(repeating: "9", count: 60))x\n", "bad.csv:2: field 'X': not a number: '\(String(repeating: "9", count: 40))…'")
    }
}
