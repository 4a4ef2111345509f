import Dispatch
import Foundation

/// `(0..<count).map(body)` on all cores, results in index order; the first error by index is
/// rethrown, so a parallel map fails exactly as the serial one would.
package enum ParallelMap {
    package static func map<T: Sendable>(_ count: Int, parallel: Bool, _ body: @Sendable (Int) throws -> T) throws -> [T] {
        guard parallel, count > 1 else { return try (0..<count).map(body) }
        let slots = ResultSlots<T>(count: count)
        // Contiguous chunks, so neighbouring items share cache-warm data; 16 a core, because
        // items differ in cost (sessions take different numbers of calibration steps) and with 4 a
        // core the last chunk of a backtest's timeline left one of two cores idle for a
        // quarter of a second.
        let chunks = min(count, max(1, ProcessInfo.processInfo.activeProcessorCount) * 16)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let range = (chunk * count / chunks)..<((chunk + 1) * count / chunks)
            for index in range { slots.set(index, Result { try body(index) }) }
        }
        return try slots.values()
    }
}
