import Foundation
import Testing
import TestScratch

/// The shipped binary's contract for scripts: exit status and a one-line error on stderr.
@Suite struct ExecutableTests {
    static var binary: URL {
        get throws {
            // The test bundle sits next to the executable in .build/<triple>/<config>/.
            let directory = Bundle.main.bundleURL.deletingLastPathComponent()
            for candidate in [directory, Bundle.main.bundleURL] {
                let url = candidate.appendingPathComponent("vixshield")
                if FileManager.default.isExecutableFile(atPath: url.path) { return url }
            }
            let fallback = RepositoryFiles.root.appendingPathComponent(".build/debug/vixshield")
            guard FileManager.default.isExecutableFile(atPath: fallback.path) else {
                throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: fallback.path])
            }
            return fallback
        }
    }

    /// Where the binary's caches go during the tests (never the user's ~/.cache).
    static let cacheHome = TestScratch.directory("test-cache").path

    func run(_ arguments: [String], environment: [String: String]? = nil) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = try Self.binary
        process.arguments = arguments
        var environment = environment ?? ProcessInfo.processInfo.environment
        if environment["XDG_CACHE_HOME"] == nil { environment["XDG_CACHE_HOME"] = Self.cacheHome }
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    @Test func indicatorsOnBundledDataSucceeds() throws {
        let result = try run(["indicators", "--input", RepositoryFiles.path("Data/market/vix.csv"), "--column", "vix"])
        #expect(result.status == 0)
        #expect(result.out.hasPrefix("date,value,macd,macd_signal,macd_hist,rsi14,ema20\n2014-01-03,13.76,"))
        #expect(result.out.split(separator: "\n").count == 1260)
    }

    /// A refusal met while the command runs (here a start past the store's last session) names
    /// the command's own usage and help, as a refusal of its arguments does, and exits 64.
    @Test func aRefusalWhileRunningShowsTheCommandsUsage() throws {
        let db = TestScratch.file("refusal", extension: "sqlite").path
        let result = try run(["backtest", "--db", db, "--from", "2030-01-02"])
        #expect(result.status == 64)
        let lines = result.err.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "Error: --from 2030-01-02 is after the last date 2026-03-27", "\(result.err)")
        #expect(lines.dropFirst().first?.hasPrefix("Usage: vixshield backtest ") == true, "\(result.err)")
        #expect(result.err.contains("  See 'vixshield backtest --help' for more information.\n"))
        // Named by the option given: an end before the default start.
        let early = try run(["backtest", "--db", db, "--to", "2000-01-03"])
        #expect(early.status == 64)
        #expect(early.err.hasPrefix("Error: --to 2000-01-03 is before the first date 2007-01-03\n"), "\(early.err)")
        // A nested command's path is whole.
        let revoke = try run(["token", "revoke", "--db", db, "12345"])
        #expect(revoke.status == 64)
        #expect(revoke.err.hasPrefix("Error: no token with id 12345\nUsage: vixshield token revoke "), "\(revoke.err)")
        #expect(revoke.err.hasSuffix("  See 'vixshield token revoke --help' for more information.\n"))
    }

    @Test func badInputExitsNonZeroWithOneLine() throws {
        let file = TestScratch.file("bad", extension: "csv")
        try "S,K,T,r,q,sigma,type\n2700,2650,0.1,0.02,0.018,0.16,P\n2700,2650,0.1,0.02,0.018,oops,P\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try run(["price", "--model", "bsm", "--input", file.path])
        #expect(result.status != 0)
        #expect(result.out.isEmpty)  // all-or-nothing: no partial output
        #expect(result.err == "error: \(file.path):3: field 'sigma': not a number: 'oops'\n")
    }

    @Test func unknownModelIsRejectedByTheParser() throws {
        let result = try run(["price", "--model", "heston", "--input", "x.csv"])
        #expect(result.status != 0)
        #expect(result.err.contains("heston"))
    }
}
