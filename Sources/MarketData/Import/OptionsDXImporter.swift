/// End-of-day option chains in OptionsDX's layout (`--kind chain-optionsdx`): bracketed
/// headers (`[QUOTE_DATE]`), cells padded with a leading space, and one row per strike holding
/// both the call (`C_…`) and the put (`P_…`), which become two `OptionQuote`s, call first.
/// OptionsDX files do not name the underlying, so it is given here (`SPX` by default).
///
/// Used columns: QUOTE_DATE, EXPIRE_DATE, UNDERLYING_LAST, STRIKE, C_/P_ BID, ASK, IV, DELTA,
/// VOLUME (all required as columns; IV, DELTA, VOLUME and UNDERLYING_LAST cells may be empty).
/// Rules: strike > 0, bid and ask >= 0 with bid <= ask, expiry not before the quote date,
/// quote dates not decreasing, no strike/expiry repeated within a quote date.
public struct OptionsDXImporter: MarketImporter {
    public var kind: ImportKind { .chainOptionsDX }
    public var underlying: String

    public init(underlying: String = "SPX") { self.underlying = underlying }

    public func parse(_ bytes: [UInt8], file: String) throws(InputError) -> ImportedRecords {
        .quotes(try parseQuotes(bytes, file: file))
    }

    public func parseQuotes(_ bytes: [UInt8], file: String) throws(InputError) -> [OptionQuote] {
        var reader = try CSVReader(bytes, file: file)
        let quoteDate = try reader.column("QUOTE_DATE")
        let expireDate = try reader.column("EXPIRE_DATE")
        let underlyingLast = try reader.column("UNDERLYING_LAST")
        let strikeColumn = try reader.column("STRIKE")
        let call = try Side(reader, prefix: "C_")
        let put = try Side(reader, prefix: "P_")
        var checks = ChainChecks()
        var quotes: [OptionQuote] = []
        while try reader.next() {
            let quoted = try reader.date(quoteDate)
            let expiry = try reader.date(expireDate)
            try checks.dates(quote: quoted, quoteColumn: quoteDate, expiry: expiry, expiryColumn: expireDate, reader)
            let strike = try ChainChecks.strike(reader, strikeColumn)
            try checks.unique(underlying: underlying, expiry: expiry, strike: strike, right: .call, reader, column: strikeColumn)
            let spot = try reader.optionalNumber(underlyingLast)
            if quotes.isEmpty { quotes.reserveCapacity(2 * reader.estimatedRemainingRows + 2) }
            for right in [OptionQuote.Right.call, .put] {
                let side = right == .call ? call : put
                let (bid, ask) = try ChainChecks.bidAsk(reader, bid: side.bid, ask: side.ask)
                quotes.append(
                    OptionQuote(
                        underlying: underlying, quoteDate: quoted, expiry: expiry, strike: strike, right: right,
                        bid: bid, ask: ask, underlyingPrice: spot,
                        impliedVolatility: try reader.optionalNumber(side.iv),
                        delta: try reader.optionalNumber(side.delta),
                        volume: try reader.optionalNumber(side.volume)))
            }
        }
        return quotes
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
