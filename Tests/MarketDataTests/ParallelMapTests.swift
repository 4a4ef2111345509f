import Dispatch
import Foundation
import Testing
@testable import MarketData

/// `ParallelMap.map` is `(0..<count).map` on all cores: the same values in index order, and
/// the error the serial map would throw (the first by index), whatever the chunking.
@Suite struct ParallelMapTests {
    struct Failure: Error, Equatable { let index: Int }

    @Test func valuesComeInIndexOrderForEveryCount() throws {
        // Counts below, at and just above the number of chunks (16 a core), and others.
        let chunks = ProcessInfo.processInfo.activeProcessorCount * 16
        for count in [0, 1, 2, 3, 7, chunks - 1, chunks, chunks + 1, 2 * chunks + 1, 1_000, 4_839] {
            for parallel in [false, true] {
                let values = try ParallelMap.map(count, parallel: parallel) { index in index &* 2_654_435_761 }
                #expect(values == (0..<count).map { $0 &* 2_654_435_761 }, "count \(count), parallel \(parallel)")
            }
        }
    }

    /// The lowest failing index is thrown even when a higher one fails first: index 0 waits
    /// until the failure in the last chunk has been thrown and stored (up to 5 s, so a machine
    /// with one core, which runs the chunks in turn, only waits).
    @Test func theFirstErrorByIndexIsRethrownNotTheFirstInTime() {
        let count = 4_839
        let thrown = DispatchSemaphore(value: 0)
        #expect(throws: Failure(index: 0)) {
            _ = try ParallelMap.map(count, parallel: true) { index -> Int in
                if index == count - 1 {
                    defer { thrown.signal() }
                    throw Failure(index: index)
                }
                if index == 0 {
                    _ = thrown.wait(timeout: .now() + 5)
                    usleep(50_000)  // the failure's slot is set once its body returns
                    throw Failure(index: 0)
                }
                return index
            }
        }
    }

    @Test func theFirstErrorByIndexIsRethrown() {
        // Failing indices in different chunks, as the serial map would meet them.
        for failing in [[4_000, 17], [9, 10, 4_838], [0, 2_500], [4_838]] {
            let set = Set(failing)
            #expect(throws: Failure(index: failing.min()!)) {
                _ = try ParallelMap.map(4_839, parallel: true) { index -> Int in
                    if set.contains(index) { throw Failure(index: index) }
                    return index
                }
            }
        }
    }
}
