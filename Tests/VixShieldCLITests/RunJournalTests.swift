import Foundation
import Testing
import TestScratch

/// `vixshield run` and `journal`: idempotent per date and ruleset, a second ruleset adds an
/// entry, and a run killed with SIGKILL at any moment leaves no half entry (one transaction).
@Suite struct RunJournalTests {
    let cli = ExecutableTests()

    static func store(_ cli: ExecutableTests) throws -> (directory: URL, db: String) {
        let directory = TestScratch.directory("run")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let db = directory.appendingPathComponent("s.sqlite").path
        let fills = directory.appendingPathComponent("fills.csv")
        try BookCommandTests.fills.write(to: fills, atomically: true, encoding: .utf8)
        let imported = try cli.run(["book", "import", "--db", db, "--as-of", "2018-02-05", fills.path])
        #expect(imported.status == 0, "\(imported.err)")
        return (directory, db)
    }

    static func entries(_ cli: ExecutableTests, _ db: String) throws -> [[String: Any]] {
        let listed = try cli.run(["journal", "--db", db, "--json"])
        #expect(listed.status == 0, "\(listed.err)")
        return try JSONSerialization.jsonObject(with: Data(listed.out.utf8)) as? [[String: Any]] ?? []
    }

    @Test func runIsIdempotentPerDateAndRuleset() throws {
        let (directory, db) = try Self.store(cli)
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try cli.run(["run", "--db", db, "--date", "2018-02-06"])
        #expect(first.status == 0, "\(first.err)")
        #expect(first.out.contains("recorded the run of 2018-02-06") && first.out.contains("not investment advice"))
        let again = try cli.run(["run", "--db", db, "--date", "2018-02-06"])
        #expect(again.status == 0 && again.out.contains("already recorded for 2018-02-06"))
        #expect(try Self.entries(cli, db).count == 1)
        // Another ruleset is another entry.
        let rules = directory.appendingPathComponent("rules.toml")
        try "[condor]\nshort_delta = 0.18\n".write(to: rules, atomically: true, encoding: .utf8)
        let other = try cli.run(["run", "--db", db, "--date", "2018-02-06", "--ruleset", rules.path])
        #expect(other.status == 0 && other.out.contains("recorded the run"), "\(other.err)")
        let entries = try Self.entries(cli, db)
        #expect(entries.count == 2)
        #expect(Set(entries[0].keys) == ["date", "rulesetHash", "recordedAt", "decision"])
        let decision = try #require((entries[0]["decision"] as? [String: Any])?["decision"] as? [String: Any])
        #expect(Set(decision.keys) == ["date", "regime", "orders", "rejections", "equity", "notes"])
        // The run's orders are the decision engine's: `signal --book` on the same book lists them.
        #expect(((decision["orders"] as? [Any])?.count ?? 0) > 0)
        // A fill of one of the day's orders imported without a layer takes the order's layer.
        let order = try #require((decision["orders"] as? [[String: Any]])?.first { $0["layer"] as? String == "layer3" && $0["side"] as? String == "buy" })
        let symbol = try #require(order["symbol"] as? String), quantity = try #require(order["quantity"] as? Int)
        let filled = directory.appendingPathComponent("filled.csv")
        try "date,symbol,quantity,price,fees\n2018-02-06,\(symbol),\(quantity),2.45,0\n".write(to: filled, atomically: true, encoding: .utf8)
        let imported = try cli.run(["book", "import", "--db", db, "--as-of", "2018-02-06", filled.path])
        #expect(imported.status == 0 && imported.out.contains("1 layers taken from the day's orders"), "\(imported.out)\(imported.err)")
        let shown = try cli.run(["book", "show", "--db", db, "--date", "2018-02-07", "--json"])
        let positions = try #require((try JSONSerialization.jsonObject(with: Data(shown.out.utf8)) as? [String: Any])?["positions"] as? [[String: Any]])
        #expect(positions.contains { $0["symbol"] as? String == symbol && $0["layer"] as? String == "layer3" })
    }

    /// The February 2018 condor expired on 2018-02-16 without a fill: a run on 2018-02-20
    /// settles it (and the expired VX and VIX lines stay open until their March expiry) before
    /// deciding, as `book show` does, instead of treating it as still open.
    @Test func expiredContractsAreSettledBeforeTheDecision() throws {
        let (directory, db) = try Self.store(cli)
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try cli.run(["run", "--db", db, "--date", "2018-02-20", "--json"])
        #expect(run.status == 0, "\(run.err)")
        let record = try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any]
        let notes = try #require((record?["decision"] as? [String: Any])?["notes"] as? [String])
        #expect(notes.filter { $0.hasPrefix("settled before the decision: SPX   180216") }.count == 4, "\(notes)")
        let orders = try #require((record?["decision"] as? [String: Any])?["orders"] as? [[String: Any]])
        // No order closes the settled condor's legs.
        #expect(!orders.contains { ($0["symbol"] as? String ?? "").hasPrefix("SPX   180216") })
    }

    @Test func aKilledRunLeavesNoHalfEntry() throws {
        let (directory, db) = try Self.store(cli)
        defer { try? FileManager.default.removeItem(at: directory) }
        // Kill the run at increasing delays: every entry the journal then holds is whole.
        for delay in [0.05, 0.2, 0.4, 0.6, 0.8, 1.0, 1.3] {
            let process = Process()
            process.executableURL = try ExecutableTests.binary
            process.arguments = ["run", "--db", db, "--date", "2018-02-06", "--json"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let entries = try Self.entries(cli, db)
            #expect(entries.count <= 1)
            for entry in entries { #expect((entry["decision"] as? [String: Any])?["decision"] != nil) }
        }
        let finished = try cli.run(["run", "--db", db, "--date", "2018-02-06"])
        #expect(finished.status == 0)
        #expect(try Self.entries(cli, db).count == 1)
    }
}
