import Foundation

/// Results of parallel work, one slot per index: set from any thread, read back in index
/// order with the first error by index rethrown, so a parallel loop fails exactly as the
/// serial one would. Shared by `ParallelMap`, the sweep, the hedge frontier and the JSON
/// writer's bulk arrays.
package final class ResultSlots<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Result<T, any Error>?]
    private var done = 0

    package init(count: Int) { storage = Array(repeating: nil, count: count) }

    package func set(_ index: Int, _ value: Result<T, any Error>) {
        lock.lock()
        storage[index] = value
        done += 1
        lock.unlock()
    }

    /// How many slots are set (for progress reports).
    package var finished: Int {
        lock.lock()
        defer { lock.unlock() }
        return done
    }

    /// The results in index order; the first error by index is rethrown.
    package func values() throws -> [T] {
        lock.lock()
        defer { lock.unlock() }
        return try storage.map { try $0!.get() }
    }
}
