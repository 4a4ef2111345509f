import MarketData
import QuantCore

/// Why a condor could not be built, planned or evaluated.
public enum CondorError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An `IronCondor` field out of its domain (strike order, widths, quantity, credit).
    case invalidCondor(field: String, reason: String)
    /// A planner or management input out of its domain (capital, chain/model mismatch).
    case invalidInput(field: String, reason: String)
    /// The rules failed validation.
    case invalidRules(RulesetError)
    /// No listed expiry has its days to expiry inside [minDTE, maxDTE].
    case noExpiryInWindow(date: MarketDate, minDTE: Int, maxDTE: Int)
    /// No listed strike of that side has its |Δ| inside the band; `closestDelta` is the listed
    /// |Δ| nearest to the band (nil when the side lists no strike at all).
    case noShortStrikeInBand(side: OptionType, expiry: MarketDate, band: ClosedRange<Double>, closestDelta: Double?)
    /// No listed strike beyond the short strike for the long wing.
    case noWingStrike(side: OptionType, expiry: MarketDate, shortStrike: Double)
    /// The natural credit (shorts at bid, longs at ask) is not positive.
    case nonPositiveCredit(expiry: MarketDate, credit: Double)
    /// Not even one contract fits the risk budget.
    case capitalTooSmall(capital: Double, riskBudget: Double, maxLossPerContract: Double)
    /// The rules open no condor in this regime (stress with `stress_action = skip`).
    case skippedInRegime(Regime)

    public var description: String {
        switch self {
        case .invalidCondor(let field, let reason): "invalid iron condor: \(field) \(reason)"
        case .invalidInput(let field, let reason): "invalid condor input: \(field) \(reason)"
        case .invalidRules(let error): error.description
        case .noExpiryInWindow(let date, let lo, let hi): "no listed SPX expiry \(lo)-\(hi) days after \(date)"
        case .noShortStrikeInBand(let side, let expiry, let band, let closest):
            "no \(side == .put ? "put" : "call") strike of \(expiry) with |delta| in [\(band.lowerBound), \(band.upperBound)]"
                + (closest.map { " (closest \($0))" } ?? " (no strikes listed)")
        case .noWingStrike(let side, let expiry, let strike):
            "no listed \(side == .put ? "put" : "call") strike of \(expiry) beyond the short strike \(strike) for the wing"
        case .nonPositiveCredit(let expiry, let credit): "natural credit \(credit) of the \(expiry) condor is not positive"
        case .capitalTooSmall(let capital, let budget, let perContract):
            "capital too small: capital \(capital) gives a risk budget of \(budget), below the max loss of one contract \(perContract)"
        case .skippedInRegime(let regime): "no condor is opened in the \(regime.rawValue) regime"
        }
    }
}
