import GRDB

extension SQLiteMarketStore {
    /// Everything in one read transaction (one consistent state of the file), option quotes
    /// only for `quoteDates`.
    func memoryCopy(quoteDates: ClosedRange<MarketDate>) throws -> MemoryMarketStore {
        try read { db in
            var bars: [String: [DailyBar]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT symbol, date, open, high, low, close, adj_close, volume FROM bars ORDER BY symbol, date") {
                bars[row[0] as String, default: []].append(
                    DailyBar(
                        date: MarketDate(dayNumber: row[1]), open: row[2], high: row[3], low: row[4], close: row[5],
                        adjustedClose: row[6], volume: row[7]))
            }
            var observations: [String: [MemoryMarketStore.KnownObservation]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT symbol, date, known_date, value FROM observations ORDER BY symbol, date") {
                observations[row[0] as String, default: []].append(
                    .init(observation: Observation(date: MarketDate(dayNumber: row[1]), value: row[3]), knownDate: MarketDate(dayNumber: row[2])))
            }
            let curves = try Row.fetchAll(db, sql: "SELECT date, m1, m3, m6, y1, y2, y3, y5, y7, y10, y20, y30 FROM treasury_curves ORDER BY date").map(Self.curve)
            let events = try Row.fetchAll(db, sql: "SELECT * FROM events ORDER BY date, event").map {
                CalendarEvent(date: MarketDate(dayNumber: $0["date"]), event: $0["event"], kind: $0["kind"], timeET: $0["time_et"])
            }
            var quotes: [MarketDate: [OptionQuote]] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT * FROM option_quotes WHERE quote_date BETWEEN ? AND ? ORDER BY quote_date, expiry, strike, option_right, underlying",
                arguments: [quoteDates.lowerBound.dayNumber, quoteDates.upperBound.dayNumber])
            {
                let quote = Self.optionQuote(row)
                quotes[quote.quoteDate, default: []].append(quote)
            }
            var futures: [String: [MarketDate: [FuturesSettlement]]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT root, date, expiry, settle FROM futures_settlements ORDER BY root, date, expiry") {
                let settlement = FuturesSettlement(
                    root: row[0], date: MarketDate(dayNumber: row[1]), expiry: MarketDate(dayNumber: row[2]), settle: row[3])
                futures[settlement.root, default: [:]][settlement.date, default: []].append(settlement)
            }
            return MemoryMarketStore(
                bars: bars, observations: observations, curves: curves, events: events, quotes: quotes, futures: futures,
                quoteRange: quoteDates)
        }
    }
}
