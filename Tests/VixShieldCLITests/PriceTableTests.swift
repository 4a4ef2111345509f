import MarketData
import QuantCore
import Testing
@testable import VixShieldCLI

@Suite struct PriceTableTests {
    @Test func bsmOutputsInputColumnsThenGreeksAt17Digits() throws {
        let input = """
            id,S,K,T,r,q,sigma,type
            a,2700,2650,0.0821917808219178,0.02,0.018,0.16,P
            b,2700,2800,0.0821917808219178,0.02,0.018,0.14,C
            """
        let output = try PriceTable.run(model: .bsm, table: CSVTable(text: input, file: "chain.csv"))
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines[0] == "id,S,K,T,r,q,sigma,type,price,delta,gamma,vega,theta,rho")
        #expect(lines.count == 3)
        let cells = lines[1].split(separator: ",").map(String.init)
        #expect(Array(cells[0..<8]) == ["a", "2700", "2650", "0.0821917808219178", "0.02", "0.018", "0.16", "P"])
        let expected = try BlackScholesMerton.value(.put, spot: 2700, strike: 2650, time: 0.0821917808219178, rate: 0.02, dividendYield: 0.018, volatility: 0.16)
        let printed = cells[8...].map { Double($0)! }
        // 17 significant digits round-trip every double exactly.
        let expectedNumbers = [expected.price, expected.delta, expected.gamma, expected.vega, expected.theta, expected.rho]
        for (got, want) in zip(printed, expectedNumbers) {
            #expect(got.bitPattern == want.bitPattern)
        }
        #expect(cells[8].filter(\.isNumber).count >= 16)
    }

    @Test func black76ReadsForwardColumns() throws {
        let input = "F,K,T,r,sigma,type\n16.5,20,0.1,0.02,0.9,C\n"
        let output = try PriceTable.run(model: .black76, table: CSVTable(text: input, file: "vix.csv"))
        let cells = output.split(separator: "\n")[1].split(separator: ",").map(String.init)
        let expected = try Black76.price(.call, forward: 16.5, strike: 20, time: 0.1, rate: 0.02, volatility: 0.9)
        #expect(Double(cells[6])!.bitPattern == expected.bitPattern)
    }

    @Test func badInputNamesFileLineAndField() throws {
        func message(_ text: String, _ model: PricingModel = .bsm) -> String? {
            do {
                _ = try PriceTable.run(model: model, table: CSVTable(text: text, file: "in.csv"))
                return nil
            } catch { return error.description }
        }
        let header = "S,K,T,r,q,sigma,type\n"
        let good = "2700,2650,0.1,0.02,0.018,0.16,P\n"
        #expect(message("S,K,T,r,q,type\n2700,2650,0.1,0.02,0.018,P\n") == "in.csv:1: field 'sigma': missing column (found: S,K,T,r,q,type)")
        #expect(message(header + good + "2700,2650,abc,0.02,0.018,0.16,P\n") == "in.csv:3: field 'T': not a number: 'abc'")
        #expect(message(header + good + "2700,2650,0.1,0.02,0.018,-0.2,C\n") == "in.csv:3: field 'sigma': sigma must be >= 0 (got -0.2)")
        #expect(message(header + "2700,2650,0.1,0.02,0.018,0.2,X\n") == "in.csv:2: field 'type': unknown option type 'x', expected C or P")
        #expect(message(header + "2700,2650,0.1,0.02,0.018,0.2\n") == "in.csv:2: expected 7 cells as in the header, found 6")
        #expect(message(header + "2700,,0.1,0.02,0.018,0.2,C\n") == "in.csv:2: field 'K': empty cell, expected a number")
        #expect(message(header + "-5,100,0.1,0.02,0.018,0.2,C\n") == "in.csv:2: field 'S': S must be > 0 (got -5.0)")
        #expect(message("") == "in.csv: empty file: no header row")
    }

    @Test func crlfAndQuotedCellsAreAccepted() throws {
        let input = "S,K,T,r,q,sigma,type,note\r\n2700,2650,0.1,0.02,0.018,0.16,P,\"a, quoted \"\"note\"\"\"\r\n"
        let output = try PriceTable.run(model: .bsm, table: CSVTable(text: input, file: "in.csv"))
        #expect(output.split(separator: "\n").count == 2)
        // The passed-through cell is re-quoted, so the output row parses back to the same shape.
        let reparsed = try CSVTable(text: output, file: "out.csv")
        #expect(reparsed.rows[0].cells[7] == "a, quoted \"note\"")
        #expect(reparsed.rows[0].cells.count == reparsed.header.count)
        #expect(throws: InputError(file: "bad.csv", line: 2, message: "unexpected text after the closing quote of cell 1")) {
            try CSVTable(text: "a,b\n\"x\"y,1\n", file: "bad.csv")
        }
    }
}
