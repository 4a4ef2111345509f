/// Option quotes parsed while they are written (issue 14: the chain import streams its parse
/// into the writer on the second core instead of parsing the whole file first). `produce`
/// parses the file from the start and hands whole batches of quotes, in file order, to its
/// `emit` argument; the store writes each batch as it arrives, inside the one transaction of
/// the import, so a bad row anywhere still leaves the store untouched. The header was checked
/// when the stream was made, so a file without the required columns fails before the store
/// is opened, as a parsed file does.
public struct QuoteStream: Sendable {
    /// Rows expected, estimated from the file size and the first row (for progress only).
    public var estimatedCount: Int
    /// The first quote's underlying (nil for a file without rows): the import's default symbol.
    public var firstUnderlying: String?
    /// Parses the file, calling `emit` with each batch; rethrows what `emit` throws.
    public var produce: @Sendable (_ emit: ([OptionQuote]) throws -> Void) throws -> Void

    public init(
        estimatedCount: Int, firstUnderlying: String?, produce: @escaping @Sendable (_ emit: ([OptionQuote]) throws -> Void) throws -> Void
    ) {
        self.estimatedCount = estimatedCount
        self.firstUnderlying = firstUnderlying
        self.produce = produce
    }

    /// The same stream keeping only the quotes `isIncluded` accepts.
    public func filter(_ isIncluded: @escaping @Sendable (OptionQuote) -> Bool) -> QuoteStream {
        let produce = self.produce
        return QuoteStream(estimatedCount: estimatedCount, firstUnderlying: firstUnderlying) { emit in
            try produce { batch in try emit(batch.filter(isIncluded)) }
        }
    }

    /// Quotes per batch: large enough that the hand-over costs nothing, small enough that the
    /// writer starts at once and memory stays flat.
    public static let batchSize = 16_384
}

extension QuoteStream {
    /// A stream over a row parser: `forEach` calls its body with each quote, in file order, and
    /// an estimate of the quotes to come, and stops when the body returns false. The header and
    /// the first row are parsed now (an error there is thrown before any store is touched).
    static func rows(_ forEach: @escaping @Sendable ((OptionQuote, Int) -> Bool) throws(InputError) -> Void) throws(InputError) -> QuoteStream {
        var first: OptionQuote?
        var estimate = 0
        try forEach { quote, remaining in
            (first, estimate) = (quote, remaining)
            return false
        }
        return QuoteStream(estimatedCount: estimate, firstUnderlying: first?.underlying) { emit in
            try withoutActuallyEscaping(emit) { emit in
                var batcher = QuoteBatcher(emit: emit)
                try forEach { quote, _ in batcher.append(quote) }
                try batcher.finish()
            }
        }
    }

    /// Every quote of a row parser (see `rows`), collected.
    static func collect(_ forEach: ((OptionQuote, Int) -> Bool) throws(InputError) -> Void) throws(InputError) -> [OptionQuote] {
        var quotes: [OptionQuote] = []
        try forEach { quote, remaining in
            if quotes.isEmpty { quotes.reserveCapacity(remaining) }
            quotes.append(quote)
            return true
        }
        return quotes
    }
}

/// A chain importer that can stream its quotes (`QuoteStream`).
public protocol QuoteStreamingImporter: MarketImporter {
    /// Checks the header and the first row now; the rows are parsed when the stream is run.
    func quoteStream(_ bytes: [UInt8], file: String) throws(InputError) -> QuoteStream
}

/// Collects parsed quotes into batches for `emit`. A batch never ends on a quote that may pair
/// with the next (a call and a put of one strike, stored as one row): the lone last quote is
/// carried into the next batch, so the writer sees every pair whole. An error thrown by `emit`
/// (the writer failed) stops the parse and is rethrown by `finish`.
struct QuoteBatcher {
    private var batch: [OptionQuote] = []
    private let size: Int
    private let emit: ([OptionQuote]) throws -> Void
    private(set) var failure: (any Error)?

    init(size: Int = QuoteStream.batchSize, emit: @escaping ([OptionQuote]) throws -> Void) {
        precondition(size >= 2, "a batch holds at least a call and a put")
        self.size = size
        self.emit = emit
        batch.reserveCapacity(size + 1)
    }

    /// Adds a quote; false when the consumer failed and parsing should stop.
    mutating func append(_ quote: OptionQuote) -> Bool {
        batch.append(quote)
        guard batch.count >= size else { return true }
        let n = batch.count
        let carry: OptionQuote? = OptionStrikeRow.Writer.pairs(batch[n - 2], batch[n - 1]) ? nil : batch.removeLast()
        send()
        if let carry { batch.append(carry) }
        return failure == nil
    }

    /// Sends what is left and rethrows the consumer's failure, if any.
    mutating func finish() throws {
        if failure == nil && !batch.isEmpty { send() }
        if let failure { throw failure }
    }

    private mutating func send() {
        do {
            try emit(batch)
        } catch {
            failure = error
        }
        batch.removeAll(keepingCapacity: true)
    }
}
