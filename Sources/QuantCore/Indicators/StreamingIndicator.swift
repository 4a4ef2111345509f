// StreamingIndicator.swift — shared protocol, error type and batch plumbing for
// the technical indicators in this folder.
//
// Conventions shared by every indicator here (TA-Lib conventions, see
// https://github.com/TA-Lib/ta-lib, `src/ta_func/ta_*.c`):
//
// * Streaming: `update(_:)` consumes one observation and returns one output,
//   or `nil` while the indicator is still warming up. The first non-nil
//   output arrives at zero-based input index `lookback` (TA-Lib's
//   `TA_xxx_Lookback`), i.e. after `lookback + 1` accepted observations.
// * Non-finite input (NaN, ±inf): `update(_:)` ignores it — the state is left
//   untouched, the observation does not count towards warm-up, and `nil` is
//   returned. A streaming consumer that needs to tell "ignored" from "warming
//   up" can call `accepts(_:)` first. Indicators with a stricter domain
//   (realised volatility needs prices > 0) document it and ignore those
//   values in the same way.
// * Batch: functions in `Indicators` take `[Double]` and return arrays
//   aligned with the input (`nil` during warm-up). They never ignore input:
//   the first invalid value makes them throw `IndicatorError`, naming its
//   index. Batch outputs are produced by the streaming types, so batch and
//   streaming agree bit-for-bit.
// * Invalid parameters (e.g. a period below the TA-Lib minimum) are
//   programmer errors and trap via `precondition`.

/// A causal, constant-memory indicator fed one observation at a time.
///
/// Conforming types are value types; `update(_:)` does not allocate (the
/// window-based ones own a fixed-capacity ring buffer allocated in `init`).
public protocol StreamingIndicator: Sendable {
    associatedtype Output: Sendable

    /// Zero-based index of the first accepted input that yields an output
    /// (TA-Lib's lookback).
    var lookback: Int { get }

    /// `true` once `update(_:)` has produced at least one output.
    var isReady: Bool { get }

    /// Whether `update(_:)` would use `x` (finite, and in the indicator's
    /// domain). Values that are not accepted are ignored by `update(_:)`.
    func accepts(_ x: Double) -> Bool

    /// Feeds one observation. Returns `nil` during warm-up and for ignored
    /// (non-accepted) input, which leaves the state unchanged.
    mutating func update(_ x: Double) -> Output?

    /// Returns the indicator to its freshly initialised state.
    mutating func reset()
}

extension StreamingIndicator {
    public func accepts(_ x: Double) -> Bool { x.isFinite }
}

/// Errors thrown by the batch indicator functions.
public enum IndicatorError: Error, Equatable, Sendable {
    /// `values[index]` is NaN or infinite.
    case nonFiniteInput(index: Int)
    /// `values[index]` is finite but outside the indicator's domain
    /// (e.g. a price ≤ 0 for realised volatility).
    case outOfDomainInput(index: Int)
}

/// Namespace for the batch indicator functions.
public enum Indicators {}

extension StreamingIndicator {
    /// Runs a fresh copy of `self` over `values`, returning outputs aligned
    /// with the input. Throws on the first input that `accepts` rejects.
    @inlinable
    public func batch(_ values: [Double]) throws(IndicatorError) -> [Output?] {
        var indicator = self
        indicator.reset()
        var out = [Output?]()
        out.reserveCapacity(values.count)
        for (i, x) in values.enumerated() {
            guard indicator.accepts(x) else {
                if x.isFinite { throw .outOfDomainInput(index: i) }
                throw .nonFiniteInput(index: i)
            }
            out.append(indicator.update(x))
        }
        return out
    }
}
