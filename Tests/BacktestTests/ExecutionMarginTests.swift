import Strategy
import MarketData
import Testing
@testable import Backtest

/// Condor max-loss margin (equal and unequal wings), futures margin, long options, and the
/// free-capital check.
@Suite struct ExecutionMarginTests {
    let margin = StandardMargin()

    @Test func condorWithEqualWings() {
        // 1 × 2300/2350/2550/2600 for 2.10: 50 · 100 − 210 = 4,790.
        let position = MarginPosition.condor(longPut: 2300, shortPut: 2350, shortCall: 2550, longCall: 2600, quantity: 1, credit: 2.10)
        #expect(position == .shortIronCondor(putWidth: 50, callWidth: 50, quantity: 1, credit: 2.10))
        #expect(margin.initialMargin(for: position) == 4_790)
        #expect(margin.initialMargin(for: .shortIronCondor(putWidth: 25, callWidth: 25, quantity: 10, credit: 1.00)) == 24_000)
    }

    @Test func condorWithUnequalWingsUsesTheWiderWing() {
        // 2 × 2300/2350/2550/2620 for 1.85: max(50, 70) · 100 · 2 − 370 = 13,630.
        let callWider = MarginPosition.condor(longPut: 2300, shortPut: 2350, shortCall: 2550, longCall: 2620, quantity: 2, credit: 1.85)
        #expect(margin.initialMargin(for: callWider) == 13_630)
        // The mirror image (put wing wider) needs the same.
        let putWider = MarginPosition.condor(longPut: 2280, shortPut: 2350, shortCall: 2550, longCall: 2600, quantity: 2, credit: 1.85)
        #expect(margin.initialMargin(for: putWider) == 13_630)
        // Not the sum of both wings, and not the narrower one.
        #expect(margin.initialMargin(for: callWider) != (50 + 70) * 100 * 2 - 370)
        #expect(margin.initialMargin(for: callWider) != 50 * 100 * 2 - 370)
    }

    @Test func condorMarginNeverBelowZero() {
        #expect(margin.initialMargin(for: .shortIronCondor(putWidth: 5, callWidth: 5, quantity: 1, credit: 6)) == 0)
        #expect(margin.initialMargin(for: .shortIronCondor(putWidth: 5, callWidth: 5, quantity: 1, credit: 5)) == 0)
    }

    @Test func futuresAndLongOptions() throws {
        #expect(margin.initialMargin(for: .vixFutures(contracts: 3)) == 24_000)
        #expect(margin.initialMargin(for: .vixFutures(contracts: -3)) == 24_000)
        #expect(StandardMargin(vixFutureInitialMargin: 12_500).initialMargin(for: .vixFutures(contracts: 2)) == 25_000)
        #expect(margin.initialMargin(for: .longOptions(contracts: 40)) == 0)
        try margin.validate()
        #expect(throws: ExecutionError.self) { try StandardMargin(vixFutureInitialMargin: -1).validate() }
    }

    @Test func acceptsWhenMarginPremiumAndFeesFitTheFreeCash() {
        let condor = MarginPosition.condor(longPut: 2300, shortPut: 2350, shortCall: 2550, longCall: 2620, quantity: 2, credit: 1.85)
        let fees = PerContractFees().fees(contracts: 8, instrument: .spxOption)
        #expect(margin.checkAvailableCapital(for: condor, premiumPaid: 0, fees: fees, freeCash: Cents(dollars: 20_000))
            == .accepted(required: Cents(dollars: 13_640.48), freeCashAfter: Cents(dollars: 6_359.52)))
        // Exactly enough is enough.
        #expect(margin.checkAvailableCapital(for: condor, premiumPaid: 0, fees: fees, freeCash: Cents(dollars: 13_640.48)).isAccepted)
        // A long call ladder: premium only.
        #expect(margin.checkAvailableCapital(for: .longOptions(contracts: 10), premiumPaid: 1_250, fees: 11, freeCash: Cents(dollars: 1_261))
            == .accepted(required: Cents(dollars: 1_261), freeCashAfter: .zero))
    }

    @Test func rejectsWithAReasonWhenCapitalIsInsufficient() {
        let condor = MarginPosition.condor(longPut: 2300, shortPut: 2350, shortCall: 2550, longCall: 2620, quantity: 2, credit: 1.85)
        let check = margin.checkAvailableCapital(for: condor, premiumPaid: 0, fees: 10.48, freeCash: Cents(dollars: 13_640.47))
        #expect(!check.isAccepted)
        #expect(check == .rejected(reason:
            "insufficient capital: margin $13,630.00 + premium $0.00 + fees $10.48 = $13,640.48 exceeds free cash $13,640.47 by $0.01"))
        // Futures: 2 × $8,000 margin does not fit in $15,000.
        guard case let .rejected(reason) = margin.checkAvailableCapital(for: .vixFutures(contracts: 2), premiumPaid: 0, fees: 5.40, freeCash: Cents(dollars: 15_000)) else {
            Issue.record("futures order should be rejected")
            return
        }
        #expect(reason.contains("margin $16,000.00"))
        #expect(reason.contains("exceeds free cash $15,000.00 by $1,005.40"))
        // Invalid inputs are refused, not silently netted.
        #expect(!margin.checkAvailableCapital(for: .longOptions(contracts: 1), premiumPaid: -5, freeCash: Cents(dollars: 1_000)).isAccepted)
        let model: any MarginModel = margin
        #expect(!model.checkAvailableCapital(for: .longOptions(contracts: 1), premiumPaid: 2_000, freeCash: Cents(dollars: 1_000)).isAccepted)
    }
}
