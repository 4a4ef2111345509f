import MarketData
import PostgresNIO

/// Point-in-time reads of market history: from the in-memory copy (the SQLite store's rows and
/// order, see `MemoryMarketStore`), option quotes and ranges straight from the server.
extension PostgresMarketStore: MarketDataStore {
    public func bars(_ symbol: String, from: MarketDate?, asOf: MarketDate) throws -> [DailyBar] {
        try market().bars(symbol, from: from, asOf: asOf)
    }

    public func observations(_ symbol: String, from: MarketDate?, asOf: MarketDate) throws -> [Observation] {
        try market().observations(symbol, from: from, asOf: asOf)
    }

    public func treasuryCurve(asOf: MarketDate) throws -> TreasuryCurve? {
        try market().treasuryCurve(asOf: asOf)
    }

    public func events(from: MarketDate, through: MarketDate, asOf: MarketDate) throws -> [CalendarEvent] {
        try market().events(from: from, through: through, asOf: asOf)
    }

    public func snapshot(asOf: MarketDate) throws -> MarketSnapshot {
        try market().snapshot(asOf: asOf)
    }

    public func futuresSettlements(root: String, date: MarketDate) throws -> [FuturesSettlement] {
        try market().futuresSettlements(root: root, date: date)
    }

    public func optionQuotes(underlying: String, quoteDate: MarketDate) throws -> [OptionQuote] {
        try read { session in
            var quotes: [OptionQuote] = []
            for row in try session.rows(
                PostgresQuery(
                    unsafeSQL:
                        "SELECT \(PostgresMarketCopy.quoteColumns) FROM option_strikes WHERE underlying = $1 AND quote_date = $2 ORDER BY expiry, strike",
                    binds: try binds(underlying, quoteDate.dayNumber)))
            {
                try PostgresMarketCopy.quotes(row, into: &quotes)
            }
            return quotes
        }
    }
}

extension PostgresMarketStore: VixShieldStore {
    public func sessions() throws -> [TradingSession] {
        try read { session in
            try session.rows("SELECT date, open_utc, close_utc FROM sessions ORDER BY date").map { row in
                let (date, open, close) = try row.decode((Int, Int, Int).self)
                return TradingSession(date: MarketDate(dayNumber: date), openUTC: open, closeUTC: close)
            }
        }
    }

    public func treasuryCurves(from: MarketDate, through: MarketDate) throws -> [TreasuryCurve] {
        try read { session in
            var query = PostgresMarketCopy.curveQuery("WHERE date BETWEEN $1 AND $2 ORDER BY date")
            query.binds = try binds(from.dayNumber, through.dayNumber)
            return try session.rows(query).map(PostgresMarketCopy.curve)
        }
    }

    public func futuresSettlements(root: String, from: MarketDate, through: MarketDate) throws -> [FuturesSettlement] {
        try read { session in
            try session.rows(
                "SELECT date, expiry, settle FROM futures_settlements WHERE root = \(root) AND date BETWEEN \(from.dayNumber) AND \(through.dayNumber) ORDER BY date, expiry"
            ).map { row in
                let (date, expiry, settle) = try row.decode((Int, Int, Double).self)
                return FuturesSettlement(root: root, date: MarketDate(dayNumber: date), expiry: MarketDate(dayNumber: expiry), settle: settle)
            }
        }
    }

    /// One consistent state: the quotes are read with the generation in one transaction and
    /// must belong to the copy's generation (a write in between means reading both again).
    public func memoryCopy(quoteDates: ClosedRange<MarketDate>) throws -> MemoryMarketStore {
        for _ in 0..<5 {
            let (generation, market) = try versionedMarket()
            let (quotesGeneration, quotes) = try read { session in
                try session.transaction(begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") {
                    let generation = try Self.marketGeneration(session)
                    var quotes: [OptionQuote] = []
                    for row in try session.rows(
                        PostgresQuery(
                            unsafeSQL:
                                "SELECT \(PostgresMarketCopy.quoteColumns) FROM option_strikes WHERE quote_date BETWEEN $1 AND $2 ORDER BY quote_date, expiry, strike, underlying",
                            binds: try binds(quoteDates.lowerBound.dayNumber, quoteDates.upperBound.dayNumber)))
                    {
                        try PostgresMarketCopy.quotes(row, into: &quotes)
                    }
                    return (generation, quotes)
                }
            }
            if quotesGeneration == generation {
                return market.replacingQuotes(Dictionary(grouping: quotes, by: \.quoteDate), range: quoteDates)
            }
        }
        throw StoreError.database("the store kept changing while it was read (five attempts): try again")
    }

    public func catalog() throws -> [SeriesSummary] {
        try read { session in
            var result: [SeriesSummary] = []
            for row in try session.rows(
                """
                SELECT s.symbol, s.family, s.frequency, s.lag_days,
                  COALESCE(b.n, o.n, 0), COALESCE(b.first, o.first), COALESCE(b.last, o.last)
                FROM series s
                LEFT JOIN (SELECT symbol, COUNT(*) n, MIN(date) first, MAX(date) last FROM bars GROUP BY symbol) b ON b.symbol = s.symbol
                LEFT JOIN (SELECT symbol, COUNT(*) n, MIN(date) first, MAX(date) last FROM observations GROUP BY symbol) o ON o.symbol = s.symbol
                ORDER BY s.symbol COLLATE "C"
                """)
            {
                let (symbol, family, frequency, lag, count, first, last) = try row.decode((String, String, String, Int, Int, Int?, Int?).self)
                result.append(
                    SeriesSummary(
                        symbol: symbol, family: family, frequency: frequency, publicationLagDays: lag, count: count,
                        first: first.map(MarketDate.init(dayNumber:)), last: last.map(MarketDate.init(dayNumber:))))
            }
            for (name, table) in [("TREASURY", "treasury_curves"), ("EVENTS", "events"), ("SESSIONS", "sessions")] {
                let (count, first, last) = try session.rows(PostgresQuery(unsafeSQL: "SELECT COUNT(*), MIN(date), MAX(date) FROM \(table)"))[0]
                    .decode((Int, Int?, Int?).self)
                guard count > 0 else { continue }
                result.append(
                    SeriesSummary(
                        symbol: name, family: table, frequency: "daily", publicationLagDays: 0, count: count,
                        first: first.map(MarketDate.init(dayNumber:)), last: last.map(MarketDate.init(dayNumber:))))
            }
            // Quotes are counted one per side present (a strike row holds up to two).
            for (table, family, key, dateColumn, count) in [
                ("option_strikes", "option_quotes", "underlying", "quote_date", "SUM((c_bid IS NOT NULL)::int + (p_bid IS NOT NULL)::int)::bigint"),
                ("futures_settlements", "futures_settlements", "root", "date", "COUNT(*)"),
            ] {
                for row in try session.rows(
                    PostgresQuery(
                        unsafeSQL:
                            "SELECT \(key), \(count), MIN(\(dateColumn)), MAX(\(dateColumn)) FROM \(table) GROUP BY \(key) ORDER BY \(key) COLLATE \"C\""))
                {
                    let (name, count, first, last) = try row.decode((String, Int, Int?, Int?).self)
                    result.append(
                        SeriesSummary(
                            symbol: name, family: family, frequency: "daily", publicationLagDays: 0, count: count,
                            first: first.map(MarketDate.init(dayNumber:)), last: last.map(MarketDate.init(dayNumber:))))
                }
            }
            return result
        }
    }
}

/// Bind values for a query written with `$n` placeholders.
func binds(_ values: any PostgresDynamicTypeEncodable...) throws -> PostgresBindings {
    var bindings = PostgresBindings(capacity: values.count)
    for value in values { bindings.append(value) }
    return bindings
}
