import Foundation
import Testing
import TestScratch

/// `vixshield data import|list|show` end to end through the binary, on a temporary store.
@Suite struct DataCommandTests {
    let cli = ExecutableTests()

    func temporaryDirectory() throws -> URL {
        let url = TestScratch.directory("cli")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func importListShowAndAllOrNothing() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("store.sqlite").path
        let good = directory.appendingPathComponent("xyz.csv")
        try "Date,Open,High,Low,Close,Adj Close,Volume\n2019-01-02,10,11,9,10.5,10.5,1000\n2019-01-03,10.5,12,10,11,11,1200\n"
            .write(to: good, atomically: true, encoding: .utf8)
        let imported = try cli.run(["data", "import", "--db", db, "--kind", "prices", "--symbol", "XYZ", good.path])
        #expect(imported.status == 0, "\(imported.err)")
        #expect(imported.out.hasPrefix("imported 2 rows of prices into XYZ from \(good.path) (2019-01-02 .. 2019-01-03); rejects: none\n"))

        let list = try cli.run(["data", "list", "--db", db, "--json"])
        #expect(list.status == 0)
        let catalog = try JSONSerialization.jsonObject(with: Data(list.out.utf8)) as! [[String: Any]]
        let symbols = Set(catalog.compactMap { $0["symbol"] as? String })
        #expect(symbols.isSuperset(of: ["XYZ", "SPX", "VIX", "CPIAUCSL", "TREASURY", "EVENTS", "SESSIONS"]))
        let xyz = catalog.first { $0["symbol"] as? String == "XYZ" }!
        #expect(xyz["count"] as? Int == 2)
        #expect(xyz["first"] as? String == "2019-01-02")

        let show = try cli.run(["data", "show", "XYZ", "--db", db, "--from", "2019-01-01", "--to", "2019-01-31"])
        #expect(show.out.contains("2019-01-03  10.5  12    10   11     11         1200"))

        // A bad second file: nothing from this command is written, the store is unchanged.
        let bad = directory.appendingPathComponent("bad.csv")
        try "Date,Open,High,Low,Close,Adj Close,Volume\n2019-01-04,10,11,9,10.5,10.5,1000\n2019-01-07,10,9,11,10,10,1\n"
            .write(to: bad, atomically: true, encoding: .utf8)
        let before = try cli.run(["data", "list", "--db", db, "--json"]).out
        let failed = try cli.run(["data", "import", "--db", db, "--kind", "prices", "--symbol", "XYZ", good.path, bad.path])
        #expect(failed.status != 0)
        #expect(failed.err.split(separator: "\n").count == 1)
        #expect(failed.err.hasPrefix("error: \(bad.path):3: field '"))
        #expect(try cli.run(["data", "list", "--db", db, "--json"]).out == before)
    }

    /// Chain files stream their parse into the write: a good first file and a bad row in the
    /// second give exit status 2, the parse error's one line, and no change to the store.
    @Test func aStreamedChainImportIsAllOrNothing() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("store.sqlite").path
        let sample = try String(contentsOf: RepositoryFiles.root.appendingPathComponent("Tests/MarketDataTests/Resources/optionsdx_spx_sample.csv"), encoding: .utf8)
        let good = directory.appendingPathComponent("good.csv"), bad = directory.appendingPathComponent("bad.csv")
        try sample.write(to: good, atomically: true, encoding: .utf8)
        var lines = sample.components(separatedBy: "\n")
        lines[5] = lines[5].replacingOccurrences(of: ", 3824.14,", with: ", -,")
        try lines.joined(separator: "\n").write(to: bad, atomically: true, encoding: .utf8)
        let before = try cli.run(["data", "list", "--db", db, "--json"]).out
        let failed = try cli.run(["data", "import", "--db", db, "--kind", "chain-optionsdx", good.path, bad.path])
        #expect(failed.status == 2)
        #expect(failed.err.split(separator: "\n").count == 1)
        #expect(failed.err.hasPrefix("error: \(bad.path):6: field 'UNDERLYING_LAST'"), "\(failed.err)")
        #expect(try cli.run(["data", "list", "--db", db, "--json"]).out == before)
        let imported = try cli.run(["data", "import", "--db", db, "--kind", "chain-optionsdx", good.path])
        #expect(imported.status == 0, "\(imported.err)")
        #expect(imported.out.hasPrefix("imported 22 rows of chain-optionsdx into SPX from \(good.path) (2023-01-03 .. 2023-01-03)"), "\(imported.out)")
    }

    @Test func pointInTimeShowHidesUnpublishedValues() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("store.sqlite").path
        let show = try cli.run(["data", "show", "CPIAUCSL", "--db", db, "--from", "2016-01-01", "--to", "2016-03-01", "--json"])
        #expect(show.status == 0, "\(show.err)")
        let table = try JSONSerialization.jsonObject(with: Data(show.out.utf8)) as! [String: Any]
        let rows = table["rows"] as! [[String]]
        #expect(rows.map { $0[0] } == ["2016-01-01"])  // February's CPI is published on 2016-03-15
        #expect(rows[0][1] == "2016-02-15")
    }

    @Test func environmentVariableChoosesTheStore() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("env.sqlite").path
        var environment = ProcessInfo.processInfo.environment
        environment["VIXSHIELD_DB"] = db
        let list = try cli.run(["data", "list"], environment: environment)
        #expect(list.status == 0)
        #expect(list.out.hasSuffix("store: \(db)\n"))
        #expect(FileManager.default.fileExists(atPath: db))
    }

    @Test func unknownSymbolAndMissingSymbolAreClearErrors() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("store.sqlite").path
        let unknown = try cli.run(["data", "show", "NOPE", "--db", db])
        #expect(unknown.status != 0)
        #expect(unknown.err.contains("unknown symbol 'NOPE'"))
        let missing = try cli.run(["data", "import", "--db", db, "--kind", "prices", "x.csv"])
        #expect(missing.status != 0)
        #expect(missing.err.contains("--symbol is required for --kind prices"))
    }
}
