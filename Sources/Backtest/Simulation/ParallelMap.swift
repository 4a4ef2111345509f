import Dispatch
import Foundation

/// `(0..<count).map(body)` on all cores, results in index order; the first error by index is
/// rethrown, so a parallel map fails exactly as the serial one would.
enum ParallelMap {
    static func map<T: Sendable>(_ count: Int, parallel: Bool, _ body: @Sendable (Int) throws -> T) throws -> [T] {
        guard parallel, count > 1 else { return try (0..<count).map(body) }
        let slots = Slots<T>(count: count)
        // Contiguous chunks, a few per core, so neighbouring days share cache-warm data.
        let chunks = min(count, ProcessInfo.processInfo.activeProcessorCount * 4)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let range = (chunk * count / chunks)..<((chunk + 1) * count / chunks)
            for index in range { slots.set(index, Result { try body(index) }) }
        }
        return try slots.values.map { try $0!.get() }
    }

    final class Slots<T: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var storage: [Result<T, any Error>?]

        init(count: Int) { storage = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ value: Result<T, any Error>) {
            lock.lock()
            storage[index] = value
            lock.unlock()
        }

        var values: [Result<T, any Error>?] {
            lock.lock()
            defer { lock.unlock() }
            return storage
        }
    }
}
