/// The p-quantile (p in [0, 1]) of the last `lookback` values, type-7 linear interpolation
/// between order statistics (the spreadsheet PERCENTILE.INC rule): h = (n − 1)p,
/// q = x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎) on the sorted window. `nil` when fewer than
/// `lookback` values are available (a short history is never called cheap).
enum TrailingPercentile {
    static func value(_ history: [Double], percentile p: Double, lookback: Int) -> Double? {
        guard lookback >= 1, history.count >= lookback else { return nil }
        let window = history.suffix(lookback).sorted()
        let h = Double(window.count - 1) * p
        let low = Int(h.rounded(.down))
        let high = min(low + 1, window.count - 1)
        return window[low] + (h - Double(low)) * (window[high] - window[low])
    }
}
