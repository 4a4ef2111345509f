import MarketData
/// The answer to "can the book afford this order?".
///
/// Why: a backtest that trades beyond its cash overstates returns; an order that does not fit
/// must be refused with a reason the report can show.
/// Units: cents.
public enum CapitalCheck: Equatable, Sendable {
    /// The order fits: `required` = margin + premium paid + fees; `freeCashAfter` = free cash −
    /// required.
    case accepted(required: Cents, freeCashAfter: Cents)
    /// The order does not fit, with the figures in the reason.
    case rejected(reason: String)

    public var isAccepted: Bool {
        if case .accepted = self { return true }
        return false
    }
}

extension MarginModel {
    /// Accepts the order when margin + premium paid + fees ≤ free cash, else rejects it with a
    /// reason. The comparison is made in cents (each dollar amount rounded to the cent), so an
    /// order that exactly uses the free cash is accepted.
    ///
    /// - Parameters:
    ///   - position: the order's position, for ``initialMargin(for:)``.
    ///   - premiumPaid: debit paid in dollars, ≥ 0 (0 for a credit trade: a condor's credit is
    ///     already netted in its margin).
    ///   - fees: the order's fees in dollars, ≥ 0.
    ///   - freeCash: cash not already committed as margin (cents).
    public func checkAvailableCapital(
        for position: MarginPosition, premiumPaid: Double, fees: Double = 0, freeCash: Cents
    ) -> CapitalCheck {
        guard premiumPaid.isFinite, premiumPaid >= 0, fees.isFinite, fees >= 0 else {
            return .rejected(reason: "invalid order: premium paid \(premiumPaid) and fees \(fees) must be finite and ≥ 0 dollars")
        }
        let margin = Cents(dollars: initialMargin(for: position))
        let premium = Cents(dollars: premiumPaid)
        let fee = Cents(dollars: fees)
        let required = margin + premium + fee
        guard required <= freeCash else {
            return .rejected(
                reason: "insufficient capital: margin \(margin) + premium \(premium) + fees \(fee) = \(required)"
                    + " exceeds free cash \(freeCash) by \(required - freeCash)")
        }
        return .accepted(required: required, freeCashAfter: freeCash - required)
    }
}
