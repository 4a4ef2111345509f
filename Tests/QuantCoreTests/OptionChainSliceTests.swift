import Testing
@testable import QuantCore

@Suite struct OptionChainSliceTests {
    @Test func batchEqualsScalarBitForBit() throws {
        let strikes = stride(from: 1500.0, through: 4000, by: 5).map { $0 }
        let types = strikes.indices.map { $0 % 2 == 0 ? OptionType.call : .put }
        let vols = strikes.map { 0.12 + 0.25 * abs($0 - 2700) / 1300 }
        let slice = try OptionChainSlice(types: types, strikes: strikes, volatilities: vols)
        var output = OptionValuationColumns()
        try BlackScholesMerton.value(slice, spot: 2700, time: 30.0 / 365, rate: 0.02, dividendYield: 0.018, into: &output)
        #expect(output.price.count == strikes.count)
        for index in strikes.indices {
            let v = try BlackScholesMerton.value(types[index], spot: 2700, strike: strikes[index], time: 30.0 / 365, rate: 0.02, dividendYield: 0.018, volatility: vols[index])
            #expect(output.price[index].bitPattern == v.price.bitPattern)
            #expect(output.delta[index].bitPattern == v.delta.bitPattern)
            #expect(output.gamma[index].bitPattern == v.gamma.bitPattern)
            #expect(output.vega[index].bitPattern == v.vega.bitPattern)
            #expect(output.theta[index].bitPattern == v.theta.bitPattern)
            #expect(output.rho[index].bitPattern == v.rho.bitPattern)
        }
    }

    @Test func invalidEntriesAreNamed() {
        #expect(throws: PricingError.notPositive(field: "K[1]", value: 0)) {
            try OptionChainSlice(types: [.call, .put], strikes: [100, 0], volatilities: [0.2, 0.2])
        }
        #expect(throws: PricingError.negative(field: "sigma[0]", value: -0.1)) {
            try OptionChainSlice(types: [.call], strikes: [100], volatilities: [-0.1])
        }
        var output = OptionValuationColumns()
        #expect(throws: PricingError.notPositive(field: "S", value: -1)) {
            try BlackScholesMerton.value(
                try OptionChainSlice(types: [.call], strikes: [100], volatilities: [0.2]),
                spot: -1, time: 1, rate: 0, dividendYield: 0, into: &output)
        }
    }
}
