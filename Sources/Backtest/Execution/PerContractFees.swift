import Strategy
import MarketData
/// Fees as a flat amount per contract per instrument: a broker commission plus exchange,
/// clearing and regulatory fees.
///
/// The defaults are ASSUMPTIONS typical of a US retail options/futures broker (they are not a
/// quote from any broker or exchange fee schedule; override them like ruleset parameters):
///
/// | instrument   | commission | exchange + regulatory | total / contract |
/// |--------------|-----------:|----------------------:|-----------------:|
/// | SPX option   |      $0.65 |                 $0.66 |            $1.31 |
/// | VIX option   |      $0.65 |                 $0.45 |            $1.10 |
/// | VIX future   |      $1.50 |                 $1.20 |            $2.70 |
///
/// Charged per contract traded, on opening and closing alike; nothing at cash settlement
/// (expiry). Units: dollars per contract.
public struct PerContractFees: FeeModel, Codable, Equatable {
    /// One instrument's per-contract charges (dollars per contract, ≥ 0).
    public struct Rate: Sendable, Codable, Equatable {
        public var commission: Double
        public var exchangeAndRegulatory: Double

        public init(commission: Double, exchangeAndRegulatory: Double) {
            self.commission = commission
            self.exchangeAndRegulatory = exchangeAndRegulatory
        }

        /// Commission + exchange/regulatory, rounded to the cent (dollars per contract).
        public var perContract: Cents { Cents(dollars: commission) + Cents(dollars: exchangeAndRegulatory) }
    }

    public var spxOption: Rate
    public var vixOption: Rate
    public var vixFuture: Rate

    /// The assumed defaults of the table above.
    public init(
        spxOption: Rate = Rate(commission: 0.65, exchangeAndRegulatory: 0.66),
        vixOption: Rate = Rate(commission: 0.65, exchangeAndRegulatory: 0.45),
        vixFuture: Rate = Rate(commission: 1.50, exchangeAndRegulatory: 1.20)
    ) {
        self.spxOption = spxOption
        self.vixOption = vixOption
        self.vixFuture = vixFuture
    }

    public func rate(_ instrument: InstrumentKind) -> Rate {
        switch instrument {
        case .spxOption: spxOption
        case .vixOption: vixOption
        case .vixFuture: vixFuture
        }
    }

    /// Exact fees in cents: |contracts| × the rounded per-contract total.
    public func feeCents(contracts: Int, instrument: InstrumentKind) -> Cents {
        rate(instrument).perContract * abs(contracts)
    }

    /// |contracts| × (commission + exchange/regulatory), in dollars (computed in cents, so
    /// e.g. 3 SPX contracts give exactly the `Double` nearest 3.93).
    public func fees(contracts: Int, instrument: InstrumentKind) -> Double {
        feeCents(contracts: contracts, instrument: instrument).dollars
    }

    /// - Throws: `ExecutionError` naming the first charge that is negative or not finite.
    public func validate() throws(ExecutionError) {
        for instrument in InstrumentKind.allCases {
            let rate = rate(instrument)
            for (name, value) in [("commission", rate.commission), ("exchange_and_regulatory", rate.exchangeAndRegulatory)] {
                guard value.isFinite, value >= 0 else {
                    throw ExecutionError(parameter: "fees.\(instrument.rawValue).\(name)", reason: "must be finite and ≥ 0 (got \(value))")
                }
            }
        }
    }
}
