import GRDB

/// One line of `vixshield data list`.
public struct SeriesSummary: Sendable, Equatable, Codable {
    public var symbol: String
    /// bars, observations, treasury_curves, events, sessions, option_quotes or futures_settlements.
    public var family: String
    public var frequency: String
    public var publicationLagDays: Int
    public var count: Int
    public var first: MarketDate?
    public var last: MarketDate?

    public init(
        symbol: String, family: String, frequency: String, publicationLagDays: Int, count: Int, first: MarketDate?, last: MarketDate?
    ) {
        (self.symbol, self.family, self.frequency, self.publicationLagDays) = (symbol, family, frequency, publicationLagDays)
        (self.count, self.first, self.last) = (count, first, last)
    }
}

extension SQLiteMarketStore {
    /// Every series and table with its range and row count.
    public func catalog() throws -> [SeriesSummary] {
        try read { db in
            var result: [SeriesSummary] = []
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT s.symbol, s.family, s.frequency, s.lag_days,
                      COALESCE(b.n, o.n, 0) AS n, COALESCE(b.first, o.first) AS first, COALESCE(b.last, o.last) AS last
                    FROM series s
                    LEFT JOIN (SELECT symbol, COUNT(*) n, MIN(date) first, MAX(date) last FROM bars GROUP BY symbol) b ON b.symbol = s.symbol
                    LEFT JOIN (SELECT symbol, COUNT(*) n, MIN(date) first, MAX(date) last FROM observations GROUP BY symbol) o ON o.symbol = s.symbol
                    ORDER BY s.symbol
                    """)
            {
                result.append(
                    SeriesSummary(
                        symbol: row["symbol"], family: row["family"], frequency: row["frequency"], publicationLagDays: row["lag_days"],
                        count: row["n"], first: (row["first"] as Int?).map(MarketDate.init(dayNumber:)),
                        last: (row["last"] as Int?).map(MarketDate.init(dayNumber:))))
            }
            for (name, table, column) in [("TREASURY", "treasury_curves", "date"), ("EVENTS", "events", "date"), ("SESSIONS", "sessions", "date")] {
                let row = try Row.fetchOne(db, sql: "SELECT COUNT(*) n, MIN(\(column)) first, MAX(\(column)) last FROM \(table)")!
                let count: Int = row["n"]
                guard count > 0 else { continue }
                result.append(
                    SeriesSummary(
                        symbol: name, family: table, frequency: "daily", publicationLagDays: 0, count: count,
                        first: (row["first"] as Int?).map(MarketDate.init(dayNumber:)), last: (row["last"] as Int?).map(MarketDate.init(dayNumber:))))
            }
            // Option quotes by underlying, futures settlements by root.
            // Quotes are counted one per side present (a strike row holds up to two).
            for (table, key, dateColumn, count) in [
                ("option_strikes", "underlying", "quote_date", "SUM((c_bid IS NOT NULL) + (p_bid IS NOT NULL))"),
                ("futures_settlements", "root", "date", "COUNT(*)"),
            ] {
                for row in try Row.fetchAll(
                    db, sql: "SELECT \(key) AS name, \(count) n, MIN(\(dateColumn)) first, MAX(\(dateColumn)) last FROM \(table) GROUP BY \(key) ORDER BY \(key)")
                {
                    result.append(
                        SeriesSummary(
                            symbol: row["name"], family: table == "option_strikes" ? "option_quotes" : table, frequency: "daily", publicationLagDays: 0, count: row["n"],
                            first: (row["first"] as Int?).map(MarketDate.init(dayNumber:)), last: (row["last"] as Int?).map(MarketDate.init(dayNumber:))))
                }
            }
            return result
        }
    }

    /// A digest of every table's content in key order: equal digests mean equal stores. Used to
    /// prove that a failed import changed nothing.
    public func contentChecksum() throws -> UInt64 {
        try read { db in
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a
            for table in ["series", "bars", "observations", "treasury_curves", "events", "sessions", "option_strikes", "futures_settlements", "imports"] {
                let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM \(table) ORDER BY 1, 2")
                while let row = try cursor.next() {
                    for byte in row.description.utf8 {
                        hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3
                    }
                }
            }
            return hash
        }
    }
}
