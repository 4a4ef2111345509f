extension MemoryMarketStore {
    /// Every value this copy answers queries from, in one canonical byte order (series by
    /// symbol, rows in their stored order, each record field by field, options written as
    /// flag + value): two copies with the same content give the same bytes, and a change to any
    /// row, known date or quote changes them. A cache keyed by a hash of these bytes is therefore
    /// invalidated by any import that touches what the copy holds. `TimelineCacheTests
    /// .everyStoredFieldIsArchived` fails when a record type gains a field, and
    /// `ByteArchiveTests.canonicalContentSeesEveryField` changes each field in turn.
    public func canonicalContent() -> [UInt8] {
        var all: [UInt8] = []
        writeCanonicalContent { all += $0 }
        return all
    }

    /// The same bytes handed to `sink` in pieces of about a megabyte (a store with imported
    /// chains is hashed without building its whole content in memory).
    public func writeCanonicalContent(_ sink: ([UInt8]) -> Void) {
        var out = ArchiveWriter(capacity: 1 << 20 + 4096)
        func flush() {
            guard out.bytes.count >= 1 << 20 else { return }
            sink(out.bytes)
            out = ArchiveWriter(capacity: 1 << 20 + 4096)
        }
        out.write("bars")
        out.write(bars.count)
        for symbol in bars.keys.sorted() {
            let series = bars[symbol]!
            out.write(symbol)
            out.write(series.count)
            for bar in series {
                out.write(bar.date)
                out.write(bar.open)
                out.write(bar.high)
                out.write(bar.low)
                out.write(bar.close)
                out.write(bar.adjustedClose)
                out.write(bar.volume)
                flush()
            }
        }
        out.write("observations")
        out.write(observations.count)
        for symbol in observations.keys.sorted() {
            let series = observations[symbol]!
            out.write(symbol)
            out.write(series.count)
            for known in series {
                out.write(known.observation.date)
                out.write(known.observation.value)
                out.write(known.knownDate)
                flush()
            }
        }
        out.write("curves")
        out.write(curves.count)
        for curve in curves {
            out.write(curve.date)
            out.write(curve.yields.count)
            for value in curve.yields { out.write(value) }
            flush()
        }
        out.write("events")
        out.write(events.count)
        for event in events {
            out.write(event.date)
            out.write(event.event)
            out.write(event.kind)
            out.write(event.timeET)
            flush()
        }
        out.write("quotes")
        out.write(quoteRange.lowerBound)
        out.write(quoteRange.upperBound)
        out.write(quotes.count)
        for date in quotes.keys.sorted() {
            let day = quotes[date]!
            out.write(date)
            out.write(day.count)
            for quote in day {
                out.write(quote.underlying)
                out.write(quote.quoteDate)
                out.write(quote.expiry)
                out.write(quote.strike)
                out.write(quote.right.rawValue)
                out.write(quote.bid)
                out.write(quote.ask)
                out.write(quote.underlyingPrice)
                out.write(quote.impliedVolatility)
                out.write(quote.delta)
                out.write(quote.volume)
                out.write(quote.openInterest)
                flush()
            }
        }
        out.write("futures")
        out.write(futures.count)
        for root in futures.keys.sorted() {
            let byDate = futures[root]!
            out.write(root)
            out.write(byDate.count)
            for date in byDate.keys.sorted() {
                let day = byDate[date]!
                out.write(date)
                out.write(day.count)
                for settlement in day {
                    out.write(settlement.root)
                    out.write(settlement.date)
                    out.write(settlement.expiry)
                    out.write(settlement.settle)
                    flush()
                }
            }
        }
        sink(out.bytes)
    }
}
