import QuantCore

extension IronCondor {
    /// The four legs as (option type, strike, +1 long / −1 short), long put first.
    public var signedLegs: [(type: OptionType, strike: Double, sign: Double)] {
        [(.put, longPut, 1), (.put, shortPut, -1), (.call, shortCall, -1), (.call, longCall, 1)]
    }
}
