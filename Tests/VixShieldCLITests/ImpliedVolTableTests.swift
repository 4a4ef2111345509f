import MarketData
import QuantCore
import Testing
@testable import VixShieldCLI

@Suite struct ImpliedVolTableTests {
    @Test func statusesAndRoundTrip() throws {
        let price = try Black76.price(.call, forward: 16.5, strike: 20, time: 0.1, rate: 0.02, volatility: 0.9)
        let input = """
            F,K,T,r,price,type
            16.5,20,0.1,0.02,\(formatNumber(price)),C
            16.5,20,0.1,0.02,0,C
            16.5,20,0.1,0.02,17,C
            20,16.5,0.1,0.02,1,C
            16.5,20,0,0.02,1,C
            16.5,20,0.1,0.02,nan,P
            """
        let output = try ImpliedVolTable.run(model: .black76, table: CSVTable(text: input, file: "q.csv"))
        let rows = output.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows[0] == ["F", "K", "T", "r", "price", "type", "iv", "status"])
        #expect(rows[1][7] == "ok")
        #expect(relativeError(Double(rows[1][6])!, 0.9) <= 1e-13)
        #expect(rows[2][6...] == ["", "zero_price"])
        #expect(rows[3][6...] == ["", "above_max"])
        #expect(rows[4][6...] == ["", "below_intrinsic"])
        #expect(rows[5][6...] == ["", "zero_time"])
        #expect(rows[6][6...] == ["", "price_not_finite"])
    }

    @Test func bsmColumnsAndInvalidMarketInputIsAnError() throws {
        let input = "S,K,T,r,q,price,type\n2700,-5,0.1,0.02,0.018,3,P\n"
        #expect(throws: InputError(file: "q.csv", line: 2, field: "K", message: "K must be > 0 (got -5.0)")) {
            try ImpliedVolTable.run(model: .bsm, table: CSVTable(text: input, file: "q.csv"))
        }
        let price = try BlackScholesMerton.price(.put, spot: 2700, strike: 2600, time: 0.1, rate: 0.02, dividendYield: 0.018, volatility: 0.2)
        let ok = "S,K,T,r,q,price,type\n2700,2600,0.1,0.02,0.018,\(formatNumber(price)),P\n"
        let output = try ImpliedVolTable.run(model: .bsm, table: CSVTable(text: ok, file: "q.csv"))
        let cells = output.split(separator: "\n")[1].split(separator: ",").map(String.init)
        #expect(cells[8] == "ok")
        #expect(relativeError(Double(cells[7])!, 0.2) <= 1e-13)
    }
}
