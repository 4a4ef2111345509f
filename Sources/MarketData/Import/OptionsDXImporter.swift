/// End-of-day option chains in OptionsDX's layout (`--kind chain-optionsdx`): bracketed
/// headers (`[QUOTE_DATE]`), cells padded with a leading space, and one row per strike holding
/// both the call (`C_…`) and the put (`P_…`), which become two `OptionQuote`s, call first.
/// OptionsDX files do not name the underlying, so it is given here (`SPX` by default).
///
/// Used columns: QUOTE_DATE, EXPIRE_DATE, UNDERLYING_LAST, STRIKE, C_/P_ BID, ASK, IV, DELTA,
/// VOLUME (all required as columns; IV, DELTA, VOLUME and UNDERLYING_LAST cells may be empty).
/// Rules: strike > 0, bid and ask >= 0 with bid <= ask, expiry not before the quote date,
/// quote dates not decreasing, no strike/expiry repeated within a quote date.
public struct OptionsDXImporter: QuoteStreamingImporter {
    public var kind: ImportKind { .chainOptionsDX }
    public var underlying: String

    public init(underlying: String = "SPX") { self.underlying = underlying }

    public func parse(_ bytes: [UInt8], file: String) throws(InputError) -> ImportedRecords {
        .quotes(try parseQuotes(bytes, file: file))
    }

    public func parseQuotes(_ bytes: [UInt8], file: String) throws(InputError) -> [OptionQuote] {
        try QuoteStream.collect { body throws(InputError) in try forEachQuote(bytes, file: file, body) }
    }

    public func quoteStream(_ bytes: [UInt8], file: String) throws(InputError) -> QuoteStream {
        try QuoteStream.rows { [self] body throws(InputError) in try forEachQuote(bytes, file: file, body) }
    }

    /// Parses every row, calling `body` with each quote (call then put) and an estimate of the
    /// quotes still to come; stops early when `body` returns false.
    func forEachQuote(_ bytes: [UInt8], file: String, _ body: (OptionQuote, Int) -> Bool) throws(InputError) {
        var reader = try CSVReader(bytes, file: file)
        let columns = try Columns(reader)
        var checks = ChainChecks()
        while try reader.next() {
            let quoted = try reader.date(columns.quoteDate)
            let expiry = try reader.date(columns.expireDate)
            try checks.dates(quote: quoted, quoteColumn: columns.quoteDate, expiry: expiry, expiryColumn: columns.expireDate, reader)
            let strike = try ChainChecks.strike(reader, columns.strike)
            try checks.unique(underlying: underlying, expiry: expiry, strike: strike, right: .call, reader, column: columns.strike)
            let spot = try reader.optionalNumber(columns.underlyingLast)
            for right in [OptionQuote.Right.call, .put] {
                let side = right == .call ? columns.call : columns.put
                let (bid, ask) = try ChainChecks.bidAsk(reader, bid: side.bid, ask: side.ask)
                let quote = OptionQuote(
                    underlying: underlying, quoteDate: quoted, expiry: expiry, strike: strike, right: right,
                    bid: bid, ask: ask, underlyingPrice: spot,
                    impliedVolatility: try reader.optionalNumber(side.iv),
                    delta: try reader.optionalNumber(side.delta),
                    volume: try reader.optionalNumber(side.volume))
                guard body(quote, 2 * reader.estimatedRemainingRows + 2) else { return }
            }
        }
    }

    /// The column indexes of the fields used (a missing column is an error naming it).
    private struct Columns {
        var quoteDate, expireDate, underlyingLast, strike: Int
        var call, put: Side

        init(_ reader: borrowing CSVReader) throws(InputError) {
            quoteDate = try reader.column("QUOTE_DATE")
            expireDate = try reader.column("EXPIRE_DATE")
            underlyingLast = try reader.column("UNDERLYING_LAST")
            strike = try reader.column("STRIKE")
            call = try Side(reader, prefix: "C_")
            put = try Side(reader, prefix: "P_")
        }
    }

    /// Column indexes of one side (call or put) of an OptionsDX row.
    private struct Side {
        var bid, ask, iv, delta, volume: Int

        init(_ reader: borrowing CSVReader, prefix: String) throws(InputError) {
            bid = try reader.column(prefix + "BID")
            ask = try reader.column(prefix + "ASK")
            iv = try reader.column(prefix + "IV")
            delta = try reader.column(prefix + "DELTA")
            volume = try reader.column(prefix + "VOLUME")
        }
    }
}
