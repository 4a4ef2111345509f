import MarketData

/// Cash-settled contracts leave no broker fill when they expire, so a trader's stored book still
/// lists them. Before a decision on the book, every lot that expired on or before `through`
/// is closed by a settlement fill dated its expiry day, at its settlement value
/// (`BookValuation.settlementPrice`: SPX options against that day's S&P 500 close, VIX options
/// and futures against its VIX open), exactly as `book show` settles them.
public enum BookSettlement {
    public static func settled(
        _ fills: [BookFill], through: MarketDate, store: some MarketDataStore, calendar: TradingCalendar
    ) throws -> (fills: [BookFill], settled: [String]) {
        let positions = BookPositions(fills: fills)
        var result = fills
        var settled: [String] = []
        for lot in positions.lots {
            guard let expiry = BookValuation.expiry(lot.symbol, calendar: calendar), expiry <= through else { continue }
            let price = try BookValuation.settlementPrice(lot.symbol, expiry: expiry, store: store)
            result.append(BookFill(date: expiry, symbol: lot.symbol, quantity: -lot.quantity, price: price, fees: .zero, layer: lot.layer))
            settled.append("\(lot.symbol) (\(lot.layer)) \(lot.quantity) settled at \(price) on \(expiry)")
        }
        return (result, settled)
    }
}
