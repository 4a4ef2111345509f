/// How much cash a position locks up beyond its premium.
///
/// Why a protocol: margin decides whether the strategy can afford a trade at all (and so how
/// large it can be); brokers' and exchanges' requirements differ and change, so the rule is an
/// explicit, swappable assumption. Default: ``StandardMargin``.
///
/// Units: dollars, ≥ 0.
public protocol MarginModel: Sendable {
    /// Initial margin in dollars required to open (and hold) `position`, in addition to any
    /// premium paid.
    func initialMargin(for position: MarginPosition) -> Double
}
