import Strategy
import MarketData
/// The default margin rules:
///
/// - Short iron condor (defined risk): its maximum loss, rounded to the cent,
///   max(put width, call width) · 100 · quantity − credit · 100 · quantity, never below 0.
///   Only one side can finish in the money, so the wider wing is what is at risk; the credit
///   received offsets it (as with US brokers' defined-risk spread rules).
///   E.g. 2 × 2300/2350/2550/2620 for 1.85: max(50, 70) · 100 · 2 − 370 = $13,630.
/// - VIX futures: `vixFutureInitialMargin` per contract, long or short. ASSUMPTION: $8,000
///   default, of the order of exchange/broker requirements in calm markets (they are raised in
///   stress — set a higher value to test that).
/// - Long options: 0 (the premium paid is the whole risk and is paid in cash).
public struct StandardMargin: MarginModel, Codable, Equatable {
    /// SPX option multiplier: dollars per index point per contract.
    public static let optionMultiplier = 100.0

    /// Dollars of initial margin per VIX futures contract (assumed, default $8,000).
    public var vixFutureInitialMargin: Double

    public init(vixFutureInitialMargin: Double = 8_000) {
        self.vixFutureInitialMargin = vixFutureInitialMargin
    }

    public func initialMargin(for position: MarginPosition) -> Double {
        switch position {
        case let .shortIronCondor(putWidth, callWidth, quantity, credit):
            // In cents, so that e.g. 1.85 · 100 is exactly $185 and the result exact to the cent.
            let contracts = abs(quantity)
            let atRisk = Cents(dollars: max(putWidth, callWidth) * Self.optionMultiplier) * contracts
            let received = Cents(dollars: credit * Self.optionMultiplier) * contracts
            return max(atRisk - received, .zero).dollars
        case let .vixFutures(contracts):
            return Double(abs(contracts)) * vixFutureInitialMargin
        case .longOptions:
            return 0
        }
    }

    /// - Throws: `ExecutionError` (`margin.vix_future_initial_margin`) unless finite and ≥ 0.
    public func validate() throws(ExecutionError) {
        guard vixFutureInitialMargin.isFinite, vixFutureInitialMargin >= 0 else {
            throw ExecutionError(parameter: "margin.vix_future_initial_margin", reason: "must be finite and ≥ 0 (got \(vixFutureInitialMargin))")
        }
    }
}
