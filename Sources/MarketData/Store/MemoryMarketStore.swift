/// An immutable in-memory copy of a store, answering the same point-in-time queries with the
/// same results (same rows, same order) by binary search instead of SQL. Backtests read
/// dozens of histories per session; from SQLite that cost more than the models themselves.
///
/// Option quotes are copied only for quote dates in the range given to `load`: they are the
/// one table that can hold millions of rows, and a replay reads only its own days. Asking for
/// a date outside that range is an error, never a silent empty chain.
public struct MemoryMarketStore: MarketDataStore {
    package struct KnownObservation: Sendable {
        package var observation: Observation
        package var knownDate: MarketDate

        package init(observation: Observation, knownDate: MarketDate) {
            (self.observation, self.knownDate) = (observation, knownDate)
        }
    }

    let bars: [String: [DailyBar]]
    let observations: [String: [KnownObservation]]
    let curves: [TreasuryCurve]
    /// Ordered by date, then event name (the SQLite store's order).
    let events: [CalendarEvent]
    let quotes: [MarketDate: [OptionQuote]]
    /// Futures settlements by root, then trading date (each day's list ordered by expiry).
    let futures: [String: [MarketDate: [FuturesSettlement]]]
    public let quoteRange: ClosedRange<MarketDate>

    /// Copies `store` with option quotes for `quoteDates` only.
    public static func load(_ store: any VixShieldStore, quoteDates: ClosedRange<MarketDate>) throws -> MemoryMarketStore {
        try store.memoryCopy(quoteDates: quoteDates)
    }

    package init(
        bars: [String: [DailyBar]], observations: [String: [KnownObservation]], curves: [TreasuryCurve], events: [CalendarEvent],
        quotes: [MarketDate: [OptionQuote]], futures: [String: [MarketDate: [FuturesSettlement]]], quoteRange: ClosedRange<MarketDate>
    ) {
        self.futures = futures
        self.bars = bars
        self.observations = observations
        self.curves = curves
        self.events = events
        self.quotes = quotes
        self.quoteRange = quoteRange
    }

    /// The same history with `quotes` as its option quotes, loaded for `range`.
    package func replacingQuotes(_ quotes: [MarketDate: [OptionQuote]], range: ClosedRange<MarketDate>) -> MemoryMarketStore {
        MemoryMarketStore(
            bars: bars, observations: observations, curves: curves, events: events, quotes: quotes, futures: futures, quoteRange: range)
    }

    /// The same history with the option quotes of `range` only: a command that learns its dates
    /// from the history it loaded keeps the quotes it replays, and the same content as a copy
    /// loaded for that range alone. `range` must lie within `quoteRange` (quotes outside it were
    /// never loaded).
    public func restrictingQuotes(to range: ClosedRange<MarketDate>) throws(StoreError) -> MemoryMarketStore {
        guard quoteRange.contains(range.lowerBound), quoteRange.contains(range.upperBound) else {
            throw .database("option quotes for \(range.lowerBound) .. \(range.upperBound) are not all loaded (loaded \(quoteRange.lowerBound) .. \(quoteRange.upperBound))")
        }
        return replacingQuotes(quotes.filter { range.contains($0.key) }, range: range)
    }

    /// First and last date of `symbol`'s daily bars, or else of its observations (as the store
    /// catalog gives them); nil for a symbol with neither.
    public func span(of symbol: String) -> ClosedRange<MarketDate>? {
        if let series = bars[symbol], let first = series.first, let last = series.last { return first.date...last.date }
        if let series = observations[symbol], let first = series.first, let last = series.last {
            return first.observation.date...last.observation.date
        }
        return nil
    }

    public func bars(_ symbol: String, from: MarketDate?, asOf: MarketDate) throws -> [DailyBar] {
        guard let series = bars[symbol] else { return [] }
        let lower = from.map { day in Self.firstIndex(series.count) { series[$0].date >= day } } ?? 0
        let upper = Self.firstIndex(series.count) { series[$0].date > asOf }
        return lower < upper ? Array(series[lower..<upper]) : []
    }

    public func observations(_ symbol: String, from: MarketDate?, asOf: MarketDate) throws -> [Observation] {
        guard let series = observations[symbol] else { return [] }
        let lower = from.map { day in Self.firstIndex(series.count) { series[$0].observation.date >= day } } ?? 0
        // A value is never known before the date it describes (publication lags are not
        // negative), so nothing dated after `asOf` can qualify: stop the scan there.
        let upper = Self.firstIndex(series.count) { series[$0].observation.date > asOf }
        guard lower < upper else { return [] }
        return series[lower..<upper].compactMap { $0.knownDate <= asOf ? $0.observation : nil }
    }

    /// The window read backwards from `asOf`, skipping what was not yet published, without the
    /// whole range's observations (the VIX complex reads 252 values of a 400-day range a session).
    public func trailingValues(_ symbol: String, from: MarketDate?, asOf: MarketDate, count: Int) throws -> [Double] {
        guard count > 0, let series = observations[symbol] else { return [] }
        let lower = from.map { day in Self.firstIndex(series.count) { series[$0].observation.date >= day } } ?? 0
        var index = Self.firstIndex(series.count) { series[$0].observation.date > asOf }
        var values: [Double] = []
        values.reserveCapacity(min(count, max(0, index - lower)))
        while index > lower, values.count < count {
            index -= 1
            if series[index].knownDate <= asOf { values.append(series[index].observation.value) }
        }
        values.reverse()
        return values
    }

    public func treasuryCurve(asOf: MarketDate) throws -> TreasuryCurve? {
        let index = Self.firstIndex(curves.count) { curves[$0].date > asOf }
        return index > 0 ? curves[index - 1] : nil
    }

    public func events(from: MarketDate, through: MarketDate, asOf: MarketDate) throws -> [CalendarEvent] {
        let lower = Self.firstIndex(events.count) { events[$0].date >= from }
        let upper = Self.firstIndex(events.count) { events[$0].date > through }
        guard lower < upper else { return [] }
        return events[lower..<upper].filter { $0.kind != "unscheduled" || $0.date <= asOf }
    }

    public func snapshot(asOf: MarketDate) throws -> MarketSnapshot {
        var latest: [MarketSnapshot.Latest] = []
        for symbol in bars.keys.sorted() {
            let series = bars[symbol]!
            let index = Self.firstIndex(series.count) { series[$0].date > asOf }
            if index > 0 {
                let bar = series[index - 1]
                latest.append(.init(symbol: symbol, date: bar.date, knownDate: bar.date, value: bar.close))
            }
        }
        for symbol in observations.keys.sorted() {
            let series = observations[symbol]!
            let upper = Self.firstIndex(series.count) { series[$0].observation.date > asOf }
            if let known = series[..<upper].last(where: { $0.knownDate <= asOf }) {
                latest.append(.init(symbol: symbol, date: known.observation.date, knownDate: known.knownDate, value: known.observation.value))
            }
        }
        // Stable: bars before observations for a symbol held in both, as the SQLite store does.
        latest.sort { $0.symbol < $1.symbol }
        return MarketSnapshot(asOf: asOf, latest: latest, treasury: try treasuryCurve(asOf: asOf))
    }

    public func optionQuotes(underlying: String, quoteDate: MarketDate) throws -> [OptionQuote] {
        guard quoteRange.contains(quoteDate) else {
            throw StoreError.database("option quotes for \(quoteDate) were not loaded into memory (loaded \(quoteRange.lowerBound) .. \(quoteRange.upperBound))")
        }
        return (quotes[quoteDate] ?? []).filter { $0.underlying == underlying }
    }

    public func futuresSettlements(root: String, date: MarketDate) throws -> [FuturesSettlement] {
        futures[root]?[date] ?? []
    }

    /// The first index in 0..<count where `isAfter` holds (`isAfter` must be false then true).
    static func firstIndex(_ count: Int, _ isAfter: (Int) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if isAfter(middle) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
