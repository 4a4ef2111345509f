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
    }
}
