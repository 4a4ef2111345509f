import Strategy
import MarketData
import Testing
@testable import Backtest

/// Per-contract fees by instrument (the stated default assumptions).
@Suite struct ExecutionFeeTests {
    @Test func defaultRatesPerInstrument() {
        let fees = PerContractFees()
        #expect(fees.fees(contracts: 1, instrument: .spxOption) == 1.31)  // 0.65 + 0.66
        #expect(fees.fees(contracts: 1, instrument: .vixOption) == 1.10)  // 0.65 + 0.45
        #expect(fees.fees(contracts: 1, instrument: .vixFuture) == 2.70)  // 1.50 + 1.20
        #expect(fees.fees(contracts: 0, instrument: .spxOption) == 0)
    }

    @Test func scaleWithContractsExactlyToTheCent() {
        let fees = PerContractFees()
        // A 2-lot iron condor has 8 SPX option contracts to open.
        #expect(fees.fees(contracts: 8, instrument: .spxOption) == 10.48)
        #expect(fees.feeCents(contracts: 8, instrument: .spxOption) == Cents(cents: 1_048))
        #expect(fees.fees(contracts: 3, instrument: .spxOption) == 3.93)  // not 3.9300000000000006
        #expect(fees.fees(contracts: 10, instrument: .vixOption) == 11.00)
        // Selling (negative quantity) costs the same as buying.
        #expect(fees.fees(contracts: -4, instrument: .vixFuture) == 10.80)
        #expect(fees.fees(contracts: -4, instrument: .vixFuture) == fees.fees(contracts: 4, instrument: .vixFuture))
    }

    @Test func overridesAndValidation() throws {
        let custom = PerContractFees(spxOption: .init(commission: 0, exchangeAndRegulatory: 0.60))
        #expect(custom.fees(contracts: 5, instrument: .spxOption) == 3.00)
        #expect(custom.fees(contracts: 1, instrument: .vixFuture) == 2.70)  // other defaults kept
        try PerContractFees().validate()
        let negative = PerContractFees(vixOption: .init(commission: -0.65, exchangeAndRegulatory: 0.45))
        #expect(throws: ExecutionError(parameter: "fees.vixOption.commission", reason: "must be finite and ≥ 0 (got -0.65)")) {
            try negative.validate()
        }
        let model: any FeeModel = PerContractFees()
        #expect(model.fees(contracts: 2, instrument: .vixOption) == 2.20)
    }
}
