/// Input checks shared by the Cboe VIX steps. Every row of the strip is checked, including
/// rows the selection rules would later ignore, so a malformed chain is never half-used.
enum CboeStripValidation {
    static func validate(strip: [OptionStripQuote], years: Double, rate: Double) throws(CboeVIXError) {
        guard years.isFinite else { throw .nonFiniteParameter(name: "years") }
        guard years > 0 else { throw .nonPositiveTime(years) }
        guard rate.isFinite else { throw .nonFiniteParameter(name: "rate") }
        guard !strip.isEmpty else { throw .emptyStrip }
        for (index, row) in strip.enumerated() {
            let fields: [(String, Double)] = [
                ("strike", row.strike), ("callBid", row.callBid), ("callAsk", row.callAsk),
                ("putBid", row.putBid), ("putAsk", row.putAsk),
            ]
            for (name, value) in fields where !value.isFinite {
                throw .nonFiniteInput(field: name, index: index)
            }
            guard row.strike > 0 else { throw .nonPositiveStrike(index: index, strike: row.strike) }
            if index > 0, !(row.strike > strip[index - 1].strike) {
                throw .strikesNotStrictlyIncreasing(index: index, previous: strip[index - 1].strike, strike: row.strike)
            }
            for (name, value) in fields.dropFirst() where value < 0 {
                throw .negativePrice(field: name, index: index, value: value)
            }
            guard row.callBid <= row.callAsk else {
                throw .bidAboveAsk(leg: "call", index: index, bid: row.callBid, ask: row.callAsk)
            }
            guard row.putBid <= row.putAsk else {
                throw .bidAboveAsk(leg: "put", index: index, bid: row.putBid, ask: row.putAsk)
            }
        }
    }
}
