/// One regime voter: reads point-in-time data through a `VoterInput` and casts one vote with
/// its evidence. A voter whose data is missing or stale abstains (it never invents values);
/// `read` throws only when the store itself fails.
public protocol RegimeVoter: Sendable {
    /// Stable snake_case name, e.g. `vix_macd`.
    var name: String { get }
    /// The series (store symbols) it reads, for the evidence trail.
    var uses: [String] { get }
    func read(_ input: VoterInput) throws -> VoterReading
}

extension RegimeVoter {
    /// A reading with a vote and its numeric evidence (non-finite values are dropped, so a
    /// reading always encodes to JSON).
    func reading(_ vote: Vote, _ reason: String, _ values: [String: Double]) -> VoterReading {
        VoterReading(voter: name, uses: uses, values: values.filter { $0.value.isFinite }, vote: vote, reason: reason)
    }

    /// An abstention with the reason (which data was missing or stale).
    func abstain(_ reason: String, _ values: [String: Double] = [:]) -> VoterReading {
        reading(.abstain, reason, values)
    }
}

/// The shipped voters, in the fixed order they appear in every decision.
public enum RegimeVoters {
    /// Market voters: they see a sharp VIX fall / SPX rise (relief) or a spike (stress).
    public static let marketVoters = ["vix_macd", "vix_rsi", "vix_term_structure", "headline_relief", "spx_trend", "realized_vs_implied"]
    /// Confirmation voters: their real_resolution votes confirm a relief rally.
    public static let confirmationVoters = ["breadth_macd", "credit_spread", "inflation_trend", "gdp_trend"]
    /// Other macro voters (stress or calm only).
    public static let macroVoters = ["rate_differential", "dollar_trend"]
    /// All twelve names, in decision order.
    public static let names = marketVoters + confirmationVoters + macroVoters

    /// The twelve voters configured by `rules`, in the order of `names`.
    public static func standard(_ rules: RegimeRules) -> [any RegimeVoter] {
        [
            VIXMACDVoter(), VIXRSIVoter(), VIXTermStructureVoter(), HeadlineReliefVoter(rules: rules), SPXTrendVoter(),
            RealizedVsImpliedVoter(), BreadthMACDVoter(rules: rules), CreditSpreadVoter(), InflationTrendVoter(), GDPTrendVoter(),
            RateDifferentialVoter(), DollarTrendVoter(),
        ]
    }
}
