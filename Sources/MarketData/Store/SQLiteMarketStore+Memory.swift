import GRDB

extension SQLiteMarketStore {
    /// Everything in one read transaction (one consistent state of the file), option quotes
    /// only for `quoteDates`. Rows are read from cursors, not `fetchAll`: a cursor's row reads
    /// each column straight from the statement, where a copied row decodes every value through
    /// GRDB's generic `DatabaseValue` path (measured: that decoding was half of `signal --book`).
    public func memoryCopy(quoteDates: ClosedRange<MarketDate>) throws -> MemoryMarketStore {
        try read { db in
            // One query per symbol: the symbol is not decoded and hashed again for every row.
            var bars: [String: [DailyBar]] = [:]
            for symbol in try String.fetchAll(db, sql: "SELECT DISTINCT symbol FROM bars") {
                let rows = try Row.fetchCursor(
                    db, sql: "SELECT date, open, high, low, close, adj_close, volume FROM bars WHERE symbol = ? ORDER BY date", arguments: [symbol])
                var series: [DailyBar] = []
                while let row = try rows.next() {
                    series.append(
                        DailyBar(
                            date: MarketDate(dayNumber: row[0]), open: row[1], high: row[2], low: row[3], close: row[4],
                            adjustedClose: row[5], volume: row[6]))
                }
                bars[symbol] = series
            }
            var observations: [String: [MemoryMarketStore.KnownObservation]] = [:]
            for symbol in try String.fetchAll(db, sql: "SELECT DISTINCT symbol FROM observations") {
                let rows = try Row.fetchCursor(
                    db, sql: "SELECT date, known_date, value FROM observations WHERE symbol = ? ORDER BY date", arguments: [symbol])
                var series: [MemoryMarketStore.KnownObservation] = []
                while let row = try rows.next() {
                    series.append(
                        .init(observation: Observation(date: MarketDate(dayNumber: row[0]), value: row[2]), knownDate: MarketDate(dayNumber: row[1])))
                }
                observations[symbol] = series
            }
            let curves = try Array(Row.fetchCursor(db, sql: "SELECT date, m1, m3, m6, y1, y2, y3, y5, y7, y10, y20, y30 FROM treasury_curves ORDER BY date").map(Self.curve))
            let events = try Row.fetchAll(db, sql: "SELECT * FROM events ORDER BY date, event").map {
                CalendarEvent(date: MarketDate(dayNumber: $0["date"]), event: $0["event"], kind: $0["kind"], timeET: $0["time_et"])
            }
            var quotes: [MarketDate: [OptionQuote]] = [:]
            let quoteRows = try Row.fetchCursor(
                db,
                sql: "SELECT \(OptionStrikeRow.columns.joined(separator: ", ")) FROM option_strikes WHERE quote_date BETWEEN ? AND ? ORDER BY quote_date, expiry, strike, underlying",
                arguments: [quoteDates.lowerBound.dayNumber, quoteDates.upperBound.dayNumber])
            var day: [OptionQuote] = []
            while let row = try quoteRows.next() {
                day.removeAll(keepingCapacity: true)
                OptionStrikeRow.quotes(row, into: &day)
                if let date = day.first?.quoteDate { quotes[date, default: []].append(contentsOf: day) }
            }
            var futures: [String: [MarketDate: [FuturesSettlement]]] = [:]
            let futureRows = try Row.fetchCursor(db, sql: "SELECT root, date, expiry, settle FROM futures_settlements ORDER BY root, date, expiry")
            while let row = try futureRows.next() {
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
