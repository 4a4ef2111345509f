import Foundation
import MarketData
import PostgresStore
import Testing
import TestScratch

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The commands on PostgreSQL (`--database-url`), through the binary: racing daily runs, two
/// servers on one book, and a server killed during a fill post on both stores. The PostgreSQL
/// cases need `VIXSHIELD_TEST_DATABASE_URL` (`.ci/run` starts a server and sets it; under CI
/// they fail without it).
@Suite(.serialized) struct PostgresCommandTests {
    let cli = ExecutableTests()

    static var adminURL: String? {
        ProcessInfo.processInfo.environment["VIXSHIELD_TEST_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }
    static var enabled: Bool { adminURL != nil || ProcessInfo.processInfo.environment["CI"] != nil }

    /// A scratch database seeded with the bundled history, and how to drop it.
    static func database() throws -> (url: String, drop: () -> Void) {
        let admin = try #require(adminURL, "CI is set but VIXSHIELD_TEST_DATABASE_URL is not: .ci/run must start PostgreSQL")
        let url = try PostgresScratchDatabases.create(adminURL: admin, seeded: true)
        return (url, { try? PostgresScratchDatabases.drop(adminURL: admin, databaseURL: url) })
    }

    @Test(.enabled(if: enabled)) func racingRunsOnPostgresRecordOneEntry() throws {
        let (url, drop) = try Self.database()
        defer { drop() }
        let directory = TestScratch.directory("pgrace")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let fills = directory.appendingPathComponent("cash.csv")
        try "date,symbol,quantity,price,fees,layer\n2015-10-01,CASH,1,1000000,0,\n".write(to: fills, atomically: true, encoding: .utf8)
        let imported = try cli.run(["book", "import", "--database-url", url, "--as-of", "2015-10-21", fills.path])
        #expect(imported.status == 0, "\(imported.err)")
        let binary = try ExecutableTests.binary
        let runs = (0..<2).map { _ in
            let process = Process()
            process.executableURL = binary
            process.arguments = ["run", "--database-url", url, "--date", "2015-10-22", "--json"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            return process
        }
        for process in runs { try process.run() }
        for process in runs { process.waitUntilExit() }
        #expect(runs.allSatisfy { $0.terminationStatus == 0 })
        let journal = try cli.run(["journal", "--database-url", url, "--json"])
        #expect(journal.status == 0, "\(journal.err)")
        let entries = try JSONSerialization.jsonObject(with: Data(journal.out.utf8)) as? [Any]
        #expect(entries?.count == 1)
    }

    /// Two `serve` processes on one PostgreSQL database: fills posted to one are in the other's
    /// book at once, and a backtest started on one is followed to its report on the other.
    @Test(.enabled(if: enabled)) func twoServersSeeOneBook() async throws {
        let (url, drop) = try Self.database()
        defer { drop() }
        let token = String(try cli.run(["token", "create", "--scope", "trade", "--database-url", url]).out.split(separator: "\n").last ?? "")
        #expect(token.hasPrefix("vxs_"))
        let ports = try [freePort(), freePort()]
        let servers = try ports.map { try Self.serve(["--database-url", url], port: $0) }
        defer { for server in servers where server.isRunning { server.terminate() } }
        for port in ports { #expect(try await Self.waitForHealth(port)) }
        let body = #"{"asOf":"2018-02-05","fills":[{"date":"2018-01-02","symbol":"CASH","quantity":1,"price":1000000,"fees":0},{"date":"2018-01-22","symbol":"VIX   180321C00020000","quantity":50,"price":1.15,"fees":55,"layer":"layer3"}]}"#
        let posted = try await Self.request("http://127.0.0.1:\(ports[0])/api/v1/book/fills", token: token, body: body)
        #expect(posted.status == 201 || posted.status == 200, "\(posted.text)")
        let book = try await Self.request("http://127.0.0.1:\(ports[1])/api/v1/book?date=2018-02-05", token: token)
        #expect(book.status == 200)
        #expect(book.text.contains("VIX   180321C00020000"), "\(book.text.prefix(400))")
        // A backtest started on one replica is answered by the other (jobs live in the store).
        let started = try await Self.request(
            "http://127.0.0.1:\(ports[0])/api/v1/backtests", token: token, body: #"{"from": "2018-01-02", "to": "2018-01-31"}"#)
        #expect(started.status == 202, "\(started.text)")
        let id = try #require((try JSONSerialization.jsonObject(with: Data(started.text.utf8)) as? [String: Any])?["id"] as? String)
        var state = ""
        for _ in 0..<300 where state != "done" && state != "failed" {
            let answer = try await Self.request("http://127.0.0.1:\(ports[1])/api/v1/backtests/\(id)", token: token)
            #expect(answer.status == 200, "\(answer.text)")
            state = (try JSONSerialization.jsonObject(with: Data(answer.text.utf8)) as? [String: Any])?["state"] as? String ?? ""
            if state != "done" { try await Task.sleep(for: .milliseconds(200)) }
        }
        #expect(state == "done")
        let report = try await Self.request("http://127.0.0.1:\(ports[1])/api/v1/backtests/\(id)/report", token: token)
        #expect(report.status == 200 && report.text.contains("<html"))
        for server in servers { kill(server.processIdentifier, SIGTERM) }
    }

    /// `kill -9` of `serve` while it writes a fill post leaves the book as before the request
    /// or with all of it, on both stores.
    @Test(arguments: ["sqlite", "postgres"]) func aKilledServerLeavesTheBookWhole(_ backend: String) async throws {
        guard backend == "sqlite" || Self.enabled else { return }
        let directory = TestScratch.directory("kill")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var drop: () -> Void = {}
        let storeArguments: [String]
        let open: () throws -> any VixShieldStore
        if backend == "postgres" {
            let (url, dropDatabase) = try Self.database()
            drop = dropDatabase
            storeArguments = ["--database-url", url]
            open = { try PostgresMarketStore(url: url, seed: false) }
        } else {
            let db = directory.appendingPathComponent("s.sqlite").path
            storeArguments = ["--db", db]
            open = { try SQLiteMarketStore(path: db, seed: false) }
        }
        defer { drop() }
        let token = String(try cli.run(["token", "create", "--scope", "trade"] + storeArguments).out.split(separator: "\n").last ?? "")
        let rows = (0..<3_000).map { index in
            #"{"date":"2018-01-\#(String(format: "%02d", 2 + index % 20))","symbol":"CASH","quantity":1,"price":\#(index + 1),"fees":0}"#
        }
        let body = #"{"asOf":"2018-02-05","fills":["# + rows.joined(separator: ",") + "]}"
        var sizes: Set<Int> = []
        // The last attempt lets the post finish before the kill, so a post does land (and the
        // kills before it hit a server at work on the same request).
        for delay in [0.0, 0.005, 0.02, 0.05, 0.1, 0.3, 1.0, nil] as [Double?] {
            let port = try freePort()
            let server = try Self.serve(storeArguments, port: port)
            #expect(try await Self.waitForHealth(port))
            let post = Task { try? await Self.request("http://127.0.0.1:\(port)/api/v1/book/fills", token: token, body: body) }
            if let delay {
                try await Task.sleep(for: .milliseconds(Int(delay * 1000)))
            } else {
                let answer = await post.value
                #expect(answer?.status == 201, "\(answer?.text.prefix(300) ?? "no answer")")
            }
            kill(server.processIdentifier, SIGKILL)
            server.waitUntilExit()
            _ = await post.value
            let store = try open()
            let count = try store.fills(through: MarketDate(year: 2018, month: 2, day: 5)!).count
            #expect(count % 3_000 == 0, "a partial post: \(count) fills")
            sizes.insert(count)
            if let store = store as? PostgresMarketStore { store.close() }
        }
        #expect(sizes.contains { $0 > 0 }, "no post ever landed: \(sizes)")
    }

    static func serve(_ storeArguments: [String], port: Int) throws -> Process {
        let process = Process()
        process.executableURL = try ExecutableTests.binary
        process.arguments = ["serve", "--port", String(port)] + storeArguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    static func waitForHealth(_ port: Int) async throws -> Bool {
        for _ in 0..<150 {
            if let answer = try? await request("http://127.0.0.1:\(port)/healthz"), answer.status == 200 { return true }
            try await Task.sleep(for: .milliseconds(200))
        }
        return false
    }

    static func request(_ url: String, token: String? = nil, body: String? = nil) async throws -> (status: Int, text: String) {
        var request = URLRequest(url: URL(string: url)!)
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let body {
            request.httpMethod = "POST"
            request.httpBody = Data(body.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }
}
