import MarketData

/// An order a rule refused, typed and recorded (a failure, by contrast, is an error that stops
/// the command naming the date and cause). `kind` is stable for scripts; `reason` says why in
/// words, with the numbers.
public struct Refusal: Sendable, Codable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// The condor planner found no trade under the rules (no expiry in the DTE window, no
        /// strike in the delta band, no wing, no credit, the regime skips condors).
        case noCondor = "no_condor"
        /// Not one condor fits the risk budget (capital too small).
        case capitalTooSmall = "capital_too_small"
        /// The condor's credit after the fill model is not positive.
        case condorCredit = "condor_credit"
        /// The condor's margin plus fees exceed free cash.
        case insufficientCash = "insufficient_cash"
        /// A hedge order the capital check (premium or margin plus fees within free cash) or the
        /// cover rule refused.
        case hedgeOrder = "hedge_order"
        /// The hedge planner found no instrument its rules allow on the day's chain.
        case noHedgePlan = "no_hedge_plan"
        /// The instrument did not trade yet on that date (VIX futures 2004-03-26, options 2006-02-24).
        case notListed = "not_listed"
        /// An index replica could not roll (no strike near its deltas, no credit, no chain).
        case replicaRoll = "replica_roll"
        /// A roll or settlement made later than its date because that session is missing.
        case late = "late"
    }

    public var date: MarketDate
    public var kind: Kind
    public var reason: String

    public init(date: MarketDate, kind: Kind, reason: String) {
        self.date = date
        self.kind = kind
        self.reason = reason
    }

    /// `date: reason`, as the report prints it.
    public var description: String { "\(date): \(reason)" }
}
