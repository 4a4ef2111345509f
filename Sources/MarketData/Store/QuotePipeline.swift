import Foundation

/// Runs a `QuoteStream`'s parse on its own thread while the calling thread writes: the parser
/// hands batches through a queue of at most `depth` batches (so memory stays flat whichever
/// side is faster). If the writer fails, the parser is stopped at its next batch; if the parser
/// fails, the writer stops at once. Either way the thread is joined before `run` returns or
/// throws, and the first failure is what it throws.
enum QuotePipeline {
    static func run(_ stream: QuoteStream, depth: Int = 4, consume: ([OptionQuote]) throws -> Void) throws {
        let channel = Channel(depth: depth)
        let done = DispatchSemaphore(value: 0)
        let produce = stream.produce
        let thread = Thread {
            do {
                try produce { batch in try channel.put(batch) }
                channel.finish(nil)
            } catch {
                channel.finish(error)
            }
            done.signal()
        }
        thread.name = "vixshield quote parser"
        thread.start()
        do {
            while let batch = try channel.take() { try consume(batch) }
        } catch {
            channel.cancel()
            done.wait()
            throw error
        }
        done.wait()
    }

    /// The writer stopped the parse (its own error is what `run` throws).
    struct Cancelled: Error {}

    final class Channel: @unchecked Sendable {
        private let condition = NSCondition()
        private var queue: [[OptionQuote]] = []
        private var finished = false
        private var failure: (any Error)?
        private var cancelled = false
        private let depth: Int

        init(depth: Int) { self.depth = depth }

        /// Producer: waits while the queue is full; throws once the consumer has stopped.
        func put(_ batch: [OptionQuote]) throws {
            condition.lock()
            defer { condition.unlock() }
            while queue.count >= depth && !cancelled { condition.wait() }
            if cancelled { throw Cancelled() }
            queue.append(batch)
            condition.broadcast()
        }

        func finish(_ error: (any Error)?) {
            condition.lock()
            finished = true
            failure = error
            condition.broadcast()
            condition.unlock()
        }

        /// Consumer: the next batch, nil at the end, or the producer's failure.
        func take() throws -> [OptionQuote]? {
            condition.lock()
            defer { condition.unlock() }
            while queue.isEmpty && !finished { condition.wait() }
            if let failure, !(failure is Cancelled) { throw failure }
            guard !queue.isEmpty else { return nil }
            condition.broadcast()
            return queue.removeFirst()
        }

        func cancel() {
            condition.lock()
            cancelled = true
            condition.broadcast()
            condition.unlock()
        }
    }
}
