/// What the hedge planner works out from a session's trailing histories alone (whether every
/// close is positive and finite; the trailing percentiles of the cheapness test), kept for
/// every run that plans on the same session: a sweep's variants and a frontier's points ask the
/// same questions of the same closes on every session (about a twelfth of a sweep's CPU).
///
/// Answers are keyed by the history's storage (address and count), and each answer retains the
/// history it came from, so a recorded address cannot be reused by other values: the same
/// storage is the same closes. A history the caller changed is a new storage (copy on write), a
/// new key, computed afresh. The answers come from the planner's own functions
/// (`HedgeInputs.allPositiveFinite`, `TrailingPercentile.value`), so a memo changes no number,
/// and the planner without one (`signal`) computes the same.
public final class HedgeSessionMemo: Sendable {
    private struct History: Hashable {
        let address: UInt
        let count: Int
    }

    private struct Percentile: Hashable {
        let history: History
        let percentile: UInt64
        let lookback: Int
    }

    /// Each answer keeps the history it was computed from: while the entry exists its storage
    /// cannot be freed, so its address cannot come back holding other closes.
    private let checked = SharedMemo<History, (history: [Double], answer: Bool)>()
    private let percentiles = SharedMemo<Percentile, (history: [Double], answer: Double?)>()

    public init() {}

    /// How many answers are kept (for tests).
    var answers: Int { checked.count + percentiles.count }

    /// The key of a non-empty history; nil for an empty one (nothing worth keeping).
    private func key(_ values: [Double]) -> History? {
        guard let base = values.withUnsafeBufferPointer({ $0.baseAddress }) else { return nil }
        return History(address: UInt(bitPattern: base), count: values.count)
    }

    func allPositiveFinite(_ values: [Double]) -> Bool {
        guard let key = key(values) else { return HedgeInputs.allPositiveFinite(values) }
        return checked.value(key) { (values, HedgeInputs.allPositiveFinite(values)) }.answer
    }

    func trailingPercentile(_ values: [Double], percentile p: Double, lookback: Int) -> Double? {
        guard let history = key(values) else { return TrailingPercentile.value(values, percentile: p, lookback: lookback) }
        let key = Percentile(history: history, percentile: p.bitPattern, lookback: lookback)
        return percentiles.value(key) { (values, TrailingPercentile.value(values, percentile: p, lookback: lookback)) }.answer
    }

    /// Answers now what `HedgePlanner.plan` asks of a session's VIX history under `rules` (the
    /// history check and layer 2's cheapness percentile), so that a core with time to spare can
    /// work them out before the planner reaches the session (a backtest's comparison does, on
    /// the replicas' core). The answers are the ones the planner would compute; asking early
    /// changes no number, and a question the planner does not ask only costs its time.
    public func prepare(vixHistory: [Double], rules: HedgeRules) {
        // Rules the planner would refuse (`HedgeRules.validate` requires a percentile in [0, 1]
        // and a lookback ≥ 1) are asked nothing here: a NaN or infinite percentile would stop
        // the process converting its rank to an index, one outside [0, 1] would read outside the
        // window, and a lookback below 1 has no percentile (so its history check goes unasked too).
        guard (0...1).contains(rules.cheapPercentile), rules.cheapLookback >= 1 else { return }
        _ = allPositiveFinite(vixHistory)
        _ = trailingPercentile(vixHistory, percentile: rules.cheapPercentile, lookback: rules.cheapLookback)
    }
}
