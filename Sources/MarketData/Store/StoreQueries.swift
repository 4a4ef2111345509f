import GRDB

extension SQLiteMarketStore: MarketDataStore {
    public func bars(_ symbol: String, from: MarketDate? = nil, asOf: MarketDate) throws -> [DailyBar] {
        try read { db in
            // Columns read by position: name lookup (case-insensitive) cost more than the query
            // itself in backtests, which read these histories every session.
            try Row.fetchAll(
                db,
                sql: "SELECT date, open, high, low, close, adj_close, volume FROM bars WHERE symbol = ? AND date >= ? AND date <= ? ORDER BY date",
                arguments: [symbol, from?.dayNumber ?? Int.min, asOf.dayNumber]
            ).map { row in
                DailyBar(
                    date: MarketDate(dayNumber: row[0]), open: row[1], high: row[2], low: row[3], close: row[4],
                    adjustedClose: row[5], volume: row[6])
            }
        }
    }

    public func observations(_ symbol: String, from: MarketDate? = nil, asOf: MarketDate) throws -> [Observation] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT date, value FROM observations WHERE symbol = ? AND date >= ? AND known_date <= ? ORDER BY date",
                arguments: [symbol, from?.dayNumber ?? Int.min, asOf.dayNumber]
            ).map { Observation(date: MarketDate(dayNumber: $0[0]), value: $0[1]) }
        }
    }

    public func treasuryCurve(asOf: MarketDate) throws -> TreasuryCurve? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT date, m1, m3, m6, y1, y2, y3, y5, y7, y10, y20, y30 FROM treasury_curves WHERE date <= ? ORDER BY date DESC LIMIT 1", arguments: [asOf.dayNumber])
                .map(Self.curve)
        }
    }

    public func treasuryCurves(from: MarketDate, through: MarketDate) throws -> [TreasuryCurve] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT date, m1, m3, m6, y1, y2, y3, y5, y7, y10, y20, y30 FROM treasury_curves WHERE date BETWEEN ? AND ? ORDER BY date",
                arguments: [from.dayNumber, through.dayNumber]
            ).map(Self.curve)
        }
    }

    public func events(from: MarketDate, through: MarketDate, asOf: MarketDate) throws -> [CalendarEvent] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM events WHERE date BETWEEN ? AND ?
                    AND (kind <> 'unscheduled' OR date <= ?) ORDER BY date, event
                    """,
                arguments: [from.dayNumber, through.dayNumber, asOf.dayNumber]
            ).map { CalendarEvent(date: MarketDate(dayNumber: $0["date"]), event: $0["event"], kind: $0["kind"], timeET: $0["time_et"]) }
        }
    }

    public func sessions() throws -> [TradingSession] {
        try read { db in
            // A cursor read by column index (every command reads the 9,000-odd sessions first).
            let rows = try Row.fetchCursor(db, sql: "SELECT date, open_utc, close_utc FROM sessions ORDER BY date")
            var sessions: [TradingSession] = []
            while let row = try rows.next() {
                sessions.append(TradingSession(date: MarketDate(dayNumber: row[0]), openUTC: row[1], closeUTC: row[2]))
            }
            return sessions
        }
    }

    public func optionQuotes(underlying: String, quoteDate: MarketDate) throws -> [OptionQuote] {
        try read { db in
            var quotes: [OptionQuote] = []
            let rows = try Row.fetchCursor(
                db, sql: "SELECT \(OptionStrikeRow.columns.joined(separator: ", ")) FROM option_strikes WHERE underlying = ? AND quote_date = ? ORDER BY expiry, strike",
                arguments: [underlying, quoteDate.dayNumber])
            while let row = try rows.next() { OptionStrikeRow.quotes(row, into: &quotes) }
            return quotes
        }
    }

    public func futuresSettlements(root: String, date: MarketDate) throws -> [FuturesSettlement] {
        try futuresSettlements(root: root, from: date, through: date)
    }

    /// Every settlement of `root` dated in `from...through`, by date then expiry.
    public func futuresSettlements(root: String, from: MarketDate, through: MarketDate) throws -> [FuturesSettlement] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT date, expiry, settle FROM futures_settlements WHERE root = ? AND date BETWEEN ? AND ? ORDER BY date, expiry",
                arguments: [root, from.dayNumber, through.dayNumber]
            ).map { FuturesSettlement(root: root, date: MarketDate(dayNumber: $0[0]), expiry: MarketDate(dayNumber: $0[1]), settle: $0[2]) }
        }
    }

    public func snapshot(asOf: MarketDate) throws -> MarketSnapshot {
        try read { db in
            var latest: [MarketSnapshot.Latest] = []
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT b.symbol, b.date, b.close FROM bars b
                    JOIN (SELECT symbol, MAX(date) AS date FROM bars WHERE date <= ? GROUP BY symbol) m
                    ON b.symbol = m.symbol AND b.date = m.date ORDER BY b.symbol
                    """, arguments: [asOf.dayNumber])
            {
                let date = MarketDate(dayNumber: row["date"])
                latest.append(.init(symbol: row["symbol"], date: date, knownDate: date, value: row["close"]))
            }
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT o.symbol, o.date, o.known_date, o.value FROM observations o
                    JOIN (SELECT symbol, MAX(date) AS date FROM observations WHERE known_date <= ? GROUP BY symbol) m
                    ON o.symbol = m.symbol AND o.date = m.date ORDER BY o.symbol
                    """, arguments: [asOf.dayNumber])
            {
                latest.append(
                    .init(
                        symbol: row["symbol"], date: MarketDate(dayNumber: row["date"]),
                        knownDate: MarketDate(dayNumber: row["known_date"]), value: row["value"]))
            }
            let curve = try Row.fetchOne(
                db, sql: "SELECT date, m1, m3, m6, y1, y2, y3, y5, y7, y10, y20, y30 FROM treasury_curves WHERE date <= ? ORDER BY date DESC LIMIT 1", arguments: [asOf.dayNumber]
            ).map(Self.curve)
            return MarketSnapshot(asOf: asOf, latest: latest.sorted { $0.symbol < $1.symbol }, treasury: curve)
        }
    }

    /// A row of `SELECT date, m1, m3, …, y30` (columns by position: named lookups lower-case
    /// every name and were a tenth of a cold `signal`).
    static func curve(_ row: Row) -> TreasuryCurve {
        TreasuryCurve(date: MarketDate(dayNumber: row[0]), yields: (1...11).map { row[$0] as Double? })
    }
}
