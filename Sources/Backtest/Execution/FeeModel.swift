/// What it costs to trade, beyond the spread.
///
/// Why a protocol: fees differ by broker and change over time; the strategy trades many small
/// hedge orders whose fees are a material drag, so the assumption must be explicit and
/// swappable. Default: ``PerContractFees``.
///
/// Units: dollars, ≥ 0 (a cost; the ledger posts it negated as a `fee` entry).
public protocol FeeModel: Sendable {
    /// Total fees in dollars for `contracts` contracts (the magnitude is used: the sign of a
    /// position change does not change its cost).
    func fees(contracts: Int, instrument: InstrumentKind) -> Double
}
