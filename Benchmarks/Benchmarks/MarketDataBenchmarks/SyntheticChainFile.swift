import MarketData

/// A deterministic OptionsDX-layout file of `rows` rows (each row a call and a put at one
/// strike): 250 quote dates × 8 expiries × strikes every 5 points around 2,700, with plausible
/// bids, asks, greeks and sizes. Built in memory so the benchmark needs no data file.
enum SyntheticChainFile {
    static let header = "[QUOTE_UNIXTIME], [QUOTE_READTIME], [QUOTE_DATE], [QUOTE_TIME_HOURS], [UNDERLYING_LAST], [EXPIRE_DATE], [EXPIRE_UNIX], [DTE], [C_DELTA], [C_GAMMA], [C_VEGA], [C_THETA], [C_RHO], [C_IV], [C_VOLUME], [C_LAST], [C_SIZE], [C_BID], [C_ASK], [STRIKE], [P_BID], [P_ASK], [P_SIZE], [P_LAST], [P_DELTA], [P_GAMMA], [P_VEGA], [P_THETA], [P_RHO], [P_IV], [P_VOLUME], [STRIKE_DISTANCE], [STRIKE_DISTANCE_PCT]"

    static func make(rows: Int) -> [UInt8] {
        var text = header + "\n"
        text.reserveCapacity(rows * 330)
        let strikesPerExpiry = 250
        let expiries = 8
        var written = 0
        var day = 0
        while written < rows {
            let quote = MarketDate(year: 2018, month: 1, day: 2)!.adding(days: day)
            day += 1
            for e in 0..<expiries where written < rows {
                let expiry = quote.adding(days: 7 + 14 * e)
                for k in 0..<strikesPerExpiry where written < rows {
                    let strike = 2075 + 5 * k
                    let c = max(0.05, Double(2700 - strike) + 20 + Double(e))
                    let p = max(0.05, Double(strike - 2700) + 20 + Double(e))
                    text += " 1514926800, 2018-01-02 16:00, \(quote), 16.000000, 2700.5, \(expiry), 1515704400, \(7 + 14 * e).00, 0.5, 0.001, 1.2, -0.5, 0.3, 0.15, 10, \(c), 5 x 5, \(c), \(c + 0.3), \(strike).0, \(p), \(p + 0.3), 5 x 5, \(p), -0.5, 0.001, 1.2, -0.5, -0.3, 0.16, 12, \(abs(strike - 2700)).0, 0.01\n"
                    written += 1
                }
            }
        }
        return Array(text.utf8)
    }
}
