import Testing
@testable import MarketData

/// `ParallelMap.map` is `(0..<count).map` on all cores: the same values in index order, and
/// the error the serial map would throw (the first by index), whatever the chunking.
@Suite struct ParallelMapTests {
    struct Failure: Error, Equatable { let index: Int }

    @Test func valuesComeInIndexOrderForEveryCount() throws {
        // Counts below, at and above the number of chunks (16 a core), and not multiples of it.
        for count in [0, 1, 2, 3, 7, 31, 32, 33, 64, 65, 127, 1_000, 4_839] {
            for parallel in [false, true] {
                let values = try ParallelMap.map(count, parallel: parallel) { index in index &* 2_654_435_761 }
                #expect(values == (0..<count).map { $0 &* 2_654_435_761 }, "count \(count), parallel \(parallel)")
            }
        }
    }

    @Test func theFirstErrorByIndexIsRethrown() {
        // Failing indices in different chunks: the last chunk's failure may be met first on
        // another core, but the serial map would stop at the lowest.
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
