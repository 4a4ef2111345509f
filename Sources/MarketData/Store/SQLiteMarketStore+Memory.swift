import GRDB

extension SQLiteMarketStore {
    /// Everything in one read transaction (one consistent state of the file), option quotes
    /// only for `quoteDates`. The large tables are read column by column from the statement
    /// (`StatementRows`); the option quotes from cursors, not `fetchAll`: a copied row decodes
    /// every value through GRDB's generic `DatabaseValue` path (measured: that decoding was half
    /// of `signal --book`).
    public func memoryCopy(quoteDates: ClosedRange<MarketDate>) throws -> MemoryMarketStore {
        try read { db in
            // One query per symbol: the symbol is not decoded and hashed again for every row.
            var bars: [String: [DailyBar]] = [:]
            for symbol in try String.fetchAll(db, sql: "SELECT DISTINCT symbol FROM bars") {
                var rows = try StatementRows(
                    db, table: "bars", sql: "SELECT date, open, high, low, close, adj_close, volume FROM bars WHERE symbol = ? ORDER BY date",
                    arguments: [symbol])
                var series: [DailyBar] = []
                while try rows.next() {
                    series.append(
                        DailyBar(
                            date: MarketDate(dayNumber: try rows.int(0)), open: rows.optionalDouble(1), high: rows.optionalDouble(2),
                            low: rows.optionalDouble(3), close: try rows.double(4), adjustedClose: rows.optionalDouble(5),
                            volume: rows.optionalDouble(6)))
                }
                bars[symbol] = series
            }
            var observations: [String: [MemoryMarketStore.KnownObservation]] = [:]
            for symbol in try String.fetchAll(db, sql: "SELECT DISTINCT symbol FROM observations") {
                var rows = try StatementRows(
                    db, table: "observations", sql: "SELECT date, known_date, value FROM observations WHERE symbol = ? ORDER BY date",
                    arguments: [symbol])
                var series: [MemoryMarketStore.KnownObservation] = []
                while try rows.next() {
                    series.append(
                        .init(
                            observation: Observation(date: MarketDate(dayNumber: try rows.int(0)), value: try rows.double(2)),
                            knownDate: MarketDate(dayNumber: try rows.int(1))))
                }
                observations[symbol] = series
            }
            var curveRows = try StatementRows(
                db, table: "treasury_curves", sql: "SELECT date, m1, m3, m6, y1, y2, y3, y5, y7, y10, y20, y30 FROM treasury_curves ORDER BY date")
            var curves: [TreasuryCurve] = []
            while try curveRows.next() {
                curves.append(TreasuryCurve(date: MarketDate(dayNumber: try curveRows.int(0)), yields: (1...11).map { curveRows.optionalDouble(Int32($0)) }))
            }
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
            var futureRows = try StatementRows(
                db, table: "futures_settlements", sql: "SELECT root, date, expiry, settle FROM futures_settlements ORDER BY root, date, expiry")
            while try futureRows.next() {
                let settlement = FuturesSettlement(
                    root: try futureRows.text(0), date: MarketDate(dayNumber: try futureRows.int(1)),
                    expiry: MarketDate(dayNumber: try futureRows.int(2)), settle: try futureRows.double(3))
                futures[settlement.root, default: [:]][settlement.date, default: []].append(settlement)
            }
            return MemoryMarketStore(
                bars: bars, observations: observations, curves: curves, events: events, quotes: quotes, futures: futures,
                quoteRange: quoteDates)
        }
    }
}
