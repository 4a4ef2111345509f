import Foundation

/// What the hedge planner works out from a session's trailing histories alone (whether every
/// close is positive and finite; the trailing percentiles of the cheapness test), kept for
/// every run that plans on the same session: a sweep's variants and a frontier's points ask the
/// same questions of the same closes on every session (about a twelfth of a sweep's CPU).
///
/// Answers are keyed by the history's storage (address and count), and the memo retains every
/// history it has seen, so a recorded address cannot be reused by other values: the same
/// storage is the same closes. A history the caller changed is a new storage (copy on write), a
/// new key, computed afresh. The answers come from the planner's own functions
/// (`HedgeInputs.allPositiveFinite`, `TrailingPercentile.value`), so a memo changes no number,
/// and the planner without one (`signal`) computes the same.
public final class HedgeSessionMemo: @unchecked Sendable {
    private struct History: Hashable {
        let address: UInt
        let count: Int
    }

    private struct Percentile: Hashable {
        let history: History
        let percentile: UInt64
        let lookback: Int
    }

    private let lock = NSLock()
    private var retained: [[Double]] = []
    private var seen: Set<History> = []
    private var checked: [History: Bool] = [:]
    private var percentiles: [Percentile: Double?] = [:]

    public init() {}

    /// The key of a non-empty history, retained; nil for an empty one (nothing worth keeping).
    private func key(_ values: [Double]) -> History? {
        guard let base = values.withUnsafeBufferPointer({ $0.baseAddress }) else { return nil }
        return History(address: UInt(bitPattern: base), count: values.count)
    }

    private func retain(_ values: [Double], _ key: History) {
        if seen.insert(key).inserted { retained.append(values) }
    }

    func allPositiveFinite(_ values: [Double]) -> Bool {
        guard let key = key(values) else { return HedgeInputs.allPositiveFinite(values) }
        lock.lock()
        if let known = checked[key] {
            lock.unlock()
            return known
        }
        lock.unlock()
        let answer = HedgeInputs.allPositiveFinite(values)
        lock.lock()
        retain(values, key)
        checked[key] = answer
        lock.unlock()
        return answer
    }

    func trailingPercentile(_ values: [Double], percentile p: Double, lookback: Int) -> Double? {
        guard let history = key(values) else { return TrailingPercentile.value(values, percentile: p, lookback: lookback) }
        let key = Percentile(history: history, percentile: p.bitPattern, lookback: lookback)
        lock.lock()
        if let known = percentiles[key] {
            lock.unlock()
            return known
        }
        lock.unlock()
        let answer = TrailingPercentile.value(values, percentile: p, lookback: lookback)
        lock.lock()
        retain(values, history)
        percentiles[key] = answer
        lock.unlock()
        return answer
    }
}
