import Foundation

/// A value computed at most once, on its first read, by whichever thread reads it first; a
/// thread that reads it while another computes it waits for that result rather than computing
/// it again. The computation runs under the cell's lock, so it must not read the same cell.
///
/// Why: a backtest's sessions each carry work that every run reads but that need not be done
/// before the first run starts (a session's VIX quote sheet): done on first read, it can be
/// done ahead of the replay on another core, or by the replay itself, with the same result.
package final class OnceCell<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value?
    /// Dropped once used, with what it captured.
    private var compute: (@Sendable () -> Value)?

    package init(_ compute: @escaping @Sendable () -> Value) {
        self.compute = compute
    }

    package var value: Value {
        lock.lock()
        defer { lock.unlock() }
        if let stored { return stored }
        guard let compute else { preconditionFailure("a OnceCell holds its value or the computation that gives it") }
        let value = compute()
        stored = value
        self.compute = nil
        return value
    }

    /// Whether the value has been computed (for tests).
    package var isComputed: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stored != nil
    }
}
