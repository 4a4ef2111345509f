import Testing

@testable import Strategy

/// The shared memo: an answer is computed once per key and returned as computed; a failure is
/// not kept.
@Suite struct SharedMemoTests {
    struct Failure: Error {}

    @Test func computesOncePerKeyAndKeepsNoFailure() throws {
        let memo = SharedMemo<Double, Double>()
        var calls = 0
        let first = memo.value(20) { calls += 1; return 1.2345678901234567 }
        let again = memo.value(20) { calls += 1; return 9 }
        #expect(first.bitPattern == (1.2345678901234567).bitPattern && again.bitPattern == first.bitPattern && calls == 1)
        #expect(memo.value(20.000000000000004) { 2 } == 2)
        #expect(throws: Failure.self) { try memo.value(25) { throw Failure() } }
        #expect(memo.value(25) { 4 } == 4)
    }
}
