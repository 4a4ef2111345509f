// IndicatorRingBuffer.swift — fixed-capacity FIFO window used by the window-based
// indicators (SMA, z-score, realised volatility).

/// A fixed-capacity ring buffer of `Double`s. Storage is allocated once in
/// `init`; `push` never allocates (unless the owning struct was copied, in
/// which case the first mutation performs one copy-on-write, preserving value
/// semantics).
@usableFromInline
struct IndicatorRingBuffer: Sendable {
    @usableFromInline var storage: [Double]
    /// Index of the oldest element.
    @usableFromInline var head: Int = 0
    @usableFromInline private(set) var count: Int = 0

    @usableFromInline
    init(capacity: Int) {
        precondition(capacity >= 1, "IndicatorRingBuffer capacity must be >= 1")
        storage = [Double](repeating: 0, count: capacity)
    }

    @inlinable var capacity: Int { storage.count }
    @inlinable var isFull: Bool { count == storage.count }

    /// Oldest element; only meaningful when `count > 0`.
    @inlinable var oldest: Double { storage[head] }

    /// Appends `x`, evicting and returning the oldest element when full.
    @inlinable @discardableResult
    mutating func push(_ x: Double) -> Double? {
        let cap = storage.count
        if count < cap {
            var idx = head + count
            if idx >= cap { idx -= cap }
            storage[idx] = x
            count += 1
            return nil
        }
        let evicted = storage[head]
        storage[head] = x
        head += 1
        if head == cap { head = 0 }
        return evicted
    }

    /// Calls `body` on the elements, oldest first.
    @inlinable
    func forEach(_ body: (Double) -> Void) {
        let cap = storage.count
        var idx = head
        for _ in 0..<count {
            body(storage[idx])
            idx += 1
            if idx == cap { idx = 0 }
        }
    }

    @inlinable
    mutating func removeAll() {
        head = 0
        count = 0
    }
}

/// Population (`ddof = 0`) or sample (`ddof = 1`) mean and standard deviation
/// of the ring's contents by the corrected two-pass algorithm (Chan, Golub &
/// LeVeque 1983; Higham, *Accuracy and Stability of Numerical Algorithms*,
/// §1.9). Recomputed over the window on each call: O(n) but free of the drift
/// and cancellation of running-sum updates. When every element is identical
/// (`min == max`) the deviation is exactly 0, avoiding rounding noise.
@inlinable
func windowMeanStdev(_ ring: IndicatorRingBuffer, ddof: Int) -> (mean: Double, stdev: Double) {
    let n = ring.count
    var sum = 0.0
    var lo = Double.infinity
    var hi = -Double.infinity
    ring.forEach { v in
        sum += v
        if v < lo { lo = v }
        if v > hi { hi = v }
    }
    if lo == hi { return (lo, 0) }
    var mean = sum / Double(n)
    var ss = 0.0
    var comp = 0.0
    ring.forEach { v in
        let d = v - mean
        ss += d * d
        comp += d
    }
    // Corrected two-pass: subtract the (rounding-induced) mean error term.
    ss -= comp * comp / Double(n)
    mean += comp / Double(n)
    let variance = max(ss, 0) / Double(n - ddof)
    return (mean, variance.squareRoot())
}
