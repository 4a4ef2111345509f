import GRDB

/// Option quotes are stored one row per strike (`option_strikes`, migration v9): the call's and
/// the put's fields side by side (`c_…`, `p_…`), a side absent when its bid is NULL. A chain
/// file lists a call and a put per strike, so this writes half the rows of a row per quote and
/// stores the key once (issue 14: imports at SQLite speed). Reading unfolds each row into its
/// quotes, call before put, which is the old per-quote order (expiry, strike, right).
enum OptionStrikeRow {
    /// The fields of one side, in column order after the key.
    static let sideFields = ["bid", "ask", "underlying_price", "implied_volatility", "delta", "volume", "open_interest"]
    static let key = ["underlying", "quote_date", "expiry", "strike"]
    static let callColumns = sideFields.map { "c_" + $0 }
    static let putColumns = sideFields.map { "p_" + $0 }
    static let columns = key + callColumns + putColumns

    /// The quotes of one row read with `SELECT <columns>`, call first.
    static func quotes(_ row: Row, into quotes: inout [OptionQuote]) {
        let underlying: String = row[0]
        let quoteDate = MarketDate(dayNumber: row[1])
        let expiry = MarketDate(dayNumber: row[2])
        let strike: Double = row[3]
        for (right, offset) in [(OptionQuote.Right.call, 4), (.put, 4 + sideFields.count)] {
            guard let bid = row[offset] as Double?, let ask = row[offset + 1] as Double? else { continue }
            quotes.append(
                OptionQuote(
                    underlying: underlying, quoteDate: quoteDate, expiry: expiry, strike: strike, right: right, bid: bid, ask: ask,
                    underlyingPrice: row[offset + 2], impliedVolatility: row[offset + 3], delta: row[offset + 4], volume: row[offset + 5],
                    openInterest: row[offset + 6]))
        }
    }

    /// Writes quotes as strike rows: a call and a put of one strike that follow each other (as
    /// chain files list them) go in one row; a side alone updates only its own columns, so a
    /// file of calls and a later file of puts for the same strikes make whole rows, and a
    /// quote replaces the stored quote with its key (as a row per quote did).
    struct Writer {
        var both: BulkInsert
        var call: BulkInsert
        var put: BulkInsert
        /// The underlying each statement has bound (a chain file repeats one on every row).
        var bound: [String?] = [nil, nil, nil]

        init(_ db: Database) throws {
            func upsert(_ sides: [[String]]) -> String {
                let columns = key + sides.flatMap { $0 }
                let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
                let updates = sides.flatMap { $0 }.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
                return "INSERT INTO option_strikes (\(columns.joined(separator: ", "))) VALUES (\(marks)) "
                    + "ON CONFLICT (\(key.joined(separator: ", "))) DO UPDATE SET \(updates)"
            }
            both = try BulkInsert(db, sql: upsert([callColumns, putColumns]))
            call = try BulkInsert(db, sql: upsert([callColumns]))
            put = try BulkInsert(db, sql: upsert([putColumns]))
        }

        /// Writes `quotes` (any order); calls `tick` once per quote written.
        mutating func write(_ quotes: [OptionQuote], tick: () -> Void) throws {
            var index = 0
            while index < quotes.count {
                let quote = quotes[index]
                if index + 1 < quotes.count, Self.pairs(quote, quotes[index + 1]) {
                    let (callQuote, putQuote) = quote.right == .call ? (quote, quotes[index + 1]) : (quotes[index + 1], quote)
                    Self.bindKey(&both, quote, bound: &bound[0])
                    Self.bindSide(&both, callQuote)
                    Self.bindSide(&both, putQuote)
                    try both.step()
                    tick()
                    tick()
                    index += 2
                } else {
                    if quote.right == .call {
                        Self.bindKey(&call, quote, bound: &bound[1])
                        Self.bindSide(&call, quote)
                        try call.step()
                    } else {
                        Self.bindKey(&put, quote, bound: &bound[2])
                        Self.bindSide(&put, quote)
                        try put.step()
                    }
                    tick()
                    index += 1
                }
            }
        }

        static func pairs(_ a: OptionQuote, _ b: OptionQuote) -> Bool {
            a.right != b.right && a.strike == b.strike && a.expiry == b.expiry && a.quoteDate == b.quoteDate && a.underlying == b.underlying
        }

        static func bindKey(_ insert: inout BulkInsert, _ quote: OptionQuote, bound: inout String?) {
            if bound == quote.underlying {
                insert.keep()
            } else {
                insert.bind(quote.underlying)
                bound = quote.underlying
            }
            insert.bind(quote.quoteDate.dayNumber)
            insert.bind(quote.expiry.dayNumber)
            insert.bind(quote.strike)
        }

        static func bindSide(_ insert: inout BulkInsert, _ quote: OptionQuote) {
            insert.bind(quote.bid)
            insert.bind(quote.ask)
            insert.bind(quote.underlyingPrice)
            insert.bind(quote.impliedVolatility)
            insert.bind(quote.delta)
            insert.bind(quote.volume)
            insert.bind(quote.openInterest)
        }
    }
}
