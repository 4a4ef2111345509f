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
public struct CboeChainImporter: MarketImporter {
    public var kind: ImportKind { .chainCboe }
    /// Overrides the `root` column as the quotes' underlying when set.
    public var underlying: String?

    public init(underlying: String? = nil) { self.underlying = underlying }

    public func parse(_ bytes: [UInt8], file: String) throws(InputError) -> ImportedRecords {
        .quotes(try parseQuotes(bytes, file: file))
    }

    public func parseQuotes(_ bytes: [UInt8], file: String) throws(InputError) -> [OptionQuote] {
        var reader = try CSVReader(bytes, file: file)
        let quoteDate = try reader.column("quote_date")
        let root = try reader.column("root")
        let expiration = try reader.column("expiration")
        let strikeColumn = try reader.column("strike")
        let type = try reader.column("option_type")
        let bid = try reader.column("bid_1545")
        let ask = try reader.column("ask_1545")
        let spot = try reader.column("active_underlying_price_1545")
        let iv = try reader.column("implied_volatility_1545")
        let delta = try reader.column("delta_1545")
        let volume = try reader.column("trade_volume")
        let openInterest = try reader.column("open_interest")
        var checks = ChainChecks()
        var quotes: [OptionQuote] = []
        var lastRoot: (bytes: ArraySlice<UInt8>, name: String)?
        while try reader.next() {
            let quoted = try reader.date(quoteDate)
            let expiry = try reader.date(expiration)
            try checks.dates(quote: quoted, quoteColumn: quoteDate, expiry: expiry, expiryColumn: expiration, reader)
            let right: OptionQuote.Right
            switch reader.cellBytes(type) {
            case [0x43][...]: right = .call  // C
            case [0x50][...]: right = .put  // P
            default: throw reader.error(type, "unknown option type \(reader.quoted(type)) (expected C or P)")
            }
            let strike = try ChainChecks.strike(reader, strikeColumn)
            let name: String
            if let underlying {
                name = underlying
            } else {
                // Roots repeat row after row: decode the text only when it changes.
                let cell = reader.cellBytes(root)
                if let lastRoot, lastRoot.bytes == cell {
                    name = lastRoot.name
                } else {
                    name = try reader.name(root)
                    lastRoot = (cell, name)
                }
            }
            try checks.unique(underlying: name, expiry: expiry, strike: strike, right: right, reader, column: strikeColumn)
            let (b, a) = try ChainChecks.bidAsk(reader, bid: bid, ask: ask)
            if quotes.isEmpty { quotes.reserveCapacity(reader.estimatedRemainingRows + 1) }
            quotes.append(
                OptionQuote(
                    underlying: name, quoteDate: quoted, expiry: expiry, strike: strike, right: right,
                    bid: b, ask: a, underlyingPrice: try reader.optionalNumber(spot),
                    impliedVolatility: try reader.optionalNumber(iv), delta: try reader.optionalNumber(delta),
                    volume: try reader.optionalNumber(volume), openInterest: try reader.optionalNumber(openInterest)))
        }
        return quotes
    }
}
