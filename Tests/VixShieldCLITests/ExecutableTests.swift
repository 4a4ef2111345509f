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
