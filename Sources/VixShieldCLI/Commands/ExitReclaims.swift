import Foundation

/// What a command leaves for the process's exit to reclaim instead of freeing it itself: a
/// backtest's timeline, store copy and results are some hundred megabytes of small objects, and
/// releasing them one by one took about a twentieth of a cached run after the report was
/// written. Only the executable turns this on (`VixShieldCommand.start`); commands run in
/// process (the tests, one after another) free as usual.
enum ExitReclaims {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var enabled = false
    nonisolated(unsafe) private static var kept: [Any] = []

    static func enable() {
        lock.lock()
        enabled = true
        lock.unlock()
    }

    /// Keeps `values` alive until the process exits (when enabled).
    static func keep(_ values: Any...) {
        lock.lock()
        if enabled { kept.append(contentsOf: values) }
        lock.unlock()
    }
}
