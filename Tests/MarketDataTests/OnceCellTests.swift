import Dispatch
import Foundation
import Testing

@testable import MarketData

/// `OnceCell`: the value is computed once, on first read, whichever thread reads first, and
/// every reader gets that one value.
@Suite("Once cell")
struct OnceCellTests {
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func next() -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value
        }
        var count: Int {
            lock.lock()
            defer { lock.unlock() }
            return value
        }
    }

    @Test func computesOnceOnFirstReadForEveryThread() throws {
        for _ in 0..<50 {
            let computed = Counter()
            let cell = OnceCell<[Int]> {
                // Slow enough that other readers arrive while it runs.
                usleep(200)
                return [computed.next(), 7]
            }
            #expect(!cell.isComputed && computed.count == 0)
            let reads = ResultSlots<[Int]>(count: 16)
            DispatchQueue.concurrentPerform(iterations: 16) { index in reads.set(index, .success(cell.value)) }
            #expect(computed.count == 1)
            #expect(cell.isComputed)
            #expect(try reads.values().allSatisfy { $0 == [1, 7] })
            #expect(cell.value == [1, 7] && computed.count == 1)
        }
    }
}
