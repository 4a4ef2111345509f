import Testing
@testable import VixShieldCLI

/// The `indicators` command on the bundled real data against TA-Lib's own output
/// (Tests/QuantCoreTests/Resources/talib_*.csv, made by Tools/fixtures/make_fixtures.py).
@Suite struct IndicatorTableTests {
    static let cases = [("Data/market/vix.csv", "vix", "talib_vix.csv"), ("Data/market/sp500.csv", "Close", "talib_sp500.csv")]

    @Test(arguments: cases)
    func bundledSeriesMatchTaLib(source: String, column: String, reference: String) throws {
        let table = try CSVTable(text: RepositoryFiles.text(source), file: source)
        let output = try IndicatorTable.run(table: table, column: column, dateColumn: "Date")
        let got = try CSVTable(text: output, file: "output")
        let want = try CSVTable(text: RepositoryFiles.text("Tests/QuantCoreTests/Resources/" + reference), file: reference)
        #expect(got.header == want.header)
        #expect(got.rows.count == want.rows.count)
        for (g, w) in zip(got.rows, want.rows) {
            #expect(g.cells[0] == w.cells[0])
            for index in 1..<w.cells.count {
                if w.cells[index].isEmpty {
                    #expect(g.cells[index].isEmpty, "warm-up blank expected at \(w.cells[0]) \(want.header[index])")
                } else {
                    let a = Double(g.cells[index])!, b = Double(w.cells[index])!
                    #expect(abs(a - b) <= 1e-12 * max(1, abs(b)), "\(w.cells[0]) \(want.header[index])")
                }
            }
        }
    }

    @Test func holidaysSkippedAndBadRowsNamed() throws {
        let good = "Date,vix\n1/2/2014,14.2\n1/3/2014,.\n2014-01-06,13.5\n"
        let output = try IndicatorTable.run(table: CSVTable(text: good, file: "v.csv"), column: "vix", dateColumn: "Date")
        #expect(output == "date,value,macd,macd_signal,macd_hist,rsi14,ema20\n2014-01-02,14.199999999999999,,,,,\n2014-01-06,13.5,,,,,\n")
        func message(_ text: String) -> String? {
            do {
                _ = try IndicatorTable.run(table: CSVTable(text: text, file: "v.csv"), column: "vix", dateColumn: "Date")
                return nil
            } catch { return error.description }
        }
        #expect(message("Date,vix\n1/2/2014,14.2\n1/2/2014,14\n") == "v.csv:3: field 'Date': duplicate date 2014-01-02")
        #expect(message("Date,vix\n1/3/2014,14.2\n1/2/2014,14\n") == "v.csv:3: field 'Date': date 2014-01-02 out of order (after 2014-01-03)")
        #expect(message("Date,vix\n2/30/2014,14.2\n") == "v.csv:2: field 'Date': not a date: '2/30/2014' (expected YYYY-MM-DD or M/D/YYYY)")
        #expect(message("Date,vix\n1/2/2014,14,2\n") == "v.csv:2: expected 2 cells as in the header, found 3")
        #expect(message("Date,vix\n1/2/2014,x\n") == "v.csv:2: field 'vix': not a number: 'x'")
        #expect(message("Date,value\n1/2/2014,1\n") == "v.csv:1: field 'vix': missing column (found: Date,value)")
    }
}
