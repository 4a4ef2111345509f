/// A position (or order) whose initial margin is asked of a ``MarginModel``.
///
/// Units: widths and credit in index points (per condor, before the ×100 multiplier);
/// quantities in contracts (condors for `shortIronCondor`).
public enum MarginPosition: Sendable, Equatable {
    /// A short iron condor: put width = short put − long put, call width = long call − short
    /// call (wings may differ), `quantity` condors, `credit` received per condor.
    case shortIronCondor(putWidth: Double, callWidth: Double, quantity: Int, credit: Double)
    /// VIX futures, long or short (the sign is ignored: margin is per contract either way).
    case vixFutures(contracts: Int)
    /// Long options (bought outright, or the long side of a fully paid debit spread).
    case longOptions(contracts: Int)

    /// A short iron condor from its four strikes (index points), long put < short put <
    /// short call < long call.
    public static func condor(
        longPut: Double, shortPut: Double, shortCall: Double, longCall: Double, quantity: Int, credit: Double
    ) -> MarginPosition {
        .shortIronCondor(putWidth: shortPut - longPut, callWidth: longCall - shortCall, quantity: quantity, credit: credit)
    }
}
