import Foundation
import Testing
import TestScratch

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `vixshield token create` and `vixshield serve` through the binary.
@Suite(.serialized) struct ServeCommandTests {
    let cli = ExecutableTests()

    @Test func tokenIsPrintedOnceAloneOnTheLastLineAndStoredAsAHash() throws {
        let directory = TestScratch.directory("token")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("s.sqlite").path
        let created = try cli.run(["token", "create", "--scope", "trade", "--label", "desk", "--db", db])
        #expect(created.status == 0, "\(created.err)")
        let lines = created.out.split(separator: "\n")
        let token = String(lines.last ?? "")
        #expect(token.hasPrefix("vxs_") && token.count == 68 && !token.contains(" "))
        let listed = try cli.run(["token", "list", "--json", "--db", db])
        #expect(listed.out.contains("\"scope\" : \"trade\"") && listed.out.contains("desk"))
        #expect(!listed.out.contains(token))
        let database = try Data(contentsOf: URL(fileURLWithPath: db))
        #expect(database.range(of: Data(token.utf8)) == nil, "the token itself is not in the store")
        let bad = try cli.run(["token", "create", "--scope", "root", "--db", db])
        #expect(bad.status != 0 && bad.err.contains("root"))
    }

    /// The server answers on its port and stops cleanly on SIGTERM.
    @Test func serveAnswersAndStopsOnSIGTERM() async throws {
        let directory = TestScratch.directory("serve")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("s.sqlite").path
        let token = String(try cli.run(["token", "create", "--scope", "read", "--db", db]).out.split(separator: "\n").last ?? "")
        let port = 20_000 + Int(getpid() % 20_000)
        let process = Process()
        process.executableURL = try ExecutableTests.binary
        process.arguments = ["serve", "--db", db, "--port", String(port)]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        var health: Int?
        for _ in 0..<100 where health == nil {
            try await Task.sleep(for: .milliseconds(200))
            health = try? await status("http://127.0.0.1:\(port)/healthz")
        }
        #expect(health == 200)
        #expect(try await status("http://127.0.0.1:\(port)/api/v1/series/VIX?from=2018-02-05&to=2018-02-05") == 401)
        #expect(try await status("http://127.0.0.1:\(port)/api/v1/series/VIX?from=2018-02-05&to=2018-02-05", token: token) == 200)
        kill(process.processIdentifier, SIGTERM)
        for _ in 0..<100 where process.isRunning { try await Task.sleep(for: .milliseconds(100)) }
        #expect(!process.isRunning)
        #expect(process.terminationStatus == 0)
    }

    func status(_ url: String, token: String? = nil) async throws -> Int {
        var request = URLRequest(url: URL(string: url)!)
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        let (_, response) = try await URLSession.shared.data(for: request)
        return (response as? HTTPURLResponse)?.statusCode ?? 0
    }

    /// Four processes running the same day on one store record it once: the journal's unique
    /// (date, ruleset) key decides, and a writer waits for another's transaction.
    @Test func racingRunsRecordOneEntry() throws {
        let directory = TestScratch.directory("race")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("s.sqlite").path
        let fills = directory.appendingPathComponent("cash.csv")
        try "date,symbol,quantity,price,fees,layer\n2015-10-01,CASH,1,1000000,0,\n".write(to: fills, atomically: true, encoding: .utf8)
        #expect(try cli.run(["book", "import", "--db", db, "--as-of", "2015-10-21", fills.path]).status == 0)
        let runs = (0..<4).map { index -> (Process, URL) in
            let process = Process()
            process.executableURL = try? ExecutableTests.binary
            process.arguments = ["run", "--db", db, "--date", "2015-10-22", "--json"]
            let log = directory.appendingPathComponent("run\(index).err")
            FileManager.default.createFile(atPath: log.path, contents: nil)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = try? FileHandle(forWritingTo: log)
            return (process, log)
        }
        for (process, _) in runs { try process.run() }
        for (process, _) in runs { process.waitUntilExit() }
        for (process, log) in runs {
            #expect(process.terminationStatus == 0, "\((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
        }
        let journal = try cli.run(["journal", "--db", db, "--json"])
        let entries = try JSONSerialization.jsonObject(with: Data(journal.out.utf8)) as? [Any]
        #expect(entries?.count == 1)
    }
}
