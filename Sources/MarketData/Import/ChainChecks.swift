/// Row checks shared by the option-chain importers.
///
/// Quote dates must not decrease (a chain file is one or more whole days, in order), and a
/// contract — underlying, expiry, strike, right — may appear only once per quote date (a repeat
/// would make two different prices for one contract). Because dates never go back, the
/// duplicate set only needs the current quote date's contracts, which keeps memory flat on
/// multi-day files.
struct ChainChecks {
    private var order = DateOrder(.nonDecreasing)
    private var seen: [ContractKey: Int] = [:]
    private var underlyings: [String: Int] = [:]

    private struct ContractKey: Hashable {
        var underlying: Int
        var expiry: Int
        var strikeBits: UInt64
        var right: OptionQuote.Right
    }

    /// Checks the quote date order and that the expiry is not before it.
    mutating func dates(
        quote: MarketDate, quoteColumn: Int, expiry: MarketDate, expiryColumn: Int, _ reader: borrowing CSVReader
    ) throws(InputError) {
        if let previous = order.previous, quote != previous { seen.removeAll(keepingCapacity: true) }
        try order.check(quote, reader, column: quoteColumn)
        guard expiry >= quote else {
            throw reader.error(expiryColumn, "expiry \(expiry) is before the quote date \(quote)")
        }
    }

    /// A strike > 0.
    static func strike(_ reader: borrowing CSVReader, _ column: Int) throws(InputError) -> Double {
        let strike = try reader.number(column)
        guard strike > 0 else { throw reader.error(column, "must be > 0 (got \(CSVReader.display(reader.cellBytes(column))))") }
        return strike
    }

    /// Bid and ask, both >= 0 and bid <= ask; the crossed-quote error names the bid column.
    static func bidAsk(_ reader: borrowing CSVReader, bid: Int, ask: Int) throws(InputError) -> (Double, Double) {
        let b = try reader.nonNegative(bid)
        let a = try reader.nonNegative(ask)
        guard b <= a else {
            throw reader.error(bid, "must be <= \(reader.header[ask]) (got \(CSVReader.display(reader.cellBytes(bid))) > \(CSVReader.display(reader.cellBytes(ask))))")
        }
        return (b, a)
    }

    /// Records the contract, or throws if it was already quoted on this quote date.
    mutating func unique(
        underlying: String, expiry: MarketDate, strike: Double, right: OptionQuote.Right,
        _ reader: borrowing CSVReader, column: Int
    ) throws(InputError) {
        let id: Int
        if let known = underlyings[underlying] {
            id = known
        } else {
            id = underlyings.count
            underlyings[underlying] = id
        }
        let key = ContractKey(underlying: id, expiry: expiry.dayNumber, strikeBits: strike.bitPattern, right: right)
        if let line = seen.updateValue(reader.line, forKey: key) {
            throw reader.error(column, "duplicate contract \(underlying) \(expiry) \(CSVReader.display(reader.cellBytes(column))) \(right.rawValue) on \(order.previous.map { "\($0)" } ?? "") (also on line \(line))")
        }
    }
}
