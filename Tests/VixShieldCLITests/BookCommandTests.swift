import Foundation
import Testing
import TestScratch

/// `vixshield book import` and `book show` through the binary: fills in, an all-or-nothing
/// refusal, expiries settled, P&L by layer adding up to equity − deposits to the cent.
@Suite struct BookCommandTests {
    let cli = ExecutableTests()

    /// The February 2018 example book (`examples/book-2018-02.csv`, also served by the dashboard
    /// check) and a later partial close of the layer-3 calls.
    static let fills = (try? RepositoryFiles.text("examples/book-2018-02.csv")).map {
        $0 + "2018-02-05,VIX   180321C00020000,-20,9.80,22.00,layer3\n"
    } ?? "examples/book-2018-02.csv is missing"

    @Test func importShowAndRefuse() throws {
        let directory = TestScratch.directory("book")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("s.sqlite").path
        let good = directory.appendingPathComponent("fills.csv")
        try Self.fills.write(to: good, atomically: true, encoding: .utf8)
        let imported = try cli.run(["book", "import", "--db", db, good.path])
        #expect(imported.status == 0, "\(imported.err)")
        #expect(imported.out.contains("imported 8 fills"))

        // A file with one bad row (an unknown root on line 3) writes nothing.
        let bad = directory.appendingPathComponent("bad.csv")
        try "date,symbol,quantity,price,fees\n2018-02-06,VXH18,1,20,2.7\n2018-02-06,SPY   180316P02500000,1,2,1\n".write(to: bad, atomically: true, encoding: .utf8)
        let refused = try cli.run(["book", "import", "--db", db, bad.path])
        #expect(refused.status == 2)
        #expect(refused.err.contains("bad.csv:3: field 'symbol': unknown symbol 'SPY   180316P02500000'"), "\(refused.err)")

        // 2018-02-06: everything open, marked on the model.
        let open = try cli.run(["book", "show", "--db", db, "--date", "2018-02-06", "--json"])
        #expect(open.status == 0, "\(open.err)")
        let book = try JSONSerialization.jsonObject(with: Data(open.out.utf8)) as! [String: Any]
        #expect(Set(book.keys) == ["date", "cash", "deposits", "equity", "positions", "layers", "settled", "notes", "disclaimer"])
        let positions = try #require(book["positions"] as? [[String: Any]])
        #expect(positions.count == 6)  // the bad file's VXH18 buy is not there
        #expect(Set(positions[0].keys) == ["symbol", "layer", "quantity", "averagePrice", "cost", "mark", "value", "pnl", "delta", "gamma", "vega", "theta"])
        try Self.layersAddUp(book)
        // Layer 3 sold 20 of 50 calls at 9.80 bought at 1.15: realised 20 × 8.65 × 100 − $77 fees.
        let layers = try #require(book["layers"] as? [[String: Any]])
        let layer3 = try #require(layers.first { $0["layer"] as? String == "layer3" })
        #expect(abs((layer3["realised"] as! Double) - (17_300 - 77)) < 0.005)

        // 2018-03-22: every contract has expired and settled; the book is cash.
        let closed = try cli.run(["book", "show", "--db", db, "--date", "2018-03-22", "--json"])
        let after = try JSONSerialization.jsonObject(with: Data(closed.out.utf8)) as! [String: Any]
        #expect((after["positions"] as? [Any])?.isEmpty == true)
        #expect((after["settled"] as? [String])?.count == 6)
        #expect(abs((after["equity"] as! Double) - (after["cash"] as! Double)) < 0.005)
        try Self.layersAddUp(after)
        let text = try cli.run(["book", "show", "--db", db, "--date", "2018-02-06"])
        #expect(text.out.contains("P&L by layer") && text.out.contains("not investment advice"))
    }

    /// Σ layer P&L = equity − deposits, to the cent.
    static func layersAddUp(_ book: [String: Any]) throws {
        let layers = try #require(book["layers"] as? [[String: Any]])
        let total = layers.map { ($0["pnl"] as! Double) }.reduce(0, +)
        #expect(abs(total - ((book["equity"] as! Double) - (book["deposits"] as! Double))) < 0.005)
    }
}

/// Parity from the command line: `backtest --book-out F --at D` then `signal --date <next> --book F
/// --json` lists the backtest's orders of the next session under `orders`, with the same keys.
@Suite struct BookParityCommandTests {
    let cli = ExecutableTests()

    @Test func signalOnTheExportedBookListsTheBacktestsOrders() throws {
        let directory = TestScratch.directory("parity")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("s.sqlite").path
        let book = directory.appendingPathComponent("book.csv").path
        let backtest = try cli.run(["backtest", "--db", db, "--from", "2015-09-01", "--to", "2015-10-23", "--book-out", book, "--at", "2015-10-21", "--json"])
        #expect(backtest.status == 0, "\(backtest.err)")
        let csv = try String(contentsOfFile: book, encoding: .utf8)
        #expect(csv.hasPrefix("date,symbol,quantity,price,fees,layer\n2015-10-21,CASH,1,"))
        #expect(csv.contains(",PEAK,1,"))
        let report = try JSONSerialization.jsonObject(with: Data(backtest.out.utf8)) as! [String: Any]
        let day = try #require((report["days"] as? [[String: Any]])?.first { $0["date"] as? String == "2015-10-22" })
        let expected = try #require(day["orders"] as? [[String: Any]])
        #expect(!expected.isEmpty)
        let signal = try cli.run(["signal", "--db", db, "--date", "2015-10-22", "--book", book, "--json"])
        #expect(signal.status == 0, "\(signal.err)")
        let object = try JSONSerialization.jsonObject(with: Data(signal.out.utf8)) as! [String: Any]
        let orders = try #require(object["orders"] as? [[String: Any]])
        #expect(orders.count == expected.count)
        for (a, b) in zip(orders, expected) {
            #expect(Set(a.keys) == ["symbol", "side", "quantity", "limit", "layer"])
            #expect(a["layer"] as? String == b["layer"] as? String)
            #expect(a["symbol"] as? String == b["symbol"] as? String && a["side"] as? String == b["side"] as? String)
            #expect(a["quantity"] as? Int == b["quantity"] as? Int)
            #expect(abs((a["limit"] as! Double) - (b["limit"] as! Double)) <= 1e-12)
        }
        // --book-out needs --at.
        let lone = try cli.run(["backtest", "--db", db, "--book-out", book])
        #expect(lone.status != 0 && lone.err.contains("--book-out and --at go together"))
    }
}
