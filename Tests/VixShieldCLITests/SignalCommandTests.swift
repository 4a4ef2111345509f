import Foundation
import Testing
import TestScratch

/// `vixshield signal` and `vixshield ruleset show` through the binary.
@Suite struct SignalCommandTests {
    let cli = ExecutableTests()

    @Test func signalPrintsRegimeCondorHedgesAndDisclaimer() throws {
        let directory = TestScratch.directory("signal")
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("s.sqlite").path
        let text = try cli.run(["signal", "--db", db, "--date", "2017-07-14"])
        #expect(text.status == 0, "\(text.err)")
        for needle in ["REGIME: CALM", "vix_macd", "breadth_macd", "IRON CONDOR to open", "break-evens", "HEDGE LAYERS", "ORDERS", "not investment advice", "Modelled prices"] {
            #expect(text.out.contains(needle), "missing \(needle)")
        }
        let json1 = try cli.run(["signal", "--db", db, "--date", "2017-07-14", "--json"])
        let json2 = try cli.run(["signal", "--db", db, "--date", "2017-07-14", "--json"])
        #expect(json1.status == 0 && json1.out == json2.out)
        let object = try JSONSerialization.jsonObject(with: Data(json1.out.utf8)) as! [String: Any]
        #expect(Set(object.keys).isSuperset(of: ["date", "rulesetHash", "regime", "condor", "hedge", "disclaimer", "prices", "market"]))
        // Without --date: the latest date with S&P 500 and VIX closes (2026-03-27 in the bundled data).
        let latest = try cli.run(["signal", "--db", db, "--json"])
        #expect((try JSONSerialization.jsonObject(with: Data(latest.out.utf8)) as! [String: Any])["date"] as? String == "2026-03-27")
    }

    @Test func rulesetShowAndBadRulesetFiles() throws {
        let directory = TestScratch.directory("rules")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let shown = try cli.run(["ruleset", "show"])
        #expect(shown.status == 0)
        #expect(shown.out.hasPrefix("# VixShield ruleset, sha256 "))
        #expect(shown.out.contains("short_delta"))
        // What `show` prints loads back as a ruleset with the same hash.
        let file = directory.appendingPathComponent("rules.toml")
        try shown.out.write(to: file, atomically: true, encoding: .utf8)
        let again = try cli.run(["ruleset", "show", "--ruleset", file.path])
        #expect(again.out == shown.out)
        let bad = directory.appendingPathComponent("bad.toml")
        try "[condor]\nshort_delta = 0.75\n".write(to: bad, atomically: true, encoding: .utf8)
        let rejected = try cli.run(["ruleset", "show", "--ruleset", bad.path])
        #expect(rejected.status != 0)
        #expect(rejected.err.contains("condor.short_delta"))
        // A settings file that cannot be read is named with the reason (ruleset, sweep grid,
        // model configuration: one reader).
        let missing = directory.appendingPathComponent("missing.toml").path
        // Each file is read before the store is opened: the (absent) store stays absent.
        let db = directory.appendingPathComponent("untouched.sqlite").path
        let unreadable = try cli.run(["ruleset", "show", "--ruleset", missing])
        #expect(unreadable.status != 0 && unreadable.err.contains("cannot read ruleset file \(missing): no such file"), "\(unreadable.err)")
        let notText = directory.appendingPathComponent("binary.toml")
        try Data([0xC3, 0x28, 0x80]).write(to: notText)
        let binary = try cli.run(["chain", "--db", db, "--date", "2018-02-05", "--underlying", "SPX", "--config", notText.path])
        #expect(binary.status != 0 && binary.err.contains("cannot read config file \(notText.path): not UTF-8 text"), "\(binary.err)")
        let folder = try cli.run(["ruleset", "show", "--ruleset", directory.path])
        #expect(folder.status != 0 && folder.err.contains("cannot read ruleset file \(directory.path): a directory, not a file"), "\(folder.err)")
        let sweep = try cli.run(["backtest", "--db", db, "--sweep", missing])
        #expect(sweep.status == 64 && sweep.err.contains("cannot read sweep file \(missing): no such file"), "\(sweep.err)")
        #expect(sweep.err.contains("\nUsage: vixshield backtest "))
        #expect(!FileManager.default.fileExists(atPath: db))
    }
}
