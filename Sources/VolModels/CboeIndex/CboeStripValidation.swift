/// Input checks shared by the Cboe VIX steps. Every row of the strip is checked, including
/// rows the selection rules would later ignore, so a malformed chain is never half-used.
enum CboeStripValidation {
    static func validate(strip: [OptionStripQuote], years: Double, rate: Double) throws(CboeVIXError) {
        guard years.isFinite else { throw .nonFiniteParameter(name: "years") }
        guard years > 0 else { throw .nonPositiveTime(years) }
        guard rate.isFinite else { throw .nonFiniteParameter(name: "rate") }
        guard !strip.isEmpty else { throw .emptyStrip }
        // Field by field rather than through an array of (name, value) pairs: this runs for
        // every row of every strip of every session, and the array cost an allocation per row.
        for index in strip.indices {
            let row = strip[index]
            try finite(row.strike, "strike", index)
            try finite(row.callBid, "callBid", index)
            try finite(row.callAsk, "callAsk", index)
            try finite(row.putBid, "putBid", index)
            try finite(row.putAsk, "putAsk", index)
            guard row.strike > 0 else { throw .nonPositiveStrike(index: index, strike: row.strike) }
            if index > 0, !(row.strike > strip[index - 1].strike) {
                throw .strikesNotStrictlyIncreasing(index: index, previous: strip[index - 1].strike, strike: row.strike)
            }
            try nonNegative(row.callBid, "callBid", index)
            try nonNegative(row.callAsk, "callAsk", index)
            try nonNegative(row.putBid, "putBid", index)
            try nonNegative(row.putAsk, "putAsk", index)
            guard row.callBid <= row.callAsk else {
                throw .bidAboveAsk(leg: "call", index: index, bid: row.callBid, ask: row.callAsk)
            }
            guard row.putBid <= row.putAsk else {
                throw .bidAboveAsk(leg: "put", index: index, bid: row.putBid, ask: row.putAsk)
            }
        }
    }

    @inline(__always)
    private static func finite(_ value: Double, _ field: String, _ index: Int) throws(CboeVIXError) {
        guard value.isFinite else { throw .nonFiniteInput(field: field, index: index) }
    }

    @inline(__always)
    private static func nonNegative(_ value: Double, _ field: String, _ index: Int) throws(CboeVIXError) {
        if value < 0 { throw .negativePrice(field: field, index: index, value: value) }
    }
}
