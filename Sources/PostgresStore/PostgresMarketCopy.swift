import MarketData
import PostgresNIO

/// Reads the market tables (option quotes excepted) into a `MemoryMarketStore`, in the SQLite
/// store's row order, so both stores answer every point-in-time query alike.
enum PostgresMarketCopy {
    /// A quote range no date falls in: quotes are read per call, never held in the copy.
    static let noQuotes = MarketDate(dayNumber: Int(Int32.min))...MarketDate(dayNumber: Int(Int32.min))

    static func read(_ session: PostgresSession) throws -> MemoryMarketStore {
        var bars: [String: [DailyBar]] = [:]
        for row in try session.rows("SELECT symbol, date, open, high, low, close, adj_close, volume FROM bars ORDER BY symbol, date") {
            let (symbol, date, open, high, low, close, adjusted, volume) = try row.decode(
                (String, Int, Double?, Double?, Double?, Double, Double?, Double?).self)
            bars[symbol, default: []].append(
                DailyBar(date: MarketDate(dayNumber: date), open: open, high: high, low: low, close: close, adjustedClose: adjusted, volume: volume))
        }
        var observations: [String: [MemoryMarketStore.KnownObservation]] = [:]
        for row in try session.rows("SELECT symbol, date, known_date, value FROM observations ORDER BY symbol, date") {
            let (symbol, date, known, value) = try row.decode((String, Int, Int, Double).self)
            observations[symbol, default: []].append(
                .init(observation: Observation(date: MarketDate(dayNumber: date), value: value), knownDate: MarketDate(dayNumber: known)))
        }
        let curves = try session.rows(curveQuery("ORDER BY date")).map(curve)
        let events = try session.rows("SELECT date, event, kind, time_et FROM events ORDER BY date, event").map { row in
            let (date, event, kind, time) = try row.decode((Int, String, String, String?).self)
            return CalendarEvent(date: MarketDate(dayNumber: date), event: event, kind: kind, timeET: time)
        }
        var futures: [String: [MarketDate: [FuturesSettlement]]] = [:]
        for row in try session.rows("SELECT root, date, expiry, settle FROM futures_settlements ORDER BY root, date, expiry") {
            let (root, date, expiry, settle) = try row.decode((String, Int, Int, Double).self)
            let settlement = FuturesSettlement(root: root, date: MarketDate(dayNumber: date), expiry: MarketDate(dayNumber: expiry), settle: settle)
            futures[root, default: [:]][settlement.date, default: []].append(settlement)
        }
        return MemoryMarketStore(
            bars: bars, observations: observations, curves: curves, events: events, quotes: [:], futures: futures, quoteRange: noQuotes)
    }

    static func curveQuery(_ tail: String) -> PostgresQuery {
        PostgresQuery(unsafeSQL: "SELECT date, m1, m3, m6, y1, y2, y3, y5, y7, y10, y20, y30 FROM treasury_curves " + tail)
    }

    static func curve(_ row: PostgresRow) throws -> TreasuryCurve {
        let cells = row.makeRandomAccess()
        let date = try cells[0].decode(Int.self)
        return TreasuryCurve(date: MarketDate(dayNumber: date), yields: try (1...11).map { try cells[$0].decode(Double?.self) })
    }

    /// The quotes of one strike row read with `SELECT <quoteColumns>`, call first (as SQLite's
    /// `OptionStrikeRow`).
    static func quotes(_ row: PostgresRow, into quotes: inout [OptionQuote]) throws {
        let cells = row.makeRandomAccess()
        let underlying = try cells[0].decode(String.self)
        let quoteDate = MarketDate(dayNumber: try cells[1].decode(Int.self))
        let expiry = MarketDate(dayNumber: try cells[2].decode(Int.self))
        let strike = try cells[3].decode(Double.self)
        for (right, offset) in [(OptionQuote.Right.call, 4), (.put, 11)] {
            guard let bid = try cells[offset].decode(Double?.self), let ask = try cells[offset + 1].decode(Double?.self) else { continue }
            quotes.append(
                OptionQuote(
                    underlying: underlying, quoteDate: quoteDate, expiry: expiry, strike: strike, right: right, bid: bid, ask: ask,
                    underlyingPrice: try cells[offset + 2].decode(Double?.self), impliedVolatility: try cells[offset + 3].decode(Double?.self),
                    delta: try cells[offset + 4].decode(Double?.self), volume: try cells[offset + 5].decode(Double?.self),
                    openInterest: try cells[offset + 6].decode(Double?.self)))
        }
    }

    static let quoteColumns = MarketTable.optionStrikes.columns.joined(separator: ", ")
}
