/// End-of-day option chains in Cboe DataShop's "Option EOD Summary" layout
/// (`--kind chain-cboe`): one row per contract, `option_type` `C` or `P`, prices taken at the
/// 15:45 ET snapshot (`bid_1545`, `ask_1545`, `implied_volatility_1545`, `delta_1545`,
/// `active_underlying_price_1545`) because the 16:00 close of SPX options is thin and the
/// snapshot is what Cboe computes the greeks on; `trade_volume` and `open_interest` as given.
///
/// The underlying is the `root` column (`SPX`, `SPXW`), so the monthly AM-settled and the
/// weekly PM-settled contracts that share an expiry stay distinct, unless an underlying is
/// given here. Rules as for OptionsDX: strike > 0, bid/ask >= 0 and bid <= ask, expiry not
/// before the quote date, quote dates not decreasing, no contract twice within a quote date.
public struct CboeChainImporter: QuoteStreamingImporter {
    public var kind: ImportKind { .chainCboe }
    /// Overrides the `root` column as the quotes' underlying when set.
    public var underlying: String?

    public init(underlying: String? = nil) { self.underlying = underlying }

    public func parse(_ bytes: [UInt8], file: String) throws(InputError) -> ImportedRecords {
        .quotes(try parseQuotes(bytes, file: file))
    }

    public func parseQuotes(_ bytes: [UInt8], file: String) throws(InputError) -> [OptionQuote] {
        try QuoteStream.collect { body throws(InputError) in try forEachQuote(bytes, file: file, body) }
    }

    public func quoteStream(_ bytes: [UInt8], file: String) throws(InputError) -> QuoteStream {
        try QuoteStream.rows { [self] body throws(InputError) in try forEachQuote(bytes, file: file, body) }
    }

    /// Parses every row, calling `body` with its quote and an estimate of the quotes still to
    /// come; stops early when `body` returns false.
    func forEachQuote(_ bytes: [UInt8], file: String, _ body: (OptionQuote, Int) -> Bool) throws(InputError) {
        var reader = try CSVReader(bytes, file: file)
        let c = try Columns(reader)
        var checks = ChainChecks()
        var lastRoot: (bytes: ArraySlice<UInt8>, name: String)?
        while try reader.next() {
            let quoted = try reader.date(c.quoteDate)
            let expiry = try reader.date(c.expiration)
            try checks.dates(quote: quoted, quoteColumn: c.quoteDate, expiry: expiry, expiryColumn: c.expiration, reader)
            let right: OptionQuote.Right
            switch reader.cellBytes(c.type) {
            case [0x43][...]: right = .call  // C
            case [0x50][...]: right = .put  // P
            default: throw reader.error(c.type, "unknown option type \(reader.quoted(c.type)) (expected C or P)")
            }
            let strike = try ChainChecks.strike(reader, c.strike)
            let name: String
            if let underlying {
                name = underlying
            } else {
                // Roots repeat row after row: decode the text only when it changes.
                let cell = reader.cellBytes(c.root)
                if let lastRoot, lastRoot.bytes == cell {
                    name = lastRoot.name
                } else {
                    name = try reader.name(c.root)
                    lastRoot = (cell, name)
                }
            }
            try checks.unique(underlying: name, expiry: expiry, strike: strike, right: right, reader, column: c.strike)
            let (b, a) = try ChainChecks.bidAsk(reader, bid: c.bid, ask: c.ask)
            let quote = OptionQuote(
                underlying: name, quoteDate: quoted, expiry: expiry, strike: strike, right: right,
                bid: b, ask: a, underlyingPrice: try reader.optionalNumber(c.spot),
                impliedVolatility: try reader.optionalNumber(c.iv), delta: try reader.optionalNumber(c.delta),
                volume: try reader.optionalNumber(c.volume), openInterest: try reader.optionalNumber(c.openInterest))
            guard body(quote, reader.estimatedRemainingRows + 1) else { return }
        }
    }

    /// The column indexes of the fields used (a missing column is an error naming it).
    private struct Columns {
        var quoteDate, root, expiration, strike, type, bid, ask, spot, iv, delta, volume, openInterest: Int

        init(_ reader: borrowing CSVReader) throws(InputError) {
            quoteDate = try reader.column("quote_date")
            root = try reader.column("root")
            expiration = try reader.column("expiration")
            strike = try reader.column("strike")
            type = try reader.column("option_type")
            bid = try reader.column("bid_1545")
            ask = try reader.column("ask_1545")
            spot = try reader.column("active_underlying_price_1545")
            iv = try reader.column("implied_volatility_1545")
            delta = try reader.column("delta_1545")
            volume = try reader.column("trade_volume")
            openInterest = try reader.column("open_interest")
        }
    }
}
