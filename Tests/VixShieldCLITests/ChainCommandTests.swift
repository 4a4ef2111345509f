import Foundation
import Testing
import TestScratch

/// `vixshield chain` through the binary, on a temporary store seeded with the bundled data.
@Suite struct ChainCommandTests {
    let cli = ExecutableTests()

    @Test func writesModelledChainsAndSaysSo() throws {
        let directory = TestScratch.directory("chain")
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("s.sqlite").path
        let spx = try cli.run(["chain", "--db", db, "--date", "2018-02-05", "--underlying", "SPX", "--format", "optionsdx"])
        #expect(spx.status == 0, "\(spx.err)")
        #expect(spx.out.hasPrefix("[QUOTE_UNIXTIME], [QUOTE_READTIME], [QUOTE_DATE]"))
        #expect(spx.err.contains("Modelled prices"))
        // The output imports back into the store as a chain.
        let file = directory.appendingPathComponent("spx.csv")
        try spx.out.write(to: file, atomically: true, encoding: .utf8)
        let imported = try cli.run(["data", "import", "--db", db, "--kind", "chain-optionsdx", "--symbol", "SPX", file.path])
        #expect(imported.status == 0, "\(imported.err)")
        // With a chain stored for the date, the SPX surface is fitted to it and the fit reported.
        let refit = try cli.run(["chain", "--db", db, "--date", "2018-02-05", "--underlying", "spx"])
        #expect(refit.status == 0)
        #expect(refit.err.contains("surface fitted to the stored SPX chain"))
        // How much of the chain the fit rests on: far-wing quotes without a bid, or wider than
        // half their mid, are left out and counted.
        #expect(refit.err.contains(" strikes used; left out: "), "\(refit.err)")
        let vix = try cli.run(["chain", "--db", db, "--date", "2018-02-05", "--underlying", "VIX"])
        #expect(vix.status == 0)
        #expect(vix.out.hasPrefix("quote_date,underlying,expiry,years,forward,strike,type,bid,ask,mid,iv,delta,gamma,vega,theta,rho\n2018-02-05,VIX,2018-02-14,"))
    }

    @Test func clearErrorsForBadDatesAndConfigs() throws {
        let directory = TestScratch.directory("chain")
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("s.sqlite").path
        let weekend = try cli.run(["chain", "--db", db, "--date", "2018-02-04", "--underlying", "SPX"])
        #expect(weekend.status != 0)
        #expect(weekend.err.contains("no SPX close on 2018-02-04"))
        let config = directory.appendingPathComponent("bad.toml")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try "[surface]\nrho = 2\n".write(to: config, atomically: true, encoding: .utf8)
        let bad = try cli.run(["chain", "--db", db, "--date", "2018-02-05", "--underlying", "SPX", "--config", config.path])
        #expect(bad.status != 0)
        #expect(bad.err.contains("rho"))
    }
}
