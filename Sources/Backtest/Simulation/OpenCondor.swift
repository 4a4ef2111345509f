import MarketData
import QuantCore
import Strategy
import VolModels

/// The condor currently held, with what it was opened for.
struct OpenCondor {
    var condor: IronCondor
    var opened: MarketDate
    /// Entry credit in index points per condor after the fill model.
    var credit: Double
    /// Fees paid at entry, dollars.
    var entryFees: Double
    /// Each leg's fill price at entry (index points), in `IronCondor.signedLegs` order.
    var legPrices: [Double]
}
