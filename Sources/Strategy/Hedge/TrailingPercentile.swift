/// The p-quantile (p in [0, 1]) of the last `lookback` values, type-7 linear interpolation
/// between order statistics (the spreadsheet PERCENTILE.INC rule): h = (n − 1)p,
/// q = x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎) on the sorted window. `nil` when fewer than
/// `lookback` values are available (a short history is never called cheap) or a value is not
/// finite. The two order statistics come from a selection, not a sort: the planner asks every
/// session of every backtest variant, and O(n) instead of O(n log n) was a tenth of a run.
enum TrailingPercentile {
    static func value(_ history: [Double], percentile p: Double, lookback: Int) -> Double? {
        guard lookback >= 1, history.count >= lookback else { return nil }
        // The window is copied to scratch memory (on the stack for the usual 252 values), not to
        // a new array: the planner asks on every session of every sweep variant.
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: lookback) { window -> Double? in
            history.withUnsafeBufferPointer { source in
                for index in 0..<lookback { window[index] = source[source.count - lookback + index] }
            }
            for value in window where !value.isFinite { return nil }
            let h = Double(lookback - 1) * p
            let low = Int(h.rounded(.down))
            let lowValue = select(window, low)
            // After the selection everything right of `low` is ≥ it: the next order statistic is
            // their minimum.
            var highValue = lowValue
            if low + 1 < lookback {
                highValue = window[low + 1]
                for index in (low + 2)..<lookback where window[index] < highValue { highValue = window[index] }
            }
            return lowValue + (h - Double(low)) * (highValue - lowValue)
        }
    }

    /// The k-th smallest value (0-based), leaving a[..<k] ≤ a[k] ≤ a[(k+1)...]: Hoare's
    /// quickselect with a median-of-three pivot (values must be finite).
    static func select(_ a: UnsafeMutableBufferPointer<Double>, _ k: Int) -> Double {
        var lo = 0
        var hi = a.count - 1
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            let pivot = max(min(a[lo], a[mid]), min(max(a[lo], a[mid]), a[hi]))
            var i = lo
            var j = hi
            while i <= j {
                while a[i] < pivot { i += 1 }
                while a[j] > pivot { j -= 1 }
                if i <= j {
                    a.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            // Now a[lo...j] ≤ pivot ≤ a[i...hi], and anything between equals the pivot.
            if k <= j {
                hi = j
            } else if k >= i {
                lo = i
            } else {
                return a[k]
            }
        }
        return a[k]
    }
}
