import MarketData
import Strategy
import VolModels

/// What every variant of a backtest sees on one session, built once from the store as of
/// that session's close: the inputs (with the trailing VIX closes the hedge planner ranks
/// against), the calibrated SPX model, the calibrated VIX complex and its chain. Nothing here
/// depends on the ruleset.
///
/// A class, immutable once built: every run reads its session's day on every step, and copying
/// the struct it was retained each of its dozens of references (about 3% of a sweep).
final class MarketDay: Sendable {
    let inputs: MarketInputs
    let model: SPXMarketModel
    /// A failure is kept, not thrown: only runs that trade VIX options need the chain (an
    /// unhedged baseline must not fail because a VIX chain could not be generated). Built on
    /// first read (the same sheet, or the same failure, as when built with the day): a
    /// comparison builds the sheets ahead of the strategy on the replicas' core
    /// (`MarketTimeline.prepareSessions`) instead of before the replay starts.
    var vixChain: Result<VIXQuoteSheet, any Error> { vixSheet.value }
    private let vixSheet: OnceCell<Result<VIXQuoteSheet, any Error>>
    /// Whether the sheet (or its failure) has been built yet (for tests).
    var hasBuiltVIXSheet: Bool { vixSheet.isComputed }
    /// The day's calibrated VIX complex (futures curve and VVIX-calibrated smile) that the
    /// chain was generated from and that hedge fills and marks price on.
    let vixComplex: Result<VIXComplex, any Error>
    /// The hedge planner's answers about this session's trailing closes, shared by every run on
    /// the timeline (a sweep's variants ask the same of the same closes).
    let hedgeMemo = HedgeSessionMemo()
    /// The VIX calls' model prices on this session's complex, shared likewise.
    let callMarks = SharedMemo<HedgePricing.CallMarkKey, Double>()

    convenience init(store: some MarketDataStore, calendar: TradingCalendar, date: MarketDate, parameters: ChainModelParameters) throws {
        let inputs = try MarketInputs.load(store, date: date)
        self.init(
            inputs: inputs, model: try SPXMarketModel.forDate(store, inputs: inputs, calendar: calendar, parameters: parameters),
            vixComplex: Self.calibrateVIX(inputs: inputs, calendar: calendar, parameters: parameters), calendar: calendar, parameters: parameters)
    }

    /// The day from its calibrated models (fresh or read from the timeline cache): the VIX chain
    /// is generated from the complex here (on first read), the one place it is.
    init(
        inputs: MarketInputs, model: SPXMarketModel, vixComplex: Result<VIXComplex, any Error>, calendar: TradingCalendar,
        parameters: ChainModelParameters
    ) {
        self.inputs = inputs
        self.model = model
        self.vixComplex = vixComplex
        vixSheet = OnceCell {
            vixComplex.flatMap { vix in Result { try VIXChainGenerator.sheet(vix: vix, inputs: inputs, calendar: calendar, parameters: parameters) } }
        }
    }

    /// The day's VIX complex calibrated to its inputs; a failure is kept (see `vixComplex`).
    static func calibrateVIX(inputs: MarketInputs, calendar: TradingCalendar, parameters: ChainModelParameters) -> Result<VIXComplex, any Error> {
        Result { try VIXComplex.calibrate(inputs: inputs, calendar: calendar, parameters: parameters) }
    }
}
